import {
  useCallback,
  useMemo,
  useState,
  type ButtonHTMLAttributes,
  type FocusEvent,
  type FormEvent,
  type HTMLAttributes,
  type LabelHTMLAttributes,
  type MouseEvent,
} from 'react';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { securityCodeLength } from '../../card/cardFieldErrors';
import { detectCardBrand, getCardBrandInfo, type CardBrand } from '../../card/detectCardBrand';
import type { SecureFieldsStatus } from '../../react';
import { dataFlag } from '../shared';
import {
  errorText,
  fieldIds,
  fieldMessageValues,
  shownFieldError,
  type CardFormMode,
  type CardFormStatus,
} from './CardFormContext';
import { inputAttributes, inputControlProps, secureContainerProps, selectOptions } from './CardFormControl';
import type { CardFormFieldName, CardFormValues } from './cardFormSchema';
import { isCardDataField, type CardDataFieldName, type CardInstallmentPlan } from './secureCardFields';
import {
  useCardFormEngine,
  type CardFormCardFields,
  type CardFormEngine,
  type UseCardFormOptions,
} from './useCardFormEngine';

/**
 * What {@link useCardForm} says of one field. Card fields in Secure Fields report what their frame said (never the
 * value); the page's fields what the form's schema says of their value.
 *
 * @example
 * ```tsx
 * const { fields } = useCardForm();
 * const state: CardFormFieldStatus = fields.number;
 * ```
 */
export interface CardFormFieldStatus {
  /** On screen in this mode and with these options. */
  isActive: boolean;
  isDirty: boolean;
  isValid: boolean;
  isFocused: boolean;
  /** The error to show, in the provider's language (after the shopper left the field or submitted), or undefined. */
  error: string | undefined;
  /** The field's label, in the provider's language. */
  label: string;
  /** The field's hint (MM/YY, the security code's digits), or undefined. */
  hint: string | undefined;
}

/** One entry of the error summary: what to fix, and a way to go there. */
export interface CardFormSummaryEntry {
  name: CardFormFieldName;
  message: string;
  /** Focuses the field (its frame, for card fields in Secure Fields). */
  focus: () => void;
}

/**
 * What {@link useCardForm} returns: the form's state and prop getters for a layout of your own.
 *
 * @example
 * ```tsx
 * const { getFormProps, getSecureFieldProps, getSubmitProps, fields }: UseCardFormResult = useCardForm();
 * ```
 */
