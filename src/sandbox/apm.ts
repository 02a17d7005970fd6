import { SANDBOX_PIX_TTL_MS, SANDBOX_VOUCHER_TTL_MS } from './constants';
import { isoTime, randomDigits } from './ids';
import { buildPixCode } from './pix';
import { qrCodeDataUrl } from './qrCode';
import type { PaymentFlow } from './SandboxStore';

/** The receiver's PIX key on every sandbox BR Code (an EVP key, the random kind Brazilian banks issue). */
const SANDBOX_PIX_KEY = '5f0d2c7e-3b1a-4e8f-9c6d-2a7b8e1f4c90';

export interface AlternativeMethodAction {
  /** `payment_method_detail` of the payment. */
  detail: Record<string, Record<string, unknown>>;
  expiresAt: number | null;
  /** Yuno's provider id on the transaction. */
  providerId: string;
}

interface Input {
  paymentId: string;
  type: string;
  flow: Exclude<PaymentFlow, 'card'>;
  amount: number;
  now: number;
  baseUrl: string;
}

/** The page where the shopper "pays": it settles the payment in the sandbox. */
export function redirectPageUrl(baseUrl: string, paymentId: string): string {
  return `${baseUrl}/_sandbox/redirect/${encodeURIComponent(paymentId)}`;
}

/**
 * What an alternative method asks of the shopper, in the shape Yuno answers it: a PIX QR and copy-paste code
 * (`bank_transfer`), a hosted page (`bank_transfer` for bank redirects, `wallet` for wallets), or a voucher to pay
 * offline (`ticket`).
 */
export function alternativeMethodAction(input: Input): AlternativeMethodAction {
  const pageUrl = redirectPageUrl(input.baseUrl, input.paymentId);
  if (input.flow === 'qr') {
    const expiresAt = input.now + SANDBOX_PIX_TTL_MS;
    const code = buildPixCode({
      key: SANDBOX_PIX_KEY,
      amount: input.amount,
      merchantName: 'Yuno Sandbox',
      merchantCity: 'Sao Paulo',
      txid: input.paymentId,
    });
    return {
      providerId: 'SANDBOX_PIX',
      expiresAt,
      detail: {
        bank_transfer: {
          provider_image: qrCodeDataUrl(code),
          account_type: null,
          bank_name: 'Sandbox PIX',
          beneficiary_name: 'Yuno Sandbox',
          bank_account: null,
          bank_account_2: null,
          beneficiary_document_type: null,
          beneficiary_document: null,
          payment_instruction: code,
          // The sandbox's "bank app": opening it lets a person (or a browser test) pay or refuse the PIX.
          redirect_url: pageUrl,
          expires_at: isoTime(expiresAt),
        },
      },
    };
  }
  if (input.flow === 'voucher') return voucher(input, pageUrl);
  if (input.type === 'PSE' || input.type === 'BANK_TRANSFER') {
    return {
      providerId: 'SANDBOX_BANK',
      expiresAt: null,
      detail: {
        bank_transfer: {
          provider_image: '',
          account_type: null,
          bank_name: 'Sandbox Bank',
          beneficiary_name: 'Yuno Sandbox',
          bank_account: null,
          bank_account_2: null,
          beneficiary_document_type: null,
          beneficiary_document: null,
          payment_instruction: null,
          redirect_url: pageUrl,
        },
      },
    };
  }
  return {
    providerId: `SANDBOX_${input.type}`,
    expiresAt: null,
    detail: {
      wallet: {
        verify: false,
        capture: false,
        installments: null,
        payment_method_id: null,
        payment_method_detail: null,
        date_of_expiration: null,
        money_release_date: null,
        sponsor_id: null,
        authorization_code: null,
        customer_data: null,
        card_data: null,
        redirect_url: pageUrl,
      },
    },
  };
}

function voucher(input: Input, pageUrl: string): AlternativeMethodAction {
  const expiresAt = input.now + SANDBOX_VOUCHER_TTL_MS;
  const expiresDate = isoTime(expiresAt).slice(0, 10);
  let reference: string;
  let barcode: string;
  let format: string;
  let instruction: string;
  if (input.type === 'BOLETO') {
    // A boleto's barcode is 44 digits; the "linha digitável" people type is 47.
    barcode = `23791${randomDigits(39)}`;
    reference = `23790${randomDigits(42)}`;
    format = 'ITF';
    instruction = `Pay this boleto in your banking app, at a bank or a lottery outlet by ${expiresDate}.`;
  } else if (input.type === 'OXXO') {
    reference = randomDigits(14);
    barcode = reference;
    format = 'CODE128';
    instruction = `Show this reference at any OXXO store and pay in cash by ${expiresDate}.`;
  } else {
    reference = randomDigits(8);
    barcode = `${randomDigits(6)}${reference}`;
    format = 'CODE128';
    instruction = `Give this reference at any ${input.type === 'EFECTY' ? 'Efecty' : 'authorised'} point and pay in cash by ${expiresDate}.`;
  }
  return {
    providerId: `SANDBOX_${input.type}`,
    expiresAt,
    detail: {
      ticket: {
        type: input.type === 'BOLETO' ? 'BOLETO' : 'CASH',
        benefit_type: null,
        date_of_expiration: expiresDate,
        payment_instruction: instruction,
        provider_number: reference,
        provider_barcode: barcode,
        provider_logo: null,
        provider_format: format,
        redirect_url: pageUrl,
        expires_at: isoTime(expiresAt),
      },
    },
  };
}
