import { useState } from 'react';
import { Checkout, type Payment } from 'yuno-react';

/**
 * Props of {@link CheckoutPage}.
 *
 * @example
 * ```tsx
 * const props: CheckoutPageProps = { summary: 'Two coffees', total: 'US$25.00' };
 * ```
 */
export interface CheckoutPageProps {
  /** What the shopper is buying. */
  summary: string;
  /** The order's total, formatted for the shopper. */
  total: string;
}

/**
 * A checkout page as an application writes it: the order, yuno-react's `<Checkout>` (inside the `<YunoProvider>` the
 * page is rendered in), and the confirmation once the payment is approved.
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={start.checkoutSession} countryCode={start.countryCode} publicApiKey={publicApiKey}>
 *   <CheckoutPage summary="Two coffees" total="US$25.00" />
 * </YunoProvider>
 * ```
 */
export function CheckoutPage({ summary, total }: CheckoutPageProps) {
  const [paid, setPaid] = useState<Payment | null>(null);
  return (
    <section aria-labelledby="checkout-page-title">
      <h2 id="checkout-page-title">Checkout</h2>
      <p>
        {summary}: <strong>{total}</strong>
      </p>
      {paid ? (
        <p>
          Order confirmed. Your payment reference is <code>{paid.id}</code>.
        </p>
      ) : null}
      <Checkout onSuccess={setPaid} />
    </section>
  );
}
