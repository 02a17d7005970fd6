/**
 * Identity documents yuno-react validates: Brazil CPF/CNPJ, Colombia CC/NIT, Argentina DNI/CUIL (CUIT), Chile RUT,
 * Mexico CURP/RFC, and a passport anywhere.
 *
 * @example
 * ```ts
 * const type: ShopperDocumentType = 'CPF';
 * ```
 */
export type ShopperDocumentType = 'CPF' | 'CNPJ' | 'CC' | 'NIT' | 'DNI' | 'CUIL' | 'RUT' | 'CURP' | 'RFC' | 'PASSPORT';

const TYPES_BY_COUNTRY: Record<string, readonly ShopperDocumentType[]> = {
  BR: ['CPF', 'CNPJ'],
  CO: ['CC', 'NIT'],
  AR: ['DNI', 'CUIL'],
  CL: ['RUT'],
  MX: ['CURP', 'RFC'],
};

/**
 * Countries where `<CardForm>` asks for the shopper's document by default.
 *
 * @example
 * ```ts
 * DOCUMENT_COUNTRIES.includes('BR'); // true
 * ```
 */
export const DOCUMENT_COUNTRIES: readonly string[] = Object.keys(TYPES_BY_COUNTRY);

/**
 * The documents a shopper of this country can give, the usual one first; a passport for any other country.
 *
 * @example
 * ```ts
 * documentTypesFor('BR'); // ['CPF', 'CNPJ']
 * documentTypesFor('US'); // ['PASSPORT']
 * ```
 */
export function documentTypesFor(country: string): readonly ShopperDocumentType[] {
  return TYPES_BY_COUNTRY[country.toUpperCase()] ?? ['PASSPORT'];
}

const digitsOf = (value: string) => value.replace(/[\s.\-/]/g, '');

function sameDigits(value: string): boolean {
  return /^(.)\1*$/.test(value);
}

/** Brazil's CPF: 11 digits, two mod-11 check digits. */
function isCpf(value: string): boolean {
  const d = digitsOf(value);
  if (!/^\d{11}$/.test(d) || sameDigits(d)) return false;
  for (const size of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < size; i += 1) sum += Number(d[i]) * (size + 1 - i);
    if (((sum * 10) % 11) % 10 !== Number(d[size])) return false;
  }
  return true;
}

/**
 * Brazil's CNPJ: 14 characters, two mod-11 check digits. From July 2026 the first 12 may be letters (each counts as
 * its character code minus 48, the Receita Federal's rule), so letters are accepted there.
 */
function isCnpj(value: string): boolean {
  const c = digitsOf(value).toUpperCase();
  if (!/^[0-9A-Z]{12}\d{2}$/.test(c) || sameDigits(c)) return false;
  const values = [...c].map((ch) => ch.charCodeAt(0) - 48);
  const weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  for (const size of [12, 13]) {
    const w = weights.slice(13 - size);
    const rest = values.slice(0, size).reduce((sum, v, i) => sum + v * w[i]!, 0) % 11;
    if ((rest < 2 ? 0 : 11 - rest) !== values[size]) return false;
  }
  return true;
}

/** Colombia's NIT: up to 15 digits and a check digit computed by the DIAN's prime weights. */
function isNit(value: string): boolean {
  const d = digitsOf(value);
  if (!/^\d{7,16}$/.test(d)) return false;
  const weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
  const body = d.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += Number(body[body.length - 1 - i]) * weights[i]!;
  const rest = sum % 11;
  return (rest > 1 ? 11 - rest : rest) === Number(d.at(-1));
}

/** Argentina's CUIL/CUIT: a two-digit prefix, the DNI, and a mod-11 check digit (a result of 10 is never issued). */
function isCuil(value: string): boolean {
  const d = digitsOf(value);
  if (!/^(20|23|24|27|30|33|34)\d{9}$/.test(d)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(d[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(d[10]);
}

/** Chile's RUT (RUN): 7–8 digits and a mod-11 check character, 0–9 or K. */
function isRut(value: string): boolean {
  const c = digitsOf(value).toUpperCase();
  if (!/^\d{7,8}[\dK]$/.test(c)) return false;
  let sum = 0;
  let weight = 2;
  for (let i = c.length - 2; i >= 0; i -= 1) {
    sum += Number(c[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const check = 11 - (sum % 11);
  return (check === 11 ? '0' : check === 10 ? 'K' : String(check)) === c.at(-1);
}

const CURP_STATES =
  'AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE';
const CURP = new RegExp(
  `^[A-Z][AEIOUX][A-Z]{2}\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])[HMX](${CURP_STATES})[B-DF-HJ-NP-TV-Z]{3}[A-Z\\d]\\d$`,
);

/** Mexico's CURP: 18 characters in RENAPO's layout, the last a check digit over the first 17. */
function isCurp(value: string): boolean {
  const c = value.trim().toUpperCase();
  if (!CURP.test(c)) return false;
  const alphabet = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += alphabet.indexOf(c[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(c[17]);
}

/** Mexico's RFC: 4 letters (3 for a company), a valid YYMMDD date, and a 3-character homoclave. */
function isRfc(value: string): boolean {
  const match = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2}[A\d])$/.exec(value.trim().toUpperCase());
  if (!match) return false;
  const month = Number(match[3]);
  const day = Number(match[4]);
  // Any year fits (YY); 2000 is a leap year, so 29 February is allowed.
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate();
}

const VALIDATORS: Record<ShopperDocumentType, (value: string) => boolean> = {
  CPF: isCpf,
  CNPJ: isCnpj,
  CC: (v) => /^[1-9]\d{3,9}$/.test(digitsOf(v)),
  NIT: isNit,
  DNI: (v) => /^\d{7,8}$/.test(digitsOf(v)),
  CUIL: isCuil,
  RUT: isRut,
  CURP: isCurp,
  RFC: isRfc,
  PASSPORT: (v) => /^[A-Z0-9]{5,20}$/i.test(v.trim()),
};

/**
 * Whether a document number is valid for its type in the given country, including check digits where the document
 * has them (CPF, CNPJ, NIT, CUIL, RUT, CURP). Dots, dashes, slashes and spaces as people write them are accepted. A
 * type the country does not use is refused.
 *
 * @example
 * ```ts
 * validateDocument('BR', 'CPF', '529.982.247-25'); // true
 * validateDocument('CL', 'RUT', '12.345.678-9');   // false: the check digit is 5
 * ```
 */
export function validateDocument(country: string, type: string, number: string): boolean {
  if (!(documentTypesFor(country) as readonly string[]).includes(type)) return false;
  return VALIDATORS[type as ShopperDocumentType](number);
}
