import type {
  CardInfo,
  CheckoutSessionRecord,
  CustomerRecord,
  CustomerSessionRecord,
  EnrollmentRecord,
  SandboxStore,
  TokenRecord,
  VaultedCardRecord,
} from './SandboxStore';
import { isoTime } from './ids';
import { iconDataUrl } from './icons';

// Each view answers with the keys, in the order and with the empty values ("" or null) of Yuno's published examples
// for that endpoint: Yuno's own clients read some of them, and a client tested here must meet the same shapes.

type Json = Record<string, unknown>;

/**
 * Drops the given keys (all keys when none are named) whose value is null. Yuno's Retrieve examples never show these
 * keys empty: an absent value is left out rather than sent as null.
 */
function omitNulls(view: Json, keys?: readonly string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(view)) {
    if (value === null && (!keys || keys.includes(key))) continue;
    out[key] = value;
  }
  return out;
}

const ISSUER_NAME = 'YUNO SANDBOX BANK';
const ISSUER_CODE = 'YUNO_SANDBOX_BANK';

const CUSTOMER_FIELDS = [
  'first_name',
  'last_name',
  'gender',
  'date_of_birth',
  'email',
  'nationality',
  'country',
  'document',
  'phone',
  'billing_address',
  'shipping_address',
] as const;

/** Create answers absent fields as null (Yuno's "min. data" example); Retrieve leaves them out. */
export function customerView(customer: CustomerRecord, absent: 'null' | 'omit' = 'null'): Json {
  const view: Json = { id: customer.id, merchant_customer_id: customer.merchantCustomerId };
  for (const key of CUSTOMER_FIELDS) view[key] = customer.fields[key] ?? null;
  if (customer.metadataSent) view.metadata = customer.fields.metadata ?? [];
  view.created_at = isoTime(customer.createdAt);
  view.updated_at = isoTime(customer.updatedAt);
  view.merchant_customer_created_at = customer.fields.merchant_customer_created_at ?? null;
  return absent === 'omit' ? omitNulls(view) : view;
}

/** `POST /v1/checkout/sessions` names the id `checkout_session`. */
const SESSION_OPTIONAL_KEYS = ['customer_id', 'callback_url', 'amount'];

export function checkoutSessionCreateView(session: CheckoutSessionRecord): Json {
  return omitNulls(
    {
      merchant_order_id: session.merchantOrderId,
      checkout_session: session.id,
      country: session.country,
      payment_description: session.paymentDescription,
      customer_id: session.customerId,
      callback_url: session.callbackUrl,
      amount: session.amount,
      created_at: isoTime(session.createdAt),
      metadata: session.metadata,
      workflow: session.workflow,
      installments: session.installments,
      checkout_id: session.checkoutId,
    },
    SESSION_OPTIONAL_KEYS,
  );
}

/** `GET /v1/checkout/sessions/{id}` names it `id` and adds `used`. */
export function checkoutSessionRetrieveView(session: CheckoutSessionRecord): Json {
  return omitNulls(
    {
      id: session.id,
      merchant_order_id: session.merchantOrderId,
      country: session.country,
      payment_description: session.paymentDescription,
      customer_id: session.customerId,
      callback_url: session.callbackUrl,
      amount: session.amount,
      created_at: isoTime(session.createdAt),
      metadata: session.metadata,
      workflow: session.workflow,
      installments: session.installments,
      used: session.used,
      checkout_id: session.checkoutId,
    },
    SESSION_OPTIONAL_KEYS,
  );
}

/** `card_data` of a token: what the tokenizer learnt about the card, never the number. */
export function tokenCardDataView(info: CardInfo, country: string): Json {
  return {
    holder_name: info.holderName ?? '',
    iin: info.iin,
    lfd: info.lfd,
    number_length: info.numberLength,
    security_code_length: info.securityCodeLength,
    brand: info.brand,
    type: info.type,
    category: 'CLASSIC',
    issuer_name: ISSUER_NAME,
    issuer_code: ISSUER_CODE,
    fingerprint: info.fingerprint,
    country_code: country,
  };
}

