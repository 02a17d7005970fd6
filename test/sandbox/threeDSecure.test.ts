import { describe, expect, it } from 'vitest';
import { PaymentSchema, getNextAction } from 'yuno-react/core';
import { at, createKit } from './kit';

describe('3DS frictionless', () => {
  for (const [number, brand, eci] of [
    ['4929251897047956', 'VISA', '05'],
    ['5512459816707531', 'MASTERCARD', '02'],
    ['347899129656655', 'AMEX', '05'],
  ] as const) {
    it(`${brand} ${number} succeeds with authentication data`, async () => {
      const { payWithCard } = createKit();
      const { payment, result } = await payWithCard(number);
      expect(payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
      const threeDS = at(result.body, 'payment_method', 'payment_method_detail', 'card', 'card_data', 'three_d_secure');
      expect(threeDS).toMatchObject({
        version: '2.2.0',
        pares_status: 'Y',
        electronic_commerce_indicator: eci,
        cryptogram: expect.any(String),
      });
    });
  }

  it('declines 4716429323842524 (not authenticated) with AUTHENTICATION_FAILED_THREE_D_SECURE', async () => {
    const { payWithCard } = createKit();
    const { payment, result } = await payWithCard('4716429323842524');
    expect(payment.status).toBe('DECLINED');
    expect(at(result.body, 'transactions', 'response_code')).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
    expect(
      at(result.body, 'payment_method', 'payment_method_detail', 'card', 'card_data', 'three_d_secure', 'pares_status'),
    ).toBe('N');
  });

  it('approves 4234123412340001 (not enrolled) without authentication data', async () => {
    const { payWithCard } = createKit();
    const { payment, result } = await payWithCard('4234123412340001');
    expect(payment.status).toBe('SUCCEEDED');
    expect(
      at(result.body, 'payment_method', 'payment_method_detail', 'card', 'card_data', 'three_d_secure', 'version'),
    ).toBeNull();
  });
});

describe('3DS challenge', () => {
  const challengeCards = ['4916994064252017', '4234123412340003', '5306889942833340', '348638267931507'];

  for (const number of challengeCards) {
    it(`${number} waits for the challenge, then 1234 approves it`, async () => {
      const { payWithCard, sandbox, api } = createKit();
      const { payment, result, session } = await payWithCard(number);
      expect(payment).toMatchObject({
        status: 'PENDING',
        sub_status: 'WAITING_ADDITIONAL_STEP',
        checkout: { sdk_action_required: true },
      });
      expect(at(result.body, 'transactions', 'response_code')).toBe('CHALLENGE_REQUIRED');
      expect(at(result.body, 'transactions', 'type')).toBe('THREE_D_SECURE');
      expect(getNextAction(payment)).toEqual({ type: 'three_d_secure', checkoutSession: session.checkout_session });

      const done = await sandbox.completeThreeDSecure(session.checkout_session, '1234');
      expect(done).toMatchObject({
        id: payment.id,
        status: 'SUCCEEDED',
        sub_status: 'APPROVED',
        checkout: { sdk_action_required: false },
      });
      const retrieved = PaymentSchema.parse((await api('GET', `/v1/payments/${payment.id}`)).body);
      expect(retrieved.transactions?.map((t) => [t.type, t.status, t.response_code])).toEqual([
        ['THREE_D_SECURE', 'SUCCEEDED', 'SUCCEEDED_THREE_D_SECURE'],
        ['PURCHASE', 'SUCCEEDED', 'SUCCEEDED'],
      ]);
      expect(retrieved.payment_method?.payment_method_detail?.card?.card_data?.three_d_secure?.pares_status).toBe('Y');
    });
  }

  it('declines with AUTHENTICATION_FAILED_THREE_D_SECURE on 1111, 2222 and 3333; 4444 authenticates', async () => {
    const { payWithCard, sandbox } = createKit();
    for (const [otp, status, pares] of [
      ['1111', 'DECLINED', 'N'],
      ['2222', 'DECLINED', 'R'],
      ['3333', 'DECLINED', 'U'],
      ['4444', 'SUCCEEDED', 'A'],
    ] as const) {
      const { payment } = await payWithCard('4916994064252017');
      // Completed by payment id here, by checkout session above: both find the payment.
      const done = await sandbox.completeThreeDSecure(payment.id, otp);
      expect(done.status, otp).toBe(status);
      expect(done.payment_method?.payment_method_detail?.card?.card_data?.three_d_secure?.pares_status).toBe(pares);
      if (status === 'DECLINED') {
        expect(done.sub_status).toBe('DECLINED');
        expect(done.transactions?.at(-1)?.response_code).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
      }
    }
  });

  it('refuses to complete a challenge twice, or where none is waiting', async () => {
    const { payWithCard, sandbox } = createKit();
    const { payment } = await payWithCard('4916994064252017');
    await sandbox.completeThreeDSecure(payment.id, '1234');
    await expect(sandbox.completeThreeDSecure(payment.id, '1234')).rejects.toThrow(/INVALID_STATUS/);
    await expect(sandbox.completeThreeDSecure('no-such-session', '1234')).rejects.toThrow(/PAYMENT_NOT_FOUND/);
  });

  it('serves the challenge URL to the Web SDK, and an accessible challenge page that posts the result to its parent', async () => {
    const { payWithCard, sandbox } = createKit({ baseUrl: 'http://sandbox.test:4010' });
    const { session, payment } = await payWithCard('5306889942833340');
    const urlResponse = await sandbox.fetch(
      `/_sandbox/sdk/checkout/sessions/${session.checkout_session}/three-d-secure`,
      {
        headers: { 'public-api-key': sandbox.credentials.publicApiKey },
      },
    );
    expect(urlResponse.status).toBe(200);
    const { url } = (await urlResponse.json()) as { url: string };
    expect(url).toBe(`http://sandbox.test:4010/_sandbox/3ds/${session.checkout_session}`);

    const page = await sandbox.fetch(`${url}?embedded=true`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const markup = await page.text();
    expect(markup).toContain('<html lang="en">');
    expect(markup).toMatch(/<label for="otp">[^<]+<\/label>/);
    expect(markup).toContain('id="otp" name="otp"');
    expect(markup).toMatch(/<button type="submit">Verify payment<\/button>/);
    expect(markup).toContain(`action="/_sandbox/3ds/${session.checkout_session}?embedded=true"`);

    const empty = await sandbox.fetch(`${url}?embedded=true`, {
      method: 'POST',
      body: new URLSearchParams({ otp: '' }),
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('role="alert"');
    expect(sandbox.getPayment(payment.id)?.status).toBe('PENDING');

    const answer = await sandbox.fetch(`${url}?embedded=true`, {
      method: 'POST',
      body: new URLSearchParams({ otp: '1111' }),
    });
    expect(answer.status).toBe(200);
    const result = await answer.text();
    expect(result).toMatch(/<p role="status">[^<]*declined[^<]*<\/p>/);
    expect(result).toContain('postMessage(');
    expect(result).toContain(
      `{"origin":"CHALLENGE","status":"DECLINED","checkoutSession":"${session.checkout_session}"}`,
    );
    expect(sandbox.getPayment(payment.id)?.status).toBe('DECLINED');

    const again = await sandbox.fetch(url);
    expect(again.status).toBe(404);
  });

  it('answers the challenge page with SUCCEEDED on the right code', async () => {
    const { payWithCard, sandbox } = createKit();
    const { session, payment } = await payWithCard('4234123412340003');
    const answer = await sandbox.fetch(`/_sandbox/3ds/${session.checkout_session}`, {
      method: 'POST',
      body: new URLSearchParams({ otp: '1234' }),
    });
    expect(await answer.text()).toContain('"status":"SUCCEEDED"');
    expect(sandbox.getPayment(payment.id)?.status).toBe('SUCCEEDED');
  });

  it('sends a card to a challenge when the description says CHALLENGE_REQUIRED', async () => {
    const { payWithCard } = createKit();
    const { payment } = await payWithCard('4111111111111111', { description: 'CHALLENGE_REQUIRED' });
    expect(payment).toMatchObject({ status: 'PENDING', sub_status: 'WAITING_ADDITIONAL_STEP' });
  });
});
