// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  YunoError,
  createYunoBrowserClient,
  createYunoSdkV2Tokenizer,
  type OneTimeToken,
  type PayContext,
  type SecureFieldChange,
  type SecureFieldsSession,
} from 'yuno-react';
import { collectBrowserInfo, createIdempotencyKey } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import {
  createYunoCheckout,
  createYunoRouteHandlers,
  createYunoServerClient,
  type ResolvedCheckout,
} from 'yuno-react/server';
import { fakeSdkV2WithSecureFields, type FakeSecureFieldsState } from '../support/fakeYunoSecureFields';

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
const tokenRequests: Json[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (/^\/_sandbox\/sdk\/checkout\/sessions\/[^/]+\/token$/.test(new URL(request.url).pathname)) {
    tokenRequests.push((await request.clone().json()) as Json);
  }
  return sandbox.fetch(request);
};

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';

let seq = 0;
let order: ResolvedCheckout;
let rotated: string[];
let fake: { loadSdk: Parameters<typeof createYunoSdkV2Tokenizer>[0]['loadSdk']; state: FakeSecureFieldsState };
let sessions: SecureFieldsSession[];

beforeEach(() => {
  seq += 1;
  tokenRequests.length = 0;
  rotated = [];
  sessions = [];
  order = {
    merchantOrderId: `sf2-order-${seq}`,
    description: `Order ${seq}`,
    country: 'US',
    amount: { currency: 'USD', value: 25 },
    customer: { merchant_customer_id: `sf2-shopper-${seq}`, email: 'grace@example.com' },
  };
  fake = fakeSdkV2WithSecureFields({
    baseUrl: sandbox.baseUrl,
    fetch: recordingFetch,
    // Yuno clones the declined session server-side; here the merchant's server makes the clone.
    rotateSession: async () => {
      const { checkoutSession } = await createYunoCheckout({ client: serverClient, checkout: order });
      rotated.push(checkoutSession);
      return checkoutSession;
    },
  });
  document.body.innerHTML = '<div id="pan"></div><div></div><div id="cvv-:r1:"></div>';
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

/** A pay context whose createPayment posts the token to the merchant route on the session the token names. */
function payContext(client: ReturnType<typeof merchant>, checkoutSession: string) {
  const tokens: Array<{ token: OneTimeToken; checkoutSession: string | undefined }> = [];
  const context: PayContext = {
    checkoutSession,
    countryCode: 'US',
    browserInfo: collectBrowserInfo(),
    async createPayment(token, details) {
      tokens.push({ token, checkoutSession: details?.checkoutSession });
      return client.createPayment(
        { checkoutSession: details?.checkoutSession ?? checkoutSession, oneTimeToken: token.token },
        { idempotencyKey: createIdempotencyKey() },
      );
    },
  };
  return { context, tokens };
}

const el = (index: number) => document.body.children[index] as HTMLElement;

/** The three fields mounted into the page's elements, typed by the shopper inside the fake frames. */
function mountCard(session: SecureFieldsSession, number = APPROVED) {
  session.create('pan', { label: 'Card number' }).mount(el(0));
  session.create('expiration', { label: 'Expiry' }).mount(el(1));
  session.create('cvv', { label: 'CVV' }).mount(el(2));
  fake.state.field('pan').type(number);
  fake.state.field('expiration').type('11/30');
  fake.state.field('cvv').type('123');
}

async function open(context: Partial<Parameters<NonNullable<ReturnType<typeof tokenizer>['secureFields']>>[0]> = {}) {
  const session = await tokenizer().secureFields!({ countryCode: 'US', ...context });
  sessions.push(session);
  return session;
}

function tokenizer(options: { findVaultedToken?: (cs: string) => Promise<string> } = {}) {
  return createYunoSdkV2Tokenizer({ publicApiKey, loadSdk: fake.loadSdk, language: 'es', ...options });
}

const callsOf = (method: string) => fake.state.calls.filter((c) => c.method === method).map((c) => c.args);

describe('2.x Secure Fields: what the driver asks of Yuno', () => {
  it('makes one transaction on the checkout session and its secure fields, with installments when asked', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    await open({ checkoutSession, language: 'pt', installments: true });

    const [config] = callsOf('transaction') as Json[];
    expect(config).toEqual({
      checkoutSession,
      countryCode: 'US',
      language: 'pt',
      createPayment: expect.any(Function),
      onStatus: expect.any(Function),
    });
    expect(callsOf('transaction')).toHaveLength(1);
    expect(callsOf('secureFields')).toEqual([{ installmentEnable: true }]);
  });

  it("maps create's options to Yuno's and mounts into the element's id (given one when it has none)", async () => {
    const session = await open({ checkoutSession: (await merchant().startCheckout()).checkoutSession });
    const onChange = () => undefined;
    session
      .create('pan', {
        label: 'Card number',
        placeholder: '1234 1234 1234 1234',
        validationType: 'on_blur',
        styles: 'input { color: navy }',
        onChange,
        onFocus: () => undefined,
        onBlur: () => undefined,
        onReady: () => undefined,
      })
      .mount(el(0));
    session.create('expiration').mount(el(1));
    session.create('cvv', { showError: true }).mount(el(2));

    expect(callsOf('create')).toEqual([
      {
        name: 'pan',
        options: {
          label: 'Card number',
          placeholder: '1234 1234 1234 1234',
          showError: false,
          validationType: 'on_blur',
          styles: 'input { color: navy }',
          onChange: expect.any(Function),
          onFocus: expect.any(Function),
          onBlur: expect.any(Function),
          onRenderedSecureField: expect.any(Function),
        },
      },
      { name: 'expiration', options: { showError: false } },
      { name: 'cvv', options: { showError: true } },
    ]);
    expect(el(1).id).toMatch(/^yuno-secure-field-expiration-\d+$/);
    expect(callsOf('mount')).toEqual([
      { name: 'pan', selector: '#pan' },
      { name: 'expiration', selector: `#${el(1).id}` },
      // An id with characters CSS must escape (React's useId) is escaped, and still finds the element.
      { name: 'cvv', selector: expect.stringContaining('cvv-') },
    ]);
    const cvvSelector = (callsOf('mount')[2] as { selector: string }).selector;
    expect(document.querySelector(cvvSelector)).toBe(el(2));
  });

  it("translates Yuno's onChange into the library's change, without the value", async () => {
    const session = await open({
      checkoutSession: (await merchant().startCheckout()).checkoutSession,
      installments: true,
    });
    const changes: SecureFieldChange[] = [];
    const events: string[] = [];
    session
      .create('pan', {
        onChange: (c) => changes.push(c),
        onFocus: () => events.push('focus'),
        onBlur: () => events.push('blur'),
        onReady: () => events.push('ready'),
      })
      .mount(el(0));
    session.create('expiration', { onChange: (c) => changes.push(c) }).mount(el(1));

    fake.state.field('pan').type('4507');
    fake.state.field('pan').type(APPROVED);
    fake.state.field('expiration').type('13/30');
    fake.state.field('pan').options.onFocus?.();
    fake.state.field('pan').options.onBlur?.();

    expect(changes).toEqual([
      {
        name: 'pan',
        isDirty: true,
        isValid: false,
        error: 'invalid',
        data: { brand: 'VISA', iin: null, isInstallmentLoading: false },
      },
      {
        name: 'pan',
        isDirty: true,
        isValid: true,
        error: null,
        data: {
          brand: 'VISA',
          iin: '45079900',
          installments: [
            { id: 'plan-1', installment: 1, amount: { currency: 'USD', value: 25 } },
            { id: 'plan-3', installment: 3, amount: { currency: 'USD', value: 8.5 } },
          ],
          isInstallmentLoading: false,
        },
      },
      { name: 'expiration', isDirty: true, isValid: false, error: 'invalid' },
    ]);
    expect(JSON.stringify(changes)).not.toContain(APPROVED);
    expect(events).toEqual(['ready', 'focus', 'blur']);
  });

  it("maps the field methods to Yuno's (setError(null) is clearError, unmount is unmountSync, once)", async () => {
    const session = await open({ checkoutSession: (await merchant().startCheckout()).checkoutSession });
    const field = session.create('cvv');
    field.mount(el(2));
    fake.state.field('cvv').type('12');
    field.focus();
    await expect(field.validate()).resolves.toBe(false);
    fake.state.field('cvv').type('123');
    await expect(field.validate()).resolves.toBe(true);
    field.setError('Check the code');
    expect(fake.state.field('cvv').error).toBe('Check the code');
    field.setError(null);
    field.clearValue();
    field.unmount();
    field.unmount();
    await Promise.resolve();
    expect(fake.state.field('cvv').calls).toEqual([
      'focus',
      'validate',
      'validate',
      'setError',
      'clearError',
      'clearValue',
      'unmountSync',
    ]);
    expect(fake.state.field('cvv').value).toBe('');
  });

  it('has no createToken: 2.x tokenizes only inside start', async () => {
    const session = await open({ checkoutSession: (await merchant().startCheckout()).checkoutSession });
    expect(session.createToken).toBeUndefined();
    expect(typeof session.pay).toBe('function');
  });
});

describe('2.x Secure Fields: pay', () => {
  it('pays with what the fields hold: one start, the token to the merchant route, succeeded', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    const { context, tokens } = payContext(client, checkoutSession);

    const result = await session.pay!(
      {
        type: 'CARD',
        holderName: 'Grace Hopper',
        installment: { id: 'plan-1', value: 1 },
        customer: { email: 'g@example.com' },
      },
      context,
    );

    expect(result).toEqual({ status: 'succeeded', yunoStatus: 'SUCCEEDED', yunoSubstatus: 'APPROVED' });
    // Only what is not card data goes on start; the card comes from the frames.
    expect(callsOf('start')).toEqual([
      {
        paymentMethod: {
          type: 'CARD',
          data: {
            card: { holderName: 'Grace Hopper' },
            installment: { id: 'plan-1', value: 1 },
            customer: { email: 'g@example.com' },
          },
        },
      },
    ]);
    expect(tokens).toEqual([{ token: expect.objectContaining({ type: 'CARD' }), checkoutSession }]);
    expect(tokens[0]!.token).not.toHaveProperty('checkout_session');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({
      checkout_session: checkoutSession,
      payment_method: { card: { detail: { number: APPROVED, holder_name: 'Grace Hopper' } } },
    });
    const payments = sandbox.listPayments().filter((p) => p.checkout?.session === checkoutSession);
    expect(payments.map((p) => p.status)).toEqual(['SUCCEEDED']);
  });

  it('a decline, then a retry on the same fields: the second start tokenizes on the session Yuno rotated in', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session, DECLINED);
    const first = payContext(client, checkoutSession);

    const declined = await session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, first.context);
    expect(declined).toMatchObject({ status: 'declined', yunoStatus: 'DECLINED' });
    expect(rotated).toHaveLength(1);

    // The shopper corrects the number in the frame; the checkout pays again on the session it knows.
    fake.state.field('pan').type(APPROVED);
    const second = payContext(client, checkoutSession);
    const approved = await session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, second.context);

    expect(approved).toMatchObject({ status: 'succeeded' });
    expect(callsOf('start')).toHaveLength(2);
    expect(callsOf('updateCheckoutSession')).toEqual([]);
    // The token names the rotated session, and the payment is created on it.
    expect(second.tokens.map((t) => t.checkoutSession)).toEqual([rotated[0]]);
    expect(
      sandbox.listPayments().find((p) => p.status === 'SUCCEEDED' && p.checkout?.session === rotated[0]),
    ).toBeTruthy();
  });

  it('updateCheckoutSession, and a pay on a session the fields do not know, point the transaction at it', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    const next = (await client.startCheckout()).checkoutSession;
    session.updateCheckoutSession(next);
    session.updateCheckoutSession(next);
    expect(callsOf('updateCheckoutSession')).toEqual([next]);

    const { context, tokens } = payContext(client, next);
    await expect(session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, context)).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(tokens.map((t) => t.checkoutSession)).toEqual([next]);

    // A checkout that moved on by itself (a fresh session after a decline) is followed on the next pay.
    const third = (await client.startCheckout()).checkoutSession;
    const again = payContext(client, third);
    await session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, again.context);
    expect(callsOf('updateCheckoutSession')).toEqual([next, third]);
    expect(again.tokens.map((t) => t.checkoutSession)).toEqual([third]);
  });

  it('refuses a second pay while one is in flight, with a YunoError, and starts once', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    const { context } = payContext(client, checkoutSession);

    const first = session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, context);
    const second = session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, context);
    await expect(second).rejects.toSatisfy(
      (e: unknown) => e instanceof YunoError && e.kind === 'sdk' && /already under way/.test(e.message),
    );
    await expect(first).resolves.toMatchObject({ status: 'succeeded' });
    expect(callsOf('start')).toHaveLength(1);
  });

  it("passes the merchant's createPayment failure on as it is", async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    const refused = new YunoError({ kind: 'http', status: 409, message: 'no' });
    const context: PayContext = {
      checkoutSession,
      countryCode: 'US',
      browserInfo: collectBrowserInfo(),
      createPayment: async () => {
        throw refused;
      },
    };
    await expect(session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, context)).rejects.toBe(refused);
    // The transaction is free again for the next attempt.
    await expect(
      session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, payContext(client, checkoutSession).context),
    ).resolves.toMatchObject({ status: 'succeeded' });
  });
});

