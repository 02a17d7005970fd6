import { beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoRouteHandlers, createYunoServerClient, type YunoRouteHandlers } from 'yuno-react/server';
import { isWellFormedString } from '../../src/core/wellFormed';

const sandbox = createYunoSandbox();
const client = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});
const BASE = 'http://shop.test/api/yuno';
/** JSON escapes that parse to lone surrogates: a high one alone, a low one alone, two high ones. */
const LONE = ['\\ud800', '\\udfff', 'cs-\\ud83d\\ud83d'];

let errors: unknown[] = [];
let handlers: YunoRouteHandlers;
beforeEach(() => {
  sandbox.reset();
  errors = [];
  handlers = createYunoRouteHandlers({
    client,
    serverTokenization: true,
    resolveCheckout: () => ({
      merchantOrderId: 'order-1',
      description: 'Order 1',
      country: 'US',
      amount: { currency: 'USD', value: 10 },
    }),
    onError: (error) => errors.push(error),
  });
});

async function post(path: string, raw: string, headers: Record<string, string> = {}) {
  const response = await handlers.handle(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': 'k-1', ...headers },
      body: raw,
    }),
  );
  return { status: response.status, body: (await response.json()) as { code: string; messages: string[] } };
}

describe('ids that are not well-formed Unicode', () => {
  it('isWellFormedString tells lone surrogates from pairs, with and without the native method', () => {
    const samples = ['cs-1', '\u{1F600}', '\ud800', '\udfff', 'a\ud83d\ud83db', '\udc00\ud800'];
    expect(samples.map(isWellFormedString)).toEqual([true, true, false, false, false, false]);
    const native = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
    expect(native).toBeDefined();
    // The fallback (older engines): the same answers without String.prototype.isWellFormed.
    delete (String.prototype as { isWellFormed?: unknown }).isWellFormed;
    try {
      expect(samples.map(isWellFormedString)).toEqual([true, true, false, false, false, false]);
    } finally {
      Object.defineProperty(String.prototype, 'isWellFormed', native as PropertyDescriptor);
    }
  });

  it.each(LONE)('POST /payments with checkoutSession "%s" → 400 INVALID_REQUEST, nothing sent to Yuno', async (id) => {
    const answer = await post('/payments', `{"checkoutSession":"${id}","oneTimeToken":"t-1"}`);
    expect(answer).toEqual({
      status: 400,
      body: {
        code: 'INVALID_REQUEST',
        messages: ['Invalid parameter: checkoutSession is not well-formed Unicode text'],
      },
    });
    expect(sandbox.requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('POST /checkout-sessions with previousCheckoutSession "\\ud800" → 400 INVALID_REQUEST', async () => {
    const answer = await post('/checkout-sessions', '{"previousCheckoutSession":"\\ud800"}');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 'INVALID_REQUEST',
      messages: ['Invalid parameter: previousCheckoutSession is not well-formed Unicode text'],
    });
    expect(sandbox.requests).toEqual([]);
  });

  it('a lone surrogate deeper in a body is named by its path', async () => {
    const answer = await post(
      '/payments',
      '{"checkoutSession":"cs-1","oneTimeToken":"t-1","customerPayer":{"first_name":"A\\udc00"}}',
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        code: 'INVALID_REQUEST',
        messages: ['Invalid parameter: customerPayer.first_name is not well-formed Unicode text'],
      },
    });
    expect(sandbox.requests).toEqual([]);
  });

  it.each([
    ['GET', '/checkout-sessions/%ED%A0%80/payment-methods'],
    ['GET', '/payments/%ED%A0%80'],
    ['GET', '/payments/pay-%ED%B0%80'],
    ['GET', '/customer-sessions/%ED%A0%80/payment-methods'],
    ['POST', '/checkout-sessions/%ED%A0%80/token'],
    ['POST', '/customer-sessions/%ED%A0%80/enrollments'],
    ['GET', '/payments/%ZZ'],
  ])('%s %s (a path id that does not decode to text) → 400 INVALID_REQUEST', async (method, path) => {
    const response = await handlers.handle(
      new Request(`${BASE}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-idempotency-key': 'k-1' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'INVALID_REQUEST',
      messages: ['The path is not valid percent-encoded UTF-8'],
    });
    expect(sandbox.requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['payments.retrieve', () => client.payments.retrieve('\ud800')],
    ['checkoutSessions.retrieve', () => client.checkoutSessions.retrieve('cs-\udfff')],
    ['checkoutSessions.paymentMethods', () => client.checkoutSessions.paymentMethods('\ud800')],
    ['customers.retrieve', () => client.customers.retrieve('\ud800')],
    ['customers.retrieveByMerchantCustomerId', () => client.customers.retrieveByMerchantCustomerId('u-\ud800')],
    ['payments.retrieveByMerchantOrderId', () => client.payments.retrieveByMerchantOrderId('o-\ud800')],
    ['customerPaymentMethods.unenroll', () => client.customerPaymentMethods.unenroll('cus-1', '\ud800')],
    ['customerSessions.enrollablePaymentMethods', () => client.customerSessions.enrollablePaymentMethods('\ud800')],
  ])('the server client refuses a lone surrogate in %s with a TypeError, sending nothing', async (call, run) => {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(new RegExp(`^createYunoServerClient: ${call} got a \\w+ that is not`));
    expect(sandbox.requests).toEqual([]);
  });

  it('the server client refuses a body or an idempotency key with a lone surrogate', async () => {
    await expect(
      client.checkoutSessions.create({
        merchant_order_id: 'o-\ud800',
        payment_description: 'x',
        country: 'US',
        amount: { currency: 'USD', value: 1 },
      }),
    ).rejects.toThrow(
      new TypeError(
        'createYunoServerClient: checkoutSessions.create got a body with text that is not well-formed Unicode at merchant_order_id',
      ),
    );
    await expect(client.payments.cancelOrRefund('pay-1', {}, { idempotencyKey: 'k-\ud800' })).rejects.toThrow(
      TypeError,
    );
    expect(sandbox.requests).toEqual([]);
  });
});
