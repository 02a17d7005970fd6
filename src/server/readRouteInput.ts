import type * as z from 'zod/mini';
import { findIllFormedString } from '../core/wellFormed';
import { BodyTooLargeError, readBoundedBody } from './readBoundedBody';
import { RouteError } from './RouteError';

type Json = Record<string, unknown>;

/**
 * The request's JSON object body (`{}` when empty), read no further than `maxBodyBytes` (413 `PAYLOAD_TOO_LARGE`
 * beyond). A JSON content type is required: browsers cannot send it cross-site without a CORS preflight, so a plain
 * HTML form on another site cannot trigger these routes.
 */
export async function readJsonObject(request: Request, maxBodyBytes: number): Promise<Json> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.-]+\+)?json(?:\s*;|\s*$)/i.test(type.trim())) {
    throw new RouteError(415, 'INVALID_REQUEST', ['Send a JSON body with the header content-type: application/json']);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBody(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new RouteError(413, 'PAYLOAD_TOO_LARGE', [`The body is larger than ${error.limit} bytes`]);
    }
    throw new RouteError(400, 'INVALID_REQUEST', ['The body could not be read']);
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RouteError(400, 'INVALID_REQUEST', ['The body is not valid JSON']);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RouteError(400, 'INVALID_REQUEST', ['The body must be a JSON object']);
  }
  return value as Json;
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates route input with a schema, the way Yuno answers: absent required fields → `MISSING_PARAMETERS`, present
 * but malformed ones → `INVALID_PARAMETERS`. Messages name the field paths only, never the values. `name` labels a
 * single value (a path parameter) in the messages.
 */
export function parseInput<T>(schema: z.ZodMiniType<T>, value: unknown, name = ''): T {
  requireWellFormed(value, name);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const missing = new Set<string>();
  const invalid = new Set<string>();
  for (const issue of result.error.issues) {
    const path = [name, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined) missing.add(path);
    else invalid.add(path);
  }
  if (missing.size > 0) {
    throw new RouteError(
      400,
      'MISSING_PARAMETERS',
      [...missing].map((p) => `Missing required parameter: ${p}`),
    );
  }
  throw new RouteError(
    400,
    'INVALID_PARAMETERS',
    [...invalid].map((p) => `Invalid parameter: ${p}`),
  );
}

/**
 * Refuses input holding a string that is not well-formed UTF-16 (a lone surrogate such as `"\ud800"`, which JSON can
 * carry): as an id it cannot be put in a URL (`encodeURIComponent` throws) and would otherwise end as a 500. Yuno's
 * `INVALID_REQUEST`, naming the field only.
 */
function requireWellFormed(value: unknown, name: string): void {
  const path = findIllFormedString(value);
  if (!path) return;
  const field = [name, ...path].filter(Boolean).join('.') || '(body)';
  throw new RouteError(400, 'INVALID_REQUEST', [`Invalid parameter: ${field} is not well-formed Unicode text`]);
}

/**
 * A path segment of a merchant route, percent-decoded. A segment that does not decode to text (`%ZZ`, or `%ED%A0%80`,
 * the bytes of a lone surrogate) is the caller's mistake: 400 `INVALID_REQUEST`, never a 500 or a route that
 * silently does not match.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RouteError(400, 'INVALID_REQUEST', ['The path is not valid percent-encoded UTF-8']);
  }
}

/** The browser's key for one attempt: visible ASCII, as HTTP header values and Yuno's keys are. */
export function readIdempotencyKey(request: Request): string {
  const key = request.headers.get('x-idempotency-key')?.trim();
  if (!key) throw new RouteError(400, 'MISSING_PARAMETERS', ['Missing required header: X-Idempotency-Key']);
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new RouteError(400, 'INVALID_PARAMETERS', [
      'Invalid header X-Idempotency-Key: 1 to 255 visible ASCII characters (a UUID) are expected',
    ]);
  }
  return key;
}