describe('2.x Secure Fields: enroll, unmount and failures', () => {
  async function customerSessionOf() {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const checkout = await serverClient.checkoutSessions.retrieve(checkoutSession);
    const created = await serverClient.customerSessions.create({ customer_id: checkout.customer_id!, country: 'US' });
    return { customerSession: created.customer_session, customerId: checkout.customer_id! };
  }

  it('saves the card on a customer session: ENROLLED, the token from findVaultedToken when given', async () => {
    const { customerSession, customerId } = await customerSessionOf();
    const session = await tokenizer({
      findVaultedToken: async () => {
        const methods = await serverClient.customerPaymentMethods.list(customerId);
        return methods.find((m) => m.status === 'ENROLLED')!.vaulted_token!;
      },
    }).secureFields!({ customerSession, countryCode: 'US' });
    sessions.push(session);
    mountCard(session, '5252440000000002');

    const saved = await session.enroll!({ type: 'CARD', holderName: 'Grace Hopper' }, {});
    expect(saved).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    expect(callsOf('transaction')).toEqual([
      { customerSession, countryCode: 'US', language: 'es', onStatus: expect.any(Function) },
    ]);
    expect(callsOf('start')).toEqual([
      { paymentMethod: { type: 'CARD', data: { card: { holderName: 'Grace Hopper' } } } },
    ]);
    const methods = await serverClient.customerPaymentMethods.list(customerId);
    expect(methods.find((m) => m.vaulted_token === saved.vaultedToken)?.card_data?.lfd).toBe('0002');

    // Fields of a customer session save cards; they do not pay.
    await expect(session.pay!({ type: 'CARD' }, { ...payContext(merchant(), 'cs').context })).rejects.toBeInstanceOf(
      YunoError,
    );
  });

  it('without findVaultedToken, says only that the card was saved', async () => {
    const { customerSession } = await customerSessionOf();
    const session = await open({ customerSession });
    mountCard(session, '5252440000000002');
    await expect(session.enroll!({ type: 'CARD', holderName: 'Grace Hopper' }, {})).resolves.toEqual({
      vaultedToken: null,
      status: 'ENROLLED',
    });
  });

  it('unmount removes the fields and the transaction, once; nothing runs after it', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    mountCard(session);
    session.unmount();
    session.unmount();
    expect(fake.state.instanceUnmounts).toBe(1);
    expect(callsOf('unmount')).toHaveLength(1);
    expect(fake.state.fields.every((f) => f.selector === null)).toBe(true);
    await expect(
      session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, payContext(client, checkoutSession).context),
    ).rejects.toSatisfy((e: unknown) => e instanceof YunoError && e.kind === 'sdk');
    expect(callsOf('start')).toHaveLength(0);
  });

  it('an SDK without Secure Fields is a clear YunoError', async () => {
    const plain = createYunoSdkV2Tokenizer({
      publicApiKey,
      // A 2.x build whose transactions have no secureFields.
      loadSdk: async () => {
        const global = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 2 });
        return {
          initialize: async (key: string) => {
            const instance = await global.initialize(key);
            return {
              transaction: (config: Parameters<typeof instance.transaction>[0]) => {
                const { secureFields: _secureFields, ...transaction } = instance.transaction(config);
                return transaction;
              },
            };
          },
        };
      },
    });
    const { checkoutSession } = await merchant().startCheckout();
    await expect(plain.secureFields!({ checkoutSession, countryCode: 'US' })).rejects.toSatisfy(
      (e: unknown) => e instanceof YunoError && e.kind === 'sdk' && /no Secure Fields/.test(e.message),
    );
  });

  it('a session needs exactly one of checkoutSession or customerSession', async () => {
    await expect(tokenizer().secureFields!({ countryCode: 'US' })).rejects.toBeInstanceOf(YunoError);
    await expect(
      tokenizer().secureFields!({ countryCode: 'US', checkoutSession: 'a', customerSession: 'b' }),
    ).rejects.toBeInstanceOf(YunoError);
  });

  it('a mount Yuno refuses is a YunoError of kind sdk, and the next pay fails with it, without card data', async () => {
    const client = merchant();
    const { checkoutSession } = await client.startCheckout();
    const session = await open({ checkoutSession });
    const detached = document.createElement('div');
    const pan = session.create('pan');
    expect(() => pan.mount(detached)).toThrow(YunoError);
    await expect(
      session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, payContext(client, checkoutSession).context),
    ).rejects.toSatisfy((e: unknown) => e instanceof YunoError && e.kind === 'sdk' && /pan card field/.test(e.message));
    expect(callsOf('start')).toHaveLength(0);

    // Mounted again where it belongs, the field is fine and the payment runs.
    pan.mount(el(0));
    session.create('expiration').mount(el(1));
    session.create('cvv').mount(el(2));
    fake.state.field('pan').type(APPROVED);
    fake.state.field('expiration').type('11/30');
    fake.state.field('cvv').type('123');
    await expect(
      session.pay!({ type: 'CARD', holderName: 'Grace Hopper' }, payContext(client, checkoutSession).context),
    ).resolves.toMatchObject({ status: 'succeeded' });
  });
});
