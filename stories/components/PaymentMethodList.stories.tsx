import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import {
  PaymentMethodList,
  PaymentMethodListIcon,
  PaymentMethodListLabel,
  paymentMethodListMessages,
} from 'yuno-react';
import { messagesOf } from '../support/messages';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const t = messagesOf(paymentMethodListMessages);
const PAYMENT_METHODS = '/v1/checkout/sessions/*/payment-methods';
const brazil = { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters;

const meta = {
  title: 'Components/PaymentMethodList',
  component: PaymentMethodList,
  parameters: { yuno: brazil },
} satisfies Meta<typeof PaymentMethodList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The session's methods for a Brazilian order, as the sandbox lists them; arrow keys, Home and End select. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('radiogroup', { name: t('paymentMethodList.label') });
    const radios = await within(list).findAllByRole('radio');
    await expect(radios.map((r) => r.textContent)).toEqual(['Card', 'PIX', 'Boleto', 'Mercado Pago']);
    await userEvent.click(canvas.getByRole('radio', { name: 'PIX' }));
    await expect(canvas.getByRole('radio', { name: 'PIX' })).toHaveAttribute('aria-checked', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Boleto' })).toHaveFocus();
    await expect(canvas.getByRole('radio', { name: 'Boleto' })).toHaveAttribute('data-state', 'checked');
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('radio', { name: 'Card' })).toHaveAttribute('aria-checked', 'true');
  },
};

/** While the sandbox holds the request for the methods. */
export const Loading: Story = {
  parameters: {
    yuno: {
      ...brazil,
      faults: [{ type: 'timeout', match: { method: 'GET', path: PAYMENT_METHODS } }],
      serverTimeoutMs: 600_000,
    } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('paymentMethodList.loading'))).toBeVisible();
    await expect(canvas.getByRole('radiogroup')).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('radiogroup')).toHaveAttribute('data-status', 'pending');
  },
};

/** A session with no method the shopper can use. */
export const Empty: Story = {
  parameters: { yuno: { paymentMethods: [] } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('paymentMethodList.empty'))).toBeVisible();
    await expect(canvas.getByRole('radiogroup')).toHaveAttribute('data-status', 'empty');
  },
};

/** Yuno answers 500 to the methods: an alert with a retry, which works once Yuno is back. */
export const ApiError: Story = {
  parameters: {
    yuno: {
      ...brazil,
      faults: [{ type: 'status', status: 500, match: { method: 'GET', path: PAYMENT_METHODS } }],
    } satisfies YunoStoryParameters,
  },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('paymentMethodList.error'));
    await stackOf(context).sandbox.faults.clear();
    await userEvent.click(within(alert).getByRole('button', { name: t('paymentMethodList.retry') }));
    await expect(await canvas.findByRole('radio', { name: 'PIX' })).toBeVisible();
  },
};

/** The shopper's saved cards come first, grouped, with brand and last four digits. */
export const SavedCards: Story = {
  name: 'Saved cards',
  parameters: {
    yuno: { ...brazil, savedCards: ['4507990000000002', '5252440000000002'] } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const saved = await canvas.findByRole('group', { name: t('paymentMethodList.saved') });
    const cards = within(saved).getAllByRole('radio');
    await expect(cards).toHaveLength(2);
    await expect(cards[0]).toHaveAttribute('data-saved');
    await expect(
      within(saved).getByRole('radio', {
        name: t('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' }),
      }),
    ).toHaveAttribute('data-brand', 'VISA');
    const other = canvas.getByRole('group', { name: t('paymentMethodList.other') });
    await expect(within(other).getByRole('radio', { name: 'PIX' })).toBeVisible();
  },
};

/** Controlled: the page holds the selection (`value`, `onValueChange`). */
export const Controlled: Story = {
  render: function Render(args) {
    const [value, setValue] = useState<string | null>('PIX');
    return (
      <>
        <PaymentMethodList {...args} value={value} onValueChange={setValue} />
        <p>
          Selected: <output>{value ?? 'nothing'}</output>
        </p>
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('radio', { name: 'PIX' })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(canvas.getByRole('radio', { name: 'Boleto' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('BOLETO');
    await expect(canvas.getByRole('radio', { name: 'Boleto' })).toHaveAttribute('aria-checked', 'true');
  },
};

/** A render prop for each item's content; the list keeps the radio behaviour. */
export const CustomItems: Story = {
  args: {
    children: (method, { checked }) => (
      <>
        <PaymentMethodListIcon width={32} height={20} />
        <PaymentMethodListLabel />
        {checked ? ' (selected)' : ''}
        <small> {method.description}</small>
      </>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: /^Card/ }));
    await expect(canvas.getByRole('radio', { name: /^Card/ })).toHaveTextContent('(selected)');
  },
};

/** Latin-American Spanish, for a Colombian order. */
export const Spanish: Story = {
  name: 'es',
  parameters: {
    yuno: { country: 'CO', currency: 'COP', amount: 52_000, language: 'es' } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('radiogroup', { name: t.es('paymentMethodList.label') });
    await expect(await within(list).findByRole('radio', { name: 'PSE' })).toBeVisible();
  },
};

/** Brazilian Portuguese, with a saved card. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: { yuno: { ...brazil, language: 'pt', savedCards: ['4507990000000002'] } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('radiogroup', { name: t.pt('paymentMethodList.label') })).toBeVisible();
    await expect(await canvas.findByRole('group', { name: t.pt('paymentMethodList.saved') })).toBeVisible();
    await expect(
      canvas.getByRole('radio', { name: t.pt('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' }) }),
    ).toBeVisible();
  },
};

/** Any string overridden through the provider's `messages`, for every language or per language. */
export const MessageOverrides: Story = {
  name: 'Message overrides',
  parameters: {
    yuno: {
      ...brazil,
      messages: { 'paymentMethodList.label': 'How would you like to pay?' },
    } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('radiogroup', { name: 'How would you like to pay?' }),
    ).toBeVisible();
  },
};

/** No styles at all: semantic markup and data attributes (`data-state`, `data-saved`, `data-type`) to style from. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    const radio = await within(canvasElement).findByRole('radio', { name: 'Card' });
    await expect(radio).toHaveAttribute('data-type', 'CARD');
    await expect(radio).toHaveAttribute('data-state', 'unchecked');
    await expect(radio.getAttribute('style')).toBeNull();
  },
};

/** With the optional default theme, `yuno-react/styles.css`, and a saved card. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: {
    ...themedParameters,
    yuno: { ...brazil, savedCards: ['4507990000000002'] } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'PIX' }));
    await expect(canvas.getByRole('radio', { name: 'PIX' })).toHaveAttribute('data-state', 'checked');
  },
};
