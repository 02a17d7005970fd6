import type { CheckoutSession, Payment } from '../core';

/**
 * One payment method of the sandbox's catalogue, as `createYunoSandbox({ paymentMethods })` returns them for a
 * checkout session.
 *
 * @example
 * ```ts
 * const sandbox = createYunoSandbox({
 *   paymentMethods: ({ country }) => [
 *     { type: 'CARD' },
 *     { type: 'PIX', enabled: country === 'BR' },
 *     { type: 'NEQUI', name: 'Nequi', category: 'WALLET', flow: 'redirect' },
 *   ],
 * });
 * ```
 */
export interface SandboxPaymentMethodConfig {
  /** Yuno's payment-method type: `CARD`, `PIX`, `OXXO`, `PSE`, `PAYPAL`, … */
  type: string;
  /** Display name. @default derived from the type ("Card", "PIX", …) */
  name?: string;
  /** @default the name */
  description?: string;
  /** `CARD`, `BANK_TRANSFER`, `WALLET`, `TICKET`, `BNPL`, `PAYMENT_LINK`. @default derived from the type */
  category?: string;
  /** Icon URL. @default a small SVG data URL with the name */
  icon?: string;
  /**
   * What a payment with this method does: `card` is authorised at once (test cards decide), `qr` shows a PIX-style
   * code, `redirect` sends the shopper to a sandbox bank page, `voucher` gives a reference to pay offline.
   * @default `card` for CARD, `qr` for PIX, `voucher` for TICKET methods, `redirect` otherwise
   */
  flow?: 'card' | 'qr' | 'redirect' | 'voucher';
  /** `false` lists the method with `checkout.conditions.enabled: false`; it can then not be tokenized. @default true */
  enabled?: boolean;
  /** `checkout.conditions.rules` as listed. @default null, or a COUNTRY rule for a disabled method */
  rules?: ReadonlyArray<Record<string, unknown>> | null;
  /** `checkout.sdk_required_action` as listed. @default true */
  sdkRequiredAction?: boolean;
  /** @default false */
  preferred?: boolean;
}

/**
 * Options of {@link YunoSandbox}; every one has a default, so `createYunoSandbox()` is a working sandbox.
 *
 * @example
 * ```ts
 * const sandbox = createYunoSandbox({
 *   baseUrl: 'http://127.0.0.1:4010',
 *   paymentProcessingMs: 200,
 *   webhooks: { onDelivery: ({ body }) => { received.push(JSON.parse(body)); }, hmacSecret: 'whsec' },
 * });
 * ```
 */
export interface YunoSandboxOptions {
  /** The `account_id` bodies must carry. @default SANDBOX_ACCOUNT_ID */
  accountId?: string;
  /** @default SANDBOX_PUBLIC_API_KEY */
  publicApiKey?: string;
  /** @default SANDBOX_PRIVATE_SECRET_KEY */
  privateSecretKey?: string;
  /** Absolute origin the sandbox uses in the URLs it returns (redirect pages, 3DS challenges). @default 'http://localhost:4010' */
  baseUrl?: string;
  /** How long a checkout session can be paid. @default 5 hours */
  checkoutSessionTtlMs?: number;
  /** Real milliseconds added before every `/v1` answer. @default 0 */
  latencyMs?: number;
  /**
   * How many handled requests `requests` (and `GET /_sandbox/requests`) keeps: the oldest are dropped beyond it, so a
   * long-running sandbox server does not grow without end.
   * @default 1000
   */
  requestLogLimit?: number;
  /** Real milliseconds a `POST /v1/payments` stays in flight, so that a replay meets `REQUEST_IN_PROCESS`. @default 0 */
  paymentProcessingMs?: number;
  /** Start of the sandbox clock, in ms since the epoch. The clock runs on from there; `advanceTime` moves it. @default Date.now() */
  now?: number;
  webhooks?: {
    /** Deliveries are POSTed here with `fetch` (unless `onDelivery` is given). */
    url?: string;
    /**
     * Receives each delivery instead of an HTTP POST; returns the status the receiver answered (nothing means 200).
     * A thrown error counts as a failed delivery.
     */
    onDelivery?: (delivery: {
      headers: Record<string, string>;
      body: string;
    }) => number | void | Promise<number | void>;
    /** When set, each delivery carries `x-hmac-signature: base64(HMAC-SHA256(secret, raw body))`. */
    hmacSecret?: string;
    /** @default globalThis.fetch */
    fetch?: typeof globalThis.fetch;
  };
  /** Replaces the catalogue of payment methods a checkout session lists (vaulted cards are still listed first). */
  paymentMethods?: (context: {
    country: string;
    currency: string | undefined;
    customerId: string | undefined;
  }) => SandboxPaymentMethodConfig[];
}

/**
 * Which requests a fault applies to; every request under `/v1` and `/_sandbox/sdk` when omitted. The sandbox's control
 * routes (`/_sandbox/faults`, `/_sandbox/time/advance`, …) are never faulted, so a test can always undo a fault.
 *
 * @example
 * ```ts
 * const match: SandboxFaultMatch = { method: 'GET', path: '/v1/payments/*' }; // any one payment
 * ```
 */
export interface SandboxFaultMatch {
  method?: string;
  /** A path (no query); `*` stands for one path segment, `**` for any number. A RegExp is tested against the path. */
  path?: string | RegExp;
}

