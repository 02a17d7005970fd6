// @vitest-environment node
import { describe, expect, it } from 'vitest';

// Only dynamic imports here: the first test must be the one that loads the package.
describe('tokenizers on the server (no window)', () => {
  it('import without touching the page or adding any global', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    // zod (a peer dependency) registers globals of its own when first imported; loaded first, it is left out.
    await import('zod/mini');
    const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();

    const browserEntry = await import('yuno-react');
    const coreEntry = await import('yuno-react/core');

    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
    expect(browserEntry).toMatchObject({
      createServerTokenizer: expect.any(Function),
      createYunoSdkTokenizer: expect.any(Function),
    });
    expect(coreEntry).toMatchObject({
      collectBrowserInfo: expect.any(Function),
      createServerTokenizer: expect.any(Function),
      createYunoSdkTokenizer: expect.any(Function),
    });
  });

  it('create tokenizers without loading or sending anything', async () => {
    const { createServerTokenizer, createYunoSdkTokenizer } = await import('yuno-react');
    let loads = 0;
    const sdkTokenizer = createYunoSdkTokenizer({
      publicApiKey: 'sandbox_gAAAAexample',
      loadSdk: async () => {
        loads += 1;
        throw new Error('not in this test');
      },
    });
    createYunoSdkTokenizer({ publicApiKey: 'prod_gAAAAexample' });
    let requests = 0;
    createServerTokenizer({
      baseUrl: 'https://shop.example/api/yuno',
      fetch: async () => {
        requests += 1;
        return new Response(null, { status: 500 });
      },
    });

    expect(sdkTokenizer.kind).toBe('sdk');
    expect({ loads, requests }).toEqual({ loads: 0, requests: 0 });
  });

  it('collect browser_info as nulls', async () => {
    const { collectBrowserInfo } = await import('yuno-react/core');
    const info = collectBrowserInfo();
    expect(Object.keys(info).length).toBeGreaterThan(0);
    expect(Object.values(info).every((value) => value === null)).toBe(true);
  });

  it("reject the default loader's use with an sdk error that says it needs a browser, every time", async () => {
    const { YunoError, createYunoSdkTokenizer } = await import('yuno-react');
    const tokenizer = createYunoSdkTokenizer({ publicApiKey: 'sandbox_gAAAAexample' });
    const context = { checkoutSession: 'cs-1', countryCode: 'CO' };

    for (const attempt of [tokenizer.prepare!(context), tokenizer.getThreeDSecureChallengeUrl!(context)]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YunoError);
      expect(error).toMatchObject({ kind: 'sdk', message: expect.stringMatching(/runs in the browser only/) });
    }
  });
});
