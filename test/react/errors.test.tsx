// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  YunoError,
  createYunoBrowserClient,
  useCheckout,
  usePaymentMethods,
  usePaymentStatus,
  type CardInput,
  type PaymentMethod,
} from 'yuno-react';
import { YUNO_ERROR_CODES, getErrorRecovery } from 'yuno-react/core';
import { createYunoRouteHandlers, createYunoServerClient } from 'yuno-react/server';
import {
  createCheckoutHarness,
  testCard,
  type CheckoutHarness,
  type CheckoutHarnessOptions,
} from '../support/checkout';

function setup(h: CheckoutHarness, props: Record<string, unknown> = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => <h.Provider {...props}>{children}</h.Provider>;
  return renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods() }), { wrapper });
}

async function selectCard(result: { current: ReturnType<typeof setup>['result']['current'] }) {
  await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
  const card = (result.current.methods.data as PaymentMethod[]).find((m) => m.type === 'CARD' && !m.vaulted_token)!;
  act(() => result.current.checkout.select(card));
}

/** Pays and returns the error the checkout reports, asserting that it is a YunoError and the screen shows it. */
async function payAndFail(
  result: { current: ReturnType<typeof setup>['result']['current'] },
  card: CardInput = testCard('4507990000000002'),
) {
  let thrown: unknown;
  await act(async () => {
    thrown = await result.current.checkout.pay({ card }).then(
      () => undefined,
      (e: unknown) => e,
    );
  });
  expect(thrown).toBeInstanceOf(YunoError);
  expect(result.current.checkout.status).toBe('error');
  expect(result.current.checkout.error).toBe(thrown);
  return thrown as YunoError;
}

async function harness(options: CheckoutHarnessOptions = {}) {
  return createCheckoutHarness(options);
}

