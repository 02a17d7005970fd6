import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { secureFieldFrameSelector } from '../src/testing';
import { findCardData, findCardDataInFrame, isMerchantFrame, type CardSecrets } from './scan';
import type { SandboxControl } from './sandbox';

export interface Stack {
  appUrl: string;
  sandbox: SandboxControl;
  serverLogs: () => Array<{ name: string; text: string }>;
}

/** A test card, with the details the card form asks for. */
export interface TestCard {
  number: string;
  expiry: string;
  cvv: string;
  holder: string;
}

export const card = (number: string, cvv = '739'): TestCard => ({
  number,
  expiry: '11/30',
  cvv,
  holder: 'Ada Lovelace',
});

/**
 * One shopper: a browser context of its own (cookies, storage), with everything the pages print to the console and
 * every URL requested or visited recorded for the card-data scan.
 */
export class Shopper {
  readonly console: string[] = [];
  readonly urls: string[] = [];
  /** Bodies the page sent to the sandbox's Web SDK routes (where card data is allowed to go). */
  readonly sdkRequests: Array<{ url: string; body: string }> = [];
  /** Card details typed in this context, to look for afterwards. */
  readonly typed: CardSecrets[] = [];
  /** Bodies of the requests the merchant's documents (the app's origin) sent, wherever to. */
  readonly merchantRequestBodies: Array<{ url: string; body: string }> = [];
  /** The app's origin: the merchant's. */
  readonly merchantOrigin: string;
  /** Requests to the app's Yuno routes (`/api/yuno/…`) not answered yet. */
  private readonly pendingRoutes = new Set<Request>();

  private constructor(
    readonly stack: Stack,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.merchantOrigin = new URL(stack.appUrl).origin;
  }

  static async open(browser: Browser, stack: Stack): Promise<Shopper> {
    const context = await browser.newContext({ baseURL: stack.appUrl, locale: 'en-US', timezoneId: 'UTC' });
    context.setDefaultTimeout(15_000);
    // tsx compiles functions given to `evaluate` with esbuild's keepNames, whose `__name` helper the page lacks.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = await context.newPage();
    const shopper = new Shopper(stack, context, page);
    const watch = (p: Page) => {
      p.on('console', (message) => shopper.console.push(`${message.type()}: ${message.text()}`));
      p.on('pageerror', (error) => shopper.console.push(`pageerror: ${error.message}\n${error.stack ?? ''}`));
      p.on('framenavigated', (frame) => shopper.urls.push(frame.url()));
    };
    watch(page);
    context.on('page', watch);
    const isRoute = (request: Request) =>
      request.url().startsWith(`${shopper.merchantOrigin}/api/yuno/`) ? shopper.pendingRoutes : undefined;
    context.on('requestfinished', (request) => isRoute(request)?.delete(request));
    context.on('requestfailed', (request) => isRoute(request)?.delete(request));
    context.on('request', (request) => {
      isRoute(request)?.add(request);
      shopper.urls.push(request.url());
      if (request.url().startsWith(`${stack.sandbox.url}/_sandbox/sdk/`)) {
        shopper.sdkRequests.push({ url: request.url(), body: request.postData() ?? '' });
      }
      let frame;
      try {
        frame = request.frame();
      } catch {
        // A service worker's request has no frame: it is the merchant's (the app's origin registers it).
      }
      if (!frame || isMerchantFrame(frame, shopper.merchantOrigin)) {
        shopper.merchantRequestBodies.push({ url: request.url(), body: request.postData() ?? '' });
      }
    });
    return shopper;
  }

  /** The cart cookie's order id. */
  async orderId(): Promise<string> {
    const cart = (await this.context.cookies()).find((c) => c.name === 'cart');
    if (!cart) throw new Error('No cart cookie');
    return (JSON.parse(Buffer.from(cart.value, 'base64url').toString('utf8')) as { orderId: string }).orderId;
  }

  /** Cart page → "Go to checkout" → the checkout page with its payment methods. */
  async checkout(quantities: Record<string, number> = {}): Promise<void> {
    const { page } = this;
    await page.goto('/');
    for (const [label, quantity] of Object.entries(quantities)) await page.getByLabel(label).fill(String(quantity));
    await page.getByRole('button', { name: 'Go to checkout' }).click();
    await page.waitForURL('**/checkout');
    await page.getByRole('radiogroup', { name: 'Payment method' }).waitFor();
    // The page's own requests at load are over before a flow looks at what reached Yuno: the enrollment form's
    // customer session (POST /api/yuno/customer-sessions, then Yuno's /v1/customers/sessions) among them.
    const until = Date.now() + 15_000;
    while (
      !this.urls.some((u) => u.startsWith(`${this.merchantOrigin}/api/yuno/customer-sessions`)) ||
      this.pendingRoutes.size
    ) {
      if (Date.now() > until) throw new Error("Timed out waiting for the checkout page's requests to the app's routes");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Fails when the card number or CVV of any card typed in this context is found anywhere. */
  async assertNoCardData(): Promise<void> {
    const found: string[] = [];
    for (const secrets of this.typed) {
      found.push(
        ...(await findCardData(this.context, secrets, {
          merchantOrigin: this.merchantOrigin,
          console: this.console,
          urls: this.urls,
          merchantRequestBodies: this.merchantRequestBodies,
          serverLogs: this.stack.serverLogs,
        })),
      );
    }
    if (found.length > 0) throw new Error(`Card data found:\n  ${found.join('\n  ')}`);
  }

  /**
   * While a card is typed: the merchant's document has no card input of its own, the sandbox's cross-origin Secure
   * Fields frame holds the number (and the scan, looking there, would find it: it is not a scan that cannot fail),
   * and none of the merchant's frames hold any of it.
   */
  async assertCardOnlyInSecureFields(form: Locator, secrets: CardSecrets): Promise<void> {
    const pageInputs = await this.page.evaluate(
      () => document.querySelectorAll('input[autocomplete="cc-number"], input[autocomplete="cc-csc"]').length,
    );
    assert.equal(pageInputs, 0, 'no card number or security code input in the merchant document');
    const sandboxOrigin = new URL(this.stack.sandbox.url).origin;
    const panFrame = await (await form.locator(secureFieldFrameSelector('pan')).elementHandle())?.contentFrame();
    assert.ok(panFrame, `a frame ${secureFieldFrameSelector('pan')} of the form holds the number field`);
    assert.equal(new URL(panFrame.url()).origin, sandboxOrigin, "the number field's frame is the sandbox's origin");
    assert.notEqual(sandboxOrigin, this.merchantOrigin, 'cross-origin');
    assert.ok(!isMerchantFrame(panFrame, this.merchantOrigin));
    const inFrame = await findCardDataInFrame(panFrame, secrets);
    assert.ok(
      inFrame.some((line) => line.startsWith('card number in a field of')),
      "the scan finds the number in the Secure Fields frame's input",
    );
    const merchantFrames = this.page.frames().filter((frame) => isMerchantFrame(frame, this.merchantOrigin));
    assert.ok(merchantFrames.length > 0);
    const found = (await Promise.all(merchantFrames.map((frame) => findCardDataInFrame(frame, secrets)))).flat();
    assert.deepEqual(found, [], 'no card data in the merchant frames');
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
