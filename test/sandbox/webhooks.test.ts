import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SANDBOX_WEBHOOK_RETRY_DELAYS_MS } from 'yuno-react/sandbox';
import { WebhookV2Schema } from 'yuno-react/server';
import { readWebhookExampleText } from '../support/openapi';
import { at, createKit } from './kit';

/** Every key path of a JSON value, arrays as `[]`: `.data.payment.transactions.id`. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(`${prefix}.${key}`);
      keyPaths(child, `${prefix}.${key}`, out);
    }
  }
  return out;
}

/** The key paths Yuno's examples of one webhook type carry, where a key Yuno shows as null or a scalar may hold anything. */
function examplePaths(files: string[]): { paths: Set<string>; leaves: Set<string> } {
  const paths = new Set<string>();
  const leaves = new Set<string>();
  const walk = (value: unknown, prefix: string) => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, `${prefix}[]`));
    if (value === null || typeof value !== 'object') return void leaves.add(prefix);
    for (const [key, child] of Object.entries(value)) {
      paths.add(`${prefix}.${key}`);
      walk(child, `${prefix}.${key}`);
    }
  };
  for (const file of files) walk(JSON.parse(readWebhookExampleText(file)), '');
  return { paths, leaves };
}

/** The key paths of `body` that none of Yuno's examples carry. */
function extraKeys(body: string, files: string[]): string[] {
  const { paths, leaves } = examplePaths(files);
  const underLeaf = (path: string) => [...leaves].some((leaf) => leaf !== '' && path.startsWith(`${leaf}.`));
  return [...keyPaths(JSON.parse(body))].filter((path) => !paths.has(path) && !underLeaf(path));
}

interface Received {
  headers: Record<string, string>;
  body: string;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');

describe('webhooks', () => {
  it('delivers a signed v2 payment.purchase event for a created payment', async () => {
    const received: Received[] = [];
    const { payWithCard, sandbox } = createKit({
      webhooks: { hmacSecret: 'whsec_test', onDelivery: (delivery) => void received.push(delivery) },
    });
    const { payment } = await payWithCard('4507990000000002');
    await sandbox.flushWebhooks();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-hmac-signature']).toBe(sign('whsec_test', delivery!.body));
    expect(delivery!.headers['x-hmac-signature']).not.toBe(sign('another secret', delivery!.body));

    const raw = JSON.parse(delivery!.body) as unknown;
    expect(raw).toMatchObject({
      type: 'payment',
      type_event: 'payment.purchase',
      account_id: sandbox.credentials.accountId,
      retry: 0,
      version: 2,
      data: { payment: { id: payment.id, status: 'SUCCEEDED' } },
    });
    // No per-event id: Yuno's payment examples carry none.
    expect(Object.keys(at(raw, 'data') as object)).toEqual(['payment']);
    // Webhooks carry the Retrieve shape with `transactions` as one object, as Yuno sends them.
    expect(Array.isArray(at(raw, 'data', 'payment', 'transactions'))).toBe(false);
    expect(at(raw, 'data', 'payment', 'transactions', 'status')).toBe('SUCCEEDED');
    const event = WebhookV2Schema.parse(raw);
    expect(event.data.payment?.transactions).toHaveLength(1);
    expect(sandbox.webhookDeliveries).toEqual([
      expect.objectContaining({
        event: 'payment.purchase',
        attempt: 0,
        status: 200,
        body: delivery!.body,
      }),
    ]);
  });

  it('sends an event for every status change, and refund/cancel events for refunds and cancellations', async () => {
    const events: Array<[string, string]> = [];
    const { payWithMethod, payWithCard, sandbox, api } = createKit({
      webhooks: {
        onDelivery: ({ body }) => {
          const parsed = WebhookV2Schema.parse(JSON.parse(body));
          events.push([parsed.type_event, parsed.data.payment?.status ?? '']);
        },
      },
    });
    const pix = await payWithMethod('PIX', 'BR', 'BRL');
    await sandbox.settlePayment(pix.payment.id, 'SUCCEEDED');
    const voucher = await payWithMethod('OXXO', 'MX', 'MXN');
    await api('POST', `/v1/payments/${voucher.payment.id}/cancel-or-refund`, {}, { 'X-Idempotency-Key': 'cancel-1' });
    const card = await payWithCard('4111111111111111');
    await api('POST', `/v1/payments/${card.payment.id}/cancel-or-refund`, {}, { 'X-Idempotency-Key': 'refund-1' });
    await sandbox.flushWebhooks();
    expect(events).toEqual([
      ['payment.purchase', 'READY_TO_PAY'],
      ['payment.purchase', 'SUCCEEDED'],
      ['payment.purchase', 'READY_TO_PAY'],
      ['payment.cancel', 'CANCELED'],
      ['payment.purchase', 'SUCCEEDED'],
      ['payment.refund', 'REFUNDED'],
    ]);
  });

  it('retries on the documented schedule until seven deliveries, the same bytes with only retry counting up', async () => {
    const received: Received[] = [];
    const { payWithCard, sandbox } = createKit({
      webhooks: {
        hmacSecret: 'whsec_retry',
        onDelivery: (delivery) => {
          received.push(delivery);
          return 500;
        },
      },
    });
    await payWithCard('4111111111111111');
    await sandbox.flushWebhooks();
    expect(received).toHaveLength(1);

    for (const [index, delay] of SANDBOX_WEBHOOK_RETRY_DELAYS_MS.entries()) {
      await sandbox.advanceTime(delay - 1_000);
      expect(received, `retry ${index + 1} must not come early`).toHaveLength(index + 1);
      await sandbox.advanceTime(1_000);
      expect(received, `retry ${index + 1}`).toHaveLength(index + 2);
    }
    await sandbox.advanceTime(30 * 24 * 60 * 60 * 1000);
    expect(received).toHaveLength(7);

    const envelopes = received.map((r) => JSON.parse(r.body) as { retry: number });
    expect(envelopes.map((e) => e.retry)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const withoutRetry = received.map((r) => r.body.replace(/"retry":\d+,/, ''));
    expect(new Set(withoutRetry).size).toBe(1);
    expect(received.map((r) => r.body.replace(/"retry":\d+,/, '"retry":0,'))).toEqual(
      received.map(() => received[0]!.body),
    );
    for (const r of received) expect(r.headers['x-hmac-signature']).toBe(sign('whsec_retry', r.body));

    const deliveries = sandbox.webhookDeliveries;
    expect(deliveries.map((d) => d.status)).toEqual([500, 500, 500, 500, 500, 500, 500]);
    const gaps = deliveries.slice(1).map((d, i) => d.at - deliveries[i]!.at);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[i]!);
      expect(gap).toBeLessThan(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[i]! + 1_000);
    });
  });

