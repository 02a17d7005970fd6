import type { Yuno, YunoInstance } from '@yuno-payments/sdk-web-types';
import * as z from 'zod/mini';
import { createHttpClient, type HttpClient } from '../core/http';
import { OneTimeTokenSchema } from '../core/schemas/token';
import { isYunoError } from '../core/YunoError';
import type {
  YunoSdkV2Customer,
  YunoSdkV2Global,
  YunoSdkV2Instance,
  YunoSdkV2PaymentMethodSelected,
  YunoSdkV2StatusResult,
  YunoSdkV2Transaction,
  YunoSdkV2TransactionConfig,
  YunoSdkV2SecureFieldName,
  YunoSdkV2SecureFieldOptions,
} from '../tokenizers/yunoSdkV2';
import type { YunoApiClientPaymentContinue, YunoContinuePaymentAction } from '../tokenizers/continuePaymentAction';
import { showChallengeView } from './challengeView';
import { uuid } from './ids';
import type { SecureFieldName } from './secureFieldPage';
import {
  createSecureFieldsForm,
  secureFieldsOrigin,
  SecureFieldsTokenizeError,
  type SandboxSecureField,
  type SandboxSecureFieldOptions,
  type SecureFieldsForm,
} from './secureFields';

/**
 * Options of {@link createSandboxWebSdk}.
 *
 * @example
 * ```ts
 * const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * ```
 */
export interface SandboxWebSdkOptions {
  /**
   * Origin of a sandbox: a `startYunoSandboxServer` URL, or any origin a sandbox's `fetch` or MSW handlers answer.
   * Secure Fields need the first: their iframes load from this origin, so it must be a sandbox served over HTTP.
   */
  baseUrl: string;
  /**
   * A fetch implementation, e.g. `sandbox.fetch` to skip HTTP. Given (other than `globalThis.fetch`), it marks an
   * in-memory sandbox, which has no origin to serve Secure Fields from: `secureFields` then rejects.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * What `getThreeDSecureChallenge` gives. `'url'`: the sandbox's challenge page, for a sandbox served over HTTP.
   * `'blob'`: a same-origin `blob:` copy of that page, for a browser whose sandbox lives in the page (MSW, Storybook),
   * where an iframe's navigation never reaches the sandbox. Its form does not navigate: it hands the code to this
   * stand-in, which submits it to the sandbox, shows the answer in the frame and posts the challenge result
   * (`{ origin: 'CHALLENGE', status, checkoutSession }`) to the page, as the sandbox's own page does. Needs a DOM.
   * @default 'url'
   */
  challengePage?: 'url' | 'blob';
  /**
   * Which line of Yuno's Web SDK the instance speaks: `'both'` gives the 1.x headless API (`apiClientPayment`, …) and
   * the 2.x `transaction`; `1` plays a 1.x script (no `transaction`), `2` a 2.x one (nothing of 1.x).
   * @default 'both'
   */
  sdkVersion?: 1 | 2 | 'both';
  /**
   * Answers a 3-D Secure challenge a 2.x transaction meets, as the shopper would in the SDK's challenge view: it gets
   * the sandbox's challenge page (`url`) and, say, posts a code to it (`SANDBOX_THREE_DS_OTPS`). The transaction goes
   * on once it resolves; a rejection is the shopper closing the view (`USER_CANCEL`). Without it, in a browser the
   * stand-in shows the challenge page in a dialog of its own (in the transaction's `elementSelector`, else over the
   * page), as the 2.x SDK does; elsewhere a challenge ends the transaction with `INTERNAL_ERROR`.
   */
  answerThreeDSecure?: (challenge: { url: string; checkoutSession: string }) => Promise<void>;
}

/**
 * The instance {@link createSandboxWebSdk}'s `initialize` gives by default: Yuno's 1.x headless API and the 2.x
 * `transaction`, both on the same sandbox.
 *
 * @example
 * ```ts
 * const instance: SandboxWebSdkInstance = await createSandboxWebSdk({ baseUrl }).initialize(SANDBOX_PUBLIC_API_KEY);
 * ```
 */
export type SandboxWebSdkInstance = YunoInstance & SandboxSdkV2Instance;

/**
 * The 2.x instance of the stand-in: Yuno's `transaction`, whose transactions also offer Secure Fields.
 *
 * @example
 * ```ts
 * const transaction = sdk.transaction({ checkoutSession, countryCode: 'CO', createPayment, onStatus });
 * const secureFields = await transaction.secureFields();
 * ```
 */
export interface SandboxSdkV2Instance extends YunoSdkV2Instance {
  transaction(config: YunoSdkV2TransactionConfig): SandboxSdkV2Transaction;
}

/**
 * The stand-in's 2.x global (`window.SdkPayments`), whose instances are {@link SandboxSdkV2Instance}s.
 *
 * @example
 * ```ts
 * const sdk: SandboxSdkV2Global = createSandboxWebSdk({ baseUrl: server.url, sdkVersion: 2 });
 * ```
 */
export interface SandboxSdkV2Global extends YunoSdkV2Global {
  initialize(publicApiKey: string): Promise<SandboxSdkV2Instance>;
}

/**
 * A 2.x transaction of the stand-in: `start`, plus Yuno's Secure Fields (`secureFields`) and `updateCheckoutSession`.
 * Declared here because the library's own 2.x types (`yuno-react/core`) cover only what it calls.
 *
 * @example
 * ```ts
 * const secureFields = await transaction.secureFields();
 * await secureFields.create({ name: 'pan', options: { label: 'Card number' } }).mount('#pan');
 * await transaction.start({ paymentMethod: { type: 'CARD', data: { card: { holderName: 'Ada Lovelace' } } } });
 * ```
 */
