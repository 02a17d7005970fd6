import { createContext, useContext } from 'react';
import type { YunoBrowserClient } from '../client/createYunoBrowserClient';
import type { CheckoutController } from '../controller';
import type { YunoTokenizer } from '../tokenizers/types';
import type { YunoMessageOverrides } from '../i18n/messages';

/** The languages yuno-react speaks. */
export type YunoLanguage = 'en' | 'es' | 'pt';

export interface YunoContextValue {
  controller: CheckoutController;
  client: YunoBrowserClient;
  tokenizer: YunoTokenizer | null;
  language: YunoLanguage;
  /** Overrides of visible strings. */
  messages: YunoMessageOverrides | undefined;
  /** Delay before each status poll, by poll count. */
  pollInterval: (pollCount: number) => number;
}

export const YunoContext = createContext<YunoContextValue | null>(null);
YunoContext.displayName = 'YunoContext';

/** The provider's context; throws an error naming the hook when used outside `<YunoProvider>`. */
export function useYunoContext(hookName: string): YunoContextValue {
  const value = useContext(YunoContext);
  if (!value) throw new Error(`${hookName} must be used within <YunoProvider>`);
  return value;
}
