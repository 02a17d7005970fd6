import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CardForm,
  cardFormMessages,
  declineMessages,
  PaymentMethodList,
  paymentMethodListMessages,
  PaymentResult,
  paymentResultMessages,
} from 'yuno-react';
import { messagesOf } from '../support/messages';
import { fillCard } from '../support/play';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const t = messagesOf(cardFormMessages);
const status = messagesOf(paymentResultMessages);
const decline = messagesOf(declineMessages);
const list = messagesOf(paymentMethodListMessages);

const meta = {
  title: 'Components/CardForm',
  component: CardForm,
} satisfies Meta<typeof CardForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A new card, paid at once; afterwards no card number or security code is left in the form. */
export const Default: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await fillCard(canvas, '4507 9900 0000 0002');
    const number = canvas.getByLabelText(t('cardForm.number.label'));
    await expect(number).toHaveValue('4507 9900 0000 0002');
    await expect(number).toHaveAttribute('autocomplete', 'cc-number');
    await expect(number).toHaveAttribute('inputmode', 'numeric');
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    const { sandbox } = stackOf(context);
    await waitFor(async () => expect((await sandbox.listPayments())[0]?.status).toBe('SUCCEEDED'));
    await waitFor(() => expect(canvas.getByLabelText(t('cardForm.number.label'))).toHaveValue(''));
    await expect(canvas.getByLabelText(t('cardForm.securityCode.label'))).toHaveValue('');
  },
};

/** Submitting an empty form: every field says what is missing, and an alert sums it up with links to the fields. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('cardForm.submit.pay') }));
    const title = await canvas.findByText(t('cardForm.errorSummary.title'));
    await expect(title.closest('[role="alert"]')).not.toBeNull();
    const number = canvas.getByLabelText(t('cardForm.number.label'));
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('cardForm.number.required')));
  },
};

/** A declined card: the status says why, in words the shopper understands. */
export const Declined: Story = {
  render: (args) => (
    <>
      <CardForm {...args} />
      <PaymentResult />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillCard(canvas, '4507990000000010');
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    const message = await canvas.findByText(status('paymentStatus.declined'), { exact: false });
    await expect(message).toHaveTextContent(decline('decline.INSUFFICIENT_FUNDS'));
  },
};

/** Brazil: the CPF is asked for and checked (check digits). */
export const WithDocument: Story = {
  parameters: { yuno: { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText(t('cardForm.documentType.label'))).toHaveValue('CPF');
    const number = canvas.getByLabelText(t('cardForm.documentNumber.label'));
    await userEvent.type(number, '111.111.111-12');
    await userEvent.tab();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(number);
    await userEvent.type(number, '529.982.247-25');
    await userEvent.tab();
    await expect(number).not.toHaveAttribute('aria-invalid', 'true');
  },
};

/** An installment plan offered by the session. */
export const Installments: Story = {
  parameters: { yuno: { country: 'BR', currency: 'BRL', amount: 600 } satisfies YunoStoryParameters },
  args: {
    requireDocument: false,
    installments: {
      plan_id: 'plan-6x',
      plan: [
        { installment: 1, rate: 0 },
        { installment: 3, rate: 0 },
        { installment: 6, rate: 2.5 },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const select = await within(canvasElement).findByLabelText(t('cardForm.installments.label'));
    await expect(within(select).getAllByRole('option')).toHaveLength(3);
  },
};

/** A saved card: only its security code is asked for. */
export const SavedCards: Story = {
  name: 'Saved cards',
  args: { mode: 'cvv' },
  parameters: { yuno: { savedCards: ['4507990000000002'] } satisfies YunoStoryParameters },
  render: (args) => (
    <>
      <PaymentMethodList />
      <CardForm {...args} />
      <PaymentResult />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const savedCard = list('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' });
    await userEvent.click(await canvas.findByRole('radio', { name: savedCard }));
    await userEvent.type(canvas.getByLabelText(t('cardForm.securityCode.label')), '123');
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    await expect(canvas.queryByLabelText(t('cardForm.number.label'))).toBeNull();
  },
};

/** `mode="enroll"`: the shopper saves a card for later, without paying. */
export const Enrollment: Story = {
  args: { mode: 'enroll' },
  parameters: { yuno: { customer: true } satisfies YunoStoryParameters },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await fillCard(canvas, '5252440000000002');
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.enroll') }));
    await expect(await canvas.findByText(t('cardForm.status.enrolled'))).toBeVisible();
    const { yuno, sandbox, start } = stackOf(context);
    const customerId = (await sandbox.getCheckoutSession(start.checkoutSession)).customer_id;
    const saved = await yuno.customerPaymentMethods.list(customerId!);
    await expect(saved.map((m) => m.card_data?.lfd)).toContain('0002');
  },
};

/** Latin-American Spanish, for Colombia (citizenship card or NIT). */
export const Spanish: Story = {
  name: 'es',
  parameters: {
    yuno: { country: 'CO', currency: 'COP', amount: 52_000, language: 'es' } satisfies YunoStoryParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t.es('cardForm.submit.pay') }));
    await expect(await canvas.findByText(t.es('cardForm.errorSummary.title'))).toBeVisible();
    await expect(canvas.getByLabelText(t.es('cardForm.number.label'))).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByLabelText(t.es('cardForm.documentType.label'))).toBeVisible();
  },
};

/** Brazilian Portuguese. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: { yuno: { country: 'BR', currency: 'BRL', amount: 120, language: 'pt' } satisfies YunoStoryParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText(t.pt('cardForm.number.label'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t.pt('cardForm.submit.pay') })).toBeVisible();
  },
};

/** No styles: labels, inputs and data attributes (`data-invalid`, `data-brand`) to style from. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(t('cardForm.number.label')), '3700');
    await waitFor(() => expect(canvasElement.querySelector('[data-brand="AMEX"]')).not.toBeNull());
  },
};

/** With the optional default theme, `yuno-react/styles.css`, showing its error styles. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: themedParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const number = await canvas.findByLabelText(t('cardForm.number.label'));
    await userEvent.type(number, '4111 1111 1111 1112');
    await userEvent.tab();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
  },
};
