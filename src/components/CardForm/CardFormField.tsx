import {
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type HTMLAttributes,
  type LabelHTMLAttributes,
  type ReactNode,
} from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import { securityCodeLength } from '../../card/cardFieldErrors';
import { detectCardBrand, getCardBrandInfo, type CardBrand } from '../../card/detectCardBrand';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import {
  CardFormFieldContext,
  CardFormSecureStateContext,
  errorText,
  shownFieldError,
  fieldIds,
  fieldMessageValues,
  useCardFormContext,
  useCardFormFieldContext,
  type CardFormFieldContextValue,
  type CardFormFieldPart,
} from './CardFormContext';
import { CardFormControl } from './CardFormControl';
import type { CardFormFieldName } from './cardFormSchema';
import { isCardDataField } from './secureCardFields';

/**
 * State of a field, given to `className` functions.
 *
 * @example
 * ```tsx
 * <CardFormField name="number" className={({ invalid }) => (invalid ? 'field field--invalid' : 'field')} />
 * ```
 */
export interface CardFormFieldState {
  name: CardFormFieldName;
  invalid: boolean;
  /** The number's brand, on the number field. */
  brand: CardBrand | undefined;
}

/**
 * Props of {@link CardFormField}. Other props go to the `<div>`.
 *
 * @example
 * ```tsx
 * const props: CardFormFieldProps = { name: 'securityCode', className: 'field' };
 * ```
 */
export interface CardFormFieldProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className'> {
  name: CardFormFieldName;
  className?: ClassNameProp<CardFormFieldState>;
  /** @default the field's label, control, hint or brand, and error */
  children?: ReactNode;
}

/** What a field re-renders for while another field is typed in: only the number's brand, the code's length, the document type. */
function derive(name: CardFormFieldName, watched: string | undefined): string | number | undefined {
  if (name === 'number') return detectCardBrand(watched ?? '');
  if (name === 'securityCode') return securityCodeLength(detectCardBrand(watched ?? ''));
  return name === 'documentNumber' ? watched : undefined;
}

function defaultParts(name: CardFormFieldName): ReactNode {
  if (name === 'saveCard') {
    return (
      <>
        <CardFormControl />
        <CardFormLabel />
      </>
    );
  }
  return (
    <>
      <CardFormLabel />
      <CardFormControl />
      {name === 'number' ? <CardFormBrand /> : null}
      {name === 'expiry' || name === 'securityCode' ? <CardFormHint /> : null}
      <CardFormError />
    </>
  );
}

/**
 * One field of the form: a `<div>` around its label, control, hint and error, with `data-field`, `data-invalid` and,
 * on the number, `data-brand="VISA"`. A field the form's mode or settings leave out renders nothing.
 *
 * @example
 * ```tsx
 * <CardForm>
 *   <CardFormField name="number" />
 *   <CardFormField name="expiry">
 *     <CardFormLabel>Valid thru</CardFormLabel>
 *     <CardFormControl />
 *     <CardFormError />
 *   </CardFormField>
 *   <CardFormSubmit />
 * </CardForm>
 * ```
 */
export const CardFormField = forwardRef<HTMLDivElement, CardFormFieldProps>(function CardFormField(props, ref) {
  const { name, className, children, ...rest } = props;
  const cf = useCardFormContext('CardFormField');
  const { control } = cf.form;
  const { errors, submitCount } = useFormState({ control, name });
  const secure = useContext(CardFormSecureStateContext);
  const error = shownFieldError(cf, secure, name, errors[name]?.message, submitCount > 0);
  const watched = useWatch({
    control,
    name: name === 'documentNumber' ? 'documentType' : 'number',
    compute: (value: string) => derive(name, value),
  });
  const [parts, setParts] = useState<ReadonlySet<CardFormFieldPart>>(() => new Set());
  const registerPart = useCallback((part: CardFormFieldPart) => {
    setParts((current) => new Set(current).add(part));
    return () =>
      setParts((current) => {
        const next = new Set(current);
        next.delete(part);
        return next;
      });
  }, []);
  const inFrames = cf.cardFields === 'secure';
  const brand = name === 'number' ? (inFrames ? secure.brand : (watched as CardBrand | undefined)) : undefined;
  // The security code's length follows the brand the number's frame reports.
  const frameBrand = inFrames && name === 'securityCode' ? secure.brand : undefined;
  const context = useMemo<CardFormFieldContextValue>(() => {
    const ids = fieldIds(cf.id, name);
    const values = fieldMessageValues(cf, name, {
      number: cf.form.getValues('number'),
      documentType: String(watched ?? ''),
      brand: frameBrand,
    });
    const describedBy = [
      parts.has('hint') && ids.hint,
      parts.has('brand') && brand && ids.brand,
      parts.has('error') && error && ids.error,
    ].filter(Boolean);
    return {
      name,
      ids,
      error,
      values,
      brand,
      describedBy: describedBy.length ? describedBy.join(' ') : undefined,
      registerPart,
    };
    // `watched` stands for the values read through getValues: the code's length, the document type.
  }, [cf, name, error, watched, brand, frameBrand, parts, registerPart]);
  if (!cf.fields.includes(name)) return null;
  return (
    <CardFormFieldContext.Provider value={context}>
      <div
        ref={ref}
        data-field={name}
        data-invalid={dataFlag(!!error)}
        data-brand={brand}
        className={resolveClassName(className, { name, invalid: !!error, brand })}
        {...rest}
      >
        {children ?? defaultParts(name)}
      </div>
    </CardFormFieldContext.Provider>
  );
});

