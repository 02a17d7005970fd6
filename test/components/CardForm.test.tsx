// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Profiler, useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CardForm,
  CardFormField,
  CardFormSubmit,
  isYunoError,
  useCheckout,
  usePaymentMethods,
  type CardFormRenderProps,
  type Payment,
  type YunoError,
} from 'yuno-react';
import { createCheckoutHarness, type CheckoutHarness } from '../support/checkout';

afterEach(cleanup);

const APPROVED = '4507990000000002';
const DECLINED = '4507990000000010';
const AMEX = '370000000000002';
const expiry = `11/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function fillCard(user: UserEvent, number = APPROVED, securityCode = '123') {
  await user.type(input('Card number'), number);
  await user.type(input('Expiration date'), expiry.replace('/', ''));
  await user.type(input('Security code'), securityCode);
  await user.type(input('Name on card'), 'Ada Lovelace');
}

/** Every string reachable from a value (objects, arrays, Maps, Sets), to look for card data anywhere in it. */
function stringsIn(root: unknown): string[] {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 40) return;
    if (typeof value === 'string') out.push(value);
    if (typeof value === 'number') out.push(String(value));
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Node) return;
    if (value instanceof Map) for (const [k, v] of value) [k, v].forEach((x) => walk(x, depth + 1));
    else if (value instanceof Set) for (const v of value) walk(v, depth + 1);
    else for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key], depth + 1);
  };
  walk(root, 0);
  return out;
}

function expectNoCardData(where: string, root: unknown, number: string, securityCode: string) {
  const strings = stringsIn(root);
  expect(
    strings.filter((s) => s.replace(/\D/g, '').includes(number)),
    `${where}: card number`,
  ).toEqual([]);
  expect(
    strings.filter((s) => s === securityCode),
    `${where}: security code`,
  ).toEqual([]);
}

function expectCachesClean(h: CheckoutHarness, number: string, securityCode: string) {
  const queries = h.queryClient
    .getQueryCache()
    .getAll()
    .map((q) => ({ key: q.queryKey, state: q.state }));
  const mutations = h.queryClient
    .getMutationCache()
    .getAll()
    .map((m) => m.state);
  expectNoCardData('query cache', queries, number, securityCode);
  expectNoCardData('mutation cache', mutations, number, securityCode);
}

describe('<CardForm cardFields="raw"> pays a new card', () => {
  it('selects the session’s card method, pays, and then holds no card number or code anywhere', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    let api: CardFormRenderProps | undefined;
    render(
      <h.Provider>
        <CardForm cardFields="raw" onSuccess={(payment) => paid.push(payment as Payment)}>
          {(props) => {
            api = props;
            return (
              <>
                <CardFormField name="number" />
                <CardFormField name="expiry" />
                <CardFormField name="securityCode" />
                <CardFormField name="holderName" />
                <CardFormField name="documentType" />
                <CardFormField name="documentNumber" />
                <CardFormSubmit />
              </>
            );
          }}
        </CardForm>
      </h.Provider>,
    );
    await fillCard(user, APPROVED, '987');
    await user.type(input('Document number'), '529.982.247-25');
    expect(api!.form.getValues('number')).toBe('4507 9900 0000 0002');
    await user.click(screen.getByRole('button', { name: 'Pay' }));

    await waitFor(() => expect(paid).toHaveLength(1));
    const payment = paid[0]!;
    expect(payment.status).toBe('SUCCEEDED');
    expect(payment.payment_method?.type).toBe('CARD');
    expect(payment.customer_payer?.document).toMatchObject({ document_type: 'CPF', document_number: '529.982.247-25' });
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });

    // DOM: every input empty again, and the number in no attribute or text.
    for (const label of ['Card number', 'Expiration date', 'Security code', 'Name on card', 'Document number']) {
      expect(input(label).value, label).toBe('');
    }
    expect(document.body.innerHTML.replace(/\D/g, '')).not.toContain(APPROVED);
    // Form state: values and defaults empty, nothing left in the react-hook-form instance.
    const form = api!.form;
    expect(form.getValues()).toMatchObject({ number: '', expiry: '', securityCode: '', holderName: '' });
    expectNoCardData('form values', form.getValues(), APPROVED, '987');
    expectNoCardData('form state', { ...form.formState }, APPROVED, '987');
    expectNoCardData('form control', form.control, APPROVED, '987');
    expect(api!.status).toBe('success');
    expectCachesClean(h, APPROVED, '987');
  });

  it('reports a declined card through onSuccess, with the payment, and empties the form too', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    const errors: unknown[] = [];
    render(
      <h.Provider>
        <CardForm
          cardFields="raw"
          onSuccess={(payment) => paid.push(payment as Payment)}
          onError={(e) => errors.push(e)}
        />
      </h.Provider>,
    );
    await fillCard(user, DECLINED);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('DECLINED');
    expect(errors).toEqual([]);
    expect(input('Card number').value).toBe('');
    // A decline is not a failed request: the decline's reason is <PaymentResult>'s to tell.
    expect(
      within(screen.getByRole('form'))
        .getAllByRole('alert')
        .every((a) => a.textContent === ''),
    ).toBe(true);

    // The shopper types another card: a fresh checkout session takes the second payment.
    await fillCard(user, APPROVED);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(2));
    expect(paid[1]!.status).toBe('SUCCEEDED');
    expect(paid[1]!.checkout?.session).not.toBe(paid[0]!.checkout?.session);
  });

  it('sends the chosen installments and the save-card choice', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider>
        <CardForm
          cardFields="raw"
          allowSaveCard
          installments={{
            plan_id: 'plan-6',
            plan: [
              { installment: 1, rate: 0 },
              { installment: 3, rate: 0 },
              { installment: 6, rate: 2.5 },
            ],
          }}
          onSuccess={(payment) => paid.push(payment as Payment)}
        />
      </h.Provider>,
    );
    const select = screen.getByLabelText('Installments') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Pay in full',
      '3 installments, interest-free',
      '6 installments, 2.5% interest',
    ]);
    await fillCard(user);
    await user.selectOptions(select, '3 installments, interest-free');
    await user.click(screen.getByLabelText('Save this card for future purchases'));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.payment_method?.payment_method_detail?.card?.installments).toBe(3);
    expect(paid[0]!.payment_method?.vaulted_token).toBeTruthy();
    // Reset to the defaults: the first option, the box unticked.
    expect(select.value).toBe('1');
    expect((screen.getByLabelText('Save this card for future purchases') as HTMLInputElement).checked).toBe(false);
  });
});

describe('<CardForm cardFields="raw"> number, expiry and security code inputs', () => {
  it('formats by brand as the shopper types, and shows the brand', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    const number = input('Card number');
    const field = number.closest('[data-field="number"]') as HTMLElement;
    expect(field.hasAttribute('data-brand')).toBe(false);
    await user.type(number, '3700000000000021234');
    expect(number.value).toBe('3700 000000 00002');
    expect(field.getAttribute('data-brand')).toBe('AMEX');
    expect(within(field).getByText('Card brand: American Express')).toBeTruthy();
    expect(number.getAttribute('aria-describedby')).toContain(within(field).getByText(/Card brand/).id);
    // The security code follows the brand: 4 digits for American Express.
    expect(input('Security code').maxLength).toBe(4);
    expect(screen.getByText('4 digits, on your card')).toBeTruthy();

    await user.clear(number);
    await user.type(number, '45079900000000000029');
    expect(number.value).toBe('4507 9900 0000 0000 002');
    expect(field.getAttribute('data-brand')).toBe('VISA');
    expect(input('Security code').maxLength).toBe(3);
    expect(screen.getByText('3 digits, on your card')).toBeTruthy();
  });

  it('formats a pasted spaced or dashed number and keeps the caret after the same digit', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    const number = input('Card number');
    await user.click(number);
    await user.paste('4507-9900-0000-0002');
    expect(number.value).toBe('4507 9900 0000 0002');
    expect(number.selectionStart).toBe(19);

    await user.clear(number);
    await user.paste(' 3700 000000 00002 ');
    expect(number.value).toBe('3700 000000 00002');

    // Pasting into the middle: the caret lands after the pasted digits, not at the end.
    await user.clear(number);
    await user.type(number, '45079900');
    number.setSelectionRange(4, 4);
    await user.paste('12');
    expect(number.value).toBe('4507 1299 00');
    expect(number.selectionStart).toBe(7);

    // Backspace just after a group's space removes the digit before it.
    await user.clear(number);
    await user.type(number, '45079900');
    number.setSelectionRange(5, 5);
    await user.keyboard('{Backspace}');
    expect(number.value).toBe('4509 900');
    expect(number.selectionStart).toBe(3);
  });

  it('adds the expiry slash and lets Backspace take it away; the code takes digits only', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    const exp = input('Expiration date');
    await user.type(exp, '12');
    expect(exp.value).toBe('12/');
    await user.type(exp, '30');
    expect(exp.value).toBe('12/30');
    await user.keyboard('{Backspace}{Backspace}');
    expect(exp.value).toBe('12');
    await user.clear(exp);
    await user.type(exp, '4');
    expect(exp.value).toBe('04/');
    await user.clear(exp);
    await user.paste('11/2031');
    expect(exp.value).toBe('11/31');

    const code = input('Security code');
    await user.type(code, 'a1b2c3d4');
    expect(code.value).toBe('123');
  });

  it('re-renders no other field while the shopper types the number', async () => {
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const user = userEvent.setup();
    const renders = { number: 0, others: 0, securityCode: 0 };
    const count = (id: string) => () => {
      renders[id as keyof typeof renders] += 1;
    };
    render(
      <h.Provider>
        <CardForm cardFields="raw">
          <Profiler id="number" onRender={count('number')}>
            <CardFormField name="number" />
          </Profiler>
          <Profiler id="others" onRender={count('others')}>
            <CardFormField name="expiry" />
            <CardFormField name="holderName" />
            <CardFormField name="documentType" />
            <CardFormField name="documentNumber" />
            <CardFormSubmit />
          </Profiler>
          <Profiler id="securityCode" onRender={count('securityCode')}>
            <CardFormField name="securityCode" />
          </Profiler>
        </CardForm>
      </h.Provider>,
    );
    await screen.findByLabelText('Card number');
    await act(async () => undefined);
    Object.assign(renders, { number: 0, others: 0, securityCode: 0 });

    await user.type(input('Card number'), APPROVED);
    expect(input('Card number').value).toBe('4507 9900 0000 0002');
    expect(renders.others).toBe(0);
    // Visa's code has 3 digits, as before any brand: the security code field has nothing to update.
    expect(renders.securityCode).toBe(0);
    // The number field itself re-renders for its brand (none → Visa), not for each of the 16 keystrokes.
    expect(renders.number).toBeGreaterThan(0);
    expect(renders.number).toBeLessThanOrEqual(2);

    await user.clear(input('Card number'));
    Object.assign(renders, { number: 0, others: 0, securityCode: 0 });
    await user.type(input('Card number'), AMEX);
    expect(renders.others).toBe(0);
    // American Express: one update of the security code field, to 4 digits.
    expect(renders.securityCode).toBe(1);

    // With every field showing an error, typing re-validates the number alone.
    await user.clear(input('Card number'));
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(input('Expiration date').getAttribute('aria-invalid')).toBe('true'));
    Object.assign(renders, { number: 0, others: 0, securityCode: 0 });
    await user.type(input('Card number'), APPROVED);
    expect(input('Card number').hasAttribute('aria-invalid')).toBe(false);
    expect(renders.others).toBe(0);
    expect(renders.securityCode).toBe(0);
  });
});

describe('<CardForm cardFields="raw"> document and country', () => {
  it('asks for the document in Brazil, Colombia, Argentina, Chile and Mexico, not elsewhere unless told', async () => {
    const types: Record<string, string[]> = {
      BR: ['CPF', 'CNPJ'],
      CO: ['Citizenship card (CC)', 'NIT'],
      AR: ['DNI', 'CUIL/CUIT'],
      CL: ['RUT'],
      MX: ['CURP', 'RFC'],
    };
    for (const [country, labels] of Object.entries(types)) {
      const h = await createCheckoutHarness({ country, currency: 'USD' });
      const view = render(
        <h.Provider>
          <CardForm cardFields="raw" />
        </h.Provider>,
      );
      const select = view.getByLabelText('Document type') as HTMLSelectElement;
      expect(
        [...select.options].map((o) => o.textContent),
        country,
      ).toEqual(labels);
      expect(view.getByLabelText('Document number')).toBeTruthy();
      view.unmount();
    }
    const us = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const plain = render(
      <us.Provider>
        <CardForm cardFields="raw" />
      </us.Provider>,
    );
    expect(plain.queryByLabelText('Document type')).toBeNull();
    plain.unmount();
    const forced = render(
      <us.Provider>
        <CardForm cardFields="raw" requireDocument />
      </us.Provider>,
    );
    expect([...(forced.getByLabelText('Document type') as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      'PASSPORT',
    ]);
    forced.unmount();
    const br = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const off = render(
      <br.Provider>
        <CardForm cardFields="raw" requireDocument={false} />
      </br.Provider>,
    );
    expect(off.queryByLabelText('Document number')).toBeNull();
  });
});

describe('<CardForm cardFields="raw"> pending and failures', () => {
  it('marks the button busy while paying and sends one payment however often it is pressed', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', sandbox: { latencyMs: 60 } });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider>
        <CardForm cardFields="raw" onSuccess={(payment) => paid.push(payment as Payment)} />
      </h.Provider>,
    );
    await fillCard(user);
    const button = screen.getByRole('button', { name: 'Pay' });
    await user.click(button);
    expect(button.textContent).toBe('Processing…');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Processing your card. Please wait.');
    expect(screen.getByRole('form').getAttribute('data-status')).toBe('pending');
    await user.click(button);
    await user.type(input('Name on card'), '{Enter}');
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(button.textContent).toBe('Pay');
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(h.counts()).toMatchObject({ tokens: 1, payments: 1 });
  });

  it('tells the shopper what to do when the payment service fails, keeps the card, and pays on the next try', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    const errors: YunoError[] = [];
    render(
      <h.Provider>
        <CardForm
          cardFields="raw"
          onSuccess={(p) => paid.push(p as Payment)}
          onError={(e) => errors.push(e as YunoError)}
        />
      </h.Provider>,
    );
    const remove = h.sandbox.faults.inject({ match: { method: 'POST', path: '/v1/payments' }, type: 'network' });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    const alert = await screen.findByText(
      'We could not reach the payment service. Check your connection and try again.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(errors).toHaveLength(1);
    expect(isYunoError(errors[0])).toBe(true);
    expect(screen.getByRole('form').getAttribute('data-status')).toBe('error');
    expect(input('Card number').value).toBe('4507 9900 0000 0002');

    remove();
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(alert.textContent).toBe('');
  });

  it('starts a new checkout session after one has ended', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider>
        <CardForm cardFields="raw" onSuccess={(p) => paid.push(p as Payment)} />
      </h.Provider>,
    );
    h.sandbox.faults.inject({
      match: { method: 'POST', path: '/v1/payments' },
      type: 'status',
      status: 400,
      code: 'CHECKOUT_SESSION_NOT_FOUND',
      messages: ['The checkout session has expired'],
      times: 1,
    });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await screen.findByText('This payment session has ended. Try again to start a new one.');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(paid[0]!.checkout?.session).not.toBe(h.start.checkoutSession);
  });

  it('says card payments are unavailable when the shop cannot take them', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    h.sandbox.faults.inject({
      match: { method: 'POST', path: '/v1/payments' },
      type: 'status',
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    await fillCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(
      await screen.findByText(
        'Card payments are not available right now. Try another payment method or come back later.',
      ),
    ).toBeTruthy();
  });
});

/** Saves a card for the harness's customer and selects it, as a saved-card list would. */
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

function SelectSaved({ vaultedToken, children }: { vaultedToken: string; children: ReactNode }) {
  const { data } = usePaymentMethods();
  const { select, selectedMethod } = useCheckout();
  const method = data?.find((m) => m.vaulted_token === vaultedToken);
  useEffect(() => {
    if (method) select(method);
  }, [method, select]);
  return selectedMethod?.vaultedToken ? children : null;
}

describe('<CardForm cardFields="raw" mode="cvv">', () => {
  it('asks only for the saved card’s security code, of its brand’s length, and pays with it', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const vaultedToken = await saveCard(h, AMEX);
    const user = userEvent.setup();
    const paid: Payment[] = [];
    render(
      <h.Provider>
        <SelectSaved vaultedToken={vaultedToken}>
          <CardForm cardFields="raw" mode="cvv" onSuccess={(p) => paid.push(p as Payment)} />
        </SelectSaved>
      </h.Provider>,
    );
    const code = (await screen.findByLabelText('Security code')) as HTMLInputElement;
    expect(screen.queryByLabelText('Card number')).toBeNull();
    expect(screen.queryByLabelText('Expiration date')).toBeNull();
    expect(screen.getByRole('form', { name: 'Pay with a saved card' })).toBeTruthy();
    expect(await screen.findByText('4 digits, on your card ending in 0002')).toBeTruthy();
    expect(code.maxLength).toBe(4);

    await user.type(code, '123{Enter}');
    expect(await screen.findByText('The security code has 4 digits.', { selector: 'p' })).toBeTruthy();
    await user.type(code, '4');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(paid).toHaveLength(1));
    expect(paid[0]!.status).toBe('SUCCEEDED');
    expect(paid[0]!.payment_method?.vaulted_token).toBe(vaultedToken);
    expect(code.value).toBe('');
    expectCachesClean(h, AMEX, '1234');
  });

  it('asks to choose a saved card when none is selected', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const user = userEvent.setup();
    const errors: Error[] = [];
    render(
      <h.Provider>
        <CardForm cardFields="raw" mode="cvv" onError={(e) => errors.push(e)} />
      </h.Provider>,
    );
    await user.type(input('Security code'), '123');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(await screen.findByText('Choose a saved card first.')).toBeTruthy();
    expect(errors).toHaveLength(1);
    expect(h.counts().payments).toBe(0);
  });
});

describe('<CardForm cardFields="raw" mode="enroll">', () => {
  it('saves the card through useEnrollment, says so, and keeps no card data', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const user = userEvent.setup();
    const results: unknown[] = [];
    let api: CardFormRenderProps | undefined;
    render(
      <h.Provider>
        <CardForm cardFields="raw" mode="enroll" onSuccess={(r) => results.push(r)}>
          {(props) => {
            api = props;
            return (
              <>
                <CardFormField name="number" />
                <CardFormField name="expiry" />
                <CardFormField name="securityCode" />
                <CardFormField name="holderName" />
                <CardFormField name="saveCard" />
                <CardFormField name="installments" />
                <CardFormSubmit />
              </>
            );
          }}
        </CardForm>
      </h.Provider>,
    );
    expect(screen.getByRole('form', { name: 'Save a card' })).toBeTruthy();
    // Saving is the point of the mode, and there is no payment to split.
    expect(screen.queryByLabelText('Save this card for future purchases')).toBeNull();
    expect(screen.queryByLabelText('Installments')).toBeNull();
    await fillCard(user, APPROVED, '987');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(results).toHaveLength(1));
    expect(results[0]).toMatchObject({ status: 'ENROLLED', vaultedToken: expect.any(String) });
    expect(input('Card number').value).toBe('');
    expect(input('Security code').value).toBe('');
    expectNoCardData('form values', api!.form.getValues(), APPROVED, '987');
    expectNoCardData('form control', api!.form.control, APPROVED, '987');
    expectCachesClean(h, APPROVED, '987');
    const methods = await h.client.paymentMethods(h.start.checkoutSession);
    expect(methods[0]?.vaulted_token).toBe((results[0] as { vaultedToken: string }).vaultedToken);
  });

  it('announces the saved card in its status region', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD', customer: true });
    const user = userEvent.setup();
    render(
      <h.Provider language="pt">
        <CardForm cardFields="raw" mode="enroll" />
      </h.Provider>,
    );
    await user.type(input('Número do cartão'), APPROVED);
    await user.type(input('Data de validade'), expiry);
    await user.type(input('Código de segurança'), '123');
    await user.type(input('Nome impresso no cartão'), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Salvar cartão' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Seu cartão foi salvo.'));
  });
});

describe('<CardForm cardFields="raw"> customisation', () => {
  it('takes className functions of state, a button of your own and strings of your own', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider
        language="es"
        messages={{ es: { 'cardForm.number.label': 'Tarjeta', 'cardForm.submit.pay': 'Comprar' } }}
      >
        <CardForm cardFields="raw" className={({ status, mode }) => `form ${mode} ${status}`}>
          <CardFormField name="number" className={({ invalid, brand }) => `field ${invalid ? 'bad' : 'ok'} ${brand}`} />
          <CardFormSubmit asChild className={({ pending }) => (pending ? 'busy' : 'idle')}>
            <a href="#pay" role="button" onClick={(event) => event.preventDefault()}>
              Comprar ahora
            </a>
          </CardFormSubmit>
        </CardForm>
      </h.Provider>,
    );
    expect(screen.getByRole('form').className).toBe('form pay idle');
    const number = screen.getByLabelText('Tarjeta');
    await user.type(number, '4111');
    await user.tab();
    const field = number.closest('[data-field]') as HTMLElement;
    expect(field.className).toBe('field bad VISA');
    expect(field.hasAttribute('data-invalid')).toBe(true);
    const button = screen.getByRole('button', { name: 'Comprar ahora' });
    expect(button.tagName).toBe('A');
    expect(button.className).toBe('idle');
  });
});
