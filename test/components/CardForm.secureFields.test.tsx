// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CardForm,
  useCardForm,
  useCheckout,
  usePaymentMethods,
  type EnrollResult,
  type Payment,
  type YunoError,
} from 'yuno-react';
import { createCheckoutHarness, type CheckoutHarness } from '../support/checkout';
import {
  createFakeSecureFields,
  fillFrames,
  VALID,
  type FakeSecureFields,
  type FakeSecureFieldsSession,
} from '../support/fakeSecureFields';

afterEach(cleanup);

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';

async function setup(options: Parameters<typeof createCheckoutHarness>[0] = {}) {
  const h = await createCheckoutHarness({ country: 'US', currency: 'USD', ...options });
  const fake = createFakeSecureFields(h.tokenizer);
  return { h, fake };
}

/** The live session once its frames are mounted. */
async function frames(fake: FakeSecureFields, names = ['pan', 'expiration', 'cvv']): Promise<FakeSecureFieldsSession> {
  let session: FakeSecureFieldsSession | undefined;
  await waitFor(() => {
    const live = fake.live();
    expect(live).toHaveLength(1);
    session = live[0]!;
    expect([...session.fields.values()].filter((f) => f.mounted).map((f) => f.name)).toEqual(names);
  });
  return session!;
}

