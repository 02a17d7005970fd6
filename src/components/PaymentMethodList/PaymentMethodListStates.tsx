import { forwardRef, type HTMLAttributes } from 'react';
import { useMessages } from '../../react';
import { usePaymentMethodListContext } from './PaymentMethodListContext';
import { paymentMethodListMessages } from './paymentMethodListMessages';

/**
 * Props of the list's state parts (`PaymentMethodListLoading`, `PaymentMethodListEmpty`, `PaymentMethodListError`).
 * Other props go to their element; children replace the default text.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListStateProps = { className: 'muted', children: 'One moment…' };
 * ```
 */
export type PaymentMethodListStateProps = HTMLAttributes<HTMLDivElement>;

/**
 * Shown while the methods load (the list also carries `aria-busy`); renders nothing otherwise.
 *
 * @example
 * ```tsx
 * <PaymentMethodList>
 *   <PaymentMethodListLoading>Fetching your options…</PaymentMethodListLoading>
 *   …
 * </PaymentMethodList>
 * ```
 */
export const PaymentMethodListLoading = forwardRef<HTMLDivElement, PaymentMethodListStateProps>(
  function PaymentMethodListLoading({ className, children, ...rest }, ref) {
    const list = usePaymentMethodListContext('PaymentMethodListLoading');
    const t = useMessages(paymentMethodListMessages);
    if (list.status !== 'pending') return null;
    return (
      <div ref={ref} data-slot="payment-method-list-loading" className={className} {...rest}>
        {children ?? t('paymentMethodList.loading')}
      </div>
    );
  },
);

/**
 * Shown when the session offers no method the shopper can use; renders nothing otherwise.
 *
 * @example
 * ```tsx
 * <PaymentMethodListEmpty>Nothing to pay with here; contact us.</PaymentMethodListEmpty>
 * ```
 */
export const PaymentMethodListEmpty = forwardRef<HTMLDivElement, PaymentMethodListStateProps>(
  function PaymentMethodListEmpty({ className, children, ...rest }, ref) {
    const list = usePaymentMethodListContext('PaymentMethodListEmpty');
    const t = useMessages(paymentMethodListMessages);
    if (list.status !== 'empty') return null;
    return (
      <div ref={ref} data-slot="payment-method-list-empty" className={className} {...rest}>
        {children ?? t('paymentMethodList.empty')}
      </div>
    );
  },
);

/**
 * Shown when the methods could not be loaded: an alert with a button that loads them again; renders nothing otherwise.
 *
 * @example
 * ```tsx
 * <PaymentMethodListError />
 * ```
 */
export const PaymentMethodListError = forwardRef<HTMLDivElement, PaymentMethodListStateProps>(
  function PaymentMethodListError({ className, children, ...rest }, ref) {
    const list = usePaymentMethodListContext('PaymentMethodListError');
    const t = useMessages(paymentMethodListMessages);
    if (list.status !== 'error') return null;
    return (
      <div ref={ref} role="alert" data-slot="payment-method-list-error" className={className} {...rest}>
        {children ?? t('paymentMethodList.error')}{' '}
        <button type="button" data-slot="payment-method-list-retry" onClick={list.refetch}>
          {t('paymentMethodList.retry')}
        </button>
      </div>
    );
  },
);
