import type { EnrollPaymentMethodApiRequest } from '../core';
import { uuid, isoTime } from './ids';
import { iconDataUrl } from './icons';
import { webhookData } from './projectWebhook';
import type { SandboxRuntime } from './runtime';
import type {
  CardInfo,
  CustomerRecord,
  EnrolledMethodRecord,
  EnrollmentRecord,
  VaultedCardRecord,
} from './SandboxStore';
import { badRequest } from './SandboxHttpError';
import { assertCardNumber } from './tokens';
import { invalidParameter, requireFields } from './validation';
import { cardOf, emitEnrollmentWebhook, storeCard, vaultCard } from './vault';
import { PROVIDER, customerPayerForEnrollment, storedCardDataView, vaultedCardName } from './views';

type Json = Record<string, unknown>;

interface EnrollableType {
  name: string;
  category: string;
  countries: readonly string[] | '*';
}

/**
 * What a customer session can enroll through Yuno's SDK (Enroll Payment Method, checkout, lists these five types), in
 * the countries each serves. CARD is saved through the SDK's card form; the others on the provider's page, which the
 * sandbox stands in for at `redirect_url`.
 */
const SESSION_ENROLLABLE: Readonly<Record<string, EnrollableType>> = {
  CARD: { name: 'Card', category: 'CARD', countries: '*' },
  MERCADO_PAGO_WALLET: {
    name: 'Mercado Pago Wallet',
    category: 'WALLET',
    countries: ['AR', 'BR', 'CL', 'CO', 'MX', 'PE', 'UY'],
  },
  NEQUI: { name: 'Nequi', category: 'WALLET', countries: ['CO'] },
  BANCOLOMBIA_TOKENBOX: { name: 'Bancolombia', category: 'WALLET', countries: ['CO'] },
  NU_PAY_ENROLLMENT: { name: 'NuPay', category: 'WALLET', countries: ['BR'] },
};

/** What Enroll Payment Method (API) enrolls: cards at once, bank accounts and NuPay once the shopper confirms. */
const DIRECT_ENROLLABLE: Readonly<Record<string, EnrollableType>> = {
  CARD: { name: 'Card', category: 'CARD', countries: '*' },
  ACH_ENROLLMENT: { name: 'ACH', category: 'BANK_TRANSFER', countries: ['US'] },
  NU_PAY_ENROLLMENT: { name: 'NuPay', category: 'WALLET', countries: ['BR'] },
};

const serves = (entry: EnrollableType, country: string) => entry.countries === '*' || entry.countries.includes(country);

/** The methods a customer session of `country` can enroll, as Retrieve Payment Methods to Enroll lists them. */
export function sessionEnrollableMethods(country: string, session: string): Json[] {
  return Object.entries(SESSION_ENROLLABLE)
    .filter(([, entry]) => serves(entry, country))
    .map(([type, entry]) => ({
      name: entry.name,
      description: entry.name,
      type,
      category: entry.category,
      icon: iconDataUrl(type, entry.name),
      enrollment: { session, sdk_required_action: type !== 'CARD' },
    }));
}

function enrollable(table: Readonly<Record<string, EnrollableType>>, type: string, country: string): EnrollableType {
  const entry = table[type];
  if (!entry) {
    throw badRequest('UNAVAILABLE_PAYMENT_METHOD', `The payment method ${type} cannot be enrolled this way`);
  }
  if (!serves(entry, country)) {
    throw badRequest('UNAVAILABLE_PAYMENT_METHOD', `The payment method ${type} is not available in ${country}`);
  }
  return entry;
}

/** Refuses a type a customer session cannot enroll in its country. */
export function assertSessionEnrollable(type: string, country: string): EnrollableType {
  return enrollable(SESSION_ENROLLABLE, type, country);
}

/** Where the shopper confirms a wallet or bank-account enrollment (the sandbox's stand-in for the provider's page). */
export function enrollmentPageUrl(rt: SandboxRuntime, method: EnrolledMethodRecord): string {
  return `${rt.baseUrl}/_sandbox/enrollment/${encodeURIComponent(method.id)}`;
}

