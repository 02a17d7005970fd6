import type { QueryClient } from '@tanstack/react-query';
import { yunoKeys, type Payment } from '../core';
import type { PaymentCachePort } from '../controller';

/**
 * The checkout controller's payments in the react-query cache, under `yunoKeys.payment(id)`: the same entry that
 * `usePaymentStatus` polls, so a polled status reaches the checkout with no second copy of the payment.
 */
export function createQueryPaymentCache(queryClient: QueryClient): PaymentCachePort {
  return {
    get: (paymentId) => queryClient.getQueryData<Payment>(yunoKeys.payment(paymentId)),
    set: (payment) => {
      const queryKey = yunoKeys.payment(payment.id);
      // The checkout reads its payment from here for as long as it lives: the entry is never garbage-collected,
      // whether or not a poll observes it.
      queryClient.getQueryCache().build(queryClient, { queryKey, gcTime: Infinity });
      queryClient.setQueryData<Payment>(queryKey, payment);
    },
    subscribe: (listener) =>
      queryClient.getQueryCache().subscribe((event) => {
        const [root, kind, id] = event.query.queryKey as readonly unknown[];
        if (root === yunoKeys.all[0] && kind === 'payment' && typeof id === 'string') listener(id);
      }),
  };
}
