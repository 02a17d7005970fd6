import { useCallback, useContext } from 'react';
import { YunoContext } from '../react/YunoContext';
import { translate, type MessageCatalog } from './messages';

/**
 * The translator for a component family: its catalog in the provider's language, with the provider's overrides.
 * Outside a provider it speaks English, so a part can render on its own (tests, docs).
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
