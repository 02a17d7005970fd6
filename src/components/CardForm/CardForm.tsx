import { zodResolver } from '@hookform/resolvers/zod';
import {
  forwardRef,
  memo,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
} from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { parseCardExpiry } from '../../card/cardExpiry';
import { CARD_BRANDS, type CardBrand } from '../../card/detectCardBrand';
import { DOCUMENT_COUNTRIES, documentTypesFor } from '../../card/validateDocument';
import { getErrorRecovery, isYunoError, type Payment, type YunoError, type YunoErrorRecovery } from '../../core';
import {
  useCheckoutActions,
  useCheckoutSelector,
  useEnrollment,
  useMessages,
  usePaymentMethods,
  type CardInput,
  type CheckoutState,
  type EnrollResult,
} from '../../react';
import { resolveClassName, type ClassNameProp } from '../shared';
import {
  CardFormContext,
  CardFormStatusContext,
  type CardFormContextValue,
  type CardFormMode,
  type CardFormStatus,
} from './CardFormContext';
import { CardFormAlert, CardFormErrorSummary, CardFormStatusMessage } from './CardFormAlerts';
import { CardFormField } from './CardFormField';
import { cardFormMessages, type CardFormMessageKey } from './cardFormMessages';
import {
  createCardFormSchema,
  type CardFormFieldName,
  type CardFormInstallments,
  type CardFormValues,
} from './cardFormSchema';
import { CardFormSubmit } from './CardFormSubmit';

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
 * Props of {@link CardForm}. Other props go to the `<form>` element.
 *
 * @example
 * ```tsx
 * const props: CardFormProps = { mode: 'pay', allowSaveCard: true, onSuccess: (payment) => showReceipt(payment.id) };
 * ```
 */
export interface CardFormProps extends Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'children' | 'className' | 'onSubmit' | 'onError'
> {
  /** `pay` a new card, confirm the `cvv` of the selected saved card, or `enroll` (save) a card. @default 'pay' */
  mode?: CardFormMode;
  /**
   * Ask for the shopper's document (type and number, validated). @default true in Brazil, Colombia, Argentina, Chile
   * and Mexico (the provider's `countryCode`), false elsewhere
   */
  requireDocument?: boolean;
  /** An installment plan to choose from, as the checkout session carries it (`installments`). */
  installments?: CardFormInstallments;
  /** Offer to save the card for next time (`vault_on_success`; the checkout needs a customer). @default false */
  allowSaveCard?: boolean;
  /**
   * Called once the card went through: with the payment in `pay` and `cvv` modes (approved, declined or waiting for
   * the shopper: read its `status`), with the vaulted token in `enroll` mode. The form is empty again by then.
   */
  onSuccess?: (result: Payment | EnrollResult) => void;
  /** Called when the request failed; the form's alert already tells the shopper what to do. */
  onError?: (error: YunoError | Error) => void;
  className?: ClassNameProp<CardFormState>;
  /** Parts of your own, or a function of the form. @default every field the mode needs, the alerts and the submit button */
  children?: ReactNode | ((props: CardFormRenderProps) => ReactNode);
}

// The slices of the checkout the form reads: it re-renders for nothing else.
const selectCountryCode = (s: CheckoutState) => s.countryCode;
const selectVaultedToken = (s: CheckoutState) => s.selectedMethod?.vaultedToken ?? null;

const NO_SAVED_CARD = 'CardForm: select a saved card before paying in cvv mode';

const RECOVERY_KEYS: Record<YunoErrorRecovery, CardFormMessageKey> = {
  retry: 'cardForm.server.retry',
  new_session: 'cardForm.server.newSession',
  edit_details: 'cardForm.server.editDetails',
  unavailable: 'cardForm.server.unavailable',
};

function serverMessageKey(error: unknown): CardFormMessageKey {
  if (error instanceof Error && error.message === NO_SAVED_CARD) return 'cardForm.server.noSavedCard';
  // Any other plain Error is a setup problem (no tokenizer, no method): nothing the shopper can fix.
  return isYunoError(error) ? RECOVERY_KEYS[getErrorRecovery(error)] : 'cardForm.server.unavailable';
}

/** Yuno spells some brands out in full (`AMERICAN_EXPRESS`); the card utilities use the short names. */
function toCardBrand(brand: string | null | undefined): CardBrand | undefined {
  const name = brand?.toUpperCase().replace('AMERICAN_EXPRESS', 'AMEX').replace('DINERS_CLUB', 'DINERS');
  return (CARD_BRANDS as readonly string[]).includes(name ?? '') ? (name as CardBrand) : undefined;
}

