import { QueryClient } from '@tanstack/react-query';
import { http, type HttpHandler } from 'msw';
import {
  type CheckoutStart,
  createServerTokenizer,
  createYunoBrowserClient,
  createYunoSdkTokenizer,
  createYunoSdkV2Tokenizer,
  type YunoBrowserClient,
  type YunoLanguage,
  type YunoProviderProps,
  type YunoTokenizer,
} from 'yuno-react';
import { createSandboxWebSdk, type SandboxFault, type SandboxPaymentMethodConfig } from 'yuno-react/sandbox';
import {
  createYunoCheckout,
  createYunoRouteHandlers,
  createYunoServerClient,
  type ResolvedCheckout,
  type YunoServerClient,
} from 'yuno-react/server';
import { sandboxUrl } from 'virtual:yuno-catalogue-sandbox';
import { createStorySandbox, type StorySandbox } from './storySandbox';

/**
 * What a story's checkout looks like, as `parameters.yuno`. Every story gets its own sandbox (on the catalogue's
 * sandbox server), merchant server and checkout session built from these; nothing is answered by hand.
 *
 * @example
 * ```ts
 * export const SavedCards: Story = {
 *   parameters: { yuno: { country: 'BR', currency: 'BRL', savedCards: ['4507990000000002'] } },
 * };
 * ```
 */
export interface YunoStoryParameters {
  /** ISO 3166-1 alpha-2 country of the order. @default 'US' */
  country?: string;
  /** @default 'USD' */
  currency?: string;
  /** In major units. @default 25 */
  amount?: number;
  /** Language of the provider. @default 'en' */
  language?: YunoLanguage;
  /** Overrides of visible strings, as the provider's `messages`. */
  messages?: YunoProviderProps['messages'];
  /** The shopper as a Yuno customer (enrollment, saved cards). Implied by `savedCards`. @default false */
  customer?: boolean;
  /** Card numbers the shopper saved before this checkout (enrolled in the sandbox, listed first). */
  savedCards?: string[];
  /**
   * Faults the story's sandbox injects into Yuno's API from the start, e.g. a 500 on the payment methods. Sent over
   * HTTP (`POST /_sandbox/faults`), so `match.path` is a string.
   */
  faults?: SandboxFault[];
  /** Replaces the sandbox's catalogue of payment methods (`[]` for none). */
  paymentMethods?: SandboxPaymentMethodConfig[];
  /** Time limit of the merchant server's calls to Yuno, in ms. @default 10000 */
  serverTimeoutMs?: number;
  /**
   * The page's tokenizer: Yuno's Web SDK 2.x (`createYunoSdkV2Tokenizer`, the provider's default, whose SDK runs the
   * payment and shows the 3-D Secure challenge in its own view), Web SDK 1.x (`createYunoSdkTokenizer`, the challenge
   * in the page's `<NextActionChallenge>`), or the merchant's token route (`createServerTokenizer`). The SDK is the
   * sandbox's stand-in either way.
   * @default 'sdk-v2'
   */
  driver?: YunoStoryDriver;
}

/**
 * Which tokenizer a story's page uses: Yuno's Web SDK 2.x or 1.x (the sandbox's stand-in), or the merchant's own token
 * route.
 *
 * @example
 * ```ts
 * export const PageChallenge: Story = { parameters: { yuno: { driver: 'sdk-v1' } } };
 * ```
 */
export type YunoStoryDriver = 'sdk-v2' | 'sdk-v1' | 'server';

