// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createYunoSdkTokenizer,
  createYunoSdkV2Tokenizer,
  useCheckout,
  useEnrollment,
  usePaymentMethods,
  type PaymentMethod,
  type SecureFieldsSession,
  type YunoTokenizer,
} from 'yuno-react';
import { createYunoCheckout } from 'yuno-react/server';
import { createCheckoutHarness, type CheckoutHarness } from '../support/checkout';
import {
  fakeSdkV1WithSecureFields,
  fakeSdkV2WithSecureFields,
  type FakeSecureFieldsState,
} from '../support/fakeYunoSecureFields';

// The checkout of a page whose card form is Yuno's Secure Fields, through <YunoProvider> and useCheckout, on both
// drivers: 2.x runs each payment in `transaction.start`, 1.x tokenizes the fields and the merchant's route pays.
const DRIVERS = ['sdk-v2', 'sdk-v1'] as const;
type Driver = (typeof DRIVERS)[number];

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';

const sessions: SecureFieldsSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.unmount();
});

async function stack(driver: Driver, customer = false) {
  const h = await createCheckoutHarness({ tokenizer: driver, customer });
  const options = { baseUrl: h.sandbox.baseUrl, fetch: h.sandbox.fetch };
  const { publicApiKey } = h.sandbox.credentials;
  let tokenizer: YunoTokenizer;
  let state: FakeSecureFieldsState;
  if (driver === 'sdk-v2') {
    const fake = fakeSdkV2WithSecureFields({
      ...options,
      rotateSession: async () => (await createYunoCheckout({ client: h.yuno, checkout: h.order })).checkoutSession,
    });
    tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, loadSdk: fake.loadSdk });
    state = fake.state;
  } else {
    const fake = fakeSdkV1WithSecureFields(options);
    tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk: fake.loadSdk });
    state = fake.state;
  }
  return { h, tokenizer, state };
}

function render(h: CheckoutHarness, tokenizer: YunoTokenizer, customerSession?: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <h.Provider tokenizer={tokenizer} {...(customerSession ? { customerSession } : {})}>
      {children}
    </h.Provider>
  );
  return renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods(), enrollment: useEnrollment() }), {
    wrapper,
  });
}

/** The page's three containers, the fields mounted in them, and the shopper typing in the frames. */
async function cardFields(
  tokenizer: YunoTokenizer,
  state: FakeSecureFieldsState,
  context: { checkoutSession?: string; customerSession?: string },
  number = APPROVED,
) {
  document.body.innerHTML = '<div id="pan"></div><div id="exp"></div><div id="cvv"></div>';
  const session = await tokenizer.secureFields!({ countryCode: 'US', ...context });
  sessions.push(session);
  session.create('pan', { label: 'Card number' }).mount(document.getElementById('pan')!);
  session.create('expiration', { label: 'Expiry' }).mount(document.getElementById('exp')!);
  session.create('cvv', { label: 'CVV' }).mount(document.getElementById('cvv')!);
  typeCard(state, number);
  return session;
}

function typeCard(state: FakeSecureFieldsState, number: string) {
  state.field('pan').type(number);
  state.field('expiration').type('11/30');
  state.field('cvv').type('123');
}

type Result = ReturnType<typeof render>['result'];
async function selectCard(result: Result) {
  await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
  const card = (result.current.methods.data as PaymentMethod[]).find((m) => m.type === 'CARD' && !m.vaulted_token);
  act(() => result.current.checkout.select(card!));
}

describe.each(DRIVERS)('Secure Fields through useCheckout on the %s driver', (driver) => {
  it('pays with what the fields hold: one token, one payment, succeeded', async () => {
    const { h, tokenizer, state } = await stack(driver);
    const { result } = render(h, tokenizer);
    await selectCard(result);
    const session = await cardFields(tokenizer, state, { checkoutSession: result.current.checkout.checkoutSession });

    await act(() => result.current.checkout.pay({ secureFields: session, holderName: 'Ada Lovelace' }));

    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
    const [payment] = h.sandbox.listPayments();
    expect(payment?.checkout?.session).toBe(result.current.checkout.checkoutSession);
    expect(state.calls.map((c) => c.method)).toContain(driver === 'sdk-v2' ? 'start' : 'generateTokenWithInformation');
  });

  it('a decline, then a retry on a fresh session with the same form', async () => {
    const { h, tokenizer, state } = await stack(driver);
    const { result } = render(h, tokenizer);
    await selectCard(result);
    const session = await cardFields(
      tokenizer,
      state,
      { checkoutSession: result.current.checkout.checkoutSession },
      DECLINED,
    );

    await act(() => result.current.checkout.pay({ secureFields: session, holderName: 'Ada Lovelace' }));
    await waitFor(() => expect(result.current.checkout.status).toBe('declined'));
    expect(result.current.checkout.declineReason).toBe('INSUFFICIENT_FUNDS');
    const declined = result.current.checkout.checkoutSession;

    await act(() => result.current.checkout.retry());
    const fresh = result.current.checkout.checkoutSession;
    expect(fresh).not.toBe(declined);
    // What the card form does when the checkout's session changes.
    session.updateCheckoutSession(fresh);
    if (driver === 'sdk-v1') {
      // 1.x makes the fields again: the shopper types the card again.
      await waitFor(() => expect(state.fields).toHaveLength(6));
      await waitFor(() => expect(state.field('cvv').selector).toBe('#cvv'));
    }
    typeCard(state, APPROVED);
    await act(() => result.current.checkout.pay({ secureFields: session, holderName: 'Ada Lovelace' }));
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));

    const payments = h.sandbox.listPayments();
    expect(payments.map((p) => p.status).sort()).toEqual(['DECLINED', 'SUCCEEDED']);
    expect(payments.find((p) => p.status === 'SUCCEEDED')?.checkout?.session).toBe(
      result.current.checkout.checkoutSession,
    );
  });

  it('saves a card with fields made on the customer session, then pays with it and the CVV field only', async () => {
    const { h, tokenizer, state } = await stack(driver, true);
    const checkout = await h.yuno.checkoutSessions.retrieve(h.start.checkoutSession);
    const { customer_session: customerSession } = await h.yuno.customerSessions.create({
      customer_id: checkout.customer_id!,
      country: 'US',
    });
    const { result } = render(h, tokenizer, customerSession);
    await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
    const enrollFields = await cardFields(tokenizer, state, { customerSession }, '5252440000000002');

    const saved = await act(() =>
      result.current.enrollment.mutateAsync({ secureFields: enrollFields, holderName: 'Ada Lovelace' }),
    );
    expect(saved).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    await waitFor(() => expect(result.current.methods.data?.[0]?.vaulted_token).toBe(saved.vaultedToken));
    enrollFields.unmount();

    act(() => result.current.checkout.select(result.current.methods.data![0]!));
    document.body.innerHTML = '<div id="cvv"></div>';
    const cvvFields = await tokenizer.secureFields!({
      checkoutSession: result.current.checkout.checkoutSession,
      countryCode: 'US',
    });
    sessions.push(cvvFields);
    cvvFields.create('cvv', { label: 'CVV' }).mount(document.getElementById('cvv')!);
    state.field('cvv').type('123');

    await act(() => result.current.checkout.pay({ secureFields: cvvFields }));
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    expect(result.current.checkout.payment?.payment_method?.vaulted_token).toBe(saved.vaultedToken);
  });
});
