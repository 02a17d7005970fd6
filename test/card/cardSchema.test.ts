import { describe, expect, it } from 'vitest';
import {
  MAX_CARD_EXPIRY_YEARS,
  cardExpiryError,
  cardSchema,
  formatCardExpiry,
  holderNameError,
  parseCardExpiry,
  securityCodeError,
  securityCodeLength,
} from 'yuno-react/card';

const now = new Date();
const yy = (years: number) => String((now.getFullYear() + years) % 100).padStart(2, '0');
const mm = (month: number) => String(month).padStart(2, '0');
const thisMonth = now.getMonth() + 1;

describe('card expiry', () => {
  it('adds the slash as the shopper types', () => {
    expect(formatCardExpiry('1')).toBe('1');
    expect(formatCardExpiry('12')).toBe('12/');
    expect(formatCardExpiry('123')).toBe('12/3');
    expect(formatCardExpiry('1230')).toBe('12/30');
    expect(formatCardExpiry('12/305')).toBe('12/30');
  });

  it('reads a lone month digit above 1 as that month', () => {
    expect(formatCardExpiry('4')).toBe('04/');
    expect(formatCardExpiry('1/')).toBe('01/');
  });

  it('lets Backspace remove the slash', () => {
    expect(formatCardExpiry('12', { deleting: true })).toBe('12');
    expect(formatCardExpiry('1/', { deleting: true })).toBe('1');
  });

  it('takes a pasted four-digit year', () => {
    expect(formatCardExpiry('12/2030')).toBe('12/30');
    expect(formatCardExpiry('3 / 2031')).toBe('03/31');
  });

  it('parses MM/YY', () => {
    expect(parseCardExpiry('11/30')).toEqual({ month: 11, year: 2030 });
    expect(parseCardExpiry('13/30')).toBeUndefined();
    expect(parseCardExpiry('00/30')).toBeUndefined();
    expect(parseCardExpiry('1130')).toBeUndefined();
  });

  it('accepts the current month and up to 20 years ahead, not the past nor later', () => {
    expect(MAX_CARD_EXPIRY_YEARS).toBe(20);
    expect(cardExpiryError(`${mm(thisMonth)}/${yy(0)}`, now)).toBeUndefined();
    expect(cardExpiryError(`${mm(thisMonth)}/${yy(20)}`, now)).toBeUndefined();
    expect(cardExpiryError(`12/${yy(-1)}`, now)).toBe('past');
    expect(cardExpiryError(`${mm(thisMonth)}/${yy(21)}`, now)).toBe('tooFar');
    expect(cardExpiryError('13/30', now)).toBe('invalid');
    expect(cardExpiryError('', now)).toBe('required');
  });

  it('ends a card at the end of its month', () => {
    expect(cardExpiryError('03/26', new Date(2026, 2, 31))).toBeUndefined();
    expect(cardExpiryError('03/26', new Date(2026, 3, 1))).toBe('past');
    expect(cardExpiryError('03/46', new Date(2026, 2, 1))).toBeUndefined();
    expect(cardExpiryError('04/46', new Date(2026, 2, 1))).toBe('tooFar');
  });
});

describe('security code and holder name', () => {
  it('wants 4 digits for American Express and 3 for the others', () => {
    expect(securityCodeLength('AMEX')).toBe(4);
    expect(securityCodeLength('VISA')).toBe(3);
    expect(securityCodeLength(undefined)).toBe(3);
    expect(securityCodeError('1234', 'AMEX')).toBeUndefined();
    expect(securityCodeError('123', 'AMEX')).toBe('invalid');
    expect(securityCodeError('123', 'VISA')).toBeUndefined();
    expect(securityCodeError('1234', 'VISA')).toBe('invalid');
    expect(securityCodeError('12a', 'VISA')).toBe('invalid');
    expect(securityCodeError('', 'VISA')).toBe('required');
  });

  it('takes names in any alphabet, not digits', () => {
    expect(holderNameError('Ada Lovelace')).toBeUndefined();
    expect(holderNameError("José D'Ávila-Núñez Jr.")).toBeUndefined();
    expect(holderNameError('  ')).toBe('required');
    expect(holderNameError('A')).toBe('invalid');
    expect(holderNameError('4507 9900')).toBe('invalid');
    expect(holderNameError('x'.repeat(51))).toBe('invalid');
  });
});

describe('cardSchema', () => {
  const valid = {
    number: '4507 9900 0000 0002',
    expiry: `11/${yy(3)}`,
    securityCode: '123',
    holderName: 'Ada Lovelace',
  };

  it('accepts a valid card', () => {
    expect(cardSchema.safeParse(valid).success).toBe(true);
    expect(cardSchema.safeParse({ ...valid, number: '370000000000002', securityCode: '1234' }).success).toBe(true);
  });

  it('reports one issue per field, keyed <field>.<code>', () => {
    const result = cardSchema.safeParse({ number: '4507', expiry: `01/${yy(-2)}`, securityCode: '12', holderName: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['number', 'number.incomplete'],
      ['expiry', 'expiry.past'],
      ['securityCode', 'securityCode.invalid'],
      ['holderName', 'holderName.required'],
    ]);
  });

  it('checks the security code against the number’s brand', () => {
    const result = cardSchema.safeParse({ ...valid, number: '370000000000002', securityCode: '123' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['securityCode.invalid']);
  });

  it('keeps the card number and code out of its issues', () => {
    const result = cardSchema.safeParse({ ...valid, number: '4507990000000003', securityCode: '98' });
    const text = JSON.stringify(result.error?.issues);
    expect(text).not.toContain('4507990000000003');
    expect(text).not.toContain('"98"');
  });
});
