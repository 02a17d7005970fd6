import * as z from 'zod/mini';
import { createHttpClient, type HttpClient, type HttpMethod, type RetryOptions } from '../core/http';
import { createIdempotencyKey } from '../core/idempotency';
import { findIllFormedString, isWellFormedString } from '../core/wellFormed';
import {
  CheckoutSessionSchema,
  CreateCheckoutSessionRequestSchema,
  UpdateCheckoutSessionRequestSchema,
  type CheckoutSession,
  type CreateCheckoutSessionRequest,
  type UpdateCheckoutSessionRequest,
} from '../core/schemas/checkoutSession';
import {
  CreateCustomerRequestSchema,
  CustomerSchema,
  UpdateCustomerRequestSchema,
  type CreateCustomerRequest,
  type Customer,
  type UpdateCustomerRequest,
} from '../core/schemas/customer';
import {
  EnrolledMethodSchema,
  EnrollPaymentMethodApiRequestSchema,
  type EnrolledMethod,
  type EnrollPaymentMethodApiRequest,
} from '../core/schemas/enrollmentApi';
import { IssuerListSchema, type Issuer } from '../core/schemas/issuers';
import {
  CreateWebhookRequestSchema,
  UpdateWebhookRequestSchema,
  WebhookSubscriptionListSchema,
  WebhookSubscriptionSchema,
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  type WebhookSubscription,
} from '../core/schemas/webhookSubscription';
import {
  CreateCustomerSessionRequestSchema,
  CustomerSessionSchema,
  EnrollablePaymentMethodListSchema,
  EnrollmentSchema,
  EnrollPaymentMethodRequestSchema,
  type CreateCustomerSessionRequest,
  type CustomerSession,
  type EnrollablePaymentMethod,
  type Enrollment,
  type EnrollPaymentMethodRequest,
} from '../core/schemas/customerSession';
import {
  CancelOrRefundRequestSchema,
  CancelOrRefundResponseSchema,
  CancelRequestSchema,
  CaptureRequestSchema,
  CreatePaymentRequestSchema,
  PaymentListSchema,
  PaymentSchema,
  RefundRequestSchema,
  type CancelOrRefundRequestInput,
  type CancelOrRefundResponse,
  type CancelRequest,
  type CaptureRequestInput,
  type CreatePaymentRequestInput,
  type Payment,
  type RefundRequestInput,
} from '../core/schemas/payment';
import {
  ThreeDSecureSetupRequestSchema,
  ThreeDSecureSetupSchema,
  type ThreeDSecureSetup,
  type ThreeDSecureSetupRequest,
} from '../core/schemas/threeDSecureSetup';
import {
  EnrolledPaymentMethodListSchema,
  PaymentMethodListSchema,
  type EnrolledPaymentMethod,
  type PaymentMethod,
} from '../core/schemas/paymentMethod';
import {
  DirectTokenRequestSchema,
  DirectTokenSchema,
  OneTimeTokenRequestSchema,
  OneTimeTokenSchema,
  type DirectToken,
  type DirectTokenRequest,
  type OneTimeToken,
  type OneTimeTokenRequest,
} from '../core/schemas/token';
import { resolveYunoBaseUrl } from './resolveYunoBaseUrl';

/**
 * Options of {@link createYunoServerClient}.
 *
 * @example
 * ```ts
 * const options: YunoServerClientOptions = {
 *   publicApiKey: process.env.YUNO_PUBLIC_API_KEY!,
 *   privateSecretKey: process.env.YUNO_PRIVATE_SECRET_KEY!,
 *   accountId: process.env.YUNO_ACCOUNT_ID!,
 *   baseUrl: 'https://api.eu.y.uno', // EMEA; omit to follow the key's prefix
 * };
 * ```
 */
export interface YunoServerClientOptions {
  /** Public API key from Yuno's Dashboard (Developers → Credentials). Its prefix selects the environment. */
  publicApiKey: string;
  /** Private secret key. Server only: it must never reach a browser. */
  privateSecretKey: string;
  /** Account id (UUID), filled into every body that Yuno requires it in. */
  accountId: string;
  /**
   * API host without `/v1`. Defaults to the host the public key's prefix names (`sandbox_` → `https://api-sandbox.y.uno`,
   * `prod_` → `https://api.y.uno`); required for EMEA (`https://api.eu.y.uno`) and for a local sandbox.
   */
  baseUrl?: string;
  /** A fetch implementation: the global one by default, a sandbox's `fetch` in tests. */
  fetch?: typeof globalThis.fetch;
  /**
   * Time limit per attempt. Yuno allows up to 60 s for a payment, so keep it at least that for `payments.create`.
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * Retries of reads and of writes that carry an idempotency key, on network faults, timeouts, 429 and 5xx. A 429 or
   * 503 with `Retry-After` (seconds or an HTTP date) is retried after that wait, cut to `maxRetryAfterMs`; calls that
   * are not retried (writes without an idempotency key) never wait for it. `false` turns retries off.
   * @default { retries: 2, minDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 10000 }
   */
  retry?: RetryOptions | false;
  /**
   * The largest answer from Yuno that is read, in bytes. Reading stops at the limit and the call rejects with a
   * `YunoError` of kind `invalid_response` (code `INVALID_RESPONSE`), so a broken proxy or endless body cannot fill the
   * server's memory.
   * @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
  /**
   * Allows running where `window` or `document` exist (jsdom tests, Electron main windows). Never set it in code that
   * ships to browsers: the private secret key would be exposed.
   * @default false
   */
  allowBrowser?: boolean;
}

/**
 * Options every call accepts.
 *
 * @example
 * ```ts
 * await yuno.payments.retrieve(paymentId, { signal: request.signal, timeoutMs: 10_000 });
 * ```
 */
export interface YunoCallOptions {
  /** Cancels the call; it then rejects with a `YunoError` whose `code` is `'aborted'`. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt time limit for this call. */
  timeoutMs?: number;
}

/**
 * Options of calls that Yuno deduplicates with an `X-Idempotency-Key`.
 *
 * @example
 * ```ts
 * await yuno.payments.cancelOrRefund(paymentId, { reason: 'DUPLICATE' }, { idempotencyKey: `refund-${orderId}` });
 * ```
 */
export interface YunoWriteOptions extends YunoCallOptions {
  /**
   * The key of this attempt. Generated when omitted. Pass your own to retry an attempt whose outcome you did not learn
   * (Yuno then answers with the original outcome); a failed call's key is on `YunoError.idempotencyKey`.
   */
  idempotencyKey?: string;
}

/**
 * Body of `customers.create`.
 *
 * @example
 * ```ts
 * const body: CreateCustomerBody = { merchant_customer_id: user.id, email: user.email };
 * ```
 */
