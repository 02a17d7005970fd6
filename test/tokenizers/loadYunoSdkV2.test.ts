// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { YunoError, createYunoSdkV2Tokenizer } from 'yuno-react';
import { SDK_PAYMENTS_READY_EVENT, YUNO_SDK_V2_SCRIPT_URL, YUNO_SDK_V2_VERSION, loadYunoSdkV2 } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox, installSandboxWebSdk } from 'yuno-react/sandbox';

// jsdom fetches no scripts: each test plays the browser, firing the tag's load or error and running what the
// script would (installSandboxWebSdk sets window.SdkPayments and fires sdk-payments-ready, as Yuno's 2.x bundle does).
const sandbox = createYunoSandbox();
const standIn = { baseUrl: sandbox.baseUrl, fetch: sandbox.fetch };
const scripts = () => Array.from(document.querySelectorAll('script'));
const uninstalls: Array<() => void> = [];

afterEach(() => {
  for (const uninstall of uninstalls.splice(0)) uninstall();
  delete (window as { SdkPayments?: unknown }).SdkPayments;
  for (const script of scripts()) script.remove();
});

function install(options: Parameters<typeof installSandboxWebSdk>[0] = standIn) {
  const installed = installSandboxWebSdk(options);
  uninstalls.push(installed.uninstall);
  return installed.sdk;
}

describe('loadYunoSdkV2', () => {
  it('pins a full 2.x version by default', () => {
    expect(YUNO_SDK_V2_VERSION).toBe('2.2.0');
    expect(YUNO_SDK_V2_SCRIPT_URL).toBe('https://sdk-web.y.uno/v2.2.0/main.js');
  });

  it('takes window.SdkPayments when it is already there, adding no script and waiting for no event', async () => {
    const sdk = install();
    await expect(loadYunoSdkV2()).resolves.toBe(sdk);
    expect(scripts()).toHaveLength(0);
  });

  it('adds one script for concurrent loads and resolves on sdk-payments-ready', async () => {
    const loads = [loadYunoSdkV2(), loadYunoSdkV2(), loadYunoSdkV2()];
    expect(scripts()).toHaveLength(1);
    const [script] = scripts();
    expect(script!.getAttribute('src')).toBe(YUNO_SDK_V2_SCRIPT_URL);
    expect(script!.async).toBe(true);
    expect(script!.hasAttribute('integrity')).toBe(false);

    const sdk = install();
    const results = await Promise.all(loads);
    expect(results).toEqual([sdk, sdk, sdk]);
    expect(scripts()).toHaveLength(1);
  });

  it('resolves on the script load event when the event came before anyone listened', async () => {
    const loading = loadYunoSdkV2({ scriptUrl: 'https://cdn.example.test/yuno/v2.2.0/main.js' });
    const [script] = scripts();
    (window as { SdkPayments?: unknown }).SdkPayments = createSandboxWebSdk(standIn);
    script!.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBe((window as { SdkPayments?: unknown }).SdkPayments);
    expect(script!.getAttribute('src')).toBe('https://cdn.example.test/yuno/v2.2.0/main.js');
  });

  it('sets integrity and crossOrigin anonymous on the tag when given a hash', async () => {
    const loading = loadYunoSdkV2({ integrity: 'sha384-abc123' });
    const [script] = scripts();
    expect(script!.getAttribute('integrity')).toBe('sha384-abc123');
    expect(script!.getAttribute('crossorigin')).toBe('anonymous');
    install();
    await loading;
  });

  it('removes a failed tag and loads again on the next call', async () => {
    const first = loadYunoSdkV2({ integrity: 'sha384-abc123' });
    const [failed] = scripts();
    failed!.dispatchEvent(new Event('error'));
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({
      kind: 'sdk',
      message: expect.stringMatching(
        /could not be loaded from https:\/\/sdk-web\.y\.uno\/v2\.2\.0\/main\.js .*integrity/,
      ),
    });
    expect(scripts()).toHaveLength(0);

    const second = loadYunoSdkV2();
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0]).not.toBe(failed);
    const sdk = install();
    await expect(second).resolves.toBe(sdk);
  });

  it('fails when the script loads but sets no global, and removes its tag', async () => {
    const loading = loadYunoSdkV2();
    scripts()[0]!.dispatchEvent(new Event('load'));
    await expect(loading).rejects.toMatchObject({
      kind: 'sdk',
      message: expect.stringMatching(/set no window\.SdkPayments/),
    });
    expect(scripts()).toHaveLength(0);
  });

  it('waits on a tag the page already has instead of adding a second one', async () => {
    const own = document.createElement('script');
    own.src = YUNO_SDK_V2_SCRIPT_URL;
    document.head.appendChild(own);
    const loading = loadYunoSdkV2();
    expect(scripts()).toEqual([own]);
    const sdk = install();
    await expect(loading).resolves.toBe(sdk);
  });
});

describe('createYunoSdkV2Tokenizer on the page', () => {
  it('loads nothing when created', () => {
    createYunoSdkV2Tokenizer({ publicApiKey: sandbox.credentials.publicApiKey });
    expect(scripts()).toHaveLength(0);
  });

  it('refuses a 1.x SdkPayments on the page with a clear sdk error', async () => {
    install({ ...standIn, sdkVersion: 1 });
    const tokenizer = createYunoSdkV2Tokenizer({ publicApiKey: sandbox.credentials.publicApiKey });
    const error = await tokenizer.prepare!({ checkoutSession: 'unused', countryCode: 'US' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YunoError);
    expect(error).toMatchObject({
      kind: 'sdk',
      message: expect.stringMatching(/^The page's SdkPayments is Yuno's Web SDK 1\.x/),
    });
    expect(scripts()).toHaveLength(0);
  });

  it('initialises the 2.x SdkPayments of the page once, with the integrity-checked script', async () => {
    const tokenizer = createYunoSdkV2Tokenizer({
      publicApiKey: sandbox.credentials.publicApiKey,
      integrity: 'sha384-pinned',
    });
    const prepared = tokenizer.prepare!({ checkoutSession: 'unused', countryCode: 'US' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scripts().map((s) => s.getAttribute('integrity'))).toEqual(['sha384-pinned']);
    window.dispatchEvent(new Event(SDK_PAYMENTS_READY_EVENT)); // an announcement without a global fails the load
    await expect(prepared).rejects.toMatchObject({
      kind: 'sdk',
      message: expect.stringMatching(/without a usable SdkPayments/),
    });

    const again = tokenizer.prepare!({ checkoutSession: 'unused', countryCode: 'US' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    install({ ...standIn, sdkVersion: 2 });
    await expect(again).resolves.toBeUndefined();
  });
});
