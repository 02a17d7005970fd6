import type { CheckoutState } from './checkoutStore';

// Module-level selectors keep their identity across renders, so subscriptions do not churn.
export const selectCheckoutSession = (s: CheckoutState) => s.checkoutSession;
export const selectCountryCode = (s: CheckoutState) => s.countryCode;
export const selectState = (s: CheckoutState) => s;
