import { zodResolver } from '@hookform/resolvers/zod';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type MutableRefObject,
  type RefCallback,
} from 'react';
import { useForm } from 'react-hook-form';
import { parseCardExpiry } from '../../card/cardExpiry';
import { DOCUMENT_COUNTRIES, documentTypesFor } from '../../card/validateDocument';
import { getErrorRecovery, isYunoError, YunoError, type Payment, type YunoErrorRecovery } from '../../core';
import {
  useCheckoutActions,
  useCheckoutSelector,
  useEnrollment,
  useMessages,
  usePaymentMethods,
  useSecureFields,
  useYunoLanguage,
  type CardInput,
  type CheckoutState,
  type EnrollResult,
  type SecureField,
  type SecureFieldsSession,
  type SecureFieldsStatus,
} from '../../react';
import type { CardFormContextValue, CardFormMode, CardFormStatus } from './CardFormContext';
import { cardFormMessages, type CardFormMessageKey } from './cardFormMessages';
import {
  createCardFormSchema,
  type CardFormFieldName,
  type CardFormInstallments,
  type CardFormValues,
} from './cardFormSchema';
import {
  applyChange,
  CARD_DATA_FIELDS,
  INITIAL_SECURE_FIELD,
  INITIAL_SECURE_STATE,
  isCardDataField,
  patchField,
  SECURE_FIELD_NAMES,
  toCardBrand,
  type CardDataFieldName,
  type SecureFormState,
} from './secureCardFields';

/**
 * Where the card's number, expiry and security code are typed: `secure`, in Yuno's Secure Fields (iframes of Yuno's Web
 * SDK mounted in the form: card data never reaches the merchant's page, which keeps it in PCI DSS SAQ A), or `raw`, in
 * the form's own inputs (the page reads the card data: SAQ A-EP, or SAQ D when the merchant's server receives it, as
 * with the server tokenizer).
 *
 * @example
 * ```tsx
 * <CardForm cardFields="raw" />
 * ```
 */
export type CardFormCardFields = 'secure' | 'raw';

/**
 * Options of {@link useCardForm}, and props of `<CardForm>` besides those of the `<form>`.
 *
 * @example
 * ```ts
 * const options: UseCardFormOptions = { mode: 'pay', allowSaveCard: true, onSuccess: (payment) => showReceipt(payment) };
 * ```
 */
