import {
  CreateCheckoutSessionRequestSchema,
  OneTimeTokenRequestSchema,
  UpdateCheckoutSessionRequestSchema,
} from '../../core';
import { idempotencyKeyOf, runIdempotent } from '../idempotency';
import { requireAccountId } from '../auth';
import { SANDBOX_DEFAULT_CHECKOUT_ID } from '../constants';
import { uuid } from '../ids';
import { catalogueFor } from '../paymentMethods';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxRuntime } from '../runtime';
import type { CheckoutSessionRecord } from '../SandboxStore';
import { badRequest } from '../SandboxHttpError';
import { assertCheckoutSessionUsable, findCheckoutSession, isCheckoutSessionExpired } from '../sessions';
import { createOneTimeToken } from '../tokens';
import { readJsonObject, validateBody } from '../validation';
import { enrolledCardsOf } from '../vault';
import {
  checkoutSessionCreateView,
  checkoutSessionRetrieveView,
  checkoutSessionUpdateView,
  tokenView,
  vaultedCheckoutMethodView,
} from '../views';
import { findCustomer } from './customers';

/** Yuno hands the session back to the merchant's return page in the callback URL. */
export function withQueryParam(url: string, name: string, value: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}${hash}`;
}

/** The methods of a checkout session: the customer's saved cards first, then the catalogue of its country. */
export function checkoutPaymentMethods(
  rt: SandboxRuntime,
  session: CheckoutSessionRecord,
  category: string | null,
): unknown[] {
  const vaulted = session.customerId
    ? enrolledCardsOf(rt, session.customerId).map(({ record, info }) =>
        vaultedCheckoutMethodView(record, info, session.id),
      )
    : [];
  const catalogue = catalogueFor(rt, {
    country: session.country,
    currency: session.amount?.currency,
    customerId: session.customerId ?? undefined,
  }).map((m) => ({
    name: m.name,
    vaulted_token: null,
    description: m.description,
    type: m.type,
    category: m.category,
    icon: m.icon,
    last_successfully_used: null,
    last_successfully_used_at: null,
    checkout: {
      session: session.id,
      sdk_required_action: m.sdkRequiredAction,
      conditions: { enabled: m.enabled, rules: m.rules },
    },
    preferred: m.preferred,
  }));
  const all: Array<{ category: string }> = [...vaulted, ...catalogue] as Array<{ category: string }>;
  return category ? all.filter((m) => m.category === category.toUpperCase()) : all;
}

export const checkoutSessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions',
    auth: 'private',
    handler({ rt, request }) {
      return runIdempotent(
        rt,
        'checkout-session-create',
        idempotencyKeyOf(request),
        async () => {
          const body = validateBody(CreateCheckoutSessionRequestSchema, await readJsonObject(request));
          requireAccountId(rt, body.account_id);
          if (body.customer_id) findCustomer(rt, body.customer_id);
          return body;
        },
        async (body) => {
          const id = uuid();
          const session: CheckoutSessionRecord = {
            id,
            merchantOrderId: body.merchant_order_id,
            paymentDescription: body.payment_description,
            country: body.country,
            customerId: body.customer_id ?? null,
            callbackUrl: body.callback_url ? withQueryParam(body.callback_url, 'checkoutSession', id) : null,
            amount: body.amount ?? null,
            metadata: body.metadata ?? null,
            workflow: body.workflow ?? 'SDK_CHECKOUT',
            installments: { plan_id: body.installments?.plan_id ?? null, plan: body.installments?.plan ?? null },
            checkoutId: body.checkout_id ?? SANDBOX_DEFAULT_CHECKOUT_ID,
            createdAt: rt.clock.now(),
            used: false,
          };
          rt.store.checkoutSessions.set(id, session);
          return { status: 200, body: checkoutSessionCreateView(session) };
        },
      );
    },
  },
  {
    // Update Checkout Session, while it has no payment: a session that was paid (or expired) is no longer active, and
    // Yuno answers CHECKOUT_SESSION_NOT_FOUND for sessions that are "not found or inactive".
    method: 'PATCH',
    pattern: '/v1/checkout/sessions/:checkout_session',
    auth: 'private',
    handler({ rt, request, params }) {
      const id = params.checkout_session as string;
      return runIdempotent(
        rt,
        `checkout-session-update:${id}`,
        idempotencyKeyOf(request),
        async () => {
          const body = validateBody(UpdateCheckoutSessionRequestSchema, await readJsonObject(request));
          requireAccountId(rt, body.account_id);
          if (body.customer_id) findCustomer(rt, body.customer_id);
          return { body, session: findCheckoutSession(rt, id) };
        },
        async ({ body, session }) => {
          assertCheckoutSessionUsable(rt, session);
          session.merchantOrderId = body.merchant_order_id;
          session.paymentDescription = body.payment_description;
          session.country = body.country;
          if (body.customer_id !== undefined) session.customerId = body.customer_id;
          if (body.callback_url !== undefined) {
            session.callbackUrl = withQueryParam(body.callback_url, 'checkoutSession', session.id);
          }
          if (body.amount !== undefined) {
            const value = body.amount.value ?? session.amount?.value;
            if (value === undefined) {
              throw badRequest('MISSING_PARAMETERS', 'Missing required parameter: amount.value');
            }
            session.amount = { currency: body.amount.currency, value };
          }
          if (body.metadata !== undefined) session.metadata = body.metadata;
          if (body.workflow !== undefined) session.workflow = body.workflow;
          if (body.installments !== undefined) {
            session.installments = {
              plan_id: body.installments.plan_id ?? null,
              plan: body.installments.plan ?? null,
            };
          }
          return { status: 200, body: checkoutSessionUpdateView(session) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:checkout_session',
    auth: 'private',
    handler({ rt, params }) {
      return json(200, checkoutSessionRetrieveView(findCheckoutSession(rt, params.checkout_session as string)));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:checkout_session/payment-methods',
    auth: 'private',
    handler({ rt, params, url }) {
      const session = findCheckoutSession(rt, params.checkout_session as string);
      if (isCheckoutSessionExpired(rt, session)) {
        throw badRequest('CHECKOUT_SESSION_NOT_FOUND', 'The checkout session has expired');
      }
      return json(200, checkoutPaymentMethods(rt, session, url.searchParams.get('category')));
    },
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:checkout_session/token',
    auth: 'private',
    handler({ rt, request, params }) {
      const id = params.checkout_session as string;
      return runIdempotent(
        rt,
        `token:${id}`,
        idempotencyKeyOf(request),
        async () => {
          const raw = await readJsonObject(request);
          const body = validateBody(OneTimeTokenRequestSchema, raw);
          if (raw.account_id !== undefined) requireAccountId(rt, raw.account_id);
          return body;
        },
        async (body) => ({ status: 201, body: tokenView(createOneTimeToken(rt, id, body), rt.store) }),
      );
    },
  },
];
