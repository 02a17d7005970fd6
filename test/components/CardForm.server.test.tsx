import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CardForm } from 'yuno-react';
import { createCheckoutHarness } from '../support/checkout';
import { createFakeSecureFields } from '../support/fakeSecureFields';

describe('<CardForm cardFields="raw"> on the server', () => {
  it('renders its labels and inputs without a browser, in every mode', async () => {
    expect(typeof window).toBe('undefined');
    const h = await createCheckoutHarness({ country: 'BR', currency: 'BRL' });
    const pay = renderToString(
      <h.Provider language="pt">
        <CardForm cardFields="raw" installments={{ plan: [{ installment: 1, rate: 0 }] }} />
      </h.Provider>,
    );
    expect(pay).toContain('Número do cartão');
    expect(pay).toMatch(/autocomplete="cc-number"/i);
    expect(pay).toContain('CPF');
    expect(pay).toContain('Parcelas');
    const cvv = renderToString(
      <h.Provider>
        <CardForm cardFields="raw" mode="cvv" />
      </h.Provider>,
    );
    expect(cvv).toContain('Security code');
    expect(cvv).not.toContain('Card number');
    const enroll = renderToString(
      <h.Provider language="es">
        <CardForm cardFields="raw" mode="enroll" />
      </h.Provider>,
    );
    expect(enroll).toContain('Guardar tarjeta');
  });

  it('renders the containers of the Secure Fields, loading, and no input for card data', async () => {
    const h = await createCheckoutHarness({ country: 'US', currency: 'USD' });
    const fake = createFakeSecureFields(h.tokenizer);
    const html = renderToString(
      <h.Provider tokenizer={fake.tokenizer}>
        <CardForm />
      </h.Provider>,
    );
    expect(html).toContain('data-card-fields="secure"');
    expect(html.match(/role="group"/g)).toHaveLength(3);
    expect(html.match(/data-state="loading"/g)).toHaveLength(3);
    expect(html).not.toMatch(/autocomplete="cc-(number|exp|csc)"/i);
    expect(html).toMatch(/autocomplete="cc-name"/i);
    // Nothing is made on the server: the frames are the browser's.
    expect(fake.sessions).toHaveLength(0);
  });
});
