import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_API_BASE_URL } from '../core';
import { createYunoBrowserClient, type YunoBrowserClient } from '../client/createYunoBrowserClient';
import { createYunoSdkTokenizer } from '../tokenizers/createYunoSdkTokenizer';
import { createYunoSdkV2Tokenizer } from '../tokenizers/createYunoSdkV2Tokenizer';
import type { YunoTokenizer } from '../tokenizers/types';
import type { YunoMessageOverrides } from '../i18n/messages';
import { CheckoutController } from '../controller';
import { createQueryPaymentCache } from './paymentCache';
import { YunoContext, type YunoContextValue, type YunoLanguage } from './YunoContext';
import { useBrowserLanguage } from './useBrowserLanguage';

export interface YunoProviderProps {
  /** The checkout session your server created for this order (`checkout_session`). */
  checkoutSession: string;
  /** A customer session, for saving cards (enrollment). */
  customerSession?: string;
  /** ISO 3166-1 alpha-2 country of the checkout, e.g. `BR`. */
  countryCode: string;
  /** Language of every visible string. @default the browser's language when it is es or pt, else en */
  language?: YunoLanguage;
  /**
   * Overrides of any visible string: `{ 'cardForm.submit': 'Buy now' }` for every language, or per language
   * `{ es: { 'cardForm.submit': 'Comprar' } }`. Keys are listed in each component's documentation.
   */
  messages?: YunoMessageOverrides;
  /**
   * Your Yuno public API key. With it, cards are tokenized by Yuno's Web SDK: card data goes from the browser
   * straight to Yuno.
   */
  publicApiKey?: string;
  /**
   * Which line of Yuno's Web SDK runs the checkout with `publicApiKey`: 2 (`createYunoSdkV2Tokenizer`, Yuno's unified
   * SDK, the script of `YUNO_SDK_V2_SCRIPT_URL`; it runs each payment itself, 3-D Secure included, and hands the token
   * to your `POST /payments` route) or 1 (`createYunoSdkTokenizer`, the 1.x headless API pinned to 1.11, which Yuno
   * retires in 2027). Ignored with `tokenizer`.
   * @default 2
   */
  sdkVersion?: 1 | 2;
  /** Base URL of your routes from `yuno-react/server`. @default '/api/yuno' */
  apiBaseUrl?: string;
  /** A browser client of your own (tests, custom transport). @default createYunoBrowserClient({ baseUrl: apiBaseUrl }) */
  client?: YunoBrowserClient;
  /**
   * How payment details become one-time tokens.
   * @default createYunoSdkV2Tokenizer({ publicApiKey }) when a key is given (createYunoSdkTokenizer with sdkVersion 1)
   */
  tokenizer?: YunoTokenizer;
  /** @default the surrounding QueryClientProvider's client, else one of its own */
  queryClient?: QueryClient;
  /**
   * Delay in ms before each payment-status poll, by poll count.
   * @default backoff from 1 s, doubling, at most 10 s
   */
  pollInterval?: (pollCount: number) => number;
  /** Called when a fresh checkout session replaces a used one (a retry after a decline). */
  onCheckoutSessionChange?: (checkoutSession: string) => void;
  children?: ReactNode;
}

const defaultPollInterval = (pollCount: number) => Math.min(10_000, 1_000 * 2 ** pollCount);

/** Props read once, at mount: a later change would need a new client, tokenizer or cache and is not applied. */
const MOUNT_ONLY = ['client', 'tokenizer', 'queryClient', 'publicApiKey', 'sdkVersion', 'apiBaseUrl'] as const;

/**
 * Holds a checkout's state (selected method, current payment attempt, status) for the hooks and components below it,
 * and the browser client, tokenizer and react-query cache they share.
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={session.checkoutSession} countryCode="BR" publicApiKey={process.env.NEXT_PUBLIC_YUNO_PUBLIC_API_KEY}>
 *   <PaymentMethodList />
 *   <CardForm />
 * </YunoProvider>
 * ```
 */
export function YunoProvider(props: YunoProviderProps) {
  const { checkoutSession, customerSession, countryCode, children } = props;
  const surrounding = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() =>
    props.queryClient || surrounding
      ? null
      : new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  const [client] = useState(
    () => props.client ?? createYunoBrowserClient({ baseUrl: props.apiBaseUrl ?? DEFAULT_API_BASE_URL }),
  );
  const [tokenizer] = useState<YunoTokenizer | null>(() => {
    if (props.tokenizer) return props.tokenizer;
    if (!props.publicApiKey) return null;
    return props.sdkVersion === 1
      ? createYunoSdkTokenizer({ publicApiKey: props.publicApiKey })
      : createYunoSdkV2Tokenizer({ publicApiKey: props.publicApiKey });
  });
  const queryClient = props.queryClient ?? ownQueryClient;
  const cacheClient = (queryClient ?? surrounding)!;
  const [controller] = useState(
    () =>
      new CheckoutController({
        checkoutSession,
        customerSession,
        countryCode,
        client,
        tokenizer,
        payments: createQueryPaymentCache(cacheClient),
      }),
  );
  const browserLanguage = useBrowserLanguage();
  const language = props.language ?? browserLanguage;
  const messages = props.messages;
  const pollInterval = props.pollInterval ?? defaultPollInterval;
  const pollIntervalRef = useRef(pollInterval);
  useEffect(() => {
    pollIntervalRef.current = pollInterval;
  });

  useWarnOnMountOnlyChanges(props);

  // A new session from the page is honoured: it starts a new attempt.
  const lastSessionProp = useRef(checkoutSession);
  useEffect(() => {
    if (lastSessionProp.current === checkoutSession) return;
    lastSessionProp.current = checkoutSession;
    if (controller.getState().checkoutSession !== checkoutSession) controller.switchSession(checkoutSession);
  }, [checkoutSession, controller]);
  useEffect(() => {
    controller.update({ countryCode, customerSession: customerSession ?? null });
  }, [countryCode, customerSession, controller]);

  const onSessionChange = props.onCheckoutSessionChange;
  const onSessionChangeRef = useRef(onSessionChange);
  useEffect(() => {
    onSessionChangeRef.current = onSessionChange;
  });
  useEffect(() => {
    let notified = controller.getState().checkoutSession;
    return controller.subscribe(() => {
      const current = controller.getState().checkoutSession;
      if (current === notified) return;
      notified = current;
      if (current !== lastSessionProp.current) onSessionChangeRef.current?.(current);
    });
  }, [controller]);

  const value = useMemo<YunoContextValue>(
    () => ({ controller, client, tokenizer, language, messages, pollInterval: (n) => pollIntervalRef.current(n) }),
    [controller, client, tokenizer, language, messages],
  );
  const tree = <YunoContext.Provider value={value}>{children}</YunoContext.Provider>;
  return queryClient && queryClient !== surrounding ? (
    <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>
  ) : (
    tree
  );
}

function useWarnOnMountOnlyChanges(props: YunoProviderProps): void {
  const initial = useRef(props);
  const warned = useRef(new Set<string>());
  useEffect(() => {
    for (const key of MOUNT_ONLY) {
      if (initial.current[key] !== props[key] && !warned.current.has(key)) {
        warned.current.add(key);
        // A developer-facing warning, as React itself gives for props it ignores; it never carries shopper data.
        // eslint-disable-next-line no-console
        console.warn(
          `<YunoProvider>: a change of the \`${key}\` prop after mount is not applied. Remount the provider (give it a new \`key\`) to use another ${key}.`,
        );
      }
    }
  });
}