function newMethod(
  rt: SandboxRuntime,
  fields: Omit<EnrolledMethodRecord, 'id' | 'createdAt' | 'updatedAt' | 'vaultedToken'> & {
    vaultedToken?: string | null;
  },
): EnrolledMethodRecord {
  const now = rt.clock.now();
  const method: EnrolledMethodRecord = {
    ...fields,
    id: uuid(),
    vaultedToken: fields.vaultedToken ?? null,
    createdAt: now,
    updatedAt: now,
  };
  rt.store.enrolledMethods.set(method.id, method);
  return method;
}

/** A wallet enrollment started in a customer session: READY_TO_ENROLL until the shopper confirms it. */
export function startSessionMethodEnrollment(
  rt: SandboxRuntime,
  input: {
    customerId: string;
    session: string;
    type: string;
    country: string;
    callbackUrl: string | null;
    verify?: { vault_on_success: boolean; currency?: string };
    idempotencyKey: string | null;
  },
): EnrolledMethodRecord {
  const entry = assertSessionEnrollable(input.type, input.country);
  return newMethod(rt, {
    customerId: input.customerId,
    type: input.type,
    category: entry.category,
    name: entry.name,
    country: input.country,
    status: 'READY_TO_ENROLL',
    enrollmentSession: input.session,
    cardData: null,
    detail: null,
    provider: { id: input.type, type: 'PROVIDER', token: null },
    callbackUrl: input.callbackUrl,
    idempotencyKey: input.idempotencyKey,
    verify: input.verify ?? { vault_on_success: false },
  });
}

/** Ends an enrollment on the sandbox's provider page: ENROLLED (with a vaulted token) or DECLINED. */
export function settleMethodEnrollment(
  rt: SandboxRuntime,
  method: EnrolledMethodRecord,
  decision: 'approve' | 'decline',
): void {
  if (method.status !== 'READY_TO_ENROLL') return;
  method.updatedAt = rt.clock.now();
  if (decision === 'approve') {
    method.status = 'ENROLLED';
    method.vaultedToken = uuid();
    emitMethodWebhook(rt, 'enrollment.enroll', method);
  } else {
    method.status = 'DECLINED';
  }
}

/** A bank account as Yuno echoes it back: the account number is kept as its mask only. */
function maskedBankDetail(detail: Json | undefined): Json | null {
  const bank = detail?.bank_transfer;
  if (!bank || typeof bank !== 'object') return null;
  const { bank_account: account, routing_number: routing, ...rest } = bank as Json;
  const mask =
    typeof rest.bank_account_mask_number === 'string'
      ? rest.bank_account_mask_number
      : typeof account === 'string'
        ? `****${account.slice(-4)}`
        : null;
  return {
    bank_transfer: {
      ...rest,
      bank_account_mask_number: mask,
      routing_number: typeof routing === 'string' ? routing : null,
    },
  };
}

export type DirectEnrollment =
  | {
      kind: 'card';
      record: VaultedCardRecord;
      info: CardInfo;
      verify: EnrolledMethodRecord['verify'];
      callbackUrl: string | null;
    }
  | { kind: 'method'; method: EnrolledMethodRecord };

/**
 * Enroll Payment Method (API, `workflow: DIRECT`): a card in `card_data` is saved at once (ENROLLED), as is a card a
 * provider holds the token of (`provider_data`); a bank account (ACH) or NuPay waits READY_TO_ENROLL for the shopper
 * at `redirect_url`.
 */
