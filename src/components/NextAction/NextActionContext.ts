import { createContext, useContext } from 'react';
import type { NextAction } from '../../core';

export interface NextActionContextValue {
  action: NextAction;
  /** For a 3DS challenge: the page to show, once the tokenizer has given it. */
  challengeUrl: string | null;
  /** True while Yuno's Web SDK shows the challenge in a view of its own. */
  sdkView: boolean;
  /** The payment method's name, for texts such as "QR code to pay with PIX". */
  methodName: string;
}

export const NextActionContext = createContext<NextActionContextValue | null>(null);
NextActionContext.displayName = 'NextActionContext';

export function useNextActionContext(part: string): NextActionContextValue {
  const value = useContext(NextActionContext);
  if (!value) throw new Error(`<${part}> must be used within <NextAction>`);
  return value;
}

/** The code a shopper copies: PIX's copy-and-paste code, or a voucher's payment reference. */
export function codeOf(action: NextAction): string | undefined {
  return action.type === 'qr' || action.type === 'voucher' ? action.code : undefined;
}
