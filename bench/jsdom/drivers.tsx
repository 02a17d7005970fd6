// The tokenizer drivers the request measurements run on, each on the offline stack of the test suite
// (createCheckoutHarness): Yuno's Web SDK 2.x and 1.x headless through the sandbox's stand-in, and the server tokenizer
// (the merchant's token route, or the card sent with the payment).
import type { ReactNode } from 'react';
import { createYunoSdkTokenizer, createYunoSdkV2Tokenizer, type YunoProviderProps } from 'yuno-react';
import { createSandboxWebSdk } from 'yuno-react/sandbox';
import { createCheckoutHarness, type CheckoutHarness, type CheckoutHarnessOptions } from '../../test/support/checkout';

export type DriverId = 'sdk-v2' | 'sdk-v1' | 'server';

export interface Driver {
  id: DriverId;
  label: string;
}

export const DRIVERS: readonly Driver[] = [
  { id: 'sdk-v2', label: "Yuno Web SDK 2.x (sandbox's stand-in, sdkVersion 2)" },
  { id: 'sdk-v1', label: "Yuno Web SDK 1.x headless (sandbox's stand-in, sdkVersion 1)" },
  { id: 'server', label: 'server tokenizer (merchant routes)' },
];

/** A harness whose page tokenizes with the driver's tokenizer (its Provider and `tokenizer` both use it). */
export async function createDriverHarness(
  driver: DriverId,
  options: Omit<CheckoutHarnessOptions, 'tokenizer'> = {},
): Promise<CheckoutHarness> {
  const base = await createCheckoutHarness({ ...options, tokenizer: driver === 'server' ? 'server' : 'sdk' });
  if (driver === 'server') return base;
  const { baseUrl, fetch } = base.sandbox;
  const { publicApiKey } = base.sandbox.credentials;
  // One loader per harness: tokenizers share loads and instances per loader function, and each harness has its own
  // sandbox.
  const tokenizer =
    driver === 'sdk-v2'
      ? createYunoSdkV2Tokenizer({
          publicApiKey,
          loadSdk: async () => createSandboxWebSdk({ baseUrl, fetch, sdkVersion: 2 }),
        })
      : createYunoSdkTokenizer({
          publicApiKey,
          loadSdk: async () => createSandboxWebSdk({ baseUrl, fetch, sdkVersion: 1 }),
        });
  const BaseProvider = base.Provider;
  const Provider = (props: { children?: ReactNode } & Partial<YunoProviderProps>) => (
    <BaseProvider tokenizer={tokenizer} {...props} />
  );
  return { ...base, tokenizer, Provider };
}

const SDK_TOKEN = /^\/_sandbox\/sdk\/checkout\/sessions\/[^/]+\/token$/;
const SERVER_TOKEN = /^\/v1\/checkout\/sessions\/[^/]+\/token$/;
const PAGE_TOKEN = /\/checkout-sessions\/[^/]+\/token$/;
const PAGE_PAYMENTS = /\/payments$/;
const PAGE_PAYMENT = /\/payments\/[^/]+$/;

/** Requests so far: at the sandbox (Yuno) and from the page (the merchant routes, and the SDK's calls to Yuno). */
export function snapshot(h: CheckoutHarness) {
  const page = (method: string, path: RegExp) =>
    h.browserRequests.filter((r) => r.method === method && path.test(r.path)).length;
  const sdkTokens = h.count('POST', SDK_TOKEN);
  return {
    sandbox: {
      /** One-time tokens, whoever asked: the SDK's token route or Yuno's (the merchant server's). */
      tokens: h.count('POST', /\/token$/),
      tokensFromSdk: sdkTokens,
      tokensFromServer: h.count('POST', SERVER_TOKEN),
      payments: h.count('POST', /^\/v1\/payments$/),
      /** Reads of a payment: Yuno's `GET /v1/payments/{id}` and the SDK's read of the session's payment. */
      paymentReads: h.count('GET', /^\/v1\/payments\/[^/]+$/) + h.count('GET', /^\/_sandbox\/sdk\/.*\/payment$/),
    },
    page: {
      /** Token requests the page made: the merchant's token route and the SDK's token route. */
      tokens: page('POST', PAGE_TOKEN) + sdkTokens,
      tokenRoute: page('POST', PAGE_TOKEN),
      payments: page('POST', PAGE_PAYMENTS),
      paymentReads: page('GET', PAGE_PAYMENT),
    },
  };
}

export type Snapshot = ReturnType<typeof snapshot>;

/** What happened between two snapshots. */
export function delta(before: Snapshot, after: Snapshot): Snapshot {
  const diff = <T extends Record<string, number>>(a: T, b: T) =>
    Object.fromEntries(Object.keys(a).map((k) => [k, b[k]! - a[k]!])) as T;
  return { sandbox: diff(before.sandbox, after.sandbox), page: diff(before.page, after.page) };
}
