// @vitest-environment jsdom
import type { Yuno, YunoInstance } from '@yuno-payments/sdk-web-types';
import { describe, expect, it, vi } from 'vitest';
import {
  YunoError,
  createYunoSdkTokenizer,
  type CardInput,
  type YunoSdkLoader,
  type YunoSdkLoadOptions,
} from 'yuno-react';
import { OneTimeTokenSchema, collectBrowserInfo, YUNO_SDK_VERSION } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const publicApiKey = sandbox.credentials.publicApiKey;
// The merchant's server in these tests; allowed in jsdom because it only talks to the in-memory sandbox.
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
});

type Json = Record<string, unknown>;

/** Bodies of the requests the stand-in SDK sends to the sandbox's /_sandbox/sdk routes, in order. */
const sdkRequests: Array<{ path: string; body: Json | undefined; answer: unknown }> = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  if (!path.startsWith('/_sandbox/sdk/')) return sandbox.fetch(request);
  const text = await request.clone().text();
  const response = await sandbox.fetch(request);
  const answer = await response
    .clone()
    .json()
    .catch(() => undefined);
  sdkRequests.push({ path, body: text ? (JSON.parse(text) as Json) : undefined, answer });
  return response;
};
const lastSdkRequest = (path: RegExp) => sdkRequests.filter((r) => path.test(r.path)).at(-1);

/** The session id of the first fingerprint the sandbox's fraud check answered for a checkout session. */
function fetchedFraudCheck(checkoutSession: string): string {
  const check = sdkRequests.find((r) => r.path.endsWith('/fraud') && r.body?.checkout_session === checkoutSession);
  const answer = check?.answer as { deviceFingerprints: Array<{ sessionId: string }> } | undefined;
  const id = answer?.deviceFingerprints[0]?.sessionId;
  if (!id) throw new Error(`no fraud check was answered for ${checkoutSession}`);
  return id;
}

/** A loader of the sandbox's stand-in SDK that counts loads and `initialize` calls; a fresh one has fresh memos. */
function countingLoader(delayMs = 5) {
  const counts = { loads: 0, initializes: 0, options: [] as YunoSdkLoadOptions[] };
  const loadSdk: YunoSdkLoader = async (options) => {
    counts.loads += 1;
    counts.options.push(options);
    // A load takes a while, as a script download does, so that concurrent callers overlap.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
    return {
      initialize(key, ...rest) {
        counts.initializes += 1;
        return sdk.initialize(key, ...rest);
      },
    };
  };
  return { loadSdk, counts };
}

type PaymentApi = Awaited<ReturnType<YunoInstance['apiClientPayment']>>;

/** The stand-in SDK with some of its headless payment methods replaced, to play an SDK that misbehaves. */
function loaderWithPaymentApi(overrides: Partial<PaymentApi>): YunoSdkLoader {
  return async () => {
    const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
    return {
      async initialize(key: string) {
        const instance = await sdk.initialize(key);
        return {
          ...instance,
          async apiClientPayment(args) {
            return { ...(await instance.apiClientPayment(args)), ...overrides };
          },
        };
      },
    } satisfies Yuno;
  };
}

let seq = 0;
async function newCheckout(country = 'US', currency = 'USD', value = 120) {
  seq += 1;
  const customer = await yuno.customers.create({ merchant_customer_id: `sdk-shopper-${seq}-${Date.now()}`, country });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `sdk-order-${seq}-${Date.now()}`,
    payment_description: 'SDK tokenizer test',
    country,
    customer_id: customer.id,
    amount: { currency, value },
  });
  const amount = { currency, value };
  return { customer, session, amount, checkoutSession: session.checkout_session, countryCode: country };
}

