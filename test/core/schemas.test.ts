import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  AmountSchema,
  CancelOrRefundResponseSchema,
  CheckoutSessionSchema,
  CreatePaymentRequestSchema,
  CustomerSchema,
  CustomerSessionSchema,
  EnrollablePaymentMethodListSchema,
  EnrolledPaymentMethodListSchema,
  EnrollmentSchema,
  OneTimeTokenSchema,
  PaymentListSchema,
  PaymentMethodListSchema,
  PaymentSchema,
  WebhookV1Schema,
  WebhookV2Schema,
  YunoErrorBodySchema,
  isPaymentMethodEnabled,
} from '../../src/core';
import { readWebhookExample, responseExamples } from '../support/openapi';

const cases: Array<[file: string, status: string, schema: z.ZodMiniType]> = [
  ['create-customer.json', '201', CustomerSchema],
  ['retrieve-customer.json', '200', CustomerSchema],
  ['create-checkout-session.json', '200', CheckoutSessionSchema],
  ['retrieve-checkout-session.json', '200', CheckoutSessionSchema],
  ['retrieve-payment-methods-for-checkout.json', '200', PaymentMethodListSchema],
  ['create-one-time-use-token-sdk-checkout.json', '201', OneTimeTokenSchema],
  ['create-payment.json', '201', PaymentSchema],
  ['retrieve-payment-by-id-v2.json', '200', PaymentSchema],
  ['retrieve-payment-by-merchant-order-id.json', '200', PaymentListSchema],
  ['cancel-or-refund-a-payment.json', '201', CancelOrRefundResponseSchema],
  ['create-customer-session.json', '201', CustomerSessionSchema],
  ['enroll-payment-method-checkout.json', '201', EnrollmentSchema],
  ['retrieve-payment-methods-to-enroll-checkout.json', '200', EnrollablePaymentMethodListSchema],
  ['retrieve-enrolled-payment-methods-api.json', '200', EnrolledPaymentMethodListSchema],
  ['create-payment.json', '400', YunoErrorBodySchema],
  ['retrieve-customer.json', '404', YunoErrorBodySchema],
];

describe('core schemas accept every example Yuno publishes', () => {
  for (const [file, status, schema] of cases) {
    // Two of Yuno's examples ("Wallet - Direct", "Wallet - Direct 1") are empty strings: nothing to check.
    const examples = responseExamples(file, status).filter(([, value]) => value !== '');
    it(`${file} ${status} has examples`, () => {
      expect(examples.length).toBeGreaterThan(0);
    });
    for (const [name, value] of examples) {
      it(`${file} ${status} "${name}"`, () => {
        const result = schema.safeParse(value);
        expect(result.error?.issues ?? []).toEqual([]);
      });
    }
  }

  it('parses the v2 payment, chargeback and enrollment webhooks and the v1 payment webhook', () => {
    for (const file of ['payment-v2.json', 'chargeback-v2.json', 'enrollment-v2.json']) {
      const parsed = WebhookV2Schema.safeParse(readWebhookExample(file));
      expect(parsed.error?.issues ?? [], file).toEqual([]);
    }
    for (const file of ['payment-v1.json', 'chargeback-v1.json']) {
      const parsed = WebhookV1Schema.safeParse(readWebhookExample(file));
      expect(parsed.error?.issues ?? [], file).toEqual([]);
    }
  });
});

