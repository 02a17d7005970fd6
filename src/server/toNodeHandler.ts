import {
  BodyTooLargeError,
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  checkBodyLimit,
  markReserialisedBody,
  tooLargeResponse,
} from './readBoundedBody';

/**
 * The parts of Node's `http.IncomingMessage` (and Express's `req`) that {@link toNodeHandler} reads. Declared here
 * rather than imported so that `yuno-react/server` loads in edge runtimes, where `node:http` does not exist.
 *
 * @example
 * ```ts
 * const req: NodeRequestLike = incomingMessage;
 * ```
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string;
  url?: string;
  /** Express: the URL before the mount path was removed. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Express: the body a body parser already read from the stream. */
  body?: unknown;
  /** The exact bytes a body parser read, kept by `express.json({ verify: yunoRawBody })` (a `Buffer`). */
  rawBody?: unknown;
  /** Whether the body stream was read to its end (by a body parser). */
  readableEnded?: boolean;
  /** Node: whether the whole message, body included, has arrived; `false` while body bytes are still unread. */
  complete?: boolean;
  /** Node: 1 for HTTP/1.x, 2 for HTTP/2 (which has no `connection` header). */
  httpVersionMajor?: number;
  /** Node: stops reading the body from the connection. */
  pause?(): unknown;
  /** The connection; a TLS socket has `encrypted: true`. */
  socket?: object | null;
}

/**
 * The parts of Node's `http.ServerResponse` (and Express's `res`) that {@link toNodeHandler} writes.
 *
 * @example
 * ```ts
 * const res: NodeResponseLike = serverResponse;
 * ```
 */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  end(chunk?: Uint8Array): unknown;
  once(event: 'close', listener: () => void): unknown;
  readonly writableFinished?: boolean;
}

/**
 * A Node request listener, also usable as Express middleware.
 *
 * @example
 * ```ts
 * const listener: NodeHandler = toNodeHandler(handlers.handle);
 * ```
 */
export type NodeHandler = (
  req: NodeRequestLike,
  res: NodeResponseLike,
  next?: (error?: unknown) => void,
) => Promise<void>;

/**
 * Options of {@link toNodeHandler}.
 *
 * @example
 * ```ts
 * const options: ToNodeHandlerOptions = { maxBodyBytes: 2 * 1024 * 1024 };
 * ```
 */
