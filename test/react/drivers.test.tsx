// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  useCheckout,
  useCheckoutActions,
  useEnrollment,
  usePaymentMethods,
  type CheckoutState,
  type PaymentMethod,
} from 'yuno-react';
import {
  createCheckoutHarness,
  testCard,
  type CheckoutHarness,
  type CheckoutHarnessOptions,
} from '../support/checkout';

// Every flow of the checkout, through every driver, at the React layer (useCheckout on the controller): Yuno's Web SDK
// 2.x (which runs each payment and its 3-D Secure challenge itself), 1.x headless (the page shows the challenge), and
// the server tokenizer. The outcomes must be the same whichever driver runs them.
const DRIVERS = ['sdk-v2', 'sdk-v1', 'server'] as const;
type Driver = (typeof DRIVERS)[number];

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';
const THREE_DS = '4916994064252017';

function setup(h: CheckoutHarness) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <h.Provider>{children}</h.Provider>
    </StrictMode>
  );
  return renderHook(
    () => ({
      checkout: useCheckout(),
      actions: useCheckoutActions(),
      methods: usePaymentMethods(),
      enrollment: useEnrollment(),
    }),
    {
      wrapper,
    },
  );
}
type Result = { current: ReturnType<typeof setup>['result']['current'] };

function harness(driver: Driver, options: Omit<CheckoutHarnessOptions, 'tokenizer'> = {}) {
  return createCheckoutHarness({ ...options, tokenizer: driver });
}

async function select(result: Result, type: string): Promise<void> {
  await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
  const method = (result.current.methods.data as PaymentMethod[]).find((m) => m.type === type && !m.vaulted_token);
  expect(method, `a ${type} method`).toBeTruthy();
  act(() => result.current.checkout.select(method!));
}

/**
 * Pays with a 3-D Secure card and answers the challenge with `otp`: in 2.x's own view while its `pay` runs, or, for
 * the drivers that leave the challenge to the page, once the checkout shows it.
 */
async function payThroughChallenge(driver: Driver, h: CheckoutHarness, result: Result, otp: string) {
  h.threeDSecure.otp = otp;
  let during: CheckoutState | undefined;
  h.threeDSecure.onChallenge = () => (during = result.current.actions.getState());
  await act(() => result.current.checkout.pay({ card: testCard(THREE_DS) }));
  if (driver === 'sdk-v2') {
    expect(h.threeDSecure.challenges).toEqual([result.current.checkout.checkoutSession]);
    // While the SDK's view shows the bank's page, the checkout knows the payment waits on it and where it is shown.
    expect(during).toMatchObject({ status: 'action_required', sdkView: true, nextAction: { type: 'three_d_secure' } });
    expect(result.current.checkout).toMatchObject({ status: expect.not.stringMatching(/^action_required$/) });
  } else {
    expect(result.current.checkout.status).toBe('action_required');
    expect(result.current.checkout.nextAction?.type).toBe('three_d_secure');
    await h.sandbox.completeThreeDSecure(result.current.checkout.checkoutSession, otp);
  }
}

