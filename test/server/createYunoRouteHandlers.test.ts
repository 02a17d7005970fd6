// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import {
  CheckoutSessionSchema,
  PaymentSchema,
  createYunoCheckout,
  createYunoRouteHandlers,
  createYunoServerClient,
  isYunoError,
  toNodeHandler,
  type ResolvedCheckout,
  type YunoAuthorizeContext,
  type YunoRouteHandlers,
  type YunoRouteHandlersOptions,
  type YunoServerClient,
} from 'yuno-react/server';
import { CookieJar } from '../support/cookieJar';

const sandbox = createYunoSandbox();
const client = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});
const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

const BASE = 'http://shop.test/api/yuno';
const APPROVED = '4507990000000002';
const DECLINED_INSUFFICIENT_FUNDS = '4507990000000010';

/** The shopper's browser every call uses unless told otherwise. */
let browser: CookieJar;
let order: ResolvedCheckout;
beforeEach(() => {
  sandbox.reset();
  browser = new CookieJar();
  order = {
    merchantOrderId: 'order-1001',
    description: 'Order 1001',
    country: 'US',
    amount: { currency: 'USD', value: 120.5 },
    customer: { merchant_customer_id: 'shopper-1', email: 'ada@example.com', first_name: 'Ada', country: 'US' },
  };
});

/** Routes that let every caller use every id, for what Yuno answers about ids nobody owns. */
const open: Partial<YunoRouteHandlersOptions> = { authorize: () => true };

function routes(options: Partial<YunoRouteHandlersOptions> = {}): YunoRouteHandlers {
  return createYunoRouteHandlers({ client, resolveCheckout: () => order, ...options });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

async function call(
  handlers: YunoRouteHandlers,
  method: string,
  path: string,
  options: { json?: unknown; raw?: string; headers?: Record<string, string>; jar?: CookieJar; base?: string } = {},
): Promise<Answer> {
  const hasBody = options.json !== undefined || options.raw !== undefined;
  const jar = options.jar ?? browser;
  const cookie = jar.header();
  const response = await handlers.handle(
    new Request(`${options.base ?? BASE}${path}`, {
      method,
      headers: {
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...options.headers,
      },
      body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
    }),
  );
  jar.store(response);
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // The assertions on `text` say what went wrong.
  }
  return { status: response.status, headers: response.headers, text, body };
}

function expectError(answer: Answer, status: number, code: string): string[] {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.code).toBe(code);
  const messages = answer.body.messages as string[];
  expect(messages.length).toBeGreaterThan(0);
  return messages;
}

async function startCheckout(handlers: YunoRouteHandlers, json: unknown = {}) {
  const answer = await call(handlers, 'POST', '/checkout-sessions', { json });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { checkoutSession: string; countryCode: string; customerId: string | null };
}

/** A one-time token the way a browser gets it: Yuno's Web SDK (the sandbox's stand-in), public key only. */
async function sdkToken(checkoutSession: string, number = APPROVED): Promise<string> {
  const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
  const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: checkoutSession });
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
          holder_name: 'Ada Lovelace',
          type: 'CREDIT',
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
  holder_name: 'Ada Lovelace',
});

function pay(handlers: YunoRouteHandlers, json: unknown, key: string | null = crypto.randomUUID()) {
  return call(handlers, 'POST', '/payments', { json, headers: key === null ? {} : { 'x-idempotency-key': key } });
}

const tokenRequests = () => sandbox.countRequests({ method: 'POST', path: /\/token$/ });
const paymentRequests = () => sandbox.countRequests({ method: 'POST', path: '/v1/payments' });

