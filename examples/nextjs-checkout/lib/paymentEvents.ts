// What Yuno's webhooks said about each payment. In memory, for one process: a real shop writes it to its orders table.
import type { YunoWebhookEvent } from 'yuno-react/server';

export interface PaymentEvent {
  event: string;
  status: string;
  subStatus: string | null;
  merchantOrderId: string;
  receivedAt: string;
}

// On globalThis: Next.js may load this module once per route bundle, and every route must see the same store.
const shared = globalThis as { __yunoPaymentEvents?: Map<string, PaymentEvent[]> };
const store: Map<string, PaymentEvent[]> = (shared.__yunoPaymentEvents ??= new Map());

/** `onPaymentEvent` of the routes: called once per webhook event (Yuno's retries of an event are dropped before). */
export function recordPaymentEvent(event: YunoWebhookEvent): void {
  const payment = event.payment;
  if (!payment) return;
  const events = store.get(payment.id) ?? [];
  events.push({
    event: event.event,
    status: payment.status,
    subStatus: payment.sub_status ?? null,
    merchantOrderId: payment.merchant_order_id,
    receivedAt: new Date().toISOString(),
  });
  store.set(payment.id, events.slice(-20));
}

/** The events received for a payment of this order, oldest first. */
export function paymentEventsOf(paymentId: string, merchantOrderId: string): PaymentEvent[] {
  return (store.get(paymentId) ?? []).filter((e) => e.merchantOrderId === merchantOrderId);
}
