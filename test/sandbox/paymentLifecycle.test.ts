import { beforeEach, describe, expect, it } from 'vitest';
import { isYunoError, type Payment } from 'yuno-react/core';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

type Json = Record<string, unknown>;

const events: Json[] = [];
const sandbox = createYunoSandbox({
  webhooks: {
    onDelivery: ({ body }) => {
      events.push(JSON.parse(body) as Json);
    },
  },
});
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});

beforeEach(() => {
  sandbox.reset();
  events.length = 0;
});

let seq = 0;
const CARD = { number: '4111111111111111', expiration_month: 11, expiration_year: 30, security_code: '123' };

/** A DIRECT card payment: authorized only with `capture: false`, captured at once otherwise. */
async function directPayment(options: { value?: number; capture?: boolean; number?: string; currency?: string } = {}) {
  seq += 1;
  const currency = options.currency ?? 'USD';
  return yuno.payments.create({
    description: 'Lifecycle test',
    country: currency === 'COP' ? 'CO' : 'US',
    merchant_order_id: `order-${seq}`,
    amount: { currency, value: options.value ?? 300 },
    workflow: 'DIRECT',
    payment_method: {
      type: 'CARD',
      token: null,
      vaulted_token: null,
      detail: {
        card: {
          capture: options.capture ?? true,
          card_data: { ...CARD, number: options.number ?? CARD.number, holder_name: 'John Doe' },
        },
      },
    },
  });
}

function transactionOf(payment: Payment, type: string) {
  const tx = payment.transactions?.find((t) => t.type === type);
  if (!tx) throw new Error(`no ${type} transaction`);
  return tx;
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isYunoError(error)) throw new Error(`expected a YunoError, got ${String(error)}`);
  return error;
}

async function typeEvents() {
  await sandbox.flushWebhooks();
  return events.map((e) => {
    const payment = (e.data as Json).payment as Json;
    return [e.type_event, payment.status, payment.sub_status];
  });
}

describe('DIRECT card payments', () => {
  it('pays with card_data: the sandbox’s test cards decide as for tokenized cards, and no number is echoed', async () => {
    const approved = await directPayment();
    expect(approved).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED', workflow: 'DIRECT' });
    expect(approved.amount).toMatchObject({ value: 300, captured: 300, refunded: 0 });
    expect(approved.payment_method?.payment_method_detail?.card?.card_data).toMatchObject({
      iin: '41111111',
      lfd: '1111',
      brand: 'VISA',
    });
    expect(JSON.stringify(approved)).not.toContain(CARD.number);

    const declined = await directPayment({ number: '4507990000000010' });
    expect(declined).toMatchObject({ status: 'DECLINED', sub_status: 'DECLINED' });
    expect(transactionOf(declined, 'PURCHASE').response_code).toBe('INSUFFICIENT_FUNDS');
  });

  it('refuses card_data outside DIRECT and a number that is not a card, naming fields only', async () => {
    const outside = await rejection(
      yuno.payments.create({
        description: 'Not DIRECT',
        country: 'US',
        merchant_order_id: 'order-sdk',
        amount: { currency: 'USD', value: 10 },
        workflow: 'SDK_CHECKOUT',
        payment_method: { type: 'CARD', detail: { card: { card_data: { ...CARD, holder_name: 'Ada' } } } },
      }),
    );
    expect(outside.code).toBe('MISSING_PARAMETERS');

    const bad = await rejection(directPayment({ number: '4111111111111112' }));
    expect(bad.code).toBe('INVALID_PARAMETERS');
    expect(bad.message).toContain('payment_method.detail.card.card_data.number');
    expect(bad.message).not.toContain('4111111111111112');
  });

  it('reads an amount written as a numeric string as that number', async () => {
    const payment = await yuno.payments.create({
      description: 'String amount',
      country: 'US',
      merchant_order_id: 'order-string',
      amount: { currency: 'USD', value: '20000' },
      workflow: 'DIRECT',
      payment_method: { type: 'CARD', detail: { card: { card_data: { ...CARD, holder_name: 'John Doe' } } } },
    });
    expect(payment.amount).toMatchObject({ value: 20000, captured: 20000 });
  });

  it('pays with a card tokenized by the merchant (POST /v1/tokens), once', async () => {
    const { token, card_data } = await yuno.tokens.create({ card_data: { ...CARD, holder_name: 'John Doe' } });
    expect(card_data).toMatchObject({ iin: '41111111', lfd: '1111', brand: 'VISA', holder_name: 'John Doe' });
    const body = {
      description: 'Tokenized on the server',
      country: 'US',
      merchant_order_id: 'order-token',
      amount: { currency: 'USD', value: 50 },
      workflow: 'DIRECT',
      payment_method: { type: 'CARD', token },
    };
    expect(await yuno.payments.create(body)).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
    expect((await rejection(yuno.payments.create(body))).code).toBe('INVALID_TOKEN');
  });
});

