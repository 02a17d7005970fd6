// Filling yuno-react's CardForm the way a shopper does, by its labels (English catalogue).
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** An approved Visa test card of the sandbox: 16 digits. */
export const TEST_CARD = '4507990000000002';
/** MMYY as typed; the form adds the slash. */
export const TEST_EXPIRY = '1130';
export const TEST_CVV = '123';

export const LABELS = {
  number: 'Card number',
  expiry: 'Expiration date',
  securityCode: 'Security code',
  holderName: 'Name on card',
} as const;

export function findCardForm(): Promise<HTMLElement> {
  return screen.findByRole('form', { name: 'Card payment' });
}

export function cardField(form: HTMLElement, name: keyof typeof LABELS): HTMLInputElement {
  return within(form).getByLabelText(LABELS[name]) as HTMLInputElement;
}

export async function fillCardForm(user: UserEvent, form: HTMLElement): Promise<void> {
  await user.type(cardField(form, 'number'), TEST_CARD);
  await user.type(cardField(form, 'expiry'), TEST_EXPIRY);
  await user.type(cardField(form, 'securityCode'), TEST_CVV);
  await user.type(cardField(form, 'holderName'), 'Ada Lovelace');
}
