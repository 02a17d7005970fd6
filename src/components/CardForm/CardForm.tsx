import { forwardRef, memo, type FormHTMLAttributes, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { resolveClassName, type ClassNameProp } from '../shared';
import {
  CardFormContext,
  CardFormSecureStateContext,
  CardFormStatusContext,
  type CardFormMode,
  type CardFormStatus,
} from './CardFormContext';
import { CardFormAlert, CardFormErrorSummary, CardFormStatusMessage } from './CardFormAlerts';
import { CardFormField } from './CardFormField';
import type { CardFormFieldName, CardFormValues } from './cardFormSchema';
import { CardFormSubmit } from './CardFormSubmit';
import { useCardFormEngine, type CardFormEngine, type UseCardFormOptions } from './useCardFormEngine';

/**
 * State of the form, given to `className` functions.
 *
 * @example
 * ```tsx
 * <CardForm className={({ status }) => `card-form card-form--${status}`} />
 * ```
 */
export interface CardFormState {
  status: CardFormStatus;
  mode: CardFormMode;
}

/**
 * What a render-prop child receives: the react-hook-form instance (values, errors, `reset`) and the form's state.
 *
 * @example
 * ```tsx
 * <CardForm>{({ form, status }) => <CardFormSubmit>{status === 'pending' ? '…' : 'Pay'}</CardFormSubmit>}</CardForm>
 * ```
 */
export interface CardFormRenderProps extends CardFormState {
  form: UseFormReturn<CardFormValues>;
}

/**
 * Props of {@link CardForm}: the options of {@link useCardForm}; other props go to the `<form>` element.
 *
 * @example
 * ```tsx
 * const props: CardFormProps = { mode: 'pay', allowSaveCard: true, onSuccess: (payment) => showReceipt(payment.id) };
 * ```
 */
export interface CardFormProps
  extends
    UseCardFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'children' | 'className' | 'onSubmit' | 'onError'> {
  className?: ClassNameProp<CardFormState>;
  /** Parts of your own, or a function of the form. @default every field the mode needs, the alerts and the submit button */
  children?: ReactNode | ((props: CardFormRenderProps) => ReactNode);
}

/** Kept apart and memoised so that a checkout status change re-renders the submit button, not every field. */
const CardFormDefaultContent = memo(function CardFormDefaultContent(props: { fields: readonly CardFormFieldName[] }) {
  return (
    <>
      <CardFormErrorSummary />
      {props.fields.map((name) => (
        <CardFormField key={name} name={name} />
      ))}
      <CardFormAlert />
      <CardFormStatusMessage />
      <CardFormSubmit />
    </>
  );
});

/**
 * A card form. By default the card's number, expiry and security code are Yuno's Secure Fields: iframes of Yuno's Web
 * SDK mounted in the form, so card data never reaches the merchant's page (PCI DSS SAQ A). Labels, hints, the brand,
 * inline errors and the error summary stay in the page, tied to each frame's container (`role="group"`,
 * `aria-labelledby`, `aria-describedby`); each frame gets the field's label too. With `cardFields="raw"` (and with the
 * server tokenizer, which offers no frames) they are the form's own inputs instead: number formatted by brand as typed
 * or pasted, expiry MM/YY, security code of 3 or 4 digits by brand; the page then handles card data (SAQ A-EP, or SAQ
 * D when the card reaches the merchant's server). The holder name, the document where the country requires it,
 * installments (the card's own plans from its IIN with Secure Fields, or the plan given) and a save-card checkbox are
 * inputs of the page, on react-hook-form and zod. On submit it pays through `useCheckout()` (selecting the session's
 * card method), confirms a saved card's CVV (`mode="cvv"`, a security-code frame only), or saves the card
 * (`mode="enroll"`, on a customer session). After success every field is empty again and no card number or code is left
 * in the form. State: `data-status="idle|pending|error|success"`, `data-mode`, `data-card-fields="secure|raw"`. Build a
 * layout of your own around the same fields with {@link useCardForm}.
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={session} countryCode="BR" publicApiKey={key}>
 *   <CardForm allowSaveCard onSuccess={(payment) => router.push(`/orders/${payment.merchant_order_id}`)} />
 * </YunoProvider>
 * ```
 */
export const CardForm = forwardRef<HTMLFormElement, CardFormProps>(function CardForm(props, ref) {
  const {
    mode = 'pay',
    cardFields,
    requireDocument,
    installments,
    allowSaveCard,
    onSuccess,
    onError,
    className,
    children,
    ...rest
  } = props;
  const engine = useCardFormEngine({
    mode,
    cardFields,
    requireDocument,
    installments,
    allowSaveCard,
    onSuccess,
    onError,
  });
  const { context, status, onSubmit } = engine;
  const { form, t, fields } = context;
  const state: CardFormState = { status, mode };
  return (
    <CardFormProvider engine={engine}>
      <form
        ref={ref}
        noValidate
        aria-label={t(`cardForm.form.${mode}`)}
        data-status={status}
        data-mode={mode}
        data-card-fields={context.cardFields}
        className={resolveClassName(className, state)}
        onSubmit={onSubmit}
        {...rest}
      >
        {typeof children === 'function' ? (
          children({ form, ...state })
        ) : children === undefined ? (
          <CardFormDefaultContent fields={fields} />
        ) : (
          children
        )}
      </form>
    </CardFormProvider>
  );
});

/** The contexts the parts of the form read, from the form's engine. */
export function CardFormProvider(props: { engine: CardFormEngine; children?: ReactNode }) {
  const { context, secureState, status } = props.engine;
  return (
    <CardFormContext.Provider value={context}>
      <CardFormSecureStateContext.Provider value={secureState}>
        <CardFormStatusContext.Provider value={status}>{props.children}</CardFormStatusContext.Provider>
      </CardFormSecureStateContext.Provider>
    </CardFormContext.Provider>
  );
}
