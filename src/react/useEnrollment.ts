import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { createIdempotencyKey, yunoKeys, type YunoError } from '../core';
import { collectBrowserInfo } from '../tokenizers/collectBrowserInfo';
import type { EnrollInput, EnrollResult } from '../tokenizers/types';
import { wipeCardInput } from '../controller';
import { useYunoContext } from './YunoContext';

export type EnrollVariables = Omit<EnrollInput, 'type'> & { type?: EnrollInput['type'] };

/**
 * Saves a card for the customer: a customer session (the provider's, or a new one from your server) → an enrollment
 * → the card through the tokenizer → its vaulted token. The saved card then leads the payment-method list.
 *
 * @example
 * ```tsx
 * const enrollment = useEnrollment();
 * enrollment.mutate({ card }, { onSuccess: ({ vaultedToken }) => setSaved(vaultedToken) });
 * ```
 */
export function useEnrollment(): UseMutationResult<EnrollResult, YunoError, EnrollVariables> {
  const ctx = useYunoContext('useEnrollment');
  const queryClient = useQueryClient();
  return useMutation<EnrollResult, YunoError, EnrollVariables>({
    mutationFn: async (variables) => {
      try {
        const tokenizer = ctx.controller.requireTokenizer('useEnrollment');
        if (!tokenizer.enroll) throw new Error(`useEnrollment: the ${tokenizer.kind} tokenizer cannot save cards`);
        const { controller, client } = ctx;
        const customerSession =
          controller.getState().customerSession ?? (await client.startCustomerSession()).customer_session;
        controller.update({ customerSession });
        const type = variables.type ?? 'CARD';
        await client.startEnrollment(
          customerSession,
          { paymentMethodType: type },
          { idempotencyKey: createIdempotencyKey() },
        );
        return await tokenizer.enroll(
          { type, card: variables.card, ...(variables.customer ? { customer: variables.customer } : {}) },
          { customerSession, countryCode: controller.getState().countryCode, browserInfo: collectBrowserInfo() },
        );
      } finally {
        wipeCardInput(variables);
      }
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: yunoKeys.paymentMethods(ctx.controller.getState().checkoutSession) }),
  });
}
