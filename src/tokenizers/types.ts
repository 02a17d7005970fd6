import type { YunoTokenizerWithSecureFields } from './secureFields';
import type { Address, BrowserInfo, Document, OneTimeToken, PaymentMethodType, Phone } from '../core';
import type { NextAction } from '../core/nextAction';
import type { YunoError } from '../core/YunoError';

/** Card details as a form collects them. Held only for the moment of tokenization; never stored. */
export interface CardInput {
  number: string;
  expirationMonth: number;
  /** Two or four digits. */
  expirationYear: number;
  securityCode?: string;
  holderName?: string;
  /** `CREDIT` or `DEBIT` where the shopper chose. */
  type?: string;
}

/** Shopper details a country or a provider requires with the payment details (the document, above all). */
export interface ShopperDetails {
  first_name?: string;
  last_name?: string;
  email?: string;
  document?: Document;
  phone?: Phone;
  billing_address?: Address;
  shipping_address?: Address;
}

/** What to turn into a one-time token: a new card, a saved (vaulted) method, or an alternative method by type. */
export interface TokenizeInput {
  type: PaymentMethodType;
  card?: CardInput;
  /** A saved method's token; with a card, add `securityCode` when the session asks for it. */
  vaultedToken?: string;
  securityCode?: string;
  /** Save the card when the payment succeeds (`vault_on_success`). */
  saveCard?: boolean;
  installment?: { id: string; value: number };
  /** Shopper details a country requires, such as the document. */
  customer?: ShopperDetails;
}

export interface TokenizerContext {
  checkoutSession: string;
  countryCode: string;
  /** Yuno's fraud prevention and 3DS read this; hooks fill it in. */
  browserInfo: BrowserInfo;
  signal?: AbortSignal;
}

/**
 * What {@link YunoTokenizer.pay} needs besides {@link TokenizerContext}: how to create the payment on the merchant's
 * server from the one-time token (for the browser client: `client.createPayment({ checkoutSession, oneTimeToken, … })`,
 * `POST /payments` of the routes from `yuno-react/server`).
 *
 * @example
 * ```ts
 * const context: PayContext = {
 *   checkoutSession, countryCode: 'CO', browserInfo: collectBrowserInfo(),
 *   createPayment: (token) => client.createPayment({ checkoutSession, oneTimeToken: token.token }, { idempotencyKey }),
 * };
 * ```
 */
export interface PayContext extends TokenizerContext {
  /**
   * Creates the payment with the token on the merchant's server; its rejection stops the flow and is passed on.
   * `details.checkoutSession` is the session the token was made for, which Yuno says to read from the token: after a
   * decline Yuno's Web SDK 2.x may have rotated the session the transaction started with.
   */
  createPayment(token: OneTimeToken, details?: { checkoutSession?: string }): Promise<unknown>;
}

/**
 * How a payment run by {@link YunoTokenizer.pay} ended, in the checkout's own statuses: `succeeded`, `declined`,
 * `processing` (not final yet: a PIX waiting to be paid), `failed` (rejected, expired, cancelled), `idle` (the shopper
 * closed the SDK's view: nothing was paid, the Pay button can be offered again) or `error` (Yuno's Web SDK failed).
 *
 * @example
 * ```ts
 * const status: PayStatus = 'succeeded';
 * ```
 */
export type PayStatus = 'succeeded' | 'declined' | 'processing' | 'failed' | 'idle' | 'error';

/**
 * The result of {@link YunoTokenizer.pay}.
 *
 * @example
 * ```ts
 * const result = await tokenizer.pay!(input, context);
 * if (result.status === 'declined') offerAnotherCard(result.yunoSubstatus);
 * ```
 */
export interface PayResult {
  status: PayStatus;
  /** Yuno's own status as reported (`SUCCEEDED`, `DECLINED`, `READY_TO_PAY`, `USER_CANCEL`, `INTERNAL_ERROR`, …). */
  yunoStatus: string;
  yunoSubstatus: string | null;
  /** With `status: 'error'`: what failed, a `YunoError` of kind `sdk` (its `code` is Yuno's, when it gave one). */
  error?: YunoError;
}

export interface EnrollInput {
  type: PaymentMethodType;
  card: CardInput;
  customer?: ShopperDetails;
}

export interface EnrollContext {
  customerSession: string;
  countryCode: string;
  browserInfo: BrowserInfo;
  signal?: AbortSignal;
}

export interface EnrollResult {
  vaultedToken: string;
  status: string;
}

