/**
 * Every request example of Yuno's payment-lifecycle and DIRECT files, sent through the server client to the sandbox on
 * state prepared for it (an authorization to capture, a captured payment to refund, a customer, a vaulted card, …).
 * Each is accepted, or, where the example itself is inconsistent, it is named below with the refusal Yuno documents.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isYunoError, type Payment } from 'yuno-react/core';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, type CreatePaymentBody } from 'yuno-react/server';
import { requestExamples } from '../support/openapi';

type Json = Record<string, unknown>;

const sandbox = createYunoSandbox();
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});
beforeEach(() => sandbox.reset());

let seq = 0;
const CARD = { number: '4111111111111111', expiration_month: 11, expiration_year: 30, security_code: '123' };

async function directPayment(currency: string, value: number, capture: boolean): Promise<Payment> {
  seq += 1;
  return yuno.payments.create({
    description: 'Prepared payment',
    country: currency === 'COP' ? 'CO' : 'US',
    merchant_order_id: `prepared-${seq}`,
    amount: { currency, value },
    workflow: 'DIRECT',
    payment_method: { type: 'CARD', detail: { card: { capture, card_data: { ...CARD, holder_name: 'John Doe' } } } },
  });
}

const tx = (payment: Payment, type: string) => payment.transactions!.find((t) => t.type === type)!.id;

/** The currency and value of an example's `amount`, or a default for examples that refund or cancel everything. */
function amountOf(example: unknown, fallback: { currency: string; value: number }) {
  const amount = (example as { amount?: { currency: string; value: number | string } }).amount;
  return amount ? { currency: amount.currency, value: Number(amount.value) } : fallback;
}

describe('capture-authorization.json', () => {
  const examples = requestExamples('capture-authorization.json');
  it('has the examples this test knows', () => {
    expect(examples.map(([name]) => name)).toEqual([
      'Full Capture',
      'Card Direct (with Airline Data)',
      'Partial Capture',
    ]);
  });
  it.each(examples)('%s: captures an authorization of 30000 USD', async (name, example) => {
    const payment = await directPayment('USD', 30000, false);
    const capture = await yuno.payments.capture(payment.id, tx(payment, 'AUTHORIZE'), example as never);
    const { value } = amountOf(example, { currency: 'USD', value: 0 });
    expect(capture).toMatchObject({
      type: 'CAPTURE',
      status: 'SUCCEEDED',
      payment: { status: 'SUCCEEDED', sub_status: value === 30000 ? 'CAPTURED' : 'PARTIALLY_CAPTURED' },
    });
    expect((await yuno.payments.retrieve(payment.id)).amount.captured, name).toBe(value);
  });
});

describe('refund-payment.json', () => {
  const examples = requestExamples('refund-payment.json');
  it('has the examples this test knows', () => {
    expect(examples.map(([name]) => name)).toEqual(['Full Refund', 'Partial Refund']);
  });
  it.each(examples)('%s: refunds a captured payment of 300 USD', async (name, example) => {
    const payment = await directPayment('USD', 300, true);
    const refunded = await yuno.payments.refund(payment.id, tx(payment, 'PURCHASE'), example as never);
    const partial = name === 'Partial Refund';
    expect(refunded).toMatchObject(
      partial
        ? { status: 'SUCCEEDED', sub_status: 'PARTIALLY_REFUNDED' }
        : { status: 'REFUNDED', sub_status: 'REFUNDED' },
    );
    expect(refunded.amount.refunded).toBe(partial ? 30 : 300);
  });
});

describe('cancel-payment.json', () => {
  const examples = requestExamples('cancel-payment.json');
  it('has the examples this test knows', () => {
    expect(examples.map(([name]) => name)).toEqual(['Request Example']);
  });
  it.each(examples)('%s: cancels an authorization', async (_name, example) => {
    const payment = await directPayment('USD', 300, false);
    const cancel = await yuno.payments.cancel(payment.id, tx(payment, 'AUTHORIZE'), example as never);
    expect(cancel).toMatchObject({ type: 'CANCEL', status: 'SUCCEEDED', payment: { status: 'CANCELED' } });
  });
});

