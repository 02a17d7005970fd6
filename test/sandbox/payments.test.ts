import { describe, expect, it } from 'vitest';
import { PaymentSchema } from 'yuno-react/core';
import { CancelOrRefundResponseSchema, PaymentListSchema } from 'yuno-react/server';
import { at, createKit, expectYunoError, uniqueId } from './kit';

describe('create and retrieve payments', () => {
  it('answers Create with 201, transactions as one object, and Retrieve wrapped in { payment } with an array', async () => {
    const { payWithCard, api } = createKit();
    const { payment, result, session, token } = await payWithCard('4507990000000002');
    expect(result.status).toBe(201);
    expect(at(result.body, 'transactions', 'type')).toBe('PURCHASE');
    expect(Array.isArray(at(result.body, 'transactions'))).toBe(false);
    expect(Array.isArray(at(result.body, 'transactions_history'))).toBe(true);
    expect(payment).toMatchObject({
      status: 'SUCCEEDED',
      checkout: { session: session.checkout_session, sdk_action_required: false },
      payment_method: { type: 'CARD', token: token.token, vaulted_token: '' },
      amount: { currency: 'USD', value: 120, captured: 120, refunded: 0 },
    });

    const retrieved = await api('GET', `/v1/payments/${payment.id}`);
    expect(retrieved.status).toBe(200);
    expect(Object.keys(retrieved.body as object)).toEqual(['payment']);
    expect(Array.isArray(at(retrieved.body, 'payment', 'transactions'))).toBe(true);
    expect(PaymentSchema.parse(retrieved.body)).toMatchObject({ id: payment.id, status: 'SUCCEEDED' });
    expect(retrieved.text).not.toContain('4507990000000002');
    expectYunoError(await api('GET', '/v1/payments/00000000-0000-4000-8000-000000000000'), 400, 'PAYMENT_NOT_FOUND');
  });

  it('lists the payments of an order as an array', async () => {
    const { payWithCard, api } = createKit();
    const { payment, session } = await payWithCard('4507990000000010');
    const result = await api('GET', `/v1/payments?merchant_order_id=${encodeURIComponent(session.merchant_order_id)}`);
    expect(result.status).toBe(200);
    expect(PaymentListSchema.parse(result.body).map((p) => [p.id, p.status])).toEqual([[payment.id, 'DECLINED']]);
    expect((await api('GET', '/v1/payments?merchant_order_id=none')).body).toEqual([]);
    expectYunoError(await api('GET', '/v1/payments'), 400, 'MISSING_PARAMETERS');
  });

  it('allows one payment per checkout session', async () => {
    const { createSession, createToken, card, paymentBody, postPayment } = createKit();
    const session = await createSession();
    const first = await createToken(session.checkout_session, card('4507990000000010'));
    const second = await createToken(session.checkout_session, card('4507990000000002'));
    expect((await postPayment(paymentBody(session, { type: 'CARD', token: first.token }))).status).toBe(201);
    const again = await postPayment(paymentBody(session, { type: 'CARD', token: second.token }));
    expect(expectYunoError(again, 400, 'CHECKOUT_SESSION_NOT_FOUND')).toEqual([
      'The checkout session was already used',
    ]);
  });

  it('refuses to pay an expired session', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit({
      checkoutSessionTtlMs: 1_000,
    });
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    await sandbox.advanceTime(1_000);
    const result = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }));
    expect(expectYunoError(result, 400, 'CHECKOUT_SESSION_NOT_FOUND')).toEqual(['The checkout session has expired']);
  });

  it("refuses an amount or currency other than the session's", async () => {
    const { createSession, createToken, card, paymentBody, postPayment } = createKit();
    const session = await createSession({ value: 120, currency: 'USD' });
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const method = { type: 'CARD', token: token.token };
    expectYunoError(
      await postPayment(paymentBody(session, method, { amount: { currency: 'USD', value: 1 } })),
      400,
      'INVALID_AMOUNT',
    );
    expectYunoError(
      await postPayment(paymentBody(session, method, { amount: { currency: 'EUR', value: 120 } })),
      400,
      'INVALID_AMOUNT',
    );
  });

  it('requires checkout.session for SDK workflows and a token for card payments', async () => {
    const { createSession, paymentBody, postPayment } = createKit();
    const session = await createSession();
    const { checkout: _checkout, ...withoutSession } = paymentBody(session, { type: 'CARD', token: 'x' });
    expect(expectYunoError(await postPayment(withoutSession), 400, 'MISSING_PARAMETERS').join()).toContain(
      'checkout.session',
    );
    const noToken = await postPayment(paymentBody(session, { type: 'CARD' }));
    expect(expectYunoError(noToken, 400, 'MISSING_PARAMETERS').join()).toContain('payment_method.token');
  });

  it('authorizes without capturing when detail.card.capture is false', async () => {
    const { createSession, createToken, card, paymentBody, postPayment } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const result = await postPayment(
      paymentBody(session, { type: 'CARD', token: token.token, detail: { card: { capture: false } } }),
    );
    const payment = PaymentSchema.parse(result.body);
    expect(payment).toMatchObject({ status: 'PENDING', sub_status: 'AUTHORIZED', amount: { captured: 0 } });
    expect(at(result.body, 'transactions', 'type')).toBe('AUTHORIZE');
  });
});

