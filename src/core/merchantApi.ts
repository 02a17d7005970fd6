import * as z from 'zod/mini';
import { AmountSchema, DocumentSchema, IdSchema, openEnum } from './schemas/common';
import { PAYMENT_METHOD_TYPES } from './schemas/paymentMethod';
import { BrowserInfoSchema, DeviceFingerprintSchema } from './schemas/token';

/**
 * The HTTP API between the browser and the merchant's server: paths below the routes' base (`/api/yuno` by default)
 * and the bodies they take and give. `yuno-react/server` serves it (createYunoRouteHandlers); the browser entry calls it
 * (createYunoBrowserClient). Errors use Yuno's own error body `{ code, messages }`.
 */
export const merchantRoutes = {
  checkoutSessions: '/checkout-sessions',
  paymentMethods: (checkoutSession: string) =>
    `/checkout-sessions/${encodeURIComponent(checkoutSession)}/payment-methods`,
  token: (checkoutSession: string) => `/checkout-sessions/${encodeURIComponent(checkoutSession)}/token`,
  payments: '/payments',
  payment: (paymentId: string) => `/payments/${encodeURIComponent(paymentId)}`,
  customerSessions: '/customer-sessions',
  enrollablePaymentMethods: (customerSession: string) =>
    `/customer-sessions/${encodeURIComponent(customerSession)}/payment-methods`,
  enrollments: (customerSession: string) => `/customer-sessions/${encodeURIComponent(customerSession)}/enrollments`,
  webhooks: '/webhooks',
} as const;

/** The default base path of the merchant's routes. */
export const DEFAULT_API_BASE_URL = '/api/yuno';

/**
 * Body of `POST /checkout-sessions`: a fresh checkout session for the shopper's current order (after a decline, or when
 * the page did not create one). The server decides the order, amount and currency; the browser may only say which
 * session it is replacing.
 */
export const StartCheckoutRequestSchema = z.object({
  previousCheckoutSession: z.optional(IdSchema),
});
export type StartCheckoutRequest = z.infer<typeof StartCheckoutRequestSchema>;

/** What starting a checkout gives the browser: everything `<YunoProvider>` needs, nothing secret. */
export const CheckoutStartSchema = z.object({
  checkoutSession: IdSchema,
  countryCode: z.string().check(z.regex(/^[A-Z]{2}$/)),
  amount: AmountSchema,
  merchantOrderId: z.string(),
  customerId: z.optional(z.nullable(IdSchema)),
});
export type CheckoutStart = z.infer<typeof CheckoutStartSchema>;

/** Card details for the one-round-trip path (server tokenizer only; the merchant's server must be PCI certified). */
export const MerchantCardSchema = z.object({
  number: z.string().check(z.regex(/^\d{8,19}$/)),
  expiration_month: z.int().check(z.gte(1), z.lte(12)),
  expiration_year: z.int().check(z.gte(0), z.lte(9999)),
  security_code: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
  holder_name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  type: z.optional(z.string()),
});

/**
 * Body of `POST /payments` (with header `X-Idempotency-Key`, one per attempt). Amount, currency, country and order are
 * deliberately absent: the server takes them from the checkout session it created; a body that carries them is refused.
 */
export const CreateMerchantPaymentRequestSchema = z.object({
  checkoutSession: IdSchema,
  /** A one-time token from the tokenizer. */
  oneTimeToken: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Card details, for one round trip through a server tokenizer. */
  card: z.optional(MerchantCardSchema),
  /** Payment-method type; required with `card` or for wallets. */
  paymentMethodType: z.optional(openEnum(PAYMENT_METHOD_TYPES)),
  vaultOnSuccess: z.optional(z.boolean()),
  browserInfo: z.optional(BrowserInfoSchema),
  deviceFingerprints: z.optional(z.array(DeviceFingerprintSchema)),
  /** Shopper details a country requires (document), never an amount. */
  customerPayer: z.optional(
    z.object({
      document: z.optional(DocumentSchema),
      email: z.optional(z.string()),
      first_name: z.optional(z.string()),
      last_name: z.optional(z.string()),
    }),
  ),
});
export type CreateMerchantPaymentRequest = z.infer<typeof CreateMerchantPaymentRequestSchema>;

/** Body of `POST /customer-sessions/{customerSession}/enrollments` (with header `X-Idempotency-Key`). */
export const StartEnrollmentRequestSchema = z.object({
  paymentMethodType: z.optional(z.string().check(z.minLength(3))),
});
export type StartEnrollmentRequest = z.infer<typeof StartEnrollmentRequestSchema>;

/** Body of `POST /customer-sessions`: the customer comes from the server's own session, never from the browser. */
export const StartCustomerSessionRequestSchema = z.object({});
