// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CardForm, CardFormErrorSummary, CardFormField, CardFormSubmit, type CardFormRenderProps } from 'yuno-react';
import { createCheckoutHarness } from '../support/checkout';

afterEach(cleanup);

const year = new Date().getFullYear();
const yy = (offset: number) => String((year + offset) % 100).padStart(2, '0');

type Field = 'number' | 'expiry' | 'securityCode' | 'holderName' | 'documentType' | 'documentNumber' | 'installments';

interface Language {
  labels: Record<Field, string>;
  pay: string;
  summary: string;
  errors: {
    number: { required: string; incomplete: string; invalid: string };
    expiry: { required: string; invalid: string; past: string; tooFar: string };
    securityCode: { required: string; three: string; four: string };
    holderName: { required: string; invalid: string };
    documentType: { required: string };
    documentNumber: { required: string; invalidCpf: string };
    installments: { required: string };
  };
}

/** What the shopper reads, written out here so that a changed catalog entry fails the test. */
const LANGUAGES: Record<'en' | 'es' | 'pt', Language> = {
  en: {
    labels: {
      number: 'Card number',
      expiry: 'Expiration date',
      securityCode: 'Security code',
      holderName: 'Name on card',
      documentType: 'Document type',
      documentNumber: 'Document number',
      installments: 'Installments',
    },
    pay: 'Pay',
    summary: 'Please check the following:',
    errors: {
      number: {
        required: 'Enter the card number.',
        incomplete: 'The card number is incomplete.',
        invalid: 'The card number is not valid. Check it and try again.',
      },
      expiry: {
        required: 'Enter the expiration date.',
        invalid: 'Enter the expiration date as MM/YY.',
        past: 'This card has expired.',
        tooFar: 'The expiration date is too far in the future. Check it.',
      },
      securityCode: {
        required: 'Enter the security code.',
        three: 'The security code has 3 digits.',
        four: 'The security code has 4 digits.',
      },
      holderName: {
        required: 'Enter the name as it appears on the card.',
        invalid: 'Use only letters, spaces, hyphens and apostrophes (2 to 50 characters).',
      },
      documentType: { required: 'Choose a document type.' },
      documentNumber: {
        required: 'Enter your document number.',
        invalidCpf: 'This CPF number is not valid. Check it and try again.',
      },
      installments: { required: 'Choose how many installments.' },
    },
  },
  es: {
    labels: {
      number: 'Número de tarjeta',
      expiry: 'Fecha de vencimiento',
      securityCode: 'Código de seguridad',
      holderName: 'Nombre en la tarjeta',
      documentType: 'Tipo de documento',
      documentNumber: 'Número de documento',
      installments: 'Cuotas',
    },
    pay: 'Pagar',
    summary: 'Revisa lo siguiente:',
    errors: {
      number: {
        required: 'Ingresa el número de la tarjeta.',
        incomplete: 'El número de la tarjeta está incompleto.',
        invalid: 'El número de la tarjeta no es válido. Revísalo e inténtalo de nuevo.',
      },
      expiry: {
        required: 'Ingresa la fecha de vencimiento.',
        invalid: 'Ingresa la fecha de vencimiento como MM/AA.',
        past: 'Esta tarjeta está vencida.',
        tooFar: 'La fecha de vencimiento está demasiado lejos en el futuro. Revísala.',
      },
      securityCode: {
        required: 'Ingresa el código de seguridad.',
        three: 'El código de seguridad tiene 3 dígitos.',
        four: 'El código de seguridad tiene 4 dígitos.',
      },
      holderName: {
        required: 'Ingresa el nombre tal como aparece en la tarjeta.',
        invalid: 'Usa solo letras, espacios, guiones y apóstrofos (de 2 a 50 caracteres).',
      },
      documentType: { required: 'Elige un tipo de documento.' },
      documentNumber: {
        required: 'Ingresa tu número de documento.',
        invalidCpf: 'Este número de CPF no es válido. Revísalo e inténtalo de nuevo.',
      },
      installments: { required: 'Elige la cantidad de cuotas.' },
    },
  },
  pt: {
    labels: {
      number: 'Número do cartão',
      expiry: 'Data de validade',
      securityCode: 'Código de segurança',
      holderName: 'Nome impresso no cartão',
      documentType: 'Tipo de documento',
      documentNumber: 'Número do documento',
      installments: 'Parcelas',
    },
    pay: 'Pagar',
    summary: 'Confira o seguinte:',
    errors: {
      number: {
        required: 'Informe o número do cartão.',
        incomplete: 'O número do cartão está incompleto.',
        invalid: 'O número do cartão não é válido. Confira e tente novamente.',
      },
      expiry: {
        required: 'Informe a data de validade.',
        invalid: 'Informe a data de validade no formato MM/AA.',
        past: 'Este cartão está vencido.',
        tooFar: 'A data de validade está muito distante no futuro. Confira.',
      },
      securityCode: {
        required: 'Informe o código de segurança.',
        three: 'O código de segurança tem 3 dígitos.',
        four: 'O código de segurança tem 4 dígitos.',
      },
      holderName: {
        required: 'Informe o nome como aparece no cartão.',
        invalid: 'Use apenas letras, espaços, hifens e apóstrofos (de 2 a 50 caracteres).',
      },
      documentType: { required: 'Escolha um tipo de documento.' },
      documentNumber: {
        required: 'Informe o número do seu documento.',
        invalidCpf: 'Este número de CPF não é válido. Confira e tente novamente.',
      },
      installments: { required: 'Escolha o número de parcelas.' },
    },
  },
};

