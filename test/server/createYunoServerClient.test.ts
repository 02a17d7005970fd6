import { beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, isPaymentMethodEnabled, type YunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();

interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}
let sent: Sent[] = [];

/** Forwards to the sandbox and keeps what the client sent, to check headers and bodies on the wire. */
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const text = request.method === 'GET' ? '' : await request.clone().text();
  sent.push({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  });
  return sandbox.fetch(request);
};

let yuno: YunoServerClient;
beforeEach(() => {
  sandbox.reset();
  sent = [];
  yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: recordingFetch,
    retry: false,
  });
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++seq}`;

async function newSession(options: { customerId?: string; value?: number } = {}) {
  return yuno.checkoutSessions.create({
    merchant_order_id: unique('order'),
    payment_description: 'Server client test',
    country: 'US',
    amount: { currency: 'USD', value: options.value ?? 120 },
    ...(options.customerId ? { customer_id: options.customerId } : {}),
  });
}

async function cardToken(checkoutSession: string, number = '4507990000000002', vaultOnSuccess = false) {
  return yuno.checkoutSessions.createOneTimeToken(checkoutSession, {
    payment_method: {
      type: 'CARD',
      vault_on_success: vaultOnSuccess,
      card: { number, expiration_month: 11, expiration_year: 30, security_code: '123', holder_name: 'Ada Lovelace' },
    },
  });
}

describe('customers', () => {
  it('creates a customer and retrieves it by id and by merchant_customer_id', async () => {
    const merchantCustomerId = unique('shopper');
    const created = await yuno.customers.create({
      merchant_customer_id: merchantCustomerId,
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      country: 'US',
    });
    expect(created).toMatchObject({
      merchant_customer_id: merchantCustomerId,
      first_name: 'Ada',
      email: 'ada@example.com',
    });
    expect(created.id).toEqual(expect.any(String));

    await expect(yuno.customers.retrieve(created.id)).resolves.toMatchObject({ id: created.id });
    await expect(yuno.customers.retrieveByMerchantCustomerId(merchantCustomerId)).resolves.toMatchObject({
      id: created.id,
    });
    const lookup = sent.at(-1)!;
    expect(new URL(lookup.url).pathname).toBe('/v1/customers');
    expect(new URL(lookup.url).searchParams.get('merchant_customer_id')).toBe(merchantCustomerId);
  });

  it('sends the body with a generated idempotency key and both API keys', async () => {
    await yuno.customers.create({ merchant_customer_id: unique('shopper') });
    const request = sent.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers.get('public-api-key')).toBe(sandbox.credentials.publicApiKey);
    expect(request.headers.get('private-secret-key')).toBe(sandbox.credentials.privateSecretKey);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('x-idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('escapes ids in paths so they cannot reach another endpoint', async () => {
    await expect(yuno.customers.retrieve('x/../../payments')).rejects.toMatchObject({ yunoCode: 'CUSTOMER_NOT_FOUND' });
    expect(new URL(sent.at(-1)!.url).pathname).toBe('/v1/customers/x%2F..%2F..%2Fpayments');
  });
});

describe('checkout sessions', () => {
  it('creates a session with account_id filled in and retrieves it', async () => {
    const session = await newSession();
    expect(sent.at(-1)!.body).toMatchObject({ account_id: sandbox.credentials.accountId, country: 'US' });
    expect(session.checkout_session).toEqual(expect.any(String));
    expect(session.amount).toEqual({ currency: 'USD', value: 120 });

    const retrieved = await yuno.checkoutSessions.retrieve(session.checkout_session);
    expect(retrieved).toMatchObject({ checkout_session: session.checkout_session, used: false });
  });

  it('lists payment methods, some of them disabled by their conditions', async () => {
    const session = await newSession();
    const methods = await yuno.checkoutSessions.paymentMethods(session.checkout_session);
    expect(methods.length).toBeGreaterThan(1);
    expect(methods.map((m) => m.type)).toContain('CARD');
    expect(methods.filter(isPaymentMethodEnabled).length).toBeLessThan(methods.length);
  });

  it('creates a one-time token that carries card data but never the full number', async () => {
    const session = await newSession();
    const token = await cardToken(session.checkout_session);
    expect(token.token).toEqual(expect.any(String));
    expect(token.type).toBe('CARD');
    expect(token.card_data).toMatchObject({ iin: expect.stringMatching(/^450799/), lfd: '0002' });
    expect(JSON.stringify(token)).not.toContain('4507990000000002');
  });
});

describe('payments', () => {
  it('creates a payment with a generated idempotency key and retrieves it by id and by order', async () => {
    const session = await newSession();
    const token = await cardToken(session.checkout_session);
    const payment = await yuno.payments.create({
      description: 'Server client test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type: 'CARD', token: token.token },
    });
    const request = sent.at(-1)!;
    expect(request.body).toMatchObject({ account_id: sandbox.credentials.accountId });
    expect(request.headers.get('x-idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
    expect(payment.transactions).toHaveLength(1);

    const retrieved = await yuno.payments.retrieve(payment.id);
    expect(retrieved).toMatchObject({ id: payment.id, status: 'SUCCEEDED' });
    expect(Array.isArray(retrieved.transactions)).toBe(true);

    const byOrder = await yuno.payments.retrieveByMerchantOrderId(session.merchant_order_id);
    expect(byOrder.map((p) => p.id)).toEqual([payment.id]);
  });

  it('sends the idempotency key it is given', async () => {
    const session = await newSession();
    const token = await cardToken(session.checkout_session);
    await yuno.payments.create(
      {
        description: 'Server client test',
        country: 'US',
        merchant_order_id: session.merchant_order_id,
        amount: { currency: 'USD', value: 120 },
        checkout: { session: session.checkout_session },
        payment_method: { token: token.token },
      },
      { idempotencyKey: 'order-42-attempt-1' },
    );
    expect(sent.at(-1)!.headers.get('x-idempotency-key')).toBe('order-42-attempt-1');
  });

  it('returns a decline as a payment, not an error', async () => {
    const session = await newSession();
    const token = await cardToken(session.checkout_session, '4507990000000010');
    const payment = await yuno.payments.create({
      description: 'Server client test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      payment_method: { type: 'CARD', token: token.token },
    });
    expect(payment).toMatchObject({ status: 'DECLINED', sub_status: 'DECLINED' });
    expect(payment.transactions?.[0]?.response_code).toBe('INSUFFICIENT_FUNDS');
  });

  it('refunds a succeeded payment with an idempotency key', async () => {
    const session = await newSession();
    const token = await cardToken(session.checkout_session);
    const payment = await yuno.payments.create({
      description: 'Server client test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      payment_method: { type: 'CARD', token: token.token },
    });
    const transaction = await yuno.payments.cancelOrRefund(payment.id, {
      reason: 'REQUESTED_BY_CUSTOMER',
      description: 'Returned',
    });
    expect(sent.at(-1)!.headers.get('x-idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(sent.at(-1)!.url).pathname).toBe(`/v1/payments/${payment.id}/cancel-or-refund`);
    expect(transaction.type).toBe('REFUND');
    await expect(yuno.payments.retrieve(payment.id)).resolves.toMatchObject({ status: 'REFUNDED' });
  });
});

describe('customer sessions and saved payment methods', () => {
  it('creates a customer session, lists what it can enroll and starts an enrollment', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper'), country: 'US' });
    const session = await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
    expect(sent.at(-1)!.body).toMatchObject({ account_id: sandbox.credentials.accountId });
    expect(session).toMatchObject({ customer_id: customer.id, country: 'US' });

    const enrollable = await yuno.customerSessions.enrollablePaymentMethods(session.customer_session);
    expect(enrollable.length).toBeGreaterThan(0);

    const enrollment = await yuno.customerSessions.enroll(
      session.customer_session,
      { payment_method_type: 'CARD', country: 'US' },
      { idempotencyKey: 'enroll-1' },
    );
    const request = sent.at(-1)!;
    expect(request.headers.get('x-idempotency-key')).toBe('enroll-1');
    expect(request.body).toMatchObject({ account_id: sandbox.credentials.accountId, payment_method_type: 'CARD' });
    expect(enrollment).toMatchObject({ status: 'READY_TO_ENROLL', type: 'CARD' });
  });

  it('lists a card vaulted on a successful payment and unenrolls it', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper'), country: 'US' });
    const session = await newSession({ customerId: customer.id });
    const token = await cardToken(session.checkout_session, '4507990000000002', true);
    const payment = await yuno.payments.create({
      description: 'Server client test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      customer_payer: { id: customer.id },
      payment_method: { type: 'CARD', token: token.token, vault_on_success: true },
    });
    expect(payment.status).toBe('SUCCEEDED');

    const saved = await yuno.customerPaymentMethods.list(customer.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'ENROLLED', type: 'CARD', card_data: { lfd: '0002' } });
    const vaultedToken = saved[0]!.vaulted_token!;

    const unenrolled = await yuno.customerPaymentMethods.unenroll(customer.id, vaultedToken);
    expect(sent.at(-1)!.headers.get('x-idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unenrolled.status).toBe('UNENROLLED');
    await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toEqual([]);
  });
});
