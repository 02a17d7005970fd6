import { describe, expect, it } from 'vitest';
import { createKit, expectYunoError, uniqueId } from './kit';

describe('request validation', () => {
  it('answers INVALID_REQUEST for a body that is not JSON, or not a JSON object', async () => {
    const { api } = createKit();
    expectYunoError(await api('POST', '/v1/customers', '{"merchant_customer_id": '), 400, 'INVALID_REQUEST');
    expectYunoError(await api('POST', '/v1/customers', '[1,2]'), 400, 'INVALID_REQUEST');
    expectYunoError(await api('POST', '/v1/customers', '"text"'), 400, 'INVALID_REQUEST');
  });

  it('answers MISSING_PARAMETERS naming every missing required field', async () => {
    const { api } = createKit();
    const messages = expectYunoError(
      await api('POST', '/v1/checkout/sessions', { country: 'CO' }),
      400,
      'MISSING_PARAMETERS',
    );
    const text = messages.join(' ');
    expect(text).toContain('account_id');
    expect(text).toContain('merchant_order_id');
    expect(text).toContain('payment_description');
    expect(text).not.toContain('country');
  });

  it('answers INVALID_PARAMETERS for present but malformed fields, naming them', async () => {
    const { api, sandbox } = createKit();
    const messages = expectYunoError(
      await api('POST', '/v1/checkout/sessions', {
        account_id: sandbox.credentials.accountId,
        merchant_order_id: 'order-1',
        payment_description: 'ok description',
        country: 'Colombia',
        amount: { currency: 'cop', value: -1 },
      }),
      400,
      'INVALID_PARAMETERS',
    );
    const text = messages.join(' ');
    expect(text).toContain('country');
    expect(text).toContain('amount.currency');
    expect(text).toContain('amount.value');
    expectYunoError(
      await api('POST', '/v1/customers', { merchant_customer_id: uniqueId('c'), email: 'not-an-email' }),
      400,
      'INVALID_PARAMETERS',
    );
  });

  it('validates each write with its request schema', async () => {
    const { api, createCustomer, createSession, postPayment, sandbox } = createKit();
    const customer = await createCustomer();
    const session = await createSession({ customerId: customer.id });
    expectYunoError(await api('POST', '/v1/customers', {}), 400, 'MISSING_PARAMETERS');
    expectYunoError(
      await api('POST', `/v1/checkout/sessions/${session.checkout_session}/token`, {}),
      400,
      'MISSING_PARAMETERS',
    );
    expectYunoError(await postPayment({ account_id: sandbox.credentials.accountId }), 400, 'MISSING_PARAMETERS');
    expectYunoError(
      await api('POST', '/v1/customers/sessions', { account_id: sandbox.credentials.accountId }),
      400,
      'MISSING_PARAMETERS',
    );
    const cs = await api('POST', '/v1/customers/sessions', {
      account_id: sandbox.credentials.accountId,
      country: 'US',
      customer_id: customer.id,
    });
    const customerSession = (cs.body as { customer_session: string }).customer_session;
    expectYunoError(
      await api(
        'POST',
        `/v1/customers/sessions/${customerSession}/payment-methods`,
        { country: 'US' },
        { 'X-Idempotency-Key': uniqueId('k') },
      ),
      400,
      'MISSING_PARAMETERS',
    );
    expectYunoError(
      await api(
        'POST',
        '/v1/payments/p-1/cancel-or-refund',
        { reason: 'BECAUSE' },
        { 'X-Idempotency-Key': uniqueId('k') },
      ),
      400,
      'INVALID_PARAMETERS',
    );
  });

  it('requires the card fields a new card needs, and never echoes the card number', async () => {
    const { createSession, tokenRequest } = createKit();
    const session = await createSession();
    const missing = expectYunoError(
      await tokenRequest(session.checkout_session, { type: 'CARD', card: { number: '4111111111111111' } }),
      400,
      'MISSING_PARAMETERS',
    );
    expect(missing.join(' ')).toContain('payment_method.card.expiration_month');
    expect(missing.join(' ')).toContain('payment_method.card.security_code');
    const result = await tokenRequest(session.checkout_session, {
      type: 'CARD',
      card: { number: '4111111111111112', expiration_month: 11, expiration_year: 30, security_code: '123' },
    });
    expectYunoError(result, 400, 'INVALID_PARAMETERS');
    expect(result.text).toContain('payment_method.card.number');
    expect(result.text).not.toContain('4111111111111112');
  });
});
