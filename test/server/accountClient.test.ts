/**
 * The server client's customer, session, enrollment, issuer and webhook methods: what they send (paths, account id,
 * headers), their body checks (naming the field, never the value) and the idempotency key on every write, reused on
 * the client's own retries.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
let sent: Request[] = [];
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: (input, init) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    return sandbox.fetch(request);
  },
  retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
});

beforeEach(() => {
  sandbox.reset();
  sent = [];
});

const keysOf = (method: string, pathname: RegExp) =>
  sent
    .filter((r) => r.method === method && pathname.test(new URL(r.url).pathname))
    .map((r) => r.headers.get('x-idempotency-key'));

describe('requests', () => {
  it('deletes a customer with x-account-code and updates with PATCH', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    await yuno.customers.update(customer.id, { first_name: 'Ada' });
    expect(sent.at(-1)!.method).toBe('PATCH');
    await yuno.customers.delete(customer.id);
    const deletion = sent.at(-1)!;
    expect(deletion.method).toBe('DELETE');
    expect(deletion.headers.get('x-account-code')).toBe(sandbox.credentials.accountId);
  });

  it('fills in account_id: in bodies, and in the query of webhook reads and deletes', async () => {
    const hook = await yuno.webhooks.create({ name: 'A', url: 'https://shop.example/a', payment_triggers: ['REFUND'] });
    expect(await sent.at(-1)!.json()).toMatchObject({ account_id: sandbox.credentials.accountId });
    await yuno.webhooks.list({ state: 'ACTIVE' });
    expect(new URL(sent.at(-1)!.url).searchParams.get('account_id')).toBe(sandbox.credentials.accountId);
    expect(new URL(sent.at(-1)!.url).searchParams.get('state')).toBe('ACTIVE');
    await yuno.webhooks.delete(hook.id);
    expect(new URL(sent.at(-1)!.url).searchParams.get('account_id')).toBe(sandbox.credentials.accountId);
  });
});

describe('body checks name the field, never the value', () => {
  it('refuses bad bodies before sending anything', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    sent = [];
    await expect(yuno.customers.update(customer.id, { email: 'not-an-email' })).rejects.toThrow(/at email$/);
    await expect(
      yuno.checkoutSessions.update('cs', { merchant_order_id: 'o', payment_description: 'Order', country: 'US' }),
    ).rejects.toThrow(/merchant_order_id/);
    await expect(
      yuno.customerPaymentMethods.enroll(customer.id, {
        country: 'US',
        type: 'CARD',
        card_data: { number: '4111-1111', expiration_month: 13 },
      }),
    ).rejects.toThrow(/card_data\.number, card_data\.expiration_month/);
    await expect(
      yuno.customerPaymentMethods.enroll(customer.id, {
        country: 'US',
        type: 'CARD',
        card_data: { number: '4111-1111' },
      }),
    ).rejects.not.toThrow(/4111/);
    await expect(yuno.webhooks.create({ name: 'A' } as never)).rejects.toThrow(/at url/);
    await expect(yuno.webhooks.update('1', { state: 'PAUSED' } as never)).rejects.toThrow(/at state/);
    await expect(yuno.issuers.list({})).rejects.toThrow(TypeError);
    await expect(yuno.customers.delete('')).rejects.toThrow(/customerId/);
    expect(sent).toEqual([]);
  });
});

describe('idempotency keys on writes', () => {
  it('sends a generated key on every write and reuses it when it retries', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    for (const [method, path] of [
      ['PATCH', /^\/v1\/customers\/[^/]+$/],
      ['POST', /^\/v1\/customers\/[^/]+\/payment-methods$/],
      ['POST', /^\/v1\/webhooks$/],
    ] as const) {
      sandbox.faults.inject({ type: 'status', status: 503, times: 1, match: { method, path } });
    }
    await yuno.customers.update(customer.id, { first_name: 'Ada' });
    const card = await yuno.customerPaymentMethods.enroll(customer.id, {
      country: 'US',
      type: 'CARD',
      card_data: { number: '4111111111111111', expiration_month: 3, expiration_year: 30 },
    });
    await yuno.webhooks.create({ name: 'A', url: 'https://shop.example/a', enrollment_triggers: ['ENROLL'] });
    for (const [method, path] of [
      ['PATCH', /^\/v1\/customers\/[^/]+$/],
      ['POST', /^\/v1\/customers\/[^/]+\/payment-methods$/],
      ['POST', /^\/v1\/webhooks$/],
    ] as const) {
      const keys = keysOf(method, path);
      expect(keys, String(path)).toHaveLength(2);
      expect(keys[0], String(path)).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1], String(path)).toBe(keys[0]);
    }
    // One enrollment despite the retry, and a new key for the next write.
    await expect(yuno.customerPaymentMethods.list(customer.id)).resolves.toHaveLength(1);
    await yuno.customerPaymentMethods.unenroll(customer.id, card.vaulted_token!);
    const unenrollKey = keysOf('POST', /\/unenroll$/)[0];
    expect(unenrollKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysOf('POST', /^\/v1\/customers\/[^/]+\/payment-methods$/)).not.toContain(unenrollKey);
  });

  it('sends the key it is given', async () => {
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' }, { idempotencyKey: 'c-1' });
    await yuno.customers.delete(customer.id, { idempotencyKey: 'd-1' });
    expect(sent.map((r) => r.headers.get('x-idempotency-key'))).toEqual(['c-1', 'd-1']);
    await expect(yuno.customers.update(customer.id, {}, { idempotencyKey: ' ' })).rejects.toThrow(/idempotencyKey/);
  });
});
