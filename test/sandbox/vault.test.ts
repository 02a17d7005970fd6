import { describe, expect, it } from 'vitest';
import { PaymentMethodListSchema, PaymentSchema } from 'yuno-react/core';
import { EnrolledPaymentMethodListSchema } from 'yuno-react/server';
import { createKit, expectYunoError } from './kit';

describe('vault_on_success', () => {
  it('saves the card of a succeeded payment for its customer and sets payment_method.vaulted_token', async () => {
    const { createCustomer, payWithCard, api, createSession } = createKit();
    const customer = await createCustomer();
    const { payment } = await payWithCard('5252440000000002', { customerId: customer.id, vault: true });
    expect(payment.payment_method?.vault_on_success).toBe(true);
    const vaultedToken = payment.payment_method?.vaulted_token;
    expect(vaultedToken).toMatch(/^[0-9a-f-]{36}$/);

    const enrolled = EnrolledPaymentMethodListSchema.parse(
      (await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body,
    );
    expect(enrolled).toEqual([
      expect.objectContaining({
        status: 'ENROLLED',
        vaulted_token: vaultedToken,
        name: 'MASTERCARD ****0002',
        card_data: expect.objectContaining({ lfd: '0002' }),
      }),
    ]);

    const session = await createSession({ customerId: customer.id });
    const methods = PaymentMethodListSchema.parse(
      (await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`)).body,
    );
    expect(methods[0]).toMatchObject({ vaulted_token: vaultedToken, name: 'MASTERCARD ****0002' });
  });

  it('saves nothing when the payment is declined or has no customer', async () => {
    const { createCustomer, payWithCard, api } = createKit();
    const customer = await createCustomer();
    const declined = await payWithCard('5252440000000010', { customerId: customer.id, vault: true });
    expect(declined.payment.payment_method?.vaulted_token).toBe('');
    const anonymous = await payWithCard('4111111111111111', { vault: true });
    expect(anonymous.payment.payment_method?.vaulted_token).toBe('');
    expect((await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body).toEqual({ payment_methods: [] });
  });

  it('saves a challenged card only once the challenge is passed', async () => {
    const { createCustomer, payWithCard, api, sandbox } = createKit();
    const customer = await createCustomer();
    const { payment } = await payWithCard('4916994064252017', { customerId: customer.id, vault: true });
    expect((await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body).toEqual({ payment_methods: [] });
    const done = await sandbox.completeThreeDSecure(payment.id, '1234');
    expect(done.payment_method?.vaulted_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      EnrolledPaymentMethodListSchema.parse((await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body),
    ).toHaveLength(1);
  });

  it('keeps one saved card when the same card is saved twice', async () => {
    const { createCustomer, payWithCard, api } = createKit();
    const customer = await createCustomer();
    const first = await payWithCard('4111111111111111', { customerId: customer.id, vault: true });
    const second = await payWithCard('4111111111111111', { customerId: customer.id, vault: true });
    expect(second.payment.payment_method?.vaulted_token).toBe(first.payment.payment_method?.vaulted_token);
    expect(
      EnrolledPaymentMethodListSchema.parse((await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body),
    ).toHaveLength(1);
  });
});

describe('paying with a saved card', () => {
  it('tokenizes a vaulted token with the CVV alone and inherits the saved card', async () => {
    const { createCustomer, payWithCard, createSession, createToken, paymentBody, postPayment } = createKit();
    const customer = await createCustomer();
    const saved = await payWithCard('4507990000000002', { customerId: customer.id, vault: true });
    const vaultedToken = saved.payment.payment_method!.vaulted_token!;

    const session = await createSession({ customerId: customer.id });
    const token = await createToken(session.checkout_session, {
      type: 'CARD',
      vaulted_token: vaultedToken,
      card: { security_code: '123' },
    });
    expect(token).toMatchObject({ vaulted_token: vaultedToken, card_data: { lfd: '0002', brand: 'VISA' } });
    const result = await postPayment(
      paymentBody(session, { type: 'CARD', token: token.token }, { customer_payer: { id: customer.id } }),
    );
    expect(PaymentSchema.parse(result.body)).toMatchObject({
      status: 'SUCCEEDED',
      payment_method: { vaulted_token: vaultedToken, payment_method_detail: { card: { card_data: { lfd: '0002' } } } },
    });
  });

  it("refuses another customer's vaulted token and unknown ones", async () => {
    const { createCustomer, payWithCard, createSession, tokenRequest } = createKit();
    const owner = await createCustomer();
    const other = await createCustomer();
    const saved = await payWithCard('4111111111111111', { customerId: owner.id, vault: true });
    const session = await createSession({ customerId: other.id });
    expectYunoError(
      await tokenRequest(session.checkout_session, {
        type: 'CARD',
        vaulted_token: saved.payment.payment_method!.vaulted_token,
      }),
      400,
      'INVALID_CUSTOMER_FOR_TOKEN',
    );
    expectYunoError(
      await tokenRequest(session.checkout_session, { type: 'CARD', vaulted_token: 'unknown' }),
      400,
      'INVALID_TOKEN',
    );
  });

  it('pays with a vaulted token directly (workflow DIRECT), for its customer only', async () => {
    const { createCustomer, payWithCard, postPayment, sandbox } = createKit();
    const customer = await createCustomer();
    const stranger = await createCustomer();
    const saved = await payWithCard('4507990000000002', { customerId: customer.id, vault: true });
    const vaultedToken = saved.payment.payment_method!.vaulted_token!;
    const body = (customerId: string) => ({
      account_id: sandbox.credentials.accountId,
      description: 'Subscription renewal',
      country: 'US',
      merchant_order_id: 'renewal-1',
      amount: { currency: 'USD', value: 9.99 },
      workflow: 'DIRECT',
      payment_method: { type: 'CARD', vaulted_token: vaultedToken },
      customer_payer: { id: customerId },
    });
    const result = await postPayment(body(customer.id));
    expect(result.status).toBe(201);
    expect(PaymentSchema.parse(result.body)).toMatchObject({
      status: 'SUCCEEDED',
      checkout: { session: '' },
      payment_method: { vaulted_token: vaultedToken },
    });
    expectYunoError(await postPayment(body(stranger.id)), 400, 'INVALID_CUSTOMER_FOR_TOKEN');
  });
});
