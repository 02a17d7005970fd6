import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  cardFormMessages,
  declineMessages,
  nextActionMessages,
  payButtonMessages,
  paymentResultMessages,
} from 'yuno-react';
import { messagesOf } from '../support/messages';
import { expectCardDataInFrames, fillCard, readyCardForm } from '../support/play';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { CheckoutPage } from './CheckoutPage';

const card = messagesOf(cardFormMessages);
const decline = messagesOf(declineMessages);
const next = messagesOf(nextActionMessages);
const button = messagesOf(payButtonMessages);
const status = messagesOf(paymentResultMessages);

/** The title the Web SDK stand-in gives its 3-D Secure view and the bank's page in it (src/sandbox/challengeView.ts). */
const SDK_VIEW_TITLE = 'Verify your payment with your bank';

/**
 * The issuer's 3DS challenge page (a same-origin blob: copy of the sandbox's page): with Web SDK 2.x in the SDK's own
 * view, with 1.x in the checkout's iframe.
 */
async function challengePage(canvasElement: HTMLElement, driver: 'sdk-v2' | 'sdk-v1') {
  const canvas = within(canvasElement);
  const frame =
    driver === 'sdk-v2'
      ? within(await canvas.findByRole('dialog', { name: SDK_VIEW_TITLE })).getByTitle(SDK_VIEW_TITLE)
      : await canvas.findByTitle(next('nextAction.challenge.title'));
  // 1.x: the checkout's own iframe, in <NextActionChallenge>; 2.x: the SDK's, outside the checkout.
  await expect(frame.closest('[data-slot="next-action-challenge"]') !== null).toBe(driver === 'sdk-v1');
  const body = await waitFor(() => {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    if (!doc?.querySelector('input[name="otp"]')) throw new Error('The challenge page has not loaded yet');
    return doc.body;
  });
  return within(body);
}

/** Types the code into the bank's page and submits it, as the shopper would. */
async function answerChallenge(canvasElement: HTMLElement, code: string, driver: 'sdk-v2' | 'sdk-v1' = 'sdk-v2') {
  const bank = await challengePage(canvasElement, driver);
  await userEvent.type(bank.getByLabelText('Verification code'), code);
  // The frame is removed as soon as the challenge is answered, and the blur that a removal causes would reach user-event's
  // listeners in a document that no longer has a window. So the form is submitted and focus taken out of the frame in
  // one go, while its document is still attached.
  bank.getByRole('button', { name: 'Verify payment' }).click();
  const page = canvasElement.ownerDocument;
  if (page.activeElement instanceof HTMLIFrameElement) page.activeElement.blur();
}

/**
 * Pays a test card through the checkout, as the shopper would. Returns false where the card cannot be typed by the
 * play function (Secure Fields in the Storybook UI: the viewer is asked to type it), and the story stops there.
 */
async function payWithCard(canvasElement: HTMLElement, number: string): Promise<boolean> {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('radio', { name: 'Card' }));
  if (!(await fillCard(canvasElement, number))) return false;
  await userEvent.click(canvas.getByRole('button', { name: card('cardForm.submit.pay') }));
  return true;
}

/** Opens the card form and checks that its card data is in the sandbox's frames, not in the page. */
async function expectSecureCardForm(context: Parameters<NonNullable<Story['play']>>[0]) {
  await userEvent.click(await within(context.canvasElement).findByRole('radio', { name: 'Card' }));
  await expectCardDataInFrames(context.canvasElement, stackOf(context).sandbox.baseUrl);
}

/**
 * The whole checkout, run by each story's play function against the sandbox: choose a method, pay, take the next step
 * the payment needs, and see the outcome.
 */
const meta = {
  title: 'Recipes/Checkout',
  component: CheckoutPage,
  args: { summary: 'Two coffees', total: 'US$25.00' },
  parameters: { yuno: { country: 'US', currency: 'USD', amount: 25 } satisfies YunoStoryParameters },
} satisfies Meta<typeof CheckoutPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Visa 4507 9900 0000 0002: approved. */
export const ApprovedPayment: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expectSecureCardForm(context);
    if (!(await payWithCard(context.canvasElement, '4507990000000002'))) return;
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    await expect(await canvas.findByText(/^Order confirmed\./)).toBeVisible();
    await expect((await stackOf(context).sandbox.listPayments()).map((p) => p.status)).toEqual(['SUCCEEDED']);
  },
};

/**
 * Approved, with the card tokenized by the merchant's own token route (`createServerTokenizer`, for PCI-certified
 * servers) instead of Yuno's Web SDK: one request carries the card and the payment.
 */
