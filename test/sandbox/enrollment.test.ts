import { describe, expect, it } from 'vitest';
import { CustomerSessionSchema, EnrollmentSchema, PaymentMethodListSchema } from 'yuno-react/core';
import { EnrollablePaymentMethodListSchema, EnrolledPaymentMethodListSchema } from 'yuno-react/server';
import { at, createKit, expectYunoError, uniqueId } from './kit';

async function enrollmentSetup() {
  const kit = createKit();
  const customer = await kit.createCustomer({ first_name: 'Ada', email: 'ada@example.com' });
  const created = await kit.api('POST', '/v1/customers/sessions', {
    account_id: kit.sandbox.credentials.accountId,
    country: 'CO',
    customer_id: customer.id,
    callback_url: 'https://merchant.test/saved',
  });
  expect(created.status).toBe(201);
  const session = CustomerSessionSchema.parse(created.body);
  const sdkEnroll = (
    body: unknown,
    headers: Record<string, string> = { 'public-api-key': kit.sandbox.credentials.publicApiKey },
  ) =>
    kit.sandbox.fetch(`/_sandbox/sdk/customers/sessions/${session.customer_session}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const cardDetail = (number: string) => ({
    customer_session: session.customer_session,
    payment_method: {
      type: 'CARD',
      card: {
        detail: {
          number,
          expiration_month: 11,
          expiration_year: 29,
          security_code: '123',
          holder_name: 'Ada Lovelace',
          type: 'CREDIT',
        },
      },
    },
  });
  return { ...kit, customer, session, sdkEnroll, cardDetail };
}

describe('customer sessions', () => {
  it('creates a customer session (201) with the session in the callback URL', async () => {
    const { session, customer } = await enrollmentSetup();
    expect(session).toMatchObject({ customer_id: customer.id, country: 'CO', checkout_id: expect.any(String) });
    expect(session.callback_url).toBe(`https://merchant.test/saved?customerSession=${session.customer_session}`);
  });

  it('refuses an unknown customer', async () => {
    const { api, sandbox } = createKit();
    const result = await api('POST', '/v1/customers/sessions', {
      account_id: sandbox.credentials.accountId,
      country: 'CO',
      customer_id: '00000000-0000-4000-8000-000000000000',
    });
    expectYunoError(result, 400, 'CUSTOMER_NOT_FOUND');
  });

  it('lists the methods a customer can enroll, wrapped in payment_methods', async () => {
    const { api, session } = await enrollmentSetup();
    const result = await api('GET', `/v1/checkout/customers/sessions/${session.customer_session}/payment-methods`);
    expect(result.status).toBe(200);
    // A Colombian session: cards, plus the wallets Enroll Payment Method (checkout) lists that serve Colombia.
    expect(EnrollablePaymentMethodListSchema.parse(result.body)).toEqual([
      expect.objectContaining({
        type: 'CARD',
        category: 'CARD',
        enrollment: { session: session.customer_session, sdk_required_action: false },
      }),
      ...['MERCADO_PAGO_WALLET', 'NEQUI', 'BANCOLOMBIA_TOKENBOX'].map((type) =>
        expect.objectContaining({
          type,
          category: 'WALLET',
          enrollment: { session: session.customer_session, sdk_required_action: true },
        }),
      ),
    ]);
    expectYunoError(await api('GET', '/v1/checkout/customers/sessions/unknown/payment-methods'), 400, 'NOT_FOUND');
  });
});