export type CreateCustomerBody = CreateCustomerRequest;
/**
 * Body of `checkoutSessions.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreateCheckoutSessionBody = { merchant_order_id: 'o-1', payment_description: 'Order o-1', country: 'BR' };
 * ```
 */
export type CreateCheckoutSessionBody = Omit<CreateCheckoutSessionRequest, 'account_id'>;
/**
 * Body of `checkoutSessions.createOneTimeToken`.
 *
 * @example
 * ```ts
 * const body: CreateOneTimeTokenBody = { payment_method: { type: 'PIX' } };
 * ```
 */
export type CreateOneTimeTokenBody = OneTimeTokenRequest;
/**
 * Body of `payments.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreatePaymentBody = {
 *   description: 'Order o-1', country: 'BR', merchant_order_id: 'o-1', amount: { currency: 'BRL', value: 50 },
 *   checkout: { session: checkoutSession }, payment_method: { type: 'PIX', token },
 * };
 * ```
 */
export type CreatePaymentBody = Omit<CreatePaymentRequestInput, 'account_id'>;
/**
 * Body of `payments.cancelOrRefund`; empty for the whole amount.
 *
 * @example
 * ```ts
 * const partial: CancelOrRefundBody = { reason: 'REQUESTED_BY_CUSTOMER', amount: { currency: 'BRL', value: 10 } };
 * ```
 */
export type CancelOrRefundBody = CancelOrRefundRequestInput;
/**
 * Body of `payments.capture`: how much of the authorization to capture (all of it, or less), and why. An amount's
 * `value` may be a numeric string, as in Yuno's examples; it is sent as a number.
 *
 * @example
 * ```ts
 * const body: CaptureBody = {
 *   merchant_reference: 'order-1234',
 *   amount: { currency: 'USD', value: 3000 },
 *   reason: 'PRODUCT_CONFIRMED',
 * };
 * ```
 */
export type CaptureBody = CaptureRequestInput;
/**
 * Body of `payments.refund`; without `amount` what is left of the captured amount is refunded.
 *
 * @example
 * ```ts
 * const partial: RefundBody = { merchant_reference: 'order-1234', reason: 'REQUESTED_BY_CUSTOMER', amount: { currency: 'USD', value: 30 } };
 * ```
 */
export type RefundBody = RefundRequestInput;
/**
 * Body of `payments.cancel`.
 *
 * @example
 * ```ts
 * const body: CancelBody = { merchant_reference: 'order-1234', reason: 'REQUESTED_BY_CUSTOMER', description: 'Out of stock' };
 * ```
 */
export type CancelBody = CancelRequest;
/**
 * Body of `tokens.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreateDirectTokenBody = {
 *   card_data: { number, expiration_month: 12, expiration_year: 29, security_code: cvv, holder_name: 'John Doe' },
 * };
 * ```
 */
export type CreateDirectTokenBody = Omit<DirectTokenRequest, 'account_id'>;
/**
 * Body of `threeDSecureSetups.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreateThreeDSecureSetupBody = {
 *   type: 'MERCHANT_PROVIDED',
 *   browser_info: { user_agent, accept_header, color_depth: '24', screen_height: '1080', screen_width: '1920', language: 'es-CO' },
 * };
 * ```
 */
export type CreateThreeDSecureSetupBody = Omit<ThreeDSecureSetupRequest, 'account_id'>;
/**
 * Body of `customerSessions.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreateCustomerSessionBody = { customer_id: customer.id, country: 'BR' };
 * ```
 */
export type CreateCustomerSessionBody = Omit<CreateCustomerSessionRequest, 'account_id'>;
/**
 * Body of `customerSessions.enroll`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: EnrollPaymentMethodBody = { payment_method_type: 'CARD', country: 'BR' };
 * ```
 */
export type EnrollPaymentMethodBody = Omit<EnrollPaymentMethodRequest, 'account_id'>;

/**
 * Body of `customers.update`: only the fields that change.
 *
 * @example
 * ```ts
 * const body: UpdateCustomerBody = { email: 'new@example.com' };
 * ```
 */
export type UpdateCustomerBody = UpdateCustomerRequest;
/**
 * Body of `checkoutSessions.update`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: UpdateCheckoutSessionBody = {
 *   merchant_order_id: 'o-1', payment_description: 'Order o-1', country: 'BR', amount: { currency: 'BRL', value: 60 },
 * };
 * ```
 */
export type UpdateCheckoutSessionBody = Omit<UpdateCheckoutSessionRequest, 'account_id'>;
/**
 * Body of `customerPaymentMethods.enroll` (Enroll Payment Method, API): Yuno's, without `account_id`.
 *
 * @example
 * ```ts
 * const body: EnrollPaymentMethodDirectBody = {
 *   country: 'US', type: 'CARD', workflow: 'DIRECT',
 *   card_data: { number, holder_name: 'Ada Lovelace', expiration_month: 3, expiration_year: 30, security_code: cvv },
 * };
 * ```
 */
export type EnrollPaymentMethodDirectBody = Omit<EnrollPaymentMethodApiRequest, 'account_id'>;
/**
 * Query of `issuers.list`: a checkout session, or a country, and the payment method whose banks are wanted.
 *
 * @example
 * ```ts
 * const query: IssuersQuery = { country_code: 'CO', payment_method: 'PSE' };
 * ```
 */
export interface IssuersQuery {
  checkout_session?: string;
  country_code?: string;
  payment_method?: string;
}
/**
 * Body of `webhooks.create`: Yuno's, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: CreateWebhookBody = {
 *   name: 'Payments', url: 'https://shop.example/api/yuno/webhooks', hmac_client_secret: secret,
 *   payment_triggers: ['PURCHASE', 'REFUND'], enrollment_triggers: ['ENROLL', 'UNENROLL'],
 * };
 * ```
 */
export type CreateWebhookBody = Omit<CreateWebhookRequest, 'account_id'>;
/**
 * Body of `webhooks.update`: only what changes, without `account_id` (the client adds it).
 *
 * @example
 * ```ts
 * const body: UpdateWebhookBody = { state: 'INACTIVE' };
 * ```
 */
export type UpdateWebhookBody = Omit<UpdateWebhookRequest, 'account_id'>;

/**
 * The private-key client of Yuno's REST API, grouped like Yuno's API reference.
 *
 * @example
 * ```ts
 * const yuno: YunoServerClient = createYunoServerClient({ publicApiKey, privateSecretKey, accountId });
 * const methods = await yuno.checkoutSessions.paymentMethods(checkoutSession);
 * ```
 */
