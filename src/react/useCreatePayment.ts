import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { Payment, YunoError } from '../core';
import { wipeMerchantCard, type PaymentRequestInput } from '../controller';
import { useYunoContext } from './YunoContext';

/** What to pay with; amount, currency and order are your server's to decide and cannot be given here. */
export type CreatePaymentVariables = PaymentRequestInput;

/**
 * Creates the payment of the current attempt through your server's route. One idempotency key per attempt, reused by
 * every retry of it (network faults are retried by the client with that key); while a request is in flight, further
 * calls share it rather than sending another. The token defaults to the attempt's last one-time token.
 *
 * @example
 * ```tsx
 * const createPayment = useCreatePayment();
 * await createPayment.mutateAsync({ oneTimeToken: token.token });
 * ```
 */
export function useCreatePayment(): UseMutationResult<Payment, YunoError, CreatePaymentVariables> {
  const ctx = useYunoContext('useCreatePayment');
  return useMutation<Payment, YunoError, CreatePaymentVariables>({
    mutationFn: async (variables) => {
      try {
        const { controller } = ctx;
        const oneTimeToken = variables.oneTimeToken ?? controller.ensureAttempt().token ?? undefined;
        const payment = await controller.requestPayment({ ...variables, ...(oneTimeToken ? { oneTimeToken } : {}) });
        await controller.applyPayment(payment);
        return payment;
      } finally {
        wipeMerchantCard(variables.card);
      }
    },
    onError: (error) => ctx.controller.applyError(error),
  });
}
