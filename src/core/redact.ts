const MASK = '[redacted]';

/**
 * Digit runs that may be card numbers: 13–19 digits written together, or in groups of 2–7 after a first group of four
 * with one kind of separator (`4111 1111 1111 1111`, `4111-1111-1111-1111`, Amex's `3782 822463 10005`). A run touching
 * further digits is not a card number.
 */
const PAN_CANDIDATE = /(?<!\d)(?:\d{13,19}|\d{4}(?:([ -])\d{2,7})(?:\1\d{2,7}){0,3})(?!\d)/g;

/**
 * A labelled security code: `cvv 123`, `cvv2=123`, `"cvv" : "737"`, `security_code: 1234`, `card_security_code=737`,
 * `securityCode`, `cvc`, `csc`, `cid`. The label is kept and the digits masked.
 */
const SECURITY_CODE =
  /((?<![a-z])(?:(?:card[_ -]?)?security[_ -]?code|cvv2?|cvc2?|csc|cid)(?![a-z\d]))(["']?\s*[:=]?\s*["']?)(\d{3,4})(?!\d)/gi;

/** Object keys whose value is a security code, whatever it looks like. */
const SECURITY_CODE_KEY = /^(?:(?:card[_-]?)?security[_-]?code|cvv2?|cvc2?|csc|cid)$/i;

/**
 * The Luhn checksum every card number carries. Hand-written: five lines, and a dependency for it would pull a card
 * library into every bundle that logs an error.
 */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

/**
 * A candidate's mask. A grouped run longer than a card number may be one followed by more digits (`4111 1111 1111 1111
 * 1225`, an expiry): its longest leading groups that form a card number are masked.
 */
function maskCandidate(match: string, separator: string | undefined): string {
  if (isCardNumber(match)) return MASK;
  if (!separator) return match;
  // Written in a card's own grouping (4-4-4-4, 4-4-4-4-3, Amex's 4-6-5), it is a card number even when a digit is
  // mistyped: a near-miss of a real number is still the shopper's card.
  if (/^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?$|^\d{4}([ -])\d{6}\2\d{5}$/.test(match)) return MASK;
  const groups = match.split(separator);
  for (let n = groups.length - 1; n >= 2; n--) {
    if (isCardNumber(groups.slice(0, n).join(''))) return [MASK, ...groups.slice(n)].join(separator);
  }
  return match;
}

function redactText(text: string): string {
  return text
    .replace(PAN_CANDIDATE, (match: string, separator: string | undefined) => maskCandidate(match, separator))
    .replace(SECURITY_CODE, (_match: string, label: string, separator: string) => `${label}${separator}${MASK}`);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number') return Number.isInteger(value) && isCardNumber(String(value)) ? MASK : value;
  // Error bodies and log records are shallow; the limit only bounds the recursion on a cyclic or hostile value.
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      SECURITY_CODE_KEY.test(key) && (typeof child === 'string' || typeof child === 'number')
        ? MASK
        : redactValue(child, depth + 1);
  }
  return copy;
}

/**
 * Masks card data so that an echo of shopper input in an upstream message can never reach a log or the screen: card
 * numbers (13–19 digits that pass the Luhn check, written together or grouped with spaces or dashes, and any number
 * written in a card's grouping, a mistyped one included) and labelled
 * security codes (`cvv 123`, `cvv2=123`, `"cvv" : "737"`, `security_code`, `card_security_code`, `cvc`). Numbers
 * that fail the Luhn check (amounts, order ids, timestamps) are left as they are.
 *
 * Given any other value (an object, an array), returns a copy with every string masked the same way, every value under a security-code
 * key (`cvv`, `security_code`, …) masked, and every integer that is a card number masked.
 *
 * @example
 * ```ts
 * redactCardData('Card 4111 1111 1111 1111 with cvv2=123 declined'); // 'Card [redacted] with cvv2=[redacted] declined'
 * redactCardData({ card: { number: '4111111111111111', security_code: '737' }, order: '1679531154456' });
 * // { card: { number: '[redacted]', security_code: '[redacted]' }, order: '1679531154456' }
 * ```
 */
export function redactCardData<T>(value: T): T extends string ? string : unknown {
  return redactValue(value, 0) as T extends string ? string : unknown;
}
