import { useState, type FormEvent } from 'react';
import { useCheckout, usePaymentMethods } from 'yuno-react';

/** A complete card checkout built from hooks alone: your markup, yuno-react's state machine. */
export function HooksCheckout() {
  const methods = usePaymentMethods();
  const checkout = useCheckout();
  const [error, setError] = useState<string | null>(null);

  if (methods.isPending) return <p>Loading payment methods…</p>;
  if (methods.error) return <p role="alert">{methods.error.message}</p>;
  if (checkout.status === 'succeeded') return <p role="status">Paid. Thank you!</p>;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [month, year] = String(form.get('expiry')).split('/');
    event.currentTarget.reset(); // the card details leave the page's inputs at once
    setError(null);
    checkout.select(methods.data!.find((m) => m.type === 'CARD')!);
    try {
      await checkout.pay({
        card: {
          number: String(form.get('number')),
          expirationMonth: Number(month),
          expirationYear: Number(year),
          securityCode: String(form.get('cvv')),
          holderName: String(form.get('name')),
        },
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Payment failed');
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Card payment">
      <label>
        Card number <input name="number" autoComplete="cc-number" inputMode="numeric" required />
      </label>
      <label>
        Expiry (MM/YY) <input name="expiry" autoComplete="cc-exp" required />
      </label>
      <label>
        CVV <input name="cvv" autoComplete="cc-csc" inputMode="numeric" required />
      </label>
      <label>
        Name on card <input name="name" autoComplete="cc-name" required />
      </label>
      {checkout.status === 'declined' && <p role="alert">Declined ({checkout.declineReason}). Try another card.</p>}
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={checkout.isPaying}>
        {checkout.isPaying ? 'Paying…' : 'Pay'}
      </button>
    </form>
  );
}
