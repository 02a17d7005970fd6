// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardForm, useCheckout, usePaymentMethods, type Payment } from 'yuno-react';
import { createCheckoutHarness, type CheckoutHarness } from '../support/checkout';

afterEach(cleanup);

const expiry = `11${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;
const PLAN = {
  plan_id: 'plan-3',
  plan: [
    { installment: 1, rate: 0 },
    { installment: 3, rate: 0 },
  ],
};

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

function SelectSaved({ vaultedToken, children }: { vaultedToken: string; children: ReactNode }) {
  const { data } = usePaymentMethods();
  const { select, selectedMethod } = useCheckout();
  const method = data?.find((m) => m.vaulted_token === vaultedToken);
  useEffect(() => {
    if (method) select(method);
  }, [method, select]);
  return selectedMethod?.vaultedToken ? children : null;
}

async function saveCard(h: CheckoutHarness, number: string) {
  const { customer_session: customerSession } = await h.client.startCustomerSession();
  await h.client.startEnrollment(
    customerSession,
    { paymentMethodType: 'CARD' },
    { idempotencyKey: crypto.randomUUID() },
  );
  const saved = await h.tokenizer.enroll!(
    { type: 'CARD', card: { number, expirationMonth: 11, expirationYear: 30, holderName: 'Ada Lovelace' } },
    { customerSession, countryCode: h.start.countryCode, browserInfo: {} },
  );
  // The 1.x driver of the harness gives the vaulted token itself.
  if (!saved.vaultedToken) throw new Error('the enrollment gave no vaulted token');
  return saved.vaultedToken;
}

describe('<CardForm cardFields="raw"> with axe', () => {
  it('has no violations by default, with every optional field', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', customer: true });
    const { container } = render(
      <h.Provider>
        <CardForm cardFields="raw" installments={PLAN} allowSaveCard />
      </h.Provider>,
    );
    await screen.findByLabelText('Document number');
    await expectNoAxeViolations(container);
  });

  it('has no violations with errors showing, in the summary, the fields and the alert', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const user = userEvent.setup();
    const { container } = render(
      <h.Provider language="es">
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    await user.type(screen.getByLabelText('Número de tarjeta'), '4507');
    await user.click(screen.getByRole('button', { name: 'Pagar' }));
    await screen.findByText('Revisa lo siguiente:');
    expect(screen.getByLabelText('Número de tarjeta').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(container);

    h.sandbox.faults.inject({ match: { method: 'POST', path: '/v1/payments' }, type: 'network' });
    await user.clear(screen.getByLabelText('Número de tarjeta'));
    await user.type(screen.getByLabelText('Número de tarjeta'), '4507990000000002');
    await user.type(screen.getByLabelText('Fecha de vencimiento'), expiry);
    await user.type(screen.getByLabelText('Código de seguridad'), '123');
    await user.type(screen.getByLabelText('Nombre en la tarjeta'), 'Ada Lovelace');
    await user.type(screen.getByLabelText('Número de documento'), '52998224725');
    await user.click(screen.getByRole('button', { name: 'Pagar' }));
    await screen.findByText(
      'No pudimos comunicarnos con el servicio de pagos. Revisa tu conexión e inténtalo de nuevo.',
    );
    await expectNoAxeViolations(container);
  });

  it('has no violations in cvv mode', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const vaultedToken = await saveCard(h, '4507990000000002');
    const { container } = render(
      <h.Provider language="pt">
        <SelectSaved vaultedToken={vaultedToken}>
          <CardForm cardFields="raw" mode="cvv" installments={PLAN} />
        </SelectSaved>
      </h.Provider>,
    );
    await screen.findByText('3 dígitos, no seu cartão final 0002');
    await expectNoAxeViolations(container);
  });

  it('has no violations in enroll mode', async () => {
    const h = await createCheckoutHarness({ country: 'MX', currency: 'MXN', customer: true });
    const { container } = render(
      <h.Provider>
        <CardForm cardFields="raw" mode="enroll" />
      </h.Provider>,
    );
    await screen.findByRole('button', { name: 'Save card' });
    await expectNoAxeViolations(container);
  });
});

describe('<CardForm cardFields="raw"> from the keyboard', () => {
  it('tabs through the fields in reading order and pays with Enter', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', customer: true });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider>
        <CardForm cardFields="raw" installments={PLAN} allowSaveCard onSuccess={(p) => paid.push(p as Payment)} />
      </h.Provider>,
    );
    const order = [
      'Card number',
      'Expiration date',
      'Security code',
      'Name on card',
      'Document type',
      'Document number',
      'Installments',
      'Save this card for future purchases',
    ].map((label) => screen.getByLabelText(label));
    order.push(screen.getByRole('button', { name: 'Pay' }));
    for (const element of order) {
      await user.tab();
      expect(document.activeElement).toBe(element);
    }

    await user.click(order[0]!);
    await user.keyboard('4507990000000002');
    await user.tab();
    await user.keyboard(expiry);
    await user.tab();
    await user.keyboard('123');
    await user.tab();
    await user.keyboard('Ada Lovelace');
    await user.tab();
    expect((order[4] as HTMLSelectElement).value).toBe('CPF');
    await user.tab();
    await user.keyboard('529.982.247-25');
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    expect((order[7] as HTMLInputElement).checked).toBe(true);
    await user.click(order[5]!);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
  });

  it('moves focus to the first invalid field, and to any field from the error summary', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    await user.type(screen.getByLabelText('Card number'), '4507990000000002{Enter}');
    const summary = (await screen.findByText('Please check the following:')).closest('[role="alert"]') as HTMLElement;
    expect(document.activeElement).toBe(screen.getByLabelText('Expiration date'));
    const link = within(summary).getByRole('link', { name: 'Enter the name as it appears on the card.' });
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Name on card'));
    expect(window.location.hash).toBe('');
  });

  it('labels every control and gives browsers the card autocomplete tokens and a numeric keypad', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    const attributes = (label: string) => {
      const control = screen.getByLabelText(label);
      return [control.getAttribute('autocomplete'), control.getAttribute('inputmode')];
    };
    expect(attributes('Card number')).toEqual(['cc-number', 'numeric']);
    expect(attributes('Expiration date')).toEqual(['cc-exp', 'numeric']);
    expect(attributes('Security code')).toEqual(['cc-csc', 'numeric']);
    expect(attributes('Name on card')).toEqual(['cc-name', null]);
    const hint = screen.getByText('MM/YY');
    expect(screen.getByLabelText('Expiration date').getAttribute('aria-describedby')).toBe(hint.id);
  });
});
