import { createHttpClient, type HttpClient, type HttpClientOptions, type RetryOptions } from '../core/http';
import {
  CheckoutStartSchema,
  DEFAULT_API_BASE_URL,
  merchantRoutes,
  type CheckoutStart,
  type CreateMerchantPaymentRequest,
  type StartCheckoutRequest,
  type StartEnrollmentRequest,
} from '../core/merchantApi';
import {
  CustomerSessionSchema,
  EnrollablePaymentMethodListSchema,
  EnrollmentSchema,
  type CustomerSession,
  type EnrollablePaymentMethod,
  type Enrollment,
} from '../core/schemas/customerSession';
import { PaymentSchema, type Payment } from '../core/schemas/payment';
import { PaymentMethodListSchema, type PaymentMethod } from '../core/schemas/paymentMethod';
import { OneTimeTokenSchema, type OneTimeToken, type OneTimeTokenRequest } from '../core/schemas/token';
import { resolveBrowserBaseUrl } from './resolveBrowserBaseUrl';

/**
 * Options of {@link createYunoBrowserClient}.
 *
 * @example
 * ```ts
 * const options: YunoBrowserClientOptions = {
 *   baseUrl: '/api/yuno',
 *   headers: () => ({ 'x-csrf-token': readCsrfToken() }),
 * };
 * ```
 */
export interface YunoBrowserClientOptions {
  /**
   * Where the merchant routes (`createYunoRouteHandlers`) are mounted. A relative URL is resolved against the page's
   * location when a request is made; outside a browser, pass an absolute URL.
   * @default '/api/yuno'
   */
  baseUrl?: string;
  /** A fetch implementation: the global one by default; `handlers.fetch` or a sandbox-backed fetch in tests. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (a CSRF token, say). A function is called per request. */
  headers?: HttpClientOptions['headers'];
  /**
   * Whether the browser sends its cookies with the requests. The routes are private by default: they answer about a
   * checkout only to the browser holding its binding cookie, so the cookies must go along. Routes on another origin
   * need `'include'` (and CORS with credentials on the server).
   * @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * Time limit per attempt. The route that creates a payment waits for Yuno, which allows itself 60 s.
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * Retries of reads and of writes that carry an idempotency key, on network faults, timeouts, 429 and 5xx. `false`
   * turns them off.
   * @default { retries: 2, minDelayMs: 300, maxDelayMs: 5000 }
   */
  retry?: RetryOptions | false;
}

/**
 * Options every browser client call accepts.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await client.paymentMethods(checkoutSession, { signal: controller.signal });
 * ```
 */
export interface YunoBrowserCallOptions {
  /** Cancels the call; it then rejects with a `YunoError` whose `code` is `'aborted'`. */
  signal?: AbortSignal;
}

/**
 * Options of the calls that start something once per attempt.
 *
 * @example
 * ```ts
 * const options: YunoBrowserWriteOptions = { idempotencyKey: createIdempotencyKey() };
 * ```
 */
export interface YunoBrowserWriteOptions extends YunoBrowserCallOptions {
  /**
   * One key per attempt (`createIdempotencyKey()`), reused when the same attempt is retried: the server then answers
   * with the attempt's original outcome instead of paying twice.
   */
  idempotencyKey: string;
}

/**
 * The browser's client of the merchant routes: every answer is validated with yuno-react's schemas and every failure
 * is a `YunoError` (with Yuno's `yunoCode` when the server or Yuno refused the request).
 *
 * @example
 * ```ts
 * const client: YunoBrowserClient = createYunoBrowserClient();
 * const methods = await client.paymentMethods(checkoutSession);
 * ```
 */