/**
 * A failure the sandbox injects into matching requests, to test what a client does when Yuno misbehaves.
 *
 * @example
 * ```ts
 * sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { method: 'POST', path: '/v1/payments' } });
 * sandbox.faults.inject({ type: 'timeout', match: { path: /^\/v1\/payments\// } });
 * sandbox.faults.inject({ type: 'status', status: 429, retryAfter: 2, times: 1 }); // "come back in 2 s"
 * ```
 */
export type SandboxFault = {
  match?: SandboxFaultMatch;
  /** How many matching requests it hits. @default Infinity */
  times?: number;
} & (
  | { type: 'latency'; ms: number }
  | {
      type: 'status';
      status: number;
      code?: string;
      messages?: string[];
      /** Sent as the `Retry-After` header: seconds, or an HTTP date. */
      retryAfter?: number | string;
    }
  | { type: 'timeout' }
  | { type: 'network' }
  | { type: 'malformed_json' }
  | { type: 'extra_fields' }
  | { type: 'missing_fields'; fields: string[] }
);

/**
 * How {@link YunoSandbox.settlePayment} ends a pending payment: a final status, or an exact status, sub-status and
 * transaction response code.
 *
 * @example
 * ```ts
 * await sandbox.settlePayment(payment.id, 'SUCCEEDED');
 * await sandbox.settlePayment(payment.id, { status: 'DECLINED', response_code: 'INSUFFICIENT_FUNDS' });
 * ```
 */
export type SandboxSettlement =
  | 'SUCCEEDED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'CANCELED'
  | 'ERROR'
  | { status: string; sub_status?: string; response_code?: string };

/**
 * One request the sandbox handled.
 *
 * @example
 * ```ts
 * const last: SandboxRequestRecord | undefined = sandbox.requests.at(-1);
 * ```
 */
export interface SandboxRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** HTTP status answered; 0 when the request failed (a `network` or `timeout` fault, or the caller aborted). */
  status: number;
  /** Sandbox clock, ms since the epoch. */
  at: number;
}

/**
 * One webhook delivery attempt.
 *
 * @example
 * ```ts
 * const failed = sandbox.webhookDeliveries.filter((d: SandboxWebhookDelivery) => d.status === 'failed');
 * ```
 */
export interface SandboxWebhookDelivery {
  /** The sandbox's own id for the event (it is not in the body; Yuno's payloads carry none): the same for every attempt of one event. */
  id: string;
  /** `type_event`, e.g. `payment.purchase`. */
  event: string;
  /** 0 for the first delivery, then 1…6 for the retries. */
  attempt: number;
  /** Sandbox clock when the attempt was made. */
  at: number;
  /** What the receiver answered, or `'failed'` when it could not be reached or threw. */
  status: number | 'failed';
  headers: Record<string, string>;
  /** The raw body, exactly as signed and sent. */
  body: string;
  /** The Webhooks API subscription it went to; absent for the receiver set in the sandbox's `webhooks` option. */
  webhookId?: string;
}

/**
 * An offline, in-memory Yuno: Yuno's REST API under `/v1` (real paths, headers, status codes and bodies) and the
 * sandbox's own routes under `/_sandbox`, answered from a `fetch`-compatible function. Runs in Node, jsdom and
 * browsers (under MSW).
 *
 * @example
 * ```ts
 * const sandbox = createYunoSandbox();
 * const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * const session = await yuno.checkoutSessions.create({ … });
 * ```
 */
export interface YunoSandbox {
  /** `fetch`-compatible: answers `/v1/**` and `/_sandbox/**` on any origin; a relative URL resolves against `baseUrl`. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Answers one request. Rejects only for `network` and `timeout` faults and when the request's signal aborts. */
  handle(request: Request): Promise<Response>;
  readonly baseUrl: string;
  readonly credentials: { publicApiKey: string; privateSecretKey: string; accountId: string };
  /** The requests handled, oldest first: the last `requestLogLimit` (1000 by default). */
  readonly requests: ReadonlyArray<SandboxRequestRecord>;
  /** How many handled requests match; a string path must match exactly. */
  countRequests(filter?: { method?: string; path?: string | RegExp }): number;
  clearRequests(): void;
  /** A payment as `GET /v1/payments/{id}` describes it (parsed: `transactions` is an array). */
  getPayment(id: string): Payment | undefined;
  /** A checkout session as `GET /v1/checkout/sessions/{id}` describes it. */
  getCheckoutSession(id: string): CheckoutSession | undefined;
  /** Every payment, oldest first. */
  listPayments(): Payment[];
  /** Ends a pending payment (PIX paid, redirect completed, PENDING settled, …) and emits its webhook. */
  settlePayment(paymentId: string, outcome: SandboxSettlement): Promise<Payment>;
  /** Answers the 3DS challenge of a payment: `1234` and `4444` authenticate, anything else fails. */
  completeThreeDSecure(checkoutSessionOrPaymentId: string, otp: string): Promise<Payment>;
  /** Moves the sandbox clock: expires sessions, PIX codes and vouchers, and runs the webhook retries that fall due. */
  advanceTime(ms: number): Promise<void>;
  /** The sandbox clock, ms since the epoch. */
  now(): number;
  faults: {
    /** Adds a fault; the returned function removes it. */
    inject(fault: SandboxFault): () => void;
    clear(): void;
  };
  /** Every webhook delivery attempt, in order. */
  readonly webhookDeliveries: ReadonlyArray<SandboxWebhookDelivery>;
  /** Resolves when every webhook attempt under way has finished (retries scheduled later are not waited for). */
  flushWebhooks(): Promise<void>;
  /** Forgets everything: state, requests, faults, deliveries and scheduled work; the clock starts again. */
  reset(): void;
}
