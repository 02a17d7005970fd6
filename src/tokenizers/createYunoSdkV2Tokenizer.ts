import type { OneTimeToken } from '../core/schemas/token';
import { isTerminalPaymentStatus } from '../core/schemas/payment';
import { YunoError } from '../core/YunoError';
import { loadYunoSdkV2, yunoSdkV2Instance, type YunoSdkV2Loader } from './loadYunoSdkV2';
import { parseOneTimeToken } from './parseOneTimeToken';
import { toSdkError } from './toSdkError';
import { bindSecureField, failureOf, toYunoFieldOptions, type FieldBinding } from './secureFieldAdapters';
import type { SecureFieldsContext, SecureFieldsPayInput, SecureFieldsSession } from './secureFields';
import type {
  CardInput,
  PayContext,
  PayResult,
  PayStatus,
  ShopperDetails,
  TokenizeInput,
  TokenizerEnrollResult,
  YunoTokenizer,
} from './types';
import { untilAborted } from './untilAborted';
import type {
  YunoSdkV2Address,
  YunoSdkV2Customer,
  YunoSdkV2Instance,
  YunoSdkV2OneTimeToken,
  YunoSdkV2PaymentMethodSelected,
  YunoSdkV2SecureField,
  YunoSdkV2SecureFields,
  YunoSdkV2StatusResult,
  YunoSdkV2Transaction,
  YunoSdkV2TransactionConfig,
  YunoSdkV2TransactionData,
} from './yunoSdkV2';

/**
 * Options of {@link createYunoSdkV2Tokenizer}.
 *
 * @example
 * ```ts
 * const options: YunoSdkV2TokenizerOptions = {
 *   publicApiKey: 'sandbox_gAAAA…',
 *   integrity: 'sha384-…', // Yuno's versions-sri.json entry of the pinned release
 * };
 * ```
 */
export interface YunoSdkV2TokenizerOptions {
  /** Public API key from Yuno's Dashboard (Developers → Credentials). Its prefix selects the environment. */
  publicApiKey: string;
  /** The script to load. @default YUNO_SDK_V2_SCRIPT_URL (`https://sdk-web.y.uno/v2.2.0/main.js`) */
  scriptUrl?: string;
  /** SRI hash of the script at `scriptUrl` (`sha384-…`); sets `integrity` and `crossOrigin='anonymous'` on its tag. */
  integrity?: string;
  /**
   * Loads the SDK global your own way, or the sandbox's stand-in: `loadSdk: async () => createSandboxWebSdk({ baseUrl })`.
   * Loads and instances are shared per loader function, so pass a stable one. Replaces `scriptUrl` and `integrity`.
   * @default loadYunoSdkV2({ scriptUrl, integrity })
   */
  loadSdk?: YunoSdkV2Loader;
  /** Language of the SDK's views (3-D Secure). @default the browser's */
  language?: string;
  /** Where the SDK renders what the shopper must see (a 3DS challenge, a PIX code). @default the SDK's own container */
  elementSelector?: string;
  /**
   * Finds the vaulted token of the card an enrollment just saved: Yuno's 2.x SDK reports only the enrollment's status,
   * so the token comes from your server (its list of the customer's payment methods). Without it, `enroll` gives
   * `vaultedToken: null` and `useEnrollment` finds the new card in the checkout's payment methods.
   */
  findVaultedToken?: (customerSession: string) => Promise<string>;
}

// One default loader per script URL and hash, so that tokenizers with the same options share one load and instance.
const defaultLoaders = new Map<string, YunoSdkV2Loader>();

function defaultLoader(scriptUrl: string | undefined, integrity: string | undefined): YunoSdkV2Loader {
  const key = `${scriptUrl ?? ''}|${integrity ?? ''}`;
  let loader = defaultLoaders.get(key);
  if (loader === undefined) {
    loader = () => loadYunoSdkV2({ scriptUrl, integrity });
    defaultLoaders.set(key, loader);
  }
  return loader;
}

