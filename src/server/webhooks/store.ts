/** Where handled webhook keys are remembered, so that Yuno's retries of one event are handled once. */
export interface YunoWebhookStore {
  /** Records `key`; resolves `false` when it was already there (a duplicate). Must be atomic for concurrent calls. */
  add(key: string): boolean | Promise<boolean>;
}

/**
 * An in-memory store for one process, keeping keys for `ttlMs` (Yuno retries for up to four days). Use a shared store
 * (Redis `SET NX`, a database unique key) when several processes receive webhooks.
 *
 * @example
 * ```ts
 * const store = createMemoryWebhookStore({ ttlMs: 7 * 24 * 60 * 60 * 1000 });
 * ```
 */
export function createMemoryWebhookStore(
  options: { ttlMs?: number; maxKeys?: number; now?: () => number } = {},
): YunoWebhookStore {
  const ttlMs = options.ttlMs ?? 7 * 24 * 60 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const keys = new Map<string, number>();
  return {
    add(key) {
      const at = now();
      const seen = keys.get(key);
      if (seen !== undefined && at - seen < ttlMs) return false;
      keys.delete(key);
      keys.set(key, at);
      // Oldest first in a Map: trim expired keys, and the oldest when over the limit.
      for (const [k, t] of keys) {
        if (keys.size <= maxKeys && at - t < ttlMs) break;
        keys.delete(k);
      }
      return true;
    },
  };
}
