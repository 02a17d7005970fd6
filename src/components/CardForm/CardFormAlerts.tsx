import { forwardRef, useContext, type HTMLAttributes, type ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { dataFlag } from '../shared';
import {
  CardFormSecureStateContext,
  CardFormStatusContext,
  errorText,
  fieldIds,
  fieldMessageValues,
  shownFieldError,
  useCardFormContext,
} from './CardFormContext';
import type { CardFormFieldName } from './cardFormSchema';

/**
 * Props of {@link CardFormErrorSummary}, {@link CardFormAlert} and {@link CardFormStatusMessage}. Other props go to
 * their element.
 *
 * @example
 * ```tsx
 * const props: CardFormAlertProps = { className: 'alert' };
 * ```
 */
export interface CardFormAlertProps extends HTMLAttributes<HTMLDivElement> {
  /** @default the form's own text */
  children?: ReactNode;
}

/**
 * After a submit with invalid fields: a `role="alert"` list of what to fix, each entry a link that moves focus to its
 * field (focus itself goes to the first invalid field). It updates as fields are fixed and is gone once none is left.
 *
 * @example
 * ```tsx
 * <CardForm>
 *   <CardFormErrorSummary className="summary" />
 *   <CardFormField name="number" />
 *   <CardFormSubmit />
 * </CardForm>
 * ```
 */
export const CardFormErrorSummary = forwardRef<HTMLDivElement, CardFormAlertProps>(
  function CardFormErrorSummary(props, ref) {
    const { children, ...rest } = props;
    const cf = useCardFormContext('CardFormErrorSummary');
    const { errors, submitCount } = useFormState({ control: cf.form.control });
    const secure = useContext(CardFormSecureStateContext);
    const messages = cf.fields.map(
      (name) => [name, shownFieldError(cf, secure, name, errors[name]?.message, submitCount > 0)] as const,
    );
    const invalid = messages.filter((entry): entry is readonly [CardFormFieldName, string] => !!entry[1]);
    if (submitCount === 0 || invalid.length === 0) return null;
    const values = {
      number: cf.form.getValues('number'),
      documentType: cf.form.getValues('documentType'),
      brand: secure.brand,
    };
    return (
      <div ref={ref} role="alert" data-invalid="" {...rest}>
        <p>{children ?? cf.t('cardForm.errorSummary.title')}</p>
        <ul>
          {invalid.map(([name, message]) => {
            const id = fieldIds(cf.id, name).control;
            return (
              <li key={name}>
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    // Focus the field without touching the URL: the page's router may own the hash.
                    event.preventDefault();
                    cf.secure.focus(name);
                  }}
                >
                  {errorText(cf.t, message, fieldMessageValues(cf, name, values))}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    );
  },
);

/**
 * Why the card could not be sent (a network fault, an expired session, details refused, payments unavailable), in
 * words the shopper can act on; `role="alert"`, empty until a request fails. Declines are not failures: the payment
 * exists, and `<PaymentResult>` explains them.
 *
 * @example
 * ```tsx
 * <CardForm>
 *   <CardFormField name="securityCode" />
 *   <CardFormAlert className="alert" />
 *   <CardFormSubmit />
 * </CardForm>
 * ```
 */
export const CardFormAlert = forwardRef<HTMLDivElement, CardFormAlertProps>(function CardFormAlert(props, ref) {
  const { children, ...rest } = props;
  const cf = useCardFormContext('CardFormAlert');
  // Subscribed to the server error alone (react-hook-form types `name` as field paths only, not `root.*`).
  const { errors } = useFormState({ control: cf.form.control, name: 'root.server' as CardFormFieldName });
  const message = errors.root?.server?.message;
  return (
    <div ref={ref} role="alert" data-invalid={dataFlag(!!message)} {...rest}>
      {message ? (children ?? message) : null}
    </div>
  );
});

/**
 * A polite `role="status"` region: it says the card is being processed while the request runs, and that the card was
 * saved after an enrollment.
 *
 * @example
 * ```tsx
 * <CardForm mode="enroll">
 *   <CardFormField name="number" />
 *   <CardFormStatusMessage />
 *   <CardFormSubmit />
 * </CardForm>
 * ```
 */
export const CardFormStatusMessage = forwardRef<HTMLDivElement, CardFormAlertProps>(
  function CardFormStatusMessage(props, ref) {
    const { children, ...rest } = props;
    const cf = useCardFormContext('CardFormStatusMessage');
    const status = useContext(CardFormStatusContext);
    const text =
      status === 'pending'
        ? cf.t('cardForm.status.pending')
        : status === 'success' && cf.mode === 'enroll'
          ? cf.t('cardForm.status.enrolled')
          : null;
    return (
      <div ref={ref} role="status" data-status={status} {...rest}>
        {children ?? text}
      </div>
    );
  },
);
