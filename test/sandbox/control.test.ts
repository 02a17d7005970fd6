import { describe, expect, it } from 'vitest';
import { createKit, expectYunoError } from './kit';

describe('sandbox control', () => {
  it('moves the clock over HTTP and answers the new time', async () => {
    const start = Date.UTC(2032, 1, 3, 4, 5, 6);
    const { api, sandbox, payWithMethod } = createKit({ now: start });
    const { payment } = await payWithMethod('PIX', 'BR', 'BRL');
    const result = await api('POST', '/_sandbox/time/advance', { ms: 31 * 60 * 1000 });
    expect(result.status).toBe(200);
    const { now } = result.body as { now: number };
    expect(now - start).toBeGreaterThanOrEqual(31 * 60 * 1000);
    expect(now - start).toBeLessThan(31 * 60 * 1000 + 5_000);
    expect(sandbox.now()).toBeGreaterThanOrEqual(now);
    expect(sandbox.getPayment(payment.id)?.status).toBe('EXPIRED');
    expectYunoError(await api('POST', '/_sandbox/time/advance', { ms: -1 }), 400, 'INVALID_PARAMETERS');
    expectYunoError(await api('POST', '/_sandbox/time/advance', {}), 400, 'MISSING_PARAMETERS');
    await expect(sandbox.advanceTime(-5)).rejects.toThrow(RangeError);
  });

  it('runs with real time from the start it is given', async () => {
    const start = Date.UTC(2030, 5, 1);
    const { sandbox } = createKit({ now: start });
    const first = sandbox.now();
    expect(first).toBeGreaterThanOrEqual(start);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sandbox.now()).toBeGreaterThan(first);
  });

  it('reads state without HTTP: payments, sessions', async () => {
    const { sandbox, payWithCard, createSession } = createKit();
    const declined = await payWithCard('4507990000000010');
    const approved = await payWithCard('4507990000000002');
    expect(sandbox.listPayments().map((p) => [p.id, p.status])).toEqual([
      [declined.payment.id, 'DECLINED'],
      [approved.payment.id, 'SUCCEEDED'],
    ]);
    expect(sandbox.getPayment(approved.payment.id)?.transactions).toHaveLength(1);
    expect(sandbox.getPayment('nope')).toBeUndefined();
    const session = await createSession({ country: 'MX', currency: 'MXN' });
    expect(sandbox.getCheckoutSession(session.checkout_session)).toMatchObject({
      checkout_session: session.checkout_session,
      id: session.checkout_session,
      country: 'MX',
      used: false,
    });
    expect(sandbox.getCheckoutSession('nope')).toBeUndefined();
  });

  it('lists webhook deliveries over HTTP', async () => {
    const { api, sandbox, payWithCard } = createKit({ webhooks: { onDelivery: () => 200 } });
    await payWithCard('4111111111111111');
    await sandbox.flushWebhooks();
    const result = await api('GET', '/_sandbox/webhooks');
    expect(result.status).toBe(200);
    expect(result.body).toEqual([expect.objectContaining({ event: 'payment.purchase', attempt: 0, status: 200 })]);
  });
});
