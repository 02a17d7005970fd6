import type { SandboxRuntime } from './runtime';
import type { CheckoutSessionRecord, PaymentRecord } from './SandboxStore';
import { challengeUrl } from './threeDSecure';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A `data:<type>;base64,<value>` URL's parts, as Yuno's `image` carries them (`type`: MIME type, `value`: base64). */
function imageOf(dataUrl: string | undefined): { type: string; value: string } | undefined {
  const match = dataUrl ? /^data:([^;,]+);base64,(.+)$/.exec(dataUrl) : null;
  return match ? { type: match[1]!, value: match[2]! } : undefined;
}

/**
 * What Yuno's Web SDK 1.x headless `getContinuePaymentAction` answers for a session's payment, in the shape Yuno
 * documents (`ContinuePaymentAction`, https://docs.y.uno/docs/sdks/headless-web/payment, Step 7), derived from the
 * payment's own `payment_method_detail`:
 * - a 3DS challenge waiting: `THREE_D_SECURE_REDIRECT_URL`, `three_d_secure_redirect.init_url` the challenge page (the
 *   sandbox's page takes no token: `access_token` is empty);
 * - PIX (`bank_transfer` with a QR): `IMAGE`, `image` the QR (`provider_image`'s MIME type and base64), with the BR
 *   Code (`payment_instruction`) as `payment_code.code`;
 * - a voucher (`ticket`): `PAYMENT_CODE`, `payment_code.code` the reference the shopper pays with (`provider_number`);
 * - any other method: `REDIRECT_URL`, `redirect.init_url` the provider's page (`redirect_url`), `success_url` and
 *   `error_url` the payment's callback URL (the session's when the payment has none; empty without either).
 * `type` is the provider of the payment's last transaction and `transaction_id` its id; `reference` is the payment's
 * id and `expiration_time` the payment's expiry as a Unix timestamp in seconds. `null` when the payment needs nothing
 * more of the shopper (`sdk_action_required` false).
 */
export function continuePaymentActionView(
  rt: SandboxRuntime,
  session: CheckoutSessionRecord,
  payment: PaymentRecord,
): Json | null {
  if (!payment.sdkActionRequired) return null;
  const transaction = payment.transactions.at(-1);
  const base: Json = {
    type: transaction?.providerId ?? 'SANDBOX',
    ...(transaction ? { transaction_id: transaction.id } : {}),
  };
  if (payment.challenge?.pending) {
    return {
      ...base,
      action: 'THREE_D_SECURE_REDIRECT_URL',
      three_d_secure_redirect: { init_url: challengeUrl(rt.baseUrl, session.id), access_token: '' },
    };
  }
  const expiration =
    payment.expiresAt !== null ? { expiration_time: Math.floor(payment.expiresAt / 1000) } : ({} as Json);
  const detail = payment.detail;
  const transfer = detail.bank_transfer;
  const ticket = detail.ticket;
  if (payment.flow === 'qr' && transfer) {
    const image = imageOf(str(transfer.provider_image));
    const code = str(transfer.payment_instruction);
    return {
      ...base,
      action: 'IMAGE',
      ...(image ? { image: { ...image, reference: payment.id, ...expiration } } : {}),
      ...(code ? { payment_code: { code, reference: payment.id, ...expiration } } : {}),
    };
  }
  if (payment.flow === 'voucher' && ticket) {
    const code = str(ticket.provider_number) ?? str(ticket.provider_barcode) ?? '';
    return { ...base, action: 'PAYMENT_CODE', payment_code: { code, reference: payment.id, ...expiration } };
  }
  const url =
    str(transfer?.redirect_url) ??
    str(detail.wallet?.redirect_url) ??
    str(detail.bnpl?.redirect_url) ??
    str(detail.payment_link?.redirect_url) ??
    str(ticket?.redirect_url);
  if (!url) return null;
  const back = payment.callbackUrl ?? session.callbackUrl ?? '';
  return { ...base, action: 'REDIRECT_URL', redirect: { init_url: url, success_url: back, error_url: back } };
}
