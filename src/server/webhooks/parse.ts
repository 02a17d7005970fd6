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

const dotted = (type: string, event: string) => (event.includes('.') ? event : `${type}.${event}`);

/**
 * Reads a webhook of either version into one shape: v2 envelopes (`{ type, type_event, data: { payment } }`) and v1
 * bodies (`{ payment }`), with event names in dotted form whether Yuno sent `payment.purchase` or the short
 * `type: 'payment', type_event: 'purchase'`. The deduplication key is `data.idempotency_key`, else
 * `data.payment.idempotency_key`.
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
  if (value && typeof value === 'object' && 'type_event' in value) {
    const parsed = WebhookV2Schema.safeParse(value);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
      throw new YunoWebhookError(`The webhook envelope is not Yuno's (${paths.join(', ')})`, paths);
    }
    const envelope = parsed.data;
    const type = envelope.type;
    return {
      version: 2,
      type,
      event: dotted(type, envelope.type_event),
      idempotencyKey:
        envelope.data.idempotency_key ?? envelope.idempotency_key ?? envelope.data.payment?.idempotency_key ?? null,
      retry: envelope.retry ?? 0,
      accountId: envelope.account_id ?? null,
      ...(envelope.data.payment ? { payment: envelope.data.payment } : {}),
      ...(envelope.data.payment_method ? { paymentMethod: envelope.data.payment_method } : {}),
      raw: value,
    };
  }
  const v1 = WebhookV1Schema.safeParse(value);
  if (!v1.success) {
    const paths = v1.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
    throw new YunoWebhookError(`The webhook body is not Yuno's (${paths.join(', ')})`, paths);
  }
  const payment = PaymentSchema.parse(v1.data.payment);
  return {
    version: 1,
    type: 'payment',
    event: 'payment.purchase',
    idempotencyKey: payment.idempotency_key ?? null,
    retry: 0,
    accountId: payment.account_id ?? null,
    payment,
    raw: value,
  };
}

/** The key a webhook is deduplicated on: its event and idempotency key, or the resource, event and status. */
export function webhookDedupKey(event: YunoWebhookEvent): string {
  if (event.idempotencyKey) return `${event.event}:${event.idempotencyKey}`;
  const resource = event.payment?.id ?? event.paymentMethod?.id ?? 'unknown';
  const status = event.payment?.status ?? event.paymentMethod?.status ?? '';
  return `${event.event}:${resource}:${status}`;
}