  it('stops retrying once the receiver answers 2xx, and retries a receiver that throws', async () => {
    let calls = 0;
    const { payWithCard, sandbox } = createKit({
      webhooks: {
        onDelivery: () => {
          calls += 1;
          if (calls === 1) throw new Error('receiver down');
          return calls === 2 ? 503 : 204;
        },
      },
    });
    await payWithCard('4111111111111111');
    await sandbox.flushWebhooks();
    await sandbox.advanceTime(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[0]! + SANDBOX_WEBHOOK_RETRY_DELAYS_MS[1]!);
    await sandbox.advanceTime(7 * 24 * 60 * 60 * 1000);
    expect(sandbox.webhookDeliveries.map((d) => [d.attempt, d.status])).toEqual([
      [0, 'failed'],
      [1, 503],
      [2, 204],
    ]);
  });

  it('POSTs to a URL with the given fetch', async () => {
    const requests: Request[] = [];
    const { payWithCard, sandbox } = createKit({
      webhooks: {
        url: 'https://merchant.test/webhooks/yuno',
        hmacSecret: 'whsec_url',
        fetch: async (input, init) => {
          requests.push(new Request(input, init));
          return new Response('ok', { status: 200 });
        },
      },
    });
    await payWithCard('4111111111111111');
    await sandbox.flushWebhooks();
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://merchant.test/webhooks/yuno');
    const body = await request.text();
    expect(request.headers.get('x-hmac-signature')).toBe(sign('whsec_url', body));
    expect(WebhookV2Schema.parse(JSON.parse(body)).type_event).toBe('payment.purchase');
  });