async function pay(checkout: Awaited<ReturnType<typeof newCheckout>>, type: string, token: string) {
  return yuno.payments.create({
    description: 'SDK tokenizer test',
    country: checkout.session.country,
    merchant_order_id: checkout.session.merchant_order_id,
    amount: checkout.amount,
    checkout: { session: checkout.checkoutSession },
    customer_payer: { id: checkout.customer.id },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type, token },
  });
}

const card = (number: string, securityCode = '123'): CardInput => ({
  number,
  expirationMonth: 11,
  expirationYear: 30,
  securityCode,
  holderName: 'Ada Lovelace',
  type: 'CREDIT',
});

const context = (checkout: { checkoutSession: string; countryCode: string }, browserInfo = collectBrowserInfo()) => ({
  checkoutSession: checkout.checkoutSession,
  countryCode: checkout.countryCode,
  browserInfo,
});

describe('createYunoSdkTokenizer: loading', () => {
  it('loads nothing when created', () => {
    const { loadSdk, counts } = countingLoader();
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    createYunoSdkTokenizer({ publicApiKey: 'sandbox_gAAAAexample' });

    expect(counts).toMatchObject({ loads: 0, initializes: 0 });
    expect(document.getElementById('yuno-script')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(tokenizer).toMatchObject({ kind: 'sdk', supportsOneHop: false });
  });

  it('loads and initialises once for concurrent calls and every tokenizer with the same loader and key', async () => {
    const { loadSdk, counts } = countingLoader(20);
    const checkouts = await Promise.all([newCheckout(), newCheckout(), newCheckout()]);
    // Three tokenizers stand for a StrictMode double mount plus a second provider.
    const tokenizers = [1, 2, 3].map(() => createYunoSdkTokenizer({ publicApiKey, loadSdk }));

    const tokens = await Promise.all([
      ...tokenizers.map((t, i) =>
        t.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkouts[i]!)),
      ),
      ...tokenizers.map((t, i) => t.prepare!(checkouts[i]!)),
      tokenizers[0]!.getThreeDSecureChallengeUrl!(checkouts[0]!),
    ]);

    expect(tokens.slice(0, 3).map((t) => (t as { token: string }).token)).toHaveLength(3);
    expect(counts).toMatchObject({ loads: 1, initializes: 1 });

    await createYunoSdkTokenizer({ publicApiKey, loadSdk }).createToken(
      { type: 'CARD', card: card('4111111111111111') },
      context(await newCheckout()),
    );
    expect(counts).toMatchObject({ loads: 1, initializes: 1 });
  });

  it('initialises once more for another public key, on the same loaded script', async () => {
    const { loadSdk, counts } = countingLoader();
    const checkout = await newCheckout();
    await createYunoSdkTokenizer({ publicApiKey, loadSdk }).prepare!(checkout);
    // The sandbox refuses the other key's fraud check; preparing goes on without one.
    await createYunoSdkTokenizer({ publicApiKey: 'sandbox_pk_other', loadSdk }).prepare!(checkout);
    await createYunoSdkTokenizer({ publicApiKey: 'sandbox_pk_other', loadSdk }).prepare!(checkout);

    expect(counts).toMatchObject({ loads: 1, initializes: 2 });
  });

  it('loads again after a failed load instead of keeping the failure', async () => {
    let loads = 0;
    const loadSdk: YunoSdkLoader = async () => {
      loads += 1;
      if (loads === 1) throw new Error('Failed to load script: https://sdk-web.sandbox.y.uno/v1.10/main.js');
      return createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
    };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();

    const failures = await Promise.all([
      tokenizer.prepare!(checkout).catch((e: unknown) => e),
      tokenizer
        .createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout))
        .catch((e: unknown) => e),
    ]);
    for (const error of failures) {
      expect(error).toBeInstanceOf(YunoError);
      expect(error).toMatchObject({
        kind: 'sdk',
        message: expect.stringMatching(/could not be loaded: Failed to load script/),
      });
    }
    expect(loads).toBe(1);

    const token = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));
    expect(token.type).toBe('CARD');
    expect(loads).toBe(2);
  });

  it('initialises again after a failed initialize, without loading again', async () => {
    let loads = 0;
    let initializes = 0;
    const loadSdk: YunoSdkLoader = async () => {
      loads += 1;
      const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
      return {
        async initialize(key: string) {
          initializes += 1;
          if (initializes === 1) throw new Error('Yuno is temporarily unavailable');
          return sdk.initialize(key);
        },
      };
    };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();

    await expect(tokenizer.prepare!(checkout)).rejects.toMatchObject({
      kind: 'sdk',
      message: "Yuno's Web SDK could not be initialised with the public API key: Yuno is temporarily unavailable",
    });
    await tokenizer.prepare!(checkout);
    expect({ loads, initializes }).toEqual({ loads: 1, initializes: 2 });
  });

  it('reports a loader that resolves without an SDK as an sdk error', async () => {
    const loadSdk = (async () => undefined) as unknown as YunoSdkLoader;
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    await expect(tokenizer.prepare!(await newCheckout())).rejects.toMatchObject({
      name: 'YunoError',
      kind: 'sdk',
      message: expect.stringMatching(/no initialize\(\)/),
    });
  });

  it('asks the loader for the environment of the key prefix, or the one given, with the pinned or given version', async () => {
    const checkout = await newCheckout();
    const sri = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
    const cases: Array<[Parameters<typeof createYunoSdkTokenizer>[0], YunoSdkLoadOptions]> = [
      [{ publicApiKey: 'sandbox_gAAAAexample' }, { env: 'sandbox', version: 'v1.11', integrity: undefined }],
      [{ publicApiKey: 'prod_gAAAAexample' }, { env: 'prod', version: 'v1.11', integrity: undefined }],
      [
        { publicApiKey: 'staging_gAAAAexample', version: 'v1.10' },
        { env: 'staging', version: 'v1.10', integrity: undefined },
      ],
      [
        { publicApiKey: 'dev_gAAAAexample', version: 'v1.11.2', integrity: sri },
        { env: 'dev', version: 'v1.11.2', integrity: sri },
      ],
      [
        { publicApiKey: 'sandbox_gAAAAexample', env: 'prod' },
        { env: 'prod', version: 'v1.11', integrity: undefined },
      ],
      [{ publicApiKey: 'pk_unknown_prefix' }, { env: undefined, version: 'v1.11', integrity: undefined }],
    ];
    expect(YUNO_SDK_VERSION).toBe('v1.11');
    for (const [options, expected] of cases) {
      const { loadSdk, counts } = countingLoader(0);
      // The stand-in accepts any key for initialize; the sandbox then refuses its fraud check, which prepare tolerates.
      await createYunoSdkTokenizer({ ...options, loadSdk }).prepare!(checkout);
      expect(counts.options).toEqual([expected]);
    }
  });

  it('refuses a missing key, and a key of unknown environment for the default loader', () => {
    expect(() => createYunoSdkTokenizer({ publicApiKey: '' })).toThrow(
      /createYunoSdkTokenizer: publicApiKey is required/,
    );
    expect(() => createYunoSdkTokenizer({ publicApiKey: 'pk_test_123' })).toThrow(
      /createYunoSdkTokenizer: cannot tell the Yuno environment .* pass env/,
    );
    expect(createYunoSdkTokenizer({ publicApiKey: 'pk_test_123', env: 'sandbox' }).kind).toBe('sdk');
    // The version becomes part of the script's URL: only a version path is taken.
    for (const version of ['1.11', 'v1.11/../../evil', 'latest', '']) {
      expect(() => createYunoSdkTokenizer({ publicApiKey, version })).toThrow(
        /createYunoSdkTokenizer: version must be an SDK version path such as 'v1.11'/,
      );
    }
    expect(() => createYunoSdkTokenizer({ publicApiKey, integrity: 'md5-abc' })).toThrow(
      /createYunoSdkTokenizer: integrity must be a Subresource Integrity hash/,
    );
  });
});

