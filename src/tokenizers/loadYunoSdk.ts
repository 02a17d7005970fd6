import type { Yuno, YunoInstance } from '@yuno-payments/sdk-web-types';
import { YunoError } from '../core/YunoError';
import { toSdkError } from './toSdkError';

/**
 * The Yuno environment whose Web SDK build is loaded (`https://sdk-web.sandbox.y.uno/…` for `sandbox`).
 *
 * @example
 * ```ts
 * const env: YunoSdkEnvironment = publicApiKey.startsWith('prod_') ? 'prod' : 'sandbox';
 * ```
 */
export type YunoSdkEnvironment = 'sandbox' | 'prod' | 'staging' | 'dev';

/**
 * What a {@link YunoSdkLoader} is asked to load.
 *
 * @example
 * ```ts
 * const options: YunoSdkLoadOptions = { env: 'sandbox', version: 'v1.11', integrity: undefined };
 * ```
 */
export interface YunoSdkLoadOptions {
  /** From the `env` option, else the public key's prefix; `undefined` when neither tells (custom loaders only). */
  env: YunoSdkEnvironment | undefined;
  /** The `version` option, else {@link YUNO_SDK_VERSION}. */
  version: string;
  /** The `integrity` option: the script's Subresource Integrity hash (`sha384-…`), when given. */
  integrity: string | undefined;
}

/**
 * Loads Yuno's Web SDK and resolves with its global (`Yuno` / `window.SdkPayments`). Called at most once per
 * environment, version and integrity while its load succeeds; a failed load is retried on the next call.
 *
 * @example
 * ```ts
 * import { createSandboxWebSdk } from 'yuno-react/sandbox';
 *
 * const loadSdk: YunoSdkLoader = async () => createSandboxWebSdk({ baseUrl: 'http://127.0.0.1:4010' });
 * ```
 */
export type YunoSdkLoader = (options: YunoSdkLoadOptions) => Promise<Yuno>;

const KEY_PREFIXES: Readonly<Record<string, YunoSdkEnvironment>> = {
  sandbox: 'sandbox',
  prod: 'prod',
  staging: 'staging',
  dev: 'dev',
};

/** The environment a public API key's prefix names (`sandbox_…` → 'sandbox'), if any. */
export function environmentOfKey(publicApiKey: string): YunoSdkEnvironment | undefined {
  const prefix = publicApiKey.split('_', 1)[0] ?? '';
  return Object.hasOwn(KEY_PREFIXES, prefix) ? KEY_PREFIXES[prefix] : undefined;
}

interface SdkLoad {
  sdk: Promise<Yuno>;
  /** By public API key. */
  instances: Map<string, Promise<YunoInstance>>;
}

// Module-level so that every tokenizer, provider and remount in the page shares one script and one instance per key.
// Keyed by the loader function first (a WeakMap: a dropped loader takes its loads with it), then by environment and
// version.
const loads = new WeakMap<YunoSdkLoader, Map<string, SdkLoad>>();

/**
 * The SDK instance for a public key, loading the SDK with `loader` and calling `initialize(publicApiKey)` only when no
 * earlier call did (or when the earlier one failed). Failures are `YunoError`s of kind `sdk`.
 */
