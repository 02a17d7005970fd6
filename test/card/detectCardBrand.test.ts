import { describe, expect, it } from 'vitest';
import {
  CARD_BRANDS,
  cardNumberError,
  detectCardBrand,
  formatCardNumber,
  getCardBrandInfo,
  isValidCardNumber,
  maxCardNumberLength,
  passesLuhn,
} from 'yuno-react/card';

/** One Luhn-valid number per brand. */
const NUMBERS: Array<[string, (typeof CARD_BRANDS)[number]]> = [
  ['4507990000000002', 'VISA'],
  ['5555555555554444', 'MASTERCARD'],
  ['2223000048400011', 'MASTERCARD'],
  ['370000000000002', 'AMEX'],
  ['30569309025904', 'DINERS'],
  ['6011111111111117', 'DISCOVER'],
  ['3530111333300000', 'JCB'],
  ['6200000000000005', 'UNIONPAY'],
  ['6759000000000000', 'MAESTRO'],
  ['6362970000000003', 'ELO'],
  ['4011780000000006', 'ELO'],
  ['6062820000000003', 'HIPERCARD'],
  ['6370950000000005', 'HIPER'],
  ['6042010000000006', 'CABAL'],
  ['5896570000000008', 'CABAL'],
  ['5895620000000002', 'NARANJA'],
];

describe('detectCardBrand', () => {
  it.each(NUMBERS)('%s is %s', (number, brand) => {
    expect(detectCardBrand(number)).toBe(brand);
  });

  it('covers every brand it declares', () => {
    expect(new Set(NUMBERS.map(([, brand]) => brand))).toEqual(new Set(CARD_BRANDS));
  });

  it('reads formatted numbers', () => {
    expect(detectCardBrand('4507 9900 0000 0002')).toBe('VISA');
    expect(detectCardBrand('3700-000000-00002')).toBe('AMEX');
  });

  it('names a brand from its first digits once they are unambiguous', () => {
    expect(detectCardBrand('4')).toBe('VISA');
    expect(detectCardBrand('37')).toBe('AMEX');
    expect(detectCardBrand('51')).toBe('MASTERCARD');
    // Visa until the six digits of an Elo range are all there.
    expect(detectCardBrand('40117')).toBe('VISA');
    expect(detectCardBrand('401178')).toBe('ELO');
  });

  it('says nothing while several brands are possible, or for none it knows', () => {
    expect(detectCardBrand('')).toBeUndefined();
    expect(detectCardBrand('3')).toBeUndefined();
    expect(detectCardBrand('5')).toBeUndefined();
    expect(detectCardBrand('2200000000000004')).toBeUndefined(); // Mir
    expect(detectCardBrand('45o7')).toBeUndefined();
  });
});

describe('getCardBrandInfo', () => {
  it('gives lengths, security code size and name', () => {
    expect(getCardBrandInfo('AMEX')).toMatchObject({ name: 'American Express', lengths: [15], securityCodeLength: 4 });
    expect(getCardBrandInfo('VISA')).toMatchObject({ name: 'Visa', securityCodeLength: 3 });
    expect(getCardBrandInfo('CABAL')).toMatchObject({ name: 'Cabal', lengths: [16], securityCodeLength: 3 });
  });
});

describe('formatCardNumber', () => {
  it('groups American Express 4-6-5', () => {
    expect(formatCardNumber('370000000000002')).toBe('3700 000000 00002');
    expect(formatCardNumber('3700000')).toBe('3700 000');
  });

  it('groups every other brand by four, up to 19 digits', () => {
    expect(formatCardNumber('4507990000000002')).toBe('4507 9900 0000 0002');
    expect(formatCardNumber('4507-9900-0000-0002')).toBe('4507 9900 0000 0002');
    expect(formatCardNumber('4507990000000000002')).toBe('4507 9900 0000 0000 002');
    expect(formatCardNumber('45079900000000000029999')).toBe('4507 9900 0000 0000 002');
    expect(formatCardNumber('30569309025904')).toBe('3056 9309 0259 04');
  });

  it('cuts an American Express number at 15 digits', () => {
    expect(formatCardNumber('3700000000000021234')).toBe('3700 000000 00002');
    expect(maxCardNumberLength('37')).toBe(15);
    expect(maxCardNumberLength('4')).toBe(19);
  });

  it('drops anything but digits', () => {
    expect(formatCardNumber(' 4507.99 ')).toBe('4507 99');
    expect(formatCardNumber('')).toBe('');
  });
});

describe('isValidCardNumber', () => {
  it.each(NUMBERS)('accepts %s', (number) => {
    expect(isValidCardNumber(number)).toBe(true);
  });

  it('accepts the sandbox test cards, spaced or dashed', () => {
    expect(isValidCardNumber('4507 9900 0000 0010')).toBe(true);
    expect(isValidCardNumber('3700-000000-00002')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(passesLuhn('4507990000000003')).toBe(false);
    expect(isValidCardNumber('4507990000000003')).toBe(false);
    expect(cardNumberError('4507990000000003')).toBe('invalid');
  });

  it('refuses a length the brand does not issue, even with a valid check digit', () => {
    // 16 digits starting 37 pass Luhn but Amex numbers have 15.
    expect(passesLuhn('3700000000000007')).toBe(true);
    expect(isValidCardNumber('3700000000000007')).toBe(false);
    expect(cardNumberError('3700000000000007')).toBe('invalid');
  });

  it('tells an incomplete number from a wrong one', () => {
    expect(cardNumberError('')).toBe('required');
    expect(cardNumberError('   ')).toBe('required');
    expect(cardNumberError('4507 9900')).toBe('incomplete');
    expect(cardNumberError('4507 99OO 0000 0002')).toBe('invalid');
    expect(cardNumberError('4507990000000002')).toBeUndefined();
  });
});