describe('idempotency', () => {
  it('requires X-Idempotency-Key on Create Payment', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const result = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), null);
    expect(expectYunoError(result, 400, 'MISSING_PARAMETERS').join()).toContain('X-Idempotency-Key');
    expect(sandbox.listPayments()).toEqual([]);
  });

  it('replays the original answer for the same key: one payment, identical status and body', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4507990000000028'));
    const key = uniqueId('idem');
    const body = paymentBody(session, { type: 'CARD', token: token.token });
    const first = await postPayment(body, key);
    const second = await postPayment(body, key);
    // The body of a replay is ignored, even an invalid one.
    const third = await postPayment({ nonsense: true }, key);
    expect(first.status).toBe(201);
    expect(at(first.body, 'status')).toBe('DECLINED');
    expect([second.status, third.status]).toEqual([201, 201]);
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('answers REQUEST_IN_PROCESS while the first request with the key is still processing', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit({
      paymentProcessingMs: 400,
    });
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const key = uniqueId('idem');
    const body = paymentBody(session, { type: 'CARD', token: token.token });
    const first = postPayment(body, key);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const during = await postPayment(body, key);
    expectYunoError(during, 400, 'REQUEST_IN_PROCESS');
    const created = await first;
    expect(created.status).toBe(201);
    const after = await postPayment(body, key);
    expect(after.text).toBe(created.text);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('answers IDEMPOTENCY_DUPLICATED for a key whose first request failed a business rule', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const key = uniqueId('idem');
    const unknownToken = await postPayment(paymentBody(session, { type: 'CARD', token: 'unknown-token' }), key);
    expectYunoError(unknownToken, 400, 'INVALID_TOKEN');
    const retry = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key);
    expectYunoError(retry, 400, 'IDEMPOTENCY_DUPLICATED');
    expect(sandbox.listPayments()).toEqual([]);
    // A new key is a new attempt.
    expect((await postPayment(paymentBody(session, { type: 'CARD', token: token.token }))).status).toBe(201);
  });

  it('does not use up a key when the body is rejected by validation', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4111111111111111'));
    const key = uniqueId('idem');
    const { amount: _amount, ...withoutAmount } = paymentBody(session, { type: 'CARD', token: token.token });
    expectYunoError(await postPayment(withoutAmount, key), 400, 'MISSING_PARAMETERS');
    expectYunoError(
      await postPayment({ ...withoutAmount, amount: session.amount, account_id: 'other' }, key),
      400,
      'INVALID_ACCOUNT_ID',
    );
    const valid = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key);
    expect(valid.status).toBe(201);
    expect(sandbox.listPayments()).toHaveLength(1);
  });
});