describe('createYunoSdkTokenizer: tokens', () => {
  it('tokenizes a new card with the browser_info, and the token pays', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const browserInfo = collectBrowserInfo();

    const token = await tokenizer.createToken(
      {
        type: 'CARD',
        card: { ...card('4507 9900 0000 0002'), holderName: 'Ada Lovelace' },
        customer: { email: 'ada@example.com' },
      },
      context(checkout, browserInfo),
    );

    expect(OneTimeTokenSchema.safeParse(token).success).toBe(true);
    expect(token).toMatchObject({
      type: 'CARD',
      vaulted_token: null,
      vault_on_success: false,
      card_data: { lfd: '0002' },
    });
    expect(JSON.stringify(token)).not.toContain('4507990000000002');

    const sent = lastSdkRequest(/\/token$/)?.body;
    expect(sent).toEqual({
      checkout_session: checkout.checkoutSession,
      payment_method: {
        type: 'CARD',
        vaulted_token: null,
        card: {
          save: false,
          detail: {
            number: '4507990000000002',
            expiration_month: 11,
            expiration_year: 30,
            security_code: '123',
            holder_name: 'Ada Lovelace',
            type: 'CREDIT',
          },
        },
        customer: { email: 'ada@example.com', browser_info: browserInfo },
      },
    });
    expect(browserInfo).toMatchObject({
      user_agent: expect.stringContaining('jsdom'),
      javascript_enabled: true,
      accept_header: 'application/json, text/plain, */*',
    });
    expect(token.customer?.browser_info).toMatchObject({
      user_agent: browserInfo.user_agent,
      language: browserInfo.language,
    });

    const payment = await pay(checkout, 'CARD', token.token);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
  });

  it('asks to save the card when saveCard is set', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const token = await tokenizer.createToken(
      { type: 'CARD', card: card('4111111111111111'), saveCard: true },
      context(checkout),
    );
    expect(token.vault_on_success).toBe(true);
    expect(lastSdkRequest(/\/token$/)?.body).toMatchObject({ payment_method: { card: { save: true } } });
  });

  it('enrolls a card and tokenizes the saved card with its CVV only', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const customerSession = await yuno.customerSessions.create({ customer_id: checkout.customer.id, country: 'US' });
    const browserInfo = collectBrowserInfo();

    const enrolled = await tokenizer.enroll!(
      { type: 'CARD', card: card('5252440000000002') },
      { customerSession: customerSession.customer_session, countryCode: 'US', browserInfo },
    );
    expect(enrolled).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    expect(lastSdkRequest(/\/enroll$/)?.body).toMatchObject({
      customer_session: customerSession.customer_session,
      payment_method: {
        type: 'CARD',
        card: { detail: { number: '5252440000000002' } },
        customer: { browser_info: browserInfo },
      },
    });

    const token = await tokenizer.createToken(
      { type: 'CARD', vaultedToken: enrolled.vaultedToken!, securityCode: '321' },
      context(checkout, browserInfo),
    );
    expect(token).toMatchObject({ type: 'CARD', vaulted_token: enrolled.vaultedToken, card_data: { lfd: '0002' } });
    expect(lastSdkRequest(/\/token$/)?.body).toEqual({
      checkout_session: checkout.checkoutSession,
      payment_method: {
        type: 'CARD',
        vaulted_token: enrolled.vaultedToken,
        card: { detail: { security_code: '321' } },
        customer: { browser_info: browserInfo },
      },
    });

    const payment = await pay(checkout, 'CARD', token.token);
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('tokenizes an alternative method (PIX) by its type', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout('BR', 'BRL', 50);
    const browserInfo = collectBrowserInfo();

    const token = await tokenizer.createToken(
      { type: 'PIX', customer: { document: { document_type: 'CPF', document_number: '12345678909' } } },
      context(checkout, browserInfo),
    );

    expect(token).toMatchObject({ type: 'PIX', vaulted_token: null, country: 'BR' });
    expect(token.card_data ?? null).toBeNull();
    expect(lastSdkRequest(/\/token$/)?.body).toEqual({
      checkout_session: checkout.checkoutSession,
      payment_method: {
        type: 'PIX',
        vaulted_token: null,
        customer: { document: { document_type: 'CPF', document_number: '12345678909' }, browser_info: browserInfo },
      },
    });
    const payment = await pay(checkout, 'PIX', token.token);
    expect(payment).toMatchObject({ status: 'READY_TO_PAY', checkout: { sdk_action_required: true } });
  });

  it('gives the 3DS challenge URL of a session whose payment waits on a challenge', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const token = await tokenizer.createToken({ type: 'CARD', card: card('4916994064252017') }, context(checkout));
    expect(await pay(checkout, 'CARD', token.token)).toMatchObject({ status: 'PENDING' });
    await expect(tokenizer.getThreeDSecureChallengeUrl!(checkout)).resolves.toBe(
      `${sandbox.baseUrl}/_sandbox/3ds/${checkout.checkoutSession}`,
    );
  });

  it('gives null, without an error, when Yuno answers that no challenge is needed', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    // A card that needs no challenge: the payment is settled without the shopper, and the SDK's url is null.
    const token = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));
    expect(await pay(checkout, 'CARD', token.token)).toMatchObject({ status: 'SUCCEEDED' });
    await expect(tokenizer.getThreeDSecureChallengeUrl!(checkout)).resolves.toBeNull();
    expect(lastSdkRequest(/\/three-d-secure$/)?.path).toBe(
      `/_sandbox/sdk/checkout/sessions/${checkout.checkoutSession}/three-d-secure`,
    );
  });
});

