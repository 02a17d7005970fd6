import { createContext, useContext } from 'react';
import type { PaymentMethod, YunoError } from '../../core';

/**
 * Where the list stands: loading the methods, failed to load them, loaded none, or showing them. Also its `data-status`.
 *
 * @example
 * ```css
 * [data-slot='payment-method-list'][data-status='pending'] { opacity: 0.8; }
 * ```
 */
export type PaymentMethodListStatus = 'pending' | 'error' | 'empty' | 'success';

/**
 * State of one item, given to `className` functions and to render props.
 *
 * @example
 * ```tsx
 * <PaymentMethodList>
 *   {(method, { checked, saved }: PaymentMethodListItemState) => `${checked ? '●' : '○'} ${method.name}${saved ? ' ★' : ''}`}
 * </PaymentMethodList>
 * ```
 */
export interface PaymentMethodListItemState {
  /** The item is the selected method. */
  checked: boolean;
  /** A method the shopper saved earlier (it has a vaulted token). */
  saved: boolean;
  disabled: boolean;
}

export interface PaymentMethodListContextValue {
  status: PaymentMethodListStatus;
  /** The methods that may be offered, saved ones first. */
  methods: PaymentMethod[];
  error: YunoError | null;
  refetch: () => void;
  /** Key of the selected method. */
  value: string | null;
  /** Key of the item that takes focus when tabbing into the list (roving tabindex). */
  tabStop: string | null;
  disabled: boolean;
  select: (method: PaymentMethod) => void;
}

export const PaymentMethodListContext = createContext<PaymentMethodListContextValue | null>(null);
PaymentMethodListContext.displayName = 'PaymentMethodListContext';

export function usePaymentMethodListContext(part: string): PaymentMethodListContextValue {
  const value = useContext(PaymentMethodListContext);
  if (!value) throw new Error(`<${part}> must be used within <PaymentMethodList>`);
  return value;
}

export interface PaymentMethodListItemContextValue {
  method: PaymentMethod;
  state: PaymentMethodListItemState;
}

export const PaymentMethodListItemContext = createContext<PaymentMethodListItemContextValue | null>(null);
PaymentMethodListItemContext.displayName = 'PaymentMethodListItemContext';

export function usePaymentMethodListItemContext(part: string): PaymentMethodListItemContextValue {
  const value = useContext(PaymentMethodListItemContext);
  if (!value) throw new Error(`<${part}> must be used within <PaymentMethodListItem>`);
  return value;
}

/**
 * The key that identifies a method in the list: its vaulted token for a saved method (a shopper may have saved several
 * cards), else its type.
 *
 * @example
 * ```tsx
 * <PaymentMethodList value={key} onValueChange={setKey} />
 * // key is e.g. 'PIX', 'CARD', or a saved card's vaulted token
 * const selected = methods.find((m) => paymentMethodKey(m) === key);
 * ```
 */
export function paymentMethodKey(method: Pick<PaymentMethod, 'type' | 'vaulted_token'>): string {
  return method.vaulted_token ?? method.type;
}

/** Card brand names as shoppers know them; brands are proper nouns, the same in every language. */
const BRAND_NAMES: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  AMERICAN_EXPRESS: 'American Express',
  DINERS: 'Diners Club',
  DISCOVER: 'Discover',
  JCB: 'JCB',
  UNIONPAY: 'UnionPay',
  MAESTRO: 'Maestro',
  ELO: 'Elo',
  HIPERCARD: 'Hipercard',
  HIPER: 'Hiper',
  CABAL: 'Cabal',
  NARANJA: 'Naranja',
};

/** A saved card's brand and last four digits, when the method is one. */
export function savedCardOf(method: PaymentMethod): { brand: string; lastFour: string } | null {
  const card = method.card_data;
  if (!method.vaulted_token || !card?.lfd) return null;
  const code = (card.brand ?? '').toUpperCase();
  const brand = BRAND_NAMES[code] ?? (code ? code[0] + code.slice(1).toLowerCase() : method.name);
  return { brand, lastFour: card.lfd };
}
