import type { MessageCatalog } from '../../react';

const en = {
  'paymentMethodList.label': 'Payment method',
  'paymentMethodList.saved': 'Saved payment methods',
  'paymentMethodList.other': 'Other payment methods',
  'paymentMethodList.savedCard': '{brand} •••• {lastFour}',
  'paymentMethodList.savedCardName': '{brand} ending in {lastFour}',
  'paymentMethodList.loading': 'Loading payment methods…',
  'paymentMethodList.empty': 'No payment methods are available for this purchase.',
  'paymentMethodList.error': 'The payment methods could not be loaded.',
  'paymentMethodList.retry': 'Try again',
} as const;

/**
 * A key of {@link paymentMethodListMessages}.
 *
 * @example
 * ```ts
 * const key: PaymentMethodListMessageKey = 'paymentMethodList.retry';
 * ```
 */
export type PaymentMethodListMessageKey = keyof typeof en;

/**
 * Every visible string of `<PaymentMethodList>` and its parts, in English, Latin-American Spanish and Brazilian
 * Portuguese. `{brand}` and `{lastFour}` are filled in for saved cards.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ 'paymentMethodList.label': 'How would you like to pay?' }} … />
 * ```
 */
export const paymentMethodListMessages: MessageCatalog<PaymentMethodListMessageKey> = {
  en,
  es: {
    'paymentMethodList.label': 'Medio de pago',
    'paymentMethodList.saved': 'Medios de pago guardados',
    'paymentMethodList.other': 'Otros medios de pago',
    'paymentMethodList.savedCard': '{brand} •••• {lastFour}',
    'paymentMethodList.savedCardName': '{brand} terminada en {lastFour}',
    'paymentMethodList.loading': 'Cargando medios de pago…',
    'paymentMethodList.empty': 'No hay medios de pago disponibles para esta compra.',
    'paymentMethodList.error': 'No se pudieron cargar los medios de pago.',
    'paymentMethodList.retry': 'Reintentar',
  },
  pt: {
    'paymentMethodList.label': 'Forma de pagamento',
    'paymentMethodList.saved': 'Formas de pagamento salvas',
    'paymentMethodList.other': 'Outras formas de pagamento',
    'paymentMethodList.savedCard': '{brand} •••• {lastFour}',
    'paymentMethodList.savedCardName': '{brand} com final {lastFour}',
    'paymentMethodList.loading': 'Carregando formas de pagamento…',
    'paymentMethodList.empty': 'Nenhuma forma de pagamento disponível para esta compra.',
    'paymentMethodList.error': 'Não foi possível carregar as formas de pagamento.',
    'paymentMethodList.retry': 'Tentar novamente',
  },
};