/**
 * A tokenizer on Yuno's Web SDK 2.x (`SdkPayments.initialize(publicApiKey)`, then `sdk.transaction({...})` and
 * headless `transaction.start({ paymentMethod })`): card details go from the shopper's browser straight to Yuno with
 * the public key. It works in Yuno's manual mode, the one checkout sessions of the default workflow (`SDK_CHECKOUT`)
 * require: the SDK hands the one-time token (with its own `checkout_session`) to a `createPayment` controller, and the
 * merchant's server creates the payment.
 *
 * - `pay(input, context)` is the whole 2.x flow: the controller calls `context.createPayment(token)` (your route's
 *   `POST /payments`), then the SDK runs 3-D Secure itself and reports through `onStatus`, mapped to the checkout's
 *   statuses (`succeeded`, `declined`, `processing`, `failed`, `idle` on `USER_CANCEL`, `error` on `INTERNAL_ERROR`).
 * - `createToken(input, context)` serves callers that create the payment themselves after tokenizing (the hooks of
 *   this library): the transaction runs with `autoContinuePayment: false`, the controller resolves at once with the
 *   token, and the SDK stops there. 2.x cannot continue a payment created outside `start`, so this path runs no 3DS
 *   challenge (there is no `getThreeDSecureChallengeUrl` in 2.x): use `pay`, or the 1.x driver, for 3DS cards.
 * - `enroll` runs a transaction on the customer session.
 * - `secureFields(context)` gives card fields in the SDK's iframes (Yuno's Secure Fields): one long-lived
 *   `sdk.transaction({ checkoutSession | customerSession, countryCode, language, createPayment, onStatus })` and its
 *   `transaction.secureFields({ installmentEnable })`. `create(name, options)` is Yuno's `create({ name, options })`
 *   and a field's `mount(element)` is Yuno's `mount('#id')` (the element is given an id when it has none). The
 *   session's `pay` is one `transaction.start({ paymentMethod: { type, vaultedToken?, data: { card: { holderName },
 *   installment?, customer?, vaultOnSuccess? } } })` in manual mode, as `pay` above, and refuses a second call while
 *   one is in flight (Yuno's `start` throws then); after a decline Yuno rotates the session into the fields and the
 *   next `pay` tokenizes on it (the token says which). `enroll` (a customer session) is a `start` reporting
 *   `ENROLLED`; `updateCheckoutSession` is `transaction.updateCheckoutSession`; `unmount` is the fields'
 *   `unmountSync()` and `transaction.unmount()`. There is no `createToken`: 2.x tokenizes only inside `start`.
 *
 * Nothing happens at import or construction (safe during server rendering); the SDK is loaded on first use, and one
 * load and one `initialize` are shared per loader and key. An instance without `transaction` (Yuno's 1.x, which sets
 * `window.SdkPayments` too) is refused. Failures are `YunoError`s of kind `sdk` without card data.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/controllers/create-payment
 * @see https://docs.y.uno/docs/yuno-sdk/migration/web-headless
 * @see https://docs.y.uno/docs/yuno-sdk/features/secure-fields
 * @example
 * ```tsx
 * import { YunoProvider, createYunoSdkV2Tokenizer } from 'yuno-react';
 *
 * const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey: process.env.NEXT_PUBLIC_YUNO_PUBLIC_API_KEY! });
 *
 * <YunoProvider checkoutSession={checkoutSession} countryCode="CO" tokenizer={tokenizer}>
 *   <Checkout />
 * </YunoProvider>;
 * ```
 */
