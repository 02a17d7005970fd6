export { verifyYunoWebhook } from './verify';
export { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
export {
  createMemoryWebhookStore,
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
export { createYunoWebhookHandler, type YunoWebhookHandlerOptions } from './handler';
