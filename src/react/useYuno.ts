import { useCallback, useMemo } from 'react';
import type { PaymentMethod } from '../core';
import type { YunoBrowserClient } from '../client/createYunoBrowserClient';
import type { YunoTokenizer } from '../tokenizers/types';
import type { CheckoutState, SelectedPaymentMethod } from './checkoutStore';
import { useCheckoutState } from './useCheckoutState';
import { useYunoContext, type YunoContextValue, type YunoLanguage } from './YunoContext';
import { selectState } from './selectors';

export interface UseYunoResult extends CheckoutState {
  language: YunoLanguage;
  client: YunoBrowserClient;
  tokenizer: YunoTokenizer | null;
  /** Picks a method from `usePaymentMethods()` (or clears the choice with `null`). */
  selectPaymentMethod: (method: PaymentMethod | SelectedPaymentMethod | null) => void;
  /** Replaces the checkout session with a fresh one from your server (after a decline or expiry). */
  startNewCheckout: () => Promise<string>;
}

/** Normalises a listed method or a selection into the provider's selection. */
export function toSelection(method: PaymentMethod | SelectedPaymentMethod | null): SelectedPaymentMethod | null {
  if (!method) return null;
  const vaultedToken =
    ('vaulted_token' in method
      ? (method as PaymentMethod).vaulted_token
      : (method as SelectedPaymentMethod).vaultedToken) ?? null;
  return { type: method.type, vaultedToken, ...(method.name ? { name: method.name } : {}) };
}

/** Asks the server for a fresh checkout session for the same order and switches the provider to it. */
export async function startNewCheckout(ctx: YunoContextValue): Promise<string> {
  const previous = ctx.store.getState().checkoutSession;
  const start = await ctx.client.startCheckout({ previousCheckoutSession: previous });
  ctx.store.switchSession(start.checkoutSession);
  ctx.store.set({ countryCode: start.countryCode });
  return start.checkoutSession;
}

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
  const state = useCheckoutState(ctx.store, selectState);
  const selectPaymentMethod = useCallback(
    (method: PaymentMethod | SelectedPaymentMethod | null) => ctx.store.set({ selectedMethod: toSelection(method) }),
    [ctx],
  );
  const startNew = useCallback(() => startNewCheckout(ctx), [ctx]);
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