export function createYunoSdkV2Tokenizer(options: YunoSdkV2TokenizerOptions): YunoTokenizer {
  const { publicApiKey, findVaultedToken } = options;
  if (typeof publicApiKey !== 'string' || publicApiKey.trim() === '') {
    throw new Error("createYunoSdkV2Tokenizer: publicApiKey is required (the public API key from Yuno's Dashboard)");
  }
  if (options.loadSdk !== undefined && (options.scriptUrl !== undefined || options.integrity !== undefined)) {
    throw new Error('createYunoSdkV2Tokenizer: pass either loadSdk or scriptUrl/integrity, not both');
  }
  const loader = options.loadSdk ?? defaultLoader(options.scriptUrl, options.integrity);
  const instance = () => yunoSdkV2Instance(loader, publicApiKey);
  const view = {
    ...(options.language !== undefined ? { language: options.language } : {}),
    ...(options.elementSelector !== undefined ? { elementSelector: options.elementSelector } : {}),
  };

  const tokenizer: YunoTokenizer = {
    kind: 'sdk',
    supportsOneHop: false,

    async prepare() {
      await instance();
    },

    async createToken(input, context) {
      const { signal } = context;
      const sdk = await untilAborted(instance(), signal);
      const secrets = secretsOf(input);
      const token = await untilAborted(
        new Promise<YunoSdkV2OneTimeToken>((resolve, reject) => {
          let delivered = false;
          const transaction = sdk.transaction({
            checkoutSession: context.checkoutSession,
            countryCode: context.countryCode,
            ...view,
            // The caller creates the payment itself, after this resolves; the SDK stops once the controller resolves.
            autoContinuePayment: false,
            createPayment: async (value) => {
              delivered = true;
              resolve(value);
            },
            onStatus: (result) => {
              if (!delivered) reject(statusError(result, 'create a one-time token', secrets));
            },
          });
          transaction.start({ paymentMethod: paymentMethodOf(input) }).then(
            () => {
              if (!delivered) {
                reject(new YunoError({ kind: 'sdk', message: "Yuno's Web SDK ended the transaction without a token" }));
              }
            },
            (error: unknown) => reject(toSdkError(error, 'create a one-time token', secrets)),
          );
        }).catch((error: unknown) => {
          throw toSdkError(error, 'create a one-time token', secrets);
        }),
        signal,
      );
      return oneTimeTokenOf(token);
    },

    async pay(input, context) {
      const { signal } = context;
      const sdk = await untilAborted(instance(), signal);
      const secrets = secretsOf(input);
      return untilAborted(
        runPayment(context, secrets, (controllers) =>
          sdk
            .transaction({
              checkoutSession: context.checkoutSession,
              countryCode: context.countryCode,
              ...view,
              ...controllers,
            })
            .start({ paymentMethod: paymentMethodOf(input) }),
        ),
        signal,
      );
    },

    async secureFields(context) {
      const sdk = await instance();
      return createSecureFieldsSession(sdk, context, view, findVaultedToken);
    },

    async enroll(input, context): Promise<TokenizerEnrollResult> {
      const { signal } = context;
      const sdk = await untilAborted(instance(), signal);
      const secrets = [input.card.number, input.card.securityCode];
      const status = await untilAborted(
        new Promise<string>((resolve, reject) => {
          let settled = false;
          const transaction = sdk.transaction({
            customerSession: context.customerSession,
            countryCode: context.countryCode,
            ...view,
            onStatus: (result) => {
              settled = true;
              if (result.status === 'ENROLLED') resolve(result.status);
              else reject(statusError(result, 'save the card', secrets));
            },
          });
          transaction
            .start({
              paymentMethod: {
                type: input.type,
                data: {
                  card: cardDataOf(input.card),
                  ...(input.customer ? { customer: customerOf(input.customer) } : {}),
                },
              },
            })
            .then(
              () => {
                if (!settled) {
                  reject(
                    new YunoError({
                      kind: 'sdk',
                      message: "Yuno's Web SDK ended the enrollment without a status",
                    }),
                  );
                }
              },
              (error: unknown) => reject(toSdkError(error, 'save the card', secrets)),
            );
        }).catch((error: unknown) => {
          throw toSdkError(error, 'save the card', secrets);
        }),
        signal,
      );
      return enrollResultOf(status, context.customerSession, findVaultedToken, signal);
    },
  };
  return Object.freeze(tokenizer);
}

/**
 * 2.x says only that the card was saved: its token comes from `findVaultedToken`, or `useEnrollment` finds it in the
 * checkout's payment methods.
 */
async function enrollResultOf(
  status: string,
  customerSession: string,
  findVaultedToken: YunoSdkV2TokenizerOptions['findVaultedToken'],
  signal: AbortSignal | undefined,
): Promise<TokenizerEnrollResult> {
  if (findVaultedToken === undefined) return { vaultedToken: null, status };
  const vaultedToken = await untilAborted(findVaultedToken(customerSession), signal);
  if (typeof vaultedToken !== 'string' || vaultedToken === '') {
    throw new YunoError({
      kind: 'invalid_response',
      message: 'findVaultedToken gave no vaulted token for the enrolled card',
      issues: [{ path: 'vaultedToken', message: 'expected a non-empty string' }],
    });
  }
  return { vaultedToken, status };
}