/**
 * What a tokenizer's `enroll` gives: the saved card's vaulted token, or `null` when the SDK does not say (Yuno's Web
 * SDK 2.x reports only `ENROLLED`); `useEnrollment` then finds it in the checkout's payment methods.
 *
 * @example
 * ```ts
 * const result: TokenizerEnrollResult = { vaultedToken: null, status: 'ENROLLED' };
 * ```
 */
export interface TokenizerEnrollResult {
  vaultedToken: string | null;
  status: string;
}

/**
 * Turns payment details into Yuno one-time tokens. `<YunoProvider>` holds one; the hooks call it. Two ship with
 * yuno-react: the Web SDK tokenizer (card data goes from the browser straight to Yuno) and the server tokenizer (card
 * data goes through the merchant's own route; PCI-certified merchants and the sandbox only).
 */
export interface YunoTokenizer extends YunoTokenizerWithSecureFields {
  /** `sdk`, `server`, or a name of your own. */
  readonly kind: string;
  /** When true, a Pay click may send the card with the payment in one route call (`POST /payments` with `card`). */
  readonly supportsOneHop?: boolean;
  /** Loads what the tokenizer needs and runs Yuno's fraud check, ahead of the Pay click. Safe to call repeatedly. */
  prepare?(context: { checkoutSession: string; countryCode: string }): Promise<void>;
  createToken(input: TokenizeInput, context: TokenizerContext): Promise<OneTimeToken>;
  /** Saves a card in a customer session (enrollment) and returns its vaulted token. */
  enroll?(input: EnrollInput, context: EnrollContext): Promise<EnrollResult | TokenizerEnrollResult>;
  /**
   * The URL of a 3DS challenge page for a payment waiting on the shopper (`sdk_action_required`), or `null` when Yuno
   * says no challenge is needed: the payment then goes on without the shopper, and its status is polled as usual.
   */
  getThreeDSecureChallengeUrl?(context: { checkoutSession: string; countryCode: string }): Promise<string | null>;
  /**
   * What the shopper must do to go on with the session's payment when it is not a 3-D Secure challenge, read from
   * Yuno's Web SDK 1.x headless `getContinuePaymentAction` (https://docs.y.uno/docs/sdks/headless-web/payment, Step 7)
   * after the payment answered `checkout.sdk_action_required: true`. Yuno's kinds become the library's own
   * {@link NextAction}:
   *
   * | Yuno's `action` | `NextAction` |
   * | --- | --- |
   * | `IMAGE` | `qr`: `imageUrl` a data URL of `image.type` and `image.value`; `code` from `payment_code.code` when sent |
   * | `PAYMENT_CODE` with an `image` | `qr`: `code` from `payment_code.code`, `imageUrl` as for `IMAGE` |
   * | `PAYMENT_CODE` alone | `voucher`: `code` from `payment_code.code` (Yuno: a code for cash-based payments) |
   * | `REDIRECT_URL` | `redirect`: `url` from `redirect.init_url` (http or https only) |
   * | `THREE_D_SECURE_REDIRECT_URL` | `null`: the challenge comes from {@link YunoTokenizer.getThreeDSecureChallengeUrl} |
   * | `FORM`, `INFO`, `OTP`, `SDK_PROVIDER`, `REQUEST_HTML`, `RENDER_HTML`, `RENDER_IFRAME`, others | `null` (not rendered) |
   *
   * `expiresAt` is the ISO date of Yuno's `expiration_time` (a Unix timestamp). It also resolves `null` when Yuno
   * answers no action. A failure of the SDK is a `YunoError` of kind `sdk`; an answer that is not an action, or an
   * action without what its kind needs (an IMAGE without a base64 image, a REDIRECT_URL without an http(s) URL), one of
   * kind `invalid_response`.
   *
   * @example
   * ```ts
   * const action = await tokenizer.getContinuePaymentAction?.({ checkoutSession, countryCode: 'BR' });
   * if (action?.type === 'redirect') window.location.assign(action.url);
   * ```
   */
  getContinuePaymentAction?(context: {
    checkoutSession: string;
    countryCode: string;
    signal?: AbortSignal;
  }): Promise<NextAction | null>;
  /**
   * Runs a whole payment in the tokenizer: tokenizes, hands the token to `context.createPayment` (the merchant's
   * server creates the payment), then follows the payment through 3-D Secure to its outcome. Yuno's Web SDK 2.x works
   * this way (manual mode), and only this way can it run a 3DS challenge: a payment created outside its
   * `transaction.start` cannot be continued by it.
   */
  pay?(input: TokenizeInput, context: PayContext): Promise<PayResult>;
}
