import * as z from 'zod/mini';
import type { CheckoutStart } from '../core/merchantApi';
import { CHECKOUT_WORKFLOWS } from '../core/schemas/checkoutSession';
import { AmountSchema, CountryCodeSchema, MetadataSchema, type Amount } from '../core/schemas/common';
import { CreateCustomerRequestSchema, type CreateCustomerRequest } from '../core/schemas/customer';
import type { YunoCallOptions, YunoServerClient } from './createYunoServerClient';
import { findOrCreateCustomer } from './findOrCreateCustomer';

/**
 * The shopper's order as the merchant's server knows it: what a checkout session charges. It always comes from the
 * server (the cart, the order in the database, the signed-in user), never from the browser.
 *
 * @example
 * ```ts
 * const checkout: ResolvedCheckout = {
 *   merchantOrderId: order.id,
 *   description: `Order ${order.number}`,
 *   country: 'BR',
 *   amount: { currency: 'BRL', value: order.total },
 *   customer: { merchant_customer_id: user.id, email: user.email, country: 'BR' },
 * };
 * ```
 */
export interface ResolvedCheckout {
  /** Your order id (3–255 characters); Yuno's `merchant_order_id`. */
  merchantOrderId: string;
  /** Shown to the shopper and on statements (3–255 characters); Yuno's `payment_description`. */
  description: string;
  /** ISO-3166 alpha-2 country code of the payment, e.g. `BR`. */
  country: string;
  /** In major units, e.g. `{ currency: 'BRL', value: 49.9 }`. */
  amount: Amount;
  /**
   * The shopper, found by `merchant_customer_id` or created. Needed for saved cards and enrollment; omit for guests.
   */
  customer?: CreateCustomerRequest;
  /** Where Yuno sends the shopper back after a redirect or a 3DS challenge. */
  callbackUrl?: string;
  /** Up to 120 key/value pairs kept with the session. */
  metadata?: Array<{ key: string; value: string }>;
  /** @default 'SDK_CHECKOUT' (Yuno's default) */
  workflow?: (typeof CHECKOUT_WORKFLOWS)[number];
}

const ResolvedCheckoutSchema = z.object({
  merchantOrderId: z.string().check(z.minLength(3), z.maxLength(255)),
  description: z.string().check(z.minLength(3), z.maxLength(255)),
  country: CountryCodeSchema,
  amount: AmountSchema,
  customer: z.optional(CreateCustomerRequestSchema),
  callbackUrl: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  metadata: MetadataSchema,
  workflow: z.optional(z.enum(CHECKOUT_WORKFLOWS)),
});

/**
 * Options of {@link createYunoCheckout}.
 *
 * @example
 * ```ts
 * const options: CreateYunoCheckoutOptions = { client: yuno, checkout: await checkoutFor(orderId) };
 * ```
 */
export interface CreateYunoCheckoutOptions extends YunoCallOptions {
  client: YunoServerClient;
  checkout: ResolvedCheckout;
}

/**
 * Starts a checkout for an order: finds or creates the Yuno customer (when the checkout names one), then creates a
 * checkout session for the order's amount. Returns what the browser needs (`<YunoProvider>`'s props), nothing secret.
 * The `POST /checkout-sessions` route uses it; a Next.js server component can call it directly to render the checkout
 * page with a session already in place.
 *
 * @see https://docs.y.uno/reference/checkout-sessions/create-checkout-session
 * @example
 * ```tsx
 * // app/checkout/page.tsx (a server component)
 * import { createYunoCheckout } from 'yuno-react/server';
 *
 * export default async function CheckoutPage() {
 *   const order = await currentOrder();
 *   const start = await createYunoCheckout({
 *     client: yuno,
 *     checkout: {
 *       merchantOrderId: order.id,
 *       description: `Order ${order.number}`,
 *       country: 'BR',
 *       amount: { currency: 'BRL', value: order.total },
 *     },
 *   });
 *   return <Checkout checkoutSession={start.checkoutSession} countryCode={start.countryCode} />;
 * }
 * ```
 */
export async function createYunoCheckout(options: CreateYunoCheckoutOptions): Promise<CheckoutStart> {
  const { client, checkout: input, ...callOptions } = options;
  const checkout = checkResolvedCheckout('createYunoCheckout', input);
  const customer = checkout.customer ? await findOrCreateCustomer(client, checkout.customer) : undefined;
  const session = await client.checkoutSessions.create(
    {
      merchant_order_id: checkout.merchantOrderId,
      payment_description: checkout.description,
      country: checkout.country,
      amount: checkout.amount,
      ...(customer ? { customer_id: customer.id } : {}),
      ...(checkout.callbackUrl ? { callback_url: checkout.callbackUrl } : {}),
      ...(checkout.metadata ? { metadata: checkout.metadata } : {}),
      ...(checkout.workflow ? { workflow: checkout.workflow } : {}),
    },
    callOptions,
  );
  return {
    checkoutSession: session.checkout_session,
    countryCode: session.country,
    // The amount charged is the one the server asked for; Yuno echoes it, but a session is valid without one.
    amount: session.amount ?? checkout.amount,
    merchantOrderId: session.merchant_order_id,
    customerId: customer?.id ?? null,
  };
}

/**
 * Checks what `resolveCheckout` (or a caller of createYunoCheckout) returned before anything is sent to Yuno. A bad
 * value is a programming error, reported with the field paths only.
 */
export function checkResolvedCheckout(call: string, value: unknown): ResolvedCheckout {
  const result = ResolvedCheckoutSchema.safeParse(value);
  if (!result.success) {
    const paths = [...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.') || '(checkout)'))];
    throw new TypeError(`${call}: the checkout is invalid at ${paths.slice(0, 20).join(', ')}`);
  }
  return result.data as ResolvedCheckout;
}
