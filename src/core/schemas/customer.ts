import * as z from 'zod/mini';
import {
  AddressSchema,
  CountryCodeSchema,
  DocumentSchema,
  IdSchema,
  MetadataSchema,
  NullableString,
  PhoneSchema,
} from './common';

const name = z.string().check(z.minLength(1), z.maxLength(255));

/** Body of `POST /v1/customers`. `merchant_customer_id` is your own id for the shopper and must be unique per account. */
export const CreateCustomerRequestSchema = z.object({
  merchant_customer_id: z.string().check(z.minLength(3), z.maxLength(255)),
  merchant_customer_created_at: z.optional(z.string()),
  first_name: z.optional(name),
  last_name: z.optional(name),
  gender: z.optional(z.string()),
  date_of_birth: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  email: z.optional(z.string().check(z.email())),
  nationality: z.optional(CountryCodeSchema),
  country: z.optional(CountryCodeSchema),
  document: z.optional(DocumentSchema),
  phone: z.optional(PhoneSchema),
  billing_address: z.optional(AddressSchema),
  shipping_address: z.optional(AddressSchema),
  metadata: MetadataSchema,
});
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequestSchema>;

/** A Yuno customer. `id` is the `customer_id` used by checkout sessions, payments and enrollment. */
export const CustomerSchema = z.looseObject({
  id: IdSchema,
  merchant_customer_id: z.string(),
  first_name: NullableString,
  last_name: NullableString,
  gender: NullableString,
  date_of_birth: NullableString,
  email: NullableString,
  nationality: NullableString,
  country: NullableString,
  document: z.optional(z.nullable(DocumentSchema)),
  phone: z.optional(z.nullable(PhoneSchema)),
  billing_address: z.optional(z.nullable(AddressSchema)),
  shipping_address: z.optional(z.nullable(AddressSchema)),
  metadata: MetadataSchema,
  created_at: NullableString,
  updated_at: NullableString,
  merchant_customer_created_at: NullableString,
});
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * Body of `PATCH /v1/customers/{id}`: any field of Create, all optional; what is sent replaces what the customer had,
 * what is left out stays as it was.
 */
export const UpdateCustomerRequestSchema = z.object({
  merchant_customer_id: z.optional(z.string().check(z.minLength(3), z.maxLength(255))),
  merchant_customer_created_at: z.optional(z.string()),
  first_name: z.optional(name),
  last_name: z.optional(name),
  gender: z.optional(z.string()),
  date_of_birth: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  email: z.optional(z.string().check(z.email())),
  nationality: z.optional(CountryCodeSchema),
  country: z.optional(CountryCodeSchema),
  document: z.optional(DocumentSchema),
  phone: z.optional(PhoneSchema),
  billing_address: z.optional(AddressSchema),
  shipping_address: z.optional(AddressSchema),
  metadata: MetadataSchema,
});
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequestSchema>;
