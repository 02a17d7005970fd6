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
 * const options: YunoSdkLoadOptions = { env: 'sandbox', version: 'v1.10' };
 * ```
 */
export interface YunoSdkLoadOptions {
  /** From the `env` option, else the public key's prefix; `undefined` when neither tells (custom loaders only). */
  env: YunoSdkEnvironment | undefined;
  /** The `version` option as given; `undefined` lets the loader choose. */
  version: string | undefined;
}

/**
 * Loads Yuno's Web SDK and resolves with its global (`Yuno` / `window.SdkPayments`). Called at most once per
 * environment and version while its load succeeds; a failed load is retried on the next call.
 *
 * @example
 * ```ts
 * import { loadScript } from '@yuno-payments/sdk-web';
 *
 * const loadSdk: YunoSdkLoader = ({ env, version }) => loadScript({ env, version });
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
  const optionsKey = `${options.env ?? ''}|${options.version ?? ''}`;
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

// @yuno-payments/sdk-web marks its script tag with this id and, when the tag is already there, waits for a ready event
// instead of adding another; after a failed load that event never comes, so the failed tag has to go before a retry.
const LOADER_SCRIPT_ID = 'yuno-script';

/** The default loader: `loadScript` of `@yuno-payments/sdk-web`, imported on first use, in a browser only. */
export const loadYunoWebSdk: YunoSdkLoader = async ({ env, version }) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new YunoError({
      kind: 'sdk',
      message:
        "Yuno's Web SDK runs in the browser only: tokenize from an event handler or an effect, not while " +
        'rendering on the server',
    });
  }
  const { loadScript } = await import('@yuno-payments/sdk-web');
  try {
    // SDK 1.9 and later publish `window.SdkPayments` beside the legacy `window.Yuno` the loader returns.
    const sdk = (await loadScript({ env, version })) ?? (window as { SdkPayments?: Yuno }).SdkPayments;
    if (!sdk) throw new YunoError({ kind: 'sdk', message: "Yuno's Web SDK script loaded but published no global" });
    return sdk;
  } catch (error) {
    if (!(window as { Yuno?: unknown }).Yuno) document.getElementById(LOADER_SCRIPT_ID)?.remove();
    throw error;
  }
};
