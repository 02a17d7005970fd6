import type { MessageCatalog, YunoLanguage } from 'yuno-react';

type Fill = (key: string, values?: Record<string, string | number>) => string;

/**
 * The text a component shows for a key of its catalog, so that play functions check what the shopper reads in each
 * language without repeating the copy.
 *
 * @example
 * ```ts
 * const status = messagesOf(paymentResultMessages);
 * await canvas.findByText(status('paymentStatus.succeeded'));
 * await canvas.findByText(status.pt('paymentStatus.retry'));
 * ```
 */
export function messagesOf<K extends string>(
  catalog: MessageCatalog<K>,
): ((key: K, values?: Record<string, string | number>) => string) &
  Record<YunoLanguage, (key: K, values?: Record<string, string | number>) => string> {
  const inLanguage =
    (language: YunoLanguage): Fill =>
    (key, values) =>
      (catalog[language] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        values && name in values ? String(values[name]) : placeholder,
      );
  return Object.assign(inLanguage('en'), { en: inLanguage('en'), es: inLanguage('es'), pt: inLanguage('pt') });
}
