import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox, startYunoSandboxServer } from 'yuno-react/sandbox';
import { YunoError, createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

let seq = 0;
async function newCheckout(country = 'US', currency = 'USD', value = 120) {
  const customer = await yuno.customers.create({ merchant_customer_id: `shopper-${Date.now()}-${++seq}`, country });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `order-${Date.now()}-${seq}`,
    payment_description: 'Web SDK test',
    country,
    customer_id: customer.id,
    amount: { currency, value },
  });
  return { customer, session };
}

const card = (number: string) => ({
  number,
  expiration_month: 11,
  expiration_year: 30,
  security_code: '123',
  holder_name: 'Ada Lovelace',
  type: 'CREDIT',
});

describe('createSandboxWebSdk', () => {
  it('generates a token in the browser role that the server then pays with', async () => {
    const { customer, session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      checkout_session: session.checkout_session,
      payment_method: {
        type: 'CARD',
        vaulted_token: null,
        card: { save: false, detail: card('4507990000000002') },
        customer: { first_name: 'Ada', email: 'ada@example.com' },
      },
    });
    expect(ott).toMatchObject({ token: expect.any(String), type: 'CARD', card_data: { lfd: '0002' } });
    expect(JSON.stringify(ott)).not.toContain('4507990000000002');

    const payment = await yuno.payments.create({
      description: 'Web SDK test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      customer_payer: { id: customer.id },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type: 'CARD', token: ott.token },
    });
    expect(payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
  });

  it('keeps the device fingerprint where Yuno does: sent on the payment method, echoed on the token customer', async () => {
    const { customer, session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      checkout_session: session.checkout_session,
      payment_method: {
        type: 'CARD',
        vaulted_token: null,
        card: { detail: card('4111111111111111') },
        customer: { first_name: 'Ada' },
        device_fingerprint: '0753b47f-bb43-86ab-647b-d735b67baac6',
        third_party_session_id: 'QbJU2KolVUm1fhQR0s9qgrS0ArEQmEfE',
      },
    });
    expect(ott.customer).toMatchObject({
      first_name: 'Ada',
      device_fingerprint: '0753b47f-bb43-86ab-647b-d735b67baac6',
    });
    // Nothing Yuno does not document on the token: no list of fingerprints, no third-party session.
    expect(ott.customer).not.toHaveProperty('device_fingerprints');
    expect(JSON.stringify(ott)).not.toContain('QbJU2KolVUm1fhQR0s9qgrS0ArEQmEfE');

    const payment = await yuno.payments.create({
      description: 'Web SDK test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      customer_payer: { id: customer.id },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type: 'CARD', token: ott.token },
    });
    expect(payment.customer_payer?.device_fingerprint).toBe('0753b47f-bb43-86ab-647b-d735b67baac6');
  });

  it('gives a token without a customer fingerprint when none was sent', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      payment_method: { type: 'CARD', card: { detail: card('4111111111111111') }, customer: { first_name: 'Ada' } },
    });
    expect(ott.customer).not.toHaveProperty('device_fingerprint');
  });

  it('uses the session of apiClientPayment when generateToken omits it', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      payment_method: { type: 'CARD', card: { detail: card('4111111111111111') } },
    });
    const payment = await yuno.payments.create({
      description: 'Web SDK test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      payment_method: { type: 'CARD', token: ott.token },
    });
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('gives the 3DS challenge URL of a session whose payment waits on one, and a null url otherwise', async () => {
    const { session } = await newCheckout();
    const cs = session.checkout_session;
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: cs });
    // No payment yet: nothing to challenge.
    expect(await api.getThreeDSecureChallenge(cs)).toEqual({ url: null });

    const ott = await api.generateToken({
      checkout_session: cs,
      payment_method: { type: 'CARD', card: { detail: card('4916994064252017') } },
    });
    const payment = await yuno.payments.create({
      description: 'Web SDK test',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 120 },
      checkout: { session: cs },
      payment_method: { type: 'CARD', token: ott.token },
    });
    expect(payment.status).toBe('PENDING');
    expect(await api.getThreeDSecureChallenge(cs)).toEqual({ url: `${sandbox.baseUrl}/_sandbox/3ds/${cs}` });

    // Once answered, no challenge is waiting any more.
    await sandbox.completeThreeDSecure(cs, '1234');
    expect(await api.getThreeDSecureChallenge(cs)).toEqual({ url: null });
  });

  it('enrolls a card that the server then lists', async () => {
    const { customer } = await newCheckout();
    const customerSession = await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const enroller = await instance.apiClientEnroll({
      customer_session: customerSession.customer_session,
      country_code: 'US',
    });
    const result = await enroller.continueEnrollment({
      customer_session: customerSession.customer_session,
      payment_method: { type: 'CARD', card: { detail: card('5252440000000002') } },
    });
    expect(result).toMatchObject({ status: 'ENROLLED', vaulted_token: expect.any(String) });

    const saved = await yuno.customerPaymentMethods.list(customer.id);
    expect(saved.map((m) => m.vaulted_token)).toContain(result.vaulted_token);
  });

  it('runs the fraud check', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const result = await instance.executeFraudCheck({ checkoutSession: session.checkout_session });
    expect(result.status).toBe('success');
    expect(result.deviceFingerprints[0]).toMatchObject({
      providerId: expect.any(String),
      sessionId: expect.any(String),
    });
  });

  it('rejects a wrong public key with Yuno’s error', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize('sandbox_pk_wrong');
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const error = await api
      .generateToken({ payment_method: { type: 'CARD', card: { detail: card('4507990000000002') } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ status: 401, yunoCode: 'INVALID_CREDENTIALS' });
    expect((error as Error).message).not.toContain('4507990000000002');
  });

  it('rejects a card number that fails the Luhn check', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    await expect(
      api.generateToken({ payment_method: { type: 'CARD', card: { detail: card('4111111111111112') } } }),
    ).rejects.toMatchObject({ status: 400, yunoCode: 'INVALID_PARAMETERS' });
  });

  it('rejects the rendered-checkout methods with a clear error', async () => {
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    await expect(instance.startCheckout({} as Parameters<typeof instance.startCheckout>[0])).rejects.toThrow(
      /createSandboxWebSdk: startCheckout is not available/,
    );
    // Secure Fields are iframes: outside a browser they reject (in a browser, see secureFields.test.ts).
    await expect(instance.secureFields({ countryCode: 'US' })).rejects.toThrow(/secureFields needs a browser/);
    await expect(instance.continuePayment()).rejects.toThrow(/continuePayment is not available/);
  });

  it('requires a public key', async () => {
    await expect(sdk.initialize('')).rejects.toThrow(/initialize needs the public API key/);
  });
});

