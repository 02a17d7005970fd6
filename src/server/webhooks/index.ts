export { verifyYunoWebhook, verifyYunoWebhookApiKey } from './verify';
export { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
export {
  createMemoryWebhookStore,
  DEFAULT_WEBHOOK_TTL_MS,
  type YunoWebhookClaim,
  type YunoWebhookStore,
} from './store';
export {
  createYunoWebhookHandler,
  type YunoWebhookEnqueueOptions,
  type YunoWebhookEventContext,
  type YunoWebhookHandleOptions,
  type YunoWebhookHandlerOptions,
} from './handler';
