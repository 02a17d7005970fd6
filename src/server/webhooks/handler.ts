import type { YunoWebhookEvent } from '../../core';
import { readWebhookBody } from '../readBoundedBody';
import { parseYunoWebhook, webhookDedupKey, YunoWebhookError } from './parse';
import { createMemoryWebhookStore, type YunoWebhookStore } from './store';
import { verifyYunoWebhook } from './verify';

export interface YunoWebhookHandlerOptions {
  /** The secret set as `hmac_client_secret` on the webhook in Yuno. */
  secret: string;
  /** Called once per event (retries of it are dropped). Not awaited before the 200: keep it short or queue work. */
  onEvent(event: YunoWebhookEvent): void | Promise<void>;
  /** @default createMemoryWebhookStore() */
  store?: YunoWebhookStore;
  /** Keeps the process alive for `onEvent` after the answer (e.g. Next.js `after`, Vercel `waitUntil`). */
  waitUntil?(promise: Promise<unknown>): void;
  /** Errors of `onEvent`, for logging; they do not change the answer. */
  onError?(error: unknown, event: YunoWebhookEvent): void;
  /**
   * The largest body accepted, in bytes. A larger one is answered 413 `PAYLOAD_TOO_LARGE` without being read (a
   * `content-length` above it is refused before any byte; a chunked body is cut off at the limit).
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A webhook receiver: verifies the signature on the raw body (401 if wrong), parses the envelope (400 if malformed),
 * drops retries of an event already handled, answers 200 at once and hands the event to `onEvent`.
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
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST') {
      return json(405, { code: 'UNSUPPORTED_METHOD', messages: ['Webhooks are POSTed'] });
    }
    const raw = await readWebhookBody(request, options.maxBodyBytes);
    if (raw instanceof Response) return raw;
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
    if (!(await store.add(webhookDedupKey(event)))) return json(200, { received: true, duplicate: true });
    const work = Promise.resolve()
      .then(() => options.onEvent(event))
      .catch((error: unknown) => {
        try {
          options.onError?.(error, event);
        } catch {
          // An error hook that throws must not become an unhandled rejection.
        }
      });
    options.waitUntil?.(work);
    return json(200, { received: true });
  };
}
