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
import { expectCardDataInFrames, fillCard, readyCardForm, typeCardField } from '../support/play';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';
import { CustomCardForm } from '../recipes/CustomCardForm';

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

/**
 * A new card, paid at once. The card number, expiry and security code are Yuno's Secure Fields: frames of the sandbox's
 * origin, so no card data is in this page (PCI DSS SAQ A). Afterwards the frames are empty again.
 */
export const Default: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { sandbox } = stackOf(context);
    await expectCardDataInFrames(context.canvasElement, sandbox.baseUrl);
    if (!(await fillCard(context.canvasElement, '4507 9900 0000 0002'))) return;
    const number = canvas.getByRole('group', { name: t('cardForm.number.label') });
    await waitFor(() => expect(number).toHaveAttribute('data-valid'));
    await expect(number).toHaveAccessibleDescription(expect.stringContaining('Visa'));
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    await waitFor(async () => expect((await sandbox.listPayments())[0]?.status).toBe('SUCCEEDED'));
    // The frames were cleared: none of them says it holds a valid value any more.
    await waitFor(() => expect(number).not.toHaveAttribute('data-valid'));
    await expect(canvas.getByRole('group', { name: t('cardForm.securityCode.label') })).not.toHaveAttribute(
      'data-valid',
    );
  },
};

/**
 * `cardFields="raw"`: the form's own inputs for the card. The page handles card data, which puts it in PCI DSS scope
 * (SAQ A-EP, or SAQ D when the card goes through your server). Afterwards no card number or security code is left.
 */
export const RawInputs: Story = {
  name: 'Raw inputs: the page handles card data (PCI SAQ A-EP/D)',
  args: { cardFields: 'raw' },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect((await readyCardForm(context.canvasElement)).cardFields).toBe('raw');
    await fillCard(context.canvasElement, '4507 9900 0000 0002');
    const number = canvas.getByLabelText(t('cardForm.number.label'));
    await expect(number).toHaveValue('4507 9900 0000 0002');
    await expect(number).toHaveAttribute('autocomplete', 'cc-number');
    await expect(number).toHaveAttribute('inputmode', 'numeric');
    await expect(context.canvasElement.querySelector('iframe')).toBeNull();
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
    await readyCardForm(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('cardForm.submit.pay') }));
    const title = await canvas.findByText(t('cardForm.errorSummary.title'));
    await expect(title.closest('[role="alert"]')).not.toBeNull();
    const number = canvas.getByLabelText(t('cardForm.number.label'));
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('cardForm.number.required')));
  },
};

/**
 * A number that fails its check digit, typed into the number's frame: the frame reports it invalid (never the digits),
 * and the page's error summary and the field's inline error, outside the frame, say so.
 */
export const InvalidNumber: Story = {
  name: 'Invalid number in the frame',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const note =
      'Type 4111 1111 1111 1112 (a wrong check digit) as the card number and press Pay: the summary says why.';
    if (!(await typeCardField(canvasElement, 'number', '4111 1111 1111 1112', 'en', note))) return;
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    const summary = (await canvas.findByText(t('cardForm.errorSummary.title'))).closest('[role="alert"]');
    await expect(summary).not.toBeNull();
    await expect(summary).toHaveTextContent(t('cardForm.number.invalid'));
    const number = canvas.getByRole('group', { name: t('cardForm.number.label') });
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('cardForm.number.invalid')));
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
    if (!(await fillCard(canvasElement, '4507990000000010'))) return;
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

/** Pays the saved Visa ending 0002 with its security code, the only field asked for. */
async function paySavedCard(context: Parameters<NonNullable<Story['play']>>[0]): Promise<boolean> {
  const canvas = within(context.canvasElement);
  const savedCard = list('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' });
  await userEvent.click(await canvas.findByRole('radio', { name: savedCard }));
  if (!(await typeCardField(context.canvasElement, 'securityCode', '123'))) return false;
  await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
  await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
  await expect(canvas.queryByLabelText(t('cardForm.number.label'))).toBeNull();
  return true;
}

const savedCardStory = {
  args: { mode: 'cvv' },
  parameters: { yuno: { savedCards: ['4507990000000002'] } satisfies YunoStoryParameters },
  render: (args) => (
    <>
      <PaymentMethodList />
      <CardForm {...args} />
      <PaymentResult />
    </>
  ),
} satisfies Story;

