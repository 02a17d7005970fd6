import {
  noChallengePage,
  notFoundPage,
  paymentResultPage,
  redirectPage,
  threeDSecureChallengePage,
  threeDSecureResultPage,
} from '../pages';
import { completeThreeDSecure, settlePayment } from '../paymentLifecycle';
import { isOpenStatus } from '../outcomes';
import { html, redirect } from '../responses';
import type { Route } from '../router';
import type { PaymentRecord } from '../SandboxStore';

const formatAmount = (payment: PaymentRecord) => `${payment.amount.value} ${payment.amount.currency}`;

async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

export const pageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/_sandbox/3ds/:id',
    auth: 'none',
    handler({ rt, params, url }) {
      const payment = rt.store.findChallengedPayment(params.id as string);
      if (!payment?.challenge?.pending) return html(404, noChallengePage());
      return html(
        200,
        threeDSecureChallengePage({ action: url.pathname + url.search, merchantAmount: formatAmount(payment) }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/3ds/:id',
    auth: 'none',
    async handler({ rt, params, request, url }) {
      const id = params.id as string;
      const payment = rt.store.findChallengedPayment(id);
      if (!payment?.challenge?.pending) return html(409, noChallengePage());
      const otp = (await readForm(request)).get('otp')?.trim() ?? '';
      if (!otp) {
        return html(
          400,
          threeDSecureChallengePage({
            action: url.pathname + url.search,
            merchantAmount: formatAmount(payment),
            error: 'Enter the verification code.',
          }),
        );
      }
      const result = completeThreeDSecure(rt, id, otp);
      return html(
        200,
        threeDSecureResultPage({
          status: result.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'DECLINED',
          checkoutSession: result.checkoutSession ?? result.id,
        }),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/_sandbox/redirect/:payment_id',
    auth: 'none',
    handler({ rt, params, url }) {
      const payment = rt.store.payments.get(params.payment_id as string);
      if (!payment) return html(404, notFoundPage('This payment does not exist in the sandbox.'));
      if (!isOpenStatus(payment.status)) {
        return html(200, paymentResultPage({ status: payment.status, method: payment.methodType }));
      }
      return html(
        200,
        redirectPage({
          action: url.pathname,
          method: payment.methodType,
          amount: formatAmount(payment),
          reference: payment.id,
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/_sandbox/redirect/:payment_id',
    auth: 'none',
    async handler({ rt, params, request }) {
      const payment = rt.store.payments.get(params.payment_id as string);
      if (!payment) return html(404, notFoundPage('This payment does not exist in the sandbox.'));
      const decision = (await readForm(request)).get('decision');
      if (isOpenStatus(payment.status)) {
        settlePayment(
          rt,
          payment.id,
          decision === 'approve' ? 'SUCCEEDED' : { status: 'DECLINED', response_code: 'CANCELLED_BY_USER' },
        );
      }
      if (payment.callbackUrl) return redirect(payment.callbackUrl);
      return html(200, paymentResultPage({ status: payment.status, method: payment.methodType }));
    },
  },
];
