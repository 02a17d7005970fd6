export * from './schemas/common';
export * from './schemas/customer';
export * from './schemas/checkoutSession';
export * from './schemas/paymentMethod';
export * from './schemas/token';
export * from './schemas/payment';
export * from './schemas/threeDSecureSetup';
export * from './schemas/customerSession';
export * from './schemas/webhook';
export * from './schemas/error';
export { YunoError, isYunoError } from './YunoError';
export type { YunoErrorKind, YunoErrorInit, YunoErrorIssue } from './YunoError';
export { createHttpClient, DEFAULT_TIMEOUT_MS } from './http';
export type { HttpClient, HttpClientOptions, HttpMethod, HttpRequest, RetryOptions } from './http';
export { getNextAction } from './nextAction';
export type { NextAction } from './nextAction';
export { createIdempotencyKey } from './idempotency';
export { redactCardData } from './redact';
export {
  yunoKeys,
  paymentMethodsQueryOptions,
  paymentQueryOptions,
  retryYunoQuery,
  PAYMENT_METHODS_STALE_TIME_MS,
} from './queries';
export type { PaymentMethodsQueryOptionsInput, PaymentQueryOptionsInput } from './queries';
export * from './merchantApi';
export { getErrorRecovery, isCheckoutSessionGone } from './recovery';
export type { YunoErrorRecovery } from './recovery';
export * from './schemas/enrollmentApi';
export * from './schemas/issuers';
export * from './schemas/webhookSubscription';
