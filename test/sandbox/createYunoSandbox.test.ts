import { describe, expect, it } from 'vitest';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_DEFAULT_BASE_URL,
  SANDBOX_PRIVATE_SECRET_KEY,
  SANDBOX_PUBLIC_API_KEY,
  createYunoSandbox,
} from 'yuno-react/sandbox';
import { createKit, expectYunoError, uniqueId } from './kit';

describe('createYunoSandbox: credentials and account', () => {
  it('uses the documented default credentials and base URL', () => {
    const sandbox = createYunoSandbox();
    expect(sandbox.credentials).toEqual({
      publicApiKey: SANDBOX_PUBLIC_API_KEY,
      privateSecretKey: SANDBOX_PRIVATE_SECRET_KEY,
      accountId: SANDBOX_ACCOUNT_ID,
    });
    expect(sandbox.baseUrl).toBe(SANDBOX_DEFAULT_BASE_URL);
    expect(createYunoSandbox({ baseUrl: 'http://127.0.0.1:9999/' }).baseUrl).toBe('http://127.0.0.1:9999');
  });

  it('answers 401 INVALID_CREDENTIALS on /v1 without both keys, or with wrong ones', async () => {
    const { api, sandbox } = createKit();
    const cases: Array<Record<string, string>> = [
      { 'public-api-key': '', 'private-secret-key': '' },
      { 'public-api-key': sandbox.credentials.publicApiKey, 'private-secret-key': 'wrong' },
      { 'public-api-key': 'wrong', 'private-secret-key': sandbox.credentials.privateSecretKey },
    ];
    for (const headers of cases) {
      expectYunoError(
        await api('POST', '/v1/customers', { merchant_customer_id: uniqueId('c') }, headers),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    expect(sandbox.countRequests({ path: '/v1/customers' })).toBe(3);
    // Nothing was created by the refused calls.
    expectYunoError(await api('GET', '/v1/customers?merchant_customer_id=x'), 400, 'CUSTOMER_NOT_FOUND');
  });

  it('accepts configured credentials instead of the defaults', async () => {
    const { api } = createKit({ publicApiKey: 'pk_custom', privateSecretKey: 'sk_custom', accountId: 'acc-custom' });
    const ok = await api(
      'POST',
      '/v1/customers',
      { merchant_customer_id: uniqueId('c') },
      {
        'public-api-key': 'pk_custom',
        'private-secret-key': 'sk_custom',
      },
    );
    expect(ok.status).toBe(201);
    const refused = await api(
      'POST',
      '/v1/customers',
      { merchant_customer_id: uniqueId('c') },
      {
        'public-api-key': SANDBOX_PUBLIC_API_KEY,
        'private-secret-key': SANDBOX_PRIVATE_SECRET_KEY,
      },
    );
    expectYunoError(refused, 401, 'INVALID_CREDENTIALS');
  });

  it('refuses an account_id other than the configured one with INVALID_ACCOUNT_ID', async () => {
    const { api, createCustomer, sandbox } = createKit();
    const customer = await createCustomer();
    const session = {
      merchant_order_id: uniqueId('order'),
      payment_description: 'Account check',
      country: 'CO',
      amount: { currency: 'COP', value: 8000 },
    };
    expectYunoError(
      await api('POST', '/v1/checkout/sessions', { ...session, account_id: '00000000-0000-4000-8000-000000000000' }),
      400,
      'INVALID_ACCOUNT_ID',
    );
    expectYunoError(
      await api('POST', '/v1/customers/sessions', {
        account_id: 'someone-else',
        country: 'CO',
        customer_id: customer.id,
      }),
      400,
      'INVALID_ACCOUNT_ID',
    );
    const ok = await api('POST', '/v1/checkout/sessions', { ...session, account_id: sandbox.credentials.accountId });
    expect(ok.status).toBe(200);
  });
});

describe('createYunoSandbox: routing', () => {
  it('answers 404 NOT_FOUND for unknown paths and 405 UNSUPPORTED_METHOD for known paths', async () => {
    const { api } = createKit();
    expectYunoError(await api('GET', '/v1/nothing-here'), 404, 'NOT_FOUND');
    expectYunoError(await api('GET', '/elsewhere'), 404, 'NOT_FOUND');
    const wrongMethod = await api('DELETE', '/v1/payments');
    expectYunoError(wrongMethod, 405, 'UNSUPPORTED_METHOD');
    expect(wrongMethod.headers.get('allow')).toBe('POST, GET');
  });

  it('answers OPTIONS on any path with 204 and open CORS headers', async () => {
    const { sandbox } = createKit();
    for (const path of ['/v1/payments', '/_sandbox/sdk/fraud', '/anything']) {
      const response = await sandbox.fetch(path, { method: 'OPTIONS' });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,DELETE,OPTIONS');
    }
  });

  it('answers on any origin, for a Request, a URL or a path relative to its base URL', async () => {
    const { sandbox, auth } = createKit();
    const body = () => JSON.stringify({ merchant_customer_id: uniqueId('c') });
    const init = { method: 'POST', headers: { ...auth, 'content-type': 'application/json' } };
    const responses = await Promise.all([
      sandbox.fetch('/v1/customers', { ...init, body: body() }),
      sandbox.fetch(new URL('https://api-sandbox.y.uno/v1/customers'), { ...init, body: body() }),
      sandbox.fetch(new Request('http://127.0.0.1:1/v1/customers', { ...init, body: body() })),
      sandbox.handle(new Request('http://example.test/v1/customers', { ...init, body: body() })),
    ]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });
});

describe('createYunoSandbox: request log', () => {
  it('records every request with method, path, status and sandbox time, and counts them by filter', async () => {
    const { api, sandbox } = createKit({ now: Date.UTC(2030, 0, 1) });
    await api('POST', '/v1/customers', { merchant_customer_id: uniqueId('c') });
    await api('GET', '/v1/customers/unknown?x=1');
    await api('GET', '/v1/customers/other');
    expect(sandbox.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/v1/customers', 201],
      ['GET', '/v1/customers/unknown', 400],
      ['GET', '/v1/customers/other', 400],
    ]);
    expect(sandbox.requests[0]!.at).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1));
    expect(sandbox.countRequests()).toBe(3);
    expect(sandbox.countRequests({ method: 'get' })).toBe(2);
    expect(sandbox.countRequests({ path: '/v1/customers' })).toBe(1);
    expect(sandbox.countRequests({ method: 'GET', path: /^\/v1\/customers\// })).toBe(2);

    const log = await api('GET', '/_sandbox/requests');
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(3);
    sandbox.clearRequests();
    expect(sandbox.countRequests()).toBe(0);
    await api('GET', '/v1/customers/again');
    await api('DELETE', '/_sandbox/requests');
    // The clearing request itself is logged once it has been answered.
    expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /_sandbox/requests']);
  });

  it('forgets everything on reset', async () => {
    const { api, sandbox, payWithCard } = createKit();
    const { payment } = await payWithCard('4111111111111111');
    expect(sandbox.listPayments()).toHaveLength(1);
    sandbox.reset();
    expect(sandbox.listPayments()).toEqual([]);
    expect(sandbox.getPayment(payment.id)).toBeUndefined();
    expect(sandbox.requests).toEqual([]);
    expectYunoError(await api('GET', `/v1/payments/${payment.id}`), 400, 'PAYMENT_NOT_FOUND');
  });
});
