import type { MessageCatalog } from '../../react';

const en = {
  'nextAction.challenge.title': 'Verify your payment with your bank',
  'nextAction.challenge.loading': 'Opening your bank’s verification…',
  'nextAction.challenge.inSdk': 'Complete your bank’s verification in the window that opened.',
  'nextAction.redirect.link': 'Continue to {method} to pay',
  'nextAction.qr.instructions': 'Scan the QR code with your bank app, or copy the code and paste it in your bank app.',
  'nextAction.qr.image': 'QR code to pay with {method}',
  'nextAction.code.label': '{method} copy-and-paste code',
  'nextAction.copy': 'Copy code',
  'nextAction.copied': 'Code copied to the clipboard.',
  'nextAction.copyFailed': 'The code could not be copied. Select it and copy it yourself.',
  'nextAction.expiresIn': 'Expires in {time}',
  'nextAction.expired': 'This code has expired. Start again to get a new one.',
  'nextAction.voucher.reference': 'Payment reference',
  'nextAction.voucher.barcode': 'Barcode number',
  'nextAction.voucher.expiresAt': 'Pay before',
  'nextAction.voucher.link': 'View and print the {method} voucher (opens in a new tab)',
} as const;

/**
 * A key of {@link nextActionMessages}.
 *
 * @example
 * ```ts
 * const key: NextActionMessageKey = 'nextAction.copy';
 * ```
 */
export type NextActionMessageKey = keyof typeof en;

/**
 * Every visible string of `<NextAction>` and its parts, in English, Latin-American Spanish and Brazilian Portuguese.
 * `{method}` is the payment method's name, `{time}` the time left.
 *
 * @example
 * ```tsx
 * <YunoProvider messages={{ pt: { 'nextAction.copy': 'Copiar código PIX' } }} … />
 * ```
 */
export const nextActionMessages: MessageCatalog<NextActionMessageKey> = {
  en,
  es: {
    'nextAction.challenge.title': 'Verifica tu pago con tu banco',
    'nextAction.challenge.loading': 'Abriendo la verificación de tu banco…',
    'nextAction.challenge.inSdk': 'Completa la verificación de tu banco en la ventana que se abrió.',
    'nextAction.redirect.link': 'Continuar a {method} para pagar',
    'nextAction.qr.instructions':
      'Escanea el código QR con la app de tu banco, o copia el código y pégalo en la app de tu banco.',
    'nextAction.qr.image': 'Código QR para pagar con {method}',
    'nextAction.code.label': 'Código {method} para copiar y pegar',
    'nextAction.copy': 'Copiar código',
    'nextAction.copied': 'Código copiado al portapapeles.',
    'nextAction.copyFailed': 'No se pudo copiar el código. Selecciónalo y cópialo tú mismo.',
    'nextAction.expiresIn': 'Vence en {time}',
    'nextAction.expired': 'Este código venció. Vuelve a empezar para obtener uno nuevo.',
    'nextAction.voucher.reference': 'Referencia de pago',
    'nextAction.voucher.barcode': 'Número del código de barras',
    'nextAction.voucher.expiresAt': 'Paga antes del',
    'nextAction.voucher.link': 'Ver e imprimir el comprobante de {method} (se abre en una pestaña nueva)',
  },
  pt: {
    'nextAction.challenge.title': 'Confirme seu pagamento com o seu banco',
    'nextAction.challenge.loading': 'Abrindo a verificação do seu banco…',
    'nextAction.challenge.inSdk': 'Conclua a verificação do seu banco na janela que se abriu.',
    'nextAction.redirect.link': 'Continuar para {method} para pagar',
    'nextAction.qr.instructions':
      'Escaneie o QR code com o app do seu banco ou copie o código e cole no app do seu banco.',
    'nextAction.qr.image': 'QR code para pagar com {method}',
    'nextAction.code.label': 'Código {method} copia e cola',
    'nextAction.copy': 'Copiar código',
    'nextAction.copied': 'Código copiado para a área de transferência.',
    'nextAction.copyFailed': 'Não foi possível copiar o código. Selecione e copie manualmente.',
    'nextAction.expiresIn': 'Expira em {time}',
    'nextAction.expired': 'Este código expirou. Comece de novo para gerar outro.',
    'nextAction.voucher.reference': 'Código de pagamento',
    'nextAction.voucher.barcode': 'Linha digitável',
    'nextAction.voucher.expiresAt': 'Pague até',
    'nextAction.voucher.link': 'Ver e imprimir o comprovante {method} (abre em uma nova aba)',
  },
};

/** Locales for dates: the regional forms of Spanish and Portuguese the catalog is written in. */
export const DATE_LOCALES = { en: 'en', es: 'es-419', pt: 'pt-BR' } as const;
