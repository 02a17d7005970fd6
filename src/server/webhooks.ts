import { PaymentSchema, WebhookV1Schema, WebhookV2Schema, type YunoWebhookEvent } from '../core';

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares in time that depends only on the length of `expected`, so a forged signature learns nothing from timing. */
function constantTimeEqual(actual: string, expected: string): boolean {
  const a = encoder.encode(actual);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i] as number);
  return diff === 0;
}

/**
 * Whether a webhook really comes from Yuno: `x-hmac-signature` must be the base64 HMAC-SHA256 of the raw request body
 * with your webhook secret. Verify the raw bytes as received, before any JSON parsing; the compare takes constant
 * time. Uses Web Crypto, so it runs in Node and in edge runtimes alike.
 *
 * @see https://docs.y.uno/docs/verify-webhook-signatures-hmac
 * @example
 * ```ts
 * const raw = await request.text();
 * if (!(await verifyYunoWebhook(raw, request.headers.get('x-hmac-signature'), process.env.YUNO_WEBHOOK_SECRET!))) {
 *   return new Response(null, { status: 401 });
 * }
 * ```
 */
export async function verifyYunoWebhook(
  rawBody: string | Uint8Array | ArrayBuffer,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  if (!secret) throw new Error('verifyYunoWebhook: the webhook secret is empty');
  if (typeof signature !== 'string' || signature.trim() === '') return false;
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = base64(await globalThis.crypto.subtle.sign('HMAC', key, toBytes(rawBody) as BufferSource));
  return constantTimeEqual(signature.trim(), expected);
}

/** A webhook body that is not one of Yuno's envelopes. Its message never holds the body. */
export class YunoWebhookError extends Error {
  override readonly name = 'YunoWebhookError';
  constructor(
    message: string,
    readonly paths: readonly string[] = [],
  ) {
    super(message);
  }
}

const dotted = (type: string, event: string) => (event.includes('.') ? event : `${type}.${event}`);

/**
 * Reads a webhook of either version into one shape: v2 envelopes (`{ type, type_event, data: { payment } }`) and v1
 * bodies (`{ payment }`), with event names in dotted form whether Yuno sent `payment.purchase` or the short
 * `type: 'payment', type_event: 'purchase'`. The deduplication key is `data.idempotency_key`, else
 * `data.payment.idempotency_key`.
 *
 * @example
 * ```ts
 * const event = parseYunoWebhook(raw);
 * if (event.event === 'payment.purchase' && event.payment?.status === 'SUCCEEDED') await fulfil(event.payment);
 * ```
 */
export function parseYunoWebhook(body: string | unknown): YunoWebhookEvent {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      throw new YunoWebhookError('The webhook body is not JSON');
    }
  }
  if (value && typeof value === 'object' && 'type_event' in value) {
    const parsed = WebhookV2Schema.safeParse(value);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
      throw new YunoWebhookError(`The webhook envelope is not Yuno's (${paths.join(', ')})`, paths);
    }
    const envelope = parsed.data;
    const type = envelope.type;
    return {
      version: 2,
      type,
      event: dotted(type, envelope.type_event),
      idempotencyKey:
        envelope.data.idempotency_key ?? envelope.idempotency_key ?? envelope.data.payment?.idempotency_key ?? null,
      retry: envelope.retry ?? 0,
      accountId: envelope.account_id ?? null,
      ...(envelope.data.payment ? { payment: envelope.data.payment } : {}),
      ...(envelope.data.payment_method ? { paymentMethod: envelope.data.payment_method } : {}),
      raw: value,
    };
  }
  const v1 = WebhookV1Schema.safeParse(value);
  if (!v1.success) {
    const paths = v1.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
    throw new YunoWebhookError(`The webhook body is not Yuno's (${paths.join(', ')})`, paths);
  }
  const payment = PaymentSchema.parse(v1.data.payment);
  return {
    version: 1,
    type: 'payment',
    event: 'payment.purchase',
    idempotencyKey: payment.idempotency_key ?? null,
    retry: 0,
    accountId: payment.account_id ?? null,
    payment,
    raw: value,
  };
}

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

/** The key a webhook is deduplicated on: its event and idempotency key, or the resource, event and status. */
export function webhookDedupKey(event: YunoWebhookEvent): string {
  if (event.idempotencyKey) return `${event.event}:${event.idempotencyKey}`;
  const resource = event.payment?.id ?? event.paymentMethod?.id ?? 'unknown';
  const status = event.payment?.status ?? event.paymentMethod?.status ?? '';
  return `${event.event}:${resource}:${status}`;
}

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
