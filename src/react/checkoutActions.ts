import {
  getNextAction,
  isCheckoutSessionGone,
  isTerminalPaymentStatus,
  isYunoError,
  type OneTimeToken,
  type Payment,
  type YunoError,
} from '../core';
import type { CreateMerchantPaymentRequest } from '../core/merchantApi';
import { collectBrowserInfo } from '../tokenizers/collectBrowserInfo';
import type { CardInput, TokenizeInput } from '../tokenizers/types';
import type { CheckoutStatus } from './checkoutStore';
import type { YunoContextValue } from './YunoContext';

/**
 * Overwrites card details in place once they have been used, so that no copy kept by a caller or by react-query
 * (a mutation's `variables` is the very object passed to `mutate`) still holds the full number or the security code.
 */
export function wipeCardInput(input: { card?: CardInput; securityCode?: string } | undefined): void {
  if (!input) return;
  if (input.card) {
    input.card.number = maskCardNumber(input.card.number);
    input.card.securityCode = undefined;
  }
  if (input.securityCode !== undefined) input.securityCode = undefined;
}

/** The same for card details in Yuno's own spelling (the one-round-trip payment body). */
export function wipeMerchantCard(card: { number: string; security_code?: string } | undefined): void {
  if (!card) return;
  card.number = maskCardNumber(card.number);
  card.security_code = undefined;
}

function maskCardNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length >= 4 ? `••••${digits.slice(-4)}` : '';
}

export function requireTokenizer(ctx: YunoContextValue, hookName: string) {
  if (!ctx.tokenizer) {
    throw new Error(
      `${hookName}: <YunoProvider> has no tokenizer. Give it a \`publicApiKey\` (Yuno's Web SDK) or a \`tokenizer\`.`,
    );
  }
  return ctx.tokenizer;
}

/** Turns payment details into a one-time token through the provider's tokenizer, with the shopper's browser_info. */
export async function tokenize(ctx: YunoContextValue, input: TokenizeInput, hookName: string): Promise<OneTimeToken> {
  try {
    const tokenizer = requireTokenizer(ctx, hookName);
    const { checkoutSession, countryCode } = ctx.store.getState();
    return await tokenizer.createToken(input, { checkoutSession, countryCode, browserInfo: collectBrowserInfo() });
  } finally {
    wipeCardInput(input);
  }
}

export type PaymentRequestInput = Omit<CreateMerchantPaymentRequest, 'checkoutSession' | 'browserInfo'>;

/**
 * Creates the current attempt's payment through the merchant's route. The attempt's idempotency key goes with every
 * try; while one request is in flight, every other caller gets the same promise.
 */
export function requestPayment(ctx: YunoContextValue, input: PaymentRequestInput): Promise<Payment> {
  const { store, client } = ctx;
  const attempt = store.ensureAttempt();
  if (store.paymentRequest?.attempt.idempotencyKey === attempt.idempotencyKey) return store.paymentRequest.promise;
  const promise = client
    .createPayment(
      { ...input, checkoutSession: attempt.checkoutSession, browserInfo: collectBrowserInfo() },
      { idempotencyKey: attempt.idempotencyKey },
    )
    .then(
      (payment) => {
        store.usedSessions.add(attempt.checkoutSession);
        store.updateAttempt({ paymentId: payment.id });
        return payment;
      },
      (error: unknown) => {
        // Failed before Yuno answered with a payment: the next try goes out again, with the same key.
        if (store.paymentRequest?.promise === promise) store.paymentRequest = null;
        throw error;
      },
    );
  store.paymentRequest = { attempt, promise };
  return promise;
}

/** The checkout status a payment puts the screen in. */
export function statusOfPayment(payment: Payment): CheckoutStatus {
  if (getNextAction(payment)) return 'action_required';
  switch (payment.status) {
    case 'SUCCEEDED':
    case 'VERIFIED':
      return 'succeeded';
    case 'DECLINED':
    case 'REJECTED':
      return 'declined';
    default:
      return isTerminalPaymentStatus(payment.status) ? 'failed' : 'processing';
  }
}

/** Records a payment in the provider and, for a 3DS challenge, asks the tokenizer for the challenge page. */
export async function applyPayment(ctx: YunoContextValue, payment: Payment): Promise<void> {
  const { store, tokenizer } = ctx;
  const nextAction = getNextAction(payment) ?? null;
  store.set({ payment, status: statusOfPayment(payment), nextAction, error: null });
  if (nextAction?.type === 'three_d_secure' && tokenizer?.getThreeDSecureChallengeUrl) {
    const { checkoutSession, countryCode } = store.getState();
    try {
      const url = await tokenizer.getThreeDSecureChallengeUrl({ checkoutSession, countryCode });
      if (store.getState().payment?.id === payment.id) store.set({ challengeUrl: url });
    } catch (error) {
      if (isYunoError(error)) store.set({ error });
    }
  }
}

/** Records a failed request; a used or expired session is marked so that a retry starts a fresh one. */
export function applyError(ctx: YunoContextValue, error: YunoError): void {
  if (isCheckoutSessionGone(error)) ctx.store.usedSessions.add(ctx.store.getState().checkoutSession);
  ctx.store.set({ status: 'error', error });
}
