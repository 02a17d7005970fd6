// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import {
  YunoError,
  createYunoBrowserClient,
  createYunoSdkV2Tokenizer,
  type CardInput,
  type OneTimeToken,
  type PayContext,
  type YunoSdkV2Loader,
} from 'yuno-react';
import { OneTimeTokenSchema, collectBrowserInfo, createIdempotencyKey } from 'yuno-react/core';
import { SANDBOX_THREE_DS_OTPS, createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoRouteHandlers, createYunoServerClient, type ResolvedCheckout } from 'yuno-react/server';
import { CookieJar } from '../support/cookieJar';

const sandbox = createYunoSandbox();
const publicApiKey = sandbox.credentials.publicApiKey;
const serverClient = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  retry: false,
});

type Json = Record<string, unknown>;
/** What the stand-in sent to the sandbox's SDK routes, in order. */
const sdkRequests: Array<{ method: string; path: string; body: Json | undefined }> = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  if (path.startsWith('/_sandbox/sdk/')) {
    const text = await request.clone().text();
    sdkRequests.push({ method: request.method, path, body: text ? (JSON.parse(text) as Json) : undefined });
  }
  return sandbox.fetch(request);
};
const sdkCalls = (path: RegExp) => sdkRequests.filter((r) => path.test(r.path));

/** The OTP the shopper types into the 3DS challenge view, per test. */
let otp: string = SANDBOX_THREE_DS_OTPS.authenticated;
const challenges: string[] = [];
let loads = 0;
/** The stand-in 2.x SDK; answering a challenge posts the code to the sandbox's challenge page, as the shopper would. */
const loadSdk: YunoSdkV2Loader = async () => {
  loads += 1;
  return createSandboxWebSdk({
    baseUrl: sandbox.baseUrl,
    fetch: recordingFetch,
    sdkVersion: 2,
    async answerThreeDSecure({ url }) {
      challenges.push(url);
      const response = await sandbox.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ otp }).toString(),
      });
      expect(response.status).toBe(200);
    },
  });
};

let order: ResolvedCheckout;
let seq = 0;
beforeEach(() => {
  seq += 1;
  otp = SANDBOX_THREE_DS_OTPS.authenticated;
  challenges.length = 0;
  sdkRequests.length = 0;
  order = {
    merchantOrderId: `v2-order-${seq}`,
    description: `Order ${seq}`,
    country: 'US',
    amount: { currency: 'USD', value: 75 },
    customer: { merchant_customer_id: `v2-shopper-${seq}`, email: 'grace@example.com', country: 'US' },
  };
});

/** The merchant's routes and the browser client the page uses to reach them. */
function merchant() {
  const handlers = createYunoRouteHandlers({ client: serverClient, resolveCheckout: () => order });
  const fetch = new CookieJar().fetch((request) => handlers.fetch(request));
  return createYunoBrowserClient({ baseUrl: 'http://shop.test/api/yuno', fetch, retry: false });
}

/** A `pay` context whose createPayment posts the token to the merchant's payment route, recording each token. */
function payContext(client: ReturnType<typeof merchant>, checkoutSession: string, countryCode = 'US') {
  const tokens: OneTimeToken[] = [];
  const payments: Array<{ id: string; status: string }> = [];
  const context: PayContext = {
    checkoutSession,
    countryCode,
    browserInfo: collectBrowserInfo(),
    async createPayment(token) {
      tokens.push(token);
      const payment = await client.createPayment(
        { checkoutSession, oneTimeToken: token.token },
        { idempotencyKey: createIdempotencyKey() },
      );
      payments.push({ id: payment.id, status: payment.status });
      return payment;
    },
  };
  return { context, tokens, payments };
}

const card = (number: string, securityCode = '123'): CardInput => ({
  number,
  expirationMonth: 11,
  expirationYear: 2030,
  securityCode,
  holderName: 'Grace Hopper',
  type: 'CREDIT',
});

const APPROVED = '4507 9900 0000 0002';
const DECLINED = '4507990000000028';
const CHALLENGE = '4916994064252017';

