import type { Amount, CustomerPayer } from '../core';

/** The public part of a card, as Yuno shows it; the number itself only lives in {@link StoredCard}. */
export interface CardInfo {
  holderName: string | null;
  iin: string;
  lfd: string;
  numberLength: number;
  securityCodeLength: number;
  expirationMonth: number;
  expirationYear: number;
  brand: string;
  /** CREDIT or DEBIT as the shopper chose it. */
  type: string;
  fingerprint: string;
}

/** A card as entered. The number stays inside the sandbox: no answer, log or error ever carries it. */
export interface StoredCard {
  ref: string;
  number: string;
  info: CardInfo;
}

export interface CustomerRecord {
  id: string;
  merchantCustomerId: string;
  /** The customer as Yuno answers it, minus the keys the views add. */
  fields: Record<string, unknown>;
  metadataSent: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface CheckoutSessionRecord {
  id: string;
  merchantOrderId: string;
  paymentDescription: string;
  country: string;
  customerId: string | null;
  callbackUrl: string | null;
  amount: Amount | null;
  metadata: Array<{ key: string; value: string }> | null;
  workflow: string;
  installments: Record<string, unknown>;
  checkoutId: string;
  createdAt: number;
  used: boolean;
}

export interface TokenRecord {
  token: string;
  /** The checkout session it was made in; null for a card tokenized by the merchant (`POST /v1/tokens`, DIRECT). */
  sessionId: string | null;
  type: string;
  vaultedToken: string | null;
  vaultOnSuccess: boolean;
  cardRef: string | null;
  customer: CustomerPayer | null;
  installment: { id: string; value: number } | null;
  country: string;
  used: boolean;
  createdAt: number;
}

/** A card saved for a customer (an enrolled payment method); `vaultedToken` is what pays with it later. */
export interface VaultedCardRecord {
  id: string;
  vaultedToken: string;
  customerId: string;
  cardRef: string;
  country: string;
  status: 'ENROLLED' | 'UNENROLLED';
  enrollmentSession: string | null;
  createdAt: number;
  updatedAt: number;
  lastSuccessfullyUsedAt: number | null;
}

export interface CustomerSessionRecord {
  id: string;
  customerId: string;
  country: string;
  callbackUrl: string | null;
  checkoutId: string;
  createdAt: number;
}

export interface EnrollmentRecord {
  id: string;
  customerSession: string;
  customerId: string;
  country: string;
  type: string;
  status: string;
  verify: { vault_on_success: boolean; currency?: string };
  vaultedCardId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface TransactionRecord {
  id: string;
  type: string;
  status: string;
  category: string;
  amount: number;
  providerId: string;
  responseCode: string;
  responseMessage: string;
  reason: string | null;
  description: string | null;
  merchantReference: string | null;
  createdAt: number;
  updatedAt: number;
}

export type PaymentFlow = 'card' | 'qr' | 'redirect' | 'voucher';

export interface PaymentRecord {
  id: string;
  accountId: string;
  description: string;
  country: string;
  merchantOrderId: string;
  merchantReference: string | null;
  status: string;
  subStatus: string;
  createdAt: number;
  updatedAt: number;
  amount: { currency: string; value: number; captured: number; refunded: number };
  checkoutSession: string | null;
  sdkActionRequired: boolean;
  flow: PaymentFlow;
  methodType: string;
  category: string;
  token: string | null;
  vaultedToken: string | null;
  vaultOnSuccess: boolean;
  cardRef: string | null;
  /** `payment_method_detail` as Yuno answers it: `{ card }`, `{ bank_transfer }`, `{ ticket }` or `{ wallet }`. */
  detail: Record<string, Record<string, unknown>>;
  customerId: string | null;
  customerPayer: Record<string, unknown>;
  additionalData: Record<string, unknown> | null;
  callbackUrl: string | null;
  workflow: string;
  metadata: Array<{ key: string; value: string }>;
  fraudScreening: Record<string, unknown> | null;
  idempotencyKey: string | null;
  /** Oldest first; the last one is what Create answers as `transactions`. */
  transactions: TransactionRecord[];
  expiresAt: number | null;
  capture: boolean;
  /** The outcome waiting behind a 3DS challenge. */
  challenge: { pending: boolean } | null;
  cancelExpiry: (() => void) | null;
}

/** A 3DS setup registered for a DIRECT payment (`POST /v1/three-d-secure/setups`). */
export interface ThreeDSecureSetupRecord {
  id: string;
  type: string;
  browserInfo: Record<string, unknown>;
  deviceFingerprints: Array<Record<string, unknown>> | null;
  createdAt: number;
}

/**
 * A saved payment method that is not a card the sandbox holds: a wallet or bank account (enrolled through a customer
 * session or the API, confirmed by the shopper on the sandbox's enrollment page) or a card a provider holds the token
 * of (`provider_data`). Saved cards entered in full are {@link VaultedCardRecord}s.
 */
export interface EnrolledMethodRecord {
  id: string;
  /** Set once the method is ENROLLED. */
  vaultedToken: string | null;
  customerId: string;
  type: string;
  category: string;
  name: string;
  country: string;
  status: 'READY_TO_ENROLL' | 'ENROLLED' | 'DECLINED' | 'UNENROLLED';
  /** The customer session of an SDK enrollment, null for the API's. */
  enrollmentSession: string | null;
  /** The public part of a provider-held card (`brand`, `lfd`), or null. */
  cardData: Record<string, unknown> | null;
  /** The method's details as Yuno echoes them, masked (a bank account keeps its mask only). */
  detail: Record<string, unknown> | null;
  provider: { id: string; type: string; token: string | null };
  callbackUrl: string | null;
  idempotencyKey: string | null;
  verify: { vault_on_success: boolean; currency?: string };
  createdAt: number;
  updatedAt: number;
}

/** A webhook subscription made through the Webhooks API; its secrets are kept to sign and authenticate deliveries. */
export interface WebhookSubscriptionRecord {
  id: string;
  name: string;
  state: 'ACTIVE' | 'INACTIVE';
  url: string;
  apiKey: string | null;
  secret: string | null;
  hmacClientSecret: string | null;
  oauth2: {
    authenticationUrl: string | null;
    clientId: string | null;
    clientSecret: string | null;
    grantType: string | null;
    scope: string | null;
    authorizationName: string | null;
    includeClientId: boolean;
  };
  triggers: Record<string, string[] | null>;
  renewalDays: number | null;
  createdAt: number;
  updatedAt: number;
}

export type IdempotencyEntry =
  | { state: 'in_flight'; createdAt: number }
  | { state: 'done'; createdAt: number; status: number; body: string }
  | { state: 'failed'; createdAt: number };

/** Everything the sandbox knows, in memory. */
export class SandboxStore {
  customers = new Map<string, CustomerRecord>();
  checkoutSessions = new Map<string, CheckoutSessionRecord>();
  tokens = new Map<string, TokenRecord>();
  cards = new Map<string, StoredCard>();
  /** Fingerprint per card number, so the same card always gets the same fingerprint. */
  fingerprints = new Map<string, string>();
  vaultedCards = new Map<string, VaultedCardRecord>();
  customerSessions = new Map<string, CustomerSessionRecord>();
  enrollments = new Map<string, EnrollmentRecord>();
  payments = new Map<string, PaymentRecord>();
  threeDSecureSetups = new Map<string, ThreeDSecureSetupRecord>();
  idempotency = new Map<string, IdempotencyEntry>();
  enrolledMethods = new Map<string, EnrolledMethodRecord>();
  webhookSubscriptions = new Map<string, WebhookSubscriptionRecord>();
  /** The last webhook id handed out: Yuno's ids are numeric strings ("12345"). */
  webhookSeq = 0;