export interface YunoServerClient {
  /** The API host this client talks to (without `/v1`). */
  readonly baseUrl: string;
  readonly customers: {
    /**
     * Creates a customer; its `id` is the `customer_id` of checkout sessions, payments and enrollment. Sent with an
     * `X-Idempotency-Key`, reused on retries; if the outcome stays unclear, look the customer up with
     * {@link retrieveByMerchantCustomerId} before creating it again.
     *
     * @see https://docs.y.uno/reference/customers/create-customer
     * @example
     * ```ts
     * const customer = await yuno.customers.create({ merchant_customer_id: user.id, email: user.email, country: 'CO' });
     * ```
     */
    create(body: CreateCustomerBody, options?: YunoWriteOptions): Promise<Customer>;
    /**
     * Retrieves a customer by Yuno's id (`CUSTOMER_NOT_FOUND` when unknown).
     *
     * @see https://docs.y.uno/reference/customers/retrieve-customer
     * @example
     * ```ts
     * const customer = await yuno.customers.retrieve(customerId);
     * ```
     */
    retrieve(customerId: string, options?: YunoCallOptions): Promise<Customer>;
    /**
     * Retrieves a customer by your own id for them (`CUSTOMER_NOT_FOUND` when unknown).
     *
     * @see https://docs.y.uno/reference/customers/retrieve-customer-by-external-id
     * @example
     * ```ts
     * const customer = await yuno.customers.retrieveByMerchantCustomerId(user.id);
     * ```
     */
    retrieveByMerchantCustomerId(merchantCustomerId: string, options?: YunoCallOptions): Promise<Customer>;
    /**
     * Updates a customer: the fields sent replace the customer's, the others stay. Sent with an `X-Idempotency-Key`,
     * reused on retries.
     *
     * @see https://docs.y.uno/reference/customers/update-customer
     * @example
     * ```ts
     * const customer = await yuno.customers.update(customerId, { email: 'new@example.com' });
     * ```
     */
    update(customerId: string, body: UpdateCustomerBody, options?: YunoWriteOptions): Promise<Customer>;
    /**
     * Deletes a customer (Yuno answers 202 without a body); its saved payment methods go with it. The account id is
     * sent as `x-account-code`. Sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/customers/delete-customer
     * @example
     * ```ts
     * await yuno.customers.delete(customerId);
     * ```
     */
    delete(customerId: string, options?: YunoWriteOptions): Promise<void>;
  };
  readonly checkoutSessions: {
    /**
     * Creates a checkout session: one per payment attempt, valid for 5 hours. `account_id` is filled in. Sent with an
     * `X-Idempotency-Key`, reused on retries; a lost session is harmless, so simply create another.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/create-checkout-session
     * @example
     * ```ts
     * const session = await yuno.checkoutSessions.create({
     *   merchant_order_id: order.id,
     *   payment_description: 'Order 1234',
     *   country: 'CO',
     *   customer_id: customer.id,
     *   amount: { currency: 'COP', value: 52000 },
     * });
     * session.checkout_session; // give this to the browser
     * ```
     */
    create(body: CreateCheckoutSessionBody, options?: YunoWriteOptions): Promise<CheckoutSession>;
    /**
     * Updates a checkout session that has no payment yet (order id, description, country, amount, …); `account_id` is
     * filled in. A session already paid (or expired) is refused with `CHECKOUT_SESSION_NOT_FOUND`, Yuno's code for a
     * session that is not found or no longer active. An `amount` without `value` changes the currency only. Sent with
     * an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/update-checkout-session
     * @example
     * ```ts
     * await yuno.checkoutSessions.update(checkoutSession, {
     *   merchant_order_id: order.id,
     *   payment_description: 'Order 1234',
     *   country: 'CO',
     *   amount: { currency: 'COP', value: 60000 },
     * });
     * ```
     */
    update(
      checkoutSession: string,
      body: UpdateCheckoutSessionBody,
      options?: YunoWriteOptions,
    ): Promise<CheckoutSession>;
    /**
     * Retrieves a checkout session; `used` tells whether it already has its payment.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/retrieve-checkout-session
     * @example
     * ```ts
     * const { used } = await yuno.checkoutSessions.retrieve(checkoutSession);
     * ```
     */
    retrieve(checkoutSession: string, options?: YunoCallOptions): Promise<CheckoutSession>;
    /**
     * The payment methods of a session: the customer's saved cards first (with `vaulted_token`), then the methods
     * configured for the country. Offer only those where `isPaymentMethodEnabled(method)` holds.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/retrieve-payment-methods-for-checkout
     * @example
     * ```ts
     * const methods = (await yuno.checkoutSessions.paymentMethods(checkoutSession)).filter(isPaymentMethodEnabled);
     * ```
     */
    paymentMethods(checkoutSession: string, options?: YunoCallOptions): Promise<PaymentMethod[]>;
    /**
     * Creates a one-time token from payment details. Sending raw card numbers from your server puts it in PCI scope:
     * browsers should tokenize with Yuno's Web SDK instead. Sent with an `X-Idempotency-Key`, reused on retries, so a
     * retry answers the same token rather than a second one.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/create-one-time-use-token-sdk-checkout
     * @example
     * ```ts
     * const { token } = await yuno.checkoutSessions.createOneTimeToken(checkoutSession, {
     *   payment_method: { type: 'CARD', vaulted_token: savedCard.vaulted_token, card: { security_code: cvv } },
     * });
     * ```
     */
    createOneTimeToken(
      checkoutSession: string,
      body: CreateOneTimeTokenBody,
      options?: YunoWriteOptions,
    ): Promise<OneTimeToken>;
  };
  readonly payments: {
    /**
     * Creates a payment from a one-time token (or a vaulted token), or, in the DIRECT workflow of a PCI-certified
     * merchant, from the card itself in `payment_method.detail.card.card_data`. `token` / `vaulted_token` may be `null`
     * and `amount.value` a numeric string, as in Yuno's examples (it is sent as a number). With
     * `payment_method.detail.card.capture: false` the payment is only authorized (`PENDING` / `AUTHORIZED`) until
     * {@link capture} or {@link cancel}. Sent with an `X-Idempotency-Key` that is reused on every automatic retry; a
     * decline is not an error but a payment with `status: 'DECLINED'`.
     *
     * @see https://docs.y.uno/reference/payments/create-payment
     * @example
     * ```ts
     * const idempotencyKey = createIdempotencyKey(); // one per attempt; keep it to retry the same attempt
     * const payment = await yuno.payments.create(
     *   {
     *     description: 'Order 1234',
     *     country: 'CO',
     *     merchant_order_id: order.id,
     *     amount: { currency: 'COP', value: 52000 },
     *     checkout: { session: checkoutSession },
     *     customer_payer: { id: customer.id },
     *     workflow: 'SDK_CHECKOUT',
     *     payment_method: { type: 'CARD', token: oneTimeToken },
     *   },
     *   { idempotencyKey },
     * );
     * ```
     */
    create(body: CreatePaymentBody, options?: YunoWriteOptions): Promise<Payment>;
    /**
     * Retrieves a payment; `transactions` is always an array.
     *
     * @see https://docs.y.uno/reference/payments/retrieve-payment-by-id-v2
     * @example
     * ```ts
     * const { status, sub_status } = await yuno.payments.retrieve(paymentId);
     * ```
     */
    retrieve(paymentId: string, options?: YunoCallOptions): Promise<Payment>;
    /**
     * The payments of one of your orders.
     *
     * @see https://docs.y.uno/reference/payments/retrieve-payment-by-merchant-order-id
     * @example
     * ```ts
     * const payments = await yuno.payments.retrieveByMerchantOrderId(order.id);
     * ```
     */
    retrieveByMerchantOrderId(merchantOrderId: string, options?: YunoCallOptions): Promise<Payment[]>;
    /**
     * Cancels a payment that was not captured, or refunds one that was (all of it, or `amount`). Returns the CANCEL or
     * REFUND transaction. Sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/payments/cancel-or-refund-a-payment
     * @example
     * ```ts
     * const transaction = await yuno.payments.cancelOrRefund(paymentId, { reason: 'REQUESTED_BY_CUSTOMER' });
     * ```
     */
    cancelOrRefund(
      paymentId: string,
      body?: CancelOrRefundBody,
      options?: YunoWriteOptions,
    ): Promise<CancelOrRefundResponse>;
    /**
     * Captures an authorized payment (created with `payment_method.detail.card.capture: false`): all of it, or less
     * (partial capture; the rest is released). `transactionId` is the payment's AUTHORIZE transaction. Returns the
     * CAPTURE transaction. Sent with an `X-Idempotency-Key` (generated unless given), reused on retries.
     *
     * @see https://docs.y.uno/reference/payments/capture-authorization
     * @example
     * ```ts
     * const authorize = payment.transactions.find((t) => t.type === 'AUTHORIZE')!;
     * const capture = await yuno.payments.capture(payment.id, authorize.id, {
     *   merchant_reference: order.id,
     *   amount: { currency: 'USD', value: 3000 },
     *   reason: 'PRODUCT_CONFIRMED',
     * });
     * ```
     */
    capture(
      paymentId: string,
      transactionId: string,
      body: CaptureBody,
      options?: YunoWriteOptions,
    ): Promise<CancelOrRefundResponse>;
    /**
     * Refunds a captured transaction (the PURCHASE or CAPTURE), all that is left of it or `amount`; partial refunds can
     * follow one another up to the captured amount (more is refused with `INVALID_AMOUNT`). Returns the payment, its
     * `transactions` the REFUND. Sent with an `X-Idempotency-Key` (generated unless given), reused on retries.
     *
     * @see https://docs.y.uno/reference/payments/refund-payment
     * @example
     * ```ts
     * const refunded = await yuno.payments.refund(payment.id, purchase.id, {
     *   merchant_reference: order.id,
     *   reason: 'REQUESTED_BY_CUSTOMER',
     *   amount: { currency: 'USD', value: 30 },
     * });
     * refunded.sub_status; // 'PARTIALLY_REFUNDED'
     * ```
     */
    refund(paymentId: string, transactionId: string, body: RefundBody, options?: YunoWriteOptions): Promise<Payment>;
    /**
     * Cancels (voids) an authorization that was not captured, or a payment still waiting; a captured payment is refused
     * with `INVALID_STATUS` (refund it instead). Returns the CANCEL transaction. Sent with an `X-Idempotency-Key`
     * (generated unless given), reused on retries.
     *
     * @see https://docs.y.uno/reference/payments/cancel-payment
     * @example
     * ```ts
     * await yuno.payments.cancel(payment.id, authorize.id, { merchant_reference: order.id, reason: 'REQUESTED_BY_CUSTOMER' });
     * ```
     */
    cancel(
      paymentId: string,
      transactionId: string,
      body: CancelBody,
      options?: YunoWriteOptions,
    ): Promise<CancelOrRefundResponse>;
    /**
     * {@link cancelOrRefund} on one transaction of the payment: cancels it when it is an authorization or a waiting
     * purchase, refunds it (all, or `amount`) when it was captured. Sent with an `X-Idempotency-Key` (generated unless
     * given), reused on retries.
     *
     * @see https://docs.y.uno/reference/payments/cancel-or-refund-payment-with-transaction
     * @example
     * ```ts
     * const tx = await yuno.payments.cancelOrRefundTransaction(payment.id, purchase.id, { reason: 'DUPLICATE' });
     * tx.type; // 'REFUND' or 'CANCEL'
     * ```
     */
    cancelOrRefundTransaction(
      paymentId: string,
      transactionId: string,
      body?: CancelOrRefundBody,
      options?: YunoWriteOptions,
    ): Promise<CancelOrRefundResponse>;
  };
  readonly tokens: {
    /**
     * Tokenizes a card on your server (DIRECT workflow): only for PCI-certified merchants, as the card number passes
     * through your systems. The token pays a `workflow: 'DIRECT'` payment once. `account_id` is filled in; sent with an
     * `X-Idempotency-Key` (generated unless given), reused on retries.
     *
     * @see https://docs.y.uno/reference/checkout-sessions/create-one-time-use-token
     * @example
     * ```ts
     * const { token } = await yuno.tokens.create({
     *   card_data: { number, expiration_month: 12, expiration_year: 29, security_code: cvv, holder_name: 'John Doe' },
     * });
     * ```
     */
    create(body: CreateDirectTokenBody, options?: YunoWriteOptions): Promise<DirectToken>;
  };
  readonly threeDSecureSetups: {
    /**
     * Registers the cardholder's browser data (and device fingerprints) for 3DS on a DIRECT payment; pass the
     * `three_d_secure_setup_id` as `payment_method.detail.card.three_d_secure.three_d_secure_setup_id`. `account_id` is
     * filled in; sent with an `X-Idempotency-Key` (generated unless given), reused on retries.
     *
     * @see https://docs.y.uno/reference/three-d-secure-setups/create-three-d-secure-setup
     * @example
     * ```ts
     * const { three_d_secure_setup_id } = await yuno.threeDSecureSetups.create({
     *   type: 'MERCHANT_PROVIDED',
     *   browser_info: { user_agent, accept_header, color_depth: '24', screen_height: '1080', screen_width: '1920', language: 'es-CO' },
     * });
     * ```
     */
    create(body: CreateThreeDSecureSetupBody, options?: YunoWriteOptions): Promise<ThreeDSecureSetup>;
  };
  readonly customerSessions: {
    /**
     * Creates a customer session, the session in which a shopper saves (enrolls) a payment method. `account_id` is filled
     * in. Sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/customer-sessions-enrollment/create-customer-session
     * @example
     * ```ts
     * const { customer_session } = await yuno.customerSessions.create({ customer_id: customer.id, country: 'CO' });
     * ```
     */
    create(body: CreateCustomerSessionBody, options?: YunoWriteOptions): Promise<CustomerSession>;
    /**
     * The payment methods a customer session can enroll.
     *
     * @see https://docs.y.uno/reference/payment-methods-checkout/retrieve-payment-methods-to-enroll-checkout
     * @example
     * ```ts
     * const methods = await yuno.customerSessions.enrollablePaymentMethods(customerSession);
     * ```
     */
    enrollablePaymentMethods(customerSession: string, options?: YunoCallOptions): Promise<EnrollablePaymentMethod[]>;
    /**
     * Starts enrolling a payment method in a customer session (`READY_TO_ENROLL`): `CARD`, `MERCADO_PAGO_WALLET`,
     * `NEQUI`, `BANCOLOMBIA_TOKENBOX` or `NU_PAY_ENROLLMENT` where the country offers it; the shopper finishes it
     * through Yuno's SDK. `account_id` is filled in; sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/payment-methods-checkout/enroll-payment-method-checkout
     * @example
     * ```ts
     * const enrollment = await yuno.customerSessions.enroll(customerSession, { payment_method_type: 'CARD', country: 'CO' });
     * ```
     */
    enroll(customerSession: string, body: EnrollPaymentMethodBody, options?: YunoWriteOptions): Promise<Enrollment>;
    /**
     * A payment method enrolled through a customer session, by the `id` the enrollment answered: `READY_TO_ENROLL`
     * until the shopper finishes, then `ENROLLED` (with `card_data` for a card).
     *
     * @see https://docs.y.uno/reference/payment-methods-checkout/retrieve-payment-method-by-id-checkout
     * @example
     * ```ts
     * const { status } = await yuno.customerSessions.retrievePaymentMethod(enrollment.id);
     * ```
     */
    retrievePaymentMethod(paymentMethodId: string, options?: YunoCallOptions): Promise<Enrollment>;
    /**
     * Unenrolls a payment method enrolled through a customer session, by its `id`. Sent with an `X-Idempotency-Key`,
     * reused on retries.
     *
     * @see https://docs.y.uno/reference/payment-methods-checkout/unenroll-payment-method-checkout
     * @example
     * ```ts
     * await yuno.customerSessions.unenroll(enrollment.id);
     * ```
     */
    unenroll(paymentMethodId: string, options?: YunoWriteOptions): Promise<Enrollment>;
  };
  readonly customerPaymentMethods: {
    /**
     * The payment methods a customer saved (status `ENROLLED`, with `vaulted_token` and `card_data`).
     *
     * @see https://docs.y.uno/reference/payment-methods-direct-workflow/retrieve-enrolled-payment-methods-api
     * @example
     * ```ts
     * const saved = await yuno.customerPaymentMethods.list(customer.id);
     * ```
     */
    list(customerId: string, options?: YunoCallOptions): Promise<EnrolledPaymentMethod[]>;
    /**
     * Enrolls a payment method for a customer from your server (`workflow: 'DIRECT'`): a card in `card_data` (this
     * puts your server in PCI scope) or a provider's token (`provider_data`) is `ENROLLED` at once with a
     * `vaulted_token`; a bank account (`ACH_ENROLLMENT`) or NuPay answers `READY_TO_ENROLL` with the `redirect_url`
     * where the shopper confirms it. `account_id` is filled in; sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/payment-methods-direct-workflow/enroll-payment-method-api
     * @example
     * ```ts
     * const saved = await yuno.customerPaymentMethods.enroll(customer.id, {
     *   country: 'US',
     *   type: 'CARD',
     *   workflow: 'DIRECT',
     *   card_data: { number, holder_name: 'Ada Lovelace', expiration_month: 3, expiration_year: 30, security_code: cvv },
     * });
     * saved.vaulted_token; // pays with the card later
     * ```
     */
    enroll(
      customerId: string,
      body: EnrollPaymentMethodDirectBody,
      options?: YunoWriteOptions,
    ): Promise<EnrolledMethod>;
    /**
     * One saved payment method of a customer, by its `vaulted_token`.
     *
     * @see https://docs.y.uno/reference/payment-methods-direct-workflow/retrieve-enrolled-payment-method-by-id-api
     * @example
     * ```ts
     * const card = await yuno.customerPaymentMethods.retrieve(customer.id, savedCard.vaulted_token);
     * ```
     */
    retrieve(customerId: string, paymentMethodId: string, options?: YunoCallOptions): Promise<EnrolledMethod>;
    /**
     * Removes a saved payment method of a customer. `paymentMethodId` is the method's `vaulted_token`. Sent with an
     * `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/payment-methods-direct-workflow/unenroll-payment-method-api
     * @example
     * ```ts
     * await yuno.customerPaymentMethods.unenroll(customer.id, savedCard.vaulted_token);
     * ```
     */
    unenroll(customerId: string, paymentMethodId: string, options?: YunoWriteOptions): Promise<Enrollment>;
  };
  readonly issuers: {
    /**
     * The banks a shopper picks from for a bank-transfer method (PSE's bank list in Colombia), for a checkout session
     * or a country.
     *
     * @see https://docs.y.uno/reference/payment-methods-checkout/retrieve-issuers
     * @example
     * ```ts
     * const banks = await yuno.issuers.list({ checkout_session: checkoutSession, payment_method: 'PSE' });
     * ```
     */
    list(query: IssuersQuery, options?: YunoCallOptions): Promise<Issuer[]>;
  };
  readonly webhooks: {
    /**
     * The account's webhooks (secrets masked as `***`), all or those in one `state`.
     *
     * @see https://docs.y.uno/reference/webhooks/list-webhooks
     * @example
     * ```ts
     * const active = await yuno.webhooks.list({ state: 'ACTIVE' });
     * ```
     */
    list(filter?: { state?: 'ACTIVE' | 'INACTIVE' }, options?: YunoCallOptions): Promise<WebhookSubscription[]>;
    /**
     * Creates a webhook, ACTIVE at once, for at least one trigger. `account_id` is filled in; sent with an
     * `X-Idempotency-Key`, reused on retries. A second webhook with the same name, or the same URL and a trigger in
     * common, is refused (`WEBHOOK_ALREADY_EXISTS`, HTTP 409).
     *
     * @see https://docs.y.uno/reference/webhooks/create-webhook
     * @example
     * ```ts
     * const webhook = await yuno.webhooks.create({
     *   name: 'Payments',
     *   url: 'https://shop.example/api/yuno/webhooks',
     *   hmac_client_secret: process.env.YUNO_WEBHOOK_HMAC_SECRET!,
     *   payment_triggers: ['PURCHASE', 'REFUND'],
     * });
     * ```
     */
    create(body: CreateWebhookBody, options?: YunoWriteOptions): Promise<WebhookSubscription>;
    /**
     * One webhook by id (`WEBHOOK_NOT_FOUND`, HTTP 404, when unknown).
     *
     * @see https://docs.y.uno/reference/webhooks/retrieve-webhook
     * @example
     * ```ts
     * const webhook = await yuno.webhooks.retrieve(webhookId);
     * ```
     */
    retrieve(webhookId: string, options?: YunoCallOptions): Promise<WebhookSubscription>;
    /**
     * Changes a webhook: only the fields sent (a trigger list replaces that list); `state: 'INACTIVE'` pauses its
     * deliveries. `account_id` is filled in; sent with an `X-Idempotency-Key`, reused on retries.
     *
     * @see https://docs.y.uno/reference/webhooks/update-webhook
     * @example
     * ```ts
     * await yuno.webhooks.update(webhookId, { state: 'INACTIVE' });
     * ```
     */
    update(webhookId: string, body: UpdateWebhookBody, options?: YunoWriteOptions): Promise<WebhookSubscription>;
    /**
     * Deletes a webhook and returns it; Yuno stops sending to its URL. Sent with an `X-Idempotency-Key`, reused on
     * retries.
     *
     * @see https://docs.y.uno/reference/webhooks/delete-webhook
     * @example
     * ```ts
     * await yuno.webhooks.delete(webhookId);
     * ```
     */
    delete(webhookId: string, options?: YunoWriteOptions): Promise<WebhookSubscription>;
  };
}

