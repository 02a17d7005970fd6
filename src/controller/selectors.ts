import { getErrorRecovery, getNextAction, isTerminalPaymentStatus, type Payment } from '../core';
import type { CheckoutControllerState, CheckoutState, CheckoutStatus } from './types';

/** The checkout status a payment puts the screen in. */
export function statusOfPayment(payment: Payment): CheckoutStatus {
  if (getNextAction(payment)) return 'action_required';
  switch (payment.status) {
    case 'SUCCEEDED':
    case 'VERIFIED':
      return 'succeeded';
    case 'DECLINED':
    case 'REJECTED':
      return 'declined';
    default:
      return isTerminalPaymentStatus(payment.status) ? 'failed' : 'processing';
  }
}

/** The status: the phase while something runs or failed, else the cached payment's. */
export function deriveStatus(state: CheckoutControllerState, payment: Payment | null): CheckoutStatus {
  if (state.phase !== 'idle') return state.phase;
  return payment ? statusOfPayment(payment) : 'idle';
}

/** Why a declined payment was declined (Yuno's response code, e.g. `INSUFFICIENT_FUNDS`). */
export function declineReasonOf(payment: Payment | null): string | null {
  if (!payment || (payment.status !== 'DECLINED' && payment.status !== 'REJECTED')) return null;
  const codes = (payment.transactions ?? []).map((t) => t.response_code).filter(Boolean);
  return codes.at(-1) ?? payment.sub_status ?? null;
}

/** The checkout as a UI reads it, from the controller's state and the cached payment. */
export function deriveCheckoutState(state: CheckoutControllerState, payment: Payment | null): CheckoutState {
  const status = deriveStatus(state, payment);
  return {
    checkoutSession: state.checkoutSession,
    customerSession: state.customerSession,
    countryCode: state.countryCode,
    selectedMethod: state.selectedMethod,
    attempt: state.attempt,
    status,
    payment,
    nextAction: payment ? (getNextAction(payment) ?? null) : null,
    challengeUrl: state.attempt?.challengeUrl ?? null,
    sdkView: state.attempt?.sdkView === true,
    error: state.error,
    recovery: state.error ? getErrorRecovery(state.error) : null,
    declineReason: declineReasonOf(payment),
    isPaying: status === 'tokenizing' || status === 'creating_payment',
  };
}

// Selectors over the derived state. Module-level functions keep their identity, so subscriptions do not churn.

export const selectCheckoutSession = (s: CheckoutState) => s.checkoutSession;
export const selectCountryCode = (s: CheckoutState) => s.countryCode;
export const selectCustomerSession = (s: CheckoutState) => s.customerSession;
export const selectStatus = (s: CheckoutState) => s.status;
export const selectSelectedMethod = (s: CheckoutState) => s.selectedMethod;
export const selectPayment = (s: CheckoutState) => s.payment;
export const selectNextAction = (s: CheckoutState) => s.nextAction;
export const selectChallengeUrl = (s: CheckoutState) => s.challengeUrl;
export const selectSdkView = (s: CheckoutState) => s.sdkView;
export const selectError = (s: CheckoutState) => s.error;
const WAITING = new Set<CheckoutStatus>(['action_required', 'processing']);
/** The payment to poll: the current one while it waits for the shopper or for Yuno. */
export const selectWaitingPaymentId = (s: CheckoutState) => (WAITING.has(s.status) ? (s.payment?.id ?? null) : null);
