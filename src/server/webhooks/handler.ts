import type { YunoWebhookEvent } from '../../core';
import { checkBodyLimit, DEFAULT_WEBHOOK_MAX_BODY_BYTES, readWebhookBody } from '../readBoundedBody';
import { parseYunoWebhook, YunoWebhookError } from './parse';
import { createMemoryWebhookStore, DEFAULT_WEBHOOK_TTL_MS, type YunoWebhookStore } from './store';
import { verifyYunoWebhook, verifyYunoWebhookApiKey } from './verify';

/** What `onEvent` is given besides the event. */
export interface YunoWebhookEventContext {
  /** Aborted when the handler passes `timeoutMs`: the delivery has then been answered 503 and will be retried. */
  signal: AbortSignal;
}

interface WebhookHandlerBase {
  /**
   * The secret set as `hmac_client_secret` on the webhook in Yuno: each delivery's `x-hmac-signature` is checked
   * against the raw body. The default way to authenticate deliveries.
   */
  secret?: string;
  /**
   * The `x-api-key` value set on the webhook in Yuno (Yuno's other way of authenticating deliveries); with
   * `apiSecret`. When `secret` is set too, a delivery must pass both.
   */
  apiKey?: string;
  /** The `x-secret` value set on the webhook in Yuno; with `apiKey`. */
  apiSecret?: string;
  /** Where events are claimed and remembered. @default createMemoryWebhookStore() (one process) */
  store?: YunoWebhookStore;
  /**
   * How long `onEvent` (or `enqueue`) may take before the delivery is answered 503 and its claim released, so Yuno
   * retries. @default 10_000
   */
  timeoutMs?: number;
  /** How long a claim holds before another delivery may take the event over (an instance that crashed). @default timeoutMs + 20 s */
  leaseMs?: number;
  /** How long a handled event is remembered. @default 8 days (Yuno retries for about 7.3) */
  ttlMs?: number;
  /**
   * The largest body accepted, in bytes. A larger one is answered 413 `PAYLOAD_TOO_LARGE` without being read (a
   * `content-length` above it is refused before any byte; a chunked body is cut off at the limit).
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number;
  /** Failures of `onEvent` / `enqueue` and of the store, for logging. They never hold the event's contents. */
  onError?(error: unknown, event: YunoWebhookEvent | undefined): void;
}

/** Handle the event before answering: 200 only once `onEvent` has succeeded. */
export interface YunoWebhookHandleOptions extends WebhookHandlerBase {
  /**
   * Handles one event. The delivery is answered 200 only after it resolves; when it throws or passes `timeoutMs`,
   * the answer is 500 / 503 and Yuno delivers the event again. Each event runs once at a time across every instance
   * sharing `store`, and is not run again once it succeeded.
   */
  onEvent(event: YunoWebhookEvent, context: YunoWebhookEventContext): void | Promise<void>;
  enqueue?: never;
}

/** Acknowledge now, work later: the verified event goes to your own durable queue, then 200. */
export interface YunoWebhookEnqueueOptions extends WebhookHandlerBase {
  /**
   * Puts the verified, parsed event on your durable queue (a table row, SQS, a Redis stream). The delivery is
   * answered 200 once it resolves; your worker then handles the event as long as it needs. When it throws, the
   * answer is 500 (503 past `timeoutMs`) and Yuno retries.
   */
  enqueue(event: YunoWebhookEvent, context: YunoWebhookEventContext): void | Promise<void>;
  onEvent?: never;
}

export type YunoWebhookHandlerOptions = YunoWebhookHandleOptions | YunoWebhookEnqueueOptions;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

class HandlerTimeout extends Error {
  override readonly name = 'YunoWebhookTimeout';
}

const randomOwner = () => globalThis.crypto.randomUUID();

/**
 * A webhook receiver that loses nothing: it authenticates the delivery (HMAC on the raw body by default, or Yuno's
 * `x-api-key` / `x-secret` headers; 401 if wrong), parses the envelope (400 if malformed), claims the event in the
 * store and runs `onEvent`, answering 200 only after it succeeded. A failing or slow handler gets a non-2xx answer
 * and its claim released, so Yuno retries; a retry of an event already handled gets `200 { duplicate: true }`; a
 * delivery of an event another instance is handling right now gets 409, and Yuno tries again later.
 *
 * @example
 * ```ts
 * // app/api/yuno/webhooks/route.ts
 * export const POST = createYunoWebhookHandler({
 *   secret: process.env.YUNO_WEBHOOK_SECRET!,
 *   store: createRedisWebhookStore({ client: redis }),
 *   onEvent: async (event) => {
 *     if (event.payment) await orders.updateStatus(event.payment.merchant_order_id, event.payment.status);
 *   },
 * });
 * ```
 */
