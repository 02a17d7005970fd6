import type * as z from 'zod/mini';
import { YunoError, type YunoErrorIssue, type YunoErrorKind } from './YunoError';
import { redactCardData } from './redact';
import { YunoErrorBodySchema } from './schemas/error';

/** Yuno allows 60 s per request end to end. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Yuno's answers are a few kilobytes (a payment method list is the largest); a megabyte is far beyond any of them. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The longest wait a `Retry-After` header gets by default. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

export interface RetryOptions {
  /** Extra attempts after the first. @default 2 */
  retries?: number;
  /** Delay before the first retry; doubles each time, with jitter. @default 300 */
  minDelayMs?: number;
  /** @default 5000 */
  maxDelayMs?: number;
  /**
   * The longest wait honoured from a `Retry-After` header (seconds or an HTTP date) on a 429 or 503 answer; a longer
   * one is cut to this. Only requests that are retried at all (reads, writes with an idempotency key) wait for it.
   * @default 10000
   */
  maxRetryAfterMs?: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Headers sent on every request (credentials). A function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** A fetch implementation: the global one by default, a sandbox's `fetch` in tests. */
  fetch?: typeof globalThis.fetch;
  /** `fetch`'s `credentials` (browser clients: whether cookies go along); left to `fetch` when absent. */
  credentials?: RequestCredentials;
  /** Per attempt. @default 60000 */
  timeoutMs?: number;
  /** `false` turns retries off. */
  retry?: RetryOptions | false;
  /**
   * The largest answer read, in bytes. Reading stops there and the call fails with a `YunoError` of kind
   * `invalid_response` (code `INVALID_RESPONSE`): a broken or hostile upstream cannot fill the memory.
   * @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequest<T> {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The schema the success body must match; the parsed value is returned. */
  schema: z.ZodMiniType<T>;
  /** Sent as `X-Idempotency-Key`; makes a write safe to retry (the same key is reused on every attempt). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface HttpClient {
  request<T>(request: HttpRequest<T>): Promise<T>;
  readonly baseUrl: string;
}

/** The wait a 429 or 503 answer asked for with `Retry-After`, by the error made from it. */
const retryAfterOf = new WeakMap<YunoError, number>();

/** Thrown by {@link readCappedText} when an answer goes past the limit. */
class ResponseTooLargeError extends Error {}