describe('createSandboxWebSdk: getContinuePaymentAction', () => {
  type ContinueApi = { getContinuePaymentAction(args: { checkoutSession: string }): Promise<unknown> };

  /** Tokenizes `type` with the stand-in, pays with it on the server, and returns the payment and the 1.x client. */
  async function payWith(type: string, country: string, currency: string, cardNumber?: string) {
    const { customer, session } = await newCheckout(country, currency, 50);
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = await instance.apiClientPayment({ country_code: country, checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      payment_method: { type, ...(cardNumber ? { card: { detail: card(cardNumber) } } : {}) },
    });
    const payment = await yuno.payments.create({
      description: 'Web SDK test',
      country,
      merchant_order_id: session.merchant_order_id,
      amount: { currency, value: 50 },
      checkout: { session: session.checkout_session },
      customer_payer: { id: customer.id },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type, token: ott.token },
    });
    return { payment, session, api: api as typeof api & ContinueApi };
  }

  it("answers a PIX with Yuno's IMAGE action: the QR's MIME type and base64, the BR Code as the payment code", async () => {
    const { payment, session, api } = await payWith('PIX', 'BR', 'BRL');
    const transfer = payment.payment_method?.payment_method_detail?.bank_transfer;
    const [, mime, base64] = /^data:([^;]+);base64,(.+)$/.exec(transfer?.provider_image ?? '') ?? [];
    const expiration = Math.floor(Date.parse(transfer!.expires_at!) / 1000);

    await expect(api.getContinuePaymentAction({ checkoutSession: session.checkout_session })).resolves.toEqual({
      type: 'SANDBOX_PIX',
      transaction_id: payment.transactions?.at(-1)?.id,
      action: 'IMAGE',
      image: { type: mime, value: base64, reference: payment.id, expiration_time: expiration },
      payment_code: { code: transfer?.payment_instruction, reference: payment.id, expiration_time: expiration },
    });
  });

  it("answers a voucher with Yuno's PAYMENT_CODE action: the reference the shopper pays with", async () => {
    const { payment, session, api } = await payWith('BOLETO', 'BR', 'BRL');
    const ticket = payment.payment_method?.payment_method_detail?.ticket;
    await expect(api.getContinuePaymentAction({ checkoutSession: session.checkout_session })).resolves.toEqual({
      type: 'SANDBOX_BOLETO',
      transaction_id: payment.transactions?.at(-1)?.id,
      action: 'PAYMENT_CODE',
      payment_code: {
        code: ticket?.provider_number,
        reference: payment.id,
        expiration_time: Math.floor(Date.parse(ticket!.expires_at!) / 1000),
      },
    });
  });

  it("answers a redirect method with Yuno's REDIRECT_URL action, and null once it is paid", async () => {
    const { payment, session, api } = await payWith('PSE', 'CO', 'COP');
    const action = await api.getContinuePaymentAction({ checkoutSession: session.checkout_session });
    expect(action).toEqual({
      type: 'SANDBOX_BANK',
      transaction_id: payment.transactions?.at(-1)?.id,
      action: 'REDIRECT_URL',
      redirect: { init_url: `${sandbox.baseUrl}/_sandbox/redirect/${payment.id}`, success_url: '', error_url: '' },
    });
    await sandbox.settlePayment(payment.id!, 'SUCCEEDED');
    await expect(api.getContinuePaymentAction({ checkoutSession: session.checkout_session })).resolves.toBeNull();
  });

  it('answers a waiting 3DS challenge with THREE_D_SECURE_REDIRECT_URL, and a settled card with null', async () => {
    const challenged = await payWith('CARD', 'US', 'USD', '4916994064252017');
    expect(challenged.payment.status).toBe('PENDING');
    await expect(
      challenged.api.getContinuePaymentAction({ checkoutSession: challenged.session.checkout_session }),
    ).resolves.toMatchObject({
      action: 'THREE_D_SECURE_REDIRECT_URL',
      three_d_secure_redirect: { init_url: `${sandbox.baseUrl}/_sandbox/3ds/${challenged.session.checkout_session}` },
    });

    const settled = await payWith('CARD', 'US', 'USD', '4111111111111111');
    expect(settled.payment.status).toBe('SUCCEEDED');
    await expect(
      settled.api.getContinuePaymentAction({ checkoutSession: settled.session.checkout_session }),
    ).resolves.toBeNull();
  });

  it('rejects a session without a payment with PAYMENT_NOT_FOUND, and a session the sandbox does not know', async () => {
    const { session } = await newCheckout();
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const api = (await instance.apiClientPayment({
      country_code: 'US',
      checkout_session: session.checkout_session,
    })) as Awaited<ReturnType<typeof instance.apiClientPayment>> & ContinueApi;
    await expect(api.getContinuePaymentAction({ checkoutSession: session.checkout_session })).rejects.toMatchObject({
      status: 404,
      yunoCode: 'PAYMENT_NOT_FOUND',
    });
    await expect(
      api.getContinuePaymentAction({ checkoutSession: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ kind: 'http', status: 400 });
  });
});

