import { forwardRef, useCallback, useEffect, useRef, type HTMLAttributes, type ReactNode } from 'react';
import type { Payment } from '../../core';
import {
  useCheckoutActions,
  useCheckoutSelector,
  usePaymentMethods,
  type CheckoutState,
  type CheckoutStatus,
} from '../../react';
import { CardForm, type CardFormCardFields, type CardFormInstallments } from '../CardForm';
import { NextAction } from '../NextAction';
import { PayButton } from '../PayButton';
import { PaymentMethodList } from '../PaymentMethodList';
import { PaymentResult, PaymentResultMessage, PaymentResultRetry } from '../PaymentResult';
import { resolveClassName, type ClassNameProp } from '../shared';

/**
 * Props of {@link Checkout}. Other props go to its `<div>`.
 *
 * @example
 * ```tsx
 * const props: CheckoutProps = { allowSaveCard: true, onSuccess: (payment) => router.push(`/thanks/${payment.id}`) };
 * ```
 */
export interface CheckoutProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'children'> {
  /** An installment plan for card payments, as the checkout session carries it. */
  installments?: CardFormInstallments;
  /** Offer to save a new card for next time (the checkout session needs a customer). @default false */
  allowSaveCard?: boolean;
  /**
   * Where the card form takes the card: Yuno's Secure Fields (`secure`, iframes: the page never sees the card) or the
   * form's own inputs (`raw`: the page handles card data, PCI DSS SAQ A-EP or D). See `<CardForm cardFields>`.
   * @default 'secure' when the tokenizer offers Secure Fields, 'raw' otherwise
   */
  cardFields?: CardFormCardFields;
  /** Called once when the payment is approved, after any 3DS challenge, redirect or QR payment. */
  onSuccess?: (payment: Payment) => void;
  /** A class, or a function of `{ status }` (the checkout's status, as `useCheckout().status`). */
  className?: ClassNameProp<{ status: CheckoutStatus }>;
  /** Your own layout of the parts, replacing the default one. */
  children?: ReactNode;
}

/** While the shopper chooses and pays (and after a failure, to pay again), the list and the form are on screen. */
const selectStatus = (s: CheckoutState) => s.status;
const selectSelectedMethod = (s: CheckoutState) => s.selectedMethod;
// The payment only once approved, for onSuccess: a poll of a pending payment does not re-render the checkout.
const selectSucceededPayment = (s: CheckoutState) => (s.status === 'succeeded' ? s.payment : null);

const CHOOSING = new Set<CheckoutStatus>(['idle', 'tokenizing', 'creating_payment', 'declined', 'failed', 'error']);
/** What the card form says itself (its pending status and its alert); the status region stays quiet then. */
const CARD_FORM_SPEAKS = new Set<CheckoutStatus>(['idle', 'tokenizing', 'creating_payment', 'error']);

/**
 * A complete checkout, made only of the public parts: `<PaymentMethodList>` → `<CardForm>` for a card (CVV only for a
 * saved card) or `<PayButton>` for other methods → `<NextAction>` (3DS, redirect, PIX, voucher) → `<PaymentResult>`.
 * After a decline the shopper reads why and tries again on a fresh checkout session. Exposes `data-status`.
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={session.checkoutSession} countryCode={session.countryCode} publicApiKey={key}>
 *   <Checkout allowSaveCard onSuccess={(payment) => router.push(`/orders/${payment.merchant_order_id}`)} />
 * </YunoProvider>
 * ```
 */
export const Checkout = forwardRef<HTMLDivElement, CheckoutProps>(function Checkout(
  { installments, allowSaveCard = false, cardFields, onSuccess, className, children, ...rest },
  forwardedRef,
) {
  // Keeps the checkout live (tokenizer, polling) even before a part below it mounts.
  useCheckoutActions();
  const status = useCheckoutSelector(selectStatus);
  const selectedMethod = useCheckoutSelector(selectSelectedMethod);
  const payment = useCheckoutSelector(selectSucceededPayment);
  const methods = usePaymentMethods();
  const root = useRef<HTMLDivElement | null>(null);
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      root.current = node;
      if (typeof forwardedRef === 'function') forwardedRef(node);
      else if (forwardedRef) forwardedRef.current = node;
    },
    [forwardedRef],
  );

  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (status !== 'succeeded' || !payment || reported.current === payment.id) return;
    reported.current = payment.id;
    onSuccess?.(payment);
  }, [status, payment, onSuccess]);

  // "Try again" disappears once used; focus goes to the selected method, which shows once the new session's methods load.
  const focusAfterRetry = useRef(false);
  useEffect(() => {
    if (!focusAfterRetry.current || !methods.data) return;
    const radio = root.current?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    if (!radio) return;
    focusAfterRetry.current = false;
    radio.focus();
  }, [methods.data, status]);
  const onRetry = useCallback(() => {
    focusAfterRetry.current = true;
  }, []);

  const choosing = CHOOSING.has(status);
  const card = selectedMethod?.type === 'CARD';
  const saved = Boolean(selectedMethod?.vaultedToken);
  return (
    <div
      ref={ref}
      data-slot="checkout"
      data-status={status}
      className={resolveClassName(className, { status })}
      {...rest}
    >
      {children ?? (
        <>
          {choosing && <PaymentMethodList />}
          {choosing &&
            selectedMethod &&
            (card ? (
              <CardForm
                // A saved card and a new one are different forms: nothing typed for one carries over.
                key={selectedMethod.vaultedToken ?? 'new-card'}
                mode={saved ? 'cvv' : 'pay'}
                installments={installments}
                allowSaveCard={allowSaveCard && !saved}
                cardFields={cardFields}
              />
            ) : (
              <PayButton />
            ))}
          <NextAction />
          <PaymentResult onRetry={onRetry}>
            {(state) =>
              card && CARD_FORM_SPEAKS.has(state.status) ? (
                <PaymentResultMessage>{''}</PaymentResultMessage>
              ) : (
                <>
                  <PaymentResultMessage />
                  <PaymentResultRetry />
                </>
              )
            }
          </PaymentResult>
        </>
      )}
    </div>
  );
});
