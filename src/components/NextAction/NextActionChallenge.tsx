import { forwardRef, type IframeHTMLAttributes } from 'react';
import { useMessages } from '../../react';
import { useNextActionContext } from './NextActionContext';
import { nextActionMessages } from './nextActionMessages';

/**
 * Props of {@link NextActionChallenge}. Other props go to the `<iframe>` (e.g. `sandbox`, `allow`).
 *
 * @example
 * ```tsx
 * const props: NextActionChallengeProps = { className: 'challenge-frame' };
 * ```
 */
export interface NextActionChallengeProps extends Omit<IframeHTMLAttributes<HTMLIFrameElement>, 'src'> {
  /** @default "Verify your payment with your bank", translated */
  title?: string;
}

/**
 * The address of a challenge page for an iframe: Yuno's headless SDK asks for `embedded=true`, without which its 3DS page
 * expects a whole tab. Other query parameters are kept; `blob:` and `data:` pages (the sandbox's in-page copies) have no
 * query to add to and are left as they are.
 */
function embeddedChallengeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  parsed.searchParams.set('embedded', 'true');
  return parsed.toString();
}

/**
 * The bank's 3-D Secure challenge page in an iframe (from `useCheckout().challengeUrl`, with `embedded=true` added as
 * Yuno requires for iframes); while the page's address is being fetched, or when Yuno says no challenge is needed, a
 * busy placeholder. When the page posts its result, `<NextAction>` reads the payment again.
 *
 * @example
 * ```tsx
 * <NextAction>
 *   {(action) => (action.type === 'three_d_secure' ? <NextActionChallenge className="h-96 w-full" /> : null)}
 * </NextAction>
 * ```
 */
export const NextActionChallenge = forwardRef<HTMLIFrameElement, NextActionChallengeProps>(function NextActionChallenge(
  { title, ...rest },
  ref,
) {
  const { challengeUrl, sdkView } = useNextActionContext('NextActionChallenge');
  const t = useMessages(nextActionMessages);
  if (sdkView && !challengeUrl) {
    // Yuno's Web SDK 2.x shows the bank's page in its own view; the page only says where to look.
    return (
      <p data-slot="next-action-challenge" data-status="sdk" role="status">
        {t('nextAction.challenge.inSdk')}
      </p>
    );
  }
  if (!challengeUrl) {
    return (
      <p data-slot="next-action-challenge" data-status="pending" aria-busy="true">
        {t('nextAction.challenge.loading')}
      </p>
    );
  }
  return (
    <iframe
      ref={ref}
      src={embeddedChallengeUrl(challengeUrl)}
      title={title ?? t('nextAction.challenge.title')}
      data-slot="next-action-challenge"
      data-status="ready"
      {...rest}
    />
  );
});
