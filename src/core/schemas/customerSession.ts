import * as z from 'zod/mini';
import { CountryCodeSchema, IdSchema, NullableBoolean, NullableString, openEnum } from './common';
import { CardDataSchema } from './paymentMethod';
import { CustomerPayerSchema } from './token';

/** Body of `POST /v1/customers/sessions`, the session a shopper saves (enrolls) a payment method in. */
export const CreateCustomerSessionRequestSchema = z.object({
  account_id: IdSchema,
  country: CountryCodeSchema,
  customer_id: IdSchema,
  callback_url: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  checkout_id: z.optional(IdSchema),
});
export type CreateCustomerSessionRequest = z.infer<typeof CreateCustomerSessionRequestSchema>;

export const CustomerSessionSchema = z.looseObject({
  customer_session: IdSchema,
  customer_id: IdSchema,
  country: CountryCodeSchema,
  callback_url: NullableString,
  created_at: NullableString,
  checkout_id: NullableString,
});
export type CustomerSession = z.infer<typeof CustomerSessionSchema>;

export const ENROLLMENT_STATUSES = [
  'CREATED',
  'EXPIRED',
  'REJECTED',
  'READY_TO_ENROLL',
  'ENROLL_IN_PROCESS',
  'IN_PROCESS',
  'ENROLLED',
  'DECLINED',
  'CANCELED',
  'UNENROLL_IN_PROCESS',
  'UNENROLLED',
  'ERROR',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number] | (string & {});

/** Body of `POST /v1/customers/sessions/{customer_session}/payment-methods` (sent with an `X-Idempotency-Key`). */
export const EnrollPaymentMethodRequestSchema = z.object({
  account_id: IdSchema,
  payment_method_type: z.string().check(z.minLength(3), z.maxLength(255)),
  country: CountryCodeSchema,
  account_updater: z.optional(z.boolean()),
  verify: z.optional(z.object({ vault_on_success: z.boolean(), currency: z.optional(z.string()) })),
});
export type EnrollPaymentMethodRequest = z.infer<typeof EnrollPaymentMethodRequestSchema>;

/** A payment method in enrollment: created `READY_TO_ENROLL`, `ENROLLED` once the shopper's card was saved. */
export const EnrollmentSchema = z.looseObject({
  id: IdSchema,
  account_id: NullableString,
  name: NullableString,
  description: NullableString,
  type: z.string(),
  category: NullableString,
  country: NullableString,
  status: openEnum(ENROLLMENT_STATUSES),
  vaulted_token: NullableString,
  created_at: NullableString,
  updated_at: NullableString,
  enrollment: z.optional(z.nullable(z.looseObject({ session: NullableString, sdk_required_action: NullableBoolean }))),
  customer_payer: z.optional(z.nullable(CustomerPayerSchema)),
  card_data: z.optional(z.nullable(CardDataSchema)),
  preferred: NullableBoolean,
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

/** Methods a customer session may enroll (`GET /v1/checkout/customers/sessions/{cs}/payment-methods`). */
export const EnrollablePaymentMethodListSchema = z.pipe(
  z.transform((input: unknown) =>
    input && typeof input === 'object' && !Array.isArray(input) && 'payment_methods' in input
      ? (input as { payment_methods: unknown }).payment_methods
      : input,
  ),
  z.array(
    z.looseObject({
      name: z.string(),
      description: NullableString,
      type: z.string(),
      category: NullableString,
      icon: NullableString,
      enrollment: z.optional(
        z.nullable(z.looseObject({ session: NullableString, sdk_required_action: NullableBoolean })),
      ),
    }),
  ),
);
export type EnrollablePaymentMethod = z.infer<typeof EnrollablePaymentMethodListSchema>[number];
