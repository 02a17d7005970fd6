import type { DirectCardData, DirectTokenRequest, ThreeDSecureSetupRequest } from '../core';
import { requireAccountId } from './auth';
import { uuid } from './ids';
import type { SandboxRuntime } from './runtime';
import type { StoredCard, ThreeDSecureSetupRecord, TokenRecord } from './SandboxStore';
import { assertCardNumber } from './tokens';
import { tokenCardDataView } from './views';
import { storeCard } from './vault';

type Json = Record<string, unknown>;

/** Keeps a card a PCI-certified merchant sent (DIRECT workflow) inside the sandbox, after checking its number. */
export function storeDirectCard(rt: SandboxRuntime, card: DirectCardData, path: string): StoredCard {
  assertCardNumber(card.number, `${path}.number`);
  return storeCard(rt, {
    number: card.number,
    holderName: card.holder_name ?? null,
    expirationMonth: card.expiration_month,
    expirationYear: card.expiration_year,
    securityCode: card.security_code,
    type: card.type,
  });
}

/**
 * `POST /v1/tokens`: a one-time token for a card tokenized by the merchant's own server. It belongs to no checkout
 * session; a DIRECT payment spends it like any one-time token, and the sandbox's test cards decide that payment.
 */
export function createDirectToken(rt: SandboxRuntime, body: DirectTokenRequest): Json {
  requireAccountId(rt, body.account_id);
  const card = storeDirectCard(rt, body.card_data, 'card_data');
  const token: TokenRecord = {
    token: uuid(),
    sessionId: null,
    type: 'CARD',
    vaultedToken: null,
    vaultOnSuccess: false,
    cardRef: card.ref,
    customer: body.customer_payer ?? null,
    installment: null,
    country: body.country ?? '',
    used: false,
    createdAt: rt.clock.now(),
  };
  rt.store.tokens.set(token.token, token);
  const { country_code: _country, ...cardData } = tokenCardDataView(card.info, token.country);
  return { token: token.token, card_data: cardData };
}

/** `POST /v1/three-d-secure/setups`: the browser data of a DIRECT 3DS payment, kept under a new setup id. */
export function createThreeDSecureSetup(rt: SandboxRuntime, body: ThreeDSecureSetupRequest): Json {
  requireAccountId(rt, body.account_id);
  const setup: ThreeDSecureSetupRecord = {
    id: uuid(),
    type: body.type,
    browserInfo: body.browser_info,
    deviceFingerprints: body.device_fingerprints ?? null,
    createdAt: rt.clock.now(),
  };
  rt.store.threeDSecureSetups.set(setup.id, setup);
  return {
    three_d_secure_setup_id: setup.id,
    account_id: rt.accountId,
    type: setup.type,
    browser_info: setup.browserInfo,
    ...(setup.deviceFingerprints ? { device_fingerprints: setup.deviceFingerprints } : {}),
  };
}
