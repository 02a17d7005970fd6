import { createYunoSdkV2Tokenizer, type YunoSdkV2Loader, type YunoTokenizer } from 'yuno-react';

const tokenizers = new Map<string, YunoTokenizer>();

/**
 * The browser's tokenizer: Yuno's Web SDK 2.x with the public key, or, with the local sandbox, the sandbox's stand-in
 * for it, which talks to the sandbox server straight from the browser as the real SDK talks to Yuno and shows the
 * bank's 3-D Secure page (served by the sandbox) in a view of its own. One per page.
 */
export function sdkTokenizer(publicApiKey: string, sandboxUrl: string | null): YunoTokenizer {
  const key = `${publicApiKey} ${sandboxUrl ?? ''}`;
  let tokenizer = tokenizers.get(key);
  if (!tokenizer) {
    const loadSdk: YunoSdkV2Loader | undefined = sandboxUrl
      ? async () => (await import('yuno-react/sandbox')).createSandboxWebSdk({ baseUrl: sandboxUrl, sdkVersion: 2 })
      : undefined;
    tokenizer = createYunoSdkV2Tokenizer({ publicApiKey, ...(loadSdk ? { loadSdk } : {}) });
    tokenizers.set(key, tokenizer);
  }
  return tokenizer;
}
