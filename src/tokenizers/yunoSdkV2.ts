// The part of Yuno's Web SDK 2.x ("Yuno SDK": `window.SdkPayments`, `SdkPayments.initialize`, `sdk.transaction`) that
// yuno-react uses. Yuno publishes no TypeScript types for 2.x (`@yuno-payments/sdk-web-types` types 1.x only), so
// these are written from Yuno's pages (docs.y.uno/docs/yuno-sdk/*), which each declaration links to. Types only:
// nothing here runs.

/**
 * The 2.x global, `window.SdkPayments`, which the script sets synchronously and announces once with the
 * `sdk-payments-ready` event on `window`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/get-started
 * @example
 * ```ts
 * const global: YunoSdkV2Global = window.SdkPayments;
 * const sdk = await global.initialize('sandbox_gAAAA…');
 * ```
 */
export interface YunoSdkV2Global {
  /**
   * Initialises the SDK with the public API key, whose prefix (`sandbox_`, `prod_`) selects Yuno's environment.
   * Resolves with the instance transactions are made from.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/get-started
   */
  initialize(publicApiKey: string): Promise<YunoSdkV2Instance>;
}

/**
 * What `SdkPayments.initialize` resolves with. A 2.x instance has `transaction` (a 1.x one has `startCheckout`
 * instead): Yuno's own way to tell the lines apart, since 1.9 sets `window.SdkPayments` too.
 *
 * @see https://docs.y.uno/docs/sdks/validators/web-sdk-v2
 * @example
 * ```ts
 * const transaction = sdk.transaction({ checkoutSession, countryCode: 'CO', onStatus: (r) => setStatus(r.status) });
 * ```
 */
export interface YunoSdkV2Instance {
  /**
   * A transaction: a payment when the config has `checkoutSession`, an enrollment when it has `customerSession`
   * (exactly one of the two; the SDK throws otherwise, and when `countryCode` is missing).
   *
   * @see https://docs.y.uno/docs/yuno-sdk/reference/transaction-config
   */
  transaction(config: YunoSdkV2TransactionConfig): YunoSdkV2Transaction;
}

/**
 * A transaction made by `sdk.transaction(config)`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/get-started
 * @example
 * ```ts
 * await transaction.start({ paymentMethod: { type: 'CARD', data: { card } } });
 * ```
 */
export interface YunoSdkV2Transaction {
  /**
   * Runs the transaction for the chosen method: renders its form into `elementSelector`, or, with `data` on the
   * method, tokenizes it headless; then creates the payment (itself, or through the `createPayment` controller), runs
   * 3-D Secure and reports through `onStatus`. Repeatable: after a decline the next call runs on the rotated session.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/reference/payment-method-selected
   * @see https://docs.y.uno/docs/yuno-sdk/migration/web-headless
   */
  start(selection: { paymentMethod: YunoSdkV2PaymentMethodSelected }): Promise<void>;
  /**
   * Card fields in the SDK's iframes on this transaction (its session, country, language and controllers): create each
   * field, mount it, then `start({ paymentMethod: { type: 'CARD', data: { card: { holderName } } } })` tokenizes what
   * they hold. `start` is repeatable while they are mounted (a retry after a decline runs on the session the SDK rotated
   * into them); calling it while one is in flight throws. Absent from builds without Secure Fields.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
   */
  secureFields?(options?: { installmentEnable?: boolean }): Promise<YunoSdkV2SecureFields>;
  /**
   * Points the transaction, and the Secure Fields mounted on it, at another checkout session.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
   */
  updateCheckoutSession?(checkoutSession: string): unknown;
  /** Removes what the transaction mounted (its Secure Fields among them). */
  unmount?(): unknown;
}

/**
 * The instance `transaction.secureFields()` resolves with: `create`, `getElement` and `unmountSync` (2.x keeps
 * tokenization inside `transaction.start`).
 *
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @see https://docs.y.uno/docs/yuno-sdk/migration/web/secure-fields
 * @example
 * ```ts
 * const fields = await transaction.secureFields({ installmentEnable: true });
 * fields.create({ name: 'pan', options: { label: 'Card number' } }).mount('#pan');
 * ```
 */
export interface YunoSdkV2SecureFields {
  create(args: { name: YunoSdkV2SecureFieldName; options?: YunoSdkV2SecureFieldOptions }): YunoSdkV2SecureField;
  getElement?(args: { name: YunoSdkV2SecureFieldName }): YunoSdkV2SecureField;
  /** Removes every field's iframe. */
  unmountSync(): unknown;
}

