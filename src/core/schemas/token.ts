import * as z from 'zod/mini';
import {
  AddressSchema,
  DocumentSchema,
  IdSchema,
  NullableBoolean,
  NullableNumber,
  NullableString,
  PhoneSchema,
  openEnum,
} from './common';
import { CardDataSchema, PAYMENT_METHOD_TYPES } from './paymentMethod';

/**
 * The browser data Yuno's fraud prevention and 3DS use. Yuno's own examples send the screen and colour values as strings;
 * numbers are accepted too.
 */
export const BrowserInfoSchema = z.looseObject({
  user_agent: NullableString,
  accept_header: NullableString,
  accept_content: NullableString,
  accept_browser: NullableString,
  color_depth: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  screen_height: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  screen_width: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  javascript_enabled: NullableBoolean,
  java_enabled: NullableBoolean,
  browser_time_difference: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  language: NullableString,
  platform: NullableString,
});
export type BrowserInfo = z.infer<typeof BrowserInfoSchema>;

export const DeviceFingerprintSchema = z.looseObject({ provider_id: z.string(), id: z.string() });

/** Shopper details attached to a token or a payment (`customer_payer`). */
export const CustomerPayerSchema = z.looseObject({
  id: NullableString,
  merchant_customer_id: NullableString,
  first_name: NullableString,
  last_name: NullableString,
  gender: NullableString,
  date_of_birth: NullableString,
  email: NullableString,
  nationality: NullableString,
  ip_address: NullableString,
  device_fingerprint: NullableString,
  device_fingerprints: z.optional(z.nullable(z.array(DeviceFingerprintSchema))),
  browser_info: z.optional(z.nullable(BrowserInfoSchema)),
  document: z.optional(z.nullable(DocumentSchema)),
  phone: z.optional(z.nullable(PhoneSchema)),
  billing_address: z.optional(z.nullable(AddressSchema)),
  shipping_address: z.optional(z.nullable(AddressSchema)),
});
export type CustomerPayer = z.infer<typeof CustomerPayerSchema>;

const expirationMonth = z.int().check(z.gte(1), z.lte(12));
const expirationYear = z.int().check(z.gte(0), z.lte(9999));

/** Raw card details: only ever sent from the browser to Yuno's tokenizer, or by a PCI-certified server. */
export const CardDetailSchema = z.object({
  number: z.string().check(z.regex(/^\d{8,19}$/)),
  expiration_month: expirationMonth,
  expiration_year: expirationYear,
  security_code: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
  holder_name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  type: z.optional(z.string()),
  brand: z.optional(z.string()),
});
export type CardDetail = z.infer<typeof CardDetailSchema>;

/**
 * Body of `POST /v1/checkout/sessions/{checkout_session}/token` (what Yuno's Web SDK sends on the browser's behalf).
 * Either `card` (new card), or `vaulted_token` (saved card, optionally with its CVV), or only `type` for an alternative
 * method.
 */
export const OneTimeTokenRequestSchema = z.object({
  payment_method: z.object({
    type: openEnum(PAYMENT_METHOD_TYPES),
    vault_on_success: z.optional(z.boolean()),
    vaulted_token: z.optional(z.nullable(IdSchema)),
    card: z.optional(
      z.object({
        number: z.optional(z.string().check(z.regex(/^\d{8,19}$/))),
        expiration_month: z.optional(expirationMonth),
        expiration_year: z.optional(expirationYear),
        security_code: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
        holder_name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
        type: z.optional(z.string()),
        brand: z.optional(z.string()),
      }),
    ),
    customer: z.optional(CustomerPayerSchema),
    installment: z.optional(z.nullable(z.looseObject({ id: z.string(), value: z.number() }))),
    device_fingerprint: z.optional(z.nullable(z.string())),
    third_party_session_id: z.optional(z.nullable(z.string())),
  }),
  three_d_secure: z.optional(z.looseObject({ three_d_secure_setup_id: z.optional(z.nullable(z.string())) })),
  device_fingerprints: z.optional(z.array(DeviceFingerprintSchema)),
});
export type OneTimeTokenRequest = z.infer<typeof OneTimeTokenRequestSchema>;

/** A one-time token with the information Yuno attaches to it (`tokenWithInformation` in the Web SDK). Single use. */
export const OneTimeTokenSchema = z.looseObject({
  token: z.string().check(z.minLength(1)),
  vaulted_token: NullableString,
  vault_on_success: NullableBoolean,
  type: openEnum(PAYMENT_METHOD_TYPES),
  card_data: z.optional(z.nullable(CardDataSchema)),
  customer: z.optional(z.nullable(CustomerPayerSchema)),
  installment: z.optional(z.nullable(z.looseObject({ id: NullableString, value: NullableNumber }))),
  country: NullableString,
  customer_session: NullableString,
});
export type OneTimeToken = z.infer<typeof OneTimeTokenSchema>;

/**
 * Body of `POST /v1/tokens` (DIRECT workflow, PCI-certified merchants only): a card tokenized by the merchant's server.
 * The server client fills in `account_id`.
 */
export const DirectTokenRequestSchema = z.looseObject({
  account_id: IdSchema,
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  card_data: z.looseObject({
    number: z.string().check(z.regex(/^\d{8,19}$/)),
    expiration_month: expirationMonth,
    expiration_year: expirationYear,
    security_code: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
    holder_name: z.string().check(z.minLength(1), z.maxLength(100)),
    stored_credentials: z.optional(z.record(z.string(), z.unknown())),
  }),
  customer_payer: z.optional(CustomerPayerSchema),
});
export type DirectTokenRequest = z.infer<typeof DirectTokenRequestSchema>;

/** What `POST /v1/tokens` answers: the one-time token and what Yuno learnt about the card. */
export const DirectTokenSchema = z.looseObject({
  token: z.string().check(z.minLength(1)),
  card_data: z.optional(z.nullable(CardDataSchema)),
});
export type DirectToken = z.infer<typeof DirectTokenSchema>;