describe('authorize, capture, refund, cancel', () => {
  it('authorizes with capture: false (payment.authorize), captures all (payment.capture), then refunds all', async () => {
    const payment = await directPayment({ capture: false, value: 300 });
    expect(payment).toMatchObject({ status: 'PENDING', sub_status: 'AUTHORIZED' });
    expect(payment.amount).toMatchObject({ captured: 0 });
    const authorize = transactionOf(payment, 'AUTHORIZE');

    const capture = await yuno.payments.capture(payment.id, authorize.id, {
      merchant_reference: 'ref-1',
      amount: { currency: 'USD', value: 300 },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(capture).toMatchObject({
      type: 'CAPTURE',
      status: 'SUCCEEDED',
      merchant_reference: 'ref-1',
      payment: { id: payment.id, status: 'SUCCEEDED', sub_status: 'CAPTURED' },
    });

    const refunded = await yuno.payments.refund(payment.id, capture.id, { merchant_reference: 'ref-2' });
    expect(refunded).toMatchObject({ status: 'REFUNDED', sub_status: 'REFUNDED' });
    expect(refunded.amount).toMatchObject({ captured: 300, refunded: 300 });
    expect(refunded.transactions?.at(-1)).toMatchObject({ type: 'REFUND', status: 'SUCCEEDED', amount: 300 });

    const retrieved = await yuno.payments.retrieve(payment.id);
    expect(retrieved.transactions?.map((t) => t.type)).toEqual(['AUTHORIZE', 'CAPTURE', 'REFUND']);
    expect(await typeEvents()).toEqual([
      ['payment.authorize', 'PENDING', 'AUTHORIZED'],
      ['payment.capture', 'SUCCEEDED', 'CAPTURED'],
      ['payment.refund', 'REFUNDED', 'REFUNDED'],
    ]);
    // Each webhook carries the payment as it was then, its latest transaction the one that changed it.
    const payments = events.map((e) => (e.data as Json).payment as Json);
    expect(payments.map((p) => p.amount)).toEqual([
      { currency: 'USD', value: 300, refunded: 0, captured: 0 },
      { currency: 'USD', value: 300, refunded: 0, captured: 300 },
      { currency: 'USD', value: 300, refunded: 300, captured: 300 },
    ]);
    expect(payments.map((p) => (p.transactions as Json).type)).toEqual(['AUTHORIZE', 'CAPTURE', 'REFUND']);
  });

  it('captures part of an authorization and refunds in parts up to the captured amount, refusing more', async () => {
    const payment = await directPayment({ capture: false, value: 300 });
    const authorize = transactionOf(payment, 'AUTHORIZE');
    const capture = await yuno.payments.capture(payment.id, authorize.id, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: '100' },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(capture.payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'PARTIALLY_CAPTURED' });
    expect((await yuno.payments.retrieve(payment.id)).amount).toMatchObject({ value: 300, captured: 100 });

    // A payment is captured once: the authorization is spent.
    const again = await rejection(
      yuno.payments.capture(payment.id, authorize.id, {
        merchant_reference: 'ref',
        amount: { currency: 'USD', value: 100 },
        reason: 'PRODUCT_CONFIRMED',
      }),
    );
    expect(again.code).toBe('INVALID_STATUS');

    const first = await yuno.payments.refund(payment.id, capture.id, {
      merchant_reference: 'r1',
      amount: { currency: 'USD', value: 40 },
    });
    expect(first).toMatchObject({ status: 'SUCCEEDED', sub_status: 'PARTIALLY_REFUNDED' });
    const second = await yuno.payments.refund(payment.id, capture.id, {
      merchant_reference: 'r2',
      amount: { currency: 'USD', value: 50 },
    });
    expect(second.amount).toMatchObject({ captured: 100, refunded: 90 });

    const tooMuch = await rejection(
      yuno.payments.refund(payment.id, capture.id, {
        merchant_reference: 'r3',
        amount: { currency: 'USD', value: 11 },
      }),
    );
    expect(tooMuch.code).toBe('INVALID_AMOUNT');
    expect(tooMuch.status).toBe(400);

    const rest = await yuno.payments.refund(payment.id, capture.id, { merchant_reference: 'r4' });
    expect(rest).toMatchObject({ status: 'REFUNDED', sub_status: 'REFUNDED' });
    expect(rest.amount).toMatchObject({ captured: 100, refunded: 100 });
    expect((await rejection(yuno.payments.refund(payment.id, capture.id, { merchant_reference: 'r5' }))).code).toBe(
      'INVALID_STATUS',
    );
  });

  it('refuses to capture more than authorized, in another currency, or a transaction that is not the authorization', async () => {
    const payment = await directPayment({ capture: false, value: 300 });
    const authorize = transactionOf(payment, 'AUTHORIZE');
    const body = { merchant_reference: 'ref', reason: 'PRODUCT_CONFIRMED' };
    expect(
      (
        await rejection(
          yuno.payments.capture(payment.id, authorize.id, { ...body, amount: { currency: 'USD', value: 301 } }),
        )
      ).code,
    ).toBe('INVALID_AMOUNT');
    expect(
      (
        await rejection(
          yuno.payments.capture(payment.id, authorize.id, { ...body, amount: { currency: 'EUR', value: 1 } }),
        )
      ).code,
    ).toBe('INVALID_AMOUNT');
    expect(
      (
        await rejection(
          yuno.payments.capture(payment.id, '00000000-0000-4000-8000-000000000000', {
            ...body,
            amount: { currency: 'USD', value: 1 },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');

    const captured = await directPayment();
    expect(
      (
        await rejection(
          yuno.payments.capture(captured.id, transactionOf(captured, 'PURCHASE').id, {
            ...body,
            amount: { currency: 'USD', value: 1 },
          }),
        )
      ).code,
    ).toBe('INVALID_STATUS');
    // Nothing changed on either payment.
    expect((await yuno.payments.retrieve(payment.id)).sub_status).toBe('AUTHORIZED');
  });

  it('cancels an authorization (payment.cancel) and refuses to cancel a captured payment', async () => {
    const payment = await directPayment({ capture: false });
    const authorize = transactionOf(payment, 'AUTHORIZE');
    const cancel = await yuno.payments.cancel(payment.id, authorize.id, {
      merchant_reference: 'ref',
      reason: 'REQUESTED_BY_CUSTOMER',
      description: 'Out of stock',
    });
    expect(cancel).toMatchObject({
      type: 'CANCEL',
      status: 'SUCCEEDED',
      payment: { status: 'CANCELED', sub_status: 'CANCELED' },
    });
    const afterCancel = await rejection(
      yuno.payments.capture(payment.id, authorize.id, {
        merchant_reference: 'ref',
        amount: { currency: 'USD', value: 1 },
        reason: 'PRODUCT_CONFIRMED',
      }),
    );
    expect(afterCancel.code).toBe('INVALID_STATUS');

    const captured = await directPayment();
    const refused = await rejection(
      yuno.payments.cancel(captured.id, transactionOf(captured, 'PURCHASE').id, { merchant_reference: 'ref' }),
    );
    expect(refused.code).toBe('INVALID_STATUS');
    expect((await yuno.payments.retrieve(captured.id)).status).toBe('SUCCEEDED');
    expect(await typeEvents()).toEqual([
      ['payment.authorize', 'PENDING', 'AUTHORIZED'],
      ['payment.cancel', 'CANCELED', 'CANCELED'],
      ['payment.purchase', 'SUCCEEDED', 'APPROVED'],
    ]);
  });

  it('cancels or refunds the transaction named: CANCEL for an authorization, REFUND for a capture', async () => {
    const authorized = await directPayment({ capture: false });
    const canceled = await yuno.payments.cancelOrRefundTransaction(
      authorized.id,
      transactionOf(authorized, 'AUTHORIZE').id,
      { reason: 'DUPLICATE' },
    );
    expect(canceled).toMatchObject({ type: 'CANCEL', payment: { status: 'CANCELED' } });

    const paid = await directPayment({ value: 200 });
    const purchase = transactionOf(paid, 'PURCHASE');
    const partial = await yuno.payments.cancelOrRefundTransaction(paid.id, purchase.id, {
      amount: { currency: 'USD', value: 50 },
    });
    expect(partial).toMatchObject({
      type: 'REFUND',
      payment: { status: 'SUCCEEDED', sub_status: 'PARTIALLY_REFUNDED' },
    });
    // The REFUND transaction is not one that can be refunded or canceled itself.
    expect((await rejection(yuno.payments.cancelOrRefundTransaction(paid.id, partial.id))).code).toBe('INVALID_STATUS');
    const rest = await yuno.payments.cancelOrRefundTransaction(paid.id, purchase.id);
    expect(rest).toMatchObject({ type: 'REFUND', payment: { status: 'REFUNDED' } });
    expect(rest.amount).toMatchObject({ value: 150 });
  });

  it('cancels or refunds a whole payment by its state after a partial capture', async () => {
    const payment = await directPayment({ capture: false, value: 300 });
    await yuno.payments.capture(payment.id, transactionOf(payment, 'AUTHORIZE').id, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: 120 },
      reason: 'PRODUCT_CONFIRMED',
    });
    const refund = await yuno.payments.cancelOrRefund(payment.id, {});
    expect(refund).toMatchObject({ type: 'REFUND', payment: { status: 'REFUNDED' } });
    expect(refund.amount).toMatchObject({ value: 120 });
  });
});

describe('authorization behind a 3DS challenge', () => {
  it('authorizes (not captures) a capture: false payment once the challenge passes, and captures it then', async () => {
    const payment = await directPayment({ capture: false, number: '4916994064252017', value: 80 });
    expect(payment).toMatchObject({ status: 'PENDING', sub_status: 'WAITING_ADDITIONAL_STEP' });
    const authorized = await sandbox.completeThreeDSecure(payment.id, '1234');
    expect(authorized).toMatchObject({ status: 'PENDING', sub_status: 'AUTHORIZED' });
    expect(authorized.amount).toMatchObject({ captured: 0 });
    const capture = await yuno.payments.capture(payment.id, transactionOf(authorized, 'AUTHORIZE').id, {
      merchant_reference: 'ref',
      amount: { currency: 'USD', value: 80 },
      reason: 'PRODUCT_CONFIRMED',
    });
    expect(capture.payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'CAPTURED' });
    expect((await typeEvents()).map(([event]) => event)).toEqual([
      'payment.purchase',
      'payment.authorize',
      'payment.capture',
    ]);
  });

  it('refuses to cancel a payment waiting for its 3DS challenge', async () => {
    const payment = await directPayment({ capture: false, number: '4916994064252017' });
    const open = payment.transactions!.at(-1)!;
    const refused = await rejection(yuno.payments.cancel(payment.id, open.id, { merchant_reference: 'ref' }));
    expect(refused.code).toBe('INVALID_STATUS');
    expect((await yuno.payments.retrieve(payment.id)).sub_status).toBe('WAITING_ADDITIONAL_STEP');
  });
});

describe('idempotency of the lifecycle operations', () => {
  it('replays a DIRECT token and a 3DS setup sent again with their key', async () => {
    const card = { card_data: { ...CARD, holder_name: 'John Doe' } };
    const token = await yuno.tokens.create(card, { idempotencyKey: 'token-1' });
    expect(await yuno.tokens.create(card, { idempotencyKey: 'token-1' })).toEqual(token);
    expect((await yuno.tokens.create(card)).token).not.toBe(token.token);

    const setup = { type: 'MERCHANT_PROVIDED', browser_info: { user_agent: 'vitest', language: 'en' } };
    const first = await yuno.threeDSecureSetups.create(setup, { idempotencyKey: 'setup-1' });
    expect(await yuno.threeDSecureSetups.create(setup, { idempotencyKey: 'setup-1' })).toEqual(first);
  });

  it('replays a capture sent again with its key, and runs a new key as a new attempt', async () => {
    const payment = await directPayment({ capture: false, value: 300 });
    const authorize = transactionOf(payment, 'AUTHORIZE');
    const body = { merchant_reference: 'ref', amount: { currency: 'USD', value: 100 }, reason: 'PRODUCT_CONFIRMED' };
    const first = await yuno.payments.capture(payment.id, authorize.id, body, { idempotencyKey: 'capture-1' });
    const replay = await yuno.payments.capture(payment.id, authorize.id, body, { idempotencyKey: 'capture-1' });
    expect(replay).toEqual(first);
    expect((await yuno.payments.retrieve(payment.id)).transactions?.filter((t) => t.type === 'CAPTURE')).toHaveLength(
      1,
    );
    expect((await rejection(yuno.payments.capture(payment.id, authorize.id, body))).code).toBe('INVALID_STATUS');
  });

  it('replays a partial refund with its key instead of refunding twice', async () => {
    const payment = await directPayment({ value: 100 });
    const purchase = transactionOf(payment, 'PURCHASE');
    const body = { merchant_reference: 'ref', amount: { currency: 'USD', value: 30 } };
    const first = await yuno.payments.refund(payment.id, purchase.id, body, { idempotencyKey: 'refund-1' });
    const replay = await yuno.payments.refund(payment.id, purchase.id, body, { idempotencyKey: 'refund-1' });
    expect(replay).toEqual(first);
    expect((await yuno.payments.retrieve(payment.id)).amount).toMatchObject({ refunded: 30 });
    const second = await yuno.payments.refund(payment.id, purchase.id, body, { idempotencyKey: 'refund-2' });
    expect(second.amount).toMatchObject({ refunded: 60 });
    await sandbox.flushWebhooks();
    expect(events.filter((e) => e.type_event === 'payment.refund')).toHaveLength(2);
  });

  it('answers IDEMPOTENCY_DUPLICATED for a key whose cancel failed, and does not use a key up on a malformed body', async () => {
    const captured = await directPayment();
    const purchase = transactionOf(captured, 'PURCHASE');
    const first = await rejection(
      yuno.payments.cancel(captured.id, purchase.id, { merchant_reference: 'ref' }, { idempotencyKey: 'cancel-1' }),
    );
    expect(first.code).toBe('INVALID_STATUS');
    const again = await rejection(
      yuno.payments.cancel(captured.id, purchase.id, { merchant_reference: 'ref' }, { idempotencyKey: 'cancel-1' }),
    );
    expect(again.code).toBe('IDEMPOTENCY_DUPLICATED');

    const response = await sandbox.fetch(
      `${sandbox.baseUrl}/v1/payments/${captured.id}/transactions/${purchase.id}/refund`,
      {
        method: 'POST',
        headers: {
          'public-api-key': sandbox.credentials.publicApiKey,
          'private-secret-key': sandbox.credentials.privateSecretKey,
          'content-type': 'application/json',
          'x-idempotency-key': 'refund-x',
        },
        body: JSON.stringify({ reason: 'DUPLICATE' }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).code).toBe('MISSING_PARAMETERS');
    const refunded = await yuno.payments.refund(
      captured.id,
      purchase.id,
      { merchant_reference: 'ref' },
      { idempotencyKey: 'refund-x' },
    );
    expect(refunded.status).toBe('REFUNDED');
  });
});
