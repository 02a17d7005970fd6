import * as z from 'zod/mini';
import { NullableNumber, NullableString } from './common';
import { EnrollmentSchema } from './customerSession';
import { PaymentSchema } from './payment';

export const WEBHOOK_EVENT_TYPES = [
  'payment.purchase',
  'payment.authorize',
  'payment.capture',
  'payment.refund',
  'payment.cancel',
  'payment.verify',
  'payment.chargeback',
  'payment.fraud_screening',
  'enrollment.enroll',
  'enrollment.unenroll',
  'enrollment.expiration',
  'enrollment.update',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | (string & {});

/** A webhook payment: the Retrieve shape, plus `transactions` as Yuno sends it in webhooks. */
export const WebhookV2Schema = z.looseObject({
  type: z.string(),
  type_event: z.string(),
  account_id: NullableString,
  retry: NullableNumber,
  version: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  idempotency_key: NullableString,
  data: z.looseObject({
    payment: z.optional(PaymentSchema),
    payment_method: z.optional(z.looseObject({ ...EnrollmentSchema.def.shape, customer_id: NullableString })),
    idempotency_key: NullableString,
  }),
});
export type WebhookV2 = z.infer<typeof WebhookV2Schema>;

/** Yuno's legacy (v1) payload: `{ payment: {…} }` without an envelope. */
export const WebhookV1Schema = z.looseObject({ payment: PaymentSchema });
export type WebhookV1 = z.infer<typeof WebhookV1Schema>;

/**
 * A webhook normalised from either version: `type` and `event` always in dotted form (`payment.purchase`), whichever
 * form Yuno sent (`type_event: "purchase"` with `type: "payment"` is the short form in Yuno's own table).
 */
export interface YunoWebhookEvent {
  version: 1 | 2;
  /** `payment`, `enrollment`, … */
  type: string;
  /** Dotted event name, e.g. `payment.purchase`. */
  event: WebhookEventType;
  /**
   * What identifies this event across Yuno's retries, and tells it from every other event of the same resource (a
   * new status or sub-status, a new transaction, a refund, a chargeback, an enrollment change). Deduplicate on it.
   */
  key: string;
  /**
   * The operation's key where Yuno sends one (`data.idempotency_key`, `split_update.idempotency_key`), else the
   * payment's `idempotency_key`: the key the payment was created with, the same on every event of that payment, so
   * never a deduplication key on its own.
   */
  idempotencyKey: string | null;
  retry: number;
  accountId: string | null;
  payment?: z.infer<typeof PaymentSchema>;
  paymentMethod?: z.infer<typeof WebhookV2Schema>['data']['payment_method'];
  raw: unknown;
}