export function createYunoWebhookHandler(options: YunoWebhookHandlerOptions): (request: Request) => Promise<Response> {
  const usesApiKey = options.apiKey !== undefined || options.apiSecret !== undefined;
  if (usesApiKey && (!options.apiKey || !options.apiSecret)) {
    throw new Error('createYunoWebhookHandler: set both apiKey (x-api-key) and apiSecret (x-secret), or neither');
  }
  if (!options.secret && !usesApiKey) {
    throw new Error(
      'createYunoWebhookHandler: a webhook secret (HMAC) or an apiKey and apiSecret are required to authenticate deliveries',
    );
  }
  const work = options.onEvent ?? options.enqueue;
  if (typeof work !== 'function') {
    throw new Error('createYunoWebhookHandler: pass onEvent (handle before answering) or enqueue (queue, then answer)');
  }
  const store = options.store ?? createMemoryWebhookStore();
  const maxBodyBytes = checkBodyLimit(
    'createYunoWebhookHandler: maxBodyBytes',
    options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  );
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? timeoutMs + 20_000;
  const ttlMs = options.ttlMs ?? DEFAULT_WEBHOOK_TTL_MS;
  const report = (error: unknown, event: YunoWebhookEvent | undefined) => {
    try {
      options.onError?.(error, event);
    } catch {
      // An error hook that throws must not change the answer.
    }
  };

  const authenticate = async (request: Request, raw: Uint8Array): Promise<boolean> => {
    let ok = true;
    if (usesApiKey) {
      ok = verifyYunoWebhookApiKey(request.headers, {
        apiKey: options.apiKey as string,
        apiSecret: options.apiSecret as string,
      });
    }
    if (options.secret) {
      ok = (await verifyYunoWebhook(raw, request.headers.get('x-hmac-signature'), options.secret)) && ok;
    }
    return ok;
  };

  /** Runs the work with a time limit; resolves when it succeeded, rejects when it threw or ran out of time. */
  const run = (event: YunoWebhookEvent, owner: string): Promise<void> => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = Promise.resolve().then(() => work(event, { signal: controller.signal }));
    // A handler that finishes after its delivery was answered still counts: once it succeeds, retries are duplicates.
    attempt.then(
      () =>
        controller.signal.aborted ? store.complete(event.key, owner, ttlMs).catch((e) => report(e, event)) : undefined,
      () => undefined,
    );
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new HandlerTimeout(`The webhook handler did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    return Promise.race([attempt, limit]).finally(() => clearTimeout(timer));
  };

  return async (request) => {
    if (request.method.toUpperCase() !== 'POST') {
      return json(405, { code: 'UNSUPPORTED_METHOD', messages: ['Webhooks are POSTed'] });
    }
    const raw = await readWebhookBody(request, maxBodyBytes);
    if (raw instanceof Response) return raw;
    if (!(await authenticate(request, raw))) {
      return json(401, {
        code: 'INVALID_SIGNATURE',
        messages: [
          options.secret
            ? 'The delivery is not authenticated: the x-hmac-signature header does not match the body'
            : 'The delivery is not authenticated: the x-api-key / x-secret headers do not match',
        ],
      });
    }
    let event: YunoWebhookEvent;
    try {
      event = parseYunoWebhook(new TextDecoder().decode(raw));
    } catch (error) {
      const message = error instanceof YunoWebhookError ? error.message : 'The webhook body could not be read';
      return json(400, { code: 'INVALID_REQUEST', messages: [message] });
    }

    const owner = randomOwner();
    let claim;
    try {
      claim = await store.claim(event.key, owner, leaseMs);
    } catch (error) {
      report(error, event);
      return json(503, { code: 'STORE_UNAVAILABLE', messages: ['The webhook store did not answer; retry later'] });
    }
    if (claim === 'handled') return json(200, { received: true, duplicate: true });
    if (claim === 'busy') {
      return json(
        409,
        { code: 'IN_PROGRESS', messages: ['This event is being handled by another delivery; retry later'] },
        { 'retry-after': String(Math.max(1, Math.ceil(leaseMs / 1000))) },
      );
    }

    try {
      await run(event, owner);
    } catch (error) {
      report(error, event);
      await store.release(event.key, owner).catch((releaseError: unknown) => report(releaseError, event));
      return error instanceof HandlerTimeout
        ? json(503, { code: 'HANDLER_TIMEOUT', messages: ['The event was not handled in time; it will be retried'] })
        : json(500, { code: 'HANDLER_FAILED', messages: ['The event could not be handled; it will be retried'] });
    }
    try {
      await store.complete(event.key, owner, ttlMs);
    } catch (error) {
      // The event was handled: answering 200 loses nothing, while a retry would run it twice.
      report(error, event);
    }
    return json(200, { received: true });
  };
}
