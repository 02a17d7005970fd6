// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';

const sandbox = createYunoSandbox();

describe('Secure Fields with an in-memory sandbox', () => {
  it('reject in 2.x, saying the sandbox must be served over HTTP', async () => {
    const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 2 });
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    const transaction = instance.transaction({ checkoutSession: 'cs', countryCode: 'US' });
    await expect(transaction.secureFields()).rejects.toThrow(
      /secureFields needs the sandbox served over HTTP \(give baseUrl the URL of startYunoSandboxServer, and no fetch\)/,
    );
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('reject in 1.x, saying the same', async () => {
    const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 1 });
    const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
    await expect(instance.secureFields({ countryCode: 'US', checkoutSession: 'cs' })).rejects.toThrow(
      /secureFields needs the sandbox served over HTTP/,
    );
  });
});
