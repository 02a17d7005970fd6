import { getErrorRecovery, getNextAction, isTerminalPaymentStatus, type NextAction, type Payment } from '../core';
import type { CheckoutControllerState, CheckoutState, CheckoutStatus } from './types';

/**
 * The checkout status a payment puts the screen in.
 *
 * @example
 * ```ts
 * import { statusOfPayment } from 'yuno-react/core';
 *
 * if (statusOfPayment(payment) === 'succeeded') showReceipt(payment);
 * ```
 */
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

/**
 * The status: the phase while something runs or failed, else the cached payment's.
 *
 * @example
 * ```ts
 * import { deriveStatus } from 'yuno-react/core';
 *
 * const status = deriveStatus(controller.getState(), payment);
 * ```
 */
export function deriveStatus(state: CheckoutControllerState, payment: Payment | null): CheckoutStatus {
  if (state.phase !== 'idle') return state.phase;
  if (!payment) return 'idle';
  return nextActionOf(state, payment) ? 'action_required' : statusOfPayment(payment);
}

/**
 * The step the payment waits on: what Yuno's Web SDK said (1.x headless `getContinuePaymentAction`) while the payment
 * still waits on the shopper, completed by what the payment itself describes (whose fields stand where both give one);
 * else the payment's own.
 *
 * @example
 * ```ts
 * import { nextActionOf } from 'yuno-react/core';
 *
 * const action = nextActionOf(controller.getState(), payment);
 * ```
 */
export function nextActionOf(state: CheckoutControllerState, payment: Payment): NextAction | null {
  // A step the shopper closed in the SDK's own view cannot be taken up again: the checkout offers a retry instead.
  if (state.attempt?.sdkClosed && state.attempt.paymentId === payment.id) return null;
  const own = getNextAction(payment) ?? null;
  const told = state.attempt?.continueAction;
  if (!told || told.paymentId !== payment.id || !isWaitingOnShopper(payment)) return own;
  if (own?.type !== told.action.type) return told.action;
  // The same step: the payment's own fields (Yuno's payment answer) stand, the SDK's fill in what it lacks.
  const merged: Record<string, unknown> = { ...told.action };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) merged[key] = value;
  return merged as NextAction;
}

function isWaitingOnShopper(payment: Payment): boolean {
  return (
    payment.checkout?.sdk_action_required === true &&
    (payment.status === 'READY_TO_PAY' || payment.status === 'PENDING' || payment.status === 'CREATED')
  );
}

/**
 * Why a declined payment was declined (Yuno's response code, e.g. `INSUFFICIENT_FUNDS`).
 *
 * @example
 * ```ts
 * import { declineReasonOf } from 'yuno-react/core';
 *
 * const reason = declineReasonOf(payment); // 'INSUFFICIENT_FUNDS', or null
 * ```
 */
export function declineReasonOf(payment: Payment | null): string | null {
  if (!payment || (payment.status !== 'DECLINED' && payment.status !== 'REJECTED')) return null;
  const codes = (payment.transactions ?? []).map((t) => t.response_code).filter(Boolean);
  return codes.at(-1) ?? payment.sub_status ?? null;
}

/**
 * The checkout as a UI reads it, from the controller's state and the cached payment.
 *
 * @example
 * ```ts
 * import { deriveCheckoutState } from 'yuno-react/core';
 *
 * const checkout = deriveCheckoutState(controller.getState(), payment);
 * if (checkout.isPaying) disableForm();
 * ```
 */
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
    nextAction: payment ? nextActionOf(state, payment) : null,
    challengeUrl: state.attempt?.challengeUrl ?? null,
    sdkView: state.attempt?.sdkView === true,
    error: state.error,
    recovery: state.error ? getErrorRecovery(state.error) : null,
    declineReason: declineReasonOf(payment),
    isPaying: status === 'tokenizing' || status === 'creating_payment',
  };
}

// Selectors over the derived state. Module-level functions keep their identity, so subscriptions do not churn.

/**
 * The checkout session.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectCheckoutSession } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectCheckoutSession);
 * ```
 */
export const selectCheckoutSession = (s: CheckoutState) => s.checkoutSession;
/**
 * The country code of the checkout.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectCountryCode } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectCountryCode);
 * ```
 */
export const selectCountryCode = (s: CheckoutState) => s.countryCode;
/**
 * The customer session, when the shopper can enroll or use saved methods.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectCustomerSession } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectCustomerSession);
 * ```
 */
export const selectCustomerSession = (s: CheckoutState) => s.customerSession;
/**
 * The checkout status.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectStatus } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectStatus);
 * ```
 */
export const selectStatus = (s: CheckoutState) => s.status;
/**
 * The payment method the shopper selected.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectSelectedMethod } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectSelectedMethod);
 * ```
 */
export const selectSelectedMethod = (s: CheckoutState) => s.selectedMethod;
/**
 * The current payment, from the cache.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectPayment } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectPayment);
 * ```
 */
export const selectPayment = (s: CheckoutState) => s.payment;
/**
 * What the shopper must do next, if anything.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectNextAction } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectNextAction);
 * ```
 */
export const selectNextAction = (s: CheckoutState) => s.nextAction;
/**
 * The 3-D Secure challenge's URL, while one is open.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectChallengeUrl } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectChallengeUrl);
 * ```
 */
export const selectChallengeUrl = (s: CheckoutState) => s.challengeUrl;
/**
 * True while Yuno's Web SDK shows the shopper a view of its own (2.x's 3-D Secure challenge).
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectSdkView } from 'yuno-react/core';
 *
 * const inSdk = useCheckoutSelector(selectSdkView);
 * ```
 */
export const selectSdkView = (s: CheckoutState) => s.sdkView;
/**
 * The last error.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectError } from 'yuno-react/core';
 *
 * const value = useCheckoutSelector(selectError);
 * ```
 */
export const selectError = (s: CheckoutState) => s.error;
const WAITING = new Set<CheckoutStatus>(['action_required', 'processing']);
/**
 * The payment to poll: the current one while it waits for the shopper or for Yuno.
 *
 * @example
 * ```ts
 * import { useCheckoutSelector } from 'yuno-react';
 * import { selectWaitingPaymentId } from 'yuno-react/core';
 *
 * const pollingId = useCheckoutSelector(selectWaitingPaymentId);
 * ```
 */
export const selectWaitingPaymentId = (s: CheckoutState) => (WAITING.has(s.status) ? (s.payment?.id ?? null) : null);
