// Hand-written: Yuno's npm loader, `@yuno-payments/sdk-web`, is the 1.x loader (Yuno says not to use it for 2.x), and
// a 2.x load needs what it lacks: a full-version URL, SRI, the global checked before the one-shot ready event.
import { YunoError } from '../core/YunoError';
import { toSdkError } from './toSdkError';
import type { YunoSdkV2Global, YunoSdkV2Instance } from './yunoSdkV2';

/**
 * The 2.x release yuno-react loads unless told otherwise: Yuno's live 2.x release when this library was published
 * (2.2.0, of 2026-10-27). Yuno serves each release at its own full-version path; `/v2/main.js` tracks the current 2.x
 * and is not used, so that a page gets the release it was tested with.
 *
 * @see https://docs.y.uno/docs/sdks/validators/web-sdk-v2
 * @example
 * ```ts
 * const label = `Yuno's Web SDK ${YUNO_SDK_V2_VERSION}`;
 * ```
 */
export const YUNO_SDK_V2_VERSION = '2.2.0';

/**
 * The script URL of {@link YUNO_SDK_V2_VERSION}: `https://sdk-web.y.uno/v2.2.0/main.js`. One host serves every
 * environment; the public key's prefix selects sandbox or production.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/get-started
 * @example
 * ```ts
 * <link rel="preload" as="script" href={YUNO_SDK_V2_SCRIPT_URL} crossOrigin="anonymous" />;
 * ```
 */
export const YUNO_SDK_V2_SCRIPT_URL = `https://sdk-web.y.uno/v${YUNO_SDK_V2_VERSION}/main.js`;

/**
 * The event the 2.x script fires on `window`, once, when it has set `window.SdkPayments`.
 *
 * @example
 * ```ts
 * window.addEventListener(SDK_PAYMENTS_READY_EVENT, () => markSdkReady(), { once: true });
 * ```
 */
export const SDK_PAYMENTS_READY_EVENT = 'sdk-payments-ready';

/** Marks the script tag this loader adds, so that it is added once per page and removed when it fails. */
const SCRIPT_MARK = 'data-yuno-sdk-v2';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Options of {@link loadYunoSdkV2}.
 *
 * @example
 * ```ts
 * const options: YunoSdkV2LoadOptions = {
 *   scriptUrl: 'https://sdk-web.y.uno/v2.2.0/main.js',
 *   integrity: 'sha384-…', // from Yuno's versions-sri.json, for this very URL
 * };
 * ```
 */
export interface YunoSdkV2LoadOptions {
  /** @default YUNO_SDK_V2_SCRIPT_URL */
  scriptUrl?: string;
  /**
   * Subresource Integrity hash of the script (`sha384-…`, from Yuno's `versions-sri.json`, for the URL loaded). Sets
   * `integrity` and `crossOrigin = 'anonymous'` on the script tag, so the browser refuses a script of other content.
   */
  integrity?: string;
  /** How long to wait for the script before failing (the tag is then removed, and a later call tries again). @default 30000 */
  timeoutMs?: number;
}

/**
 * Loads Yuno's Web SDK 2.x and resolves with its global, `window.SdkPayments`. Give one to
 * `createYunoSdkV2Tokenizer` to load the SDK your own way, or the sandbox's stand-in:
 * `loadSdk: async () => createSandboxWebSdk({ baseUrl })`.
 *
 * @example
 * ```ts
 * const loadSdk: YunoSdkV2Loader = () => loadYunoSdkV2({ scriptUrl: '/vendor/yuno/v2.2.0/main.js' });
 * ```
 */
export type YunoSdkV2Loader = () => Promise<YunoSdkV2Global>;

// The load under way, shared by concurrent callers; once it settles, the global itself (or a fresh try) answers.
let pageLoad: Promise<YunoSdkV2Global> | undefined;

/**
 * Loads Yuno's Web SDK 2.x into the page, once: resolves with `window.SdkPayments` at once when the global is there
 * (the script fires `sdk-payments-ready` only once, so a later caller would wait for nothing), else adds one
 * `<script>` for `scriptUrl` (with `integrity` and `crossOrigin='anonymous'` when an integrity hash is given) unless
 * the page already has it, and waits for `sdk-payments-ready` or the script's `load`. A failed or timed-out load
 * removes the tag it added and is forgotten, so the next call tries again. Concurrent and later calls share one load.
 * Failures are `YunoError`s of kind `sdk`; it refuses to run outside a browser. Which line the global belongs to is
 * told only by its instance (`typeof instance.transaction === 'function'`), which `createYunoSdkV2Tokenizer` checks
 * after `initialize`.
 *
 * @see https://docs.y.uno/docs/yuno-sdk/get-started
 * @example
 * ```ts
 * const SdkPayments = await loadYunoSdkV2({ integrity: 'sha384-…' });
 * const sdk = await SdkPayments.initialize(publicApiKey);
 * ```
 */
export function loadYunoSdkV2(options: YunoSdkV2LoadOptions = {}): Promise<YunoSdkV2Global> {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    return Promise.reject(
      new YunoError({
        kind: 'sdk',
        message:
          "Yuno's Web SDK runs in the browser only: tokenize from an event handler or an effect, not while " +
          'rendering on the server',
      }),
    );
  }
  const present = globalOf(window);
  if (present !== undefined) return Promise.resolve(present);

  if (pageLoad !== undefined) return pageLoad;
  const promise = injectAndWait(options.scriptUrl ?? YUNO_SDK_V2_SCRIPT_URL, options);
  pageLoad = promise;
  const forget = () => {
    if (pageLoad === promise) pageLoad = undefined;
  };
  promise.then(forget, forget);
  return promise;
}

