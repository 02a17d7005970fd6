import { PaymentSchema, WebhookV1Schema, WebhookV2Schema, type YunoWebhookEvent } from '../../core';

/** A webhook body that is not one of Yuno's envelopes. Its message never holds the body. */
export class YunoWebhookError extends Error {
  override readonly name = 'YunoWebhookError';
  constructor(
    message: string,
    readonly paths: readonly string[] = [],
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const dotted = (type: string, event: string) => (event.includes('.') ? event : `${type}.${event}`);

/**
 * The transaction a payment webhook is about. Yuno's webhook payment carries `transactions` as one object (the latest);
 * the Retrieve shape has an array, whose last entry is the latest.
 */
function latestTransaction(payment: Json | undefined): Json | undefined {
  const transactions = payment?.['transactions'];
  if (Array.isArray(transactions)) {
    const last: unknown = transactions[transactions.length - 1];
    return isObject(last) ? last : undefined;
  }
  return isObject(transactions) ? transactions : undefined;
}

/** Transaction types as Yuno names them, to the event each one is notified as. */
const EVENT_OF_TRANSACTION: Record<string, string> = {
  PURCHASE: 'payment.purchase',
  AUTHORIZE: 'payment.authorize',
  CAPTURE: 'payment.capture',
  REFUND: 'payment.refund',
  CANCEL: 'payment.cancel',
  VERIFY: 'payment.verify',
  CHARGEBACK: 'payment.chargeback',
  PRECHARGEBACK: 'payment.chargeback',
};

/**
 * A v1 body has no `type_event`: what it is about is read from the body itself. A `split_update` block makes it a
 * split update; otherwise the latest transaction's type (a `CHARGEBACK` transaction in Yuno's chargeback example, a
 * `PURCHASE` one in its payment example), and without transactions the payment's status.
 */
function v1Event(body: Json, payment: Json): string {
  if (isObject(body['split_update'])) return 'payment.split_update';
  const fromTransaction = EVENT_OF_TRANSACTION[text(latestTransaction(payment)?.['type']).toUpperCase()];
  if (fromTransaction) return fromTransaction;
  switch (text(payment['status']).toUpperCase()) {
    case 'CHARGEBACK':
    case 'IN_DISPUTE':
      return 'payment.chargeback';
    case 'REFUNDED':
    case 'PARTIALLY_REFUNDED':
      return 'payment.refund';
    case 'CANCELED':
    case 'CANCELLED':
      return 'payment.cancel';
    default:
      return 'payment.purchase';
  }
}

/**
 * What identifies one event, whatever the retry: the event name, the account, the resource, and the state the event
 * reports (status, sub-status, the latest transaction and when the resource last changed). Yuno's payment
 * `idempotency_key` is the key the payment was *created* with, the same on every event of that payment, so it cannot
 * tell a payment's READY_TO_PAY from its SUCCEEDED, or a purchase from the chargeback that follows it; a per-operation
 * key (`data.idempotency_key` of subscription events, `split_update.idempotency_key`) is part of the identity where
 * Yuno sends one.
 */
function eventIdentity(event: string, accountId: string | null, data: Json, operationKey: string | null): string {
  const resource =
    (isObject(data['payment']) && data['payment']) ||
    (isObject(data['payment_method']) && data['payment_method']) ||
    (Object.values(data).find((value) => isObject(value) && 'id' in value) as Json | undefined) ||
    undefined;
  const transaction = latestTransaction(resource);
  const parts = [
    event,
    accountId ?? text(resource?.['account_id']),
    text(resource?.['id']),
    text(resource?.['status']),
    text(resource?.['sub_status']),
    text(transaction?.['id']),
    text(transaction?.['type']),
    text(transaction?.['status']),
    text(resource?.['updated_at']),
    operationKey ?? '',
  ];
  return parts.map((part) => part.replaceAll('|', '%7C')).join('|');
}

function issuePaths(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string[] {
  return issues.map((i) => i.path.map(String).join('.') || '(root)');
}

/**
 * Reads a webhook of either version into one shape: v2 envelopes (`{ type, type_event, data: { payment } }`) and v1
 * bodies (`{ payment }`, read as their real type: a chargeback, a refund or a purchase, from the body), with event
 * names in dotted form whether Yuno sent `payment.purchase` or the short `type: 'payment', type_event: 'purchase'`.
 * `key` identifies the event across Yuno's retries of it, and tells apart distinct events of one payment.
 *
 * @example
 * ```ts
 * const event = parseYunoWebhook(raw);
 * if (event.event === 'payment.purchase' && event.payment?.status === 'SUCCEEDED') await fulfil(event.payment);
 * ```
 */
export function parseYunoWebhook(body: string | unknown): YunoWebhookEvent {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      throw new YunoWebhookError('The webhook body is not JSON');
    }
  }
  if (isObject(value) && 'type_event' in value) {
    const parsed = WebhookV2Schema.safeParse(value);
    if (!parsed.success) {
      const paths = issuePaths(parsed.error.issues);
      throw new YunoWebhookError(`The webhook envelope is not Yuno's (${paths.join(', ')})`, paths);
    }
    const envelope = parsed.data;
    const type = envelope.type;
    const event = dotted(type, envelope.type_event);
    const data = value['data'] as Json;
    const splitUpdate = data['split_update'];
    const operationKey =
      envelope.data.idempotency_key ??
      envelope.idempotency_key ??
      (isObject(splitUpdate) ? text(splitUpdate['idempotency_key']) || null : null);
    const accountId = envelope.account_id ?? null;
    return {
      version: 2,
      type,
      event,
      key: eventIdentity(event, accountId, data, operationKey),
      idempotencyKey: operationKey ?? envelope.data.payment?.idempotency_key ?? null,
      retry: envelope.retry ?? 0,
      accountId,
      ...(envelope.data.payment ? { payment: envelope.data.payment } : {}),
      ...(envelope.data.payment_method ? { paymentMethod: envelope.data.payment_method } : {}),
      raw: value,
    };
  }
  const v1 = WebhookV1Schema.safeParse(value);
  if (!v1.success || !isObject(value)) {
    const paths = v1.success ? ['(root)'] : issuePaths(v1.error.issues);
    throw new YunoWebhookError(`The webhook body is not Yuno's (${paths.join(', ')})`, paths);
  }
  const payment = PaymentSchema.parse(v1.data.payment);
  const rawPayment = value['payment'] as Json;
  const event = v1Event(value, rawPayment);
  const splitUpdate = value['split_update'];
  const operationKey = isObject(splitUpdate) ? text(splitUpdate['idempotency_key']) || null : null;
  const accountId = payment.account_id ?? null;
  return {
    version: 1,
    type: 'payment',
    event,
    key: eventIdentity(event, accountId, { payment: rawPayment }, operationKey),
    idempotencyKey: operationKey ?? payment.idempotency_key ?? null,
    retry: 0,
    accountId,
    payment,
    raw: value,
  };
}

/**
 * The key a webhook is deduplicated on: the same for every retry of one event, different for each distinct event of a
 * resource (a new status or sub-status, a new transaction, a refund, a chargeback, an enrollment change).
 *
 * @example
 * ```ts
 * const event = parseYunoWebhook(raw);
 * if (await alreadyHandled(webhookDedupKey(event))) return new Response(null, { status: 200 });
 * ```
 */
export function webhookDedupKey(event: YunoWebhookEvent): string {
  return event.key;
}
