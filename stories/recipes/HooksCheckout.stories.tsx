import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { HooksCheckout } from '../../examples/hooks-checkout/HooksCheckout';
import { stackOf } from '../support/storyStack';

/**
 * A card checkout built from the hooks alone (`examples/hooks-checkout/HooksCheckout.tsx`): your own markup on
 * yuno-react's state machine, against the sandbox.
 */
const meta = {
  title: 'Recipes/Hooks checkout',
  component: HooksCheckout,
} satisfies Meta<typeof HooksCheckout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Approved: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('Card number'), '4507990000000002');
    await userEvent.type(canvas.getByLabelText('Expiry (MM/YY)'), '11/30');
    await userEvent.type(canvas.getByLabelText('CVV'), '123');
    await userEvent.type(canvas.getByLabelText('Name on card'), 'Ada Lovelace');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Paid. Thank you!');
    const [payment] = await stackOf(context).sandbox.listPayments();
    await expect(payment?.status).toBe('SUCCEEDED');
  },
};
