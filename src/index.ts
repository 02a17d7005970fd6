// Entry `yuno-react`, the React one ('use client' is added as a banner at build): the provider, the hooks, the components
// and what using them needs. It must never import from ./server or ./sandbox; its React-free modules are shared at build
// with `yuno-react/core` (src/core-entry.ts) and `yuno-react/card` (src/card/index.ts).

// React: provider and hooks
export * from './react';

// Talking to the merchant's routes, and the tokenizers `<YunoProvider tokenizer>` takes
export { createYunoBrowserClient } from './client/createYunoBrowserClient';
export type {
  YunoBrowserClient,
  YunoBrowserClientOptions,
  YunoBrowserCallOptions,
  YunoBrowserWriteOptions,
} from './client/createYunoBrowserClient';
export { createYunoSdkTokenizer, createYunoSdkV2Tokenizer, createServerTokenizer } from './tokenizers';
export type {
  YunoSdkEnvironment,
  YunoSdkLoader,
  YunoSdkLoadOptions,
  YunoSdkTokenizerOptions,
  YunoSdkV2TokenizerOptions,
  YunoSdkV2LoadOptions,
  YunoSdkV2Loader,
  ServerTokenizerClient,
  ServerTokenizerOptions,
  CardInput,
  EnrollContext,
  EnrollInput,
  EnrollResult,
  PayContext,
  PayResult,
  PayStatus,
  ShopperDetails,
  TokenizeInput,
  TokenizerContext,
  TokenizerEnrollResult,
  YunoTokenizer,
  SecureField,
  SecureFieldChange,
  SecureFieldName,
  SecureFieldOptions,
  SecureFieldsContext,
  SecureFieldsPayInput,
  SecureFieldsSession,
} from './tokenizers';

// Errors, and the types the hooks and components take or return. The rest (schemas, query options and keys, next-action
// helpers, the checkout controller) is in `yuno-react/core`; the card utilities are in `yuno-react/card`.
export { YunoError, isYunoError } from './core';
export type {
  BrowserInfo,
  CheckoutStart,
  CreateMerchantPaymentRequest,
  CustomerSession,
  Enrollment,
  EnrollablePaymentMethod,
  OneTimeToken,
  OneTimeTokenRequest,
  Payment,
  PaymentMethod,
  PaymentMethodType,
  StartCheckoutRequest,
  YunoErrorCode,
  YunoErrorKind,
  YunoErrorIssue,
  YunoErrorRecovery,
} from './core';
export type { CardBrand, ShopperDocumentType } from './card';

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
  useCardForm,
  cardFormMessages,
} from './components/CardForm';
export type {
  CardFormAlertProps,
  CardFormCardFields,
  CardFormControlProps,
  CardFormFieldName,
  CardFormFieldProps,
  CardFormFieldState,
  CardFormFieldStatus,
  CardFormFormProps,
  CardFormInputProps,
  CardFormSecureFieldProps,
  CardFormSummaryEntry,
  CardInstallmentPlan,
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
  CardDataFieldName,
  UseCardFormOptions,
  UseCardFormResult,
} from './components/CardForm';