export function enrollDirect(
  rt: SandboxRuntime,
  customer: CustomerRecord,
  body: EnrollPaymentMethodApiRequest,
  idempotencyKey: string | null,
): DirectEnrollment {
  const type = body.type.toUpperCase();
  const entry = enrollable(DIRECT_ENROLLABLE, type, body.country);
  const verify = body.verify
    ? {
        vault_on_success: body.verify.vault_on_success,
        ...(body.verify.currency ? { currency: body.verify.currency } : {}),
      }
    : { vault_on_success: false };
  const callbackUrl = body.callback_url ?? null;

  if (type === 'CARD') {
    if (body.provider_data) {
      const card = body.card_data ?? {};
      const brand = typeof card.brand === 'string' ? card.brand.toUpperCase() : null;
      const lfd = typeof card.lfd === 'string' ? card.lfd : null;
      const method = newMethod(rt, {
        customerId: customer.id,
        type,
        category: 'CARD',
        name: brand && lfd ? `${brand} ****${lfd}` : 'Card',
        country: body.country,
        status: 'ENROLLED',
        vaultedToken: uuid(),
        enrollmentSession: null,
        cardData: { brand, lfd },
        detail: null,
        provider: {
          id: body.provider_data.id,
          type: body.provider_data.token_source ?? 'PROVIDER_TOKEN',
          token: body.provider_data.payment_method_token ?? null,
        },
        callbackUrl,
        idempotencyKey,
        verify,
      });
      emitMethodWebhook(rt, 'enrollment.enroll', method);
      return { kind: 'method', method };
    }
    requireFields(body, ['card_data.number', 'card_data.expiration_month', 'card_data.expiration_year']);
    const card = body.card_data as Required<Pick<NonNullable<typeof body.card_data>, 'number'>> &
      NonNullable<typeof body.card_data>;
    assertCardNumber(card.number, 'card_data.number');
    const stored = storeCard(rt, {
      number: card.number,
      holderName: card.holder_name ?? null,
      expirationMonth: card.expiration_month as number,
      expirationYear: card.expiration_year as number,
      securityCode: card.security_code,
      type: undefined,
    });
    const { record } = vaultCard(rt, customer.id, stored.ref, body.country, null);
    emitEnrollmentWebhook(rt, 'enrollment.enroll', record);
    return { kind: 'card', record, info: stored.info, verify, callbackUrl };
  }

  const detail = type === 'ACH_ENROLLMENT' ? maskedBankDetail(body.payment_method?.detail) : null;
  if (type === 'ACH_ENROLLMENT') {
    requireFields(body, ['payment_method.detail.bank_transfer.bank_account']);
    const routing = (body.payment_method?.detail?.bank_transfer as Json | undefined)?.routing_number;
    if (typeof routing !== 'string' || !/^\d{9}$/.test(routing)) {
      invalidParameter('payment_method.detail.bank_transfer.routing_number', 'nine digits');
    }
  }
  const method = newMethod(rt, {
    customerId: customer.id,
    type,
    category: entry.category,
    name: entry.name,
    country: body.country,
    status: 'READY_TO_ENROLL',
    enrollmentSession: null,
    cardData: null,
    detail,
    provider: { id: type, type: 'PROVIDER', token: null },
    callbackUrl,
    idempotencyKey,
    verify,
  });
  return { kind: 'method', method };
}

/** A saved payment method by any of its ids: a session enrollment's, a saved card's or its vaulted token. */
export type FoundPaymentMethod =
  | { kind: 'enrollment'; enrollment: EnrollmentRecord; vaulted: VaultedCardRecord | undefined }
  | { kind: 'card'; record: VaultedCardRecord }
  | { kind: 'method'; method: EnrolledMethodRecord };

export function findPaymentMethod(rt: SandboxRuntime, id: string): FoundPaymentMethod | undefined {
  const enrollment = rt.store.enrollments.get(id);
  if (enrollment) {
    const vaulted = enrollment.vaultedCardId ? rt.store.vaultedCards.get(enrollment.vaultedCardId) : undefined;
    return { kind: 'enrollment', enrollment, vaulted };
  }
  const record = rt.store.findVaultedCard(id);
  if (record) return { kind: 'card', record };
  const method =
    rt.store.enrolledMethods.get(id) ?? [...rt.store.enrolledMethods.values()].find((m) => m.vaultedToken === id);
  return method ? { kind: 'method', method } : undefined;
}

/** The customer a payment method belongs to. */
export function ownerOf(found: FoundPaymentMethod): string {
  if (found.kind === 'enrollment') return found.enrollment.customerId;
  if (found.kind === 'card') return found.record.customerId;
  return found.method.customerId;
}