export function yunoSdkInstance(
  loader: YunoSdkLoader,
  options: YunoSdkLoadOptions,
  publicApiKey: string,
): Promise<YunoInstance> {
  let byOptions = loads.get(loader);
  if (byOptions === undefined) {
    byOptions = new Map();
    loads.set(loader, byOptions);
  }
  const optionsKey = `${options.env ?? ''}|${options.version}|${options.integrity ?? ''}`;
  let load = byOptions.get(optionsKey);
  if (load === undefined) {
    const created: SdkLoad = {
      sdk: Promise.resolve()
        .then(() => loader(options))
        .then(
          (sdk) => {
            if (typeof (sdk as Partial<Yuno> | null | undefined)?.initialize !== 'function') {
              throw new YunoError({
                kind: 'sdk',
                message: "Yuno's Web SDK loaded, but its global has no initialize()",
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
    const owner = byOptions;
    // A failed load is forgotten, so the next call loads again instead of failing for the rest of the page's life.
    created.sdk.catch(() => {
      if (owner.get(optionsKey) === created) owner.delete(optionsKey);
    });
    byOptions.set(optionsKey, created);
    load = created;
  }

  let instance = load.instances.get(publicApiKey);
  if (instance === undefined) {
    const created = load.sdk.then(async (sdk) => {
      let value: unknown;
      try {
        value = await sdk.initialize(publicApiKey);
      } catch (error) {
        throw toSdkError(error, 'be initialised with the public API key');
      }
      if (
        value === null ||
        typeof value !== 'object' ||
        typeof (value as YunoInstance).apiClientPayment !== 'function'
      ) {
        throw new YunoError({ kind: 'sdk', message: "Yuno's Web SDK initialize() gave no usable instance" });
      }
      return value as YunoInstance;
    });
    const instances = load.instances;
    created.catch(() => {
      if (instances.get(publicApiKey) === created) instances.delete(publicApiKey);
    });
    instances.set(publicApiKey, created);
    instance = created;
  }
  return instance;
}

/**
 * The Web SDK 1.x version this library is written and tested against, loaded when no `version` is given: a pinned
 * path (`https://sdk-web.y.uno/v1.11/main.js`), so that a new SDK release never reaches a shopper untested.
 *
 * @example
 * ```ts
 * import { createYunoSdkTokenizer } from 'yuno-react';
 * import { YUNO_SDK_VERSION } from 'yuno-react/core';
 *
 * const tokenizer = createYunoSdkTokenizer({ publicApiKey, version: YUNO_SDK_VERSION });
 * ```
 */
export const YUNO_SDK_VERSION = 'v1.11';

/** A version path as Yuno serves them: `v1`, `v1.11` or `v1.11.2`. */
const VERSION_PATTERN = /^v\d{1,3}(?:\.\d{1,3}){0,2}$/;

/** Whether `version` is a path {@link yunoSdkScriptUrl} accepts. */
export function isYunoSdkVersion(version: string): boolean {
  return VERSION_PATTERN.test(version);
}

const HOST_SUFFIXES: Readonly<Record<YunoSdkEnvironment, string>> = {
  prod: '',
  sandbox: '.sandbox',
  staging: '.staging',
  dev: '.dev',
};

/**
 * The address of Yuno's Web SDK 1.x script for an environment and version: `https://sdk-web{.env}.y.uno/{version}/main.js`
 * (no suffix for `prod`). Handy for a `<link rel="preload">` in the page's `<head>`.
 *
 * @example
 * ```ts
 * yunoSdkScriptUrl({ env: 'prod' }); // 'https://sdk-web.y.uno/v1.11/main.js'
 * yunoSdkScriptUrl({ env: 'sandbox', version: 'v1.10' }); // 'https://sdk-web.sandbox.y.uno/v1.10/main.js'
 * ```
 */
export function yunoSdkScriptUrl(options: { env?: YunoSdkEnvironment; version?: string } = {}): string {
  const env = options.env ?? 'prod';
  const version = options.version ?? YUNO_SDK_VERSION;
  if (!Object.hasOwn(HOST_SUFFIXES, env)) throw new TypeError(`yunoSdkScriptUrl: unknown environment ${String(env)}`);
  if (!isYunoSdkVersion(version)) {
    throw new TypeError(`yunoSdkScriptUrl: version must be a path such as 'v1.11', not ${JSON.stringify(version)}`);
  }
  return `https://sdk-web${HOST_SUFFIXES[env]}.y.uno/${version}/main.js`;
}

// The id @yuno-payments/sdk-web gives its tag too, so a page that also loads the SDK that way still holds one script.
const SCRIPT_ID = 'yuno-script';
/** The event the 1.x script fires on `window` once its global is set. */
const READY_EVENT = 'yuno-sdk-ready';
/** How long a load may take before it counts as failed (a blocked or stalled download fires no event at all). */
const LOAD_TIMEOUT_MS = 30_000;

/** A 1.x global: `initialize()`, and not the 2.x `SdkPayments` (which has `transaction()`). */
function isV1Global(value: unknown): value is Yuno {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Yuno>).initialize === 'function' &&
    typeof (value as { transaction?: unknown }).transaction !== 'function'
  );
}

/** The SDK global when the 1.x script has run: `window.Yuno`, or `window.SdkPayments`, which 1.9 and later set too. */
function loadedSdk(): Yuno | undefined {
  const page = window as { Yuno?: unknown; SdkPayments?: unknown };
  if (isV1Global(page.Yuno)) return page.Yuno;
  if (isV1Global(page.SdkPayments)) return page.SdkPayments;
  return undefined;
}

/** The load under way in this page; it ends (success or failure) before another may start. */
let pageLoad: Promise<Yuno> | undefined;

/**
 * The default loader: adds Yuno's Web SDK 1.x script to the page (`async`, `crossOrigin="anonymous"`, and `integrity`
 * when one is given) and resolves with its global. The global, when present, is used as it is, whoever loaded it; one
 * script is added per page, and concurrent calls share it; a failed script is removed, so the next call adds it again.
 * Browser only.
 *
 * Written here rather than taken from `@yuno-payments/sdk-web`, whose `loadScript` (2.0) defaults to `v1.3`, sets no
 * `integrity` and leaves a failed tag behind, on which its next call waits for good; this loader is its size.
 */
export const loadYunoWebSdk: YunoSdkLoader = async ({ env, version, integrity }) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new YunoError({
      kind: 'sdk',
      message:
        "Yuno's Web SDK runs in the browser only: tokenize from an event handler or an effect, not while " +
        'rendering on the server',
    });
  }
  // Checked before anything waits: the ready event has long fired when the script is already there.
  const loaded = loadedSdk();
  if (loaded) return loaded;
  if (pageLoad === undefined) {
    const load = injectScript(yunoSdkScriptUrl({ env, version }), integrity);
    pageLoad = load;
    const forget = () => {
      if (pageLoad === load) pageLoad = undefined;
    };
    load.then(forget, forget);
  }
  return pageLoad;
};

function injectScript(src: string, integrity: string | undefined): Promise<Yuno> {
  return new Promise<Yuno>((resolve, reject) => {
    const existing = document.getElementById(SCRIPT_ID);
    // A tag already in the page (server-rendered, or another loader's) is waited for rather than doubled.
    const script = existing instanceof HTMLScriptElement ? existing : document.createElement('script');
    const added = script !== existing;
    const finish = (error?: YunoError) => {
      window.removeEventListener(READY_EVENT, onReady);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      clearTimeout(timer);
      const sdk = loadedSdk();
      if (sdk && !error) return resolve(sdk);
      // A failed tag would make the next call wait on it forever: it goes, so that a retry adds a fresh one.
      if (!sdk) script.remove();
      reject(error ?? new YunoError({ kind: 'sdk', message: "Yuno's Web SDK script loaded but published no global" }));
    };
    const onReady = () => finish();
    // The 1.x script sets its global as it runs; the ready event may come before or after `load`.
    const onLoad = () => {
      if (loadedSdk()) finish();
    };
    const onError = () =>
      finish(new YunoError({ kind: 'sdk', message: `Yuno's Web SDK could not be loaded from ${script.src || src}` }));
    const timer = setTimeout(
      () =>
        finish(
          new YunoError({ kind: 'sdk', message: `Yuno's Web SDK did not load within ${LOAD_TIMEOUT_MS / 1000} s` }),
        ),
      LOAD_TIMEOUT_MS,
    );
    window.addEventListener(READY_EVENT, onReady);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    if (added) {
      script.id = SCRIPT_ID;
      script.async = true;
      script.crossOrigin = 'anonymous';
      // As an attribute, which is what the browser reads before fetching (and what every DOM implementation keeps).
      if (integrity !== undefined) script.setAttribute('integrity', integrity);
      script.src = src;
      document.head.appendChild(script);
    }
  });
}
