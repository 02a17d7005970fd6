// @vitest-environment jsdom
import type { Yuno } from '@yuno-payments/sdk-web-types';
import { afterEach, describe, expect, it } from 'vitest';
import { createYunoSdkTokenizer } from 'yuno-react';
import { YUNO_SDK_VERSION, yunoSdkScriptUrl } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

// The default loader, which adds Yuno's script tag. jsdom fetches no scripts, so each test plays the browser's part: it
// fires the tag's `error`, or sets the global and fires `yuno-sdk-ready`, as the 1.x script does once it has run.
const sandbox = createYunoSandbox();
const publicApiKey = sandbox.credentials.publicApiKey;
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
});
const standIn = (): Yuno => createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });

type Page = Window & { Yuno?: unknown; SdkPayments?: unknown };
const page = window as Page;

const scripts = () => Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="y.uno"]'));

/** Resolves once the loader has added its tag (the load starts after a few awaits). */
async function nextScript(): Promise<HTMLScriptElement> {
  for (let i = 0; i < 100; i += 1) {
    const [script] = scripts();
    if (script) return script;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('no script tag was added');
}

/** What the 1.x script does when it has run. */
function scriptRan(global: Yuno, options: { sdkPaymentsOnly?: boolean } = {}) {
  if (options.sdkPaymentsOnly) page.SdkPayments = global;
  else page.Yuno = global;
  window.dispatchEvent(new Event('yuno-sdk-ready'));
}

let seq = 0;
async function newCheckout() {
  seq += 1;
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `loader-order-${seq}-${Date.now()}`,
    payment_description: 'Loader test',
    country: 'US',
    amount: { currency: 'USD', value: 10 },
  });
  return { checkoutSession: session.checkout_session, countryCode: 'US' };
}

afterEach(() => {
  for (const script of scripts()) script.remove();
  delete page.Yuno;
  delete page.SdkPayments;
});

describe('the default Web SDK loader', () => {
  it('builds the pinned 1.x URL per environment, and takes a version path only', () => {
    expect(YUNO_SDK_VERSION).toBe('v1.11');
    expect(yunoSdkScriptUrl()).toBe('https://sdk-web.y.uno/v1.11/main.js');
    expect(yunoSdkScriptUrl({ env: 'prod' })).toBe('https://sdk-web.y.uno/v1.11/main.js');
    expect(yunoSdkScriptUrl({ env: 'sandbox' })).toBe('https://sdk-web.sandbox.y.uno/v1.11/main.js');
    expect(yunoSdkScriptUrl({ env: 'staging', version: 'v1.10' })).toBe('https://sdk-web.staging.y.uno/v1.10/main.js');
    expect(yunoSdkScriptUrl({ env: 'dev', version: 'v1.11.2' })).toBe('https://sdk-web.dev.y.uno/v1.11.2/main.js');
    expect(() => yunoSdkScriptUrl({ version: '../v1.11' })).toThrow(/version must be a path such as 'v1.11'/);
  });

  it('adds one pinned script with integrity and crossOrigin, removes it when it fails, and adds it again on retry', async () => {
    const integrity = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, integrity });
    const checkout = await newCheckout();

    // Concurrent calls share one tag.
    const first = Promise.all([tokenizer.prepare!(checkout), tokenizer.getThreeDSecureChallengeUrl!(checkout)]);
    const script = await nextScript();
    expect(scripts()).toHaveLength(1);
    expect(script.src).toBe(`https://sdk-web.sandbox.y.uno/${YUNO_SDK_VERSION}/main.js`);
    expect(script.getAttribute('integrity')).toBe(integrity);
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(script.async).toBe(true);
    expect(script.parentNode).toBe(document.head);

    script.dispatchEvent(new Event('error'));
    const failure = await first.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      name: 'YunoError',
      kind: 'sdk',
      message: expect.stringContaining(`https://sdk-web.sandbox.y.uno/${YUNO_SDK_VERSION}/main.js`),
    });
    // The failed tag is gone, so that the retry is not left waiting on it.
    expect(scripts()).toHaveLength(0);

    const retry = tokenizer.getThreeDSecureChallengeUrl!(checkout);
    const again = await nextScript();
    expect(again).not.toBe(script);
    expect(again.getAttribute('integrity')).toBe(integrity);
    scriptRan(standIn());
    await expect(retry).resolves.toBeNull();
    expect(scripts()).toHaveLength(1);
  });

  it('loads the version given instead of the pinned one, and sets no integrity unless asked', async () => {
    const tokenizer = createYunoSdkTokenizer({ publicApiKey: 'prod_gAAAAexample', version: 'v1.10' });
    const load = tokenizer.prepare!(await newCheckout());
    const script = await nextScript();
    expect(script.src).toBe('https://sdk-web.y.uno/v1.10/main.js');
    expect(script.hasAttribute('integrity')).toBe(false);
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    // 1.9 and later set window.SdkPayments too; it serves when window.Yuno is not there.
    scriptRan(standIn(), { sdkPaymentsOnly: true });
    await expect(load).resolves.toBeUndefined();
    expect(scripts()).toHaveLength(1);
  });

  it('uses the global already in the page without adding a script or waiting for the ready event', async () => {
    page.Yuno = standIn();
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, env: 'dev' });
    const checkout = await newCheckout();
    // No ready event is fired in this test: a loader that waited for it would never resolve.
    await expect(tokenizer.getThreeDSecureChallengeUrl!(checkout)).resolves.toBeNull();
    expect(scripts()).toHaveLength(0);
  });

  it('does not take the 2.x SdkPayments global for the 1.x one', async () => {
    page.SdkPayments = { initialize: async () => ({}), transaction: () => undefined };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey, env: 'staging' });
    const load = tokenizer.prepare!(await newCheckout());
    const script = await nextScript();
    expect(script.src).toBe(`https://sdk-web.staging.y.uno/${YUNO_SDK_VERSION}/main.js`);
    scriptRan(standIn());
    await expect(load).resolves.toBeUndefined();
  });
});
