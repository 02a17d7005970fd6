import type { MessageCatalog } from '../../react';

const en = {
  'paymentStatus.processing': 'Processing your payment…',
  'paymentStatus.waiting': 'Waiting for the payment to be confirmed…',
  'paymentStatus.actionRequired': 'Follow the steps shown to finish your payment.',
  'paymentStatus.succeeded': 'Payment approved. Thank you!',
  'paymentStatus.declined': 'Payment declined.',
  'paymentStatus.failed': 'The payment could not be completed.',
  'paymentStatus.error': 'The payment could not be sent.',
  'paymentStatus.retry': 'Try again',
} as const;

/**
 * A key of {@link paymentResultMessages}.
 *
 * @example
 * ```ts
 * const key: PaymentResultMessageKey = 'paymentStatus.retry';
 * ```
 */
export type PaymentResultMessageKey = keyof typeof en;

/**
 * Every visible string of `<PaymentResult>`, in English, Latin-American Spanish and Brazilian Portuguese. The reason
 * after "Payment declined." comes from `declineMessages`, the text of a failed request from `errorMessages`.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ 'paymentStatus.succeeded': 'Paid! Your order is on its way.' }} … />
 * ```
 */
export const paymentResultMessages: MessageCatalog<PaymentResultMessageKey> = {
  en,
  es: {
    'paymentStatus.processing': 'Procesando tu pago…',
    'paymentStatus.waiting': 'Esperando la confirmación del pago…',
    'paymentStatus.actionRequired': 'Sigue los pasos indicados para terminar tu pago.',
    'paymentStatus.succeeded': 'Pago aprobado. ¡Gracias!',
    'paymentStatus.declined': 'Pago rechazado.',
    'paymentStatus.failed': 'No se pudo completar el pago.',
    'paymentStatus.error': 'No se pudo enviar el pago.',
    'paymentStatus.retry': 'Intentar de nuevo',
  },
  pt: {
    'paymentStatus.processing': 'Processando seu pagamento…',
    'paymentStatus.waiting': 'Aguardando a confirmação do pagamento…',
    'paymentStatus.actionRequired': 'Siga as etapas indicadas para concluir seu pagamento.',
    'paymentStatus.succeeded': 'Pagamento aprovado. Obrigado!',
    'paymentStatus.declined': 'Pagamento recusado.',
    'paymentStatus.failed': 'Não foi possível concluir o pagamento.',
    'paymentStatus.error': 'Não foi possível enviar o pagamento.',
    'paymentStatus.retry': 'Tentar novamente',
  },
};
