import type { NextAction, Payment, PaymentMethodType, YunoError, YunoErrorRecovery } from '../core';

/** The method the shopper picked: a type, and for a saved method its vaulted token. */
export interface SelectedPaymentMethod {
  type: PaymentMethodType;
  vaultedToken: string | null;
  name?: string;
}

/**
 * Where the checkout stands:
 * `idle` (choose and pay) → `tokenizing` → `creating_payment` → `action_required` (3DS, redirect, QR, voucher) or
 * `processing` (waiting for Yuno) → `succeeded` | `declined` (refused; a retry starts a fresh session) | `failed` (error,
 * expired or cancelled at Yuno). `error` is a request that failed (see `error` and its recovery).
 */
export type CheckoutStatus =
  | 'idle'
  | 'tokenizing'
  | 'creating_payment'
  | 'action_required'
  | 'processing'
  | 'succeeded'
  | 'declined'
  | 'failed'
  | 'error';

/**
 * What the checkout is doing, as only the checkout knows it: `idle` (nothing running; once a payment exists the status
 * is the payment's), `tokenizing`, `creating_payment`, or `error` (the last request failed).
 *
 * @example
 * ```ts
 * const busy = useCheckoutActions().getState().phase !== 'idle';
 * ```
 */
export type CheckoutPhase = 'idle' | 'tokenizing' | 'creating_payment' | 'error';

/** One try at paying within one checkout session: one idempotency key, at most one token and one payment. */
export interface PaymentAttempt {
  checkoutSession: string;
  idempotencyKey: string;
  token: string | null;
  paymentId: string | null;
  /** For a 3DS next action: the challenge page, from the tokenizer. */
  challengeUrl?: string | null;
  /**
   * True while the tokenizer runs the payment itself (Yuno's Web SDK 2.x): a 3-D Secure challenge is then shown in the
   * SDK's own view, not in the page's `<NextActionChallenge>`.
   */
  sdkView?: boolean;
  /** The shopper closed the SDK's own view of the payment's step (2.x): nothing can continue that payment. */
  sdkClosed?: boolean;
  /**
   * What Yuno's Web SDK said the shopper must do for the payment `paymentId` (1.x headless `getContinuePaymentAction`),
   * when it is not a 3-D Secure challenge.
   */
  continueAction?: { paymentId: string; action: NextAction } | null;
}

/** What the checkout controller owns: nothing here can be derived from the payment. */
export interface CheckoutControllerState {
  checkoutSession: string;
  customerSession: string | null;
  countryCode: string;
  selectedMethod: SelectedPaymentMethod | null;
  attempt: PaymentAttempt | null;
  phase: CheckoutPhase;
  error: YunoError | null;
}

/**
 * The checkout as a UI reads it: the controller's state with the status and next action of the cached payment.
 *
 * @example
 * ```tsx
 * const selectSummary = (checkout: CheckoutState) => `${checkout.status}: ${checkout.payment?.id ?? '-'}`;
 * const summary = useCheckoutSelector(selectSummary);
 * ```
 */
export interface CheckoutState {
  checkoutSession: string;
  customerSession: string | null;
  countryCode: string;
  selectedMethod: SelectedPaymentMethod | null;
  attempt: PaymentAttempt | null;
  status: CheckoutStatus;
  payment: Payment | null;
  nextAction: NextAction | null;
  /** For a 3DS next action: the challenge page, from the tokenizer. */
  challengeUrl: string | null;
  /** True while Yuno's Web SDK shows the shopper a view of its own (2.x runs a 3-D Secure challenge that way). */
  sdkView: boolean;
  error: YunoError | null;
  /** How the shopper can recover from `error`. */
  recovery: YunoErrorRecovery | null;
  /** Why a declined payment was declined (Yuno's response code, e.g. `INSUFFICIENT_FUNDS`). */
  declineReason: string | null;
  /** True from the Pay click until a payment exists or the request failed. */
  isPaying: boolean;
}

/**
 * Where payments live (the react-query cache in the React layer): the controller keeps only the current payment's id.
 * Implementations must keep a payment they were given until it is replaced.
 */
export interface PaymentCachePort {
  get(paymentId: string): Payment | undefined;
  set(payment: Payment): void;
  /** Calls `listener` with the id of every payment whose cached value changed. */
  subscribe(listener: (paymentId: string) => void): () => void;
}
