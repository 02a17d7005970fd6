import { Slot } from '@radix-ui/react-slot';
import { forwardRef, useContext, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import { CardFormStatusContext, useCardFormContext, type CardFormStatus } from './CardFormContext';

/**
 * Props of {@link CardFormSubmit}. Other props go to the `<button>` (or your element with `asChild`).
 *
 * @example
 * ```tsx
 * const props: CardFormSubmitProps = { className: ({ pending }) => (pending ? 'button is-busy' : 'button') };
 * ```
 */
export interface CardFormSubmitProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  /** Render your own element (a design-system button) instead of a `<button>`. */
  asChild?: boolean;
  className?: ClassNameProp<{ status: CardFormStatus; pending: boolean }>;
  /** @default "Pay" ("Save card" when enrolling), "Processing…" while pending */
  children?: ReactNode;
}

/**
 * The submit button. While the card is being sent it stays focusable but inert: `aria-disabled`, `aria-busy`,
 * `data-status="pending"`, and its text says so; Enter and clicks then do nothing.
 *
 * @example
 * ```tsx
 * <CardForm>
 *   <CardFormField name="number" />
 *   <CardFormSubmit asChild><MyButton variant="primary">Pay now</MyButton></CardFormSubmit>
 * </CardForm>
 * ```
 */
export const CardFormSubmit = forwardRef<HTMLButtonElement, CardFormSubmitProps>(function CardFormSubmit(props, ref) {
  const { asChild, className, children, onClick, ...rest } = props;
  const { t, mode } = useCardFormContext('CardFormSubmit');
  const status = useContext(CardFormStatusContext);
  const pending = status === 'pending';
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      ref={ref}
      type={asChild ? undefined : 'submit'}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      data-status={status}
      data-disabled={dataFlag(pending)}
      className={resolveClassName(className, { status, pending })}
      onClick={(event) => {
        if (pending) event.preventDefault();
        onClick?.(event);
      }}
      {...rest}
    >
      {children ??
        (pending
          ? t('cardForm.submit.pending')
          : t(mode === 'enroll' ? 'cardForm.submit.enroll' : 'cardForm.submit.pay'))}
    </Component>
  );
});
