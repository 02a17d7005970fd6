// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PaymentMethodList,
  PaymentMethodListError,
  PaymentMethodListItem,
  PaymentMethodListLabel,
  PaymentMethodListLoading,
  paymentMethodKey,
  useCheckout,
  usePaymentMethods,
} from 'yuno-react';
import { createCheckoutHarness, testCard } from '../support/checkout';

afterEach(cleanup);

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a layout engine: it is checked in the browser, on the themed stories.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** What the provider holds as the selected method. */
function Selected() {
  const { selectedMethod } = useCheckout();
  return <p>selected: {selectedMethod ? (selectedMethod.vaultedToken ?? selectedMethod.type) : 'none'}</p>;
}

function radios() {
  return screen.getAllByRole('radio');
}

function tabStops() {
  return radios().filter((r) => r.tabIndex === 0);
}

describe('<PaymentMethodList>', () => {
  it('shows a busy, labelled group while loading, then one radio per method that may be offered', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const { container } = render(
      <h.Provider>
        <PaymentMethodList />
      </h.Provider>,
    );
    const group = screen.getByRole('radiogroup', { name: 'Payment method' });
    expect(group.getAttribute('aria-busy')).toBe('true');
    expect(group.dataset.status).toBe('pending');
    expect(group.textContent).toBe('Loading payment methods…');
    await expectNoAxeViolations(container);

    await screen.findByRole('radio', { name: 'PIX' });
    expect(group.hasAttribute('aria-busy')).toBe(false);
    expect(group.dataset.status).toBe('success');
    // PayPal is listed for BR but disabled by its conditions: it is left out.
    expect(radios().map((r) => r.textContent)).toEqual(['Card', 'PIX', 'Boleto', 'Mercado Pago']);
    expect(radios().every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
    const icon = within(screen.getByRole('radio', { name: 'PIX' })).getByRole('presentation');
    expect(icon.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(icon.getAttribute('alt')).toBe('');
    await expectNoAxeViolations(container);
  });

  it('is keyboard complete: one tab stop, arrows, Home and End move and select, Space selects', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    render(
      <h.Provider>
        <button type="button">before</button>
        <PaymentMethodList />
        <button type="button">after</button>
        <Selected />
      </h.Provider>,
    );
    await screen.findByRole('radio', { name: 'PIX' });
    expect(tabStops().map((r) => r.textContent)).toEqual(['Card']);

    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Card' }));
    // Focus alone does not select; Space does.
    expect(screen.getByText('selected: none')).toBeTruthy();
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: 'Card' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('selected: CARD')).toBeTruthy();

    await user.keyboard('{ArrowDown}');
    const pix = screen.getByRole('radio', { name: 'PIX' });
    expect(document.activeElement).toBe(pix);
    expect(pix.getAttribute('aria-checked')).toBe('true');
    expect(pix.dataset.state).toBe('checked');
    expect(screen.getByRole('radio', { name: 'Card' }).dataset.state).toBe('unchecked');
    expect(screen.getByText('selected: PIX')).toBeTruthy();
    expect(tabStops()).toEqual([pix]);

    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('selected: BOLETO')).toBeTruthy();
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('Mercado Pago');
    expect(screen.getByText('selected: MERCADO_PAGO_CHECKOUT_PRO')).toBeTruthy();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Card');
    expect(screen.getByText('selected: CARD')).toBeTruthy();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByText('selected: MERCADO_PAGO_CHECKOUT_PRO')).toBeTruthy();
    await user.keyboard('{Home}');
    expect(screen.getByText('selected: CARD')).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('selected: MERCADO_PAGO_CHECKOUT_PRO')).toBeTruthy();

    // Tab leaves the group from the selected radio; Shift+Tab comes back to it.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after' }));
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Mercado Pago');
    expect(tabStops()).toHaveLength(1);
  });

  it('selects on click, and the provider pays with the selection', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    function PayWithSelection() {
      const checkout = useCheckout();
      return (
        <button type="button" onClick={() => checkout.pay().catch(() => undefined)}>
          pay {checkout.status}
        </button>
      );
    }
    render(
      <h.Provider>
        <PaymentMethodList />
        <PayWithSelection />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'PIX' }));
    await user.click(screen.getByRole('button', { name: /^pay/ }));
    await screen.findByRole('button', { name: 'pay action_required' });
    expect(h.sandbox.listPayments()[0]?.payment_method?.type).toBe('PIX');
  });

  it('uncontrolled: defaultValue selects a method once the list has loaded', async () => {
    const h = await createCheckoutHarness({ country: 'MX', currency: 'MXN', amount: 300 });
    render(
      <h.Provider>
        <PaymentMethodList defaultValue="OXXO" />
        <Selected />
      </h.Provider>,
    );
    await screen.findByText('selected: OXXO');
    expect(screen.getByRole('radio', { name: 'OXXO' }).getAttribute('aria-checked')).toBe('true');
    expect(tabStops().map((r) => r.textContent)).toEqual(['OXXO']);
  });

  it('controlled: shows the value it is given, reports picks, and feeds the provider', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'CO', currency: 'COP', amount: 8000 });
    const changes: string[] = [];
    function Controlled({ accept }: { accept: boolean }) {
      const [value, setValue] = useState<string | null>('PSE');
      return (
        <PaymentMethodList
          value={value}
          onValueChange={(next, method) => {
            changes.push(`${next}:${method.type}`);
            if (accept) setValue(next);
          }}
        />
      );
    }
    const view = render(
      <h.Provider>
        <Controlled accept={false} />
        <Selected />
      </h.Provider>,
    );
    await screen.findByText('selected: PSE');
    expect(screen.getByRole('radio', { name: 'PSE' }).getAttribute('aria-checked')).toBe('true');
    // A parent that ignores the change keeps the selection where it was.
    await user.click(screen.getByRole('radio', { name: 'Efecty' }));
    expect(changes).toEqual(['EFECTY:EFECTY']);
    expect(screen.getByRole('radio', { name: 'PSE' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('selected: PSE')).toBeTruthy();
    view.unmount();

    render(
      <h.Provider>
        <Controlled accept />
        <Selected />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Efecty' }));
    expect(screen.getByRole('radio', { name: 'Efecty' }).getAttribute('aria-checked')).toBe('true');
    await screen.findByText('selected: EFECTY');
  });

  it('renders item content from a render prop with the item state', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const { container } = render(
      <h.Provider>
        <PaymentMethodList aria-label="Pay with" className={({ status }) => `list-${status}`}>
          {(method, { checked, saved }) => (
            <span>
              {checked ? '✓ ' : ''}
              {method.name}
              {saved ? ' (saved)' : ''}
            </span>
          )}
        </PaymentMethodList>
      </h.Provider>,
    );
    const card = await screen.findByRole('radio', { name: 'Card' });
    expect(screen.getByRole('radiogroup', { name: 'Pay with' }).className).toBe('list-success');
    await user.click(card);
    expect(card.textContent).toBe('✓ Card');
    expect(screen.getByRole('radio', { name: 'PayPal' }).textContent).toBe('PayPal');
    await expectNoAxeViolations(container);
  });

  it('accepts custom items built from usePaymentMethods', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    function CustomList() {
      const { data: methods = [] } = usePaymentMethods();
      return (
        <PaymentMethodList>
          <PaymentMethodListLoading>Un momento…</PaymentMethodListLoading>
          <PaymentMethodListError />
          {methods
            .filter((m) => m.type !== 'BOLETO')
            .map((method) => (
              <PaymentMethodListItem
                key={paymentMethodKey(method)}
                method={method}
                className={({ checked }) => (checked ? 'on' : 'off')}
              >
                <PaymentMethodListLabel>Pay by {method.name}</PaymentMethodListLabel>
              </PaymentMethodListItem>
            ))}
        </PaymentMethodList>
      );
    }
    render(
      <h.Provider>
        <CustomList />
        <Selected />
      </h.Provider>,
    );
    expect(screen.getByText('Un momento…')).toBeTruthy();
    const pix = await screen.findByRole('radio', { name: 'Pay by PIX' });
    expect(radios()).toHaveLength(3);
    await user.click(pix);
    expect(pix.className).toBe('on');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByText('selected: MERCADO_PAGO_CHECKOUT_PRO')).toBeTruthy();
  });

  it('shows an empty state when the session offers nothing', async () => {
    const h = await createCheckoutHarness({ sandbox: { paymentMethods: () => [] } });
    const { container } = render(
      <h.Provider>
        <PaymentMethodList />
      </h.Provider>,
    );
    await screen.findByText('No payment methods are available for this purchase.');
    expect(screen.getByRole('radiogroup').dataset.status).toBe('empty');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('shows an alert with a retry that loads the methods again', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const remove = h.sandbox.faults.inject({
      type: 'status',
      status: 503,
      code: 'INTERNAL_ERROR',
      match: { method: 'GET', path: /payment-methods$/ },
    });
    const { container } = render(
      <h.Provider>
        <PaymentMethodList />
      </h.Provider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The payment methods could not be loaded.');
    expect(screen.getByRole('radiogroup').dataset.status).toBe('error');
    await expectNoAxeViolations(container);

    remove();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radio', { name: 'Card' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts saved cards first, in their own group, with brand and last four digits', async () => {
    const h = await createCheckoutHarness({ customer: true });
    // Save a card for the shopper through a first, successful payment with vault_on_success.
    const first = await h.tokenizer.createToken(
      { type: 'CARD', card: testCard('4507990000000002'), saveCard: true },
      { checkoutSession: h.start.checkoutSession, countryCode: 'US', browserInfo: {} },
    );
    await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: first.token, vaultOnSuccess: true },
      { idempotencyKey: crypto.randomUUID() },
    );
    const next = await h.client.startCheckout({ previousCheckoutSession: h.start.checkoutSession });
    const user = userEvent.setup();
    const { container } = render(
      <h.Provider checkoutSession={next.checkoutSession}>
        <PaymentMethodList />
        <Selected />
      </h.Provider>,
    );
    const saved = await screen.findByRole('group', { name: 'Saved payment methods' });
    const card = within(saved).getByRole('radio', { name: 'Visa ending in 0002' });
    expect(card.textContent).toBe('Visa •••• 0002');
    expect(card.dataset.brand).toBe('VISA');
    expect(card.hasAttribute('data-saved')).toBe(true);
    expect(radios()[0]).toBe(card);
    const other = screen.getByRole('group', { name: 'Other payment methods' });
    expect(within(other).getByRole('radio', { name: 'Card' }).hasAttribute('data-saved')).toBe(false);
    await expectNoAxeViolations(container);

    await user.click(card);
    const vaultedToken = h.sandbox.listPayments()[0]?.payment_method?.vaulted_token;
    expect(vaultedToken).toBeTruthy();
    expect(screen.getByText(`selected: ${vaultedToken}`)).toBeTruthy();
  });

  it.each([
    ['es', 'Medio de pago', 'Cargando medios de pago…'],
    ['pt', 'Forma de pagamento', 'Carregando formas de pagamento…'],
  ] as const)('speaks %s', async (language, label, loading) => {
    const h = await createCheckoutHarness();
    render(
      <h.Provider language={language}>
        <PaymentMethodList />
      </h.Provider>,
    );
    expect(screen.getByRole('radiogroup', { name: label }).textContent).toBe(loading);
    await waitFor(() => expect(radios().length).toBeGreaterThan(0));
  });
});
