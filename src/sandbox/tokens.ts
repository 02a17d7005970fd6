import type { OneTimeTokenRequest } from '../core';
import { isLuhnValid } from './cards';
import { uuid } from './ids';
import { catalogueFor } from './paymentMethods';
import type { SandboxRuntime } from './runtime';
import type { CheckoutSessionRecord, TokenRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';
import { assertCheckoutSessionUsable, findCheckoutSession } from './sessions';
import { findTestCard } from './testCards';
import { invalidParameter, requireFields } from './validation';
import { storeCard } from './vault';

/** Whether the session's catalogue offers the method, enabled. */
export function assertMethodAvailable(rt: SandboxRuntime, session: CheckoutSessionRecord, type: string): void {
  const method = catalogueFor(rt, {
    country: session.country,
    currency: session.amount?.currency,
    customerId: session.customerId ?? undefined,
  }).find((m) => m.type === type);
  if (!method || !method.enabled) {
    throw badRequest(
      'UNAVAILABLE_PAYMENT_METHOD',
      `The payment method ${type} is not available for this checkout session`,
    );
  }
}

/** A card number the tokenizer accepts: a test card, or any number that passes the Luhn check. */
export function assertCardNumber(number: string, path: string): void {
  if (!findTestCard(number) && !isLuhnValid(number)) invalidParameter(path, 'not a valid card number');
}

/**
 * Turns what Yuno's Web SDK sends into a one-time token bound to its checkout session: a new card (kept inside the
 * sandbox), a saved card by its vaulted token, or an alternative method by its type.
 */
export function createOneTimeToken(rt: SandboxRuntime, sessionId: string, body: OneTimeTokenRequest): TokenRecord {
  const session = findCheckoutSession(rt, sessionId);
  assertCheckoutSessionUsable(rt, session);
  const method = body.payment_method;
  const type = method.type.toUpperCase();
  assertMethodAvailable(rt, session, type);

  let cardRef: string | null = null;
  let vaultedToken: string | null = null;
  if (type === 'CARD') {
    if (method.vaulted_token) {
      const vaulted = rt.store.findVaultedCard(method.vaulted_token);
      if (!vaulted || vaulted.status !== 'ENROLLED' || vaulted.vaultedToken !== method.vaulted_token) {
        throw badRequest('INVALID_TOKEN', 'The vaulted token does not exist');
      }
      if (vaulted.customerId !== session.customerId) {
        throw badRequest(
          'INVALID_CUSTOMER_FOR_TOKEN',
          "The vaulted token does not belong to the checkout session's customer",
        );
      }
      cardRef = vaulted.cardRef;
      vaultedToken = vaulted.vaultedToken;
    } else {
      requireFields(body, [
        'payment_method.card.number',
        'payment_method.card.expiration_month',
        'payment_method.card.expiration_year',
        'payment_method.card.security_code',
      ]);
      const card = method.card!;
      assertCardNumber(card.number!, 'payment_method.card.number');
      cardRef = storeCard(rt, {
        number: card.number!,
        holderName: card.holder_name ?? null,
        expirationMonth: card.expiration_month!,
        expirationYear: card.expiration_year!,
        securityCode: card.security_code,
        type: card.type,
      }).ref;
    }
  }

  const token: TokenRecord = {
    token: uuid(),
    sessionId: session.id,
    type,
    vaultedToken,
    vaultOnSuccess: method.vault_on_success ?? false,
    cardRef,
    customer: tokenCustomer(method),
    installment: method.installment ?? null,
    country: session.country,
    used: false,
    createdAt: rt.clock.now(),
  };
  rt.store.tokens.set(token.token, token);
  return token;
}

/**
 * The token's `customer`, as Yuno answers it to the headless `generateToken`: what the SDK sent, with the
 * `payment_method.device_fingerprint` it sent kept as `customer.device_fingerprint`
 * (https://docs.y.uno/docs/sdks/headless-web/payment, Step 4). `third_party_session_id` is taken but not echoed: Yuno
 * documents no place for it on the token.
 */
function tokenCustomer(method: OneTimeTokenRequest['payment_method']): TokenRecord['customer'] {
  const fingerprint = method.device_fingerprint;
  if (!fingerprint) return method.customer ?? null;
  return { ...method.customer, device_fingerprint: fingerprint };
}
