import { createYunoSdkTokenizer, type YunoSdkLoader, type YunoTokenizer } from 'yuno-react';

const tokenizers = new Map<string, YunoTokenizer>();

/**
 * The browser's tokenizer: Yuno's Web SDK with the public key, or, with the local sandbox, the sandbox's stand-in for
 * it, which talks to the sandbox server straight from the browser as the real SDK talks to Yuno. One per page.
 */
export function sdkTokenizer(publicApiKey: string, sandboxUrl: string | null): YunoTokenizer {
  const key = `${publicApiKey} ${sandboxUrl ?? ''}`;
  let tokenizer = tokenizers.get(key);
  if (!tokenizer) {
    const loadSdk: YunoSdkLoader | undefined = sandboxUrl
      ? async () => (await import('yuno-react/sandbox')).createSandboxWebSdk({ baseUrl: sandboxUrl })
      : undefined;
    tokenizer = createYunoSdkTokenizer({ publicApiKey, ...(loadSdk ? { loadSdk } : {}) });
    tokenizers.set(key, tokenizer);
  }
  return tokenizer;
}
