export { PayButton } from './PayButton';
export type { PayButtonProps, PayButtonState } from './PayButton';
export { payButtonMessages } from './payButtonMessages';
export type { PayButtonMessageKey } from './payButtonMessages';
