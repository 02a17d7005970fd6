import { getErrorRecovery, isYunoError, type YunoErrorRecovery } from '../core';
import { type MessageCatalog, useMessages } from '../react';

/*
 * Keys spell Yuno's own values verbatim (a transaction `response_code`, a payment status, a recovery), so an override
 * can be written straight from what Yuno returns: `{ 'decline.INSUFFICIENT_FUNDS': '…' }`.
 *
 * Fraud reasons (stolen, lost, fraud validation) get the same wording as a plain bank refusal: telling the person at the
 * screen that a card was reported stolen helps whoever is trying stolen cards and alarms nobody else usefully.
 */
const declineEn = {
  'decline.INSUFFICIENT_FUNDS': 'Your card has insufficient funds. Try another card or payment method.',
  'decline.DECLINED_BY_BANK': 'Your bank declined the payment. Contact your bank or use another payment method.',
  'decline.DO_NOT_HONOR': 'Your bank declined the payment. Contact your bank or use another payment method.',
  'decline.INVALID_SECURITY_CODE': 'The security code (CVV) is incorrect. Check it and try again.',
  'decline.INVALID_CARD_DATA':
    'Some card details are incorrect. Check the number, expiry date and name, then try again.',
  'decline.EXPIRED_CARD': 'Your card has expired. Use another card.',
  'decline.REPORTED_STOLEN': 'Your card was declined. Use another card or payment method.',
  'decline.REPORTED_LOST': 'Your card was declined. Use another card or payment method.',
  'decline.FRAUD_VALIDATION': 'Your card was declined. Use another card or payment method.',
  'decline.AUTHENTICATION_FAILED_THREE_D_SECURE':
    'Your bank could not verify that it is you. Try again or use another card.',
  'decline.CANCELLED_BY_USER': 'The payment was cancelled. You can try again.',
  'decline.REJECTED': 'The payment was rejected. Try another card or payment method.',
  'decline.EXPIRED': 'The time to pay ran out. Start again to get a new code.',
  'decline.CANCELED': 'The payment was cancelled. You can try again.',
  'decline.ERROR': 'Something went wrong while processing the payment. You were not charged; try again.',
  'decline.PROVIDER_ERROR': 'The payment provider had a problem. You were not charged; try again.',
  'decline.PROVIDER_TIMEOUT': 'The payment provider did not answer in time. You were not charged; try again.',
  'decline.generic': 'The payment was declined. Try another card or payment method.',
} as const;

/**
 * A key of {@link declineMessages}: `decline.` followed by a Yuno response code or payment status, or `decline.generic`.
 *
 * @example
 * ```ts
 * const key: DeclineMessageKey = 'decline.INSUFFICIENT_FUNDS';
 * ```
 */
export type DeclineMessageKey = keyof typeof declineEn;

/**
 * What a shopper reads when a payment is declined or fails at the provider, by Yuno's transaction `response_code`
 * (and `EXPIRED`/`CANCELED` for payments that ended without a decline), in English, Latin-American Spanish and
 * Brazilian Portuguese. Unknown codes fall back to `decline.generic`.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ 'decline.INSUFFICIENT_FUNDS': 'Not enough balance on this card.' }} … />
 * ```
 */
