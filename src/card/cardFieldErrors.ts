import { getCardBrandInfo, type CardBrand } from './detectCardBrand';
import type { CardFieldErrorCode } from './isValidCardNumber';

/**
 * Digits of the security code for a brand: 4 for American Express (printed on the front), 3 for every other brand.
 *
 * @example
 * ```ts
 * securityCodeLength('AMEX'); // 4
 * securityCodeLength(undefined); // 3
 * ```
 */
export function securityCodeLength(brand: CardBrand | undefined): 3 | 4 {
  return brand ? getCardBrandInfo(brand).securityCodeLength : 3;
}

/**
 * What is wrong with a security code (CVV/CVC/CID) for a card of this brand.
 *
 * @example
 * ```ts
 * securityCodeError('123', 'AMEX'); // 'invalid': Amex codes have 4 digits
 * ```
 */
export function securityCodeError(code: string, brand: CardBrand | undefined): CardFieldErrorCode | undefined {
  return securityCodeLengthError(code, securityCodeLength(brand));
}

/** The same check against a known length (a saved card's, as Yuno reports it). */
export function securityCodeLengthError(code: string, length: number): CardFieldErrorCode | undefined {
  if (!code.trim()) return 'required';
  return new RegExp(`^\\d{${length}}$`).test(code.trim()) ? undefined : 'invalid';
}

const HOLDER_NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

/**
 * What is wrong with the name printed on a card: missing, or not a name (letters, spaces, apostrophes, dots and
 * hyphens, 2 to 50 characters).
 *
 * @example
 * ```ts
 * holderNameError('Ada Lovelace'); // undefined
 * holderNameError('4507');         // 'invalid'
 * ```
 */
export function holderNameError(name: string): CardFieldErrorCode | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  return trimmed.length >= 2 && trimmed.length <= 50 && HOLDER_NAME.test(trimmed) ? undefined : 'invalid';
}
