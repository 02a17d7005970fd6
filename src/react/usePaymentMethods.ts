import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { isPaymentMethodEnabled, paymentMethodsQueryOptions, type PaymentMethod, type YunoError } from '../core';
import { selectCheckoutSession } from '../controller';
import { useCheckoutSelector } from './useCheckoutSelector';
import { useYunoContext } from './YunoContext';

export interface UsePaymentMethodsOptions {
  /** @default true */
  enabled?: boolean;
}

/** Saved (vaulted) methods first, then the rest in Yuno's order; methods whose conditions are not met are left out. */
export function orderPaymentMethods(methods: PaymentMethod[]): PaymentMethod[] {
  const enabled = methods.filter(isPaymentMethodEnabled);
  return [...enabled.filter((m) => m.vaulted_token), ...enabled.filter((m) => !m.vaulted_token)];
}

/**
 * The payment methods of the provider's checkout session, cached and shared: any number of components using it make
 * one request per session, and methods prefetched on the server make none.
 *
 * @example
 * ```tsx
 * function Methods() {
 *   const { data: methods = [], isPending, error } = usePaymentMethods();
 *   if (isPending) return <p>Loading…</p>;
 *   if (error) return <p role="alert">{error.message}</p>;
 *   return <ul>{methods.map((m) => <li key={m.vaulted_token ?? m.type}>{m.name}</li>)}</ul>;
 * }
 * ```
 */
export function usePaymentMethods(options: UsePaymentMethodsOptions = {}): UseQueryResult<PaymentMethod[], YunoError> {
  const ctx = useYunoContext('usePaymentMethods');
  const checkoutSession = useCheckoutSelector(selectCheckoutSession);
  return useQuery<PaymentMethod[], YunoError, PaymentMethod[], readonly string[]>({
    ...paymentMethodsQueryOptions({ checkoutSession, fetchPaymentMethods: (cs) => ctx.client.paymentMethods(cs) }),
    select: orderPaymentMethods,
    enabled: options.enabled ?? true,
  });
}
