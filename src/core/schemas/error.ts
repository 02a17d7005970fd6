import * as z from 'zod/mini';

/** Yuno's error codes that a checkout meets; the code stays an open string. */
export const YUNO_ERROR_CODES = [
  'INVALID_REQUEST',
  'INVALID_PARAMETERS',
  'MISSING_PARAMETERS',
  'INVALID_STATUS',
  'COUNTRY_NOT_SUPPORTED',
  'CURRENCY_NOT_ALLOWED',
  'CUSTOMER_ID_DUPLICATED',
  'INVALID_AMOUNT',
  'INVALID_ACCOUNT_ID',
  'UNAVAILABLE_PAYMENT_METHOD',
  'NOT_FOUND',
  'PAYMENT_NOT_FOUND',
  'CUSTOMER_NOT_FOUND',
  'CHECKOUT_SESSION_NOT_FOUND',
  'INVALID_CUSTOMER_FOR_TOKEN',
  'IDEMPOTENCY_DUPLICATED',
  'REQUEST_IN_PROCESS',
  'INVALID_CREDENTIALS',
  'EXPIRED_CREDENTIALS',
  'UNKNOWN_IP_ADDRESS',
  'INVALID_TOKEN',
  'TOKEN_IN_USE',
  'AUTHORIZATION_REQUIRED',
  'UNSUPPORTED_METHOD',
  'INTERNAL_ERROR',
  'REQUEST_TIMEOUT',
] as const;
export type YunoErrorCode = (typeof YUNO_ERROR_CODES)[number] | (string & {});

/** Yuno's error body: `{ "code": "INVALID_REQUEST", "messages": ["Invalid request."] }`. */
export const YunoErrorBodySchema = z.looseObject({
  code: z.string(),
  messages: z.optional(z.nullable(z.array(z.string()))),
});
export type YunoErrorBody = z.infer<typeof YunoErrorBodySchema>;