/** The customer's ENROLLED methods that are not cards the sandbox holds, newest first. */
export function enrolledMethodsOf(rt: SandboxRuntime, customerId: string): EnrolledMethodRecord[] {
  return [...rt.store.enrolledMethods.values()]
    .filter((m) => m.customerId === customerId && m.status === 'ENROLLED')
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Unenrolls a payment method; an enrolled one fires `enrollment.unenroll`. Refuses one already unenrolled. */
export function unenrollPaymentMethod(rt: SandboxRuntime, found: FoundPaymentMethod): void {
  const now = rt.clock.now();
  const notEnrolled = () => badRequest('NOT_FOUND', 'Payment method not found or not enrolled');
  if (found.kind === 'enrollment') {
    const { enrollment, vaulted } = found;
    if (enrollment.status === 'UNENROLLED') throw notEnrolled();
    enrollment.status = 'UNENROLLED';
    enrollment.updatedAt = now;
    if (vaulted && vaulted.status === 'ENROLLED') {
      vaulted.status = 'UNENROLLED';
      vaulted.updatedAt = now;
      emitEnrollmentWebhook(rt, 'enrollment.unenroll', vaulted);
    }
    return;
  }
  if (found.kind === 'card') {
    if (found.record.status !== 'ENROLLED') throw notEnrolled();
    found.record.status = 'UNENROLLED';
    found.record.updatedAt = now;
    emitEnrollmentWebhook(rt, 'enrollment.unenroll', found.record);
    return;
  }
  const { method } = found;
  if (method.status === 'UNENROLLED') throw notEnrolled();
  const wasEnrolled = method.status === 'ENROLLED';
  method.status = 'UNENROLLED';
  method.updatedAt = now;
  if (wasEnrolled) emitMethodWebhook(rt, 'enrollment.unenroll', method);
}

// Views. Each answers with the keys of Yuno's published examples for its endpoint.

/** What is known of a provider-held card: its brand and last four digits, the keys left out when not given. */
function methodCardData(method: EnrolledMethodRecord): Json | null {
  if (!method.cardData) return null;
  const known = Object.entries({ lfd: method.cardData.lfd, brand: method.cardData.brand }).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  return known.length > 0 ? Object.fromEntries(known) : null;
}

/** Drops the keys whose value is null: Yuno's schemas for these answers type them as strings. */
function withoutNulls(view: Json, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(view).filter(([key, value]) => !(value === null && keys.includes(key))));
}

function provider(method: EnrolledMethodRecord): Json {
  return method.provider.token
    ? { id: method.provider.id, type: method.provider.type, token: method.provider.token, provider_status: null }
    : { id: method.provider.id, type: method.provider.type, provider_status: null };
}

const lastUsed = () => ({ last_successfully_used: null, last_successfully_used_at: null });

/** Enroll Payment Method (API)'s answer: Yuno's "Result" example for a card, its "ACH Enrollment" one otherwise. */
export function directEnrollmentView(
  result: DirectEnrollment,
  rt: SandboxRuntime,
  idempotencyKey: string | null,
): Json {
  if (result.kind === 'method' && result.method.status === 'READY_TO_ENROLL') {
    return {
      type: result.method.type,
      status: result.method.status,
      action: 'REDIRECT_URL',
      redirect_url: enrollmentPageUrl(rt, result.method),
    };
  }
  const common = (name: string, country: string, vaultedToken: string | null) => ({
    idempotency_key: idempotencyKey,
    name,
    description: name,
    type: 'CARD',
    category: 'CARD',
    country,
    status: 'ENROLLED',
    sub_status: null,
    vaulted_token: vaultedToken,
  });
  if (result.kind === 'card') {
    const { record, info } = result;
    return withoutNulls(
      {
        ...common(vaultedCardName(info), record.country, record.vaultedToken),
        callback_url: result.callbackUrl,
        action: null,
        created_at: isoTime(record.createdAt),
        updated_at: isoTime(record.updatedAt),
        card_data: { ...storedCardDataView(info), holder_name: info.holderName, fingerprint: info.fingerprint },
        ...lastUsed(),
        preferred: null,
        verify: { ...result.verify, payment: null },
      },
      ['idempotency_key', 'callback_url'],
    );
  }
  const { method } = result;
  return withoutNulls(
    {
      ...common(method.name, method.country, method.vaultedToken),
      callback_url: method.callbackUrl,
      action: null,
      created_at: isoTime(method.createdAt),
      updated_at: isoTime(method.updatedAt),
      card_data: methodCardData(method),
      ...lastUsed(),
      preferred: null,
      verify: { ...method.verify, payment: null },
    },
    ['idempotency_key', 'callback_url', 'card_data'],
  );
}