describe('createSandboxWebSdk over HTTP', () => {
  let server: Awaited<ReturnType<typeof startYunoSandboxServer>>;
  beforeAll(async () => {
    server = await startYunoSandboxServer({ port: 0 });
  });
  afterAll(() => server.close());

  it('tokenizes with the global fetch against a served sandbox', async () => {
    const served = createYunoServerClient({ ...server.sandbox.credentials, baseUrl: server.url });
    const session = await served.checkoutSessions.create({
      merchant_order_id: `order-${Date.now()}`,
      payment_description: 'Web SDK over HTTP',
      country: 'US',
      amount: { currency: 'USD', value: 30 },
    });
    const instance = await createSandboxWebSdk({ baseUrl: server.url }).initialize(
      server.sandbox.credentials.publicApiKey,
    );
    const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: session.checkout_session });
    const ott = await api.generateToken({
      payment_method: { type: 'CARD', card: { detail: card('4507990000000010') } },
    });
    const payment = await served.payments.create({
      description: 'Web SDK over HTTP',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 30 },
      checkout: { session: session.checkout_session },
      payment_method: { type: 'CARD', token: ott.token },
    });
    expect(payment).toMatchObject({ status: 'DECLINED', sub_status: 'DECLINED' });
    expect(payment.transactions?.[0]?.response_code).toBe('INSUFFICIENT_FUNDS');
  });
});
