// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NextAction,
  NextActionRedirect,
  PayButton,
  PaymentMethodList,
  PaymentResult,
  useCheckout,
  type YunoLanguage,
  type YunoTokenizer,
} from 'yuno-react';
import { createCheckoutHarness, testCard, type CheckoutHarness } from '../support/checkout';

afterEach(cleanup);

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a layout engine: it is checked in the browser, on the themed stories. jsdom loads no frame
  // content, so axe does not descend into the 3DS iframe (the frame element itself is checked).
  const results = await axe.run(container, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
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

function renderApmCheckout(h: CheckoutHarness, method: string, language: YunoLanguage = 'en') {
  return render(
    <h.Provider language={language}>
      <PaymentMethodList defaultValue={method} />
      <PayButton />
      <NextAction />
      <PaymentResult />
    </h.Provider>,
  );
}

async function payWith(method: string) {
  const user = userEvent.setup();
  await screen.findByRole('radio', { name: method, checked: true });
  await user.click(screen.getByRole('button', { name: `Pay with ${method}` }));
  return user;
}

describe('<NextAction>', () => {
  it('renders nothing while no step is needed', async () => {
    const h = await createCheckoutHarness();
    const { container } = render(
      <h.Provider>
        <NextAction data-testid="action" />
      </h.Provider>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('PIX: QR image, labelled copy-and-paste code, copy announced, countdown, then approved when paid', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    const { container } = renderApmCheckout(h, 'PIX');
    const user = await payWith('PIX');

    const image = await screen.findByRole('img', { name: 'QR code to pay with PIX' });
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(container.querySelector('[data-slot="next-action"]')?.getAttribute('data-type')).toBe('qr');
    const code = screen.getByLabelText('PIX copy-and-paste code') as HTMLInputElement;
    expect(code.readOnly).toBe(true);
    const payment = h.sandbox.listPayments()[0]!;
    expect(code.value).toBe(payment.payment_method?.payment_method_detail?.bank_transfer?.payment_instruction);
    expect(code.value).toMatch(/^000201/);
    expect(screen.getByRole('timer').textContent).toMatch(/^Expires in (30:00|29:[0-5]\d)$/);
    expect(screen.getByText('Follow the steps shown to finish your payment.').getAttribute('role')).toBe('status');
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await navigator.clipboard.readText()).toBe(code.value);
    await screen.findByText('Code copied to the clipboard.');
    expect(screen.getByRole('button', { name: 'Copy code' }).dataset.state).toBe('copied');

    await act(() => h.sandbox.settlePayment(payment.id, 'SUCCEEDED'));
    await screen.findByText('Payment approved. Thank you!');
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
  });

  it('PIX: announces that the code has expired once its time is up', async () => {
    // The sandbox's clock runs 31 minutes behind the page's, so the 30-minute code is already past its expiry.
    const h = await createCheckoutHarness({
      country: 'BR',
      currency: 'BRL',
      amount: 50,
      sandbox: { now: Date.now() - 31 * 60_000 },
    });
    const { container } = renderApmCheckout(h, 'PIX');
    await payWith('PIX');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This code has expired. Start again to get a new one.');
    expect(alert.dataset.state).toBe('expired');
    expect(screen.queryByRole('timer')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('PIX: the countdown goes down every second', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    renderApmCheckout(h, 'PIX');
    await payWith('PIX');
    const timer = await screen.findByRole('timer');
    const first = timer.textContent;
    await waitFor(() => expect(screen.getByRole('timer').textContent).not.toBe(first), { timeout: 2500 });
  });

  it('PIX: says so when the clipboard refuses the code', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    renderApmCheckout(h, 'PIX');
    await payWith('PIX');
    const button = await screen.findByRole('button', { name: 'Copy code' });
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
    try {
      fireEvent.click(button);
      await screen.findByText('The code could not be copied. Select it and copy it yourself.');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
    }
  });

  it.each([
    ['es', 'Pagar con PIX', 'Código PIX para copiar y pegar', 'Copiar código', /^Vence en \d+:\d\d$/],
    ['pt', 'Pagar com PIX', 'Código PIX copia e cola', 'Copiar código', /^Expira em \d+:\d\d$/],
  ] as const)('PIX in %s', async (language, pay, codeLabel, copy, countdown) => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL', amount: 50 });
    renderApmCheckout(h, 'PIX', language);
    const user = userEvent.setup();
    await screen.findByRole('radio', { name: 'PIX', checked: true });
    await user.click(screen.getByRole('button', { name: pay }));
    expect((await screen.findByLabelText(codeLabel)).tagName).toBe('INPUT');
    expect(screen.getByRole('button', { name: copy })).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toMatch(countdown);
  });

  it('OXXO: a voucher with reference, barcode, instructions, due date and printable voucher', async () => {
    const h = await createCheckoutHarness({ country: 'MX', currency: 'MXN', amount: 300 });
    const { container } = renderApmCheckout(h, 'OXXO');
    const user = await payWith('OXXO');
    const voucher = await screen.findByText('Payment reference');
    const ticket = h.sandbox.listPayments()[0]!.payment_method!.payment_method_detail!.ticket!;
    const details = voucher.closest('dl')!;
    const values = Array.from(details.querySelectorAll('dd'), (dd) => dd.textContent);
    expect(values.slice(0, 2)).toEqual([ticket.provider_number, ticket.provider_barcode]);
    expect(within(details).getByText('Barcode number')).toBeTruthy();
    expect(within(details).getByText('Pay before')).toBeTruthy();
    expect(details.querySelector('time')?.getAttribute('dateTime')).toBe(new Date(ticket.expires_at!).toISOString());
    expect(screen.getByText(ticket.payment_instruction!)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'View and print the OXXO voucher (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe(ticket.redirect_url);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await navigator.clipboard.readText()).toBe(ticket.provider_number);
  });

  it('PSE: a link to the bank, which settles the payment', async () => {
    const h = await createCheckoutHarness({ country: 'CO', currency: 'COP', amount: 8000 });
    const { container } = renderApmCheckout(h, 'PSE');
    await payWith('PSE');
    const link = await screen.findByRole('link', { name: 'Continue to PSE to pay' });
    const payment = h.sandbox.listPayments()[0]!;
    expect(link.getAttribute('href')).toBe(`${h.sandbox.baseUrl}/_sandbox/redirect/${payment.id}`);
    await expectNoAxeViolations(container);

    // The bank's page approves the payment (what its "Approve" button posts).
    const approved = await h.sandbox.fetch(`${h.sandbox.baseUrl}/_sandbox/redirect/${payment.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve',
      redirect: 'manual',
    });
    expect(approved.status).toBeLessThan(400);
    await screen.findByText('Payment approved. Thank you!');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('redirect with asChild: the URL goes to your element', async () => {
    const h = await createCheckoutHarness({ country: 'CO', currency: 'COP', amount: 8000 });
    render(
      <h.Provider>
        <PaymentMethodList defaultValue="PSE" />
        <PayButton />
        <NextAction>
          <NextActionRedirect asChild>
            <a className="button-link">Go to your bank</a>
          </NextActionRedirect>
        </NextAction>
      </h.Provider>,
    );
    await payWith('PSE');
    const link = await screen.findByRole('link', { name: 'Go to your bank' });
    expect(link.className).toBe('button-link');
    expect(link.getAttribute('href')).toMatch(/\/_sandbox\/redirect\//);
  });

  it('3DS: shows the challenge page and reads the payment again when it posts its result (1234 → approved)', async () => {
    const h = await createCheckoutHarness();
    // Slow polling, so that only the challenge page's message can bring the result in time.
    const { container } = render(
      <h.Provider pollInterval={() => 60_000}>
        <PayWithCard number="4916994064252017" />
        <NextAction />
        <PaymentResult />
      </h.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pay by card' }));
    const frame = await screen.findByTitle('Verify your payment with your bank');
    expect(frame.tagName).toBe('IFRAME');
    const cs = h.start.checkoutSession;
    // In an iframe, Yuno's challenge page is asked for its embedded layout.
    expect(frame.getAttribute('src')).toBe(`${h.sandbox.baseUrl}/_sandbox/3ds/${cs}?embedded=true`);
    await expectNoAxeViolations(container);
    await waitFor(() => expect(h.counts().paymentReads).toBeGreaterThan(0));

    await h.sandbox.completeThreeDSecure(cs, '1234');
    const reads = h.counts().paymentReads;
    // Messages that are not the challenge's, or are about another checkout, change nothing.
    window.postMessage({ origin: 'OTHER', status: 'SUCCEEDED' }, '*');
    window.postMessage({ origin: 'CHALLENGE', status: 'SUCCEEDED', checkoutSession: 'another-session' }, '*');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.counts().paymentReads).toBe(reads);
    expect(screen.getByTitle('Verify your payment with your bank')).toBeTruthy();

    window.postMessage({ origin: 'CHALLENGE', status: 'SUCCEEDED', checkoutSession: cs }, '*');
    await screen.findByText('Payment approved. Thank you!');
    expect(screen.queryByTitle('Verify your payment with your bank')).toBeNull();
  });

  it('3DS: a failed challenge (1111) ends in a decline the shopper understands', async () => {
    const h = await createCheckoutHarness();
    render(
      <h.Provider pollInterval={() => 60_000}>
        <PayWithCard number="4916994064252017" />
        <NextAction />
        <PaymentResult />
      </h.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pay by card' }));
    await screen.findByTitle('Verify your payment with your bank');
    await h.sandbox.completeThreeDSecure(h.start.checkoutSession, '1111');
    // Some challenge pages post their message as a JSON string.
    window.postMessage(JSON.stringify({ origin: 'CHALLENGE', status: 'DECLINED' }), '*');
    await screen.findByText(
      'Payment declined. Your bank could not verify that it is you. Try again or use another card.',
    );
  });

  it('3DS: adds embedded=true to a challenge URL that has a query of its own, keeping its parameters', async () => {
    const h = await createCheckoutHarness();
    const tokenizer: YunoTokenizer = {
      ...h.tokenizer,
      async getThreeDSecureChallengeUrl(context) {
        const url = await h.tokenizer.getThreeDSecureChallengeUrl!(context);
        return `${url}?lang=es&embedded=false`;
      },
    };
    render(
      <h.Provider tokenizer={tokenizer} pollInterval={() => 60_000}>
        <PayWithCard number="4916994064252017" />
        <NextAction />
      </h.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pay by card' }));
    const frame = await screen.findByTitle('Verify your payment with your bank');
    expect(frame.getAttribute('src')).toBe(
      `${h.sandbox.baseUrl}/_sandbox/3ds/${h.start.checkoutSession}?lang=es&embedded=true`,
    );
    // The sandbox's challenge page takes the parameter as Yuno's does.
    const page = await h.sandbox.fetch(frame.getAttribute('src')!);
    expect(page.status).toBe(200);
  });

  it('3DS: leaves a blob: challenge page (the sandbox’s in-page copy) as it is', async () => {
    const h = await createCheckoutHarness();
    const blobUrl = 'blob:http://localhost:3000/4f6c1a52-9d0e-4a5b-8f0e-2b8c9d1e7a10';
    const tokenizer: YunoTokenizer = { ...h.tokenizer, getThreeDSecureChallengeUrl: async () => blobUrl };
    render(
      <h.Provider tokenizer={tokenizer} pollInterval={() => 60_000}>
        <PayWithCard number="4916994064252017" />
        <NextAction />
      </h.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pay by card' }));
    const frame = await screen.findByTitle('Verify your payment with your bank');
    expect(frame.getAttribute('src')).toBe(blobUrl);
  });

  it('3DS: when Yuno answers that no challenge is needed (null url), no error and the payment is followed to its end', async () => {
    const h = await createCheckoutHarness();
    const asked: Array<string | null> = [];
    const tokenizer: YunoTokenizer = {
      ...h.tokenizer,
      async getThreeDSecureChallengeUrl(context) {
        // The issuer settles the authentication without the shopper, so Yuno's SDK has no challenge page to give.
        await h.sandbox.completeThreeDSecure(context.checkoutSession, '1234');
        const url = await h.tokenizer.getThreeDSecureChallengeUrl!(context);
        asked.push(url);
        return url;
      },
    };
    render(
      <h.Provider tokenizer={tokenizer}>
        <PayWithCard number="4916994064252017" />
        <NextAction />
        <PaymentResult />
      </h.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pay by card' }));
    // The status polling brings the result in; no challenge frame and no error on the way.
    await screen.findByText('Payment approved. Thank you!');
    expect(asked).toEqual([null]);
    expect(screen.queryByTitle('Verify your payment with your bank')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(h.counts().payments).toBe(1);
  });
});
