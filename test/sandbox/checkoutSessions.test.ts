import { describe, expect, it } from 'vitest';
import { CheckoutSessionSchema, PaymentMethodListSchema, isPaymentMethodEnabled } from 'yuno-react/core';
import { SANDBOX_CHECKOUT_SESSION_TTL_MS } from 'yuno-react/sandbox';
import { at, createKit, expectYunoError, uniqueId } from './kit';

describe('checkout sessions', () => {
  it('creates a session with 200 and the id named checkout_session', async () => {
    const { api, createCustomer, sandbox } = createKit();
    const customer = await createCustomer();
    const result = await api('POST', '/v1/checkout/sessions', {
      account_id: sandbox.credentials.accountId,
      merchant_order_id: 'order-0001',
      payment_description: 'Two coffees',
      country: 'CO',
      customer_id: customer.id,
      amount: { currency: 'COP', value: 8000 },
      callback_url: 'https://merchant.test/return?step=pay',
      metadata: [{ key: 'cart', value: 'c-1' }],
    });
    expect(result.status).toBe(200);
    expect(result.body).not.toHaveProperty('id');
    const session = CheckoutSessionSchema.parse(result.body);
    expect(session).toMatchObject({
      merchant_order_id: 'order-0001',
      payment_description: 'Two coffees',
      country: 'CO',
      customer_id: customer.id,
      amount: { currency: 'COP', value: 8000 },
      workflow: 'SDK_CHECKOUT',
      installments: { plan_id: null, plan: null },
      metadata: [{ key: 'cart', value: 'c-1' }],
    });
    // Like Yuno, the session is handed back to the merchant's return page.
    expect(session.callback_url).toBe(
      `https://merchant.test/return?step=pay&checkoutSession=${session.checkout_session}`,
    );
  });

  it('refuses a customer_id that does not exist', async () => {
    const { api, sandbox } = createKit();
    const result = await api('POST', '/v1/checkout/sessions', {
      account_id: sandbox.credentials.accountId,
      merchant_order_id: uniqueId('order'),
      payment_description: 'Nobody',
      country: 'US',
      customer_id: '00000000-0000-4000-8000-000000000000',
    });
    expectYunoError(result, 400, 'CUSTOMER_NOT_FOUND');
  });

  it('retrieves a session by id, with used turning true after its payment', async () => {
    const { api, payWithCard } = createKit();
    const { session } = await payWithCard('4111111111111111');
    const result = await api('GET', `/v1/checkout/sessions/${session.checkout_session}`);
    expect(result.status).toBe(200);
    expect(at(result.body, 'id')).toBe(session.checkout_session);
    expect(result.body).not.toHaveProperty('checkout_session');
    expect(CheckoutSessionSchema.parse(result.body)).toMatchObject({
      checkout_session: session.checkout_session,
      used: true,
    });
    expectYunoError(
      await api('GET', '/v1/checkout/sessions/00000000-0000-4000-8000-000000000000'),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
  });

  it('expires a session after its time to live on the sandbox clock', async () => {
    const { api, createSession, sandbox, tokenRequest, card } = createKit({ checkoutSessionTtlMs: 60_000 });
    const session = await createSession();
    expect(sandbox.getCheckoutSession(session.checkout_session)?.used).toBe(false);
    await sandbox.advanceTime(59_000);
    expect((await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`)).status).toBe(200);
    await sandbox.advanceTime(1_000);
    const expired = expectYunoError(
      await tokenRequest(session.checkout_session, card('4111111111111111')),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
    expect(expired).toEqual(['The checkout session has expired']);
    expectYunoError(
      await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
    // Still readable, as on Yuno.
    expect((await api('GET', `/v1/checkout/sessions/${session.checkout_session}`)).status).toBe(200);
  });

  it('lasts five hours by default', async () => {
    const { createSession, sandbox, tokenRequest, card } = createKit();
    const session = await createSession();
    await sandbox.advanceTime(SANDBOX_CHECKOUT_SESSION_TTL_MS - 60_000);
    expect((await tokenRequest(session.checkout_session, card('4111111111111111'))).status).toBe(201);
    await sandbox.advanceTime(60_000);
    expectYunoError(
      await tokenRequest(session.checkout_session, card('4111111111111111')),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
  });
});

describe('checkout session payment methods', () => {
  it('lists the country catalogue as a bare array, with a method disabled by a COUNTRY rule', async () => {
    const { api, createSession } = createKit();
    const session = await createSession({ country: 'BR', currency: 'BRL', value: 50 });
    const result = await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`);
    expect(result.status).toBe(200);
    expect(Array.isArray(result.body)).toBe(true);
    const methods = PaymentMethodListSchema.parse(result.body);
    expect(methods.map((m) => m.type)).toEqual(['CARD', 'PIX', 'BOLETO', 'MERCADO_PAGO_CHECKOUT_PRO', 'PAYPAL']);
    const card = methods.find((m) => m.type === 'CARD')!;
    expect(card).toMatchObject({
      name: 'Card',
      vaulted_token: null,
      category: 'CARD',
      checkout: {
        session: session.checkout_session,
        sdk_required_action: true,
        conditions: { enabled: true, rules: null },
      },
    });
    expect(card.icon).toMatch(/^data:image\/svg\+xml,/);
    const disabled = methods.filter((m) => !isPaymentMethodEnabled(m));
    expect(disabled.map((m) => m.type)).toEqual(['PAYPAL']);
    expect(disabled[0]!.checkout?.conditions?.rules).toEqual([
      expect.objectContaining({
        condition: 'INCLUDE',
        type: 'COUNTRY',
        values: expect.objectContaining({ countries: ['US'] }),
      }),
    ]);
  });

  it('lists each country its own methods', async () => {
    const { api, createSession } = createKit();
    const types = async (country: string, currency: string) => {
      const session = await createSession({ country, currency });
      const result = await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`);
      return PaymentMethodListSchema.parse(result.body)
        .filter(isPaymentMethodEnabled)
        .map((m) => m.type);
    };
    expect(await types('CO', 'COP')).toEqual(['CARD', 'MERCADO_PAGO_CHECKOUT_PRO', 'PSE', 'EFECTY']);
    expect(await types('MX', 'MXN')).toEqual(['CARD', 'MERCADO_PAGO_CHECKOUT_PRO', 'OXXO']);
    expect(await types('US', 'USD')).toEqual(['CARD', 'PAYPAL', 'APPLE_PAY', 'GOOGLE_PAY']);
  });

  it("puts the customer's vaulted cards first, without the card number", async () => {
    const { api, createCustomer, createSession, payWithCard } = createKit();
    const customer = await createCustomer();
    await payWithCard('4507990000000002', { customerId: customer.id, vault: true });
    const session = await createSession({ customerId: customer.id });
    const result = await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`);
    const methods = PaymentMethodListSchema.parse(result.body);
    expect(methods[0]).toMatchObject({
      name: 'VISA ****0002',
      type: 'CARD',
      vaulted_token: expect.any(String),
      last_successfully_used: true,
      checkout: { session: session.checkout_session, sdk_required_action: false, conditions: { enabled: true } },
      card_data: {
        iin: '45079900',
        lfd: '0002',
        brand: 'VISA',
        expiration_month: 11,
        expiration_year: 30,
        number_length: 16,
      },
    });
    expect(methods[1]).toMatchObject({ name: 'Card', vaulted_token: null });
    expect(result.text).not.toContain('4507990000000002');
  });

  it('filters by category and honours a custom catalogue', async () => {
    const { api, createSession } = createKit({
      paymentMethods: ({ country }) => [
        { type: 'CARD' },
        { type: 'NEQUI', name: 'Nequi', category: 'WALLET', enabled: country === 'CO' },
      ],
    });
    const session = await createSession({ country: 'US' });
    const all = PaymentMethodListSchema.parse(
      (await api('GET', `/v1/checkout/sessions/${session.checkout_session}/payment-methods`)).body,
    );
    expect(all.map((m) => [m.type, m.checkout?.conditions?.enabled])).toEqual([
      ['CARD', true],
      ['NEQUI', false],
    ]);
    const wallets = await api(
      'GET',
      `/v1/checkout/sessions/${session.checkout_session}/payment-methods?category=WALLET`,
    );
    expect(PaymentMethodListSchema.parse(wallets.body).map((m) => m.name)).toEqual(['Nequi']);
  });
});
