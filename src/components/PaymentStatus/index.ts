export { PaymentStatus, PaymentStatusMessage, PaymentStatusRetry } from './PaymentStatus';
export type {
  PaymentStatusProps,
  PaymentStatusState,
  PaymentStatusMessageProps,
  PaymentStatusRetryProps,
} from './PaymentStatus';
export { paymentStatusMessages } from './paymentStatusMessages';
export type { PaymentStatusMessageKey } from './paymentStatusMessages';