export const ApprovedThroughServer: Story = {
  name: 'Approved, tokenized by the merchant server (raw inputs: the page handles card data)',
  parameters: { yuno: { ...meta.parameters.yuno, driver: 'server' } satisfies YunoStoryParameters },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Card' }));
    // No Secure Fields with the server tokenizer: the form's own inputs, so the page is in PCI DSS scope.
    await expect((await readyCardForm(context.canvasElement)).cardFields).toBe('raw');
    if (!(await payWithCard(context.canvasElement, '4507990000000002'))) return;
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    const { sandbox, tokenizer } = stackOf(context);
    await expect(tokenizer.kind).toBe('server');
    await expect((await sandbox.listPayments()).map((p) => p.status)).toEqual(['SUCCEEDED']);
  },
};

/** Insufficient funds: the shopper reads why, tries again with another card, and pays. */
export const DeclinedThenRetry: Story = {
  name: 'Declined, then a retry',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expectSecureCardForm(context);
    if (!(await payWithCard(context.canvasElement, '4507990000000010'))) return;
    const declined = await canvas.findByText(status('paymentStatus.declined'), { exact: false });
    await expect(declined).toHaveTextContent(
      `${status('paymentStatus.declined')} ${decline('decline.INSUFFICIENT_FUNDS')}`,
    );

    await userEvent.click(canvas.getByRole('button', { name: status('paymentStatus.retry') }));
    // The retry moves focus to the selected method once the fresh session's methods are in: the shopper goes on from there.
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Card' })).toHaveFocus());
    if (!(await payWithCard(context.canvasElement, '4507990000000002'))) return;
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();

    const { sandbox } = stackOf(context);
    await expect((await sandbox.listPayments()).map((p) => p.status)).toEqual(['DECLINED', 'SUCCEEDED']);
    // One payment per checkout session: the retry ran on a fresh one.
    await expect(new Set((await sandbox.listPayments()).map((p) => p.checkout?.session)).size).toBe(2);
  },
};

/** 3-D Secure challenge, passed with the code 1234 typed into the bank's page, in Web SDK 2.x's own view. */
export const ThreeDSecurePassed: Story = {
  name: '3DS challenge passed (1234)',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expectSecureCardForm(context);
    if (!(await payWithCard(context.canvasElement, '4916994064252017'))) return;
    await expect(await canvas.findByText(next('nextAction.challenge.inSdk'))).toBeVisible();
    await answerChallenge(context.canvasElement, '1234');
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect((await stackOf(context).sandbox.listPayments())[0]).toMatchObject({ status: 'SUCCEEDED' });
  },
};

/** The same challenge on Web SDK 1.x: the bank's page in the checkout's own iframe. */
export const ThreeDSecurePassedSdkV1: Story = {
  name: '3DS challenge passed (1234), Web SDK 1.x',
  parameters: { yuno: { ...meta.parameters.yuno, driver: 'sdk-v1' } satisfies YunoStoryParameters },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expectSecureCardForm(context);
    if (!(await payWithCard(context.canvasElement, '4916994064252017'))) return;
    await answerChallenge(context.canvasElement, '1234', 'sdk-v1');
    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    await expect((await stackOf(context).sandbox.listPayments())[0]).toMatchObject({ status: 'SUCCEEDED' });
  },
};

/** 3-D Secure challenge, failed with the code 1111: declined, with a reason and a retry. */
export const ThreeDSecureFailed: Story = {
  name: '3DS challenge failed (1111)',
  play: async (context) => {
    const canvas = within(context.canvasElement);
    if (!(await payWithCard(context.canvasElement, '4916994064252017'))) return;
    await answerChallenge(context.canvasElement, '1111');
    const declined = await canvas.findByText(status('paymentStatus.declined'), { exact: false });
    await expect(declined).toHaveTextContent(decline('decline.AUTHENTICATION_FAILED_THREE_D_SECURE'));
    await expect(canvas.getByRole('button', { name: status('paymentStatus.retry') })).toBeVisible();
    const [payment] = await stackOf(context).sandbox.listPayments();
    await expect(payment?.status).toBe('DECLINED');
    await expect(payment?.transactions?.at(-1)?.response_code).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
  },
};

/** PIX: the shopper gets the QR code; the payment succeeds once the bank (the sandbox) settles it. */
export const PixSettled: Story = {
  name: 'PIX, settled by the bank',
  args: { summary: 'Dois cafés', total: 'R$ 120,00' },
  parameters: { yuno: { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'PIX' }));
    await userEvent.click(await canvas.findByRole('button', { name: button('payButton.payWith', { method: 'PIX' }) }));
    await expect(
      await canvas.findByRole('img', { name: next('nextAction.qr.image', { method: 'PIX' }) }),
    ).toBeVisible();

    const { sandbox } = stackOf(context);
    const [payment] = await sandbox.listPayments();
    await expect(payment?.status).toBe('READY_TO_PAY');
    await sandbox.settlePayment(payment!.id, 'SUCCEEDED');

    await expect(await canvas.findByText(status('paymentStatus.succeeded'))).toBeVisible();
    await expect((await sandbox.getPayment(payment!.id)).status).toBe('SUCCEEDED');
  },
};
