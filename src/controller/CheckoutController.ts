import {
  createIdempotencyKey,
  getErrorRecovery,
  getNextAction,
  isCheckoutSessionGone,
  isTerminalPaymentStatus,
  isYunoError,
  YunoError,
  type OneTimeToken,
  type Payment,
  type PaymentMethod,
} from '../core';
import type { CreateMerchantPaymentRequest } from '../core/merchantApi';
import type { YunoBrowserClient } from '../client/createYunoBrowserClient';
import { collectBrowserInfo } from '../tokenizers/collectBrowserInfo';
import type { SecureFieldsPayInput, SecureFieldsSession } from '../tokenizers/secureFields';
import type { CardInput, PayContext, PayResult, TokenizeInput, YunoTokenizer } from '../tokenizers/types';
import { wipeCardInput } from './cardData';
import { deriveCheckoutState } from './selectors';
import type {
  CheckoutControllerState,
  CheckoutState,
  PaymentAttempt,
  PaymentCachePort,
  SelectedPaymentMethod,
} from './types';

/** What the Pay click carries: the details of the selected method. Amount and currency are never among them. */
export interface PayInput {
  /** A new card's details (for a card method without a vaulted token). */
  card?: CardInput;
  /** The security code of a saved card, when the session asks for it. */
  securityCode?: string;
  /** Save the card for next time (`vault_on_success`). */
  saveCard?: boolean;
  installment?: TokenizeInput['installment'];
  /** Shopper details the country requires, such as the document. */
  customer?: TokenizeInput['customer'];
  /**
   * The card fields in the SDK's iframes that hold the card (or, for a saved card, its security code), instead of
   * `card` / `securityCode`: the payment tokenizes what they hold.
   */
  secureFields?: SecureFieldsSession;
  /** The holder's name, typed in the page, with `secureFields`. */
  holderName?: string;
}

export type PaymentRequestInput = Omit<CreateMerchantPaymentRequest, 'checkoutSession' | 'browserInfo'>;

export interface CheckoutControllerOptions {
  checkoutSession: string;
  customerSession?: string | null;
  countryCode: string;
  client: YunoBrowserClient;
  tokenizer: YunoTokenizer | null;
  /** Where payments are kept (the react-query cache in the React layer). */
  payments: PaymentCachePort;
}

type Listener = () => void;

/** Normalises a listed method or a selection into the checkout's selection. */
export function toSelection(method: PaymentMethod | SelectedPaymentMethod | null): SelectedPaymentMethod | null {
  if (!method) return null;
  const vaultedToken =
    ('vaulted_token' in method
      ? (method as PaymentMethod).vaulted_token
      : (method as SelectedPaymentMethod).vaultedToken) ?? null;
  return { type: method.type, vaultedToken, ...(method.name ? { name: method.name } : {}) };
}

/**
 * The checkout's state machine, with no React in it: select a method → pay (tokenize, create the payment) → the next
 * action → the final status. It owns only what cannot be derived (session, selection, attempt and its idempotency
 * key, phase, error); the payment itself lives in the payment cache, and the status and next action are derived from
 * both. Kept outside React so that rapid clicks see the latest value at once and each subscriber reads only its slice.
 */
export class CheckoutController {
  readonly client: YunoBrowserClient;
  readonly tokenizer: YunoTokenizer | null;
  private readonly payments: PaymentCachePort;
  private state: CheckoutControllerState;
  private readonly listeners = new Set<Listener>();
  private snapshot: { state: CheckoutControllerState; payment: Payment | null; view: CheckoutState } | null = null;
  private unsubscribeCache: (() => void) | null = null;
  /** The status and sub-status of the current payment last applied, to tell a polled change from a repeat. */
  private applied: { id: string; status: string; subStatus: string | null | undefined } | null = null;
  /** In-flight work shared by every caller: five clicks on Pay make one token and one payment request. */
  private running: Promise<Payment> | null = null;
  private paymentRequest: { attempt: PaymentAttempt; promise: Promise<Payment> } | null = null;
  /** Sessions that took a payment or are gone at Yuno: the next Pay starts a fresh one. */
  private readonly usedSessions = new Set<string>();

