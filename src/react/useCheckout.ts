import { useCallback, useEffect, useMemo } from 'react';
import { getErrorRecovery, isYunoError, type Payment, type PaymentMethod, type YunoErrorRecovery } from '../core';
import type { CardInput, TokenizeInput } from '../tokenizers/types';
import { applyError, applyPayment, requestPayment, tokenize, wipeCardInput } from './checkoutActions';
import type { CheckoutState, SelectedPaymentMethod } from './checkoutStore';
import { useCheckoutState } from './useCheckoutState';
import { usePaymentStatus } from './usePaymentStatus';
import { usePrepareTokenizer } from './usePrepareTokenizer';
import { startNewCheckout, toSelection } from './useYuno';
import { useYunoContext, type YunoContextValue } from './YunoContext';
import { selectState } from './selectors';

/** What the Pay click carries: the details of the selected method. Amount and currency are never among them. */
export interface PayInput {
  /** A new card's details (for a card method without a vaulted token). */
  card?: CardInput;
  /** The security code of a saved card, when the session asks for it. */
  securityCode?: string;
  /** Save the card for next time (`vault_on_success`). */
  saveCard?: boolean;
  installment?: TokenizeInput['installment'];
  /** Shopper details the country requires, such as the document. */
  customer?: TokenizeInput['customer'];
}

export interface UseCheckoutResult extends Pick<
  CheckoutState,
  'status' | 'selectedMethod' | 'payment' | 'nextAction' | 'challengeUrl' | 'error'
> {
  checkoutSession: string;
  /** How the shopper can recover from `error`. */
  recovery: YunoErrorRecovery | null;
  /** Why a declined payment was declined (Yuno's response code, e.g. `INSUFFICIENT_FUNDS`). */
  declineReason: string | null;
  /** True from the Pay click until a payment exists or the request failed. */
  isPaying: boolean;
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
}

const WAITING = new Set(['action_required', 'processing']);

function declineReasonOf(payment: Payment | null): string | null {
  if (!payment || (payment.status !== 'DECLINED' && payment.status !== 'REJECTED')) return null;
  const codes = (payment.transactions ?? []).map((t) => t.response_code).filter(Boolean);
  return codes.at(-1) ?? payment.sub_status ?? null;
}

async function runPay(ctx: YunoContextValue, input: PayInput): Promise<Payment> {
  const { store } = ctx;
  try {
    const method = store.getState().selectedMethod;
    if (!method) throw new Error('useCheckout: select a payment method before pay()');
    // Yuno takes one payment per checkout session: a used one is replaced before trying again.
    if (store.usedSessions.has(store.getState().checkoutSession)) await startNewCheckout(ctx);
    const attempt = store.ensureAttempt();
    store.set({ status: 'tokenizing', error: null });
    let payment: Payment;
    const newCard = input.card && !method.vaultedToken ? input.card : undefined;
    if (newCard && ctx.tokenizer?.supportsOneHop && !attempt.token) {
      store.set({ status: 'creating_payment' });
      const card = {
        number: newCard.number.replace(/\D/g, ''),
        expiration_month: newCard.expirationMonth,
        expiration_year: newCard.expirationYear,
        ...(newCard.securityCode ? { security_code: newCard.securityCode } : {}),
        ...(newCard.holderName ? { holder_name: newCard.holderName } : {}),
        ...(newCard.type ? { type: newCard.type } : {}),
      };
      try {
        payment = await requestPayment(ctx, {
          card,
          paymentMethodType: method.type,
          ...(input.saveCard ? { vaultOnSuccess: true } : {}),
          ...(input.customer?.document ? { customerPayer: { document: input.customer.document } } : {}),
        });
      } finally {
        card.number = '';
        delete (card as { security_code?: string }).security_code;
      }
    } else {
      if (!attempt.token) {
        const token = await tokenize(
          ctx,
          {
            type: method.type,
            ...(newCard ? { card: newCard } : {}),
            ...(method.vaultedToken ? { vaultedToken: method.vaultedToken } : {}),
            ...(input.securityCode ? { securityCode: input.securityCode } : {}),
            ...(input.saveCard ? { saveCard: true } : {}),
            ...(input.installment ? { installment: input.installment } : {}),
            ...(input.customer ? { customer: input.customer } : {}),
          },
          'useCheckout',
        );
        store.updateAttempt({ token: token.token });
      }
      store.set({ status: 'creating_payment' });
      payment = await requestPayment(ctx, {
        oneTimeToken: store.ensureAttempt().token ?? undefined,
        paymentMethodType: method.type,
        ...(input.saveCard ? { vaultOnSuccess: true } : {}),
      });
    }
    await applyPayment(ctx, payment);
    return payment;
  } catch (error) {
    if (isYunoError(error)) applyError(ctx, error);
    else store.set({ status: store.getState().payment ? store.getState().status : 'idle' });
    throw error;
  } finally {
    wipeCardInput(input);
  }
}

