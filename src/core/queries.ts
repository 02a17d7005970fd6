import type { PaymentMethod } from './schemas/paymentMethod';
import type { Payment } from './schemas/payment';
import { isYunoError } from './YunoError';

/**
 * Query keys of everything yuno-react caches in react-query, for prefetching on the server and for invalidating.
 * Plain data with no React in it, so a Next.js server component can use it.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: yunoKeys.paymentMethods(checkoutSession) });
 * ```
 */
export const yunoKeys = {
  all: ['yuno'] as const,
  paymentMethods: (checkoutSession: string) => ['yuno', 'payment-methods', checkoutSession] as const,
  payment: (paymentId: string) => ['yuno', 'payment', paymentId] as const,
  enrollablePaymentMethods: (customerSession: string) =>
    ['yuno', 'enrollable-payment-methods', customerSession] as const,
};

/** A checkout session's methods do not change while it lives (5 h); refetching them would only cost requests. */
export const PAYMENT_METHODS_STALE_TIME_MS = 5 * 60_000;

/** Retries a failed query up to twice, and only when the same request may succeed again. */
export function retryYunoQuery(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && isYunoError(error) && error.isRetryable;
}

export interface PaymentMethodsQueryOptionsInput {
  checkoutSession: string;
  /** Loads the methods: the browser client's `paymentMethods`, or on the server the Yuno server client's. */
  fetchPaymentMethods: (checkoutSession: string) => Promise<PaymentMethod[]>;
}

/**
 * react-query options for a checkout session's payment methods: the same key and data on the server and in the browser,
 * so methods prefetched by a Next.js server component hydrate without a browser request.
 *
 * @example
 * ```tsx
 * // app/checkout/page.tsx (server component)
 * const queryClient = new QueryClient();
 * await queryClient.prefetchQuery(
 *   paymentMethodsQueryOptions({
 *     checkoutSession,
 *     fetchPaymentMethods: (cs) => yuno.checkoutSessions.paymentMethods(cs),
 *   }),
 * );
 * return (
 *   <HydrationBoundary state={dehydrate(queryClient)}>
 *     <Checkout checkoutSession={checkoutSession} />
 *   </HydrationBoundary>
 * );
 * ```
 */
export function paymentMethodsQueryOptions({ checkoutSession, fetchPaymentMethods }: PaymentMethodsQueryOptionsInput) {
  return {
    queryKey: yunoKeys.paymentMethods(checkoutSession),
    // The query's AbortSignal is deliberately not used: react-query cancels a query whose signal was read when its last
    // observer unmounts, so React StrictMode's unmount-and-remount would send the request twice.
    queryFn: () => fetchPaymentMethods(checkoutSession),
    staleTime: PAYMENT_METHODS_STALE_TIME_MS,
    retry: retryYunoQuery,
  };
}

export interface PaymentQueryOptionsInput {
  paymentId: string;
  fetchPayment: (paymentId: string) => Promise<Payment>;
}

/**
 * react-query options for one payment as the merchant's server reports it.
 *
 * @example
 * ```ts
 * const payment = await queryClient.fetchQuery(
 *   paymentQueryOptions({ paymentId, fetchPayment: (id) => yuno.payments.retrieve(id) }),
 * );
 * ```
 */
export function paymentQueryOptions({ paymentId, fetchPayment }: PaymentQueryOptionsInput) {
  return {
    queryKey: yunoKeys.payment(paymentId),
    queryFn: () => fetchPayment(paymentId),
    retry: retryYunoQuery,
  };
}
