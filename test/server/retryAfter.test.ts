import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, type YunoServerClientOptions } from 'yuno-react/server';
import { parseRetryAfter } from '../../src/core/http';

const sandbox = createYunoSandbox();
let attempts: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
const countingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  attempts.push({
    method: request.method,
    path: new URL(request.url).pathname,
    idempotencyKey: request.headers.get('x-idempotency-key'),
  });
  return sandbox.fetch(request);
};

function client(options: Partial<YunoServerClientOptions> = {}) {
  return createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: countingFetch,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

const NOW = Date.parse('2026-12-03T12:00:00Z');
let customerId: string;
beforeEach(async () => {
  sandbox.reset();
  customerId = (await client().customers.create({ merchant_customer_id: `shopper-${Math.random()}` })).id;
  attempts = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts a call and keeps its outcome, so that the test can move the clock while it waits. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('Retry-After on 429 and 503', () => {
  it.each([429, 503])('a read answered %i with Retry-After: 2 is retried after exactly 2 s', async (status) => {
    sandbox.faults.inject({ type: 'status', status, retryAfter: 2, times: 1, match: { method: 'GET' } });
    const call = track(client().customers.retrieve(customerId));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(attempts).toHaveLength(1);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, value: { id: customerId } });
  });

  it('an HTTP date in Retry-After is waited for until that moment', async () => {
    const at = new Date(NOW + 3_000).toUTCString();
    sandbox.faults.inject({ type: 'status', status: 503, retryAfter: at, times: 1, match: { method: 'GET' } });
    const call = track(client().customers.retrieve(customerId));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(2);
    expect(call).toMatchObject({ settled: true, value: { id: customerId } });
  });

  it('a longer Retry-After is cut to 10 s by default', async () => {
    sandbox.faults.inject({ type: 'status', status: 429, retryAfter: 3_600, times: 1, match: { method: 'GET' } });
    const call = track(client().customers.retrieve(customerId));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(2);
    expect(call.settled).toBe(true);
  });

  it('and to maxRetryAfterMs when given', async () => {
    sandbox.faults.inject({ type: 'status', status: 429, retryAfter: 60, times: 1, match: { method: 'GET' } });
    const yuno = client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 500 } });
    const call = track(yuno.customers.retrieve(customerId));
    await vi.advanceTimersByTimeAsync(499);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(2);
    expect(call.settled).toBe(true);
  });

  it('a write with an idempotency key waits too, and is retried with the same key', async () => {
    sandbox.faults.inject({ type: 'status', status: 503, retryAfter: 1, times: 1, match: { method: 'POST' } });
    const call = track(client().payments.cancelOrRefund('no-such-payment', {}, { idempotencyKey: 'refund-1' }));
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts.map((a) => a.idempotencyKey)).toEqual(['refund-1', 'refund-1']);
    expect(call.settled).toBe(true);
    expect(call.error).toMatchObject({ status: 400, yunoCode: 'PAYMENT_NOT_FOUND' });
  });

  it('a create, sent with its generated idempotency key, waits for Retry-After and is retried with that key', async () => {
    sandbox.faults.inject({ type: 'status', status: 429, retryAfter: 5, times: 1, match: { method: 'POST' } });
    const call = track(client().customers.create({ merchant_customer_id: 'shopper-x' }));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(call.settled).toBe(false);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ settled: true, value: { merchant_customer_id: 'shopper-x' } });
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]!.idempotencyKey).toBe(attempts[0]!.idempotencyKey);
  });

  it('Retry-After on another status (500) is not waited for: the usual backoff applies', async () => {
    sandbox.faults.inject({ type: 'status', status: 500, retryAfter: 5, times: 1, match: { method: 'GET' } });
    const call = track(client().customers.retrieve(customerId));
    // The backoff here is at most maxDelayMs (5 ms).
    await vi.advanceTimersByTimeAsync(5);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(2);
    expect(call).toMatchObject({ settled: true, value: { id: customerId } });
  });

  it('no retry at all with retry: false, whatever Retry-After says', async () => {
    sandbox.faults.inject({ type: 'status', status: 503, retryAfter: 1, times: 1 });
    const call = track(client({ retry: false }).customers.retrieve(customerId));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toMatchObject({ status: 503 });
    expect(attempts).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['2', 2_000],
    [' 120 ', 120_000],
    ['Thu, 03 Dec 2026 12:00:05 GMT', 5_000],
    ['Thu, 03 Dec 2026 11:59:00 GMT', 0],
    ['Thursday, 03-Dec-26 12:00:01 GMT', 1_000],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, '', '1.5', '-1', 'soon', 'Thu, 99 Foo 2026 99:99:99 GMT'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