/** One story's whole checkout stack: Yuno (the sandbox), the merchant's server, and the page's client and tokenizer. */
export interface YunoStoryStack {
  /** Unique in the page: the path of this story's merchant routes and the host of its sandbox (`{id}.localhost`). */
  id: string;
  /** The story's own sandbox on the catalogue's sandbox server, driven over HTTP. */
  sandbox: StorySandbox;
  /** The merchant server's Yuno client. It runs in the page here (`allowBrowser`), with the sandbox's keys only. */
  yuno: YunoServerClient;
  order: ResolvedCheckout;
  start: CheckoutStart;
  /** The page's client of the merchant routes, which MSW answers at `/api/yuno/{id}/*`. */
  client: YunoBrowserClient;
  /** The page's tokenizer (`parameters.driver`): Yuno's Web SDK on the sandbox's stand-in, or the token route. */
  tokenizer: YunoTokenizer;
  queryClient: QueryClient;
  /**
   * With the 2.x driver, the value of the `data-yuno-sdk-view` attribute of the element the SDK shows its views in
   * (the 3-D Secure challenge), which `.storybook/preview.tsx` renders under the story; `null` with the other drivers.
   * In the story rather than over the page, so that a docs page's stories keep their views to themselves and none
   * outlives its story.
   */
  sdkView: string | null;
  /** MSW handlers: the merchant routes (Yuno is the catalogue's sandbox server, over the network). */
  handlers: HttpHandler[];
  parameters: YunoStoryParameters;
  /** Props for `<YunoProvider>`. */
  providerProps: Omit<YunoProviderProps, 'children'>;
}

let stackCount = 0;

/**
 * Builds a story's stack: a fresh sandbox of its own on the catalogue's sandbox server (its faults, catalogue and the
 * shopper's saved cards in place), the merchant server on it (`createYunoServerClient` + `createYunoRouteHandlers`,
 * in the page, whose routes MSW answers from `handlers`), a checkout session for the order, and the page's browser
 * client and SDK tokenizer (the sandbox's Web SDK stand-in, talking to the sandbox server).
 */
export async function createStoryStack(parameters: YunoStoryParameters = {}): Promise<YunoStoryStack> {
  if (sandboxUrl === null) {
    throw new Error(
      'This catalogue has no Yuno sandbox server: its stories run on the one `npm start` (or `npm run test:stories`) ' +
        'starts, which a static build does not have.',
    );
  }
  stackCount += 1;
  const id = `story-${stackCount}-${Math.random().toString(36).slice(2, 8)}`;
  const merchantOrderId = `order-${id}`;
  // Each stack has its own Yuno origin on the server, so several stories on one docs page never share a sandbox.
  const story = await createStorySandbox(sandboxUrl, id, {
    paymentMethods: parameters.paymentMethods,
    merchantOrderId,
  });
  const sandbox = story.sandbox;
  const yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    // The browser's own fetch, over the network: the sandbox server allows every origin on Yuno's API.
    fetch: (input, init) => globalThis.fetch(input, init),
    allowBrowser: true,
    retry: { retries: 1, minDelayMs: 10, maxDelayMs: 20 },
    timeoutMs: parameters.serverTimeoutMs ?? 10_000,
  });

  const country = parameters.country ?? 'US';
  const withCustomer = parameters.customer === true || (parameters.savedCards?.length ?? 0) > 0;
  story.bind(yuno);
  const order: ResolvedCheckout = {
    merchantOrderId,
    description: 'Two coffees',
    country,
    amount: { currency: parameters.currency ?? 'USD', value: parameters.amount ?? 25 },
    ...(withCustomer
      ? {
          customer: {
            merchant_customer_id: `shopper-${id}`,
            email: 'ada@example.com',
            first_name: 'Ada',
            last_name: 'Lovelace',
            country,
          },
        }
      : {}),
  };
  if (order.customer && parameters.savedCards?.length) {
    const customer = await yuno.customers.create(order.customer);
    await saveCards(sandbox, yuno, customer.id, country, parameters.savedCards);
  }
  const start = await createYunoCheckout({ client: yuno, checkout: order });
  for (const fault of parameters.faults ?? []) await sandbox.faults.inject(fault);

  const driver = parameters.driver ?? 'sdk-v2';
  const basePath = `/api/yuno/${id}`;
  // The story's checkout session is created here, on the "server", so no browser holds its binding cookie: every caller
  // may use every session of this one-shopper stack.
  const routes = createYunoRouteHandlers({
    client: yuno,
    resolveCheckout: () => order,
    basePath,
    authorize: () => true,
    serverTokenization: driver === 'server',
  });
  const handlers: HttpHandler[] = [http.all(`${basePath}/*`, ({ request }) => routes.fetch(request))];
  const client = createYunoBrowserClient({
    baseUrl: basePath,
    retry: { retries: 1, minDelayMs: 10, maxDelayMs: 20 },
    timeoutMs: (parameters.serverTimeoutMs ?? 10_000) + 5_000,
  });
  const sdkView = driver === 'sdk-v2' ? id : null;
  const tokenizer = createTokenizer(driver, sandbox, client, sdkView);
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retryDelay: 10 } } });

  return {
    id,
    sandbox,
    yuno,
    order,
    start,
    client,
    tokenizer,
    queryClient,
    sdkView,
    handlers,
    parameters,
    providerProps: {
      checkoutSession: start.checkoutSession,
      countryCode: start.countryCode,
      client,
      tokenizer,
      queryClient,
      language: parameters.language ?? 'en',
      ...(parameters.messages ? { messages: parameters.messages } : {}),
      pollInterval: () => 250,
    },
  };
}

