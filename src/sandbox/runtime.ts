import type { SandboxClock } from './SandboxClock';
import type { SandboxStore } from './SandboxStore';
import type { YunoSandboxOptions } from './types';
import type { WebhookDispatcher } from './WebhookDispatcher';

/** What every part of the sandbox works with: its settings, clock, state and webhook sender. */
export interface SandboxRuntime {
  accountId: string;
  publicApiKey: string;
  privateSecretKey: string;
  /** Without a trailing slash. */
  baseUrl: string;
  checkoutSessionTtlMs: number;
  latencyMs: number;
  paymentProcessingMs: number;
  paymentMethods: YunoSandboxOptions['paymentMethods'];
  clock: SandboxClock;
  store: SandboxStore;
  webhooks: WebhookDispatcher;
}
