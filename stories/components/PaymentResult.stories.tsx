import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { declineMessages, errorMessages, PaymentResult, paymentResultMessages } from 'yuno-react';
import { messagesOf } from '../support/messages';
import { withPayment, type PayOnMountProps } from '../support/PayOnMount';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const t = messagesOf(paymentResultMessages);
const decline = messagesOf(declineMessages);

const approvedCard = { type: 'CARD', card: '4507990000000002' } satisfies PayOnMountProps;
const insufficientFunds = { type: 'CARD', card: '4507990000000010' } satisfies PayOnMountProps;

const meta = {
  title: 'Components/PaymentResult',
  component: PaymentResult,
  decorators: [withPayment],
} satisfies Meta<typeof PaymentResult>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An approved card payment. */
export const Succeeded: Story = {
  parameters: { pay: approvedCard },
  play: async ({ canvasElement }) => {
    const message = await within(canvasElement).findByText(t('paymentStatus.succeeded'));
    await expect(message).toHaveAttribute('role', 'status');
  },
};

/** A declined card: the reason in words the shopper understands, and a retry on a fresh checkout session. */
export const Declined: Story = {
  parameters: { pay: insufficientFunds },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const message = await canvas.findByText(t('paymentStatus.declined'), { exact: false });
    await expect(message).toHaveTextContent(`${t('paymentStatus.declined')} ${decline('decline.INSUFFICIENT_FUNDS')}`);
    await userEvent.click(canvas.getByRole('button', { name: t('paymentStatus.retry') }));
    const root = context.canvasElement.querySelector('[data-slot="payment-status"]');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'idle'));
    // Yuno takes one payment per checkout session: the retry runs on a fresh one.
    await expect(await stackOf(context).sandbox.countRequests({ method: 'POST', path: '/v1/checkout/sessions' })).toBe(
      2,
    );
  },
};

/** A payment that waits for the shopper (here a PIX code to pay). */
export const ActionRequired: Story = {
  parameters: {
    yuno: { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters,
    pay: { type: 'PIX' } satisfies PayOnMountProps,
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(t('paymentStatus.actionRequired'))).toBeVisible();
  },
};

/** The merchant's server could not reach Yuno (500s): the request can be sent again once it is back. */
export const ApiError: Story = {
  parameters: {
    yuno: {
      faults: [{ type: 'status', status: 500, match: { method: 'POST', path: '/v1/payments' } }],
    } satisfies YunoStoryParameters,
    pay: approvedCard,
  },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(t('paymentStatus.error'), { exact: false })).toBeVisible();
    const root = context.canvasElement.querySelector('[data-slot="payment-status"]');
    await expect(root).toHaveAttribute('data-status', 'error');
    await expect(canvas.getByRole('button', { name: t('paymentStatus.retry') })).toBeVisible();
    // …followed by what went wrong, from the shared error messages.
    await expect(Object.values(errorMessages.en).some((text) => root?.textContent?.includes(text))).toBe(true);
  },
};

/** A decline in Latin-American Spanish. */
export const Spanish: Story = {
  name: 'es',
  parameters: {
    yuno: { country: 'CO', currency: 'COP', amount: 52_000, language: 'es' } satisfies YunoStoryParameters,
    pay: insufficientFunds,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const message = await canvas.findByText(t.es('paymentStatus.declined'), { exact: false });
    await expect(message).toHaveTextContent(decline.es('decline.INSUFFICIENT_FUNDS'));
    await expect(canvas.getByRole('button', { name: t.es('paymentStatus.retry') })).toBeVisible();
  },
};

/** A decline in Brazilian Portuguese. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: {
    yuno: { country: 'BR', currency: 'BRL', amount: 120, language: 'pt' } satisfies YunoStoryParameters,
    pay: insufficientFunds,
  },
  play: async ({ canvasElement }) => {
    const message = await within(canvasElement).findByText(t.pt('paymentStatus.declined'), { exact: false });
    await expect(message).toHaveTextContent(decline.pt('decline.INSUFFICIENT_FUNDS'));
  },
};

/** No styles: `data-status` (`idle|processing|action_required|succeeded|declined|…`) to style from. */
export const Unstyled: Story = {
  parameters: { pay: approvedCard },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(t('paymentStatus.succeeded'));
    await expect(canvasElement.querySelector('[data-slot="payment-status"]')).toHaveAttribute(
      'data-status',
      'succeeded',
    );
  },
};

/** A decline with the optional default theme, `yuno-react/styles.css`. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: { ...themedParameters, pay: insufficientFunds },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: t('paymentStatus.retry') })).toBeVisible();
  },
};
