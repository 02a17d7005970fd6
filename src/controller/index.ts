// The checkout's state machine with no React in it. The React layer (src/react) binds it to components.
export { CheckoutController, toSelection } from './CheckoutController';
export type { CheckoutControllerOptions, PayInput, PaymentRequestInput } from './CheckoutController';
export { wipeCardInput, wipeMerchantCard } from './cardData';
export * from './selectors';
export type * from './types';