function globalOf(win: Window): YunoSdkV2Global | undefined {
  const candidate = (win as { SdkPayments?: unknown }).SdkPayments;
  if (candidate === null || typeof candidate !== 'object') return undefined;
  return typeof (candidate as Partial<YunoSdkV2Global>).initialize === 'function'
    ? (candidate as YunoSdkV2Global)
    : undefined;
}

function injectAndWait(url: string, options: YunoSdkV2LoadOptions): Promise<YunoSdkV2Global> {
  return new Promise<YunoSdkV2Global>((resolve, reject) => {
    const existing = Array.from(document.querySelectorAll<HTMLScriptElement>('script')).find(
      (script) => script.getAttribute('src') === url,
    );
    const script = existing ?? document.createElement('script');
    const added = existing === undefined;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => fail(`Yuno's Web SDK did not load from ${url} within ${timeoutMs} ms`), timeoutMs);

    const cleanUp = () => {
      clearTimeout(timer);
      window.removeEventListener(SDK_PAYMENTS_READY_EVENT, onReady);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
    };
    const fail = (message: string) => {
      cleanUp();
      // A tag that failed stays failed: removing it lets the next call add a fresh one.
      if (script.hasAttribute(SCRIPT_MARK)) script.remove();
      reject(new YunoError({ kind: 'sdk', message }));
    };
    const settleWithGlobal = () => {
      const sdk = globalOf(window);
      if (sdk === undefined) return false;
      cleanUp();
      resolve(sdk);
      return true;
    };
    function onReady() {
      if (!settleWithGlobal())
        fail(`Yuno's Web SDK announced ${SDK_PAYMENTS_READY_EVENT} without a usable SdkPayments`);
    }
    function onLoad() {
      // The bundle sets the global synchronously as it runs, so it is there by the time `load` fires.
      if (!settleWithGlobal()) fail(`Yuno's Web SDK script loaded (${url}) but set no window.SdkPayments`);
    }
    function onError() {
      fail(
        `Yuno's Web SDK could not be loaded from ${url}` +
          (options.integrity ? ' (a network failure, or content that does not match the integrity hash)' : ''),
      );
    }

    window.addEventListener(SDK_PAYMENTS_READY_EVENT, onReady);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    if (added) {
      script.setAttribute(SCRIPT_MARK, '');
      script.src = url;
      script.async = true;
      if (options.integrity) {
        script.setAttribute('integrity', options.integrity);
        script.setAttribute('crossorigin', 'anonymous');
      }
      document.head.appendChild(script);
    }
  });
}

interface V2Load {
  sdk: Promise<YunoSdkV2Global>;
  instances: Map<string, Promise<YunoSdkV2Instance>>;
}

// Module-level so that every tokenizer, provider and remount in the page shares one load and one instance per key;
// keyed by the loader function (a WeakMap: a dropped loader takes its loads with it).
const loads = new WeakMap<YunoSdkV2Loader, V2Load>();

/**
 * The 2.x instance for a public key: loads the SDK with `loader` and calls `initialize(publicApiKey)` only when no
 * earlier call did (or the earlier one failed), and checks the line: an instance without `transaction` is Yuno's Web
 * SDK 1.x (which sets `window.SdkPayments` too since 1.9) and is refused with a `YunoError` of kind `sdk`.
 */
export function yunoSdkV2Instance(loader: YunoSdkV2Loader, publicApiKey: string): Promise<YunoSdkV2Instance> {
  let load = loads.get(loader);
  if (load === undefined) {
    const created: V2Load = {
      sdk: Promise.resolve()
        .then(loader)
        .then(
          (sdk) => {
            if (typeof (sdk as Partial<YunoSdkV2Global> | null | undefined)?.initialize !== 'function') {
              throw new YunoError({
                kind: 'sdk',
                message: "Yuno's Web SDK loaded, but SdkPayments has no initialize()",
              });
            }
            return sdk;
          },
          (error: unknown) => {
            throw toSdkError(error, 'be loaded');
          },
        ),
      instances: new Map(),
    };
    created.sdk.catch(() => {
      if (loads.get(loader) === created) loads.delete(loader);
    });
    loads.set(loader, created);
    load = created;
  }

  const known = load.instances.get(publicApiKey);
  if (known !== undefined) return known;
  const instance = load.sdk.then(async (sdk) => {
    let value: unknown;
    try {
      value = await sdk.initialize(publicApiKey);
    } catch (error) {
      throw toSdkError(error, 'be initialised with the public API key');
    }
    if (value === null || typeof value !== 'object') {
      throw new YunoError({ kind: 'sdk', message: "Yuno's Web SDK initialize() gave no usable instance" });
    }
    if (typeof (value as Partial<YunoSdkV2Instance>).transaction !== 'function') {
      const v1 = typeof (value as { startCheckout?: unknown }).startCheckout === 'function';
      throw new YunoError({
        kind: 'sdk',
        message: v1
          ? "The page's SdkPayments is Yuno's Web SDK 1.x (its instance has startCheckout, not transaction): load the " +
            '2.x script, or choose the 1.x driver (sdkVersion: 1)'
          : "Yuno's Web SDK initialize() gave an instance without transaction(); it is not the 2.x SDK",
      });
    }
    return value as YunoSdkV2Instance;
  });
  const instances = load.instances;
  instance.catch(() => {
    if (instances.get(publicApiKey) === instance) instances.delete(publicApiKey);
  });
  instances.set(publicApiKey, instance);
  return instance;
}
