import type { YunoWebhookEvent } from '../../core';
import { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
import { createMemoryWebhookStore, type YunoWebhookStore } from './store';
import { verifyYunoWebhook } from './verify';

export interface YunoWebhookHandlerOptions {
  /** The secret set as `hmac_client_secret` on the webhook in Yuno. */
  secret: string;
  /**
   * Called once per event and awaited before the answer: 200 when it resolves, 500 when it throws or outlasts
   * `leaseMs` (Yuno then retries). Retries of a handled event are answered 200 without calling it.
   */
  onEvent(event: YunoWebhookEvent): void | Promise<void>;
  /** Where events are claimed and remembered; share one between processes. @default createMemoryWebhookStore() */
  store?: YunoWebhookStore;
  /** How long a claim holds while `onEvent` runs; a delivery of the same event meanwhile gets 409. @default 30_000 */
  leaseMs?: number;
  /** How long a handled event is remembered (Yuno retries for up to four days). @default 7 days */
  ttlMs?: number;
  /** Given the handling of each event; it is awaited before the answer anyway (e.g. Next.js `after`). */
  waitUntil?(promise: Promise<unknown>): void;
  /** Errors of `onEvent`, for logging. */
  onError?(error: unknown, event: YunoWebhookEvent): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

class LeaseTimeout extends Error {}

/**
 * A webhook receiver: verifies the signature on the raw body (401 if wrong), parses the envelope (400 if malformed),
 * claims the event in the store (200 `duplicate` if it was handled, 409 with `Retry-After` while another delivery of it
 * is being handled), awaits `onEvent`, then marks the event handled (200) or releases it for Yuno's retry (500).
 *
 * @example
 * ```ts
 * // app/api/yuno/webhooks/route.ts
 * export const POST = createYunoWebhookHandler({
 *   secret: process.env.YUNO_WEBHOOK_SECRET!,
 *   onEvent: async (event) => {
 *     if (event.payment) await orders.updateStatus(event.payment.merchant_order_id, event.payment.status);
 *   },
 * });
 * ```
 */
export function createYunoWebhookHandler(options: YunoWebhookHandlerOptions): (request: Request) => Promise<Response> {
  if (!options.secret) throw new Error('createYunoWebhookHandler: a webhook secret is required to verify signatures');
  const store = options.store ?? createMemoryWebhookStore();
  const leaseMs = options.leaseMs ?? 30_000;
  const ttlMs = options.ttlMs ?? 7 * 24 * 60 * 60 * 1000;
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST') {
      return json(405, { code: 'UNSUPPORTED_METHOD', messages: ['Webhooks are POSTed'] });
    }
    const raw = new Uint8Array(await request.arrayBuffer());
    if (!(await verifyYunoWebhook(raw, request.headers.get('x-hmac-signature'), options.secret))) {
      return json(401, {
        code: 'INVALID_SIGNATURE',
        messages: ['The x-hmac-signature header does not match the body'],
      });
    }
    let event: YunoWebhookEvent;
    try {
      event = parseYunoWebhook(new TextDecoder().decode(raw));
    } catch (error) {
      const message = error instanceof YunoWebhookError ? error.message : 'The webhook body could not be read';
      return json(400, { code: 'INVALID_REQUEST', messages: [message] });
    }
    const key = webhookDedupKey(event);
    const owner = crypto.randomUUID();
    let claim: Awaited<ReturnType<YunoWebhookStore['claim']>>;
    try {
      claim = await store.claim(key, owner, leaseMs);
    } catch {
      // Nothing was claimed or run: Yuno's retry finds the event as it was.
      return json(503, { code: 'WEBHOOK_STORE_UNAVAILABLE', messages: ['The webhook store could not be reached'] });
    }
    if (claim === 'handled') return json(200, { received: true, duplicate: true });
    if (claim === 'busy') {
      return json(
        409,
        { code: 'WEBHOOK_IN_PROGRESS', messages: ['This event is being handled by another delivery'] },
        { 'retry-after': String(Math.max(1, Math.ceil(leaseMs / 1000))) },
      );
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = Promise.resolve().then(() => options.onEvent(event));
    options.waitUntil?.(work.catch(() => undefined));
    try {
      await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new LeaseTimeout('onEvent outlasted its lease')), leaseMs);
        }),
      ]);
    } catch (error) {
      clearTimeout(timer);
      await store.release(key, owner).catch(() => undefined);
      try {
        options.onError?.(error, event);
      } catch {
        // An error hook that throws must not change the answer.
      }
      return json(500, { code: 'WEBHOOK_HANDLER_FAILED', messages: ['The event could not be handled; retry later'] });
    }
    clearTimeout(timer);
    // If this write fails the claim lapses, and Yuno's retry runs the event again: at least once, never lost.
    await store.complete(key, owner, ttlMs).catch(() => undefined);
    return json(200, { received: true });
  };
}
