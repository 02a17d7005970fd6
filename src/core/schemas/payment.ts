import * as z from 'zod/mini';
import {
  AmountValueSchema,
  CountryCodeSchema,
  CurrencyCodeSchema,
  IdSchema,
  MetadataSchema,
  NullableBoolean,
  NullableNumber,
  NullableString,
  PaymentAmountSchema,
  bareOrWrapped,
  openEnum,
} from './common';
import { CardDataSchema, PAYMENT_METHOD_TYPES } from './paymentMethod';
import { CustomerPayerSchema } from './token';

export const PAYMENT_STATUSES = [
  'CREATED',
  'READY_TO_PAY',
  'PENDING',
  'SUCCEEDED',
  'DECLINED',
  'REJECTED',
  'EXPIRED',
  'VERIFIED',
  'REFUNDED',
  'CANCELED',
  'IN_DISPUTE',
  'CHARGEBACK',
  'ERROR',
  'FRAUD',
] as const;
/** A payment's `status`; open because Yuno may add values. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number] | (string & {});

export const PAYMENT_SUB_STATUSES = [
  'CREATED',
  'AUTHORIZED',
  'IN_PROCESS',
  'WAITING_ADDITIONAL_STEP',
  'PENDING_PROVIDER_CONFIRMATION',
  'PENDING_FRAUD_REVIEW',
  'PENDING_OTP_COMPLETION',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'CAPTURED',
  'PARTIALLY_CAPTURED',
  'PARTIALLY_REFUNDED',
  'PARTIALLY_CHARGEBACKED',
  'FRAUD_DECLINED',
  'REFUND_RETRY_IN_PROCESS',
  'CAPTURE_RETRY_IN_PROCESS',
  'CAPTURE_RETRY_PROCESS_FAILED',
  'DECLINED',
  'REJECTED',
  'EXPIRED',
  'VERIFIED',
  'REFUNDED',
  'CANCELED',
  'RECEIVED',
  'PENDING_REVIEW',
  'LOST',
  'ERROR',
  'TIMEOUT',
  'PENDING_REVERSE',
  'REVERSED_BY_TIMEOUT',
  'FRAUD_VERIFIED',
] as const;
export type PaymentSubStatus = (typeof PAYMENT_SUB_STATUSES)[number] | (string & {});

/** Statuses after which a checkout screen stops waiting (Yuno may still refund or charge back later). */
export const TERMINAL_PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'SUCCEEDED',
  'DECLINED',
  'REJECTED',
  'ERROR',
  'EXPIRED',
  'CANCELED',
  'VERIFIED',
  'REFUNDED',
  'CHARGEBACK',
  'FRAUD',
];

/** Whether a payment status is final for a checkout screen. */
export function isTerminalPaymentStatus(status: PaymentStatus): boolean {
  return TERMINAL_PAYMENT_STATUSES.includes(status);
}

export const WORKFLOWS = ['SDK_CHECKOUT', 'DIRECT', 'REDIRECT', 'CHECKOUT', 'SDK_SEAMLESS'] as const;

/**
 * An amount's `value` as Yuno's examples write it: a number, or a numeric string (`"20000"`), read as that number.
 */
export const AmountValueInputSchema = z.pipe(
  z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d{1,15}(\.\d{1,4})?$/))]),
    z.transform((value: number | string) => (typeof value === 'string' ? Number(value) : value)),
  ),
  AmountValueSchema,
);

/** `{ currency, value }` in a request body, `value` a number or a numeric string (normalised to the number). */
export const AmountInputSchema = z.object({ currency: CurrencyCodeSchema, value: AmountValueInputSchema });
export type AmountInput = z.input<typeof AmountInputSchema>;

/**
 * A token field of a payment's `payment_method`: Yuno says `token` and `vaulted_token` "can be defined as null", and
 * its examples send `null` (or `""`) for the one not used.
 */
const PaymentTokenField = z.optional(z.nullable(z.string().check(z.maxLength(64))));

/**
 * Raw card details in `payment_method.detail.card.card_data`, sent in the DIRECT workflow by a PCI-certified merchant.
 * Only its shape is checked here; the number never appears in an error.
 */
export const DirectCardDataSchema = z.looseObject({
  number: z.string().check(z.regex(/^\d{8,19}$/)),
  expiration_month: z.int().check(z.gte(1), z.lte(12)),
  expiration_year: z.int().check(z.gte(0), z.lte(9999)),
  security_code: z.optional(z.string().check(z.regex(/^\d{3,4}$/))),
  holder_name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  type: z.optional(z.string()),
});
export type DirectCardData = z.infer<typeof DirectCardDataSchema>;

/** `payment_method.detail` of a Create Payment body; only the card fields the payment depends on are typed. */
const PaymentMethodDetailRequestSchema = z.looseObject({
  card: z.optional(
    z.looseObject({
      capture: z.optional(z.boolean()),
      installments: z.optional(z.number()),
      card_data: z.optional(DirectCardDataSchema),
    }),
  ),
});