/** A session enrollment of a wallet, as Enroll Payment Method (checkout) answers it, with where the shopper goes. */
export function sessionMethodEnrollmentView(
  rt: SandboxRuntime,
  method: EnrolledMethodRecord,
  customer: CustomerRecord | undefined,
): Json {
  return {
    id: method.id,
    account_id: rt.accountId,
    name: method.name,
    description: method.name,
    type: method.type,
    category: method.category,
    country: method.country,
    status: method.status,
    created_at: isoTime(method.createdAt),
    updated_at: isoTime(method.updatedAt),
    enrollment: { session: method.enrollmentSession, sdk_required_action: true },
    provider: provider(method),
    customer_payer: customerPayerForEnrollment(customer),
    verify: { ...method.verify, payment: null },
    preferred: null,
    action: method.status === 'READY_TO_ENROLL' ? 'REDIRECT_URL' : null,
    redirect_url: method.status === 'READY_TO_ENROLL' ? enrollmentPageUrl(rt, method) : null,
  };
}

/** `GET /v1/payment-methods/{id}` and the checkout unenroll's answer (Yuno's "Ready to enroll"/"Enrolled" examples). */
export function checkoutPaymentMethodView(rt: SandboxRuntime, found: FoundPaymentMethod): Json {
  if (found.kind === 'method') {
    const { method } = found;
    const cardData = methodCardData(method);
    return {
      id: method.id,
      idempotency_key: method.idempotencyKey,
      account_id: rt.accountId,
      name: method.name,
      description: method.name,
      type: method.type,
      category: method.category,
      country: method.country,
      status: method.status,
      created_at: isoTime(method.createdAt),
      updated_at: isoTime(method.updatedAt),
      enrollment: { session: method.enrollmentSession ?? '', sdk_required_action: method.type !== 'CARD' },
      provider: provider(method),
      ...(cardData ? { card_data: cardData } : {}),
      verify: { ...method.verify, payment: null },
      preferred: null,
    };
  }
  const enrollment = found.kind === 'enrollment' ? found.enrollment : undefined;
  const vaulted = found.kind === 'enrollment' ? found.vaulted : found.record;
  const info = vaulted ? cardOf(rt, vaulted.cardRef).info : undefined;
  const name = info ? vaultedCardName(info) : 'Card';
  const created = enrollment?.createdAt ?? vaulted!.createdAt;
  const updated = Math.max(enrollment?.updatedAt ?? 0, vaulted?.updatedAt ?? 0);
  return {
    id: enrollment?.id ?? vaulted!.id,
    idempotency_key: null,
    account_id: rt.accountId,
    name,
    description: name,
    type: 'CARD',
    category: 'CARD',
    country: enrollment?.country ?? vaulted!.country,
    status: enrollment?.status ?? vaulted!.status,
    created_at: isoTime(created),
    updated_at: isoTime(updated),
    enrollment: {
      session: enrollment?.customerSession ?? vaulted?.enrollmentSession ?? '',
      sdk_required_action: vaulted !== undefined,
    },
    provider: vaulted ? { ...PROVIDER, token: vaulted.vaultedToken } : PROVIDER,
    ...(info ? { card_data: { ...storedCardDataView(info), fingerprint: info.fingerprint } } : {}),
    verify: { ...(enrollment?.verify ?? { vault_on_success: false }), payment: null },
    preferred: null,
  };
}

