import type { NextAction } from '../core/nextAction';
import { YunoError } from '../core/YunoError';

/**
 * The kinds of action Yuno's Web SDK 1.x headless `getContinuePaymentAction` answers (`Provider.Action`).
 *
 * @see https://docs.y.uno/docs/sdks/headless-web/payment (Step 7: Get payment actions)
 * @example
 * ```ts
 * const kind: YunoContinuePaymentActionKind = 'REDIRECT_URL';
 * ```
 */
export type YunoContinuePaymentActionKind =
  | 'PAYMENT_CODE'
  | 'IMAGE'
  | 'REDIRECT_URL'
  | 'FORM'
  | 'INFO'
  | 'OTP'
  | 'SDK_PROVIDER'
  | 'THREE_D_SECURE_REDIRECT_URL'
  | 'REQUEST_HTML'
  | 'RENDER_HTML'
  | 'RENDER_IFRAME';

/**
 * What Yuno's Web SDK 1.x headless `apiClientPayment.getContinuePaymentAction({ checkoutSession })` resolves with
 * (`ContinuePaymentAction`), as Yuno's page declares it; `@yuno-payments/sdk-web-types` does not type it. Only the
 * fields this library reads or the sandbox's stand-in answers are spelled out; the others are kept loose.
 *
 * @see https://docs.y.uno/docs/sdks/headless-web/payment (Step 7: Get payment actions)
 * @example
 * ```ts
 * const action: YunoContinuePaymentAction = {
 *   type: 'DLOCAL',
 *   action: 'REDIRECT_URL',
 *   redirect: { init_url: 'https://bank.example/pay', success_url: 'https://shop.example/ok', error_url: 'https://shop.example/ko' },
 * };
 * ```
 */
export interface YunoContinuePaymentAction {
  /** The payment provider (`Provider.Type`: `MERCADO_PAGO`, `DLOCAL`, …). */
  type: string;
  action: YunoContinuePaymentActionKind;
  /** A code the provider issued for the shopper to use (cash-based payments, say). */
  payment_code?: {
    /** The code the shopper uses. */
    code: string;
    /** A reference associated with the code (the payment's id, say). */
    reference: string;
    /** Unix timestamp at which the code expires. */
    expiration_time?: number;
  };
  /** An image to show the shopper (a QR code, say). */
  image?: {
    /** The image's MIME type, such as `image/png`. */
    type: string;
    /** The image, base64-encoded. */
    value: string;
    /** The image's reference or id. */
    reference: string;
    /** When the image expires (a Unix timestamp, as for `payment_code`). */
    expiration_time?: number;
    additional_data?: Record<string, unknown>;
  };
  /** A page of the provider to send the shopper to. */
  redirect?: { init_url: string; success_url: string; error_url: string };
  otp?: Record<string, unknown>;
  /** A 3-D Secure step (this library runs it through `getThreeDSecureChallenge` instead). */
  three_d_secure_redirect?: { init_url: string; access_token: string; redirect_url?: string };
  transaction_id?: string;
  request_html?: Record<string, unknown>;
  sdk_provider?: Record<string, unknown>;
  render_html?: { content?: string; redirect_url?: string };
  info?: { screen_info?: string };
  render_iframe?: { init_url: string; access_token: string; redirect_url?: string };
}

/**
 * The part of Yuno's Web SDK 1.x headless payment client (`apiClientPayment`) that `@yuno-payments/sdk-web-types`
 * lacks: `getContinuePaymentAction`, which tells what the shopper must do to go on with the session's payment. Yuno
 * documents no answer for a payment that waits on nothing; the sandbox's stand-in then resolves `null`.
 *
 * @see https://docs.y.uno/docs/sdks/headless-web/payment (Step 7: Get payment actions)
 * @example
 * ```ts
 * const api = (await yuno.apiClientPayment({ country_code: 'BR', checkout_session })) as YunoApiClientPaymentContinue;
 * const action = await api.getContinuePaymentAction({ checkoutSession: checkout_session });
 * ```
 */
export interface YunoApiClientPaymentContinue {
  getContinuePaymentAction(args: { checkoutSession: string }): Promise<YunoContinuePaymentAction | null>;
}

