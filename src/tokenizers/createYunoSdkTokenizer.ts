import type { SecureFieldsArgs, YunoInstance } from '@yuno-payments/sdk-web-types';
import * as z from 'zod/mini';
import type { BrowserInfo } from '../core/schemas/token';
import { YunoError } from '../core/YunoError';
import {
  environmentOfKey,
  isYunoSdkVersion,
  loadYunoWebSdk,
  YUNO_SDK_VERSION,
  yunoSdkInstance,
  type YunoSdkEnvironment,
  type YunoSdkLoader,
  type YunoSdkLoadOptions,
} from './loadYunoSdk';
import { collectBrowserInfo } from './collectBrowserInfo';
import { parseOneTimeToken } from './parseOneTimeToken';
import { bindSecureField, failureOf, selectorOf, toYunoFieldOptions, type FieldBinding } from './secureFieldAdapters';
import type { SecureFieldName, SecureFieldOptions, SecureFieldsContext, SecureFieldsSession } from './secureFields';
import { fraudCheckOf, runFraudCheck, type DeviceFingerprints } from './runFraudCheck';
import { toNextAction, type YunoApiClientPaymentContinue } from './continuePaymentAction';
import { toCardDetail } from './toCardDetail';
import { toSdkError } from './toSdkError';
import type { EnrollResult, ShopperDetails, TokenizeInput, TokenizerContext, YunoTokenizer } from './types';
import { untilAborted } from './untilAborted';

export type { YunoSdkEnvironment, YunoSdkLoader, YunoSdkLoadOptions } from './loadYunoSdk';
export { YUNO_SDK_VERSION, yunoSdkScriptUrl } from './loadYunoSdk';

/**
 * Options of {@link createYunoSdkTokenizer}.
 *
 * @example
 * ```ts
 * const options: YunoSdkTokenizerOptions = { publicApiKey: 'sandbox_gAAAA…', version: 'v1.11', integrity: 'sha384-…' };
 * ```
 */
export interface YunoSdkTokenizerOptions {
  /** Public API key from Yuno's Dashboard (Developers → Credentials). Its prefix selects the environment. */
  publicApiKey: string;
  /**
   * Which build of the SDK to load. One page holds one SDK script, so tokenizers of one page should agree on it.
   * @default from the key's prefix: `sandbox_` → 'sandbox', `prod_` → 'prod' (also `dev_`, `staging_`)
   */
  env?: YunoSdkEnvironment;
  /** SDK 1.x version path, such as `v1.10` or `v1.11.2`. @default {@link YUNO_SDK_VERSION} (`v1.11`) */
  version?: string;
  /**
   * Subresource Integrity hash of the script at that version (`sha384-…`, as Yuno publishes it): the browser then runs
   * the script only if it matches. Set it with a pinned `version`. @default none
   */
  integrity?: string;
  /**
   * Loads the SDK global. Give one to load the SDK your own way, or the sandbox's stand-in:
   * `loadSdk: async () => createSandboxWebSdk({ baseUrl })`. Loads and instances are shared per loader function, so
   * pass a stable one (defined once at module level, not inline in a component).
   * @default a script tag for `https://sdk-web{.env}.y.uno/{version}/main.js`, one per page, added on first use
   */
  loadSdk?: YunoSdkLoader;
}

