// The library's own interface to card fields that live in the SDK's iframes (Yuno's Secure Fields): the drivers adapt
// Yuno's surfaces to it (2.x `transaction.secureFields()`, 1.x `yuno.secureFields({...})`), `<CardForm>` and
// `useCardForm()` mount them. Types only: nothing here runs. Card data never crosses this interface: the page only ever
// sees what the fields report (brand, IIN, validity, errors, installments).
import type { OneTimeToken } from '../core';
import type { PayContext, PayResult, TokenizeInput, TokenizerEnrollResult } from './types';

/**
 * The three card fields Yuno's Secure Fields render: the card number (`pan`), its expiry (`expiration`) and its
 * security code (`cvv`).
 *
 * @example
 * ```ts
 * const name: SecureFieldName = 'pan';
 * ```
 */
export type SecureFieldName = 'pan' | 'expiration' | 'cvv';

/**
 * What a field reports on every change (Yuno's `onChange({ error, data, isDirty })`), without the value, which stays in
 * the frame. `data` is filled for the number field.
 *
 * @example
 * ```ts
 * const change: SecureFieldChange = { name: 'pan', isDirty: true, isValid: false, error: 'invalid', data: { brand: 'VISA', iin: '450799' } };
 * ```
 */
export interface SecureFieldChange {
  name: SecureFieldName;
  /** The shopper typed in it. */
  isDirty: boolean;
  /** Complete and valid (for `pan`: Luhn and the brand's lengths; `expiration`: a future month; `cvv`: the brand's length). */
  isValid: boolean;
  /** What is wrong, as a code of the field (`required`, `invalid`, `incomplete`, `expired`), or null. */
  error: string | null;
  /** For `pan`: the brand (Yuno's brand names, `VISA`, `MASTERCARD`, …), the IIN (first 6–8 digits) and the plans. */
  data?: {
    brand?: string | null;
    iin?: string | null;
    /** Installment plans for this card (with `installments: true`), as Yuno's `data.installments`. */
    installments?: ReadonlyArray<{ id: string; installment: number; amount?: { currency: string; value: number } }>;
    isInstallmentLoading?: boolean;
  };
}

/**
 * Options of one field, as Yuno documents them (`label`, `placeholder`, `showError`, `validationType`, styles), with the
 * events the form listens to.
 *
 * @example
 * ```ts
 * const options: SecureFieldOptions = { label: 'Card number', showError: false, onChange: (c) => setBrand(c.data?.brand ?? null) };
 * ```
 */
export interface SecureFieldOptions {
  /** The accessible label inside the frame (the page shows its own, tied to the frame's container). */
  label?: string;
  placeholder?: string;
  /** Yuno renders its own error under the field when true; the library shows its own, outside the frame. @default false */
  showError?: boolean;
  /** When the field validates: Yuno's `on_change`, `on_blur`, `on_blur_full`. */
  validationType?: 'on_change' | 'on_blur' | 'on_blur_full';
  /** CSS for the input inside the frame (Yuno's `styles`): font, colours, size, focus ring, error colour. */
  styles?: string;
  onChange?: (change: SecureFieldChange) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  /** The frame is mounted and ready for input. */
  onReady?: () => void;
}

/**
 * One mounted field (Yuno's field object).
 *
 * @example
 * ```ts
 * const pan = fields.create('pan', { label: 'Card number' });
 * pan.mount(container);
 * ```
 */
export interface SecureField {
  /** Mounts the field's iframe into `element` (an element the page rendered). */
  mount(element: HTMLElement): void;
  /** Removes the field's iframe (Yuno's `unmountSync`); safe to call twice. */
  unmount(): void;
  focus(): void;
  /** Validates now; resolves with whether the field is valid. */
  validate(): Promise<boolean>;
  clearValue(): void;
  /** Shows (or, with null, clears) an error under the field inside the frame; the page shows its own too. */
  setError(message: string | null): void;
}

/** Where the fields tokenize: a checkout session (a payment) or a customer session (saving a card). */
export interface SecureFieldsContext {
  checkoutSession?: string;
  customerSession?: string;
  countryCode: string;
  language?: string;
  /** Ask the number field for installment plans (Yuno's `installmentEnable`). */
  installments?: boolean;
}

/** What a payment or a save with the fields carries besides the card, which is in the frames. */
export type SecureFieldsPayInput = Omit<TokenizeInput, 'card' | 'securityCode'> & { holderName?: string };

/**
 * The fields of one form, tied to one session. Made by {@link YunoTokenizerWithSecureFields.secureFields}; every
 * method waits for what it needs. `unmount()` removes every field (call it when the form unmounts).
 *
 * @example
 * ```ts
 * const fields = await tokenizer.secureFields!({ checkoutSession, countryCode: 'CO' });
 * fields.create('pan', { label: 'Card number' }).mount(panElement);
 * ```
 */
export interface SecureFieldsSession {
  create(name: SecureFieldName, options?: SecureFieldOptions): SecureField;
  /**
   * A one-time token of what the fields hold (1.x `secureFields.generateTokenWithInformation`). Drivers that can only
   * run whole payments (2.x) do not offer it.
   */
  createToken?(input: SecureFieldsPayInput, context: { signal?: AbortSignal }): Promise<OneTimeToken>;
  /** The whole payment with what the fields hold (2.x `transaction.start` in manual mode), as {@link YunoTokenizer.pay}. */
  pay?(input: SecureFieldsPayInput, context: PayContext): Promise<PayResult>;
  /** Saves the card the fields hold (a session made with `customerSession`). */
  enroll?(input: SecureFieldsPayInput, context: { signal?: AbortSignal }): Promise<TokenizerEnrollResult>;
  /** Points the fields at another checkout session (a retry after a decline), keeping what the shopper typed. */
  updateCheckoutSession(checkoutSession: string): void;
  /** Removes every field. */
  unmount(): void;
}

/**
 * A tokenizer that can also give card fields in the SDK's iframes.
 *
 * @example
 * ```ts
 * if (tokenizer.secureFields) mountFields(await tokenizer.secureFields({ checkoutSession, countryCode }));
 * ```
 */
export interface YunoTokenizerWithSecureFields {
  /** Card fields in the SDK's iframes for `context`'s session. */
  secureFields?(context: SecureFieldsContext): Promise<SecureFieldsSession>;
}
