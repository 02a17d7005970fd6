// The sandbox's stand-in for Yuno's Web SDK with its Secure Fields, alone in Debian's Chromium: the sandbox served by
// startYunoSandboxServer on one origin (http://127.0.0.1:…), a shop's page on another (http://localhost:…) that loads
// the stand-in, mounts pan / expiration / cvv through the 2.x and the 1.x surfaces, has a card typed into the frames and
// tokenizes. Each check then proves the shop's page never had the card number or the CVV: not in its DOM, its fields,
// its storage, its cookies, the console, nor any request it sent; while the frame's own request to the sandbox did.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { startYunoSandboxServer, type YunoSandboxServer } from '../src/sandbox';
import type { createSandboxWebSdk } from '../src/sandbox/createSandboxWebSdk';
import { createYunoServerClient } from '../src/server';

type StandIn = { createSandboxWebSdk: typeof createSandboxWebSdk };

export interface StandInCheck {
  name: string;
  run(browser: Browser): Promise<void>;
}

const CARD = { number: '4507990000000002', formatted: '4507 9900 0000 0002', expiry: '1130', cvv: '739' };
const HOLDER = 'Ada Lovelace';
const GLOBAL = 'YunoSandboxStandIn';

let bundle: Promise<string> | undefined;
/** The stand-in as a browser script that sets `window.YunoSandboxStandIn = { createSandboxWebSdk, … }`. */
function standInBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('../src/sandbox/createSandboxWebSdk.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

const SHOP_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop checkout</title></head>
<body>
<main>
  <h1>Checkout</h1>
  <div id="pan"></div>
  <div id="expiration"></div>
  <div id="cvv"></div>
  <p id="status" role="status"></p>
</main>
<script src="/stand-in.js"></script>
</body>
</html>`;

interface Stack {
  sandbox: YunoSandboxServer;
  shop: Server;
  shopUrl: string;
  /** Bodies of what the shop's page POSTed to the shop's server. */
  shopRequests: string[];
  yuno: ReturnType<typeof createYunoServerClient>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let seq = 0;
async function newCheckout(stack: Stack) {
  seq += 1;
  const customer = await stack.yuno.customers.create({ merchant_customer_id: `sf-standin-${seq}`, country: 'US' });
  const session = await stack.yuno.checkoutSessions.create({
    merchant_order_id: `sf-standin-order-${seq}`,
    payment_description: 'Secure Fields stand-in',
    country: 'US',
    customer_id: customer.id,
    amount: { currency: 'USD', value: 30 },
  });
  return { checkoutSession: session.checkout_session, customerId: customer.id };
}

async function startStack(): Promise<Stack> {
  const sandbox = await startYunoSandboxServer({ port: 0 });
  const yuno = createYunoServerClient({ ...sandbox.sandbox.credentials, baseUrl: sandbox.url });
  const shopRequests: string[] = [];
  const script = await standInBundle();
  const shop = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method === 'GET' && path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SHOP_PAGE);
      } else if (req.method === 'GET' && path === '/stand-in.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      } else if (req.method === 'POST' && path === '/pay') {
        // The shop's server creates the payment from the one-time token, as a createPayment controller's backend does.
        const body = await readBody(req);
        shopRequests.push(body);
        const { token, checkout_session, customer_id } = JSON.parse(body) as Record<string, string>;
        await yuno.payments.create({
          description: 'Secure Fields stand-in',
          country: 'US',
          merchant_order_id: `sf-standin-pay-${seq}`,
          amount: { currency: 'USD', value: 30 },
          checkout: { session: checkout_session! },
          customer_payer: { id: customer_id! },
          workflow: 'SDK_CHECKOUT',
          payment_method: { type: 'CARD', token: token! },
        });
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  // Another origin than the sandbox's (and another site: localhost against 127.0.0.1).
  const shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
  return { sandbox, shop, shopUrl, shopRequests, yuno };
}

async function stopStack(stack: Stack): Promise<void> {
  stack.shop.closeAllConnections();
  await new Promise<void>((resolve) => stack.shop.close(() => resolve()));
  await stack.sandbox.close();
}

interface Recorded {
  console: string[];
  /** Requests the shop's own page (its main frame) sent: URL, headers and body. */
  pageRequests: string[];
  /** Requests the fields' frames sent. */
  frameRequests: Array<{ url: string; body: string }>;
}

async function openShop(browser: Browser, stack: Stack): Promise<{ context: BrowserContext; page: Page } & Recorded> {
  const context = await browser.newContext();
  // tsx compiles functions given to `evaluate` with esbuild's keepNames, whose `__name` helper the page lacks.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = await context.newPage();
  const recorded: Recorded = { console: [], pageRequests: [], frameRequests: [] };
  page.on('console', (message) => recorded.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => recorded.console.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.frame() === page.mainFrame()) {
      recorded.pageRequests.push(`${request.method()} ${request.url()} ${JSON.stringify(request.headers())} ${body}`);
    } else {
      recorded.frameRequests.push({ url: request.url(), body });
    }
  });
  await page.goto(`${stack.shopUrl}/`);
  await page.waitForFunction((global) => global in window, GLOBAL);
  return { context, page, ...recorded };
}

const field = (page: Page, name: string): FrameLocator => page.frameLocator(`iframe[data-yuno-secure-field="${name}"]`);

async function typeCard(page: Page): Promise<void> {
  await field(page, 'pan').getByLabel('Card number').pressSequentially(CARD.number);
  await field(page, 'expiration').getByLabel('Expiry').pressSequentially(CARD.expiry);
  await field(page, 'cvv').getByLabel('CVV').pressSequentially(CARD.cvv);
  // Formatted as typed, inside the frames.
  assert.equal(await field(page, 'pan').getByLabel('Card number').inputValue(), CARD.formatted);
  assert.equal(await field(page, 'expiration').getByLabel('Expiry').inputValue(), '11/30');
}

/** The shop's page must never have held the card number or the CVV. */
async function assertNoCardDataInShop(
  stack: Stack,
  context: BrowserContext,
  page: Page,
  recorded: Recorded,
): Promise<void> {
  const numberPattern = new RegExp(CARD.number.split('').join('[\\s\\u00a0.-]*'));
  const cvvPattern = new RegExp(`(?<![0-9A-Za-z])${CARD.cvv}(?![0-9A-Za-z])`);
  const found: string[] = [];
  const check = (where: string, text: string) => {
    if (numberPattern.test(text)) found.push(`card number in ${where}`);
    if (cvvPattern.test(text)) found.push(`CVV in ${where}`);
  };
  const main: Frame = page.mainFrame();
  const dump = await main.evaluate(() => ({
    html: document.documentElement.outerHTML,
    values: Array.from(document.querySelectorAll('input, textarea, select')).map(
      (element) => (element as HTMLInputElement).value,
    ),
    localStorage: JSON.stringify({ ...window.localStorage }),
    sessionStorage: JSON.stringify({ ...window.sessionStorage }),
    cookie: document.cookie,
    // What the page's own code got from the stand-in (tokens, statuses, onChange events).
    received: JSON.stringify((window as unknown as { received?: unknown }).received ?? null),
  }));
  check("the shop page's DOM", dump.html);
  dump.values.forEach((value, i) => check(`the shop page's field ${i}`, value));
  check("the shop page's localStorage", dump.localStorage);
  check("the shop page's sessionStorage", dump.sessionStorage);
  check("the shop page's document.cookie", dump.cookie);
  check('what the stand-in gave the shop page', dump.received);
  for (const cookie of await context.cookies()) check(`cookie ${cookie.name}`, `${cookie.name}=${cookie.value}`);
  for (const line of recorded.console) check('the console', line);
  for (const request of recorded.pageRequests) check("a request of the shop's page", request);
  for (const body of stack.shopRequests) check("what the shop's server received", body);
  assert.deepEqual(found, [], found.join('\n'));
  // Not a scan that cannot fail: the same patterns find the card in the pan frame's request to the sandbox.
  const tokenRequest = recorded.frameRequests.find((r) =>
    /\/_sandbox\/sdk\/(checkout|customers)\/sessions\//.test(r.url),
  );
  assert.ok(tokenRequest, 'the pan frame sent the card to the sandbox');
  assert.equal(new URL(tokenRequest.url).origin, stack.sandbox.url);
  assert.match(tokenRequest.body, numberPattern);
  assert.match(tokenRequest.body, cvvPattern);
  assert.ok(recorded.pageRequests.length > 0, "the shop's page requests were recorded");
}

