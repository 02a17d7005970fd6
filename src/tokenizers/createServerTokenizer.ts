import { createYunoBrowserClient, type YunoBrowserClientOptions } from '../client/createYunoBrowserClient';
import type { OneTimeToken, OneTimeTokenRequest } from '../core/schemas/token';
import { parseOneTimeToken } from './parseOneTimeToken';
import { toCardDetail } from './toCardDetail';
import type { TokenizeInput, TokenizerContext, YunoTokenizer } from './types';

/**
 * What {@link createServerTokenizer} needs from a client: the browser client of the merchant's routes
 * (`createYunoBrowserClient`) has this method, and so has `yuno-react/server`'s `checkoutSessions` group.
 *
 * @example
 * ```ts
 * const client: ServerTokenizerClient = createYunoBrowserClient({ baseUrl: '/api/yuno' });
 * ```
 */
export interface ServerTokenizerClient {
  createOneTimeToken(
    checkoutSession: string,
    body: OneTimeTokenRequest,
    options?: { signal?: AbortSignal },
  ): Promise<OneTimeToken>;
}

/**
 * Options of {@link createServerTokenizer}: a `client`, or the options of the browser client to create
 * (`createYunoBrowserClient`: `baseUrl`, `fetch`, `headers`, `timeoutMs`, `retry`).
 *
 * @example
 * ```ts
 * const withClient: ServerTokenizerOptions = { client: createYunoBrowserClient({ baseUrl: '/api/yuno' }) };
 * const withBaseUrl: ServerTokenizerOptions = { baseUrl: '/shop/api/yuno' };
 * ```
 */
export interface ServerTokenizerOptions extends YunoBrowserClientOptions {
  /**
   * Sends the token request to the merchant's token route (which must have `serverTokenization` switched on), e.g. the
   * `<YunoProvider>`'s own browser client.
   * @default createYunoBrowserClient(options) with the other options
   */
  client?: ServerTokenizerClient;
}

const CLIENT_OPTIONS = ['baseUrl', 'fetch', 'headers', 'timeoutMs', 'retry'] as const;

/**
 * A tokenizer that sends payment details to the merchant's own token route, which calls Yuno's token endpoint with the
 * private key. Card data then passes through the merchant's server, so use it only when that server is PCI certified,
 * or with the sandbox; otherwise use {@link createYunoSdkTokenizer}. It allows a one-round-trip Pay click
 * (`supportsOneHop`): the card can go with the payment request and the route tokenizes it first. Every token carries
 * the shopper's `browser_info`. Nothing is sent at construction. Errors are the client's `YunoError`s; a token of an
 * unexpected shape is a `YunoError` of kind `invalid_response`.
 *
 * @see https://docs.y.uno/reference/checkout-sessions/create-one-time-use-token-sdk-checkout
 * @example
 * ```tsx
 * import { YunoProvider, createServerTokenizer, createYunoBrowserClient } from 'yuno-react';
 *
 * const client = createYunoBrowserClient({ baseUrl: '/api/yuno' });
 * const tokenizer = createServerTokenizer({ client });
 *
 * <YunoProvider checkoutSession={checkoutSession} countryCode="US" client={client} tokenizer={tokenizer}>
 *   <Checkout />
 * </YunoProvider>;
 * ```
 */
export function createServerTokenizer(options: ServerTokenizerOptions = {}): YunoTokenizer {
  if (options.client !== undefined && CLIENT_OPTIONS.some((key) => options[key] !== undefined)) {
    throw new Error(
      'createServerTokenizer: pass either client or the options of a client to create ' +
        `(${CLIENT_OPTIONS.join(', ')}), not both`,
    );
  }
  const client = options.client ?? createYunoBrowserClient(clientOptionsOf(options));
  if (client === null || typeof client !== 'object' || typeof client.createOneTimeToken !== 'function') {
    throw new Error('createServerTokenizer: client must have a createOneTimeToken(checkoutSession, body) method');
  }
  const tokenizer: YunoTokenizer = {
    kind: 'server',
    supportsOneHop: true,
    async createToken(input: TokenizeInput, context: TokenizerContext) {
      const raw: unknown = await client.createOneTimeToken(
        context.checkoutSession,
        oneTimeTokenRequest(input, context),
        context.signal !== undefined ? { signal: context.signal } : undefined,
      );
      return parseOneTimeToken(raw, 'The token route');
    },
  };
  return Object.freeze(tokenizer);
}

function clientOptionsOf(options: ServerTokenizerOptions): YunoBrowserClientOptions {
  const { client: _client, ...clientOptions } = options;
  return clientOptions;
}

/** Yuno's token request for a new card, a saved card (its CVV only) or an alternative method (its type only). */
function oneTimeTokenRequest(input: TokenizeInput, context: TokenizerContext): OneTimeTokenRequest {
  const securityCode = input.securityCode ?? input.card?.securityCode;
  let card: NonNullable<OneTimeTokenRequest['payment_method']['card']> | undefined;
  if (input.vaultedToken) {
    if (securityCode !== undefined) card = { security_code: securityCode };
  } else if (input.card) {
    card = toCardDetail(input.card);
  }
  return {
    payment_method: {
      type: input.type,
      vault_on_success: input.saveCard ?? false,
      ...(input.vaultedToken ? { vaulted_token: input.vaultedToken } : {}),
      ...(card !== undefined ? { card } : {}),
      customer: { ...input.customer, browser_info: context.browserInfo },
      ...(input.installment !== undefined ? { installment: input.installment } : {}),
    },
  };
}
