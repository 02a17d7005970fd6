// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HooksCheckout } from '../../examples/hooks-checkout/HooksCheckout';
import { createCheckoutHarness } from '../support/checkout';

async function fill(number: string) {
  fireEvent.change(await screen.findByLabelText('Card number'), { target: { value: number } });
  fireEvent.change(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '11/30' } });
  fireEvent.change(screen.getByLabelText('CVV'), { target: { value: '123' } });
  fireEvent.change(screen.getByLabelText('Name on card'), { target: { value: 'Ada Lovelace' } });
  fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
}

describe('the README’s hooks-only checkout', () => {
  it('is the code the README shows', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const source = readFileSync(join(root, 'examples/hooks-checkout/HooksCheckout.tsx'), 'utf8');
    expect(readme).toContain(source.trim());
  });

  it('pays, and after a decline pays again with another card on a fresh session', async () => {
    const h = await createCheckoutHarness();
    render(
      <h.Provider>
        <HooksCheckout />
      </h.Provider>,
    );
    await fill('4507990000000036');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Declined (DO_NOT_HONOR). Try another card.',
    );
    expect((screen.getByLabelText('Card number') as HTMLInputElement).value).toBe('');
    await fill('4507990000000002');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Paid. Thank you!');
    expect(h.sandbox.listPayments().map((p) => p.status)).toEqual(['DECLINED', 'SUCCEEDED']);
  });
});
