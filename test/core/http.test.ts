import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { YunoError, createHttpClient, isYunoError } from '../../src/core';

interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: string | null;
}

/** A scripted upstream: each call answers with the next step; the calls are recorded. */
function scripted(steps: Array<(call: Call, signal: AbortSignal | undefined) => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    calls.push(call);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    return step(call, init?.signal ?? undefined);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const Thing = z.object({ id: z.string() });
const fast = { retries: 2, minDelayMs: 1, maxDelayMs: 2 };

async function failure(promise: Promise<unknown>): Promise<YunoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isYunoError(error)).toBe(true);
  return error as YunoError;
}

describe('createHttpClient', () => {
  it('sends JSON with the configured headers and returns the parsed body', async () => {
    const upstream = scripted([() => json(200, { id: 'a', extra: 1 })]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test/', fetch: upstream.fetch, headers: { 'x-key': 'k' } });
    const result = await http.request({
      method: 'POST',
      path: '/v1/things',
      query: { a: 'b c', skip: undefined },
      body: { hello: 'world' },
      schema: Thing,
    });
    expect(result).toEqual({ id: 'a' });
    const call = upstream.calls[0]!;
    expect(call.url).toBe('https://yuno.test/v1/things?a=b+c');
    expect(call.headers.get('x-key')).toBe('k');
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(call.body!)).toEqual({ hello: 'world' });
  });

  it('retries a read after a 503 and a network fault, then succeeds', async () => {
    const upstream = scripted([
      () => json(503, { code: 'INTERNAL_ERROR', messages: ['down'] }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(200, { id: 'a' }),
    ]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: fast });
    await expect(http.request({ method: 'GET', path: '/v1/things/a', schema: Thing })).resolves.toEqual({ id: 'a' });
    expect(upstream.calls).toHaveLength(3);
  });

  it('retries a write only with its idempotency key, and sends the same key every time', async () => {
    const upstream = scripted([() => json(502, {}), () => json(201, { id: 'p' })]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: fast });
    await http.request({ method: 'POST', path: '/v1/payments', body: {}, schema: Thing, idempotencyKey: 'key-1' });
    expect(upstream.calls.map((c) => c.headers.get('x-idempotency-key'))).toEqual(['key-1', 'key-1']);

    const unkeyed = scripted([() => json(502, {}), () => json(201, { id: 'p' })]);
    const http2 = createHttpClient({ baseUrl: 'https://yuno.test', fetch: unkeyed.fetch, retry: fast });
    const error = await failure(http2.request({ method: 'POST', path: '/v1/customers', body: {}, schema: Thing }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(unkeyed.calls).toHaveLength(1);
  });

  it('never retries a 4xx, and maps Yuno’s error body', async () => {
    const upstream = scripted([() => json(400, { code: 'CHECKOUT_SESSION_NOT_FOUND', messages: ['Not found'] })]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: fast });
    const error = await failure(http.request({ method: 'GET', path: '/v1/checkout/sessions/x', schema: Thing }));
    expect(upstream.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      yunoCode: 'CHECKOUT_SESSION_NOT_FOUND',
      messages: ['Not found'],
    });
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('CHECKOUT_SESSION_NOT_FOUND');
  });

  it('gives up after the configured retries with the last error', async () => {
    const upstream = scripted([() => json(500, { code: 'INTERNAL_ERROR', messages: ['boom'] })]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: fast });
    const error = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(upstream.calls).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'http', status: 500, yunoCode: 'INTERNAL_ERROR' });
    expect(error.isRetryable).toBe(true);
  });

  it('turns a hung request into a timeout error', async () => {
    const hang = (_call: Call, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const upstream = scripted([hang]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, timeoutMs: 20, retry: false });
    const error = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(error.kind).toBe('timeout');
    expect(error.isRetryable).toBe(true);
  });

  it('times out even when the fetch implementation ignores the signal', async () => {
    const deaf = scripted([() => new Promise<Response>(() => undefined)]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: deaf.fetch, timeoutMs: 20, retry: false });
    const error = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(error.kind).toBe('timeout');
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const hang = (_call: Call, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const upstream = scripted([hang]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: fast });
    const controller = new AbortController();
    const pending = http.request({ method: 'GET', path: '/v1/x', schema: Thing, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(upstream.calls).toHaveLength(1);
  });

  it('reports a body that is not JSON, or not the expected shape, as invalid_response without its values', async () => {
    const notJson = scripted([() => new Response('{"id": "4507990000000002', { status: 200 })]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: notJson.fetch, retry: false });
    const e1 = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(e1.kind).toBe('invalid_response');

    const wrongShape = scripted([() => json(200, { id: 4507990000000002 })]);
    const http2 = createHttpClient({ baseUrl: 'https://yuno.test', fetch: wrongShape.fetch, retry: false });
    const e2 = await failure(http2.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(e2.kind).toBe('invalid_response');
    expect(e2.issues).toEqual([{ path: 'id', message: expect.any(String) }]);
    expect(JSON.stringify(e2) + e2.message).not.toContain('4507990000000002');
  });

  it('masks anything like a card number that an upstream message echoes', async () => {
    const upstream = scripted([
      () => json(400, { code: 'INVALID_PARAMETERS', messages: ['card 4507 9900 0000 0002 is invalid, cvv: 123'] }),
    ]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch });
    const error = await failure(http.request({ method: 'POST', path: '/v1/tokens', body: {}, schema: Thing }));
    expect(error.message).not.toMatch(/4507|0002/);
    expect(error.messages.join(' ')).not.toContain('123');
  });

  it('reports a network fault as such', async () => {
    const upstream = scripted([() => Promise.reject(new TypeError('Failed to fetch'))]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: false });
    const error = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(error.kind).toBe('network');
    expect(error.toJSON()).toMatchObject({ name: 'YunoError', kind: 'network' });
    expect(error.message).toContain('Failed to fetch');
  });

  it('says the cause of a refused connection in the message, not only in cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' });
    const upstream = scripted([() => Promise.reject(new TypeError('fetch failed', { cause: refused }))]);
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: false });
    const error = await failure(http.request({ method: 'GET', path: '/v1/x', schema: Thing }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/fetch failed: ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:4010/);
  });
});