describe('createYunoSdkV2Tokenizer: pay (manual mode)', () => {
  it('pays an approved card: the token goes to the merchant route, onStatus gives succeeded', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const { context, tokens, payments } = payContext(client, checkoutSession);

    const result = await tokenizer.pay!(
      { type: 'CARD', card: card(APPROVED), customer: { email: 'grace@example.com' } },
      context,
    );

    expect(result).toEqual({ status: 'succeeded', yunoStatus: 'SUCCEEDED', yunoSubstatus: 'APPROVED' });
    expect(tokens).toHaveLength(1);
    expect(OneTimeTokenSchema.safeParse(tokens[0]).success).toBe(true);
    expect(tokens[0]).not.toHaveProperty('checkout_session');
    expect(tokens[0]).not.toHaveProperty('recognitionToken');
    expect(tokens[0]).toMatchObject({ type: 'CARD', vaulted_token: null, card_data: { lfd: '0002' } });
    expect(payments).toEqual([{ id: expect.any(String), status: 'SUCCEEDED' }]);
    // Headless: the card went to Yuno (the sandbox) from the SDK, digits only, two-digit year.
    expect(sdkCalls(/\/token$/).map((r) => r.body)).toEqual([
      {
        checkout_session: checkoutSession,
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
              holder_name: 'Grace Hopper',
              type: 'CREDIT',
            },
          },
          customer: { email: 'grace@example.com' },
        },
      },
    ]);
    expect(sdkCalls(/\/payment$/)).toHaveLength(1);
    expect(challenges).toHaveLength(0);
  });

  it('reports a declined card as declined, and a retry on a fresh session pays', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const first = await client.startCheckout();
    const declined = payContext(client, first.checkoutSession);

    const result = await tokenizer.pay!({ type: 'CARD', card: card(DECLINED) }, declined.context);
    expect(result).toMatchObject({ status: 'declined', yunoStatus: 'DECLINED' });
    expect(declined.payments).toEqual([{ id: expect.any(String), status: 'DECLINED' }]);

    const second = await client.startCheckout({ previousCheckoutSession: first.checkoutSession });
    expect(second.checkoutSession).not.toBe(first.checkoutSession);
    const retry = payContext(client, second.checkoutSession);
    const retried = await tokenizer.pay!({ type: 'CARD', card: card(APPROVED) }, retry.context);

    expect(retried).toEqual({ status: 'succeeded', yunoStatus: 'SUCCEEDED', yunoSubstatus: 'APPROVED' });
    expect(retry.payments).toEqual([{ id: expect.any(String), status: 'SUCCEEDED' }]);
    expect(sdkCalls(/\/token$/).map((r) => r.body?.checkout_session)).toEqual([
      first.checkoutSession,
      second.checkoutSession,
    ]);
  });

  it('runs a 3-D Secure challenge after the payment is created, and the passed challenge pays', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const { context, payments } = payContext(client, checkoutSession);

    const result = await tokenizer.pay!({ type: 'CARD', card: card(CHALLENGE) }, context);

    expect(payments).toHaveLength(1);
    expect(payments[0]!.status).not.toBe('SUCCEEDED');
    expect(challenges).toEqual([`${sandbox.baseUrl}/_sandbox/3ds/${checkoutSession}`]);
    expect(result).toMatchObject({ status: 'succeeded', yunoStatus: 'SUCCEEDED' });
    const payment = await client.payment(payments[0]!.id);
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('reports a failed 3-D Secure challenge as declined', async () => {
    otp = SANDBOX_THREE_DS_OTPS.rejected;
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const { context, payments } = payContext(client, checkoutSession);

    const result = await tokenizer.pay!({ type: 'CARD', card: card(CHALLENGE) }, context);

    expect(challenges).toHaveLength(1);
    expect(result).toMatchObject({ status: 'declined', yunoStatus: 'DECLINED' });
    expect((await client.payment(payments[0]!.id)).status).toBe('DECLINED');
  });

  it('pays with PIX by its type and reports it as processing until it is paid', async () => {
    order = { ...order, country: 'BR', amount: { currency: 'BRL', value: 50 } };
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const { context, tokens, payments } = payContext(client, checkoutSession, 'BR');

    const result = await tokenizer.pay!(
      { type: 'PIX', customer: { document: { document_type: 'CPF', document_number: '12345678909' } } },
      context,
    );

    expect(result).toEqual({ status: 'processing', yunoStatus: 'READY_TO_PAY', yunoSubstatus: expect.any(String) });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ type: 'PIX', vaulted_token: null });
    expect(payments).toEqual([{ id: expect.any(String), status: 'READY_TO_PAY' }]);
    expect(sdkCalls(/\/token$/)[0]?.body).toEqual({
      checkout_session: checkoutSession,
      payment_method: {
        type: 'PIX',
        vaulted_token: null,
        customer: { document: { document_type: 'CPF', document_number: '12345678909' } },
      },
    });
  });

  it('stops without a status when the merchant route refuses, passing on its error', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const refused = new YunoError({ kind: 'http', status: 409, message: 'The route refused the payment' });
    const context: PayContext = {
      checkoutSession,
      countryCode: 'US',
      browserInfo: collectBrowserInfo(),
      createPayment: () => Promise.reject(refused),
    };

    await expect(tokenizer.pay!({ type: 'CARD', card: card(APPROVED) }, context)).rejects.toBe(refused);
    expect(sdkCalls(/\/payment$/)).toHaveLength(0);
  });

  it("turns Yuno's refusal of the card into an sdk error without the card number", async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const { context, tokens } = payContext(client, checkoutSession);

    const result = await tokenizer.pay!({ type: 'CARD', card: card('4507990000000003') }, context);

    expect(result.status).toBe('error');
    expect(result.yunoStatus).toBe('INTERNAL_ERROR');
    expect(result.error).toBeInstanceOf(YunoError);
    expect(result.error).toMatchObject({ kind: 'sdk', code: expect.stringMatching(/^[A-Z_]+$/) });
    expect(JSON.stringify({ message: result.error!.message, messages: result.error!.messages })).not.toContain(
      '4507990000000003',
    );
    expect(tokens).toHaveLength(0);
  });
});

