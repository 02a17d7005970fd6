import * as z from 'zod/mini';
import { cardExpiryError } from './cardExpiry';
import { holderNameError, securityCodeError } from './cardFieldErrors';
import { detectCardBrand } from './detectCardBrand';
import { cardNumberError, type CardFieldErrorCode } from './isValidCardNumber';

/**
 * The fields of a card as a form holds them, each checked by {@link cardSchema}.
 *
 * @example
 * ```ts
 * const card: CardDetails = { number: '4507 9900 0000 0002', expiry: '11/30', securityCode: '123', holderName: 'Ada Lovelace' };
 * ```
 */
export interface CardDetails {
  /** Digits, with or without the spaces or dashes of a formatted number. */
  number: string;
  /** MM/YY. */
  expiry: string;
  securityCode: string;
  holderName: string;
}

/**
 * Adds one issue per field: its message is `<field>.<code>`, a stable key to translate (e.g. `expiry.past`). The value
 * is left out of the issue, so that logging a validation error never logs a card number.
 */
export function addCardIssue(
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
  field: string,
  code: CardFieldErrorCode | undefined,
): void {
  if (code) ctx.addIssue({ code: 'custom', path: [field], message: `${field}.${code}` });
}

/**
 * A zod (`zod/mini`) schema of a card's details: the number (digits, its brand's length, Luhn), the expiry (MM/YY,
 * not past, at most 20 years ahead), the security code (4 digits for American Express, else 3) and the holder's name.
 * Each issue's `message` is `<field>.<code>` (`number.invalid`, `expiry.past`, …), to be turned into words by the
 * caller; `<CardForm>` uses its catalog's `cardForm.<field>.<code>` keys.
 *
 * @example
 * ```ts
 * const result = cardSchema.safeParse({ number: '4507990000000002', expiry: '01/20', securityCode: '123', holderName: 'Ada' });
 * result.success; // false
 * result.error?.issues[0]?.message; // 'expiry.past'
 * ```
 */
export const cardSchema = z
  .object({ number: z.string(), expiry: z.string(), securityCode: z.string(), holderName: z.string() })
  .check(
    z.superRefine((card, ctx) => {
      addCardIssue(ctx, 'number', cardNumberError(card.number));
      addCardIssue(ctx, 'expiry', cardExpiryError(card.expiry));
      addCardIssue(ctx, 'securityCode', securityCodeError(card.securityCode, detectCardBrand(card.number)));
      addCardIssue(ctx, 'holderName', holderNameError(card.holderName));
    }),
  );