export const declineMessages: MessageCatalog<DeclineMessageKey> = {
  en: declineEn,
  es: {
    'decline.INSUFFICIENT_FUNDS':
      'Tu tarjeta no tiene fondos suficientes. Prueba con otra tarjeta u otro medio de pago.',
    'decline.DECLINED_BY_BANK': 'Tu banco rechazó el pago. Comunícate con tu banco o usa otro medio de pago.',
    'decline.DO_NOT_HONOR': 'Tu banco rechazó el pago. Comunícate con tu banco o usa otro medio de pago.',
    'decline.INVALID_SECURITY_CODE': 'El código de seguridad (CVV) es incorrecto. Revísalo e inténtalo de nuevo.',
    'decline.INVALID_CARD_DATA':
      'Algunos datos de la tarjeta son incorrectos. Revisa el número, la fecha de vencimiento y el nombre, e inténtalo de nuevo.',
    'decline.EXPIRED_CARD': 'Tu tarjeta está vencida. Usa otra tarjeta.',
    'decline.REPORTED_STOLEN': 'Tu tarjeta fue rechazada. Usa otra tarjeta u otro medio de pago.',
    'decline.REPORTED_LOST': 'Tu tarjeta fue rechazada. Usa otra tarjeta u otro medio de pago.',
    'decline.FRAUD_VALIDATION': 'Tu tarjeta fue rechazada. Usa otra tarjeta u otro medio de pago.',
    'decline.AUTHENTICATION_FAILED_THREE_D_SECURE':
      'Tu banco no pudo verificar tu identidad. Inténtalo de nuevo o usa otra tarjeta.',
    'decline.CANCELLED_BY_USER': 'El pago fue cancelado. Puedes intentarlo de nuevo.',
    'decline.REJECTED': 'El pago fue rechazado. Prueba con otra tarjeta u otro medio de pago.',
    'decline.EXPIRED': 'Se acabó el tiempo para pagar. Vuelve a empezar para obtener un código nuevo.',
    'decline.CANCELED': 'El pago fue cancelado. Puedes intentarlo de nuevo.',
    'decline.ERROR': 'Algo salió mal al procesar el pago. No se te cobró nada; inténtalo de nuevo.',
    'decline.PROVIDER_ERROR': 'El proveedor de pagos tuvo un problema. No se te cobró nada; inténtalo de nuevo.',
    'decline.PROVIDER_TIMEOUT': 'El proveedor de pagos no respondió a tiempo. No se te cobró nada; inténtalo de nuevo.',
    'decline.generic': 'El pago fue rechazado. Prueba con otra tarjeta u otro medio de pago.',
  },
  pt: {
    'decline.INSUFFICIENT_FUNDS':
      'Seu cartão não tem saldo suficiente. Tente outro cartão ou outra forma de pagamento.',
    'decline.DECLINED_BY_BANK': 'Seu banco recusou o pagamento. Fale com o seu banco ou use outra forma de pagamento.',
    'decline.DO_NOT_HONOR': 'Seu banco recusou o pagamento. Fale com o seu banco ou use outra forma de pagamento.',
    'decline.INVALID_SECURITY_CODE': 'O código de segurança (CVV) está incorreto. Confira e tente novamente.',
    'decline.INVALID_CARD_DATA':
      'Alguns dados do cartão estão incorretos. Confira o número, a validade e o nome e tente novamente.',
    'decline.EXPIRED_CARD': 'Seu cartão está vencido. Use outro cartão.',
    'decline.REPORTED_STOLEN': 'Seu cartão foi recusado. Use outro cartão ou outra forma de pagamento.',
    'decline.REPORTED_LOST': 'Seu cartão foi recusado. Use outro cartão ou outra forma de pagamento.',
    'decline.FRAUD_VALIDATION': 'Seu cartão foi recusado. Use outro cartão ou outra forma de pagamento.',
    'decline.AUTHENTICATION_FAILED_THREE_D_SECURE':
      'Seu banco não conseguiu confirmar que é você. Tente novamente ou use outro cartão.',
    'decline.CANCELLED_BY_USER': 'O pagamento foi cancelado. Você pode tentar novamente.',
    'decline.REJECTED': 'O pagamento foi recusado. Tente outro cartão ou outra forma de pagamento.',
    'decline.EXPIRED': 'O prazo para pagar acabou. Comece de novo para gerar um novo código.',
    'decline.CANCELED': 'O pagamento foi cancelado. Você pode tentar novamente.',
    'decline.ERROR': 'Algo deu errado ao processar o pagamento. Nada foi cobrado; tente novamente.',
    'decline.PROVIDER_ERROR': 'O provedor de pagamentos teve um problema. Nada foi cobrado; tente novamente.',
    'decline.PROVIDER_TIMEOUT': 'O provedor de pagamentos não respondeu a tempo. Nada foi cobrado; tente novamente.',
    'decline.generic': 'O pagamento foi recusado. Tente outro cartão ou outra forma de pagamento.',
  },
};

const errorEn = {
  'error.retry': 'We could not reach the payment service. Check your connection and try again.',
  'error.new_session': 'This checkout can no longer be used. Start again to pay.',
  'error.edit_details': 'Some payment details were not accepted. Check them and try again.',
  'error.unavailable': 'Payments are not available right now. Please try again later or contact the store.',
  'error.session_used': 'This checkout was already used for a payment. Start again to pay once more.',
  'error.session_expired': 'This checkout has expired. Start again to pay.',
} as const;