describe('createYunoSdkTokenizer: fraud check', () => {
  const fraudChecks = () => sandbox.countRequests({ path: '/_sandbox/sdk/fraud' });

  it('runs once per checkout session and its fingerprints go with the later tokens', async () => {
    const { loadSdk } = countingLoader();
    const first = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const second = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const before = fraudChecks();

    await Promise.all([first.prepare!(checkout), first.prepare!(checkout), second.prepare!(checkout)]);
    await first.prepare!(checkout);
    expect(fraudChecks() - before).toBe(1);
    expect(lastSdkRequest(/\/fraud$/)?.body).toMatchObject({ checkout_session: checkout.checkoutSession });

    const fraud = fetchedFraudCheck(checkout.checkoutSession);
    const token = await second.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));
    const sent = lastSdkRequest(/\/token$/)?.body as { payment_method: Json & { customer: Json } };
    // Where Yuno's headless generateToken takes it: one string on the payment method, not a list on the customer.
    expect(sent.payment_method.device_fingerprint).toBe(fraud);
    expect(sent.payment_method.customer).not.toHaveProperty('device_fingerprints');
    expect(sent.payment_method.customer).not.toHaveProperty('device_fingerprint');
    // Where Yuno keeps it on the token, and then on the payment's customer_payer.
    expect(token.customer?.device_fingerprint).toBe(fraud);
    expect(token.customer?.device_fingerprints ?? []).toEqual([]);
    const payment = await pay(checkout, 'CARD', token.token);
    expect(payment.customer_payer?.device_fingerprint).toBe(fraud);

    await first.prepare!(await newCheckout());
    expect(fraudChecks() - before).toBe(2);
  });

  it("sends the first provider's fingerprint when several providers answered, and only that one", async () => {
    const loadSdk: YunoSdkLoader = async () => {
      const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
      return {
        async initialize(key: string) {
          return {
            ...(await sdk.initialize(key)),
            executeFraudCheck: async () => ({
              status: 'success' as const,
              deviceFingerprints: [
                { providerId: 'CLEARSALE', sessionId: 'clearsale-session-1' },
                { providerId: 'SIGNIFYD', sessionId: 'signifyd-session-2' },
              ],
            }),
          };
        },
      };
    };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    await tokenizer.prepare!(checkout);
    const token = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));

    const sent = lastSdkRequest(/\/token$/)?.body as { payment_method: Json & { customer: Json } };
    expect(sent.payment_method.device_fingerprint).toBe('clearsale-session-1');
    expect(JSON.stringify(sent)).not.toContain('signifyd-session-2');
    expect(token.customer?.device_fingerprint).toBe('clearsale-session-1');
  });

  it('does not run it on the Pay click', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const before = fraudChecks();

    await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));

    expect(fraudChecks()).toBe(before);
    const sent = lastSdkRequest(/\/token$/)?.body as { payment_method: Json & { customer: Json } };
    expect(sent.payment_method).not.toHaveProperty('device_fingerprint');
    expect(sent.payment_method.customer).not.toHaveProperty('device_fingerprints');
  });

  it('goes on without fingerprints when the check fails, and runs it again on the next prepare', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const before = fraudChecks();
    const remove = sandbox.faults.inject({
      match: { path: '/_sandbox/sdk/fraud' },
      times: 1,
      type: 'status',
      status: 500,
    });
    try {
      await tokenizer.prepare!(checkout);
      await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));
      const sent = lastSdkRequest(/\/token$/)?.body as { payment_method: Json & { customer: Json } };
      expect(sent.payment_method).not.toHaveProperty('device_fingerprint');
      expect(sent.payment_method.customer).not.toHaveProperty('device_fingerprints');

      await tokenizer.prepare!(checkout);
      await tokenizer.prepare!(checkout);
      expect(fraudChecks() - before).toBe(2);
    } finally {
      remove();
    }
  });
});

