/**
 * What a store answers to a claim.
 *
 * @example
 * ```ts
 * const answer: YunoWebhookClaim = await store.claim(key, owner, 30_000); // 'claimed' | 'handled' | 'busy'
 * ```
 */
export type YunoWebhookClaim = 'claimed' | 'handled' | 'busy';

/**
 * Where webhook keys are claimed and remembered, so that Yuno's retries of one event are handled once. A receiver
 * claims a key before handling its event, completes it afterwards, and releases it when handling failed.
 *
 * @example
 * ```ts
 * if ((await store.claim(key, owner, 30_000)) === 'claimed') {
 *   try {
 *     await handle(event);
 *     await store.complete(key, owner, 7 * 24 * 60 * 60 * 1000);
 *   } catch (error) {
 *     await store.release(key, owner);
 *     throw error;
 *   }
 * }
 * ```
 */
export interface YunoWebhookStore {
  /** Atomically: 'handled' if `key` was completed and its record has not expired; 'busy' if another owner holds a live
   * claim; otherwise records a claim by `owner` that lapses after `leaseMs` and answers 'claimed'. */
  claim(key: string, owner: string, leaseMs: number): Promise<YunoWebhookClaim>;
  /** Marks `key` handled (whoever holds the claim), remembered for `ttlMs`. */
  complete(key: string, owner: string, ttlMs: number): Promise<void>;
  /** Drops `owner`'s claim so the next delivery can claim at once; does nothing if `owner` no longer holds it or key is handled. */
  release(key: string, owner: string): Promise<void>;
}

/**
 * Options of {@link createMemoryWebhookStore}.
 *
 * @example
 * ```ts
 * const options: MemoryWebhookStoreOptions = { maxKeys: 10_000 };
 * ```
 */
export interface MemoryWebhookStoreOptions {
  /** Records kept at most; the oldest go first. @default 100_000 */
  maxKeys?: number;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
}

interface MemoryRecord {
  state: 'claimed' | 'handled';
  owner: string;
  expiresAt: number;
}

/**
 * An in-memory store for one process. Use a shared store (`createRedisWebhookStore`,
 * `createPostgresWebhookStore`) when several processes receive webhooks.
 *
 * @example
 * ```ts
 * const store = createMemoryWebhookStore({ maxKeys: 50_000 });
 * ```
 */
export function createMemoryWebhookStore(options: MemoryWebhookStoreOptions = {}): YunoWebhookStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const records = new Map<string, MemoryRecord>();
  const put = (key: string, record: MemoryRecord) => {
    // A Map keeps insertion order: re-inserting puts the newest last, so trimming from the front drops the oldest.
    records.delete(key);
    records.set(key, record);
    const at = now();
    for (const [k, r] of records) {
      if (records.size <= maxKeys && r.expiresAt > at) break;
      records.delete(k);
    }
  };
  return {
    async claim(key, owner, leaseMs) {
      const record = records.get(key);
      if (record && record.expiresAt > now()) return record.state === 'handled' ? 'handled' : 'busy';
      put(key, { state: 'claimed', owner, expiresAt: now() + leaseMs });
      return 'claimed';
    },
    async complete(key, owner, ttlMs) {
      put(key, { state: 'handled', owner, expiresAt: now() + ttlMs });
    },
    async release(key, owner) {
      const record = records.get(key);
      if (record?.state === 'claimed' && record.owner === owner) records.delete(key);
    },
  };
}
