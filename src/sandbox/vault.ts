import { webhookData } from './projectWebhook';
import { cardIin, cardLfd, detectCardBrand, fullExpirationYear, securityCodeLength } from './cards';
import { uuid } from './ids';
import type { SandboxRuntime } from './runtime';
import type { CardInfo, StoredCard, VaultedCardRecord } from './SandboxStore';
import { SandboxHttpError } from './SandboxHttpError';
import { enrollmentWebhookView } from './views';

export interface CardInput {
  number: string;
  holderName: string | null;
  expirationMonth: number;
  expirationYear: number;
  securityCode: string | undefined;
  /** CREDIT or DEBIT. */
  type: string | undefined;
}

/** Keeps a card inside the sandbox and returns its reference; the same number always gets the same fingerprint. */
export function storeCard(rt: SandboxRuntime, input: CardInput): StoredCard {
  let fingerprint = rt.store.fingerprints.get(input.number);
  if (!fingerprint) {
    fingerprint = uuid();
    rt.store.fingerprints.set(input.number, fingerprint);
  }
  const brand = detectCardBrand(input.number);
  const info: CardInfo = {
    holderName: input.holderName,
    iin: cardIin(input.number),
    lfd: cardLfd(input.number),
    numberLength: input.number.length,
    securityCodeLength: input.securityCode?.length ?? securityCodeLength(brand),
    expirationMonth: input.expirationMonth,
    expirationYear: fullExpirationYear(input.expirationYear),
    brand,
    type: (input.type ?? 'CREDIT').toUpperCase(),
    fingerprint,
  };
  const card: StoredCard = { ref: uuid(), number: input.number, info };
  rt.store.cards.set(card.ref, card);
  return card;
}

export function cardOf(rt: SandboxRuntime, ref: string): StoredCard {
  const card = rt.store.cards.get(ref);
  // Cards are never removed while anything refers to them; reaching this is a sandbox bug, not a client error.
  if (!card) throw new SandboxHttpError(500, 'INTERNAL_ERROR', ['The sandbox lost a card it had stored']);
  return card;
}

/**
 * Saves a card for a customer and returns its enrolled method. A card the customer already saved (same fingerprint)
 * keeps its vaulted token, as a shopper saving the same card twice gets one saved card.
 */
export function vaultCard(
  rt: SandboxRuntime,
  customerId: string,
  cardRef: string,
  country: string,
  enrollmentSession: string | null,
): { record: VaultedCardRecord; created: boolean } {
  const card = cardOf(rt, cardRef);
  for (const existing of rt.store.vaultedCards.values()) {
    if (
      existing.customerId === customerId &&
      existing.status === 'ENROLLED' &&
      cardOf(rt, existing.cardRef).info.fingerprint === card.info.fingerprint
    ) {
      return { record: existing, created: false };
    }
  }
  const now = rt.clock.now();
  const record: VaultedCardRecord = {
    id: uuid(),
    vaultedToken: uuid(),
    customerId,
    cardRef,
    country,
    status: 'ENROLLED',
    enrollmentSession,
    createdAt: now,
    updatedAt: now,
    lastSuccessfullyUsedAt: null,
  };
  rt.store.vaultedCards.set(record.id, record);
  return { record, created: true };
}

/** A customer's enrolled cards, most recently used first, then newest first. */
export function enrolledCardsOf(
  rt: SandboxRuntime,
  customerId: string,
): Array<{ record: VaultedCardRecord; info: CardInfo }> {
  return [...rt.store.vaultedCards.values()]
    .filter((v) => v.customerId === customerId && v.status === 'ENROLLED')
    .sort((a, b) => (b.lastSuccessfullyUsedAt ?? 0) - (a.lastSuccessfullyUsedAt ?? 0) || b.createdAt - a.createdAt)
    .map((record) => ({ record, info: cardOf(rt, record.cardRef).info }));
}

export function emitEnrollmentWebhook(rt: SandboxRuntime, typeEvent: string, record: VaultedCardRecord): void {
  if (!rt.webhooks.enabled) return;
  const info = cardOf(rt, record.cardRef).info;
  rt.webhooks.emit({
    type: 'enrollment',
    typeEvent,
    data: webhookData('enrollment', { payment_method: enrollmentWebhookView(record, info, rt.accountId) }),
  });
}
