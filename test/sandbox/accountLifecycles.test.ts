/**
 * Customers, checkout-session updates, enrollment of cards and other methods, issuers and webhook subscriptions, run
 * through the server client against the sandbox as sequences: each step's state is what the next one meets.
 */
import { describe, expect, it } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox, type YunoSandboxOptions } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

type Json = Record<string, unknown>;

function setup(options: YunoSandboxOptions = {}) {
  const events: Json[] = [];
  const sandbox = createYunoSandbox({
    webhooks: {
      onDelivery: ({ body }) => {
        events.push(JSON.parse(body) as Json);
      },
    },
    ...options,
  });
  const yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: sandbox.fetch,
    retry: false,
  });
  const headers = {
    'public-api-key': sandbox.credentials.publicApiKey,
    'private-secret-key': sandbox.credentials.privateSecretKey,
    'content-type': 'application/json',
  };
  /** A raw call, for what the client would never send (a missing header, no idempotency key). */
  async function raw(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const response = await sandbox.fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
  }
  /** The shopper's decision on the sandbox's enrollment page (what `redirect_url` leads to). */
  async function confirmOnPage(redirectUrl: string, decision: 'approve' | 'decline') {
    const response = await sandbox.fetch(redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `decision=${decision}`,
      redirect: 'manual',
    });
    return response.status;
  }
  return { sandbox, yuno, events, raw, confirmOnPage };
}

describe('customer lifecycle', () => {
  it('creates, updates and deletes a customer; a deleted customer is gone with its saved cards', async () => {
    const { yuno, raw } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1', first_name: 'Ada' });
    await yuno.customers.create({ merchant_customer_id: 'shopper-2' });

    const updated = await yuno.customers.update(customer.id, { last_name: 'Lovelace', country: 'CO' });
    expect(updated).toMatchObject({ id: customer.id, first_name: 'Ada', last_name: 'Lovelace', country: 'CO' });
    expect(Date.parse(updated.updated_at!)).toBeGreaterThanOrEqual(Date.parse(customer.updated_at!));
    await expect(yuno.customers.update(customer.id, { merchant_customer_id: 'shopper-2' })).rejects.toMatchObject({
      yunoCode: 'CUSTOMER_ID_DUPLICATED',
    });
    await expect(yuno.customers.update(customer.id, { email: 'not an email' })).rejects.toThrow(/email/);

    await yuno.customerPaymentMethods.enroll(customer.id, {
      country: 'CO',
      type: 'CARD',
      workflow: 'DIRECT',
      card_data: { number: '4111111111111111', expiration_month: 3, expiration_year: 30, holder_name: 'ADA' },
    });
    const session = await yuno.checkoutSessions.create({
      merchant_order_id: 'order-1',
      payment_description: 'Order 1',
      country: 'CO',
      customer_id: customer.id,
      amount: { currency: 'COP', value: 5000 },
    });
    const before = await yuno.checkoutSessions.paymentMethods(session.checkout_session);
    expect(before.filter((m) => m.vaulted_token)).toHaveLength(1);

    // Yuno requires x-account-code on Delete Customer; the client sends it.
    expect((await raw('DELETE', `/v1/customers/${customer.id}`)).body).toMatchObject({ code: 'MISSING_PARAMETERS' });
    await expect(yuno.customers.delete(customer.id)).resolves.toBeUndefined();
    await expect(yuno.customers.retrieve(customer.id)).rejects.toMatchObject({ yunoCode: 'CUSTOMER_NOT_FOUND' });
    await expect(yuno.customers.delete(customer.id)).rejects.toMatchObject({ yunoCode: 'CUSTOMER_NOT_FOUND' });
    const after = await yuno.checkoutSessions.paymentMethods(session.checkout_session);
    expect(after.filter((m) => m.vaulted_token)).toEqual([]);
    // Its merchant_customer_id is free again.
    await expect(yuno.customers.create({ merchant_customer_id: 'shopper-1' })).resolves.toMatchObject({
      merchant_customer_id: 'shopper-1',
    });
  });
});

