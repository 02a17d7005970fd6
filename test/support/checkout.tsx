import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  YunoProvider,
  createServerTokenizer,
  createYunoBrowserClient,
  createYunoSdkTokenizer,
  createYunoSdkV2Tokenizer,
  type CheckoutStart,
  type YunoBrowserClient,
  type YunoProviderProps,
  type YunoTokenizer,
} from 'yuno-react';
import { createSandboxWebSdk, createYunoSandbox, type YunoSandbox, type YunoSandboxOptions } from 'yuno-react/sandbox';
import {
  createYunoCheckout,
  createYunoRouteHandlers,
  createYunoServerClient,
  type ResolvedCheckout,
  type YunoServerClient,
} from 'yuno-react/server';

export interface CheckoutHarness {
  sandbox: YunoSandbox;
  /** The merchant's server-side Yuno client. */
  yuno: YunoServerClient;
  handlers: ReturnType<typeof createYunoRouteHandlers>;
  /** The browser's client of the merchant routes. */
  client: YunoBrowserClient;
  tokenizer: YunoTokenizer;
  start: CheckoutStart;
  order: ResolvedCheckout;
  /** A fresh react-query cache with test defaults (no retries of failed queries beyond the library's own). */
  queryClient: QueryClient;
  /** Requests the page sent to the merchant's routes. */
  browserRequests: Array<{ method: string; path: string }>;
  /** Requests the sandbox received (Yuno's API and the Web SDK stand-in's routes). */
  count: (method: string, path: RegExp) => number;
  counts: () => { paymentMethods: number; tokens: number; payments: number; paymentReads: number };
  Provider: (props: { children?: ReactNode } & Partial<YunoProviderProps>) => ReactNode;
  /**
   * The code the shopper types in the 2.x SDK's challenge view (`'sdk-v2'`): each challenge the stand-in meets is
   * answered with it, and `challenges` records the checkout sessions challenged. @default '1234'
   */
  threeDSecure: { otp: string; challenges: string[]; onChallenge?: () => void; close?: boolean };
}

export interface CheckoutHarnessOptions {
  country?: string;
  currency?: string;
  amount?: number;
  /**
   * The page's driver: Yuno's Web SDK 1.x headless (`'sdk'`, `'sdk-v1'`), 2.x (`'sdk-v2'`, which runs each payment
   * and its 3-D Secure challenge itself), or the server tokenizer. @default 'sdk'
   */
  tokenizer?: 'sdk' | 'sdk-v1' | 'sdk-v2' | 'server';
  sandbox?: YunoSandboxOptions;
  /** The shopper as a Yuno customer (needed for saved cards). */
  customer?: boolean;
  /** Time limit of the merchant server's calls to Yuno. @default 2000 */
  serverTimeoutMs?: number;
  /** Time limit of the page's calls to the merchant routes. @default 3000 */
  browserTimeoutMs?: number;
}

let orderSeq = 0;

/**
 * The whole stack a checkout page runs on, offline: the sandbox as Yuno, the server client and route handlers as the
 * merchant's server, the browser client and a tokenizer (the Web SDK stand-in by default) as the page.
 */
export async function createCheckoutHarness(options: CheckoutHarnessOptions = {}): Promise<CheckoutHarness> {
  const sandbox = createYunoSandbox(options.sandbox);
  // The merchant server runs in the same jsdom process here; it only talks to the in-memory sandbox.
  const yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: sandbox.fetch,
    allowBrowser: true,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: options.serverTimeoutMs ?? 2_000,
  });
  orderSeq += 1;
  const order: ResolvedCheckout = {
    merchantOrderId: `order-${orderSeq}-${Math.random().toString(36).slice(2, 8)}`,
    description: 'Two coffees',
    country: options.country ?? 'US',
    amount: { currency: options.currency ?? 'USD', value: options.amount ?? 25 },
    ...(options.customer
      ? {
          customer: {
            merchant_customer_id: `shopper-${orderSeq}-${Date.now()}`,
            email: 'ada@example.com',
            first_name: 'Ada',
            last_name: 'Lovelace',
          },
        }
      : {}),
  };
  const handlers = createYunoRouteHandlers({
    client: yuno,
    resolveCheckout: () => order,
    serverTokenization: options.tokenizer === 'server',
    // One shopper, whose checkout session is created on the server (below), so no browser holds its binding cookie:
    // every caller may use every session here. Ownership is tested with the routes themselves.
    authorize: () => true,
  });
  const browserRequests: Array<{ method: string; path: string }> = [];
  const browserFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    browserRequests.push({ method: request.method, path: new URL(request.url).pathname });
    return handlers.fetch(request);
  };
  const client = createYunoBrowserClient({
    baseUrl: 'http://shop.test/api/yuno',
    fetch: browserFetch,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: options.browserTimeoutMs ?? 3_000,
  });
  const threeDSecure: CheckoutHarness['threeDSecure'] = { otp: '1234', challenges: [] };
  const loadSdk = async () => createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const loadSdkV2 = async () =>
    createSandboxWebSdk({
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
      sdkVersion: 2,
      // The shopper in the SDK's challenge view, typing the code.
      answerThreeDSecure: async ({ checkoutSession }) => {
        threeDSecure.challenges.push(checkoutSession);
        threeDSecure.onChallenge?.();
        // The shopper closes the SDK's view instead of answering.
        if (threeDSecure.close) throw new Error('closed');
        await sandbox.completeThreeDSecure(checkoutSession, threeDSecure.otp);
      },
    });
  const { publicApiKey } = sandbox.credentials;
  const tokenizer =
    options.tokenizer === 'server'
      ? createServerTokenizer({ client })
      : options.tokenizer === 'sdk-v2'
        ? createYunoSdkV2Tokenizer({ publicApiKey, loadSdk: loadSdkV2 })
        : createYunoSdkTokenizer({ publicApiKey, loadSdk });
  const start = await createYunoCheckout({ client: yuno, checkout: order });
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retryDelay: 1 } } });
  const count = (method: string, path: RegExp) => sandbox.countRequests({ method, path });
  const Provider = ({ children, ...props }: { children?: ReactNode } & Partial<YunoProviderProps>) => (
    <YunoProvider
      checkoutSession={start.checkoutSession}
      countryCode={start.countryCode}
      client={client}
      tokenizer={tokenizer}
      queryClient={queryClient}
      language="en"
      pollInterval={() => 5}
      {...props}
    >
      {children}
    </YunoProvider>
  );
  return {
    sandbox,
    yuno,
    handlers,
    client,
    tokenizer,
    start,
    order,
    queryClient,
    browserRequests,
    count,
    counts: () => ({
      paymentMethods: count('GET', /\/payment-methods$/),
      tokens: count('POST', /\/token$/),
      payments: count('POST', /^\/v1\/payments$/),
      paymentReads: count('GET', /^\/v1\/payments\/[^/]+$/),
    }),
    Provider,
    threeDSecure,
  };
}

/** A test card's details as a form would collect them. */
export function testCard(number: string, securityCode = '123') {
  return { number, expirationMonth: 11, expirationYear: 30, securityCode, holderName: 'Ada Lovelace' };
}
