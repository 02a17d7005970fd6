import { useCallback, useSyncExternalStore } from 'react';
import type { CheckoutState, CheckoutStore } from './checkoutStore';

/** Subscribes to one slice of the provider's state; the component re-renders only when that slice changes. */
export function useCheckoutState<T>(store: CheckoutStore, select: (state: CheckoutState) => T): T {
  const get = useCallback(() => select(store.getState()), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}
