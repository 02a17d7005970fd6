import { describe, expect, it } from 'vitest';
import { redactCardData } from '../../src/core';

describe('redactCardData in text', () => {
  it.each([
    ['Card 4111111111111111 is invalid', 'Card [redacted] is invalid'],
    ['Card 4111 1111 1111 1111 is invalid', 'Card [redacted] is invalid'],
    ['Card 4111-1111-1111-1111 is invalid', 'Card [redacted] is invalid'],
    ['Amex 3782 822463 10005 refused', 'Amex [redacted] refused'],
    ['number=4507990000000002&x=1', 'number=[redacted]&x=1'],
    ['{"number":"4111 1111 1111 1111"}', '{"number":"[redacted]"}'],
    ['card 4111 1111 1111 1111 1225 expired', 'card [redacted] 1225 expired'],
    ['19 digits 6011000990139424000 pass? no: 4000056655665556', '19 digits 6011000990139424000 pass? no: [redacted]'],
  ])('masks the card number in %j', (input, output) => {
    expect(redactCardData(input)).toBe(output);
  });

  it.each([
    ['cvv 123 does not match', 'cvv [redacted] does not match'],
    ['cvv2=123', 'cvv2=[redacted]'],
    ['CVV2: 1234', 'CVV2: [redacted]'],
    ['{"cvv" : "737"}', '{"cvv" : "[redacted]"}'],
    ['{"cvv": 737}', '{"cvv": [redacted]}'],
    ['card_security_code=737', 'card_security_code=[redacted]'],
    ['{"card_security_code" : "7370"}', '{"card_security_code" : "[redacted]"}'],
    ['security_code: 123', 'security_code: [redacted]'],
    ['"securityCode":"123"', '"securityCode":"[redacted]"'],
    ['cardSecurityCode=123', 'cardSecurityCode=[redacted]'],
    ['security code 123 is wrong', 'security code [redacted] is wrong'],
    ['cvc=999', 'cvc=[redacted]'],
  ])('masks the security code in %j', (input, output) => {
    expect(redactCardData(input)).toBe(output);
  });

  it.each([
    'Order 1679531154456 for 52000 COP',
    'merchant_order_id 1679531154456',
    'Amount 1234567890123 is too large',
    'Timestamp 1700000000000, attempt 3',
    'Order 1679-5311-5445-6 refused',
    'Phone 5511 9876 5432',
    'Account 12345678901234567890123 closed',
    'cvv must have 3 or 4 digits',
    'invalid cvv_code',
    'Yuno code 400 at 2026-12-03',
  ])('leaves %j unchanged (no card number, no labelled code)', (input) => {
    expect(redactCardData(input)).toBe(input);
  });

  it('masks every occurrence, and a Luhn-valid 13-digit number next to a failing one', () => {
    expect(redactCardData('4111111111111111 and 4111-1111-1111-1111 and 4222222222222 but 1679531154456')).toBe(
      '[redacted] and [redacted] and [redacted] but 1679531154456',
    );
  });
});

describe('redactCardData in objects', () => {
  it('masks nested strings, security-code keys and card-number integers, and copies the rest', () => {
    const value = {
      messages: ['Card 4111 1111 1111 1111 declined', 'cvv2=123'],
      card: {
        number: '4111-1111-1111-1111',
        security_code: '737',
        card_security_code: 7370,
        cvv: '12',
        expiration_month: 11,
        holder_name: 'Ada Lovelace',
      },
      payment_method: { detail: { card: { cvv2: '123', securityCode: '999', raw: 4111111111111111 } } },
      list: [{ cvc: '321' }, 'order 1679531154456', 1679531154456],
      amount: { currency: 'COP', value: 52000 },
      merchant_order_id: '1679531154456',
      nothing: null,
      flag: true,
    };
    const before = JSON.stringify(value);
    expect(redactCardData(value)).toEqual({
      messages: ['Card [redacted] declined', 'cvv2=[redacted]'],
      card: {
        number: '[redacted]',
        security_code: '[redacted]',
        card_security_code: '[redacted]',
        cvv: '[redacted]',
        expiration_month: 11,
        holder_name: 'Ada Lovelace',
      },
      payment_method: { detail: { card: { cvv2: '[redacted]', securityCode: '[redacted]', raw: '[redacted]' } } },
      list: [{ cvc: '[redacted]' }, 'order 1679531154456', 1679531154456],
      amount: { currency: 'COP', value: 52000 },
      merchant_order_id: '1679531154456',
      nothing: null,
      flag: true,
    });
    // A copy: the original is untouched.
    expect(JSON.stringify(value)).toBe(before);
  });

  it('passes values that hold no text through', () => {
    expect([redactCardData(42), redactCardData(null), redactCardData(undefined), redactCardData(false)]).toEqual([
      42,
      null,
      undefined,
      false,
    ]);
  });
});

describe('a mistyped card number in a card’s grouping', () => {
  it('is masked although it fails the Luhn check', () => {
    expect(redactCardData('card 4111 1111 1111 1112 refused')).toBe('card [redacted] refused');
    expect(redactCardData('card 4111-1111-1111-1112 refused')).toBe('card [redacted] refused');
    expect(redactCardData('amex 3782 822463 10006')).toBe('amex [redacted]');
    expect(redactCardData('order 1679531154456')).toBe('order 1679531154456');
  });
});