describe('cancel or refund', () => {
  it('refunds a succeeded payment (201 REFUND transaction) and marks it REFUNDED', async () => {
    const { payWithCard, api } = createKit();
    const { payment } = await payWithCard('4507990000000002');
    const result = await api(
      'POST',
      `/v1/payments/${payment.id}/cancel-or-refund`,
      { reason: 'REQUESTED_BY_CUSTOMER', description: 'Returned', merchant_reference: 'ref-1' },
      { 'X-Idempotency-Key': uniqueId('idem') },
    );
    expect(result.status).toBe(201);
    const refund = CancelOrRefundResponseSchema.parse(result.body);
    expect(refund).toMatchObject({
      type: 'REFUND',
      status: 'SUCCEEDED',
      response_code: 'SUCCEEDED',
      merchant_reference: 'ref-1',
      amount: { currency: 'USD', value: 120, refunded: 120 },
      payment: { id: payment.id, status: 'REFUNDED' },
    });
    const retrieved = PaymentSchema.parse((await api('GET', `/v1/payments/${payment.id}`)).body);
    expect(retrieved).toMatchObject({ status: 'REFUNDED', sub_status: 'REFUNDED', amount: { refunded: 120 } });
    expect(retrieved.transactions?.map((t) => t.type)).toEqual(['PURCHASE', 'REFUND']);
  });

  it('refunds in parts, refusing more than what is left', async () => {
    const { payWithCard, api } = createKit();
    const { payment } = await payWithCard('4111111111111111');
    const refund = (value: number) =>
      api(
        'POST',
        `/v1/payments/${payment.id}/cancel-or-refund`,
        { amount: { currency: 'USD', value } },
        { 'X-Idempotency-Key': uniqueId('idem') },
      );
    expect(at((await refund(20)).body, 'payment', 'sub_status')).toBe('PARTIALLY_REFUNDED');
    expectYunoError(await refund(101), 400, 'INVALID_AMOUNT');
    expect(at((await refund(100)).body, 'payment', 'status')).toBe('REFUNDED');
    expectYunoError(await refund(1), 400, 'INVALID_STATUS');
  });

  it('cancels a payment not yet captured (CANCEL transaction) and refuses finished ones', async () => {
    const { payWithMethod, payWithCard, api, sandbox } = createKit();
    const { payment } = await payWithMethod('PIX', 'BR', 'BRL');
    const key = uniqueId('idem');
    const result = await api(
      'POST',
      `/v1/payments/${payment.id}/cancel-or-refund`,
      { reason: 'DUPLICATE' },
      { 'X-Idempotency-Key': key },
    );
    expect(result.status).toBe(201);
    expect(CancelOrRefundResponseSchema.parse(result.body)).toMatchObject({
      type: 'CANCEL',
      payment: { status: 'CANCELED' },
    });
    expect(sandbox.getPayment(payment.id)?.status).toBe('CANCELED');
    const replay = await api(
      'POST',
      `/v1/payments/${payment.id}/cancel-or-refund`,
      { reason: 'DUPLICATE' },
      { 'X-Idempotency-Key': key },
    );
    expect(replay.text).toBe(result.text);

    const declined = await payWithCard('4507990000000010');
    expectYunoError(
      await api(
        'POST',
        `/v1/payments/${declined.payment.id}/cancel-or-refund`,
        {},
        { 'X-Idempotency-Key': uniqueId('idem') },
      ),
      400,
      'INVALID_STATUS',
    );
    // Yuno requires no idempotency key here: without one the request is processed (and refused on its merits).
    expectYunoError(
      await api('POST', `/v1/payments/${declined.payment.id}/cancel-or-refund`, {}),
      400,
      'INVALID_STATUS',
    );
    expectYunoError(
      await api('POST', '/v1/payments/unknown/cancel-or-refund', {}, { 'X-Idempotency-Key': uniqueId('idem') }),
      400,
      'PAYMENT_NOT_FOUND',
    );
  });
});
