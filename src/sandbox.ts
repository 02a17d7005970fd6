// Entry `yuno-react/sandbox`: an offline Yuno for tests, stories and local development. Never needed in production.
export { createYunoSandbox } from './sandbox/createYunoSandbox';
export type {
  SandboxFault,
  SandboxFaultMatch,
  SandboxPaymentMethodConfig,
  SandboxRequestRecord,
  SandboxSettlement,
  SandboxWebhookDelivery,
  YunoSandbox,
  YunoSandboxOptions,
} from './sandbox/types';
export {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_PUBLIC_API_KEY,
  SANDBOX_PRIVATE_SECRET_KEY,
  SANDBOX_DEFAULT_BASE_URL,
  SANDBOX_CHECKOUT_SESSION_TTL_MS,
  SANDBOX_PIX_TTL_MS,
  SANDBOX_VOUCHER_TTL_MS,
  SANDBOX_WEBHOOK_RETRY_DELAYS_MS,
  SANDBOX_THREE_DS_OTPS,
} from './sandbox/constants';
export { SANDBOX_TEST_CARDS } from './sandbox/testCards';
export type { SandboxTestCard, SandboxThreeDSecureBehaviour } from './sandbox/testCards';
export { startYunoSandboxServer } from './sandbox/startYunoSandboxServer';
export type { StartYunoSandboxServerOptions, YunoSandboxServer } from './sandbox/startYunoSandboxServer';
export { createSandboxWebSdk, installSandboxWebSdk } from './sandbox/createSandboxWebSdk';
export type {
  SandboxSdkV2Global,
  SandboxSdkV2Instance,
  SandboxSdkV2SecureField,
  SandboxSdkV2SecureFields,
  SandboxSdkV2Transaction,
  SandboxWebSdk,
  SandboxWebSdkInstance,
  SandboxWebSdkOptions,
} from './sandbox/createSandboxWebSdk';
export type { SandboxSecureField, SandboxSecureFieldChange, SandboxSecureFieldOptions } from './sandbox/secureFields';
