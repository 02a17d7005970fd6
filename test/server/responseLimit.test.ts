import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, isYunoError, type YunoError } from 'yuno-react/server';
import { createHttpClient } from '../../src/core';

const sandbox = createYunoSandbox();
let attempts = 0;
const countingFetch: typeof fetch = (input, init) => {
  attempts += 1;
  return sandbox.fetch(new Request(input, init));
};

beforeEach(() => {
  sandbox.reset();
  attempts = 0;
});

async function failure(promise: Promise<unknown>): Promise<YunoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isYunoError(error)).toBe(true);
  return error as YunoError;
}

/** An upstream whose body never ends: 64 KiB chunks for as long as someone reads. */
function endlessBody(status = 200, headers: Record<string, string> = {}) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stats = { pulled: 0, cancelled: false };
  const fetch: typeof globalThis.fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          stats.pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
        cancel() {
          stats.cancelled = true;
        },
      }),
      { status, headers: { 'content-type': 'application/json', ...headers } },
    );
  return { fetch, stats };
}

const Thing = z.object({ id: z.string() });

describe('the size limit on Yuno’s answers', () => {
  it('a real answer larger than maxResponseBytes fails with INVALID_RESPONSE and is not retried', async () => {
    const setup = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    const customer = await setup.customers.create({ merchant_customer_id: 'shopper-limit' });
    const answer = await sandbox.fetch(`/v1/customers/${customer.id}`, {
      headers: {
        'public-api-key': sandbox.credentials.publicApiKey,
        'private-secret-key': sandbox.credentials.privateSecretKey,
      },
    });
    const size = new TextEncoder().encode(await answer.text()).byteLength;

    const limited = (maxResponseBytes: number) =>
      createYunoServerClient({
        ...sandbox.credentials,
        baseUrl: sandbox.baseUrl,
        fetch: countingFetch,
        retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
        maxResponseBytes,
      });
    await expect(limited(size).customers.retrieve(customer.id)).resolves.toMatchObject({ id: customer.id });
    expect(attempts).toBe(1);

    attempts = 0;
    const error = await failure(limited(size - 1).customers.retrieve(customer.id));
    expect(error).toMatchObject({
      kind: 'invalid_response',
      code: 'INVALID_RESPONSE',
      status: 200,
      isRetryable: false,
    });
    expect(error.message).toBe(
      `GET /v1/customers/${customer.id}: HTTP 200 with an answer larger than ${size - 1} bytes`,
    );
    expect(attempts).toBe(1);
  });

  it('stops reading an endless body at the default 1 MiB and cancels it', async () => {
    const upstream = endlessBody();
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, retry: false });
    const error = await failure(http.request({ method: 'GET', path: '/v1/things/1', schema: Thing }));
    expect(error).toMatchObject({ kind: 'invalid_response', code: 'INVALID_RESPONSE', status: 200 });
    expect(error.message).toBe('GET /v1/things/1: HTTP 200 with an answer larger than 1048576 bytes');
    expect(upstream.stats.cancelled).toBe(true);
    // The chunk that crossed the limit, plus at most the one the stream queued ahead.
    expect(upstream.stats.pulled).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  it('refuses an answer whose content-length is over the limit before reading it', async () => {
    const upstream = endlessBody(200, { 'content-length': String(5 * 1024 * 1024) });
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch: upstream.fetch, maxResponseBytes: 1024 });
    const error = await failure(http.request({ method: 'GET', path: '/v1/things/1', schema: Thing }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(upstream.stats.cancelled).toBe(true);
    expect(upstream.stats.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('limits error answers too: an endless 500 body fails as INVALID_RESPONSE with its status', async () => {
    const upstream = endlessBody(500);
    const http = createHttpClient({
      baseUrl: 'https://yuno.test',
      fetch: upstream.fetch,
      retry: false,
      maxResponseBytes: 4096,
    });
    const error = await failure(http.request({ method: 'POST', path: '/v1/things', body: {}, schema: Thing }));
    expect(error).toMatchObject({ kind: 'invalid_response', code: 'INVALID_RESPONSE', status: 500 });
    expect(upstream.stats.cancelled).toBe(true);
    expect(upstream.stats.pulled).toBeLessThanOrEqual(3 * 64 * 1024);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ id: 'ação-€' }));
    const fetch: typeof globalThis.fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
            controller.close();
          },
        }),
        { status: 200 },
      );
    const http = createHttpClient({ baseUrl: 'https://yuno.test', fetch, maxResponseBytes: bytes.byteLength });
    await expect(http.request({ method: 'GET', path: '/v1/things/1', schema: Thing })).resolves.toEqual({
      id: 'ação-€',
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxResponseBytes %s', (maxResponseBytes) => {
    expect(() =>
      createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, maxResponseBytes }),
    ).toThrow('createYunoServerClient: maxResponseBytes must be a positive whole number of bytes');
  });
});