/** The controllers of a payment transaction (manual mode), as {@link runPayment} hands them to the transaction. */
interface PaymentControllers {
  createPayment: NonNullable<YunoSdkV2TransactionConfig['createPayment']>;
  onStatus: NonNullable<YunoSdkV2TransactionConfig['onStatus']>;
}

/**
 * One payment in manual mode: `start` runs the transaction with the given controllers; `createPayment` hands the token
 * to `context.createPayment` with the session read from the token (Yuno: 2.x rotates it after a decline), and the
 * outcome is what `onStatus` reports. A rejection of the merchant's `createPayment` is passed on as it is.
 */
function runPayment(
  context: PayContext,
  secrets: ReadonlyArray<string | undefined>,
  start: (controllers: PaymentControllers) => Promise<void>,
): Promise<PayResult> {
  return new Promise<PayResult>((resolve, reject) => {
    let merchantError: { error: unknown } | undefined;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const controllers: PaymentControllers = {
      createPayment: async (value) => {
        try {
          const tokenSession = typeof value?.checkout_session === 'string' ? value.checkout_session : '';
          await context.createPayment(oneTimeTokenOf(value), {
            checkoutSession: tokenSession !== '' ? tokenSession : context.checkoutSession,
          });
        } catch (error) {
          // The SDK stops without onStatus; the merchant's own error is what the caller needs.
          merchantError = { error };
          settle(() => reject(error));
          throw error;
        }
      },
      onStatus: (result) => settle(() => resolve(payResultOf(result, secrets))),
    };
    let started: Promise<void>;
    try {
      started = Promise.resolve(start(controllers));
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      () => {
        if (merchantError !== undefined) return;
        settle(() =>
          reject(new YunoError({ kind: 'sdk', message: "Yuno's Web SDK ended the payment without a status" })),
        );
      },
      (error: unknown) => settle(() => reject(toSdkError(error, 'run the payment', secrets))),
    );
  });
}

/**
 * The 2.x Secure Fields session: one long-lived transaction on the context's session, whose `createPayment` and
 * `onStatus` are routed to the call in flight (`pay` or `enroll`; one at a time, as Yuno's `start` allows).
 */
