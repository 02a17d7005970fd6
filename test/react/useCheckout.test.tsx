// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useCheckout, usePaymentMethods, usePaymentStatus, type PaymentMethod } from 'yuno-react';
import { createCheckoutHarness, testCard, type CheckoutHarness } from '../support/checkout';

function setup(h: CheckoutHarness, strict = false) {
  const wrapper = ({ children }: { children: ReactNode }) =>
    strict ? (
      <StrictMode>
        <h.Provider>{children}</h.Provider>
      </StrictMode>
    ) : (
      <h.Provider>{children}</h.Provider>
    );
  return renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods() }), { wrapper });
}

async function selectType(result: { current: ReturnType<typeof setup>['result']['current'] }, type: string) {
  await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
  const method = (result.current.methods.data as PaymentMethod[]).find((m) => m.type === type && !m.vaulted_token);
  expect(method, `a ${type} method`).toBeTruthy();
  act(() => result.current.checkout.select(method!));
}

describe('useCheckout', () => {
  it('pays with an approved card: select → tokenize → payment → succeeded', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h);
    await selectType(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
    expect(result.current.checkout.payment?.status).toBe('SUCCEEDED');
    expect(result.current.checkout.payment?.amount).toMatchObject({ currency: 'USD', value: 25 });
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('sends one token and one payment request for five rapid Pay clicks', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h, true);
    await selectType(result, 'CARD');
    await act(async () => {
      const clicks = Array.from({ length: 5 }, () =>
        result.current.checkout.pay({ card: testCard('4507990000000002') }),
      );
      const payments = await Promise.all(clicks);
      expect(new Set(payments.map((p) => p.id)).size).toBe(1);
    });
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
    expect(h.sandbox.listPayments()).toHaveLength(1);
  });

  it('sends the card and the payment in one route call with the server tokenizer', async () => {
    const h = await createCheckoutHarness({ tokenizer: 'server' });
    const { result } = setup(h);
    await selectType(result, 'CARD');
    const before = h.browserRequests.length;
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
    expect(h.browserRequests.slice(before).filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/yuno/payments' },
    ]);
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('reports a decline with its reason, and retries on a fresh checkout session', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h);
    await selectType(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard('4507990000000010') }));
    expect(result.current.checkout.status).toBe('declined');
    expect(result.current.checkout.declineReason).toBe('INSUFFICIENT_FUNDS');
    const declinedSession = result.current.checkout.checkoutSession;

    await act(() => result.current.checkout.retry());
    expect(result.current.checkout.status).toBe('idle');
    expect(result.current.checkout.checkoutSession).not.toBe(declinedSession);
    await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
    expect(result.current.checkout.selectedMethod?.type).toBe('CARD');

    await act(() => result.current.checkout.pay({ card: testCard('4507990000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
    expect(result.current.checkout.payment?.checkout?.session).toBe(result.current.checkout.checkoutSession);
    expect(h.counts()).toMatchObject({ tokens: 2, payments: 2 });
  });

  it('starts a fresh session by itself when Pay is pressed again after a decline', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h);
    await selectType(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard('5252440000000028') }));
    expect(result.current.checkout.declineReason).toBe('DECLINED_BY_BANK');
    await act(() => result.current.checkout.pay({ card: testCard('5252440000000002') }));
    expect(result.current.checkout.status).toBe('succeeded');
  });

  it('follows a 3DS challenge: OTP 1234 succeeds', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h);
    await selectType(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard('4916994064252017') }));
    expect(result.current.checkout.status).toBe('action_required');
    expect(result.current.checkout.nextAction?.type).toBe('three_d_secure');
    await waitFor(() => expect(result.current.checkout.challengeUrl).toMatch(/\/_sandbox\/3ds\//));
    await h.sandbox.completeThreeDSecure(result.current.checkout.checkoutSession, '1234');
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
  });

  it('follows a 3DS challenge: OTP 1111 declines', async () => {
    const h = await createCheckoutHarness();
    const { result } = setup(h);
    await selectType(result, 'CARD');
    await act(() => result.current.checkout.pay({ card: testCard('4916994064252017') }));
    await h.sandbox.completeThreeDSecure(result.current.checkout.checkoutSession, '1111');
    await waitFor(() => expect(result.current.checkout.status).toBe('declined'));
    expect(result.current.checkout.declineReason).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
  });

  it('shows a PIX QR and reaches SUCCEEDED when the sandbox settles it', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const { result } = setup(h);
    await selectType(result, 'PIX');
    await act(() => result.current.checkout.pay());
    expect(result.current.checkout.status).toBe('action_required');
    const action = result.current.checkout.nextAction;
    expect(action?.type).toBe('qr');
    expect(action?.type === 'qr' && action.code).toMatch(/^000201/);
    expect(action?.type === 'qr' && action.imageUrl).toMatch(/^data:image\/svg\+xml/);
    await h.sandbox.settlePayment(result.current.checkout.payment!.id, 'SUCCEEDED');
    await waitFor(() => expect(result.current.checkout.status).toBe('succeeded'));
  });

  it('shows a voucher and a redirect as next actions', async () => {
    const mx = await createCheckoutHarness({ country: 'MX', currency: 'MXN', amount: 300 });
    const voucher = setup(mx);
    await selectType(voucher.result, 'OXXO');
    await act(() => voucher.result.current.checkout.pay());
    expect(voucher.result.current.checkout.nextAction).toMatchObject({ type: 'voucher', code: expect.any(String) });

    const co = await createCheckoutHarness({ country: 'CO', currency: 'COP', amount: 8000 });
    const redirect = setup(co);
    await selectType(redirect.result, 'PSE');
    await act(() => redirect.result.current.checkout.pay());
    expect(redirect.result.current.checkout.nextAction).toMatchObject({
      type: 'redirect',
      url: expect.stringMatching(/^http/),
    });
  });
});

describe('usePaymentStatus', () => {
  it('polls until a terminal status, then stops', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const { result } = setup(h);
    await selectType(result, 'PIX');
    const payment = await act(() => result.current.checkout.pay());
    const status = renderHook(() => usePaymentStatus(payment.id), {
      wrapper: ({ children }) => <h.Provider>{children}</h.Provider>,
    });
    await waitFor(() => expect(h.counts().paymentReads).toBeGreaterThan(3));
    await h.sandbox.settlePayment(payment.id, 'SUCCEEDED');
    await waitFor(() => expect(status.result.current.data?.status).toBe('SUCCEEDED'));
    const reads = h.counts().paymentReads;
    await new Promise((r) => setTimeout(r, 100));
    expect(h.counts().paymentReads).toBe(reads);
  });

  it('stops polling on unmount', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const token = await h.tokenizer.createToken(
      { type: 'PIX' },
      { checkoutSession: h.start.checkoutSession, countryCode: 'BR', browserInfo: {} },
    );
    const payment = await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: token.token },
      { idempotencyKey: crypto.randomUUID() },
    );
    const status = renderHook(() => usePaymentStatus(payment.id), {
      wrapper: ({ children }) => <h.Provider>{children}</h.Provider>,
    });
    await waitFor(() => expect(h.counts().paymentReads).toBeGreaterThan(2));
    expect(status.result.current.data?.status).toBe('READY_TO_PAY');
    status.unmount();
    await new Promise((r) => setTimeout(r, 20));
    const reads = h.counts().paymentReads;
    await new Promise((r) => setTimeout(r, 100));
    expect(h.counts().paymentReads).toBe(reads);
  });
});
