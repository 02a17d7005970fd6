import type { Decorator } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { useCheckout, usePaymentMethods } from 'yuno-react';

/**
 * Props of {@link PayOnMount}.
 *
 * @example
 * ```tsx
 * const props: PayOnMountProps = { type: 'CARD', card: '4916994064252017' };
 * ```
 */
export interface PayOnMountProps {
  /** The payment-method type to select, e.g. `PIX`, `OXXO`, `CARD`. */
  type: string;
  /** For `CARD`: the test card number (expiry 11/30, CVV 123, or 1234 for Amex). */
  card?: string;
}

/**
 * Starts a payment as soon as the session's methods are listed, through `useCheckout()` alone, so that a story can
 * show a component in the state that payment leads to (a 3DS challenge, a PIX code, a voucher, a decline). Renders
 * nothing.
 *
 * @example
 * ```tsx
 * <PayOnMount type="PIX" />
 * <NextAction />
 * ```
 */
export function PayOnMount({ type, card }: PayOnMountProps) {
  const methods = usePaymentMethods();
  const { select, pay } = useCheckout();
  const started = useRef(false);
  useEffect(() => {
    const method = methods.data?.find((m) => m.type === type && !m.vaulted_token);
    if (started.current || !method) return;
    started.current = true;
    select(method);
    const details = card
      ? {
          card: {
            number: card,
            expirationMonth: 11,
            expirationYear: 30,
            securityCode: /^3[47]/.test(card) ? '1234' : '123',
            holderName: 'Ada Lovelace',
          },
        }
      : {};
    // The outcome (a next action, a decline, an error) is the provider's state, which the story's components show.
    pay(details).catch(() => undefined);
  }, [methods.data, type, card, select, pay]);
  return null;
}

/**
 * A decorator that puts a {@link PayOnMount} before the story, from `parameters.pay`.
 *
 * @example
 * ```ts
 * export const Pix: Story = { decorators: [withPayment], parameters: { pay: { type: 'PIX' } } };
 * ```
 */
export const withPayment: Decorator = (Story, context) => {
  const pay = context.parameters.pay as PayOnMountProps | undefined;
  return (
    <>
      {pay && <PayOnMount {...pay} />}
      <Story />
    </>
  );
};
