import {
  CreateCustomerSessionRequestSchema,
  EnrollPaymentMethodApiRequestSchema,
  EnrollPaymentMethodRequestSchema,
} from '../../core';
import { requireAccountId } from '../auth';
import { SANDBOX_DEFAULT_CHECKOUT_ID } from '../constants';
import { createEnrollment, findCustomerSession } from '../enrollment';
import { uuid } from '../ids';
import {
  assertSessionEnrollable,
  checkoutPaymentMethodView,
  directEnrollmentView,
  enrolledMethodDetailView,
  enrolledMethodsOf,
  enrollDirect,
  findPaymentMethod,
  type FoundPaymentMethod,
  listedMethodView,
  ownerOf,
  sessionEnrollableMethods,
  sessionMethodEnrollmentView,
  settleMethodEnrollment,
  startSessionMethodEnrollment,
  unenrolledMethodView,
  unenrollPaymentMethod,
} from '../enrolledMethods';
import { idempotencyKeyOf, runIdempotent } from '../idempotency';
import { html, redirect } from '../responses';
import { enrollmentPage, enrollmentResultPage, notFoundPage } from '../pages';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxRuntime } from '../runtime';
import type { CustomerSessionRecord } from '../SandboxStore';
import { badRequest } from '../SandboxHttpError';
import { readJsonObject, validateBody } from '../validation';
import { cardOf, enrolledCardsOf } from '../vault';
import { customerSessionView, enrolledMethodView, enrollmentView, unenrollView } from '../views';
import { withQueryParam } from './checkoutSessions';
import { findCustomer } from './customers';

