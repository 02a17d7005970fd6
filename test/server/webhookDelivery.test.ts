import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryWebhookStore,
  createYunoWebhookHandler,
  parseYunoWebhook,
  verifyYunoWebhookApiKey,
  webhookDedupKey,
  type YunoWebhookEvent,
  type YunoWebhookHandlerOptions,
} from 'yuno-react/server';
import { WEBHOOK_EXAMPLES, readWebhookExampleText } from '../support/openapi';

const SECRET = 'whsec_delivery_0123456789';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');
const deliver = (body: string, headers: Record<string, string> = { 'x-hmac-signature': sign(body) }) =>
  new Request('http://shop.test/api/yuno/webhooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit Yuno's examples freely, at any depth
type Json = Record<string, any>;
const example = (file: string): Json => JSON.parse(readWebhookExampleText(file)) as Json;

/** Yuno's v2 payment example, as the same payment looked at an earlier status (a PIX code shown, not yet paid). */
function readyToPay(): Json {
  const body = example('payment-v2.json');
  const payment = body['data'].payment;
  payment.status = 'READY_TO_PAY';
  payment.sub_status = 'PENDING';
  payment.updated_at = '2024-07-19T16:31:59.617130Z';
  payment.transactions.status = 'PENDING';
  payment.transactions_history[0].status = 'PENDING';
  return body;
}

/** Yuno's v2 payment example after a full refund: a REFUND transaction on top of the purchase. */
function refunded(): Json {
  const body = example('payment-v2.json');
  body['type_event'] = 'payment.refund';
  const payment = body['data'].payment;
  const purchase = payment.transactions;
  const refund = {
    ...purchase,
    id: '7fd485f3-bd72-45eb-a3fb-774daa3d79b6',
    type: 'REFUND',
    status: 'SUCCEEDED',
    updated_at: '2024-07-20T10:00:00.000000Z',
  };
  payment.status = 'REFUNDED';
  payment.sub_status = 'REFUNDED';
  payment.updated_at = '2024-07-20T10:00:00.100000Z';
  payment.amount.refunded = payment.amount.value;
  payment.transactions = refund;
  payment.transactions_history = [refund, ...payment.transactions_history];
  return body;
}

function counting(extra: Partial<YunoWebhookHandlerOptions> = {}) {
  const events: YunoWebhookEvent[] = [];
  const handle = createYunoWebhookHandler({
    secret: SECRET,
    onEvent: (event) => void events.push(event),
    ...extra,
  } as YunoWebhookHandlerOptions);
  return { events, handle };
}

describe('which events are one event: deduplication identity', () => {
  it('reads every one of Yuno’s examples, unchanged, as its real type', () => {
    const events = Object.fromEntries(
      WEBHOOK_EXAMPLES.map((file) => [file, parseYunoWebhook(readWebhookExampleText(file)).event]),
    );
    expect(events).toEqual({
      'payment-v2.json': 'payment.purchase',
      'payment-v1.json': 'payment.purchase',
      'chargeback-v2.json': 'payment.chargeback',
      'chargeback-v1.json': 'payment.chargeback',
      'enrollment-v2.json': 'enrollment.enroll',
    });
  });

  it('gives each example its own key, and the same key to a redelivery of it', () => {
    const keys = WEBHOOK_EXAMPLES.map((file) => webhookDedupKey(parseYunoWebhook(readWebhookExampleText(file))));
    expect(new Set(keys).size).toBe(WEBHOOK_EXAMPLES.length);
    for (const file of WEBHOOK_EXAMPLES) {
      const body = example(file);
      if ('retry' in body) body['retry'] = 3;
      expect(webhookDedupKey(parseYunoWebhook(JSON.stringify(body)))).toBe(
        webhookDedupKey(parseYunoWebhook(readWebhookExampleText(file))),
      );
    }
  });

  it('handles each example once, however many times it is delivered', async () => {
    const { events, handle } = counting();
    for (let round = 0; round < 3; round++) {
      for (const file of WEBHOOK_EXAMPLES) {
        const body = readWebhookExampleText(file);
        const answer = await handle(deliver(body));
        expect(answer.status, `${file} round ${round}`).toBe(200);
        expect(await answer.json()).toEqual(round === 0 ? { received: true } : { received: true, duplicate: true });
      }
    }
    expect(events.map((e) => e.event)).toEqual([
      'payment.purchase',
      'payment.purchase',
      'payment.chargeback',
      'payment.chargeback',
      'enrollment.enroll',
    ]);
  });

  it('handles a retry of a v2 event (retry counting up) once', async () => {
    const { events, handle } = counting();
    const first = example('payment-v2.json');
    for (const retry of [0, 1, 2, 6]) {
      const body = JSON.stringify({ ...first, retry });
      expect((await handle(deliver(body))).status).toBe(200);
    }
    expect(events).toHaveLength(1);
  });

  it('READY_TO_PAY then SUCCEEDED of one payment: 2 deliveries, 2 handler calls', async () => {
    const { events, handle } = counting();
    expect((await handle(deliver(JSON.stringify(readyToPay())))).status).toBe(200);
    const succeeded = await handle(deliver(readWebhookExampleText('payment-v2.json')));
    expect(await succeeded.json()).toEqual({ received: true });
    expect(events.map((e) => e.payment?.status)).toEqual(['READY_TO_PAY', 'SUCCEEDED']);
    // Same payment, same creation key: only the event identity tells them apart.
    expect(new Set(events.map((e) => e.payment?.id)).size).toBe(1);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(1);
  });

  it('a new status alone (same time stamp) is a new event', async () => {
    const { events, handle } = counting();
    const pending = readyToPay();
    pending['data'].payment.updated_at = example('payment-v2.json')['data'].payment.updated_at;
    await handle(deliver(JSON.stringify(pending)));
    await handle(deliver(readWebhookExampleText('payment-v2.json')));
    expect(events).toHaveLength(2);
  });

  it('SUCCEEDED then REFUNDED: 2 handler calls, and the refund’s retry is a duplicate', async () => {
    const { events, handle } = counting();
    await handle(deliver(readWebhookExampleText('payment-v2.json')));
    const refund = refunded();
    await handle(deliver(JSON.stringify(refund)));
    await handle(deliver(JSON.stringify({ ...refund, retry: 1 })));
    expect(events.map((e) => [e.event, e.payment?.status])).toEqual([
      ['payment.purchase', 'SUCCEEDED'],
      ['payment.refund', 'REFUNDED'],
    ]);
  });

  it('a second partial refund (a new transaction) is a new event', async () => {
    const { events, handle } = counting();
    const first = refunded();
    first['data'].payment.status = 'PARTIALLY_REFUNDED';
    const second = structuredClone(first);
    second['data'].payment.transactions.id = 'a0b1c2d3-0000-4000-8000-000000000002';
    await handle(deliver(JSON.stringify(first)));
    await handle(deliver(JSON.stringify(second)));
    expect(events).toHaveLength(2);
  });

  it('a v1 payment then its v1 chargeback: 2 handler calls, the chargeback read as one', async () => {
    const { events, handle } = counting();
    await handle(deliver(readWebhookExampleText('payment-v1.json')));
    await handle(deliver(readWebhookExampleText('chargeback-v1.json')));
    await handle(deliver(readWebhookExampleText('chargeback-v1.json')));
    expect(events.map((e) => [e.version, e.event, e.payment?.status])).toEqual([
      [1, 'payment.purchase', 'SUCCEEDED'],
      [1, 'payment.chargeback', 'CHARGEBACK'],
    ]);
    // One payment, one creation key, one transaction id in both of Yuno's v1 examples.
    expect(events[0]!.payment?.id).toBe(events[1]!.payment?.id);
  });

  it('a v2 purchase then a chargeback of the same payment: 2 handler calls', async () => {
    const { events, handle } = counting();
    const purchase = example('chargeback-v2.json');
    purchase['type_event'] = 'payment.purchase';
    purchase['data'].payment.status = 'SUCCEEDED';
    purchase['data'].payment.sub_status = 'APPROVED';
    purchase['data'].payment.transactions = purchase['data'].payment.transactions_history[1];
    purchase['data'].payment.transactions_history = [purchase['data'].payment.transactions_history[1]];
    await handle(deliver(JSON.stringify(purchase)));
    await handle(deliver(readWebhookExampleText('chargeback-v2.json')));
    expect(events.map((e) => e.event)).toEqual(['payment.purchase', 'payment.chargeback']);
  });

  it('an enrollment change of one card (enroll, then unenroll) is a new event', async () => {
    const { events, handle } = counting();
    await handle(deliver(readWebhookExampleText('enrollment-v2.json')));
    const unenroll = example('enrollment-v2.json');
    unenroll['type_event'] = 'enrollment.unenroll';
    unenroll['data'].payment_method.status = 'UNENROLLED';
    unenroll['data'].payment_method.updated_at = '2024-09-11T09:00:00.000000Z';
    await handle(deliver(JSON.stringify(unenroll)));
    await handle(deliver(JSON.stringify({ ...unenroll, retry: 1 })));
    expect(events.map((e) => [e.event, e.paymentMethod?.status])).toEqual([
      ['enrollment.enroll', 'ENROLLED'],
      ['enrollment.unenroll', 'UNENROLLED'],
    ]);
  });
});

describe('at-least-once handling', () => {
  const body = readWebhookExampleText('payment-v2.json');

  it('answers 500 when onEvent throws, releases the claim, and handles the redelivery', async () => {
    let attempts = 0;
    const handled: string[] = [];
    const errors: unknown[] = [];
    const handle = createYunoWebhookHandler({
      secret: SECRET,
      onEvent: (event) => {
        attempts += 1;
        if (attempts === 1) throw new Error('database down');
        handled.push(event.key);
      },
      onError: (error) => void errors.push(error),
    });
    const first = await handle(deliver(body));
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({
      code: 'HANDLER_FAILED',
      messages: ['The event could not be handled; it will be retried'],
    });
    const second = await handle(deliver(body));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true });
    const third = await handle(deliver(body));
    expect(await third.json()).toEqual({ received: true, duplicate: true });
    expect(attempts).toBe(2);
    expect(handled).toHaveLength(1);
    expect(errors).toEqual([new Error('database down')]);
  });

  it('answers 503 when onEvent passes its time limit, aborts its signal, and lets the retry run it', async () => {
    let attempts = 0;
    let aborted = false;
    const handle = createYunoWebhookHandler({
      secret: SECRET,
      timeoutMs: 20,
      onEvent: (_event, { signal }) => {
        attempts += 1;
        if (attempts > 1) return;
        // Never finishes on its own: only the abort ends it.
        return new Promise<void>((_, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        );
      },
    });
    const first = await handle(deliver(body));
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ code: 'HANDLER_TIMEOUT' });
    expect(aborted).toBe(true);
    expect((await handle(deliver(body))).status).toBe(200);
    expect(attempts).toBe(2);
  });

  it('counts a handler that finishes after its time limit as handled', async () => {
    let finish!: () => void;
    let attempts = 0;
    const handle = createYunoWebhookHandler({
      secret: SECRET,
      timeoutMs: 10,
      onEvent: () => {
        attempts += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    expect((await handle(deliver(body))).status).toBe(503);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(await (await handle(deliver(body))).json()).toEqual({ received: true, duplicate: true });
    expect(attempts).toBe(1);
  });

  it('runs the handler once for 20 concurrent deliveries of one event; the others get 409 and Retry-After', async () => {
    let runs = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const handle = createYunoWebhookHandler({
      secret: SECRET,
      leaseMs: 30_000,
      onEvent: async () => {
        runs += 1;
        await gate;
      },
    });
    const answers = Array.from({ length: 20 }, () => handle(deliver(body)));
    // The gate opens only once the 19 others have been answered, however slow the machine: none may see it done.
    let settled = 0;
    for (const answer of answers) void answer.then(() => (settled += 1));
    await vi.waitFor(() => expect(settled).toBe(19), { timeout: 10_000, interval: 5 });
    open();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect(runs).toBe(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const busy = await Promise.all(answers.map((a) => a));
    const conflict = busy.find((a) => a.status === 409)!;
    expect(conflict.headers.get('retry-after')).toBe('30');
    expect(await conflict.json()).toMatchObject({ code: 'IN_PROGRESS' });
    expect(await (await handle(deliver(body))).json()).toEqual({ received: true, duplicate: true });
  });

  it('lets a crashed instance’s claim lapse after its lease', async () => {
    let now = 1_000_000;
    const store = createMemoryWebhookStore({ now: () => now });
    const key = parseYunoWebhook(body).key;
    // Another instance claimed the event, then died before completing or releasing it.
    expect(await store.claim(key, 'crashed-instance', 30_000)).toBe('claimed');
    const { events, handle } = counting({ store, leaseMs: 30_000 });
    expect((await handle(deliver(body))).status).toBe(409);
    now += 30_001;
    expect((await handle(deliver(body))).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('answers 503 when the store is down, so that Yuno retries, and runs nothing', async () => {
    const failing = {
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const { events, handle } = counting({ store: failing });
    const answer = await handle(deliver(body));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(events).toEqual([]);
  });

  it('acknowledge now, work later: enqueue, then 200; a failing queue gets 500 and the retry enqueues', async () => {
    const queue: YunoWebhookEvent[] = [];
    let queueDown = true;
    const handle = createYunoWebhookHandler({
      secret: SECRET,
      enqueue: async (event) => {
        if (queueDown) throw new Error('queue unavailable');
        queue.push(event);
      },
    });
    expect((await handle(deliver(body))).status).toBe(500);
    queueDown = false;
    expect((await handle(deliver(body))).status).toBe(200);
    expect((await handle(deliver(body))).status).toBe(200);
    expect(queue.map((e) => e.payment?.status)).toEqual(['SUCCEEDED']);
  });

  it('needs onEvent or enqueue, and a way to authenticate deliveries', () => {
    expect(() => createYunoWebhookHandler({ secret: SECRET } as unknown as YunoWebhookHandlerOptions)).toThrow(
      /onEvent|enqueue/,
    );
    expect(() => createYunoWebhookHandler({ onEvent: () => {} })).toThrow(/secret|apiKey/);
    expect(() => createYunoWebhookHandler({ apiKey: 'k', onEvent: () => {} })).toThrow(/both apiKey/);
  });
});

describe('x-api-key / x-secret authentication', () => {
  const body = readWebhookExampleText('payment-v2.json');
  const headers = { 'x-api-key': 'merchant-key-1', 'x-secret': 'merchant-secret-1' };

  it('accepts the headers set on the webhook in Yuno, and refuses wrong or missing ones with 401', async () => {
    const { events, handle } = counting({
      secret: undefined,
      apiKey: 'merchant-key-1',
      apiSecret: 'merchant-secret-1',
    });
    expect((await handle(deliver(body, { 'x-api-key': 'merchant-key-1', 'x-secret': 'wrong' }))).status).toBe(401);
    expect((await handle(deliver(body, { 'x-api-key': 'other', 'x-secret': 'merchant-secret-1' }))).status).toBe(401);
    expect((await handle(deliver(body, { 'x-api-key': 'merchant-key-1' }))).status).toBe(401);
    expect((await handle(deliver(body, {}))).status).toBe(401);
    expect(events).toEqual([]);
    expect((await handle(deliver(body, headers))).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('requires both when HMAC and the headers are configured', async () => {
    const { events, handle } = counting({ apiKey: 'merchant-key-1', apiSecret: 'merchant-secret-1' });
    expect((await handle(deliver(body, headers))).status).toBe(401);
    expect((await handle(deliver(body, { 'x-hmac-signature': sign(body) }))).status).toBe(401);
    expect((await handle(deliver(body, { ...headers, 'x-hmac-signature': sign(body) }))).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('verifyYunoWebhookApiKey compares both headers', () => {
    const expected = { apiKey: 'merchant-key-1', apiSecret: 'merchant-secret-1' };
    expect(verifyYunoWebhookApiKey(new Headers(headers), expected)).toBe(true);
    expect(verifyYunoWebhookApiKey(new Headers({ ...headers, 'x-secret': 'merchant-secret-2' }), expected)).toBe(false);
    expect(verifyYunoWebhookApiKey(new Headers({ 'x-api-key': '', 'x-secret': '' }), expected)).toBe(false);
    expect(() => verifyYunoWebhookApiKey(new Headers(headers), { apiKey: '', apiSecret: 'x' })).toThrow();
  });
});