  it('waits for slow receivers in flushWebhooks, and sends nothing without a receiver', async () => {
    let finished = false;
    const slow = createKit({
      webhooks: {
        onDelivery: async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          finished = true;
        },
      },
    });
    await slow.payWithCard('4111111111111111');
    expect(finished).toBe(false);
    await slow.sandbox.flushWebhooks();
    expect(finished).toBe(true);

    const silent = createKit();
    await silent.payWithCard('4111111111111111');
    await silent.sandbox.flushWebhooks();
    expect(silent.sandbox.webhookDeliveries).toEqual([]);
  });

  it('sends only the fields Yuno’s published examples carry, for every kind of event it sends', async () => {
    const bodies: string[] = [];
    const { payWithMethod, payWithCard, sandbox, api } = createKit({
      webhooks: { onDelivery: ({ body }) => void bodies.push(body) },
    });
    const pix = await payWithMethod('PIX', 'BR', 'BRL');
    await sandbox.settlePayment(pix.payment.id, 'SUCCEEDED');
    const voucher = await payWithMethod('OXXO', 'MX', 'MXN');
    await api('POST', `/v1/payments/${voucher.payment.id}/cancel-or-refund`, {}, { 'X-Idempotency-Key': 'c-shape' });
    const card = await payWithCard('4111111111111111');
    await api('POST', `/v1/payments/${card.payment.id}/cancel-or-refund`, {}, { 'X-Idempotency-Key': 'r-shape' });
    await payWithCard('4000000000000002');
    await sandbox.flushWebhooks();
    expect(bodies.length).toBeGreaterThanOrEqual(7);
    for (const body of bodies) {
      expect(Object.keys(JSON.parse(body) as object)).toEqual([
        'type',
        'type_event',
        'account_id',
        'retry',
        'version',
        'data',
      ]);
      expect(extraKeys(body, ['payment-v2.json', 'chargeback-v2.json']), body.slice(0, 80)).toEqual([]);
    }
  });

  it('sends a retry with the bytes of the first delivery, even when the payment moved on since', async () => {
    const received: string[] = [];
    let down = true;
    const { payWithMethod, sandbox } = createKit({
      webhooks: {
        onDelivery: ({ body }) => {
          received.push(body);
          return down ? 503 : 200;
        },
      },
    });
    const pix = await payWithMethod('PIX', 'BR', 'BRL');
    await sandbox.flushWebhooks();
    down = false;
    await sandbox.settlePayment(pix.payment.id, 'SUCCEEDED');
    await sandbox.flushWebhooks();
    await sandbox.advanceTime(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[0]!);
    const statuses = received.map((b) => [JSON.parse(b).retry, at(JSON.parse(b), 'data', 'payment', 'status')]);
    expect(statuses).toEqual([
      [0, 'READY_TO_PAY'],
      [0, 'SUCCEEDED'],
      [1, 'READY_TO_PAY'],
    ]);
    expect(received[2]).toBe(received[0]!.replace('"retry":0,', '"retry":1,'));
  });

  it('sends enrollment.enroll with the enrolled payment method', async () => {
    const bodies: string[] = [];
    const { createCustomer, api, sandbox } = createKit({
      webhooks: { onDelivery: ({ body }) => void bodies.push(body) },
    });
    const customer = await createCustomer();
    const cs = await api('POST', '/v1/customers/sessions', {
      account_id: sandbox.credentials.accountId,
      country: 'BR',
      customer_id: customer.id,
    });
    const customerSession = at(cs.body, 'customer_session') as string;
    const response = await sandbox.fetch(`/_sandbox/sdk/customers/sessions/${customerSession}/enroll`, {
      method: 'POST',
      headers: { 'public-api-key': sandbox.credentials.publicApiKey },
      body: JSON.stringify({
        payment_method: {
          type: 'CARD',
          card: {
            detail: { number: '4111111111111111', expiration_month: 1, expiration_year: 2031, security_code: '321' },
          },
        },
      }),
    });
    const { vaulted_token } = (await response.json()) as { vaulted_token: string };
    await sandbox.flushWebhooks();
    expect(bodies).toHaveLength(1);
    const event = WebhookV2Schema.parse(JSON.parse(bodies[0]!));
    expect(event).toMatchObject({
      type: 'enrollment',
      type_event: 'enrollment.enroll',
      data: { payment_method: { status: 'ENROLLED', customer_id: customer.id, type: 'CARD' } },
    });
    // Yuno's enrollment example names the card by its payment method id and carries no vaulted_token.
    expect(bodies[0]).not.toContain('"vaulted_token"');
    expect(extraKeys(bodies[0]!, ['enrollment-v2.json'])).toEqual([]);
    expect(vaulted_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(bodies[0]).not.toContain('4111111111111111');
  });
});
