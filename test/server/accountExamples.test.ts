/**
 * Every request example of Yuno's customer, checkout-session and enrollment files, sent through the server client to
 * the sandbox on state prepared for it, must be accepted. Each example's `account_id` (Yuno's own account or the
 * `{{account_id}}` placeholder) is left to the client, which fills in the sandbox's.
 */
import { describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';
import { requestExamples } from '../support/openapi';

type Json = Record<string, unknown>;

function setup() {
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
  return { sandbox, yuno, events };
}

/** An example's body without its `account_id`, which the client fills in. */
function withoutAccount<T>(example: unknown): T {
  const { account_id: _accountId, ...body } = example as Json;
  return body as T;
}

const examples = (file: string) => requestExamples(file).map(([name, value]) => ({ name, value }));

describe('create-customer.json', () => {
  it.each(examples('create-customer.json'))('accepts the "$name" example', async ({ value }) => {
    const { yuno } = setup();
    const body = value as Parameters<typeof yuno.customers.create>[0];
    const customer = await yuno.customers.create(body);
    expect(customer).toMatchObject({ merchant_customer_id: body.merchant_customer_id, email: body.email });
    await expect(yuno.customers.retrieve(customer.id)).resolves.toMatchObject({ email: body.email });
  });
});

describe('update-customer.json', () => {
  it.each(examples('update-customer.json'))(
    'accepts the "$name" example on an existing customer',
    async ({ value }) => {
      const { yuno } = setup();
      const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1', email: 'john.doe@gmail.com' });
      const body = value as Parameters<typeof yuno.customers.update>[1];
      const updated = await yuno.customers.update(customer.id, body);
      expect(updated).toMatchObject({ id: customer.id, ...body });
      await expect(yuno.customers.retrieve(customer.id)).resolves.toMatchObject(body);
    },
  );
});

describe('update-checkout-session.json', () => {
  it.each(examples('update-checkout-session.json'))(
    'accepts the "$name" example on an unpaid session (an amount without value keeps the value)',
    async ({ value }) => {
      const { yuno } = setup();
      const session = await yuno.checkoutSessions.create({
        merchant_order_id: 'order-1',
        payment_description: 'Before the update',
        country: 'AR',
        amount: { currency: 'ARS', value: 100 },
      });
      const body = withoutAccount<Parameters<typeof yuno.checkoutSessions.update>[1]>(value);
      const updated = await yuno.checkoutSessions.update(session.checkout_session, body);
      expect(updated).toMatchObject({
        checkout_session: session.checkout_session,
        merchant_order_id: body.merchant_order_id,
        payment_description: body.payment_description,
        country: body.country,
        amount: { currency: body.amount?.currency, value: 100 },
        used: false,
      });
    },
  );
});

describe('enroll-payment-method-checkout.json', () => {
  it.each(examples('enroll-payment-method-checkout.json'))(
    'accepts the "$name" example in a customer session',
    async ({ value }) => {
      const { yuno } = setup();
      const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
      const { customer_session: customerSession } = await yuno.customerSessions.create({
        customer_id: customer.id,
        country: 'US',
      });
      const body = withoutAccount<Parameters<typeof yuno.customerSessions.enroll>[1]>(value);
      const enrollment = await yuno.customerSessions.enroll(customerSession, body);
      expect(enrollment).toMatchObject({
        type: 'CARD',
        status: 'READY_TO_ENROLL',
        enrollment: { session: customerSession },
        verify: expect.objectContaining({ vault_on_success: body.verify?.vault_on_success ?? false }),
      });
      await expect(yuno.customerSessions.retrievePaymentMethod(enrollment.id)).resolves.toMatchObject({
        id: enrollment.id,
        status: 'READY_TO_ENROLL',
      });
    },
  );
});

describe('enroll-payment-method-api.json', () => {
  const cases = examples('enroll-payment-method-api.json');

  it('has the five examples this test knows how to check', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'Card Direct',
      'ACH Enrollment',
      'Token migration process',
      'Card Enrollment With Verification',
      'Provider token enrollment',
    ]);
  });

  it.each(cases)('accepts the "$name" example for an existing customer', async ({ name, value }) => {
    const { sandbox, yuno, events } = setup();
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const body = withoutAccount<Parameters<typeof yuno.customerPaymentMethods.enroll>[1]>(value);
    const enrolled = await yuno.customerPaymentMethods.enroll(customer.id, body);
    await sandbox.flushWebhooks();

    if (name === 'ACH Enrollment') {
      // Yuno's answer for a bank account: waiting for the shopper, with where to send them.
      expect(enrolled).toEqual({
        type: 'ACH_ENROLLMENT',
        status: 'READY_TO_ENROLL',
        action: 'REDIRECT_URL',
        redirect_url: expect.stringMatching(/^http/),
      });
      expect(events).toEqual([]);
      return;
    }
    expect(enrolled).toMatchObject({ type: 'CARD', status: 'ENROLLED', vaulted_token: expect.any(String) });
    const saved = await yuno.customerPaymentMethods.retrieve(customer.id, enrolled.vaulted_token!);
    expect(saved).toMatchObject({ status: 'ENROLLED', vaulted_token: enrolled.vaulted_token });
    expect(events.map((e) => e.type_event)).toEqual(['enrollment.enroll']);
    expect(JSON.stringify(enrolled)).not.toContain('4111111111111111');
  });
});
