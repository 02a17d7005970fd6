import { useCallback, useContext } from 'react';
import { translate, type MessageCatalog } from '../i18n/messages';
import { YunoContext } from './YunoContext';

/**
 * The translator for a component family: its catalog (`cardFormMessages`, `payButtonMessages`, … or one of your own)
 * in the provider's language, with the provider's `messages` overrides. Outside a provider it speaks English, so a
 * part can render on its own (tests, docs).
 *
 * @example
 * ```tsx
 * function MySubmit() {
 *   const t = useMessages(cardFormMessages);
 *   return <button type="submit">{t('cardForm.submit.pay')}</button>;
 * }
 * ```
 */
export function useMessages<K extends string>(catalog: MessageCatalog<K>) {
  const ctx = useContext(YunoContext);
  const language = ctx?.language ?? 'en';
  const overrides = ctx?.messages;
  return useCallback(
    (key: K, values?: Record<string, string | number>) => translate(catalog, language, overrides, key, values),
    [catalog, language, overrides],
  );
}