describe('tolerant where Yuno is inconsistent', () => {
  const method = { name: 'Card', type: 'CARD', checkout: { conditions: { enabled: true } } };

  it('accepts the payment-methods list bare or wrapped in payment_methods', () => {
    expect(PaymentMethodListSchema.parse([method])).toHaveLength(1);
    expect(PaymentMethodListSchema.parse({ payment_methods: [method] })).toHaveLength(1);
  });

  it('unwraps { payment } and always gives transactions as an array', () => {
    const payment = {
      id: 'p1',
      status: 'SUCCEEDED',
      merchant_order_id: 'order-1',
      amount: { currency: 'USD', value: 10 },
      transactions: { id: 't1', type: 'PURCHASE', status: 'SUCCEEDED' },
    };
    const bare = PaymentSchema.parse(payment);
    const wrapped = PaymentSchema.parse({ payment });
    expect(bare.transactions).toEqual([expect.objectContaining({ id: 't1' })]);
    expect(wrapped).toEqual(bare);
    expect(PaymentSchema.parse({ ...payment, transactions: [payment.transactions] }).transactions).toHaveLength(1);
    expect(PaymentSchema.parse({ ...payment, transactions: null }).transactions).toEqual([]);
  });

  it('keeps unknown statuses, types and extra fields', () => {
    const parsed = PaymentSchema.parse({
      id: 'p1',
      status: 'SOMETHING_NEW',
      merchant_order_id: 'order-1',
      amount: { currency: 'USD', value: 10 },
      brand_new_field: { x: 1 },
    });
    expect(parsed.status).toBe('SOMETHING_NEW');
    expect((parsed as Record<string, unknown>).brand_new_field).toEqual({ x: 1 });
  });

  it('names the checkout session id checkout_session whichever name Yuno used', () => {
    const base = { merchant_order_id: 'order-1', country: 'US' };
    expect(CheckoutSessionSchema.parse({ ...base, id: 'cs-1' }).checkout_session).toBe('cs-1');
    expect(CheckoutSessionSchema.parse({ ...base, checkout_session: 'cs-2' }).checkout_session).toBe('cs-2');
  });

  it('tells enabled methods from methods whose conditions disable them', () => {
    expect(isPaymentMethodEnabled(PaymentMethodListSchema.parse([method])[0]!)).toBe(true);
    const disabled = { ...method, checkout: { conditions: { enabled: false, rules: [] } } };
    expect(isPaymentMethodEnabled(PaymentMethodListSchema.parse([disabled])[0]!)).toBe(false);
  });
});

describe('strict where it matters', () => {
  it('rejects amounts that are negative, not finite, over four decimals, or in a malformed currency', () => {
    expect(AmountSchema.safeParse({ currency: 'USD', value: 10.5 }).success).toBe(true);
    expect(AmountSchema.safeParse({ currency: 'USD', value: -1 }).success).toBe(false);
    expect(AmountSchema.safeParse({ currency: 'USD', value: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(AmountSchema.safeParse({ currency: 'USD', value: 1.00001 }).success).toBe(false);
    expect(AmountSchema.safeParse({ currency: 'usd', value: 1 }).success).toBe(false);
    expect(AmountSchema.safeParse({ currency: 'USD', value: '10' }).success).toBe(false);
  });

  it('requires a payment id, status, order id and amount', () => {
    const ok = { id: 'p1', status: 'PENDING', merchant_order_id: 'o-1', amount: { currency: 'BRL', value: 5 } };
    expect(PaymentSchema.safeParse(ok).success).toBe(true);
    for (const key of ['id', 'status', 'merchant_order_id', 'amount'] as const) {
      const { [key]: _removed, ...rest } = ok;
      expect(PaymentSchema.safeParse(rest).success, key).toBe(false);
    }
    expect(PaymentSchema.safeParse({ ...ok, id: '' }).success).toBe(false);
  });

  it('requires what Yuno requires to create a payment', () => {
    const body = {
      account_id: 'acc-1',
      description: 'Order 1',
      country: 'BR',
      merchant_order_id: 'order-1',
      amount: { currency: 'BRL', value: 50 },
      payment_method: { token: 'tok-1' },
      checkout: { session: 'cs-1' },
    };
    expect(CreatePaymentRequestSchema.safeParse(body).success).toBe(true);
    expect(CreatePaymentRequestSchema.safeParse({ ...body, country: 'Brazil' }).success).toBe(false);
    expect(CreatePaymentRequestSchema.safeParse({ ...body, description: 'ab' }).success).toBe(false);
    const { amount: _a, ...withoutAmount } = body;
    expect(CreatePaymentRequestSchema.safeParse(withoutAmount).success).toBe(false);
  });
});
