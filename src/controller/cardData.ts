import type { CardInput } from '../tokenizers/types';

/**
 * Overwrites card details in place once they have been used, so that no copy kept by a caller or by react-query
 * (a mutation's `variables` is the very object passed to `mutate`) still holds the full number or the security code.
 */
export function wipeCardInput(input: { card?: CardInput; securityCode?: string } | undefined): void {
  if (!input) return;
  if (input.card) {
    input.card.number = maskCardNumber(input.card.number);
    input.card.securityCode = undefined;
  }
  if (input.securityCode !== undefined) input.securityCode = undefined;
}

/** The same for card details in Yuno's own spelling (the one-round-trip payment body). */
export function wipeMerchantCard(card: { number: string; security_code?: string } | undefined): void {
  if (!card) return;
  card.number = maskCardNumber(card.number);
  card.security_code = undefined;
}

function maskCardNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length >= 4 ? `••••${digits.slice(-4)}` : '';
}
