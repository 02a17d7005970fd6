// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CardForm, type Payment } from 'yuno-react';
import { isValidCardNumber } from 'yuno-react/card';
import { SANDBOX_TEST_CARDS } from 'yuno-react/sandbox';
import { TEST_CARDS, TestKitError, fillCardForm, secureFieldFrameSelector } from 'yuno-react/testing';
import { createCheckoutHarness } from '../support/checkout';

afterEach(cleanup);

describe('TEST_CARDS', () => {
  it("are the sandbox's test cards, with the expiry as MM/YY", () => {
    for (const [name, card] of Object.entries(TEST_CARDS)) {
      expect(card.expiry, name).toMatch(/^(0[1-9]|1[0-2])\/\d{2}$/);
      if (name === 'invalidNumber') continue;
      const listed = SANDBOX_TEST_CARDS.find((c) => c.number === card.number);
      expect(listed, name).toBeDefined();
      expect(card.cvv, name).toBe(listed!.securityCode);
    }
    expect(SANDBOX_TEST_CARDS.find((c) => c.number === TEST_CARDS.declined.number)?.status).toBe('DECLINED');
    expect(SANDBOX_TEST_CARDS.find((c) => c.number === TEST_CARDS.threeDSecure.number)?.threeDSecure).toBe('challenge');
    expect(isValidCardNumber(TEST_CARDS.invalidNumber.number)).toBe(false);
  });
});

describe('secureFieldFrameSelector', () => {
  it("matches the stand-in's frame of that field only", () => {
    document.body.innerHTML = ['pan', 'expiration', 'cvv']
      .map(
        (name) =>
          `<iframe src="http://127.0.0.1:1/_sandbox/secure-fields/field?name=${name}&channel=c&parent=p"></iframe>`,
      )
      .join('');
    for (const name of ['pan', 'expiration', 'cvv'] as const) {
      const frames = document.querySelectorAll(secureFieldFrameSelector(name));
      expect(frames).toHaveLength(1);
      expect(frames[0]!.getAttribute('src')).toContain(`?name=${name}&`);
    }
  });
});

describe('fillCardForm in jsdom', () => {
  it.each([
    ['approved', 'SUCCEEDED'],
    ['declined', 'DECLINED'],
  ] as const)('types the %s card into <CardForm cardFields="raw">, which pays it: %s', async (name, status) => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const paid: Payment[] = [];
    const user = userEvent.setup();
    const { container } = render(
      <h.Provider>
        <CardForm cardFields="raw" onSuccess={(payment) => paid.push(payment as Payment)} />
      </h.Provider>,
    );
    await fillCardForm(container, TEST_CARDS[name], { user });
    expect((screen.getByLabelText('Card number') as HTMLInputElement).value.replace(/\D/g, '')).toBe(
      TEST_CARDS[name].number,
    );
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe(status);
  });

  it('refuses a form that renders Secure Fields (frames do not run in jsdom)', async () => {
    const container = document.createElement('div');
    container.innerHTML = '<form data-card-fields="secure"><div role="group"></div></form>';
    const typed: string[] = [];
    const user = { type: async (_: Element, text: string) => void typed.push(text) };
    const error = await fillCardForm(container, TEST_CARDS.approved, { user }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestKitError);
    expect((error as TestKitError).code).toBe('SECURE_FIELDS_IN_JSDOM');
    expect((error as TestKitError).message).not.toContain(TEST_CARDS.approved.number);
    expect(typed).toEqual([]);
  });

  it('says which field is missing, without the card data', async () => {
    const container = document.createElement('div');
    container.innerHTML = '<input autocomplete="cc-number">';
    const user = { type: async () => undefined };
    const error = await fillCardForm(container, { number: '4507990000000002', cvv: '739' }, { user }).catch(
      (e: unknown) => e as TestKitError,
    );
    expect(error).toMatchObject({ code: 'FIELD_NOT_FOUND', message: expect.stringContaining('cc-csc') });
    expect(String(error)).not.toMatch(/4507990000000002|739/);
  });
});
