import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { CheckoutState } from '../controller';
import { useYunoContext } from './YunoContext';

/**
 * One slice of the checkout (`status`, `selectedMethod`, `payment`, …), read from the provider: the component
 * re-renders only when that slice changes. The selector receives the checkout state (the status and next action
 * derived from the cached payment); give `isEqual` when it returns a new object each time.
 *
 * @example
 * ```tsx
 * function PaidBadge() {
 *   const status = useCheckoutSelector((checkout) => checkout.status);
 *   return status === 'succeeded' ? <p role="status">Paid</p> : null;
 * }
 * ```
 */
export function useCheckoutSelector<T>(
  selector: (state: CheckoutState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { controller } = useYunoContext('useCheckoutSelector');
  // The last selection, so that an equal slice keeps its identity and React does not re-render for it.
  const last = useRef<{ state: CheckoutState; selector: (state: CheckoutState) => T; value: T } | null>(null);
  const get = useCallback(() => {
    const state = controller.getSnapshot();
    const previous = last.current;
    if (previous && previous.state === state && previous.selector === selector) return previous.value;
    const selected = selector(state);
    const value = previous && isEqual(previous.value, selected) ? previous.value : selected;
    last.current = { state, selector, value };
    return value;
  }, [controller, selector, isEqual]);
  return useSyncExternalStore(controller.subscribe, get, get);
}