export interface UseCardFormResult {
  mode: CardFormMode;
  /** Where the card's data is typed: `secure` (Secure Fields: use `getSecureFieldProps`) or `raw` (inputs). */
  cardFields: CardFormCardFields;
  /** The Secure Fields session: `loading`, `ready`, `unavailable` (raw inputs, or no frames offered), `error`. */
  secureFieldsStatus: SecureFieldsStatus;
  status: CardFormStatus;
  isSubmitting: boolean;
  /** Every active field is valid: frames by their events, page fields by the form's schema. */
  isComplete: boolean;
  /** The fields on screen, in order. */
  activeFields: readonly CardFormFieldName[];
  fields: Record<CardFormFieldName, CardFormFieldStatus>;
  /** The card's brand (from the number's frame with Secure Fields, from the digits typed otherwise). */
  brand: CardBrand | undefined;
  /** "Card brand: Visa", for a polite live region next to the number. */
  brandLabel: string | undefined;
  /** The card's IIN, as the number's frame reported it (Secure Fields only). */
  iin: string | null;
  /** The installment plans Yuno gave for the card, from the number's frame (Secure Fields only). */
  installmentPlans: readonly CardInstallmentPlan[];
  /** The options of the `<select>`s: document types and installments, labelled. */
  options: {
    documentType: ReadonlyArray<{ value: string; label: string }>;
    installments: ReadonlyArray<{ value: string; label: string }>;
  };
  alerts: {
    /** After a submit with invalid fields, what to fix, in the form's order; empty otherwise. */
    errorSummary: readonly CardFormSummaryEntry[];
    /** The summary's title. */
    errorSummaryTitle: string;
    /** Why the card could not be sent (the form's `role="alert"`), or null. */
    server: string | null;
    /** The polite status (processing, saved), or null. */
    status: string | null;
  };
  /** The text of the submit button for the form's mode and status. */
  submitLabel: string;
  /** The react-hook-form instance of the page's fields (never holds card data with Secure Fields). */
  form: UseFormReturn<CardFormValues>;
  /** Submits as the form's submit would (validates the frames and the page's fields, then pays or saves). */
  submit: () => void;
  getFormProps: () => CardFormFormProps;
  /** Props of a page field's `<input>` or `<select>` (and of raw card inputs). Card fields in Secure Fields have no input: use {@link UseCardFormResult.getSecureFieldProps}. */
  getFieldProps: (name: CardFormFieldName) => CardFormInputProps;
  getLabelProps: (name: CardFormFieldName) => LabelHTMLAttributes<HTMLLabelElement>;
  getErrorProps: (
    name: CardFormFieldName,
  ) => HTMLAttributes<HTMLElement> & { ref: (element: HTMLElement | null) => void };
  getHintProps: (
    name: CardFormFieldName,
  ) => HTMLAttributes<HTMLElement> & { ref: (element: HTMLElement | null) => void };
  /** Props of the brand's live region, next to the number. */
  getBrandProps: () => HTMLAttributes<HTMLElement> & { ref: (element: HTMLElement | null) => void };
  /** Props of the element a card field's frame mounts into (Secure Fields). */
  getSecureFieldProps: (name: CardDataFieldName) => CardFormSecureFieldProps;
  getSubmitProps: () => ButtonHTMLAttributes<HTMLButtonElement>;
}