const group = (name: string) => screen.getByRole('group', { name });

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container);
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('<CardForm> on Secure Fields', () => {
  it('mounts one frame per card field under StrictMode, and removes them and the session on unmount', async () => {
    const { h, fake } = await setup();
    const view = render(
      <StrictMode>
        <h.Provider tokenizer={fake.tokenizer}>
          <CardForm />
        </h.Provider>
      </StrictMode>,
    );
    const session = await frames(fake);
    // StrictMode's second mount left one session and one set of frames; any other session was unmounted.
    expect(fake.sessions.filter((s) => s !== session).every((s) => s.unmounted)).toBe(true);
    expect(document.querySelectorAll('[data-fake-secure-field]')).toHaveLength(3);
    expect(session.context).toMatchObject({
      checkoutSession: h.start.checkoutSession,
      countryCode: 'US',
      language: 'en',
    });
    expect(screen.getByRole('form').getAttribute('data-card-fields')).toBe('secure');
    // The page has no input of its own for card data, and each frame has the field's label.
    expect(document.querySelector('input[autocomplete^="cc-number"], input[autocomplete="cc-csc"]')).toBeNull();
    expect(session.fields.get('pan')!.options).toMatchObject({ label: 'Card number', showError: false });
    expect(session.fields.get('expiration')!.options.label).toBe('Expiration date');
    expect(session.fields.get('cvv')!.options.label).toBe('Security code');
    for (const name of ['Card number', 'Expiration date', 'Security code']) {
      expect(group(name).getAttribute('data-state')).toBe('ready');
    }
    // The holder name stays an input of the page.
    expect(screen.getByLabelText('Name on card').tagName).toBe('INPUT');

    view.unmount();
    expect(fake.live()).toHaveLength(0);
    expect(session.created.every((f) => f.unmounted)).toBe(true);
    expect(document.querySelectorAll('[data-fake-secure-field]')).toHaveLength(0);
  });

  it('shows the brand, the code length, errors and validity from the frames’ events, tied to each frame', async () => {
    const { h, fake } = await setup();
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm />
      </h.Provider>,
    );
    const session = await frames(fake);
    const pan = session.fields.get('pan')!;
    const number = group('Card number');
    const field = number.closest('[data-field]')!;
    expect(screen.getByText('3 digits, on your card')).toBeTruthy();

    act(() =>
      pan.emit({
        isDirty: true,
        isValid: false,
        error: 'incomplete',
        data: { brand: 'AMERICAN_EXPRESS', iin: '370000' },
      }),
    );
    expect(field.getAttribute('data-brand')).toBe('AMEX');
    expect(screen.getByText('Card brand: American Express')).toBeTruthy();
    expect(screen.getByText('4 digits, on your card')).toBeTruthy();
    // No error while the shopper is still in the field.
    expect(number.getAttribute('aria-invalid')).toBeNull();

    act(() => pan.focusEvent('blur'));
    const error = screen.getByText('The card number is incomplete.');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(number.getAttribute('aria-describedby')!.split(' ')).toContain(error.id);
    const label = screen.getByText('Card number', { selector: 'label' });
    expect(number.getAttribute('aria-labelledby')).toBe(label.id);

    act(() => pan.emit({ ...VALID, data: { brand: 'AMERICAN_EXPRESS', iin: '370000' } }));
    expect(screen.queryByText('The card number is incomplete.')).toBeNull();
    expect(number.getAttribute('aria-invalid')).toBeNull();
    expect(number.hasAttribute('data-valid')).toBe(true);

    // A click on the label focuses the frame's input.
    await userEvent.setup().click(label);
    expect(document.activeElement).toBe(pan.element!.querySelector('input'));
  });

  it('validates the frames on submit, lists what to fix, and focuses the first invalid field', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const { container } = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm />
      </h.Provider>,
    );
    const session = await frames(fake);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    const summary = (await screen.findByText('Please check the following:')).closest('[role="alert"]');
    const links = within(summary as HTMLElement)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Enter the card number.',
      'Enter the expiration date.',
      'Enter the security code.',
      'Enter the name as it appears on the card.',
    ]);
    expect([...session.fields.values()].map((f) => f.validations)).toEqual([1, 1, 1]);
    await waitFor(() =>
      expect(document.activeElement).toBe(session.fields.get('pan')!.element!.querySelector('input')),
    );
    await user.click(screen.getByRole('link', { name: 'Enter the expiration date.' }));
    expect(document.activeElement).toBe(session.fields.get('expiration')!.element!.querySelector('input'));
    expect(h.counts().tokens).toBe(0);
    await expectNoAxeViolations(container);

    // Fixed frames leave the summary; the first invalid field is then the holder name.
    act(() => fillFrames(session));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name on card')));
    expect(within(summary as HTMLElement).getAllByRole('link')).toHaveLength(1);
  });

  it('pays with the session and the holder name, then empties the frames', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm onSuccess={(payment) => paid.push(payment as Payment)} />
      </h.Provider>,
    );
    const session = await frames(fake);
    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(session.tokenInputs).toEqual([{ type: 'CARD', holderName: 'Ada Lovelace' }]);
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
    expect([...session.fields.values()].map((f) => f.cleared)).toEqual([1, 1, 1]);
    expect((screen.getByLabelText('Name on card') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('form').getAttribute('data-status')).toBe('success');
  });

  it('after a decline, moves the frames to the new checkout session and pays there', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm onSuccess={(payment) => paid.push(payment as Payment)} />
      </h.Provider>,
    );
    const session = await frames(fake);
    fake.card = { ...fake.card, number: DECLINED };
    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('DECLINED');
    expect(session.updates).toEqual([]);

    fake.card = { ...fake.card, number: APPROVED };
    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(2));
    expect(paid[1]!.status).toBe('SUCCEEDED');
    const second = paid[1]!.checkout?.session;
    expect(second).not.toBe(paid[0]!.checkout?.session);
    // The same frames (no new session), pointed at the new checkout session before it was tokenized.
    expect(fake.live()).toEqual([session]);
    expect(session.updates).toEqual([second]);
  });

  it('follows a retry of the checkout (useCheckout().retry) to its new session', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    function Retry() {
      const { retry, status } = useCheckout();
      return (
        <button type="button" onClick={() => void retry()}>
          Retry ({status})
        </button>
      );
    }
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm />
        <Retry />
      </h.Provider>,
    );
    const session = await frames(fake);
    fake.card = { ...fake.card, number: DECLINED };
    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await user.click(await screen.findByRole('button', { name: 'Retry (declined)' }));
    await waitFor(() => expect(session.updates).toHaveLength(1));
    expect(session.updates[0]).not.toBe(h.start.checkoutSession);
    expect(session.context.checkoutSession).toBe(session.updates[0]);
  });
});