export const enrollmentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customers/sessions',
    auth: 'private',
    handler({ rt, request }) {
      return runIdempotent(
        rt,
        'customer-session-create',
        idempotencyKeyOf(request),
        async () => {
          const body = validateBody(CreateCustomerSessionRequestSchema, await readJsonObject(request));
          requireAccountId(rt, body.account_id);
          findCustomer(rt, body.customer_id);
          return body;
        },
        async (body) => {
          const id = uuid();
          const session: CustomerSessionRecord = {
            id,
            customerId: body.customer_id,
            country: body.country,
            callbackUrl: body.callback_url ? withQueryParam(body.callback_url, 'customerSession', id) : null,
            checkoutId: body.checkout_id ?? SANDBOX_DEFAULT_CHECKOUT_ID,
            createdAt: rt.clock.now(),
          };
          rt.store.customerSessions.set(id, session);
          return { status: 201, body: customerSessionView(session) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/customers/sessions/:customer_session/payment-methods',
    auth: 'private',
    handler({ rt, params }) {
      const session = findCustomerSession(rt, params.customer_session as string);
      return json(200, { payment_methods: sessionEnrollableMethods(session.country, session.id) });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/sessions/:customer_session/payment-methods',
    auth: 'private',
    handler({ rt, request, params }) {
      const key = idempotencyKeyOf(request);
      return runIdempotent(
        rt,
        'enroll',
        key,
        async () => {
          const body = validateBody(EnrollPaymentMethodRequestSchema, await readJsonObject(request));
          requireAccountId(rt, body.account_id);
          return { body, session: findCustomerSession(rt, params.customer_session as string) };
        },
        async ({ body, session }) => {
          const type = body.payment_method_type.toUpperCase();
          assertSessionEnrollable(type, body.country);
          const customer = rt.store.customers.get(session.customerId);
          if (type !== 'CARD') {
            const method = startSessionMethodEnrollment(rt, {
              customerId: session.customerId,
              session: session.id,
              type,
              country: body.country,
              callbackUrl: session.callbackUrl,
              verify: body.verify,
              idempotencyKey: key ?? null,
            });
            return { status: 201, body: sessionMethodEnrollmentView(rt, method, customer) };
          }
          const enrollment = createEnrollment(rt, session, { type, country: body.country, verify: body.verify });
          return { status: 201, body: enrollmentView(enrollment, rt.accountId, customer, undefined) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:customer_id/payment-methods',
    auth: 'private',
    handler({ rt, params }) {
      const customer = findCustomer(rt, params.customer_id as string);
      return json(200, {
        payment_methods: [
          ...enrolledCardsOf(rt, customer.id).map(({ record, info }) => enrolledMethodView(record, info)),
          ...enrolledMethodsOf(rt, customer.id).map((method) => listedMethodView(rt, method)),
        ],
      });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:customer_id/payment-methods/:payment_method_id/unenroll',
    auth: 'private',
    handler({ rt, request, params }) {
      return runIdempotent(
        rt,
        'unenroll',
        idempotencyKeyOf(request),
        async () => findCustomer(rt, params.customer_id as string),
        async (customer) => {
          const found = findPaymentMethod(rt, params.payment_method_id as string);
          if (!found || found.kind === 'enrollment' || ownerOf(found) !== customer.id) {
            throw badRequest('NOT_FOUND', 'Payment method not found for this customer');
          }
          unenrollPaymentMethod(rt, found);
          return { status: 200, body: unenrollAnswer(rt, found) };
        },
      );
    },
  },
  {
    // Enroll Payment Method (API): saves a card from `card_data` (PCI scope) or a provider's token at once, or starts
    // a bank-account (ACH) or NuPay enrollment the shopper confirms at `redirect_url`.
    method: 'POST',
    pattern: '/v1/customers/:customer_id/payment-methods',
    auth: 'private',
    handler({ rt, request, params }) {
      const key = idempotencyKeyOf(request);
      return runIdempotent(
        rt,
        `enroll-direct:${params.customer_id as string}`,
        key,
        async () => {
          const body = validateBody(EnrollPaymentMethodApiRequestSchema, await readJsonObject(request));
          requireAccountId(rt, body.account_id);
          return { body, customer: findCustomer(rt, params.customer_id as string) };
        },
        async ({ body, customer }) => {
          const result = enrollDirect(rt, customer, body, key ?? null);
          return { status: 201, body: directEnrollmentView(result, rt, key ?? null) };
        },
      );
    },
  },
  {
    // Retrieve Enrolled Payment Method by id (API): by its vaulted token (what Yuno documents) or its id.
    method: 'GET',
    pattern: '/v1/customers/:customer_id/payment-methods/:payment_method_id',
    auth: 'private',
    handler({ rt, params }) {
      const customer = findCustomer(rt, params.customer_id as string);
      const found = findPaymentMethod(rt, params.payment_method_id as string);
      if (!found || ownerOf(found) !== customer.id || (found.kind === 'enrollment' && !found.vaulted)) {
        throw badRequest('NOT_FOUND', 'Payment method not found for this customer');
      }
      return json(200, enrolledMethodDetailView(rt, found, customer));
    },
  },
  {
    // Retrieve Payment Method by id (checkout): an enrollment of a customer session, from READY_TO_ENROLL on.
    method: 'GET',
    pattern: '/v1/payment-methods/:payment_method_id',
    auth: 'private',
    handler({ rt, params }) {
      const found = findPaymentMethod(rt, params.payment_method_id as string);
      if (!found) throw badRequest('NOT_FOUND', 'Payment method not found');
      return json(200, checkoutPaymentMethodView(rt, found));
    },
  },
  {
    // Unenroll Payment Method (checkout): by the id the enrollment answered.
    method: 'POST',
    pattern: '/v1/customers/payment-methods/:payment_method_id/unenroll',
    auth: 'private',
    handler({ rt, request, params }) {
      return runIdempotent(
        rt,
        'unenroll-checkout',
        idempotencyKeyOf(request),
        async () => {
          const found = findPaymentMethod(rt, params.payment_method_id as string);
          if (!found) throw badRequest('NOT_FOUND', 'Payment method not found');
          return found;
        },
        async (found) => {
          unenrollPaymentMethod(rt, found);
          return { status: 200, body: checkoutPaymentMethodView(rt, found) };
        },
      );
    },
  },
  {
    // The sandbox's stand-in for the provider's page where a shopper confirms a wallet or bank-account enrollment.
    method: 'GET',
    pattern: '/_sandbox/enrollment/:payment_method_id',
    auth: 'none',
    handler({ rt, params, url }) {
      const method = rt.store.enrolledMethods.get(params.payment_method_id as string);
      if (!method) return html(404, notFoundPage('This enrollment does not exist in the sandbox.'));
      if (method.status !== 'READY_TO_ENROLL') {
        return html(200, enrollmentResultPage({ status: method.status, method: method.name }));
      }
      return html(200, enrollmentPage({ action: url.pathname, method: method.name, reference: method.id }));
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/enrollment/:payment_method_id',
    auth: 'none',
    async handler({ rt, params, request }) {
      const method = rt.store.enrolledMethods.get(params.payment_method_id as string);
      if (!method) return html(404, notFoundPage('This enrollment does not exist in the sandbox.'));
      const form = new URLSearchParams(await request.text());
      settleMethodEnrollment(rt, method, form.get('decision') === 'approve' ? 'approve' : 'decline');
      if (method.callbackUrl) return redirect(method.callbackUrl);
      return html(200, enrollmentResultPage({ status: method.status, method: method.name }));
    },
  },
];

function unenrollAnswer(rt: SandboxRuntime, found: FoundPaymentMethod): Record<string, unknown> {
  if (found.kind === 'method') return unenrolledMethodView(rt, found.method);
  const vaulted = found.kind === 'card' ? found.record : found.vaulted!;
  return unenrollView(vaulted, cardOf(rt, vaulted.cardRef).info, rt.accountId);
}
