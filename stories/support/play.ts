import { userEvent, type within } from 'storybook/test';
import { cardFormMessages, type YunoLanguage } from 'yuno-react';
import { messagesOf } from './messages';

type Canvas = ReturnType<typeof within>;

const card = messagesOf(cardFormMessages);

/**
 * Types a test card into `<CardForm>` as a shopper would (expiry 11/30, CVV 123, or 1234 for Amex).
 *
 * @example
 * ```ts
 * await fillCard(canvas, '4507990000000002');
 * ```
 */
export async function fillCard(canvas: Canvas, number: string, language: YunoLanguage = 'en'): Promise<void> {
  const t = card[language];
  await userEvent.type(await canvas.findByLabelText(t('cardForm.number.label')), number);
  await userEvent.type(canvas.getByLabelText(t('cardForm.expiry.label')), '1130');
  await userEvent.type(canvas.getByLabelText(t('cardForm.securityCode.label')), /^3[47]/.test(number) ? '1234' : '123');
  await userEvent.type(canvas.getByLabelText(t('cardForm.holderName.label')), 'Ada Lovelace');
}