/**
 * A key of {@link errorMessages}: `error.` followed by a {@link YunoErrorRecovery}, or a used/expired session.
 *
 * @example
 * ```ts
 * const key: ErrorMessageKey = 'error.session_expired';
 * ```
 */
export type ErrorMessageKey = keyof typeof errorEn;

/**
 * What a shopper reads when a request fails, by how they can recover from it (`getErrorRecovery`), with two cases of
 * `new_session` told apart: a checkout already used for a payment and one that has expired.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ es: { 'error.retry': 'Sin conexión. Reintenta.' } }} … />
 * ```
 */
export const errorMessages: MessageCatalog<ErrorMessageKey> = {
  en: errorEn,
  es: {
    'error.retry': 'No pudimos conectar con el servicio de pagos. Revisa tu conexión e inténtalo de nuevo.',
    'error.new_session': 'Este pago ya no se puede usar. Vuelve a empezar para pagar.',
    'error.edit_details': 'Algunos datos del pago no fueron aceptados. Revísalos e inténtalo de nuevo.',
    'error.unavailable': 'Los pagos no están disponibles en este momento. Inténtalo más tarde o contacta a la tienda.',
    'error.session_used': 'Este pago ya se utilizó. Vuelve a empezar para pagar de nuevo.',
    'error.session_expired': 'Este pago venció. Vuelve a empezar para pagar.',
  },
  pt: {
    'error.retry': 'Não conseguimos falar com o serviço de pagamentos. Verifique sua conexão e tente novamente.',
    'error.new_session': 'Este checkout não pode mais ser usado. Comece de novo para pagar.',
    'error.edit_details': 'Alguns dados do pagamento não foram aceitos. Confira e tente novamente.',
    'error.unavailable': 'Os pagamentos não estão disponíveis agora. Tente mais tarde ou fale com a loja.',
    'error.session_used': 'Este checkout já foi usado para um pagamento. Comece de novo para pagar outra vez.',
    'error.session_expired': 'Este checkout expirou. Comece de novo para pagar.',
  },
};

/**
 * The catalog key for a decline or provider failure code; unknown codes get the generic text.
 *
 * @example
 * ```ts
 * declineMessageKey('DO_NOT_HONOR'); // 'decline.DO_NOT_HONOR'
 * declineMessageKey('SOMETHING_NEW'); // 'decline.generic'
 * ```
 */
export function declineMessageKey(code: string | null | undefined): DeclineMessageKey {
  const key = `decline.${code ?? ''}`;
  return key in declineEn ? (key as DeclineMessageKey) : 'decline.generic';
}

/**
 * The catalog key for an error: the recovery, or for a spent session whether it was used or expired.
 *
 * @example
 * ```ts
 * const text = errorMessages.es[errorMessageKey(error)]; // outside React; in components use useErrorMessage
 * ```
 */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  const recovery: YunoErrorRecovery = getErrorRecovery(error);
  if (recovery === 'new_session' && isYunoError(error) && error.yunoCode === 'CHECKOUT_SESSION_NOT_FOUND') {
    // Yuno answers the same code for both; only its message tells a used session from an expired one.
    const said = error.messages.join(' ').toLowerCase();
    if (said.includes('already used')) return 'error.session_used';
    if (said.includes('expired')) return 'error.session_expired';
  }
  return `error.${recovery}`;
}

/**
 * The shopper-readable text for a decline, in the provider's language, from Yuno's `response_code` (as
 * `useCheckout().declineReason` gives it) or a payment status such as `EXPIRED`.
 *
 * @example
 * ```tsx
 * const { declineReason } = useCheckout();
 * const text = useDeclineMessage(declineReason);
 * return declineReason ? <p>{text}</p> : null;
 * ```
 */
export function useDeclineMessage(code: string | null | undefined): string {
  const t = useMessages(declineMessages);
  return t(declineMessageKey(code));
}

/**
 * The shopper-readable text for a failed request, in the provider's language, or `null` when there is no error. The
 * technical `error.message` stays for logs; this is what the screen shows.
 *
 * @example
 * ```tsx
 * const { error } = useCheckout();
 * const text = useErrorMessage(error);
 * return text ? <p role="alert">{text}</p> : null;
 * ```
 */
export function useErrorMessage(error: unknown): string | null {
  const t = useMessages(errorMessages);
  return error ? t(errorMessageKey(error)) : null;
}
