import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Payment, YunoError } from '../core';
import { paymentPollOptions } from './usePaymentPolling';
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
  return useQuery<Payment, YunoError, Payment, readonly string[]>(
    paymentPollOptions(ctx, paymentId, options.enabled ?? true),
  );
}
