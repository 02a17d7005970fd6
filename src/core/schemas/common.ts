import * as z from 'zod/mini';

/**
 * A string schema whose known values are typed while any other string still parses: Yuno adds payment-method types,
 * statuses and codes without notice, and a new value must never break a checkout that is already live.
 */
export function openEnum<const T extends readonly string[]>(_known: T) {
  return z.string() as unknown as z.ZodMiniType<T[number] | (string & {})>;
}

/** A Yuno identifier (UUIDs in practice, but never assumed): non-empty, no whitespace. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^\S+$/));

/** ISO-3166 alpha-2 country code as Yuno sends it (upper case). */
export const CountryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/));

/** ISO-4217 currency code. */
export const CurrencyCodeSchema = z.string().check(z.regex(/^[A-Z]{3}$/));

/**
 * An amount as Yuno expresses it: `value` is a decimal in major units (`50` BRL, `8000` COP), never minor units, with at
 * most four decimals.
 */
export const AmountValueSchema = z.number().check(
  z.gte(0),
  z.refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6, {
    message: 'Amount value must have at most four decimals',
  }),
);

/** `{ currency, value }` as sent in requests. */
export const AmountSchema = z.object({
  currency: CurrencyCodeSchema,
  value: AmountValueSchema,
});
export type Amount = z.infer<typeof AmountSchema>;

/** An amount as Yuno returns it on a payment (`captured`, `refunded` added). */
export const PaymentAmountSchema = z.looseObject({
  currency: CurrencyCodeSchema,
  value: AmountValueSchema,
  captured: z.optional(z.nullable(z.number())),
  refunded: z.optional(z.nullable(z.number())),
  currency_conversion: z.optional(z.nullable(z.unknown())),
});
export type PaymentAmount = z.infer<typeof PaymentAmountSchema>;

/** Free-form strings that Yuno often sends as `null` or `""`. */
export const NullableString = z.optional(z.nullable(z.string()));
export const NullableNumber = z.optional(z.nullable(z.number()));
export const NullableBoolean = z.optional(z.nullable(z.boolean()));

export const MetadataSchema = z.optional(
  z.nullable(z.array(z.object({ key: z.string().check(z.maxLength(48)), value: z.string().check(z.maxLength(512)) }))),
);
export type Metadata = z.infer<typeof MetadataSchema>;

export const DocumentSchema = z.looseObject({
  document_type: z.string(),
  document_number: z.string().check(z.minLength(3), z.maxLength(40)),
});
export type Document = z.infer<typeof DocumentSchema>;

export const PhoneSchema = z.looseObject({
  country_code: z.optional(z.string()),
  number: z.string(),
});
export type Phone = z.infer<typeof PhoneSchema>;

export const AddressSchema = z.looseObject({
  address_line_1: NullableString,
  address_line_2: NullableString,
  building_number_1: NullableString,
  building_number_2: NullableString,
  city: NullableString,
  country: NullableString,
  state: NullableString,
  zip_code: NullableString,
  neighborhood: NullableString,
});
export type Address = z.infer<typeof AddressSchema>;

/** An array that Yuno sometimes sends bare and sometimes wrapped in an object under `key`. */
export function bareOrWrappedArray<T extends z.ZodMiniType>(item: T, key: string) {
  return z.pipe(
    z.transform((input: unknown) =>
      input !== null && typeof input === 'object' && !Array.isArray(input) && key in input
        ? (input as Record<string, unknown>)[key]
        : input,
    ),
    z.array(item),
  );
}

/** An object that Yuno sometimes sends bare and sometimes wrapped as `{ [key]: … }`. */
export function bareOrWrapped<T extends z.ZodMiniType>(schema: T, key: string) {
  return z.pipe(
    z.transform((input: unknown) => {
      // Wrapped when `key` holds an object and the outer object is not itself the resource (it has no `id`); other
      // keys beside the wrapper are Yuno additions and do not stop the unwrapping.
      if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
        const outer = input as Record<string, unknown>;
        const wrapped = outer[key];
        if (wrapped !== null && typeof wrapped === 'object' && !Array.isArray(wrapped) && !('id' in outer))
          return wrapped;
      }
      return input;
    }),
    schema,
  );
}
