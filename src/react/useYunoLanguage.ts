import { useContext } from 'react';
import { YunoContext, type YunoLanguage } from './YunoContext';

/**
 * The provider's language (`en`, `es` or `pt`), for formatting dates and numbers as the components do; `en` outside a
 * provider, so a part can render on its own.
 *
 * @example
 * ```tsx
 * const language = useYunoLanguage();
 * const due = new Date(expiresAt).toLocaleDateString(language);
 * ```
 */
export function useYunoLanguage(): YunoLanguage {
  return useContext(YunoContext)?.language ?? 'en';
}
