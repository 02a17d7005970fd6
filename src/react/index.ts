// The React layer's public barrel: every export here is also exported by the browser entry (src/index.ts), and it is
// all that src/components may import from the React layer.
export { YunoProvider } from './YunoProvider';
export type { YunoProviderProps } from './YunoProvider';
export type { YunoLanguage } from './YunoContext';
export type {
  CheckoutPhase,
  CheckoutState,
  CheckoutStatus,
  PaymentAttempt,
  SelectedPaymentMethod,
} from '../controller';
export { useYuno } from './useYuno';
export type { UseYunoResult } from './useYuno';
export { useYunoLanguage } from './useYunoLanguage';
export { useMessages } from './useMessages';
export type { MessageCatalog, YunoMessageOverrides } from '../i18n/messages';
export { usePaymentMethods, orderPaymentMethods } from './usePaymentMethods';
export type { UsePaymentMethodsOptions } from './usePaymentMethods';
export { useOneTimeToken } from './useOneTimeToken';
export { useCreatePayment } from './useCreatePayment';
export type { CreatePaymentVariables } from './useCreatePayment';
export { usePaymentStatus } from './usePaymentStatus';
export type { UsePaymentStatusOptions } from './usePaymentStatus';
export { useCheckout, useCheckoutActions } from './useCheckout';
export type { CheckoutActions, PayInput, UseCheckoutResult } from './useCheckout';
export { useCheckoutSelector } from './useCheckoutSelector';
export { useEnrollment } from './useEnrollment';
export { useSecureFields } from './useSecureFields';
export type {
  SecureFieldsMode,
  SecureFieldsStatus,
  UseSecureFieldsOptions,
  UseSecureFieldsResult,
} from './useSecureFields';
export type { EnrollVariables } from './useEnrollment';
// Types of the tokenizer the components take and give (the browser entry exports them from src/tokenizers too).
export type { CardInput, EnrollResult } from '../tokenizers/types';
export type { SecureField, SecureFieldChange, SecureFieldName, SecureFieldsSession } from '../tokenizers/secureFields';
