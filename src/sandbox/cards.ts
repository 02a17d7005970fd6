/** Whether a card number passes the Luhn check. */
export function isLuhnValid(number: string): boolean {
  if (!/^\d{8,19}$/.test(number)) return false;
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let digit = number.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export type PrefixRule = readonly [brand: string, from: number, to: number];

/**
 * Issuer prefixes, most specific first: Elo and Hipercard ranges sit inside Visa's, Discover's and Maestro's, so they
 * are checked before them. Each rule compares the number's first `String(from).length` digits.
 */
export const CARD_PREFIXES: readonly PrefixRule[] = [
  ['ELO', 401178, 401179],
  ['ELO', 431274, 431274],
  ['ELO', 438935, 438935],
  ['ELO', 451416, 451416],
  ['ELO', 457393, 457393],
  ['ELO', 457631, 457632],
  ['ELO', 504175, 504175],
  ['ELO', 506699, 506778],
  ['ELO', 509000, 509999],
  ['ELO', 627780, 627780],
  ['ELO', 636297, 636297],
  ['ELO', 636368, 636368],
  ['ELO', 650031, 650051],
  ['ELO', 650405, 650439],
  ['ELO', 650485, 650538],
  ['ELO', 650541, 650598],
  ['ELO', 650700, 650727],
  ['ELO', 650901, 650920],
  ['ELO', 651652, 651679],
  ['ELO', 655000, 655058],
  ['HIPERCARD', 606282, 606282],
  ['HIPERCARD', 384100, 384100],
  ['HIPERCARD', 384140, 384140],
  ['HIPERCARD', 384160, 384160],
  ['HIPERCARD', 637095, 637095],
  ['HIPERCARD', 637568, 637568],
  ['HIPERCARD', 637599, 637599],
  ['HIPERCARD', 637609, 637609],
  ['HIPERCARD', 637612, 637612],
  ['AMEX', 34, 34],
  ['AMEX', 37, 37],
  ['DINERS', 300, 305],
  ['DINERS', 36, 36],
  ['DINERS', 38, 39],
  ['JCB', 3528, 3589],
  ['MAESTRO', 5018, 5018],
  ['MAESTRO', 5020, 5020],
  ['MAESTRO', 5038, 5038],
  ['MAESTRO', 5893, 5893],
  ['MAESTRO', 6304, 6304],
  ['MAESTRO', 6759, 6759],
  ['MAESTRO', 6761, 6763],
  ['MASTERCARD', 51, 55],
  ['MASTERCARD', 2221, 2720],
  ['DISCOVER', 6011, 6011],
  ['DISCOVER', 644, 649],
  ['DISCOVER', 65, 65],
  ['UNIONPAY', 62, 62],
  ['VISA', 4, 4],
];

/** The card brand Yuno would report for a number (`VISA`, `MASTERCARD`, `AMEX`, …), or `UNKNOWN`. */
export function detectCardBrand(number: string): string {
  for (const [brand, from, to] of CARD_PREFIXES) {
    const length = String(from).length;
    const prefix = Number(number.slice(0, length));
    if (number.length >= length && prefix >= from && prefix <= to) return brand;
  }
  return 'UNKNOWN';
}

/** Yuno's `iin`: the first 8 digits of 16-digit and longer numbers, the first 6 of shorter ones (Amex, Diners 14). */
export function cardIin(number: string): string {
  return number.slice(0, number.length >= 16 ? 8 : 6);
}

/** Yuno's `lfd`: the last four digits. */
export function cardLfd(number: string): string {
  return number.slice(-4);
}

export function securityCodeLength(brand: string): number {
  return brand === 'AMEX' ? 4 : 3;
}

/** A two-digit year becomes 20YY; Yuno accepts both forms and reports what the SDK sent. */
export function fullExpirationYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}
