import { describe, expect, it } from 'vitest';
import {
  YunoError,
  createServerTokenizer,
  type BrowserInfo,
  type CardInput,
  type OneTimeTokenRequest,
  type ServerTokenizerClient,
} from 'yuno-react';
import { OneTimeTokenRequestSchema } from 'yuno-react/core';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoRouteHandlers, createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

/** The merchant's token route, played by the server client's call to Yuno's token endpoint; records what it got. */
function recordingClient() {
  const calls: Array<{ checkoutSession: string; body: OneTimeTokenRequest; signal: AbortSignal | undefined }> = [];
  const client: ServerTokenizerClient = {
    createOneTimeToken(checkoutSession, body, options) {
      calls.push({ checkoutSession, body, signal: options?.signal });
      return yuno.checkoutSessions.createOneTimeToken(checkoutSession, body, options);
    },
  };
  return { client, calls };
}

const browserInfo: BrowserInfo = {
  user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
  accept_header: 'application/json, text/plain, */*',
  accept_content: null,
  accept_browser: null,
  color_depth: '30',
  screen_height: '1117',
  screen_width: '1728',
  javascript_enabled: true,
  java_enabled: false,
  browser_time_difference: '180',
  language: 'pt-BR',
  platform: 'WEB',
};

let seq = 0;
async function newCheckout(country = 'US', currency = 'USD', value = 120) {
  seq += 1;
  const customer = await yuno.customers.create({
    merchant_customer_id: `server-shopper-${seq}-${Date.now()}`,
    country,
  });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `server-order-${seq}-${Date.now()}`,
    payment_description: 'Server tokenizer test',
    country,
    customer_id: customer.id,
    amount: { currency, value },
  });
  const amount = { currency, value };
  return { customer, session, amount, checkoutSession: session.checkout_session, countryCode: country, browserInfo };
}

async function pay(checkout: Awaited<ReturnType<typeof newCheckout>>, type: string, token: string) {
  return yuno.payments.create({
    description: 'Server tokenizer test',
    country: checkout.session.country,
    merchant_order_id: checkout.session.merchant_order_id,
    amount: checkout.amount,
    checkout: { session: checkout.checkoutSession },
    customer_payer: { id: checkout.customer.id },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type, token },
  });
}

const card = (number: string, securityCode = '123'): CardInput => ({
  number,
  expirationMonth: 11,
  expirationYear: 30,
  securityCode,
  holderName: 'Ada Lovelace',
  type: 'CREDIT',
});

