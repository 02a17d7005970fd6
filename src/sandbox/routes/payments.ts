import { CancelOrRefundRequestSchema, CreatePaymentRequestSchema } from '../../core';
import { idempotencyKeyOf, requireIdempotencyKey, runIdempotent } from '../idempotency';
import { cancelOrRefund } from '../cancelOrRefund';
import { createPayment, preflightPayment } from '../createPayment';
import { findPayment } from '../paymentLifecycle';
import { json } from '../responses';
import type { Route } from '../router';
import { badRequest } from '../SandboxHttpError';
import { sleep } from '../sleep';
import { readJsonObject, validateBody } from '../validation';
import { paymentCreateView, paymentListItemView, paymentRetrieveView } from '../paymentViews';

export const paymentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/payments',
    auth: 'private',
    handler({ rt, request }) {
      const key = requireIdempotencyKey(request);
      return runIdempotent(
        rt,
        'payments',
        key,
        async () => {
          const body = validateBody(CreatePaymentRequestSchema, await readJsonObject(request));
          preflightPayment(rt, body);
          return body;
        },
        async (body) => {
          await sleep(rt.paymentProcessingMs);
          const payment = createPayment(rt, body, key);
          // A decline is a created payment too: 201 with status DECLINED, never an HTTP error.
          return { status: 201, body: paymentCreateView(payment) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/payments',
    auth: 'private',
    handler({ rt, url }) {
      const orderId = url.searchParams.get('merchant_order_id');
      if (!orderId) throw badRequest('MISSING_PARAMETERS', 'Missing required parameter: merchant_order_id');
      const payments = [...rt.store.payments.values()].filter((p) => p.merchantOrderId === orderId);
      return json(200, payments.map(paymentListItemView));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/payments/:payment_id',
    auth: 'private',
    handler({ rt, params }) {
      return json(200, { payment: paymentRetrieveView(findPayment(rt, params.payment_id as string)) });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payments/:payment_id/cancel-or-refund',
    auth: 'private',
    handler({ rt, request, params }) {
      const key = idempotencyKeyOf(request);
      const paymentId = params.payment_id as string;
      return runIdempotent(
        rt,
        `cancel-or-refund:${paymentId}`,
        key,
        async () => {
          const body = validateBody(CancelOrRefundRequestSchema, await readJsonObject(request));
          return { body, payment: findPayment(rt, paymentId) };
        },
        async ({ body, payment }) => ({ status: 201, body: cancelOrRefund(rt, payment, body) }),
      );
    },
  },
];
