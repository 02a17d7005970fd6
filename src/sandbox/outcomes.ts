/** Where a payment ends up, with the transaction code that says why. */
export interface Outcome {
  status: string;
  subStatus: string;
  responseCode: string;
  responseMessage: string;
}

/** Response messages for the transaction codes the sandbox produces, after Yuno's transaction-code table. */
const RESPONSE_MESSAGES: Record<string, string> = {
  SUCCEEDED: 'Transaction successful',
  SUCCEEDED_THREE_D_SECURE: 'Three D Secure authentication successful',
  INSUFFICIENT_FUNDS: 'Insufficient funds',
  DECLINED_BY_BANK: 'Declined by the issuing bank',
  DO_NOT_HONOR: 'Do not honor',
  INVALID_SECURITY_CODE: 'Invalid security code',
  INVALID_CARD_DATA: 'Invalid card data',
  EXPIRED_CARD: 'Expired card',
  REPORTED_STOLEN: 'Card reported stolen',
  REPORTED_LOST: 'Card reported lost',
  AUTHENTICATION_FAILED_THREE_D_SECURE: 'Three D Secure authentication failed',
  THREE_D_SECURE_REQUIRED: 'Three D Secure authentication required',
  CHALLENGE_REQUIRED: 'Three D Secure challenge required',
  FRAUD_VALIDATION: 'Declined by fraud validation',
  CANCELLED_BY_USER: 'Cancelled by the user',
  DECLINED: 'Transaction declined',
  ERROR: 'Transaction error',
  PROVIDER_ERROR: 'Provider error',
  PROVIDER_TIMEOUT: 'Provider timeout',
  PENDING_PROVIDER_CONFIRMATION: 'Pending provider confirmation',
  PENDING_FRAUD_REVIEW: 'Pending fraud review',
  IN_REVIEW: 'In review',
  EXPIRED: 'Payment expired',
  CANCELED: 'Payment canceled',
  REJECTED: 'Transaction rejected',
};

export function responseMessage(code: string): string {
  return RESPONSE_MESSAGES[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

export function outcome(status: string, subStatus: string, responseCode: string): Outcome {
  return { status, subStatus, responseCode, responseMessage: responseMessage(responseCode) };
}

export const APPROVED = outcome('SUCCEEDED', 'APPROVED', 'SUCCEEDED');

const DECLINE_CODES = new Set([
  'INSUFFICIENT_FUNDS',
  'DECLINED_BY_BANK',
  'DO_NOT_HONOR',
  'INVALID_SECURITY_CODE',
  'INVALID_CARD_DATA',
  'EXPIRED_CARD',
  'REPORTED_STOLEN',
  'REPORTED_LOST',
  'AUTHENTICATION_FAILED_THREE_D_SECURE',
  'THREE_D_SECURE_REQUIRED',
  'FRAUD_VALIDATION',
  'CANCELLED_BY_USER',
]);
const ERROR_CODES = new Set(['PROVIDER_ERROR', 'PROVIDER_TIMEOUT', 'TIMEOUT']);
const PENDING_SUB_STATUSES = new Set([
  'AUTHORIZED',
  'IN_PROCESS',
  'PENDING_PROVIDER_CONFIRMATION',
  'PENDING_FRAUD_REVIEW',
  'PENDING_OTP_COMPLETION',
]);

/** The special description value that sends a card payment to a 3DS challenge, like the challenge test cards. */
export const CHALLENGE_DESCRIPTION = 'CHALLENGE_REQUIRED';

/**
 * Yuno's test gateway forces an outcome when the payment description is a status or a response code (card data wins
 * when it decides). Returns undefined for any other description.
 */
export function outcomeFromDescription(description: string): Outcome | undefined {
  const value = description.trim().toUpperCase();
  if (value === 'SUCCEEDED' || value === 'APPROVED') return APPROVED;
  if (value === 'DECLINED') return outcome('DECLINED', 'DECLINED', 'DECLINED');
  if (value === 'FRAUD_DECLINED') return outcome('DECLINED', 'FRAUD_DECLINED', 'FRAUD_VALIDATION');
  if (value === 'REJECTED') return outcome('REJECTED', 'REJECTED', 'REJECTED');
  if (value === 'ERROR') return outcome('ERROR', 'ERROR', 'ERROR');
  if (value === 'PENDING') return outcome('PENDING', 'PENDING_PROVIDER_CONFIRMATION', 'PENDING_PROVIDER_CONFIRMATION');
  if (DECLINE_CODES.has(value)) return outcome('DECLINED', 'DECLINED', value);
  if (ERROR_CODES.has(value)) return outcome('ERROR', value === 'TIMEOUT' ? 'TIMEOUT' : 'ERROR', value);
  if (PENDING_SUB_STATUSES.has(value)) return outcome('PENDING', value, value === 'IN_PROCESS' ? 'IN_REVIEW' : value);
  if (value === 'IN_REVIEW') return outcome('PENDING', 'PENDING_FRAUD_REVIEW', 'IN_REVIEW');
  return undefined;
}

const DEFAULT_SUB_STATUS: Record<string, string> = {
  SUCCEEDED: 'APPROVED',
  DECLINED: 'DECLINED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  CANCELED: 'CANCELED',
  ERROR: 'ERROR',
  PENDING: 'IN_PROCESS',
  READY_TO_PAY: 'CREATED',
  CREATED: 'CREATED',
  REFUNDED: 'REFUNDED',
  VERIFIED: 'VERIFIED',
  FRAUD: 'FRAUD_VERIFIED',
};

const DEFAULT_RESPONSE_CODE: Record<string, string> = {
  SUCCEEDED: 'SUCCEEDED',
  DECLINED: 'DECLINED_BY_BANK',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  CANCELED: 'CANCELED',
  ERROR: 'ERROR',
  PENDING: 'PENDING_PROVIDER_CONFIRMATION',
};

/** The outcome of `settlePayment`: a bare status gets its usual sub-status and code. */
export function settlementOutcome(
  input: string | { status: string; sub_status?: string; response_code?: string },
): Outcome {
  const spec = typeof input === 'string' ? { status: input } : input;
  const status = spec.status.toUpperCase();
  const subStatus = spec.sub_status ?? DEFAULT_SUB_STATUS[status] ?? status;
  const code = spec.response_code ?? DEFAULT_RESPONSE_CODE[status] ?? status;
  return outcome(status, subStatus, code);
}

/** The status a payment's transaction takes for a payment status. */
export function transactionStatusFor(paymentStatus: string): string {
  switch (paymentStatus) {
    case 'READY_TO_PAY':
    case 'CREATED':
      return 'CREATED';
    case 'SUCCEEDED':
    case 'REFUNDED':
    case 'VERIFIED':
      return 'SUCCEEDED';
    default:
      return paymentStatus;
  }
}

/** Statuses a payment can still leave on its own (a shopper action, a provider confirmation). */
export function isOpenStatus(status: string): boolean {
  return status === 'CREATED' || status === 'READY_TO_PAY' || status === 'PENDING';
}
