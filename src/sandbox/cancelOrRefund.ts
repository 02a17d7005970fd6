import type { CancelOrRefundRequest, CancelRequest, CaptureRequest, RefundRequest } from '../core';
import { isoTime } from './ids';
import { isOpenStatus } from './outcomes';
import { emitPaymentWebhook, newTransaction } from './paymentLifecycle';
import { paymentSummaryView } from './paymentViews';
import type { SandboxRuntime } from './runtime';
import type { PaymentRecord, TransactionRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';

type Json = Record<string, unknown>;

// The lifecycle of a payment after it is created, as Yuno's capture, refund and cancel pages describe it:
//
//   PENDING/AUTHORIZED ──capture (all)──▶ SUCCEEDED/CAPTURED ──refund (part)──▶ SUCCEEDED/PARTIALLY_REFUNDED
//          │          └─capture (part)─▶ SUCCEEDED/PARTIALLY_CAPTURED         └─refund (rest)──▶ REFUNDED/REFUNDED
//          └──cancel──▶ CANCELED/CANCELED
//
// A payment still waiting (READY_TO_PAY, PENDING) can be canceled too, except behind a 3DS challenge. What was captured
// bounds what can be refunded, over any number of partial refunds; a captured payment can no longer be canceled.

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Whether money moved and some of it is still unrefunded. */
function isRefundable(payment: PaymentRecord): boolean {
  return payment.status === 'SUCCEEDED' && payment.amount.captured - payment.amount.refunded > 1e-9;
}

const isAuthorized = (payment: PaymentRecord) => payment.status === 'PENDING' && payment.subStatus === 'AUTHORIZED';

/** The payment's transaction named in the path; `NOT_FOUND` when the payment has none by that id. */
export function findTransaction(payment: PaymentRecord, transactionId: string): TransactionRecord {
  const tx = payment.transactions.find((t) => t.id === transactionId);
  if (!tx) throw badRequest('NOT_FOUND', 'Transaction not found for this payment');
  return tx;
}

function assertNotInChallenge(payment: PaymentRecord): void {
  if (payment.challenge?.pending) {
    throw badRequest('INVALID_STATUS', 'A payment waiting for 3DS authentication cannot be canceled');
  }
}

function assertCurrency(payment: PaymentRecord, amount: { currency: string } | undefined): void {
  if (amount && amount.currency !== payment.amount.currency) {
    throw badRequest('INVALID_AMOUNT', "The amount's currency must be the payment's");
  }
}

/** A transaction that moved money and can be refunded: the PURCHASE or CAPTURE that succeeded. */
function assertRefundableTransaction(tx: TransactionRecord): void {
  if (!(tx.type === 'PURCHASE' || tx.type === 'CAPTURE') || tx.status !== 'SUCCEEDED') {
    throw badRequest('INVALID_STATUS', `A ${tx.status} ${tx.type} transaction cannot be refunded`);
  }
}

/** A transaction still open to be voided: the AUTHORIZE of an uncaptured payment, or the open PURCHASE of a waiting one. */
function assertCancelableTransaction(payment: PaymentRecord, tx: TransactionRecord): void {
  const authorization = tx.type === 'AUTHORIZE' && tx.status === 'SUCCEEDED' && isAuthorized(payment);
  const waiting =
    (tx.type === 'PURCHASE' || tx.type === 'THREE_D_SECURE') && ['CREATED', 'PENDING'].includes(tx.status);
  if (!authorization && !waiting) {
    throw badRequest('INVALID_STATUS', `A ${tx.status} ${tx.type} transaction cannot be canceled`);
  }
}

interface Operation {
  reason?: string | undefined;
  simplified_mode?: boolean | undefined;
  description?: string | undefined;
  merchant_reference?: string | undefined;
}

function record(rt: SandboxRuntime, payment: PaymentRecord, type: string, amount: number, body: Operation) {
  const tx = newTransaction(rt, payment, type, 'SUCCEEDED', 'SUCCEEDED', {
    amount,
    reason: body.reason ?? null,
    description: body.description ?? null,
    merchantReference: body.merchant_reference ?? null,
  });
  payment.transactions.push(tx);
  payment.updatedAt = tx.createdAt;
  payment.sdkActionRequired = false;
  return tx;
}

function refund(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  body: Operation & { amount?: { value: number } },
): TransactionRecord {
  const remaining = round(payment.amount.captured - payment.amount.refunded);
  const value = body.amount?.value ?? remaining;
  if (value <= 0 || value > remaining + 1e-9) {
    throw badRequest('INVALID_AMOUNT', `The refund amount must be more than 0 and at most ${remaining}`);
  }
  const tx = record(rt, payment, 'REFUND', value, body);
  payment.amount.refunded = round(payment.amount.refunded + value);
  const full = payment.amount.refunded >= payment.amount.captured - 1e-9;
  payment.status = full ? 'REFUNDED' : 'SUCCEEDED';
  payment.subStatus = full ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  emitPaymentWebhook(rt, payment, 'payment.refund');
  return tx;
}

function cancel(rt: SandboxRuntime, payment: PaymentRecord, body: Operation): TransactionRecord {
  const tx = record(rt, payment, 'CANCEL', payment.amount.value, body);
  payment.status = 'CANCELED';
  payment.subStatus = 'CANCELED';
  payment.cancelExpiry?.();
  payment.cancelExpiry = null;
  emitPaymentWebhook(rt, payment, 'payment.cancel');
  return tx;
}

/**
 * Cancels a payment not yet captured or refunds a captured one, wholly or in part, and answers the CANCEL or REFUND
 * transaction as Yuno does. With a transaction id (the per-transaction variant), that transaction is the one acted on.
 */
export function cancelOrRefund(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  body: CancelOrRefundRequest,
  transactionId?: string,
): Json {
  assertNotInChallenge(payment);
  const tx = transactionId === undefined ? undefined : findTransaction(payment, transactionId);
  const refundable = isRefundable(payment);
  if (!refundable && !isOpenStatus(payment.status)) {
    throw badRequest('INVALID_STATUS', `A ${payment.status} payment cannot be canceled or refunded`);
  }
  assertCurrency(payment, body.amount);
  if (refundable) {
    if (tx) assertRefundableTransaction(tx);
    const done = refund(rt, payment, body);
    return transactionOperationView(payment, done, done.amount);
  }
  if (tx) assertCancelableTransaction(payment, tx);
  const done = cancel(rt, payment, body);
  return transactionOperationView(payment, done, done.amount);
}

/**
 * Cancels (voids) a payment's authorization or its waiting purchase; a captured payment is refused. Answers the CANCEL
 * transaction with the receipt fields of Yuno's Cancel Payment example.
 */
export function cancelTransaction(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  transactionId: string,
  body: CancelRequest,
): Json {
  assertNotInChallenge(payment);
  const tx = findTransaction(payment, transactionId);
  if (!isOpenStatus(payment.status)) {
    throw badRequest(
      'INVALID_STATUS',
      `A ${payment.status} payment cannot be canceled${payment.status === 'SUCCEEDED' ? '; refund it instead' : ''}`,
    );
  }
  assertCancelableTransaction(payment, tx);
  const done = cancel(rt, payment, body);
  const view = transactionOperationView(payment, done, done.amount);
  return {
    ...view,
    customer_payer: null,
    receipt: false,
    receipt_language: null,
    receipt_url: null,
    simplified_mode: body.simplified_mode === true,
    // Yuno's Cancel Payment example carries the provider's raw answer as an object.
    provider_data: { ...(view.provider_data as Json), raw_response: { message: 'Sandbox test gateway: canceled' } },
    payment: { ...(view.payment as Json), split_marketplace: [] },
  };
}

/**
 * Refunds a captured transaction, wholly or in part; several partial refunds can follow one another. Yuno's Refund
 * Payment answers with the payment (its `transactions` the REFUND), so the payment is returned for the caller's view.
 */
export function refundTransaction(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  transactionId: string,
  body: RefundRequest,
): PaymentRecord {
  const tx = findTransaction(payment, transactionId);
  if (!isRefundable(payment)) {
    throw badRequest('INVALID_STATUS', `A ${payment.status} payment with nothing captured left cannot be refunded`);
  }
  assertRefundableTransaction(tx);
  assertCurrency(payment, body.amount);
  refund(rt, payment, body);
  return payment;
}

/** Captures an authorization, all of it or less (the rest is released); a payment is captured once. */
export function captureTransaction(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  transactionId: string,
  body: CaptureRequest,
): Json {
  const tx = findTransaction(payment, transactionId);
  if (!isAuthorized(payment)) {
    throw badRequest('INVALID_STATUS', `A ${payment.status} payment has no authorization to capture`);
  }
  if (tx.type !== 'AUTHORIZE' || tx.status !== 'SUCCEEDED') {
    throw badRequest('INVALID_STATUS', `A ${tx.status} ${tx.type} transaction cannot be captured`);
  }
  assertCurrency(payment, body.amount);
  const value = body.amount.value;
  if (value <= 0 || value > payment.amount.value + 1e-9) {
    throw badRequest('INVALID_AMOUNT', `The capture amount must be more than 0 and at most ${payment.amount.value}`);
  }
  const capture = record(rt, payment, 'CAPTURE', value, body);
  payment.amount.captured = round(value);
  payment.status = 'SUCCEEDED';
  payment.subStatus = value >= payment.amount.value - 1e-9 ? 'CAPTURED' : 'PARTIALLY_CAPTURED';
  if (payment.vaultedToken) {
    const vaulted = rt.store.findVaultedCard(payment.vaultedToken);
    if (vaulted) vaulted.lastSuccessfullyUsedAt = capture.createdAt;
  }
  emitPaymentWebhook(rt, payment, 'payment.capture');
  const view = transactionOperationView(payment, capture, value);
  const data = payment.additionalData ?? {};
  return {
    ...view,
    payment: {
      ...(view.payment as Json),
      additional_data: {
        airline: data.airline ?? null,
        order: data.order ?? null,
        seller_details: data.seller_details ?? null,
      },
    },
  };
}

/** A capture, refund or cancel transaction as those endpoints answer it, with a summary of its payment. */
export function transactionOperationView(payment: PaymentRecord, tx: TransactionRecord, value: number): Json {
  return {
    id: tx.id,
    type: tx.type,
    status: tx.status,
    category: tx.category,
    amount: {
      captured: payment.amount.captured,
      currency: payment.amount.currency,
      refunded: payment.amount.refunded,
      value,
    },
    merchant_reference: tx.merchantReference ?? '',
    created_at: isoTime(tx.createdAt),
    updated_at: isoTime(tx.updatedAt),
    provider_data: {
      id: tx.providerId,
      transaction_id: tx.id,
      account_id: '',
      status: tx.status,
      sub_status: '',
      status_detail: tx.status,
      response_message: tx.responseMessage,
      response_code: tx.responseCode,
      iso8583_response_code: '00',
      iso8583_response_message: 'Approved or completed successfully',
      raw_response: null,
      third_party_transaction_id: null,
      third_party_account_id: null,
    },
    response_code: tx.responseCode,
    response_message: tx.responseMessage,
    payment: paymentSummaryView(payment),
  };
}
