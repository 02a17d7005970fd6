import { describe, expect, it } from 'vitest';
import { OneTimeTokenSchema } from 'yuno-react/core';
import { createKit, expectYunoError } from './kit';

describe('one-time tokens', () => {
  it('tokenizes a card (201) with its IIN, last four, brand and lengths only', async () => {
    const { createSession, tokenRequest } = createKit();
    const session = await createSession({ country: 'BR', currency: 'BRL' });
    const result = await tokenRequest(session.checkout_session, {
      type: 'CARD',
      card: {
        number: '4507990000000002',
        expiration_month: 11,
        expiration_year: 28,
        security_code: '123',
        holder_name: 'Ada',
        type: 'DEBIT',
      },
      customer: { email: 'ada@example.com', browser_info: { user_agent: 'vitest', language: 'pt-BR' } },
      installment: { id: 'plan-1', value: 3 },
    });
    expect(result.status).toBe(201);
    const token = OneTimeTokenSchema.parse(result.body);
    expect(token).toMatchObject({
      vaulted_token: null,
      vault_on_success: false,
      type: 'CARD',
      card_data: {
        holder_name: 'Ada',
        iin: '45079900',
        lfd: '0002',
        number_length: 16,
        security_code_length: 3,
        brand: 'VISA',
        type: 'DEBIT',
      },
      customer: { email: 'ada@example.com', browser_info: { user_agent: 'vitest' } },
      installment: { id: 'plan-1', value: 3 },
      country: 'BR',
      customer_session: null,
    });
    expect(result.text).not.toContain('4507990000000002');
    expect(result.text).not.toContain('"123"');
  });

  it('detects the brand from the number, with 6-digit IINs for numbers shorter than 16', async () => {
    const { createSession, createToken, card } = createKit();
    const cases: Array<[number: string, brand: string, iin: string, cvvLength: number]> = [
      ['5252440000000002', 'MASTERCARD', '52524400', 3],
      ['2223000048400011', 'MASTERCARD', '22230000', 3],
      ['370000000000002', 'AMEX', '370000', 4],
      ['3647166000000002', 'DINERS', '36471660', 3],
      ['6011000990139424', 'DISCOVER', '60110009', 3],
      ['3566002020360505', 'JCB', '35660020', 3],
      ['6362970000457013', 'ELO', '63629700', 3],
      ['6062825624254001', 'HIPERCARD', '60628256', 3],
      ['6759649826438453', 'MAESTRO', '67596498', 3],
    ];
    for (const [number, brand, iin, cvvLength] of cases) {
      const session = await createSession();
      const token = await createToken(session.checkout_session, card(number));
      expect(token.card_data, number).toMatchObject({
        brand,
        iin,
        lfd: number.slice(-4),
        number_length: number.length,
        security_code_length: cvvLength,
      });
    }
  });

  it('tokenizes an alternative method by its type, without card data', async () => {
    const { createSession, createToken } = createKit();
    const session = await createSession({ country: 'BR', currency: 'BRL' });
    const token = await createToken(session.checkout_session, { type: 'PIX' });
    expect(token).toMatchObject({ type: 'PIX', vaulted_token: null });
    expect(token.card_data).toBeUndefined();
  });

  it('refuses a method the session does not offer, or offers disabled', async () => {
    const { createSession, tokenRequest } = createKit();
    const session = await createSession({ country: 'US' });
    expectYunoError(await tokenRequest(session.checkout_session, { type: 'PIX' }), 400, 'UNAVAILABLE_PAYMENT_METHOD');
    expectYunoError(await tokenRequest(session.checkout_session, { type: 'OXXO' }), 400, 'UNAVAILABLE_PAYMENT_METHOD');
  });

  it('refuses unknown sessions and a foreign account_id', async () => {
    const { api, createSession, card } = createKit();
    expectYunoError(
      await api('POST', '/v1/checkout/sessions/00000000-0000-4000-8000-000000000000/token', {
        payment_method: card('4111111111111111'),
      }),
      400,
      'CHECKOUT_SESSION_NOT_FOUND',
    );
    const session = await createSession();
    expectYunoError(
      await api('POST', `/v1/checkout/sessions/${session.checkout_session}/token`, {
        account_id: 'another-account',
        payment_method: card('4111111111111111'),
      }),
      400,
      'INVALID_ACCOUNT_ID',
    );
  });

  it('is single use: a second payment with the same token is INVALID_TOKEN', async () => {
    const { payWithCard, paymentBody, postPayment, createSession } = createKit();
    const first = await payWithCard('4111111111111111');
    const reuse = await postPayment(paymentBody(first.session, { type: 'CARD', token: first.token.token }));
    expect(expectYunoError(reuse, 400, 'INVALID_TOKEN')).toEqual(['The one-time token was already used']);
    // Also on a fresh session: the token is spent, whatever session it is offered to.
    const other = await createSession();
    expectYunoError(
      await postPayment(paymentBody(other, { type: 'CARD', token: first.token.token })),
      400,
      'INVALID_TOKEN',
    );
  });

  it('is bound to its session: a token from another session is INVALID_TOKEN', async () => {
    const { createSession, createToken, card, paymentBody, postPayment } = createKit();
    const a = await createSession();
    const b = await createSession();
    const tokenOfA = await createToken(a.checkout_session, card('4111111111111111'));
    const result = await postPayment(paymentBody(b, { type: 'CARD', token: tokenOfA.token }));
    expect(expectYunoError(result, 400, 'INVALID_TOKEN')).toEqual([
      'The one-time token belongs to another checkout session',
    ]);
    expectYunoError(await postPayment(paymentBody(b, { type: 'CARD', token: 'no-such-token' })), 400, 'INVALID_TOKEN');
    // The token was not spent by the refusals: its own session can still use it.
    expect((await postPayment(paymentBody(a, { type: 'CARD', token: tokenOfA.token }))).status).toBe(201);
  });
});