function activeFields(mode: CardFormMode, document: boolean, installments: boolean, saveCard: boolean) {
  const fields: CardFormFieldName[] =
    mode === 'cvv' ? ['securityCode'] : ['number', 'expiry', 'securityCode', 'holderName'];
  if (document && mode !== 'cvv') fields.push('documentType', 'documentNumber');
  if (installments && mode !== 'enroll') fields.push('installments');
  if (saveCard && mode === 'pay') fields.push('saveCard');
  return fields;
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
 * A card form on react-hook-form and zod: number (formatted by brand as typed or pasted, brand shown, Luhn), expiry
 * (MM/YY), security code (3 or 4 digits by brand), holder name, the document where the country requires it, installments
 * when given a plan, and a save-card checkbox. Inputs are uncontrolled: a keystroke re-renders at most its own field.
 * On submit it pays through `useCheckout()` (selecting the session's card method), confirms a saved card's CVV
 * (`mode="cvv"`), or saves the card (`mode="enroll"`). After success every input is empty again and no card number or
 * code is left in the form. State: `data-status="idle|pending|error|success"`, `data-mode`.
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
    requireDocument,
    installments: installmentsProp,
    allowSaveCard = false,
    onSuccess,
    onError,
    className,
    children,
    ...rest
  } = props;
  const t = useMessages(cardFormMessages);
  const country = useCheckoutSelector(selectCountryCode);
  const selectedVaultedToken = useCheckoutSelector(selectVaultedToken);
  const checkout = useCheckoutActions();
  const enrollment = useEnrollment();
  const methods = usePaymentMethods({ enabled: mode === 'cvv' });
  const id = useId();
  // A plan written inline is a new object on every render of the page: compared by content so that it does not
  // rebuild the schema and re-render every field each time.
  const planKey = JSON.stringify(installmentsProp ?? null);
  const installments = useMemo<CardFormInstallments | undefined>(() => JSON.parse(planKey) ?? undefined, [planKey]);

  const savedMethod =
    mode === 'cvv' ? methods.data?.find((m) => m.vaulted_token && m.vaulted_token === selectedVaultedToken) : undefined;
  const savedBrand = toCardBrand(savedMethod?.card_data?.brand);
  const savedLastFour = savedMethod?.card_data?.lfd ?? undefined;
  const savedLength = savedMethod?.card_data?.security_code_length ?? (savedBrand === 'AMEX' ? 4 : undefined);
  const withDocument = requireDocument ?? DOCUMENT_COUNTRIES.includes(country.toUpperCase());
  const withInstallments = (installments?.plan.length ?? 0) > 0;
  const fields = useMemo(
    () => activeFields(mode, withDocument, withInstallments, allowSaveCard),
    [mode, withDocument, withInstallments, allowSaveCard],
  );
  const documentTypes = useMemo(() => documentTypesFor(country), [country]);
  const resolver = useMemo(
    () =>
      zodResolver(
        createCardFormSchema({
          fields,
          country,
          documentTypes,
          installments,
          savedSecurityCodeLength: mode === 'cvv' ? (savedLength ?? 3) : undefined,
        }),
      ),
    [fields, country, documentTypes, installments, mode, savedLength],
  );
  const form = useForm<CardFormValues>({
    mode: 'onTouched',
    resolver,
    defaultValues: {
      number: '',
      expiry: '',
      securityCode: '',
      holderName: '',
      documentType: documentTypes[0] ?? '',
      documentNumber: '',
      installments: String(installments?.plan[0]?.installment ?? ''),
      saveCard: false,
    },
  });
  const [status, setStatus] = useState<CardFormStatus>('idle');
  const busy = useRef(false);

  const send = async (values: CardFormValues): Promise<Payment | EnrollResult> => {
    const has = (field: CardFormFieldName) => fields.includes(field);
    const customer = has('documentNumber')
      ? { document: { document_type: values.documentType, document_number: values.documentNumber.trim() } }
      : undefined;
    const count = has('installments') ? Number(values.installments) : 0;
    // Yuno identifies the plan by its id; a plan given without one is identified by the chosen count.
    const installment = count ? { id: installments?.plan_id ?? String(count), value: count } : undefined;
    if (mode !== 'enroll') {
      const { error } = checkout.getState();
      if (error && getErrorRecovery(error) === 'new_session') await checkout.retry();
    }
    if (mode === 'cvv') {
      if (!checkout.getState().selectedMethod?.vaultedToken) throw new Error(NO_SAVED_CARD);
      return checkout.pay({ securityCode: values.securityCode.trim(), ...(installment ? { installment } : {}) });
    }
    const expiry = parseCardExpiry(values.expiry)!;
    const card: CardInput = {
      number: values.number.replace(/\D/g, ''),
      expirationMonth: expiry.month,
      // Yuno takes the year as YY.
      expirationYear: expiry.year % 100,
      securityCode: values.securityCode.trim(),
      holderName: values.holderName.trim(),
    };
    if (mode === 'enroll') return enrollment.mutateAsync({ card, ...(customer ? { customer } : {}) });
    const selected = checkout.getState().selectedMethod;
    if (selected?.type !== 'CARD' || selected.vaultedToken) checkout.select({ type: 'CARD', vaultedToken: null });
    return checkout.pay({
      card,
      ...(values.saveCard && has('saveCard') ? { saveCard: true } : {}),
      ...(installment ? { installment } : {}),
      ...(customer ? { customer } : {}),
    });
  };

  const onValid = async (values: CardFormValues) => {
    if (busy.current) return;
    busy.current = true;
    setStatus('pending');
    form.clearErrors('root.server');
    try {
      const result = await send(values);
      // Nothing of the card stays: the inputs, the form's values and its defaults are all empty again.
      form.reset();
      setStatus('success');
      onSuccess?.(result);
    } catch (error) {
      setStatus('error');
      form.setError('root.server', { type: 'server', message: t(serverMessageKey(error)) });
      onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      busy.current = false;
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (busy.current) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(onValid)(event);
  };

  const context = useMemo<CardFormContextValue>(
    () => ({
      form,
      mode,
      id,
      fields,
      documentTypes,
      installments,
      savedCard: mode === 'cvv' ? { brand: savedBrand, lastFour: savedLastFour, length: savedLength } : undefined,
      t,
    }),
    [form, mode, id, fields, documentTypes, installments, savedBrand, savedLastFour, savedLength, t],
  );
  const state: CardFormState = { status, mode };
  return (
    <CardFormContext.Provider value={context}>
      <CardFormStatusContext.Provider value={status}>
        <form
          ref={ref}
          noValidate
          aria-label={t(`cardForm.form.${mode}`)}
          data-status={status}
          data-mode={mode}
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
      </CardFormStatusContext.Provider>
    </CardFormContext.Provider>
  );
});
