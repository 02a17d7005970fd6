// node: modules are loaded when the server starts, so that importing `yuno-react/sandbox` in a browser (MSW in
// Storybook) never touches them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYunoSandbox } from './createYunoSandbox';
import type { YunoSandbox, YunoSandboxOptions } from './types';

/**
 * Options of {@link startYunoSandboxServer}: where to listen, and either a sandbox or the options to create one.
 *
 * @example
 * ```ts
 * const options: StartYunoSandboxServerOptions = { port: 0, webhooks: { url: 'http://127.0.0.1:3000/api/yuno/webhook' } };
 * ```
 */
export interface StartYunoSandboxServerOptions extends YunoSandboxOptions {
  /**
   * Port to listen on; `0` picks a free one (read it from the result).
   * @default 4010
   */
  port?: number;
  /**
   * Interface to listen on. `'0.0.0.0'` exposes the sandbox to the network.
   * @default '127.0.0.1'
   */
  host?: string;
  /** A sandbox to serve. When omitted one is created from the other options, with `baseUrl` set to the server's URL. */
  sandbox?: YunoSandbox;
}

/**
 * A running sandbox server.
 *
 * @example
 * ```ts
 * const server: YunoSandboxServer = await startYunoSandboxServer({ port: 0 });
 * process.env.YUNO_BASE_URL = server.url;
 * ```
 */
export interface YunoSandboxServer {
  /** The server's origin, e.g. `http://127.0.0.1:4010`; Yuno's API is under `${url}/v1`. */
  url: string;
  port: number;
  sandbox: YunoSandbox;
  /** Stops listening, drops open connections (cancelling requests in flight) and resolves once the server is closed. */
  close(): Promise<void>;
}

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET,POST,PATCH,DELETE,OPTIONS',
  'access-control-expose-headers': '*',
};

/**
 * Serves a Yuno sandbox over real HTTP with `node:http`, for browsers, other processes and any language's HTTP client:
 * the same requests and answers as `api-sandbox.y.uno`, under `/v1`, plus the sandbox's own `/_sandbox` routes. A
 * client that disconnects aborts its request, so the sandbox's `timeout` fault behaves like a server that never answers.
 *
 * @example
 * ```ts
 * import { startYunoSandboxServer } from 'yuno-react/sandbox';
 *
 * const server = await startYunoSandboxServer({ port: 0 });
 * const yuno = createYunoServerClient({ ...server.sandbox.credentials, baseUrl: server.url });
 * // …
 * await server.close();
 * ```
 */
export async function startYunoSandboxServer(options: StartYunoSandboxServerOptions = {}): Promise<YunoSandboxServer> {
  const { port = 4010, host = '127.0.0.1', sandbox: givenSandbox, ...sandboxOptions } = options;
  let sandbox: YunoSandbox | undefined = givenSandbox;
  let origin = '';
  const [{ createServer }, { Readable }] = await Promise.all([import('node:http'), import('node:stream')]);
  toWeb = (req) => Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;

  const server = createServer((req, res) => {
    // `sandbox` is set in the listening callback, which runs before any connection is accepted.
    serve(sandbox as YunoSandbox, origin, req, res).catch(() => {
      // A response that cannot be written (e.g. a header Node refuses) must not take the whole server down.
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { code: 'INTERNAL_ERROR', messages: ['The sandbox could not send its answer'] });
    });
  });
  // Requests wait on the sandbox clock (latency, in-flight payments), never on slow clients' headers.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      origin = `http://${urlHost(host)}:${address.port}`;
      sandbox ??= createYunoSandbox({ ...sandboxOptions, baseUrl: sandboxOptions.baseUrl ?? origin });
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port: address.port,
    sandbox: sandbox as YunoSandbox,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function serve(sandbox: YunoSandbox, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  const request = toWebRequest(req, origin, controller.signal);
  res.on('close', () => {
    if (res.writableFinished) return;
    controller.abort(new DOMException('The client disconnected', 'AbortError'));
    // A Request's signal follows its source only while the Request is alive (undici holds it weakly); referencing it
    // here keeps it alive for as long as the connection is, so the abort always reaches the sandbox.
    void request.signal;
  });

  let response: Response;
  try {
    response = await sandbox.handle(request);
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof TypeError) {
      // The sandbox's `network` fault: drop the connection so the client's request fails like a real network error.
      res.destroy();
      return;
    }
    sendJson(res, 500, { code: 'INTERNAL_ERROR', messages: ['The sandbox failed to handle the request'] });
    return;
  }
  if (controller.signal.aborted) return;
  await sendWebResponse(response, res, controller.signal);
}

let toWeb: (req: IncomingMessage) => ReadableStream<Uint8Array> = () => {
  throw new Error('startYunoSandboxServer has not loaded node:stream');
};

function toWebRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (name.startsWith(':') || values === undefined) continue;
    for (const value of values) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody
      ? // The body streams through; `duplex` is required by the fetch spec for a stream body.
        { body: toWeb(req), duplex: 'half' }
      : {}),
  } as RequestInit);
}

async function sendWebResponse(response: Response, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers[name] ??= value;
  if (response.statusText) res.statusMessage = response.statusText;
  res.writeHead(response.status, headers);

  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (signal.aborted || res.destroyed) return;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  } catch {
    // The body failed half-way: cut the connection so the client sees an incomplete answer, not a complete one.
    res.destroy();
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
