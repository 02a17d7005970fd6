import { createContext, useContext } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { securityCodeLength } from '../../card/cardFieldErrors';
import { detectCardBrand, type CardBrand } from '../../card/detectCardBrand';
import type { ShopperDocumentType } from '../../card/validateDocument';
import { cardFormMessages, type CardFormMessageKey } from './cardFormMessages';
import type { CardFormFieldName, CardFormInstallments, CardFormValues } from './cardFormSchema';
import { INITIAL_SECURE_STATE, isCardDataField, secureFieldError, type SecureFormState } from './secureCardFields';
import type { CardFormCardFields, CardFormSecureApi } from './useCardFormEngine';

/**
 * What the form does on submit: `pay` a new card (through `useCheckout().pay`), confirm the `cvv` of the selected saved
 * card and pay, or `enroll` (save) a card through `useEnrollment`.
 *
 * @example
 * ```tsx
 * const mode: CardFormMode = 'cvv';
 * ```
 */
export type CardFormMode = 'pay' | 'cvv' | 'enroll';

/**
 * Where the form stands: `pending` while the card is being sent, `error` when the request failed (the form's alert
 * says why), `success` once it went through (the form is then empty again).
 *
 * @example
 * ```tsx
 * <CardForm className={(state) => (state.status === 'pending' ? 'busy' : undefined)} />
 * ```
 */
export type CardFormStatus = 'idle' | 'pending' | 'error' | 'success';

export type Translate = (key: CardFormMessageKey, values?: Record<string, string | number>) => string;

export interface CardFormContextValue {
  form: UseFormReturn<CardFormValues>;
  mode: CardFormMode;
  /** Prefix of every id in the form. */
  id: string;
  /** The fields on screen, in order. */
  fields: readonly CardFormFieldName[];
  documentTypes: readonly ShopperDocumentType[];
  installments: CardFormInstallments | undefined;
  /** The installment options, labelled: the card's own plans (Secure Fields) or the plan given. */
  installmentOptions: ReadonlyArray<{ value: string; label: string }>;
  /** Where the card's data is typed: the SDK's frames or the form's inputs. */
  cardFields: CardFormCardFields;
  secure: CardFormSecureApi;
  /** In CVV mode: the saved card's brand, last four digits and code length, when the list of methods has them. */
  savedCard: { brand: CardBrand | undefined; lastFour: string | undefined; length: number | undefined } | undefined;
  t: Translate;
}

export const CardFormContext = createContext<CardFormContextValue | null>(null);
CardFormContext.displayName = 'CardFormContext';

/** What the frames said (validity, errors, brand, plans); it changes only with Secure Fields, so raw inputs never re-render for it. */
export const CardFormSecureStateContext = createContext<SecureFormState>(INITIAL_SECURE_STATE);
CardFormSecureStateContext.displayName = 'CardFormSecureStateContext';

/**
 * A field's error as the form shows it, `<field>.<code>`: the schema's (react-hook-form) for the page's fields, the
 * frame's for card fields in Secure Fields once the shopper left the field or submitted.
 */
export function shownFieldError(
  cf: Pick<CardFormContextValue, 'cardFields'>,
  secure: SecureFormState,
  name: CardFormFieldName,
  formError: string | undefined,
  submitted: boolean,
): string | undefined {
  if (cf.cardFields !== 'secure' || !isCardDataField(name)) return formError;
  const field = secure.fields[name];
  return field.code && (field.isTouched || submitted) ? secureFieldError(name, field.code) : undefined;
}

/** Kept apart from the form context so that a status change re-renders the submit button and alerts, not the fields. */
export const CardFormStatusContext = createContext<CardFormStatus>('idle');
CardFormStatusContext.displayName = 'CardFormStatusContext';

export function useCardFormContext(part: string): CardFormContextValue {
  const value = useContext(CardFormContext);
  if (!value) throw new Error(`<${part}> must be used within <CardForm>`);
  return value;
}

/** The parts of a field that are on screen, so that `aria-describedby` names only elements that exist. */
export type CardFormFieldPart = 'hint' | 'brand' | 'error';

export interface CardFormFieldContextValue {
  name: CardFormFieldName;
  ids: { control: string; label: string; hint: string; brand: string; error: string };
  /** The error's catalog key, when the field is invalid. */
  error: string | undefined;
  /** Placeholders of the field's texts: `{length}` of the security code, `{type}` of the document, … */
  values: Record<string, string | number>;
  brand: CardBrand | undefined;
  describedBy: string | undefined;
  registerPart: (part: CardFormFieldPart) => () => void;
}

export const CardFormFieldContext = createContext<CardFormFieldContextValue | null>(null);
CardFormFieldContext.displayName = 'CardFormFieldContext';

export function useCardFormFieldContext(part: string): CardFormFieldContextValue {
  const value = useContext(CardFormFieldContext);
  if (!value) throw new Error(`<${part}> must be used within <CardFormField>`);
  return value;
}

export function fieldIds(id: string, name: CardFormFieldName) {
  const base = `${id}-${name}`;
  return {
    control: base,
    label: `${base}-label`,
    hint: `${base}-hint`,
    brand: `${base}-brand`,
    error: `${base}-error`,
  };
}

/** Placeholders of a field's texts: the security code's `{length}`, the document's `{type}`. */
export function fieldMessageValues(
  cf: CardFormContextValue,
  name: CardFormFieldName,
  values: { number: string; documentType: string; brand?: CardBrand | undefined },
): Record<string, string | number> {
  if (name === 'securityCode') {
    const brand = cf.cardFields === 'secure' ? values.brand : detectCardBrand(values.number);
    return { length: cf.savedCard ? (cf.savedCard.length ?? 3) : securityCodeLength(brand) };
  }
  if (name === 'documentNumber' && (cf.documentTypes as readonly string[]).includes(values.documentType)) {
    return { type: cf.t(`cardForm.documentType.${values.documentType as ShopperDocumentType}`) };
  }
  return {};
}

/** The text of a field error: its catalog key when it is one, else the message as given (a `setError` of your own). */
export function errorText(t: Translate, message: string, values: Record<string, string | number>): string {
  const key = `cardForm.${message}`;
  return key in cardFormMessages.en ? t(key as CardFormMessageKey, values) : message;
}
