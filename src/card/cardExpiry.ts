import type { CardFieldErrorCode } from './isValidCardNumber';

/**
 * Years ahead an expiry date may be: cards are not issued for longer, so a later date is a typing mistake.
 *
 * @example
 * ```ts
 * cardExpiryError(`01/${(new Date().getFullYear() + MAX_CARD_EXPIRY_YEARS + 1) % 100}`); // 'tooFar'
 * ```
 */
export const MAX_CARD_EXPIRY_YEARS = 20;

/**
 * An expiry date typed as MM/YY with the slash put in for the shopper: `4` becomes `04/`, `12` becomes `12/`, a
 * pasted `12/2030` becomes `12/30`. While deleting (`deleting: true`) no slash is added, so that Backspace can remove it.
 *
 * @example
 * ```ts
 * formatCardExpiry('1230');                     // '12/30'
 * formatCardExpiry('12', { deleting: true });   // '12'
 * ```
 */
export function formatCardExpiry(value: string, options: { deleting?: boolean } = {}): string {
  const longYear = /^\s*(\d{1,2})\s*\/\s*\d{2}(\d{2})\s*$/.exec(value);
  if (longYear) return formatCardExpiry(`${longYear[1]!.padStart(2, '0')}${longYear[2]}`);
  let digits = value.replace(/\D/g, '');
  if (!options.deleting) {
    // "1/" typed: the shopper meant January. No month starts with 2–9: a lone 4 is April.
    if (/^\d\s*\//.test(value) || /^[2-9]$/.test(digits)) digits = `0${digits}`;
  }
  digits = digits.slice(0, 4);
  if (digits.length < 2) return digits;
  if (digits.length === 2) return options.deleting ? digits : `${digits}/`;
  return `${digits.slice(0, 2)}/${digits.slice(2)}`;
}

/**
 * The month (1–12) and four-digit year of an MM/YY date, or `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseCardExpiry('11/30'); // { month: 11, year: 2030 }
 * ```
 */
export function parseCardExpiry(value: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return undefined;
  return { month, year: 2000 + Number(match[2]) };
}

/**
 * What is wrong with an MM/YY expiry date: missing, not a date, in the past, or more than 20 years ahead. A card is
 * valid through the last day of its month, so the current month passes.
 *
 * @example
 * ```ts
 * cardExpiryError('01/20'); // 'past'
 * cardExpiryError('13/30'); // 'invalid'
 * ```
 */
export function cardExpiryError(value: string, now: Date = new Date()): CardFieldErrorCode | undefined {
  if (!value.trim()) return 'required';
  const expiry = parseCardExpiry(value);
  if (!expiry) return 'invalid';
  const months = expiry.year * 12 + expiry.month - (now.getFullYear() * 12 + now.getMonth() + 1);
  if (months < 0) return 'past';
  if (months > MAX_CARD_EXPIRY_YEARS * 12) return 'tooFar';
  return undefined;
}