export interface YunoBrowserClient {
  /** The base URL as configured (possibly relative). */
  readonly baseUrl: string;
  /**
   * Starts a fresh checkout session for the shopper's current order, e.g. after a decline (Yuno allows one payment per
   * session). The server decides the order and the amount.
   *
   * @example
   * ```ts
   * const { checkoutSession } = await client.startCheckout({ previousCheckoutSession });
   * ```
   */
  startCheckout(body?: StartCheckoutRequest, options?: YunoBrowserCallOptions): Promise<CheckoutStart>;
  /**
   * The payment methods of a checkout session, saved (vaulted) cards first. Methods disabled by their conditions are
   * listed too: offer only those for which `isPaymentMethodEnabled(method)` holds.
   *
   * @example
   * ```ts
   * const methods = (await client.paymentMethods(checkoutSession)).filter(isPaymentMethodEnabled);
   * ```
   */
  paymentMethods(checkoutSession: string, options?: YunoBrowserCallOptions): Promise<PaymentMethod[]>;
  /**
   * Turns payment details into a one-time token through the merchant's server (server tokenization only: the route
   * answers 404 `NOT_FOUND` unless the server enabled it).
   *
   * @example
   * ```ts
   * const { token } = await client.createOneTimeToken(checkoutSession, {
   *   payment_method: { type: 'CARD', card: { number, expiration_month: 11, expiration_year: 30, security_code: '123' } },
   * });
   * ```
   */
  createOneTimeToken(
    checkoutSession: string,
    body: OneTimeTokenRequest,
    options?: YunoBrowserCallOptions,
  ): Promise<OneTimeToken>;
  /**
   * Creates the payment of a checkout session from a one-time token (or, with server tokenization, card details in one
   * call). The amount is the session's. A decline is not an error: the payment comes back with `status: 'DECLINED'`.
   *
   * @example
   * ```ts
   * const idempotencyKey = createIdempotencyKey(); // one per attempt, reused on retries
   * const payment = await client.createPayment({ checkoutSession, oneTimeToken: token }, { idempotencyKey });
   * ```
   */
  createPayment(body: CreateMerchantPaymentRequest, options: YunoBrowserWriteOptions): Promise<Payment>;
  /**
   * A payment's current state, for polling until `isTerminalPaymentStatus(payment.status)`.
   *
   * @example
   * ```ts
   * const { status } = await client.payment(paymentId);
   * ```
   */
  payment(paymentId: string, options?: YunoBrowserCallOptions): Promise<Payment>;
  /**
   * Starts a customer session, in which the signed-in shopper saves (enrolls) a payment method. The server decides the
   * customer.
   *
   * @example
   * ```ts
   * const { customer_session } = await client.startCustomerSession();
   * ```
   */
  startCustomerSession(options?: YunoBrowserCallOptions): Promise<CustomerSession>;
  /**
   * The payment methods a customer session can save.
   *
   * @example
   * ```ts
   * const methods = await client.enrollablePaymentMethods(customerSession);
   * ```
   */
  enrollablePaymentMethods(
    customerSession: string,
    options?: YunoBrowserCallOptions,
  ): Promise<EnrollablePaymentMethod[]>;
  /**
   * Starts saving a payment method (`READY_TO_ENROLL`); the shopper then enters the card through the tokenizer.
   *
   * @example
   * ```ts
   * const enrollment = await client.startEnrollment(customerSession, { paymentMethodType: 'CARD' }, {
   *   idempotencyKey: createIdempotencyKey(),
   * });
   * ```
   */
  startEnrollment(
    customerSession: string,
    body: StartEnrollmentRequest,
    options: YunoBrowserWriteOptions,
  ): Promise<Enrollment>;
}

/**
 * Creates the browser's client of the merchant routes that `yuno-react/server`'s `createYunoRouteHandlers` serves.
 * Nothing happens at creation (safe during server rendering); a relative `baseUrl` is resolved when a request is made.
 * Reads and keyed writes are retried on network faults, timeouts and 5xx, reusing the same idempotency key.
 *
 * @example
 * ```ts
 * import { createYunoBrowserClient } from 'yuno-react';
 * import { createIdempotencyKey } from 'yuno-react/core';
 *
 * const client = createYunoBrowserClient({ baseUrl: '/api/yuno' });
 * const { checkoutSession } = await client.startCheckout();
 * const methods = await client.paymentMethods(checkoutSession);
 * const payment = await client.createPayment(
 *   { checkoutSession, oneTimeToken },
 *   { idempotencyKey: createIdempotencyKey() },
 * );
 * ```
 */
