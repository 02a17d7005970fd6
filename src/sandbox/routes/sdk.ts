import * as z from 'zod/mini';
import { CardDetailSchema, OneTimeTokenRequestSchema } from '../../core';
import { continuePaymentActionView } from '../continuePaymentAction';
import { continueEnrollment, findCustomerSession } from '../enrollment';
import { uuid } from '../ids';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxRuntime } from '../runtime';
import { SandboxHttpError, badRequest } from '../SandboxHttpError';
import type { PaymentRecord } from '../SandboxStore';
import { findCheckoutSession } from '../sessions';
import { challengeUrl } from '../threeDSecure';
import { createOneTimeToken } from '../tokens';
import { invalidParameter, readJsonObject, validateBody } from '../validation';
import { tokenView } from '../views';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** The SDK sends empty card fields as null; Yuno's API treats them as absent. */
function withoutNulls(value: Json | undefined): Json | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

function assertSameSession(given: unknown, expected: string, field: string): void {
  if (given !== undefined && given !== null && given !== expected)
    invalidParameter(field, 'does not match the session in the path');
}

/**
 * The Web SDK's headless `generateToken` arguments (`payment_method.card.detail`, `card.save`) in the shape of Yuno's
 * token endpoint (`payment_method.card`, `vault_on_success`), so both go through one tokenizer.
 */
function toTokenRequest(raw: Json): unknown {
  const method = asObject(raw.payment_method);
  if (!method) return { payment_method: raw.payment_method };
  const card = asObject(method.card);
  const detail = withoutNulls(asObject(card?.detail));
  return {
    payment_method: {
      type: method.type,
      ...(method.vaulted_token ? { vaulted_token: method.vaulted_token } : {}),
      vault_on_success: card?.save ?? method.vault_on_success ?? false,
      ...(detail ? { card: detail } : {}),
      ...(method.customer ? { customer: method.customer } : {}),
      ...((card?.installment ?? method.installment) ? { installment: card?.installment ?? method.installment } : {}),
      ...(method.device_fingerprint ? { device_fingerprint: method.device_fingerprint } : {}),
      ...(method.third_party_session_id ? { third_party_session_id: method.third_party_session_id } : {}),
    },
    ...(asObject(card?.three_d_secure) ? { three_d_secure: card?.three_d_secure } : {}),
  };
}

const ContinueEnrollmentSchema = z.object({
  payment_method: z.object({
    type: z.string(),
    card: z.object({ detail: CardDetailSchema }),
  }),
});

/** The session's latest payment; a 404 `PAYMENT_NOT_FOUND` when it has none yet. */
function latestPaymentOf(rt: SandboxRuntime, sessionId: string): PaymentRecord {
  let latest: PaymentRecord | undefined;
  for (const payment of rt.store.payments.values()) {
    if (payment.checkoutSession === sessionId && (!latest || payment.createdAt >= latest.createdAt)) latest = payment;
  }
  if (!latest) throw new SandboxHttpError(404, 'PAYMENT_NOT_FOUND', ['The checkout session has no payment yet']);
  return latest;
}

export const sdkRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/_sandbox/sdk/checkout/sessions/:checkout_session/token',
    auth: 'public',
    async handler({ rt, request, params }) {
      const sessionId = params.checkout_session as string;
      const raw = await readJsonObject(request);
      assertSameSession(raw.checkout_session, sessionId, 'checkout_session');
      const body = validateBody(OneTimeTokenRequestSchema, toTokenRequest(raw));
      return json(201, tokenView(createOneTimeToken(rt, sessionId, body), rt.store));
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/sdk/customers/sessions/:customer_session/enroll',
    auth: 'public',
    async handler({ rt, request, params }) {
      const sessionId = params.customer_session as string;
      const raw = await readJsonObject(request);
      assertSameSession(raw.customer_session, sessionId, 'customer_session');
      const method = asObject(raw.payment_method);
      const card = asObject(method?.card);
      const normalised = {
        payment_method: { ...method, card: { ...card, detail: withoutNulls(asObject(card?.detail)) } },
      };
      const body = validateBody(ContinueEnrollmentSchema, normalised);
      const session = findCustomerSession(rt, sessionId);
      if (body.payment_method.type.toUpperCase() !== 'CARD') {
        throw badRequest('UNAVAILABLE_PAYMENT_METHOD', 'The sandbox can enroll CARD only');
      }
      const detail = body.payment_method.card.detail;
      const { vaulted } = continueEnrollment(rt, session, {
        number: detail.number,
        expirationMonth: detail.expiration_month,
        expirationYear: detail.expiration_year,
        securityCode: detail.security_code,
        holderName: detail.holder_name ?? null,
        type: detail.type,
      });
      return json(200, { vaulted_token: vaulted.vaultedToken, status: 'ENROLLED', customer: { session: session.id } });
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/sdk/checkout/sessions/:checkout_session/three-d-secure',
    auth: 'public',
    handler({ rt, params }) {
      const session = findCheckoutSession(rt, params.checkout_session as string);
      // As Yuno's SDK does, a null url when no payment of the session waits on a challenge (none, frictionless, done).
      const waiting = rt.store.findChallengedPayment(session.id)?.challenge?.pending === true;
      return json(200, { url: waiting ? challengeUrl(rt.baseUrl, session.id) : null });
    },
  },
  {
    // What Yuno's Web SDK 2.x reads after its createPayment controller resolves: the session's payment, to run 3DS
    // and report the outcome. Only the status is given, never the payment itself.
    method: 'GET',
    pattern: '/_sandbox/sdk/checkout/sessions/:checkout_session/payment',
    auth: 'public',
    handler({ rt, params }) {
      const session = findCheckoutSession(rt, params.checkout_session as string);
      const latest = latestPaymentOf(rt, session.id);
      return json(200, {
        status: latest.status,
        sub_status: latest.subStatus,
        three_d_secure_challenge: latest.challenge?.pending ? { url: challengeUrl(rt.baseUrl, session.id) } : null,
      });
    },
  },
  {
    // What Yuno's Web SDK 1.x headless getContinuePaymentAction answers: the action the session's latest payment waits
    // on, from the payment's own details, or null when it waits on none.
    method: 'GET',
    pattern: '/_sandbox/sdk/checkout/sessions/:checkout_session/continue-payment-action',
    auth: 'public',
    handler({ rt, params }) {
      const session = findCheckoutSession(rt, params.checkout_session as string);
      return json(200, continuePaymentActionView(rt, session, latestPaymentOf(rt, session.id)));
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/sdk/fraud',
    auth: 'public',
    handler() {
      return json(200, { status: 'success', deviceFingerprints: [{ providerId: 'SANDBOX', sessionId: uuid() }] });
    },
  },
];