describe.each(DRIVERS)('every flow through the %s driver', (driver) => {
  it('approved card: one token, one payment, succeeded', async () => {
    const h = await harness(driver);
    const { result } = setup(h);
    await select(result, 'CARD');
    await act(async () => {
      const clicks = Array.from({ length: 5 }, () => result.current.checkout.pay({ card: testCard(APPROVED) }));
      expect(new Set((await Promise.all(clicks)).map((p) => p.id)).size).toBe(1);
    });
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    expect(result.current.checkout.payment?.status).toBe('SUCCEEDED');
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('declined card: declined with its reason', async () => {
    const h = await harness(driver);
    const { result } = setup(h);
    await select(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard(DECLINED) }));
    await waitFor(() => expect(result.current.checkout.status).toBe('declined'));
    expect(result.current.checkout.declineReason).toBe('INSUFFICIENT_FUNDS');
  });

  it('a retry after a decline pays on a fresh checkout session', async () => {
    const h = await harness(driver);
    const { result } = setup(h);
    await select(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard(DECLINED) }));
    await waitFor(() => expect(result.current.checkout.status).toBe('declined'));
    const declined = result.current.checkout.checkoutSession;

    await act(() => result.current.checkout.retry());
    expect(result.current.checkout.checkoutSession).not.toBe(declined);
    expect(result.current.checkout.status).toBe('idle');
    await act(() => result.current.checkout.pay({ card: testCard(APPROVED) }));
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    const payments = h.sandbox.listPayments();
    expect(payments.map((p) => p.status).sort()).toEqual(['DECLINED', 'SUCCEEDED']);
    // The approved payment is on the new session, the one its token was made for.
    expect(payments.find((p) => p.status === 'SUCCEEDED')?.checkout?.session).toBe(
      result.current.checkout.checkoutSession,
    );
  });

  it('3-D Secure challenge passed (OTP 1234): succeeded', async () => {
    const h = await harness(driver);
    const { result } = setup(h);
    await select(result, 'CARD');
    await payThroughChallenge(driver, h, result, '1234');
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('3-D Secure challenge failed (OTP 1111): declined, authentication failed', async () => {
    const h = await harness(driver);
    const { result } = setup(h);
    await select(result, 'CARD');
    await payThroughChallenge(driver, h, result, '1111');
    await waitFor(() => expect(result.current.checkout.status).toBe('declined'));
    expect(result.current.checkout.declineReason).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
  });

  if (driver === 'sdk-v2') {
    it('3-D Secure view closed by the shopper: no step left to show, and the retry starts a fresh session', async () => {
      const h = await harness(driver);
      const { result } = setup(h);
      await select(result, 'CARD');
      h.threeDSecure.close = true;
      await act(() => result.current.checkout.pay({ card: testCard(THREE_DS) }).catch(() => undefined));
      expect(result.current.checkout).toMatchObject({
        status: 'error',
        nextAction: null,
        recovery: 'new_session',
        error: { kind: 'sdk', yunoCode: 'USER_CANCEL' },
      });
      const closed = result.current.checkout.checkoutSession;
      await act(() => result.current.checkout.retry());
      expect(result.current.checkout.checkoutSession).not.toBe(closed);
      h.threeDSecure.close = false;
      await act(() => result.current.checkout.pay({ card: testCard(APPROVED) }));
      await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    });
  }

  it('PIX: the QR code, then succeeded when it is paid, and polling stops', async () => {
    const h = await harness(driver, { country: 'BR', currency: 'BRL', amount: 50 });
    const { result } = setup(h);
    await select(result, 'PIX');
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('action_required');
    const action = result.current.checkout.nextAction;
    expect(action?.type).toBe('qr');
    expect(action?.type === 'qr' && action.code).toMatch(/^000201/);
    expect(action?.type === 'qr' && action.imageUrl).toMatch(/^data:image\//);
    // 1.x headless asks the SDK what the shopper must do (getContinuePaymentAction); the others read the payment.
    expect(h.count('GET', /\/continue-payment-action$/)).toBe(driver === 'sdk-v1' ? 1 : 0);
    await h.sandbox.settlePayment(result.current.checkout.payment!.id, 'SUCCEEDED');
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    const reads = h.counts().paymentReads;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(h.counts().paymentReads).toBe(reads);
  });

  it('redirect (PSE): the bank URL to go to', async () => {
    const h = await harness(driver, { country: 'CO', currency: 'COP', amount: 8000 });
    const { result } = setup(h);
    await select(result, 'PSE');
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('action_required');
    expect(result.current.checkout.nextAction).toMatchObject({ type: 'redirect', url: expect.stringMatching(/^http/) });
    expect(h.count('GET', /\/continue-payment-action$/)).toBe(driver === 'sdk-v1' ? 1 : 0);
  });

  it('voucher (OXXO): the code to pay with', async () => {
    const h = await harness(driver, { country: 'MX', currency: 'MXN', amount: 300 });
    const { result } = setup(h);
    await select(result, 'OXXO');
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('action_required');
    expect(result.current.checkout.nextAction).toMatchObject({ type: 'voucher', code: expect.any(String) });
    expect(h.count('GET', /\/continue-payment-action$/)).toBe(driver === 'sdk-v1' ? 1 : 0);
  });

  if (driver === 'server') {
    // The server tokenizer saves no cards: that takes Yuno's API enrollment with card data on the server.
    it('enrollment: refused with the reason, nothing saved', async () => {
      const h = await harness(driver, { customer: true });
      const { result } = setup(h);
      await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
      await expect(act(() => result.current.enrollment.mutateAsync({ card: testCard(APPROVED) }))).rejects.toThrow(
        'useEnrollment: the server tokenizer cannot save cards',
      );
      expect(h.count('POST', /\/payment-methods$/)).toBe(0);
    });
    return;
  }

  it('enrollment, then the saved card with its CVV only', async () => {
    const h = await harness(driver, { customer: true });
    const { result } = setup(h);
    await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
    expect(result.current.methods.data?.some((m) => m.vaulted_token)).toBe(false);

    const saved = await act(() => result.current.enrollment.mutateAsync({ card: testCard(APPROVED) }));
    expect(saved).toEqual({ vaultedToken: expect.any(String), status: 'ENROLLED' });
    await waitFor(() => expect(result.current.methods.data?.[0]?.vaulted_token).toBe(saved.vaultedToken));

    act(() => result.current.checkout.select(result.current.methods.data![0]!));
    await act(() => result.current.checkout.pay({ securityCode: '123' }));
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
    expect(result.current.checkout.payment?.payment_method?.vaulted_token).toBe(saved.vaultedToken);
  });
});
