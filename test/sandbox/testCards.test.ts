import { describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARDS } from 'yuno-react/sandbox';
import { at, createKit } from './kit';

const outcomeCards = SANDBOX_TEST_CARDS.filter((card) => !card.threeDSecure);

describe('test cards', () => {
  it('covers the four brands with the eight outcomes each, and the 3DS cards', () => {
    expect(outcomeCards).toHaveLength(32);
    expect(new Set(outcomeCards.map((c) => c.brand))).toEqual(new Set(['VISA', 'MASTERCARD', 'AMEX', 'DINERS']));
    expect(SANDBOX_TEST_CARDS.filter((c) => c.threeDSecure).map((c) => c.number)).toEqual([
      '4929251897047956',
      '5512459816707531',
      '347899129656655',
      '4916994064252017',
      '4234123412340003',
      '5306889942833340',
      '348638267931507',
      '4716429323842524',
      '4234123412340001',
    ]);
    expect(SANDBOX_TEST_CARDS.find((c) => c.number === '370000000000010')).toMatchObject({
      brand: 'AMEX',
      securityCode: '1234',
      responseCode: 'INSUFFICIENT_FUNDS',
    });
  });

  const expected: Record<string, [status: string, subStatus: string, code: string]> = {
    '0002': ['SUCCEEDED', 'APPROVED', 'SUCCEEDED'],
    '0010': ['DECLINED', 'DECLINED', 'INSUFFICIENT_FUNDS'],
    '0028': ['DECLINED', 'DECLINED', 'DECLINED_BY_BANK'],
    '0036': ['DECLINED', 'DECLINED', 'DO_NOT_HONOR'],
    '0044': ['DECLINED', 'DECLINED', 'INVALID_SECURITY_CODE'],
    '0051': ['DECLINED', 'DECLINED', 'INVALID_CARD_DATA'],
    '0069': ['DECLINED', 'DECLINED', 'REPORTED_STOLEN'],
    '0077': ['ERROR', 'ERROR', 'ERROR'],
  };

  for (const card of outcomeCards) {
    const [status, subStatus, code] = expected[card.number.slice(-4)]!;
    it(`${card.brand} ${card.number} → ${status} ${code} (201, as Yuno answers declines)`, async () => {
      const { payWithCard } = createKit();
      const { payment, result } = await payWithCard(card.number, { cvv: card.securityCode });
      expect(payment.status).toBe(status);
      expect(payment.sub_status).toBe(subStatus);
      expect(at(result.body, 'transactions', 'response_code')).toBe(code);
      expect(at(result.body, 'transactions', 'status')).toBe(status);
      expect(at(result.body, 'payment_method', 'payment_method_detail', 'card', 'card_data', 'brand')).toBe(card.brand);
      expect(payment.checkout?.sdk_action_required).toBe(false);
    });
  }

  it('approves any other Luhn-valid number', async () => {
    const { payWithCard } = createKit();
    for (const number of ['4111111111111111', '5555555555554444', '378282246310005']) {
      const { payment } = await payWithCard(number);
      expect(payment.status, number).toBe('SUCCEEDED');
    }
  });

  it('forces the outcome named by the description when the card does not decide', async () => {
    const { payWithCard } = createKit();
    const insufficient = await payWithCard('4111111111111111', { description: 'INSUFFICIENT_FUNDS' });
    expect(insufficient.payment).toMatchObject({ status: 'DECLINED', sub_status: 'DECLINED' });
    expect(at(insufficient.result.body, 'transactions', 'response_code')).toBe('INSUFFICIENT_FUNDS');
    const pending = await payWithCard('4111111111111111', { description: 'PENDING_PROVIDER_CONFIRMATION' });
    expect(pending.payment).toMatchObject({ status: 'PENDING', sub_status: 'PENDING_PROVIDER_CONFIRMATION' });
    const error = await payWithCard('4111111111111111', { description: 'ERROR' });
    expect(error.payment.status).toBe('ERROR');
  });

  it('lets the card win over the description', async () => {
    const { payWithCard } = createKit();
    const { payment, result } = await payWithCard('4507990000000036', { description: 'SUCCEEDED' });
    expect(payment.status).toBe('DECLINED');
    expect(at(result.body, 'transactions', 'response_code')).toBe('DO_NOT_HONOR');
    const approved = await payWithCard('4507990000000002', { description: 'DO_NOT_HONOR' });
    expect(approved.payment.status).toBe('SUCCEEDED');
  });
});
