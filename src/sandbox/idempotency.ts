import { IDEMPOTENCY_KEY_TTL_MS } from './constants';
import { CORS_HEADERS, jsonText } from './responses';
import type { SandboxRuntime } from './runtime';
import type { IdempotencyEntry } from './SandboxStore';
import { SandboxHttpError, badRequest } from './SandboxHttpError';

/** The `X-Idempotency-Key` Yuno requires on payment creation. */
export function requireIdempotencyKey(request: Request): string {
  const key = idempotencyKeyOf(request);
  if (!key) throw badRequest('MISSING_PARAMETERS', 'Missing required header: X-Idempotency-Key');
  return key;
}

/**
 * The `X-Idempotency-Key` of a write Yuno accepts with or without one (enrollment, unenrollment, refunds, customers,
 * sessions, webhooks): honoured when sent, `undefined` when not.
 */
export function idempotencyKeyOf(request: Request): string | undefined {
  return request.headers.get('x-idempotency-key')?.trim() || undefined;
}

/**
 * Yuno's idempotency, per operation and key, kept 24 h on the sandbox clock:
 * - the key of a request that got an answer replays that answer (status and body), whatever the new body says;
 * - a key whose first request is still being processed (from the moment it arrives, while its body is still being read)
 *   gets `REQUEST_IN_PROCESS`, so concurrent duplicates never race each other;
 * - a key whose first request failed a business rule gets `IDEMPOTENCY_DUPLICATED` (a new attempt needs a new key);
 * - a body rejected by `prepare` (validation) does not use the key up;
 * - without a key the request is simply processed.
 */
export async function runIdempotent<P>(
  rt: SandboxRuntime,
  scope: string,
  key: string | undefined,
  prepare: () => Promise<P>,
  execute: (prepared: P) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  if (key === undefined) {
    const result = await execute(await prepare());
    return answer(result.status, result.body === undefined ? '' : JSON.stringify(result.body));
  }
  const id = `${scope}\u0000${key}`;
  const store = rt.store.idempotency;
  const entry = store.get(id);
  if (entry && rt.clock.now() - entry.createdAt < IDEMPOTENCY_KEY_TTL_MS) {
    if (entry.state === 'done') return answer(entry.status, entry.body);
    if (entry.state === 'in_flight') {
      throw badRequest(
        'REQUEST_IN_PROCESS',
        'Request with the same idempotency is already in process. Try again in a few seconds.',
      );
    }
    throw badRequest(
      'IDEMPOTENCY_DUPLICATED',
      'The idempotency key was used by a request that failed; send a new attempt with a new key',
    );
  }

  // The key is taken before anything is awaited: a second request with it that arrives while the body is still being
  // read or validated meets REQUEST_IN_PROCESS instead of racing the first one into a second payment.
  const createdAt = rt.clock.now();
  const reservation: IdempotencyEntry = { state: 'in_flight', createdAt };
  store.set(id, reservation);
  let prepared: P;
  try {
    prepared = await prepare();
  } catch (error) {
    // A body rejected before processing does not use the key up.
    if (store.get(id) === reservation) store.delete(id);
    throw error;
  }
  try {
    const result = await execute(prepared);
    const body = result.body === undefined ? '' : JSON.stringify(result.body);
    store.set(id, { state: 'done', createdAt, status: result.status, body });
    return answer(result.status, body);
  } catch (error) {
    if (error instanceof SandboxHttpError && error.status < 500) store.set(id, { state: 'failed', createdAt });
    else store.delete(id);
    throw error;
  }
}

/**
 * Yuno's idempotency on a write that does not require the key: with an `X-Idempotency-Key` it is honoured as in
 * {@link runIdempotent}; without one the request simply runs.
 */
export async function runOptionallyIdempotent<P>(
  rt: SandboxRuntime,
  scope: string,
  request: Request,
  prepare: () => Promise<P>,
  execute: (prepared: P) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const key = request.headers.get('x-idempotency-key')?.trim();
  if (key) return runIdempotent(rt, scope, key, prepare, execute);
  const result = await execute(await prepare());
  return answer(result.status, result.body === undefined ? '' : JSON.stringify(result.body));
}

/** An answer as first sent: JSON, or no body at all (Delete Customer's 202). */
function answer(status: number, body: string): Response {
  return body === '' ? new Response(null, { status, headers: { ...CORS_HEADERS } }) : jsonText(status, body);
}