export interface SandboxSdkV2Transaction extends YunoSdkV2Transaction {
  /**
   * Yuno's Secure Fields on this transaction: `create({ name: 'pan' | 'expiration' | 'cvv', options })` gives a field
   * to `mount` into an element, as a cross-origin iframe served by the sandbox; `start` with a `CARD` then tokenizes
   * what the frames hold. Needs a browser and a sandbox served over HTTP (`baseUrl` = `startYunoSandboxServer`'s URL,
   * no `fetch`); rejects otherwise.
   */
  secureFields(args?: { installmentEnable?: boolean }): Promise<SandboxSdkV2SecureFields>;
  /** Points the transaction (and its mounted fields) at another checkout session, e.g. a cloned one. */
  updateCheckoutSession(checkoutSession: string): void;
}

/**
 * What a 2.x `transaction.secureFields()` resolves with.
 *
 * @example
 * ```ts
 * secureFields.create({ name: 'cvv', options: { label: 'CVV' } }).mount('#cvv');
 * ```
 */
export interface SandboxSdkV2SecureFields {
  /** Yuno's names; the stand-in renders `pan`, `expiration` and `cvv` and throws for the others. */
  create(args: { name: YunoSdkV2SecureFieldName; options?: YunoSdkV2SecureFieldOptions }): SandboxSdkV2SecureField;
  /** A field made by `create`; throws for a name that has none. */
  getElement(args: { name: YunoSdkV2SecureFieldName }): SandboxSdkV2SecureField;
  unmountSync(): void;
}

/**
 * A 2.x Secure Field: placed with `mount` (1.x's `render`).
 *
 * @example
 * ```ts
 * const valid: boolean = await secureFields.getElement({ name: 'pan' })!.validate();
 * ```
 */
export type SandboxSdkV2SecureField = Omit<SandboxSecureField, 'render'>;

/**
 * The stand-in global of {@link createSandboxWebSdk}: usable as 1.x's `Yuno` and as 2.x's `window.SdkPayments`.
 *
 * @example
 * ```ts
 * const sdk: SandboxWebSdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * ```
 */
export interface SandboxWebSdk {
  initialize(...args: Parameters<Yuno['initialize']>): Promise<SandboxWebSdkInstance>;
}

type ApiClientPayment = Awaited<ReturnType<YunoInstance['apiClientPayment']>>;
type ApiClientEnroll = Awaited<ReturnType<YunoInstance['apiClientEnroll']>>;
type SdkOneTimeToken = Awaited<ReturnType<ApiClientPayment['generateToken']>>;
type ContinueEnrollmentResult = Awaited<ReturnType<ApiClientEnroll['continueEnrollment']>>;
type FraudCheckResult = Awaited<ReturnType<YunoInstance['executeFraudCheck']>>;

const ThreeDSecureChallengeSchema = z.looseObject({ url: z.nullable(z.string()) });
const ContinueEnrollmentSchema = z.looseObject({
  vaulted_token: z.string(),
  status: z.string(),
  customer: z.looseObject({ session: z.string() }),
});
const ContinuePaymentActionSchema = z.nullable(z.looseObject({ type: z.string(), action: z.string() }));
const FraudCheckSchema = z.looseObject({
  status: z.literal('success'),
  deviceFingerprints: z.array(z.looseObject({ providerId: z.string(), sessionId: z.string() })),
});

/**
 * A stand-in for Yuno's Web SDK global (`Yuno` / `window.SdkPayments`) that runs against a Yuno sandbox, so the
 * browser flows run offline. `initialize(publicApiKey)` gives an instance that speaks both lines (`sdkVersion`):
 * - 1.x headless: `apiClientPayment` generates one-time tokens (a `payment_method.device_fingerprint` comes back as
 *   the token's `customer.device_fingerprint`), 3DS challenge URLs (`null` when no payment of the session waits on a
 *   challenge, as Yuno's SDK answers) and, with `getContinuePaymentAction({ checkoutSession })`, the action the
 *   session's latest payment waits on in Yuno's `ContinuePaymentAction` shape (`IMAGE` for a PIX, `PAYMENT_CODE` for a
 *   voucher, `REDIRECT_URL` for a provider page, `THREE_D_SECURE_REDIRECT_URL` for a challenge; `null` when it waits on
 *   none; a session without a payment rejects with `PAYMENT_NOT_FOUND`); `apiClientEnroll` saves cards;
 *   `executeFraudCheck` returns a device fingerprint; `secureFields` gives Yuno's 1.x Secure Fields (`render`,
 *   `generateToken`, `generateTokenWithInformation`, `generateVaultedToken`). The other rendered checkouts
 *   (`startCheckout`, …) reject.
 * - 2.x: `transaction({ checkoutSession | customerSession, countryCode, createPayment, onStatus, … })` and
 *   `transaction.start({ paymentMethod })` run the headless flow (`paymentMethod.data`, or a `vaultedToken`, or a
 *   method without a form such as PIX): tokenize, hand the token (with `checkout_session`) to `createPayment`, then,
 *   unless `autoContinuePayment: false`, read the session's payment, run its 3DS challenge through
 *   `answerThreeDSecure`, and report `{ status, substatus, message }` to `onStatus`. A customer session enrolls the
 *   card and reports `ENROLLED`. Failures are reported as Yuno's 2.x SDK does: `INTERNAL_ERROR` with `message.source`
 *   `backend` (the sandbox refused, its code in `message.code`) or `sdk`. It renders no forms: a card without `data`
 *   ends in `INTERNAL_ERROR`. A PIX is reported with the status the sandbox gives it (`READY_TO_PAY`), without waiting.
 *   `transaction.secureFields()` gives Yuno's 2.x Secure Fields (`create({ name, options }).mount(…)`); a `CARD`
 *   `start` then tokenizes what they hold (card data on `start` throws, as does a second `start` in flight), and
 *   `updateCheckoutSession` re-points them.
 * - Secure Fields are cross-origin iframes the sandbox serves (`/_sandbox/secure-fields/field`), which tokenize inside
 *   the frame and talk to the page only by `postMessage`: the page never holds the card number or the CVV. They need a
 *   browser and a sandbox served over HTTP (`baseUrl` = the URL of `startYunoSandboxServer`, no `fetch`); with an
 *   in-memory sandbox (`fetch: sandbox.fetch`) `secureFields` rejects, saying so.
 * {@link installSandboxWebSdk} puts it on `window.SdkPayments` and fires `sdk-payments-ready`, as the 2.x script does.
 *
 * @example
 * ```ts
 * import { createSandboxWebSdk } from 'yuno-react/sandbox';
 *
 * const sdk = await createSandboxWebSdk({ baseUrl: 'http://127.0.0.1:4010' }).initialize(SANDBOX_PUBLIC_API_KEY);
 * await sdk
 *   .transaction({
 *     checkoutSession,
 *     countryCode: 'CO',
 *     createPayment: async (token) => void (await myServer.pay(token.token, token.checkout_session)),
 *     onStatus: (result) => setStatus(result.status),
 *   })
 *   .start({ paymentMethod: { type: 'CARD', data: { card: { number: '4507990000000002', expirationMonth: 11, expirationYear: 28, securityCode: '123' } } } });
 * ```
 */
