import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { createIdempotencyKey, yunoKeys, YunoError, type PaymentMethod } from '../core';
import type { YunoBrowserClient } from '../client/createYunoBrowserClient';
import { collectBrowserInfo } from '../tokenizers/collectBrowserInfo';
import type { SecureFieldsSession } from '../tokenizers/secureFields';
import type { EnrollInput, EnrollResult } from '../tokenizers/types';
import { wipeCardInput } from '../controller';
import { useYunoContext } from './YunoContext';

/**
 * What saving a card takes: the card's details (`card`), or the card fields in the SDK's iframes that hold them
 * (`secureFields`, a session made with the customer session, and the `holderName` typed in the page).
 *
 * @example
 * ```ts
 * const variables: EnrollVariables = { secureFields, holderName: 'Ada Lovelace' };
 * ```
 */
export type EnrollVariables = Omit<EnrollInput, 'type' | 'card'> & {
  type?: EnrollInput['type'];
  card?: EnrollInput['card'];
  secureFields?: SecureFieldsSession;
  holderName?: string;
};

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
        if (!tokenizer.enroll && !variables.secureFields)
          throw new Error(`useEnrollment: the ${tokenizer.kind} tokenizer cannot save cards`);
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
        const checkoutSession = controller.getState().checkoutSession;
        const listed = queryClient.getQueryData<PaymentMethod[]>(yunoKeys.paymentMethods(checkoutSession));
        const customer = variables.customer ? { customer: variables.customer } : {};
        let result;
        if (variables.secureFields) {
          // The card is in the SDK's iframes, whose session was made with this customer session.
          if (!variables.secureFields.enroll) throw new Error('useEnrollment: these card fields cannot save cards');
          result = await variables.secureFields.enroll(
            { type, ...(variables.holderName ? { holderName: variables.holderName } : {}), ...customer },
            {},
          );
        } else if (variables.card && tokenizer.enroll) {
          result = await tokenizer.enroll(
            { type, card: variables.card, ...customer },
            { customerSession, countryCode: controller.getState().countryCode, browserInfo: collectBrowserInfo() },
          );
        } else {
          throw new Error('useEnrollment: give the card, or the card fields (secureFields) that hold it');
        }
        if (result.vaultedToken) return { vaultedToken: result.vaultedToken, status: result.status };
        // Yuno's Web SDK 2.x says only that the card was saved: it is the saved method new in the checkout's list.
        return {
          vaultedToken: await newVaultedToken(client, checkoutSession, listed),
          status: result.status,
        };
      } finally {
        wipeCardInput(variables);
      }
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: yunoKeys.paymentMethods(ctx.controller.getState().checkoutSession) }),
  });
}

/** The one saved method of the checkout's list that `before` (the list as cached before saving) did not hold. */
async function newVaultedToken(
  client: YunoBrowserClient,
  checkoutSession: string,
  before: PaymentMethod[] | undefined,
): Promise<string> {
  const known = new Set((before ?? []).map((method) => method.vaulted_token).filter(Boolean));
  const fresh = (await client.paymentMethods(checkoutSession))
    .map((method) => method.vaulted_token)
    .filter((token): token is string => typeof token === 'string' && token !== '' && !known.has(token));
  if (fresh.length === 1) return fresh[0]!;
  throw new YunoError({
    kind: 'invalid_response',
    message: `The saved card could not be told apart in the checkout's payment methods (${fresh.length} new)`,
    issues: [{ path: 'payment_methods', message: 'expected exactly one new saved method' }],
  });
}