export interface UseCardFormOptions {
  /** `pay` a new card, confirm the `cvv` of the selected saved card, or `enroll` (save) a card. @default 'pay' */
  mode?: CardFormMode;
  /**
   * Where the card data is typed. `secure`: Yuno's Secure Fields (iframes; the page never sees the card). `raw`: the
   * form's own inputs, so the merchant's page handles card data and its PCI DSS scope grows from SAQ A to SAQ A-EP (or
   * SAQ D when the card goes through the merchant's server): choose it only on purpose. With `secure` and a tokenizer
   * that offers no Secure Fields, the form says card payments are unavailable; it never falls back to inputs.
   * @default 'secure' when the provider's tokenizer offers Secure Fields (Yuno's Web SDK), 'raw' otherwise (the server
   * tokenizer, which a merchant handling card data chose)
   */
  cardFields?: CardFormCardFields;
  /**
   * Ask for the shopper's document (type and number, validated). @default true in Brazil, Colombia, Argentina, Chile
   * and Mexico (the provider's `countryCode`), false elsewhere
   */
  requireDocument?: boolean;
  /**
   * An installment plan to choose from, as the checkout session carries it (`installments`). With Secure Fields the
   * plans Yuno gives for the typed card (from its IIN) replace it once the number field reports them.
   */
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

function activeFields(mode: CardFormMode, document: boolean, installments: boolean, saveCard: boolean) {
  const fields: CardFormFieldName[] =
    mode === 'cvv' ? ['securityCode'] : ['number', 'expiry', 'securityCode', 'holderName'];
  if (document && mode !== 'cvv') fields.push('documentType', 'documentNumber');
  if (installments && mode !== 'enroll') fields.push('installments');
  if (saveCard && mode === 'pay') fields.push('saveCard');
  return fields;
}

/** What the Secure Fields side of the form gives its parts. */
export interface CardFormSecureApi {
  status: SecureFieldsStatus;
  session: SecureFieldsSession | null;
  /** The ref of the element a field's frame mounts into. */
  containerRef: (name: CardDataFieldName) => RefCallback<HTMLElement>;
  focus: (name: CardFormFieldName) => void;
}

/** The form's engine: everything `<CardForm>` and {@link useCardForm} share. */
export interface CardFormEngine {
  context: CardFormContextValue;
  secureState: SecureFormState;
  status: CardFormStatus;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The schema of the page's fields. */
  schema: ReturnType<typeof createCardFormSchema>;
}

const NOT_READY = 'The card fields are not ready yet';

function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** Creates one field of the session in its container and removes it on cleanup (StrictMode's double mount included). */
function useMountedField(
  session: SecureFieldsSession | null,
  name: CardDataFieldName,
  element: HTMLElement | undefined,
  label: string,
  handles: Map<CardDataFieldName, SecureField>,
  setSecure: (update: (state: SecureFormState) => SecureFormState) => void,
) {
  useEffect(() => {
    if (!session || !element) return;
    const field = session.create(SECURE_FIELD_NAMES[name], {
      label,
      showError: false,
      onChange: (change) => setSecure((state) => applyChange(state, name, change)),
      onFocus: () => setSecure((state) => patchField(state, name, { isFocused: true })),
      onBlur: () => setSecure((state) => patchField(state, name, { isFocused: false, isTouched: true })),
      onReady: () => setSecure((state) => patchField(state, name, { isReady: true })),
    });
    field.mount(element);
    handles.set(name, field);
    return () => {
      field.unmount();
      if (handles.get(name) === field) handles.delete(name);
      // A frame made again starts empty: what the removed one reported goes with it.
      setSecure((state) => ({
        ...patchField(state, name, INITIAL_SECURE_FIELD),
        ...(name === 'number' ? { brand: undefined, iin: null, plans: [] } : {}),
      }));
    };
  }, [session, name, element, label, handles, setSecure]);
}

export function useCardFormEngine(options: UseCardFormOptions): CardFormEngine {
  const {
    mode = 'pay',
    cardFields: cardFieldsOption,
    requireDocument,
    installments: installmentsProp,
    allowSaveCard = false,
  } = options;
  const callbacks = useLatest({ onSuccess: options.onSuccess, onError: options.onError });
  const t = useMessages(cardFormMessages);
  const language = useYunoLanguage();
  const country = useCheckoutSelector(selectCountryCode);
  const selectedVaultedToken = useCheckoutSelector(selectVaultedToken);
  const checkout = useCheckoutActions();
  const enrollment = useEnrollment();
  const methods = usePaymentMethods({ enabled: mode === 'cvv' });
  const id = useId();

  const secure = useSecureFields({ mode, installments: mode === 'pay', enabled: cardFieldsOption !== 'raw' });
  const cardFields: CardFormCardFields = cardFieldsOption ?? (secure.status === 'unavailable' ? 'raw' : 'secure');
  const inFrames = cardFields === 'secure';
  const [secureState, setSecureState] = useState<SecureFormState>(INITIAL_SECURE_STATE);
  // The mounted fields, by name: what submit validates and the summary's links focus.
  const [handles] = useState(() => new Map<CardDataFieldName, SecureField>());
  const [containers, setContainers] = useState<Partial<Record<CardDataFieldName, HTMLElement>>>({});
  const containerRefs = useMemo(() => {
    const make =
      (name: CardDataFieldName): RefCallback<HTMLElement> =>
      (element) =>
        setContainers((current) =>
          current[name] === (element ?? undefined) ? current : { ...current, [name]: element ?? undefined },
        );
    return { number: make('number'), expiry: make('expiry'), securityCode: make('securityCode') };
  }, []);
  const session = inFrames ? secure.session : null;
  useMountedField(session, 'number', containers.number, t('cardForm.number.label'), handles, setSecureState);
  useMountedField(session, 'expiry', containers.expiry, t('cardForm.expiry.label'), handles, setSecureState);
  useMountedField(
    session,
    'securityCode',
    containers.securityCode,
    t('cardForm.securityCode.label'),
    handles,
    setSecureState,
  );

  // A plan written inline is a new object on every render of the page: compared by content so that it does not
  // rebuild the schema and re-render every field each time.
  const planKey = JSON.stringify(installmentsProp ?? null);
  const staticInstallments = useMemo<CardFormInstallments | undefined>(
    () => JSON.parse(planKey) ?? undefined,
    [planKey],
  );
  const cardPlans = inFrames ? secureState.plans : [];
  const cardPlansKey = JSON.stringify(cardPlans);
  const installments = useMemo<CardFormInstallments | undefined>(() => {
    const plans = JSON.parse(cardPlansKey) as SecureFormState['plans'];
    if (!plans.length) return staticInstallments;
    return { plan_id: null, plan: plans.map((plan) => ({ installment: plan.installment, rate: 0 })) };
  }, [cardPlansKey, staticInstallments]);
  const installmentOptions = useMemo(() => {
    const plans = JSON.parse(cardPlansKey) as SecureFormState['plans'];
    const money = (amount: { currency: string; value: number }) =>
      new Intl.NumberFormat(language, { style: 'currency', currency: amount.currency }).format(amount.value);
    if (plans.length) {
      return plans.map(({ installment: count, amount }) => ({
        value: String(count),
        label:
          count === 1
            ? t('cardForm.installments.single')
            : amount
              ? t('cardForm.installments.amount', { count, amount: money(amount) })
              : t('cardForm.installments.count', { count }),
      }));
    }
    return (staticInstallments?.plan ?? []).map(({ installment: count, rate }) => ({
      value: String(count),
      label:
        count === 1
          ? t('cardForm.installments.single')
          : t(rate ? 'cardForm.installments.withInterest' : 'cardForm.installments.noInterest', { count, rate }),
    }));
  }, [cardPlansKey, staticInstallments, language, t]);

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
  const schema = useMemo(
    () =>
      createCardFormSchema({
        // The frames check the card's own fields.
        fields: inFrames ? fields.filter((name) => !isCardDataField(name)) : fields,
        country,
        documentTypes,
        installments,
        savedSecurityCodeLength: mode === 'cvv' ? (savedLength ?? 3) : undefined,
      }),
    [inFrames, fields, country, documentTypes, installments, mode, savedLength],
  );
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const form = useForm<CardFormValues>({
    mode: 'onTouched',
    resolver,
    // With frames the form focuses the first invalid field itself, in the order of the form, frames included.
    shouldFocusError: !inFrames,
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
  // The card's own plans replace the chosen count when it is not one of them.
  useEffect(() => {
    const first = installments?.plan[0]?.installment;
    const offered = installments?.plan.some((o) => String(o.installment) === form.getValues('installments'));
    if (first !== undefined && !offered) form.setValue('installments', String(first));
  }, [installments, form]);

  // Frames that cannot load leave nothing to type the card in: the form's alert says so.
  const framesDown = inFrames && (secure.status === 'error' || secure.status === 'unavailable');
  useEffect(() => {
    if (framesDown) form.setError('root.server', { type: 'server', message: t('cardForm.server.unavailable') });
  }, [framesDown, form, t]);

  const [status, setStatus] = useState<CardFormStatus>('idle');
  const busy = useRef(false);
  const activeFrames = useMemo(() => (inFrames ? fields.filter(isCardDataField) : []), [inFrames, fields]);

  const focusField = useCallback(
    (name: CardFormFieldName) => {
      if (inFrames && isCardDataField(name)) {
        handles.get(name)?.focus();
        return;
      }
      document.getElementById(`${id}-${name}`)?.focus();
    },
    [inFrames, id, handles],
  );

  const send = async (values: CardFormValues): Promise<Payment | EnrollResult> => {
    const has = (field: CardFormFieldName) => fields.includes(field);
    const customer = has('documentNumber')
      ? { document: { document_type: values.documentType, document_number: values.documentNumber.trim() } }
      : undefined;
    const count = has('installments') ? Number(values.installments) : 0;
    // Yuno identifies the plan by its id (the card's plans each have one); a plan given without one is identified by
    // the chosen count.
    const cardPlan = cardPlans.find((plan) => plan.installment === count);
    const installment = count
      ? { id: cardPlan?.id ?? staticInstallments?.plan_id ?? String(count), value: count }
      : undefined;
    if (mode !== 'enroll') {
      const { error } = checkout.getState();
      if (error && getErrorRecovery(error) === 'new_session') await checkout.retry();
    }
    const fieldsSession = inFrames ? secure.session : null;
    if (inFrames && !fieldsSession) {
      throw secure.error ?? new YunoError({ kind: 'sdk', message: NOT_READY });
    }
    if (mode === 'cvv') {
      if (!checkout.getState().selectedMethod?.vaultedToken) throw new Error(NO_SAVED_CARD);
      if (fieldsSession) return checkout.pay({ secureFields: fieldsSession, ...(installment ? { installment } : {}) });
      return checkout.pay({ securityCode: values.securityCode.trim(), ...(installment ? { installment } : {}) });
    }
    const holderName = values.holderName.trim();
    if (mode === 'enroll') {
      if (fieldsSession) {
        return enrollment.mutateAsync({ secureFields: fieldsSession, holderName, ...(customer ? { customer } : {}) });
      }
    }
    let card: CardInput | undefined;
    if (!fieldsSession) {
      const expiry = parseCardExpiry(values.expiry)!;
      card = {
        number: values.number.replace(/\D/g, ''),
        expirationMonth: expiry.month,
        // Yuno takes the year as YY.
        expirationYear: expiry.year % 100,
        securityCode: values.securityCode.trim(),
        holderName,
      };
    }
    if (mode === 'enroll') return enrollment.mutateAsync({ card: card!, ...(customer ? { customer } : {}) });
    const selected = checkout.getState().selectedMethod;
    if (selected?.type !== 'CARD' || selected.vaultedToken) checkout.select({ type: 'CARD', vaultedToken: null });
    return checkout.pay({
      ...(fieldsSession ? { secureFields: fieldsSession, holderName } : { card: card! }),
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
      // Nothing of the card stays: the inputs (or frames), the form's values and its defaults are all empty again.
      form.reset();
      for (const name of CARD_DATA_FIELDS) handles.get(name)?.clearValue();
      setSecureState((state) => ({
        ...INITIAL_SECURE_STATE,
        fields: {
          number: { ...INITIAL_SECURE_STATE.fields.number, isReady: state.fields.number.isReady },
          expiry: { ...INITIAL_SECURE_STATE.fields.expiry, isReady: state.fields.expiry.isReady },
          securityCode: { ...INITIAL_SECURE_STATE.fields.securityCode, isReady: state.fields.securityCode.isReady },
        },
      }));
      setStatus('success');
      callbacks.current.onSuccess?.(result);
    } catch (error) {
      setStatus('error');
      form.setError('root.server', { type: 'server', message: t(serverMessageKey(error)) });
      callbacks.current.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      busy.current = false;
    }
  };

  /** Validates every frame; the invalid ones show their error (as after a blur). */
  const validateFrames = async (): Promise<CardDataFieldName[]> => {
    const results = await Promise.all(
      activeFrames.map(async (name) => {
        const field = handles.get(name);
        if (!field) return false;
        try {
          return await field.validate();
        } catch {
          return false;
        }
      }),
    );
    const invalid = activeFrames.filter((_, index) => !results[index]);
    setSecureState((state) => {
      let next = state;
      for (const name of activeFrames) {
        const field = next.fields[name];
        const valid = !invalid.includes(name);
        next = patchField(next, name, {
          isTouched: true,
          isValid: valid,
          code: valid ? null : (field.code ?? (field.isDirty ? 'invalid' : 'required')),
        });
      }
      return next;
    });
    return invalid;
  };

  const focusFirstInvalid = (invalid: ReadonlyArray<string>) => {
    const first = fields.find((name) => invalid.includes(name));
    if (first) focusField(first);
  };

  const onSubmit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (busy.current) return;
    if (!inFrames) {
      void form.handleSubmit(onValid)(event);
      return;
    }
    void (async () => {
      const invalidFrames = await validateFrames();
      await form.handleSubmit(
        async (values) => {
          if (invalidFrames.length) {
            focusFirstInvalid(invalidFrames);
            return;
          }
          await onValid(values);
        },
        (errors) => focusFirstInvalid([...invalidFrames, ...Object.keys(errors)]),
      )();
    })();
  };

  const secureApi = useMemo<CardFormSecureApi>(
    () => ({
      status: inFrames ? secure.status : 'unavailable',
      session,
      containerRef: (name) => containerRefs[name],
      focus: focusField,
    }),
    [inFrames, secure.status, session, containerRefs, focusField],
  );

  const context = useMemo<CardFormContextValue>(
    () => ({
      form,
      mode,
      id,
      fields,
      documentTypes,
      installments,
      installmentOptions,
      savedCard: mode === 'cvv' ? { brand: savedBrand, lastFour: savedLastFour, length: savedLength } : undefined,
      cardFields,
      secure: secureApi,
      t,
    }),
    [
      form,
      mode,
      id,
      fields,
      documentTypes,
      installments,
      installmentOptions,
      savedBrand,
      savedLastFour,
      savedLength,
      cardFields,
      secureApi,
      t,
    ],
  );
  return { context, secureState, status, onSubmit, schema };
}