export function createSandboxWebSdk(options: SandboxWebSdkOptions & { sdkVersion: 1 }): Yuno;
export function createSandboxWebSdk(options: SandboxWebSdkOptions & { sdkVersion: 2 }): SandboxSdkV2Global;
export function createSandboxWebSdk(options: SandboxWebSdkOptions): SandboxWebSdk;
export function createSandboxWebSdk(options: SandboxWebSdkOptions): {
  initialize(publicApiKey: string): Promise<YunoInstance | SandboxSdkV2Instance>;
} {
  const line = options.sdkVersion ?? 'both';
  return {
    async initialize(publicApiKey: string) {
      if (typeof publicApiKey !== 'string' || publicApiKey.trim() === '') {
        throw new Error('createSandboxWebSdk: initialize needs the public API key');
      }
      const http = createHttpClient({
        baseUrl: options.baseUrl,
        fetch: options.fetch,
        headers: { 'public-api-key': publicApiKey },
      });
      if (line === 1) return createInstance(http, options, publicApiKey);
      if (line === 2) return createV2Instance(http, options, publicApiKey);
      return { ...createInstance(http, options, publicApiKey), ...createV2Instance(http, options, publicApiKey) };
    },
  };
}

/**
 * Puts {@link createSandboxWebSdk}'s stand-in on `window.SdkPayments` and fires `sdk-payments-ready` on `window`, as
 * Yuno's 2.x script does when it loads; `uninstall` takes it off again. Needs a DOM (a browser, or jsdom).
 *
 * @example
 * ```ts
 * const { uninstall } = installSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * const SdkPayments = await loadYunoSdkV2(); // resolves with the stand-in
 * uninstall();
 * ```
 */
export function installSandboxWebSdk(options: SandboxWebSdkOptions & { window?: Window }): {
  sdk: SandboxWebSdk | Yuno | YunoSdkV2Global;
  uninstall(): void;
} {
  const target = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (target === undefined) throw new Error('installSandboxWebSdk needs a window (a browser, or jsdom)');
  const sdk = createSandboxWebSdk(options);
  const holder = target as unknown as { SdkPayments?: unknown };
  holder.SdkPayments = sdk;
  target.dispatchEvent(new Event('sdk-payments-ready'));
  return {
    sdk,
    uninstall() {
      if (holder.SdkPayments === sdk) delete holder.SdkPayments;
    },
  };
}

const PaymentStateSchema = z.looseObject({
  status: z.string(),
  sub_status: z.nullable(z.string()),
  three_d_secure_challenge: z.nullable(z.looseObject({ url: z.string() })),
});
const EnrollStatusSchema = z.looseObject({ status: z.string() });