async function withShop(
  browser: Browser,
  work: (stack: Stack, shop: { context: BrowserContext; page: Page } & Recorded) => Promise<void>,
  { typesCard = true } = {},
): Promise<void> {
  const stack = await startStack();
  let context: BrowserContext | undefined;
  try {
    const shop = await openShop(browser, stack);
    context = shop.context;
    await work(stack, shop);
    // A check that types no card has nothing to look for.
    if (typesCard) await assertNoCardDataInShop(stack, shop.context, shop.page, shop);
  } finally {
    await context?.close().catch(() => undefined);
    await stopStack(stack);
  }
}

interface Received {
  changes: Array<{ name: string; error: boolean; isDirty: boolean; data: Record<string, unknown> }>;
  token?: Record<string, unknown>;
  statuses: Array<{ status: string }>;
  rendered: string[];
}

export const standInChecks: StandInCheck[] = [
  {
    name: 'Secure Fields stand-in, 2.x: transaction.secureFields mounts frames of the sandbox; start pays with what they hold',
    run: (browser) =>
      withShop(browser, async (stack, { page }) => {
        const { checkoutSession, customerId } = await newCheckout(stack);
        await page.evaluate(
          async ({ global, sandboxUrl, publicApiKey, checkoutSession, customerId }) => {
            const standIn = (window as unknown as Record<string, StandIn>)[global]!;
            const received: Received = { changes: [], statuses: [], rendered: [] };
            (window as unknown as { received: Received }).received = received;
            const sdk = await standIn
              .createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 2 })
              .initialize(publicApiKey);
            const transaction = sdk.transaction({
              checkoutSession,
              countryCode: 'US',
              createPayment: async (token) => {
                received.token = token;
                await fetch('/pay', {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    token: token.token,
                    checkout_session: token.checkout_session,
                    customer_id: customerId,
                  }),
                });
              },
              onStatus: (result) => {
                received.statuses.push(result);
                document.getElementById('status')!.textContent = result.status;
              },
            });
            (window as unknown as { transaction: typeof transaction }).transaction = transaction;
            const secureFields = await transaction.secureFields();
            const options = (name: string, label: string) => ({
              label,
              styles: 'input { letter-spacing: 0.05em; }',
              onChange: (change: { error?: boolean; isDirty?: boolean; data?: unknown }) =>
                received.changes.push({ name, ...change } as (typeof received.changes)[number]),
              onRenderedSecureField: () => received.rendered.push(name),
            });
            await Promise.all([
              secureFields.create({ name: 'pan', options: options('pan', 'Card number') }).mount('#pan'),
              secureFields
                .create({ name: 'expiration', options: options('expiration', 'Expiry') })
                .mount('#expiration'),
              secureFields.create({ name: 'cvv', options: options('cvv', 'CVV') }).mount('#cvv'),
            ]);
          },
          {
            global: GLOBAL,
            sandboxUrl: stack.sandbox.url,
            publicApiKey: stack.sandbox.sandbox.credentials.publicApiKey,
            checkoutSession,
            customerId,
          },
        );
        // Each field's page comes from the sandbox's origin, framed cross-origin.
        for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
          assert.equal(new URL(frame.url()).origin, stack.sandbox.url);
        }
        // The shop's styles apply inside the frame (under its CSP).
        const spacing = await field(page, 'pan')
          .getByLabel('Card number')
          .evaluate((input) => getComputedStyle(input).letterSpacing);
        assert.notEqual(spacing, 'normal');
        await typeCard(page);

        const start = (card: Record<string, unknown>) =>
          page.evaluate(
            (card) =>
              (window as unknown as { transaction: { start(s: unknown): Promise<void> } }).transaction
                .start({ paymentMethod: { type: 'CARD', data: { card } } })
                .then(
                  () => 'resolved',
                  (error: Error) => `rejected: ${error.message}`,
                ),
            card,
          );
        // The fields own the card data: start refuses it while they are mounted.
        assert.match(await start({ holderName: HOLDER, securityCode: '000' }), /rejected: .*must not carry number/);
        // One start at a time.
        const [first, second] = await page.evaluate((holderName) => {
          const t = (window as unknown as { transaction: { start(s: unknown): Promise<void> } }).transaction;
          const run = () =>
            t.start({ paymentMethod: { type: 'CARD', data: { card: { holderName } } } }).then(
              () => 'resolved',
              (error: Error) => `rejected: ${error.message}`,
            );
          return Promise.all([run(), run()]);
        }, HOLDER);
        assert.equal(first, 'resolved');
        assert.match(second, /rejected: start is already running/);

        const received = await page.evaluate(() => (window as unknown as { received: Received }).received);
        assert.deepEqual(received.rendered.sort(), ['cvv', 'expiration', 'pan']);
        const lastPan = received.changes.filter((c) => c.name === 'pan').at(-1)!;
        assert.equal(lastPan.error, false);
        assert.equal(lastPan.isDirty, true);
        assert.equal(lastPan.data.brand, 'VISA');
        assert.equal(lastPan.data.iin, CARD.number.slice(0, 8));
        assert.equal(lastPan.data.isValid, true);
        assert.equal(received.changes.filter((c) => c.name === 'cvv').at(-1)!.data.isValid, true);
        assert.ok(received.token, 'createPayment got a token');
        assert.equal(received.token.checkout_session, checkoutSession);
        assert.equal((received.token.card_data as { lfd: string }).lfd, CARD.number.slice(-4));
        assert.equal((received.token.card_data as { brand: string }).brand, 'VISA');
        assert.deepEqual(
          received.statuses.map((s) => s.status),
          ['SUCCEEDED'],
        );
        await page.getByRole('status').filter({ hasText: 'SUCCEEDED' }).waitFor();
      }),
  },
  {
    name: 'Secure Fields stand-in, 1.x: yuno.secureFields renders frames of the sandbox; generateTokenWithInformation tokenizes in them',
    run: (browser) =>
      withShop(browser, async (stack, { page }) => {
        const { checkoutSession, customerId } = await newCheckout(stack);
        await page.evaluate(
          async ({ global, sandboxUrl, publicApiKey, checkoutSession }) => {
            const standIn = (window as unknown as Record<string, StandIn>)[global]!;
            const received: Received = { changes: [], statuses: [], rendered: [] };
            (window as unknown as { received: Received }).received = received;
            const yuno = await standIn
              .createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 1 })
              .initialize(publicApiKey);
            const secureFields = await yuno.secureFields({ countryCode: 'US', checkoutSession });
            (window as unknown as { secureFields: typeof secureFields }).secureFields = secureFields;
            const options = (name: string, label: string) => ({
              label,
              onChange: (change: { error: boolean; data?: unknown }) =>
                received.changes.push({ name, isDirty: true, ...(change as { error: boolean; data: never }) }),
            });
            await secureFields.create({ name: 'pan', options: options('pan', 'Card number') }).render('#pan');
            await secureFields
              .create({ name: 'expiration', options: options('expiration', 'Expiry') })
              .render('#expiration');
            await secureFields.create({ name: 'cvv', options: options('cvv', 'CVV') }).render('#cvv');
          },
          {
            global: GLOBAL,
            sandboxUrl: stack.sandbox.url,
            publicApiKey: stack.sandbox.sandbox.credentials.publicApiKey,
            checkoutSession,
          },
        );
        // A wrong number is caught in the frame, which says so to the shopper.
        const pan = field(page, 'pan').getByLabel('Card number');
        await pan.pressSequentially('4507990000000003');
        await pan.blur();
        await field(page, 'pan').getByRole('alert').filter({ hasText: 'Enter a valid card number.' }).waitFor();
        assert.equal(await pan.getAttribute('aria-invalid'), 'true');
        await pan.fill('');
        await typeCard(page);

        const token = await page.evaluate(async (cardHolderName) => {
          const sf = (
            window as unknown as {
              secureFields: { generateTokenWithInformation(a: unknown): Promise<Record<string, unknown>> };
            }
          ).secureFields;
          const token = await sf.generateTokenWithInformation({ cardHolderName });
          (window as unknown as { received: Received }).received.token = token;
          return token;
        }, HOLDER);
        assert.match(String(token.token), /^[0-9a-f-]{36}$/);
        assert.equal((token.card_data as { lfd: string }).lfd, CARD.number.slice(-4));
        assert.equal((token.card_data as { holder_name: string }).holder_name, HOLDER);
        // The session knows the token: the shop's server can pay with it.
        const payment = await stack.yuno.payments.create({
          description: 'Secure Fields stand-in 1.x',
          country: 'US',
          merchant_order_id: `sf-standin-1x-${seq}`,
          amount: { currency: 'USD', value: 30 },
          checkout: { session: checkoutSession },
          customer_payer: { id: customerId },
          workflow: 'SDK_CHECKOUT',
          payment_method: { type: 'CARD', token: String(token.token) },
        });
        assert.equal(payment.status, 'SUCCEEDED');
      }),
  },
  {
    name: 'Secure Fields stand-in, 2.x: a customer session enrolls the card from the frames; the saved card pays with a cvv field alone',
    run: (browser) =>
      withShop(browser, async (stack, { page }) => {
        const { customerId } = await newCheckout(stack);
        const { customer_session: customerSession } = await stack.yuno.customerSessions.create({
          customer_id: customerId,
          country: 'US',
        });
        await stack.yuno.customerSessions.enroll(customerSession, { payment_method_type: 'CARD', country: 'US' });
        await page.evaluate(
          async ({ global, sandboxUrl, publicApiKey, customerSession }) => {
            const standIn = (window as unknown as Record<string, StandIn>)[global]!;
            const received: Received = { changes: [], statuses: [], rendered: [] };
            (window as unknown as { received: Received }).received = received;
            const sdk = await standIn
              .createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 2 })
              .initialize(publicApiKey);
            const transaction = sdk.transaction({
              customerSession,
              countryCode: 'US',
              onStatus: (result) => received.statuses.push(result),
            });
            (window as unknown as { transaction: typeof transaction }).transaction = transaction;
            const secureFields = await transaction.secureFields();
            (window as unknown as { secureFields: typeof secureFields }).secureFields = secureFields;
            await secureFields.create({ name: 'pan', options: { label: 'Card number' } }).mount('#pan');
            await secureFields.create({ name: 'expiration', options: { label: 'Expiry' } }).mount('#expiration');
            await secureFields.create({ name: 'cvv', options: { label: 'CVV' } }).mount('#cvv');
          },
          {
            global: GLOBAL,
            sandboxUrl: stack.sandbox.url,
            publicApiKey: stack.sandbox.sandbox.credentials.publicApiKey,
            customerSession,
          },
        );
        await typeCard(page);
        await page.evaluate(async (holderName) => {
          const w = window as unknown as {
            transaction: { start(s: unknown): Promise<void> };
            secureFields: { unmountSync(): void };
          };
          await w.transaction.start({ paymentMethod: { type: 'CARD', data: { card: { holderName } } } });
          w.secureFields.unmountSync();
        }, HOLDER);
        assert.equal(await page.locator('iframe').count(), 0, 'unmountSync removed the frames');
        const enrolled = await page.evaluate(() => (window as unknown as { received: Received }).received.statuses);
        assert.deepEqual(
          enrolled.map((s) => s.status),
          ['ENROLLED'],
        );
        const [saved] = await stack.yuno.customerPaymentMethods.list(customerId);
        assert.ok(saved?.vaulted_token, 'the card was saved');
        assert.equal(saved.card_data?.lfd, CARD.number.slice(-4));

        // The saved card: a transaction made on one session, re-pointed at another, with a cvv field alone.
        const stale = await newCheckout(stack);
        const current = await stack.yuno.checkoutSessions.create({
          merchant_order_id: `sf-standin-saved-${seq}`,
          payment_description: 'Secure Fields stand-in, saved card',
          country: 'US',
          customer_id: customerId,
          amount: { currency: 'USD', value: 30 },
        });
        await page.evaluate(
          async ({ global, sandboxUrl, publicApiKey, staleSession, currentSession, customerId }) => {
            const standIn = (window as unknown as Record<string, StandIn>)[global]!;
            const received = (window as unknown as { received: Received }).received;
            received.statuses = [];
            const sdk = await standIn
              .createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 2 })
              .initialize(publicApiKey);
            const transaction = sdk.transaction({
              checkoutSession: staleSession,
              countryCode: 'US',
              createPayment: async (token) => {
                received.token = token;
                await fetch('/pay', {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    token: token.token,
                    checkout_session: token.checkout_session,
                    customer_id: customerId,
                  }),
                });
              },
              onStatus: (result) => received.statuses.push(result),
            });
            (window as unknown as { transaction: typeof transaction }).transaction = transaction;
            const secureFields = await transaction.secureFields();
            await secureFields.create({ name: 'cvv', options: { label: 'CVV' } }).mount('#cvv');
            transaction.updateCheckoutSession(currentSession);
          },
          {
            global: GLOBAL,
            sandboxUrl: stack.sandbox.url,
            publicApiKey: stack.sandbox.sandbox.credentials.publicApiKey,
            staleSession: stale.checkoutSession,
            currentSession: current.checkout_session,
            customerId,
          },
        );
        await field(page, 'cvv').getByLabel('CVV').pressSequentially(CARD.cvv);
        await page.evaluate(
          ({ vaultedToken, holderName }) =>
            (window as unknown as { transaction: { start(s: unknown): Promise<void> } }).transaction.start({
              paymentMethod: { type: 'CARD', vaultedToken, data: { card: { holderName } } },
            }),
          { vaultedToken: saved.vaulted_token, holderName: HOLDER },
        );
        const received = await page.evaluate(() => (window as unknown as { received: Received }).received);
        assert.equal(received.token?.checkout_session, current.checkout_session);
        assert.equal(received.token?.vaulted_token, saved.vaulted_token);
        assert.deepEqual(
          received.statuses.map((s) => s.status),
          ['SUCCEEDED'],
        );
      }),
  },
  {
    name: 'Secure Fields stand-in, 1.x: generateVaultedToken enrolls the card typed in the frames',
    run: (browser) =>
      withShop(browser, async (stack, { page }) => {
        const { customerId } = await newCheckout(stack);
        const { customer_session: customerSession } = await stack.yuno.customerSessions.create({
          customer_id: customerId,
          country: 'US',
        });
        await stack.yuno.customerSessions.enroll(customerSession, { payment_method_type: 'CARD', country: 'US' });
        await page.evaluate(
          async ({ global, sandboxUrl, publicApiKey, customerSession }) => {
            const standIn = (window as unknown as Record<string, StandIn>)[global]!;
            (window as unknown as { received: Received }).received = { changes: [], statuses: [], rendered: [] };
            const yuno = await standIn
              .createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 1 })
              .initialize(publicApiKey);
            const secureFields = await yuno.secureFields({ countryCode: 'US', customerSession });
            (window as unknown as { secureFields: typeof secureFields }).secureFields = secureFields;
            await secureFields.create({ name: 'pan', options: { label: 'Card number' } }).render('#pan');
            await secureFields.create({ name: 'expiration', options: { label: 'Expiry' } }).render('#expiration');
            await secureFields.create({ name: 'cvv', options: { label: 'CVV' } }).render('#cvv');
          },
          {
            global: GLOBAL,
            sandboxUrl: stack.sandbox.url,
            publicApiKey: stack.sandbox.sandbox.credentials.publicApiKey,
            customerSession,
          },
        );
        await typeCard(page);
        const vaultedToken = await page.evaluate(
          (cardHolderName) =>
            (
              window as unknown as { secureFields: { generateVaultedToken(a: unknown): Promise<string> } }
            ).secureFields.generateVaultedToken({ cardHolderName }),
          HOLDER,
        );
        const [saved] = await stack.yuno.customerPaymentMethods.list(customerId);
        assert.equal(vaultedToken, saved?.vaulted_token);
        assert.equal(saved?.card_data?.lfd, CARD.number.slice(-4));
      }),
  },
  {
    name: 'Secure Fields stand-in: a field page framed by another origin than its parent neither loads nor posts',
    run: (browser) =>
      withShop(
        browser,
        async (stack, { page }) => {
          const messages = await page.evaluate(
            async ({ sandboxUrl, shopOrigin }) => {
              const received: Array<{ origin: string; event: unknown; from: string }> = [];
              const frames: Record<string, HTMLIFrameElement> = {};
              window.addEventListener('message', (event) => {
                const from = Object.keys(frames).find((k) => frames[k]!.contentWindow === event.source) ?? 'unknown';
                received.push({ origin: event.origin, event: (event.data as { event?: unknown })?.event, from });
              });
              const frame = (key: string, parent: string) => {
                const iframe = document.createElement('iframe');
                const channel = `${key}-0123456789abcdef`;
                iframe.src = `${sandboxUrl}/_sandbox/secure-fields/field?name=pan&channel=${channel}&parent=${encodeURIComponent(parent)}`;
                frames[key] = iframe;
                document.body.appendChild(iframe);
              };
              frame('own', shopOrigin);
              frame('other', 'http://127.0.0.1:9');
              await new Promise((resolve) => setTimeout(resolve, 1500));
              return received;
            },
            { sandboxUrl: stack.sandbox.url, shopOrigin: stack.shopUrl },
          );
          assert.deepEqual(
            messages.filter((m) => m.from === 'own').map((m) => [m.origin, m.event]),
            [[stack.sandbox.url, 'ready']],
          );
          assert.deepEqual(
            messages.filter((m) => m.from !== 'own'),
            [],
          );
          // frame-ancestors kept the other one from rendering at all.
          const other = page.frames().find((f) => f.url().includes('channel=other-'));
          const label = other
            ? await other
                .locator('label')
                .count()
                .catch(() => 0)
            : 0;
          assert.equal(label, 0);
        },
        { typesCard: false },
      ),
  },
];
