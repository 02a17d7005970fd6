import type { CreatePaymentRequest, DirectCardData } from '../core';
import { alternativeMethodAction } from './apm';
import { customerPayerView } from './customerPayer';
import { storeDirectCard } from './direct';
import { randomDigits, uuid } from './ids';
import {
  APPROVED,
  CHALLENGE_DESCRIPTION,
  type Outcome,
  outcome,
  outcomeFromDescription,
  transactionStatusFor,
} from './outcomes';
import { emitPaymentWebhook, newTransaction, onSucceeded, transition } from './paymentLifecycle';
import { catalogueFor, resolvePaymentMethod } from './paymentMethods';
import type { SandboxRuntime } from './runtime';
import type { CheckoutSessionRecord, PaymentRecord, TokenRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';
import { assertCheckoutSessionUsable, findCheckoutSession } from './sessions';
import { findTestCard } from './testCards';
import { assertCardNumber } from './tokens';
import { challengeUrl, noThreeDSecure, threeDSecureResult } from './threeDSecure';
import { requireFields } from './validation';
import { cardOf } from './vault';

type Json = Record<string, unknown>;

const SDK_WORKFLOWS = new Set(['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS']);

/**
 * Checks a Create Payment body needs before anything is processed; failing here leaves the idempotency key unused,
 * as Yuno does for bodies it rejects up front.
 */
export function preflightPayment(rt: SandboxRuntime, body: CreatePaymentRequest): void {
  if (body.account_id !== rt.accountId) {
    throw badRequest('INVALID_ACCOUNT_ID', 'The account_id does not belong to these credentials');
  }
  const workflow = body.workflow ?? 'SDK_CHECKOUT';
  if (SDK_WORKFLOWS.has(workflow)) requireFields(body, ['checkout.session']);
  const method = body.payment_method;
  // `token` and `vaulted_token` "can be defined as null": Yuno's examples send null (or "") for the one not used.
  if (!method.token && !method.vaulted_token) {
    if (!method.type || method.type.toUpperCase() === 'CARD') {
      const cardData = directCardData(body);
      if (cardData) assertCardNumber(cardData.number, `${CARD_DATA_PATH}.number`);
      else requireFields(body, ['payment_method.token']);
    }
  }
}

const CARD_DATA_PATH = 'payment_method.detail.card.card_data';

/**
 * The raw card of a DIRECT payment (a PCI-certified merchant sends `payment_method.detail.card.card_data` instead of a
 * token); other workflows must tokenize the card first.
 */
function directCardData(body: CreatePaymentRequest): DirectCardData | undefined {
  const method = body.payment_method;
  if (method.token || method.vaulted_token || body.workflow !== 'DIRECT') return undefined;
  return method.detail?.card?.card_data;
}

interface ResolvedMethod {
  type: string;
  category: string;
  flow: PaymentRecord['flow'];
  cardRef: string | null;
  vaultedToken: string | null;
  vaultOnSuccess: boolean;
  token: TokenRecord | null;
}

function resolveMethod(
  rt: SandboxRuntime,
  body: CreatePaymentRequest,
  session: CheckoutSessionRecord | null,
  token: TokenRecord | null,
  customerId: string | null,
): ResolvedMethod {
  const method = body.payment_method;
  const country = session?.country ?? body.country;
  const catalogue = catalogueFor(rt, {
    country,
    currency: body.amount.currency,
    customerId: customerId ?? undefined,
  });
  if (token) {
    const config = catalogue.find((m) => m.type === token.type) ?? resolvePaymentMethod({ type: token.type });
    return {
      type: token.type,
      category: config.category,
      flow: token.type === 'CARD' ? 'card' : config.flow === 'card' ? 'redirect' : config.flow,
      cardRef: token.cardRef,
      vaultedToken: token.vaultedToken,
      vaultOnSuccess: token.vaultOnSuccess || (method.vault_on_success ?? false),
      token,
    };
  }
  const cardData = directCardData(body);
  if (cardData) {
    const card = catalogue.find((m) => m.type === 'CARD');
    if (!card || !card.enabled) {
      throw badRequest('UNAVAILABLE_PAYMENT_METHOD', `The payment method CARD is not available for ${country}`);
    }
    return {
      type: 'CARD',
      category: 'CARD',
      flow: 'card',
      cardRef: storeDirectCard(rt, cardData, CARD_DATA_PATH).ref,
      vaultedToken: null,
      vaultOnSuccess: method.vault_on_success ?? false,
      token: null,
    };
  }
  if (method.vaulted_token) {
    const vaulted = rt.store.findVaultedCard(method.vaulted_token);
    if (!vaulted || vaulted.status !== 'ENROLLED' || vaulted.vaultedToken !== method.vaulted_token) {
      throw badRequest('INVALID_TOKEN', 'The vaulted token does not exist');
    }
    if (vaulted.customerId !== customerId) {
      throw badRequest('INVALID_CUSTOMER_FOR_TOKEN', 'The vaulted token does not belong to customer_payer.id');
    }
    return {
      type: 'CARD',
      category: 'CARD',
      flow: 'card',
      cardRef: vaulted.cardRef,
      vaultedToken: vaulted.vaultedToken,
      vaultOnSuccess: false,
      token: null,
    };
  }
  const type = (method.type ?? '').toUpperCase();
  const config = catalogue.find((m) => m.type === type);
  if (!config || !config.enabled || config.flow === 'card') {
    throw badRequest('UNAVAILABLE_PAYMENT_METHOD', `The payment method ${type} is not available for ${country}`);
  }
  return {
    type,
    category: config.category,
    flow: config.flow,
    cardRef: null,
    vaultedToken: null,
    vaultOnSuccess: false,
    token: null,
  };
}

/**
 * Creates a payment the way Yuno's test gateway would: checks the session, token and amount (failures here are
 * business errors that use up the idempotency key), then decides the outcome from the card, the description or the
 * method, and emits the first webhook.
 */
export function createPayment(rt: SandboxRuntime, body: CreatePaymentRequest, idempotencyKey: string): PaymentRecord {
  const method = body.payment_method;
  let session = body.checkout?.session ? findCheckoutSession(rt, body.checkout.session) : null;

  let token: TokenRecord | null = null;
  if (method.token) {
    token = rt.store.tokens.get(method.token) ?? null;
    if (!token) throw badRequest('INVALID_TOKEN', 'The one-time token does not exist');
    if (token.used) throw badRequest('INVALID_TOKEN', 'The one-time token was already used');
    if (session && token.sessionId !== null && token.sessionId !== session.id) {
      throw badRequest('INVALID_TOKEN', 'The one-time token belongs to another checkout session');
    }
    if (token.sessionId !== null) session ??= findCheckoutSession(rt, token.sessionId);
  }
  if (session) assertCheckoutSessionUsable(rt, session);
  if (
    session?.amount &&
    (session.amount.currency !== body.amount.currency || session.amount.value !== body.amount.value)
  ) {
    throw badRequest('INVALID_AMOUNT', "The amount must equal the checkout session's amount and currency");
  }
  const payerId = body.customer_payer?.id;
  if (payerId && !rt.store.customers.has(payerId)) throw badRequest('CUSTOMER_NOT_FOUND', 'Customer not found');
  const customerId = payerId ?? session?.customerId ?? null;

  const resolved = resolveMethod(rt, body, session, token, customerId);
  const now = rt.clock.now();
  const detailCard = method.detail?.card as { capture?: unknown; installments?: unknown } | undefined;
  const payment: PaymentRecord = {
    id: uuid(),
    accountId: rt.accountId,
    description: body.description,
    country: body.country,
    merchantOrderId: body.merchant_order_id,
    merchantReference: body.merchant_reference ?? null,
    status: 'CREATED',
    subStatus: 'CREATED',
    createdAt: now,
    updatedAt: now,
    amount: { currency: body.amount.currency, value: body.amount.value, captured: 0, refunded: 0 },
    checkoutSession: session?.id ?? null,
    sdkActionRequired: false,
    flow: resolved.flow,
    methodType: resolved.type,
    category: resolved.category,
    token: token?.token ?? null,
    vaultedToken: resolved.vaultedToken,
    vaultOnSuccess: resolved.vaultOnSuccess,
    cardRef: resolved.cardRef,
    detail: {},
    customerId,
    customerPayer: customerPayerView(rt, customerId, token?.customer ?? null, body.customer_payer),
    additionalData: (body.additional_data as Json | undefined) ?? null,
    callbackUrl: body.callback_url ?? session?.callbackUrl ?? null,
    workflow: body.workflow ?? 'SDK_CHECKOUT',
    metadata: body.metadata ?? [],
    fraudScreening: (body.fraud_screening as Json | undefined) ?? null,
    idempotencyKey,
    transactions: [],
    expiresAt: null,
    capture: detailCard?.capture !== false,
    challenge: null,
    cancelExpiry: null,
  };

  if (resolved.flow === 'card') startCardPayment(rt, payment, token, detailCard);
  else startAlternativePayment(rt, payment);

  rt.store.payments.set(payment.id, payment);
  if (token) token.used = true;
  if (session) session.used = true;
  if (payment.status === 'SUCCEEDED') onSucceeded(rt, payment);
  // An authorization (capture: false) is Yuno's `payment.authorize` event; anything else is `payment.purchase`.
  emitPaymentWebhook(rt, payment, payment.subStatus === 'AUTHORIZED' ? 'payment.authorize' : 'payment.purchase');
  return payment;
}

function startCardPayment(
  rt: SandboxRuntime,
  payment: PaymentRecord,
  token: TokenRecord | null,
  detailCard: { installments?: unknown } | undefined,
): void {
  const card = cardOf(rt, payment.cardRef as string);
  const testCard = findTestCard(card.number);
  const info = card.info;
  const installments =
    typeof detailCard?.installments === 'number' ? detailCard.installments : (token?.installment?.value ?? 1);
  let threeDS = noThreeDSecure();
  let result: Outcome | 'challenge';
  if (testCard) {
    const behaviour = testCard.threeDSecure;
    if (behaviour === 'challenge') result = 'challenge';
    else {
      result = outcome(testCard.status, testCard.subStatus, testCard.responseCode);
      if (behaviour === 'frictionless') threeDS = threeDSecureResult(info.brand, 'Y');
      if (behaviour === 'frictionless_failed') threeDS = threeDSecureResult(info.brand, 'N');
    }
  } else if (payment.description.trim().toUpperCase() === CHALLENGE_DESCRIPTION) {
    result = 'challenge';
  } else {
    result = outcomeFromDescription(payment.description) ?? APPROVED;
  }

  payment.detail = {
    card: {
      verify: false,
      capture: payment.capture,
      installments,
      installments_plan_id: null,
      first_installment_deferral: 0,
      installments_type: '',
      installment_amount: null,
      soft_descriptor: '',
      authorization_code: '',
      retrieval_reference_number: '',
      acquirer_reference_number: '',
      voucher: null,
      card_data: {
        holder_name: info.holderName ?? '',
        iin: info.iin,
        lfd: info.lfd,
        number_length: info.numberLength,
        security_code_length: info.securityCodeLength,
        brand: info.brand,
        issuer_name: 'YUNO SANDBOX BANK',
        issuer_code: 'YUNO_SANDBOX_BANK',
        country_code: payment.country,
        category: 'CLASSIC',
        type: info.type,
        three_d_secure: threeDS,
        fingerprint: info.fingerprint,
        expiration_month: info.expirationMonth,
        expiration_year: info.expirationYear % 100,
      },
      stored_credentials: { reason: '', usage: '', subscription_agreement_id: '', network_transaction_id: null },
    },
  };

  if (result === 'challenge') {
    payment.status = 'PENDING';
    payment.subStatus = 'WAITING_ADDITIONAL_STEP';
    payment.sdkActionRequired = true;
    payment.challenge = { pending: true };
    (payment.detail.card as Json).redirect_url = challengeUrl(rt.baseUrl, payment.checkoutSession ?? payment.id);
    payment.transactions.push(newTransaction(rt, payment, 'THREE_D_SECURE', 'PENDING', 'CHALLENGE_REQUIRED'));
    return;
  }
  let final = result;
  let txType = 'PURCHASE';
  if (final.status === 'SUCCEEDED' && !payment.capture) {
    final = outcome('PENDING', 'AUTHORIZED', 'SUCCEEDED');
    txType = 'AUTHORIZE';
    (payment.detail.card as Json).authorization_code = randomDigits(6);
  }
  payment.status = final.status;
  payment.subStatus = final.subStatus;
  payment.transactions.push(
    newTransaction(
      rt,
      payment,
      txType,
      txType === 'AUTHORIZE' ? 'SUCCEEDED' : transactionStatusFor(final.status),
      final.responseCode,
    ),
  );
}

function startAlternativePayment(rt: SandboxRuntime, payment: PaymentRecord): void {
  const action = alternativeMethodAction({
    paymentId: payment.id,
    type: payment.methodType,
    flow: payment.flow as Exclude<PaymentRecord['flow'], 'card'>,
    amount: payment.amount.value,
    // Expiry counts from the payment's own creation time, whatever the clock reads a moment later.
    now: payment.createdAt,
    baseUrl: rt.baseUrl,
  });
  payment.detail = action.detail;
  payment.status = 'READY_TO_PAY';
  payment.subStatus = 'CREATED';
  payment.sdkActionRequired = true;
  payment.expiresAt = action.expiresAt;
  // Yuno's own READY_TO_PAY examples carry a CREATED transaction whose code is SUCCEEDED: the request was accepted.
  payment.transactions.push(
    newTransaction(rt, payment, 'PURCHASE', 'CREATED', 'SUCCEEDED', { providerId: action.providerId }),
  );
  if (action.expiresAt !== null) {
    payment.cancelExpiry = rt.clock.schedule(action.expiresAt, () => {
      payment.cancelExpiry = null;
      if (payment.status === 'READY_TO_PAY') transition(rt, payment, outcome('EXPIRED', 'EXPIRED', 'EXPIRED'));
    });
  }
}