async function createSecureFieldsSession(
  sdk: YunoSdkV2Instance,
  context: SecureFieldsContext,
  view: { language?: string; elementSelector?: string },
  findVaultedToken: YunoSdkV2TokenizerOptions['findVaultedToken'],
): Promise<SecureFieldsSession> {
  const checkoutSession = nonEmpty(context?.checkoutSession);
  const customerSession = nonEmpty(context?.customerSession);
  if ((checkoutSession === undefined) === (customerSession === undefined)) {
    throw new YunoError({
      kind: 'sdk',
      message: 'Card fields need exactly one of checkoutSession (a payment) or customerSession (saving a card)',
    });
  }
  let routes: Partial<PaymentControllers> | null = null;
  let inFlight = false;
  let running: Promise<void> | null = null;
  /** The session the transaction tokenizes on, as far as this session knows (a token tells the SDK's rotations). */
  let knownSession = checkoutSession;
  let pending: Promise<unknown> = Promise.resolve();
  const bindings: Array<FieldBinding<YunoSdkV2SecureField>> = [];
  let removed = false;

  let transaction: YunoSdkV2Transaction;
  let fields: YunoSdkV2SecureFields;
  try {
    transaction = sdk.transaction({
      ...(checkoutSession !== undefined ? { checkoutSession } : { customerSession: customerSession! }),
      countryCode: context.countryCode,
      ...view,
      ...(context.language !== undefined ? { language: context.language } : {}),
      // Yuno does not call createPayment in an enrollment.
      ...(checkoutSession !== undefined
        ? {
            createPayment: async (token: YunoSdkV2OneTimeToken) => {
              const route = routes?.createPayment;
              if (route === undefined) throw new Error('no payment of the card fields is under way');
              await route(token);
            },
          }
        : {}),
      onStatus: (result) => routes?.onStatus?.(result),
    });
  } catch (error) {
    throw toSdkError(error, 'set up the card fields');
  }
  if (typeof transaction?.secureFields !== 'function') {
    throw new YunoError({
      kind: 'sdk',
      message:
        "This build of Yuno's Web SDK has no Secure Fields (transaction.secureFields): card fields cannot be shown",
    });
  }
  try {
    fields = await transaction.secureFields({ installmentEnable: context.installments === true });
  } catch (error) {
    throw toSdkError(error, 'set up the card fields');
  }
  if (typeof fields?.create !== 'function') {
    throw new YunoError({ kind: 'sdk', message: "Yuno's Web SDK gave Secure Fields without create" });
  }

  /** Runs one `start` with its routes; a second call while one is in flight is refused, as Yuno's `start` throws. */
  async function exclusive<T>(action: string, run: () => Promise<T>): Promise<T> {
    if (removed) throw new YunoError({ kind: 'sdk', message: `Cannot ${action}: the card fields were unmounted` });
    if (inFlight) {
      throw new YunoError({
        kind: 'sdk',
        message: `Cannot ${action}: a payment or save with these card fields is already under way`,
      });
    }
    inFlight = true;
    try {
      // The previous call is over (its status came) but Yuno's `start` may not have returned yet.
      if (running !== null) await running.catch(() => undefined);
      try {
        await pending;
      } catch (error) {
        throw toSdkError(error, 'point the card fields at the new checkout session');
      }
      const failure = failureOf(bindings);
      if (failure !== null) throw failure;
      return await run();
    } finally {
      inFlight = false;
      if (running === null) routes = null;
    }
  }

  /** `transaction.start`, counted as in flight until it settles (which may be after `onStatus` resolved the call). */
  const start = (selection: { paymentMethod: YunoSdkV2PaymentMethodSelected }): Promise<void> => {
    const started = Promise.resolve().then(() => transaction.start(selection));
    running = started;
    const clear = () => {
      if (running !== started) return;
      running = null;
      if (!inFlight) routes = null;
    };
    started.then(clear, clear);
    return started;
  };

  const updateSession = (next: string) => {
    if (typeof transaction.updateCheckoutSession !== 'function') {
      throw new YunoError({
        kind: 'sdk',
        message: "This build of Yuno's Web SDK has no transaction.updateCheckoutSession",
      });
    }
    knownSession = next;
    // A rejection of Yuno's call is the next payment's failure.
    pending = Promise.resolve(transaction.updateCheckoutSession(next));
    pending.catch(() => undefined);
  };

  const session: SecureFieldsSession = {
    create(name, options) {
      let field;
      try {
        field = fields.create({ name, options: toYunoFieldOptions(name, options) });
      } catch (error) {
        throw toSdkError(error, `create the ${name} card field`);
      }
      const binding: FieldBinding<YunoSdkV2SecureField> = {
        name,
        options,
        field,
        element: null,
        removed: false,
        failure: null,
      };
      bindings.push(binding);
      return bindSecureField(binding, (f, selector) => f.mount(selector));
    },

    pay(input, payContext) {
      const { signal } = payContext;
      if (checkoutSession === undefined) {
        return Promise.reject(
          new YunoError({ kind: 'sdk', message: 'These card fields were made to save a card (a customer session)' }),
        );
      }
      return untilAborted(
        exclusive('pay', async () => {
          // The checkout moved to another session (a retry on a fresh one): the transaction follows it.
          if (nonEmpty(payContext.checkoutSession) && payContext.checkoutSession !== knownSession) {
            updateSession(payContext.checkoutSession);
            try {
              await pending;
            } catch (error) {
              throw toSdkError(error, 'point the card fields at the new checkout session');
            }
          }
          return runPayment(payContext, [], (controllers) => {
            routes = {
              createPayment: async (token) => {
                if (typeof token?.checkout_session === 'string' && token.checkout_session !== '') {
                  knownSession = token.checkout_session;
                }
                await controllers.createPayment(token);
              },
              onStatus: controllers.onStatus,
            };
            return start({ paymentMethod: fieldsMethodOf(input) });
          });
        }),
        signal,
      );
    },

    enroll(input, enrollContext) {
      const { signal } = enrollContext;
      if (customerSession === undefined) {
        return Promise.reject(
          new YunoError({
            kind: 'sdk',
            message: 'These card fields were made to pay (a checkout session), not to save',
          }),
        );
      }
      return untilAborted(
        exclusive('save the card', async () => {
          const status = await new Promise<string>((resolve, reject) => {
            let settled = false;
            routes = {
              onStatus: (result) => {
                if (settled) return;
                settled = true;
                if (result?.status === 'ENROLLED') resolve(result.status);
                else reject(statusError(result, 'save the card', []));
              },
            };
            start({ paymentMethod: fieldsMethodOf(input) }).then(
              () => {
                if (settled) return;
                settled = true;
                reject(new YunoError({ kind: 'sdk', message: "Yuno's Web SDK ended the enrollment without a status" }));
              },
              (error: unknown) => {
                if (settled) return;
                settled = true;
                reject(toSdkError(error, 'save the card'));
              },
            );
          });
          return enrollResultOf(status, customerSession, findVaultedToken, signal);
        }),
        signal,
      );
    },

    updateCheckoutSession(next) {
      if (checkoutSession === undefined) {
        throw new YunoError({
          kind: 'sdk',
          message: 'These card fields were made to save a card (a customer session)',
        });
      }
      if (nonEmpty(next) === undefined) {
        throw new YunoError({ kind: 'sdk', message: 'updateCheckoutSession needs a checkout session' });
      }
      if (next === knownSession) return;
      try {
        updateSession(next);
      } catch (error) {
        throw toSdkError(error, 'point the card fields at the new checkout session');
      }
    },

    unmount() {
      if (removed) return;
      removed = true;
      let error: unknown;
      let failed = false;
      for (const run of [() => fields.unmountSync(), () => transaction.unmount?.()]) {
        try {
          const result = run();
          if (result instanceof Promise) result.catch(() => undefined);
        } catch (caught) {
          if (!failed) error = caught;
          failed = true;
        }
      }
      if (failed) throw toSdkError(error, 'remove the card fields');
    },
  };
  return Object.freeze(session);
}

