import { webhookData } from './projectWebhook';
import { randomDigits, uuid } from './ids';
import {
  APPROVED,
  type Outcome,
  isOpenStatus,
  outcome,
  responseMessage,
  settlementOutcome,
  transactionStatusFor,
} from './outcomes';
import { paymentWebhookView } from './paymentViews';
import type { SandboxRuntime } from './runtime';
import type { PaymentRecord, TransactionRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';
import { challengeAnswer, threeDSecureResult } from './threeDSecure';
import type { SandboxSettlement } from './types';
import { vaultCard } from './vault';

type Json = Record<string, unknown>;

export function newTransaction(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  type: string,
  status: string,
  responseCode: string,
  extra: Partial<TransactionRecord> = {},
): TransactionRecord {
  const now = rt.clock.now();
  return {
    id: uuid(),
    type,
    status,
    category: payment.category,
    amount: payment.amount.value,
    providerId: payment.flow === 'card' ? 'YUNO_TEST_PAYMENT_GW' : 'SANDBOX',
    responseCode,
    responseMessage: responseMessage(responseCode),
    reason: null,
    description: payment.description,
    merchantReference: payment.merchantReference ?? payment.merchantOrderId,
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

export function cardDetail(payment: PaymentRecord): Record<string, unknown> | undefined {
  return payment.detail.card;
}

export function emitPaymentWebhook(rt: SandboxRuntime, payment: PaymentRecord, typeEvent = 'payment.purchase'): void {
  if (!rt.webhooks.enabled) return;
  rt.webhooks.emit({
    type: 'payment',
    typeEvent,
    data: webhookData('payment', { payment: paymentWebhookView(payment) }),
  });
}

/** What succeeding does beyond the status: capture, an authorization code, vaulting, "last used". */
export function onSucceeded(rt: SandboxRuntime, payment: PaymentRecord): void {
  const now = rt.clock.now();
  payment.amount.captured = payment.amount.value;
  const card = cardDetail(payment);
  if (card && !card.authorization_code) card.authorization_code = randomDigits(6);
  if (payment.vaultOnSuccess && payment.cardRef && payment.customerId && !payment.vaultedToken) {
    payment.vaultedToken = vaultCard(
      rt,
      payment.customerId,
      payment.cardRef,
      payment.country,
      null,
    ).record.vaultedToken;
  }
  if (payment.vaultedToken) {
    const vaulted = rt.store.findVaultedCard(payment.vaultedToken);
    if (vaulted) vaulted.lastSuccessfullyUsedAt = now;
  }
}

/**
 * Moves a payment to an outcome: its open transaction takes the result (or a new one of `txType` records it), and a
 * webhook tells the merchant.
 */
export function transition(rt: SandboxRuntime, payment: PaymentRecord, result: Outcome, txType = 'PURCHASE'): void {
  const now = rt.clock.now();
  payment.status = result.status;
  payment.subStatus = result.subStatus;
  payment.updatedAt = now;
  payment.sdkActionRequired = false;
  const open = payment.transactions[payment.transactions.length - 1];
  if (open && (open.status === 'CREATED' || open.status === 'PENDING')) {
    open.status = transactionStatusFor(result.status);
    open.responseCode = result.responseCode;
    open.responseMessage = result.responseMessage;
    open.updatedAt = now;
  } else {
    payment.transactions.push(
      newTransaction(rt, payment, txType, transactionStatusFor(result.status), result.responseCode),
    );
  }
  if (result.status === 'SUCCEEDED') onSucceeded(rt, payment);
  if (!isOpenStatus(result.status)) {
    payment.cancelExpiry?.();
    payment.cancelExpiry = null;
  }
  emitPaymentWebhook(rt, payment);
}

export function findPayment(rt: SandboxRuntime, id: string): PaymentRecord {
  const payment = rt.store.payments.get(id);
  if (!payment) throw badRequest('PAYMENT_NOT_FOUND', 'Payment not found');
  return payment;
}

/** Ends a payment still waiting (PIX, redirect, voucher, PENDING) with the outcome given. */
export function settlePayment(rt: SandboxRuntime, id: string, settlement: SandboxSettlement): PaymentRecord {
  const payment = findPayment(rt, id);
  if (!isOpenStatus(payment.status)) {
    throw badRequest('INVALID_STATUS', `The payment is ${payment.status} and can no longer be settled`);
  }
  const result = settlementOutcome(settlement);
  payment.challenge = null;
  transition(rt, payment, result);
  return payment;
}

/** Answers a payment's 3DS challenge: authenticated → approved, anything else → declined. */
export function completeThreeDSecure(
  rt: SandboxRuntime,
  checkoutSessionOrPaymentId: string,
  otp: string,
): PaymentRecord {
  const payment = rt.store.findChallengedPayment(checkoutSessionOrPaymentId);
  if (!payment) throw badRequest('PAYMENT_NOT_FOUND', 'No payment for this checkout session');
  if (!payment.challenge?.pending) throw badRequest('INVALID_STATUS', 'No 3DS challenge is waiting for this payment');
  const answer = challengeAnswer(otp);
  const card = cardDetail(payment);
  const cardData = card?.card_data as Json | undefined;
  if (cardData) cardData.three_d_secure = threeDSecureResult(String(cardData.brand ?? ''), answer.paresStatus);
  if (card) delete card.redirect_url;
  payment.challenge = null;
  const challengeTx = payment.transactions[payment.transactions.length - 1];
  if (answer.passed) {
    if (challengeTx) {
      challengeTx.status = 'SUCCEEDED';
      challengeTx.responseCode = 'SUCCEEDED_THREE_D_SECURE';
      challengeTx.responseMessage = responseMessage('SUCCEEDED_THREE_D_SECURE');
      challengeTx.updatedAt = rt.clock.now();
    }
    if (payment.capture) transition(rt, payment, APPROVED);
    else authorizeAfterChallenge(rt, payment);
  } else {
    transition(rt, payment, outcome('DECLINED', 'DECLINED', 'AUTHENTICATION_FAILED_THREE_D_SECURE'));
  }
  return payment;
}

/**
 * A payment created with `capture: false` whose 3DS challenge passed is authorized, not captured: it waits
 * (PENDING / AUTHORIZED) with a succeeded AUTHORIZE transaction for the merchant to capture or cancel.
 */
function authorizeAfterChallenge(rt: SandboxRuntime, payment: PaymentRecord): void {
  payment.status = 'PENDING';
  payment.subStatus = 'AUTHORIZED';
  payment.updatedAt = rt.clock.now();
  payment.sdkActionRequired = false;
  payment.transactions.push(newTransaction(rt, payment, 'AUTHORIZE', 'SUCCEEDED', 'SUCCEEDED'));
  const card = cardDetail(payment);
  if (card && !card.authorization_code) card.authorization_code = randomDigits(6);
  emitPaymentWebhook(rt, payment, 'payment.authorize');
}
