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
  /**
   * What `getThreeDSecureChallenge` gives. `'url'`: the sandbox's challenge page, for a sandbox served over HTTP.
   * `'blob'`: a same-origin `blob:` copy of that page, for a browser whose sandbox lives in the page (MSW, Storybook),
   * where an iframe's navigation never reaches the sandbox. Its form does not navigate: it hands the code to this
   * stand-in, which submits it to the sandbox, shows the answer in the frame and posts the challenge result
   * (`{ origin: 'CHALLENGE', status, checkoutSession }`) to the page, as the sandbox's own page does. Needs a DOM.
   * @default 'url'
   */
  challengePage?: 'url' | 'blob';
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
const FraudCheckSchema = z.looseObject({
  status: z.literal('success'),
  deviceFingerprints: z.array(z.looseObject({ providerId: z.string(), sessionId: z.string() })),
});

/**
 * A stand-in for Yuno's Web SDK global (`Yuno` / `window.SdkPayments`) that tokenizes against a Yuno sandbox, so the
 * headless browser flow runs offline: `initialize(publicApiKey)` gives an instance whose `apiClientPayment` generates
 * one-time tokens and 3DS challenge URLs (a null `url` when no payment of the session waits on a challenge, as Yuno's SDK
 * answers), whose `apiClientEnroll` saves cards, and whose `executeFraudCheck` returns a
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
      return createInstance(http, options);
    },
  };
}

function createInstance(http: HttpClient, options: SandboxWebSdkOptions): YunoInstance {
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
          // Yuno's SDK answers a null url when no challenge is needed; its published type knows only a string.
          if (url === null) return { url } as unknown as { url: string };
          if (options.challengePage === 'blob') return { url: await blobChallengePage(url, options.fetch) };
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
