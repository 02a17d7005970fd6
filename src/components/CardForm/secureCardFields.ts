import { CARD_BRANDS, type CardBrand } from '../../card/detectCardBrand';
import type { SecureFieldChange, SecureFieldName } from '../../react';
import type { CardFormFieldName } from './cardFormSchema';

/** The form's fields whose data is card data: in the SDK's iframes with Secure Fields, inputs of the page with `raw`. */
export type CardDataFieldName = 'number' | 'expiry' | 'securityCode';

export const CARD_DATA_FIELDS: readonly CardDataFieldName[] = ['number', 'expiry', 'securityCode'];

export const SECURE_FIELD_NAMES: Record<CardDataFieldName, SecureFieldName> = {
  number: 'pan',
  expiry: 'expiration',
  securityCode: 'cvv',
};

export function isCardDataField(name: CardFormFieldName): name is CardDataFieldName {
  return (CARD_DATA_FIELDS as readonly string[]).includes(name);
}

/** What the page knows of a field in a frame: only what its events said, never its value. */
export interface SecureFieldState {
  /** The frame is mounted and takes input. */
  isReady: boolean;
  isDirty: boolean;
  isValid: boolean;
  isFocused: boolean;
  /** The shopper left the field once (errors show from then on, or after a submit). */
  isTouched: boolean;
  /** The frame's error code (`required`, `invalid`, `incomplete`, `expired`), or null. */
  code: string | null;
}

export const INITIAL_SECURE_FIELD: SecureFieldState = {
  isReady: false,
  isDirty: false,
  isValid: false,
  isFocused: false,
  isTouched: false,
  code: null,
};

/** An installment plan a card's number field reported (Yuno's `data.installments`). */
export interface CardInstallmentPlan {
  id: string;
  installment: number;
  amount?: { currency: string; value: number };
}

export interface SecureFormState {
  fields: Record<CardDataFieldName, SecureFieldState>;
  brand: CardBrand | undefined;
  iin: string | null;
  plans: readonly CardInstallmentPlan[];
}

export const INITIAL_SECURE_STATE: SecureFormState = {
  fields: { number: INITIAL_SECURE_FIELD, expiry: INITIAL_SECURE_FIELD, securityCode: INITIAL_SECURE_FIELD },
  brand: undefined,
  iin: null,
  plans: [],
};

/** Yuno spells some brands out in full (`AMERICAN_EXPRESS`); the card utilities use the short names. */
export function toCardBrand(brand: string | null | undefined): CardBrand | undefined {
  const name = brand?.toUpperCase().replace('AMERICAN_EXPRESS', 'AMEX').replace('DINERS_CLUB', 'DINERS');
  return (CARD_BRANDS as readonly string[]).includes(name ?? '') ? (name as CardBrand) : undefined;
}

/** A frame's error code as a code of the form's catalog (`cardForm.<field>.<code>`). */
const CODES: Record<CardDataFieldName, Record<string, string>> = {
  number: { required: 'required', incomplete: 'incomplete', invalid: 'invalid', expired: 'invalid' },
  expiry: { required: 'required', incomplete: 'invalid', invalid: 'invalid', expired: 'past' },
  securityCode: { required: 'required', incomplete: 'invalid', invalid: 'invalid', expired: 'invalid' },
};

/** The field error (`<field>.<code>`, as the form's schema gives them) a frame's code stands for. */
export function secureFieldError(name: CardDataFieldName, code: string): string {
  return `${name}.${CODES[name][code] ?? 'invalid'}`;
}

export function applyChange(
  state: SecureFormState,
  name: CardDataFieldName,
  change: SecureFieldChange,
): SecureFormState {
  const field = state.fields[name];
  const next: SecureFormState = {
    ...state,
    fields: {
      ...state.fields,
      [name]: {
        ...field,
        isDirty: change.isDirty,
        isValid: change.isValid,
        code: change.isValid ? null : change.error,
      },
    },
  };
  if (name === 'number') {
    next.brand = toCardBrand(change.data?.brand);
    next.iin = change.data?.iin ?? null;
    next.plans = change.data?.installments ?? (change.data?.isInstallmentLoading ? state.plans : []);
  }
  return next;
}

export function patchField(
  state: SecureFormState,
  name: CardDataFieldName,
  patch: Partial<SecureFieldState>,
): SecureFormState {
  return { ...state, fields: { ...state.fields, [name]: { ...state.fields[name], ...patch } } };
}