/**
 * A tokenizer on Yuno's Web SDK (headless API): card details go from the shopper's browser straight to Yuno with the
 * public key, so they never reach the merchant's server. Nothing happens at import or construction, which makes it
 * safe to create during server rendering. The SDK is loaded on the first `prepare`, `createToken`, `enroll`,
 * `getThreeDSecureChallengeUrl` or `getContinuePaymentAction`, and one load and one `initialize(publicApiKey)` are shared by every tokenizer with the
 * same loader and key in the page (React StrictMode double mounts, several providers). `prepare` runs Yuno's fraud
 * check once per checkout session, and the device fingerprint it yields goes with the session's later tokens
 * (`payment_method.device_fingerprint`). Failures of the SDK become a `YunoError` of kind `sdk` whose message holds no
 * card data; a token of an unexpected shape is a `YunoError` of kind `invalid_response`. Card details are used for the
 * call and not kept.
 *
 * `secureFields(context)` gives card fields in the SDK's iframes instead (Yuno's Secure Fields, 1.x):
 * `yuno.secureFields({ countryCode, checkoutSession | customerSession, installmentEnable, language, deviceFingerprints })`;
 * `create(name, options)` is Yuno's `create({ name, options })`, a field's `mount(element)` its `render('#id')` (the
 * element is given an id when it has none); the session's `createToken` is `generateTokenWithInformation({
 * cardHolderName, saveCard, vaultedToken, installment, customer })` (the checkout session only on `secureFields`, as
 * Yuno asks), its `enroll` (a customer session) `generateVaultedToken({ cardHolderName, customer })`, `unmount` the
 * fields' `unmountSync()`. 1.x cannot move fields to another session: `updateCheckoutSession` makes them again in the
 * same elements, and the shopper types the card again.
 *
 * @see https://docs.y.uno/docs/headless-sdk-payment
 * @see https://docs.y.uno/docs/sdks/customization/secure-fields/payment-secure-fields
 * @example
 * ```tsx
 * import { YunoProvider, createYunoSdkTokenizer } from 'yuno-react';
 *
 * const tokenizer = createYunoSdkTokenizer({ publicApiKey: process.env.NEXT_PUBLIC_YUNO_PUBLIC_API_KEY! });
 *
 * <YunoProvider checkoutSession={checkoutSession} countryCode="CO" tokenizer={tokenizer}>
 *   <Checkout />
 * </YunoProvider>;
 * ```
 */
