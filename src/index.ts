// The browser entry ('use client' is added as a banner at build). It must never import from ./server or ./sandbox.

// React: provider and hooks
export * from './react';

// Talking to the merchant's routes, and tokenizing
export { createYunoBrowserClient } from './client/createYunoBrowserClient';
export type {
  YunoBrowserClient,
  YunoBrowserClientOptions,
  YunoBrowserCallOptions,
  YunoBrowserWriteOptions,
} from './client/createYunoBrowserClient';
export * from './tokenizers';

// Errors, statuses, next actions, query keys
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

// Components
export {
  PaymentMethodList,
  PaymentMethodListItem,
  PaymentMethodListIcon,
  PaymentMethodListLabel,
  PaymentMethodListGroup,
  PaymentMethodListLoading,
  PaymentMethodListEmpty,
  PaymentMethodListError,
  paymentMethodKey,
  paymentMethodListMessages,
} from './components/PaymentMethodList';
export type {
  PaymentMethodListProps,
  PaymentMethodListState,
  PaymentMethodListItemProps,
  PaymentMethodListIconProps,
  PaymentMethodListLabelProps,
  PaymentMethodListGroupProps,
  PaymentMethodListStateProps,
  PaymentMethodListItemState,
  PaymentMethodListStatus,
  PaymentMethodListMessageKey,
} from './components/PaymentMethodList';
// NextAction is both a component and a type (the core NextAction type); the checkout's result is <PaymentResult>.
export {
  NextAction,
  NextActionChallenge,
  NextActionRedirect,
  NextActionQrImage,
  NextActionCode,
  NextActionCopyButton,
  NextActionCountdown,
  NextActionVoucher,
  nextActionMessages,
} from './components/NextAction';
export type {
  NextActionProps,
  NextActionType,
  NextActionChallengeProps,
  NextActionRedirectProps,
  NextActionQrImageProps,
  NextActionCodeProps,
  NextActionCopyButtonProps,
  NextActionCountdownProps,
  NextActionVoucherProps,
  NextActionMessageKey,
} from './components/NextAction';
export {
  PaymentResult,
  PaymentResultMessage,
  PaymentResultRetry,
  paymentResultMessages,
} from './components/PaymentResult';
export type {
  PaymentResultProps,
  PaymentResultState,
  PaymentResultMessageProps,
  PaymentResultRetryProps,
  PaymentResultMessageKey,
} from './components/PaymentResult';
export { PayButton, payButtonMessages } from './components/PayButton';
export type { PayButtonProps, PayButtonState, PayButtonMessageKey } from './components/PayButton';
export { Checkout } from './components/Checkout';
export type { CheckoutProps } from './components/Checkout';
export {
  declineMessages,
  errorMessages,
  declineMessageKey,
  errorMessageKey,
  useDeclineMessage,
  useErrorMessage,
} from './components/errorMessages';
export type { DeclineMessageKey, ErrorMessageKey } from './components/errorMessages';

// Card utilities
export {
  CARD_BRANDS,
  DOCUMENT_COUNTRIES,
  MAX_CARD_EXPIRY_YEARS,
  MAX_CARD_NUMBER_LENGTH,
  cardExpiryError,
  cardNumberError,
  cardSchema,
  detectCardBrand,
  documentTypesFor,
  formatCardExpiry,
  formatCardNumber,
  getCardBrandInfo,
  holderNameError,
  isValidCardNumber,
  maxCardNumberLength,
  parseCardExpiry,
  passesLuhn,
  securityCodeError,
  securityCodeLength,
  validateDocument,
} from './card';
export type { CardBrand, CardBrandInfo, CardDetails, CardFieldErrorCode, ShopperDocumentType } from './card';

// <CardForm> and its parts
export {
  CardForm,
  CardFormAlert,
  CardFormBrand,
  CardFormControl,
  CardFormError,
  CardFormErrorSummary,
  CardFormField,
  CardFormHint,
  CardFormLabel,
  CardFormStatusMessage,
  CardFormSubmit,
  cardFormMessages,
} from './components/CardForm';
export type {
  CardFormAlertProps,
  CardFormControlProps,
  CardFormFieldName,
  CardFormFieldProps,
  CardFormFieldState,
  CardFormInstallments,
  CardFormLabelProps,
  CardFormMessageKey,
  CardFormMode,
  CardFormProps,
  CardFormRenderProps,
  CardFormState,
  CardFormStatus,
  CardFormSubmitProps,
  CardFormTextProps,
  CardFormValues,
} from './components/CardForm';
