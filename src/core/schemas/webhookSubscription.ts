import * as z from 'zod/mini';
import { IdSchema, NullableString } from './common';

/** The events a webhook subscribes to, per kind, as Yuno's Webhooks API names them. */
export const WEBHOOK_TRIGGERS = {
  enrollment_triggers: ['ENROLL', 'UNENROLL'],
  payment_triggers: ['AUTHORIZE', 'CANCEL', 'CAPTURE', 'CHARGEBACK', 'PRECHARGEBACK', 'PURCHASE', 'REFUND', 'VERIFY'],
  report_triggers: ['CREATE', 'UPDATE'],
  subscription_triggers: ['ACTIVE', 'CANCEL', 'CLOSE_TO_RENEWAL', 'COMPLETE', 'CREATE', 'PAUSE', 'RESUME'],
  onboarding_triggers: [
    'BLOCKED',
    'CANCELLED',
    'CREATED',
    'DECLINED',
    'ERROR',
    'EXPIRED',
    'INACTIVE',
    'PENDING',
    'SUCCEEDED',
    'TRANSFERRED',
    'UNBLOCKED',
  ],
} as const;
export type WebhookTriggerField = keyof typeof WEBHOOK_TRIGGERS;

export const WEBHOOK_STATES = ['ACTIVE', 'INACTIVE'] as const;

const triggers = z.optional(z.array(z.string()));
const text = z.optional(z.string());

const writableFields = {
  name: text,
  url: text,
  api_key: text,
  secret: text,
  hmac_client_secret: text,
  oauth2_authentication_url: text,
  oauth2_client_id: text,
  oauth2_client_secret: text,
  oauth2_grant_type: text,
  oauth2_authorization_name: text,
  oauth2_include_client_id: z.optional(z.boolean()),
  enrollment_triggers: triggers,
  payment_triggers: triggers,
  report_triggers: triggers,
  subscription_triggers: triggers,
  onboarding_triggers: triggers,
  renewal_days: z.optional(z.int().check(z.gte(1))),
};

/** Body of `POST /v1/webhooks`: `account_id`, `name`, `url` and at least one trigger. */
export const CreateWebhookRequestSchema = z.object({
  ...writableFields,
  account_id: IdSchema,
  name: z.string().check(z.minLength(1)),
  url: z.string().check(z.minLength(1)),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequestSchema>;

/** Body of `PATCH /v1/webhooks/{webhook_id}`: only what changes; a trigger list replaces the one it names. */
export const UpdateWebhookRequestSchema = z.object({
  ...writableFields,
  account_id: IdSchema,
  state: z.optional(z.enum(WEBHOOK_STATES)),
  oauth2_scope: text,
  clear_renewal_days: z.optional(z.boolean()),
});
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequestSchema>;

const nullableTriggers = z.optional(z.nullable(z.array(z.string())));

/** A webhook subscription as Yuno answers it: its secrets masked as `***` (or `null` when not configured). */
export const WebhookSubscriptionSchema = z.looseObject({
  id: z.string(),
  account_id: NullableString,
  name: z.string(),
  state: z.string(),
  url: z.string(),
  api_key: NullableString,
  secret: NullableString,
  hmac_client_secret: NullableString,
  enrollment_triggers: nullableTriggers,
  payment_triggers: nullableTriggers,
  report_triggers: nullableTriggers,
  subscription_triggers: nullableTriggers,
  onboarding_triggers: nullableTriggers,
  renewal_days: z.optional(z.nullable(z.number())),
  created_at: NullableString,
  updated_at: NullableString,
});
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

export const WebhookSubscriptionListSchema = z.array(WebhookSubscriptionSchema);
