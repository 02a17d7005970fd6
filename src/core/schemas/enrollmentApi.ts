import * as z from 'zod/mini';
import { CountryCodeSchema, IdSchema, MetadataSchema, NullableString, openEnum } from './common';

/** The `payment_method_type`s a customer session enrolls through Yuno's SDK (Enroll Payment Method, checkout). */
export const SESSION_ENROLLMENT_TYPES = [
  'CARD',
  'MERCADO_PAGO_WALLET',
  'NEQUI',
  'BANCOLOMBIA_TOKENBOX',
  'NU_PAY_ENROLLMENT',
] as const;

/** The `type`s Enroll Payment Method (API, `workflow: DIRECT`) enrolls. */
export const DIRECT_ENROLLMENT_TYPES = ['CARD', 'ACH_ENROLLMENT', 'NU_PAY_ENROLLMENT'] as const;

/**
 * `card_data` of a DIRECT enrollment. Yuno's schema requires `number` and the expiry; its "Provider token enrollment"
 * example sends only `brand` and `lfd` next to `provider_data`, so they are optional here and required only when no
 * `provider_data` stands for the card.
 */
export const EnrollCardDataSchema = z.looseObject({
  number: z.optional(z.string().check(z.regex(/^\d{8,19}$/))),
  expiration_month: z.optional(z.int().check(z.gte(1), z.lte(12))),
  expiration_year: z.optional(z.int().check(z.gte(0), z.lte(9999))),
  security_code: z.optional(z.string().check(z.regex(/^\d{2,4}$/))),
  holder_name: z.optional(z.string().check(z.minLength(1), z.maxLength(26))),
  brand: z.optional(z.string()),
  lfd: z.optional(z.string().check(z.regex(/^\d{4}$/))),
});

/**
 * Body of `POST /v1/customers/{customer_id}/payment-methods` (Enroll Payment Method, API): a card sent as `card_data`
 * (PCI scope), a token a provider holds (`provider_data`), or a bank account (`payment_method.detail.bank_transfer`
 * for `ACH_ENROLLMENT`).
 */
export const EnrollPaymentMethodApiRequestSchema = z.object({
  account_id: IdSchema,
  country: CountryCodeSchema,
  type: openEnum(DIRECT_ENROLLMENT_TYPES),
  workflow: z.optional(z.literal('DIRECT')),
  callback_url: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  token: z.optional(z.string()),
  parent_type: z.optional(z.string()),
  account_updater: z.optional(z.boolean()),
  card_data: z.optional(EnrollCardDataSchema),
  customer_payer: z.optional(z.looseObject({})),
  payment_method: z.optional(
    z.looseObject({
      type: z.optional(z.string()),
      vault_on_success: z.optional(z.boolean()),
      vault_only: z.optional(z.boolean()),
      detail: z.optional(z.looseObject({})),
    }),
  ),
  provider_data: z.optional(
    z.looseObject({
      id: z.string().check(z.minLength(1)),
      token_source: z.optional(z.string()),
      payment_method_token: z.optional(z.string()),
      connection_id: z.optional(z.string()),
    }),
  ),
  verify: z.optional(
    z.looseObject({ vault_on_success: z.boolean(), currency: z.optional(z.string()), metadata: MetadataSchema }),
  ),
  recurring_payment: z.optional(z.looseObject({})),
});
export type EnrollPaymentMethodApiRequest = z.infer<typeof EnrollPaymentMethodApiRequestSchema>;

/**
 * A payment method enrolled through the API, as Enroll (API) and Retrieve Enrolled Payment Method answer it: `ENROLLED`
 * with a `vaulted_token` at once for a card, or `READY_TO_ENROLL` with `action: 'REDIRECT_URL'` and `redirect_url`
 * where the shopper confirms (ACH micro-deposits, NuPay).
 */
export const EnrolledMethodSchema = z.looseObject({
  id: z.optional(IdSchema),
  name: NullableString,
  type: z.string(),
  category: NullableString,
  country: NullableString,
  status: z.string(),
  vaulted_token: NullableString,
  action: NullableString,
  redirect_url: NullableString,
  created_at: NullableString,
  updated_at: NullableString,
});
export type EnrolledMethod = z.infer<typeof EnrolledMethodSchema>;
