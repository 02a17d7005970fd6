import type { CancelOrRefundRequest } from '../core';
import { isoTime } from './ids';
import { isOpenStatus } from './outcomes';
import { emitPaymentWebhook, newTransaction } from './paymentLifecycle';
import { paymentSummaryView } from './paymentViews';
import type { SandboxRuntime } from './runtime';
import type { PaymentRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';

type Json = Record<string, unknown>;

/**
 * Cancels a payment not yet captured or refunds a captured one, wholly or in part, and answers the CANCEL or REFUND
 * transaction as Yuno does.
 */
export function cancelOrRefund(rt: SandboxRuntime, payment: PaymentRecord, body: CancelOrRefundRequest): Json {
  if (payment.challenge?.pending) {
    throw badRequest('INVALID_STATUS', 'A payment waiting for 3DS authentication cannot be canceled');
  }
  const refundable = payment.status === 'SUCCEEDED';
  if (!refundable && !isOpenStatus(payment.status)) {
    throw badRequest('INVALID_STATUS', `A ${payment.status} payment cannot be canceled or refunded`);
  }
  if (body.amount && body.amount.currency !== payment.amount.currency) {
    throw badRequest('INVALID_AMOUNT', "The amount's currency must be the payment's");
  }
  const remaining = payment.amount.value - payment.amount.refunded;
  const value = refundable ? (body.amount?.value ?? remaining) : payment.amount.value;
  if (refundable && (value <= 0 || value > remaining + 1e-9)) {
    throw badRequest('INVALID_AMOUNT', `The refund amount must be more than 0 and at most ${remaining}`);
  }

  const type = refundable ? 'REFUND' : 'CANCEL';
  const tx = newTransaction(rt, payment, type, 'SUCCEEDED', 'SUCCEEDED', {
    amount: value,
    reason: body.reason ?? null,
    description: body.description ?? null,
    merchantReference: body.merchant_reference ?? null,
  });
  const now = tx.createdAt;
  payment.transactions.push(tx);
  payment.updatedAt = now;
  payment.sdkActionRequired = false;
  if (refundable) {
    payment.amount.refunded = Math.round((payment.amount.refunded + value) * 10_000) / 10_000;
    const full = payment.amount.refunded >= payment.amount.value - 1e-9;
    payment.status = full ? 'REFUNDED' : 'SUCCEEDED';
    payment.subStatus = full ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  } else {
    payment.status = 'CANCELED';
    payment.subStatus = 'CANCELED';
    payment.cancelExpiry?.();
    payment.cancelExpiry = null;
  }
  emitPaymentWebhook(rt, payment, refundable ? 'payment.refund' : 'payment.cancel');

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
      response_message: null,
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
