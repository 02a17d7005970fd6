export { NextAction } from './NextAction';
export type { NextActionProps, NextActionType } from './NextAction';
export { NextActionChallenge } from './NextActionChallenge';
export type { NextActionChallengeProps } from './NextActionChallenge';
export { NextActionRedirect } from './NextActionRedirect';
export type { NextActionRedirectProps } from './NextActionRedirect';
export { NextActionQrImage, NextActionCode, NextActionCopyButton, NextActionCountdown } from './NextActionQr';
export type {
  NextActionQrImageProps,
  NextActionCodeProps,
  NextActionCopyButtonProps,
  NextActionCountdownProps,
} from './NextActionQr';
export { NextActionVoucher } from './NextActionVoucher';
export type { NextActionVoucherProps } from './NextActionVoucher';
export { nextActionMessages } from './nextActionMessages';
export type { NextActionMessageKey } from './nextActionMessages';
