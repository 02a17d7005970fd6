import { describe, expect, it } from 'vitest';
import { createServerTokenizer, createYunoSdkTokenizer, createYunoSdkV2Tokenizer } from 'yuno-react';

describe('which tokenizers give card fields in the SDK iframes', () => {
  it('the Web SDK drivers do; the server tokenizer, which takes the card on the merchant server, does not', () => {
    const publicApiKey = 'sandbox_key';
    const server = createServerTokenizer({ client: { createOneTimeToken: async () => ({}) as never } });
    expect(server).not.toHaveProperty('secureFields');
    expect(typeof createYunoSdkTokenizer({ publicApiKey }).secureFields).toBe('function');
    expect(typeof createYunoSdkV2Tokenizer({ publicApiKey }).secureFields).toBe('function');
  });
});