type Json = Record<string, unknown>;

const objectOf = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function invalid(path: string, message: string): YunoError {
  return new YunoError({
    kind: 'invalid_response',
    message: `Yuno's Web SDK getContinuePaymentAction gave an unexpected answer (${path}: ${message})`,
    issues: [{ path, message }],
  });
}

/** A Unix timestamp as an ISO date; a value too large for seconds is read as milliseconds. */
function isoOf(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'number' || !(timestamp > 0)) return undefined;
  const date = new Date(timestamp > 1e12 ? timestamp : timestamp * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The image as something an `<img src>` takes: a data URL built from Yuno's MIME type and base64 value. */
function imageUrlOf(image: Json): string {
  const value = typeof image.value === 'string' ? image.value.replace(/\s+/g, '') : '';
  // A value that already is a data URL of an image is taken as it is.
  if (/^data:image\/[\w.+-]+;base64,[A-Za-z0-9+/]+={0,2}$/.test(value)) return value;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw invalid('image.value', 'expected a base64-encoded image');
  const type = image.type;
  if (typeof type !== 'string' || !/^image\/[\w.+-]+$/.test(type)) {
    throw invalid('image.type', 'expected the MIME type of an image');
  }
  return `data:${type};base64,${value}`;
}

/** `redirect.init_url`, which must be a web page: a javascript: or data: URL handed to location would run. */
function redirectUrlOf(redirect: Json | undefined): string {
  const url = textOf(redirect?.init_url);
  let protocol: string | undefined;
  try {
    protocol = url === undefined ? undefined : new URL(url).protocol;
  } catch {
    // not a URL
  }
  if (url === undefined || (protocol !== 'https:' && protocol !== 'http:')) {
    throw invalid('redirect.init_url', 'expected an http(s) URL');
  }
  return url;
}

/**
 * Yuno's `ContinuePaymentAction` as the library's {@link NextAction}, or `null` for an answer of no action or of a
 * kind the library does not render (see `YunoTokenizer.getContinuePaymentAction`). An answer that is not an action,
 * or an action without the fields its kind needs, is a `YunoError` of kind `invalid_response`.
 */
export function toNextAction(raw: unknown): NextAction | null {
  // Yuno documents no answer for a payment that needs nothing more; none is read as no action.
  if (raw === null || raw === undefined) return null;
  const answer = objectOf(raw);
  if (answer === undefined) throw invalid('(root)', 'expected an object');
  if (typeof answer.action !== 'string') throw invalid('action', 'expected a string');
  const paymentCode = objectOf(answer.payment_code);
  const image = objectOf(answer.image);
  const code = textOf(paymentCode?.code);
  const codeExpiresAt = isoOf(paymentCode?.expiration_time);
  switch (answer.action) {
    case 'IMAGE':
      if (image === undefined) throw invalid('image', 'an IMAGE action needs its image');
      // A PIX's copy-paste code, when Yuno sends one beside the image, comes as the payment code.
      return {
        type: 'qr',
        code,
        imageUrl: imageUrlOf(image),
        expiresAt: isoOf(image.expiration_time) ?? codeExpiresAt,
        url: undefined,
      };
    case 'PAYMENT_CODE':
      if (code === undefined) throw invalid('payment_code.code', 'a PAYMENT_CODE action needs its code');
      // A code with an image to scan is a QR payment; Yuno issues a code alone for cash-based payments: a voucher.
      return image !== undefined
        ? { type: 'qr', code, imageUrl: imageUrlOf(image), expiresAt: codeExpiresAt, url: undefined }
        : {
            type: 'voucher',
            code,
            barcode: undefined,
            instructions: undefined,
            expiresAt: codeExpiresAt,
            url: undefined,
          };
    case 'REDIRECT_URL':
      return { type: 'redirect', url: redirectUrlOf(objectOf(answer.redirect)) };
    default:
      // THREE_D_SECURE_REDIRECT_URL (the challenge has its own call), and the kinds the library renders no view for:
      // FORM, INFO, OTP, SDK_PROVIDER, REQUEST_HTML, RENDER_HTML, RENDER_IFRAME, and any kind Yuno adds.
      return null;
  }
}
