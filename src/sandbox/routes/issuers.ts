import { issuersFor } from '../issuers';
import { json } from '../responses';
import type { Route } from '../router';

export const issuerRoutes: Route[] = [
  {
    // Retrieve Issuers: the banks a shopper picks from for a bank-transfer method (PSE in Colombia).
    method: 'GET',
    pattern: '/v1/issuers',
    auth: 'private',
    handler({ rt, url }) {
      const issuers = issuersFor(rt, {
        checkoutSession: url.searchParams.get('checkout_session'),
        countryCode: url.searchParams.get('country_code'),
        paymentMethod: url.searchParams.get('payment_method'),
      });
      return json(200, { issuers });
    },
  },
];
