import type { YunoInstance } from '@yuno-payments/sdk-web-types';
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
import { parseOneTimeToken } from './parseOneTimeToken';
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
 * @see https://docs.y.uno/docs/headless-sdk-payment
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
