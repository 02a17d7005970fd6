import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { isTerminalPaymentStatus, isYunoError, paymentQueryOptions, type Payment, type YunoError } from '../core';
import { useYunoContext } from './YunoContext';

export interface UsePaymentStatusOptions {
  /** @default true when a payment id is given */
  enabled?: boolean;
}

/**
 * A payment as your server reports it, polled with backoff until its status is final (SUCCEEDED, DECLINED, …).
 * Polling stops at a final status, on an error that a retry cannot fix, and when the component unmounts.
 *
 * @example
 * ```tsx
 * function Result({ paymentId }: { paymentId: string }) {
 *   const { data: payment } = usePaymentStatus(paymentId);
 *   return <p role="status">{payment?.status ?? 'Checking…'}</p>;
 * }
 * ```
 */
export function usePaymentStatus(
  paymentId: string | null | undefined,
  options: UsePaymentStatusOptions = {},
): UseQueryResult<Payment, YunoError> {
  const ctx = useYunoContext('usePaymentStatus');
  return useQuery<Payment, YunoError, Payment, readonly string[]>({
    ...paymentQueryOptions({ paymentId: paymentId ?? '', fetchPayment: (id) => ctx.client.payment(id) }),
    enabled: Boolean(paymentId) && (options.enabled ?? true),
    refetchInterval: (query) => {
      const payment = query.state.data;
      if (payment && isTerminalPaymentStatus(payment.status)) return false;
      const error = query.state.error;
      if (query.state.status === 'error' && !(isYunoError(error) && error.isRetryable)) return false;
      return ctx.pollInterval(query.state.dataUpdateCount + query.state.errorUpdateCount);
    },
  });
}
