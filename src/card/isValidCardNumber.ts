import { detectCardBrand, getCardBrandInfo } from './detectCardBrand';

/**
 * Why a card field's value is refused: `required` (empty), `incomplete` (too few digits), `invalid` (wrong
 * format, length or check digit), `past` and `tooFar` (expiry dates).
 *
 * @example
 * ```ts
 * const code: CardFieldErrorCode = cardNumberError('4507') ?? 'none'; // 'incomplete'
 * ```
 */
export type CardFieldErrorCode = 'required' | 'incomplete' | 'invalid' | 'past' | 'tooFar';

/** Lengths accepted for numbers of no brand yuno-react knows (ISO/IEC 7812: 12 to 19 digits). */
const ANY_BRAND_LENGTHS = [12, 13, 14, 15, 16, 17, 18, 19];

/**
 * The Luhn (mod 10) check every card number carries in its last digit.
 *
 * @example
 * ```ts
 * passesLuhn('4507990000000002'); // true
 * ```
 */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * What is wrong with a card number, or `undefined` when it is a number its brand issues: digits (spaces and dashes
 * allowed between them), a length the brand uses, and a valid Luhn check digit.
 *
 * @example
 * ```ts
 * cardNumberError('');                  // 'required'
 * cardNumberError('4507 9900');         // 'incomplete'
 * cardNumberError('4507990000000003');  // 'invalid'
 * cardNumberError('4507990000000002');  // undefined
 * ```
 */
export function cardNumberError(number: string): CardFieldErrorCode | undefined {
  const trimmed = number.trim();
  if (!trimmed) return 'required';
  if (!/^\d[\d\s-]*$/.test(trimmed)) return 'invalid';
  const digits = trimmed.replace(/\D/g, '');
  const brand = detectCardBrand(digits);
  const lengths = brand ? getCardBrandInfo(brand).lengths : ANY_BRAND_LENGTHS;
  if (!lengths.includes(digits.length)) return digits.length < Math.max(...lengths) ? 'incomplete' : 'invalid';
  return passesLuhn(digits) ? undefined : 'invalid';
}

/**
 * Whether a card number could be real: digits only (spaces and dashes between them are fine), a length its brand
 * issues, and a valid Luhn check digit.
 *
 * @example
 * ```ts
 * isValidCardNumber('4507 9900 0000 0002'); // true
 * isValidCardNumber('4507 9900 0000 0003'); // false: Luhn
 * isValidCardNumber('3700 000000 0000');    // false: Amex numbers have 15 digits
 * ```
 */
export function isValidCardNumber(number: string): boolean {
  return cardNumberError(number) === undefined;
}
