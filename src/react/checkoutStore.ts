import type { NextAction, Payment, PaymentMethodType, YunoError } from '../core';
import { createIdempotencyKey } from '../core';

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

/** One try at paying within one checkout session: one idempotency key, at most one token and one payment. */
export interface PaymentAttempt {
  checkoutSession: string;
  idempotencyKey: string;
  token: string | null;
  paymentId: string | null;
}

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
  error: YunoError | null;
}

type Listener = () => void;

/**
 * The provider's own state, outside React so that rapid clicks see the latest value at once (a React state update
 * would only show on the next render) and so that each hook re-renders only for the slice it reads.
 */
export class CheckoutStore {
  private state: CheckoutState;
  private readonly listeners = new Set<Listener>();
  /** In-flight work shared by every caller: five clicks on Pay make one token and one payment request. */
  private pay: Promise<Payment> | null = null;
  paymentRequest: { attempt: PaymentAttempt; promise: Promise<Payment> } | null = null;
  readonly usedSessions = new Set<string>();

  constructor(init: { checkoutSession: string; customerSession?: string; countryCode: string }) {
    this.state = {
      checkoutSession: init.checkoutSession,
      customerSession: init.customerSession ?? null,
      countryCode: init.countryCode,
      selectedMethod: null,
      attempt: null,
      status: 'idle',
      payment: null,
      nextAction: null,
      challengeUrl: null,
      error: null,
    };
  }

  getState = (): CheckoutState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<CheckoutState>): void {
    let changed = false;
    for (const key of Object.keys(patch) as Array<keyof CheckoutState>) {
      if (!Object.is(this.state[key], patch[key])) changed = true;
    }
    if (!changed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Runs `task` unless a pay is already running, in which case every caller gets that one's promise. */
  exclusivePay(task: () => Promise<Payment>): { promise: Promise<Payment>; started: boolean } {
    if (this.pay) return { promise: this.pay, started: false };
    const promise = task().finally(() => {
      if (this.pay === promise) this.pay = null;
    });
    this.pay = promise;
    return { promise, started: true };
  }

  /** The attempt for the current session, made on first use: its key is reused by every retry of the attempt. */
  ensureAttempt(): PaymentAttempt {
    const { attempt, checkoutSession } = this.state;
    if (attempt && attempt.checkoutSession === checkoutSession) return attempt;
    const fresh: PaymentAttempt = {
      checkoutSession,
      idempotencyKey: createIdempotencyKey(),
      token: null,
      paymentId: null,
    };
    this.set({ attempt: fresh });
    return fresh;
  }

  updateAttempt(patch: Partial<PaymentAttempt>): void {
    const attempt = this.state.attempt;
    if (attempt) this.set({ attempt: { ...attempt, ...patch } });
  }

  /** Switches to another checkout session: a new attempt, nothing carried over but the selected method. */
  switchSession(checkoutSession: string): void {
    this.pay = null;
    this.paymentRequest = null;
    this.set({
      checkoutSession,
      attempt: null,
      status: 'idle',
      payment: null,
      nextAction: null,
      challengeUrl: null,
      error: null,
    });
  }
}
