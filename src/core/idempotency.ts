/**
 * A fresh idempotency key (a UUID v4) for one payment attempt. Reuse it when retrying the same attempt; make a new one
 * only for a new attempt.
 *
 * @example
 * ```ts
 * const key = createIdempotencyKey();
 * await yuno.payments.create(body, { idempotencyKey: key });
 * ```
 */
export function createIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