/** `GET /v1/customers/{id}/payment-methods/{pm}` (Yuno's "Result" example). */
export function enrolledMethodDetailView(
  rt: SandboxRuntime,
  found: FoundPaymentMethod,
  customer: CustomerRecord,
): Json {
  if (found.kind === 'method') {
    const { method } = found;
    const cardData = methodCardData(method);
    return withoutNulls(
      {
        idempotency_key: method.idempotencyKey,
        id: method.id,
        account_id: rt.accountId,
        name: method.name,
        description: method.name,
        type: method.type,
        category: method.category,
        country: method.country,
        status: method.status,
        sub_status: null,
        vaulted_token: method.vaultedToken,
        action: method.status === 'READY_TO_ENROLL' ? 'REDIRECT_URL' : null,
        redirect_url: method.status === 'READY_TO_ENROLL' ? enrollmentPageUrl(rt, method) : null,
        created_at: isoTime(method.createdAt),
        updated_at: isoTime(method.updatedAt),
        enrollment: { session: method.enrollmentSession ?? '', sdk_required_action: method.type !== 'CARD' },
        provider: provider(method),
        customer_payer: customerPayerForEnrollment(customer),
        ...(cardData ? { card_data: cardData } : {}),
        ...(method.detail ? { payment_method_detail: method.detail } : {}),
        ...lastUsed(),
        verify: { ...method.verify, payment: null },
        preferred: null,
      },
      ['idempotency_key', 'action', 'redirect_url'],
    );
  }
  const vaulted = found.kind === 'enrollment' ? found.vaulted! : found.record;
  const info = cardOf(rt, vaulted.cardRef).info;
  const name = vaultedCardName(info);
  return withoutNulls(
    {
      idempotency_key: null,
      id: vaulted.id,
      account_id: rt.accountId,
      name,
      description: name,
      type: 'CARD',
      category: 'CARD',
      country: vaulted.country,
      status: vaulted.status,
      sub_status: null,
      vaulted_token: vaulted.vaultedToken,
      action: 'FORM',
      redirect_url: null,
      created_at: isoTime(vaulted.createdAt),
      updated_at: isoTime(vaulted.updatedAt),
      enrollment: { session: vaulted.enrollmentSession ?? '', sdk_required_action: false },
      provider: { ...PROVIDER, token: vaulted.vaultedToken },
      customer_payer: customerPayerForEnrollment(customer),
      card_data: { ...storedCardDataView(info), fingerprint: info.fingerprint },
      last_successfully_used: vaulted.lastSuccessfullyUsedAt !== null,
      last_successfully_used_at:
        vaulted.lastSuccessfullyUsedAt === null ? null : isoTime(vaulted.lastSuccessfullyUsedAt),
      verify: { vault_on_success: false, payment: null },
      preferred: null,
    },
    ['idempotency_key'],
  );
}

/** A saved wallet or bank account in the customer's list, next to their cards. */
export function listedMethodView(rt: SandboxRuntime, method: EnrolledMethodRecord): Json {
  const cardData = methodCardData(method);
  return {
    id: method.id,
    idempotency_key: method.idempotencyKey,
    name: method.name,
    description: method.name,
    icon: iconDataUrl(method.type, method.name),
    type: method.type,
    category: method.category,
    country: method.country,
    status: method.status,
    sub_status: null,
    vaulted_token: method.vaultedToken,
    callback_url: method.callbackUrl,
    action: null,
    redirect_url: null,
    created_at: isoTime(method.createdAt),
    updated_at: isoTime(method.updatedAt),
    ...(cardData ? { card_data: cardData } : {}),
    last_successfully_used: false,
    last_successfully_used_at: '',
  };
}

/** The unenroll answer of a wallet or bank account (the shape of Yuno's card example). */
export function unenrolledMethodView(rt: SandboxRuntime, method: EnrolledMethodRecord, sdkRequiredAction = true): Json {
  return {
    id: method.id,
    account_id: rt.accountId,
    name: method.name,
    description: method.name,
    type: method.type,
    category: method.category,
    country: method.country,
    status: method.status,
    created_at: isoTime(method.createdAt),
    updated_at: isoTime(method.updatedAt),
    enrollment: { session: method.enrollmentSession ?? '', sdk_required_action: sdkRequiredAction },
    provider: provider(method),
    verify: { ...method.verify, payment: null },
    preferred: null,
  };
}

/** `enrollment.*` webhooks of a wallet, bank account or provider-held card. */
export function emitMethodWebhook(rt: SandboxRuntime, typeEvent: string, method: EnrolledMethodRecord): void {
  if (!rt.webhooks.enabled) return;
  rt.webhooks.emit({
    type: 'enrollment',
    typeEvent,
    data: webhookData('enrollment', {
      payment_method: {
        id: method.id,
        account_id: rt.accountId,
        name: method.name,
        description: method.name,
        type: method.type,
        category: method.category,
        country: method.country,
        status: method.status,
        customer_id: method.customerId,
        created_at: isoTime(method.createdAt),
        updated_at: isoTime(method.updatedAt),
        enrollment: { session: method.enrollmentSession, sdk_action_required: false },
        verify: {
          vault_on_success: method.verify.vault_on_success,
          currency: method.verify.currency ?? null,
          payment: null,
        },
        detail: {},
      },
    }),
  });
}