describe('createYunoSdkV2Tokenizer: saved cards and enrollment', () => {
  it('enrolls a card on a customer session, then pays with the saved card and its CVV only', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const checkout = await serverClient.checkoutSessions.retrieve(checkoutSession);
    const customerId = checkout.customer_id!;
    const tokenizer = createYunoSdkV2Tokenizer({
      publicApiKey,
      loadSdk,
      // The merchant's server lists the customer's saved methods once the SDK reports ENROLLED.
      findVaultedToken: async () => {
        const methods = await serverClient.customerPaymentMethods.list(customerId);
        const saved = methods.find((m) => m.status === 'ENROLLED');
        return saved!.vaulted_token!;
      },
    });
    const customerSession = await serverClient.customerSessions.create({ customer_id: customerId, country: 'US' });

    const enrolled = await tokenizer.enroll!(
      { type: 'CARD', card: card('5252440000000002') },
      { customerSession: customerSession.customer_session, countryCode: 'US', browserInfo: collectBrowserInfo() },
    );
    expect(enrolled).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    expect(sdkCalls(/\/enroll$/).map((r) => r.body)).toEqual([
      {
        customer_session: customerSession.customer_session,
        payment_method: {
          type: 'CARD',
          card: {
            detail: {
              number: '5252440000000002',
              expiration_month: 11,
              expiration_year: 30,
              security_code: '123',
              holder_name: 'Grace Hopper',
              type: 'CREDIT',
            },
          },
        },
      },
    ]);

    const { context, tokens } = payContext(client, checkoutSession);
    const result = await tokenizer.pay!(
      { type: 'CARD', vaultedToken: enrolled.vaultedToken!, securityCode: '321' },
      context,
    );
    expect(result).toMatchObject({ status: 'succeeded', yunoStatus: 'SUCCEEDED' });
    expect(tokens[0]).toMatchObject({ vaulted_token: enrolled.vaultedToken, card_data: { lfd: '0002' } });
    expect(sdkCalls(/\/token$/).at(-1)?.body).toEqual({
      checkout_session: checkoutSession,
      payment_method: {
        type: 'CARD',
        vaulted_token: enrolled.vaultedToken,
        card: { save: false, detail: { security_code: '321' } },
      },
    });
  });

  it('enrolls without findVaultedToken, saying only that the card was saved (as 2.x reports it)', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const checkout = await serverClient.checkoutSessions.retrieve(checkoutSession);
    const customerSession = await serverClient.customerSessions.create({
      customer_id: checkout.customer_id!,
      country: 'US',
    });
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const enrolled = await tokenizer.enroll!(
      { type: 'CARD', card: card('5252440000000002') },
      { customerSession: customerSession.customer_session, countryCode: 'US', browserInfo: collectBrowserInfo() },
    );
    expect(enrolled).toEqual({ vaultedToken: null, status: 'ENROLLED' });
    const saved = await serverClient.customerPaymentMethods.list(checkout.customer_id!);
    expect(saved.filter((m) => m.status === 'ENROLLED')).toHaveLength(1);
  });
});