describe('checkout session updates', () => {
  it('updates a session while unpaid, and refuses once a payment exists', async () => {
    const { yuno } = setup();
    const session = await yuno.checkoutSessions.create({
      merchant_order_id: 'order-1',
      payment_description: 'Order 1',
      country: 'US',
      amount: { currency: 'USD', value: 100 },
    });
    const updated = await yuno.checkoutSessions.update(session.checkout_session, {
      merchant_order_id: 'order-1b',
      payment_description: 'Order 1, one more item',
      country: 'US',
      amount: { currency: 'USD', value: 120 },
    });
    expect(updated).toMatchObject({ merchant_order_id: 'order-1b', amount: { currency: 'USD', value: 120 } });
    await expect(yuno.checkoutSessions.retrieve(session.checkout_session)).resolves.toMatchObject({
      merchant_order_id: 'order-1b',
      amount: { currency: 'USD', value: 120 },
      used: false,
    });

    // The payment must match the updated session.
    const token = await yuno.checkoutSessions.createOneTimeToken(session.checkout_session, {
      payment_method: {
        type: 'CARD',
        card: { number: '4507990000000002', expiration_month: 11, expiration_year: 30, security_code: '123' },
      },
    });
    const payment = await yuno.payments.create({
      description: 'Order 1',
      country: 'US',
      merchant_order_id: 'order-1b',
      amount: { currency: 'USD', value: 120 },
      checkout: { session: session.checkout_session },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type: 'CARD', token: token.token },
    });
    expect(payment.status).toBe('SUCCEEDED');

    await expect(
      yuno.checkoutSessions.update(session.checkout_session, {
        merchant_order_id: 'order-1c',
        payment_description: 'Too late',
        country: 'US',
        amount: { currency: 'USD', value: 1 },
      }),
    ).rejects.toMatchObject({ status: 400, yunoCode: 'CHECKOUT_SESSION_NOT_FOUND' });
    await expect(yuno.checkoutSessions.retrieve(session.checkout_session)).resolves.toMatchObject({
      merchant_order_id: 'order-1b',
      used: true,
    });
    await expect(
      yuno.checkoutSessions.update('00000000-0000-4000-8000-000000000000', {
        merchant_order_id: 'order-x',
        payment_description: 'Unknown',
        country: 'US',
      }),
    ).rejects.toMatchObject({ yunoCode: 'CHECKOUT_SESSION_NOT_FOUND' });
  });
});

