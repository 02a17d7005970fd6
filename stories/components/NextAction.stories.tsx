import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { NextAction, nextActionMessages } from 'yuno-react';
import { messagesOf } from '../support/messages';
import { withPayment, type PayOnMountProps } from '../support/PayOnMount';
import { stackOf, type YunoStoryParameters } from '../support/storyStack';
import { themedParameters, withTheme } from '../support/theme';

const t = messagesOf(nextActionMessages);
const brazil = { country: 'BR', currency: 'BRL', amount: 120 } satisfies YunoStoryParameters;
const mexico = { country: 'MX', currency: 'MXN', amount: 450 } satisfies YunoStoryParameters;

const meta = {
  title: 'Components/NextAction',
  component: NextAction,
  decorators: [withPayment],
} satisfies Meta<typeof NextAction>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The title the Web SDK stand-in gives its 3-D Secure view and the bank's page in it (src/sandbox/challengeView.ts). */
const SDK_VIEW_TITLE = 'Verify your payment with your bank';

/** The sandbox's challenge page in an iframe, once loaded: a same-origin blob: copy (createSandboxWebSdk's challengePage). */
async function bankPage(frame: HTMLElement) {
  await expect(frame.tagName).toBe('IFRAME');
  return waitFor(() => {
    const body = (frame as HTMLIFrameElement).contentDocument?.body;
    if (!body?.querySelector('input[name="otp"]')) throw new Error('The challenge page has not loaded yet');
    return within(body);
  });
}

/**
 * A card that needs the bank's 3-D Secure challenge, on Yuno's Web SDK 2.x (the provider's default): the SDK shows the
 * bank's page in a view of its own (here the sandbox's stand-in for it, under the story) and `<NextAction>` tells the
 * shopper where to look (sandbox: code 1234 passes).
 */
export const ThreeDSecureChallenge: Story = {
  name: '3DS challenge (Web SDK 2.x)',
  parameters: { pay: { type: 'CARD', card: '4916994064252017' } satisfies PayOnMountProps },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const view = await canvas.findByRole('dialog', { name: SDK_VIEW_TITLE });
    const bank = await bankPage(within(view).getByTitle(SDK_VIEW_TITLE));
    await expect(bank.getByLabelText('Verification code')).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(within(view).getByRole('button', { name: 'Close' })).toBeVisible();
    // The page shows no challenge of its own, only where to find the SDK's.
    const notice = canvas.getByText(t('nextAction.challenge.inSdk'));
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toHaveAttribute('data-slot', 'next-action-challenge');
    await expect(canvasElement.querySelector('[data-slot="next-action"] iframe')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="next-action"]')).toHaveAttribute(
      'data-type',
      'three_d_secure',
    );
  },
};

/**
 * The same challenge on Yuno's Web SDK 1.x (`createYunoSdkTokenizer`): the SDK hands the bank's page over and
 * `<NextAction>` shows it in its own iframe.
 */
export const ThreeDSecureChallengeInPage: Story = {
  name: '3DS challenge (Web SDK 1.x)',
  parameters: {
    yuno: { driver: 'sdk-v1' } satisfies YunoStoryParameters,
    pay: { type: 'CARD', card: '4916994064252017' } satisfies PayOnMountProps,
  },
  play: async ({ canvasElement }) => {
    const frame = await within(canvasElement).findByTitle(t('nextAction.challenge.title'));
    const bank = await bankPage(frame);
    await expect(bank.getByLabelText('Verification code')).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(frame.closest('[data-slot="next-action-challenge"]')).not.toBeNull();
    await expect(within(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="next-action"]')).toHaveAttribute(
      'data-type',
      'three_d_secure',
    );
  },
};

/** A wallet that takes the shopper to its own page (PayPal). */
export const Redirect: Story = {
  parameters: { pay: { type: 'PAYPAL' } satisfies PayOnMountProps },
  play: async (context) => {
    const link = await within(context.canvasElement).findByRole('link', {
      name: t('nextAction.redirect.link', { method: 'PayPal' }),
    });
    const [payment] = await stackOf(context).sandbox.listPayments();
    await expect(link).toHaveAttribute('href', expect.stringContaining(`/_sandbox/redirect/${payment?.id}`));
  },
};

/** PIX: the QR code, the copy-and-paste code with a copy button, and the time left. */
export const Pix: Story = {
  name: 'PIX',
  parameters: { yuno: brazil, pay: { type: 'PIX' } satisfies PayOnMountProps },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: t('nextAction.qr.image', { method: 'PIX' }) })).toBeVisible();
    const code = canvas.getByLabelText(t('nextAction.code.label', { method: 'PIX' }));
    // An EMV BR Code, as a bank app reads it.
    await expect((code as HTMLInputElement).value).toMatch(/^000201/);
    await expect(canvas.getByText(t('nextAction.expiresIn', { time: '' }), { exact: false })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('nextAction.copy') }));
    await expect(await canvas.findByText(t('nextAction.copied'))).toBeVisible();
  },
};

/** A cash voucher (OXXO, Mexico): the reference, the barcode number, the deadline and a link to the voucher. */
export const Voucher: Story = {
  parameters: { yuno: mexico, pay: { type: 'OXXO' } satisfies PayOnMountProps },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('nextAction.voucher.reference'))).toBeVisible();
    await expect(canvas.getByText(t('nextAction.voucher.barcode'))).toBeVisible();
    await expect(canvas.getByText(t('nextAction.voucher.expiresAt'))).toBeVisible();
    const link = canvas.getByRole('link', { name: t('nextAction.voucher.link', { method: 'OXXO' }) });
    await expect(link).toHaveAttribute('target', '_blank');
  },
};

/** The voucher in Latin-American Spanish. */
export const Spanish: Story = {
  name: 'es',
  parameters: { yuno: { ...mexico, language: 'es' } satisfies YunoStoryParameters, pay: { type: 'OXXO' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t.es('nextAction.voucher.reference'))).toBeVisible();
    await expect(canvas.getByText(t.es('nextAction.voucher.expiresAt'))).toBeVisible();
  },
};

/** PIX in Brazilian Portuguese. */
export const Portuguese: Story = {
  name: 'pt',
  parameters: { yuno: { ...brazil, language: 'pt' } satisfies YunoStoryParameters, pay: { type: 'PIX' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('img', { name: t.pt('nextAction.qr.image', { method: 'PIX' }) }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: t.pt('nextAction.copy') })).toBeVisible();
  },
};

/** No styles: the parts carry `data-slot` and the action `data-type`, to style from. */
export const Unstyled: Story = {
  parameters: { yuno: brazil, pay: { type: 'PIX' } satisfies PayOnMountProps },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('img', { name: t('nextAction.qr.image', { method: 'PIX' }) });
    await expect(canvasElement.querySelector('[data-slot="next-action"]')).toHaveAttribute('data-type', 'qr');
  },
};

/** PIX with the optional default theme, `yuno-react/styles.css`. */
export const Themed: Story = {
  decorators: [withTheme],
  parameters: { ...themedParameters, yuno: brazil, pay: { type: 'PIX' } satisfies PayOnMountProps },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('img', { name: t('nextAction.qr.image', { method: 'PIX' }) }),
    ).toBeVisible();
  },
};
