// Turning payment details into Yuno one-time tokens. No React, and nothing here runs at import.
export { collectBrowserInfo } from './collectBrowserInfo';
export { YUNO_SDK_VERSION, createYunoSdkTokenizer, yunoSdkScriptUrl } from './createYunoSdkTokenizer';
export type {
  YunoSdkEnvironment,
  YunoSdkLoader,
  YunoSdkLoadOptions,
  YunoSdkTokenizerOptions,
} from './createYunoSdkTokenizer';
export { createServerTokenizer } from './createServerTokenizer';
export type { ServerTokenizerClient, ServerTokenizerOptions } from './createServerTokenizer';
export type {
  CardInput,
  EnrollContext,
  EnrollInput,
  EnrollResult,
  ShopperDetails,
  TokenizeInput,
  TokenizerContext,
  YunoTokenizer,
} from './types';
