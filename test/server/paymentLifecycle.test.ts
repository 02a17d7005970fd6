import { beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, type YunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();

interface Sent {
  method: string;
  path: string;
  key: string | null;
  body: unknown;
}
let sent: Sent[] = [];

const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const text = request.method === 'GET' ? '' : await request.clone().text();
  sent.push({
    method: request.method,
    path: new URL(request.url).pathname,
    key: request.headers.get('x-idempotency-key'),
    body: text ? (JSON.parse(text) as unknown) : undefined,
  });
  return sandbox.fetch(request);
};

function client(retry: false | { retries: number; minDelayMs: number; maxDelayMs: number } = false): YunoServerClient {
  return createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: recordingFetch, retry });
}

let yuno: YunoServerClient;
beforeEach(() => {
  sandbox.reset();
  sent = [];
  yuno = client();
});

const CARD = { number: '4111111111111111', expiration_month: 11, expiration_year: 30, security_code: '123' };
let seq = 0;

async function authorized(value = 300) {
  seq += 1;
  const payment = await yuno.payments.create({
    description: 'Client lifecycle test',
    country: 'US',
    merchant_order_id: `order-${seq}`,
    amount: { currency: 'USD', value },
    workflow: 'DIRECT',
    payment_method: { type: 'CARD', detail: { card: { capture: false, card_data: { ...CARD, holder_name: 'Jo' } } } },
  });
  return { payment, authorize: payment.transactions!.find((t) => t.type === 'AUTHORIZE')!.id };
}

const last = () => sent.at(-1)!;

describe('lifecycle methods of the server client', () => {
  it('posts to Yuno’s per-transaction paths with a generated idempotency key on every write', async () => {
    const { payment, authorize } = await authorized();
    expect(last().key).toMatch(/^[0-9a-f-]{36}$/);

    const capture = await yuno.payments.capture(payment.id, authorize, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: 300 },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(last()).toMatchObject({
      method: 'POST',
      path: `/v1/payments/${payment.id}/transactions/${authorize}/capture`,
    });
    expect(last().key).toMatch(/^[0-9a-f-]{36}$/);

    await yuno.payments.refund(payment.id, capture.id, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: 10 },
    });
    expect(last().path).toBe(`/v1/payments/${payment.id}/transactions/${capture.id}/refund`);
    expect(last().key).toMatch(/^[0-9a-f-]{36}$/);

    await yuno.payments.cancelOrRefundTransaction(payment.id, capture.id, {}, { idempotencyKey: 'mine-1' });
    expect(last()).toMatchObject({
      path: `/v1/payments/${payment.id}/transactions/${capture.id}/cancel-or-refund`,
      key: 'mine-1',
    });

    const other = await authorized();
    await yuno.payments.cancel(other.payment.id, other.authorize, { merchant_reference: 'ref' });
    expect(last().path).toBe(`/v1/payments/${other.payment.id}/transactions/${other.authorize}/cancel`);

    await yuno.tokens.create({ card_data: { ...CARD, holder_name: 'John Doe' } });
    expect(last()).toMatchObject({ path: '/v1/tokens', body: { account_id: sandbox.credentials.accountId } });
    expect(last().key).toMatch(/^[0-9a-f-]{36}$/);

    await yuno.threeDSecureSetups.create({ type: 'MERCHANT_PROVIDED', browser_info: { user_agent: 'vitest' } });
    expect(last()).toMatchObject({
      path: '/v1/three-d-secure/setups',
      body: { account_id: sandbox.credentials.accountId },
    });
    expect(last().key).toMatch(/^[0-9a-f-]{36}$/);
    const keys = sent.filter((s) => s.method === 'POST').map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sends an amount written as a numeric string as a number', async () => {
    const { payment, authorize } = await authorized();
    await yuno.payments.capture(payment.id, authorize, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: '120.5' },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(last().body).toMatchObject({ amount: { currency: 'USD', value: 120.5 } });

    await yuno.payments.create({
      description: 'String amount',
      country: 'US',
      merchant_order_id: 'order-string',
      amount: { currency: 'USD', value: '20000' },
      workflow: 'DIRECT',
      payment_method: { type: 'CARD', token: null, detail: { card: { card_data: { ...CARD, holder_name: 'Jo' } } } },
    });
    expect(last().body).toMatchObject({ amount: { value: 20000 }, payment_method: { token: null } });
  });

  it('reuses its key when it retries a capture, so the capture happens once', async () => {
    const { payment, authorize } = await authorized();
    const retrying = client({ retries: 2, minDelayMs: 1, maxDelayMs: 2 });
    sandbox.faults.inject({
      type: 'status',
      status: 503,
      times: 1,
      match: { method: 'POST', path: '/v1/payments/*/transactions/*/capture' },
    });
    const capture = await retrying.payments.capture(payment.id, authorize, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: 100 },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(capture.type).toBe('CAPTURE');
    const attempts = sent.filter((s) => s.path.endsWith('/capture'));
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.key).toBeTruthy();
    expect(attempts[1]!.key).toBe(attempts[0]!.key);
  });

  it('refuses bodies Yuno’s schemas reject before sending, naming fields only', async () => {
    const { payment, authorize } = await authorized();
    const count = sent.length;
    await expect(
      yuno.payments.capture(payment.id, authorize, { amount: { currency: 'USD', value: 1 }, reason: 'X' } as never),
    ).rejects.toThrow(/payments\.capture got an invalid body at merchant_reference/);
    await expect(
      yuno.payments.capture(payment.id, authorize, {
        merchant_reference: 'ref',
        amount: { currency: 'USD', value: 'ten' },
        reason: 'PRODUCT_CONFIRMED',
      }),
    ).rejects.toThrow(/amount\.value/);
    await expect(yuno.payments.refund(payment.id, authorize, {} as never)).rejects.toThrow(/merchant_reference/);
    await expect(yuno.payments.cancel(payment.id, '', { merchant_reference: 'ref' })).rejects.toThrow(/transactionId/);
    await expect(
      yuno.tokens.create({ card_data: { ...CARD, number: '4111 1111', holder_name: 'Jo' } }),
    ).rejects.toThrow(/card_data\.number/);
    await expect(
      yuno.tokens.create({ card_data: { ...CARD, number: '4111 1111', holder_name: 'Jo' } }),
    ).rejects.not.toThrow(/4111/);
    await expect(
      yuno.payments.refund(payment.id, authorize, { merchant_reference: 'r' }, { idempotencyKey: ' ' }),
    ).rejects.toThrow(/idempotencyKey/);
    expect(sent.length).toBe(count);
  });

  it('encodes ids so that they cannot reach another endpoint', async () => {
    const error = await yuno.payments.cancel('a/b', 'c?d', { merchant_reference: 'ref' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    expect(last().path).toBe('/v1/payments/a%2Fb/transactions/c%3Fd/cancel');
  });
});