/** The 2.x `transaction`, run headless against the sandbox, or with Secure Fields framed from it. */
function createV2Instance(http: HttpClient, options: SandboxWebSdkOptions, publicApiKey: string): SandboxSdkV2Instance {
  return {
    transaction(config: YunoSdkV2TransactionConfig) {
      let checkoutSession = nonEmpty(config?.checkoutSession);
      const customerSession = nonEmpty(config?.customerSession);
      if ((checkoutSession === undefined) === (customerSession === undefined)) {
        throw new Error('Exactly one of checkoutSession or customerSession must be provided');
      }
      if (!nonEmpty(config.countryCode)) throw new Error('countryCode is required');
      const report = (result: YunoSdkV2StatusResult) => config.onStatus?.(result);
      let form: SecureFieldsForm | undefined;
      let inFlight = false;
      return {
        async secureFields() {
          // `installmentEnable` is taken and has no effect: the sandbox offers no installment plans.
          const origin = secureFieldsOrigin(options);
          form?.unmountSync();
          const own = createSecureFieldsForm({ origin, publicApiKey });
          form = own;
          const v2Field = (field: SandboxSecureField): SandboxSdkV2SecureField => {
            const { render: _render, ...rest } = field;
            return rest;
          };
          return {
            // Yuno's names and options; the frames' onChange data is Yuno's shape plus `isValid`, `brand` and `iin`.
            create: (args) =>
              v2Field(
                own.create({
                  name: args.name as SecureFieldName,
                  ...(args.options ? { options: args.options as SandboxSecureFieldOptions } : {}),
                }),
              ),
            getElement: (args) => {
              const field = own.getElement({ name: args.name as SecureFieldName });
              if (!field) throw new Error(`createSandboxWebSdk: no ${args.name} secure field was created`);
              return v2Field(field);
            },
            unmountSync: () => own.unmountSync(),
          };
        },
        updateCheckoutSession(next: string) {
          if (customerSession !== undefined)
            throw new Error('updateCheckoutSession needs a checkoutSession transaction');
          const session = nonEmpty(next);
          if (session === undefined) throw new Error('updateCheckoutSession needs a checkout session');
          checkoutSession = session;
        },
        async start(selection: { paymentMethod: YunoSdkV2PaymentMethodSelected }) {
          const method = selection?.paymentMethod;
          if (!method || typeof method.type !== 'string' || method.type === '') {
            throw new Error('start needs { paymentMethod: { type } }');
          }
          const fields =
            form !== undefined && method.type.toUpperCase() === 'CARD' && form.mounted().length > 0 ? form : undefined;
          if (fields) {
            const card = method.data?.card;
            if (
              card &&
              (card.number !== undefined ||
                card.expirationMonth !== undefined ||
                card.expirationYear !== undefined ||
                card.securityCode !== undefined)
            ) {
              throw new Error(
                'paymentMethod.data.card must not carry number, expirationMonth, expirationYear or securityCode ' +
                  'while secure fields are mounted: the fields hold the card data',
              );
            }
            if (inFlight) throw new Error('start is already running for these secure fields: wait for its onStatus');
            inFlight = true;
          }
          config.showLoading?.(true);
          try {
            if (customerSession !== undefined) {
              await enroll(
                http,
                customerSession,
                method,
                report,
                fields &&
                  (() =>
                    fields.tokenize({ kind: 'customer', session: customerSession }, fieldsEnrollmentMethod(method))),
              );
            } else {
              const session = checkoutSession!;
              await pay(
                http,
                options,
                config,
                session,
                method,
                report,
                fields && (() => fields.tokenize({ kind: 'checkout', session }, fieldsPaymentMethod(method))),
              );
            }
          } finally {
            if (fields) inFlight = false;
            config.showLoading?.(false);
          }
        },
      };
    },
  };
}

/** What the frames are told to tokenize (a payment), without card data: they add number, expiry and CVV. */
function fieldsPaymentMethod(method: YunoSdkV2PaymentMethodSelected): Record<string, unknown> {
  const data = method.data ?? {};
  return {
    type: 'CARD',
    vaulted_token: method.vaultedToken ?? null,
    card: {
      save: data.vaultOnSuccess ?? false,
      detail: { holder_name: data.card?.holderName, type: data.card?.type },
      ...(data.installment ? { installment: data.installment } : {}),
    },
    ...(data.customer ? { customer: customerPayerOf(data.customer) } : {}),
  };
}

/** What the frames are told to enroll, without card data. */
function fieldsEnrollmentMethod(method: YunoSdkV2PaymentMethodSelected): Record<string, unknown> {
  const data = method.data ?? {};
  return {
    type: 'CARD',
    card: { detail: { holder_name: data.card?.holderName, type: data.card?.type } },
    ...(data.customer ? { customer: customerPayerOf(data.customer) } : {}),
  };
}

/** A failed tokenization in the frames as Yuno's 2.x SDK reports it. */
function fieldsFailure(error: unknown): YunoSdkV2StatusResult {
  if (error instanceof SecureFieldsTokenizeError) {
    if (error.status !== undefined) {
      return {
        status: 'INTERNAL_ERROR',
        substatus: null,
        message: {
          source: 'backend',
          code: error.code,
          reason: error.messages.join('; ') || error.message,
          raw: { code: error.code, messages: error.messages },
        },
      };
    }
    return sdkFailure(error.code, error.message, 'secure-fields');
  }
  return sdkFailure(
    'SECURE_FIELDS_UNAVAILABLE',
    error instanceof Error ? error.message : String(error),
    'secure-fields',
  );
}