export interface ToNodeHandlerOptions {
  /**
   * The most body bytes the adapter passes on, whatever the handler does: a larger `content-length` is answered 413
   * `PAYLOAD_TOO_LARGE` before the handler runs and before any byte is read, and a body without one is cut off there
   * (413 too). The routes have their own, lower limits (`maxBodyBytes`, `webhookMaxBodyBytes` of
   * `createYunoRouteHandlers`); raise this one with them.
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number;
}

/**
 * Adapts a Web-standard handler (`handlers.handle` of `createYunoRouteHandlers`) to Node's `http` server and to Express:
 * the incoming message becomes a `Request` and the `Response` is written back. The body is streamed to the handler as
 * it reads it, with its `content-length`, never buffered here: a route that refuses a body (413 past its limit, 415, an
 * unknown route) leaves the rest unread, and the answer then carries `connection: close` so that Node does not read it
 * either. The URL is taken from `originalUrl` when Express mounted the router under a path. A shopper who disconnects
 * aborts the request's `signal`.
 *
 * Behind a body parser the stream is already consumed: the adapter then takes `req.rawBody` (the exact bytes, kept by
 * `express.json({ verify: yunoRawBody })`), or `req.body` when it is a `Buffer` (`express.raw()`). Without either, the
 * JSON routes get the parsed body re-serialised, and the webhook route answers 500 with the setup to fix: its signature
 * is over the exact bytes, which are gone.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createYunoRouteHandlers, toNodeHandler, yunoRawBody } from 'yuno-react/server';
 *
 * const handlers = createYunoRouteHandlers({ client: yuno, resolveCheckout, webhookSecret });
 * const app = express();
 * app.use('/api/yuno', toNodeHandler(handlers.handle)); // before express.json(): the body is streamed
 * app.use(express.json({ verify: yunoRawBody })); // or after it, with the raw bytes kept
 * app.listen(3000);
 *
 * // plain Node
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(handlers.handle)).listen(3000);
 * ```
 */
export function toNodeHandler(
  handle: (request: Request) => Promise<Response>,
  options: ToNodeHandlerOptions = {},
): NodeHandler {
  const limit = checkBodyLimit('toNodeHandler: maxBodyBytes', options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES);
  return async (req, res, next) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let overLimit = false;
    try {
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        // HTTP/2 pseudo-headers (":path") are not headers a Request may carry.
        if (value === undefined || name.startsWith(':')) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      }
      const host = headers.get('host') ?? 'localhost';
      const protocol =
        (req.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true ? 'https' : 'http';
      const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`);

      let body: BodyInit | undefined;
      let reserialised = false;
      if (method !== 'GET' && method !== 'HEAD') {
        const parsed = alreadyRead(req);
        if (parsed) {
          // What the parser read is whole and decoded: its length is the body's, whatever was declared.
          headers.set('content-length', String(parsed.bytes.byteLength));
          headers.delete('content-encoding');
          headers.delete('transfer-encoding');
          body = parsed.bytes.byteLength > 0 ? parsed.bytes : undefined;
          reserialised = !parsed.exact;
        } else {
          const declared = declaredLength(headers);
          if (declared !== undefined && declared > limit) {
            await send(req, res, tooLargeResponse(limit));
            return;
          }
          body = streamOf(req, limit, () => {
            overLimit = true;
          });
        }
      }
      const init = { method, headers, body, signal: controller.signal, duplex: 'half' };
      const request = new Request(url, init as RequestInit);
      if (reserialised) markReserialisedBody(request);

      let response: Response;
      try {
        response = await handle(request);
      } catch (error) {
        if (!overLimit) throw error;
        response = tooLargeResponse(limit);
      }
      // The handler saw a body cut off at the adapter's limit; whatever it made of it, the answer is that.
      await send(req, res, overLimit ? tooLargeResponse(limit) : response);
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      await send(
        req,
        res,
        new Response(JSON.stringify({ code: 'INTERNAL_ERROR', messages: ['The request could not be handled'] }), {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    }
  };
}

async function send(req: NodeRequestLike, res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (req.complete === false) {
    // Body bytes are still on the wire (a refused body, a route that reads none). Node would read them all to keep the
    // connection alive; closing it instead is what stops a 100 MB upload at the limit.
    req.pause?.();
    // HTTP/2 closes the stream alone, and refuses the header; HTTP/1 needs the whole connection closed.
    if ((req.httpVersionMajor ?? 1) < 2) {
      res.setHeader('connection', 'close');
      lingerBeforeClosing(req.socket);
    }
  }
  res.end(bytes);
}

/** How long a connection closed on an unread body stays open, unread, after the answer was sent. */
const LINGER_MS = 2_000;

interface ClosingSocket {
  destroySoon(): void;
  pause(): unknown;
  end(): unknown;
  destroy(): unknown;
  on(event: 'resume', listener: () => void): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Node closes a `connection: close` socket as soon as the answer is written (`destroySoon`). With body bytes still
 * unread in the kernel, that close is a TCP reset, and a client still uploading may get ECONNRESET / EPIPE before it
 * reads the 413. So the socket sends its FIN at once but is destroyed only `LINGER_MS` later (or when it closes
 * first), and reads nothing meanwhile: the client's writes stall and it reads the answer. This is the "lingering
 * close" of HTTP servers (nginx's `lingering_close`), without the reading; Node has no option for it, hence the
 * override. Node itself resumes the socket after the answer, to read a body nobody read to its end and discard it
 * (`req._dump()`), so every `resume` is met by a `pause`: nothing more is taken off the wire.
 */
function lingerBeforeClosing(socket: object | null | undefined): void {
  const s = socket as Partial<ClosingSocket> | null | undefined;
  if (!s || [s.destroySoon, s.pause, s.end, s.destroy, s.on, s.once].some((method) => typeof method !== 'function')) {
    return;
  }
  const closing = s as ClosingSocket;
  closing.destroySoon = () => {
    const hold = () => closing.pause();
    hold();
    closing.on('resume', hold);
    closing.end();
    const timer = setTimeout(() => closing.destroy(), LINGER_MS);
    (timer as { unref?: () => void }).unref?.();
    closing.once('close', () => clearTimeout(timer));
  };
}

function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The body a body parser already took from the stream, and whether it is the exact bytes that were sent. */
function alreadyRead(req: NodeRequestLike): { bytes: Uint8Array<ArrayBuffer>; exact: boolean } | undefined {
  if (!req.readableEnded) return undefined;
  if (req.rawBody instanceof Uint8Array) return { bytes: new Uint8Array(req.rawBody), exact: true };
  const parsed = req.body;
  if (parsed instanceof Uint8Array) return { bytes: new Uint8Array(parsed), exact: true };
  // A string was decoded with the parser's charset and an object was parsed: neither gives back the bytes sent.
  if (typeof parsed === 'string') return { bytes: new TextEncoder().encode(parsed), exact: false };
  if (parsed === undefined) return { bytes: new Uint8Array(0), exact: false };
  return { bytes: new TextEncoder().encode(JSON.stringify(parsed)), exact: false };
}

/**
 * The Node body as a stream the handler pulls from: nothing is read before the handler asks (`highWaterMark: 0`), and
 * when it stops (cancels, or the limit is passed) the Node stream is paused, so the rest stays on the wire. Written
 * here rather than with `Readable.toWeb` because this module must load where `node:stream` does not exist.
 */
function streamOf(req: NodeRequestLike, limit: number, onOverLimit: () => void): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) {
          controller.close();
          return;
        }
        const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array);
        size += bytes.byteLength;
        if (size > limit) {
          onOverLimit();
          req.pause?.();
          controller.error(new BodyTooLargeError(limit));
          return;
        }
        controller.enqueue(bytes);
      },
      cancel() {
        req.pause?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A `verify` hook for Express's body parsers that keeps the exact bytes they read as `req.rawBody`, so that
 * {@link toNodeHandler} can hand them to the webhook route (whose signature is over those bytes) when the routes are
 * mounted after `express.json()`. The parser's own `limit` (100 kB by default) still bounds what it reads.
 *
 * @example
 * ```ts
 * app.use(express.json({ verify: yunoRawBody }));
 * app.use('/api/yuno', toNodeHandler(handlers.handle));
 * ```
 */
export function yunoRawBody(req: object, _res: unknown, buf: Uint8Array): void {
  (req as { rawBody?: Uint8Array }).rawBody = buf;
}
