import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { isYunoError, paymentQueryOptions } from 'yuno-react/server';
import { CART_COOKIE, parseCart } from '@/lib/cart';
import { paymentEventsOf } from '@/lib/paymentEvents';
import { yuno } from '@/lib/yuno';
import { ResultClient } from './ResultClient';

export default async function ResultPage({ params }: PageProps<'/result/[paymentId]'>) {
  const { paymentId } = await params;
  const cart = parseCart((await cookies()).get(CART_COOKIE)?.value);
  if (!cart) notFound();
  const queryClient = new QueryClient();
  const payment = await queryClient
    .fetchQuery(paymentQueryOptions({ paymentId, fetchPayment: (id) => yuno.payments.retrieve(id) }))
    .catch((error: unknown) => {
      if (isYunoError(error) && error.status === 400) notFound();
      throw error;
    });
  if (payment.merchant_order_id !== cart.orderId) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ResultClient
        paymentId={payment.id}
        checkoutSession={payment.checkout?.session ?? payment.id}
        countryCode={payment.country ?? 'BR'}
        initialEvents={paymentEventsOf(payment.id, cart.orderId)}
      />
    </HydrationBoundary>
  );
}
