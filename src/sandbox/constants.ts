/**
 * The account id a sandbox accepts by default in `account_id` bodies.
 *
 * @example
 * ```ts
 * await sandbox.fetch('/v1/checkout/sessions', { method: 'POST', headers, body: JSON.stringify({ account_id: SANDBOX_ACCOUNT_ID, … }) });
 * ```
 */
export const SANDBOX_ACCOUNT_ID = '7f3c1a52-5d1e-4c3b-9a57-0b6f2d8e4a10';

/**
 * The public API key a sandbox accepts by default (header `public-api-key`).
 *
 * @example
 * ```ts
 * const yuno = await createSandboxWebSdk({ baseUrl }).initialize(SANDBOX_PUBLIC_API_KEY);
 * ```
 */
export const SANDBOX_PUBLIC_API_KEY = 'sandbox_pk_yuno_react_local';

/**
 * The private secret key a sandbox accepts by default (header `private-secret-key`).
 *
 * @example
 * ```ts
 * createYunoServerClient({ publicApiKey: SANDBOX_PUBLIC_API_KEY, privateSecretKey: SANDBOX_PRIVATE_SECRET_KEY, accountId: SANDBOX_ACCOUNT_ID });
 * ```
 */
export const SANDBOX_PRIVATE_SECRET_KEY = 'sandbox_sk_yuno_react_local';

/**
 * The origin a sandbox puts in the URLs it returns (redirect pages, 3DS challenges) unless `baseUrl` is given.
 *
 * @example
 * ```ts
 * createYunoSandbox().baseUrl === SANDBOX_DEFAULT_BASE_URL; // true
 * ```
 */
export const SANDBOX_DEFAULT_BASE_URL = 'http://localhost:4010';

/**
 * How long a checkout session can be paid: 5 hours, as on Yuno.
 *
 * @example
 * ```ts
 * await sandbox.advanceTime(SANDBOX_CHECKOUT_SESSION_TTL_MS); // the session is now expired
 * ```
 */
export const SANDBOX_CHECKOUT_SESSION_TTL_MS = 5 * 60 * 60 * 1000;

/**
 * How long a PIX code can be paid: 30 minutes.
 *
 * @example
 * ```ts
 * await sandbox.advanceTime(SANDBOX_PIX_TTL_MS); // an unpaid PIX payment becomes EXPIRED
 * ```
 */
export const SANDBOX_PIX_TTL_MS = 30 * 60 * 1000;

/**
 * How long a voucher (OXXO, Boleto, Efecty) can be paid: 3 days.
 *
 * @example
 * ```ts
 * await sandbox.advanceTime(SANDBOX_VOUCHER_TTL_MS); // an unpaid voucher becomes EXPIRED
 * ```
 */
export const SANDBOX_VOUCHER_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Delays between webhook deliveries when the receiver does not answer 2xx, as Yuno documents them: after the first
 * delivery +5 min, +50 min, +6 h, +24 h, +48 h and +96 h (seven deliveries at most). Each delay counts from the
 * previous attempt, on the sandbox clock.
 *
 * @example
 * ```ts
 * await sandbox.advanceTime(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[0]); // runs the first retry
 * ```
 */
export const SANDBOX_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5 * 60 * 1000,
  50 * 60 * 1000,
  6 * 60 * 60 * 1000,
  24 * 60 * 60 * 1000,
  48 * 60 * 60 * 1000,
  96 * 60 * 60 * 1000,
];

/**
 * The one-time codes a sandbox 3DS challenge understands, after Yuno's 3DS simulator: `1234` (Y) and `4444` (A)
 * authenticate; `1111` (N), `2222` (R) and `3333` (U) fail. Any other code fails too.
 *
 * @example
 * ```ts
 * await sandbox.completeThreeDSecure(checkoutSession, SANDBOX_THREE_DS_OTPS.authenticated);
 * ```
 */
export const SANDBOX_THREE_DS_OTPS = {
  authenticated: '1234',
  attempted: '4444',
  notAuthenticated: '1111',
  rejected: '2222',
  unavailable: '3333',
} as const;

/** The Checkout Builder configuration id sessions report when the merchant names none, like Yuno's default one. */
export const SANDBOX_DEFAULT_CHECKOUT_ID = '3b0d7e52-8a4f-4c1e-9d2b-6f1a0c9e5b77';

/** How long Yuno keeps an idempotency key. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
