import type { MessageCatalog } from '../../react';

const en = {
  'payButton.pay': 'Pay',
  'payButton.payWith': 'Pay with {method}',
  'payButton.pending': 'Processing payment…',
} as const;

/**
 * A key of {@link payButtonMessages}.
 *
 * @example
 * ```ts
 * const key: PayButtonMessageKey = 'payButton.pay';
 * ```
 */
export type PayButtonMessageKey = keyof typeof en;

/**
 * Every visible string of `<PayButton>`, in English, Latin-American Spanish and Brazilian Portuguese. `{method}` is
 * the selected method's name.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ 'payButton.payWith': 'Continue with {method}' }} … />
 * ```
 */
export const payButtonMessages: MessageCatalog<PayButtonMessageKey> = {
  en,
  es: {
    'payButton.pay': 'Pagar',
    'payButton.payWith': 'Pagar con {method}',
    'payButton.pending': 'Procesando el pago…',
  },
  pt: {
    'payButton.pay': 'Pagar',
    'payButton.payWith': 'Pagar com {method}',
    'payButton.pending': 'Processando o pagamento…',
  },
};
