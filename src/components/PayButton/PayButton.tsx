import { Slot } from '@radix-ui/react-slot';
import { forwardRef, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import type { Payment } from '../../core';
import { useCheckoutActions, useCheckoutSelector, useMessages, type CheckoutState, type PayInput } from '../../react';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import { payButtonMessages } from './payButtonMessages';

/**
 * State of {@link PayButton}, given to a `className` function.
 *
 * @example
 * ```tsx
 * <PayButton className={({ status, disabled }: PayButtonState) => (status === 'pending' || disabled ? 'btn muted' : 'btn')} />
 * ```
 */
export interface PayButtonState {
  /** `pending` from the click until the payment exists or the request failed. */
  status: 'idle' | 'pending';
  /**
   * No method is selected, the button was disabled, or the checkout has a payment under way or approved (paying again
   * would abandon it).
   */
  disabled: boolean;
}

/**
 * Props of {@link PayButton}. Other props go to the `<button>` (or your element with `asChild`).
 *
 * @example
 * ```tsx
 * const props: PayButtonProps = { onSuccess: (payment) => track(payment.status) };
 * ```
 */
export interface PayButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'onError'> {
  /** Render your own button element, keeping the behaviour. */
  asChild?: boolean;
  /** Details sent with the payment, e.g. the shopper's document for methods that require it. */
  input?: PayInput;
  /** Called with the created payment (which may still need a next action, or be declined). */
  onSuccess?: (payment: Payment) => void;
  /** Called when the payment could not be created; the checkout also shows it through `<PaymentResult>`. */
  onError?: (error: unknown) => void;
  className?: ClassNameProp<PayButtonState>;
}

/** A payment exists and is waiting for the shopper or for Yuno, or is approved. */
const SETTLING = new Set(['action_required', 'processing', 'succeeded']);

/**
 * Pays with the selected method through `useCheckout().pay()`: for alternative methods (PIX, OXXO, PSE, wallets) and
 * saved cards that need no security code. While paying it stays focusable but inert (`aria-disabled`) and says so, so
 * keyboard focus is not lost. Exposes `data-status="idle|pending"` and `data-disabled`.
 *
 * @example
 * ```tsx
 * <PaymentMethodList defaultValue="PIX" />
 * <PayButton onSuccess={(payment) => setStatus(payment.status)} />
 * ```
 */
const selectSelectedMethod = (s: CheckoutState) => s.selectedMethod;
const selectStatus = (s: CheckoutState) => s.status;
const selectIsPaying = (s: CheckoutState) => s.isPaying;

export const PayButton = forwardRef<HTMLButtonElement, PayButtonProps>(function PayButton(
  { asChild = false, input, onSuccess, onError, className, children, disabled: disabledProp, onClick, ...rest },
  ref,
) {
  const t = useMessages(payButtonMessages);
  const { pay } = useCheckoutActions();
  const selectedMethod = useCheckoutSelector(selectSelectedMethod);
  const status = useCheckoutSelector(selectStatus);
  const isPaying = useCheckoutSelector(selectIsPaying);
  const disabled = Boolean(disabledProp) || !selectedMethod || SETTLING.has(status);
  const state: PayButtonState = { status: isPaying ? 'pending' : 'idle', disabled };
  const Component = asChild ? Slot : 'button';
  const label = isPaying
    ? t('payButton.pending')
    : selectedMethod?.name
      ? t('payButton.payWith', { method: selectedMethod.name })
      : t('payButton.pay');
  return (
    <Component
      ref={ref}
      type={asChild ? undefined : 'button'}
      data-slot="pay-button"
      data-status={state.status}
      data-disabled={dataFlag(disabled)}
      aria-disabled={disabled || isPaying || undefined}
      className={resolveClassName(className, state)}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (event.defaultPrevented || disabled || isPaying) return;
        // A copy: pay() clears the card fields of what it is given once used.
        pay(input ? { ...input } : undefined).then(onSuccess, (error: unknown) => onError?.(error));
      }}
      {...rest}
    >
      {children ?? label}
    </Component>
  );
});