  clear(): void {
    this.enrolledMethods.clear();
    this.webhookSubscriptions.clear();
    this.webhookSeq = 0;
    for (const payment of this.payments.values()) payment.cancelExpiry?.();
    this.customers.clear();
    this.checkoutSessions.clear();
    this.tokens.clear();
    this.cards.clear();
    this.fingerprints.clear();
    this.vaultedCards.clear();
    this.customerSessions.clear();
    this.enrollments.clear();
    this.payments.clear();
    this.threeDSecureSetups.clear();
    this.idempotency.clear();
  }

  findCustomerByMerchantId(merchantCustomerId: string): CustomerRecord | undefined {
    for (const customer of this.customers.values()) {
      if (customer.merchantCustomerId === merchantCustomerId) return customer;
    }
    return undefined;
  }

  findVaultedCard(idOrToken: string): VaultedCardRecord | undefined {
    const byId = this.vaultedCards.get(idOrToken);
    if (byId) return byId;
    for (const card of this.vaultedCards.values()) if (card.vaultedToken === idOrToken) return card;
    return undefined;
  }

  /** The payment waiting on a 3DS challenge, by its checkout session or its own id. */
  findChallengedPayment(checkoutSessionOrPaymentId: string): PaymentRecord | undefined {
    const direct = this.payments.get(checkoutSessionOrPaymentId);
    if (direct) return direct;
    for (const payment of this.payments.values()) {
      if (payment.checkoutSession === checkoutSessionOrPaymentId) return payment;
    }
    return undefined;
  }
}
