import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { PayButton, payButtonMessages, PaymentMethodList, PaymentResult, paymentResultMessages } from 'yuno-react';
import { messagesOf } from '../support/messages';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const t = messagesOf(payButtonMessages);
const status = messagesOf(paymentResultMessages);
const brazil = { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters;

const meta = {
  title: 'Components/PayButton',
  component: PayButton,
  parameters: { yuno: brazil },
  render: (args) => (
    <>
      <PaymentMethodList defaultValue="PIX" />
      <PayButton {...args} />
      <PaymentResult />
    </>
  ),
} satisfies Meta<typeof PayButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pays with the selected method (PIX here) in one click. */
export const Default: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('payButton.payWith', { method: 'PIX' }) }));
    await expect(await canvas.findByText(status('paymentStatus.actionRequired'))).toBeVisible();
    await expect((await stackOf(context).sandbox.listPayments())[0]?.status).toBe('READY_TO_PAY');
  },
};

/** While the payment is being created the button says so and ignores further clicks. */
export const Loading: Story = {
  parameters: {
    yuno: {
      ...brazil,
      faults: [{ type: 'latency', ms: 600_000, match: { method: 'POST', path: '/v1/payments' } }],
      serverTimeoutMs: 600_000,
    } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('payButton.payWith', { method: 'PIX' }) }));
    const button = await canvas.findByRole('button', { name: t('payButton.pending') });
    await expect(button).toHaveAttribute('data-status', 'pending');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Nothing selected yet: the button is disabled. */
export const NoMethodSelected: Story = {
  render: (args) => (
    <>
      <PaymentMethodList />
      <PayButton {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: t('payButton.pay') });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAttribute('data-disabled');
  },
};

/** `asChild`: your own element gets the behaviour. */
export const AsChild: Story = {
  args: {
    asChild: true,
    children: (
      <button type="button" className="my-button">
        Generate the PIX code
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole('button', { name: 'Generate the PIX code' });
    await expect(button).toHaveClass('my-button');
    await expect(button).toHaveAttribute('data-slot', 'pay-button');
  },
};

/** Latin-American Spanish (an OXXO voucher in Mexico). */
export const Spanish: Story = {
  name: 'es',
  parameters: { yuno: { country: 'MX', currency: 'MXN', amount: 450, language: 'es' } satisfies YunoStoryParameters },
  render: (args) => (
    <>
      <PaymentMethodList defaultValue="OXXO" />
      <PayButton {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const name = t.es('payButton.payWith', { method: 'OXXO' });
    await expect(await within(canvasElement).findByRole('button', { name })).toBeVisible();
  },
};

/** Brazilian Portuguese. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: { yuno: { ...brazil, language: 'pt' } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const name = t.pt('payButton.payWith', { method: 'PIX' });
    await expect(await within(canvasElement).findByRole('button', { name })).toBeVisible();
  },
};

/** No styles; `className` can be a function of `{ status, disabled }`. */
export const Unstyled: Story = {
  args: { className: ({ status: buttonStatus }) => `pay-button pay-button--${buttonStatus}` },
  play: async ({ canvasElement }) => {
    const name = t('payButton.payWith', { method: 'PIX' });
    const button = await within(canvasElement).findByRole('button', { name });
    await expect(button).toHaveClass('pay-button', 'pay-button--idle');
  },
};

/** With the optional default theme, `yuno-react/styles.css`. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: themedParameters,
  play: async ({ canvasElement }) => {
    const name = t('payButton.payWith', { method: 'PIX' });
    await expect(await within(canvasElement).findByRole('button', { name })).toBeVisible();
  },
};