  constructor(options: CheckoutControllerOptions) {
    this.client = options.client;
    this.tokenizer = options.tokenizer;
    this.payments = options.payments;
    this.state = {
      checkoutSession: options.checkoutSession,
      customerSession: options.customerSession ?? null,
      countryCode: options.countryCode,
      selectedMethod: null,
      attempt: null,
      phase: 'idle',
      error: null,
    };
  }

  /** The controller's own state. */
  getState = (): CheckoutControllerState => this.state;

  /** The derived checkout state; the same object as long as neither the state nor the cached payment changed. */
  getSnapshot = (): CheckoutState => {
    const paymentId = this.state.attempt?.paymentId;
    const payment = (paymentId ? this.payments.get(paymentId) : undefined) ?? null;
    const last = this.snapshot;
    if (last && last.state === this.state && last.payment === payment) return last.view;
    const view = deriveCheckoutState(this.state, payment);
    this.snapshot = { state: this.state, payment, view };
    return view;
  };

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    if (!this.unsubscribeCache) this.unsubscribeCache = this.payments.subscribe((id) => this.onCachedPayment(id));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.unsubscribeCache) {
        this.unsubscribeCache();
        this.unsubscribeCache = null;
      }
    };
  };

  /** Changes the controller's state; listeners run only when something changed. */
  update(patch: Partial<CheckoutControllerState>): void {
    let changed = false;
    for (const key of Object.keys(patch) as Array<keyof CheckoutControllerState>) {
      if (!Object.is(this.state[key], patch[key])) changed = true;
    }
    if (!changed) return;
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private currentPayment(): Payment | null {
    const id = this.state.attempt?.paymentId;
    return (id ? this.payments.get(id) : undefined) ?? null;
  }

  /** A cached payment changed (a poll, a prefetch): a new status of the current one is applied like a fresh answer. */
  private onCachedPayment(paymentId: string): void {
    if (paymentId !== this.state.attempt?.paymentId) return;
    const payment = this.payments.get(paymentId);
    const applied = this.applied;
    if (
      payment &&
      applied?.id === payment.id &&
      (applied.status !== payment.status || applied.subStatus !== payment.sub_status)
    ) {
      void this.applyPayment(payment);
      return;
    }
    this.notify();
  }

  select(method: PaymentMethod | SelectedPaymentMethod | null): void {
    this.update({ selectedMethod: toSelection(method) });
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
      challengeUrl: null,
    };
    this.update({ attempt: fresh });
    return fresh;
  }

  updateAttempt(patch: Partial<PaymentAttempt>): void {
    const attempt = this.state.attempt;
    if (attempt) this.update({ attempt: { ...attempt, ...patch } });
  }

  /** Switches to another checkout session: a new attempt, nothing carried over but the selected method. */
  switchSession(checkoutSession: string): void {
    this.running = null;
    this.paymentRequest = null;
    this.applied = null;
    this.update({ checkoutSession, attempt: null, phase: 'idle', error: null });
  }

  /** Asks the server for a fresh checkout session for the same order and switches to it. */
  async startNewCheckout(): Promise<string> {
    const previous = this.state.checkoutSession;
    const start = await this.client.startCheckout({ previousCheckoutSession: previous });
    this.switchSession(start.checkoutSession);
    this.update({ countryCode: start.countryCode });
    return start.checkoutSession;
  }

  requireTokenizer(hookName: string): YunoTokenizer {
    if (!this.tokenizer) {
      throw new Error(
        `${hookName}: <YunoProvider> has no tokenizer. Give it a \`publicApiKey\` (Yuno's Web SDK) or a \`tokenizer\`.`,
      );
    }
    return this.tokenizer;
  }

  /** Turns payment details into a one-time token through the tokenizer, with the shopper's browser_info. */
  async tokenize(input: TokenizeInput, hookName: string): Promise<OneTimeToken> {
    try {
      const tokenizer = this.requireTokenizer(hookName);
      const { checkoutSession, countryCode } = this.state;
      return await tokenizer.createToken(input, { checkoutSession, countryCode, browserInfo: collectBrowserInfo() });
    } finally {
      wipeCardInput(input);
    }
  }

  /**
   * Creates the current attempt's payment through the merchant's route. The attempt's idempotency key goes with every
   * try; while one request is in flight, every other caller gets the same promise.
   */
  requestPayment(input: PaymentRequestInput): Promise<Payment> {
    const attempt = this.ensureAttempt();
    if (this.paymentRequest?.attempt.idempotencyKey === attempt.idempotencyKey) return this.paymentRequest.promise;
    const promise = this.client
      .createPayment(
        { ...input, checkoutSession: attempt.checkoutSession, browserInfo: collectBrowserInfo() },
        { idempotencyKey: attempt.idempotencyKey },
      )
      .then(
        (payment) => {
          this.usedSessions.add(attempt.checkoutSession);
          this.payments.set(payment);
          this.updateAttempt({ paymentId: payment.id });
          return payment;
        },
        (error: unknown) => {
          // Failed before Yuno answered with a payment: the next try goes out again, with the same key.
          if (this.paymentRequest?.promise === promise) this.paymentRequest = null;
          throw error;
        },
      );
    this.paymentRequest = { attempt, promise };
    return promise;
  }

  /** Records a payment and, for a 3DS challenge, asks the tokenizer for the challenge page. */
  async applyPayment(payment: Payment): Promise<void> {
    this.applied = { id: payment.id, status: payment.status, subStatus: payment.sub_status };
    this.payments.set(payment);
    if (this.state.attempt && this.state.attempt.paymentId !== payment.id)
      this.updateAttempt({ paymentId: payment.id });
    this.update({ phase: 'idle', error: null });
    const nextAction = getNextAction(payment) ?? null;
    const tokenizer = this.tokenizer;
    const known = this.state.attempt?.continueAction;
    if (
      payment.checkout?.sdk_action_required === true &&
      nextAction?.type !== 'three_d_secure' &&
      !isTerminalPaymentStatus(payment.status) &&
      tokenizer?.getContinuePaymentAction &&
      known?.paymentId !== payment.id
    ) {
      // Yuno's headless way to learn what the shopper must do next (a QR, a code, a redirect); the payment's own
      // description stands in when the SDK answers nothing the checkout renders, or fails.
      const { checkoutSession, countryCode } = this.state;
      try {
        const action = await tokenizer.getContinuePaymentAction({ checkoutSession, countryCode });
        if (action && action.type !== 'three_d_secure' && this.state.attempt?.paymentId === payment.id) {
          this.updateAttempt({ continueAction: { paymentId: payment.id, action } });
        }
      } catch {
        // The payment's own description of the action is shown.
      }
    }
    if (nextAction?.type === 'three_d_secure' && tokenizer?.getThreeDSecureChallengeUrl) {
      const { checkoutSession, countryCode } = this.state;
      try {
        const url = await tokenizer.getThreeDSecureChallengeUrl({ checkoutSession, countryCode });
        if (this.state.attempt?.paymentId === payment.id) this.updateAttempt({ challengeUrl: url });
      } catch (error) {
        if (isYunoError(error)) this.update({ error });
      }
    }
  }

  /** Records a failed request; a used or expired session is marked so that a retry starts a fresh one. */
  applyError(error: YunoError): void {
    if (isCheckoutSessionGone(error)) this.usedSessions.add(this.state.checkoutSession);
    this.update({ phase: 'error', error });
  }

  /** Tokenizes and pays; every call while one is running returns the same promise. */
  pay(input: PayInput = {}): Promise<Payment> {
    if (this.running) {
      // A click that joined a running pay has nothing to send: its copy of the card is cleared at once.
      wipeCardInput(input);
      return this.running;
    }
    const promise = this.runPay(input).finally(() => {
      if (this.running === promise) this.running = null;
    });
    this.running = promise;
    return promise;
  }

  private async runPay(input: PayInput): Promise<Payment> {
    try {
      const method = this.state.selectedMethod;
      if (!method) throw new Error('useCheckout: select a payment method before pay()');
      // Yuno takes one payment per checkout session: a used one is replaced before trying again.
      if (this.usedSessions.has(this.state.checkoutSession)) await this.startNewCheckout();
      const attempt = this.ensureAttempt();
      this.update({ phase: 'tokenizing', error: null });
      let payment: Payment;
      const newCard = input.card && !method.vaultedToken ? input.card : undefined;
      const fields = input.secureFields;
      if (fields && !attempt.token) {
        payment = await this.payWithSecureFields(fields, method, input);
      } else if (newCard && this.tokenizer?.supportsOneHop && !attempt.token) {
        this.update({ phase: 'creating_payment' });
        const card = {
          number: newCard.number.replace(/\D/g, ''),
          expiration_month: newCard.expirationMonth,
          expiration_year: newCard.expirationYear,
          ...(newCard.securityCode ? { security_code: newCard.securityCode } : {}),
          ...(newCard.holderName ? { holder_name: newCard.holderName } : {}),
          ...(newCard.type ? { type: newCard.type } : {}),
        };
        try {
          payment = await this.requestPayment({
            card,
            paymentMethodType: method.type,
            ...(input.saveCard ? { vaultOnSuccess: true } : {}),
            ...(input.customer?.document ? { customerPayer: { document: input.customer.document } } : {}),
          });
        } finally {
          card.number = '';
          delete (card as { security_code?: string }).security_code;
        }
      } else if (this.tokenizer?.pay && !attempt.token) {
        const tokenizer = this.tokenizer;
        const tokenizeInput: TokenizeInput = {
          type: method.type,
          ...(newCard ? { card: newCard } : {}),
          ...(method.vaultedToken ? { vaultedToken: method.vaultedToken } : {}),
          ...(input.securityCode ? { securityCode: input.securityCode } : {}),
          ...(input.saveCard ? { saveCard: true } : {}),
          ...(input.installment ? { installment: input.installment } : {}),
          ...(input.customer ? { customer: input.customer } : {}),
        };
        try {
          payment = await this.payThroughTokenizer((context) => tokenizer.pay!(tokenizeInput, context), method, input);
        } finally {
          wipeCardInput(tokenizeInput);
        }
      } else {
        if (!attempt.token) {
          const token = await this.tokenize(
            {
              type: method.type,
              ...(newCard ? { card: newCard } : {}),
              ...(method.vaultedToken ? { vaultedToken: method.vaultedToken } : {}),
              ...(input.securityCode ? { securityCode: input.securityCode } : {}),
              ...(input.saveCard ? { saveCard: true } : {}),
              ...(input.installment ? { installment: input.installment } : {}),
              ...(input.customer ? { customer: input.customer } : {}),
            },
            'useCheckout',
          );
          this.updateAttempt({ token: token.token });
        }
        this.update({ phase: 'creating_payment' });
        payment = await this.requestPayment({
          oneTimeToken: this.ensureAttempt().token ?? undefined,
          paymentMethodType: method.type,
          ...(input.saveCard ? { vaultOnSuccess: true } : {}),
        });
      }
      await this.applyPayment(payment);
      return payment;
    } catch (error) {
      if (isYunoError(error)) this.applyError(error);
      else if (!this.currentPayment()) this.update({ phase: 'idle' });
      throw error;
    } finally {
      wipeCardInput(input);
    }
  }

  /**
   * The whole payment run by the tokenizer (Yuno's Web SDK 2.x, manual mode): it tokenizes, hands the token to the
   * merchant's route through the attempt's `createPayment` (one token and one payment per attempt, with the attempt's
   * idempotency key), then runs what follows (a 3-D Secure challenge in its own view) and reports an outcome. The
   * payment is read once more at the end, so its final status is the merchant server's, not the SDK's word.
   */
  private async payThroughTokenizer(
    run: (context: PayContext) => Promise<PayResult>,
    method: SelectedPaymentMethod,
    input: PayInput,
  ): Promise<Payment> {
    const { checkoutSession, countryCode } = this.state;
    let created: Payment | null = null;
    let result: PayResult;
    try {
      result = await run({
        checkoutSession,
        countryCode,
        browserInfo: collectBrowserInfo(),
        createPayment: async (token, details) => {
          const tokenSession = details?.checkoutSession;
          // The SDK tokenized on another session (it rotates one after a decline): the attempt follows the token.
          if (tokenSession && tokenSession !== this.state.checkoutSession) this.adoptSession(tokenSession);
          this.updateAttempt({ token: token.token, sdkView: true });
          this.update({ phase: 'creating_payment' });
          const payment = await this.requestPayment({
            oneTimeToken: token.token,
            paymentMethodType: method.type,
            ...(input.saveCard ? { vaultOnSuccess: true } : {}),
          });
          created = payment;
          await this.applyPayment(payment);
          return payment;
        },
      });
    } finally {
      if (this.state.attempt?.sdkView) this.updateAttempt({ sdkView: false });
    }
    const payment = created as Payment | null;
    if (!payment) {
      if (result.status === 'error' && result.error) throw result.error;
      // The shopper closed the SDK's view before anything was paid: the Pay button is offered again.
      if (result.status === 'idle') {
        throw new YunoError({
          kind: 'sdk',
          yunoCode: 'USER_CANCEL',
          message: "The shopper closed Yuno's Web SDK view before paying",
        });
      }
      throw new YunoError({
        kind: 'sdk',
        message: `Yuno's Web SDK ended the payment (${result.yunoStatus}) without one`,
      });
    }
    // The SDK's outcome is a hint; the payment as the merchant's server reads it is the truth (and feeds the cache).
    let latest: Payment = payment;
    try {
      latest = await this.client.payment(payment.id);
    } catch {
      // The status is polled as usual when this read fails.
    }
    if (result.status === 'idle' && getNextAction(latest)?.type === 'three_d_secure') {
      // The shopper closed the SDK's 3-D Secure view: 2.x cannot take that payment up again, and it waits for a
      // challenge nobody can answer. Its session is used; the retry starts a fresh one.
      this.payments.set(latest);
      this.updateAttempt({ sdkClosed: true });
      throw new YunoError({
        kind: 'sdk',
        yunoCode: 'USER_CANCEL',
        message: "The shopper closed Yuno's Web SDK 3-D Secure view; the payment cannot go on",
      });
    }
    if (result.status === 'error' && result.error && !isTerminalPaymentStatus(latest.status)) {
      this.payments.set(latest);
      throw result.error;
    }
    return latest;
  }

  /**
   * Pays with what the card fields in the SDK's iframes hold: the whole payment through the fields (2.x), or a token of
   * them and the payment through the merchant's route (1.x).
   */
  private async payWithSecureFields(
    fields: SecureFieldsSession,
    method: SelectedPaymentMethod,
    input: PayInput,
  ): Promise<Payment> {
    const fieldsInput: SecureFieldsPayInput = {
      type: method.type,
      ...(method.vaultedToken ? { vaultedToken: method.vaultedToken } : {}),
      ...(input.holderName ? { holderName: input.holderName } : {}),
      ...(input.saveCard ? { saveCard: true } : {}),
      ...(input.installment ? { installment: input.installment } : {}),
      ...(input.customer ? { customer: input.customer } : {}),
    };
    if (fields.pay) return this.payThroughTokenizer((context) => fields.pay!(fieldsInput, context), method, input);
    if (!fields.createToken) throw new Error('useCheckout: these card fields can neither pay nor tokenize');
    const token = await fields.createToken(fieldsInput, {});
    this.updateAttempt({ token: token.token });
    this.update({ phase: 'creating_payment' });
    return this.requestPayment({
      oneTimeToken: token.token,
      paymentMethodType: method.type,
      ...(input.saveCard ? { vaultOnSuccess: true } : {}),
    });
  }

  /** Follows a session the tokenizer moved to: a fresh attempt on it, the old one counted as used. */
  private adoptSession(checkoutSession: string): void {
    this.usedSessions.add(this.state.checkoutSession);
    this.paymentRequest = null;
    this.applied = null;
    this.update({ checkoutSession, attempt: null });
    this.ensureAttempt();
  }

  /**
   * After a decline or a used/expired session: a fresh checkout session and a fresh attempt. After a failed request:
   * back to `idle`, keeping the attempt (and its idempotency key) for the next Pay.
   */
  async retry(): Promise<void> {
    const { status, error } = this.getSnapshot();
    const sessionGone = this.usedSessions.has(this.state.checkoutSession);
    if (
      status === 'declined' ||
      status === 'failed' ||
      sessionGone ||
      (error && getErrorRecovery(error) === 'new_session')
    ) {
      await this.startNewCheckout();
      return;
    }
    // Refused details: the next Pay tokenizes what the shopper corrects, in a fresh attempt (nothing was created).
    if (error && getErrorRecovery(error) === 'edit_details') this.update({ attempt: null });
    this.update({ phase: 'idle', error: null });
  }

  /** Reads the payment again now (after a 3DS challenge or a redirect came back). */
  async refresh(): Promise<void> {
    const id = this.state.attempt?.paymentId;
    if (!id || !this.payments.get(id)) return;
    const payment = await this.client.payment(id);
    await this.applyPayment(payment);
  }
}
