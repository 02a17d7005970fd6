// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PayButton, PaymentMethodList, YunoError, type Payment } from 'yuno-react';
import { createCheckoutHarness } from '../support/checkout';

afterEach(cleanup);

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a layout engine: it is checked in the browser, on the themed stories.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('<PayButton>', () => {
  it('does nothing until a method is selected', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const { container } = render(
      <h.Provider>
        <PayButton />
      </h.Provider>,
    );
    const button = screen.getByRole('button', { name: 'Pay' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('data-disabled')).toBe(true);
    await user.click(button);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.counts().payments).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('pays with the selected method, shows it is pending, keeps focus, and reports the payment', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    h.sandbox.faults.inject({ type: 'latency', ms: 150, match: { method: 'POST', path: '/v1/payments' } });
    const onSuccess = vi.fn<(payment: Payment) => void>();
    const { container } = render(
      <h.Provider>
        <PaymentMethodList defaultValue="PIX" />
        <PayButton onSuccess={onSuccess} className={({ status }) => `pay pay-${status}`} />
      </h.Provider>,
    );
    const button = await screen.findByRole('button', { name: 'Pay with PIX' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(button.className).toBe('pay pay-idle');
    await user.click(button);
    await screen.findByRole('button', { name: 'Processing payment…' });
    expect(button.dataset.status).toBe('pending');
    expect(button.className).toBe('pay pay-pending');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    // The list cannot change under a running payment.
    expect(screen.getByRole('radiogroup').getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(container);

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'READY_TO_PAY', payment_method: { type: 'PIX' } });
    expect(button.dataset.status).toBe('idle');
  });

  it('sends one payment for five rapid clicks, and none once the payment waits for the shopper', async () => {
    const user = userEvent.setup({ delay: null });
    const h = await createCheckoutHarness({ country: 'MX', currency: 'MXN', amount: 300 });
    h.sandbox.faults.inject({ type: 'latency', ms: 300, match: { method: 'POST', path: '/v1/payments' } });
    render(
      <h.Provider>
        <PaymentMethodList defaultValue="OXXO" />
        <PayButton />
      </h.Provider>,
    );
    const button = await screen.findByRole('button', { name: 'Pay with OXXO' });
    for (let i = 0; i < 5; i += 1) await user.click(button);
    expect(button.dataset.status).toBe('pending');
    await waitFor(() => expect(button.dataset.status).toBe('idle'));
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
    // The voucher is out: paying again would abandon it.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('reports a failed request through onError', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'CO', currency: 'COP', amount: 8000 });
    h.sandbox.faults.inject({
      type: 'status',
      status: 503,
      code: 'INTERNAL_ERROR',
      match: { method: 'POST', path: '/v1/payments' },
    });
    const onError = vi.fn<(error: unknown) => void>();
    render(
      <h.Provider>
        <PaymentMethodList defaultValue="PSE" />
        <PayButton onError={onError} />
      </h.Provider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Pay with PSE' }));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(YunoError);
  });

  it('renders your element with asChild', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const onSuccess = vi.fn();
    render(
      <h.Provider>
        <PaymentMethodList defaultValue="BOLETO" />
        <PayButton asChild onSuccess={onSuccess}>
          <button type="button" className="brand-button">
            Generate boleto
          </button>
        </PayButton>
      </h.Provider>,
    );
    await screen.findByRole('radio', { name: 'Boleto', checked: true });
    const button = screen.getByRole('button', { name: 'Generate boleto' });
    expect(button.className).toBe('brand-button');
    expect(button.dataset.status).toBe('idle');
    await user.click(button);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });

  it.each([
    ['es', 'Pagar', 'Pagar con PIX'],
    ['pt', 'Pagar', 'Pagar com PIX'],
  ] as const)('speaks %s', async (language, pay, payWith) => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    render(
      <h.Provider language={language}>
        <PaymentMethodList />
        <PayButton />
      </h.Provider>,
    );
    expect(screen.getByRole('button', { name: pay })).toBeTruthy();
    await user.click(await screen.findByRole('radio', { name: 'PIX' }));
    expect(screen.getByRole('button', { name: payWith })).toBeTruthy();
  });
});