export function tokenView(token: TokenRecord, store: SandboxStore): Json {
  const card = token.cardRef ? store.cards.get(token.cardRef) : undefined;
  return {
    token: token.token,
    vaulted_token: token.vaultedToken,
    vault_on_success: token.vaultOnSuccess,
    type: token.type,
    // A token for an alternative method has no card: the key is left out rather than null.
    ...(card ? { card_data: tokenCardDataView(card.info, token.country) } : {}),
    customer: token.customer,
    installment: token.installment,
    country: token.country,
    customer_session: null,
  };
}

/** `card_data` of a listed vaulted card or an enrolled method. */
export function storedCardDataView(info: CardInfo): Json {
  return {
    iin: info.iin,
    lfd: info.lfd,
    expiration_month: info.expirationMonth,
    expiration_year: info.expirationYear % 100,
    number_length: info.numberLength,
    security_code_length: info.securityCodeLength,
    brand: info.brand,
    issuer: ISSUER_NAME,
    issuer_name: ISSUER_NAME,
    issuer_code: ISSUER_CODE,
    category: 'CLASSIC',
    type: info.type,
  };
}

export const vaultedCardName = (info: CardInfo) => `${info.brand} ****${info.lfd}`;

/** A customer's saved card at the top of a checkout session's payment methods. */
export function vaultedCheckoutMethodView(vaulted: VaultedCardRecord, info: CardInfo, session: string): Json {
  const name = vaultedCardName(info);
  return {
    name,
    vaulted_token: vaulted.vaultedToken,
    description: name,
    type: 'CARD',
    category: 'CARD',
    icon: iconDataUrl(info.brand, info.brand),
    last_successfully_used: vaulted.lastSuccessfullyUsedAt !== null,
    last_successfully_used_at: vaulted.lastSuccessfullyUsedAt === null ? '' : isoTime(vaulted.lastSuccessfullyUsedAt),
    checkout: { session, sdk_required_action: false, conditions: { enabled: true, rules: null } },
    card_data: storedCardDataView(info),
    preferred: false,
  };
}

/** An enrolled card as `GET /v1/customers/{id}/payment-methods` lists it. */
export function enrolledMethodView(vaulted: VaultedCardRecord, info: CardInfo): Json {
  const name = vaultedCardName(info);
  return {
    id: vaulted.id,
    idempotency_key: null,
    name,
    description: name,
    icon: iconDataUrl(info.brand, info.brand),
    type: 'CARD',
    category: 'CARD',
    country: vaulted.country,
    status: vaulted.status,
    sub_status: null,
    vaulted_token: vaulted.vaultedToken,
    callback_url: null,
    action: null,
    redirect_url: null,
    created_at: isoTime(vaulted.createdAt),
    updated_at: isoTime(vaulted.updatedAt),
    card_data: storedCardDataView(info),
    last_successfully_used: vaulted.lastSuccessfullyUsedAt !== null,
    last_successfully_used_at: vaulted.lastSuccessfullyUsedAt === null ? '' : isoTime(vaulted.lastSuccessfullyUsedAt),
  };
}

export function customerSessionView(session: CustomerSessionRecord): Json {
  return omitNulls(
    {
      customer_session: session.id,
      customer_id: session.customerId,
      country: session.country,
      callback_url: session.callbackUrl,
      created_at: isoTime(session.createdAt),
      checkout_id: session.checkoutId,
    },
    ['callback_url'],
  );
}

export const PROVIDER = { id: 'YUNO', type: 'YUNO', provider_status: null };

export function customerPayerForEnrollment(customer: CustomerRecord | undefined): Json | null {
  if (!customer) return null;
  const f = customer.fields;
  return omitNulls({
    first_name: f.first_name ?? null,
    last_name: f.last_name ?? null,
    email: f.email ?? null,
    gender: f.gender ?? null,
    date_of_birth: f.date_of_birth ?? null,
    document: f.document ?? null,
    phone: f.phone ?? null,
    billing_address: f.billing_address ?? null,
  });
}

