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
  /** Whether the body stream was read to its end (by a body parser). */
  readableEnded?: boolean;
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
 * Adapts a Web-standard handler (`handlers.handle` of `createYunoRouteHandlers`) to Node's `http` server and to Express:
 * the incoming message becomes a `Request` (its body read from the stream, or taken from `req.body` when a body parser
 * already read it; the URL from `originalUrl` when Express mounted the router under a path), and the `Response` is
 * written back. A shopper who disconnects aborts the request's `signal`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createYunoRouteHandlers, toNodeHandler } from 'yuno-react/server';
 *
 * const handlers = createYunoRouteHandlers({ client: yuno, resolveCheckout });
 * const app = express();
 * app.use('/api/yuno', toNodeHandler(handlers.handle)); // mount before express.json(), or after: both work
 * app.listen(3000);
 *
 * // plain Node
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(handlers.handle)).listen(3000);
 * ```
 */
export function toNodeHandler(handle: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res, next) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
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
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      if (body !== undefined) headers.delete('content-length');
      const request = new Request(url, { method, headers, body, signal: controller.signal });

      const response = await handle(request);
      res.statusCode = response.status;
      const setCookies = response.headers.getSetCookie();
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') res.setHeader(name, value);
      });
      if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
      res.end(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(
        new TextEncoder().encode(
          JSON.stringify({ code: 'INTERNAL_ERROR', messages: ['The request could not be handled'] }),
        ),
      );
    }
  };
}

async function readBody(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.readableEnded && req.body !== undefined) {
    const parsed = req.body;
    if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
    if (typeof parsed === 'string') return new TextEncoder().encode(parsed);
    return new TextEncoder().encode(JSON.stringify(parsed));
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  if (length === 0) return undefined;
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
