import { useMemo } from 'react';
import {
  selectCheckoutSession,
  selectCountryCode,
  selectWaitingPaymentId,
  type CheckoutControllerState,
  type CheckoutState,
  type PayInput,
  type SelectedPaymentMethod,
} from '../controller';
import type { Payment, PaymentMethod } from '../core';
import { useCheckoutSelector } from './useCheckoutSelector';
import { usePaymentPolling } from './usePaymentPolling';
import { usePrepareTokenizer } from './usePrepareTokenizer';
import { useYunoContext } from './YunoContext';

export type { PayInput } from '../controller';

/**
 * What the checkout can do; every function keeps its identity for the provider's lifetime.
 *
 * @example
 * ```ts
 * const { retry }: CheckoutActions = useCheckoutActions();
 * ```
 */
export interface CheckoutActions {
  select: (method: PaymentMethod | SelectedPaymentMethod | null) => void;
  /** Tokenizes and pays; every call while one is running returns the same promise. */
  pay: (input?: PayInput) => Promise<Payment>;
  /**
   * After a decline or a used/expired session: a fresh checkout session and a fresh attempt. After a failed request:
   * back to `idle`, keeping the attempt (and its idempotency key) for the next Pay.
   */
  retry: () => Promise<void>;
  /** Reads the payment again now (after a 3DS challenge or a redirect came back). */
  refresh: () => Promise<void>;
  /** The checkout state right now, for event handlers (it does not subscribe). */
  getState: () => CheckoutState & Pick<CheckoutControllerState, 'phase'>;
}

export interface UseCheckoutResult
  extends
    Pick<
      CheckoutState,
      | 'checkoutSession'
      | 'status'
      | 'selectedMethod'
      | 'payment'
      | 'nextAction'
      | 'challengeUrl'
      | 'error'
      | 'recovery'
      | 'declineReason'
      | 'isPaying'
    >,
    Omit<CheckoutActions, 'getState'> {}

const selectAll = (s: CheckoutState) => s;

/**
 * The checkout's actions (select, pay, retry, refresh), without subscribing to its state: a component that only acts
 * never re-renders for the checkout. While mounted it also keeps the checkout live: it loads the tokenizer (and Yuno's
 * fraud check) as soon as the form is on screen, and polls the payment while it waits for the shopper or for Yuno.
 * Pair it with `useCheckoutSelector` for the slices the component shows.
 *
 * @example
 * ```tsx
 * function PixButton() {
 *   const { select, pay } = useCheckoutActions();
 *   const isPaying = useCheckoutSelector((checkout) => checkout.status === 'creating_payment');
 *   return (
 *     <button disabled={isPaying} onClick={() => { select({ type: 'PIX', vaultedToken: null }); void pay().catch(() => undefined); }}>
 *       Pay with PIX
 *     </button>
 *   );
 * }
 * ```
 */
export function useCheckoutActions(): CheckoutActions {
  return useActions('useCheckoutActions');
}

function useActions(hookName: string): CheckoutActions {
  const ctx = useYunoContext(hookName);
  const checkoutSession = useCheckoutSelector(selectCheckoutSession);
  const countryCode = useCheckoutSelector(selectCountryCode);
  usePrepareTokenizer(ctx, checkoutSession, countryCode);
  usePaymentPolling(ctx, useCheckoutSelector(selectWaitingPaymentId));
  const { controller } = ctx;
  return useMemo(
    () => ({
      select: (method) => controller.select(method),
      pay: (input) => controller.pay(input),
      retry: () => controller.retry(),
      refresh: () => controller.refresh(),
      getState: () => ({ ...controller.getSnapshot(), phase: controller.getState().phase }),
    }),
    [controller],
  );
}

/**
 * The checkout as a state machine a UI binds to: select a method → pay (tokenize, create the payment) → the next
 * action if the payment needs the shopper (3DS, redirect, QR, voucher) → the final status, polled from your server.
 * A declined card is retried on a fresh checkout session, as Yuno allows one payment per session.
 * It returns the whole checkout; a component that shows one part re-renders less with `useCheckoutSelector`.
 *
 * @example
 * ```tsx
 * function PayButton({ card }: { card: CardInput }) {
 *   const checkout = useCheckout();
 *   if (checkout.status === 'succeeded') return <p role="status">Paid</p>;
 *   return (
 *     <button disabled={checkout.isPaying} onClick={() => checkout.pay({ card }).catch(() => undefined)}>
 *       Pay
 *     </button>
 *   );
 * }
 * ```
 */
export function useCheckout(): UseCheckoutResult {
  const { select, pay, retry, refresh } = useActions('useCheckout');
  const state = useCheckoutSelector(selectAll);
  return useMemo(
    () => ({
      checkoutSession: state.checkoutSession,
      status: state.status,
      selectedMethod: state.selectedMethod,
      payment: state.payment,
      nextAction: state.nextAction,
      challengeUrl: state.challengeUrl,
      error: state.error,
      recovery: state.recovery,
      declineReason: state.declineReason,
      isPaying: state.isPaying,
      select,
      pay,
      retry,
      refresh,
    }),
    [state, select, pay, retry, refresh],
  );
}