/**
 * Creates the server-side client of Yuno's REST API. It holds the private secret key, so it refuses to start where
 * `window` or `document` exist. Every request body is checked against Yuno's schema before it is sent, every answer is
 * parsed into yuno-react's types, and every failure rejects with a `YunoError`.
 *
 * @see https://docs.y.uno/reference/getting-started/authentication
 * @example
 * ```ts
 * import { createYunoServerClient } from 'yuno-react/server';
 *
 * export const yuno = createYunoServerClient({
 *   publicApiKey: process.env.YUNO_PUBLIC_API_KEY!,
 *   privateSecretKey: process.env.YUNO_PRIVATE_SECRET_KEY!,
 *   accountId: process.env.YUNO_ACCOUNT_ID!,
 * });
 * const payment = await yuno.payments.retrieve(paymentId);
 * ```
 */
export function createYunoServerClient(options: YunoServerClientOptions): YunoServerClient {
  if (!options.allowBrowser && (typeof window !== 'undefined' || typeof document !== 'undefined')) {
    throw new Error(
      'createYunoServerClient must run on a server: it holds the private secret key, which must never reach a browser ' +
        '(pass allowBrowser: true only for tests in a simulated DOM)',
    );
  }
  for (const name of ['publicApiKey', 'privateSecretKey', 'accountId'] as const) {
    if (typeof options[name] !== 'string' || options[name].trim() === '') {
      throw new Error(`createYunoServerClient: ${name} is required`);
    }
  }
  const { maxResponseBytes } = options;
  if (maxResponseBytes !== undefined && !(Number.isInteger(maxResponseBytes) && maxResponseBytes > 0)) {
    throw new Error('createYunoServerClient: maxResponseBytes must be a positive whole number of bytes');
  }
  const { publicApiKey, privateSecretKey, accountId } = options;
  const http: HttpClient = createHttpClient({
    baseUrl: resolveYunoBaseUrl(publicApiKey, options.baseUrl),
    headers: { 'public-api-key': publicApiKey, 'private-secret-key': privateSecretKey },
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    maxResponseBytes,
  });

  function send<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodMiniType<T>,
    callOptions: YunoWriteOptions | undefined,
    extra: {
      body?: unknown;
      query?: Record<string, string | undefined>;
      idempotent?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Promise<T> {
    return http.request({
      method,
      path,
      schema,
      body: extra.body,
      query: extra.query,
      headers: extra.headers,
      signal: callOptions?.signal,
      timeoutMs: callOptions?.timeoutMs,
      idempotencyKey: extra.idempotent ? (callOptions?.idempotencyKey ?? createIdempotencyKey()) : undefined,
    });
  }

  return {
    baseUrl: http.baseUrl,
    customers: {
      async create(body, callOptions) {
        checkIdempotencyKey('customers.create', callOptions);
        return send('POST', '/v1/customers', CustomerSchema, callOptions, {
          body: checkBody('customers.create', CreateCustomerRequestSchema, body),
          idempotent: true,
        });
      },
      async retrieve(customerId, callOptions) {
        return send(
          'GET',
          `/v1/customers/${segment('customers.retrieve', 'customerId', customerId)}`,
          CustomerSchema,
          callOptions,
        );
      },
      async retrieveByMerchantCustomerId(merchantCustomerId, callOptions) {
        checkId('customers.retrieveByMerchantCustomerId', 'merchantCustomerId', merchantCustomerId);
        return send('GET', '/v1/customers', CustomerSchema, callOptions, {
          query: { merchant_customer_id: merchantCustomerId },
        });
      },
      async update(customerId, body, callOptions) {
        const id = segment('customers.update', 'customerId', customerId);
        checkIdempotencyKey('customers.update', callOptions);
        return send('PATCH', `/v1/customers/${id}`, CustomerSchema, callOptions, {
          body: checkBody('customers.update', UpdateCustomerRequestSchema, body),
          idempotent: true,
        });
      },
      async delete(customerId, callOptions) {
        const id = segment('customers.delete', 'customerId', customerId);
        checkIdempotencyKey('customers.delete', callOptions);
        await send('DELETE', `/v1/customers/${id}`, EmptyAnswerSchema, callOptions, {
          headers: { 'x-account-code': accountId },
          idempotent: true,
        });
      },
    },
    checkoutSessions: {
      async create(body, callOptions) {
        checkIdempotencyKey('checkoutSessions.create', callOptions);
        return send('POST', '/v1/checkout/sessions', CheckoutSessionSchema, callOptions, {
          body: checkBody('checkoutSessions.create', CreateCheckoutSessionRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
      async update(checkoutSession, body, callOptions) {
        const cs = segment('checkoutSessions.update', 'checkoutSession', checkoutSession);
        checkIdempotencyKey('checkoutSessions.update', callOptions);
        return send('PATCH', `/v1/checkout/sessions/${cs}`, CheckoutSessionSchema, callOptions, {
          body: checkBody('checkoutSessions.update', UpdateCheckoutSessionRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
      async retrieve(checkoutSession, callOptions) {
        const cs = segment('checkoutSessions.retrieve', 'checkoutSession', checkoutSession);
        return send('GET', `/v1/checkout/sessions/${cs}`, CheckoutSessionSchema, callOptions);
      },
      async paymentMethods(checkoutSession, callOptions) {
        const cs = segment('checkoutSessions.paymentMethods', 'checkoutSession', checkoutSession);
        return send('GET', `/v1/checkout/sessions/${cs}/payment-methods`, PaymentMethodListSchema, callOptions);
      },
      async createOneTimeToken(checkoutSession, body, callOptions) {
        const cs = segment('checkoutSessions.createOneTimeToken', 'checkoutSession', checkoutSession);
        checkIdempotencyKey('checkoutSessions.createOneTimeToken', callOptions);
        return send('POST', `/v1/checkout/sessions/${cs}/token`, OneTimeTokenSchema, callOptions, {
          body: checkBody('checkoutSessions.createOneTimeToken', OneTimeTokenRequestSchema, body),
          idempotent: true,
        });
      },
    },
    payments: {
      async create(body, callOptions) {
        checkIdempotencyKey('payments.create', callOptions);
        return send('POST', '/v1/payments', PaymentSchema, callOptions, {
          body: withNumericAmount(
            checkBody('payments.create', CreatePaymentRequestSchema, { ...body, account_id: accountId }),
          ),
          idempotent: true,
        });
      },
      async retrieve(paymentId, callOptions) {
        const id = segment('payments.retrieve', 'paymentId', paymentId);
        return send('GET', `/v1/payments/${id}`, PaymentSchema, callOptions);
      },
      async retrieveByMerchantOrderId(merchantOrderId, callOptions) {
        checkId('payments.retrieveByMerchantOrderId', 'merchantOrderId', merchantOrderId);
        return send('GET', '/v1/payments', PaymentListSchema, callOptions, {
          query: { merchant_order_id: merchantOrderId },
        });
      },
      async cancelOrRefund(paymentId, body = {}, callOptions) {
        const id = segment('payments.cancelOrRefund', 'paymentId', paymentId);
        checkIdempotencyKey('payments.cancelOrRefund', callOptions);
        return send('POST', `/v1/payments/${id}/cancel-or-refund`, CancelOrRefundResponseSchema, callOptions, {
          body: withNumericAmount(checkBody('payments.cancelOrRefund', CancelOrRefundRequestSchema, body)),
          idempotent: true,
        });
      },
      async capture(paymentId, transactionId, body, callOptions) {
        const path = transactionPath('payments.capture', paymentId, transactionId, 'capture');
        checkIdempotencyKey('payments.capture', callOptions);
        return send('POST', path, CancelOrRefundResponseSchema, callOptions, {
          body: withNumericAmount(checkBody('payments.capture', CaptureRequestSchema, body)),
          idempotent: true,
        });
      },
      async refund(paymentId, transactionId, body, callOptions) {
        const path = transactionPath('payments.refund', paymentId, transactionId, 'refund');
        checkIdempotencyKey('payments.refund', callOptions);
        return send('POST', path, PaymentSchema, callOptions, {
          body: withNumericAmount(checkBody('payments.refund', RefundRequestSchema, body)),
          idempotent: true,
        });
      },
      async cancel(paymentId, transactionId, body, callOptions) {
        const path = transactionPath('payments.cancel', paymentId, transactionId, 'cancel');
        checkIdempotencyKey('payments.cancel', callOptions);
        return send('POST', path, CancelOrRefundResponseSchema, callOptions, {
          body: checkBody('payments.cancel', CancelRequestSchema, body),
          idempotent: true,
        });
      },
      async cancelOrRefundTransaction(paymentId, transactionId, body = {}, callOptions) {
        const call = 'payments.cancelOrRefundTransaction';
        const path = transactionPath(call, paymentId, transactionId, 'cancel-or-refund');
        checkIdempotencyKey(call, callOptions);
        return send('POST', path, CancelOrRefundResponseSchema, callOptions, {
          body: withNumericAmount(checkBody(call, CancelOrRefundRequestSchema, body)),
          idempotent: true,
        });
      },
    },
    tokens: {
      async create(body, callOptions) {
        checkIdempotencyKey('tokens.create', callOptions);
        return send('POST', '/v1/tokens', DirectTokenSchema, callOptions, {
          body: checkBody('tokens.create', DirectTokenRequestSchema, { ...body, account_id: accountId }),
          idempotent: true,
        });
      },
    },
    threeDSecureSetups: {
      async create(body, callOptions) {
        checkIdempotencyKey('threeDSecureSetups.create', callOptions);
        return send('POST', '/v1/three-d-secure/setups', ThreeDSecureSetupSchema, callOptions, {
          body: checkBody('threeDSecureSetups.create', ThreeDSecureSetupRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
    },
    customerSessions: {
      async create(body, callOptions) {
        checkIdempotencyKey('customerSessions.create', callOptions);
        return send('POST', '/v1/customers/sessions', CustomerSessionSchema, callOptions, {
          body: checkBody('customerSessions.create', CreateCustomerSessionRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
      async enrollablePaymentMethods(customerSession, callOptions) {
        const cs = segment('customerSessions.enrollablePaymentMethods', 'customerSession', customerSession);
        return send(
          'GET',
          `/v1/checkout/customers/sessions/${cs}/payment-methods`,
          EnrollablePaymentMethodListSchema,
          callOptions,
        );
      },
      async enroll(customerSession, body, callOptions) {
        const cs = segment('customerSessions.enroll', 'customerSession', customerSession);
        checkIdempotencyKey('customerSessions.enroll', callOptions);
        return send('POST', `/v1/customers/sessions/${cs}/payment-methods`, EnrollmentSchema, callOptions, {
          body: checkBody('customerSessions.enroll', EnrollPaymentMethodRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
      async retrievePaymentMethod(paymentMethodId, callOptions) {
        const pm = segment('customerSessions.retrievePaymentMethod', 'paymentMethodId', paymentMethodId);
        return send('GET', `/v1/payment-methods/${pm}`, EnrollmentSchema, callOptions);
      },
      async unenroll(paymentMethodId, callOptions) {
        const pm = segment('customerSessions.unenroll', 'paymentMethodId', paymentMethodId);
        checkIdempotencyKey('customerSessions.unenroll', callOptions);
        return send('POST', `/v1/customers/payment-methods/${pm}/unenroll`, EnrollmentSchema, callOptions, {
          idempotent: true,
        });
      },
    },
    customerPaymentMethods: {
      async list(customerId, callOptions) {
        const id = segment('customerPaymentMethods.list', 'customerId', customerId);
        return send('GET', `/v1/customers/${id}/payment-methods`, EnrolledPaymentMethodListSchema, callOptions);
      },
      async enroll(customerId, body, callOptions) {
        const id = segment('customerPaymentMethods.enroll', 'customerId', customerId);
        checkIdempotencyKey('customerPaymentMethods.enroll', callOptions);
        return send('POST', `/v1/customers/${id}/payment-methods`, EnrolledMethodSchema, callOptions, {
          body: checkBody('customerPaymentMethods.enroll', EnrollPaymentMethodApiRequestSchema, {
            ...body,
            account_id: accountId,
          }),
          idempotent: true,
        });
      },
      async retrieve(customerId, paymentMethodId, callOptions) {
        const id = segment('customerPaymentMethods.retrieve', 'customerId', customerId);
        const pm = segment('customerPaymentMethods.retrieve', 'paymentMethodId', paymentMethodId);
        return send('GET', `/v1/customers/${id}/payment-methods/${pm}`, EnrolledMethodSchema, callOptions);
      },
      async unenroll(customerId, paymentMethodId, callOptions) {
        const id = segment('customerPaymentMethods.unenroll', 'customerId', customerId);
        const pm = segment('customerPaymentMethods.unenroll', 'paymentMethodId', paymentMethodId);
        checkIdempotencyKey('customerPaymentMethods.unenroll', callOptions);
        return send('POST', `/v1/customers/${id}/payment-methods/${pm}/unenroll`, EnrollmentSchema, callOptions, {
          idempotent: true,
        });
      },
    },
    issuers: {
      async list(query, callOptions) {
        if (query === null || typeof query !== 'object') {
          throw new TypeError('createYunoServerClient: issuers.list needs a query object');
        }
        const given = (['checkout_session', 'country_code', 'payment_method'] as const).filter(
          (name) => query[name] !== undefined,
        );
        for (const name of given) checkId('issuers.list', name, query[name]);
        if (query.checkout_session === undefined && query.country_code === undefined) {
          throw new TypeError('createYunoServerClient: issuers.list needs checkout_session or country_code');
        }
        return send('GET', '/v1/issuers', IssuerListSchema, callOptions, {
          query: Object.fromEntries(given.map((name) => [name, query[name]])),
        });
      },
    },
    webhooks: {
      async list(filter = {}, callOptions) {
        if (filter.state !== undefined && filter.state !== 'ACTIVE' && filter.state !== 'INACTIVE') {
          throw new TypeError('createYunoServerClient: webhooks.list got a state other than ACTIVE or INACTIVE');
        }
        return send('GET', '/v1/webhooks', WebhookSubscriptionListSchema, callOptions, {
          query: { account_id: accountId, state: filter.state },
        });
      },
      async create(body, callOptions) {
        checkIdempotencyKey('webhooks.create', callOptions);
        return send('POST', '/v1/webhooks', WebhookSubscriptionSchema, callOptions, {
          body: checkBody('webhooks.create', CreateWebhookRequestSchema, { ...body, account_id: accountId }),
          idempotent: true,
        });
      },
      async retrieve(webhookId, callOptions) {
        const id = segment('webhooks.retrieve', 'webhookId', webhookId);
        return send('GET', `/v1/webhooks/${id}`, WebhookSubscriptionSchema, callOptions, {
          query: { account_id: accountId },
        });
      },
      async update(webhookId, body, callOptions) {
        const id = segment('webhooks.update', 'webhookId', webhookId);
        checkIdempotencyKey('webhooks.update', callOptions);
        return send('PATCH', `/v1/webhooks/${id}`, WebhookSubscriptionSchema, callOptions, {
          body: checkBody('webhooks.update', UpdateWebhookRequestSchema, { ...body, account_id: accountId }),
          idempotent: true,
        });
      },
      async delete(webhookId, callOptions) {
        const id = segment('webhooks.delete', 'webhookId', webhookId);
        checkIdempotencyKey('webhooks.delete', callOptions);
        return send('DELETE', `/v1/webhooks/${id}`, WebhookSubscriptionSchema, callOptions, {
          query: { account_id: accountId },
          idempotent: true,
        });
      },
    },
  };
}

/** Delete Customer answers 202 with no body. */
const EmptyAnswerSchema = z.unknown();

/**
 * Validates a request body before it leaves the server. The body is sent as given (plus `account_id`), not as parsed:
 * the schemas cover the fields yuno-react knows, and Yuno accepts many more (split payments, airline data, …) that
 * must not be stripped. The error names field paths only, never values, which may be card data.
 */
function checkBody<T extends object>(call: string, schema: z.ZodMiniType, body: T): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError(`createYunoServerClient: ${call} needs a body object`);
  }
  const illFormed = findIllFormedString(body);
  if (illFormed) {
    throw new TypeError(
      `createYunoServerClient: ${call} got a body with text that is not well-formed Unicode at ${illFormed.join('.') || '(body)'}`,
    );
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const paths = [...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.') || '(body)'))];
    throw new TypeError(`createYunoServerClient: ${call} got an invalid body at ${paths.slice(0, 20).join(', ')}`);
  }
  return body;
}

/**
 * The body with `amount.value` sent as a number: Yuno's own examples write it as a numeric string (`"20000"`), which the
 * body check accepts, and Yuno's schemas declare a number.
 */
function withNumericAmount<T extends object>(body: T): T {
  const amount = (body as { amount?: unknown }).amount;
  if (!amount || typeof amount !== 'object') return body;
  const value = (amount as { value?: unknown }).value;
  if (typeof value !== 'string') return body;
  return { ...body, amount: { ...amount, value: Number(value) } };
}

/** `/v1/payments/{paymentId}/transactions/{transactionId}/{operation}`, both ids checked and encoded. */
function transactionPath(call: string, paymentId: unknown, transactionId: unknown, operation: string): string {
  const id = segment(call, 'paymentId', paymentId);
  const tx = segment(call, 'transactionId', transactionId);
  return `/v1/payments/${id}/transactions/${tx}/${operation}`;
}

function checkId(call: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`createYunoServerClient: ${call} needs ${name} (a non-empty string)`);
  }
  // A lone surrogate cannot be encoded: in a path `encodeURIComponent` would throw a URIError, in a query string it
  // would silently become U+FFFD and name another customer or order.
  if (!isWellFormedString(value)) {
    throw new TypeError(`createYunoServerClient: ${call} got a ${name} that is not well-formed Unicode text`);
  }
}

/** A path segment: an id with `/` or `?` in it must not be able to reach another endpoint. */
function segment(call: string, name: string, value: unknown): string {
  checkId(call, name, value);
  return encodeURIComponent(value);
}

function checkIdempotencyKey(call: string, options: YunoWriteOptions | undefined): void {
  const key = options?.idempotencyKey;
  if (
    key !== undefined &&
    (typeof key !== 'string' || key.trim() === '' || key.length > 255 || !isWellFormedString(key))
  ) {
    throw new TypeError(`createYunoServerClient: ${call} got an invalid idempotencyKey (a non-empty string is needed)`);
  }
}
