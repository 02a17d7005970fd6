// @vitest-environment jsdom
import type { Yuno } from '@yuno-payments/sdk-web-types';
import { describe, expect, it } from 'vitest';
import { YunoError, createYunoSdkTokenizer, type Payment, type YunoSdkLoader } from 'yuno-react';
import { PaymentSchema, collectBrowserInfo, getNextAction } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const publicApiKey = sandbox.credentials.publicApiKey;
// The merchant's server in these tests; allowed in jsdom because it only talks to the in-memory sandbox.
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
});

/** What the stand-in's getContinuePaymentAction route answered, in order. */
const answers: unknown[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await sandbox.fetch(request);
  if (new URL(request.url).pathname.endsWith('/continue-payment-action') && response.ok) {
    answers.push(await response.clone().json());
  }
  return response;
};

const loadSdk: YunoSdkLoader = async () => createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: recordingFetch });
const tokenizer = createYunoSdkTokenizer({ publicApiKey, loadSdk });

/** The stand-in SDK whose getContinuePaymentAction is replaced (or taken away), to play an SDK that misbehaves. */
function tokenizerAnswering(getContinuePaymentAction: (() => Promise<unknown>) | undefined) {
  const load: YunoSdkLoader = async () => {
    const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    return {
      async initialize(key: string) {
        const instance = await sdk.initialize(key);
        return {
          ...instance,
          async apiClientPayment(args) {
            const { getContinuePaymentAction: _, ...api } = (await instance.apiClientPayment(args)) as Awaited<
              ReturnType<typeof instance.apiClientPayment>
            > & { getContinuePaymentAction?: unknown };
            return { ...api, ...(getContinuePaymentAction ? { getContinuePaymentAction } : {}) };
          },
        };
      },
    } satisfies Yuno;
  };
  return createYunoSdkTokenizer({ publicApiKey, loadSdk: load });
}

let seq = 0;
async function newCheckout(country: string, currency: string, value = 50, callbackUrl?: string) {
  seq += 1;
  const customer = await yuno.customers.create({ merchant_customer_id: `next-action-${seq}-${Date.now()}`, country });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `next-action-${seq}-${Date.now()}`,
    payment_description: 'Next action test',
    country,
    customer_id: customer.id,
    amount: { currency, value },
    ...(callbackUrl ? { callback_url: callbackUrl } : {}),
  });
  return { customer, session, checkoutSession: session.checkout_session, countryCode: country, currency, value };
}

/** Tokenizes `type` through the driver (a card when `cardNumber` is given) and creates the payment on the server. */
async function payWith(checkout: Awaited<ReturnType<typeof newCheckout>>, type: string, cardNumber?: string) {
  const token = await tokenizer.createToken(
    {
      type,
      ...(cardNumber
        ? { card: { number: cardNumber, expirationMonth: 11, expirationYear: 30, securityCode: '123' } }
        : {}),
    },
    { checkoutSession: checkout.checkoutSession, countryCode: checkout.countryCode, browserInfo: collectBrowserInfo() },
  );
  const created = await yuno.payments.create({
    description: 'Next action test',
    country: checkout.countryCode,
    merchant_order_id: checkout.session.merchant_order_id,
    amount: { currency: checkout.currency, value: checkout.value },
    checkout: { session: checkout.checkoutSession },
    customer_payer: { id: checkout.customer.id },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type, token: token.token },
  });
  return PaymentSchema.parse(created) as Payment;
}

/** An ISO date cut to whole seconds, as a Unix timestamp in seconds carries it. */
const toSeconds = (iso: string | null | undefined) =>
  new Date(Math.floor(Date.parse(iso!) / 1000) * 1000).toISOString();

