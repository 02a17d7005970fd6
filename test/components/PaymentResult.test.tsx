// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PaymentMethodList,
  PayButton,
  PaymentResult,
  YunoError,
  useCheckout,
  useDeclineMessage,
  useErrorMessage,
  type YunoLanguage,
} from 'yuno-react';
import { createCheckoutHarness, testCard, type CheckoutHarness } from '../support/checkout';

afterEach(cleanup);

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a layout engine: it is checked in the browser, on the themed stories.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** Pays with a card straight through the hook, as a card form would. */
function PayWithCard({ number }: { number: string }) {
  const checkout = useCheckout();
  return (
    <button
      type="button"
      onClick={() => {
        checkout.select({ type: 'CARD', vaultedToken: null });
        checkout.pay({ card: testCard(number) }).catch(() => undefined);
      }}
    >
      Pay by card
    </button>
  );
}

function renderStatus(h: CheckoutHarness, number: string, language: YunoLanguage = 'en', onRetry?: () => void) {
  return render(
    <h.Provider language={language}>
      <PayWithCard number={number} />
      <PaymentResult onRetry={onRetry} />
    </h.Provider>,
  );
}

const message = () => document.querySelector('[data-slot="payment-status-message"]')!;

describe('<PaymentResult>', () => {
  it('is an empty live region while idle, so that later changes are announced', async () => {
    const h = await createCheckoutHarness();
    const { container } = renderStatus(h, '4507990000000002');
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    expect(container.querySelector('[data-slot="payment-status"]')?.getAttribute('data-status')).toBe('idle');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it.each([
    ['en', 'Payment approved. Thank you!'],
    ['es', 'Pago aprobado. ¡Gracias!'],
    ['pt', 'Pagamento aprovado. Obrigado!'],
  ] as const)('says an approved payment in %s', async (language, text) => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const { container } = renderStatus(h, '4507990000000002', language);
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(text));
    expect(container.querySelector('[data-status="succeeded"]')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(1);
    await expectNoAxeViolations(container);
  });

  it.each([
    ['0010', 'Your card has insufficient funds. Try another card or payment method.'],
    ['0028', 'Your bank declined the payment. Contact your bank or use another payment method.'],
    ['0036', 'Your bank declined the payment. Contact your bank or use another payment method.'],
    ['0044', 'The security code (CVV) is incorrect. Check it and try again.'],
    ['0051', 'Some card details are incorrect. Check the number, expiry date and name, then try again.'],
    ['0069', 'Your card was declined. Use another card or payment method.'],
  ])('explains the decline of test card …%s', async (suffix, reason) => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const { container } = renderStatus(h, `450799000000${suffix}`);
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(message().textContent).toBe(`Payment declined. ${reason}`));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it.each([
    ['en', 'Payment declined. Your card has insufficient funds. Try another card or payment method.', 'Try again'],
    [
      'es',
      'Pago rechazado. Tu tarjeta no tiene fondos suficientes. Prueba con otra tarjeta u otro medio de pago.',
      'Intentar de nuevo',
    ],
    [
      'pt',
      'Pagamento recusado. Seu cartão não tem saldo suficiente. Tente outro cartão ou outra forma de pagamento.',
      'Tentar novamente',
    ],
  ] as const)('explains a decline in %s', async (language, text, retry) => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    renderStatus(h, '4507990000000010', language);
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(message().textContent).toBe(text));
    expect(screen.getByRole('button', { name: retry })).toBeTruthy();
  });

  it('explains a processing error at the provider (ERROR), which is not a decline', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const { container } = renderStatus(h, '4507990000000077');
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() =>
      expect(message().textContent).toBe(
        'The payment could not be completed. Something went wrong while processing the payment. You were not charged; try again.',
      ),
    );
    expect(container.querySelector('[data-slot="payment-status"]')?.getAttribute('data-status')).toBe('failed');
  });

  it('retries a decline on a fresh checkout session, then pays', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const onRetry = vi.fn();
    function Flow() {
      const checkout = useCheckout();
      return (
        <>
          <p>session: {checkout.checkoutSession}</p>
          <PayWithCard
            number={checkout.checkoutSession === h.start.checkoutSession ? '4507990000000010' : '4507990000000002'}
          />
          <PaymentResult onRetry={onRetry} />
        </>
      );
    }
    render(
      <h.Provider>
        <Flow />
      </h.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalledTimes(1));
    expect(screen.queryByText(`session: ${h.start.checkoutSession}`)).toBeNull();
    expect(message().textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(message().textContent).toBe('Payment approved. Thank you!'));
    const sessions = h.sandbox.listPayments().map((p) => p.checkout?.session);
    expect(new Set(sessions).size).toBe(2);
  });

  it('explains a failed request and retries it with the same attempt', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    const remove = h.sandbox.faults.inject({
      type: 'status',
      status: 503,
      code: 'INTERNAL_ERROR',
      match: { method: 'POST', path: '/v1/payments' },
    });
    const { container } = renderStatus(h, '4507990000000002');
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() =>
      expect(message().textContent).toBe(
        'The payment could not be sent. We could not reach the payment service. Check your connection and try again.',
      ),
    );
    await expectNoAxeViolations(container);
    remove();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(message().textContent).toBe(''));
    // The same attempt (its token and idempotency key) goes out again.
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(message().textContent).toBe('Payment approved. Thank you!'));
    expect(h.counts().tokens).toBe(1);
  });

  it('tells a used checkout session apart, and starts a fresh one', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    // The session is spent behind the page's back (another tab paid it).
    const token = await h.tokenizer.createToken(
      { type: 'CARD', card: testCard('4507990000000002') },
      { checkoutSession: h.start.checkoutSession, countryCode: 'US', browserInfo: {} },
    );
    await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: token.token },
      { idempotencyKey: crypto.randomUUID() },
    );
    renderStatus(h, '4507990000000002');
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() =>
      expect(message().textContent).toBe(
        'The payment could not be sent. This checkout was already used for a payment. Start again to pay once more.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(message().textContent).toBe(''));
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() => expect(message().textContent).toBe('Payment approved. Thank you!'));
  });

  it('offers no retry when payments are unavailable (the shop is misconfigured)', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness();
    h.sandbox.faults.inject({
      type: 'status',
      status: 401,
      code: 'INVALID_CREDENTIALS',
      match: { method: 'POST', path: '/v1/payments' },
    });
    renderStatus(h, '4507990000000002');
    await user.click(screen.getByRole('button', { name: 'Pay by card' }));
    await waitFor(() =>
      expect(message().textContent).toBe(
        'The payment could not be sent. Payments are not available right now. Please try again later or contact the store.',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says when a PIX payment expired unpaid, and while it waits', async () => {
    const user = userEvent.setup();
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    render(
      <h.Provider language="pt">
        <PaymentMethodList defaultValue="PIX" />
        <PayButton />
        <PaymentResult />
      </h.Provider>,
    );
    await screen.findByRole('radio', { name: 'PIX', checked: true });
    await user.click(screen.getByRole('button', { name: 'Pagar com PIX' }));
    await waitFor(() => expect(message().textContent).toBe('Siga as etapas indicadas para concluir seu pagamento.'));
    await act(() => h.sandbox.settlePayment(h.sandbox.listPayments()[0]!.id, 'EXPIRED'));
    await waitFor(() =>
      expect(message().textContent).toBe(
        'Não foi possível concluir o pagamento. O prazo para pagar acabou. Comece de novo para gerar um novo código.',
      ),
    );
  });
});

