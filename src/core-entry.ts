// Entry `yuno-react/core`: everything of the browser side that has no React in it, for code that runs outside React
// (a server component, a worker, another UI library). No 'use client' banner, and nothing reachable from here may import
// react. The React entry (src/index.ts) shares these modules at build, so a class such as YunoError is one class.

// The checkout's state machine, its selectors and its state
export { CheckoutController, toSelection } from './controller/CheckoutController';
export type { CheckoutControllerOptions, PayInput, PaymentRequestInput } from './controller/CheckoutController';
export * from './controller/selectors';
export type * from './controller/types';

// Talking to the merchant's routes, and tokenizing
export { createYunoBrowserClient } from './client/createYunoBrowserClient';
export type {
  YunoBrowserClient,
  YunoBrowserClientOptions,
  YunoBrowserCallOptions,
  YunoBrowserWriteOptions,
} from './client/createYunoBrowserClient';
export * from './tokenizers';

// Errors, statuses, next actions, idempotency, query options and keys
export {
  YunoError,
  isYunoError,
  getErrorRecovery,
  isCheckoutSessionGone,
  getNextAction,
  createIdempotencyKey,
  isTerminalPaymentStatus,
  isPaymentMethodEnabled,
  yunoKeys,
  paymentMethodsQueryOptions,
  paymentQueryOptions,
  retryYunoQuery,
  merchantRoutes,
  DEFAULT_API_BASE_URL,
  PAYMENT_METHODS_STALE_TIME_MS,
  TERMINAL_PAYMENT_STATUSES,
  PAYMENT_STATUSES,
  PAYMENT_SUB_STATUSES,
  PAYMENT_METHOD_TYPES,
  ENROLLMENT_STATUSES,
  YUNO_ERROR_CODES,
} from './core';

// Schemas, for validating what your own code receives
export {
  AmountSchema,
  CustomerSchema,
  CheckoutSessionSchema,
  CheckoutStartSchema,
  PaymentMethodSchema,
  PaymentMethodListSchema,
  BrowserInfoSchema,
  OneTimeTokenRequestSchema,
  OneTimeTokenSchema,
  PaymentSchema,
  CustomerSessionSchema,
  EnrollmentSchema,
  YunoErrorBodySchema,
} from './core';
export type {
  Amount,
  BrowserInfo,
  CardData,
  CheckoutSession,
  CheckoutStart,
  CreateMerchantPaymentRequest,
  Customer,
  CustomerPayer,
  CustomerSession,
  Enrollment,
  EnrollmentStatus,
  EnrollablePaymentMethod,
  NextAction,
  OneTimeToken,
  OneTimeTokenRequest,
  Payment,
  PaymentMethod,
  PaymentMethodType,
  PaymentStatus,
  PaymentSubStatus,
  PaymentMethodsQueryOptionsInput,
  PaymentQueryOptionsInput,
  StartCheckoutRequest,
  Transaction,
  YunoErrorCode,
  YunoErrorKind,
  YunoErrorIssue,
  YunoErrorRecovery,
} from './core';
