import {
  forwardRef,
  useContext,
  useMemo,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type SelectHTMLAttributes,
} from 'react';
import { formatCardExpiry } from '../../card/cardExpiry';
import { formatCardNumber } from '../../card/formatCardNumber';
import { dataFlag } from '../shared';
import {
  CardFormSecureStateContext,
  useCardFormContext,
  useCardFormFieldContext,
  type CardFormContextValue,
} from './CardFormContext';
import type { CardFormFieldName } from './cardFormSchema';
import { isCardDataField, type CardDataFieldName } from './secureCardFields';

/**
 * Props of {@link CardFormControl}: those of an `<input>` (or a `<select>` for the document type and installments),
 * passed through. `name`, `value` and `id` belong to the form. For a card field in Secure Fields the control is the
 * frame's container: only `className` and `style` go to it (the frame styles its own input).
 *
 * @example
 * ```tsx
 * const props: CardFormControlProps = { className: 'input', placeholder: '1234 1234 1234 1234' };
 * ```
 */
export type CardFormControlProps = Omit<
  InputHTMLAttributes<HTMLInputElement> & SelectHTMLAttributes<HTMLSelectElement>,
  'name' | 'value' | 'defaultValue' | 'id' | 'children'
>;

/** What browsers and password managers need to fill each field, and the keyboard phones should show. */
const INPUT_PROPS: Partial<Record<CardFormFieldName, InputHTMLAttributes<HTMLInputElement>>> = {
  number: { inputMode: 'numeric', autoComplete: 'cc-number', autoCorrect: 'off', spellCheck: false },
  expiry: { inputMode: 'numeric', autoComplete: 'cc-exp', autoCorrect: 'off', spellCheck: false },
  securityCode: { inputMode: 'numeric', autoComplete: 'cc-csc', autoCorrect: 'off', spellCheck: false },
  holderName: { autoComplete: 'cc-name', autoCorrect: 'off', spellCheck: false },
  documentNumber: { autoComplete: 'off', autoCorrect: 'off', spellCheck: false },
};

/**
 * Rewrites the input's value in place (it is uncontrolled) and keeps the caret after the same digit it followed, so
 * that typing, deleting or pasting in the middle of a formatted number does not throw the caret to the end.
 */
function reformat(input: HTMLInputElement, format: (value: string) => string): void {
  const { value } = input;
  const caret = input.selectionStart ?? value.length;
  const next = format(value);
  if (next === value) return;
  input.value = next;
  if (input.ownerDocument.activeElement !== input) return;
  let position = next.length;
  if (caret < value.length) {
    const digitsBefore = value.slice(0, caret).replace(/\D/g, '').length;
    position = 0;
    for (let seen = 0; position < next.length && seen < digitsBefore; position += 1) {
      if (/\d/.test(next[position]!)) seen += 1;
    }
  }
  input.setSelectionRange(position, position);
}

/**
 * Backspace just after a group's space (or Delete just before it) would only remove the space, which formatting puts
 * back: step over it first, so the key removes the digit, as in a card-number field of any bank app.
 */
function skipSeparator(event: KeyboardEvent<HTMLInputElement>): void {
  const input = event.currentTarget;
  const at = input.selectionStart;
  if (at === null || at !== input.selectionEnd) return;
  if (event.key === 'Backspace' && input.value[at - 1] === ' ') input.setSelectionRange(at - 1, at - 1);
  if (event.key === 'Delete' && input.value[at] === ' ') input.setSelectionRange(at + 1, at + 1);
}

