import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { OneTimeToken, YunoError } from '../core';
import type { TokenizeInput } from '../tokenizers/types';
import { selectCheckoutSession, selectCountryCode } from '../controller';
import { useCheckoutSelector } from './useCheckoutSelector';
import { usePrepareTokenizer } from './usePrepareTokenizer';
import { useYunoContext } from './YunoContext';

/**
 * Turns card details, a saved card or an alternative method into a one-time token through the provider's tokenizer,
 * with the browser_info Yuno's fraud prevention uses. The card number and security code are overwritten in the
 * variables once used, so nothing keeps them.
 *
 * @example
 * ```tsx
 * const token = useOneTimeToken();
 * token.mutate(
 *   { type: 'CARD', card: { number, expirationMonth: 11, expirationYear: 30, securityCode: cvv, holderName } },
 *   { onSuccess: ({ token }) => createPayment.mutate({ oneTimeToken: token }) },
 * );
 * ```
 */
export function useOneTimeToken(): UseMutationResult<OneTimeToken, YunoError, TokenizeInput> {
  const ctx = useYunoContext('useOneTimeToken');
  const checkoutSession = useCheckoutSelector(selectCheckoutSession);
  const countryCode = useCheckoutSelector(selectCountryCode);
  usePrepareTokenizer(ctx, checkoutSession, countryCode);
  return useMutation<OneTimeToken, YunoError, TokenizeInput>({
    mutationFn: async (input) => {
      const { controller } = ctx;
      const token = await controller.tokenize(input, 'useOneTimeToken');
      controller.ensureAttempt();
      controller.updateAttempt({ token: token.token });
      return token;
    },
  });
}