export function createYunoSdkTokenizer(options: YunoSdkTokenizerOptions): YunoTokenizer {
  const { publicApiKey } = options;
  if (typeof publicApiKey !== 'string' || publicApiKey.trim() === '') {
    throw new Error("createYunoSdkTokenizer: publicApiKey is required (the public API key from Yuno's Dashboard)");
  }
  const env = options.env ?? environmentOfKey(publicApiKey);
  if (env === undefined && options.loadSdk === undefined) {
    throw new Error(
      'createYunoSdkTokenizer: cannot tell the Yuno environment from the public API key (expected a sandbox_, prod_, ' +
        "dev_ or staging_ prefix); pass env, e.g. env: 'sandbox'",
    );
  }
  const version = options.version ?? YUNO_SDK_VERSION;
  if (typeof version !== 'string' || !isYunoSdkVersion(version)) {
    throw new Error(
      `createYunoSdkTokenizer: version must be an SDK version path such as '${YUNO_SDK_VERSION}', not ${JSON.stringify(version)}`,
    );
  }
  const integrity = options.integrity;
  if (integrity !== undefined && !/^sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(integrity)) {
    throw new Error("createYunoSdkTokenizer: integrity must be a Subresource Integrity hash such as 'sha384-…'");
  }
  const loader = options.loadSdk ?? loadYunoWebSdk;
  const loadOptions: YunoSdkLoadOptions = { env, version, integrity };
  const instance = () => yunoSdkInstance(loader, loadOptions, publicApiKey);

  const tokenizer: YunoTokenizer = {
    kind: 'sdk',
    supportsOneHop: false,

    async prepare({ checkoutSession }) {
      await runFraudCheck(await instance(), checkoutSession);
    },

    async createToken(input: TokenizeInput, context: TokenizerContext) {
      const { signal } = context;
      const yuno = await untilAborted(instance(), signal);
      // Only a fraud check that `prepare` started is waited for: the Pay click does not start one.
      const fingerprints = await untilAborted(fraudCheckOf(yuno, context.checkoutSession), signal);
      let raw: unknown;
      try {
        const api = await untilAborted(
          yuno.apiClientPayment({ country_code: context.countryCode, checkout_session: context.checkoutSession }),
          signal,
        );
        raw = await untilAborted(api.generateToken(generateTokenArgs(input, context, fingerprints)), signal);
      } catch (error) {
        throw toSdkError(error, 'create a one-time token', [
          input.card?.number,
          input.card?.securityCode,
          input.securityCode,
        ]);
      }
      return parseOneTimeToken(raw, "Yuno's Web SDK generateToken");
    },

    async enroll(input, context) {
      const { signal } = context;
      const yuno = await untilAborted(instance(), signal);
      let raw: unknown;
      try {
        const api = await untilAborted(
          yuno.apiClientEnroll({ customer_session: context.customerSession, country_code: context.countryCode }),
          signal,
        );
        raw = await untilAborted(
          api.continueEnrollment({
            customer_session: context.customerSession,
            payment_method: {
              type: input.type,
              card: { detail: toCardDetail(input.card) },
              // The SDK's type omits browser_info, which Yuno's API takes on the customer.
              customer: { ...input.customer, browser_info: context.browserInfo } as SdkCustomer,
            },
          }),
          signal,
        );
      } catch (error) {
        throw toSdkError(error, 'save the card', [input.card.number, input.card.securityCode]);
      }
      return parseEnrollResult(raw);
    },

    async secureFields(context) {
      const yuno = await instance();
      return createSecureFieldsSession(yuno, context);
    },

    async getThreeDSecureChallengeUrl({ checkoutSession, countryCode }) {
      const yuno = await instance();
      let raw: unknown;
      try {
        const api = await yuno.apiClientPayment({ country_code: countryCode, checkout_session: checkoutSession });
        raw = await api.getThreeDSecureChallenge(checkoutSession);
      } catch (error) {
        throw toSdkError(error, 'get the 3DS challenge');
      }
      const result = ChallengeSchema.safeParse(raw);
      if (!result.success) {
        throw new YunoError({
          kind: 'invalid_response',
          message: "Yuno's Web SDK getThreeDSecureChallenge gave no challenge URL",
          issues: [{ path: 'url', message: 'expected a URL' }],
        });
      }
      // Yuno answers a null url when the payment needs no challenge (frictionless): the payment goes on by itself.
      return result.data.url;
    },

    async getContinuePaymentAction({ checkoutSession, countryCode, signal }) {
      const yuno = await untilAborted(instance(), signal);
      let raw: unknown;
      try {
        // The SDK's published type lacks getContinuePaymentAction, which Yuno documents on the same client.
        const api = (await untilAborted(
          yuno.apiClientPayment({ country_code: countryCode, checkout_session: checkoutSession }),
          signal,
        )) as ApiClientPaymentReturn & Partial<YunoApiClientPaymentContinue>;
        if (typeof api.getContinuePaymentAction !== 'function') {
          throw new Error('this build of the SDK has no apiClientPayment.getContinuePaymentAction');
        }
        raw = await untilAborted(api.getContinuePaymentAction({ checkoutSession }), signal);
      } catch (error) {
        throw toSdkError(error, 'get the next payment action');
      }
      return toNextAction(raw);
    },
  };
  return Object.freeze(tokenizer);
}

type ApiClientPaymentReturn = Awaited<ReturnType<YunoInstance['apiClientPayment']>>;
type GenerateTokenArgs = Parameters<ApiClientPaymentReturn['generateToken']>[0];
type SdkPaymentMethod = GenerateTokenArgs['payment_method'];
type SdkCustomer = NonNullable<SdkPaymentMethod['customer']>;
type SdkCard = NonNullable<SdkPaymentMethod['card']>;

/** Yuno's customer fields as its API takes them, which the SDK passes on (its own type knows fewer). */
type TokenCustomer = ShopperDetails & { browser_info: BrowserInfo };

