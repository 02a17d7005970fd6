import { afterEach, describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, resolveYunoBaseUrl } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const keys = { privateSecretKey: 'sk', accountId: sandbox.credentials.accountId };

describe('base URL', () => {
  it('follows the public key prefix the way Yuno’s own tools do', () => {
    expect(createYunoServerClient({ ...keys, publicApiKey: 'sandbox_abc' }).baseUrl).toBe('https://api-sandbox.y.uno');
    expect(createYunoServerClient({ ...keys, publicApiKey: 'prod_abc' }).baseUrl).toBe('https://api.y.uno');
    expect(createYunoServerClient({ ...keys, publicApiKey: 'dev_abc' }).baseUrl).toBe('https://api-dev.y.uno');
    expect(createYunoServerClient({ ...keys, publicApiKey: 'staging_abc' }).baseUrl).toBe('https://api-staging.y.uno');
  });

  it('uses an explicit baseUrl, e.g. EMEA, over the prefix', () => {
    const yuno = createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', baseUrl: 'https://api.eu.y.uno/' });
    expect(yuno.baseUrl).toBe('https://api.eu.y.uno');
    expect(resolveYunoBaseUrl('prod_abc', 'https://api.eu.y.uno/v1')).toBe('https://api.eu.y.uno');
  });

  it('refuses an unknown prefix without a baseUrl, naming the fix', () => {
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'live_abc' })).toThrow(
      /createYunoServerClient: cannot tell the Yuno environment.*pass baseUrl/,
    );
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'abc' })).toThrow(/pass baseUrl/);
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'constructor_abc' })).toThrow(/pass baseUrl/);
  });

  it('refuses a baseUrl that is not an absolute http(s) URL', () => {
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', baseUrl: 'api.y.uno' })).toThrow(
      /baseUrl must be an absolute/,
    );
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', baseUrl: 'ftp://api.y.uno' })).toThrow(
      /baseUrl must be an absolute/,
    );
  });

  it('sends requests to `${base}/v1/...` on the chosen host', async () => {
    const urls: string[] = [];
    const yuno = createYunoServerClient({
      ...sandbox.credentials,
      publicApiKey: sandbox.credentials.publicApiKey,
      fetch: (input, init) => {
        const request = new Request(input, init);
        urls.push(request.url);
        return sandbox.fetch(request);
      },
    });
    expect(sandbox.credentials.publicApiKey.startsWith('sandbox_')).toBe(true);
    await yuno.customers.create({ merchant_customer_id: `shopper-${Date.now()}` });
    expect(urls).toEqual(['https://api-sandbox.y.uno/v1/customers']);
  });

  it('requires the three credentials', () => {
    expect(() => createYunoServerClient({ ...keys, publicApiKey: '' })).toThrow(/publicApiKey is required/);
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', privateSecretKey: ' ' })).toThrow(
      /privateSecretKey is required/,
    );
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', accountId: '' })).toThrow(
      /accountId is required/,
    );
  });
});

describe('browser refusal', () => {
  const g = globalThis as { window?: unknown; document?: unknown };
  afterEach(() => {
    delete g.window;
    delete g.document;
  });

  it('throws where window exists', () => {
    g.window = {};
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc' })).toThrow(
      /^createYunoServerClient must run on a server/,
    );
  });

  it('throws where document exists', () => {
    g.document = {};
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc' })).toThrow(/createYunoServerClient/);
  });

  it('runs there with allowBrowser: true', () => {
    g.window = {};
    g.document = {};
    expect(createYunoServerClient({ ...keys, publicApiKey: 'prod_abc', allowBrowser: true }).baseUrl).toBe(
      'https://api.y.uno',
    );
  });

  it('runs on a server', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(() => createYunoServerClient({ ...keys, publicApiKey: 'prod_abc' })).not.toThrow();
  });
});

describe('request validation', () => {
  const calls: Request[] = [];
  const yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: (input, init) => {
      const request = new Request(input, init);
      calls.push(request.clone());
      return sandbox.fetch(request);
    },
  });
  afterEach(() => {
    calls.length = 0;
  });

  it('rejects an invalid body before sending, naming field paths but not values', async () => {
    const error = await yuno.checkoutSessions
      .createOneTimeToken('cs-1', {
        payment_method: {
          type: 'CARD',
          card: { number: '4507-9900-0000-0002', expiration_month: 13, security_code: '12345' },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toMatch(/^createYunoServerClient: checkoutSessions\.createOneTimeToken got an invalid body at /);
    expect(message).toContain('payment_method.card.number');
    expect(message).toContain('payment_method.card.expiration_month');
    expect(message).toContain('payment_method.card.security_code');
    expect(message).not.toMatch(/4507|0002|12345|13/);
    expect(calls).toHaveLength(0);
  });

  it('rejects a payment without the required fields', async () => {
    const incomplete = { description: 'x', country: 'usa', merchant_order_id: 'o-1' };
    // @ts-expect-error: amount and payment_method are required
    const error = await yuno.payments.create(incomplete).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /payments\.create got an invalid body at .*description.*country.*amount.*payment_method/,
    );
    expect(calls).toHaveLength(0);
  });

  it('rejects missing ids and idempotency keys that are not strings', async () => {
    await expect(yuno.payments.retrieve('')).rejects.toThrow(/payments\.retrieve needs paymentId/);
    await expect(yuno.customers.retrieveByMerchantCustomerId(' ')).rejects.toThrow(/needs merchantCustomerId/);
    await expect(yuno.customerPaymentMethods.unenroll('customer', 'pm', { idempotencyKey: '' })).rejects.toThrow(
      /invalid idempotencyKey/,
    );
    expect(calls).toHaveLength(0);
  });

  it('keeps fields it does not model, and always uses its own account_id', async () => {
    // Not a literal in the call, so that fields outside the typed body get through, as they may from JavaScript.
    const body = {
      merchant_order_id: `order-${Date.now()}`,
      payment_description: 'Validation test',
      country: 'US',
      amount: { currency: 'USD', value: 10 },
      recurring_payment: { description: 'Monthly' },
      account_id: 'someone-else',
    };
    await yuno.checkoutSessions.create(body);
    const sent = (await calls[0]!.json()) as Record<string, unknown>;
    expect(sent.recurring_payment).toEqual({ description: 'Monthly' });
    expect(sent.account_id).toBe(sandbox.credentials.accountId);
  });
});
