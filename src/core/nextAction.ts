import type { Payment } from './schemas/payment';

/**
 * What the shopper must do next for a payment Yuno cannot finish alone, read from the payment's
 * `checkout.sdk_action_required` and `payment_method.payment_method_detail`:
 * - `three_d_secure`: a card challenge (the URL comes from Yuno's Web SDK `getThreeDSecureChallenge`);
 * - `redirect`: send the shopper to `url` (bank, wallet, BNPL pages);
 * - `qr`: show a QR image and a copy-paste code (PIX and similar);
 * - `voucher`: show a reference or barcode to pay offline (OXXO, Boleto, Efecty).
 */
export type NextAction =
  | { type: 'three_d_secure'; checkoutSession: string | undefined }
  | { type: 'redirect'; url: string }
  | {
      type: 'qr';
      code: string | undefined;
      imageUrl: string | undefined;
      expiresAt: string | undefined;
      url: string | undefined;
    }
  | {
      type: 'voucher';
      code: string | undefined;
      barcode: string | undefined;
      instructions: string | undefined;
      expiresAt: string | undefined;
      url: string | undefined;
    };

const str = (v: string | null | undefined): string | undefined => (v ? v : undefined);

/**
 * The next action of a payment, or `undefined` when none is needed.
 *
 * @example
 * ```ts
 * const action = getNextAction(payment);
 * if (action?.type === 'redirect') window.location.assign(action.url);
 * ```
 */
export function getNextAction(payment: Payment): NextAction | undefined {
  if (payment.checkout?.sdk_action_required !== true) return undefined;
  if (payment.status !== 'READY_TO_PAY' && payment.status !== 'PENDING' && payment.status !== 'CREATED')
    return undefined;
  const detail = payment.payment_method?.payment_method_detail;
  const ticket = detail?.ticket;
  if (ticket && (ticket.provider_number || ticket.provider_barcode || ticket.payment_instruction)) {
    return {
      type: 'voucher',
      code: str(ticket.provider_number),
      barcode: str(ticket.provider_barcode),
      instructions: str(ticket.payment_instruction),
      expiresAt: str(ticket.expires_at) ?? str(ticket.date_of_expiration),
      url: str(ticket.redirect_url),
    };
  }
  const transfer = detail?.bank_transfer;
  if (transfer && (transfer.provider_image || transfer.payment_instruction)) {
    return {
      type: 'qr',
      code: str(transfer.payment_instruction),
      imageUrl: str(transfer.provider_image),
      expiresAt: str(transfer.expires_at),
      url: str(transfer.redirect_url),
    };
  }
  const url =
    str(transfer?.redirect_url) ??
    str(ticket?.redirect_url) ??
    str(detail?.wallet?.redirect_url) ??
    str(detail?.bnpl?.redirect_url) ??
    str(detail?.payment_link?.redirect_url);
  if (url) return { type: 'redirect', url };
  if (payment.payment_method?.type === 'CARD' || detail?.card) {
    return { type: 'three_d_secure', checkoutSession: str(payment.checkout?.session) };
  }
  return undefined;
}
