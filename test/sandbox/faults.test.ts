import { describe, expect, it } from 'vitest';
import { CustomerSchema } from 'yuno-react/core';
import { createKit, expectYunoError, uniqueId } from './kit';

const customerBody = () => ({ merchant_customer_id: uniqueId('shopper') });

describe('faults', () => {
  it('status: answers the status with Yuno’s error body, as many times as asked', async () => {
    const { api, sandbox } = createKit();
    const remove = sandbox.faults.inject({
      type: 'status',
      status: 503,
      times: 2,
      match: { method: 'POST', path: '/v1/customers' },
    });
    expectYunoError(await api('POST', '/v1/customers', customerBody()), 503, 'INTERNAL_ERROR');
    // Another method on the same path is not matched.
    expectYunoError(await api('GET', '/v1/customers?merchant_customer_id=x'), 400, 'CUSTOMER_NOT_FOUND');
    expectYunoError(await api('POST', '/v1/customers', customerBody()), 503, 'INTERNAL_ERROR');
    expect((await api('POST', '/v1/customers', customerBody())).status).toBe(201);
    remove();

    sandbox.faults.inject({ type: 'status', status: 500, code: 'INTERNAL_ERROR', messages: ['Boom'] });
    const result = await api('GET', '/v1/payments/x');
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ code: 'INTERNAL_ERROR', messages: ['Boom'] });
    sandbox.faults.clear();
    expectYunoError(await api('GET', '/v1/payments/x'), 400, 'PAYMENT_NOT_FOUND');
  });

  it('is removed by the function inject returns', async () => {
    const { api, sandbox } = createKit();
    const remove = sandbox.faults.inject({ type: 'status', status: 500 });
    expect((await api('GET', '/v1/customers/x')).status).toBe(500);
    remove();
    expect((await api('GET', '/v1/customers/x')).status).toBe(400);
  });

  it('latency: delays the answer by the given real time', async () => {
    const { api, sandbox } = createKit();
    sandbox.faults.inject({ type: 'latency', ms: 150, times: 1 });
    const started = performance.now();
    const result = await api('POST', '/v1/customers', customerBody());
    expect(result.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    const fast = performance.now();
    await api('POST', '/v1/customers', customerBody());
    expect(performance.now() - fast).toBeLessThan(145);
  });

  it('timeout: never answers, and rejects with an AbortError once the request is aborted', async () => {
    const { sandbox, auth } = createKit();
    sandbox.faults.inject({ type: 'timeout', match: { path: /^\/v1\/payments\// } });
    const controller = new AbortController();
    let settled = false;
    const pending = sandbox.fetch('/v1/payments/p-1', { headers: auth, signal: controller.signal }).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(sandbox.requests.at(-1)).toMatchObject({ path: '/v1/payments/p-1', status: 0 });
    // Other paths are not affected.
    expect((await sandbox.fetch('/v1/customers/c-1', { headers: auth })).status).toBe(400);
  });

  it('rejects at once when the request was aborted before it was sent', async () => {
    const { sandbox } = createKit();
    const controller = new AbortController();
    controller.abort();
    await expect(sandbox.fetch('/v1/customers/x', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('network: rejects like a failed fetch', async () => {
    const { api, sandbox } = createKit();
    sandbox.faults.inject({ type: 'network', times: 1 });
    await expect(api('POST', '/v1/customers', customerBody())).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(sandbox.requests.at(-1)?.status).toBe(0);
    expect((await api('POST', '/v1/customers', customerBody())).status).toBe(201);
  });

  it('malformed_json: the real answer, cut half-way, after the work was done', async () => {
    const { sandbox, createSession, createToken, card, paymentBody, postPayment } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    sandbox.faults.inject({ type: 'malformed_json', times: 1, match: { path: '/v1/payments' } });
    const key = uniqueId('idem');
    const result = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key);
    expect(result.status).toBe(201);
    expect(result.body).toBeUndefined();
    expect(() => JSON.parse(result.text)).toThrow();
    expect(sandbox.listPayments()).toHaveLength(1);
    // Retrying with the same key gets the complete original answer.
    const replay = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key);
    expect(result.text.length).toBeLessThan(replay.text.length);
    expect(replay.text.startsWith(result.text)).toBe(true);
  });

  it('extra_fields: the real answer plus unexpected fields, in objects and array items', async () => {
    const { api, sandbox, payWithCard, createSession } = createKit();
    const { payment } = await payWithCard('4111111111111111');
    sandbox.faults.inject({ type: 'extra_fields' });
    const retrieved = await api('GET', `/v1/payments/${payment.id}`);
    expect(retrieved.body).toMatchObject({ payment: { id: payment.id }, sandbox_unexpected_field: 'sandbox' });
    const created = await api('POST', '/v1/customers', customerBody());
    expect(created.status).toBe(201);
    expect(CustomerSchema.parse(created.body)).toMatchObject({ sandbox_unexpected_object: { nested: true } });
    sandbox.faults.clear();
    const session = await createSession();
    sandbox.faults.inject({ type: 'extra_fields' });
    const methods = await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`);
    expect(
      (methods.body as Array<Record<string, unknown>>).every((m) => m.sandbox_unexpected_object !== undefined),
    ).toBe(true);
  });

  it('missing_fields: the real answer without the named top-level fields', async () => {
    const { api, sandbox } = createKit();
    sandbox.faults.inject({ type: 'missing_fields', fields: ['id', 'created_at'], times: 1 });
    const result = await api('POST', '/v1/customers', customerBody());
    expect(result.status).toBe(201);
    expect(result.body).not.toHaveProperty('id');
    expect(result.body).not.toHaveProperty('created_at');
    expect(result.body).toHaveProperty('merchant_customer_id');
  });

  it('never touches the control routes, so a test can always clear faults', async () => {
    const { api, sandbox } = createKit();
    sandbox.faults.inject({ type: 'network' });
    expect((await api('GET', '/_sandbox/requests')).status).toBe(200);
    expect((await api('DELETE', '/_sandbox/faults')).status).toBe(200);
    expect((await api('POST', '/v1/customers', customerBody())).status).toBe(201);
  });

  it('can be injected over HTTP, with * standing for one path segment', async () => {
    const { api, createSession } = createKit();
    const session = await createSession();
    const injected = await api('POST', '/_sandbox/faults', {
      type: 'status',
      status: 502,
      code: 'BAD_GATEWAY',
      match: { method: 'GET', path: '/v1/checkout/sessions/*/payment-methods' },
    });
    expect(injected.status).toBe(200);
    expectYunoError(
      await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`),
      502,
      'BAD_GATEWAY',
    );
    expect((await api('GET', `/v1/checkout/sessions/${session.checkout_session}`)).status).toBe(200);
    await api('DELETE', '/_sandbox/faults');
    expect((await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`)).status).toBe(200);

    expectYunoError(await api('POST', '/_sandbox/faults', { type: 'explode' }), 400, 'INVALID_PARAMETERS');
    expectYunoError(await api('POST', '/_sandbox/faults', { type: 'latency' }), 400, 'MISSING_PARAMETERS');
    expectYunoError(
      await api('POST', '/_sandbox/faults', { type: 'missing_fields', fields: 'id' }),
      400,
      'INVALID_PARAMETERS',
    );
  });
});

describe('latencyMs', () => {
  it('slows every /v1 answer but not the sandbox routes', async () => {
    const { api } = createKit({ latencyMs: 150 });
    let started = performance.now();
    await api('GET', '/v1/customers/x');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    started = performance.now();
    await api('GET', '/_sandbox/requests');
    expect(performance.now() - started).toBeLessThan(145);
  });
});
