import { cookies } from 'next/headers';
import { CART_COOKIE, parseCart } from '@/lib/cart';
import { paymentEventsOf } from '@/lib/paymentEvents';

/** What Yuno's webhooks said about a payment of the shopper's current order (the result page polls it). */
export async function GET(_request: Request, { params }: RouteContext<'/api/payment-events/[paymentId]'>) {
  const cart = parseCart((await cookies()).get(CART_COOKIE)?.value);
  if (!cart) return Response.json({ code: 'AUTHORIZATION_REQUIRED', messages: ['No order'] }, { status: 403 });
  const { paymentId } = await params;
  return Response.json(paymentEventsOf(paymentId, cart.orderId), { headers: { 'cache-control': 'no-store' } });
}
