import { CreateCustomerSessionRequestSchema, EnrollPaymentMethodRequestSchema } from '../../core';
import { requireAccountId } from '../auth';
import { SANDBOX_DEFAULT_CHECKOUT_ID } from '../constants';
import { createEnrollment, findCustomerSession } from '../enrollment';
import { uuid } from '../ids';
import { iconDataUrl } from '../icons';
import { requireIdempotencyKey, runIdempotent } from '../idempotency';
import { json } from '../responses';
import type { Route } from '../router';
import type { CustomerSessionRecord } from '../SandboxStore';
import { badRequest } from '../SandboxHttpError';
import { readJsonObject, validateBody } from '../validation';
import { cardOf, emitEnrollmentWebhook, enrolledCardsOf } from '../vault';
import { customerSessionView, enrolledMethodView, enrollmentView, unenrollView } from '../views';
import { withQueryParam } from './checkoutSessions';
import { findCustomer } from './customers';

/** Card enrollment is what the sandbox can complete (through its Web SDK routes); wallets would need a provider. */
const ENROLLABLE_TYPES = new Set(['CARD']);

export const enrollmentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customers/sessions',
    auth: 'private',
    async handler({ rt, request }) {
      const body = validateBody(CreateCustomerSessionRequestSchema, await readJsonObject(request));
      requireAccountId(rt, body.account_id);
      findCustomer(rt, body.customer_id);
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
      return json(201, customerSessionView(session));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/customers/sessions/:customer_session/payment-methods',
    auth: 'private',
    handler({ rt, params }) {
      const session = findCustomerSession(rt, params.customer_session as string);
      return json(200, {
        payment_methods: [
          {
            name: 'Card',
            description: 'Credit or debit card',
            type: 'CARD',
            category: 'CARD',
            icon: iconDataUrl('CARD', 'Card'),
            enrollment: { session: session.id, sdk_required_action: false },
          },
        ],
      });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/sessions/:customer_session/payment-methods',
    auth: 'private',
    handler({ rt, request, params }) {
      const key = requireIdempotencyKey(request);
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
          if (!ENROLLABLE_TYPES.has(type)) {
            throw badRequest('UNAVAILABLE_PAYMENT_METHOD', `The sandbox can enroll CARD only, not ${type}`);
          }
          const enrollment = createEnrollment(rt, session, { type, country: body.country, verify: body.verify });
          return {
            status: 201,
            body: enrollmentView(enrollment, rt.accountId, rt.store.customers.get(session.customerId), undefined),
          };
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
        payment_methods: enrolledCardsOf(rt, customer.id).map(({ record, info }) => enrolledMethodView(record, info)),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:customer_id/payment-methods/:payment_method_id/unenroll',
    auth: 'private',
    handler({ rt, request, params }) {
      const key = requireIdempotencyKey(request);
      return runIdempotent(
        rt,
        'unenroll',
        key,
        async () => findCustomer(rt, params.customer_id as string),
        async (customer) => {
          const vaulted = rt.store.findVaultedCard(params.payment_method_id as string);
          if (!vaulted || vaulted.customerId !== customer.id || vaulted.status !== 'ENROLLED') {
            throw badRequest('NOT_FOUND', 'Payment method not found for this customer');
          }
          vaulted.status = 'UNENROLLED';
          vaulted.updatedAt = rt.clock.now();
          emitEnrollmentWebhook(rt, 'enrollment.unenroll', vaulted);
          return { status: 200, body: unenrollView(vaulted, cardOf(rt, vaulted.cardRef).info, rt.accountId) };
        },
      );
    },
  },
];