describe('createYunoSdkTokenizer: a fraud check that never ends', () => {
  it('holds the Pay click for five seconds at most, then tokenizes without fingerprints', async () => {
    const loadSdk: YunoSdkLoader = async () => {
      const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
      return {
        async initialize(key: string) {
          return { ...(await sdk.initialize(key)), executeFraudCheck: () => new Promise<never>(() => {}) };
        },
      };
    };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    // prepare() itself waits for the check, so it is left running, as the hooks leave it.
    void tokenizer.prepare!(checkout);
    await new Promise((resolve) => setTimeout(resolve, 20));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const pending = tokenizer
        .createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout))
        .finally(() => {
          settled = true;
        });
      await vi.advanceTimersByTimeAsync(4_900);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      vi.useRealTimers();
      const token = await pending;
      expect(token.type).toBe('CARD');
      const sent = lastSdkRequest(/\/token$/)?.body as { payment_method: Json & { customer: Json } };
      expect(sent.payment_method).not.toHaveProperty('device_fingerprint');
      expect(sent.payment_method.customer).not.toHaveProperty('device_fingerprints');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createYunoSdkTokenizer: errors', () => {
  it('passes on the typed error of a card number that fails the Luhn check, without the number', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const error = await tokenizer
      .createToken({ type: 'CARD', card: card('4111111111111112') }, context(await newCheckout()))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ kind: 'http', status: 400, yunoCode: 'INVALID_PARAMETERS' });
    expect(JSON.stringify(error)).not.toContain('4111111111111112');
    expect((error as Error).message).not.toContain('4111111111111112');
  });

  it('passes on the typed error of a checkout session that was already paid', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();
    const first = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout));
    await pay(checkout, 'CARD', first.token);

    await expect(
      tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(checkout)),
    ).rejects.toMatchObject({ name: 'YunoError', kind: 'http', status: 400, yunoCode: 'CHECKOUT_SESSION_NOT_FOUND' });
  });

  it('turns an SDK failure into an sdk error whose message holds no card data', async () => {
    const loadSdk = loaderWithPaymentApi({
      generateToken: () =>
        Promise.reject(new Error('Card 4507990000000002 exp 11/30 (987) refused: 4507 9900 0000 0002 blocked')),
    });
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const error = await tokenizer
      .createToken({ type: 'CARD', card: card('4507990000000002', '987') }, context(await newCheckout()))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(YunoError);
    const sdkError = error as YunoError;
    expect(sdkError.kind).toBe('sdk');
    expect(sdkError.message).toMatch(/^Yuno's Web SDK could not create a one-time token: Card \[redacted\]/);
    for (const text of [
      sdkError.message,
      JSON.stringify(sdkError),
      sdkError.messages.join(' '),
      String(sdkError.stack),
    ]) {
      expect(text).not.toMatch(/4507\D?9900\D?0000\D?0002/);
      expect(text).not.toContain('987');
    }
    expect(sdkError.cause).toBeUndefined();
  });

  it('keeps the Yuno code of an error body the SDK rejects with', async () => {
    const loadSdk = loaderWithPaymentApi({
      generateToken: () =>
        Promise.reject({ code: 'INVALID_PARAMETERS', messages: ['security_code 987 does not match'] }),
    });
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const error = await tokenizer
      .createToken({ type: 'CARD', card: card('4111111111111111', '987') }, context(await newCheckout()))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'YunoError',
      kind: 'sdk',
      yunoCode: 'INVALID_PARAMETERS',
      messages: ['security_code [redacted] does not match'],
    });
  });

  it('reports a token of the wrong shape as invalid_response', async () => {
    const loadSdk = loaderWithPaymentApi({
      generateToken: async () =>
        ({ token: '', type: 'CARD' }) as unknown as Awaited<ReturnType<PaymentApi['generateToken']>>,
    });
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    await expect(
      tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, context(await newCheckout())),
    ).rejects.toMatchObject({ name: 'YunoError', kind: 'invalid_response', issues: [{ path: 'token' }] });
  });

  it('reports a 3DS answer without a URL as invalid_response', async () => {
    const loadSdk = loaderWithPaymentApi({
      getThreeDSecureChallenge: async () => ({}) as { url: string },
    });
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    await expect(tokenizer.getThreeDSecureChallengeUrl!(await newCheckout())).rejects.toMatchObject({
      kind: 'invalid_response',
    });
  });

  it('stops waiting when the signal aborts', async () => {
    let release = () => {};
    const loadSdk = loaderWithPaymentApi({
      generateToken: () =>
        new Promise((_, reject) => {
          release = () => reject(new Error('too late'));
        }),
    });
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    const checkout = await newCheckout();

    const aborted = new AbortController();
    aborted.abort();
    await expect(
      tokenizer.createToken(
        { type: 'CARD', card: card('4111111111111111') },
        { ...context(checkout), signal: aborted.signal },
      ),
    ).rejects.toMatchObject({ name: 'YunoError', kind: 'aborted' });

    const controller = new AbortController();
    const pending = tokenizer.createToken(
      { type: 'CARD', card: card('4111111111111111') },
      { ...context(checkout), signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    release();
  });

  it('keeps nothing of the card on the tokenizer', async () => {
    const { loadSdk } = countingLoader(0);
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });
    await tokenizer.createToken({ type: 'CARD', card: card('4507990000000002', '987') }, context(await newCheckout()));

    expect(Object.isFrozen(tokenizer)).toBe(true);
    expect(Object.keys(tokenizer).sort()).toEqual([
      'createToken',
      'enroll',
      'getContinuePaymentAction',
      'getThreeDSecureChallengeUrl',
      'kind',
      'prepare',
      'secureFields',
      'supportsOneHop',
    ]);
    for (const value of Object.values(tokenizer)) {
      if (typeof value !== 'function') expect(String(value)).not.toMatch(/4507990000000002|987/);
    }
  });
});