/**
 * The only place yuno-react talks HTTP and the only place a {@link YunoError} is made. Reads (and writes that carry an
 * idempotency key) are retried on network faults, timeouts, 429 and 5xx, after the `Retry-After` a 429 or 503 asks for
 * (up to `maxRetryAfterMs`); nothing is retried on another 4xx or after the caller aborts. Answers are read up to
 * `maxResponseBytes`.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = Math.max(0, retry.retries ?? 2);
  const minDelayMs = retry.minDelayMs ?? 300;
  const maxDelayMs = retry.maxDelayMs ?? 5_000;
  const maxRetryAfterMs = Math.max(0, retry.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  async function attempt<T>(req: HttpRequest<T>, url: string): Promise<T> {
    const base = { method: req.method, path: req.path, idempotencyKey: req.idempotencyKey };
    const fail = (
      kind: YunoErrorKind,
      message: string,
      extra: Partial<ConstructorParameters<typeof YunoError>[0]> = {},
    ) => new YunoError({ kind, message: `${req.method} ${req.path}: ${message}`, ...base, ...extra });

    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(typeof options.headers === 'function' ? options.headers() : options.headers),
      ...req.headers,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.idempotencyKey) headers['X-Idempotency-Key'] = req.idempotencyKey;

    const { signal, aborted, cleanup, didTimeOut } = linkSignals(req.signal, req.timeoutMs ?? timeoutMs);
    let response: Response;
    let text: string;
    let answered: number | undefined;
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      // Raced against the signal: a fetch implementation that ignores it (a test double, a proxy) must still not
      // outlive the time limit.
      response = await Promise.race([
        doFetch(url, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal,
          ...(options.credentials ? { credentials: options.credentials } : {}),
        }),
        aborted,
      ]);
      answered = response.status;
      text = await Promise.race([readCappedText(response, maxResponseBytes), aborted]);
    } catch (cause) {
      if (cause instanceof ResponseTooLargeError) {
        throw fail('invalid_response', `HTTP ${answered} with an answer larger than ${maxResponseBytes} bytes`, {
          status: answered,
        });
      }
      if (didTimeOut()) throw fail('timeout', 'no answer in time');
      if (req.signal?.aborted) throw fail('aborted', 'the request was aborted');
      throw fail('network', `the request could not be sent or its answer not read (${networkCause(cause)})`, { cause });
    } finally {
      cleanup();
    }

    const status = response.status;
    const parsed = parseJson(text);
    if (status < 200 || status >= 300) {
      const body = parsed.ok ? YunoErrorBodySchema.safeParse(parsed.value) : undefined;
      const yunoCode = body?.success ? body.data.code : undefined;
      const messages = body?.success ? (body.data.messages ?? []).map(redactCardData) : [];
      const detail = [yunoCode, messages.join('; ')].filter(Boolean).join(': ');
      const error = fail('http', `HTTP ${status}${detail ? ` ${detail}` : ''}`, { status, yunoCode, messages });
      if (status === 429 || status === 503) {
        const wait = parseRetryAfter(response.headers.get('retry-after'));
        if (wait !== undefined) retryAfterOf.set(error, wait);
      }
      throw error;
    }
    if (!parsed.ok) throw fail('invalid_response', `HTTP ${status} with a body that is not JSON`, { status });
    const result = req.schema.safeParse(parsed.value);
    if (!result.success) {
      const issues: YunoErrorIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      }));
      throw fail(
        'invalid_response',
        `HTTP ${status} with an unexpected body (${issues.map((i) => i.path).join(', ')})`,
        { status, issues },
      );
    }
    return result.data;
  }

  async function request<T>(req: HttpRequest<T>): Promise<T> {
    const url = baseUrl + req.path + queryString(req.query);
    const safe = req.method === 'GET' || Boolean(req.idempotencyKey);
    for (let n = 0; ; n++) {
      try {
        return await attempt(req, url);
      } catch (error) {
        const e = error as YunoError;
        const transient =
          e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'http' && isTransientStatus(e.status));
        if (!safe || !transient || n >= retries || req.signal?.aborted) throw e;
        const backoff = Math.min(maxDelayMs, minDelayMs * 2 ** n) * (0.5 + Math.random() / 2);
        const asked = retryAfterOf.get(e);
        // Yuno's own wait wins over the backoff, but never beyond the cap: a caller is waiting on this request.
        const delay = asked === undefined ? backoff : Math.min(maxRetryAfterMs, Math.max(asked, backoff));
        await sleep(delay, req.signal);
        if (req.signal?.aborted) {
          throw new YunoError({
            kind: 'aborted',
            message: `${req.method} ${req.path}: the request was aborted`,
            method: req.method,
            path: req.path,
            idempotencyKey: req.idempotencyKey,
          });
        }
      }
    }
  }

  return { request, baseUrl };
}

/**
 * `Retry-After` in milliseconds: delay-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); `undefined`
 * when absent or unreadable. A date in the past is no wait.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names its weekday and zone; this keeps `Date.parse` from reading a bare number or a fragment.
  if (!/^[A-Za-z]{3,9},? .*\d{2}:\d{2}:\d{2}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The answer's body as text, read no further than `limit` bytes. A declared `content-length` above it fails before
 * anything is read; a body without one (chunked) is cut off as soon as it passes the limit, and the rest is not
 * downloaded. Hand-written: `Response.text()` has no limit, and no fetch library adds one to a given `Response`.
 */
async function readCappedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function isTransientStatus(status: number | undefined): boolean {
  return status !== undefined && (status >= 500 || status === 429 || status === 408);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function queryString(query: HttpRequest<unknown>['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Combines the caller's signal with a per-attempt timeout (AbortSignal.any is missing from older Safari). */
function linkSignals(outer: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  const aborted = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(new DOMException('The request was aborted', 'AbortError'));
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  // Nobody may be listening when the request ends normally.
  aborted.catch(() => undefined);
  return {
    signal: controller.signal,
    aborted,
    didTimeOut: () => timedOut,
    cleanup: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * What a failed fetch says went wrong, for the error's message: the system error code and words (`ECONNREFUSED
 * connect ECONNREFUSED 127.0.0.1:4010`) of the cause chain undici and browsers give (`TypeError: fetch failed` with
 * the socket error as its cause), card data masked.
 */
function networkCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && !parts.includes(code)) parts.push(code);
    if (typeof message === 'string' && message !== '' && !parts.some((p) => p.includes(message))) parts.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return redactCardData(parts.join(': ') || 'no cause given').slice(0, 300);
}
