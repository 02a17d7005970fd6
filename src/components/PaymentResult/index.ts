export { PaymentResult, PaymentResultMessage, PaymentResultRetry } from './PaymentResult';
export type {
  PaymentResultProps,
  PaymentResultState,
  PaymentResultMessageProps,
  PaymentResultRetryProps,
} from './PaymentResult';
export { paymentResultMessages } from './paymentResultMessages';
export type { PaymentResultMessageKey } from './paymentResultMessages';
