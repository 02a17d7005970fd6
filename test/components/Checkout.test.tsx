// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkout, PaymentResult, type Payment } from 'yuno-react';
import { createCheckoutHarness, testCard } from '../support/checkout';
import { createFakeSecureFields, fillFrames } from '../support/fakeSecureFields';

afterEach(cleanup);

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a layout engine: it is checked in the browser, on the themed stories. jsdom loads no frame
  // content, so axe does not descend into the 3DS iframe.
  const results = await axe.run(container, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

const statusText = () => document.querySelector('[data-slot="payment-status-message"]')?.textContent;

async function typeCard(user: ReturnType<typeof userEvent.setup>, number: string) {
  const form = await screen.findByRole('form', { name: 'Card payment' });
  await user.type(within(form).getByLabelText('Card number'), number);
  await user.type(within(form).getByLabelText(/^Expiration date/), '11/30');
  await user.type(within(form).getByLabelText(/^Security code/), '123');
  await user.type(within(form).getByLabelText('Name on card'), 'Ada Lovelace');
  await user.click(within(form).getByRole('button', { name: 'Pay' }));
}

describe('<Checkout> on Secure Fields', () => {
  it('takes the card in frames, explains a decline, and pays on the fresh session with the same frames', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const fake = createFakeSecureFields(h.tokenizer);
    const onSuccess = vi.fn<(payment: Payment) => void>();
    const { container } = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <Checkout onSuccess={onSuccess} />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Card' }));
    const form = await screen.findByRole('form', { name: 'Card payment' });
    await waitFor(() => expect(fake.live()[0]?.fields.size).toBe(3));
    const session = fake.live()[0]!;
    expect(within(form).getByRole('group', { name: 'Card number' })).toBeTruthy();
    await expectNoAxeViolations(container);

    fake.card = { ...fake.card, number: '4507990000000010' };
    act(() => fillFrames(session));
    await user.type(within(form).getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(within(form).getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(statusText()).toMatch(/^Payment declined\./));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(session.updates).toHaveLength(1));

    fake.card = { ...fake.card, number: '4507990000000002' };
    act(() => fillFrames(session));
    await user.type(within(form).getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(within(form).getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(statusText()).toBe('Payment approved. Thank you!'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [declined, approved] = h.sandbox.listPayments();
    expect(approved?.checkout?.session).toBe(session.updates[0]);
    expect(approved?.checkout?.session).not.toBe(declined?.checkout?.session);
  });
});

describe('<Checkout cardFields="raw">', () => {
  it('pays with an approved card: list → card form → approved', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const onSuccess = vi.fn<(payment: Payment) => void>();
    const { container } = render(
      <h.Provider>
        <Checkout cardFields="raw" onSuccess={onSuccess} className={({ status }) => `checkout is-${status}`} />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Card' }));
    await screen.findByRole('form', { name: 'Card payment' });
    await expectNoAxeViolations(container);
    await typeCard(user, '4507990000000002');

    await waitFor(() => expect(statusText()).toBe('Payment approved. Thank you!'));
    expect(container.firstElementChild?.className).toBe('checkout is-succeeded');
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'SUCCEEDED' });
    await expectNoAxeViolations(container);
  });

  it('explains a declined card, and the retry pays on a fresh checkout session', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const onSuccess = vi.fn();
    const { container } = render(
      <h.Provider>
        <Checkout cardFields="raw" onSuccess={onSuccess} />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Card' }));
    await typeCard(user, '4507990000000010');
    await waitFor(() =>
      expect(statusText()).toBe(
        'Payment declined. Your card has insufficient funds. Try another card or payment method.',
      ),
    );
    expect(onSuccess).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // Focus returns to the chosen method once the fresh session's methods are listed.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-checked')).toBe('true'));
    expect(document.activeElement?.textContent).toBe('Card');
    expect(statusText()).toBe('');
    const form = screen.getByRole('form', { name: 'Card payment' });
    expect((within(form).getByLabelText('Card number') as HTMLInputElement).value).toBe('');

    await typeCard(user, '4507990000000002');
    await waitFor(() => expect(statusText()).toBe('Payment approved. Thank you!'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [declined, approved] = h.sandbox.listPayments();
    expect(declined?.status).toBe('DECLINED');
    expect(approved?.status).toBe('SUCCEEDED');
    expect(approved?.checkout?.session).not.toBe(declined?.checkout?.session);
  });

  it('takes the shopper through a 3DS challenge (OTP 1234)', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const { container } = render(
      <h.Provider pollInterval={() => 60_000}>
        <Checkout cardFields="raw" />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Card' }));
    await typeCard(user, '4916994064252017');
    const frame = await screen.findByTitle('Verify your payment with your bank');
    expect(statusText()).toBe('Follow the steps shown to finish your payment.');
    expect(screen.queryByRole('form')).toBeNull();
    await expectNoAxeViolations(container);

    await h.sandbox.completeThreeDSecure(h.start.checkoutSession, '1234');
    window.postMessage({ origin: 'CHALLENGE', status: 'SUCCEEDED', checkoutSession: h.start.checkoutSession }, '*');
    await waitFor(() => expect(statusText()).toBe('Payment approved. Thank you!'));
    expect(frame.isConnected).toBe(false);
  });

  it('pays by PIX with the pay button, showing the QR until the payment settles', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const onSuccess = vi.fn();
    const { container } = render(
      <h.Provider language="pt">
        <Checkout cardFields="raw" onSuccess={onSuccess} />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'PIX' }));
    expect(screen.queryByRole('form')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Pagar com PIX' }));
    expect(await screen.findByRole('img', { name: 'QR code para pagar com PIX' })).toBeTruthy();
    await expectNoAxeViolations(container);
    await act(() => h.sandbox.settlePayment(h.sandbox.listPayments()[0]!.id, 'SUCCEEDED'));
    await waitFor(() => expect(statusText()).toBe('Pagamento aprovado. Obrigado!'));
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('asks only for the security code of a saved card', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ customer: true });
    const first = await h.tokenizer.createToken(
      { type: 'CARD', card: testCard('4507990000000002'), saveCard: true },
      { checkoutSession: h.start.checkoutSession, countryCode: 'US', browserInfo: {} },
    );
    await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: first.token, vaultOnSuccess: true },
      { idempotencyKey: crypto.randomUUID() },
    );
    const next = await h.client.startCheckout({ previousCheckoutSession: h.start.checkoutSession });
    const { container } = render(
      <h.Provider checkoutSession={next.checkoutSession}>
        <Checkout cardFields="raw" />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Visa ending in 0002' }));
    const form = await screen.findByRole('form', { name: 'Pay with a saved card' });
    expect(within(form).queryByLabelText('Card number')).toBeNull();
    await expectNoAxeViolations(container);
    await user.type(within(form).getByLabelText(/^Security code/), '123');
    await user.click(within(form).getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(statusText()).toBe('Payment approved. Thank you!'));
    const paid = h.sandbox.listPayments().at(-1);
    expect(paid?.checkout?.session).toBe(next.checkoutSession);
    expect(paid?.payment_method?.vaulted_token).toBe(h.sandbox.listPayments()[0]?.payment_method?.vaulted_token);
  });

  it('lets children replace the layout', async () => {
    const h = await createCheckoutHarness();
    render(
      <h.Provider>
        <Checkout aria-label="Checkout">
          <h2>Pay for your coffee</h2>
          <PaymentResult />
        </Checkout>
      </h.Provider>,
    );
    expect(screen.getByRole('heading', { name: 'Pay for your coffee' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('renders on the server: the busy list and an empty live region, nothing that needs the browser', async () => {
    const h = await createCheckoutHarness();
    const html = renderToString(
      <h.Provider>
        <Checkout cardFields="raw" />
      </h.Provider>,
    );
    expect(html).toContain('role="radiogroup"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading payment methods…');
    expect(html).toContain('role="status"');
  });
});
