// @vitest-environment jsdom
import type { Yuno } from '@yuno-payments/sdk-web-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YunoError, createYunoBrowserClient, createYunoSdkTokenizer, type SecureFieldsSession } from 'yuno-react';
import { OneTimeTokenSchema, createIdempotencyKey } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoRouteHandlers, createYunoServerClient, type ResolvedCheckout } from 'yuno-react/server';
import { fakeSdkV1WithSecureFields, type FakeSecureFieldsState } from '../support/fakeYunoSecureFields';

const sandbox = createYunoSandbox();
const publicApiKey = sandbox.credentials.publicApiKey;
const serverClient = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
  retry: false,
});

type Json = Record<string, unknown>;
const sdkRequests: Array<{ path: string; body: Json }> = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  if (path.startsWith('/_sandbox/sdk/') && request.method === 'POST') {
    sdkRequests.push({ path, body: (await request.clone().json()) as Json });
  }
  return sandbox.fetch(request);
};
const requestsTo = (path: RegExp) => sdkRequests.filter((r) => path.test(r.path));
/** The fingerprint the sandbox's fraud check gave for a checkout session. */
async function fingerprintOf(checkoutSession: string): Promise<string> {
  const check = requestsTo(/\/fraud$/).find((r) => r.body.checkout_session === checkoutSession);
  expect(check, `a fraud check of ${checkoutSession}`).toBeTruthy();
  const calls = fake.state.calls.filter((c) => c.method === 'secureFields');
  const args = calls.map(
    (c) => c.args as { checkoutSession?: string; deviceFingerprints?: Array<{ session_id: string }> },
  );
  return args.find((a) => a.checkoutSession === checkoutSession)!.deviceFingerprints![0]!.session_id;
}

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';

let seq = 0;
let order: ResolvedCheckout;
let fake: { loadSdk: () => Promise<Yuno>; state: FakeSecureFieldsState };
let sessions: SecureFieldsSession[];

beforeEach(() => {
  seq += 1;
  sdkRequests.length = 0;
  sessions = [];
  order = {
    merchantOrderId: `sf1-order-${seq}`,
    description: `Order ${seq}`,
    country: 'US',
    amount: { currency: 'USD', value: 25 },
    customer: { merchant_customer_id: `sf1-shopper-${seq}`, email: 'ada@example.com' },
  };
  fake = fakeSdkV1WithSecureFields({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
  document.body.innerHTML = '<div id="pan"></div><div></div><div id="cvv"></div>';
});

afterEach(() => {
  for (const s of sessions) s.unmount();
});

function merchant() {
  const handlers = createYunoRouteHandlers({
    client: serverClient,
    resolveCheckout: () => order,
    authorize: () => true,
  });
  return createYunoBrowserClient({
    baseUrl: 'http://shop.test/api/yuno',
    fetch: (input, init) => handlers.fetch(new Request(input, init)),
    retry: false,
  });
}

const tokenizer = () => createYunoSdkTokenizer({ publicApiKey, loadSdk: fake.loadSdk });
const el = (index: number) => document.body.children[index] as HTMLElement;
const callsOf = (method: string) => fake.state.calls.filter((c) => c.method === method).map((c) => c.args);

async function open(context: {
  checkoutSession?: string;
  customerSession?: string;
  installments?: boolean;
  language?: string;
}) {
  const session = await tokenizer().secureFields!({ countryCode: 'US', ...context });
  sessions.push(session);
  return session;
}

function typeCard(number = APPROVED) {
  fake.state.field('pan').type(number);
  fake.state.field('expiration').type('11/30');
  fake.state.field('cvv').type('123');
}

function mountCard(session: SecureFieldsSession, number = APPROVED) {
  session.create('pan', { label: 'Card number' }).mount(el(0));
  session.create('expiration', { label: 'Expiry' }).mount(el(1));
  session.create('cvv', { label: 'CVV' }).mount(el(2));
  typeCard(number);
}

describe('1.x Secure Fields: what the driver asks of Yuno', () => {
  it("opens yuno.secureFields on the checkout session with the language and the session's device fingerprints", async () => {
    const { checkoutSession } = await merchant().startCheckout();
    await open({ checkoutSession, language: 'es', installments: true });
    expect(callsOf('secureFields')).toEqual([
      {
        countryCode: 'US',
        checkoutSession,
        installmentEnable: true,
        language: 'es',
        deviceFingerprints: [{ provider_id: 'SANDBOX', session_id: expect.any(String) }],
      },
    ]);
    expect(requestsTo(/\/fraud$/).map((r) => r.body.checkout_session)).toEqual([checkoutSession]);
  });

  it('creates each field with its options and renders it into the element (by id, given one when it has none)', async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const session = await open({ checkoutSession });
    session.create('pan', { label: 'Card number', validationType: 'on_change' }).mount(el(0));
    session.create('expiration').mount(el(1));
    expect(callsOf('create')).toEqual([
      { name: 'pan', options: { label: 'Card number', showError: false, validationType: 'on_change' } },
      { name: 'expiration', options: { showError: false } },
    ]);
    expect(callsOf('render')).toEqual([
      { name: 'pan', selector: '#pan' },
      { name: 'expiration', selector: `#${el(1).id}` },
    ]);
    expect(el(1).id).not.toBe('');
  });

  it("maps Yuno's onChange like 2.x's (the published 1.x payload has no isDirty)", async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const session = await open({ checkoutSession });
    const changes: unknown[] = [];
    session.create('pan', { onChange: (c) => changes.push(c) }).mount(el(0));
    fake.state.field('pan').options.onChange?.({ error: false, data: { cardIIN: { iin: '450799', brand: 'VISA' } } });
    expect(changes).toEqual([
      { name: 'pan', isDirty: true, isValid: true, error: null, data: { brand: 'VISA', iin: '450799' } },
    ]);
  });
});