function generateTokenArgs(
  input: TokenizeInput,
  context: TokenizerContext,
  fingerprints: DeviceFingerprints,
): GenerateTokenArgs {
  const securityCode = input.securityCode ?? input.card?.securityCode;
  let card: SdkCard | undefined;
  if (input.vaultedToken) {
    // A saved card needs only its CVV (when the session asks for one); the number is never sent again.
    if (securityCode !== undefined || input.installment !== undefined) {
      card = {
        ...(securityCode !== undefined ? { detail: { security_code: securityCode } } : {}),
        ...(input.installment !== undefined ? { installment: input.installment } : {}),
      };
    }
  } else if (input.card) {
    card = {
      save: input.saveCard ?? false,
      detail: toCardDetail(input.card),
      ...(input.installment !== undefined ? { installment: input.installment } : {}),
    };
  }

  const customer: TokenCustomer = { ...input.customer, browser_info: context.browserInfo };
  // Yuno's headless generateToken takes one fingerprint, as a string on the payment method
  // (`payment_method.device_fingerprint`, https://docs.y.uno/docs/sdks/headless-web/payment), and keeps it on the
  // token as `customer.device_fingerprint`. It is the session id of the first provider that answered the fraud check:
  // the order executeFraudCheck gives, which follows the fraud providers of the account's routing. When several
  // providers answered, the others' session ids are not sent: the headless call has no place for a list.
  const deviceFingerprint = fingerprints[0]?.id;

  return {
    checkout_session: context.checkoutSession,
    payment_method: {
      type: input.type,
      vaulted_token: input.vaultedToken ?? null,
      ...(card !== undefined ? { card } : {}),
      // Yuno's API takes browser_info on the customer; the SDK's type omits it.
      customer: customer as unknown as SdkCustomer,
      ...(deviceFingerprint !== undefined ? { device_fingerprint: deviceFingerprint } : {}),
    },
  };
}

const ChallengeSchema = z.looseObject({ url: z.nullable(z.string().check(z.minLength(1))) });

const EnrollResultSchema = z.looseObject({
  vaulted_token: z.string().check(z.minLength(1)),
  status: z.string(),
});

function parseEnrollResult(value: unknown): EnrollResult {
  const result = EnrollResultSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    throw new YunoError({
      kind: 'invalid_response',
      message: `Yuno's Web SDK continueEnrollment gave an unexpected result (${issues.map((i) => i.path).join(', ')})`,
      issues,
    });
  }
  return { vaultedToken: result.data.vaulted_token, status: result.data.status };
}

type SdkSecureFields = Awaited<ReturnType<YunoInstance['secureFields']>>;
type SdkSecureField = ReturnType<SdkSecureFields['create']>;
type SdkGenerateTokenArgs = Parameters<SdkSecureFields['generateTokenWithInformation']>[0];
type SdkGenerateVaultedTokenArgs = Parameters<SdkSecureFields['generateVaultedToken']>[0];
type SdkTokenCustomer = NonNullable<SdkGenerateTokenArgs['customer']>;

/**
 * What 1.x's `yuno.secureFields({...})` takes: the published `SecureFieldsArgs` and, as Yuno documents them on it,
 * `language` and `deviceFingerprints` (the published type lacks both).
 */
type SdkSecureFieldsArgs = SecureFieldsArgs & {
  language?: string;
  deviceFingerprints?: Array<{ provider_id: string; session_id: string }>;
};

/**
 * The 1.x Secure Fields session: `yuno.secureFields({ countryCode, checkoutSession | customerSession,
 * installmentEnable, language, deviceFingerprints })`, whose fields are rendered into the page's elements and whose
 * `generateTokenWithInformation` / `generateVaultedToken` tokenize what they hold. 1.x cannot move its fields to
 * another session: `updateCheckoutSession` makes them again on the new one, in the same elements, and the shopper
 * types the card again.
 */