const PLAN = {
  plan_id: 'plan-3',
  plan: [
    { installment: 1, rate: 0 },
    { installment: 3, rate: 0 },
  ],
};

/** The text of the error a control points to with aria-describedby, checking that it is marked invalid. */
function errorOf(control: HTMLElement): string {
  expect(control.getAttribute('aria-invalid'), control.id).toBe('true');
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((i) => i.endsWith('-error'));
  expect(id, `${control.id} describes its error`).toBeTruthy();
  return document.getElementById(id!)?.textContent ?? '';
}

async function retype(user: UserEvent, control: HTMLElement, value: string) {
  await user.clear(control);
  await user.type(control, value);
  await user.tab();
}

async function renderForm(language: 'en' | 'es' | 'pt') {
  const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
  let api: CardFormRenderProps | undefined;
  render(
    <h.Provider language={language}>
      <CardForm cardFields="raw" installments={PLAN}>
        {(props) => {
          api = props;
          return (
            <>
              <CardFormErrorSummary />
              <CardFormField name="number" />
              <CardFormField name="expiry" />
              <CardFormField name="securityCode" />
              <CardFormField name="holderName" />
              <CardFormField name="documentType" />
              <CardFormField name="documentNumber" />
              <CardFormField name="installments" />
              <CardFormSubmit />
            </>
          );
        }}
      </CardForm>
    </h.Provider>,
  );
  return () => api!;
}

