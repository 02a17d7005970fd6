/** What a store answers to a claim. */
export type YunoWebhookClaim = 'claimed' | 'handled' | 'busy';

/**
 * Where webhook events are claimed while they are handled and remembered once handled, so that each event is handled
 * once however many times, and on however many instances, Yuno delivers it. Every method must be atomic for
 * concurrent callers: on several instances, use one shared store (`createRedisWebhookStore`,
 * `createPostgresWebhookStore`).
 *
 * @example
 * ```ts
 * const owner = crypto.randomUUID();
 * if ((await store.claim(event.key, owner, 30_000)) === 'claimed') {
 *   try {
 *     await handle(event);
 *     await store.complete(event.key, owner, 8 * 24 * 60 * 60 * 1000);
 *   } catch (error) {
 *     await store.release(event.key, owner);
 *     throw error;
 *   }
 * }
 * ```
 */
export interface YunoWebhookStore {
  /**
   * Atomically: `'handled'` if `key` was completed and its record has not expired; `'busy'` if another owner holds a
   * live claim; otherwise records a claim by `owner` that lapses after `leaseMs` (so a crashed instance's claim does
   * not block the event for ever) and answers `'claimed'`.
   */
  claim(key: string, owner: string, leaseMs: number): Promise<YunoWebhookClaim>;
  /** Marks `key` handled (whoever holds the claim now), remembered for `ttlMs`. */
  complete(key: string, owner: string, ttlMs: number): Promise<void>;
  /** Drops `owner`'s claim so the next delivery can claim at once; does nothing if `owner` no longer holds it. */
  release(key: string, owner: string): Promise<void>;
}

/** Yuno retries an event for up to about 7.3 days (+5 min, +50 min, +6 h, +24 h, +48 h, +96 h): keep records longer. */
export const DEFAULT_WEBHOOK_TTL_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * Options of {@link createMemoryWebhookStore}.
 *
 * @example
 * ```ts
 * const options: MemoryWebhookStoreOptions = { maxKeys: 50_000 };
 * ```
 */
export interface MemoryWebhookStoreOptions {
  /** How long handled events are remembered, whatever `complete` is asked. @default the handler's `ttlMs` (8 days) */
  ttlMs?: number;
  /** At most this many records; the oldest go first. @default 100_000 */
  maxKeys?: number;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
}

type MemoryRecord = { state: 'claimed'; owner: string; expiresAt: number } | { state: 'handled'; expiresAt: number };

/**
 * An in-memory store for one process: claims lapse after their lease, handled events are remembered for `ttlMs`
 * (default 8 days, beyond Yuno's last retry), at most `maxKeys` records (the oldest go first). Use a shared store
 * when several processes receive webhooks.
 *
 * @example
 * ```ts
 * const store = createMemoryWebhookStore({ maxKeys: 50_000 });
 * export const POST = createYunoWebhookHandler({ secret, store, onEvent });
 * ```
 */
export function createMemoryWebhookStore(options: MemoryWebhookStoreOptions = {}): YunoWebhookStore {
  const defaultTtl = options.ttlMs;
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  // Insertion order is age order: a record that changes is moved to the end.
  const records = new Map<string, MemoryRecord>();

  const live = (key: string, at: number): MemoryRecord | undefined => {
    const record = records.get(key);
    if (record && record.expiresAt > at) return record;
    if (record) records.delete(key);
    return undefined;
  };
  const put = (key: string, record: MemoryRecord, at: number) => {
    records.delete(key);
    records.set(key, record);
    for (const [k, r] of records) {
      if (records.size <= maxKeys && r.expiresAt > at) break;
      records.delete(k);
    }
  };

  return {
    claim(key, owner, leaseMs) {
      const at = now();
      const record = live(key, at);
      if (record?.state === 'handled') return Promise.resolve('handled');
      if (record?.state === 'claimed') return Promise.resolve('busy');
      put(key, { state: 'claimed', owner, expiresAt: at + leaseMs }, at);
      return Promise.resolve('claimed');
    },
    complete(key, _owner, ttlMs) {
      const at = now();
      put(key, { state: 'handled', expiresAt: at + (defaultTtl ?? ttlMs) }, at);
      return Promise.resolve();
    },
    release(key, owner) {
      const record = live(key, now());
      if (record?.state === 'claimed' && record.owner === owner) records.delete(key);
      return Promise.resolve();
    },
  };
}