describe('1.x Secure Fields: createToken and enroll', () => {
  it('tokenizes what the fields hold with generateTokenWithInformation, the session only on secureFields', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);

    const token = await session.createToken!(
      { type: 'CARD', holderName: 'Ada Lovelace', saveCard: true, customer: { email: 'ada@example.com' } },
      {},
    );

    expect(OneTimeTokenSchema.safeParse(token).success).toBe(true);
    expect(token).toMatchObject({ type: 'CARD', card_data: { lfd: '0002' } });
    const [args] = callsOf('generateTokenWithInformation') as Json[];
    expect(args).toEqual({
      cardHolderName: 'Ada Lovelace',
      saveCard: true,
      customer: {
        email: 'ada@example.com',
        browser_info: expect.objectContaining({ platform: 'WEB', javascript_enabled: true }),
        device_fingerprint: await fingerprintOf(checkoutSession),
      },
    });
    expect(args).not.toHaveProperty('checkoutSession');
    // The card went to Yuno (the sandbox) from the frames.
    expect(requestsTo(/\/token$/).map((r) => r.body)).toEqual([
      expect.objectContaining({
        checkout_session: checkoutSession,
        payment_method: expect.objectContaining({
          card: expect.objectContaining({ detail: expect.objectContaining({ number: APPROVED }) }),
        }),
      }),
    ]);

    // The merchant's route pays with it.
    const payment = await client.createPayment(
      { checkoutSession, oneTimeToken: token.token },
      { idempotencyKey: createIdempotencyKey() },
    );
    expect(payment.status).toBe('SUCCEEDED');
  });

  it('a saved card: the vaulted token and the CVV of the field', async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const session = await open({ checkoutSession });
    session.create('cvv').mount(el(2));
    fake.state.field('cvv').type('321');
    await session.createToken!(
      { type: 'CARD', vaultedToken: 'vt-1', installment: { id: 'plan-1', value: 1 } },
      {},
    ).catch(() => undefined);
    expect(callsOf('generateTokenWithInformation')).toEqual([
      expect.objectContaining({ cardHolderName: '', vaultedToken: 'vt-1', installment: { id: 'plan-1', value: 1 } }),
    ]);
  });

  it('saves the card on a customer session with generateVaultedToken: its vaulted token, ENROLLED', async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const checkout = await serverClient.checkoutSessions.retrieve(checkoutSession);
    const { customer_session: customerSession } = await serverClient.customerSessions.create({
      customer_id: checkout.customer_id!,
      country: 'US',
    });
    const session = await open({ customerSession });
    mountCard(session, '5252440000000002');

    const saved = await session.enroll!({ type: 'CARD', holderName: 'Ada Lovelace' }, {});

    expect(saved).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    expect(callsOf('secureFields')).toEqual([{ countryCode: 'US', customerSession, installmentEnable: false }]);
    expect(callsOf('generateVaultedToken')).toEqual([
      { cardHolderName: 'Ada Lovelace', customer: { browser_info: expect.objectContaining({ platform: 'WEB' }) } },
    ]);
    const methods = await serverClient.customerPaymentMethods.list(checkout.customer_id!);
    expect(methods.map((m) => m.vaulted_token)).toContain(saved.vaultedToken);
    // Fields of a customer session do not tokenize payments.
    await expect(session.createToken!({ type: 'CARD' }, {})).rejects.toBeInstanceOf(YunoError);
  });

  it("a refused tokenization is a YunoError of kind sdk without the card's digits", async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session, '4507990000000003');
    const error = await session.createToken!({ type: 'CARD', holderName: 'Ada Lovelace' }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect((error as YunoError).kind).toBe('sdk');
    expect(
      JSON.stringify({ message: (error as YunoError).message, messages: (error as YunoError).messages }),
    ).not.toMatch(/4507990000000003|\b123\b/);
  });
});