/**
 * The page's tokenizer for a driver. The SDK stand-in's calls go over the network to the story's sandbox origin. Its
 * 3-D Secure page is the sandbox's page copied into a same-origin blob: frame, which submits the code to the sandbox
 * server as the real page does: the stories' play functions type the code into it, which a page of the sandbox's own
 * origin (`challengePage: 'url'`) would not let them do.
 */
function createTokenizer(
  driver: YunoStoryDriver,
  sandbox: StorySandbox,
  client: YunoBrowserClient,
  sdkView: string | null,
): YunoTokenizer {
  const { publicApiKey } = sandbox.credentials;
  const baseUrl = sandbox.baseUrl;
  switch (driver) {
    case 'sdk-v2':
      return createYunoSdkV2Tokenizer({
        publicApiKey,
        ...(sdkView !== null ? { elementSelector: `[data-yuno-sdk-view="${sdkView}"]` } : {}),
        loadSdk: async () => createSandboxWebSdk({ baseUrl, challengePage: 'blob', sdkVersion: 2 }),
      });
    case 'sdk-v1':
      return createYunoSdkTokenizer({
        publicApiKey,
        loadSdk: async () => createSandboxWebSdk({ baseUrl, challengePage: 'blob', sdkVersion: 1 }),
      });
    case 'server':
      return createServerTokenizer({ client });
  }
}

/** Enrolls cards for a customer the way a shopper's earlier visit would have: customer session → Web SDK enrollment. */
async function saveCards(
  sandbox: StorySandbox,
  yuno: YunoServerClient,
  customerId: string,
  country: string,
  numbers: readonly string[],
): Promise<void> {
  const sdk = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl }).initialize(sandbox.credentials.publicApiKey);
  for (const number of numbers) {
    const { customer_session } = await yuno.customerSessions.create({ customer_id: customerId, country });
    const enroller = await sdk.apiClientEnroll({ customer_session, country_code: country });
    await enroller.continueEnrollment({
      customer_session,
      payment_method: {
        type: 'CARD',
        card: {
          detail: {
            number,
            expiration_month: 11,
            expiration_year: 30,
            security_code: /^3[47]/.test(number) ? '1234' : '123',
            holder_name: 'Ada Lovelace',
          },
        },
      },
    });
  }
}

/**
 * The stack a story's loader built, from the story context (`play`, `render`, decorators).
 *
 * @example
 * ```ts
 * play: async (context) => {
 *   const { sandbox } = stackOf(context);
 *   const [payment] = await sandbox.listPayments();
 *   await sandbox.settlePayment(payment!.id, 'SUCCEEDED');
 * };
 * ```
 */
export function stackOf(context: { loaded: Record<string, unknown> }): YunoStoryStack {
  const stack = context.loaded.yuno as YunoStoryStack | undefined;
  if (!stack) throw new Error('stackOf: no Yuno stack in this story context (.storybook/preview.tsx builds one)');
  return stack;
}
