import { detectCardBrand } from './detectCardBrand';

/**
 * The most digits any card number has (ISO/IEC 7812).
 *
 * @example
 * ```ts
 * '4507990000000000002'.length === MAX_CARD_NUMBER_LENGTH; // true
 * ```
 */
export const MAX_CARD_NUMBER_LENGTH = 19;

/**
 * How many digits a number of this brand can have at most: Amex 15, most others 16 or 19.
 *
 * @example
 * ```ts
 * maxCardNumberLength('3700'); // 15
 * ```
 */
export function maxCardNumberLength(number: string): number {
  return detectCardBrand(number) === 'AMEX' ? 15 : MAX_CARD_NUMBER_LENGTH;
}

/**
 * A card number grouped as it is printed on the card: American Express 4-6-5, every other brand in groups of four,
 * up to 19 digits. Anything but digits is dropped, and digits beyond the brand's longest number are cut off.
 *
 * @example
 * ```ts
 * formatCardNumber('4507990000000002');   // '4507 9900 0000 0002'
 * formatCardNumber('3700-000000-00002');  // '3700 000000 00002'
 * ```
 */
export function formatCardNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  const limited = digits.slice(0, maxCardNumberLength(digits));
  const groups =
    detectCardBrand(limited) === 'AMEX'
      ? [limited.slice(0, 4), limited.slice(4, 10), limited.slice(10)]
      : (limited.match(/\d{1,4}/g) ?? []);
  return groups.filter(Boolean).join(' ');
}