describe('1.x Secure Fields: a new session, unmount and failures', () => {
  it('a decline, then updateCheckoutSession: the fields are made again in the same elements, retyped, and pay', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session, DECLINED);
    const first = await session.createToken!({ type: 'CARD', holderName: 'Ada Lovelace' }, {});
    const declined = await client.createPayment(
      { checkoutSession, oneTimeToken: first.token },
      { idempotencyKey: createIdempotencyKey() },
    );
    expect(declined.status).toBe('DECLINED');

    const next = (await client.startCheckout()).checkoutSession;
    session.updateCheckoutSession(next);
    const second = session.createToken!({ type: 'CARD', holderName: 'Ada Lovelace' }, {}).catch((e: unknown) => e);
    // The re-creation is under way; the shopper types the card again into the new frames before paying.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(callsOf('secureFields').map((a) => (a as Json).checkoutSession)).toEqual([checkoutSession, next]);
    expect(fake.state.instanceUnmounts).toBe(1);
    expect(callsOf('render')).toEqual([
      { name: 'pan', selector: '#pan' },
      { name: 'expiration', selector: `#${el(1).id}` },
      { name: 'cvv', selector: '#cvv' },
      { name: 'pan', selector: '#pan' },
      { name: 'expiration', selector: `#${el(1).id}` },
      { name: 'cvv', selector: '#cvv' },
    ]);
    expect(fake.state.fields).toHaveLength(6);
    expect(fake.state.field('pan').value).toBe('');
    // A token asked before retyping waited for the new fields, which are empty: Yuno refuses it.
    expect(await second).toSatisfy((e: unknown) => e instanceof YunoError && e.kind === 'sdk');
    typeCard(APPROVED);
    const retried = await session.createToken!({ type: 'CARD', holderName: 'Ada Lovelace' }, {});
    expect(requestsTo(/\/token$/).at(-1)?.body.checkout_session).toBe(next);
    const approved = await client.createPayment(
      { checkoutSession: next, oneTimeToken: retried.token },
      { idempotencyKey: createIdempotencyKey() },
    );
    expect(approved.status).toBe('SUCCEEDED');
  });

  it('unmount removes the fields; nothing tokenizes after it', async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    session.unmount();
    session.unmount();
    expect(fake.state.instanceUnmounts).toBe(1);
    await expect(session.createToken!({ type: 'CARD', holderName: 'Ada Lovelace' }, {})).rejects.toBeInstanceOf(
      YunoError,
    );
    expect(callsOf('generateTokenWithInformation')).toHaveLength(0);
  });

  it('an SDK without Secure Fields is a clear YunoError; one whose secureFields fails, a YunoError of kind sdk', async () => {
    const { checkoutSession } = await merchant().startCheckout();
    const without = createYunoSdkTokenizer({
      publicApiKey,
      loadSdk: async () => ({
        async initialize(key: string) {
          const base = await createSandboxWebSdk({
            baseUrl: sandbox.baseUrl,
            fetch: sandbox.fetch,
            sdkVersion: 1,
          }).initialize(key);
          return { ...base, secureFields: undefined as never };
        },
      }),
    });
    await expect(without.secureFields!({ checkoutSession, countryCode: 'US' })).rejects.toSatisfy(
      (e: unknown) => e instanceof YunoError && e.kind === 'sdk' && /no Secure Fields/.test(e.message),
    );
    // The stand-in's own secureFields rejects (it renders nothing).
    const standIn = createYunoSdkTokenizer({
      publicApiKey,
      loadSdk: async () => createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 1 }),
    });
    await expect(standIn.secureFields!({ checkoutSession, countryCode: 'US' })).rejects.toSatisfy(
      (e: unknown) => e instanceof YunoError && e.kind === 'sdk',
    );
  });
});