/** Body of `POST /v1/payments` (sent with an `X-Idempotency-Key`). The server client fills in `account_id`. */
export const CreatePaymentRequestSchema = z.object({
  account_id: IdSchema,
  description: z.string().check(z.minLength(3), z.maxLength(255)),
  country: CountryCodeSchema,
  merchant_order_id: z.string().check(z.minLength(3), z.maxLength(255)),
  merchant_reference: z.optional(z.string().check(z.maxLength(255))),
  amount: AmountInputSchema,
  payment_method: z.looseObject({
    token: PaymentTokenField,
    vaulted_token: PaymentTokenField,
    type: z.optional(openEnum(PAYMENT_METHOD_TYPES)),
    vault_on_success: z.optional(z.boolean()),
    detail: z.optional(PaymentMethodDetailRequestSchema),
  }),
  checkout: z.optional(z.object({ session: IdSchema })),
  workflow: z.optional(openEnum(WORKFLOWS)),
  customer_payer: z.optional(CustomerPayerSchema),
  callback_url: z.optional(z.string().check(z.minLength(3), z.maxLength(526))),
  additional_data: z.optional(z.record(z.string(), z.unknown())),
  metadata: MetadataSchema,
  fraud_screening: z.optional(z.record(z.string(), z.unknown())),
});
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequestSchema>;
/** What a caller may write in a Create Payment body (amounts as numeric strings included). */
export type CreatePaymentRequestInput = z.input<typeof CreatePaymentRequestSchema>;

export const ThreeDSecureSchema = z.looseObject({
  version: NullableString,
  electronic_commerce_indicator: NullableString,
  cryptogram: NullableString,
  transaction_id: NullableString,
  directory_server_transaction_id: NullableString,
  pares_status: NullableString,
  acs_id: NullableString,
});

/** Card detail of a payment: what was authorised, never the full card number. */
export const PaymentCardDetailSchema = z.looseObject({
  capture: NullableBoolean,
  installments: NullableNumber,
  authorization_code: NullableString,
  card_data: z.optional(
    z.nullable(
      z.looseObject({ ...CardDataSchema.def.shape, three_d_secure: z.optional(z.nullable(ThreeDSecureSchema)) }),
    ),
  ),
});

/** Bank transfer detail (PIX and others): `provider_image` is the QR, `payment_instruction` the copy-paste code. */
export const BankTransferDetailSchema = z.looseObject({
  provider_image: NullableString,
  redirect_url: NullableString,
  payment_instruction: NullableString,
  bank_name: NullableString,
  beneficiary_name: NullableString,
  bank_account: NullableString,
  expires_at: NullableString,
});

/** Voucher / ticket detail (OXXO, Boleto, Efecty, …): a code or barcode the shopper pays with offline. */
export const TicketDetailSchema = z.looseObject({
  type: NullableString,
  benefit_type: NullableString,
  date_of_expiration: NullableString,
  expires_at: NullableString,
  payment_instruction: NullableString,
  provider_number: NullableString,
  provider_barcode: NullableString,
  provider_logo: NullableString,
  provider_format: NullableString,
  redirect_url: NullableString,
});

export const WalletDetailSchema = z.looseObject({ redirect_url: NullableString });

export const PaymentMethodDetailSchema = z.looseObject({
  card: z.optional(z.nullable(PaymentCardDetailSchema)),
  bank_transfer: z.optional(z.nullable(BankTransferDetailSchema)),
  ticket: z.optional(z.nullable(TicketDetailSchema)),
  wallet: z.optional(z.nullable(WalletDetailSchema)),
  bnpl: z.optional(z.nullable(WalletDetailSchema)),
  payment_link: z.optional(z.nullable(WalletDetailSchema)),
});

export const TRANSACTION_TYPES = [
  'PURCHASE',
  'AUTHORIZE',
  'CAPTURE',
  'REFUND',
  'CANCEL',
  'VERIFY',
  'CHARGEBACK',
  'THREE_D_SECURE',
  'FRAUD_SCREENING',
] as const;

export const TransactionSchema = z.looseObject({
  id: IdSchema,
  type: openEnum(TRANSACTION_TYPES),
  status: z.string(),
  category: NullableString,
  // A number on payment transactions, an amount object on cancel-or-refund answers.
  amount: z.optional(z.nullable(z.union([z.number(), PaymentAmountSchema]))),
  provider_id: NullableString,
  response_code: NullableString,
  response_message: NullableString,
  merchant_advice_code: NullableString,
  reason: NullableString,
  description: NullableString,
  merchant_reference: NullableString,
  created_at: NullableString,
  updated_at: NullableString,
});
export type Transaction = z.infer<typeof TransactionSchema>;

/**
 * Yuno sends `transactions` (and sometimes `transactions_history`) as one object in Create responses and webhooks, and
 * as an array in Retrieve responses.
 */
const TransactionsSchema = z.pipe(
  z.transform((input: unknown) => (input == null ? [] : Array.isArray(input) ? input : [input])),
  z.array(TransactionSchema),
);

