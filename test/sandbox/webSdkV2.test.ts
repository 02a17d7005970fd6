// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { YunoSdkV2OneTimeToken, YunoSdkV2StatusResult, YunoSdkV2TransactionConfig } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

let seq = 0;
async function newCheckout() {
  seq += 1;
  const customer = await yuno.customers.create({ merchant_customer_id: `v2-standin-${seq}`, country: 'US' });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `v2-standin-order-${seq}`,
    payment_description: 'Stand-in 2.x',
    country: 'US',
    customer_id: customer.id,
    amount: { currency: 'USD', value: 30 },
  });
  /** The merchant's server creating the payment from the token, as a createPayment controller's backend does. */
  const createPayment = async (token: YunoSdkV2OneTimeToken) => {
    await yuno.payments.create({
      description: 'Stand-in 2.x',
      country: 'US',
      merchant_order_id: session.merchant_order_id,
      amount: { currency: 'USD', value: 30 },
      checkout: { session: token.checkout_session! },
      customer_payer: { id: customer.id },
      workflow: 'SDK_CHECKOUT',
      payment_method: { type: 'CARD', token: token.token },
    });
  };
  return { checkoutSession: session.checkout_session, createPayment };
}

const cardData = (number: string) => ({
  card: { number, expirationMonth: 11, expirationYear: 30, securityCode: '123', holderName: 'Ada Lovelace' },
});

async function run(
  config: Omit<YunoSdkV2TransactionConfig, 'countryCode' | 'onStatus'>,
  number: string | undefined,
  options: Partial<Parameters<typeof createSandboxWebSdk>[0]> = {},
) {
  const sdk = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, ...options }).initialize(
    sandbox.credentials.publicApiKey,
  );
  const statuses: YunoSdkV2StatusResult[] = [];
  const loading: boolean[] = [];
  await sdk
    .transaction({
      ...config,
      countryCode: 'US',
      onStatus: (result) => statuses.push(result),
      showLoading: (isLoading) => loading.push(isLoading),
    })
    .start({ paymentMethod: { type: 'CARD', ...(number ? { data: cardData(number) } : {}) } });
  return { statuses, loading };
}

describe('createSandboxWebSdk: the 2.x surface', () => {
  it('speaks both lines by default, and one with sdkVersion', async () => {
    const key = sandbox.credentials.publicApiKey;
    const both = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch }).initialize(key);
    const v1 = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, sdkVersion: 1 }).initialize(key);
    const v2 = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, sdkVersion: 2 }).initialize(key);
    expect([typeof both.transaction, typeof both.apiClientPayment]).toEqual(['function', 'function']);
    expect([typeof (v1 as { transaction?: unknown }).transaction, typeof v1.startCheckout]).toEqual([
      'undefined',
      'function',
    ]);
    expect([typeof v2.transaction, typeof (v2 as { apiClientPayment?: unknown }).apiClientPayment]).toEqual([
      'function',
      'undefined',
    ]);
  });

  it('refuses a config with both sessions, neither, or no country, as Yuno documents', async () => {
    const sdk = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, sdkVersion: 2 }).initialize(
      sandbox.credentials.publicApiKey,
    );
    expect(() => sdk.transaction({ checkoutSession: 'a', customerSession: 'b', countryCode: 'US' })).toThrow(
      'Exactly one of checkoutSession or customerSession must be provided',
    );
    expect(() => sdk.transaction({ countryCode: 'US' })).toThrow(/Exactly one/);
    expect(() => sdk.transaction({ checkoutSession: 'a', countryCode: '' })).toThrow('countryCode is required');
  });

  it('pays an approved card, wrapping the work in showLoading true then false', async () => {
    const { checkoutSession, createPayment } = await newCheckout();
    const tokens: YunoSdkV2OneTimeToken[] = [];
    const { statuses, loading } = await run(
      {
        checkoutSession,
        createPayment: async (token) => {
          tokens.push(token);
          await createPayment(token);
        },
      },
      '4507990000000002',
    );
    expect(statuses).toEqual([{ status: 'SUCCEEDED', substatus: 'APPROVED', message: null }]);
    expect(loading).toEqual([true, false]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ checkout_session: checkoutSession, recognitionToken: expect.any(String) });
  });

  it('renders no form: a card without data ends in INTERNAL_ERROR from the sdk, before any token', async () => {
    const { checkoutSession, createPayment } = await newCheckout();
    let calls = 0;
    const { statuses } = await run(
      { checkoutSession, createPayment: async (t) => void (calls++, await createPayment(t)) },
      undefined,
    );
    expect(statuses).toEqual([
      {
        status: 'INTERNAL_ERROR',
        substatus: null,
        message: expect.objectContaining({ source: 'sdk', code: 'FORM_NOT_AVAILABLE' }),
      },
    ]);
    expect(calls).toBe(0);
  });

  it('reports a refused card as a backend INTERNAL_ERROR with the sandbox code', async () => {
    const { checkoutSession, createPayment } = await newCheckout();
    const { statuses } = await run({ checkoutSession, createPayment }, '4507990000000003');
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({
      status: 'INTERNAL_ERROR',
      message: { source: 'backend', code: expect.stringMatching(/^[A-Z_]+$/) },
    });
  });

  it('ends a 3DS challenge in INTERNAL_ERROR without answerThreeDSecure, and in USER_CANCEL when the answer rejects', async () => {
    const first = await newCheckout();
    const unanswered = await run(first, '4916994064252017');
    expect(unanswered.statuses).toEqual([
      {
        status: 'INTERNAL_ERROR',
        substatus: null,
        message: expect.objectContaining({ source: 'sdk', code: 'THREE_D_SECURE_UNAVAILABLE' }),
      },
    ]);

    const second = await newCheckout();
    const closed = await run(second, '4916994064252017', {
      answerThreeDSecure: () => Promise.reject(new Error('closed')),
    });
    expect(closed.statuses).toEqual([{ status: 'USER_CANCEL', substatus: null, message: null }]);
  });

  it('stops without onStatus after createPayment with autoContinuePayment false, or when it rejects', async () => {
    const first = await newCheckout();
    expect((await run({ ...first, autoContinuePayment: false }, '4507990000000002')).statuses).toEqual([]);
    const second = await newCheckout();
    const rejected = await run(
      { checkoutSession: second.checkoutSession, createPayment: () => Promise.reject(new Error('no')) },
      '4507990000000002',
    );
    expect(rejected.statuses).toEqual([]);
  });
});