for (const file of ['cancel-or-refund-payment-with-transaction.json', 'cancel-or-refund-a-payment.json']) {
  describe(file, () => {
    const examples = requestExamples(file);
    it('has the examples this test knows', () => {
      expect(examples.map(([name]) => name)).toEqual(['Full Refund', 'Partial Refund', 'Cancel']);
    });
    it.each(examples)('%s', async (name, example) => {
      // The partial refund is in COP (a Colombian payment); the cancel needs an authorization not yet captured.
      const { currency } = amountOf(example, { currency: 'USD', value: 0 });
      const payment = await directPayment(currency, currency === 'COP' ? 52000 : 300, name !== 'Cancel');
      const result = file.includes('with-transaction')
        ? await yuno.payments.cancelOrRefundTransaction(
            payment.id,
            tx(payment, name === 'Cancel' ? 'AUTHORIZE' : 'PURCHASE'),
            example as never,
          )
        : await yuno.payments.cancelOrRefund(payment.id, example as never);
      expect(result).toMatchObject({
        type: name === 'Cancel' ? 'CANCEL' : 'REFUND',
        status: 'SUCCEEDED',
        payment: {
          status: { 'Full Refund': 'REFUNDED', 'Partial Refund': 'SUCCEEDED', Cancel: 'CANCELED' }[name],
        },
      });
    });
  });
}

describe('create-one-time-use-token.json', () => {
  const examples = requestExamples('create-one-time-use-token.json');
  it.each(examples)('%s: tokenizes the card (the client sets account_id) and the token pays once', async (_n, ex) => {
    const token = await yuno.tokens.create(ex as never);
    expect(token.card_data).toMatchObject({ iin: '41111111', lfd: '1111', brand: 'VISA', holder_name: 'John Doe' });
    const payment = await yuno.payments.create({
      description: 'Tokenized card',
      country: 'US',
      merchant_order_id: 'order-token',
      amount: { currency: 'USD', value: 10 },
      workflow: 'DIRECT',
      payment_method: { type: 'CARD', token: token.token },
    });
    expect(payment.status).toBe('SUCCEEDED');
  });
});

