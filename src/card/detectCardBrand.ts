import creditCardType from 'credit-card-type';

/**
 * The card brands yuno-react recognises, in Yuno's spelling.
 *
 * @example
 * ```ts
 * CARD_BRANDS.includes('ELO'); // true
 * ```
 */
export const CARD_BRANDS = [
  'VISA',
  'MASTERCARD',
  'AMEX',
  'DINERS',
  'DISCOVER',
  'JCB',
  'UNIONPAY',
  'MAESTRO',
  'ELO',
  'HIPERCARD',
  'HIPER',
  'CABAL',
  'NARANJA',
] as const;

/**
 * A card brand, as {@link detectCardBrand} reports it.
 *
 * @example
 * ```ts
 * const brand: CardBrand = 'AMEX';
 * ```
 */
export type CardBrand = (typeof CARD_BRANDS)[number];

/**
 * What a brand's numbers look like: the lengths it issues, the digits of its security code, and where a formatted
 * number breaks into groups.
 *
 * @example
 * ```ts
 * getCardBrandInfo('AMEX'); // { brand: 'AMEX', name: 'American Express', lengths: [15], securityCodeLength: 4, gaps: [4, 10] }
 * ```
 */
export interface CardBrandInfo {
  brand: CardBrand;
  /** The brand's name as printed on cards and shown to shoppers. */
  name: string;
  lengths: readonly number[];
  securityCodeLength: 3 | 4;
  /** Digit positions after which a formatted number has a space. */
  gaps: readonly number[];
}

const FROM_LIBRARY: Record<string, CardBrand> = {
  visa: 'VISA',
  mastercard: 'MASTERCARD',
  'american-express': 'AMEX',
  'diners-club': 'DINERS',
  discover: 'DISCOVER',
  jcb: 'JCB',
  unionpay: 'UNIONPAY',
  maestro: 'MAESTRO',
  elo: 'ELO',
  hipercard: 'HIPERCARD',
  hiper: 'HIPER',
  naranja: 'NARANJA',
};

/**
 * Brands credit-card-type does not know (Cabal, Argentina's debit and credit network). They are kept in a table of our
 * own instead of `creditCardType.addCard`, which changes a list shared with every other user of that module in the
 * page (and that `resetModifications` wipes). A prefix here is only taken once the number has all its digits, so
 * longer, more specific prefixes win over the one-digit Maestro catch-all exactly as in credit-card-type.
 */
const EXTRA_BRANDS: ReadonlyArray<{ info: CardBrandInfo; prefixes: ReadonlyArray<readonly [number, number]> }> = [
  {
    info: { brand: 'CABAL', name: 'Cabal', lengths: [16], securityCodeLength: 3, gaps: [4, 8, 12] },
    prefixes: [
      [589657, 589657],
      [600691, 600691],
      [603522, 603522],
      [604201, 604400],
      [627170, 627170],
    ],
  },
];

function extraBrandOf(digits: string): CardBrandInfo | undefined {
  for (const { info, prefixes } of EXTRA_BRANDS) {
    for (const [from, to] of prefixes) {
      const size = String(from).length;
      if (digits.length < size) continue;
      const prefix = Number(digits.slice(0, size));
      if (prefix >= from && prefix <= to) return info;
    }
  }
  return undefined;
}

const NAMES: Partial<Record<CardBrand, string>> = { AMEX: 'American Express', DINERS: 'Diners Club' };

/**
 * The brand's lengths, security code size and grouping.
 *
 * @example
 * ```ts
 * getCardBrandInfo('VISA').securityCodeLength; // 3
 * ```
 */
export function getCardBrandInfo(brand: CardBrand): CardBrandInfo {
  const extra = EXTRA_BRANDS.find((entry) => entry.info.brand === brand);
  if (extra) return extra.info;
  const type = Object.keys(FROM_LIBRARY).find((key) => FROM_LIBRARY[key] === brand)!;
  const info = creditCardType.getTypeInfo(type);
  return {
    brand,
    name: NAMES[brand] ?? info.niceType,
    lengths: info.lengths,
    securityCodeLength: info.code.size === 4 ? 4 : 3,
    gaps: info.gaps,
  };
}

/**
 * The brand of a card number, full or partly typed (spaces and dashes are ignored), or `undefined` while the digits
 * could still belong to several brands or to none that yuno-react knows.
 *
 * @example
 * ```ts
 * detectCardBrand('4507 9900 0000 0002'); // 'VISA'
 * detectCardBrand('37');                  // 'AMEX'
 * detectCardBrand('3');                   // undefined: Amex, Diners or JCB
 * ```
 */
export function detectCardBrand(number: string): CardBrand | undefined {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const extra = extraBrandOf(digits);
  if (extra) return extra.brand;
  const candidates = creditCardType(digits);
  if (candidates.length === 1) return FROM_LIBRARY[candidates[0]!.type];
  // Several candidates: the one whose prefix is already complete and longest (a "4" is Visa even though Elo and
  // Naranja have some 6-digit prefixes starting with 4; at "401178" Elo takes over).
  let best: { type: string; matchStrength?: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.matchStrength && (!best?.matchStrength || candidate.matchStrength > best.matchStrength)) {
      best = candidate;
    }
  }
  return best ? FROM_LIBRARY[best.type] : undefined;
}
