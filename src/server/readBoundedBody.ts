import { jsonResponse } from './RouteError';

/**
 * Default body limit of the JSON merchant routes (`POST /checkout-sessions`, `POST /payments`…): their bodies are a
 * few hundred bytes, so 64 KiB is generous and still far from filling a server's memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Default body limit of the webhook route: Yuno's event envelopes are a few kilobytes; 1 MiB leaves room to spare. */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Thrown by {@link readBoundedBody} when a body is larger than its limit; the routes answer it with 413
 * `PAYLOAD_TOO_LARGE`.
 */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes`);
  }
}

/** Throws unless `limit` is a usable byte count (a non-negative safe integer); `name` names the option. */
export function checkBodyLimit(name: string, limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`${name} must be a non-negative integer number of bytes, got ${String(limit)}`);
  }
  return limit;
}

/** The declared `content-length`, when it is a plain decimal number. */
function declaredLength(request: Request): number | undefined {
  const value = request.headers.get('content-length')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * The request's body, read no further than `limit` bytes. A declared `content-length` above the limit is refused before
 * a byte is read; a body without one (chunked) is read chunk by chunk and the stream is cancelled as soon as the limit
 * is passed, so at most the limit plus one chunk is ever held. Hand-written rather than `request.arrayBuffer()` (which
 * reads everything before the size can be known) because the Fetch API has no bounded read of its own.
 *
 * @throws {BodyTooLargeError} when the body is larger than `limit`; any other error of the stream as it is.
 * @example
 * ```ts
 * const bytes = await readBoundedBody(request, 64 * 1024);
 * ```
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array> {
  checkBodyLimit('readBoundedBody: limit', limit);
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limit) {
    // Cancelling tells the source (toNodeHandler's stream, a runtime's socket) that nothing more will be read.
    void request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The 413 answer of a body over its limit. */
export function tooLargeResponse(limit: number): Response {
  return jsonResponse(413, { code: 'PAYLOAD_TOO_LARGE', messages: [`The body is larger than ${limit} bytes`] });
}

/**
 * Requests whose body is not the bytes that were sent: {@link toNodeHandler} re-serialised what a body parser
 * (`express.json()`) had already parsed, because the stream was consumed and no raw copy was kept. Good enough for the
 * JSON routes; never for a signature over the exact bytes.
 */
const reserialisedBodies = new WeakSet<Request>();

export function markReserialisedBody(request: Request): void {
  reserialisedBodies.add(request);
}

/** What to do when a body parser ran first: said in the answer, since the merchant's logs are where it is read. */
export const RAW_BODY_SETUP_MESSAGE =
  "The webhook's raw body is not available: a body parser (express.json()) read the request before the Yuno routes and kept no copy, so its signature cannot be checked. Mount the Yuno routes before express.json(), or pass { verify: yunoRawBody } to express.json() (import { yunoRawBody } from 'yuno-react/server')";

/**
 * The webhook body for signature checks: {@link readBoundedBody} with its failures as answers (413 over the limit, 500
 * when the exact bytes were lost to a body parser — a setup error, never a signature error for a genuine delivery, and
 * a status Yuno retries once it is fixed; 400 when the stream fails).
 */
export async function readWebhookBody(
  request: Request,
  limit: number = DEFAULT_WEBHOOK_MAX_BODY_BYTES,
): Promise<Uint8Array | Response> {
  if (reserialisedBodies.has(request)) {
    void request.body?.cancel().catch(() => undefined);
    return jsonResponse(500, { code: 'INTERNAL_ERROR', messages: [RAW_BODY_SETUP_MESSAGE] });
  }
  try {
    return await readBoundedBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error.limit);
    if (error instanceof RangeError) throw error;
    return jsonResponse(400, { code: 'INVALID_REQUEST', messages: ['The body could not be read'] });
  }
}
