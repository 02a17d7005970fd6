import { SANDBOX_THREE_DS_OTPS } from './constants';
import { randomBase64, uuid } from './ids';

/** `three_d_secure` of a card payment that went through no authentication. */
export function noThreeDSecure(): Record<string, unknown> {
  return {
    version: null,
    electronic_commerce_indicator: null,
    cryptogram: null,
    transaction_id: null,
    directory_server_transaction_id: null,
    pares_status: null,
    acs_id: null,
  };
}

/** `three_d_secure` after an authentication, with the ECI each network uses for that result. */
export function threeDSecureResult(brand: string, paresStatus: 'Y' | 'A' | 'N' | 'R' | 'U'): Record<string, unknown> {
  const mastercard = brand === 'MASTERCARD' || brand === 'MAESTRO';
  const eci =
    paresStatus === 'Y'
      ? mastercard
        ? '02'
        : '05'
      : paresStatus === 'A'
        ? mastercard
          ? '01'
          : '06'
        : mastercard
          ? '00'
          : '07';
  const authenticated = paresStatus === 'Y' || paresStatus === 'A';
  return {
    version: '2.2.0',
    electronic_commerce_indicator: eci,
    cryptogram: authenticated ? randomBase64(20) : null,
    transaction_id: uuid(),
    directory_server_transaction_id: uuid(),
    pares_status: paresStatus,
    acs_id: uuid(),
  };
}

/** What the challenge answer means, after the codes of Yuno's 3DS simulator. */
export function challengeAnswer(otp: string): { passed: boolean; paresStatus: 'Y' | 'A' | 'N' | 'R' | 'U' } {
  switch (otp.trim()) {
    case SANDBOX_THREE_DS_OTPS.authenticated:
      return { passed: true, paresStatus: 'Y' };
    case SANDBOX_THREE_DS_OTPS.attempted:
      return { passed: true, paresStatus: 'A' };
    case SANDBOX_THREE_DS_OTPS.rejected:
      return { passed: false, paresStatus: 'R' };
    case SANDBOX_THREE_DS_OTPS.unavailable:
      return { passed: false, paresStatus: 'U' };
    default:
      return { passed: false, paresStatus: 'N' };
  }
}

/** The challenge page of a checkout session (or, for a payment without one, of the payment). */
export function challengeUrl(baseUrl: string, checkoutSessionOrPaymentId: string): string {
  return `${baseUrl}/_sandbox/3ds/${encodeURIComponent(checkoutSessionOrPaymentId)}`;
}
