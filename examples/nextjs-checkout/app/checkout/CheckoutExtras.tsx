'use client';

import Link from 'next/link';
import { CardForm, useCheckout } from 'yuno-react';

/** While a PIX code or a voucher waits to be paid, the order's page can be followed instead. */
export function FollowOrder() {
  const { payment, nextAction } = useCheckout();
  if (!payment || (nextAction?.type !== 'qr' && nextAction?.type !== 'voucher')) return null;
  return (
    <p>
      Paid already? <Link href={`/result/${payment.id}`}>Follow your order</Link>
    </p>
  );
}

/** Saves a card for later purchases (Yuno enrollment); it then leads the list of payment methods. */
export function SaveCard() {
  return (
    <details className="save-card">
      <summary>Save a card for later</summary>
      <CardForm mode="enroll" />
    </details>
  );
}
