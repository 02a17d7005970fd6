import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import {
  cardFormMessages,
  Checkout,
  nextActionMessages,
  payButtonMessages,
  paymentMethodListMessages,
} from 'yuno-react';
import { messagesOf } from '../support/messages';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const card = messagesOf(cardFormMessages);
const list = messagesOf(paymentMethodListMessages);
const button = messagesOf(payButtonMessages);
const next = messagesOf(nextActionMessages);

const PAYMENT_METHODS = '/v1/checkout/sessions/*/payment-methods';
const brazil = { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters;

const meta = {
  title: 'Components/Checkout',
  component: Checkout,
} satisfies Meta<typeof Checkout>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete checkout, composed only from the public parts: the list, then the card form or a pay button. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Card' }));
    await expect(await canvas.findByLabelText(card('cardForm.number.label'))).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: 'PayPal' }));
    await expect(
      await canvas.findByRole('button', { name: button('payButton.payWith', { method: 'PayPal' }) }),
    ).toBeVisible();
    await expect(canvas.queryByLabelText(card('cardForm.number.label'))).toBeNull();
  },
};

/** While the session's methods load. */
export const Loading: Story = {
  parameters: {
    yuno: {
      faults: [{ type: 'timeout', match: { method: 'GET', path: PAYMENT_METHODS } }],
      serverTimeoutMs: 600_000,
    } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(list('paymentMethodList.loading'))).toBeVisible();
  },
};

/** Nothing to pay with. */
export const Empty: Story = {
  parameters: { yuno: { paymentMethods: [] } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(list('paymentMethodList.empty'))).toBeVisible();
  },
};

/** Yuno fails to list the methods. */
export const ApiError: Story = {
  parameters: {
    yuno: { faults: [{ type: 'status', status: 503, match: { method: 'GET', path: PAYMENT_METHODS } }] },
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(list('paymentMethodList.error'));
  },
};

/** A returning shopper: saved cards first; choosing one asks only for its security code. */
export const SavedCards: Story = {
  name: 'Saved cards',
  parameters: {
    yuno: { ...brazil, savedCards: ['4507990000000002', '370000000000002'] } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const visa = list('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' });
    await userEvent.click(await canvas.findByRole('radio', { name: visa }));
    await expect(await canvas.findByLabelText(card('cardForm.securityCode.label'))).toBeVisible();
    await expect(canvas.queryByLabelText(card('cardForm.number.label'))).toBeNull();
  },
};

/** PIX: one click, then the QR code and its copy-and-paste code. */
export const Pix: Story = {
  name: 'PIX',
  parameters: { yuno: brazil },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'PIX' }));
    await userEvent.click(await canvas.findByRole('button', { name: button('payButton.payWith', { method: 'PIX' }) }));
    await expect(
      await canvas.findByRole('img', { name: next('nextAction.qr.image', { method: 'PIX' }) }),
    ).toBeVisible();
    await expect((await stackOf(context).sandbox.listPayments())[0]?.status).toBe('READY_TO_PAY');
  },
};

/** A cash voucher (Boleto). */
export const Voucher: Story = {
  parameters: { yuno: brazil },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Boleto' }));
    await userEvent.click(
      await canvas.findByRole('button', { name: button('payButton.payWith', { method: 'Boleto' }) }),
    );
    await expect(await canvas.findByText(next('nextAction.voucher.reference'))).toBeVisible();
  },
};

/** Latin-American Spanish (Mexico). */
export const Spanish: Story = {
  name: 'es',
  parameters: { yuno: { country: 'MX', currency: 'MXN', amount: 450, language: 'es' } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('radiogroup', { name: list.es('paymentMethodList.label') })).toBeVisible();
    await userEvent.click(await canvas.findByRole('radio', { name: 'OXXO' }));
    await expect(
      await canvas.findByRole('button', { name: button.es('payButton.payWith', { method: 'OXXO' }) }),
    ).toBeVisible();
  },
};

/** Brazilian Portuguese: the card form asks for the CPF. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: { yuno: { ...brazil, language: 'pt' } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Card' }));
    await expect(await canvas.findByLabelText(card.pt('cardForm.number.label'))).toBeVisible();
    await expect(canvas.getByLabelText(card.pt('cardForm.documentType.label'))).toBeVisible();
  },
};

/** No styles at all. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('radio', { name: 'Card' });
    await expect(canvasElement.querySelector('[data-slot="checkout"]')).toHaveAttribute('data-status', 'idle');
    await expect(document.querySelector('style[data-theme]')).toBeNull();
  },
};

/** With the optional default theme, `yuno-react/styles.css`. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: { ...themedParameters, yuno: brazil },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Card' }));
    await expect(await canvas.findByLabelText(card('cardForm.number.label'))).toBeVisible();
  },
};

/** The theme's custom properties, overridden on a wrapper. */
export const ThemedCustomProperties: Story = {
  name: 'Themed (custom properties)',
  decorators: [
    (Story) => (
      <div style={{ '--yuno-color-primary': '#6d28d9', '--yuno-radius': '0' } as CSSProperties}>
        <Story />
      </div>
    ),
    withTheme,
  ],
  parameters: { ...themedParameters, yuno: brazil },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('radio', { name: 'PIX' })).toBeVisible();
  },
};
