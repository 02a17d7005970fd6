// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  YunoProvider,
  useCheckout,
  useCreatePayment,
  useEnrollment,
  useOneTimeToken,
  usePaymentMethods,
  usePaymentStatus,
  useYuno,
} from 'yuno-react';

function Everything() {
  const methods = usePaymentMethods();
  const token = useOneTimeToken();
  const payment = useCreatePayment();
  const status = usePaymentStatus('pay_1');
  const checkout = useCheckout();
  const enrollment = useEnrollment();
  const yuno = useYuno();
  return (
    <p>
      {[
        methods.status,
        token.status,
        payment.status,
        status.status,
        checkout.status,
        enrollment.status,
        yuno.language,
        yuno.countryCode,
      ].join(' ')}
    </p>
  );
}

describe('server rendering', () => {
  it('renders the provider and every hook to a string with no window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <YunoProvider checkoutSession="cs_1" countryCode="BR" publicApiKey="sandbox_pk_1">
        <Everything />
      </YunoProvider>,
    );
    expect(html).toBe('<p>pending idle idle pending idle idle en BR</p>');
  });

  it('renders in the language given, and without a public key', () => {
    const html = renderToString(
      <YunoProvider checkoutSession="cs_1" countryCode="MX" language="es">
        <Everything />
      </YunoProvider>,
    );
    expect(html).toContain(' es MX');
  });
});
