import * as z from 'zod/mini';
import { IdSchema, NullableBoolean, NullableNumber, NullableString, bareOrWrappedArray, openEnum } from './common';

/** Payment-method types listed in Yuno's Create Payment enum; the catalogue holds many more, so the type stays open. */
export const PAYMENT_METHOD_TYPES = [
  'CARD',
  'PIX',
  'PSE',
  'NEQUI',
  'DAVIPLATA',
  'BANCOLOMBIA_TRANSFER',
  'BANCOLOMBIA_TOKEN_BOX',
  'OXXO',
  'SPEI',
  'CODI',
  'EFECTY',
  'CASH',
  'PAYVALIDA',
  'SAFETYPAY',
  'WEBPAY',
  'TARJETA_CLAVE',
  'MERCADO_PAGO_WALLET',
  'MERCADO_PAGO_CHECKOUT_PRO',
  'ADDI',
  'ACUOTAZ',
  'WIBOND',
  'NU_PAY',
  'NU_PAY_ENROLLMENT',
  'PAYPAL',
  'APPLE_PAY',
  'GOOGLE_PAY',
  'CRYPTO',
  'BOLETO',
  'BANK_TRANSFER',
] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number] | (string & {});

export const PAYMENT_METHOD_CATEGORIES = ['CARD', 'BANK_TRANSFER', 'WALLET', 'TICKET', 'BNPL', 'PAYMENT_LINK'] as const;

/** Stored-card details Yuno returns for vaulted cards and tokens: never the full number, only IIN and last four. */
export const CardDataSchema = z.looseObject({
  holder_name: NullableString,
  iin: NullableString,
  lfd: NullableString,
  number_length: NullableNumber,
  security_code_length: NullableNumber,
  expiration_month: NullableNumber,
  expiration_year: NullableNumber,
  brand: NullableString,
  issuer: NullableString,
  issuer_name: NullableString,
  issuer_code: NullableString,
  category: NullableString,
  type: NullableString,
  country_code: NullableString,
  fingerprint: NullableString,
});
export type CardData = z.infer<typeof CardDataSchema>;

export const PaymentMethodConditionsSchema = z.looseObject({
  enabled: z.boolean(),
  rules: z.optional(z.nullable(z.array(z.looseObject({ condition: NullableString, type: NullableString })))),
});

/**
 * One payment method as listed for a checkout session (`GET /v1/checkout/sessions/{cs}/payment-methods`). A non-null
 * `vaulted_token` marks a method the customer saved earlier. Yuno spells the flag `sdk_required_action` here and
 * `sdk_action_required` on payments.
 */
export const PaymentMethodSchema = z.looseObject({
  name: z.string(),
  description: NullableString,
  type: openEnum(PAYMENT_METHOD_TYPES),
  category: z.optional(z.nullable(openEnum(PAYMENT_METHOD_CATEGORIES))),
  icon: NullableString,
  vaulted_token: z.optional(z.nullable(z.string())),
  last_successfully_used: NullableBoolean,
  last_successfully_used_at: NullableString,
  preferred: NullableBoolean,
  checkout: z.optional(
    z.nullable(
      z.looseObject({
        session: NullableString,
        sdk_required_action: NullableBoolean,
        conditions: z.optional(z.nullable(PaymentMethodConditionsSchema)),
      }),
    ),
  ),
  card_data: z.optional(z.nullable(CardDataSchema)),
});
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** The methods of a session: Yuno documents a bare array; some of its own clients expect `{ payment_methods }`. */
export const PaymentMethodListSchema = bareOrWrappedArray(PaymentMethodSchema, 'payment_methods');

/** Whether a listed method may be offered: methods whose conditions are not met come back with `enabled: false`. */
export function isPaymentMethodEnabled(method: PaymentMethod): boolean {
  return method.checkout?.conditions?.enabled !== false;
}

/** An enrolled (saved) payment method of a customer, as `GET /v1/customers/{id}/payment-methods` lists it. */
export const EnrolledPaymentMethodSchema = z.looseObject({
  id: z.optional(IdSchema),
  name: NullableString,
  description: NullableString,
  type: openEnum(PAYMENT_METHOD_TYPES),
  category: NullableString,
  country: NullableString,
  status: z.string(),
  vaulted_token: NullableString,
  icon: NullableString,
  card_data: z.optional(z.nullable(CardDataSchema)),
  preferred: NullableBoolean,
  created_at: NullableString,
  updated_at: NullableString,
});
export type EnrolledPaymentMethod = z.infer<typeof EnrolledPaymentMethodSchema>;
export const EnrolledPaymentMethodListSchema = bareOrWrappedArray(EnrolledPaymentMethodSchema, 'payment_methods');
