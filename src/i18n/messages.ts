import type { YunoLanguage } from '../react/YunoContext';

/** A component family's strings in every language yuno-react speaks. */
export type MessageCatalog<K extends string> = Record<YunoLanguage, Record<K, string>>;

/**
 * Overrides of any visible string, by key, either for every language (`{ 'cardForm.submit': 'Buy' }`) or per language
 * (`{ es: { 'cardForm.submit': 'Comprar' } }`). Keys are listed by each component's catalog.
 */
export type YunoMessageOverrides =
  Partial<Record<string, string>> | Partial<Record<YunoLanguage, Partial<Record<string, string>>>>;

const LANGUAGES = new Set(['en', 'es', 'pt']);

/** The string for `key` in `language`, an override winning over the catalog; `{name}` placeholders are filled in. */
export function translate<K extends string>(
  catalog: MessageCatalog<K>,
  language: YunoLanguage,
  overrides: YunoMessageOverrides | undefined,
  key: K,
  values?: Record<string, string | number>,
): string {
  let text: string = catalog[language][key];
  if (overrides) {
    const perLanguage = Object.keys(overrides).some((k) => LANGUAGES.has(k));
    const table = (perLanguage ? (overrides as Record<string, Record<string, string>>)[language] : overrides) as
      Record<string, string | undefined> | undefined;
    const override = table?.[key];
    if (typeof override === 'string') text = override;
  }
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}