export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>) {
  return (node: T | null) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

/**
 * The element a card field's frame mounts into (Yuno's Secure Fields): a `role="group"` named by the field's label and
 * described by its hint, brand and error, with `aria-invalid` and `data-state="loading|ready|error"` (the frames could
 * not load), `data-focused`, `data-invalid`, `data-valid`. Not focusable itself: the frame's input is, in the page's
 * tab order.
 */
function SecureFieldContainer(props: {
  name: CardDataFieldName;
  className?: string | undefined;
  style?: CardFormControlProps['style'];
  forwardedRef: Ref<HTMLDivElement>;
}) {
  const cf = useCardFormContext('CardFormControl');
  const field = useCardFormFieldContext('CardFormControl');
  const frame = useContext(CardFormSecureStateContext).fields[props.name];
  const containerRef = cf.secure.containerRef(props.name);
  const { forwardedRef } = props;
  // One ref function for the container's life: a new one each render would detach and attach the frame's container
  // on every commit (React 18 calls the old ref with null), and each attach re-renders the form.
  const ref = useMemo(() => mergeRefs<HTMLDivElement>(containerRef, forwardedRef), [containerRef, forwardedRef]);
  return (
    <div
      className={props.className}
      style={props.style}
      {...secureContainerProps(cf.secure.status, frame, {
        ref,
        id: field.ids.control,
        labelledBy: field.ids.label,
        describedBy: field.describedBy,
        invalid: !!field.error,
      })}
    />
  );
}

/** The attributes of a frame's container; `useCardForm().getSecureFieldProps` gives the same. */
export function secureContainerProps<T extends HTMLElement>(
  status: string,
  frame: { isReady: boolean; isFocused: boolean; isValid: boolean },
  options: {
    ref: (element: T | null) => void;
    id: string;
    labelledBy: string;
    describedBy: string | undefined;
    invalid: boolean;
  },
) {
  return {
    ref: options.ref,
    id: options.id,
    role: 'group' as const,
    'data-slot': 'card-form-secure-field' as const,
    'aria-labelledby': options.labelledBy,
    'aria-describedby': options.describedBy,
    'aria-invalid': options.invalid ? (true as const) : undefined,
    'data-state': (status === 'error' || status === 'unavailable' ? 'error' : frame.isReady ? 'ready' : 'loading') as
      'loading' | 'ready' | 'error',
    'data-focused': dataFlag(frame.isFocused),
    'data-invalid': dataFlag(options.invalid),
    'data-valid': dataFlag(frame.isValid),
  };
}

/**
 * The field's control. With Secure Fields, for the number, expiry and security code: the element the field's frame
 * mounts into (a `role="group"` named by the label and described by the hint, brand and error; the card data stays in
 * the frame). Otherwise registered with the form and uncontrolled: an `<input>` for the number (formatted by brand as
 * typed or pasted), expiry (MM/YY, slash added), security code (digits, 3 or 4 by brand), holder name and document
 * number; a `<select>` for the document type and installments; a checkbox for saving the card. It carries the
 * autocomplete tokens (`cc-number`, `cc-exp`, `cc-csc`, `cc-name`), `inputMode="numeric"`, `aria-invalid` and
 * `aria-describedby` (hint, brand, error).
 *
 * @example
 * ```tsx
 * <CardFormField name="number">
 *   <CardFormLabel />
 *   <CardFormControl className="input" />
 * </CardFormField>
 * ```
 */
export const CardFormControl = forwardRef<HTMLInputElement | HTMLSelectElement, CardFormControlProps>(
  function CardFormControl(props, ref) {
    const cf = useCardFormContext('CardFormControl');
    const field = useCardFormFieldContext('CardFormControl');
    const { name } = field;
    if (cf.cardFields === 'secure' && isCardDataField(name)) {
      return (
        <SecureFieldContainer
          name={name}
          className={props.className}
          style={props.style}
          forwardedRef={ref as Ref<HTMLDivElement>}
        />
      );
    }
    return <CardFormInput {...props} ref={ref} />;
  },
);

/**
 * The props of a page field's `<input>` or `<select>`, registered with the form: ids and ARIA, autocomplete tokens,
 * and for raw card fields the formatting as typed. `useCardForm().getFieldProps` gives the same.
 */
export function inputControlProps(
  cf: CardFormContextValue,
  name: CardFormFieldName,
  field: { id: string; invalid: boolean; describedBy: string | undefined; codeLength: number },
  handlers: {
    onChange?: ((event: ChangeEvent<HTMLInputElement & HTMLSelectElement>) => void) | undefined;
    onKeyDown?: ((event: KeyboardEvent<HTMLInputElement>) => void) | undefined;
    onBlur?: ((event: FocusEvent<HTMLInputElement & HTMLSelectElement>) => void) | undefined;
  } = {},
) {
  const registered = cf.form.register(name);
  const handleChange = (event: ChangeEvent<HTMLInputElement & HTMLSelectElement>) => {
    const input = event.target;
    const deleting = (event.nativeEvent as InputEvent).inputType?.startsWith('delete') ?? false;
    if (name === 'number') reformat(input, formatCardNumber);
    if (name === 'expiry') reformat(input, (value) => formatCardExpiry(value, { deleting }));
    if (name === 'securityCode') reformat(input, (value) => value.replace(/\D/g, '').slice(0, field.codeLength));
    handlers.onChange?.(event);
    return registered.onChange(event);
  };
  return {
    id: field.id,
    name,
    'aria-invalid': field.invalid ? (true as const) : undefined,
    'aria-describedby': field.describedBy,
    'aria-required': name === 'saveCard' ? undefined : (true as const),
    ref: registered.ref,
    onChange: handleChange,
    onBlur: (event: FocusEvent<HTMLInputElement & HTMLSelectElement>) => {
      handlers.onBlur?.(event);
      return registered.onBlur(event);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (name === 'number') skipSeparator(event);
      handlers.onKeyDown?.(event);
    },
  };
}

/** What an `<input>` of the form carries besides {@link inputControlProps}: its type, length, autocomplete, keyboard. */
export function inputAttributes(name: CardFormFieldName, codeLength: number): InputHTMLAttributes<HTMLInputElement> {
  return {
    type: name === 'saveCard' ? 'checkbox' : 'text',
    maxLength: name === 'securityCode' ? codeLength : undefined,
    ...INPUT_PROPS[name],
  };
}

/** The options of the document type's or the installments' `<select>`, labelled in the provider's language. */
export function selectOptions(cf: CardFormContextValue, name: 'documentType' | 'installments') {
  return name === 'documentType'
    ? cf.documentTypes.map((type) => ({ value: type, label: cf.t(`cardForm.documentType.${type}`) }))
    : cf.installmentOptions;
}

const CardFormInput = forwardRef<HTMLInputElement | HTMLSelectElement, CardFormControlProps>(
  function CardFormInput(props, ref) {
    const cf = useCardFormContext('CardFormControl');
    const field = useCardFormFieldContext('CardFormControl');
    const { name } = field;
    const { onChange, onKeyDown, onBlur, ...rest } = props;
    const codeLength = Number(field.values.length ?? 4);
    const control = inputControlProps(
      cf,
      name,
      { id: field.ids.control, invalid: !!field.error, describedBy: field.describedBy, codeLength },
      { onChange, onKeyDown, onBlur },
    );
    if (name === 'documentType' || name === 'installments') {
      const { onKeyDown: _keys, ...selectProps } = control;
      void _keys;
      return (
        <select {...rest} {...selectProps} ref={mergeRefs(control.ref, ref)}>
          {selectOptions(cf, name).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    }
    return <input {...inputAttributes(name, codeLength)} {...rest} {...control} ref={mergeRefs(control.ref, ref)} />;
  },
);
