// Turning payment details into Yuno one-time tokens. No React, and nothing here runs at import.
export { collectBrowserInfo } from './collectBrowserInfo';
export { YUNO_SDK_VERSION, createYunoSdkTokenizer, yunoSdkScriptUrl } from './createYunoSdkTokenizer';
export type {
  YunoSdkEnvironment,
  YunoSdkLoader,
  YunoSdkLoadOptions,
  YunoSdkTokenizerOptions,
} from './createYunoSdkTokenizer';
export { createYunoSdkV2Tokenizer } from './createYunoSdkV2Tokenizer';
export type { YunoSdkV2TokenizerOptions } from './createYunoSdkV2Tokenizer';
export { SDK_PAYMENTS_READY_EVENT, YUNO_SDK_V2_SCRIPT_URL, YUNO_SDK_V2_VERSION, loadYunoSdkV2 } from './loadYunoSdkV2';
export type { YunoSdkV2LoadOptions, YunoSdkV2Loader } from './loadYunoSdkV2';
export type {
  YunoSdkV2Address,
  YunoSdkV2Customer,
  YunoSdkV2Global,
  YunoSdkV2Instance,
  YunoSdkV2OneTimeToken,
  YunoSdkV2PaymentMethodSelected,
  YunoSdkV2SecureField,
  YunoSdkV2SecureFieldChange,
  YunoSdkV2SecureFieldName,
  YunoSdkV2SecureFieldOptions,
  YunoSdkV2SecureFields,
  YunoSdkV2StatusMessage,
  YunoSdkV2StatusResult,
  YunoSdkV2Transaction,
  YunoSdkV2TransactionConfig,
  YunoSdkV2TransactionData,
} from './yunoSdkV2';
export type {
  YunoApiClientPaymentContinue,
  YunoContinuePaymentAction,
  YunoContinuePaymentActionKind,
} from './continuePaymentAction';
export { createServerTokenizer } from './createServerTokenizer';
export type { ServerTokenizerClient, ServerTokenizerOptions } from './createServerTokenizer';
export type {
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
} from './types';
export type {
  SecureField,
  SecureFieldChange,
  SecureFieldName,
  SecureFieldOptions,
  SecureFieldsContext,
  SecureFieldsPayInput,
  SecureFieldsSession,
  YunoTokenizerWithSecureFields,
} from './secureFields';
