import { describe, expect, it } from 'vitest';
import { PaymentSchema, getNextAction } from 'yuno-react/core';
import { SANDBOX_PIX_TTL_MS, SANDBOX_VOUCHER_TTL_MS } from 'yuno-react/sandbox';
import { at, createKit, expectYunoError } from './kit';

/** CRC-16/CCITT-FALSE, written here from the definition to check the sandbox's codes independently. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Top-level EMV fields of a BR Code: id → value. */
function emvFields(code: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i < code.length;) {
    const id = code.slice(i, i + 2);
    const length = Number(code.slice(i + 2, i + 4));
    fields.set(id, code.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
}

describe('PIX', () => {
  it('checks the CRC used below against the standard check value', () => {
    expect(crc16('123456789')).toBe('29B1');
  });

  it('answers READY_TO_PAY with a QR image and a BR Code whose CRC is valid', async () => {
    const { payWithMethod } = createKit({ now: Date.UTC(2031, 0, 10, 12) });
    const { payment, result } = await payWithMethod('PIX', 'BR', 'BRL', 50);
    expect(payment).toMatchObject({
      status: 'READY_TO_PAY',
      sub_status: 'CREATED',
      checkout: { sdk_action_required: true },
    });
    expect(at(result.body, 'transactions', 'status')).toBe('CREATED');
    const transfer = payment.payment_method?.payment_method_detail?.bank_transfer;
    const code = transfer?.payment_instruction ?? '';
    expect(code.slice(-4)).toBe(crc16(code.slice(0, -4)));
    const fields = emvFields(code);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('26')).toContain('br.gov.bcb.pix');
    expect(fields.get('53')).toBe('986');
    expect(fields.get('54')).toBe('50.00');
    expect(fields.get('58')).toBe('BR');
    expect(fields.get('63')).toBe(code.slice(-4));

    const image = transfer?.provider_image ?? '';
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(image.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path fill="#000" d="M');

    expect(payment.created_at?.startsWith('2031-01-10T12:')).toBe(true);
    expect(transfer?.expires_at).toBe(new Date(Date.parse(payment.created_at!) + SANDBOX_PIX_TTL_MS).toISOString());
    expect(getNextAction(payment)).toMatchObject({
      type: 'qr',
      code,
      imageUrl: image,
      expiresAt: transfer?.expires_at,
    });
  });

  it('becomes SUCCEEDED when paid, also on Retrieve', async () => {
    const { payWithMethod, sandbox, api } = createKit();
    const { payment } = await payWithMethod('PIX', 'BR', 'BRL');
    const settled = await sandbox.settlePayment(payment.id, 'SUCCEEDED');
    expect(settled).toMatchObject({
      status: 'SUCCEEDED',
      sub_status: 'APPROVED',
      checkout: { sdk_action_required: false },
    });
    const retrieved = PaymentSchema.parse((await api('GET', `/v1/payments/${payment.id}`)).body);
    expect(retrieved.status).toBe('SUCCEEDED');
    expect(retrieved.transactions?.map((t) => t.status)).toEqual(['SUCCEEDED']);
    expect(getNextAction(retrieved)).toBeUndefined();
  });

  it('becomes EXPIRED 30 minutes after creation when unpaid, and can then not be settled', async () => {
    const { payWithMethod, sandbox } = createKit();
    const { payment } = await payWithMethod('PIX', 'BR', 'BRL');
    await sandbox.advanceTime(SANDBOX_PIX_TTL_MS - 1_000);
    expect(sandbox.getPayment(payment.id)?.status).toBe('READY_TO_PAY');
    await sandbox.advanceTime(1_000);
    expect(sandbox.getPayment(payment.id)).toMatchObject({ status: 'EXPIRED', sub_status: 'EXPIRED' });
    await expect(sandbox.settlePayment(payment.id, 'SUCCEEDED')).rejects.toThrow(/INVALID_STATUS/);
  });
});

describe('redirect methods', () => {
  it.each([
    ['PSE', 'CO', 'COP', 'bank_transfer'],
    ['MERCADO_PAGO_CHECKOUT_PRO', 'BR', 'BRL', 'wallet'],
    ['PAYPAL', 'US', 'USD', 'wallet'],
  ] as const)(
    '%s answers READY_TO_PAY with a redirect_url to the sandbox payment page',
    async (type, country, currency, detailKey) => {
      const { payWithMethod } = createKit({ baseUrl: 'http://sandbox.test' });
      const { payment, result } = await payWithMethod(type, country, currency);
      expect(payment).toMatchObject({
        status: 'READY_TO_PAY',
        sub_status: 'CREATED',
        checkout: { sdk_action_required: true },
      });
      const url = at(result.body, 'payment_method', 'payment_method_detail', detailKey, 'redirect_url');
      expect(url).toBe(`http://sandbox.test/_sandbox/redirect/${payment.id}`);
      expect(getNextAction(payment)).toEqual({ type: 'redirect', url });
    },
  );

  it('settles through the payment page: Approve → SUCCEEDED and 303 to the callback URL', async () => {
    const { payWithMethod, sandbox } = createKit();
    const { payment, session } = await payWithMethod('PSE', 'CO', 'COP', 8000, 'https://merchant.test/return');
    const page = await sandbox.fetch(`/_sandbox/redirect/${payment.id}`);
    expect(page.status).toBe(200);
    const markup = await page.text();
    expect(markup).toContain('<html lang="en">');
    expect(markup).toContain('<button type="submit" name="decision" value="approve">Approve payment</button>');
    expect(markup).toContain(
      '<button type="submit" name="decision" value="decline" class="secondary">Decline payment</button>',
    );

    const answer = await sandbox.fetch(`/_sandbox/redirect/${payment.id}`, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'approve' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(
      `https://merchant.test/return?checkoutSession=${session.checkout_session}`,
    );
    expect(sandbox.getPayment(payment.id)?.status).toBe('SUCCEEDED');
  });

  it('declines through the payment page and shows the result when there is no callback URL', async () => {
    const { payWithMethod, sandbox } = createKit();
    const { payment } = await payWithMethod('PAYPAL', 'US', 'USD');
    const answer = await sandbox.fetch(`/_sandbox/redirect/${payment.id}`, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'decline' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/<p role="status">Payment declined\./);
    const declined = sandbox.getPayment(payment.id);
    expect(declined).toMatchObject({ status: 'DECLINED' });
    expect(declined?.transactions?.at(-1)?.response_code).toBe('CANCELLED_BY_USER');
    const after = await sandbox.fetch(`/_sandbox/redirect/${payment.id}`);
    expect(await after.text()).toContain('Payment declined.');
    expect((await sandbox.fetch('/_sandbox/redirect/unknown')).status).toBe(404);
  });
});

describe('vouchers', () => {
  it.each([
    ['OXXO', 'MX', 'MXN', /^\d{14}$/],
    ['BOLETO', 'BR', 'BRL', /^\d{47}$/],
    ['EFECTY', 'CO', 'COP', /^\d{8}$/],
  ] as const)(
    '%s answers READY_TO_PAY with a reference, barcode and instructions valid 3 days',
    async (type, country, currency, reference) => {
      const { payWithMethod } = createKit();
      const { payment } = await payWithMethod(type, country, currency);
      expect(payment).toMatchObject({
        status: 'READY_TO_PAY',
        sub_status: 'CREATED',
        checkout: { sdk_action_required: true },
      });
      const ticket = payment.payment_method?.payment_method_detail?.ticket;
      expect(ticket?.provider_number).toMatch(reference);
      expect(ticket?.provider_barcode).toMatch(/^\d+$/);
      expect(ticket?.payment_instruction).toMatch(/pay/i);
      expect(Date.parse(ticket!.expires_at!) - Date.parse(payment.created_at!)).toBe(SANDBOX_VOUCHER_TTL_MS);
      expect(getNextAction(payment)).toMatchObject({
        type: 'voucher',
        code: ticket?.provider_number,
        barcode: ticket?.provider_barcode,
        url: expect.stringContaining(`/_sandbox/redirect/${payment.id}`),
      });
    },
  );

  it('settles through the control route and expires after 3 days when unpaid', async () => {
    const { payWithMethod, sandbox, api } = createKit();
    const paid = await payWithMethod('OXXO', 'MX', 'MXN');
    const settled = await api('POST', `/_sandbox/payments/${paid.payment.id}/settle`, { status: 'SUCCEEDED' });
    expect(settled.status).toBe(200);
    expect(PaymentSchema.parse(settled.body).status).toBe('SUCCEEDED');
    expectYunoError(
      await api('POST', `/_sandbox/payments/${paid.payment.id}/settle`, { status: 'DECLINED' }),
      400,
      'INVALID_STATUS',
    );
    expectYunoError(
      await api('POST', '/_sandbox/payments/unknown/settle', { status: 'SUCCEEDED' }),
      400,
      'PAYMENT_NOT_FOUND',
    );

    const unpaid = await payWithMethod('BOLETO', 'BR', 'BRL');
    await sandbox.advanceTime(SANDBOX_VOUCHER_TTL_MS);
    expect(sandbox.getPayment(unpaid.payment.id)).toMatchObject({ status: 'EXPIRED', sub_status: 'EXPIRED' });
    expect(sandbox.getPayment(paid.payment.id)?.status).toBe('SUCCEEDED');
  });

  it('settles to an exact status, sub-status and response code', async () => {
    const { payWithMethod, sandbox } = createKit();
    const { payment } = await payWithMethod('EFECTY', 'CO', 'COP');
    const settled = await sandbox.settlePayment(payment.id, {
      status: 'DECLINED',
      sub_status: 'FRAUD_DECLINED',
      response_code: 'FRAUD_VALIDATION',
    });
    expect(settled).toMatchObject({ status: 'DECLINED', sub_status: 'FRAUD_DECLINED' });
    expect(settled.transactions?.at(-1)).toMatchObject({ status: 'DECLINED', response_code: 'FRAUD_VALIDATION' });
  });
});