/** The payment method being enrolled, as `POST /v1/customers/sessions/{cs}/payment-methods` answers it. */
export function enrollmentView(
  enrollment: EnrollmentRecord,
  accountId: string,
  customer: CustomerRecord | undefined,
  vaulted: { record: VaultedCardRecord; info: CardInfo } | undefined,
): Json {
  const name = vaulted ? vaultedCardName(vaulted.info) : 'Card';
  return {
    id: enrollment.id,
    account_id: accountId,
    name,
    description: name,
    type: enrollment.type,
    category: 'CARD',
    country: enrollment.country,
    status: enrollment.status,
    created_at: isoTime(enrollment.createdAt),
    updated_at: isoTime(enrollment.updatedAt),
    enrollment: { session: enrollment.customerSession, sdk_required_action: false },
    provider: PROVIDER,
    customer_payer: customerPayerForEnrollment(customer),
    verify: { ...enrollment.verify, payment: null },
    preferred: null,
    ...(vaulted ? { vaulted_token: vaulted.record.vaultedToken, card_data: storedCardDataView(vaulted.info) } : {}),
  };
}

/** The fields every view of a vaulted card's payment method shares. */
function vaultedMethodFields(vaulted: VaultedCardRecord, info: CardInfo, accountId: string): Json {
  const name = vaultedCardName(info);
  return {
    id: vaulted.id,
    account_id: accountId,
    name,
    description: name,
    type: 'CARD',
    category: 'CARD',
    country: vaulted.country,
    status: vaulted.status,
  };
}

/** `POST /v1/customers/{id}/payment-methods/{pm}/unenroll`. */
export function unenrollView(vaulted: VaultedCardRecord, info: CardInfo, accountId: string): Json {
  return {
    ...vaultedMethodFields(vaulted, info, accountId),
    created_at: isoTime(vaulted.createdAt),
    updated_at: isoTime(vaulted.updatedAt),
    enrollment: { session: '', sdk_required_action: true },
    provider: PROVIDER,
    verify: { vault_on_success: false, payment: null },
    preferred: null,
  };
}

/** `data.payment_method` of an `enrollment.*` webhook. */
export function enrollmentWebhookView(vaulted: VaultedCardRecord, info: CardInfo, accountId: string): Json {
  return {
    ...vaultedMethodFields(vaulted, info, accountId),
    customer_id: vaulted.customerId,
    created_at: isoTime(vaulted.createdAt),
    updated_at: isoTime(vaulted.updatedAt),
    enrollment: { session: vaulted.enrollmentSession, sdk_action_required: false },
    verify: { vault_on_success: false, currency: null, payment: null },
    detail: {
      card: {
        holder_name: info.holderName ?? '',
        expiration_month: info.expirationMonth,
        expiration_year: info.expirationYear % 100,
        iin: info.iin,
        lfd: info.lfd,
        security_code_length: info.securityCodeLength,
        number_length: info.numberLength,
        brand: info.brand,
        issuer_name: ISSUER_NAME,
        issuer_code: ISSUER_CODE,
        type: info.type,
        category: 'CLASSIC',
        country_code: vaulted.country,
        fingerprint_code: info.fingerprint,
        created_at: isoTime(vaulted.createdAt),
        updated_at: isoTime(vaulted.updatedAt),
      },
    },
  };
}

/** `PATCH /v1/checkout/sessions/{cs}`: the create shape plus `used`, with `callback_url` null rather than left out. */
export function checkoutSessionUpdateView(session: CheckoutSessionRecord): Json {
  return omitNulls(
    {
      merchant_order_id: session.merchantOrderId,
      checkout_session: session.id,
      country: session.country,
      payment_description: session.paymentDescription,
      customer_id: session.customerId,
      callback_url: session.callbackUrl,
      amount: session.amount,
      created_at: isoTime(session.createdAt),
      metadata: session.metadata,
      workflow: session.workflow,
      installments: session.installments,
      used: session.used,
    },
    ['customer_id', 'amount'],
  );
}