function usePart(part: CardFormFieldPart, field: CardFormFieldContextValue) {
  const { registerPart } = field;
  useEffect(() => registerPart(part), [registerPart, part]);
}

/**
 * Props of {@link CardFormLabel}. Other props go to the `<label>`.
 *
 * @example
 * ```tsx
 * const props: CardFormLabelProps = { className: 'label' };
 * ```
 */
export interface CardFormLabelProps extends LabelHTMLAttributes<HTMLLabelElement> {
  /** @default the field's label in the provider's language */
  children?: ReactNode;
}

/**
 * The field's `<label>`, tied to its control: `htmlFor` an input of the page, or, for a card field in Secure Fields,
 * naming the frame's container (`aria-labelledby`) and focusing the frame when clicked.
 *
 * @example
 * ```tsx
 * <CardFormField name="holderName"><CardFormLabel>Cardholder</CardFormLabel><CardFormControl /></CardFormField>
 * ```
 */
export const CardFormLabel = forwardRef<HTMLLabelElement, CardFormLabelProps>(function CardFormLabel(props, ref) {
  const { children, ...rest } = props;
  const { t, cardFields, secure } = useCardFormContext('CardFormLabel');
  const field = useCardFormFieldContext('CardFormLabel');
  // A frame's container is no labelable element: a click on the label focuses the frame's input instead.
  const inFrame = cardFields === 'secure' && isCardDataField(field.name);
  return (
    <label
      ref={ref}
      id={field.ids.label}
      htmlFor={inFrame ? undefined : field.ids.control}
      {...rest}
      onClick={(event) => {
        if (inFrame) secure.focus(field.name);
        rest.onClick?.(event);
      }}
    >
      {children ?? t(`cardForm.${field.name}.label`)}
    </label>
  );
});

/**
 * Props of {@link CardFormHint}, {@link CardFormBrand} and {@link CardFormError}. Other props go to their element.
 *
 * @example
 * ```tsx
 * const props: CardFormTextProps = { className: 'hint' };
 * ```
 */
export interface CardFormTextProps extends HTMLAttributes<HTMLElement> {
  /** @default the text the form gives this part */
  children?: ReactNode;
}

/**
 * A hint under the control, read with it by screen readers (`aria-describedby`): MM/YY for the expiry, the number of
 * digits (and, for a saved card, its last four) for the security code.
 *
 * @example
 * ```tsx
 * <CardFormField name="expiry"><CardFormLabel /><CardFormControl /><CardFormHint /></CardFormField>
 * ```
 */
export const CardFormHint = forwardRef<HTMLParagraphElement, CardFormTextProps>(function CardFormHint(props, ref) {
  const { children, ...rest } = props;
  const cf = useCardFormContext('CardFormHint');
  const field = useCardFormFieldContext('CardFormHint');
  usePart('hint', field);
  const lastFour = cf.savedCard?.lastFour;
  const text =
    field.name === 'expiry'
      ? cf.t('cardForm.expiry.hint')
      : field.name === 'securityCode'
        ? lastFour
          ? cf.t('cardForm.securityCode.savedHint', { ...field.values, lastFour })
          : cf.t('cardForm.securityCode.hint', field.values)
        : null;
  return (
    <p ref={ref} id={field.ids.hint} {...rest}>
      {children ?? text}
    </p>
  );
});

/**
 * The brand of the number being typed ("Card brand: Visa"), announced politely as it changes. Style a logo from the
 * field's `data-brand`.
 *
 * @example
 * ```tsx
 * <CardFormField name="number"><CardFormLabel /><CardFormControl /><CardFormBrand /></CardFormField>
 * ```
 */
export const CardFormBrand = forwardRef<HTMLSpanElement, CardFormTextProps>(function CardFormBrand(props, ref) {
  const { children, ...rest } = props;
  const { t } = useCardFormContext('CardFormBrand');
  const field = useCardFormFieldContext('CardFormBrand');
  usePart('brand', field);
  const { brand } = field;
  return (
    <span ref={ref} id={field.ids.brand} aria-live="polite" data-brand={brand} {...rest}>
      {children ?? (brand ? t('cardForm.number.brand', { brand: getCardBrandInfo(brand).name }) : null)}
    </span>
  );
});

/**
 * The field's error, in the provider's language; empty while the field is valid.
 *
 * @example
 * ```tsx
 * <CardFormField name="number"><CardFormLabel /><CardFormControl /><CardFormError className="error" /></CardFormField>
 * ```
 */
export const CardFormError = forwardRef<HTMLParagraphElement, CardFormTextProps>(function CardFormError(props, ref) {
  const { children, ...rest } = props;
  const { t } = useCardFormContext('CardFormError');
  const field = useCardFormFieldContext('CardFormError');
  usePart('error', field);
  return (
    <p ref={ref} id={field.ids.error} data-invalid={dataFlag(!!field.error)} {...rest}>
      {field.error ? (children ?? errorText(t, field.error, field.values)) : null}
    </p>
  );
});
