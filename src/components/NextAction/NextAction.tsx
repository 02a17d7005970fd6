import { forwardRef, useEffect, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import type { NextAction as NextActionData } from '../../core';
import { useCheckoutActions, useCheckoutSelector, useMessages, type CheckoutState } from '../../react';
import { resolveClassName, type ClassNameProp } from '../shared';
import { NextActionContext, type NextActionContextValue } from './NextActionContext';
import { NextActionChallenge } from './NextActionChallenge';
import { NextActionCode, NextActionCopyButton, NextActionCountdown, NextActionQrImage } from './NextActionQr';
import { NextActionRedirect } from './NextActionRedirect';
import { NextActionVoucher } from './NextActionVoucher';
import { nextActionMessages } from './nextActionMessages';

/**
 * What the shopper must do next for a payment (see `getNextAction`). The same name as the component, as one import
 * gives both: `<NextAction />` and `const action: NextAction = getNextAction(payment)`.
 *
 * @example
 * ```ts
 * const action: NextAction | undefined = getNextAction(payment);
 * ```
 */
export type NextAction = NextActionData;

/**
 * The kind of step the shopper must take: `three_d_secure`, `redirect`, `qr` or `voucher`. Also the root's `data-type`.
 *
 * @example
 * ```tsx
 * <NextAction className={({ type }: { type: NextActionType }) => (type === 'qr' ? 'pix' : 'step')} />
 * ```
 */
export type NextActionType = NextActionData['type'];

/**
 * Props of {@link NextAction}. Other props go to its `<div>`.
 *
 * @example
 * ```tsx
 * const props: NextActionProps = { className: ({ type }) => `step step-${type}` };
 * ```
 */
export interface NextActionProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'children'> {
  className?: ClassNameProp<{ type: NextActionType }>;
  /** Custom content, or a function of the next action. @default the parts for the action's type */
  children?: ReactNode | ((action: NextActionData) => ReactNode);
}

/**
 * What 3DS challenge pages post to their parent window when the shopper has answered. The message only prompts a new
 * read of the payment from the merchant's server, and its own status is never trusted, so it is accepted from any origin
 * (the issuer's page lives on an origin nobody can list in advance).
 */
function isChallengeMessage(data: unknown): data is { origin: 'CHALLENGE'; checkoutSession?: unknown } {
  let value = data;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  return typeof value === 'object' && value !== null && (value as { origin?: unknown }).origin === 'CHALLENGE';
}

/**
 * The step a payment needs from the shopper, when it needs one: a 3DS challenge (an iframe of the bank's page; when it
 * posts `{ origin: 'CHALLENGE' }` the payment is read again), a redirect (a link to the bank or wallet), a QR code with
 * its copy-and-paste code and expiry countdown (PIX), or a voucher to pay in cash (OXXO, Boleto, Efecty). Renders
 * nothing when no step is needed. Exposes `data-type`.
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={cs} countryCode="BR">
 *   <PaymentMethodList />
 *   <PayButton />
 *   <NextAction />
 *   <PaymentResult />
 * </YunoProvider>
 * ```
 */
// The slices of the checkout it shows: a poll that leaves them as they were does not re-render it.
const selectNextAction = (s: CheckoutState) => s.nextAction;
const selectChallengeUrl = (s: CheckoutState) => s.challengeUrl;
const selectSdkView = (s: CheckoutState) => s.sdkView;
const selectCheckoutSession = (s: CheckoutState) => s.checkoutSession;
const selectMethodName = (s: CheckoutState) => s.selectedMethod?.name ?? s.payment?.payment_method?.type ?? '';

export const NextAction = forwardRef<HTMLDivElement, NextActionProps>(function NextAction(
  { className, children, ...rest },
  ref,
) {
  const t = useMessages(nextActionMessages);
  const { refresh } = useCheckoutActions();
  const nextAction = useCheckoutSelector(selectNextAction);
  const challengeUrl = useCheckoutSelector(selectChallengeUrl);
  const sdkView = useCheckoutSelector(selectSdkView);
  const checkoutSession = useCheckoutSelector(selectCheckoutSession);
  const methodName = useCheckoutSelector(selectMethodName);
  const challenging = nextAction?.type === 'three_d_secure';

  useEffect(() => {
    if (!challenging) return;
    const onMessage = (event: MessageEvent) => {
      if (!isChallengeMessage(event.data)) return;
      const session = (event.data as { checkoutSession?: unknown }).checkoutSession;
      if (typeof session === 'string' && session !== checkoutSession) return;
      // A failed read leaves the status to the regular polling.
      refresh().catch(() => undefined);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [challenging, checkoutSession, refresh]);

  const context = useMemo<NextActionContextValue | null>(
    () => (nextAction ? { action: nextAction, challengeUrl, sdkView, methodName } : null),
    [nextAction, challengeUrl, sdkView, methodName],
  );
  if (!nextAction || !context) return null;
  const content =
    typeof children === 'function'
      ? children(nextAction)
      : (children ?? <DefaultContent action={nextAction} instructions={t('nextAction.qr.instructions')} />);
  return (
    <div
      ref={ref}
      data-slot="next-action"
      data-type={nextAction.type}
      className={resolveClassName(className, { type: nextAction.type })}
      {...rest}
    >
      <NextActionContext.Provider value={context}>{content}</NextActionContext.Provider>
    </div>
  );
});

function DefaultContent({ action, instructions }: { action: NextActionData; instructions: string }) {
  switch (action.type) {
    case 'three_d_secure':
      return <NextActionChallenge />;
    case 'redirect':
      return <NextActionRedirect />;
    case 'qr':
      return (
        <>
          <p data-slot="next-action-instructions">{instructions}</p>
          <NextActionQrImage />
          <NextActionCode />
          <NextActionCopyButton />
          <NextActionCountdown />
        </>
      );
    case 'voucher':
      return (
        <>
          <NextActionVoucher />
          <NextActionCopyButton />
        </>
      );
  }
}
