import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { createYunoCheckout, paymentMethodsQueryOptions } from 'yuno-react/server';
import { CART_COOKIE, checkoutOf, parseCart } from '@/lib/cart';
import { formatAmount } from '@/lib/format';
import { browserSetup, rememberCheckoutSession, yuno } from '@/lib/yuno';
import { CheckoutClient } from './CheckoutClient';

export default async function CheckoutPage() {
  const cart = parseCart((await cookies()).get(CART_COOKIE)?.value);
  if (!cart) redirect('/');
  // The customer and the checkout session, created on the server for the cart's order.
  const start = await createYunoCheckout({ client: yuno, checkout: checkoutOf(cart) });
  rememberCheckoutSession(start.checkoutSession, start.merchantOrderId);
  // The methods are fetched here and hydrated: the browser makes no request for them.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(
    paymentMethodsQueryOptions({
      checkoutSession: start.checkoutSession,
      fetchPaymentMethods: (cs) => yuno.checkoutSessions.paymentMethods(cs),
    }),
  );
  return (
    <>
      <h1>Checkout</h1>
      <p className="order-summary">
        Total <strong>{formatAmount(start.amount.value, start.amount.currency)}</strong>
      </p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CheckoutClient start={start} {...browserSetup} />
      </HydrationBoundary>
    </>
  );
}
