// node: modules are loaded when the server starts, so that importing `yuno-react/sandbox` in a browser (MSW in
// Storybook) never touches them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYunoSandbox } from './createYunoSandbox';
import { isSandboxControlPath } from './routes/control';
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
  /**
   * Further origins whose pages may call the control routes (`/_sandbox/faults`, `/_sandbox/time/advance`,
   * `/_sandbox/payments/{id}/settle`, `/_sandbox/requests`, `/_sandbox/webhooks`), e.g. `'http://sandbox:4010'` behind a
   * container's host name. The server's own origin (and, on a loopback interface, its `localhost`, `127.0.0.1` and
   * `[::1]` spellings) is always allowed; clients that send no `Origin` (Node, curl) always are too.
   * @default []
   */
  controlOrigins?: string[];
  /**
   * Origins of pages on other sites that may drive the control routes from the browser, e.g. a component catalogue
   * served at `http://localhost:6006` that injects faults into the sandbox it runs. Each is allowed like
   * `controlOrigins` and, unlike them, granted CORS: a preflight from it is answered (204) and its answers carry
   * `access-control-allow-origin` with exactly that origin. Every other page stays refused.
   * @default []
   */
  controlCorsOrigins?: string[];
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
 * Yuno's API and the pages a shopper's browser loads (`/_sandbox/sdk`, `/_sandbox/secure-fields`, `/_sandbox/3ds`,
 * `/_sandbox/redirect`, `/_sandbox/enrollment`) allow every origin (CORS `*`), as a browser checkout needs. The control
 * routes (`/_sandbox/faults`, `/_sandbox/time/advance`,
 * `/_sandbox/payments/{id}/settle`, `/_sandbox/requests`, `/_sandbox/webhooks`) send no CORS headers and refuse a page
 * of another origin (403) and a write without a JSON content type (415), doing nothing for either; Node, curl and the
 * sandbox's own pages are unaffected (see `controlOrigins`), and pages of `controlCorsOrigins` are granted CORS.
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
  const {
    port = 4010,
    host = '127.0.0.1',
    sandbox: givenSandbox,
    controlOrigins: extraOrigins = [],
    controlCorsOrigins: corsOrigins = [],
    ...sandboxOptions
  } = options;
  let sandbox: YunoSandbox | undefined = givenSandbox;
  let origin = '';
  // Read before listening: a malformed origin rejects here instead of throwing inside the listen callback.
  const extraControlOrigins = extraOrigins.map((extra) => new URL(extra).origin);
  const controlOrigins = new Set<string>();
  const controlCors = new Set(corsOrigins.map((extra) => new URL(extra).origin));
  const [{ createServer }, { Readable }] = await Promise.all([import('node:http'), import('node:stream')]);
  toWeb = (req) => Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;

  const server = createServer((req, res) => {
    // `sandbox` is set in the listening callback, which runs before any connection is accepted.
    serve(sandbox as YunoSandbox, origin, controlOrigins, controlCors, req, res).catch(() => {
      // A response that cannot be written (e.g. a header Node refuses) must not take the whole server down.
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { code: 'INTERNAL_ERROR', messages: ['The sandbox could not send its answer'] }, false);
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
      for (const allowed of ownOrigins(host, address.port, origin)) controlOrigins.add(allowed);
      for (const extra of extraControlOrigins) controlOrigins.add(extra);
      for (const extra of controlCors) controlOrigins.add(extra);
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

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::', '']);

/** The origins a page of this server itself has: the URL it gives, and on loopback every spelling of loopback. */
function ownOrigins(host: string, port: number, origin: string): string[] {
  if (!LOOPBACK_HOSTS.has(host)) return [origin];
  return [origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/**
 * Why a request to a control route is refused, if it is. Control routes change the sandbox (settle payments, move the
 * clock, inject faults) and show what it received, so only the sandbox's own pages and non-browser clients may use
 * them: a page of another origin is refused by its `Origin` (or, without one, by `Sec-Fetch-Site`), and a request with
 * a body must declare JSON, which a page cannot send cross-origin without a CORS preflight (that these routes never
 * grant). Nothing is done for a refused request.
 */
function controlRefusal(
  req: IncomingMessage,
  allowed: ReadonlySet<string>,
): { status: number; code: string; message: string } | undefined {
  const from = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (from !== undefined ? !allowed.has(from) : site === 'cross-site' || site === 'same-site') {
    return {
      status: 403,
      code: 'AUTHORIZATION_REQUIRED',
      message: 'The sandbox control routes answer only pages of the sandbox itself',
    };
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = (req.headers['content-type'] ?? '').trim();
    if (!/^application\/(?:[\w.-]+\+)?json(?:\s*;|$)/i.test(type)) {
      return {
        status: 415,
        code: 'INVALID_REQUEST',
        message: 'Send a JSON body with the header content-type: application/json',
      };
    }
  }
  return undefined;
}

/** The CORS grant of a control route to one page of `controlCorsOrigins`. */
function controlCorsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'content-type',
    'access-control-allow-methods': 'GET,POST,DELETE',
    vary: 'origin',
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function serve(
  sandbox: YunoSandbox,
  origin: string,
  controlOrigins: ReadonlySet<string>,
  controlCors: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Control routes carry no CORS headers, except for the pages of `controlCorsOrigins`: no other page of another origin
  // may read or drive them.
  const control = isSandboxControlPath(new URL(req.url ?? '/', origin).pathname);
  const granted = control && req.headers.origin !== undefined && controlCors.has(req.headers.origin);
  if (control) {
    if (granted && (req.method ?? '').toUpperCase() === 'OPTIONS') {
      req.resume();
      res.writeHead(204, controlCorsHeaders(req.headers.origin as string));
      res.end();
      return;
    }
    const refusal = controlRefusal(req, controlOrigins);
    if (refusal) {
      // The body is not read, let alone handled.
      req.resume();
      sendJson(res, refusal.status, { code: refusal.code, messages: [refusal.message] }, false);
      return;
    }
  }
  if (granted)
    for (const [name, value] of Object.entries(controlCorsHeaders(req.headers.origin as string)))
      res.setHeader(name, value);
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
    sendJson(res, 500, { code: 'INTERNAL_ERROR', messages: ['The sandbox failed to handle the request'] }, !control);
    return;
  }
  if (controller.signal.aborted) return;
  await sendWebResponse(response, res, controller.signal, !control);
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

async function sendWebResponse(
  response: Response,
  res: ServerResponse,
  signal: AbortSignal,
  cors: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    // The sandbox's own answers allow every origin; the server takes that back for its control routes.
    if (!cors && name.startsWith('access-control-')) return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (cors) for (const [name, value] of Object.entries(CORS_HEADERS)) headers[name] ??= value;
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

function sendJson(res: ServerResponse, status: number, body: unknown, cors = true): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...(cors ? CORS_HEADERS : {}),
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
