import { describe, expect, it } from 'vitest';
import { createContractValidator, inferSchema, loadRoutes } from '../support/contract';
import { responseExamples } from '../support/openapi';

describe('the contract validator', () => {
  it('routes every process path to its per-endpoint file, the most specific template first', () => {
    const v = createContractValidator();
    expect(v.route('POST', '/v1/customers/sessions')?.file).toBe('create-customer-session.json');
    expect(v.route('GET', '/v1/customers/abc')?.file).toBe('retrieve-customer.json');
    expect(v.route('GET', '/v1/customers')?.file).toBe('retrieve-customer-by-external-id.json');
    expect(v.route('POST', '/v1/customers/sessions/cs/payment-methods')?.file).toBe(
      'enroll-payment-method-checkout.json',
    );
    expect(v.route('GET', '/v1/checkout/sessions/cs/payment-methods')?.file).toBe(
      'retrieve-payment-methods-for-checkout.json',
    );
    expect(v.route('POST', '/v1/payments')?.file).toBe('create-payment.json');
    expect(v.route('GET', '/v1/payments/p')?.file).toBe('retrieve-payment-by-id-v2.json');
    expect(loadRoutes().length).toBeGreaterThan(25);
  });

  it('infers a schema that accepts the examples it came from and rejects a missing shared key', () => {
    const examples = responseExamples('create-payment.json', '201')
      .map(([, v]) => v)
      .filter((v) => v !== '');
    const v = createContractValidator();
    for (const example of examples) {
      expect(v.validateResponse('POST', '/v1/payments', 201, example).errors).toEqual([]);
    }
    const { status: _s, ...withoutStatus } = examples[0] as Record<string, unknown>;
    const check = v.validateResponse('POST', '/v1/payments', 201, withoutStatus);
    expect(check.source).toBe('inferred from examples');
    expect(check.note).toMatch(/create-payment.json 201: the published schema rejects \d+ of its \d+ examples/);
    expect(check.errors.join()).toContain("must have required property 'status'");
  });

  it('lets a key whose examples are all null take any value, and keeps unions of types', () => {
    const schema = inferSchema([
      { a: null, b: 1 },
      { a: null, b: 'x' },
    ]);
    expect(schema).toMatchObject({ properties: { a: {}, b: { type: ['number', 'string'] } }, required: ['a', 'b'] });
  });

  it('validates against a published schema where the file has one', () => {
    const v = createContractValidator();
    const check = v.validateResponse('POST', '/v1/payments', 400, { code: 'INVALID_REQUEST', messages: ['x'] });
    expect(check).toEqual({ file: 'create-payment.json', source: 'published schema', errors: [] });
    expect(v.validateResponse('POST', '/v1/payments', 400, { messages: 'x' }).errors.length).toBeGreaterThan(0);
  });
});