describe('enrollment lifecycles', () => {
  it('card in a customer session: enroll, finish in the SDK, retrieve by id, unenroll (checkout) with webhooks', async () => {
    const { sandbox, yuno, events } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const { customer_session: cs } = await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
    const enrollment = await yuno.customerSessions.enroll(cs, { payment_method_type: 'CARD', country: 'US' });
    const sdk = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch }).initialize(
      sandbox.credentials.publicApiKey,
    );
    const enroller = await sdk.apiClientEnroll({ customer_session: cs, country_code: 'US' });
    await enroller.continueEnrollment({
      customer_session: cs,
      payment_method: {
        type: 'CARD',
        card: {
          detail: { number: '5252440000000002', expiration_month: 11, expiration_year: 30, security_code: '123' },
        },
      },
    });
    const enrolled = await yuno.customerSessions.retrievePaymentMethod(enrollment.id);
    expect(enrolled).toMatchObject({ id: enrollment.id, status: 'ENROLLED', card_data: { lfd: '0002' } });
    const [saved] = await yuno.customerPaymentMethods.list(customer.id);
    await expect(yuno.customerPaymentMethods.retrieve(customer.id, saved!.vaulted_token!)).resolves.toMatchObject({
      status: 'ENROLLED',
      vaulted_token: saved!.vaulted_token,
    });

    const unenrolled = await yuno.customerSessions.unenroll(enrollment.id);
    expect(unenrolled).toMatchObject({ id: enrollment.id, status: 'UNENROLLED' });
    await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toEqual([]);
    await expect(yuno.customerSessions.unenroll(enrollment.id)).rejects.toMatchObject({ yunoCode: 'NOT_FOUND' });
    await sandbox.flushWebhooks();
    expect(events.map((e) => e.type_event)).toEqual(['enrollment.enroll', 'enrollment.unenroll']);
  });

  it.each(['MERCADO_PAGO_WALLET', 'NEQUI', 'BANCOLOMBIA_TOKENBOX'])(
    '%s in a Colombian customer session: READY_TO_ENROLL, confirmed on the provider page, listed, unenrolled',
    async (type) => {
      const { sandbox, yuno, events, confirmOnPage } = setup();
      const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
      const { customer_session: cs } = await yuno.customerSessions.create({ customer_id: customer.id, country: 'CO' });
      const enrollment = await yuno.customerSessions.enroll(cs, { payment_method_type: type, country: 'CO' });
      expect(enrollment).toMatchObject({ type, category: 'WALLET', status: 'READY_TO_ENROLL' });
      expect(enrollment.enrollment).toEqual({ session: cs, sdk_required_action: true });
      const page = await sandbox.fetch(enrollment.redirect_url as string);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<button type="submit" name="decision" value="approve">Save payment method/);
      expect(await confirmOnPage(enrollment.redirect_url as string, 'approve')).toBe(200);
      // Once decided, the page only tells the outcome.
      expect(await (await sandbox.fetch(enrollment.redirect_url as string)).text()).toMatch(
        /role="status">Payment method saved\./,
      );

      const enrolled = await yuno.customerSessions.retrievePaymentMethod(enrollment.id);
      expect(enrolled).toMatchObject({ status: 'ENROLLED', type });
      const listed = await yuno.customerPaymentMethods.list(customer.id);
      expect(listed).toEqual([
        expect.objectContaining({ type, status: 'ENROLLED', vaulted_token: expect.any(String) }),
      ]);
      await expect(yuno.customerPaymentMethods.retrieve(customer.id, listed[0]!.vaulted_token!)).resolves.toMatchObject(
        { id: enrollment.id, status: 'ENROLLED' },
      );
      await expect(yuno.customerSessions.unenroll(enrollment.id)).resolves.toMatchObject({ status: 'UNENROLLED' });
      await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toEqual([]);
      await sandbox.flushWebhooks();
      expect(events.map((e) => [e.type_event, (e.data as Json).payment_method])).toEqual([
        ['enrollment.enroll', expect.objectContaining({ id: enrollment.id, type, status: 'ENROLLED' })],
        ['enrollment.unenroll', expect.objectContaining({ id: enrollment.id, type, status: 'UNENROLLED' })],
      ]);
    },
  );

  it('NU_PAY_ENROLLMENT in Brazil; a wallet outside its countries is refused; a declined one is not saved', async () => {
    const { yuno, confirmOnPage } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const br = await yuno.customerSessions.create({ customer_id: customer.id, country: 'BR' });
    const nupay = await yuno.customerSessions.enroll(br.customer_session, {
      payment_method_type: 'NU_PAY_ENROLLMENT',
      country: 'BR',
    });
    expect(await confirmOnPage(nupay.redirect_url as string, 'decline')).toBe(200);
    await expect(yuno.customerSessions.retrievePaymentMethod(nupay.id)).resolves.toMatchObject({ status: 'DECLINED' });
    await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toEqual([]);
    await expect(
      yuno.customerSessions.enroll(br.customer_session, { payment_method_type: 'NEQUI', country: 'BR' }),
    ).rejects.toMatchObject({ yunoCode: 'UNAVAILABLE_PAYMENT_METHOD' });
    const methods = await yuno.customerSessions.enrollablePaymentMethods(br.customer_session);
    expect(methods.map((m) => m.type)).toEqual(['CARD', 'MERCADO_PAGO_WALLET', 'NU_PAY_ENROLLMENT']);
  });

  it('API enrollment: a card at once, an ACH account after the shopper confirms; retrieve and unenroll both', async () => {
    const { sandbox, yuno, events, confirmOnPage } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const card = await yuno.customerPaymentMethods.enroll(customer.id, {
      country: 'US',
      type: 'CARD',
      workflow: 'DIRECT',
      card_data: { number: '4111111111111111', expiration_month: 3, expiration_year: 30, security_code: '123' },
    });
    expect(card).toMatchObject({ status: 'ENROLLED', card_data: { iin: '41111111', lfd: '1111' } });
    const ach = await yuno.customerPaymentMethods.enroll(customer.id, {
      country: 'US',
      type: 'ACH_ENROLLMENT',
      workflow: 'DIRECT',
      payment_method: {
        vault_on_success: true,
        detail: {
          bank_transfer: { bank_account: '000123456789', routing_number: '110000000', account_type: 'CHECKINGS' },
        },
      },
    });
    expect(ach).toMatchObject({ status: 'READY_TO_ENROLL', action: 'REDIRECT_URL' });
    expect((await yuno.customerPaymentMethods.list(customer.id)).map((m) => m.type)).toEqual(['CARD']);
    expect(await confirmOnPage(ach.redirect_url!, 'approve')).toBe(200);
    const listed = await yuno.customerPaymentMethods.list(customer.id);
    expect(listed.map((m) => [m.type, m.status])).toEqual([
      ['CARD', 'ENROLLED'],
      ['ACH_ENROLLMENT', 'ENROLLED'],
    ]);
    const achToken = listed[1]!.vaulted_token!;
    const retrieved = await yuno.customerPaymentMethods.retrieve(customer.id, achToken);
    expect(retrieved).toMatchObject({ type: 'ACH_ENROLLMENT', category: 'BANK_TRANSFER', status: 'ENROLLED' });
    // The account number is kept as its mask only.
    expect(JSON.stringify(retrieved)).not.toContain('000123456789');
    expect(JSON.stringify(retrieved)).toContain('****6789');

    await expect(yuno.customerPaymentMethods.unenroll(customer.id, card.vaulted_token!)).resolves.toMatchObject({
      status: 'UNENROLLED',
    });
    await expect(yuno.customerPaymentMethods.unenroll(customer.id, achToken)).resolves.toMatchObject({
      type: 'ACH_ENROLLMENT',
      status: 'UNENROLLED',
    });
    await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toEqual([]);
    const other = await yuno.customers.create({ merchant_customer_id: 'shopper-2' });
    await expect(yuno.customerPaymentMethods.retrieve(other.id, achToken)).rejects.toMatchObject({
      yunoCode: 'NOT_FOUND',
    });
    await expect(
      yuno.customerPaymentMethods.enroll(customer.id, { country: 'US', type: 'CARD', workflow: 'DIRECT' }),
    ).rejects.toMatchObject({
      yunoCode: 'MISSING_PARAMETERS',
      messages: expect.arrayContaining([expect.stringMatching(/card_data\.number/)]),
    });
    await sandbox.flushWebhooks();
    expect(events.map((e) => e.type_event)).toEqual([
      'enrollment.enroll',
      'enrollment.enroll',
      'enrollment.unenroll',
      'enrollment.unenroll',
    ]);
  });

  it('accepts enroll and unenroll without an idempotency key, and replays them with one', async () => {
    const { sandbox, yuno, raw } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const body = {
      account_id: sandbox.credentials.accountId,
      country: 'US',
      type: 'CARD',
      card_data: { number: '4111111111111111', expiration_month: 3, expiration_year: 30 },
    };
    const first = await raw('POST', `/v1/customers/${customer.id}/payment-methods`, body);
    expect(first).toMatchObject({ status: 201, body: { status: 'ENROLLED' } });
    const keyed = await raw('POST', `/v1/customers/${customer.id}/payment-methods`, body, {
      'x-idempotency-key': 'k1',
    });
    const again = await raw('POST', `/v1/customers/${customer.id}/payment-methods`, body, {
      'x-idempotency-key': 'k1',
    });
    expect(again).toEqual(keyed);
    const token = first.body!.vaulted_token as string;
    const unenrolled = await raw('POST', `/v1/customers/${customer.id}/payment-methods/${token}/unenroll`);
    expect(unenrolled).toMatchObject({ status: 200, body: { status: 'UNENROLLED' } });
  });
});

describe('issuers', () => {
  it("lists PSE's banks for a Colombian checkout session or country, and nothing for methods without banks", async () => {
    const { yuno, raw } = setup();
    const session = await yuno.checkoutSessions.create({
      merchant_order_id: 'order-1',
      payment_description: 'Order 1',
      country: 'CO',
      amount: { currency: 'COP', value: 5000 },
    });
    const bySession = await yuno.issuers.list({ checkout_session: session.checkout_session, payment_method: 'PSE' });
    expect(bySession.length).toBe(40);
    expect(bySession[0]).toEqual({ id: '1001', name: 'BANCO DE BOGOTÁ' });
    await expect(yuno.issuers.list({ country_code: 'CO', payment_method: 'PSE' })).resolves.toEqual(bySession);
    await expect(yuno.issuers.list({ country_code: 'BR', payment_method: 'PIX' })).resolves.toEqual([]);
    await expect(yuno.issuers.list({ payment_method: 'PSE' })).rejects.toThrow(/checkout_session or country_code/);
    expect((await raw('GET', '/v1/issuers?payment_method=PSE')).body).toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(yuno.issuers.list({ checkout_session: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject(
      { yunoCode: 'CHECKOUT_SESSION_NOT_FOUND' },
    );
  });
});