/** Saves a card for the harness's customer, as a saved-card list would have. */
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
  if (!saved.vaultedToken) throw new Error('the enrollment gave no vaulted token');
  return saved.vaultedToken;
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

describe('<CardForm mode="cvv"> on Secure Fields', () => {
  it('mounts only a security-code frame and pays the saved card with it', async () => {
    const { h, fake } = await setup({ customer: true });
    const vaultedToken = await saveCard(h, APPROVED);
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <SelectSaved vaultedToken={vaultedToken}>
          <CardForm mode="cvv" onSuccess={(p) => paid.push(p as Payment)} />
        </SelectSaved>
      </h.Provider>,
    );
    const session = await frames(fake, ['cvv']);
    expect(screen.queryByRole('group', { name: 'Card number' })).toBeNull();
    expect(group('Security code')).toBeTruthy();
    act(() => session.fields.get('cvv')!.emit(VALID));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(paid[0]!.payment_method?.vaulted_token).toBe(vaultedToken);
    expect(session.tokenInputs).toEqual([{ type: 'CARD', vaultedToken }]);
  });
});

describe('<CardForm mode="enroll"> on Secure Fields', () => {
  it('makes the frames on a customer session, which the enrollment then uses, and saves the card', async () => {
    const { h, fake } = await setup({ customer: true });
    const user = userEvent.setup();
    const results: EnrollResult[] = [];
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm mode="enroll" onSuccess={(r) => results.push(r as EnrollResult)} />
      </h.Provider>,
    );
    const session = await frames(fake);
    expect(session.context.checkoutSession).toBeUndefined();
    expect(session.context.customerSession).toEqual(expect.any(String));
    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(results).toHaveLength(1));
    expect(results[0]).toMatchObject({ status: 'ENROLLED', vaultedToken: expect.any(String) });
    expect(session.enrollInputs).toEqual([{ type: 'CARD', holderName: 'Ada Lovelace' }]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your card was saved.'));
    // One customer session: the one the frames were made with is the one the card was saved in.
    const methods = await h.client.paymentMethods(h.start.checkoutSession);
    expect(methods.map((m) => m.vaulted_token)).toContain(results[0]!.vaultedToken);
  });
});

describe('<CardForm> and the tokenizer', () => {
  it('uses raw inputs with the server tokenizer, which offers no frames', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', tokenizer: 'server' });
    render(
      <h.Provider>
        <CardForm />
      </h.Provider>,
    );
    expect(screen.getByRole('form').getAttribute('data-card-fields')).toBe('raw');
    expect(screen.getByLabelText('Card number').tagName).toBe('INPUT');
  });

  it('uses raw inputs only when asked, and then makes no Secure Fields session', async () => {
    const { h, fake } = await setup();
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    expect(screen.getByRole('form').getAttribute('data-card-fields')).toBe('raw');
    expect(screen.getByLabelText('Card number').getAttribute('autocomplete')).toBe('cc-number');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.sessions).toHaveLength(0);
    expect(screen.queryByRole('group', { name: 'Card number' })).toBeNull();
  });

  it('says card payments are unavailable when Secure Fields are asked for and the tokenizer has none', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', tokenizer: 'server' });
    render(
      <h.Provider>
        <CardForm cardFields="secure" />
      </h.Provider>,
    );
    expect(
      await screen.findByText(
        'Card payments are not available right now. Try another payment method or come back later.',
      ),
    ).toBeTruthy();
    expect(group('Card number').getAttribute('data-state')).toBe('error');
    expect(screen.queryByRole('textbox', { name: 'Card number' })).toBeNull();
  });

  it('says so when the frames cannot be set up, and never falls back to inputs', async () => {
    const { h, fake } = await setup();
    fake.failWith = new Error('script blocked');
    const errors: Array<YunoError | Error> = [];
    const user = userEvent.setup();
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm onError={(e) => errors.push(e)} />
      </h.Provider>,
    );
    expect(
      await screen.findByText(
        'Card payments are not available right now. Try another payment method or come back later.',
      ),
    ).toBeTruthy();
    expect(group('Card number').getAttribute('data-state')).toBe('error');
    expect(screen.queryByRole('textbox', { name: 'Card number' })).toBeNull();
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(h.counts().tokens).toBe(0);
  });

  it('offers the card’s own installment plans from the number’s frame and pays with the chosen plan', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm onSuccess={(p) => paid.push(p as Payment)} />
      </h.Provider>,
    );
    const session = await frames(fake);
    expect(session.context.installments).toBe(true);
    expect(screen.queryByLabelText('Installments')).toBeNull();
    act(() => {
      fillFrames(session);
      session.fields.get('pan')!.emit({
        ...VALID,
        data: {
          brand: 'VISA',
          iin: '450799',
          installments: [
            { id: 'plan-a-1', installment: 1, amount: { currency: 'USD', value: 25 } },
            { id: 'plan-a-3', installment: 3, amount: { currency: 'USD', value: 8.33 } },
          ],
        },
      });
    });
    const select = (await screen.findByLabelText('Installments')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Pay in full', '3 installments of $8.33']);
    await user.selectOptions(select, '3');
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(session.tokenInputs[0]).toMatchObject({ installment: { id: 'plan-a-3', value: 3 } });
  });
});

