import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import {
  YunoWebhookError,
  createMemoryWebhookStore,
  createYunoCheckout,
  createYunoRouteHandlers,
  createYunoServerClient,
  createYunoWebhookHandler,
  parseYunoWebhook,
  verifyYunoWebhook,
  type YunoWebhookEvent,
} from 'yuno-react/server';
import { readWebhookExample } from '../support/openapi';

const SECRET = 'whsec_test_0123456789';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

function webhookRequest(body: string, signature: string | null = sign(body), method = 'POST') {
  return new Request('http://shop.test/api/yuno/webhooks', {
    method,
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hmac-signature': signature } : {}) },
    ...(method === 'POST' ? { body } : {}),
  });
}

describe('verifyYunoWebhook', () => {
  const body = JSON.stringify(readWebhookExample('payment-v2.json'));

  it('accepts the signature Node computes with createHmac on the raw body', async () => {
    expect(await verifyYunoWebhook(body, sign(body), SECRET)).toBe(true);
    expect(await verifyYunoWebhook(new TextEncoder().encode(body), sign(body), SECRET)).toBe(true);
  });

  it('refuses a changed body, another secret, a missing or malformed signature', async () => {
    expect(await verifyYunoWebhook(body.replace('SUCCEEDED', 'DECLINED'), sign(body), SECRET)).toBe(false);
    expect(await verifyYunoWebhook(body, sign(body, 'other'), SECRET)).toBe(false);
    expect(await verifyYunoWebhook(body, null, SECRET)).toBe(false);
    expect(await verifyYunoWebhook(body, '', SECRET)).toBe(false);
    expect(await verifyYunoWebhook(body, sign(body).slice(0, -2), SECRET)).toBe(false);
    expect(await verifyYunoWebhook(body, `${sign(body)}AA`, SECRET)).toBe(false);
  });

  it('verifies the raw bytes, not a re-serialisation of them', async () => {
    const spaced = JSON.stringify(readWebhookExample('payment-v2.json'), null, 2);
    expect(await verifyYunoWebhook(JSON.stringify(JSON.parse(spaced)), sign(spaced), SECRET)).toBe(false);
    expect(await verifyYunoWebhook(spaced, sign(spaced), SECRET)).toBe(true);
  });
});

describe('parseYunoWebhook', () => {
  it('reads Yuno’s published v1 and v2 payloads', () => {
    const v2 = parseYunoWebhook(JSON.stringify(readWebhookExample('payment-v2.json')));
    expect(v2).toMatchObject({ version: 2, type: 'payment', event: 'payment.purchase', retry: 0 });
    expect(v2.payment?.status).toBe('SUCCEEDED');
    expect(v2.idempotencyKey).toBe('9e2aba6a-1234-1234-1234-03a0a67ee15f');

    const v1 = parseYunoWebhook(readWebhookExample('payment-v1.json'));
    expect(v1).toMatchObject({ version: 1, event: 'payment.purchase', idempotencyKey: expect.any(String) });
    expect(v1.payment?.id).toBeTruthy();

    const enrollment = parseYunoWebhook(readWebhookExample('enrollment-v2.json'));
    expect(enrollment).toMatchObject({ event: 'enrollment.enroll', paymentMethod: { status: 'ENROLLED' } });

    const chargeback = parseYunoWebhook(readWebhookExample('chargeback-v2.json'));
    expect(chargeback.event).toMatch(/^payment\./);
  });

  it('gives the dotted event name for the short form', () => {
    const example = readWebhookExample('payment-v2.json') as Record<string, unknown>;
    const event = parseYunoWebhook({ ...example, type: 'payment', type_event: 'purchase' });
    expect(event.event).toBe('payment.purchase');
  });

  it('refuses a body that is not JSON or not Yuno’s, without echoing it', () => {
    expect(() => parseYunoWebhook('{"payment": 4507990000000002')).toThrow(YunoWebhookError);
    expect(() => parseYunoWebhook({ type_event: 'payment.purchase' })).toThrow(YunoWebhookError);
    try {
      parseYunoWebhook({ payment: { id: 'x', card: '4507990000000002' } });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('4507990000000002');
    }
  });
});