async function pay(
  http: HttpClient,
  options: SandboxWebSdkOptions,
  config: YunoSdkV2TransactionConfig,
  checkoutSession: string,
  method: YunoSdkV2PaymentMethodSelected,
  report: (result: YunoSdkV2StatusResult) => void,
  tokenizeInFields?: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const card = method.data?.card;
  if (!tokenizeInFields && method.type.toUpperCase() === 'CARD' && !method.vaultedToken && !card?.number) {
    report(sdkFailure('FORM_NOT_AVAILABLE', 'the stand-in renders no forms: pass paymentMethod.data.card', 'start'));
    return;
  }
  if (config.createPayment === undefined) {
    // The real SDK creates the payment itself for SDK_SEAMLESS sessions; the sandbox's payments need a private key.
    report(sdkFailure('CREATE_PAYMENT_REQUIRED', 'the stand-in runs manual mode only: give createPayment', 'start'));
    return;
  }
  let token: z.infer<typeof OneTimeTokenSchema>;
  if (tokenizeInFields) {
    try {
      const parsed = OneTimeTokenSchema.safeParse(await tokenizeInFields());
      if (!parsed.success) {
        report(sdkFailure('INVALID_TOKEN', 'the secure fields gave no one-time token', 'secure-fields'));
        return;
      }
      token = parsed.data;
    } catch (error) {
      report(fieldsFailure(error));
      return;
    }
  } else {
    try {
      token = await http.request({
        method: 'POST',
        path: `/_sandbox/sdk/checkout/sessions/${encodeURIComponent(checkoutSession)}/token`,
        body: { checkout_session: checkoutSession, payment_method: tokenPaymentMethod(method) },
        schema: OneTimeTokenSchema,
      });
    } catch (error) {
      report(backendFailure(error));
      return;
    }
  }
  try {
    await config.createPayment({ ...token, checkout_session: checkoutSession, recognitionToken: uuid() });
  } catch {
    // As Yuno documents: a rejected createPayment stops the flow, and onStatus is not called.
    return;
  }
  if (config.autoContinuePayment === false) return;

  const readPayment = () =>
    http.request({
      method: 'GET',
      path: `/_sandbox/sdk/checkout/sessions/${encodeURIComponent(checkoutSession)}/payment`,
      schema: PaymentStateSchema,
    });
  let state: z.infer<typeof PaymentStateSchema>;
  try {
    state = await readPayment();
    if (state.three_d_secure_challenge) {
      const answer = options.answerThreeDSecure ?? browserChallengeView(options, config);
      if (answer === undefined) {
        report(
          sdkFailure('THREE_D_SECURE_UNAVAILABLE', 'the stand-in shows no challenge: give answerThreeDSecure', '3ds'),
        );
        return;
      }
      try {
        await answer({ url: state.three_d_secure_challenge.url, checkoutSession });
      } catch {
        report({ status: 'USER_CANCEL', substatus: null, message: null });
        return;
      }
      state = await readPayment();
    }
  } catch (error) {
    report(backendFailure(error));
    return;
  }
  report({ status: state.status, substatus: state.sub_status, message: null });
}

/** In a browser, the stand-in shows the challenge in a view of its own, as the 2.x SDK does; none elsewhere. */
function browserChallengeView(
  options: SandboxWebSdkOptions,
  config: YunoSdkV2TransactionConfig,
): SandboxWebSdkOptions['answerThreeDSecure'] {
  if (typeof document === 'undefined' || typeof window === 'undefined') return undefined;
  return async ({ url, checkoutSession }) => {
    const page = options.challengePage === 'blob' ? await blobChallengePage(url, options.fetch) : url;
    await showChallengeView({
      page,
      url,
      checkoutSession,
      ...(config.elementSelector !== undefined ? { elementSelector: config.elementSelector } : {}),
      ...(config.language !== undefined ? { language: config.language } : {}),
    });
  };
}