describe('every failure reaches the UI as a YunoError with a way to recover', () => {
  it('a used checkout session: CHECKOUT_SESSION_NOT_FOUND, recovered on a fresh session', async () => {
    const h = await harness();
    // The session is spent behind the page's back (another tab paid it).
    const token = await h.tokenizer.createToken(
      { type: 'CARD', card: testCard('4507990000000002') },
      { checkoutSession: h.start.checkoutSession, countryCode: 'US', browserInfo: {} },
    );
    await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: token.token },
      { idempotencyKey: crypto.randomUUID() },
    );
    const { result } = setup(h);
    await selectCard(result);
    const error = await payAndFail(result);
    expect(error.yunoCode).toBe('CHECKOUT_SESSION_NOT_FOUND');
    expect(error.messages.join(' ')).toMatch(/already used/i);
    expect(result.current.checkout.recovery).toBe('new_session');
    const used = result.current.checkout.checkoutSession;
    await act(() => result.current.checkout.retry());
    expect(result.current.checkout.checkoutSession).not.toBe(used);
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
  });

  it('an expired checkout session: reported as expired, recovered on a fresh session', async () => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    await h.sandbox.advanceTime(5 * 60 * 60 * 1000 + 1000);
    const error = await payAndFail(result);
    expect(error.yunoCode).toBe('CHECKOUT_SESSION_NOT_FOUND');
    expect(error.messages.join(' ')).toMatch(/expired/i);
    expect(result.current.checkout.recovery).toBe('new_session');
    await act(() => result.current.checkout.retry());
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
  });

  it('refused card details: INVALID_PARAMETERS, recovered by correcting them', async () => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    const error = await payAndFail(result, testCard('4111111111111112'));
    expect(error.yunoCode).toBe('INVALID_PARAMETERS');
    expect(JSON.stringify(error) + error.message).not.toContain('4111111111111112');
    expect(result.current.checkout.recovery).toBe('edit_details');
    await act(() => result.current.checkout.retry());
    expect(result.current.checkout.status).toBe('idle');
    await act(() => result.current.checkout.pay({ card: testCard('4111111111111111') }));
    expect(result.current.checkout.status).toBe('succeeded');
  });

  it('missing card details: MISSING_PARAMETERS', async () => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    const card = { number: '4507990000000002', expirationMonth: 11, expirationYear: 30, holderName: 'Ada' };
    const error = await payAndFail(result, card);
    expect(error.yunoCode).toBe('MISSING_PARAMETERS');
    expect(result.current.checkout.recovery).toBe('edit_details');
  });

  it('a misconfigured server (wrong private key): INVALID_CREDENTIALS, nothing the shopper can fix', async () => {
    const h = await harness();
    // The merchant's server sends a key Yuno no longer accepts.
    const misconfigured = createYunoServerClient({
      ...h.sandbox.credentials,
      privateSecretKey: 'sandbox_sk_rotated',
      baseUrl: h.sandbox.baseUrl,
      fetch: h.sandbox.fetch,
      allowBrowser: true,
    });
    const routes = createYunoRouteHandlers({
      client: misconfigured,
      resolveCheckout: () => h.order,
      authorize: () => true,
    });
    const client = createYunoBrowserClient({ baseUrl: 'http://shop.test/api/yuno', fetch: routes.fetch, retry: false });
    const { result } = setup(h, { client });
    await waitFor(() => expect(result.current.methods.isError).toBe(true));
    const error = result.current.methods.error!;
    expect(error).toBeInstanceOf(YunoError);
    expect(error.yunoCode).toBe('INVALID_CREDENTIALS');
    expect(getErrorRecovery(error)).toBe('unavailable');
  });

  it('an unknown payment: PAYMENT_NOT_FOUND stops the polling', async () => {
    const h = await harness();
    const { result } = renderHook(() => usePaymentStatus('00000000-0000-4000-8000-000000000000'), {
      wrapper: ({ children }) => <h.Provider>{children}</h.Provider>,
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.yunoCode).toBe('PAYMENT_NOT_FOUND');
    const reads = h.counts().paymentReads;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.counts().paymentReads).toBe(reads);
  });

  it('Yuno answering 5xx: a retryable error, and the same attempt succeeds on retry', async () => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    const remove = h.sandbox.faults.inject({
      type: 'status',
      status: 503,
      code: 'INTERNAL_ERROR',
      match: { method: 'POST', path: '/v1/payments' },
    });
    const error = await payAndFail(result);
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(error.isRetryable).toBe(true);
    expect(result.current.checkout.recovery).toBe('retry');
    const key = h.sandbox.listPayments().length;
    expect(key).toBe(0);
    remove();
    await act(() => result.current.checkout.retry());
    // The token of the attempt is kept; only the payment goes out again, with the attempt's key.
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('succeeded');
    expect(h.counts().tokens).toBe(1);
    expect(h.sandbox.listPayments()).toHaveLength(1);
  });

  it('Yuno not answering in time: 504 REQUEST_TIMEOUT from the route, retryable', async () => {
    const h = await harness({ serverTimeoutMs: 30 });
    const { result } = setup(h);
    await selectCard(result);
    const remove = h.sandbox.faults.inject({
      type: 'timeout',
      match: { method: 'GET', path: /\/v1\/checkout\/sessions\/[^/]+$/ },
    });
    const error = await payAndFail(result);
    expect(error).toMatchObject({ kind: 'http', status: 504, yunoCode: 'REQUEST_TIMEOUT' });
    expect(result.current.checkout.recovery).toBe('retry');
    remove();
    await act(() => result.current.checkout.retry());
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('succeeded');
  });

  it('the merchant route not answering in time: a timeout error in the browser', async () => {
    const h = await harness({ serverTimeoutMs: 5_000, browserTimeoutMs: 40 });
    const { result } = setup(h);
    await selectCard(result);
    h.sandbox.faults.inject({ type: 'latency', ms: 400, match: { method: 'POST', path: '/v1/payments' } });
    const error = await payAndFail(result);
    expect(error.kind).toBe('timeout');
    expect(result.current.checkout.recovery).toBe('retry');
  });

  it('a malformed body from Yuno: 502 from the route, retryable', async () => {
    const h = await harness();
    h.sandbox.faults.inject({ type: 'malformed_json', match: { method: 'GET', path: /payment-methods$/ } });
    const { result } = setup(h);
    await waitFor(() => expect(result.current.methods.isError).toBe(true), { timeout: 3000 });
    expect(result.current.methods.error).toMatchObject({ kind: 'http', status: 502 });
    expect(getErrorRecovery(result.current.methods.error)).toBe('retry');
  });

  it('a malformed body from the merchant route: invalid_response in the browser', async () => {
    const h = await harness();
    const client = createYunoBrowserClient({
      baseUrl: 'http://shop.test/api/yuno',
      retry: false,
      fetch: async () =>
        new Response('{"not": "a list"', { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    const { result } = renderHook(() => usePaymentMethods(), {
      wrapper: ({ children }) => <h.Provider client={client}>{children}</h.Provider>,
    });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 3000 });
    expect(result.current.error).toBeInstanceOf(YunoError);
    expect(result.current.error?.kind).toBe('invalid_response');
  });

  it('a network fault between the page and the merchant: network error, retryable', async () => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    h.sandbox.faults.inject({ type: 'network', match: { method: 'POST', path: '/v1/payments' } });
    const error = await payAndFail(result);
    expect(error.isRetryable).toBe(true);
    expect(result.current.checkout.recovery).toBe('retry');
  });
});

describe('every Yuno error code', () => {
  const statusOf = (code: string) =>
    ({
      INVALID_CREDENTIALS: 401,
      EXPIRED_CREDENTIALS: 401,
      UNKNOWN_IP_ADDRESS: 401,
      INVALID_TOKEN: 401,
      TOKEN_IN_USE: 401,
      AUTHORIZATION_REQUIRED: 403,
      UNSUPPORTED_METHOD: 405,
      INTERNAL_ERROR: 500,
      REQUEST_TIMEOUT: 504,
    })[code] ?? 400;

  it.each(YUNO_ERROR_CODES)('%s reaches the checkout as a YunoError, and the checkout recovers', async (code) => {
    const h = await harness();
    const { result } = setup(h);
    await selectCard(result);
    const status = statusOf(code);
    const remove = h.sandbox.faults.inject({
      type: 'status',
      status,
      code,
      messages: [`Sandbox ${code}`],
      match: { method: 'POST', path: '/v1/payments' },
    });
    const error = await payAndFail(result);
    if (status >= 500) {
      // Yuno's 5xx become the route's own 502/504, which the browser may retry.
      expect(error.isRetryable).toBe(true);
      expect(result.current.checkout.recovery).toBe('retry');
    } else {
      expect(error).toMatchObject({ kind: 'http', status, yunoCode: code, messages: [`Sandbox ${code}`] });
    }
    expect(['retry', 'new_session', 'edit_details', 'unavailable']).toContain(result.current.checkout.recovery);
    expect(h.sandbox.listPayments()).toEqual([]);

    remove();
    await act(() => result.current.checkout.retry());
    // A kept attempt pays with its token; a fresh session tokenizes the card again.
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
  });
});