async function createSecureFieldsSession(
  yuno: YunoInstance,
  context: SecureFieldsContext,
): Promise<SecureFieldsSession> {
  const customerSession = nonEmpty(context?.customerSession);
  let checkoutSession = nonEmpty(context?.checkoutSession);
  if ((checkoutSession === undefined) === (customerSession === undefined)) {
    throw new YunoError({
      kind: 'sdk',
      message: 'Card fields need exactly one of checkoutSession (a payment) or customerSession (saving a card)',
    });
  }
  if (typeof yuno?.secureFields !== 'function') {
    throw new YunoError({
      kind: 'sdk',
      message: "This build of Yuno's Web SDK has no Secure Fields (yuno.secureFields): card fields cannot be shown",
    });
  }
  const bindings: Array<FieldBinding<SdkSecureField>> = [];
  /** Why making the fields on a new session failed, until it is tried again. */
  let failure: YunoError | null = null;
  let removed = false;
  const render = (field: SdkSecureField, selector: string) => field.render(selector);

  /** Yuno's fraud check of a payment session (started here if `prepare` did not), waited for a few seconds at most. */
  const fingerprintsOf = async (session: string | undefined): Promise<DeviceFingerprints> => {
    if (session === undefined) return [];
    void runFraudCheck(yuno, session);
    return fraudCheckOf(yuno, session);
  };

  const open = async (session: string | undefined, fingerprints: DeviceFingerprints): Promise<SdkSecureFields> => {
    const args: SdkSecureFieldsArgs = {
      countryCode: context.countryCode,
      // Yuno: the checkout session goes here only, never to generateTokenWithInformation (that breaks its retry).
      ...(session !== undefined ? { checkoutSession: session } : { customerSession: customerSession! }),
      installmentEnable: context.installments === true,
      ...(context.language !== undefined ? { language: context.language } : {}),
      ...(fingerprints.length > 0
        ? { deviceFingerprints: fingerprints.map((f) => ({ provider_id: f.provider_id, session_id: f.id })) }
        : {}),
    };
    let instance: SdkSecureFields;
    try {
      instance = await yuno.secureFields(args);
    } catch (error) {
      throw toSdkError(error, 'set up the card fields');
    }
    if (typeof instance?.create !== 'function') {
      throw new YunoError({ kind: 'sdk', message: "Yuno's Web SDK gave Secure Fields without create" });
    }
    return instance;
  };

  let fingerprints = await fingerprintsOf(checkoutSession);
  let sf = await open(checkoutSession, fingerprints);
  /** A re-creation on a new session under way; tokenizing waits for it. */
  let ready: Promise<void> = Promise.resolve();

  const createField = (instance: SdkSecureFields, name: SecureFieldName, options: SecureFieldOptions | undefined) => {
    try {
      return instance.create({ name, options: toYunoFieldOptions(name, options) as SdkCreateOptions });
    } catch (error) {
      throw toSdkError(error, `create the ${name} card field`);
    }
  };

  const whenReady = async () => {
    if (removed) throw new YunoError({ kind: 'sdk', message: 'The card fields were unmounted' });
    await ready;
    const kept = failure ?? failureOf(bindings);
    if (kept !== null) throw kept;
    return sf;
  };

  const session: SecureFieldsSession = {
    create(name, options) {
      const binding: FieldBinding<SdkSecureField> = {
        name,
        options,
        field: createField(sf, name, options),
        element: null,
        removed: false,
        failure: null,
      };
      bindings.push(binding);
      return bindSecureField(binding, render);
    },

    async createToken(input, { signal }) {
      if (checkoutSession === undefined) {
        throw new YunoError({
          kind: 'sdk',
          message: 'These card fields were made to save a card (a customer session)',
        });
      }
      const instance = await untilAborted(whenReady(), signal);
      const args: SdkGenerateTokenArgs & { vaultedToken?: string } = {
        cardHolderName: input.holderName ?? '',
        ...(input.saveCard !== undefined ? { saveCard: input.saveCard } : {}),
        ...(input.vaultedToken ? { vaultedToken: input.vaultedToken } : {}),
        ...(input.installment !== undefined ? { installment: input.installment } : {}),
        customer: tokenCustomerOf(input.customer, fingerprints[0]?.id),
      };
      let raw: unknown;
      try {
        raw = await untilAborted(instance.generateTokenWithInformation(args), signal);
      } catch (error) {
        throw toSdkError(error, 'create a one-time token');
      }
      return parseOneTimeToken(raw, "Yuno's Web SDK secureFields.generateTokenWithInformation");
    },

    async enroll(input, { signal }) {
      if (customerSession === undefined) {
        throw new YunoError({
          kind: 'sdk',
          message: 'These card fields were made to pay (a checkout session), not to save',
        });
      }
      const instance = await untilAborted(whenReady(), signal);
      const args: SdkGenerateVaultedTokenArgs = {
        cardHolderName: input.holderName ?? '',
        customer: tokenCustomerOf(input.customer, undefined),
      };
      let vaultedToken: unknown;
      try {
        vaultedToken = await untilAborted(instance.generateVaultedToken(args), signal);
      } catch (error) {
        throw toSdkError(error, 'save the card');
      }
      if (typeof vaultedToken !== 'string' || vaultedToken === '') {
        throw new YunoError({
          kind: 'invalid_response',
          message: "Yuno's Web SDK secureFields.generateVaultedToken gave no vaulted token",
          issues: [{ path: '(root)', message: 'expected a non-empty string' }],
        });
      }
      return { vaultedToken, status: 'ENROLLED' };
    },

    /**
     * 1.x has no way to move Secure Fields to another session: the fields are made again on `next` and rendered into
     * the same elements, so the shopper types the card again.
     */
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
      if (next === checkoutSession || removed) return;
      checkoutSession = next;
      const previous = ready;
      ready = previous
        .catch(() => undefined)
        .then(async () => {
          if (checkoutSession !== next || removed) return;
          const nextFingerprints = await fingerprintsOf(next);
          const instance = await open(next, nextFingerprints);
          if (removed || checkoutSession !== next) {
            instance.unmountSync();
            return;
          }
          try {
            sf.unmountSync();
          } catch {
            // The old fields are gone either way: the new ones replace them.
          }
          sf = instance;
          fingerprints = nextFingerprints;
          failure = null;
          for (const binding of bindings) {
            binding.field = createField(instance, binding.name, binding.options);
            binding.failure = null;
            if (binding.element !== null && !binding.removed) {
              const { field, element } = binding;
              await Promise.resolve()
                .then(() => render(field, selectorOf(element, binding.name)))
                .catch((error: unknown) => {
                  throw toSdkError(error, `show the ${binding.name} card field`);
                });
            }
          }
        });
      ready.catch((error: unknown) => {
        failure = toSdkError(error, 'make the card fields on the new checkout session');
      });
    },

    unmount() {
      if (removed) return;
      removed = true;
      try {
        sf.unmountSync();
      } catch (error) {
        throw toSdkError(error, 'remove the card fields');
      }
    },
  };
  return Object.freeze(session);
}

type SdkCreateOptions = Parameters<SdkSecureFields['create']>[0]['options'];

/**
 * The customer of a Secure Fields token, as the headless path sends it: the shopper's details, `browser_info` (which
 * Yuno's API takes on the customer; the SDK's type omits it) and the session's device fingerprint (`device_fingerprint`,
 * which Secure Fields take on the customer).
 */
function tokenCustomerOf(
  customer: ShopperDetails | undefined,
  deviceFingerprint: string | undefined,
): SdkTokenCustomer {
  return {
    ...customer,
    browser_info: collectBrowserInfo(),
    ...(deviceFingerprint !== undefined ? { device_fingerprint: deviceFingerprint } : {}),
  } as unknown as SdkTokenCustomer;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