describe.each(Object.entries(LANGUAGES))('<CardForm cardFields="raw"> validation in %s', (language, text) => {
  const control = (field: Field) => screen.getByLabelText(text.labels[field]) as HTMLInputElement;

  it('says what every empty field needs, in a summary and next to each field', async () => {
    const form = await renderForm(language as 'en' | 'es' | 'pt');
    const user = userEvent.setup();
    // The two selects always hold a valid option; emptied here to reach their own checks.
    act(() => {
      form().form.setValue('documentType', '');
      form().form.setValue('installments', '');
    });
    await user.click(screen.getByRole('button', { name: text.pay }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(text.summary)).toBeTruthy();
    const e = text.errors;
    const expected: Array<[Field, string]> = [
      ['number', e.number.required],
      ['expiry', e.expiry.required],
      ['securityCode', e.securityCode.required],
      ['holderName', e.holderName.required],
      ['documentType', e.documentType.required],
      ['documentNumber', e.documentNumber.required],
      ['installments', e.installments.required],
    ];
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(expected.map(([, m]) => m));
    for (const [field, message] of expected) expect(errorOf(control(field)), field).toBe(message);
    // Focus went to the first field to fix.
    expect(document.activeElement).toBe(control('number'));
  });

  it('explains each wrong value', async () => {
    await renderForm(language as 'en' | 'es' | 'pt');
    const user = userEvent.setup();
    const e = text.errors;

    await retype(user, control('number'), '4507 9900');
    expect(errorOf(control('number'))).toBe(e.number.incomplete);
    await retype(user, control('number'), '4507990000000003');
    expect(errorOf(control('number'))).toBe(e.number.invalid);

    await retype(user, control('expiry'), '1330');
    expect(errorOf(control('expiry'))).toBe(e.expiry.invalid);
    await retype(user, control('expiry'), `01${yy(-1)}`);
    expect(errorOf(control('expiry'))).toBe(e.expiry.past);
    await retype(user, control('expiry'), `12${yy(21)}`);
    expect(errorOf(control('expiry'))).toBe(e.expiry.tooFar);

    await retype(user, control('securityCode'), '12');
    expect(errorOf(control('securityCode'))).toBe(e.securityCode.three);
    // An American Express number makes it a 4-digit code.
    await retype(user, control('number'), '370000000000002');
    await retype(user, control('securityCode'), '123');
    expect(errorOf(control('securityCode'))).toBe(e.securityCode.four);

    await retype(user, control('holderName'), '4507');
    expect(errorOf(control('holderName'))).toBe(e.holderName.invalid);

    await retype(user, control('documentNumber'), '529.982.247-24');
    expect(errorOf(control('documentNumber'))).toBe(e.documentNumber.invalidCpf);
  });

  it('clears each error once the value is right', async () => {
    await renderForm(language as 'en' | 'es' | 'pt');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: text.pay }));
    await screen.findByRole('alert');
    await retype(user, control('number'), '4507990000000002');
    await retype(user, control('expiry'), `11${yy(2)}`);
    await retype(user, control('securityCode'), '123');
    await retype(user, control('holderName'), 'Ada Lovelace');
    await retype(user, control('documentNumber'), '529.982.247-25');
    for (const field of ['number', 'expiry', 'securityCode', 'holderName', 'documentNumber'] as const) {
      expect(control(field).hasAttribute('aria-invalid'), field).toBe(false);
    }
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('<CardForm cardFields="raw"> document numbers by country', () => {
  it.each([
    ['BR', 'CPF', '529.982.247-24', '529.982.247-25'],
    ['BR', 'CNPJ', '11.222.333/0001-80', '11.222.333/0001-81'],
    ['CO', 'CC', '0123', '1020304050'],
    ['CO', 'NIT', '800.197.268-5', '800.197.268-4'],
    ['AR', 'DNI', '123456', '12.345.678'],
    ['AR', 'CUIL', '20-12345678-7', '20-12345678-6'],
    ['CL', 'RUT', '12.345.678-9', '12.345.678-5'],
    ['MX', 'CURP', 'HEGG560427MVZRRL05', 'HEGG560427MVZRRL04'],
    ['MX', 'RFC', 'GODE561331GR8', 'GODE561231GR8'],
  ])('%s %s: refuses %s, accepts %s', async (country, type, wrong, right) => {
    const h = await createCheckoutHarness({ country, currency: 'USD' });
    const user = userEvent.setup();
    render(
      <h.Provider>
        <CardForm cardFields="raw" />
      </h.Provider>,
    );
    const select = screen.getByLabelText('Document type') as HTMLSelectElement;
    await user.selectOptions(select, type);
    const number = screen.getByLabelText('Document number') as HTMLInputElement;
    await retype(user, number, wrong);
    const label = select.selectedOptions[0]!.textContent;
    expect(errorOf(number)).toBe(`This ${label} number is not valid. Check it and try again.`);
    await retype(user, number, right);
    expect(number.hasAttribute('aria-invalid')).toBe(false);
  });
});
