// @vitest-environment node
import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import {
  createYunoRouteHandlers,
  createYunoServerClient,
  createYunoWebhookHandler,
  toNodeHandler,
  yunoRawBody,
  type NodeHandler,
  type YunoRouteHandlersOptions,
  type YunoWebhookEvent,
} from 'yuno-react/server';
import { readWebhookExample } from '../support/openapi';

const sandbox = createYunoSandbox();
const client = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});
const SECRET = 'whsec_test_0123456789';
const sign = (body: string | Uint8Array) => createHmac('sha256', SECRET).update(body).digest('base64');
const KiB = 1024;
const MiB = 1024 * KiB;
/** What Node buffers of a body nobody reads before the connection pushes back (measured: about 200 KiB). */
const SLACK = 512 * KiB;

beforeEach(() => sandbox.reset());

function routes(options: Partial<YunoRouteHandlersOptions> = {}) {
  return createYunoRouteHandlers({
    client,
    webhookSecret: SECRET,
    resolveCheckout: () => ({
      merchantOrderId: 'order-1',
      description: 'Order 1',
      country: 'US',
      amount: { currency: 'USD', value: 10 },
    }),
    ...options,
  });
}

/** A body that counts what is pulled from it: `chunks` of `chunkBytes` each, or without end. */
function countingBody(chunkBytes: number, chunks = Infinity) {
  const counts = { pulls: 0, bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counts.pulls >= chunks) {
          controller.close();
          return;
        }
        counts.pulls += 1;
        counts.bytes += chunkBytes;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      },
      cancel() {
        counts.cancelled = true;
      },
    },
    // Nothing is pulled before a reader asks, so `pulls` is what the handler read.
    { highWaterMark: 0 },
  );
  return { stream, counts };
}

function post(path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  };
  return new Request(`http://shop.test/api/yuno${path}`, init as RequestInit);
}

async function expectTooLarge(response: Response, limit: number) {
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    code: 'PAYLOAD_TOO_LARGE',
    messages: [`The body is larger than ${limit} bytes`],
  });
}

describe('body limits of the Web-standard handlers', () => {
  it('refuses a declared content-length above 64 KiB on a JSON route without reading a byte', async () => {
    const { stream, counts } = countingBody(16 * KiB);
    const response = await routes().handle(post('/checkout-sessions', stream, { 'content-length': String(100 * MiB) }));
    await expectTooLarge(response, 64 * KiB);
    expect(counts).toEqual({ pulls: 0, bytes: 0, cancelled: true });
    expect(sandbox.requests).toEqual([]);
  });

  it('cuts a chunked body off at the limit plus one chunk', async () => {
    const { stream, counts } = countingBody(16 * KiB);
    const response = await routes().handle(post('/payments', stream, { 'x-idempotency-key': 'k-1' }));
    await expectTooLarge(response, 64 * KiB);
    // Four chunks are exactly 64 KiB; the fifth passes the limit and the stream is cancelled.
    expect(counts).toEqual({ pulls: 5, bytes: 80 * KiB, cancelled: true });
    expect(sandbox.requests).toEqual([]);
  });

  it('takes maxBodyBytes for the JSON routes and still reads a body at the limit', async () => {
    const handlers = routes({ maxBodyBytes: 100 });
    const declared = countingBody(10);
    await expectTooLarge(
      await handlers.handle(post('/checkout-sessions', declared.stream, { 'content-length': '101' })),
      100,
    );
    expect(declared.counts.pulls).toBe(0);

    const atLimit = `{"pad":"${'x'.repeat(100 - 10)}"}`;
    expect(atLimit.length).toBe(100);
    expect((await handlers.handle(post('/checkout-sessions', atLimit))).status).toBe(201);
    expect((await handlers.handle(post('/checkout-sessions', `${atLimit} `))).status).toBe(413);
  });

  it('refuses an oversized webhook (1 MiB by default) without reading it', async () => {
    const handlers = routes();
    const declared = countingBody(64 * KiB);
    const response = await handlers.handle(
      post('/webhooks', declared.stream, { 'content-length': String(100 * MiB), 'x-hmac-signature': 'forged' }),
    );
    await expectTooLarge(response, MiB);
    expect(declared.counts).toEqual({ pulls: 0, bytes: 0, cancelled: true });

    const chunked = countingBody(64 * KiB);
    await expectTooLarge(
      await handlers.handle(post('/webhooks', chunked.stream, { 'x-hmac-signature': 'forged' })),
      MiB,
    );
    expect(chunked.counts).toEqual({ pulls: 17, bytes: MiB + 64 * KiB, cancelled: true });
  });

  it('takes webhookMaxBodyBytes for the webhook route, and maxBodyBytes on createYunoWebhookHandler', async () => {
    const body = JSON.stringify(readWebhookExample('payment-v2.json'));
    const signature = sign(body);
    const small = routes({ webhookMaxBodyBytes: body.length - 1 });
    await expectTooLarge(
      await small.handle(post('/webhooks', body, { 'x-hmac-signature': signature })),
      body.length - 1,
    );
    const exact = routes({ webhookMaxBodyBytes: body.length });
    expect((await exact.handle(post('/webhooks', body, { 'x-hmac-signature': signature }))).status).toBe(200);

    const events: YunoWebhookEvent[] = [];
    const receive = createYunoWebhookHandler({
      secret: SECRET,
      onEvent: (e) => void events.push(e),
      maxBodyBytes: 512,
    });
    const chunked = countingBody(200);
    await expectTooLarge(await receive(post('/webhooks', chunked.stream, { 'x-hmac-signature': 'forged' })), 512);
    expect(chunked.counts).toEqual({ pulls: 3, bytes: 600, cancelled: true });
    expect(events).toEqual([]);
  });

  it('refuses a limit that is not a byte count', () => {
    for (const maxBodyBytes of [-1, 1.5, Number.NaN, Infinity]) {
      expect(() => routes({ maxBodyBytes })).toThrow(RangeError);
      expect(() => routes({ webhookMaxBodyBytes: maxBodyBytes })).toThrow(RangeError);
      expect(() => toNodeHandler(routes().handle, { maxBodyBytes })).toThrow(RangeError);
    }
  });
});