/**
 * A field's name: `pan`, `expiration`, `cvv`, and the optional `cardLoadPreview` and `cardPin`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @example
 * ```ts
 * const name: YunoSdkV2SecureFieldName = 'pan';
 * ```
 */
export type YunoSdkV2SecureFieldName = 'pan' | 'expiration' | 'cvv' | 'cardLoadPreview' | 'cardPin';

/**
 * A field's `options` (the same as 1.x's): label, placeholder, styles, when it validates, and its events.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @example
 * ```ts
 * const options: YunoSdkV2SecureFieldOptions = { label: 'Card number', showError: false, validationType: 'on_blur' };
 * ```
 */
export interface YunoSdkV2SecureFieldOptions {
  label?: string;
  placeholder?: string;
  showError?: boolean;
  validationType?: 'on_change' | 'on_blur' | 'on_blur_full';
  /** CSS for the input inside the frame. */
  styles?: string;
  onChange?: (args: YunoSdkV2SecureFieldChange) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  /** The field's iframe is rendered. */
  onRenderedSecureField?: () => void;
}

/**
 * What `onChange` reports: whether the value is wrong (`error`), whether the shopper typed (`isDirty`), and for `pan`
 * the card's IIN lookup and installment plans in `data` (the 1.x payload, unchanged in 2.x).
 *
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @example
 * ```ts
 * const onChange = ({ error, data }: YunoSdkV2SecureFieldChange) => setBrand(error ? null : data?.cardIIN?.brand);
 * ```
 */
export interface YunoSdkV2SecureFieldChange {
  error: boolean;
  isDirty?: boolean;
  data?: {
    cardIIN?: { iin?: string; brand?: string; [field: string]: unknown } | null;
    cardConfig?: { brand?: string; [field: string]: unknown } | null;
    installments?: Array<{
      installmentId: string;
      installment: number;
      amount?: { currency: string; value: string; total_value?: string };
    }>;
    isCardIINLoading?: boolean;
    isInstallmentLoading?: boolean;
    fullInstallmentsInfo?: unknown;
  };
}

/**
 * A field made by `create`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @example
 * ```ts
 * field.mount('#pan');
 * ```
 */
export interface YunoSdkV2SecureField {
  /** Mounts the field's iframe into the element of a CSS selector (1.x's `render`). */
  mount(elementSelector: string): unknown;
  focus(): unknown;
  validate(): Promise<boolean> | boolean;
  clearValue(): unknown;
  setError(message: string): unknown;
  clearError(): unknown;
  /** Removes the field's iframe. */
  unmountSync(): unknown;
}

/**
 * `TransactionConfig` on the web: a plain object whose controllers (`onStatus`, `showLoading`, `createPayment`) are
 * fields of it.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/transaction-config
 * @example
 * ```ts
 * const config: YunoSdkV2TransactionConfig = { checkoutSession, countryCode: 'BR', onStatus: () => undefined };
 * ```
 */
export interface YunoSdkV2TransactionConfig {
  /** A checkout session (a payment). Mutually exclusive with `customerSession`. */
  checkoutSession?: string;
  /** A customer session (an enrollment). Mutually exclusive with `checkoutSession`. */
  customerSession?: string;
  /** ISO 3166-1 alpha-2 country. Required; not validated by the SDK. */
  countryCode: string;
  /** ISO 639 language. @default the browser's language */
  language?: string;
  /** Shows the SDK's own result screen. @default false */
  showStatusScreen?: boolean;
  /**
   * Whether the SDK goes on after the payment is created (3-D Secure, status polling, `onStatus`). With `false` it
   * stops once the payment is created and `onStatus` is not called for it. @default true
   */
  autoContinuePayment?: boolean;
  /** CSS selector of the element form-based flows render into; headless flows ignore it. */
  elementSelector?: string;
  /**
   * The final status of the transaction, once it reaches one.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/controllers/on-status
   */
  onStatus?: (result: YunoSdkV2StatusResult) => void;
  /**
   * Replaces the SDK's own full-screen loader: called with `true` on entering and `false` on leaving a loading state.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/controllers/show-loading
   */
  showLoading?: (isLoading: boolean) => void;
  /**
   * Manual mode: the SDK hands over the one-time token and waits for the returned promise; resolve it once your
   * backend has created the payment (`POST /v1/payments` with the token and its `checkout_session`), and the SDK
   * continues (status, 3-D Secure, `onStatus`). A rejection stops the flow without `onStatus`. Sessions of the default
   * workflow `SDK_CHECKOUT` require it. Not called in an enrollment.
   *
   * @see https://docs.y.uno/docs/yuno-sdk/controllers/create-payment
   */
  createPayment?: (token: YunoSdkV2OneTimeToken) => Promise<void>;
}