describe('createServerTokenizer', () => {
  it('is the server kind and allows a one-hop Pay click', () => {
    const tokenizer = createServerTokenizer({ client: recordingClient().client });
    expect(tokenizer).toMatchObject({ kind: 'server', supportsOneHop: true });
    expect(Object.isFrozen(tokenizer)).toBe(true);
  });

  it('tokenizes a new card through the client with browser_info, and the token pays', async () => {
    const { client, calls } = recordingClient();
    const tokenizer = createServerTokenizer({ client });
    const checkout = await newCheckout();

    const token = await tokenizer.createToken(
      { type: 'CARD', card: card('4507 9900 0000 0002'), customer: { email: 'ada@example.com' } },
      checkout,
    );

    expect(calls).toHaveLength(1);
    expect(calls[0]!.checkoutSession).toBe(checkout.checkoutSession);
    expect(calls[0]!.body).toEqual({
      payment_method: {
        type: 'CARD',
        vault_on_success: false,
        card: {
          number: '4507990000000002',
          expiration_month: 11,
          expiration_year: 30,
          security_code: '123',
          holder_name: 'Ada Lovelace',
          type: 'CREDIT',
        },
        customer: { email: 'ada@example.com', browser_info: browserInfo },
      },
    });
    expect(OneTimeTokenRequestSchema.safeParse(calls[0]!.body).success).toBe(true);
    expect(token).toMatchObject({
      type: 'CARD',
      card_data: { lfd: '0002' },
      customer: { browser_info: { language: 'pt-BR' } },
    });
    expect(JSON.stringify(token)).not.toContain('4507990000000002');

    await expect(pay(checkout, 'CARD', token.token)).resolves.toMatchObject({ status: 'SUCCEEDED' });
  });

  it('saves a card on success and tokenizes the saved card with its CVV only', async () => {
    const { client, calls } = recordingClient();
    const tokenizer = createServerTokenizer({ client });
    const first = await newCheckout();

    const saving = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111'), saveCard: true }, first);
    expect(saving.vault_on_success).toBe(true);
    expect(calls[0]!.body.payment_method.vault_on_success).toBe(true);
    const paid = await pay(first, 'CARD', saving.token);
    const vaultedToken = paid.payment_method?.vaulted_token;
    expect(vaultedToken).toEqual(expect.any(String));

    const second = await yuno.checkoutSessions.create({
      merchant_order_id: `server-order-again-${Date.now()}`,
      payment_description: 'Server tokenizer test',
      country: 'US',
      customer_id: first.customer.id,
      amount: { currency: 'USD', value: 80 },
    });
    const checkout = {
      ...first,
      session: second,
      amount: { currency: 'USD', value: 80 },
      checkoutSession: second.checkout_session,
    };
    const token = await tokenizer.createToken(
      { type: 'CARD', vaultedToken: vaultedToken!, securityCode: '456' },
      checkout,
    );

    expect(calls[1]!.body).toEqual({
      payment_method: {
        type: 'CARD',
        vault_on_success: false,
        vaulted_token: vaultedToken,
        card: { security_code: '456' },
        customer: { browser_info: browserInfo },
      },
    });
    expect(token).toMatchObject({ vaulted_token: vaultedToken, card_data: { lfd: '1111' } });
    await expect(pay(checkout, 'CARD', token.token)).resolves.toMatchObject({ status: 'SUCCEEDED' });
  });

  it('tokenizes an alternative method (PIX) by its type', async () => {
    const { client, calls } = recordingClient();
    const tokenizer = createServerTokenizer({ client });
    const checkout = await newCheckout('BR', 'BRL', 50);

    const token = await tokenizer.createToken(
      { type: 'PIX', customer: { document: { document_type: 'CPF', document_number: '12345678909' } } },
      checkout,
    );

    expect(calls[0]!.body).toEqual({
      payment_method: {
        type: 'PIX',
        vault_on_success: false,
        customer: { document: { document_type: 'CPF', document_number: '12345678909' }, browser_info: browserInfo },
      },
    });
    expect(token).toMatchObject({ type: 'PIX', country: 'BR' });
    await expect(pay(checkout, 'PIX', token.token)).resolves.toMatchObject({ status: 'READY_TO_PAY' });
  });

  it('sends the installment the shopper chose', async () => {
    const { client, calls } = recordingClient();
    const tokenizer = createServerTokenizer({ client });
    await tokenizer.createToken(
      { type: 'CARD', card: card('4111111111111111'), installment: { id: 'installment-3', value: 3 } },
      await newCheckout(),
    );
    expect(calls[0]!.body.payment_method.installment).toEqual({ id: 'installment-3', value: 3 });
  });

  it("passes on the client's typed errors, without the card number", async () => {
    const tokenizer = createServerTokenizer({ client: recordingClient().client });
    const error = await tokenizer
      .createToken({ type: 'CARD', card: card('4111111111111112') }, await newCheckout())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ kind: 'http', status: 400, yunoCode: 'INVALID_PARAMETERS' });
    expect(JSON.stringify(error)).not.toContain('4111111111111112');
  });

  it('passes the signal on, so an aborted call rejects as aborted', async () => {
    const { client, calls } = recordingClient();
    const tokenizer = createServerTokenizer({ client });
    const controller = new AbortController();
    controller.abort();

    await expect(
      tokenizer.createToken(
        { type: 'CARD', card: card('4111111111111111') },
        { ...(await newCheckout()), signal: controller.signal },
      ),
    ).rejects.toMatchObject({ name: 'YunoError', kind: 'aborted' });
    expect(calls[0]!.signal).toBe(controller.signal);
  });

  it('reports a token of the wrong shape as invalid_response', async () => {
    const tokenizer = createServerTokenizer({
      client: { createOneTimeToken: async () => ({ type: 'CARD' }) as never },
    });
    await expect(
      tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, await newCheckout()),
    ).rejects.toMatchObject({ name: 'YunoError', kind: 'invalid_response', issues: [{ path: 'token' }] });
  });

  it("creates a browser client from baseUrl and fetch, and tokenizes through the merchant's token route", async () => {
    const handlers = createYunoRouteHandlers({
      client: yuno,
      serverTokenization: true,
      // The checkout is started on the server (newCheckout), so no browser holds its binding: let every caller in.
      authorize: () => true,
      resolveCheckout: () => {
        throw new Error('the token route does not start checkouts');
      },
    });
    const tokenizer = createServerTokenizer({ baseUrl: 'http://shop.test/api/yuno', fetch: handlers.fetch });
    const checkout = await newCheckout();
    const before = sandbox.countRequests({ path: `/v1/checkout/sessions/${checkout.checkoutSession}/token` });

    const token = await tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, checkout);

    expect(token).toMatchObject({
      type: 'CARD',
      card_data: { lfd: '1111' },
      customer: { browser_info: { language: 'pt-BR' } },
    });
    expect(sandbox.countRequests({ path: `/v1/checkout/sessions/${checkout.checkoutSession}/token` })).toBe(before + 1);
    await expect(pay(checkout, 'CARD', token.token)).resolves.toMatchObject({ status: 'SUCCEEDED' });
  });

  it('sends nothing at construction, and needs a page or an absolute baseUrl to send', async () => {
    const tokenizer = createServerTokenizer();
    expect(tokenizer.kind).toBe('server');
    await expect(
      tokenizer.createToken({ type: 'CARD', card: card('4111111111111111') }, await newCheckout()),
    ).rejects.toThrow(/createYunoBrowserClient/);
  });

  it('refuses a client together with the options of a client to create', () => {
    expect(() => createServerTokenizer({ client: recordingClient().client, baseUrl: '/api/yuno' })).toThrow(
      /createServerTokenizer: pass either client or the options of a client to create/,
    );
  });

  it('refuses a client without createOneTimeToken', () => {
    expect(() => createServerTokenizer({ client: {} as ServerTokenizerClient })).toThrow(
      /createServerTokenizer: client must have a createOneTimeToken/,
    );
  });
});
