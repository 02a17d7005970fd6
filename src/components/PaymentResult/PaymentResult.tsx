import { Slot } from '@radix-ui/react-slot';
import {
  createContext,
  forwardRef,
  useContext,
  useMemo,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { Payment } from '../../core';
import {
  useCheckoutActions,
  useCheckoutSelector,
  useMessages,
  type CheckoutState,
  type CheckoutStatus,
} from '../../react';
import { useDeclineMessage, useErrorMessage } from '../errorMessages';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import { paymentResultMessages, type PaymentResultMessageKey } from './paymentResultMessages';

/**
 * State of {@link PaymentResult}, given to `className` functions and to a render prop.
 *
 * @example
 * ```tsx
 * <PaymentResult>{({ status, message }: PaymentResultState) => <p role="status" data-status={status}>{message}</p>}</PaymentResult>
 * ```
 */
export interface PaymentResultState {
  /** The checkout's status (`useCheckout().status`). */
  status: CheckoutStatus;
  /** What the shopper reads, or `null` when there is nothing to say (`idle`). */
  message: string | null;
  /** Whether a retry helps: after a decline, a failed payment, or a request that failed but can be sent again. */
  canRetry: boolean;
}

interface PaymentResultContextValue extends PaymentResultState {
  retry: () => Promise<void>;
  isRetrying: boolean;
}

const PaymentResultContext = createContext<PaymentResultContextValue | null>(null);
PaymentResultContext.displayName = 'PaymentResultContext';

function usePaymentStatusContext(part: string): PaymentResultContextValue {
  const value = useContext(PaymentResultContext);
  if (!value) throw new Error(`<${part}> must be used within <PaymentResult>`);
  return value;
}

const TITLES: Record<CheckoutStatus, PaymentResultMessageKey | null> = {
  idle: null,
  tokenizing: 'paymentStatus.processing',
  creating_payment: 'paymentStatus.processing',
  action_required: 'paymentStatus.actionRequired',
  processing: 'paymentStatus.waiting',
  succeeded: 'paymentStatus.succeeded',
  declined: 'paymentStatus.declined',
  failed: 'paymentStatus.failed',
  error: 'paymentStatus.error',
};

/** Why a payment ended badly: the decline's response code, else the last transaction's, else the status (EXPIRED…). */
function failureCode(declineReason: string | null, payment: Payment | null): string | null {
  return declineReason ?? payment?.transactions?.at(-1)?.response_code ?? payment?.status ?? null;
}

const selectStatus = (s: CheckoutState) => s.status;
const selectError = (s: CheckoutState) => s.error;
const selectRecovery = (s: CheckoutState) => s.recovery;
const selectFailureCode = (s: CheckoutState) => failureCode(s.declineReason, s.payment);

/**
 * Props of {@link PaymentResult}. Other props go to its `<div>`.
 *
 * @example
 * ```tsx
 * const props: PaymentResultProps = { className: ({ status }) => `status status-${status}` };
 * ```
 */
export interface PaymentResultProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'children'> {
  className?: ClassNameProp<PaymentResultState>;
  /** Called once a retry has put the checkout back to choosing and paying (e.g. to move focus to the form). */
  onRetry?: () => void;
  /** Custom content, or a function of the state. @default the message and, when it helps, a retry button */
  children?: ReactNode | ((state: PaymentResultState) => ReactNode);
}

/**
 * Where the payment stands, in words the shopper understands, announced politely as it changes (`role="status"`):
 * processing, a step to take, approved, declined with the reason, failed, or a request that failed with how to
 * recover; after a decline or failure a "Try again" button starts over on a fresh checkout session. Keep it mounted so
 * that screen readers hear each change. Exposes `data-status` (the checkout status).
 *
 * @example
 * ```tsx
 * <PaymentResult onRetry={() => formRef.current?.focus()} />
 * ```
 */
export const PaymentResult = forwardRef<HTMLDivElement, PaymentResultProps>(function PaymentResult(
  { className, onRetry, children, ...rest },
  ref,
) {
  const t = useMessages(paymentResultMessages);
  const { retry: retryCheckout } = useCheckoutActions();
  const status = useCheckoutSelector(selectStatus);
  const recovery = useCheckoutSelector(selectRecovery);
  const code = useCheckoutSelector(selectFailureCode);
  const error = useCheckoutSelector(selectError);
  const [retryError, setRetryError] = useState<unknown>(null);
  const [isRetrying, setRetrying] = useState(false);
  const reason = useDeclineMessage(code);
  const errorText = useErrorMessage(retryError ?? error);
  const title = TITLES[status];
  let message = title ? t(title) : null;
  if (status === 'declined' || status === 'failed') message = `${message} ${reason}`;
  if (status === 'error' && errorText) message = `${message} ${errorText}`;
  if (retryError && errorText) message = errorText;
  const canRetry = status === 'declined' || status === 'failed' || (status === 'error' && recovery !== 'unavailable');

  const context = useMemo<PaymentResultContextValue>(
    () => ({
      status,
      message,
      canRetry,
      isRetrying,
      retry: async () => {
        setRetrying(true);
        setRetryError(null);
        try {
          await retryCheckout();
          onRetry?.();
        } catch (error) {
          setRetryError(error);
        } finally {
          setRetrying(false);
        }
      },
    }),
    [status, message, canRetry, isRetrying, retryCheckout, onRetry],
  );
  const state: PaymentResultState = { status, message, canRetry };
  return (
    <div
      ref={ref}
      data-slot="payment-status"
      data-status={status}
      className={resolveClassName(className, state)}
      {...rest}
    >
      <PaymentResultContext.Provider value={context}>
        {typeof children === 'function'
          ? children(state)
          : (children ?? (
              <>
                <PaymentResultMessage />
                {canRetry && <PaymentResultRetry />}
              </>
            ))}
      </PaymentResultContext.Provider>
    </div>
  );
});

/**
 * Props of {@link PaymentResultMessage}. Other props go to the `<p role="status">`.
 *
 * @example
 * ```tsx
 * const props: PaymentResultMessageProps = { className: 'status-text' };
 * ```
 */
export type PaymentResultMessageProps = HTMLAttributes<HTMLParagraphElement>;

/**
 * The live region with the status text; always rendered (empty while idle) so that every change is announced.
 *
 * @example
 * ```tsx
 * <PaymentResult>
 *   <PaymentResultMessage />
 * </PaymentResult>
 * ```
 */
export const PaymentResultMessage = forwardRef<HTMLParagraphElement, PaymentResultMessageProps>(
  function PaymentResultMessage({ children, ...rest }, ref) {
    const { message, status } = usePaymentStatusContext('PaymentResultMessage');
    return (
      <p ref={ref} role="status" data-slot="payment-status-message" data-status={status} {...rest}>
        {children ?? message}
      </p>
    );
  },
);

/**
 * Props of {@link PaymentResultRetry}. Other props go to the `<button>` (or your element with `asChild`).
 *
 * @example
 * ```tsx
 * const props: PaymentResultRetryProps = { asChild: true, children: <MyButton /> };
 * ```
 */
export interface PaymentResultRetryProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  asChild?: boolean;
}

/**
 * "Try again": after a decline or a failed payment, a fresh checkout session; after a failed request, back to paying
 * with the same attempt. Renders nothing when a retry cannot help. Exposes `data-pending` while it runs.
 *
 * @example
 * ```tsx
 * <PaymentResult>
 *   <PaymentResultMessage />
 *   <PaymentResultRetry>Use another card</PaymentResultRetry>
 * </PaymentResult>
 * ```
 */
export const PaymentResultRetry = forwardRef<HTMLButtonElement, PaymentResultRetryProps>(function PaymentResultRetry(
  { asChild = false, children, onClick, ...rest },
  ref,
) {
  const { canRetry, retry, isRetrying } = usePaymentStatusContext('PaymentResultRetry');
  const t = useMessages(paymentResultMessages);
  if (!canRetry) return null;
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      ref={ref}
      type={asChild ? undefined : 'button'}
      data-slot="payment-status-retry"
      data-pending={dataFlag(isRetrying)}
      aria-disabled={isRetrying || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented && !isRetrying) void retry();
      }}
      {...rest}
    >
      {children ?? t('paymentStatus.retry')}
    </Component>
  );
});