describe('<CardForm> on Secure Fields with axe', () => {
  it('has no violations, empty or with every error showing', async () => {
    const { h, fake } = await setup({ country: 'BR', currency: 'BRL', customer: true });
    const user = userEvent.setup();
    const { container } = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm allowSaveCard installments={{ plan: [{ installment: 1, rate: 0 }] }} />
      </h.Provider>,
    );
    await frames(fake);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await screen.findByText('Please check the following:');
    await expectNoAxeViolations(container);
  });

  it('tabs from frame to frame to the holder name in reading order', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm />
      </h.Provider>,
    );
    const session = await frames(fake);
    const order = [
      session.fields.get('pan')!.element!.querySelector('input'),
      session.fields.get('expiration')!.element!.querySelector('input'),
      session.fields.get('cvv')!.element!.querySelector('input'),
      screen.getByLabelText('Name on card'),
      screen.getByRole('button', { name: 'Pay' }),
    ];
    for (const element of order) {
      await user.tab();
      expect(document.activeElement).toBe(element);
    }
  });
});

describe('useCardForm', () => {
  function MyCardForm(props: {
    onSuccess: (p: Payment) => void;
    probe: (card: ReturnType<typeof useCardForm>) => void;
  }) {
    const card = useCardForm({ onSuccess: (p) => props.onSuccess(p as Payment) });
    props.probe(card);
    return (
      <form {...card.getFormProps()} className="my-form">
        {card.alerts.errorSummary.length ? (
          <div role="alert">
            {card.alerts.errorSummaryTitle}
            {card.alerts.errorSummary.map((entry) => (
              <button key={entry.name} type="button" onClick={entry.focus}>
                {entry.message}
              </button>
            ))}
          </div>
        ) : null}
        <div className="row">
          <span {...card.getLabelProps('number')}>{card.fields.number.label}</span>
          <div {...card.getSecureFieldProps('number')} />
          <span {...card.getBrandProps()}>{card.brandLabel}</span>
          <span {...card.getErrorProps('number')}>{card.fields.number.error}</span>
        </div>
        <div className="row">
          <span {...card.getLabelProps('expiry')}>{card.fields.expiry.label}</span>
          <div {...card.getSecureFieldProps('expiry')} />
          <span {...card.getHintProps('expiry')}>{card.fields.expiry.hint}</span>
          <span {...card.getErrorProps('expiry')}>{card.fields.expiry.error}</span>
          <span {...card.getLabelProps('securityCode')}>{card.fields.securityCode.label}</span>
          <div {...card.getSecureFieldProps('securityCode')} />
          <span {...card.getErrorProps('securityCode')}>{card.fields.securityCode.error}</span>
        </div>
        <label {...card.getLabelProps('holderName')}>{card.fields.holderName.label}</label>
        <input {...card.getFieldProps('holderName')} />
        <span {...card.getErrorProps('holderName')}>{card.fields.holderName.error}</span>
        <div role="alert">{card.alerts.server}</div>
        <button {...card.getSubmitProps()}>{card.submitLabel}</button>
      </form>
    );
  }

  it('lays out a form of one’s own around the same frames, with its state and ARIA wiring', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const paid: Payment[] = [];
    let card: ReturnType<typeof useCardForm> | undefined;
    const { container } = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <MyCardForm onSuccess={(p) => paid.push(p)} probe={(c) => (card = c)} />
      </h.Provider>,
    );
    const session = await frames(fake);
    expect(card!.cardFields).toBe('secure');
    expect(card!.secureFieldsStatus).toBe('ready');
    expect(card!.activeFields).toEqual(['number', 'expiry', 'securityCode', 'holderName']);
    expect(() => card!.getFieldProps('number')).toThrow(/getSecureFieldProps/);
    const number = group('Card number');
    const expiry = group('Expiration date');
    expect(expiry.getAttribute('aria-describedby')).toBe(screen.getByText('MM/YY').id);
    expect(card!.isComplete).toBe(false);

    act(() => session.fields.get('pan')!.focusEvent('focus'));
    expect(card!.fields.number.isFocused).toBe(true);
    act(() => {
      session.fields
        .get('pan')!
        .emit({ isDirty: true, isValid: false, error: 'invalid', data: { brand: 'VISA', iin: '450799' } });
      session.fields.get('pan')!.focusEvent('blur');
    });
    expect(card!.brand).toBe('VISA');
    expect(card!.iin).toBe('450799');
    expect(card!.fields.number).toMatchObject({ isDirty: true, isValid: false, isFocused: false });
    expect(card!.fields.number.error).toBe('The card number is not valid. Check it and try again.');
    const describedBy = number.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).toContain(screen.getByText('Card brand: Visa').id);
    expect(describedBy).toContain(screen.getByText('The card number is not valid. Check it and try again.').id);
    expect(number.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() =>
      expect(card!.alerts.errorSummary.map((e) => e.name)).toEqual(['number', 'expiry', 'securityCode', 'holderName']),
    );
    await expectNoAxeViolations(container);

    act(() => fillFrames(session));
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    expect(card!.isComplete).toBe(true);
    expect(card!.fields.holderName).toMatchObject({ isDirty: true, isValid: true });
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(session.tokenInputs).toEqual([{ type: 'CARD', holderName: 'Ada Lovelace' }]);
    expect(card!.status).toBe('success');
  });

  it('gives raw inputs of one’s own the form’s formatting and wiring with cardFields: raw', async () => {
    const { h, fake } = await setup();
    const user = userEvent.setup();
    const paid: Payment[] = [];
    function RawForm() {
      const card = useCardForm({ cardFields: 'raw', onSuccess: (p) => paid.push(p as Payment) });
      return (
        <form {...card.getFormProps()}>
          {(['number', 'expiry', 'securityCode', 'holderName'] as const).map((name) => (
            <div key={name}>
              <label {...card.getLabelProps(name)}>{card.fields[name].label}</label>
              <input {...card.getFieldProps(name)} />
              <span {...card.getErrorProps(name)}>{card.fields[name].error}</span>
            </div>
          ))}
          <button {...card.getSubmitProps()}>{card.submitLabel}</button>
        </form>
      );
    }
    render(
      <h.Provider tokenizer={fake.tokenizer}>
        <RawForm />
      </h.Provider>,
    );
    const number = screen.getByLabelText('Card number') as HTMLInputElement;
    expect(number.getAttribute('autocomplete')).toBe('cc-number');
    await user.type(number, '4507');
    await user.tab();
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(number.getAttribute('aria-describedby')).toBe(screen.getByText('The card number is incomplete.').id);
    await user.clear(number);
    await user.type(number, APPROVED);
    expect(number.value).toBe('4507 9900 0000 0002');
    await user.type(screen.getByLabelText('Expiration date'), '1130');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.type(screen.getByLabelText('Name on card'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(number.value).toBe('');
    expect(fake.sessions).toHaveLength(0);
  });
});
