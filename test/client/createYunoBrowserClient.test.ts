// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { YunoError } from 'yuno-react';
import { createIdempotencyKey, isPaymentMethodEnabled } from 'yuno-react/core';
import { createYunoBrowserClient, type YunoBrowserClient } from '../../src/client/createYunoBrowserClient';
import { createSandboxWebSdk, createYunoSandbox, type YunoSandbox } from 'yuno-react/sandbox';
import {
  createYunoRouteHandlers,
  createYunoServerClient,
  type ResolvedCheckout,
  type YunoRouteHandlers,
  type YunoRouteHandlersOptions,
  type YunoServerClient,
} from 'yuno-react/server';
import { CookieJar } from '../support/cookieJar';

const BASE = 'http://shop.test/api/yuno';
const APPROVED = '4507990000000002';

const sandbox = createYunoSandbox();
const serverClient = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});

let order: ResolvedCheckout;
beforeEach(() => {
  sandbox.reset();
  order = {
    merchantOrderId: 'order-2002',
    description: 'Order 2002',
    country: 'US',
    amount: { currency: 'USD', value: 75 },
    customer: { merchant_customer_id: 'shopper-7', email: 'grace@example.com', country: 'US' },
  };
});
afterEach(() => {
  sandbox.faults.clear();
  vi.unstubAllGlobals();
});

/** Routes that let every caller use every id, for what Yuno answers about ids nobody owns. */
const open: Partial<YunoRouteHandlersOptions> = { authorize: () => true };

function setup(
  options: Partial<YunoRouteHandlersOptions> & { client?: YunoServerClient } = {},
  browser: Parameters<typeof createYunoBrowserClient>[0] = {},
): { handlers: YunoRouteHandlers; yuno: YunoBrowserClient } {
  const handlers = createYunoRouteHandlers({ client: serverClient, resolveCheckout: () => order, ...options });
  // The browser's cookie store: the routes bind what this browser starts to it.
  const fetch = new CookieJar().fetch((request) => handlers.fetch(request));
  const yuno = createYunoBrowserClient({ baseUrl: BASE, fetch, retry: false, ...browser });
  return { handlers, yuno };
}

async function sdkToken(box: YunoSandbox, checkoutSession: string, number = APPROVED): Promise<string> {
  const sdk = createSandboxWebSdk({ baseUrl: box.baseUrl, fetch: box.fetch });
  const api = await (
    await sdk.initialize(box.credentials.publicApiKey)
  ).apiClientPayment({
    country_code: 'US',
    checkout_session: checkoutSession,
  });
  const { token } = await api.generateToken({
    checkout_session: checkoutSession,
    payment_method: {
      type: 'CARD',
      card: {
        detail: {
          number,
          expiration_month: 11,
          expiration_year: 30,
          security_code: '123',
          holder_name: 'Grace Hopper',
        },
      },
    },
  });
  return token;
}

const card = (number = APPROVED) => ({
  number,
  expiration_month: 11,
  expiration_year: 30,
  security_code: '123',
  holder_name: 'Grace Hopper',
});

/** The YunoError a call rejects with. */
async function failure(promise: Promise<unknown>): Promise<YunoError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(YunoError);
  return error as YunoError;
}

const key = () => ({ idempotencyKey: createIdempotencyKey() });

