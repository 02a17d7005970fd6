import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findCardData, type CardSecrets } from './scan';
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

  private constructor(
    readonly stack: Stack,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

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
    context.on('request', (request) => {
      shopper.urls.push(request.url());
      if (request.url().startsWith(`${stack.sandbox.url}/_sandbox/sdk/`)) {
        shopper.sdkRequests.push({ url: request.url(), body: request.postData() ?? '' });
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
  }

  /** Fails when the card number or CVV of any card typed in this context is found anywhere. */
  async assertNoCardData(): Promise<void> {
    const found: string[] = [];
    for (const secrets of this.typed) {
      found.push(
        ...(await findCardData(this.context, secrets, {
          console: this.console,
          urls: this.urls,
          serverLogs: this.stack.serverLogs,
        })),
      );
    }
    if (found.length > 0) throw new Error(`Card data found:\n  ${found.join('\n  ')}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