/** What `getFormProps()` gives the `<form>`. */
export interface CardFormFormProps {
  noValidate: true;
  'aria-label': string;
  'data-status': CardFormStatus;
  'data-mode': CardFormMode;
  'data-card-fields': CardFormCardFields;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** What `getFieldProps(name)` gives an `<input>` or `<select>`. */
export type CardFormInputProps = ReturnType<typeof inputControlProps> & {
  type?: string | undefined;
  maxLength?: number | undefined;
  inputMode?: HTMLAttributes<HTMLElement>['inputMode'];
  autoComplete?: string | undefined;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
};

/** What `getSecureFieldProps(name)` gives the element a frame mounts into. */
export type CardFormSecureFieldProps = ReturnType<typeof secureContainerProps<HTMLElement>>;

/**
 * The card form without its markup, for a layout of your own: the same fields, validation and submit as `<CardForm>`
 * (which is built on it). With Secure Fields (the default when the tokenizer offers them) the number, expiry and
 * security code are frames of Yuno's Web SDK mounted into the elements you spread `getSecureFieldProps(name)` on: card
 * data never reaches your page. Spread `getLabelProps`, `getHintProps`, `getErrorProps` on your label, hint and error
 * elements: the frame's container is named and described by them (`aria-labelledby`, `aria-describedby`). The holder
 * name, document, installments and save-card checkbox are your inputs with `getFieldProps(name)` (react-hook-form and
 * zod). `getSubmitProps()` goes on the submit button; submit validates the frames, focuses the first invalid field and
 * pays (or saves). With `cardFields: 'raw'` the card fields are inputs too (`getFieldProps`): your page then handles card
 * data (PCI DSS SAQ A-EP or D).
 *
 * @example
 * ```tsx
 * function MyCardForm() {
 *   const card = useCardForm({ onSuccess: (payment) => showReceipt(payment.id) });
 *   return (
 *     <form {...card.getFormProps()}>
 *       <label {...card.getLabelProps('number')}>{card.fields.number.label}</label>
 *       <div {...card.getSecureFieldProps('number')} className="frame" />
 *       <p {...card.getErrorProps('number')}>{card.fields.number.error}</p>
 *       <label {...card.getLabelProps('holderName')}>{card.fields.holderName.label}</label>
 *       <input {...card.getFieldProps('holderName')} />
 *       <p {...card.getErrorProps('holderName')}>{card.fields.holderName.error}</p>
 *       <button {...card.getSubmitProps()}>{card.submitLabel}</button>
 *     </form>
 *   );
 * }
 * ```
 */
export function useCardForm(options: UseCardFormOptions = {}): UseCardFormResult {
  const engine = useCardFormEngine(options);
  return useCardFormResult(engine);
}

const ALL_FIELDS: readonly CardFormFieldName[] = [
  'number',
  'expiry',
  'securityCode',
  'holderName',
  'documentType',
  'documentNumber',
  'installments',
  'saveCard',
];

function useCardFormResult(engine: CardFormEngine): UseCardFormResult {
  const { context: cf, secureState, status, onSubmit, schema } = engine;
  const { form, t, mode, id } = cf;
  const formState = useFormState({ control: form.control });
  const values = useWatch({ control: form.control }) as CardFormValues;
  const [focused, setFocused] = useState<CardFormFieldName | null>(null);
  const [parts, setParts] = useState<ReadonlySet<string>>(() => new Set());
  const inFrames = cf.cardFields === 'secure';
  const submitted = formState.submitCount > 0;

  // Ref callbacks, one per part and field, that record which parts are on screen (so ARIA names only those).
  const partRefs = useMemo(() => {
    const make = (key: string) => (element: HTMLElement | null) =>
      setParts((current) => {
        if (current.has(key) === !!element) return current;
        const next = new Set(current);
        if (element) next.add(key);
        else next.delete(key);
        return next;
      });
    const refs: Record<string, (element: HTMLElement | null) => void> = { 'brand:number': make('brand:number') };
    for (const name of ALL_FIELDS) {
      refs[`hint:${name}`] = make(`hint:${name}`);
      refs[`error:${name}`] = make(`error:${name}`);
    }
    return refs;
  }, []);

  const brand = inFrames ? secureState.brand : detectCardBrand(values.number ?? '');
  const issues = useMemo(() => {
    const parsed = schema.safeParse(values);
    const failed = new Set<string>();
    if (!parsed.success) for (const issue of parsed.error.issues) failed.add(String(issue.path[0]));
    return failed;
  }, [schema, values]);

  const fields = {} as Record<CardFormFieldName, CardFormFieldStatus>;
  for (const name of ALL_FIELDS) {
    const isActive = cf.fields.includes(name);
    const messageValues = fieldMessageValues(cf, name, {
      number: values.number ?? '',
      documentType: values.documentType ?? '',
      brand: inFrames ? secureState.brand : undefined,
    });
    const code = shownFieldError(cf, secureState, name, formState.errors[name]?.message, submitted);
    const frame = inFrames && isCardDataField(name) ? secureState.fields[name] : undefined;
    const lastFour = cf.savedCard?.lastFour;
    fields[name] = {
      isActive,
      isDirty: frame ? frame.isDirty : !!formState.dirtyFields[name],
      isValid: frame ? frame.isValid : isActive && !issues.has(name),
      isFocused: frame ? frame.isFocused : focused === name,
      error: code ? errorText(t, code, messageValues) : undefined,
      label: t(`cardForm.${name}.label`),
      hint:
        name === 'expiry'
          ? t('cardForm.expiry.hint')
          : name === 'securityCode'
            ? lastFour
              ? t('cardForm.securityCode.savedHint', { ...messageValues, lastFour })
              : t('cardForm.securityCode.hint', messageValues)
            : undefined,
    };
  }

  const describedBy = (name: CardFormFieldName) => {
    const ids = fieldIds(id, name);
    const list = [
      parts.has(`hint:${name}`) && ids.hint,
      name === 'number' && parts.has('brand:number') && brand && ids.brand,
      parts.has(`error:${name}`) && fields[name].error && ids.error,
    ].filter(Boolean);
    return list.length ? list.join(' ') : undefined;
  };

  const errorSummary = submitted
    ? cf.fields
        .filter((name) => fields[name].error)
        .map((name) => ({ name, message: fields[name].error!, focus: () => cf.secure.focus(name) }))
    : [];
  const pending = status === 'pending';
  const isComplete = cf.fields.every((name) => fields[name].isValid);
  const codeLength = inFrames ? securityCodeLength(secureState.brand) : securityCodeLength(brand);

  const submit = useCallback(() => onSubmit(), [onSubmit]);
  const onFocusField = (name: CardFormFieldName) => () => setFocused(name);
  const onBlurField = (name: CardFormFieldName) => () => setFocused((current) => (current === name ? null : current));

  return {
    mode,
    cardFields: cf.cardFields,
    secureFieldsStatus: cf.secure.status,
    status,
    isSubmitting: pending,
    isComplete,
    activeFields: cf.fields,
    fields,
    brand,
    brandLabel: brand ? t('cardForm.number.brand', { brand: getCardBrandInfo(brand).name }) : undefined,
    iin: inFrames ? secureState.iin : null,
    installmentPlans: inFrames ? secureState.plans : [],
    options: { documentType: selectOptions(cf, 'documentType'), installments: selectOptions(cf, 'installments') },
    alerts: {
      errorSummary,
      errorSummaryTitle: t('cardForm.errorSummary.title'),
      server: formState.errors.root?.server?.message ?? null,
      status: pending
        ? t('cardForm.status.pending')
        : status === 'success' && mode === 'enroll'
          ? t('cardForm.status.enrolled')
          : null,
    },
    submitLabel: pending
      ? t('cardForm.submit.pending')
      : t(mode === 'enroll' ? 'cardForm.submit.enroll' : 'cardForm.submit.pay'),
    form,
    submit,
    getFormProps: () => ({
      noValidate: true,
      'aria-label': t(`cardForm.form.${mode}`),
      'data-status': status,
      'data-mode': mode,
      'data-card-fields': cf.cardFields,
      onSubmit,
    }),
    getFieldProps: (name) => {
      if (inFrames && isCardDataField(name)) {
        throw new Error(
          `useCardForm: ${name} is a Secure Field here; spread getSecureFieldProps('${name}') on its container`,
        );
      }
      const ids = fieldIds(id, name);
      const control = inputControlProps(
        cf,
        name,
        { id: ids.control, invalid: !!fields[name].error, describedBy: describedBy(name), codeLength },
        { onBlur: onBlurField(name) },
      );
      const isSelect = name === 'documentType' || name === 'installments';
      return { ...(isSelect ? {} : inputAttributes(name, codeLength)), ...control, onFocus: onFocusField(name) };
    },
    getLabelProps: (name) => {
      const ids = fieldIds(id, name);
      if (inFrames && isCardDataField(name)) {
        return {
          id: ids.label,
          onClick: (event: MouseEvent<HTMLLabelElement>) => {
            event.preventDefault();
            cf.secure.focus(name);
          },
        };
      }
      return { id: ids.label, htmlFor: ids.control };
    },
    getErrorProps: (name) => ({
      id: fieldIds(id, name).error,
      ref: partRefs[`error:${name}`]!,
      'data-invalid': dataFlag(!!fields[name].error),
    }),
    getHintProps: (name) => ({ id: fieldIds(id, name).hint, ref: partRefs[`hint:${name}`]! }),
    getBrandProps: () => ({
      id: fieldIds(id, 'number').brand,
      ref: partRefs['brand:number']!,
      'aria-live': 'polite',
      'data-brand': brand,
    }),
    getSecureFieldProps: (name) => {
      const ids = fieldIds(id, name);
      return secureContainerProps<HTMLElement>(cf.secure.status, secureState.fields[name], {
        ref: cf.secure.containerRef(name),
        id: ids.control,
        labelledBy: ids.label,
        describedBy: describedBy(name),
        invalid: !!fields[name].error,
      });
    },
    getSubmitProps: () => ({
      type: 'submit',
      'aria-disabled': pending || undefined,
      'aria-busy': pending || undefined,
      'data-status': status,
      onClick: (event: MouseEvent<HTMLButtonElement>) => {
        if (pending) event.preventDefault();
      },
    }),
  };
}