describe('enrollment', () => {
  it('enrolls a card: API (READY_TO_ENROLL), then the Web SDK route (ENROLLED), then it is listed and payable', async () => {
    const { api, session, customer, sdkEnroll, cardDetail, sandbox, createSession } = await enrollmentSetup();
    const key = uniqueId('idem');
    const enrollBody = {
      account_id: sandbox.credentials.accountId,
      payment_method_type: 'CARD',
      country: 'CO',
      verify: { vault_on_success: false },
    };
    const started = await api(
      'POST',
      `/v1/customers/sessions/${session.customer_session}/payment-methods`,
      enrollBody,
      { 'X-Idempotency-Key': key },
    );
    expect(started.status).toBe(201);
    const enrollment = EnrollmentSchema.parse(started.body);
    expect(enrollment).toMatchObject({
      status: 'READY_TO_ENROLL',
      type: 'CARD',
      account_id: sandbox.credentials.accountId,
      enrollment: { session: session.customer_session, sdk_required_action: false },
      customer_payer: { first_name: 'Ada', email: 'ada@example.com' },
    });
    const replay = await api('POST', `/v1/customers/sessions/${session.customer_session}/payment-methods`, enrollBody, {
      'X-Idempotency-Key': key,
    });
    expect(replay.text).toBe(started.text);

    const continued = await sdkEnroll(cardDetail('4507990000000002'));
    expect(continued.status).toBe(200);
    const result = (await continued.json()) as { vaulted_token: string; status: string; customer: { session: string } };
    expect(result).toEqual({
      vaulted_token: expect.any(String),
      status: 'ENROLLED',
      customer: { session: session.customer_session },
    });

    const listed = EnrolledPaymentMethodListSchema.parse(
      (await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        status: 'ENROLLED',
        vaulted_token: result.vaulted_token,
        country: 'CO',
        card_data: expect.objectContaining({
          iin: '45079900',
          lfd: '0002',
          brand: 'VISA',
          expiration_month: 11,
          expiration_year: 29,
        }),
      }),
    ]);
    const checkout = await createSession({ customerId: customer.id, country: 'CO', currency: 'COP' });
    const methods = PaymentMethodListSchema.parse(
      (await api('GET', `/v1/checkout/sessions/${checkout.checkout_session}/payment-methods`)).body,
    );
    expect(methods[0]?.vaulted_token).toBe(result.vaulted_token);
  });

  it('needs the public key on the Web SDK route, and a valid card', async () => {
    const { sdkEnroll, cardDetail } = await enrollmentSetup();
    expect((await sdkEnroll(cardDetail('4507990000000002'), {})).status).toBe(401);
    const invalid = await sdkEnroll(cardDetail('4507990000000003'));
    expect(invalid.status).toBe(400);
    const body = await invalid.text();
    expect(body).toContain('INVALID_PARAMETERS');
    expect(body).not.toContain('4507990000000003');
    const missing = await sdkEnroll({
      payment_method: { type: 'CARD', card: { detail: { number: '4111111111111111' } } },
    });
    expect(await missing.json()).toMatchObject({ code: 'MISSING_PARAMETERS' });
  });

  it('enrolls without an idempotency key, and only the types its country offers', async () => {
    const { api, session, sandbox } = await enrollmentSetup();
    const path = `/v1/customers/sessions/${session.customer_session}/payment-methods`;
    const body = { account_id: sandbox.credentials.accountId, payment_method_type: 'CARD', country: 'CO' };
    expect((await api('POST', path, body)).status).toBe(201);
    expectYunoError(
      await api(
        'POST',
        path,
        { ...body, payment_method_type: 'NU_PAY_ENROLLMENT' },
        { 'X-Idempotency-Key': uniqueId('k') },
      ),
      400,
      'UNAVAILABLE_PAYMENT_METHOD',
    );
    expectYunoError(
      await api('POST', path, { ...body, payment_method_type: 'PIX' }, { 'X-Idempotency-Key': uniqueId('k') }),
      400,
      'UNAVAILABLE_PAYMENT_METHOD',
    );
    expectYunoError(
      await api('POST', '/v1/customers/sessions/unknown/payment-methods', body, { 'X-Idempotency-Key': uniqueId('k') }),
      400,
      'NOT_FOUND',
    );
  });

  it('unenrolls by payment method id or vaulted token', async () => {
    const { api, customer, sdkEnroll, cardDetail } = await enrollmentSetup();
    await sdkEnroll(cardDetail('4507990000000002'));
    await sdkEnroll(cardDetail('5252440000000002'));
    const listed = EnrolledPaymentMethodListSchema.parse(
      (await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body,
    );
    expect(listed).toHaveLength(2);
    const [first, second] = listed;

    const unenroll = (id: string) =>
      api('POST', `/v1/customers/${customer.id}/payment-methods/${id}/unenroll`, undefined, {
        'X-Idempotency-Key': uniqueId('k'),
      });
    const byId = await unenroll(first!.id!);
    expect(byId.status).toBe(200);
    expect(EnrollmentSchema.parse(byId.body)).toMatchObject({ id: first!.id, status: 'UNENROLLED' });
    const byToken = await unenroll(second!.vaulted_token!);
    expect(at(byToken.body, 'status')).toBe('UNENROLLED');
    expect((await api('GET', `/v1/customers/${customer.id}/payment-methods`)).body).toEqual({ payment_methods: [] });
    expectYunoError(await unenroll(first!.id!), 400, 'NOT_FOUND');
    // Without an idempotency key the request is processed: the method is already unenrolled.
    expectYunoError(
      await api('POST', `/v1/customers/${customer.id}/payment-methods/${first!.id}/unenroll`),
      400,
      'NOT_FOUND',
    );
  });
});