describe('create-three-d-secure-setup.json', () => {
  const examples = requestExamples('create-three-d-secure-setup.json');
  it('has the examples this test knows', () => {
    expect(examples.map(([name]) => name)).toEqual(['With device fingerprints', 'Without device fingerprints']);
  });
  it.each(examples)('%s: registers the setup under a new id', async (_name, example) => {
    const setup = await yuno.threeDSecureSetups.create(example as never);
    expect(setup.three_d_secure_setup_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(setup).toMatchObject({
      account_id: sandbox.credentials.accountId,
      type: 'MERCHANT_PROVIDED',
      browser_info: (example as Json).browser_info,
    });
    const other = await yuno.threeDSecureSetups.create(example as never);
    expect(other.three_d_secure_setup_id).not.toBe(setup.three_d_secure_setup_id);
  });
});

/**
 * Create Payment examples Yuno publishes that cannot succeed as written, and the documented refusal each meets.
 * `client` marks bodies the server client's check refuses before sending (they are then sent raw to the sandbox).
 */
const REFUSED: Record<string, { code: string; why: string; client?: true }> = {
  'Bank Transfer with additional fields': {
    code: 'UNAVAILABLE_PAYMENT_METHOD',
    why: 'PIX with country CO: PIX is Brazilian, Colombia does not offer it',
  },
  'Voucher payment': {
    code: 'INVALID_PARAMETERS',
    why: 'its card_data.number 5067555612342011 fails the Luhn check, so it is no card number',
  },
  'Alternative payment method': {
    code: 'UNAVAILABLE_PAYMENT_METHOD',
    why: 'CASH (a voucher method) with country US: the sandbox’s catalogue offers it in no US checkout',
  },
  'Card - Create Payment with Subscription': {
    code: 'INVALID_PARAMETERS',
    why: 'a payment object pasted as a request: checkout.session "", additional_data and fraud_screening null',
    client: true,
  },
  'Card - Create Payment for Existing Subscription': {
    code: 'INVALID_PARAMETERS',
    why: 'a payment object pasted as a request: checkout.session "", additional_data and fraud_screening null',
    client: true,
  },
  'Card - With external providers data': {
    code: 'MISSING_PARAMETERS',
    why: 'no description and no merchant_order_id, both required by the file’s schema',
    client: true,
  },
};

describe('create-payment.json', () => {
  const examples = requestExamples('create-payment.json');

  it('has 23 request examples, 17 accepted and 6 refused as named', () => {
    expect(examples).toHaveLength(23);
    expect(Object.keys(REFUSED).every((name) => examples.some(([n]) => n === name))).toBe(true);
    expect(examples.filter(([name]) => !(name in REFUSED))).toHaveLength(17);
  });

  async function prepared(example: unknown): Promise<Json> {
    const body = structuredClone(example) as Json;
    const customer = await yuno.customers.create({
      merchant_customer_id: `shopper-${++seq}`,
      email: 'john@example.com',
      country: 'US',
    });
    let text = JSON.stringify(body).replaceAll('{{customer_id}}', customer.id).replaceAll('<customer_id>', customer.id);
    if (text.includes('{{checkout_session}}') || text.includes('{{onetime_token}}')) {
      const { country, amount } = body as { country: string; amount: { currency: string; value: number } };
      const session = await yuno.checkoutSessions.create({
        merchant_order_id: `session-${seq}`,
        payment_description: 'Prepared session',
        country,
        customer_id: customer.id,
        amount: { currency: amount.currency, value: Number(amount.value) },
      });
      const token = await yuno.checkoutSessions.createOneTimeToken(session.checkout_session, {
        payment_method: { type: 'CARD', card: { ...CARD, holder_name: 'John Doe' } },
      });
      text = text
        .replaceAll('{{checkout_session}}', session.checkout_session)
        .replaceAll('{{onetime_token}}', token.token);
    }
    if (text.includes('<vaulted_token>')) {
      const saved = await yuno.payments.create({
        description: 'Saves the card',
        country: 'US',
        merchant_order_id: `vault-${seq}`,
        amount: { currency: 'USD', value: 1 },
        workflow: 'DIRECT',
        customer_payer: { id: customer.id },
        payment_method: {
          type: 'CARD',
          vault_on_success: true,
          detail: { card: { card_data: { ...CARD, holder_name: 'John Doe' } } },
        },
      });
      text = text.replaceAll('<vaulted_token>', saved.payment_method!.vaulted_token!);
    }
    const out = JSON.parse(text) as Json;
    // A customer id of Yuno's own account stands for one of this account.
    const payer = out.customer_payer as Json | undefined;
    if (payer && typeof payer.id === 'string') payer.id = customer.id;
    return out;
  }

  it.each(examples.filter(([name]) => !(name in REFUSED)))('%s: accepted', async (name, example) => {
    const body = await prepared(example);
    const payment = await yuno.payments.create(body as CreatePaymentBody);
    const capture = ((body.payment_method as Json).detail as { card?: { capture?: boolean } } | undefined)?.card
      ?.capture;
    const type = (body.payment_method as Json).type;
    if (type === 'APPLE_PAY' || type === 'GOOGLE_PAY') {
      // A wallet payment waits for the shopper's step in the wallet, as the sandbox's other wallet-like methods do.
      expect(payment.status, name).toBe('READY_TO_PAY');
      return;
    }
    expect(payment.status, name).toBe(capture === false ? 'PENDING' : 'SUCCEEDED');
    expect(payment.sub_status, name).toBe(capture === false ? 'AUTHORIZED' : 'APPROVED');
    expect(payment.amount.value).toBe(Number((body.amount as Json).value));
    if ((body.payment_method as Json).vault_on_success === true)
      expect(payment.payment_method?.vaulted_token).toBeTruthy();
  });

  it.each(examples.filter(([name]) => name in REFUSED))('%s: refused', async (name, example) => {
    const expected = REFUSED[name]!;
    const body = await prepared(example);
    const sent = yuno.payments.create(body as CreatePaymentBody).then(
      () => undefined,
      (e: unknown) => e,
    );
    const error = await sent;
    if (expected.client) {
      expect(error, expected.why).toBeInstanceOf(TypeError);
      const response = await sandbox.fetch(`${sandbox.baseUrl}/v1/payments`, {
        method: 'POST',
        headers: {
          'public-api-key': sandbox.credentials.publicApiKey,
          'private-secret-key': sandbox.credentials.privateSecretKey,
          'content-type': 'application/json',
          'x-idempotency-key': `raw-${seq}`,
        },
        body: JSON.stringify({ ...body, account_id: sandbox.credentials.accountId }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).code, expected.why).toBe(expected.code);
    } else {
      expect(isYunoError(error) && error.code, expected.why).toBe(expected.code);
    }
    expect(sandbox.listPayments()).toHaveLength(0);
  });
});
