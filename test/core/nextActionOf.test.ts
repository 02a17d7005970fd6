// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deriveCheckoutState, nextActionOf, type CheckoutControllerState } from 'yuno-react/core';
import type { Payment } from 'yuno-react';

const waiting = {
  id: 'pay-1',
  status: 'PENDING',
  sub_status: null,
  checkout: { session: 'cs-1', sdk_action_required: true },
} as unknown as Payment;

function stateWith(continueAction: NonNullable<CheckoutControllerState['attempt']>['continueAction']) {
  return {
    checkoutSession: 'cs-1',
    customerSession: null,
    countryCode: 'CO',
    selectedMethod: { type: 'NEQUI', vaultedToken: null },
    attempt: {
      checkoutSession: 'cs-1',
      idempotencyKey: 'key',
      token: 'ott',
      paymentId: 'pay-1',
      continueAction,
    },
    phase: 'idle',
    error: null,
  } as CheckoutControllerState;
}

describe("the next action Yuno's Web SDK tells (getContinuePaymentAction)", () => {
  it('is the step when the payment itself describes none, and puts the checkout in action_required', () => {
    const state = stateWith({ paymentId: 'pay-1', action: { type: 'redirect', url: 'https://bank.example/pay' } });
    expect(nextActionOf(state, waiting)).toEqual({ type: 'redirect', url: 'https://bank.example/pay' });
    expect(deriveCheckoutState(state, waiting)).toMatchObject({
      status: 'action_required',
      nextAction: { type: 'redirect', url: 'https://bank.example/pay' },
    });
  });

  it('is not used for another payment, nor once the payment no longer waits on the shopper', () => {
    const other = stateWith({ paymentId: 'pay-0', action: { type: 'redirect', url: 'https://bank.example/pay' } });
    expect(nextActionOf(other, waiting)).toBeNull();
    const told = stateWith({ paymentId: 'pay-1', action: { type: 'redirect', url: 'https://bank.example/pay' } });
    const paid = { ...waiting, status: 'SUCCEEDED', checkout: { session: 'cs-1', sdk_action_required: false } };
    expect(nextActionOf(told, paid as Payment)).toBeNull();
    expect(deriveCheckoutState(told, paid as Payment).status).toBe('succeeded');
  });

  it("keeps the payment's own fields where both describe the same step, the SDK's filling the gaps", () => {
    const pix = {
      ...waiting,
      payment_method: {
        type: 'PIX',
        payment_method_detail: {
          bank_transfer: { payment_instruction: '000201-own', expires_at: '2026-12-04T10:00:00.123Z' },
        },
      },
    } as unknown as Payment;
    const state = stateWith({
      paymentId: 'pay-1',
      action: {
        type: 'qr',
        code: '000201-sdk',
        imageUrl: 'data:image/png;base64,AAAA',
        expiresAt: '2026-12-04T10:00:00.000Z',
        url: undefined,
      },
    });
    expect(nextActionOf(state, pix)).toMatchObject({
      type: 'qr',
      code: '000201-own',
      imageUrl: 'data:image/png;base64,AAAA',
      expiresAt: '2026-12-04T10:00:00.123Z',
    });
  });
});
