import type { YunoWebhookClaim, YunoWebhookStore } from './store';

/** A value Redis takes as a command argument. */
type RedisArgument = string;

/**
 * The part of a node-redis client (`createClient()` of `redis` v4 or later) that the store uses. Declared here so that
 * neither client library has to be installed to use the other. (A node-redis cluster's `sendCommand` takes other
 * arguments and does not fit; for Redis Cluster use ioredis's `Cluster`.)
 *
 * @example
 * ```ts
 * const client: NodeRedisCommandClient = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface NodeRedisCommandClient {
  sendCommand(args: RedisArgument[]): Promise<unknown>;
}

/**
 * The part of an ioredis client (`new Redis()`, `new Cluster()`) that the store uses.
 *
 * @example
 * ```ts
 * const client: IoRedisCommandClient = new Redis(process.env.REDIS_URL!);
 * ```
 */
export interface IoRedisCommandClient {
  call(command: string, ...args: RedisArgument[]): Promise<unknown>;
}

/**
 * Options of {@link createRedisWebhookStore}.
 *
 * @example
 * ```ts
 * const options: RedisWebhookStoreOptions = { client: redis, prefix: 'shop:yuno-webhook:' };
 * ```
 */
export interface RedisWebhookStoreOptions {
  /** A connected node-redis or ioredis client. */
  client: NodeRedisCommandClient | IoRedisCommandClient;
  /** Put before every key. @default 'yuno:webhook:' */
  prefix?: string;
}

const HANDLED = 'h';
const claimValue = (owner: string) => `c:${owner}`;

// Deletes the key only while it still holds this owner's claim: a plain DEL could drop a claim taken over by another
// delivery after this one's lease lapsed, or a record already marked handled.
const RELEASE_SCRIPT = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** PX takes a whole, positive number of milliseconds. */
const milliseconds = (ms: number, name: string) => {
  if (!Number.isFinite(ms) || ms <= 0)
    throw new RangeError(`createRedisWebhookStore: ${name} must be a positive number`);
  return String(Math.ceil(ms));
};

const isIoRedis = (client: RedisWebhookStoreOptions['client']): client is IoRedisCommandClient =>
  typeof (client as Partial<IoRedisCommandClient>).call === 'function';

/** Replies come back as strings, or as Buffers when a client is set to return them. */
const asText = (reply: unknown): string | null => {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'string') return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  return String(reply);
};

/**
 * A webhook store in Redis, shared by every process that receives Yuno's webhooks. A claim is `SET key c:<owner> NX PX
 * lease`; a handled key holds `h` for its time to live; a release deletes the key only while it holds the owner's
 * claim. Works with node-redis (`redis` v4 or later) and ioredis clients; neither is imported by this module.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { createRedisWebhookStore, createYunoWebhookHandler } from 'yuno-react/server';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * export const POST = createYunoWebhookHandler({
 *   secret: process.env.YUNO_WEBHOOK_SECRET!,
 *   store: createRedisWebhookStore({ client: redis }),
 *   onEvent: async (event) => { ... },
 * });
 * ```
 */
export function createRedisWebhookStore(options: RedisWebhookStoreOptions): YunoWebhookStore {
  const { client } = options;
  if (
    !client ||
    (typeof (client as Partial<NodeRedisCommandClient>).sendCommand !== 'function' && !isIoRedis(client))
  ) {
    throw new TypeError('createRedisWebhookStore: client must be a node-redis or ioredis client');
  }
  const prefix = options.prefix ?? 'yuno:webhook:';
  // ioredis also has a `sendCommand`, taking its own Command objects: look for its `call` first.
  const send = isIoRedis(client)
    ? (args: RedisArgument[]) => client.call(args[0] as string, ...args.slice(1))
    : (args: RedisArgument[]) => client.sendCommand(args);

  return {
    async claim(key, owner, leaseMs): Promise<YunoWebhookClaim> {
      const redisKey = prefix + key;
      const lease = milliseconds(leaseMs, 'leaseMs');
      // The key can lapse between a refused SET and the GET; then the claim is tried again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const set = asText(await send(['SET', redisKey, claimValue(owner), 'NX', 'PX', lease]));
        if (set === 'OK') return 'claimed';
        const value = asText(await send(['GET', redisKey]));
        if (value === HANDLED) return 'handled';
        if (value !== null) return 'busy';
      }
      return 'busy';
    },
    async complete(key, _owner, ttlMs) {
      await send(['SET', prefix + key, HANDLED, 'PX', milliseconds(ttlMs, 'ttlMs')]);
    },
    async release(key, owner) {
      await send(['EVAL', RELEASE_SCRIPT, '1', prefix + key, claimValue(owner)]);
    },
  };
}
