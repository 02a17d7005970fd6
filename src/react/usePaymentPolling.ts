import { useQuery } from '@tanstack/react-query';
import { isTerminalPaymentStatus, isYunoError, paymentQueryOptions, type Payment, type YunoError } from '../core';
import type { YunoContextValue } from './YunoContext';

/** The polling behind `usePaymentStatus`: backoff until a final status, stopping on an error a retry cannot fix. */
export function paymentPollOptions(ctx: YunoContextValue, paymentId: string | null | undefined, enabled: boolean) {
  return {
    ...paymentQueryOptions({ paymentId: paymentId ?? '', fetchPayment: (id: string) => ctx.client.payment(id) }),
    enabled: Boolean(paymentId) && enabled,
    refetchInterval: (query: {
      state: {
        data: Payment | undefined;
        error: YunoError | null;
        status: string;
        dataUpdateCount: number;
        errorUpdateCount: number;
      };
    }) => {
      const payment = query.state.data;
      if (payment && isTerminalPaymentStatus(payment.status)) return false;
      const error = query.state.error;
      if (query.state.status === 'error' && !(isYunoError(error) && error.isRetryable)) return false;
      return ctx.pollInterval(query.state.dataUpdateCount + query.state.errorUpdateCount);
    },
  };
}

/**
 * Polls the checkout's payment while it waits. The answers land in the cache, where the checkout reads them: this
 * component does not re-render for them (`notifyOnChangeProps: []`).
 */
export function usePaymentPolling(ctx: YunoContextValue, paymentId: string | null): void {
  useQuery<Payment, YunoError, Payment, readonly string[]>({
    ...paymentPollOptions(ctx, paymentId, true),
    notifyOnChangeProps: [],
  });
}