describe('getContinuePaymentAction against the sandbox', () => {
  it('gives a PIX as a QR: the image, the copy-paste code and its expiry', async () => {
    const checkout = await newCheckout('BR', 'BRL');
    const payment = await payWith(checkout, 'PIX');
    expect(payment.status).toBe('READY_TO_PAY');
    const transfer = payment.payment_method?.payment_method_detail?.bank_transfer;

    const action = await tokenizer.getContinuePaymentAction!(checkout);

    expect(action).toEqual({
      type: 'qr',
      code: transfer?.payment_instruction,
      imageUrl: transfer?.provider_image,
      expiresAt: toSeconds(transfer?.expires_at),
      url: undefined,
    });
    expect(answers.at(-1)).toMatchObject({
      type: 'SANDBOX_PIX',
      action: 'IMAGE',
      image: { type: 'image/svg+xml', value: expect.any(String), reference: payment.id },
      payment_code: { code: transfer?.payment_instruction, reference: payment.id },
    });
    // The same QR and code the library reads from the payment itself.
    expect(getNextAction(payment)).toMatchObject({
      type: 'qr',
      code: transfer?.payment_instruction,
      imageUrl: transfer?.provider_image,
    });
  });

  it.each([
    ['PSE', 'CO', 'COP'],
    ['PAYPAL', 'US', 'USD'],
  ] as const)('gives %s as a redirect to the provider page', async (type, country, currency) => {
    const checkout = await newCheckout(country, currency, 50, 'https://shop.example/back');
    const payment = await payWith(checkout, type);

    await expect(tokenizer.getContinuePaymentAction!(checkout)).resolves.toEqual({
      type: 'redirect',
      url: `${sandbox.baseUrl}/_sandbox/redirect/${payment.id}`,
    });
    expect(answers.at(-1)).toMatchObject({
      action: 'REDIRECT_URL',
      // The payment's callback URL, where the provider sends the shopper back.
      redirect: {
        success_url: expect.stringMatching(/^https:\/\/shop\.example\/back/),
        error_url: expect.stringMatching(/^https:\/\/shop\.example\/back/),
      },
    });
  });

  it.each([
    ['OXXO', 'MX', 'MXN'],
    ['BOLETO', 'BR', 'BRL'],
    ['EFECTY', 'CO', 'COP'],
  ] as const)('gives %s as a voucher with the reference to pay with', async (type, country, currency) => {
    const checkout = await newCheckout(country, currency);
    const payment = await payWith(checkout, type);
    const ticket = payment.payment_method?.payment_method_detail?.ticket;
    expect(ticket?.provider_number).toMatch(/^\d+$/);

    await expect(tokenizer.getContinuePaymentAction!(checkout)).resolves.toEqual({
      type: 'voucher',
      code: ticket?.provider_number,
      barcode: undefined,
      instructions: undefined,
      expiresAt: toSeconds(ticket?.expires_at),
      url: undefined,
    });
    expect(answers.at(-1)).toMatchObject({ action: 'PAYMENT_CODE', payment_code: { reference: payment.id } });
  });

  it('gives null for a 3DS challenge, which has its own call, and for a payment that needs nothing more', async () => {
    const challenged = await newCheckout('US', 'USD');
    expect(await payWith(challenged, 'CARD', '4916994064252017')).toMatchObject({ status: 'PENDING' });
    await expect(tokenizer.getContinuePaymentAction!(challenged)).resolves.toBeNull();
    expect(answers.at(-1)).toMatchObject({
      action: 'THREE_D_SECURE_REDIRECT_URL',
      three_d_secure_redirect: { init_url: `${sandbox.baseUrl}/_sandbox/3ds/${challenged.checkoutSession}` },
    });

    const settled = await newCheckout('US', 'USD');
    expect(await payWith(settled, 'CARD', '4111111111111111')).toMatchObject({ status: 'SUCCEEDED' });
    await expect(tokenizer.getContinuePaymentAction!(settled)).resolves.toBeNull();
    expect(answers.at(-1)).toBeNull();
  });

  it('gives null once a PIX is paid', async () => {
    const checkout = await newCheckout('BR', 'BRL');
    const payment = await payWith(checkout, 'PIX');
    await sandbox.settlePayment(payment.id!, 'SUCCEEDED');
    await expect(tokenizer.getContinuePaymentAction!(checkout)).resolves.toBeNull();
  });

  it('passes on the sandbox refusing a session without a payment', async () => {
    const checkout = await newCheckout('BR', 'BRL');
    await expect(tokenizer.getContinuePaymentAction!(checkout)).rejects.toMatchObject({
      kind: 'http',
      status: 404,
      yunoCode: 'PAYMENT_NOT_FOUND',
    });
  });

  it('stops at an aborted signal', async () => {
    const checkout = await newCheckout('BR', 'BRL');
    const controller = new AbortController();
    controller.abort();
    await expect(tokenizer.getContinuePaymentAction!({ ...checkout, signal: controller.signal })).rejects.toMatchObject(
      { kind: 'aborted' },
    );
  });
});