describe('every route, through the route handlers and the sandbox', () => {
  it('starts a checkout, lists its methods, pays and reads the payment', async () => {
    const { yuno } = setup();
    const start = await yuno.startCheckout();
    expect(start).toEqual({
      checkoutSession: expect.any(String),
      countryCode: 'US',
      amount: { currency: 'USD', value: 75 },
      merchantOrderId: 'order-2002',
      customerId: expect.any(String),
    });

    const methods = await yuno.paymentMethods(start.checkoutSession);
    expect(methods.map((m) => m.type)).toContain('CARD');
    expect(methods.filter(isPaymentMethodEnabled).length).toBeLessThan(methods.length);

    const oneTimeToken = await sdkToken(sandbox, start.checkoutSession);
    const payment = await yuno.createPayment({ checkoutSession: start.checkoutSession, oneTimeToken }, key());
    expect(payment).toMatchObject({
      status: 'SUCCEEDED',
      amount: { currency: 'USD', value: 75 },
      merchant_order_id: 'order-2002',
      checkout: { session: start.checkoutSession },
    });
    expect(Array.isArray(payment.transactions)).toBe(true);

    const read = await yuno.payment(payment.id);
    expect(read).toMatchObject({ id: payment.id, status: 'SUCCEEDED', amount: { currency: 'USD', value: 75 } });
  });

  it('starts a replacement checkout naming the previous session', async () => {
    const previous: Array<string | undefined> = [];
    const { yuno } = setup({
      resolveCheckout: ({ previousCheckoutSession }) => {
        previous.push(previousCheckoutSession);
        return order;
      },
    });
    const first = await yuno.startCheckout();
    const second = await yuno.startCheckout({ previousCheckoutSession: first.checkoutSession });
    expect(second.checkoutSession).not.toBe(first.checkoutSession);
    expect(previous).toEqual([undefined, first.checkoutSession]);
  });

  it('tokenizes through the server and pays in one hop, when the server allows it', async () => {
    const { yuno } = setup({ serverTokenization: true });
    const { checkoutSession } = await yuno.startCheckout();
    const token = await yuno.createOneTimeToken(checkoutSession, { payment_method: { type: 'CARD', card: card() } });
    expect(token).toMatchObject({ type: 'CARD', card_data: { iin: '45079900', lfd: '0002' } });

    const next = await yuno.startCheckout();
    sandbox.clearRequests();
    const payment = await yuno.createPayment({ checkoutSession: next.checkoutSession, card: card() }, key());
    expect(payment).toMatchObject({ status: 'SUCCEEDED', amount: { currency: 'USD', value: 75 } });
    expect(sandbox.countRequests({ method: 'POST', path: /\/token$/ })).toBe(1);
    expect(sandbox.countRequests({ method: 'POST', path: '/v1/payments' })).toBe(1);
  });

  it('starts a customer session, lists what it can save and starts an enrollment', async () => {
    const { yuno } = setup();
    const session = await yuno.startCustomerSession();
    expect(session).toMatchObject({ customer_session: expect.any(String), country: 'US' });
    const methods = await yuno.enrollablePaymentMethods(session.customer_session);
    expect(methods).toEqual([expect.objectContaining({ type: 'CARD' })]);
    const enrollment = await yuno.startEnrollment(session.customer_session, { paymentMethodType: 'CARD' }, key());
    expect(enrollment).toMatchObject({ status: 'READY_TO_ENROLL', type: 'CARD' });
  });

  it('sends the same attempt twice and gets one payment', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const oneTimeToken = await sdkToken(sandbox, checkoutSession);
    const attempt = key();
    const first = await yuno.createPayment({ checkoutSession, oneTimeToken }, attempt);
    const again = await yuno.createPayment({ checkoutSession, oneTimeToken }, attempt);
    expect(again.id).toBe(first.id);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('sends the idempotency key as X-Idempotency-Key and extra headers on every request', async () => {
    const seen: Array<{ url: string; key: string | null; csrf: string | null }> = [];
    const { handlers } = setup();
    const yuno = createYunoBrowserClient({
      baseUrl: `${BASE}/`,
      headers: () => ({ 'x-csrf-token': 'csrf-1' }),
      retry: false,
      fetch: new CookieJar().fetch((request) => {
        seen.push({
          url: request.url,
          key: request.headers.get('x-idempotency-key'),
          csrf: request.headers.get('x-csrf-token'),
        });
        return handlers.handle(request);
      }),
    });
    const { checkoutSession } = await yuno.startCheckout();
    await yuno.createPayment(
      { checkoutSession, oneTimeToken: await sdkToken(sandbox, checkoutSession) },
      { idempotencyKey: 'attempt-1' },
    );
    expect(seen).toEqual([
      { url: `${BASE}/checkout-sessions`, key: null, csrf: 'csrf-1' },
      { url: `${BASE}/payments`, key: 'attempt-1', csrf: 'csrf-1' },
    ]);
  });
});

describe('base URL', () => {
  it('is resolved when a request is made, so creating the client outside a browser is safe', async () => {
    const yuno = createYunoBrowserClient();
    expect(yuno.baseUrl).toBe('/api/yuno');
    await expect(yuno.paymentMethods('cs-1')).rejects.toThrow(
      /^createYunoBrowserClient: baseUrl '\/api\/yuno' is relative and there is no page location/,
    );
  });

  it('resolves a relative base against the page location', async () => {
    const { handlers } = setup();
    const urls: string[] = [];
    vi.stubGlobal('location', { href: 'http://shop.test/checkout?step=2' });
    const yuno = createYunoBrowserClient({
      retry: false,
      fetch: new CookieJar().fetch((request) => {
        urls.push(request.url);
        return handlers.handle(request);
      }),
    });
    const { checkoutSession } = await yuno.startCheckout();
    await yuno.paymentMethods(checkoutSession);
    expect(urls).toEqual([
      'http://shop.test/api/yuno/checkout-sessions',
      `http://shop.test/api/yuno/checkout-sessions/${checkoutSession}/payment-methods`,
    ]);
  });

  it('refuses a base that is not http(s)', () => {
    expect(() => createYunoBrowserClient({ baseUrl: '' })).toThrow(/createYunoBrowserClient/);
    const yuno = createYunoBrowserClient({ baseUrl: 'javascript:alert(1)' });
    return expect(yuno.payment('p-1')).rejects.toThrow(/createYunoBrowserClient: baseUrl must be an http\(s\) URL/);
  });
});

describe('programming mistakes', () => {
  it('needs an idempotency key for payments and enrollments', async () => {
    const { yuno } = setup();
    const noKey = {} as { idempotencyKey: string };
    await expect(yuno.createPayment({ checkoutSession: 'cs-1', oneTimeToken: 't' }, noKey)).rejects.toThrow(
      /createPayment needs \{ idempotencyKey \}/,
    );
    await expect(yuno.startEnrollment('cus-1', {}, noKey)).rejects.toThrow(
      /startEnrollment needs \{ idempotencyKey \}/,
    );
    expect(sandbox.requests).toEqual([]);
  });

  it('needs non-empty ids', async () => {
    const { yuno } = setup();
    await expect(yuno.paymentMethods('')).rejects.toThrow(/paymentMethods needs checkoutSession/);
    await expect(yuno.payment(' ')).rejects.toThrow(/payment needs paymentId/);
  });
});

describe('errors reach the browser as YunoErrors with Yuno’s code', () => {
  it('a used checkout session → CHECKOUT_SESSION_NOT_FOUND', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const [first, second] = [await sdkToken(sandbox, checkoutSession), await sdkToken(sandbox, checkoutSession)];
    await yuno.createPayment({ checkoutSession, oneTimeToken: first }, key());
    const error = await failure(yuno.createPayment({ checkoutSession, oneTimeToken: second }, key()));
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      yunoCode: 'CHECKOUT_SESSION_NOT_FOUND',
      messages: ['The checkout session was already used'],
      isRetryable: false,
    });
  });

  it('an unknown or expired checkout session → CHECKOUT_SESSION_NOT_FOUND', async () => {
    const { yuno } = setup(open);
    expect(await failure(yuno.paymentMethods('cs-unknown'))).toMatchObject({ yunoCode: 'CHECKOUT_SESSION_NOT_FOUND' });
    const { checkoutSession } = await yuno.startCheckout();
    await sandbox.advanceTime(6 * 60 * 60 * 1000);
    const error = await failure(yuno.paymentMethods(checkoutSession));
    expect(error).toMatchObject({
      yunoCode: 'CHECKOUT_SESSION_NOT_FOUND',
      messages: ['The checkout session has expired'],
    });
  });

  it('a reused token or a token of another session → INVALID_TOKEN', async () => {
    const { yuno } = setup();
    const first = await yuno.startCheckout();
    const token = await sdkToken(sandbox, first.checkoutSession);
    await yuno.createPayment({ checkoutSession: first.checkoutSession, oneTimeToken: token }, key());
    const second = await yuno.startCheckout();
    const reused = await failure(
      yuno.createPayment({ checkoutSession: second.checkoutSession, oneTimeToken: token }, key()),
    );
    expect(reused).toMatchObject({ status: 400, yunoCode: 'INVALID_TOKEN' });

    const third = await yuno.startCheckout();
    const foreign = await sdkToken(sandbox, third.checkoutSession);
    const error = await failure(
      yuno.createPayment({ checkoutSession: second.checkoutSession, oneTimeToken: foreign }, key()),
    );
    expect(error).toMatchObject({
      yunoCode: 'INVALID_TOKEN',
      messages: ['The one-time token belongs to another checkout session'],
    });
  });

  it('a key whose attempt failed, sent again → IDEMPOTENCY_DUPLICATED', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const attempt = key();
    await failure(yuno.createPayment({ checkoutSession, oneTimeToken: 'tok-unknown' }, attempt));
    const error = await failure(yuno.createPayment({ checkoutSession, oneTimeToken: 'tok-unknown' }, attempt));
    expect(error).toMatchObject({ yunoCode: 'IDEMPOTENCY_DUPLICATED', isRetryable: false });
  });

  it('an attempt still in flight on another server → REQUEST_IN_PROCESS, retryable', async () => {
    const slow = createYunoSandbox({ paymentProcessingMs: 300 });
    let reachedYuno: () => void = () => undefined;
    const firstReachedYuno = new Promise<void>((resolve) => (reachedYuno = resolve));
    const slowClient = createYunoServerClient({
      ...slow.credentials,
      baseUrl: slow.baseUrl,
      retry: false,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === '/v1/payments') reachedYuno();
        return slow.fetch(request);
      },
    });
    // Two server instances (two processes behind a load balancer) share nothing but Yuno.
    const a = createYunoRouteHandlers({ client: slowClient, resolveCheckout: () => order });
    const b = createYunoRouteHandlers({ client: slowClient, resolveCheckout: () => order });
    // One browser, whose binding cookie both instances can verify (one process: one key).
    const jar = new CookieJar();
    const viaA = createYunoBrowserClient({ baseUrl: BASE, fetch: jar.fetch(a.handle), retry: false });
    const viaB = createYunoBrowserClient({ baseUrl: BASE, fetch: jar.fetch(b.handle), retry: false });
    const { checkoutSession } = await viaA.startCheckout();
    const oneTimeToken = await sdkToken(slow, checkoutSession);
    const attempt = key();
    const first = viaA.createPayment({ checkoutSession, oneTimeToken }, attempt);
    await firstReachedYuno;
    const error = await failure(viaB.createPayment({ checkoutSession, oneTimeToken }, attempt));
    expect(error).toMatchObject({ yunoCode: 'REQUEST_IN_PROCESS', isRetryable: true });
    const payment = await first;
    await expect(viaB.createPayment({ checkoutSession, oneTimeToken }, attempt)).resolves.toMatchObject({
      id: payment.id,
    });
  });

  it('a method the session does not offer → UNAVAILABLE_PAYMENT_METHOD', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const error = await failure(yuno.createPayment({ checkoutSession, paymentMethodType: 'PIX' }, key()));
    expect(error).toMatchObject({ yunoCode: 'UNAVAILABLE_PAYMENT_METHOD' });
    const token = await failure(
      setup({ serverTokenization: true, ...open }).yuno.createOneTimeToken(checkoutSession, {
        payment_method: { type: 'OXXO' },
      }),
    );
    expect(token).toMatchObject({ yunoCode: 'UNAVAILABLE_PAYMENT_METHOD' });
  });

  it('a saved card of another customer → INVALID_CUSTOMER_FOR_TOKEN', async () => {
    const { yuno } = setup({ serverTokenization: true });
    const { checkoutSession } = await yuno.startCheckout();
    const saved = await yuno.createPayment({ checkoutSession, card: card(), vaultOnSuccess: true }, key());
    const vaultedToken = saved.payment_method?.vaulted_token;
    expect(vaultedToken).toEqual(expect.any(String));

    order = { ...order, customer: { merchant_customer_id: 'shopper-8', country: 'US' } };
    const other = await yuno.startCheckout();
    const error = await failure(
      yuno.createOneTimeToken(other.checkoutSession, {
        payment_method: { type: 'CARD', vaulted_token: vaultedToken, card: { security_code: '123' } },
      }),
    );
    expect(error).toMatchObject({ yunoCode: 'INVALID_CUSTOMER_FOR_TOKEN' });
    const unknown = await failure(
      yuno.createOneTimeToken(other.checkoutSession, { payment_method: { type: 'CARD', vaulted_token: 'vt-unknown' } }),
    );
    expect(unknown).toMatchObject({ yunoCode: 'INVALID_TOKEN' });
  });

  it('a card the tokenizer refuses → INVALID_PARAMETERS or MISSING_PARAMETERS, without the card number', async () => {
    const { yuno } = setup({ serverTokenization: true });
    const { checkoutSession } = await yuno.startCheckout();
    const invalid = await failure(yuno.createPayment({ checkoutSession, card: card('4111111111111112') }, key()));
    expect(invalid).toMatchObject({ yunoCode: 'INVALID_PARAMETERS' });
    const { security_code: _cvv, ...withoutCvv } = card();
    const missing = await failure(yuno.createPayment({ checkoutSession, card: withoutCvv }, key()));
    expect(missing).toMatchObject({ yunoCode: 'MISSING_PARAMETERS' });
    expect(JSON.stringify([invalid, missing, invalid.message, missing.message])).not.toContain('4111111111111112');
  });

  it('an unknown payment → PAYMENT_NOT_FOUND; an unknown customer session → NOT_FOUND', async () => {
    const { yuno } = setup(open);
    expect(await failure(yuno.payment('p-unknown'))).toMatchObject({ yunoCode: 'PAYMENT_NOT_FOUND' });
    expect(await failure(yuno.enrollablePaymentMethods('cus-unknown'))).toMatchObject({ yunoCode: 'NOT_FOUND' });
    expect(await failure(yuno.startEnrollment('cus-unknown', {}, key()))).toMatchObject({ yunoCode: 'NOT_FOUND' });
  });

  it('the token route without server tokenization → NOT_FOUND (404)', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const error = await failure(
      yuno.createOneTimeToken(checkoutSession, { payment_method: { type: 'CARD', card: card() } }),
    );
    expect(error).toMatchObject({ status: 404, yunoCode: 'NOT_FOUND', isRetryable: false });
    expect(error.message).not.toContain(APPROVED);
  });

  it('a session that is not the caller’s → NOT_FOUND (404), like an unknown one', async () => {
    const { yuno } = setup({ authorize: ({ action }) => action === 'startCheckout' });
    const { checkoutSession } = await yuno.startCheckout();
    sandbox.clearRequests();
    const error = await failure(yuno.paymentMethods(checkoutSession));
    expect(error).toMatchObject({ status: 404, yunoCode: 'NOT_FOUND', isRetryable: false });
    expect(sandbox.requests).toEqual([]);

    const { yuno: mine } = setup();
    const started = await mine.startCheckout();
    const { yuno: stranger } = setup();
    const foreign = await failure(stranger.paymentMethods(started.checkoutSession));
    expect(foreign).toMatchObject({ status: 404, yunoCode: 'NOT_FOUND', isRetryable: false });
    expect(sandbox.requests.filter((r) => r.path.endsWith('/payment-methods'))).toEqual([]);
  });

  it('sends the browser’s cookies to the merchant routes (fetch credentials: same-origin)', async () => {
    const seen: RequestCredentials[] = [];
    const yuno = createYunoBrowserClient({
      baseUrl: BASE,
      retry: false,
      fetch: async (_input, init) => {
        seen.push(init?.credentials ?? ('unset' as RequestCredentials));
        return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await yuno.paymentMethods('cs-1');
    const included = createYunoBrowserClient({
      baseUrl: BASE,
      retry: false,
      credentials: 'include',
      fetch: async (_input, init) => {
        seen.push(init?.credentials ?? ('unset' as RequestCredentials));
        return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await included.paymentMethods('cs-1');
    expect(seen).toEqual(['same-origin', 'include']);
  });

  it('a tampered amount → INVALID_PARAMETERS, and no payment', async () => {
    const { handlers } = setup();
    const yuno = createYunoBrowserClient({ baseUrl: BASE, fetch: handlers.fetch, retry: false });
    const { checkoutSession } = await yuno.startCheckout();
    const oneTimeToken = await sdkToken(sandbox, checkoutSession);
    const tampered = { checkoutSession, oneTimeToken, amount: { currency: 'USD', value: 0.01 } };
    const error = await failure(
      yuno.createPayment(tampered as Parameters<YunoBrowserClient['createPayment']>[0], key()),
    );
    expect(error).toMatchObject({ status: 400, yunoCode: 'INVALID_PARAMETERS' });
    expect(sandbox.listPayments()).toEqual([]);
  });

  it('wrong credentials on the server → INVALID_CREDENTIALS', async () => {
    const wrong = createYunoServerClient({
      ...sandbox.credentials,
      publicApiKey: 'sandbox_pk_wrong',
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
      retry: false,
    });
    const { yuno } = setup({ client: wrong });
    expect(await failure(yuno.startCheckout())).toMatchObject({ status: 401, yunoCode: 'INVALID_CREDENTIALS' });
  });

  it('a declined card is a payment, not an error', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const payment = await yuno.createPayment(
      { checkoutSession, oneTimeToken: await sdkToken(sandbox, checkoutSession, '4507990000000028') },
      key(),
    );
    expect(payment).toMatchObject({ status: 'DECLINED', transactions: [{ response_code: 'DECLINED_BY_BANK' }] });
  });

  it('a 3DS challenge is a pending payment with an action to take', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    const payment = await yuno.createPayment(
      { checkoutSession, oneTimeToken: await sdkToken(sandbox, checkoutSession, '4916994064252017') },
      key(),
    );
    expect(payment).toMatchObject({ status: 'PENDING', checkout: { sdk_action_required: true } });
  });
});

describe('failures between the merchant server and Yuno are retryable YunoErrors', () => {
  it('Yuno 5xx → 502 UPSTREAM_ERROR', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    sandbox.faults.inject({ type: 'status', status: 503, match: { method: 'POST', path: '/v1/payments' } });
    const error = await failure(
      yuno.createPayment({ checkoutSession, oneTimeToken: await sdkToken(sandbox, checkoutSession) }, key()),
    );
    expect(error).toMatchObject({ kind: 'http', status: 502, yunoCode: 'UPSTREAM_ERROR', isRetryable: true });
    expect(sandbox.listPayments()).toEqual([]);
  });

  it('no answer from Yuno in time → 504 REQUEST_TIMEOUT', async () => {
    const impatient = createYunoServerClient({
      ...sandbox.credentials,
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
      retry: false,
      timeoutMs: 50,
    });
    const { yuno } = setup({ client: impatient });
    const { checkoutSession } = await yuno.startCheckout();
    sandbox.faults.inject({ type: 'timeout', match: { path: '/v1/checkout/sessions/*/payment-methods' } });
    const error = await failure(yuno.paymentMethods(checkoutSession));
    expect(error).toMatchObject({ status: 504, yunoCode: 'REQUEST_TIMEOUT', isRetryable: true });
  });

  it('a malformed answer from Yuno → 502 UPSTREAM_ERROR', async () => {
    const { yuno } = setup();
    const { checkoutSession } = await yuno.startCheckout();
    sandbox.faults.inject({ type: 'malformed_json', match: { path: '/v1/checkout/sessions/*/payment-methods' } });
    const error = await failure(yuno.paymentMethods(checkoutSession));
    expect(error).toMatchObject({ status: 502, yunoCode: 'UPSTREAM_ERROR', isRetryable: true });
  });

  it('Yuno unreachable → 502 UPSTREAM_ERROR', async () => {
    const { yuno } = setup(open);
    sandbox.faults.inject({ type: 'network', match: { path: '/v1/payments/*' } });
    expect(await failure(yuno.payment('p-1'))).toMatchObject({
      status: 502,
      yunoCode: 'UPSTREAM_ERROR',
      isRetryable: true,
    });
  });

  it('the browser retries with the same key and gets the one payment', async () => {
    const { yuno } = setup({}, { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });
    const { checkoutSession } = await yuno.startCheckout();
    const oneTimeToken = await sdkToken(sandbox, checkoutSession);
    // The payment is made, but its answer is lost on the way back to the merchant's server.
    sandbox.faults.inject({ type: 'malformed_json', times: 1, match: { method: 'POST', path: '/v1/payments' } });
    const payment = await yuno.createPayment({ checkoutSession, oneTimeToken }, key());
    expect(payment.status).toBe('SUCCEEDED');
    expect(sandbox.listPayments()).toHaveLength(1);
    expect(sandbox.countRequests({ method: 'POST', path: '/v1/payments' })).toBe(2);
  });

  it('a malformed answer from the merchant route itself → invalid_response', async () => {
    const yuno = createYunoBrowserClient({
      baseUrl: BASE,
      retry: false,
      fetch: async () =>
        new Response('{"checkoutSession":', { status: 201, headers: { 'content-type': 'application/json' } }),
    });
    const error = await failure(yuno.startCheckout());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 201 });
  });
});