describe('routing', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', ''],
    ['POST', '/payments/p-1/cancel'],
    ['GET', '/checkout-sessions/cs-1'],
    ['POST', '/webhooks'],
  ])('answers %s %s with 404 NOT_FOUND and calls nothing', async (method, path) => {
    expectError(await call(routes(), method, path), 404, 'NOT_FOUND');
    expect(sandbox.requests).toEqual([]);
  });

  it('answers paths outside the base path with 404', async () => {
    const response = await routes().handle(new Request('http://shop.test/api/other/payments/p-1'));
    expect(response.status).toBe(404);
  });

  it.each([
    ['GET', '/payments', 'POST'],
    ['PUT', '/checkout-sessions', 'POST'],
    ['POST', '/payments/p-1', 'GET'],
    ['DELETE', '/checkout-sessions/cs-1/payment-methods', 'GET'],
    ['GET', '/customer-sessions/cus-1/enrollments', 'POST'],
  ])('answers %s %s with 405 UNSUPPORTED_METHOD and Allow: %s', async (method, path, allow) => {
    const answer = await call(routes(), method, path);
    expectError(answer, 405, 'UNSUPPORTED_METHOD');
    expect(answer.headers.get('allow')).toBe(allow);
    expect(sandbox.requests).toEqual([]);
  });

  it('mounts under another base path', async () => {
    const handlers = routes({ basePath: '/payments-api/' });
    const response = await handlers.fetch('/payments-api/checkout-sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    expect((await handlers.fetch('/api/yuno/checkout-sessions', { method: 'POST' })).status).toBe(404);
  });

  it('works as a Next.js App Router catch-all: `export const { GET, POST } = handlers`', async () => {
    const { GET, POST } = routes();
    const started = await POST(
      new Request(`${BASE}/checkout-sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(started.status).toBe(201);
    const { checkoutSession } = (await started.json()) as { checkoutSession: string };
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const methods = await GET(
      new Request(`${BASE}/checkout-sessions/${checkoutSession}/payment-methods`, { headers: { cookie } }),
    );
    expect(methods.status).toBe(200);
    expect(methods.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps an encoded id inside its own path segment at Yuno', async () => {
    expectError(await call(routes(open), 'GET', '/payments/..%2F..%2Fcustomers'), 400, 'PAYMENT_NOT_FOUND');
    expect(sandbox.requests.map((r) => r.path)).toEqual(['/v1/payments/..%2F..%2Fcustomers']);
  });
});

describe('bad input is refused before anything reaches Yuno', () => {
  const posts = [
    '/checkout-sessions',
    '/checkout-sessions/cs-1/token',
    '/payments',
    '/customer-sessions',
    '/customer-sessions/cus-1/enrollments',
  ];
  const tokenizing = () => routes({ serverTokenization: true });

  it.each(posts)('POST %s: malformed JSON → 400 INVALID_REQUEST', async (path) => {
    const answer = await call(tokenizing(), 'POST', path, {
      raw: '{"checkoutSession": "cs',
      headers: { 'x-idempotency-key': 'k-1' },
    });
    expectError(answer, 400, 'INVALID_REQUEST');
    expect(sandbox.requests).toEqual([]);
  });

  it.each(['[]', '"text"', 'null', '42'])(
    'a body that is not a JSON object (%s) → 400 INVALID_REQUEST',
    async (raw) => {
      expectError(
        await call(routes(), 'POST', '/payments', { raw, headers: { 'x-idempotency-key': 'k-1' } }),
        400,
        'INVALID_REQUEST',
      );
      expect(sandbox.requests).toEqual([]);
    },
  );

  it.each(posts)('POST %s without a JSON content type (a cross-site form) → 415', async (path) => {
    const response = await tokenizing().handle(
      new Request(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-idempotency-key': 'k-1' },
        body: '{"checkoutSession":"cs-1","oneTimeToken":"t"}',
      }),
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(sandbox.requests).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const answer = await call(routes(), 'POST', '/checkout-sessions', { json: { padding: 'x'.repeat(70_000) } });
    expectError(answer, 413, 'PAYLOAD_TOO_LARGE');
    expect(sandbox.requests).toEqual([]);
  });

  it('names missing fields with MISSING_PARAMETERS', async () => {
    expect(expectError(await pay(routes(), {}), 400, 'MISSING_PARAMETERS')).toEqual([
      'Missing required parameter: checkoutSession',
    ]);
    expect(expectError(await pay(routes(), { checkoutSession: 'cs-1' }), 400, 'MISSING_PARAMETERS')).toEqual([
      'Missing required parameter: oneTimeToken',
    ]);
    expect(sandbox.requests).toEqual([]);
  });

  it('names malformed fields with INVALID_PARAMETERS', async () => {
    expect(
      expectError(await pay(routes(), { checkoutSession: 42, oneTimeToken: 'tok' }), 400, 'INVALID_PARAMETERS'),
    ).toEqual(['Invalid parameter: checkoutSession']);
    expectError(
      await call(routes(), 'POST', '/checkout-sessions', { json: { previousCheckoutSession: '' } }),
      400,
      'INVALID_PARAMETERS',
    );
    expectError(
      await call(routes(), 'GET', '/checkout-sessions/has%20space/payment-methods'),
      400,
      'INVALID_PARAMETERS',
    );
    expect(sandbox.requests).toEqual([]);
  });

  it('never echoes card data in an error', async () => {
    const answer = await pay(routes({ serverTokenization: true }), {
      checkoutSession: 'cs-1',
      card: { ...card('4507990000000002'), expiration_month: 13 },
    });
    expectError(answer, 400, 'INVALID_PARAMETERS');
    expect(answer.text).toContain('card.expiration_month');
    expect(answer.text).not.toContain('4507990000000002');
    expect(answer.text).not.toContain('"123"');
  });

  it('requires X-Idempotency-Key on payments, and a sane one', async () => {
    const { checkoutSession } = await startCheckout(routes());
    const token = await sdkToken(checkoutSession);
    sandbox.clearRequests();
    expect(
      expectError(await pay(routes(), { checkoutSession, oneTimeToken: token }, null), 400, 'MISSING_PARAMETERS'),
    ).toEqual(['Missing required header: X-Idempotency-Key']);
    expectError(
      await pay(routes(), { checkoutSession, oneTimeToken: token }, 'k'.repeat(256)),
      400,
      'INVALID_PARAMETERS',
    );
    expect(sandbox.requests).toEqual([]);
  });

  it.each([
    ['amount', { amount: { currency: 'USD', value: 1 } }],
    ['currency', { currency: 'BRL' }],
    ['country', { country: 'BR' }],
    ['merchant_order_id', { merchant_order_id: 'someone-elses-order' }],
    ['description', { description: 'INSUFFICIENT_FUNDS' }],
  ])('refuses a payment body carrying %s; the session is then paid its own amount', async (field, tampered) => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const oneTimeToken = await sdkToken(checkoutSession);
    sandbox.clearRequests();

    const messages = expectError(
      await pay(handlers, { checkoutSession, oneTimeToken, ...tampered }),
      400,
      'INVALID_PARAMETERS',
    );
    expect(messages.join(' ')).toMatch(/server decides the amount/);
    expect(messages.join(' ')).toContain(field);
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.listPayments()).toEqual([]);

    const paid = await pay(handlers, { checkoutSession, oneTimeToken });
    expect(paid.status, paid.text).toBe(201);
    expect(paid.body).toMatchObject({
      status: 'SUCCEEDED',
      amount: { currency: 'USD', value: 120.5 },
      merchant_order_id: 'order-1001',
    });
  });

  it('answers a session authorize refuses with 404 NOT_FOUND, and creates nothing', async () => {
    const mine = await startCheckout(routes());
    const theirs = await startCheckout(routes());
    const theirToken = await sdkToken(theirs.checkoutSession);
    const asked: YunoAuthorizeContext[] = [];
    const handlers = routes({
      authorize: (context) => {
        asked.push(context);
        return context.checkoutSession === mine.checkoutSession;
      },
    });
    sandbox.clearRequests();

    expectError(
      await pay(handlers, { checkoutSession: theirs.checkoutSession, oneTimeToken: theirToken }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call(handlers, 'GET', `/checkout-sessions/${theirs.checkoutSession}/payment-methods`),
      404,
      'NOT_FOUND',
    );
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.listPayments()).toEqual([]);
    expect(asked.map(({ action, checkoutSession }) => ({ action, checkoutSession }))).toEqual([
      { action: 'createPayment', checkoutSession: theirs.checkoutSession },
      { action: 'paymentMethods', checkoutSession: theirs.checkoutSession },
    ]);
    expect(asked[0]?.request).toBeInstanceOf(Request);

    const methods = await call(handlers, 'GET', `/checkout-sessions/${mine.checkoutSession}/payment-methods`);
    expect(methods.status).toBe(200);
  });

  it('treats anything but `true` from authorize as a refusal', async () => {
    const handlers = routes({ authorize: () => 'yes' as unknown as boolean });
    expectError(await call(handlers, 'POST', '/checkout-sessions', { json: {} }), 403, 'AUTHORIZATION_REQUIRED');
    expect(sandbox.requests).toEqual([]);
  });

  it('asks authorize for every action, with the sessions it names', async () => {
    const asked: Array<Omit<YunoAuthorizeContext, 'request'>> = [];
    const handlers = routes({
      serverTokenization: true,
      authorize: ({ request: _request, ...rest }) => {
        asked.push(rest);
        return false;
      },
    });
    const key = { 'x-idempotency-key': 'k-1' };
    await call(handlers, 'POST', '/checkout-sessions', { json: { previousCheckoutSession: 'cs-0' } });
    await call(handlers, 'GET', '/checkout-sessions/cs-1/payment-methods');
    await call(handlers, 'POST', '/checkout-sessions/cs-1/token', { json: { payment_method: { type: 'PIX' } } });
    await call(handlers, 'POST', '/payments', { json: { checkoutSession: 'cs-1', oneTimeToken: 't' }, headers: key });
    await call(handlers, 'POST', '/customer-sessions', { json: {} });
    await call(handlers, 'GET', '/customer-sessions/cus-1/payment-methods');
    await call(handlers, 'POST', '/customer-sessions/cus-1/enrollments', { json: {}, headers: key });
    expect(asked).toEqual([
      { action: 'startCheckout', checkoutSession: 'cs-0' },
      { action: 'paymentMethods', checkoutSession: 'cs-1' },
      { action: 'createOneTimeToken', checkoutSession: 'cs-1' },
      { action: 'createPayment', checkoutSession: 'cs-1' },
      { action: 'startCustomerSession' },
      { action: 'enrollablePaymentMethods', customerSession: 'cus-1' },
      { action: 'startEnrollment', customerSession: 'cus-1' },
    ]);
    expect(sandbox.requests).toEqual([]);
  });

  it('has no token route and refuses card details unless server tokenization is on', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    sandbox.clearRequests();

    const token = await call(handlers, 'POST', `/checkout-sessions/${checkoutSession}/token`, {
      json: { payment_method: { type: 'CARD', card: card() } },
    });
    expectError(token, 404, 'NOT_FOUND');
    const payment = await pay(handlers, { checkoutSession, card: card() });
    expect(expectError(payment, 400, 'INVALID_PARAMETERS').join(' ')).toMatch(/tokenize the card in the browser/);
    expect(token.text + payment.text).not.toContain(APPROVED);
    expect(sandbox.requests).toEqual([]);
  });

  it('refuses a card together with a token, or a card with another method type', async () => {
    const handlers = routes({ serverTokenization: true });
    expectError(
      await pay(handlers, { checkoutSession: 'cs-1', card: card(), oneTimeToken: 'tok' }),
      400,
      'INVALID_PARAMETERS',
    );
    expectError(
      await pay(handlers, { checkoutSession: 'cs-1', card: card(), paymentMethodType: 'PIX' }),
      400,
      'INVALID_PARAMETERS',
    );
    expect(sandbox.requests).toEqual([]);
  });
});

describe('POST /checkout-sessions', () => {
  it('creates the customer and a session for the order resolveCheckout gives', async () => {
    const seen: Array<{ previousCheckoutSession?: string }> = [];
    const handlers = routes({
      resolveCheckout: ({ request, ...rest }) => {
        expect(request).toBeInstanceOf(Request);
        seen.push(rest);
        return order;
      },
    });
    const first = await startCheckout(handlers);
    expect(first).toMatchObject({
      countryCode: 'US',
      amount: { currency: 'USD', value: 120.5 },
      merchantOrderId: 'order-1001',
      customerId: expect.any(String),
    });
    expect(sandbox.getCheckoutSession(first.checkoutSession)).toMatchObject({
      amount: { currency: 'USD', value: 120.5 },
      merchant_order_id: 'order-1001',
      payment_description: 'Order 1001',
      customer_id: first.customerId,
    });

    const second = await startCheckout(handlers, { previousCheckoutSession: first.checkoutSession });
    expect(second.checkoutSession).not.toBe(first.checkoutSession);
    expect(second.customerId).toBe(first.customerId);
    expect(sandbox.countRequests({ method: 'POST', path: '/v1/customers' })).toBe(1);
    expect(seen).toEqual([{}, { previousCheckoutSession: first.checkoutSession }]);
  });

  it('starts a guest checkout without a customer', async () => {
    const { customer: _customer, ...guest } = order;
    order = guest;
    const start = await startCheckout(routes());
    expect(start.customerId).toBeNull();
    expect(sandbox.countRequests({ path: /^\/v1\/customers/ })).toBe(0);
  });

  it('answers 500 without calling Yuno when resolveCheckout gives an invalid order, and reports it to onError', async () => {
    const errors: unknown[] = [];
    order = { ...order, country: 'United States', amount: { currency: 'USD', value: -1 } };
    const answer = await call(routes({ onError: (error) => errors.push(error) }), 'POST', '/checkout-sessions', {
      json: {},
    });
    expect(expectError(answer, 500, 'INTERNAL_ERROR')).toEqual(['The request could not be handled']);
    expect(sandbox.requests).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/createYunoCheckout: the checkout is invalid at country, amount.value/);
  });
});

describe('createYunoCheckout', () => {
  it('creates a session a server component can hand to the browser', async () => {
    const start = await createYunoCheckout({ client, checkout: { ...order, callbackUrl: 'https://shop.test/return' } });
    expect(start.checkoutSession).toEqual(expect.any(String));
    expect(sandbox.getCheckoutSession(start.checkoutSession)?.callback_url).toMatch(/^https:\/\/shop\.test\/return\?/);
  });

  it('throws a TypeError naming the bad fields and creates nothing', async () => {
    await expect(createYunoCheckout({ client, checkout: { ...order, merchantOrderId: 'x' } })).rejects.toThrow(
      /createYunoCheckout: the checkout is invalid at merchantOrderId/,
    );
    expect(sandbox.requests).toEqual([]);
  });
});

describe('GET /checkout-sessions/{cs}/payment-methods', () => {
  it('lists the session’s methods, disabled ones included for the browser to filter', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const answer = await call(handlers, 'GET', `/checkout-sessions/${checkoutSession}/payment-methods`);
    expect(answer.status).toBe(200);
    const methods = answer.body as unknown as Array<{ type: string; checkout: { conditions: { enabled: boolean } } }>;
    expect(methods.map((m) => m.type)).toContain('CARD');
    expect(methods.some((m) => m.checkout.conditions.enabled === false)).toBe(true);
  });

  it('passes Yuno’s CHECKOUT_SESSION_NOT_FOUND through', async () => {
    expectError(
      await call(routes(open), 'GET', '/checkout-sessions/cs-unknown/payment-methods'),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
  });
});

describe('POST /checkout-sessions/{cs}/token (server tokenization)', () => {
  it('creates a one-time token with the private key', async () => {
    const handlers = routes({ serverTokenization: true });
    const { checkoutSession } = await startCheckout(handlers);
    const answer = await call(handlers, 'POST', `/checkout-sessions/${checkoutSession}/token`, {
      json: { payment_method: { type: 'CARD', card: card() }, account_id: 'ignored' },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({ token: expect.any(String), type: 'CARD', card_data: { lfd: '0002' } });
    expect(answer.text).not.toContain(APPROVED);
    expect(tokenRequests()).toBe(1);
  });

  it('validates the body like Yuno', async () => {
    const handlers = routes({ serverTokenization: true });
    expectError(
      await call(handlers, 'POST', '/checkout-sessions/cs-1/token', { json: { payment_method: {} } }),
      400,
      'MISSING_PARAMETERS',
    );
    expect(sandbox.requests).toEqual([]);
  });
});

describe('POST /payments', () => {
  it('pays the session’s own amount with a token from the Web SDK', async () => {
    const handlers = routes();
    const { checkoutSession, customerId } = await startCheckout(handlers);
    const oneTimeToken = await sdkToken(checkoutSession);
    const answer = await pay(handlers, {
      checkoutSession,
      oneTimeToken,
      paymentMethodType: 'CARD',
      browserInfo: { user_agent: 'vitest', language: 'en', javascript_enabled: true },
      deviceFingerprints: [{ provider_id: 'SANDBOX', id: 'fp-1' }],
      customerPayer: { document: { document_type: 'SSN', document_number: '123456789' } },
    });
    expect(answer.status, answer.text).toBe(201);
    const payment = PaymentSchema.parse(answer.body);
    const session = CheckoutSessionSchema.parse(sandbox.getCheckoutSession(checkoutSession));
    expect(payment).toMatchObject({
      status: 'SUCCEEDED',
      amount: { currency: session.amount?.currency, value: session.amount?.value },
      merchant_order_id: session.merchant_order_id,
      description: session.payment_description,
      country: 'US',
      checkout: { session: checkoutSession },
    });
    expect(sandbox.getPayment(payment.id)?.customer_payer).toMatchObject({
      id: customerId,
      browser_info: { user_agent: 'vitest', language: 'en' },
      device_fingerprints: [{ provider_id: 'SANDBOX', id: 'fp-1' }],
      document: { document_number: '123456789' },
    });
  });

  it('sends Yuno a UUID derived from the session and the browser’s key', async () => {
    const handlers = routes();
    const browserKey = crypto.randomUUID();
    const first = await startCheckout(handlers);
    const second = await startCheckout(handlers);
    const a = await pay(
      handlers,
      { checkoutSession: first.checkoutSession, oneTimeToken: await sdkToken(first.checkoutSession) },
      browserKey,
    );
    const b = await pay(
      handlers,
      { checkoutSession: second.checkoutSession, oneTimeToken: await sdkToken(second.checkoutSession) },
      browserKey,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    // The same browser key on another session is another attempt, never a replay of the first session's payment.
    expect(b.body.id).not.toBe(a.body.id);
    const keyA = sandbox.getPayment(a.body.id as string)?.idempotency_key;
    const keyB = sandbox.getPayment(b.body.id as string)?.idempotency_key;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(keyA).toMatch(uuid);
    expect(keyB).toMatch(uuid);
    expect(keyA).not.toBe(keyB);
    expect(keyA).not.toBe(browserKey);
  });

  it('replays the payment when the same attempt is sent again', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const oneTimeToken = await sdkToken(checkoutSession);
    const key = crypto.randomUUID();
    const first = await pay(handlers, { checkoutSession, oneTimeToken }, key);
    // Another handlers instance (another server process) derives the same key.
    const again = await pay(routes(), { checkoutSession, oneTimeToken }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(sandbox.listPayments()).toHaveLength(1);
    expect(paymentRequests()).toBe(2);
  });

  it('sends concurrent copies of one attempt to Yuno once', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const oneTimeToken = await sdkToken(checkoutSession);
    const key = crypto.randomUUID();
    // Yuno takes a moment to answer, so that the copies overlap the first one.
    sandbox.faults.inject({ type: 'latency', ms: 50, times: 1, match: { method: 'POST', path: '/v1/payments' } });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => pay(handlers, { checkoutSession, oneTimeToken }, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(paymentRequests()).toBe(1);
  });

  it('answers a decline as a created payment, not an error', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const answer = await pay(handlers, {
      checkoutSession,
      oneTimeToken: await sdkToken(checkoutSession, DECLINED_INSUFFICIENT_FUNDS),
    });
    expect(answer.status).toBe(201);
    expect(PaymentSchema.parse(answer.body)).toMatchObject({
      status: 'DECLINED',
      transactions: [{ response_code: 'INSUFFICIENT_FUNDS' }],
    });
  });

  it('pays an alternative method by its type alone', async () => {
    order = { ...order, country: 'BR', amount: { currency: 'BRL', value: 50 } };
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const answer = await pay(handlers, { checkoutSession, paymentMethodType: 'PIX' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({ status: 'READY_TO_PAY', amount: { currency: 'BRL', value: 50 } });
  });

  describe('one hop with server tokenization', () => {
    it('creates exactly one token and one payment at Yuno', async () => {
      const handlers = routes({ serverTokenization: true });
      const { checkoutSession } = await startCheckout(handlers);
      sandbox.clearRequests();
      const answer = await pay(handlers, {
        checkoutSession,
        card: card(),
        browserInfo: { user_agent: 'vitest' },
      });
      expect(answer.status, answer.text).toBe(201);
      expect(answer.body).toMatchObject({ status: 'SUCCEEDED', amount: { currency: 'USD', value: 120.5 } });
      expect(answer.text).not.toContain(APPROVED);
      expect(tokenRequests()).toBe(1);
      expect(paymentRequests()).toBe(1);
      expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /v1/checkout/sessions/${checkoutSession}`,
        `POST /v1/checkout/sessions/${checkoutSession}/token`,
        'POST /v1/payments',
      ]);
    });

    it('replays the attempt without tokenizing again', async () => {
      const handlers = routes({ serverTokenization: true });
      const { checkoutSession } = await startCheckout(handlers);
      const key = crypto.randomUUID();
      const first = await pay(handlers, { checkoutSession, card: card() }, key);
      const again = await pay(handlers, { checkoutSession, card: card() }, key);
      expect(again.status, again.text).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.status).toBe('SUCCEEDED');
      expect(tokenRequests()).toBe(1);
      expect(sandbox.listPayments()).toHaveLength(1);
    });

    it('answers CHECKOUT_SESSION_NOT_FOUND for a new attempt on a paid session', async () => {
      const handlers = routes({ serverTokenization: true });
      const { checkoutSession } = await startCheckout(handlers);
      await pay(handlers, { checkoutSession, card: card() });
      const answer = await pay(handlers, { checkoutSession, card: card() });
      expect(expectError(answer, 400, 'CHECKOUT_SESSION_NOT_FOUND')).toEqual(['The checkout session was already used']);
      expect(tokenRequests()).toBe(1);
    });

    it('passes the tokenizer’s refusal through without the card number', async () => {
      const handlers = routes({ serverTokenization: true });
      const { checkoutSession } = await startCheckout(handlers);
      const answer = await pay(handlers, { checkoutSession, card: card('4111111111111112') });
      expectError(answer, 400, 'INVALID_PARAMETERS');
      expect(answer.text).not.toContain('4111111111111112');
      expect(paymentRequests()).toBe(0);
    });
  });
});