describe('shopper-readable messages', () => {
  it('useDeclineMessage: every language, and a generic text for codes it does not know', () => {
    const { result, rerender } = renderHook(({ code }) => useDeclineMessage(code), {
      initialProps: { code: 'DO_NOT_HONOR' as string | null },
    });
    expect(result.current).toBe('Your bank declined the payment. Contact your bank or use another payment method.');
    rerender({ code: 'SOMETHING_NEW' });
    expect(result.current).toBe('The payment was declined. Try another card or payment method.');
    rerender({ code: null });
    expect(result.current).toBe('The payment was declined. Try another card or payment method.');
  });

  it.each([
    ['es', 'Este pago venció. Vuelve a empezar para pagar.'],
    ['pt', 'Este checkout expirou. Comece de novo para pagar.'],
  ] as const)('useErrorMessage tells an expired session in %s, with provider overrides', async (language, text) => {
    const h = await createCheckoutHarness();
    const expired = new YunoError({
      kind: 'http',
      message: 'Checkout session not found',
      status: 400,
      yunoCode: 'CHECKOUT_SESSION_NOT_FOUND',
      messages: ['The checkout session has expired'],
    });
    const { result } = renderHook(() => [useErrorMessage(expired), useErrorMessage(null), useDeclineMessage('ERROR')], {
      wrapper: ({ children }) => (
        <h.Provider language={language} messages={{ [language]: { 'decline.ERROR': 'custom' } }}>
          {children}
        </h.Provider>
      ),
    });
    expect(result.current).toEqual([text, null, 'custom']);
  });
});