export function createYunoBrowserClient(options: YunoBrowserClientOptions = {}): YunoBrowserClient {
  const baseUrl = options.baseUrl ?? DEFAULT_API_BASE_URL;
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new Error('createYunoBrowserClient: baseUrl must be a non-empty URL such as /api/yuno');
  }
  let cached: { base: string; http: HttpClient } | undefined;

  /** The HTTP client for the base as it resolves now (a relative base follows the page it is used on). */
  function http(): HttpClient {
    const base = resolveBrowserBaseUrl(baseUrl);
    if (cached?.base !== base) {
      cached = {
        base,
        http: createHttpClient({
          baseUrl: base,
          fetch: options.fetch,
          headers: options.headers,
          credentials: options.credentials ?? 'same-origin',
          timeoutMs: options.timeoutMs,
          retry: options.retry,
        }),
      };
    }
    return cached.http;
  }

  return {
    baseUrl,
    async startCheckout(body = {}, callOptions) {
      return http().request({
        method: 'POST',
        path: merchantRoutes.checkoutSessions,
        body,
        schema: CheckoutStartSchema,
        signal: callOptions?.signal,
      });
    },
    async paymentMethods(checkoutSession, callOptions) {
      return http().request({
        method: 'GET',
        path: merchantRoutes.paymentMethods(checkId('paymentMethods', 'checkoutSession', checkoutSession)),
        schema: PaymentMethodListSchema,
        signal: callOptions?.signal,
      });
    },
    async createOneTimeToken(checkoutSession, body, callOptions) {
      return http().request({
        method: 'POST',
        path: merchantRoutes.token(checkId('createOneTimeToken', 'checkoutSession', checkoutSession)),
        body,
        schema: OneTimeTokenSchema,
        signal: callOptions?.signal,
      });
    },
    async createPayment(body, callOptions) {
      return http().request({
        method: 'POST',
        path: merchantRoutes.payments,
        body,
        schema: PaymentSchema,
        idempotencyKey: checkKey('createPayment', callOptions),
        signal: callOptions.signal,
      });
    },
    async payment(paymentId, callOptions) {
      return http().request({
        method: 'GET',
        path: merchantRoutes.payment(checkId('payment', 'paymentId', paymentId)),
        schema: PaymentSchema,
        signal: callOptions?.signal,
      });
    },
    async startCustomerSession(callOptions) {
      return http().request({
        method: 'POST',
        path: merchantRoutes.customerSessions,
        body: {},
        schema: CustomerSessionSchema,
        signal: callOptions?.signal,
      });
    },
    async enrollablePaymentMethods(customerSession, callOptions) {
      return http().request({
        method: 'GET',
        path: merchantRoutes.enrollablePaymentMethods(
          checkId('enrollablePaymentMethods', 'customerSession', customerSession),
        ),
        schema: EnrollablePaymentMethodListSchema,
        signal: callOptions?.signal,
      });
    },
    async startEnrollment(customerSession, body, callOptions) {
      return http().request({
        method: 'POST',
        path: merchantRoutes.enrollments(checkId('startEnrollment', 'customerSession', customerSession)),
        body,
        schema: EnrollmentSchema,
        idempotencyKey: checkKey('startEnrollment', callOptions),
        signal: callOptions.signal,
      });
    },
  };
}

function checkId(call: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`createYunoBrowserClient: ${call} needs ${name} (a non-empty string)`);
  }
  return value;
}

function checkKey(call: string, options: YunoBrowserWriteOptions | undefined): string {
  const key = options?.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TypeError(
      `createYunoBrowserClient: ${call} needs { idempotencyKey } (createIdempotencyKey(), one per attempt)`,
    );
  }
  return key;
}
