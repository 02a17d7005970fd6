import { describe, expect, it } from 'vitest';
import { at, createKit, expectYunoError, uniqueId, type ApiResult } from './kit';

const IN_PROCESS = {
  code: 'REQUEST_IN_PROCESS',
  messages: ['Request with the same idempotency is already in process. Try again in a few seconds.'],
};

/** A request body the test releases when it wants: the sandbox is still reading it until then. */
function heldBody(text: string) {
  let release: () => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      release = () => {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      };
    },
  });
  return { body, release: () => release() };
}

describe('concurrent requests with one idempotency key', () => {
  it('two payments sent at once: one is created, the other gets REQUEST_IN_PROCESS; a replay gets the stored answer', async () => {
    const { createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4507990000000002'));
    const key = uniqueId('idem');
    const body = paymentBody(session, { type: 'CARD', token: token.token });

    const answers: ApiResult[] = await Promise.all([postPayment(body, key), postPayment(body, key)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    const created = answers.find((a) => a.status === 201) as ApiResult;
    const refused = answers.find((a) => a.status === 400) as ApiResult;
    expect(refused.body).toEqual(IN_PROCESS);
    expect(sandbox.listPayments()).toHaveLength(1);
    expect(at(created.body, 'status')).toBe('SUCCEEDED');

    const replay = await postPayment(body, key);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(created.text);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('a duplicate that arrives while the first body is still being read gets REQUEST_IN_PROCESS', async () => {
    const { api, createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4507990000000002'));
    const key = uniqueId('idem');
    const body = paymentBody(session, { type: 'CARD', token: token.token });
    const held = heldBody(JSON.stringify(body));

    const first = api(
      'POST',
      '/v1/payments',
      undefined,
      { 'content-type': 'application/json', 'X-Idempotency-Key': key },
      {
        body: held.body,
        duplex: 'half',
      } as RequestInit,
    );
    // Let the first request reach the sandbox and start waiting for its body.
    await new Promise((resolve) => setImmediate(resolve));
    const during = await postPayment(body, key);
    expect(during.status).toBe(400);
    expect(during.body).toEqual(IN_PROCESS);
    expect(sandbox.listPayments()).toEqual([]);

    held.release();
    const created = await first;
    expect(created.status).toBe(201);
    const after = await postPayment(body, key);
    expect(after.text).toBe(created.text);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('a first request whose body is refused releases the key for the next one', async () => {
    const { api, createSession, createToken, card, paymentBody, postPayment, sandbox } = createKit();
    const session = await createSession();
    const token = await createToken(session.checkout_session, card('4507990000000002'));
    const key = uniqueId('idem');
    const { amount: _amount, ...withoutAmount } = paymentBody(session, { type: 'CARD', token: token.token });
    const held = heldBody(JSON.stringify(withoutAmount));

    const first = api(
      'POST',
      '/v1/payments',
      undefined,
      { 'content-type': 'application/json', 'X-Idempotency-Key': key },
      {
        body: held.body,
        duplex: 'half',
      } as RequestInit,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expectYunoError(
      await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key),
      400,
      'REQUEST_IN_PROCESS',
    );
    held.release();
    expectYunoError(await first, 400, 'MISSING_PARAMETERS');

    const created = await postPayment(paymentBody(session, { type: 'CARD', token: token.token }), key);
    expect(created.status).toBe(201);
    expect(sandbox.listPayments()).toHaveLength(1);
  });

  it('two refunds of one payment sent at once with one key make one refund', async () => {
    const { api, payWithCard, sandbox } = createKit();
    const { payment } = await payWithCard('4507990000000002');
    const key = uniqueId('refund');
    const refund = () =>
      api(
        'POST',
        `/v1/payments/${payment.id}/cancel-or-refund`,
        { reason: 'REQUESTED_BY_CUSTOMER' },
        {
          'X-Idempotency-Key': key,
        },
      );
    const answers = await Promise.all([refund(), refund()]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect((answers.find((a) => a.status === 400) as ApiResult).body).toEqual(IN_PROCESS);
    const refunds = (sandbox.getPayment(payment.id)?.transactions ?? []).filter((t) => t.type === 'REFUND');
    expect(refunds).toHaveLength(1);
  });
});