/**
 * What `start` is told to run: the method type, optionally a saved method's token, and optionally the data that makes
 * the flow headless (no form).
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/payment-method-selected
 * @example
 * ```ts
 * const saved: YunoSdkV2PaymentMethodSelected = { type: 'CARD', vaultedToken, data: { card: { securityCode: '123' } } };
 * ```
 */
export interface YunoSdkV2PaymentMethodSelected {
  /** `CARD`, `PIX`, … as Yuno's API names them. */
  type: string;
  /** A saved method's token; ignored in an enrollment. */
  vaultedToken?: string;
  data?: YunoSdkV2TransactionData;
}

/**
 * Pre-collected payment data (`TransactionData`), passed on to Yuno as given. Every part is optional.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/transaction-data
 * @example
 * ```ts
 * const data: YunoSdkV2TransactionData = { card: { number, expirationMonth: 11, expirationYear: 28, securityCode } };
 * ```
 */
export interface YunoSdkV2TransactionData {
  card?: {
    number?: string;
    expirationMonth?: number;
    /** Two digits: `28` is 2028. The SDK does not normalise a four-digit year. */
    expirationYear?: number;
    securityCode?: string;
    holderName?: string;
    brand?: string;
    /** `CREDIT` or `DEBIT`. */
    type?: string;
  };
  /** Save the method for the customer when the payment succeeds. */
  vaultOnSuccess?: boolean;
  installment?: { id: string; value: number };
  threeDSecure?: { setupId: string };
  customer?: YunoSdkV2Customer;
  issuerId?: string;
  otp?: string;
}

/**
 * The customer part of {@link YunoSdkV2TransactionData}, in the SDK's camelCase.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/transaction-data
 * @example
 * ```ts
 * const customer: YunoSdkV2Customer = { document: { documentNumber: '12345678909', documentType: 'CPF' } };
 * ```
 */
export interface YunoSdkV2Customer {
  firstName?: string;
  lastName?: string;
  email?: string;
  document?: { documentNumber?: string; documentType?: string };
  phone?: { countryCode?: string; number?: string };
  merchantCustomerId?: string;
  billingAddress?: YunoSdkV2Address;
  shippingAddress?: YunoSdkV2Address;
}

/**
 * An address of {@link YunoSdkV2Customer}.
 *
 * @example
 * ```ts
 * const address: YunoSdkV2Address = { addressLine1: 'Calle 34 # 56 - 78', city: 'Bogotá', country: 'CO' };
 * ```
 */
export interface YunoSdkV2Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  country?: string;
  state?: string;
  zipCode?: string;
  neighborhood?: string;
}

/**
 * The one-time token handed to `createPayment`: Yuno's token fields (`token`, `vaulted_token`, `vault_on_success`,
 * `type`, `card_data`, `customer`, …) plus `checkout_session` (the session to create the payment on) and
 * `recognitionToken`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/one-time-token
 * @example
 * ```ts
 * const body = { payment_method: { token: token.token }, checkout: { session: token.checkout_session } };
 * ```
 */
export interface YunoSdkV2OneTimeToken {
  token: string;
  checkout_session?: string;
  recognitionToken?: string;
  [field: string]: unknown;
}

/**
 * What `onStatus` receives: Yuno's `status` and `substatus` as the backend gives them, and `message` on error
 * outcomes. The SDK itself emits `INTERNAL_ERROR` (a failed backend call or SDK failure; `message.source` says which)
 * and `USER_CANCEL` (the shopper closed a form; `message` is `null`).
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/status
 * @example
 * ```ts
 * const onStatus = (result: YunoSdkV2StatusResult) => result.status === 'SUCCEEDED' && showReceipt();
 * ```
 */
export interface YunoSdkV2StatusResult {
  status: string;
  substatus?: string | null;
  message?: YunoSdkV2StatusMessage | null;
}

/**
 * `message` of an error outcome: the backend's error (`source: 'backend'`, its `code` and `raw` payload) or the SDK's
 * own (`source: 'sdk'`, with the `context` that failed).
 *
 * @see https://docs.y.uno/docs/yuno-sdk/reference/status
 * @example
 * ```ts
 * if (result.message?.source === 'backend') console.warn(result.message.code);
 * ```
 */
export interface YunoSdkV2StatusMessage {
  source: 'backend' | 'sdk';
  code?: string | null;
  reason?: string | null;
  raw?: unknown;
  context?: string | null;
}