describe('createYunoSdkV2Tokenizer: createToken (the hooks create the payment)', () => {
  it('gives the one-time token and lets the SDK stop there; the merchant route pays with it', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();

    const token = await tokenizer.createToken(
      { type: 'CARD', card: card(APPROVED), saveCard: true },
      { checkoutSession, countryCode: 'US', browserInfo: collectBrowserInfo() },
    );

    expect(token).toMatchObject({ type: 'CARD', vault_on_success: true, card_data: { lfd: '0002' } });
    expect(JSON.stringify(token)).not.toContain('4507990000000002');
    // autoContinuePayment: false: the SDK reads no payment after its controller resolves (let it run on first).
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(sdkCalls(/\/payment$/)).toHaveLength(0);
    const payment = await client.createPayment(
      { checkoutSession, oneTimeToken: token.token },
      { idempotencyKey: createIdempotencyKey() },
    );
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('rejects with the typed error of a refused card', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const { checkoutSession } = await merchant().startCheckout();
    const error = await tokenizer
      .createToken(
        { type: 'CARD', card: card('4507990000000003') },
        { checkoutSession, countryCode: 'US', browserInfo: collectBrowserInfo() },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ kind: 'sdk', message: expect.stringMatching(/^Yuno's Web SDK could not create/) });
    expect(String((error as Error).message)).not.toContain('4507990000000003');
  });
});

describe('createYunoSdkV2Tokenizer: aborting', () => {
  it('stops waiting when the signal aborts, with an aborted error', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk });
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const controller = new AbortController();
    const { context } = payContext(client, checkoutSession);
    let release: () => void = () => undefined;
    const held: PayContext = {
      ...context,
      signal: controller.signal,
      // The merchant's route is slow; the shopper leaves the page meanwhile.
      createPayment: (token) => new Promise((resolve) => (release = () => resolve(context.createPayment(token)))),
    };

    const paying = tokenizer.pay!({ type: 'CARD', card: card(APPROVED) }, held);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(paying).rejects.toMatchObject({ kind: 'aborted' });
    release();

    const aborted = new AbortController();
    aborted.abort();
    await expect(
      tokenizer.createToken(
        { type: 'CARD', card: card(APPROVED) },
        { checkoutSession, countryCode: 'US', browserInfo: collectBrowserInfo(), signal: aborted.signal },
      ),
    ).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('createYunoSdkV2Tokenizer: loading', () => {
  it('loads and initialises once for every tokenizer with the same loader and key', async () => {
    const before = loads;
    let initializes = 0;
    const counting: YunoSdkV2Loader = async () => {
      const sdk = await loadSdk();
      return {
        initialize(key) {
          initializes += 1;
          return sdk.initialize(key);
        },
      };
    };
    const tokenizers = [1, 2, 3].map(() => createYunoSdkV2Tokenizer({ publicApiKey, loadSdk: counting }));
    await Promise.all(tokenizers.map((t) => t.prepare!({ checkoutSession: 'unused', countryCode: 'US' })));
    expect(loads - before).toBe(1);
    expect(initializes).toBe(1);
  });

  it('refuses a 1.x instance on window.SdkPayments with a clear sdk error', async () => {
    const v1: YunoSdkV2Loader = async () =>
      createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 1 }) as never;
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk: v1 });
    const error = await tokenizer.prepare!({ checkoutSession: 'unused', countryCode: 'US' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ kind: 'sdk', message: expect.stringMatching(/Web SDK 1\.x .*sdkVersion: 1/) });
  });

  it('refuses a missing key and conflicting load options', () => {
    expect(() => createYunoSdkV2Tokenizer({ publicApiKey: ' ' })).toThrow(/publicApiKey is required/);
    expect(() => createYunoSdkV2Tokenizer({ publicApiKey, loadSdk, integrity: 'sha384-x' })).toThrow(
      /either loadSdk or scriptUrl\/integrity/,
    );
  });

  it('refuses to load the script outside a browser', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey: 'sandbox_gAAAAexample' });
    await expect(tokenizer.prepare!({ checkoutSession: 'unused', countryCode: 'US' })).rejects.toMatchObject({
      kind: 'sdk',
      message: expect.stringMatching(/browser only/),
    });
  });
});
