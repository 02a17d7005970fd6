import type { YunoErrorCode } from './schemas/error';

/**
 * What went wrong, as a closed set:
 * - `network`: the request never got an answer (offline, DNS, connection reset).
 * - `timeout`: no answer within the time limit (Yuno allows 60 s per request).
 * - `aborted`: the caller cancelled the request.
 * - `http`: Yuno (or the merchant's route) answered with an error status; `code` and `messages` say why.
 * - `invalid_response`: an answer that is not JSON or not the expected shape.
 * - `sdk`: Yuno's Web SDK could not load or refused the request (it speaks HTTP to Yuno on its own).
 */
export type YunoErrorKind = 'network' | 'timeout' | 'aborted' | 'http' | 'invalid_response' | 'sdk';

export interface YunoErrorInit {
  kind: YunoErrorKind;
  message: string;
  status?: number;
  yunoCode?: YunoErrorCode;
  messages?: readonly string[];
  method?: string;
  path?: string;
  idempotencyKey?: string;
  issues?: readonly YunoErrorIssue[];
  cause?: unknown;
}

/** Where a malformed response failed validation: paths only, never the values (they may hold card data). */
export interface YunoErrorIssue {
  path: string;
  message: string;
}

/** The code of a failure that carries no code of Yuno's: one per kind. */
const KIND_CODES: Record<YunoErrorKind, string> = {
  network: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  aborted: 'ABORTED',
  http: 'HTTP_ERROR',
  invalid_response: 'INVALID_RESPONSE',
  sdk: 'SDK_ERROR',
};

const RETRYABLE_CODES = new Set<string>(['REQUEST_IN_PROCESS', 'REQUEST_TIMEOUT', 'INTERNAL_ERROR']);

/**
 * The one error type of yuno-react: every failed call to Yuno or to the merchant's routes rejects with a `YunoError`.
 * Only the HTTP layer (and the Web SDK adapter, for the SDK's own failures) creates it; its message is safe to log (no
 * card data, no keys).
 *
 * @example
 * ```ts
 * try {
 *   await yuno.payments.create(body);
 * } catch (error) {
 *   if (error instanceof YunoError && error.code === 'CHECKOUT_SESSION_NOT_FOUND') startNewCheckout();
 * }
 * ```
 */
export class YunoError extends Error {
  override readonly name = 'YunoError';
  /**
   * Yuno's own code when Yuno (or the merchant's route) sent one, e.g. `INVALID_CREDENTIALS`,
   * `CHECKOUT_SESSION_NOT_FOUND`; otherwise one per kind: `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`, `HTTP_ERROR`,
   * `INVALID_RESPONSE`, `SDK_ERROR`.
   */
  readonly code: string;
  /** The kind of failure; see {@link YunoErrorKind}. */
  readonly kind: YunoErrorKind;
  /** HTTP status when the server answered (its own field: `code` never holds it). */
  readonly status: number | undefined;
  /** Yuno's own code from the error body, when there was one (the same as `code` then). */
  readonly yunoCode: YunoErrorCode | undefined;
  /** Yuno's human-readable messages from the error body. */
  readonly messages: readonly string[];
  readonly method: string | undefined;
  /** Request path without the query string. */
  readonly path: string | undefined;
  /** The idempotency key the request carried: retry with the same key to get the original outcome. */
  readonly idempotencyKey: string | undefined;
  /** For `invalid_response`: which fields failed validation. */
  readonly issues: readonly YunoErrorIssue[];

  constructor(init: YunoErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.yunoCode ?? KIND_CODES[init.kind];
    this.status = init.status;
    this.yunoCode = init.yunoCode;
    this.messages = init.messages ?? [];
    this.method = init.method;
    this.path = init.path;
    this.idempotencyKey = init.idempotencyKey;
    this.issues = init.issues ?? [];
  }

  /**
   * Whether the same request may succeed if sent again unchanged (with the same idempotency key for writes): network
   * faults, timeouts, 5xx, 429 and Yuno's `REQUEST_IN_PROCESS`. Validation errors and declines are not retryable.
   */
  get isRetryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'invalid_response') return this.status === undefined || this.status >= 500;
    if (this.kind !== 'http' || this.status === undefined) return false;
    if (this.status >= 500 || this.status === 429 || this.status === 408) return true;
    return this.yunoCode !== undefined && RETRYABLE_CODES.has(this.yunoCode);
  }

  /** Serialisable form, for logs and for sending an error from a server route to the browser. */
  toJSON(): {
    name: 'YunoError';
    code: string;
    kind: YunoErrorKind;
    message: string;
    status?: number;
    yunoCode?: string;
    messages: readonly string[];
  } {
    return {
      name: this.name,
      code: this.code,
      kind: this.kind,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.yunoCode === undefined ? {} : { yunoCode: this.yunoCode }),
      messages: this.messages,
    };
  }
}

/**
 * Whether a value is a {@link YunoError}, also across copies of the library (instanceof fails when two copies are
 * bundled).
 *
 * @example
 * ```ts
 * if (isYunoError(error) && error.kind === 'timeout') showRetry();
 * ```
 */
export function isYunoError(value: unknown): value is YunoError {
  return value instanceof YunoError || (value instanceof Error && value.name === 'YunoError' && 'yunoCode' in value);
}