/**
 * The `start` selection of a payment or save with Secure Fields: the card is in the iframes (Yuno throws when `number`,
 * expiry or `securityCode` come in `data.card`), so `data` holds only the holder's name and what is not card data.
 */
function fieldsMethodOf(input: SecureFieldsPayInput): YunoSdkV2PaymentMethodSelected {
  const data: YunoSdkV2TransactionData = {};
  if (input.holderName !== undefined && input.holderName !== '') data.card = { holderName: input.holderName };
  if (input.installment !== undefined) data.installment = input.installment;
  if (input.customer !== undefined) data.customer = customerOf(input.customer);
  if (input.saveCard !== undefined) data.vaultOnSuccess = input.saveCard;
  return {
    type: input.type,
    ...(input.vaultedToken ? { vaultedToken: input.vaultedToken } : {}),
    data,
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function secretsOf(input: TokenizeInput): Array<string | undefined> {
  return [input.card?.number, input.card?.securityCode, input.securityCode];
}

/** The 2.x `PaymentMethodSelected` of a tokenize input: headless (`data` given) for a card, by type otherwise. */
function paymentMethodOf(input: TokenizeInput): YunoSdkV2PaymentMethodSelected {
  const securityCode = input.securityCode ?? input.card?.securityCode;
  const data: YunoSdkV2TransactionData = {};
  if (input.vaultedToken) {
    // A saved card needs only its CVV (when the session asks for one); the number is never sent again.
    if (securityCode !== undefined) data.card = { securityCode };
  } else if (input.card) {
    data.card = cardDataOf(input.card);
  }
  if (input.saveCard !== undefined) data.vaultOnSuccess = input.saveCard;
  if (input.installment !== undefined) data.installment = input.installment;
  if (input.customer !== undefined) data.customer = customerOf(input.customer);
  return {
    type: input.type,
    ...(input.vaultedToken ? { vaultedToken: input.vaultedToken } : {}),
    // Without data the SDK would render its own form; every input here carries what the flow needs.
    data,
  };
}

function cardDataOf(card: CardInput): NonNullable<YunoSdkV2TransactionData['card']> {
  return {
    number: card.number.replace(/[\s-]/g, ''),
    expirationMonth: card.expirationMonth,
    // The SDK passes the year on verbatim and Yuno takes two digits here: 2030 → 30.
    expirationYear: card.expirationYear % 100,
    ...(card.securityCode !== undefined ? { securityCode: card.securityCode } : {}),
    ...(card.holderName !== undefined ? { holderName: card.holderName } : {}),
    ...(card.type !== undefined ? { type: card.type } : {}),
  };
}

function customerOf(customer: ShopperDetails): YunoSdkV2Customer {
  const result: YunoSdkV2Customer = {};
  if (customer.first_name !== undefined) result.firstName = customer.first_name;
  if (customer.last_name !== undefined) result.lastName = customer.last_name;
  if (customer.email !== undefined) result.email = customer.email;
  if (customer.document !== undefined) {
    result.document = {
      documentNumber: customer.document.document_number,
      documentType: customer.document.document_type,
    };
  }
  if (customer.phone !== undefined) {
    result.phone = {
      number: customer.phone.number,
      ...(customer.phone.country_code !== undefined ? { countryCode: customer.phone.country_code } : {}),
    };
  }
  if (customer.billing_address) result.billingAddress = addressOf(customer.billing_address);
  if (customer.shipping_address) result.shippingAddress = addressOf(customer.shipping_address);
  return result;
}

function addressOf(address: NonNullable<ShopperDetails['billing_address']>): YunoSdkV2Address {
  const entries: Array<[keyof YunoSdkV2Address, string | null | undefined]> = [
    ['addressLine1', address.address_line_1],
    ['addressLine2', address.address_line_2],
    ['city', address.city],
    ['country', address.country],
    ['state', address.state],
    ['zipCode', address.zip_code],
    ['neighborhood', address.neighborhood],
  ];
  const result: YunoSdkV2Address = {};
  for (const [key, value] of entries) if (typeof value === 'string') result[key] = value;
  return result;
}

/** Yuno's token fields of what the controller received, without the SDK's own additions. */
function oneTimeTokenOf(value: YunoSdkV2OneTimeToken): OneTimeToken {
  const { recognitionToken: _recognitionToken, checkout_session: _checkoutSession, ...token } = value ?? {};
  return parseOneTimeToken(token, "Yuno's Web SDK createPayment token");
}

function payStatusOf(status: string): PayStatus {
  switch (status) {
    case 'SUCCEEDED':
    case 'VERIFIED':
      return 'succeeded';
    case 'DECLINED':
    case 'REJECTED':
      return 'declined';
    case 'USER_CANCEL':
      return 'idle';
    case 'INTERNAL_ERROR':
      return 'error';
    default:
      return isTerminalPaymentStatus(status) ? 'failed' : 'processing';
  }
}

function payResultOf(result: YunoSdkV2StatusResult, secrets: ReadonlyArray<string | undefined>): PayResult {
  const yunoStatus = typeof result?.status === 'string' ? result.status : 'INTERNAL_ERROR';
  const status = payStatusOf(yunoStatus);
  return {
    status,
    yunoStatus,
    yunoSubstatus: typeof result?.substatus === 'string' ? result.substatus : null,
    ...(status === 'error' ? { error: statusError(result, 'run the payment', secrets) } : {}),
  };
}

/** A `YunoError` of kind `sdk` for an outcome that is not the one wanted, with Yuno's code when it gave one. */
function statusError(
  result: YunoSdkV2StatusResult,
  action: string,
  secrets: ReadonlyArray<string | undefined>,
): YunoError {
  const message = result?.message ?? null;
  const code = typeof message?.code === 'string' ? message.code : undefined;
  const reason = typeof message?.reason === 'string' ? message.reason : undefined;
  const words = [result?.status, reason].filter((w): w is string => typeof w === 'string' && w !== '').join(': ');
  // toSdkError masks card data in the SDK's words and keeps an upper-case code of Yuno's.
  return toSdkError({ ...(code !== undefined ? { code } : {}), message: words || 'no status' }, action, secrets);
}