async function enroll(
  http: HttpClient,
  customerSession: string,
  method: YunoSdkV2PaymentMethodSelected,
  report: (result: YunoSdkV2StatusResult) => void,
  enrollInFields?: () => Promise<Record<string, unknown>>,
): Promise<void> {
  if (enrollInFields) {
    try {
      const result = EnrollStatusSchema.safeParse(await enrollInFields());
      if (!result.success) {
        report(sdkFailure('INVALID_ENROLLMENT', 'the secure fields gave no enrollment status', 'secure-fields'));
        return;
      }
      report({ status: result.data.status, substatus: null, message: null });
    } catch (error) {
      report(fieldsFailure(error));
    }
    return;
  }
  const card = method.data?.card;
  if (!card?.number) {
    report(sdkFailure('FORM_NOT_AVAILABLE', 'the stand-in renders no forms: pass paymentMethod.data.card', 'start'));
    return;
  }
  try {
    const result = await http.request({
      method: 'POST',
      path: `/_sandbox/sdk/customers/sessions/${encodeURIComponent(customerSession)}/enroll`,
      body: {
        customer_session: customerSession,
        payment_method: {
          type: method.type,
          card: { detail: cardDetailOf(card) },
          ...(method.data?.customer ? { customer: customerPayerOf(method.data.customer) } : {}),
        },
      },
      schema: EnrollStatusSchema,
    });
    report({ status: result.status, substatus: null, message: null });
  } catch (error) {
    report(backendFailure(error));
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function sdkFailure(code: string, reason: string, context: string): YunoSdkV2StatusResult {
  return { status: 'INTERNAL_ERROR', substatus: null, message: { source: 'sdk', code, reason, context } };
}

function backendFailure(error: unknown): YunoSdkV2StatusResult {
  if (isYunoError(error) && error.kind === 'http') {
    return {
      status: 'INTERNAL_ERROR',
      substatus: null,
      message: {
        source: 'backend',
        code: error.code,
        reason: error.messages.join('; ') || error.message,
        raw: { code: error.code, messages: error.messages },
      },
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return sdkFailure('NETWORK_ERROR', reason, 'request');
}

type V2Card = NonNullable<NonNullable<YunoSdkV2PaymentMethodSelected['data']>['card']>;

function cardDetailOf(card: V2Card): Record<string, unknown> {
  return {
    number: card.number,
    expiration_month: card.expirationMonth,
    expiration_year: card.expirationYear,
    security_code: card.securityCode,
    holder_name: card.holderName,
    type: card.type,
  };
}

/** 2.x `PaymentMethodSelected` → the headless token request the sandbox's SDK route takes (as 1.x sends it). */
function tokenPaymentMethod(method: YunoSdkV2PaymentMethodSelected): Record<string, unknown> {
  const data = method.data ?? {};
  const card = data.card;
  const hasCard = card !== undefined || data.vaultOnSuccess !== undefined || data.installment !== undefined;
  return {
    type: method.type,
    vaulted_token: method.vaultedToken ?? null,
    ...(hasCard
      ? {
          card: {
            save: data.vaultOnSuccess ?? false,
            ...(card ? { detail: card.number ? cardDetailOf(card) : { security_code: card.securityCode } } : {}),
            ...(data.installment ? { installment: data.installment } : {}),
          },
        }
      : {}),
    ...(data.customer ? { customer: customerPayerOf(data.customer) } : {}),
  };
}

function customerPayerOf(customer: YunoSdkV2Customer): Record<string, unknown> {
  const address = (a: NonNullable<YunoSdkV2Customer['billingAddress']>) => ({
    address_line_1: a.addressLine1,
    address_line_2: a.addressLine2,
    city: a.city,
    country: a.country,
    state: a.state,
    zip_code: a.zipCode,
    neighborhood: a.neighborhood,
  });
  return {
    ...(customer.firstName !== undefined ? { first_name: customer.firstName } : {}),
    ...(customer.lastName !== undefined ? { last_name: customer.lastName } : {}),
    ...(customer.email !== undefined ? { email: customer.email } : {}),
    ...(customer.merchantCustomerId !== undefined ? { merchant_customer_id: customer.merchantCustomerId } : {}),
    ...(customer.document
      ? {
          document: {
            document_type: customer.document.documentType,
            document_number: customer.document.documentNumber,
          },
        }
      : {}),
    ...(customer.phone ? { phone: { country_code: customer.phone.countryCode, number: customer.phone.number } } : {}),
    ...(customer.billingAddress ? { billing_address: address(customer.billingAddress) } : {}),
    ...(customer.shippingAddress ? { shipping_address: address(customer.shippingAddress) } : {}),
  };
}

function createInstance(http: HttpClient, options: SandboxWebSdkOptions, publicApiKey: string): YunoInstance {
  const tokenize = async (checkoutSession: string | undefined, paymentMethod: unknown): Promise<SdkOneTimeToken> => {
    if (!checkoutSession) {
      throw new Error('createSandboxWebSdk: generateToken needs a checkout_session (here or in apiClientPayment)');
    }
    const token = await http.request({
      method: 'POST',
      path: `/_sandbox/sdk/checkout/sessions/${encodeURIComponent(checkoutSession)}/token`,
      body: { checkout_session: checkoutSession, payment_method: paymentMethod },
      schema: OneTimeTokenSchema,
    });
    // Validated against Yuno's token shape above; the SDK's own type is narrower in nullability only.
    return token as unknown as SdkOneTimeToken;
  };

  const instance: YunoInstance = {
    async apiClientPayment({ checkout_session: sessionOfClient }) {
      const client: ApiClientPayment & YunoApiClientPaymentContinue = {
        generateToken: (args) => tokenize(args.checkout_session ?? sessionOfClient, args.payment_method),
        // The real SDK tokenizes without a session for DIRECT flows; the sandbox binds every token to a session.
        generateHeadlessToken: (args) => tokenize(sessionOfClient, args.payment_method),
        async getThreeDSecureChallenge(checkoutSession) {
          const cs = checkoutSession ?? sessionOfClient;
          if (!cs) throw new Error('createSandboxWebSdk: getThreeDSecureChallenge needs a checkout session');
          const { url } = await http.request({
            method: 'GET',
            path: `/_sandbox/sdk/checkout/sessions/${encodeURIComponent(cs)}/three-d-secure`,
            schema: ThreeDSecureChallengeSchema,
          });
          // Yuno's SDK answers a null url when no challenge is needed; its published type knows only a string.
          if (url === null) return { url } as unknown as { url: string };
          if (options.challengePage === 'blob') return { url: await blobChallengePage(url, options.fetch) };
          return { url };
        },
        // Not in the SDK's published type; Yuno documents it on the same client.
        async getContinuePaymentAction(args) {
          const cs = args?.checkoutSession ?? sessionOfClient;
          if (!cs) throw new Error('createSandboxWebSdk: getContinuePaymentAction needs a checkoutSession');
          const action = await http.request({
            method: 'GET',
            path: `/_sandbox/sdk/checkout/sessions/${encodeURIComponent(cs)}/continue-payment-action`,
            schema: ContinuePaymentActionSchema,
          });
          return action as YunoContinuePaymentAction | null;
        },
      };
      return client;
    },
    async apiClientEnroll({ customer_session: sessionOfClient }) {
      return {
        async continueEnrollment(args): Promise<ContinueEnrollmentResult> {
          const customerSession = args.customer_session ?? sessionOfClient;
          const result = await http.request({
            method: 'POST',
            path: `/_sandbox/sdk/customers/sessions/${encodeURIComponent(customerSession)}/enroll`,
            body: { customer_session: customerSession, payment_method: args.payment_method },
            schema: ContinueEnrollmentSchema,
          });
          return result as unknown as ContinueEnrollmentResult;
        },
      };
    },
    async executeFraudCheck({ checkoutSession, paymentType = 'CARD' }): Promise<FraudCheckResult> {
      try {
        const result = await http.request({
          method: 'POST',
          path: '/_sandbox/sdk/fraud',
          body: { checkout_session: checkoutSession, payment_type: paymentType },
          schema: FraudCheckSchema,
        });
        return { status: 'success', deviceFingerprints: result.deviceFingerprints };
      } catch (error) {
        // Like Yuno's SDK, a failed fraud check resolves with an error status: the checkout may go on without it.
        return {
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          deviceFingerprints: [],
        };
      }
    },
    // Nothing is cached between calls.
    clearApiCache: async () => undefined,
    startCheckout: unsupported('startCheckout'),
    startSeamlessCheckout: unsupported('startSeamlessCheckout'),
    mountCheckout: unsupported('mountCheckout'),
    mountSeamlessCheckout: unsupported('mountSeamlessCheckout'),
    mountCheckoutLite: unsupported('mountCheckoutLite'),
    mountSeamlessCheckoutLite: unsupported('mountSeamlessCheckoutLite'),
    mountSeamlessExternalButtons: unsupported('mountSeamlessExternalButtons'),
    unmountSeamlessExternalButtons: unsupported('unmountSeamlessExternalButtons'),
    unmountSeamlessExternalButton: unsupported('unmountSeamlessExternalButton'),
    updateCheckoutSession: unsupported('updateCheckoutSession'),
    submitOneTimeTokenForm: unsupported('submitOneTimeTokenForm'),
    startPayment: unsupported('startPayment'),
    continuePayment: unsupported('continuePayment'),
    notifyError: unsupported('notifyError'),
    mountEnrollmentLite: unsupported('mountEnrollmentLite'),
    showLoader: unsupported('showLoader'),
    hideLoader: unsupported('hideLoader'),
    mountFraud: unsupported('mountFraud'),
    mountStatusPayment: unsupported('mountStatusPayment'),
    secureFields: async (args) => createV1SecureFields(args, options, publicApiKey),
    clickToPay: unsupported('clickToPay'),
    mountExternalButtons: unsupported('mountExternalButtons'),
    unmountExternalButton: unsupported('unmountExternalButton'),
    unmountAllExternalButtons: unsupported('unmountAllExternalButtons'),
  };
  return instance;
}

type V1SecureFields = Awaited<ReturnType<YunoInstance['secureFields']>>;
type V1SecureField = ReturnType<V1SecureFields['create']>;
type V1SecureFieldsArgs = Parameters<YunoInstance['secureFields']>[0];
type V1GenerateTokenArgs = Parameters<V1SecureFields['generateToken']>[0] & { vaultedToken?: string };
type V1GenerateVaultedTokenArgs = Parameters<V1SecureFields['generateVaultedToken']>[0];
type V1OneTimeToken = Awaited<ReturnType<V1SecureFields['generateTokenWithInformation']>>;

/**
 * 1.x `yuno.secureFields({ countryCode, checkoutSession | customerSession })`: fields placed with `render`, tokenized
 * in their frames by `generateToken` / `generateTokenWithInformation` (a checkout session) or `generateVaultedToken`
 * (a customer session: enrolls the card).
 */
function createV1SecureFields(
  args: V1SecureFieldsArgs,
  options: SandboxWebSdkOptions,
  publicApiKey: string,
): V1SecureFields {
  const origin = secureFieldsOrigin(options);
  if (!nonEmpty(args?.countryCode)) throw new Error('createSandboxWebSdk: secureFields needs a countryCode');
  const checkoutSession = nonEmpty(args.checkoutSession);
  const customerSession = nonEmpty(args.customerSession);
  if (checkoutSession === undefined && customerSession === undefined) {
    throw new Error('createSandboxWebSdk: secureFields needs a checkoutSession (or a customerSession to enroll)');
  }
  const form = createSecureFieldsForm({ origin, publicApiKey });
  const notInSandbox = (method: string) => () =>
    Promise.reject(new Error(`createSandboxWebSdk: the sandbox's secure fields have no ${method}`));
  const v1Field = (field: SandboxSecureField): V1SecureField => ({
    render: async (selector) => field.render(selector),
    focus: () => field.focus(),
    validate: () => field.validate(),
    clearValue: () => field.clearValue(),
    resetFields: () => field.clearValue(),
    setError: (message) => field.setError(message),
    clearError: () => field.clearError(),
    async unmountSync() {
      field.unmountSync();
    },
    setCardType: notInSandbox('setCardType'),
    toggleFocusCvv: notInSandbox('toggleFocusCvv'),
    toggleFrontCardVisibility: notInSandbox('toggleFrontCardVisibility'),
    setCardHolderName: notInSandbox('setCardHolderName'),
  });
  const withInformation = async (params: V1GenerateTokenArgs): Promise<V1OneTimeToken> => {
    // As Yuno's SDK: a session given here wins, though Yuno advises against it (it breaks the retry).
    const session = nonEmpty(params?.checkoutSession) ?? checkoutSession;
    if (session === undefined) throw new Error('createSandboxWebSdk: generateToken needs a checkoutSession');
    const token = await form.tokenize(
      { kind: 'checkout', session },
      {
        type: 'CARD',
        vaulted_token: params.vaultedToken ?? null,
        card: {
          save: params.saveCard ?? false,
          detail: { holder_name: params.cardHolderName, type: params.cardType },
          ...(params.installment ? { installment: params.installment } : {}),
        },
        ...(params.customer ? { customer: params.customer } : {}),
      },
    );
    const parsed = OneTimeTokenSchema.safeParse(token);
    if (!parsed.success) throw new Error('createSandboxWebSdk: the secure fields gave no one-time token');
    // Validated against Yuno's token shape; the SDK's own type is narrower in nullability only.
    return parsed.data as unknown as V1OneTimeToken;
  };
  const enrollCard = async (params: V1GenerateVaultedTokenArgs) => {
    const session = nonEmpty(params?.customerSession) ?? customerSession;
    if (session === undefined) throw new Error('createSandboxWebSdk: generateVaultedToken needs a customerSession');
    const result = await form.tokenize(
      { kind: 'customer', session },
      {
        type: 'CARD',
        card: { detail: { holder_name: params.cardHolderName, type: params.cardType } },
        ...(params.customer ? { customer: params.customer } : {}),
      },
    );
    const parsed = ContinueEnrollmentSchema.safeParse(result);
    if (!parsed.success) throw new Error('createSandboxWebSdk: the secure fields gave no vaulted token');
    return parsed.data.vaulted_token;
  };
  return {
    create: (createArgs) =>
      v1Field(
        form.create({
          name: createArgs.name as SecureFieldName,
          // The frames' onChange data is Yuno's 1.x shape, plus `isValid`, `brand` and `iin`.
          options: createArgs.options as SandboxSecureFieldOptions,
        }),
      ),
    getElement: ({ name }) => {
      const field = form.getElement({ name: name as SecureFieldName });
      if (!field) throw new Error(`createSandboxWebSdk: no ${name} secure field was created`);
      return v1Field(field);
    },
    generateToken: async (params) => (await withInformation(params)).token,
    generateTokenWithInformation: withInformation,
    generateVaultedToken: enrollCard,
    generateVaultedTokenWithInformation: notInSandbox('generateVaultedTokenWithInformation (use generateVaultedToken)'),
    unmountSync: () => form.unmountSync(),
  };
}

const OTP_MESSAGE = 'yuno-sandbox:3ds-otp';
const PAGE_MESSAGE = 'yuno-sandbox:3ds-page';

const OtpMessageSchema = z.object({ type: z.literal(OTP_MESSAGE), channel: z.string(), otp: z.string() });
const ChallengeResultSchema = z.object({
  origin: z.literal('CHALLENGE'),
  status: z.enum(['SUCCEEDED', 'DECLINED']),
  checkoutSession: z.string(),
});

/**
 * Makes a `blob:` copy of the sandbox's challenge page at `url` whose form posts the code to this window instead of
 * navigating, and submits each code it receives to the sandbox on the frame's behalf.
 */
async function blobChallengePage(url: string, fetchImpl = globalThis.fetch): Promise<string> {
  if (typeof window === 'undefined' || typeof DOMParser === 'undefined') {
    throw new Error("createSandboxWebSdk: challengePage 'blob' needs a browser (or jsdom); use 'url' in Node");
  }
  const page = await fetchImpl(url, { headers: { accept: 'text/html' } });
  if (!page.ok) throw new Error(`createSandboxWebSdk: the sandbox has no challenge page at ${url} (${page.status})`);
  // The channel is the frame's credential: only the page made here knows it.
  const channel = crypto.randomUUID();
  const frameScript = `<script>(function () {
  var channel = ${JSON.stringify(channel)};
  document.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = event.target.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    var otp = new FormData(event.target).get('otp');
    window.parent.postMessage({ type: '${OTP_MESSAGE}', channel: channel, otp: String(otp || '') }, '*');
  });
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.type !== '${PAGE_MESSAGE}' || data.channel !== channel) return;
    var main = document.querySelector('main');
    if (main) main.innerHTML = data.main;
  });
})();</script>`;
  const html = (await page.text()).replace(/<\/body>/i, `${frameScript}</body>`);
  const blobUrl = URL.createObjectURL(new Blob([html], { type: 'text/html' }));

  const onMessage = async (event: MessageEvent) => {
    const message = OtpMessageSchema.safeParse(event.data);
    if (!message.success || message.data.channel !== channel) return;
    const frame = event.source as Window | null;
    let answer: Document;
    let ok = false;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ otp: message.data.otp }).toString(),
      });
      ok = response.ok;
      answer = new DOMParser().parseFromString(await response.text(), 'text/html');
    } catch {
      answer = new DOMParser().parseFromString(
        '<main><p role="alert">The sandbox could not be reached. Try again.</p></main>',
        'text/html',
      );
    }
    const result = ok ? challengeResultOf(answer) : undefined;
    const main = answer.querySelector('main')?.innerHTML ?? '';
    frame?.postMessage({ type: PAGE_MESSAGE, channel, main }, '*');
    if (result) {
      window.removeEventListener('message', onMessage);
      URL.revokeObjectURL(blobUrl);
      window.postMessage(result, window.location.origin);
    }
  };
  window.addEventListener('message', onMessage);
  return blobUrl;
}

/** The result the sandbox's answer page posts to its parent (`postMessage({ origin: 'CHALLENGE', … }, '*')`). */
function challengeResultOf(answer: Document): z.infer<typeof ChallengeResultSchema> | undefined {
  for (const script of Array.from(answer.querySelectorAll('script'))) {
    const json = /postMessage\((\{.*\})\s*,\s*'\*'\)/s.exec(script.textContent ?? '')?.[1];
    if (!json) continue;
    try {
      const result = ChallengeResultSchema.safeParse(JSON.parse(json));
      if (result.success) return result.data;
    } catch {
      // not the result's JSON
    }
  }
  return undefined;
}

function unsupported(method: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new Error(
        `createSandboxWebSdk: ${method} is not available in the sandbox stand-in for Yuno's Web SDK; it supports ` +
          'apiClientPayment, apiClientEnroll and executeFraudCheck (use the real SDK for rendered checkouts)',
      ),
    );
}
