import { beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import {
  YUNO_ERROR_CODES,
  YunoError,
  createYunoServerClient,
  isYunoError,
  type YunoServerClientOptions,
} from 'yuno-react/server';

const sandbox = createYunoSandbox();

/** Every request that left the client, in order, with its idempotency key. */
let attempts: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
const countingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  attempts.push({
    method: request.method,
    path: new URL(request.url).pathname,
    idempotencyKey: request.headers.get('x-idempotency-key'),
  });
  // undici's Request follows the caller's signal only while the Request itself is alive; tie its life to that signal,
  // or a garbage collection during a `timeout` fault leaves the call hanging instead of timing out.
  init?.signal?.addEventListener('abort', () => request.signal, { once: true });
  return sandbox.fetch(request);
};
const attemptsAt = (method: string, path: string) => attempts.filter((a) => a.method === method && a.path === path);

function client(options: Partial<YunoServerClientOptions> = {}) {
  return createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: countingFetch,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

beforeEach(() => {
  sandbox.reset();
  attempts = [];
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++seq}`;

async function sessionAndToken(yuno: ReturnType<typeof client>, number = '4507990000000002') {
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: unique('order'),
    payment_description: 'Failure test',
    country: 'US',
    amount: { currency: 'USD', value: 120 },
  });
  const token = await yuno.checkoutSessions.createOneTimeToken(session.checkout_session, {
    payment_method: {
      type: 'CARD',
      vault_on_success: false,
      card: { number, expiration_month: 11, expiration_year: 30, security_code: '123', holder_name: 'Ada Lovelace' },
    },
  });
  return { session, token };
}

function paymentBody(session: { checkout_session: string; merchant_order_id: string }, token: string) {
  return {
    description: 'Failure test',
    country: 'US',
    merchant_order_id: session.merchant_order_id,
    amount: { currency: 'USD', value: 120 },
    checkout: { session: session.checkout_session },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type: 'CARD', token },
  };
}

async function rejection(promise: Promise<unknown>): Promise<YunoError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(isYunoError(error)).toBe(true);
  return error as YunoError;
}

describe('idempotency keys and retries', () => {
  it('retries a payment after a 503 with the same idempotency key and creates one payment', async () => {
    const yuno = client();
    const { session, token } = await sessionAndToken(yuno);
    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { method: 'POST', path: '/v1/payments' } });

    const payment = await yuno.payments.create(paymentBody(session, token.token));

    const posts = attemptsAt('POST', '/v1/payments');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.idempotencyKey).toBe(posts[0]!.idempotencyKey);
    expect(payment.status).toBe('SUCCEEDED');
    expect(sandbox.listPayments().filter((p) => p.merchant_order_id === session.merchant_order_id)).toHaveLength(1);
  });

  it('reuses a given key on retries, and a replay with it answers the original payment', async () => {
    const yuno = client();
    const { session, token } = await sessionAndToken(yuno);
    sandbox.faults.inject({
      type: 'status',
      status: 500,
      code: 'INTERNAL_ERROR',
      times: 2,
      match: { path: '/v1/payments' },
    });

    const first = await yuno.payments.create(paymentBody(session, token.token), { idempotencyKey: 'attempt-1' });
    const replay = await yuno.payments.create(paymentBody(session, token.token), { idempotencyKey: 'attempt-1' });

    expect(attemptsAt('POST', '/v1/payments').map((a) => a.idempotencyKey)).toEqual([
      'attempt-1',
      'attempt-1',
      'attempt-1',
      'attempt-1',
    ]);
    expect(replay.id).toBe(first.id);
    expect(sandbox.listPayments().filter((p) => p.merchant_order_id === session.merchant_order_id)).toHaveLength(1);
  });

  it('retries a payment whose first attempt timed out, with the same key', async () => {
    const yuno = client({ timeoutMs: 50 });
    const { session, token } = await sessionAndToken(yuno);
    sandbox.faults.inject({ type: 'timeout', times: 1, match: { method: 'POST', path: '/v1/payments' } });

    const payment = await yuno.payments.create(paymentBody(session, token.token));

    const posts = attemptsAt('POST', '/v1/payments');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.idempotencyKey).toBe(posts[0]!.idempotencyKey);
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('gives up after the configured retries and reports the key to retry with', async () => {
    const yuno = client();
    const { session, token } = await sessionAndToken(yuno);
    sandbox.faults.inject({ type: 'status', status: 503, match: { method: 'POST', path: '/v1/payments' } });

    const error = await rejection(yuno.payments.create(paymentBody(session, token.token)));

    expect(error).toMatchObject({ kind: 'http', status: 503, isRetryable: true });
    const posts = attemptsAt('POST', '/v1/payments');
    expect(posts).toHaveLength(3);
    expect(error.idempotencyKey).toBe(posts[0]!.idempotencyKey);
  });

  it('sends keys on cancel-or-refund, enroll and unenroll, reused on their retries', async () => {
    const yuno = client();
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper'), country: 'US' });
    const customerSession = await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
    sandbox.faults.inject({
      type: 'status',
      status: 502,
      times: 1,
      match: { method: 'POST', path: /\/payment-methods$/ },
    });
    await yuno.customerSessions.enroll(customerSession.customer_session, {
      payment_method_type: 'CARD',
      country: 'US',
    });
    const enrolls = attemptsAt('POST', `/v1/customers/sessions/${customerSession.customer_session}/payment-methods`);
    expect(enrolls).toHaveLength(2);
    expect(enrolls[0]!.idempotencyKey).toBeTruthy();
    expect(enrolls[1]!.idempotencyKey).toBe(enrolls[0]!.idempotencyKey);

    const { session, token } = await sessionAndToken(yuno);
    const payment = await yuno.payments.create(paymentBody(session, token.token));
    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { path: /cancel-or-refund$/ } });
    await yuno.payments.cancelOrRefund(payment.id, { reason: 'DUPLICATE' });
    const refunds = attemptsAt('POST', `/v1/payments/${payment.id}/cancel-or-refund`);
    expect(refunds).toHaveLength(2);
    expect(refunds[1]!.idempotencyKey).toBe(refunds[0]!.idempotencyKey);

    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { path: /unenroll$/ } });
    await rejection(yuno.customerPaymentMethods.unenroll(customer.id, 'no-such-method'));
    const unenrolls = attempts.filter((a) => a.path.endsWith('/unenroll'));
    expect(unenrolls).toHaveLength(2);
    expect(unenrolls[0]!.idempotencyKey).toBeTruthy();
    expect(unenrolls[1]!.idempotencyKey).toBe(unenrolls[0]!.idempotencyKey);
  });

  it('retries reads on 5xx', async () => {
    const yuno = client();
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper') });
    sandbox.faults.inject({ type: 'status', status: 500, times: 2, match: { method: 'GET' } });
    await expect(yuno.customers.retrieve(customer.id)).resolves.toMatchObject({ id: customer.id });
    expect(attemptsAt('GET', `/v1/customers/${customer.id}`)).toHaveLength(3);
  });
});

describe('creates carry an idempotency key and are retried with it, creating once', () => {
  it('retries customers.create on a 503 with the same key: one customer', async () => {
    const yuno = client();
    const merchantCustomerId = unique('shopper');
    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { method: 'POST', path: '/v1/customers' } });
    const customer = await yuno.customers.create({ merchant_customer_id: merchantCustomerId });
    const tries = attemptsAt('POST', '/v1/customers');
    expect(tries).toHaveLength(2);
    expect(tries[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(tries[1]!.idempotencyKey).toBe(tries[0]!.idempotencyKey);
    await expect(yuno.customers.retrieveByMerchantCustomerId(merchantCustomerId)).resolves.toMatchObject({
      id: customer.id,
    });
  });

  it('replays the first answer when a create is sent again with its key', async () => {
    const yuno = client();
    const body = { merchant_customer_id: unique('shopper') };
    const first = await yuno.customers.create(body, { idempotencyKey: 'create-once' });
    // Without the key this would be CUSTOMER_ID_DUPLICATED: the key makes the second call the same attempt.
    await expect(yuno.customers.create(body, { idempotencyKey: 'create-once' })).resolves.toEqual(first);
    await expect(yuno.customers.create(body)).rejects.toMatchObject({ yunoCode: 'CUSTOMER_ID_DUPLICATED' });
  });

  it('retries checkoutSessions.create, customerSessions.create and createOneTimeToken with their keys', async () => {
    const yuno = client();
    sandbox.faults.inject({ type: 'status', status: 500, times: 1, match: { path: '/v1/checkout/sessions' } });
    const session = await yuno.checkoutSessions.create({
      merchant_order_id: unique('order'),
      payment_description: 'Failure test',
      country: 'US',
      amount: { currency: 'USD', value: 120 },
    });
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper') });
    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { path: '/v1/customers/sessions' } });
    await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
    sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { path: /\/token$/ } });
    await yuno.checkoutSessions.createOneTimeToken(session.checkout_session, { payment_method: { type: 'PAYPAL' } });
    for (const path of [
      '/v1/checkout/sessions',
      '/v1/customers/sessions',
      `/v1/checkout/sessions/${session.checkout_session}/token`,
    ]) {
      const tries = attemptsAt('POST', path);
      expect(tries, path).toHaveLength(2);
      expect(tries[1]!.idempotencyKey, path).toBe(tries[0]!.idempotencyKey);
    }
  });

  it('retries checkoutSessions.create after a timeout with the same key', async () => {
    const yuno = client({ timeoutMs: 50 });
    sandbox.faults.inject({ type: 'timeout', times: 1, match: { path: '/v1/checkout/sessions' } });
    await yuno.checkoutSessions.create({
      merchant_order_id: unique('order'),
      payment_description: 'x-test',
      country: 'US',
    });
    const tries = attemptsAt('POST', '/v1/checkout/sessions');
    expect(tries).toHaveLength(2);
    expect(tries[1]!.idempotencyKey).toBe(tries[0]!.idempotencyKey);
  });
});

describe('4xx answers', () => {
  it('are not retried, even for reads and keyed writes', async () => {
    const yuno = client();
    const error = await rejection(yuno.payments.retrieve('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ kind: 'http', status: 400, yunoCode: 'PAYMENT_NOT_FOUND', isRetryable: false });
    expect(attempts).toHaveLength(1);

    const { session, token } = await sessionAndToken(yuno);
    attempts = [];
    const declined = await rejection(
      yuno.payments.create({ ...paymentBody(session, token.token), amount: { currency: 'USD', value: 99 } }),
    );
    expect(declined).toMatchObject({ status: 400, yunoCode: 'INVALID_AMOUNT' });
    expect(attemptsAt('POST', '/v1/payments')).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it("rejects with code 'timeout' when Yuno does not answer in time", async () => {
    const yuno = client({ timeoutMs: 40, retry: false });
    sandbox.faults.inject({ type: 'timeout', match: { method: 'GET' } });
    const started = Date.now();
    const error = await rejection(yuno.customers.retrieve('any-customer'));
    expect(error).toMatchObject({
      kind: 'timeout',
      method: 'GET',
      path: '/v1/customers/any-customer',
      isRetryable: true,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries a read that timed out, then reports the timeout', async () => {
    const yuno = client({ timeoutMs: 30 });
    sandbox.faults.inject({ type: 'timeout', match: { method: 'GET' } });
    const error = await rejection(yuno.customers.retrieve('any-customer'));
    expect(error.kind).toBe('timeout');
    expect(attempts).toHaveLength(3);
  });

  it('honours a per-call timeoutMs', async () => {
    const yuno = client({ retry: false });
    sandbox.faults.inject({ type: 'timeout', match: { method: 'GET' } });
    const error = await rejection(yuno.payments.retrieve('any-payment', { timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
  });

  it("rejects with code 'aborted' when the caller aborts, without retrying", async () => {
    const yuno = client();
    sandbox.faults.inject({ type: 'timeout', match: { method: 'GET' } });
    const controller = new AbortController();
    const pending = rejection(yuno.customers.retrieve('any-customer', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    expect(error).toMatchObject({ kind: 'aborted', isRetryable: false });
    expect(attempts).toHaveLength(1);
  });

  it("rejects with code 'aborted' for a signal that is already aborted", async () => {
    const yuno = client();
    const error = await rejection(yuno.payments.retrieve('any-payment', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
  });

  it("rejects with code 'network' when the connection fails, and retries reads", async () => {
    const yuno = client();
    sandbox.faults.inject({ type: 'network', match: { method: 'GET' } });
    const error = await rejection(yuno.customers.retrieve('any-customer'));
    expect(error.kind).toBe('network');
    expect(attempts).toHaveLength(3);
  });
});

describe('unexpected answers', () => {
  it("rejects malformed JSON with code 'invalid_response'", async () => {
    const yuno = client();
    sandbox.faults.inject({ type: 'malformed_json', match: { path: '/v1/customers' } });
    const error = await rejection(yuno.customers.create({ merchant_customer_id: unique('shopper') }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 201 });
  });

  it("rejects an answer without required fields with code 'invalid_response' naming them", async () => {
    const yuno = client();
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper') });
    sandbox.faults.inject({ type: 'missing_fields', fields: ['id'], match: { method: 'GET' } });
    const error = await rejection(yuno.customers.retrieve(customer.id));
    expect(error.kind).toBe('invalid_response');
    expect(error.issues.map((i) => i.path)).toContain('id');
  });

  it('accepts answers with fields it does not know', async () => {
    const yuno = client();
    sandbox.faults.inject({ type: 'extra_fields', match: { path: '/v1/customers' } });
    const customer = await yuno.customers.create({ merchant_customer_id: unique('shopper') });
    expect(customer.id).toEqual(expect.any(String));
  });
});

describe("Yuno's error codes", () => {
  const statusOf = (code: string) =>
    ({
      INVALID_CREDENTIALS: 401,
      EXPIRED_CREDENTIALS: 401,
      UNKNOWN_IP_ADDRESS: 401,
      INVALID_TOKEN: 401,
      TOKEN_IN_USE: 401,
      AUTHORIZATION_REQUIRED: 403,
      NOT_FOUND: 404,
      UNSUPPORTED_METHOD: 405,
      INTERNAL_ERROR: 500,
      REQUEST_TIMEOUT: 504,
    })[code] ?? 400;

  for (const code of YUNO_ERROR_CODES) {
    it(`${code} reaches YunoError.yunoCode with its status and messages`, async () => {
      const yuno = client({ retry: false });
      sandbox.faults.inject({
        type: 'status',
        status: statusOf(code),
        code,
        messages: [`Sandbox says ${code}`],
        match: { path: '/v1/checkout/sessions' },
      });
      const error = await rejection(
        yuno.checkoutSessions.create({
          merchant_order_id: unique('order'),
          payment_description: 'x-test',
          country: 'US',
        }),
      );
      expect(error).toBeInstanceOf(YunoError);
      expect(error).toMatchObject({
        kind: 'http',
        status: statusOf(code),
        yunoCode: code,
        messages: [`Sandbox says ${code}`],
      });
      expect(error.message).toContain(code);
    });
  }

  it('keeps card numbers echoed in Yuno messages out of the error', async () => {
    const yuno = client({ retry: false });
    sandbox.faults.inject({
      type: 'status',
      status: 400,
      code: 'INVALID_PARAMETERS',
      messages: ['Card 4507990000000002 with cvv 123 is invalid'],
      match: { path: '/v1/checkout/sessions' },
    });
    const error = await rejection(
      yuno.checkoutSessions.create({
        merchant_order_id: unique('order'),
        payment_description: 'x-test',
        country: 'US',
      }),
    );
    expect(JSON.stringify({ message: error.message, messages: error.messages, json: error.toJSON() })).not.toMatch(
      /4507990000000002|cvv 123/,
    );
  });

  it('reports the errors the sandbox itself produces', async () => {
    const yuno = client({ retry: false });
    const merchantCustomerId = unique('shopper');
    await yuno.customers.create({ merchant_customer_id: merchantCustomerId });
    await expect(yuno.customers.create({ merchant_customer_id: merchantCustomerId })).rejects.toMatchObject({
      yunoCode: 'CUSTOMER_ID_DUPLICATED',
    });
    await expect(yuno.customers.retrieveByMerchantCustomerId(unique('nobody'))).rejects.toMatchObject({
      yunoCode: 'CUSTOMER_NOT_FOUND',
    });
    await expect(yuno.checkoutSessions.retrieve('no-such-session')).rejects.toMatchObject({
      yunoCode: 'CHECKOUT_SESSION_NOT_FOUND',
    });

    const { session, token } = await sessionAndToken(yuno);
    await yuno.payments.create(paymentBody(session, token.token));
    const { session: other } = await sessionAndToken(yuno);
    await expect(yuno.payments.create(paymentBody(other, token.token))).rejects.toMatchObject({
      status: 400,
      yunoCode: 'INVALID_TOKEN',
    });

    const wrongKey = client({ retry: false, privateSecretKey: 'sandbox_sk_wrong' });
    await expect(wrongKey.customers.retrieve('any')).rejects.toMatchObject({
      status: 401,
      yunoCode: 'INVALID_CREDENTIALS',
    });

    const wrongAccount = client({ retry: false, accountId: '11111111-1111-4111-8111-111111111111' });
    await expect(
      wrongAccount.checkoutSessions.create({
        merchant_order_id: unique('order'),
        payment_description: 'x-test',
        country: 'US',
      }),
    ).rejects.toMatchObject({ status: 400, yunoCode: 'INVALID_ACCOUNT_ID' });
  });
});