/**
 * The checkout as a state machine a UI binds to: select a method → pay (tokenize, create the payment) → the next
 * action if the payment needs the shopper (3DS, redirect, QR, voucher) → the final status, polled from your server.
 * A declined card is retried on a fresh checkout session, as Yuno allows one payment per session.
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
  const ctx = useYunoContext('useCheckout');
  const { store } = ctx;
  const state = useCheckoutState(store, selectState);
  usePrepareTokenizer(ctx, state.checkoutSession, state.countryCode);

  const waitingId = WAITING.has(state.status) ? (state.payment?.id ?? null) : null;
  const status = usePaymentStatus(waitingId);
  const polled = status.data;
  useEffect(() => {
    const current = store.getState().payment;
    if (!polled || !current || polled.id !== current.id) return;
    if (polled.status === current.status && polled.sub_status === current.sub_status) return;
    void applyPayment(ctx, polled);
  }, [polled, ctx, store]);

  const select = useCallback(
    (method: PaymentMethod | SelectedPaymentMethod | null) => store.set({ selectedMethod: toSelection(method) }),
    [store],
  );
  const pay = useCallback(
    (input: PayInput = {}) => {
      const { promise, started } = store.exclusivePay(() => runPay(ctx, input));
      // A click that joined a running pay has nothing to send: its copy of the card is cleared at once.
      if (!started) wipeCardInput(input);
      return promise;
    },
    [ctx, store],
  );
  const retry = useCallback(async () => {
    const { status: current, error } = store.getState();
    const sessionGone = store.usedSessions.has(store.getState().checkoutSession);
    if (
      current === 'declined' ||
      current === 'failed' ||
      sessionGone ||
      (error && getErrorRecovery(error) === 'new_session')
    ) {
      await startNewCheckout(ctx);
      return;
    }
    // Refused details: the next Pay tokenizes what the shopper corrects, in a fresh attempt (nothing was created).
    if (error && getErrorRecovery(error) === 'edit_details') store.set({ attempt: null });
    store.set({ status: 'idle', error: null });
  }, [ctx, store]);
  const refresh = useCallback(async () => {
    const id = store.getState().payment?.id;
    if (!id) return;
    const payment = await ctx.client.payment(id);
    await applyPayment(ctx, payment);
  }, [ctx, store]);

  return useMemo(
    () => ({
      checkoutSession: state.checkoutSession,
      status: state.status,
      selectedMethod: state.selectedMethod,
      payment: state.payment,
      nextAction: state.nextAction,
      challengeUrl: state.challengeUrl,
      error: state.error,
      recovery: state.error ? getErrorRecovery(state.error) : null,
      declineReason: declineReasonOf(state.payment),
      isPaying: state.status === 'tokenizing' || state.status === 'creating_payment',
      select,
      pay,
      retry,
      refresh,
    }),
    [state, select, pay, retry, refresh],
  );
}
