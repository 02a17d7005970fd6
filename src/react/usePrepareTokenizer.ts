import { useEffect } from 'react';
import type { YunoContextValue } from './YunoContext';

/**
 * Loads the tokenizer and runs Yuno's fraud check as soon as a payment form is on screen, not on the Pay click, so the
 * device fingerprint is ready and the click costs one round trip less.
 */
export function usePrepareTokenizer(ctx: YunoContextValue, checkoutSession: string, countryCode: string): void {
  const { tokenizer } = ctx;
  useEffect(() => {
    // A failed preparation is retried by the tokenizer at tokenization, where its error reaches the shopper.
    tokenizer?.prepare?.({ checkoutSession, countryCode }).catch(() => undefined);
  }, [tokenizer, checkoutSession, countryCode]);
}