/** A saved card: only its security code is asked for, in a Secure Field (one frame, the CVV's). */
export const SavedCards: Story = {
  ...savedCardStory,
  name: 'Saved cards',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const savedCard = list('paymentMethodList.savedCardName', { brand: 'Visa', lastFour: '0002' });
    await userEvent.click(await canvas.findByRole('radio', { name: savedCard }));
    const { form } = await readyCardForm(context.canvasElement);
    await expect([...form.querySelectorAll('iframe')].map((f) => f.dataset.yunoSecureField)).toEqual(['cvv']);
    await expectCardDataInFrames(context.canvasElement, stackOf(context).sandbox.baseUrl);
    if (!(await paySavedCard(context))) return;
    const [payment] = await stackOf(context).sandbox.listPayments();
    await expect(payment?.status).toBe('SUCCEEDED');
  },
};

/** `mode="cvv"` with `cardFields="raw"`: the security code is an input of the page, which then handles card data. */
export const SavedCardsRaw: Story = {
  ...savedCardStory,
  name: 'Saved cards, raw CVV input: the page handles card data (PCI SAQ A-EP/D)',
  args: { mode: 'cvv', cardFields: 'raw' },
  play: async (context) => {
    await paySavedCard(context);
    await expect(context.canvasElement.querySelector('iframe')).toBeNull();
  },
};

/** Enrolls a Mastercard ending 0002 and checks that the customer has it saved. */
async function enrollCard(context: Parameters<NonNullable<Story['play']>>[0]): Promise<boolean> {
  const canvas = within(context.canvasElement);
  if (!(await fillCard(context.canvasElement, '5252440000000002'))) return false;
  await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.enroll') }));
  await expect(await canvas.findByText(t('cardForm.status.enrolled'))).toBeVisible();
  const { yuno, sandbox, start } = stackOf(context);
  const customerId = (await sandbox.getCheckoutSession(start.checkoutSession)).customer_id;
  const saved = await yuno.customerPaymentMethods.list(customerId!);
  await expect(saved.map((m) => m.card_data?.lfd)).toContain('0002');
  return true;
}

/** `mode="enroll"`: the shopper saves a card for later, without paying, in Secure Fields. */
export const Enrollment: Story = {
  args: { mode: 'enroll' },
  parameters: { yuno: { customer: true } satisfies YunoStoryParameters },
  play: async (context) => {
    await expectCardDataInFrames(context.canvasElement, stackOf(context).sandbox.baseUrl);
    await enrollCard(context);
  },
};

/** `mode="enroll"` with `cardFields="raw"`: the page's own card inputs, so the page handles card data. */
export const EnrollmentRaw: Story = {
  name: 'Enrollment, raw inputs: the page handles card data (PCI SAQ A-EP/D)',
  args: { mode: 'enroll', cardFields: 'raw' },
  parameters: { yuno: { customer: true } satisfies YunoStoryParameters },
  play: async (context) => {
    await expect((await readyCardForm(context.canvasElement)).cardFields).toBe('raw');
    await expect(context.canvasElement.querySelector('input[autocomplete="cc-number"]')).not.toBeNull();
    await enrollCard(context);
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

/** No styles: labels, frames' containers and data attributes (`data-invalid`, `data-brand`) to style from. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    if (!(await typeCardField(canvasElement, 'number', '3700'))) return;
    // The brand comes from the number's frame, which reports it (never the digits).
    await waitFor(() => expect(canvasElement.querySelector('[data-brand="AMEX"]')).not.toBeNull());
  },
};

/** With the optional default theme, `yuno-react/styles.css`, showing its error styles. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: themedParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const note = 'Type 4111 1111 1111 1112 as the card number and leave the field: its error shows in the theme.';
    if (!(await typeCardField(canvasElement, 'number', '4111 1111 1111 1112', 'en', note))) return;
    // Leaving the frame for the holder name: the number's inline error shows, outside the frame.
    await userEvent.click(canvas.getByLabelText(t('cardForm.holderName.label')));
    const number = canvas.getByRole('group', { name: t('cardForm.number.label') });
    await waitFor(() => expect(number).toHaveAttribute('aria-invalid', 'true'));
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('cardForm.number.invalid')));
  },
};

/**
 * A form of your own layout from `useCardForm`'s prop getters (`stories/recipes/CustomCardForm.tsx`): the same
 * Secure Fields, validation and payment as `<CardForm>`, in the page's own markup.
 */
export const CustomLayout: Story = {
  name: 'Custom layout from useCardForm',
  render: () => <CustomCardForm />,
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { sandbox } = stackOf(context);
    await expectCardDataInFrames(context.canvasElement, sandbox.baseUrl);
    // An empty submit: the layout's own summary and inline errors, from the frames' validation.
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('cardForm.number.required'));
    await expect(canvas.getByRole('group', { name: t('cardForm.number.label') })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    if (!(await fillCard(context.canvasElement, '4507990000000002'))) return;
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: t('cardForm.submit.pay') }));
    await expect(await canvas.findByText('Paid. Thank you!')).toBeVisible();
    await expect((await sandbox.listPayments()).map((p) => p.status)).toEqual(['SUCCEEDED']);
  },
};
