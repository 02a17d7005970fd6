import {
  CancelOrRefundRequestSchema,
  CancelRequestSchema,
  CaptureRequestSchema,
  RefundRequestSchema,
} from '../../core';
import { cancelOrRefund, cancelTransaction, captureTransaction, refundTransaction } from '../cancelOrRefund';
import { runOptionallyIdempotent } from '../idempotency';
import { findPayment } from '../paymentLifecycle';
import { paymentCreateView } from '../paymentViews';
import type { Route, RouteContext } from '../router';
import { readJsonObject, validateBody } from '../validation';

/**
 * Reads the body and the payment (in that order: a malformed body is refused before the payment is looked up, and does
 * not use an idempotency key up).
 */
function prepared<T>(context: RouteContext, paymentParam: string, parse: (body: unknown) => T) {
  return async () => {
    const body = parse(await readJsonObject(context.request));
    return { body, payment: findPayment(context.rt, context.params[paymentParam] as string) };
  };
}

const scope = (operation: string, context: RouteContext, paymentParam: string) =>
  `${operation}:${context.params[paymentParam] as string}:${context.params.transaction_id as string}`;

/**
 * Yuno's operations on one transaction of a payment: capture an authorization, refund a captured payment, cancel an
 * authorization, or let Yuno choose between cancel and refund. An `X-Idempotency-Key`, when sent, is honoured.
 */
export const transactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/payments/:payment_id/transactions/:transaction_id/capture',
    auth: 'private',
    handler(context) {
      return runOptionallyIdempotent(
        context.rt,
        scope('capture', context, 'payment_id'),
        context.request,
        prepared(context, 'payment_id', (raw) => validateBody(CaptureRequestSchema, raw)),
        async ({ body, payment }) => ({
          status: 200,
          body: captureTransaction(context.rt, payment, context.params.transaction_id as string, body),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payments/:id/transactions/:transaction_id/refund',
    auth: 'private',
    handler(context) {
      return runOptionallyIdempotent(
        context.rt,
        scope('refund', context, 'id'),
        context.request,
        prepared(context, 'id', (raw) => validateBody(RefundRequestSchema, raw)),
        async ({ body, payment }) => ({
          status: 200,
          body: paymentCreateView(
            refundTransaction(context.rt, payment, context.params.transaction_id as string, body),
          ),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payments/:payment_id/transactions/:transaction_id/cancel',
    auth: 'private',
    handler(context) {
      return runOptionallyIdempotent(
        context.rt,
        scope('cancel', context, 'payment_id'),
        context.request,
        prepared(context, 'payment_id', (raw) => validateBody(CancelRequestSchema, raw)),
        async ({ body, payment }) => ({
          status: 200,
          body: cancelTransaction(context.rt, payment, context.params.transaction_id as string, body),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/payments/:payment_id/transactions/:transaction_id/cancel-or-refund',
    auth: 'private',
    handler(context) {
      return runOptionallyIdempotent(
        context.rt,
        scope('cancel-or-refund', context, 'payment_id'),
        context.request,
        prepared(context, 'payment_id', (raw) => validateBody(CancelOrRefundRequestSchema, raw)),
        async ({ body, payment }) => ({
          status: 201,
          body: cancelOrRefund(context.rt, payment, body, context.params.transaction_id as string),
        }),
      );
    },
  },
];