describe('GET /payments/{id}', () => {
  it('asks authorize with the payment id alone, before Yuno, and answers a refusal like an unknown id', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const created = await pay(handlers, { checkoutSession, oneTimeToken: await sdkToken(checkoutSession) });
    const paymentId = created.body.id as string;
    const asked: Array<Omit<YunoAuthorizeContext, 'request'>> = [];
    const guarded = routes({
      authorize: ({ request: _request, ...rest }) => {
        asked.push(rest);
        // Yuno has not been called when authorize is asked.
        return sandbox.requests.length === 0;
      },
    });
    sandbox.clearRequests();
    const answer = await call(guarded, 'GET', `/payments/${paymentId}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ id: paymentId, status: 'SUCCEEDED' });
    expect(asked).toEqual([{ action: 'payment', paymentId }]);
    expect(sandbox.countRequests({ method: 'GET', path: `/v1/payments/${paymentId}` })).toBe(1);

    sandbox.clearRequests();
    const refused = routes({ authorize: () => false });
    const denied = await call(refused, 'GET', `/payments/${paymentId}`);
    const unknown = await call(refused, 'GET', '/payments/p-unknown');
    expect(denied.status).toBe(404);
    expect(denied.body).toEqual({ code: 'NOT_FOUND', messages: ['Not Found'] });
    expect(unknown.text).toBe(denied.text);
    expect(sandbox.requests).toEqual([]);
  });

  it('passes PAYMENT_NOT_FOUND through when the caller may read any id', async () => {
    expectError(await call(routes(open), 'GET', '/payments/p-unknown'), 400, 'PAYMENT_NOT_FOUND');
  });
});

describe('private by default: the binding cookie', () => {
  const NOT_FOUND = { code: 'NOT_FOUND', messages: ['Not Found'] };
  const SECRET = 'a-binding-secret-of-32-characters!';

  /** A checkout started and paid by `browser`, the default shopper. */
  async function paidCheckout(handlers: YunoRouteHandlers) {
    const { checkoutSession } = await startCheckout(handlers);
    const paid = await pay(handlers, { checkoutSession, oneTimeToken: await sdkToken(checkoutSession) });
    expect(paid.status, paid.text).toBe(201);
    return { checkoutSession, paymentId: paid.body.id as string };
  }

  /** The binding cookie `Set-Cookie` of an answer, split into its value and its attributes. */
  function bindingCookie(answer: Answer): { value: string; attributes: string[] } {
    const lines = answer.headers.getSetCookie();
    expect(lines).toHaveLength(1);
    const [pair = '', ...attributes] = (lines[0] ?? '').split(';').map((part) => part.trim());
    expect(pair.startsWith('yuno_binding=')).toBe(true);
    return { value: pair.slice('yuno_binding='.length), attributes };
  }

  it('answers the browser that started the checkout: methods, payment and its status', async () => {
    const handlers = routes();
    const { checkoutSession, paymentId } = await paidCheckout(handlers);
    const methods = await call(handlers, 'GET', `/checkout-sessions/${checkoutSession}/payment-methods`);
    expect(methods.status, methods.text).toBe(200);
    const first = await call(handlers, 'GET', `/payments/${paymentId}`);
    const again = await call(handlers, 'GET', `/payments/${paymentId}`);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ id: paymentId, status: 'SUCCEEDED', checkout: { session: checkoutSession } });
    expect(again.status).toBe(200);
  });

  it('answers a stranger holding the ids exactly like an unknown id, with no call to Yuno', async () => {
    const handlers = routes();
    const { checkoutSession, paymentId } = await paidCheckout(handlers);
    const stranger = new CookieJar();
    const strangerStarted = await startCheckoutIn(handlers, stranger);
    const { checkoutSession: fresh } = await startCheckout(handlers);
    const freshToken = await sdkToken(fresh);
    sandbox.clearRequests();

    const answers = [
      await call(handlers, 'GET', `/payments/${paymentId}`, { jar: stranger }),
      await call(handlers, 'GET', `/checkout-sessions/${checkoutSession}/payment-methods`, { jar: stranger }),
      await call(handlers, 'POST', '/payments', {
        jar: stranger,
        json: { checkoutSession: fresh, oneTimeToken: freshToken },
        headers: { 'x-idempotency-key': crypto.randomUUID() },
      }),
      await call(handlers, 'POST', '/checkout-sessions', {
        jar: stranger,
        json: { previousCheckoutSession: checkoutSession },
      }),
      await call(handlers, 'GET', '/payments/p-unknown', { jar: stranger }),
      await call(handlers, 'GET', '/checkout-sessions/cs-unknown/payment-methods', { jar: stranger }),
      await call(handlers, 'GET', '/payments/p-unknown'),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(404);
      expect(answer.body).toEqual(NOT_FOUND);
      expect(answer.text).toBe(answers[0]?.text);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.listPayments()).toHaveLength(1);
    // The stranger's own checkout still answers the stranger.
    const own = await call(handlers, 'GET', `/checkout-sessions/${strangerStarted}/payment-methods`, { jar: stranger });
    expect(own.status).toBe(200);
  });

  async function startCheckoutIn(handlers: YunoRouteHandlers, jar: CookieJar): Promise<string> {
    const answer = await call(handlers, 'POST', '/checkout-sessions', { json: {}, jar });
    expect(answer.status, answer.text).toBe(201);
    return answer.body.checkoutSession as string;
  }

  it('binds customer sessions to their browser too', async () => {
    const handlers = routes();
    const started = await call(handlers, 'POST', '/customer-sessions', { json: {} });
    expect(started.status, started.text).toBe(201);
    const customerSession = started.body.customer_session as string;
    const stranger = new CookieJar();
    sandbox.clearRequests();
    const methods = await call(handlers, 'GET', `/customer-sessions/${customerSession}/payment-methods`, {
      jar: stranger,
    });
    const enrollment = await call(handlers, 'POST', `/customer-sessions/${customerSession}/enrollments`, {
      jar: stranger,
      json: {},
      headers: { 'x-idempotency-key': crypto.randomUUID() },
    });
    expect(methods.body).toEqual(NOT_FOUND);
    expect(enrollment.body).toEqual(NOT_FOUND);
    expect(sandbox.requests).toEqual([]);
    const own = await call(handlers, 'GET', `/customer-sessions/${customerSession}/payment-methods`);
    expect(own.status).toBe(200);
  });

  it('treats a tampered cookie as no binding', async () => {
    const handlers = routes();
    const { paymentId } = await paidCheckout(handlers);
    const value = browser.cookies.get('yuno_binding') ?? '';
    const [payload = '', signature = ''] = value.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const claimed = Buffer.from(JSON.stringify({ c: [['cs-x', [paymentId]]], u: [] })).toString('base64url');
    const tampered = [
      `${payload}.${flipped}`,
      `${claimed}.${signature}`,
      `${payload}.`,
      payload,
      `${payload}.${signature}x`,
      `${payload.slice(1)}.${signature}`,
      'not a cookie',
    ];
    sandbox.clearRequests();
    for (const forged of tampered) {
      const jar = new CookieJar();
      jar.cookies.set('yuno_binding', forged);
      const answer = await call(handlers, 'GET', `/payments/${paymentId}`, { jar });
      expect(answer.status, forged).toBe(404);
      expect(answer.body).toEqual(NOT_FOUND);
    }
    expect(sandbox.requests).toEqual([]);
    // A cookie of another server (another secret) binds nothing either.
    const other = routes({ bindingSecret: SECRET });
    expect((await call(other, 'GET', `/payments/${paymentId}`)).status).toBe(404);
    expect(sandbox.requests).toEqual([]);
    expect((await call(handlers, 'GET', `/payments/${paymentId}`)).status).toBe(200);
  });

  it('issues an HttpOnly, SameSite=Lax cookie scoped to the routes, Secure over https', async () => {
    const plain = bindingCookie(await call(routes(), 'POST', '/checkout-sessions', { json: {} }));
    expect(plain.value).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(plain.attributes).toEqual(['Path=/api/yuno', 'Max-Age=86400', 'HttpOnly', 'SameSite=Lax']);

    const https = await call(routes(), 'POST', '/checkout-sessions', {
      json: {},
      jar: new CookieJar(),
      base: 'https://shop.test/api/yuno',
    });
    expect(bindingCookie(https).attributes).toEqual([
      'Path=/api/yuno',
      'Max-Age=86400',
      'HttpOnly',
      'SameSite=Lax',
      'Secure',
    ]);
    const proxied = await call(routes(), 'POST', '/checkout-sessions', {
      json: {},
      jar: new CookieJar(),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(bindingCookie(proxied).attributes).toContain('Secure');

    const mounted = await call(routes({ basePath: '/shop/pay' }), 'POST', '/checkout-sessions', {
      json: {},
      jar: new CookieJar(),
      base: 'http://shop.test/shop/pay',
    });
    expect(bindingCookie(mounted).attributes[0]).toBe('Path=/shop/pay');
  });

  it('adds each payment to the cookie, and keeps the cookie small by dropping the oldest sessions', async () => {
    const handlers = routes();
    const { checkoutSession, paymentId } = await paidCheckout(handlers);
    const sessions = [checkoutSession];
    for (let i = 0; i < 14; i++) sessions.push((await startCheckout(handlers)).checkoutSession);
    const cookie = `yuno_binding=${browser.cookies.get('yuno_binding') ?? ''}`;
    expect(cookie.length).toBeLessThan(3072);
    const payload = JSON.parse(Buffer.from(cookie.split('=')[1]?.split('.')[0] ?? '', 'base64url').toString()) as {
      c: Array<[string, string[]]>;
    };
    expect(payload.c.map(([cs]) => cs)).toEqual(sessions.slice(-10));
    sandbox.clearRequests();
    expect((await call(handlers, 'GET', `/payments/${paymentId}`)).body).toEqual(NOT_FOUND);
    expect((await call(handlers, 'GET', `/checkout-sessions/${checkoutSession}/payment-methods`)).status).toBe(404);
    expect(sandbox.requests).toEqual([]);
    expect((await call(handlers, 'GET', `/checkout-sessions/${sessions.at(-1)}/payment-methods`)).status).toBe(200);
  });

  it('shares bindings between instances with the same bindingSecret, and refuses a short one', async () => {
    const first = routes({ bindingSecret: SECRET });
    const second = routes({ bindingSecret: SECRET });
    const { paymentId } = await paidCheckout(first);
    const answer = await call(second, 'GET', `/payments/${paymentId}`);
    expect(answer.status, answer.text).toBe(200);
    expect(() => routes({ bindingSecret: 'short' })).toThrow(/bindingSecret must be a string of at least 32/);
  });

  it('leaves ownership to authorize when given: no cookie, authorize asked before Yuno', async () => {
    const asked: Array<Omit<YunoAuthorizeContext, 'request'>> = [];
    const handlers = routes({
      authorize: ({ request: _request, ...rest }) => {
        asked.push(rest);
        return rest.checkoutSession !== 'cs-theirs';
      },
    });
    const started = await call(handlers, 'POST', '/checkout-sessions', { json: {} });
    expect(started.status).toBe(201);
    expect(started.headers.getSetCookie()).toEqual([]);
    sandbox.clearRequests();
    const refused = await call(handlers, 'GET', '/checkout-sessions/cs-theirs/payment-methods');
    expect(refused.body).toEqual(NOT_FOUND);
    expect(sandbox.requests).toEqual([]);
    expect(asked).toEqual([{ action: 'startCheckout' }, { action: 'paymentMethods', checkoutSession: 'cs-theirs' }]);
  });
});

describe('customer sessions and enrollment', () => {
  it('starts a customer session for resolveCheckout’s customer and an enrollment in it', async () => {
    const handlers = routes();
    const started = await call(handlers, 'POST', '/customer-sessions', { json: {} });
    expect(started.status, started.text).toBe(201);
    expect(started.body).toMatchObject({
      customer_session: expect.any(String),
      customer_id: expect.any(String),
      country: 'US',
    });
    const customerSession = started.body.customer_session as string;

    const methods = await call(handlers, 'GET', `/customer-sessions/${customerSession}/payment-methods`);
    expect(methods.status).toBe(200);
    expect(methods.body).toEqual([expect.objectContaining({ type: 'CARD' })]);

    const key = crypto.randomUUID();
    const enrollment = await call(handlers, 'POST', `/customer-sessions/${customerSession}/enrollments`, {
      json: { paymentMethodType: 'CARD' },
      headers: { 'x-idempotency-key': key },
    });
    expect(enrollment.status, enrollment.text).toBe(201);
    expect(enrollment.body).toMatchObject({ status: 'READY_TO_ENROLL', type: 'CARD' });
    const again = await call(handlers, 'POST', `/customer-sessions/${customerSession}/enrollments`, {
      json: {},
      headers: { 'x-idempotency-key': key },
    });
    expect(again.body.id).toBe(enrollment.body.id);
  });

  it('uses resolveCustomer when given, and refuses guests with 403', async () => {
    const withCustomer = routes({ resolveCustomer: () => ({ merchant_customer_id: 'shopper-2', country: 'CO' }) });
    const started = await call(withCustomer, 'POST', '/customer-sessions', { json: {} });
    expect(started.status, started.text).toBe(201);
    expect(started.body.country).toBe('CO');

    sandbox.clearRequests();
    const guest = routes({ resolveCustomer: () => null });
    expectError(await call(guest, 'POST', '/customer-sessions', { json: {} }), 403, 'AUTHORIZATION_REQUIRED');
    expect(sandbox.requests).toEqual([]);
  });

  it('requires X-Idempotency-Key to start an enrollment', async () => {
    const answer = await call(routes(), 'POST', '/customer-sessions/cus-1/enrollments', { json: {} });
    expectError(answer, 400, 'MISSING_PARAMETERS');
    expect(sandbox.requests).toEqual([]);
  });

  it('passes Yuno’s errors through', async () => {
    const key = { 'x-idempotency-key': crypto.randomUUID() };
    expectError(
      await call(routes(open), 'POST', '/customer-sessions/cus-unknown/enrollments', { json: {}, headers: key }),
      400,
      'NOT_FOUND',
    );
    expectError(await call(routes(open), 'GET', '/customer-sessions/cus-unknown/payment-methods'), 400, 'NOT_FOUND');
  });
});

describe('failures between the server and Yuno', () => {
  afterEach(() => sandbox.faults.clear());

  it('answers a Yuno 5xx with 502 UPSTREAM_ERROR and reports it to onError', async () => {
    const errors: unknown[] = [];
    const handlers = routes({ onError: (error) => errors.push(error) });
    const { checkoutSession } = await startCheckout(handlers);
    sandbox.faults.inject({ type: 'status', status: 500, match: { path: '/v1/checkout/sessions/*/payment-methods' } });
    const answer = await call(handlers, 'GET', `/checkout-sessions/${checkoutSession}/payment-methods`);
    const [message] = expectError(answer, 502, 'UPSTREAM_ERROR');
    expect(message).toMatch(/HTTP 500 INTERNAL_ERROR; retry$/);
    // A read takes no idempotency key: the advice does not mention one.
    expect(message).not.toMatch(/key/);
    expect(errors).toHaveLength(1);
    expect(isYunoError(errors[0])).toBe(true);
  });

  it('tells the browser to retry with the same key only on a route that takes one (payments)', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    sandbox.faults.inject({ type: 'status', status: 500, times: 3, match: { method: 'POST', path: '/v1/payments' } });
    const answer = await call(handlers, 'POST', '/payments', {
      json: { checkoutSession, oneTimeToken: 'ott-1', paymentMethodType: 'CARD' },
      headers: { 'x-idempotency-key': crypto.randomUUID() },
    });
    expect(expectError(answer, 502, 'UPSTREAM_ERROR')[0]).toMatch(/; retry with the same key$/);
  });

  it('answers a Yuno 504 with 504 REQUEST_TIMEOUT', async () => {
    const handlers = routes(open);
    sandbox.faults.inject({ type: 'status', status: 504, match: { path: '/v1/payments/*' } });
    expectError(await call(handlers, 'GET', '/payments/p-1'), 504, 'REQUEST_TIMEOUT');
  });

  it('answers a call that gets no answer in time with 504 REQUEST_TIMEOUT', async () => {
    const impatient: YunoServerClient = createYunoServerClient({
      ...sandbox.credentials,
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
      retry: false,
      timeoutMs: 50,
    });
    const handlers = createYunoRouteHandlers({ client: impatient, resolveCheckout: () => order, ...open });
    sandbox.faults.inject({ type: 'timeout', match: { path: '/v1/payments/*' } });
    expectError(await call(handlers, 'GET', '/payments/p-1'), 504, 'REQUEST_TIMEOUT');
  });

  it('answers a network failure and a malformed answer with 502 UPSTREAM_ERROR', async () => {
    const handlers = routes(open);
    sandbox.faults.inject({ type: 'network', times: 1, match: { path: '/v1/payments/*' } });
    expectError(await call(handlers, 'GET', '/payments/p-1'), 502, 'UPSTREAM_ERROR');
    sandbox.faults.inject({
      type: 'malformed_json',
      times: 1,
      match: { method: 'POST', path: '/v1/checkout/sessions' },
    });
    expectError(await call(handlers, 'POST', '/checkout-sessions', { json: {} }), 502, 'UPSTREAM_ERROR');
  });

  it('recovers a payment whose answer was lost when the browser retries the attempt', async () => {
    const handlers = routes();
    const { checkoutSession } = await startCheckout(handlers);
    const oneTimeToken = await sdkToken(checkoutSession);
    const key = crypto.randomUUID();
    sandbox.faults.inject({ type: 'malformed_json', times: 1, match: { method: 'POST', path: '/v1/payments' } });
    expectError(await pay(handlers, { checkoutSession, oneTimeToken }, key), 502, 'UPSTREAM_ERROR');
    const retried = await pay(handlers, { checkoutSession, oneTimeToken }, key);
    expect(retried.status).toBe(201);
    expect(retried.body.status).toBe('SUCCEEDED');
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('recovers a one-hop payment whose answer was lost', async () => {
    const handlers = routes({ serverTokenization: true });
    const { checkoutSession } = await startCheckout(handlers);
    const key = crypto.randomUUID();
    sandbox.faults.inject({ type: 'malformed_json', times: 1, match: { method: 'POST', path: '/v1/payments' } });
    expectError(await pay(handlers, { checkoutSession, card: card() }, key), 502, 'UPSTREAM_ERROR');
    const retried = await pay(handlers, { checkoutSession, card: card() }, key);
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body).toMatchObject({ id: sandbox.listPayments()[0]?.id, status: 'SUCCEEDED' });
    expect(tokenRequests()).toBe(1);
  });

  it('passes Yuno’s 401 for wrong credentials through', async () => {
    const wrong = createYunoServerClient({
      ...sandbox.credentials,
      privateSecretKey: 'sandbox_sk_wrong',
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
      retry: false,
    });
    const handlers = createYunoRouteHandlers({ client: wrong, resolveCheckout: () => order, ...open });
    expectError(await call(handlers, 'GET', '/payments/p-1'), 401, 'INVALID_CREDENTIALS');
  });

  it('answers 500 when a hook throws, without its message', async () => {
    const handlers = routes({
      authorize: () => {
        throw new Error('database down: 4507990000000002');
      },
    });
    const answer = await call(handlers, 'POST', '/checkout-sessions', { json: {} });
    expectError(answer, 500, 'INTERNAL_ERROR');
    expect(answer.text).not.toContain('database');
  });
});

describe('toNodeHandler', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void) {
    server = createServer(listener);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('serves the routes from a plain Node http server', async () => {
    const handlers = routes();
    const origin = await listen(toNodeHandler(handlers.handle));
    const started = await fetch(`${origin}/api/yuno/checkout-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(201);
    expect(started.headers.get('content-type')).toMatch(/application\/json/);
    const { checkoutSession } = (await started.json()) as { checkoutSession: string };
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const paid = await fetch(`${origin}/api/yuno/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': crypto.randomUUID(), cookie },
      body: JSON.stringify({ checkoutSession, oneTimeToken: await sdkToken(checkoutSession) }),
    });
    expect(paid.status).toBe(201);
    expect(await paid.json()).toMatchObject({ status: 'SUCCEEDED' });

    const malformed = await fetch(`${origin}/api/yuno/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': 'k-1' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('takes a body a parser already read and the URL before an Express mount path', async () => {
    const handler = toNodeHandler(routes().handle);
    const origin = await listen(async (req, res) => {
      // What express.json() and app.use('/api/yuno', …) leave behind: the stream read, req.body parsed, req.url cut.
      let text = '';
      for await (const chunk of req) text += String(chunk);
      const expressReq = Object.assign(req, { body: JSON.parse(text) as unknown, originalUrl: req.url });
      expressReq.url = req.url!.replace('/api/yuno', '');
      await handler(expressReq, res);
    });
    const started = await fetch(`${origin}/api/yuno/checkout-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(started.status).toBe(201);
    expect(await started.json()).toMatchObject({ merchantOrderId: 'order-1001' });
  });

  it('hands unexpected failures to Express’s next', async () => {
    const failures: unknown[] = [];
    const handler = toNodeHandler(() => Promise.reject(new Error('boom')));
    const origin = await listen((req, res) => {
      void handler(req, res, (error) => {
        failures.push(error);
        res.statusCode = 418;
        res.end();
      });
    });
    expect((await fetch(`${origin}/api/yuno/payments/p-1`)).status).toBe(418);
    expect(failures).toEqual([new Error('boom')]);
  });
});