describe('body limits through toNodeHandler on node:http', () => {
  let server: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /**
   * A server on port 0; `read()` is how many bytes it took off its connections. A paused body still fills Node's own
   * buffers (socket and parser) before the connection pushes back, hence the slack in the assertions.
   */
  async function listen(listener: Parameters<typeof createServer>[1]) {
    server = createServer(listener);
    server.on('connection', (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { port, read: () => sockets.reduce((n, socket) => n + socket.bytesRead, 0) };
  }

  interface Upload {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
  }

  /** POSTs up to `total` bytes in 64 KiB chunks, as fast as the connection takes them, until the answer comes. */
  function upload(port: number, path: string, total: number, headers: Record<string, string> = {}) {
    return new Promise<Upload>((resolve, reject) => {
      const chunk = Buffer.alloc(64 * KiB, 0x20);
      let answered = false;
      let sent = 0;
      const req = httpRequest({
        port,
        host: '127.0.0.1',
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'x-hmac-signature': 'forged', ...headers },
      });
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => (body += text));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      });
      // The server closes the connection once it has answered: writes after that fail, as they should.
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  const tooLarge = (limit: number) =>
    JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', messages: [`The body is larger than ${limit} bytes`] });

  it('refuses a content-length above its 1 MiB default before the handler runs, and closes the connection', async () => {
    const { port, read } = await listen(toNodeHandler(routes().handle));
    const answer = await upload(port, '/api/yuno/webhooks', 100 * MiB, { 'content-length': String(100 * MiB) });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(tooLarge(MiB));
    expect(answer.headers.connection).toBe('close');
    expect(read()).toBeLessThan(SLACK);
  });

  it('forwards content-length: a JSON route refuses a body over its limit unread', async () => {
    const { port, read } = await listen(toNodeHandler(routes().handle));
    const answer = await upload(port, '/api/yuno/checkout-sessions', MiB, { 'content-length': String(MiB) });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(tooLarge(64 * KiB));
    expect(answer.headers.connection).toBe('close');
    expect(read()).toBeLessThan(SLACK);
  });

  it('stops a chunked webhook upload at the route’s limit', async () => {
    const { port, read } = await listen(toNodeHandler(routes({ webhookMaxBodyBytes: 256 * KiB }).handle));
    const answer = await upload(port, '/api/yuno/webhooks', 100 * MiB);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(tooLarge(256 * KiB));
    expect(answer.headers.connection).toBe('close');
    expect(read()).toBeLessThan(256 * KiB + SLACK);
  });

  it('holds its own maxBodyBytes over a handler that reads everything', async () => {
    let calls = 0;
    let seen = -1;
    const greedy = async (request: Request) => {
      calls += 1;
      seen = (await request.arrayBuffer()).byteLength;
      return new Response('read it all');
    };
    const { port, read } = await listen(toNodeHandler(greedy, { maxBodyBytes: 100 * KiB }));

    const declared = await upload(port, '/anything', 100 * MiB, { 'content-length': String(100 * MiB) });
    expect(declared.status).toBe(413);
    expect(declared.body).toBe(tooLarge(100 * KiB));
    expect(calls).toBe(0);

    const chunked = await upload(port, '/anything', 100 * MiB);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toBe(tooLarge(100 * KiB));
    expect(chunked.headers.connection).toBe('close');
    expect(calls).toBe(1);
    expect(seen).toBe(-1);
    expect(read()).toBeLessThan(100 * KiB + 2 * SLACK);

    const small = await upload(port, '/anything', 64 * KiB);
    expect(small).toMatchObject({ status: 200, body: 'read it all' });
    expect(seen).toBe(64 * KiB);
  });
});

describe('webhooks behind express.json()', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  const example = readWebhookExample('payment-v2.json') as { data: { payment: Record<string, unknown> } };
  const withKey = (key: string) => ({
    ...example,
    // A payment of its own for each: three events, not three deliveries of one.
    data: { ...example.data, payment: { ...example.data.payment, id: `payment-${key}`, idempotency_key: key } },
  });
  // Three genuine deliveries whose bytes JSON.stringify(JSON.parse(body)) does not give back.
  const pretty = JSON.stringify(withKey('key-pretty'), null, 2);
  const decimal = JSON.stringify(withKey('key-decimal')).replace('"value":1458', '"value":52000.50');
  const escaped = JSON.stringify(withKey('key-escaped')).replace('"first_name":"harry "', '"first_name":"Ren\\u00e9e"');
  const bodies = [pretty, decimal, escaped];

  it('builds bodies that a re-serialisation would change', () => {
    expect(decimal).toContain('52000.50');
    expect(escaped).toContain('Ren\\u00e9e');
    for (const body of bodies) expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
  });

  async function serve(mount: (app: express.Express, handler: NodeHandler) => void) {
    const events: YunoWebhookEvent[] = [];
    const pending: Promise<unknown>[] = [];
    const handlers = routes({ onPaymentEvent: (event) => void events.push(event) });
    const app = express();
    mount(app, toNodeHandler(handlers.handle));
    server = createServer(app);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const deliver = async (body: string) => {
      const response = await fetch(`${origin}/api/yuno/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hmac-signature': sign(body) },
        body,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    return { deliver, events, pending, origin };
  }

  it('verifies the exact bytes kept by { verify: yunoRawBody }', async () => {
    const { deliver, events, pending } = await serve((app, handler) => {
      app.use(express.json({ verify: yunoRawBody }));
      app.use('/api/yuno', handler);
    });
    for (const body of bodies) expect(await deliver(body)).toEqual({ status: 200, body: { received: true } });
    await Promise.all(pending);
    expect(events.map((e) => e.idempotencyKey)).toEqual(['key-pretty', 'key-decimal', 'key-escaped']);
    expect(events[1]?.payment?.amount?.value).toBe(52000.5);
    expect(events[2]?.payment?.customer_payer?.first_name).toBe('Renée');
  });

  it('answers 500 with the setup to fix when express.json() kept no raw bytes, never 401', async () => {
    const { deliver, events, origin } = await serve((app, handler) => {
      app.use(express.json());
      app.use('/api/yuno', handler);
    });
    for (const body of bodies) {
      expect(await deliver(body)).toEqual({
        status: 500,
        body: {
          code: 'INTERNAL_ERROR',
          messages: [
            "The webhook's raw body is not available: a body parser (express.json()) read the request before the Yuno routes and kept no copy, so its signature cannot be checked. Mount the Yuno routes before express.json(), or pass { verify: yunoRawBody } to express.json() (import { yunoRawBody } from 'yuno-react/server')",
          ],
        },
      });
    }
    expect(events).toEqual([]);
    // The JSON routes take the parsed body as it is.
    const started = await fetch(`${origin}/api/yuno/checkout-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ }',
    });
    expect(started.status).toBe(201);
  });

  it('streams the body when mounted before express.json()', async () => {
    const { deliver, events, pending } = await serve((app, handler) => {
      app.use('/api/yuno', handler);
      app.use(express.json());
    });
    for (const body of bodies) expect(await deliver(body)).toEqual({ status: 200, body: { received: true } });
    await Promise.all(pending);
    expect(events).toHaveLength(3);
  });
});
