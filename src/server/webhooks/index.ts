export { verifyYunoWebhook, verifyYunoWebhookApiKey } from './verify';
export { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
export {
  createMemoryWebhookStore,
  DEFAULT_WEBHOOK_TTL_MS,
  type MemoryWebhookStoreOptions,
  type YunoWebhookClaim,
  type YunoWebhookStore,
} from './store';
export {
  createRedisWebhookStore,
  type IoRedisCommandClient,
  type NodeRedisCommandClient,
  type RedisWebhookStoreOptions,
} from './redisStore';
export {
  createPostgresWebhookStore,
  postgresWebhookStoreSchema,
  type PostgresQueryable,
  type PostgresQueryResult,
  type PostgresWebhookStore,
  type PostgresWebhookStoreOptions,
} from './postgresStore';
export {
  createYunoWebhookHandler,
  type YunoWebhookEnqueueOptions,
  type YunoWebhookEventContext,
  type YunoWebhookHandleOptions,
  type YunoWebhookHandlerOptions,
} from './handler';