describe('getContinuePaymentAction: what Yuno may answer', () => {
  const checkout = { checkoutSession: '438413b7-4921-41e4-b8f3-28a5a0141638', countryCode: 'BR' };
  const answering = (answer: unknown) => tokenizerAnswering(async () => answer).getContinuePaymentAction!(checkout);

  it('builds the QR image from the MIME type and base64 value, and reads expiration_time as Unix seconds', async () => {
    await expect(
      answering({
        type: 'DLOCAL',
        action: 'IMAGE',
        image: { type: 'image/png', value: 'iVBORw0KGgo=', reference: 'ref-1', expiration_time: 1_924_992_000 },
      }),
    ).resolves.toEqual({
      type: 'qr',
      code: undefined,
      imageUrl: 'data:image/png;base64,iVBORw0KGgo=',
      expiresAt: '2031-01-01T00:00:00.000Z',
      url: undefined,
    });
  });

  it('gives a payment code with an image as a QR, and one alone as a voucher', async () => {
    const code = { code: '00020126580014br.gov.bcb.pix', reference: 'ref-2' };
    await expect(
      answering({
        type: 'CIELO',
        action: 'PAYMENT_CODE',
        payment_code: code,
        image: { type: 'image/png', value: 'iVBORw0KGgo=', reference: 'ref-2' },
      }),
    ).resolves.toMatchObject({ type: 'qr', code: code.code, imageUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    await expect(answering({ type: 'DLOCAL', action: 'PAYMENT_CODE', payment_code: code })).resolves.toEqual({
      type: 'voucher',
      code: code.code,
      barcode: undefined,
      instructions: undefined,
      expiresAt: undefined,
      url: undefined,
    });
  });

  it.each([
    [
      'THREE_D_SECURE_REDIRECT_URL',
      { three_d_secure_redirect: { init_url: 'https://3ds.example', access_token: 't' } },
    ],
    ['OTP', { otp: { length: 6 } }],
    ['FORM', {}],
    ['INFO', { info: { screen_info: 'Done' } }],
    ['SDK_PROVIDER', { sdk_provider: { gateway: 'g', merchant_id: 'm' } }],
    ['REQUEST_HTML', { request_html: { url: 'https://p.example' } }],
    ['RENDER_HTML', { render_html: { content: '<p>x</p>' } }],
    ['RENDER_IFRAME', { render_iframe: { init_url: 'https://p.example', access_token: 't' } }],
    ['SOMETHING_NEW', {}],
  ])('gives null for %s, which the library does not render', async (action, fields) => {
    await expect(answering({ type: 'DLOCAL', action, ...fields })).resolves.toBeNull();
  });

  it('gives null when Yuno answers no action', async () => {
    await expect(answering(null)).resolves.toBeNull();
    await expect(answering(undefined)).resolves.toBeNull();
  });

  it.each([
    ['a string', 'REDIRECT_URL', '(root)'],
    ['no action', { type: 'DLOCAL' }, 'action'],
    ['an IMAGE without its image', { type: 'DLOCAL', action: 'IMAGE' }, 'image'],
    [
      'an IMAGE whose value is not base64',
      { type: 'DLOCAL', action: 'IMAGE', image: { type: 'image/png', value: 'not base64!', reference: 'r' } },
      'image.value',
    ],
    [
      'an IMAGE whose type is not an image',
      { type: 'DLOCAL', action: 'IMAGE', image: { type: 'text/html', value: 'PGI+', reference: 'r' } },
      'image.type',
    ],
    [
      'a PAYMENT_CODE without its code',
      { type: 'DLOCAL', action: 'PAYMENT_CODE', payment_code: {} },
      'payment_code.code',
    ],
    ['a REDIRECT_URL without a URL', { type: 'DLOCAL', action: 'REDIRECT_URL', redirect: {} }, 'redirect.init_url'],
    [
      'a REDIRECT_URL to a javascript: URL',
      { type: 'DLOCAL', action: 'REDIRECT_URL', redirect: { init_url: 'javascript:alert(1)' } },
      'redirect.init_url',
    ],
  ])('reports %s as invalid_response', async (_, answer, path) => {
    const error = await answering(answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({ kind: 'invalid_response', issues: [expect.objectContaining({ path })] });
  });

  it("reports the SDK's failure as an sdk error, with Yuno's code when it gave one", async () => {
    const failing = tokenizerAnswering(() => Promise.reject({ code: 'INVALID_REQUEST', messages: ['No payment'] }));
    await expect(failing.getContinuePaymentAction!(checkout)).rejects.toMatchObject({
      kind: 'sdk',
      yunoCode: 'INVALID_REQUEST',
      messages: ['No payment'],
    });
    const thrown = tokenizerAnswering(() => Promise.reject(new Error('network down')));
    await expect(thrown.getContinuePaymentAction!(checkout)).rejects.toMatchObject({
      kind: 'sdk',
      message: expect.stringContaining('network down'),
    });
  });

  it('reports an SDK build without getContinuePaymentAction as an sdk error', async () => {
    await expect(tokenizerAnswering(undefined).getContinuePaymentAction!(checkout)).rejects.toMatchObject({
      kind: 'sdk',
      message: expect.stringContaining('getContinuePaymentAction'),
    });
  });
});
