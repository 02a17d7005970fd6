import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createSandboxMswHandlers } from 'yuno-react/sandbox/msw';

const sandbox = createYunoSandbox();
const server = setupServer(...createSandboxMswHandlers(sandbox));
const API = 'http://localhost:4010';
const headers = {
  'content-type': 'application/json',
  'public-api-key': sandbox.credentials.publicApiKey,
  'private-secret-key': sandbox.credentials.privateSecretKey,
};

/** Requests no handler answered (they then go to the network). */
let unhandled: string[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterEach(() => {
  unhandled = [];
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

describe('createSandboxMswHandlers', () => {
  it('answers Yuno’s REST API through the real global fetch', async () => {
    const customer = await fetch(`${API}/v1/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ merchant_customer_id: `shopper-${Date.now()}` }),
    });
    expect(customer.status).toBe(201);
    const { id } = (await customer.json()) as { id: string };

    const session = await fetch(`${API}/v1/checkout/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        account_id: sandbox.credentials.accountId,
        merchant_order_id: `order-${Date.now()}`,
        payment_description: 'MSW test',
        country: 'CO',
        customer_id: id,
        amount: { currency: 'COP', value: 52000 },
      }),
    });
    expect(session.status).toBe(200);
    const { checkout_session } = (await session.json()) as { checkout_session: string };

    const methods = await fetch(`${API}/v1/checkout/sessions/${checkout_session}/payment-methods`, { headers });
    expect(methods.status).toBe(200);
    expect(Array.isArray(await methods.json())).toBe(true);
    expect(sandbox.countRequests({ path: /^\/v1\// })).toBe(3);
    expect(unhandled).toEqual([]);
  });

  it('passes Yuno’s errors through', async () => {
    const unauthorised = await fetch(`${API}/v1/customers/any`, { headers: { 'public-api-key': 'nope' } });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', messages: expect.any(Array) });

    const missing = await fetch(`${API}/v1/payments/no-such-payment`, { headers });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });

  it('serves the sandbox-only routes', async () => {
    const before = sandbox.now();
    const advanced = await fetch(`${API}/_sandbox/time/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 60_000 }),
    });
    expect(advanced.status).toBe(200);
    const { now } = (await advanced.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before + 60_000);
    expect(now).toBeLessThanOrEqual(sandbox.now());
  });

  it('turns the network fault into a failed fetch', async () => {
    sandbox.faults.inject({ type: 'network', match: { path: '/v1/customers/any' } });
    await expect(fetch(`${API}/v1/customers/any`, { headers })).rejects.toThrow(TypeError);
  });

  it('leaves other origins alone', async () => {
    server.use(...createSandboxMswHandlers(sandbox, { baseUrl: 'https://api-sandbox.y.uno' }));
    const onYunosHost = await fetch('https://api-sandbox.y.uno/v1/payments/no-such-payment', { headers });
    expect(onYunosHost.status).toBe(400);
    await fetch('http://127.0.0.1:9/v1/payments/x', { headers }).catch(() => undefined);
    expect(unhandled).toEqual(['http://127.0.0.1:9/v1/payments/x']);
  });
});
