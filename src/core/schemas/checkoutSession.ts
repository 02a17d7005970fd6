import * as z from 'zod/mini';
import {
  AmountSchema,
  AmountValueSchema,
  CurrencyCodeSchema,
  CountryCodeSchema,
  IdSchema,
  MetadataSchema,
  NullableBoolean,
  NullableString,
  openEnum,
} from './common';

export const CHECKOUT_WORKFLOWS = ['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS'] as const;

export const InstallmentPlanSchema = z.looseObject({
  plan_id: NullableString,
  plan: z.optional(z.nullable(z.array(z.looseObject({ installment: z.int().check(z.gte(1)), rate: z.number() })))),
});
export type InstallmentPlan = z.infer<typeof InstallmentPlanSchema>;

/** Body of `POST /v1/checkout/sessions`. The server client fills in `account_id`. */
export const CreateCheckoutSessionRequestSchema = z.object({
  account_id: IdSchema,
  merchant_order_id: z.string().check(z.minLength(3), z.maxLength(255)),
  payment_description: z.string().check(z.minLength(3), z.maxLength(255)),
  country: CountryCodeSchema,
  customer_id: z.optional(IdSchema),
  amount: z.optional(AmountSchema),
  alternative_amount: z.optional(AmountSchema),
  callback_url: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  workflow: z.optional(openEnum(CHECKOUT_WORKFLOWS)),
  installments: z.optional(
    z.object({
      plan_id: z.optional(z.string()),
      plan: z.optional(z.array(z.object({ installment: z.int().check(z.gte(1)), rate: z.number() }))),
    }),
  ),
  metadata: MetadataSchema,
  checkout_id: z.optional(IdSchema),
});
export type CreateCheckoutSessionRequest = z.infer<typeof CreateCheckoutSessionRequestSchema>;

/**
 * A checkout session. Yuno names its id `checkout_session` when creating it and `id` when retrieving it; both are
 * accepted and `checkout_session` is always set after parsing.
 */
export const CheckoutSessionSchema = z.pipe(
  z.transform((input: unknown) => {
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      const o = input as Record<string, unknown>;
      if (o.checkout_session == null && typeof o.id === 'string') return { ...o, checkout_session: o.id };
    }
    return input;
  }),
  z.looseObject({
    checkout_session: IdSchema,
    id: z.optional(IdSchema),
    merchant_order_id: z.string(),
    payment_description: NullableString,
    country: CountryCodeSchema,
    customer_id: NullableString,
    callback_url: NullableString,
    amount: z.optional(z.nullable(AmountSchema)),
    created_at: NullableString,
    metadata: MetadataSchema,
    workflow: z.optional(z.nullable(openEnum(CHECKOUT_WORKFLOWS))),
    installments: z.optional(z.nullable(InstallmentPlanSchema)),
    checkout_id: NullableString,
    used: NullableBoolean,
  }),
);
export type CheckoutSession = z.infer<typeof CheckoutSessionSchema>;

/**
 * Body of `PATCH /v1/checkout/sessions/{checkout_session}`, allowed while the session has no payment. Yuno's schema
 * requires the fields Create requires, and `amount.value` too; its own example changes only `amount.currency`, so an
 * amount without `value` keeps the session's value.
 */
export const UpdateCheckoutSessionRequestSchema = z.object({
  account_id: IdSchema,
  merchant_order_id: z.string().check(z.minLength(3), z.maxLength(255)),
  payment_description: z.string().check(z.minLength(3), z.maxLength(255)),
  country: CountryCodeSchema,
  customer_id: z.optional(IdSchema),
  amount: z.optional(z.object({ currency: CurrencyCodeSchema, value: z.optional(AmountValueSchema) })),
  alternative_amount: z.optional(z.object({ currency: CurrencyCodeSchema, value: z.optional(AmountValueSchema) })),
  callback_url: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  workflow: z.optional(openEnum(CHECKOUT_WORKFLOWS)),
  installments: z.optional(
    z.object({
      plan_id: z.optional(z.string()),
      plan: z.optional(z.array(z.object({ installment: z.int().check(z.gte(1)), rate: z.number() }))),
    }),
  ),
  metadata: MetadataSchema,
});
export type UpdateCheckoutSessionRequest = z.infer<typeof UpdateCheckoutSessionRequestSchema>;
