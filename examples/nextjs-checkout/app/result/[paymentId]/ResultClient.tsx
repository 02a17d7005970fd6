'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { YunoProvider, usePaymentStatus } from 'yuno-react';
import { isTerminalPaymentStatus } from 'yuno-react/core';
import type { PaymentEvent } from '@/lib/paymentEvents';

export interface ResultClientProps {
  paymentId: string;
  checkoutSession: string;
  countryCode: string;
  initialEvents: PaymentEvent[];
}

export function ResultClient({ paymentId, checkoutSession, countryCode, initialEvents }: ResultClientProps) {
  return (
    <YunoProvider checkoutSession={checkoutSession} countryCode={countryCode} pollInterval={pollInterval}>
      <h1>Your order</h1>
      <PolledStatus paymentId={paymentId} />
      <WebhookStatus paymentId={paymentId} initialEvents={initialEvents} />
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </YunoProvider>
  );
}

/** Every second at first, then backing off to every 5 s. */
const pollInterval = (count: number) => Math.min(5_000, 1_000 * 1.5 ** count);

function PolledStatus({ paymentId }: { paymentId: string }) {
  const { data: payment, error } = usePaymentStatus(paymentId);
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <p role="status" aria-label="Payment status">
      Payment status: <strong data-testid="payment-status">{payment?.status ?? 'Checking…'}</strong>
      {payment?.sub_status ? ` (${payment.sub_status})` : ''}
    </p>
  );
}

function WebhookStatus({ paymentId, initialEvents }: { paymentId: string; initialEvents: PaymentEvent[] }) {
  const { data: events = initialEvents } = useQuery({
    queryKey: ['payment-events', paymentId],
    queryFn: async (): Promise<PaymentEvent[]> => {
      const response = await fetch(`/api/payment-events/${encodeURIComponent(paymentId)}`);
      if (!response.ok) throw new Error(`Could not read the payment's events (${response.status})`);
      return (await response.json()) as PaymentEvent[];
    },
    initialData: initialEvents,
    staleTime: 0,
    refetchInterval: (query) => (isTerminalPaymentStatus(query.state.data?.at(-1)?.status ?? '') ? false : 1_000),
  });
  const last = events.at(-1);
  return (
    <section aria-labelledby="webhook-title">
      <h2 id="webhook-title">Confirmed by Yuno</h2>
      <p data-testid="webhook-status">
        {last ? `Webhook ${last.event}: ${last.status}` : 'No webhook received yet for this payment.'}
      </p>
    </section>
  );
}
