export { verifyYunoWebhook } from './verify';
export { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
export { createMemoryWebhookStore, type YunoWebhookStore } from './store';
export { createYunoWebhookHandler, type YunoWebhookHandlerOptions } from './handler';