const PaymentObjectSchema = z.looseObject({
  id: IdSchema,
  account_id: NullableString,
  description: NullableString,
  country: NullableString,
  status: openEnum(PAYMENT_STATUSES),
  sub_status: z.optional(z.nullable(openEnum(PAYMENT_SUB_STATUSES))),
  merchant_order_id: z.string(),
  merchant_reference: NullableString,
  idempotency_key: NullableString,
  created_at: NullableString,
  updated_at: NullableString,
  amount: PaymentAmountSchema,
  checkout: z.optional(z.nullable(z.looseObject({ session: NullableString, sdk_action_required: NullableBoolean }))),
  payment_method: z.optional(
    z.nullable(
      z.looseObject({
        token: NullableString,
        vaulted_token: NullableString,
        type: z.optional(z.nullable(openEnum(PAYMENT_METHOD_TYPES))),
        vault_on_success: NullableBoolean,
        payment_method_detail: z.optional(z.nullable(PaymentMethodDetailSchema)),
      }),
    ),
  ),
  customer_payer: z.optional(z.nullable(CustomerPayerSchema)),
  transactions: z.optional(TransactionsSchema),
  transactions_history: z.optional(TransactionsSchema),
  callback_url: NullableString,
  workflow: z.optional(z.nullable(openEnum(WORKFLOWS))),
  metadata: MetadataSchema,
});

/** A payment as Create, Retrieve and webhooks return it. A `{ payment }` wrapper is removed; `transactions` is an array. */
export const PaymentSchema = bareOrWrapped(PaymentObjectSchema, 'payment');
export type Payment = z.infer<typeof PaymentSchema>;

/** `GET /v1/payments?merchant_order_id=` returns an array (bare or wrapped in `payments`). */
export const PaymentListSchema = z.pipe(
  z.transform((input: unknown) =>
    input && typeof input === 'object' && !Array.isArray(input) && 'payments' in input
      ? (input as { payments: unknown }).payments
      : input,
  ),
  z.array(PaymentSchema),
);

export const CANCEL_REASONS = ['DUPLICATE', 'FRAUDULENT', 'REQUESTED_BY_CUSTOMER', 'REVERSE'] as const;

/** Body of `POST /v1/payments/{id}/cancel-or-refund`. Omit `amount` for the whole payment. */
export const CancelOrRefundRequestSchema = z.object({
  reason: z.optional(z.enum(CANCEL_REASONS)),
  description: z.optional(z.string().check(z.maxLength(255))),
  merchant_reference: z.optional(z.string().check(z.maxLength(255))),
  amount: z.optional(AmountInputSchema),
  simplified_mode: z.optional(z.boolean()),
});
export type CancelOrRefundRequest = z.infer<typeof CancelOrRefundRequestSchema>;
export type CancelOrRefundRequestInput = z.input<typeof CancelOrRefundRequestSchema>;

/** What cancel-or-refund returns: the CANCEL or REFUND transaction it created. */
export const CancelOrRefundResponseSchema = z.looseObject({
  ...TransactionSchema.def.shape,
  payment: z.optional(z.nullable(z.looseObject({ id: z.optional(z.string()), status: NullableString }))),
});
export type CancelOrRefundResponse = z.infer<typeof CancelOrRefundResponseSchema>;

/** Body of `POST /v1/payments/{payment_id}/transactions/{transaction_id}/capture`: what to capture of an authorization. */
export const CaptureRequestSchema = z.looseObject({
  merchant_reference: z.string().check(z.minLength(1), z.maxLength(255)),
  /** The amount to capture: all of the authorization, or less of it (partial capture). */
  amount: AmountInputSchema,
  /** Why it is captured, e.g. `PRODUCT_CONFIRMED`. */
  reason: z.string().check(z.minLength(1), z.maxLength(255)),
  description: z.optional(z.string().check(z.maxLength(255))),
  additional_data: z.optional(z.record(z.string(), z.unknown())),
  simplified_mode: z.optional(z.boolean()),
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;
export type CaptureRequestInput = z.input<typeof CaptureRequestSchema>;

/** Body of `POST /v1/payments/{id}/transactions/{transaction_id}/refund`; omit `amount` to refund all that is left. */
export const RefundRequestSchema = z.looseObject({
  merchant_reference: z.string().check(z.minLength(1), z.maxLength(255)),
  reason: z.optional(z.enum(CANCEL_REASONS)),
  description: z.optional(z.string().check(z.maxLength(255))),
  amount: z.optional(AmountInputSchema),
  simplified_mode: z.optional(z.boolean()),
});
export type RefundRequest = z.infer<typeof RefundRequestSchema>;
export type RefundRequestInput = z.input<typeof RefundRequestSchema>;

/** Body of `POST /v1/payments/{payment_id}/transactions/{transaction_id}/cancel`: voids an authorization. */
export const CancelRequestSchema = z.looseObject({
  merchant_reference: z.string().check(z.minLength(1), z.maxLength(255)),
  reason: z.optional(z.enum(CANCEL_REASONS)),
  description: z.optional(z.string().check(z.maxLength(255))),
  simplified_mode: z.optional(z.boolean()),
});
export type CancelRequest = z.infer<typeof CancelRequestSchema>;
