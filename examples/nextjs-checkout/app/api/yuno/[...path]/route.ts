import { createYunoRouteHandlers } from 'yuno-react/server';
import { cartOfRequest, checkoutOf } from '@/lib/cart';
import { recordPaymentEvent } from '@/lib/paymentEvents';
import { authorize, yuno, yunoSetup } from '@/lib/yuno';

export const { GET, POST } = createYunoRouteHandlers({
  client: yuno,
  // The order, its amount and the shopper come from the cart cookie, never from the request body.
  resolveCheckout: ({ request }) => checkoutOf(cartOfRequest(request)),
  authorize,
  webhookSecret: yunoSetup.webhookSecret,
  onPaymentEvent: recordPaymentEvent,
});
