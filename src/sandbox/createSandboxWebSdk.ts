import type { Yuno, YunoInstance } from '@yuno-payments/sdk-web-types';
import * as z from 'zod/mini';
import { createHttpClient, type HttpClient } from '../core/http';
import { OneTimeTokenSchema } from '../core/schemas/token';

/**
 * Options of {@link createSandboxWebSdk}.
 *
 * @example
 * ```ts
 * const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * ```
 */
export interface SandboxWebSdkOptions {
  /** Origin of a sandbox: a `startYunoSandboxServer` URL, or any origin a sandbox's `fetch` or MSW handlers answer. */
  baseUrl: string;
  /** A fetch implementation, e.g. `sandbox.fetch` to skip HTTP. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

type ApiClientPayment = Awaited<ReturnType<YunoInstance['apiClientPayment']>>;
type ApiClientEnroll = Awaited<ReturnType<YunoInstance['apiClientEnroll']>>;
type SdkOneTimeToken = Awaited<ReturnType<ApiClientPayment['generateToken']>>;
type ContinueEnrollmentResult = Awaited<ReturnType<ApiClientEnroll['continueEnrollment']>>;
type FraudCheckResult = Awaited<ReturnType<YunoInstance['executeFraudCheck']>>;

const ThreeDSecureChallengeSchema = z.looseObject({ url: z.string() });
const ContinueEnrollmentSchema = z.looseObject({
  vaulted_token: z.string(),
  status: z.string(),
  customer: z.looseObject({ session: z.string() }),
});
const FraudCheckSchema = z.looseObject({
  status: z.literal('success'),
  deviceFingerprints: z.array(z.looseObject({ providerId: z.string(), sessionId: z.string() })),
});

/**
 * A stand-in for Yuno's Web SDK global (`Yuno` / `window.SdkPayments`) that tokenizes against a Yuno sandbox, so the
 * headless browser flow runs offline: `initialize(publicApiKey)` gives an instance whose `apiClientPayment` generates
 * one-time tokens and 3DS challenge URLs, whose `apiClientEnroll` saves cards, and whose `executeFraudCheck` returns a
 * device fingerprint. The SDK's rendered checkouts (`startCheckout`, `secureFields`, …) are not reproduced: those
 * methods reject.
 *
 * @example
 * ```ts
 * import { createSandboxWebSdk } from 'yuno-react/sandbox';
 *
 * const yuno = await createSandboxWebSdk({ baseUrl: 'http://127.0.0.1:4010' }).initialize(SANDBOX_PUBLIC_API_KEY);
 * const api = await yuno.apiClientPayment({ country_code: 'CO', checkout_session: checkoutSession });
 * const { token } = await api.generateToken({
 *   checkout_session: checkoutSession,
 *   payment_method: {
 *     type: 'CARD',
 *     card: { detail: { number: '4507990000000002', expiration_month: 11, expiration_year: 28, security_code: '123', holder_name: 'Ada Lovelace' } },
 *   },
 * });
 * ```
 */
export function createSandboxWebSdk(options: SandboxWebSdkOptions): Yuno {
  return {
    async initialize(publicApiKey: string): Promise<YunoInstance> {
      if (typeof publicApiKey !== 'string' || publicApiKey.trim() === '') {
        throw new Error('createSandboxWebSdk: initialize needs the public API key');
      }
      const http = createHttpClient({
        baseUrl: options.baseUrl,
        fetch: options.fetch,
        headers: { 'public-api-key': publicApiKey },
      });
      return createInstance(http);
    },
  };
}

function createInstance(http: HttpClient): YunoInstance {
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
      return {
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
          return { url };
        },
      };
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
    secureFields: unsupported('secureFields'),
    clickToPay: unsupported('clickToPay'),
    mountExternalButtons: unsupported('mountExternalButtons'),
    unmountExternalButton: unsupported('unmountExternalButton'),
    unmountAllExternalButtons: unsupported('unmountAllExternalButtons'),
  };
  return instance;
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