describe('Web SDK tokenizer (/_sandbox/sdk)', () => {
  it('takes what headless generateToken sends, with the public key alone', async () => {
    const { createSession, sandbox } = createKit();
    const session = await createSession();
    const body = {
      checkout_session: session.checkout_session,
      payment_method: {
        type: 'CARD',
        vaulted_token: null,
        card: {
          save: true,
          detail: {
            number: '5252440000000002',
            expiration_month: 11,
            expiration_year: 28,
            security_code: '123',
            holder_name: 'Ada',
            type: null,
          },
        },
        customer: { first_name: 'Ada' },
      },
    };
    const url = `/_sandbox/sdk/checkout/sessions/${session.checkout_session}/token`;
    const refused = await sandbox.fetch(url, { method: 'POST', body: JSON.stringify(body) });
    expect(refused.status).toBe(401);
    const wrongKey = await sandbox.fetch(url, {
      method: 'POST',
      headers: { 'public-api-key': 'nope' },
      body: JSON.stringify(body),
    });
    expect(wrongKey.status).toBe(401);
    const response = await sandbox.fetch(url, {
      method: 'POST',
      headers: { 'public-api-key': sandbox.credentials.publicApiKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const token = OneTimeTokenSchema.parse(await response.json());
    expect(token).toMatchObject({
      type: 'CARD',
      vault_on_success: true,
      card_data: { brand: 'MASTERCARD', lfd: '0002' },
      customer: { first_name: 'Ada' },
    });
  });

  it('refuses a body naming another session than the path', async () => {
    const { createSession, sandbox } = createKit();
    const session = await createSession();
    const response = await sandbox.fetch(`/_sandbox/sdk/checkout/sessions/${session.checkout_session}/token`, {
      method: 'POST',
      headers: { 'public-api-key': sandbox.credentials.publicApiKey },
      body: JSON.stringify({ checkout_session: 'another', payment_method: { type: 'CARD' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_PARAMETERS' });
  });

  it('returns a device fingerprint for the fraud check', async () => {
    const { sandbox } = createKit();
    const response = await sandbox.fetch('/_sandbox/sdk/fraud', {
      method: 'POST',
      headers: { 'public-api-key': sandbox.credentials.publicApiKey },
      body: JSON.stringify({ checkout_session: 'cs', payment_type: 'CARD' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'success',
      deviceFingerprints: [{ providerId: 'SANDBOX', sessionId: expect.any(String) }],
    });
  });
});
