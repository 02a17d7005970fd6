import { isYunoError, type YunoError } from './YunoError';

/**
 * What a shopper can do about a failure:
 * - `retry`: send the same attempt again (network fault, timeout, Yuno busy); its idempotency key makes that safe;
 * - `new_session`: the checkout session is used or expired, the token spent, or the session is not this browser's
 *   (404 from the merchant routes); start a fresh checkout;
 * - `edit_details`: the details were refused; correct them and pay again;
 * - `unavailable`: the shop is misconfigured (credentials, permissions); nothing the shopper can fix.
 */
export type YunoErrorRecovery = 'retry' | 'new_session' | 'edit_details' | 'unavailable';

const NEW_SESSION_CODES = new Set([
  'CHECKOUT_SESSION_NOT_FOUND',
  'INVALID_TOKEN',
  'TOKEN_IN_USE',
  'IDEMPOTENCY_DUPLICATED',
  // The shopper closed Yuno's Web SDK view (2.x): a payment it started cannot be taken up again.
  'USER_CANCEL',
]);
const UNAVAILABLE_CODES = new Set([
  'INVALID_CREDENTIALS',
  'EXPIRED_CREDENTIALS',
  'UNKNOWN_IP_ADDRESS',
  'AUTHORIZATION_REQUIRED',
  'INVALID_ACCOUNT_ID',
  'COUNTRY_NOT_SUPPORTED',
  'CURRENCY_NOT_ALLOWED',
  'UNAVAILABLE_PAYMENT_METHOD',
]);

/**
 * How a shopper recovers from an error, for choosing the screen to show.
 *
 * @example
 * ```ts
 * if (getErrorRecovery(error) === 'new_session') await checkout.retry();
 * ```
 */
export function getErrorRecovery(error: YunoError | unknown): YunoErrorRecovery {
  if (!isYunoError(error)) return 'retry';
  if (error.kind === 'aborted' || error.isRetryable) return 'retry';
  if (error.yunoCode && NEW_SESSION_CODES.has(error.yunoCode)) return 'new_session';
  // The merchant routes answer 404 for a session or payment this browser does not own (its binding cookie was lost,
  // or another tab replaced it): only a fresh checkout helps. Yuno itself answers its "not found" cases with 400.
  if (error.status === 404 && error.yunoCode === 'NOT_FOUND') return 'new_session';
  if (error.yunoCode && UNAVAILABLE_CODES.has(error.yunoCode)) return 'unavailable';
  if (error.status === 401 || error.status === 403) return 'unavailable';
  if (error.kind === 'invalid_response') return 'retry';
  return 'edit_details';
}

/** Whether an error says the checkout session can no longer take a payment (used or expired). */
export function isCheckoutSessionGone(error: unknown): boolean {
  return isYunoError(error) && error.yunoCode === 'CHECKOUT_SESSION_NOT_FOUND';
}