describe('createYunoWebhookHandler', () => {
  it('answers 200, hands the event over once, and drops Yuno’s retries of it', async () => {
    const events: YunoWebhookEvent[] = [];
    const handle = createYunoWebhookHandler({ secret: SECRET, onEvent: (e) => void events.push(e) });
    const body = JSON.stringify(readWebhookExample('payment-v2.json'));
    const first = await handle(webhookRequest(body));
    expect(first.status).toBe(200);
    const retried = JSON.stringify({ ...(JSON.parse(body) as object), retry: 1 });
    const second = await handle(webhookRequest(retried));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toHaveLength(1);
  });

  it('answers 401 to a bad signature, 400 to a malformed body, 405 to another method, and hands nothing over', async () => {
    const events: YunoWebhookEvent[] = [];
    const handle = createYunoWebhookHandler({ secret: SECRET, onEvent: (e) => void events.push(e) });
    const body = JSON.stringify(readWebhookExample('payment-v2.json'));
    expect((await handle(webhookRequest(body, sign(body, 'wrong')))).status).toBe(401);
    expect((await handle(webhookRequest(body, null))).status).toBe(401);
    const malformed = '{"type_event": "payment.purchase"';
    const answer = await handle(webhookRequest(malformed));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await handle(webhookRequest(body, sign(body), 'GET'))).status).toBe(405);
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([]);
  });

  it('memory store: claims, completes, releases only the owner’s claim, and lets lapsed records go', async () => {
    let now = 0;
    const store = createMemoryWebhookStore({ now: () => now });
    expect(await store.claim('a', 'o1', 100)).toBe('claimed');
    expect(await store.claim('a', 'o2', 100)).toBe('busy');
    await store.release('a', 'o2');
    expect(await store.claim('a', 'o2', 100)).toBe('busy');
    await store.release('a', 'o1');
    expect(await store.claim('a', 'o2', 100)).toBe('claimed');
    now = 101;
    expect(await store.claim('a', 'o3', 100)).toBe('claimed');
    await store.complete('a', 'o3', 1000);
    await store.release('a', 'o3');
    expect(await store.claim('a', 'o4', 100)).toBe('handled');
    now = 1102;
    expect(await store.claim('a', 'o4', 100)).toBe('claimed');
  });
});

describe('webhooks from the sandbox to the route handlers', () => {
  it('delivers each status change once, through retries, signed as Yuno signs', async () => {
    const events: YunoWebhookEvent[] = [];
    let failNext = 1;
    const routes: { handlers?: ReturnType<typeof createYunoRouteHandlers> } = {};
    const sandbox = createYunoSandbox({
      webhooks: {
        hmacSecret: SECRET,
        onDelivery: async ({ headers, body }) => {
          // The first delivery fails as if the merchant were down; Yuno's retry then reaches the route.
          if (failNext > 0) {
            failNext -= 1;
            return 503;
          }
          const answer = await routes.handlers!.handle(
            new Request('http://shop.test/api/yuno/webhooks', { method: 'POST', headers, body }),
          );
          return answer.status;
        },
      },
    });
    const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    const order = {
      merchantOrderId: `order-${Date.now()}`,
      description: 'Webhook order',
      country: 'BR',
      amount: { currency: 'BRL', value: 50 },
    };
    routes.handlers = createYunoRouteHandlers({
      client: yuno,
      resolveCheckout: () => order,
      webhookSecret: SECRET,
      onPaymentEvent: (event) => void events.push(event),
    });
    const start = await createYunoCheckout({ client: yuno, checkout: order });
    const token = await yuno.checkoutSessions.createOneTimeToken(start.checkoutSession, {
      payment_method: { type: 'PIX', vault_on_success: false },
    });
    const payment = await yuno.payments.create({
      description: order.description,
      country: 'BR',
      merchant_order_id: order.merchantOrderId,
      amount: order.amount,
      checkout: { session: start.checkoutSession },
      payment_method: { type: 'PIX', token: token.token },
    });
    await sandbox.flushWebhooks();
    await sandbox.advanceTime(5 * 60 * 1000 + 1);
    await sandbox.flushWebhooks();
    await sandbox.settlePayment(payment.id, 'SUCCEEDED');
    await sandbox.flushWebhooks();
    await new Promise((r) => setTimeout(r, 0));

    const statuses = events.filter((e) => e.payment?.id === payment.id).map((e) => e.payment?.status);
    expect(statuses).toEqual(['READY_TO_PAY', 'SUCCEEDED']);
    expect(sandbox.webhookDeliveries.map((d) => d.status)).toContain(503);
  });

  it('has no webhook route without a secret', async () => {
    const sandbox = createYunoSandbox();
    const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    const handlers = createYunoRouteHandlers({
      client: yuno,
      resolveCheckout: () => ({
        merchantOrderId: 'o-1',
        description: 'x',
        country: 'US',
        amount: { currency: 'USD', value: 1 },
      }),
    });
    expect((await handlers.handle(webhookRequest('{}'))).status).toBe(404);
  });
});
