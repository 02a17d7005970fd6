import { forwardRef, useId, type HTMLAttributes, type ReactNode } from 'react';
import { useMessages } from '../../react';
import { resolveClassName, type ClassNameProp } from '../shared';
import { paymentMethodListMessages } from './paymentMethodListMessages';

/**
 * Props of {@link PaymentMethodListGroup}. Other props go to the `role="group"` element.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListGroupProps = { kind: 'saved', label: 'Your cards' };
 * ```
 */
export interface PaymentMethodListGroupProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className'> {
  /** Saved methods, or the others; sets the default label and `data-kind`. */
  kind: 'saved' | 'other';
  /** @default "Saved payment methods" or "Other payment methods", translated */
  label?: ReactNode;
  className?: ClassNameProp<{ kind: 'saved' | 'other' }>;
}

/**
 * A labelled group of items within the list (`role="group"`); arrow keys move across groups.
 *
 * @example
 * ```tsx
 * <PaymentMethodListGroup kind="saved">
 *   {saved.map((method) => <PaymentMethodListItem key={method.vaulted_token} method={method} />)}
 * </PaymentMethodListGroup>
 * ```
 */
export const PaymentMethodListGroup = forwardRef<HTMLDivElement, PaymentMethodListGroupProps>(
  function PaymentMethodListGroup({ kind, label, className, children, ...rest }, ref) {
    const t = useMessages(paymentMethodListMessages);
    const labelId = useId();
    return (
      <div
        ref={ref}
        role="group"
        aria-labelledby={labelId}
        data-slot="payment-method-list-group"
        data-kind={kind}
        className={resolveClassName(className, { kind })}
        {...rest}
      >
        <div id={labelId} data-slot="payment-method-list-group-label">
          {label ?? t(kind === 'saved' ? 'paymentMethodList.saved' : 'paymentMethodList.other')}
        </div>
        {children}
      </div>
    );
  },
);
