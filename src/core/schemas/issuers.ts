import * as z from 'zod/mini';

/** A bank the shopper picks for a bank-transfer method (PSE's bank list), as `GET /v1/issuers` answers it. */
export const IssuerSchema = z.looseObject({ id: z.string(), name: z.string() });
export type Issuer = z.infer<typeof IssuerSchema>;

/** `GET /v1/issuers` answers `{ issuers: [...] }`; the list is what is returned. */
export const IssuerListSchema = z.pipe(
  z.transform((input: unknown) =>
    input && typeof input === 'object' && !Array.isArray(input) && 'issuers' in input
      ? (input as { issuers: unknown }).issuers
      : input,
  ),
  z.array(IssuerSchema),
);
