import { isYunoError, type YunoError } from '../core/YunoError';

/**
 * A failure the merchant routes answer with Yuno's own error body `{ code, messages }`, so that the browser client turns
 * it into a `YunoError` exactly like an answer from Yuno. Messages name fields and rules, never values (they may be card
 * data).
 */
export class RouteError extends Error {
  override readonly name = 'RouteError';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${code}: ${messages.join('; ')}`);
  }
}

// Payment data must never sit in a shared cache, and a JSON body must never be sniffed into HTML.
const COMMON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...COMMON_HEADERS, ...headers } });
}

export function errorResponse(error: RouteError): Response {
  return jsonResponse(error.status, { code: error.code, messages: error.messages }, error.headers);
}

/**
 * How a failed call to Yuno reaches the browser. Yuno's 4xx answers pass through with its code and messages (already
 * redacted by the HTTP layer): they say what the shopper or the checkout must change. Everything else is a problem
 * between the merchant's server and Yuno, answered as a gateway error the browser may retry (with the same key, on a
 * route that takes one).
 */
export function upstreamRouteError(error: YunoError, options: { keyed?: boolean } = {}): RouteError {
  const status = error.status;
  // Only a route that takes an idempotency key (payments, enrollments) can promise that a retry changes nothing.
  const again = options.keyed ? 'retry with the same key' : 'retry';
  switch (error.kind) {
    case 'http':
      if (status !== undefined && status >= 400 && status < 500) {
        return new RouteError(
          status,
          error.yunoCode ?? 'INVALID_REQUEST',
          error.messages.length > 0 ? error.messages : [`Yuno answered HTTP ${status}`],
        );
      }
      if (status === 504 || error.yunoCode === 'REQUEST_TIMEOUT') {
        return new RouteError(504, 'REQUEST_TIMEOUT', [`Yuno did not answer in time; ${again}`]);
      }
      return new RouteError(502, 'UPSTREAM_ERROR', [
        `Yuno answered HTTP ${status ?? 'error'}${error.yunoCode ? ` ${error.yunoCode}` : ''}; ${again}`,
      ]);
    case 'timeout':
      return new RouteError(504, 'REQUEST_TIMEOUT', [`Yuno did not answer in time; ${again}`]);
    case 'aborted':
      // Only the shopper's own request aborts a call to Yuno, so nobody reads this answer; 499 is the usual
      // "client closed request" status of proxies.
      return new RouteError(499, 'REQUEST_ABORTED', ['The request was aborted']);
    case 'invalid_response':
      return new RouteError(502, 'UPSTREAM_ERROR', [`Yuno's answer could not be read; ${again}`]);
    default:
      return new RouteError(502, 'UPSTREAM_ERROR', [`Yuno could not be reached; ${again}`]);
  }
}

/** Any error thrown while handling a route, as the route's answer. */
export function toRouteError(error: unknown, options: { keyed?: boolean } = {}): RouteError {
  if (error instanceof RouteError) return error;
  if (isYunoError(error)) return upstreamRouteError(error, options);
  // Never echo an unexpected error: its message could hold request data.
  return new RouteError(500, 'INTERNAL_ERROR', ['The request could not be handled']);
}
