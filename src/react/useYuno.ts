import { useCallback, useMemo } from 'react';
import type { CheckoutState, SelectedPaymentMethod } from '../controller';
import type { PaymentMethod } from '../core';
import type { YunoBrowserClient } from '../client/createYunoBrowserClient';
import type { YunoTokenizer } from '../tokenizers/types';
import { useCheckoutSelector } from './useCheckoutSelector';
import { useYunoContext, type YunoLanguage } from './YunoContext';

export interface UseYunoResult extends CheckoutState {
  language: YunoLanguage;
  client: YunoBrowserClient;
  tokenizer: YunoTokenizer | null;
  /** Picks a method from `usePaymentMethods()` (or clears the choice with `null`). */
  selectPaymentMethod: (method: PaymentMethod | SelectedPaymentMethod | null) => void;
  /** Replaces the checkout session with a fresh one from your server (after a decline or expiry). */
  startNewCheckout: () => Promise<string>;
}

const selectAll = (s: CheckoutState) => s;

/**
 * The provider's state (session, selection, current attempt, status) and its actions.
 *
 * @example
 * ```tsx
 * const { checkoutSession, selectedMethod, selectPaymentMethod } = useYuno();
 * ```
 */
export function useYuno(): UseYunoResult {
  const ctx = useYunoContext('useYuno');
  const state = useCheckoutSelector(selectAll);
  const { controller } = ctx;
  const selectPaymentMethod = useCallback(
    (method: PaymentMethod | SelectedPaymentMethod | null) => controller.select(method),
    [controller],
  );
  const startNew = useCallback(() => controller.startNewCheckout(), [controller]);
  return useMemo(
    () => ({
      ...state,
      language: ctx.language,
      client: ctx.client,
      tokenizer: ctx.tokenizer,
      selectPaymentMethod,
      startNewCheckout: startNew,
    }),
    [state, ctx, selectPaymentMethod, startNew],
  );
}
