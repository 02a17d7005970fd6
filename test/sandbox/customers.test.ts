import { describe, expect, it } from 'vitest';
import { CustomerSchema } from 'yuno-react/core';
import { createKit, expectYunoError, uniqueId } from './kit';

describe('customers', () => {
  it('creates a customer (201), echoing what was sent and null for what was not', async () => {
    const { api } = createKit({ now: Date.UTC(2031, 4, 6, 12) });
    const merchantCustomerId = uniqueId('shopper');
    const result = await api('POST', '/v1/customers', {
      merchant_customer_id: merchantCustomerId,
      first_name: 'Ada',
      email: 'ada@example.com',
      document: { document_type: 'CC', document_number: '1032765432' },
    });
    expect(result.status).toBe(201);
    const customer = CustomerSchema.parse(result.body);
    expect(customer).toMatchObject({
      merchant_customer_id: merchantCustomerId,
      first_name: 'Ada',
      last_name: null,
      email: 'ada@example.com',
      document: { document_type: 'CC', document_number: '1032765432' },
      phone: null,
      merchant_customer_created_at: null,
    });
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(customer.created_at?.startsWith('2031-05-06T12:')).toBe(true);
  });

  it('refuses a second customer with the same merchant_customer_id', async () => {
    const { api } = createKit();
    const body = { merchant_customer_id: uniqueId('shopper') };
    expect((await api('POST', '/v1/customers', body)).status).toBe(201);
    expectYunoError(await api('POST', '/v1/customers', body), 400, 'CUSTOMER_ID_DUPLICATED');
  });

  it('retrieves a customer by id and by merchant_customer_id, leaving out what was never given', async () => {
    const { api, createCustomer } = createKit();
    const created = await createCustomer({ first_name: 'Grace', country: 'CO' });
    const byId = await api('GET', `/v1/customers/${created.id}`);
    expect(byId.status).toBe(200);
    expect(CustomerSchema.parse(byId.body)).toMatchObject({ id: created.id, first_name: 'Grace', country: 'CO' });
    expect(byId.body).not.toHaveProperty('last_name');
    const byMerchantId = await api(
      'GET',
      `/v1/customers?merchant_customer_id=${encodeURIComponent(created.merchant_customer_id)}`,
    );
    expect(byMerchantId.status).toBe(200);
    expect(byMerchantId.body).toEqual(byId.body);
  });

  it('answers 400 CUSTOMER_NOT_FOUND for unknown customers', async () => {
    const { api } = createKit();
    expectYunoError(await api('GET', '/v1/customers/00000000-0000-4000-8000-000000000000'), 400, 'CUSTOMER_NOT_FOUND');
    expectYunoError(await api('GET', '/v1/customers?merchant_customer_id=nobody'), 400, 'CUSTOMER_NOT_FOUND');
    expectYunoError(await api('GET', '/v1/customers'), 400, 'MISSING_PARAMETERS');
  });
});
