import { Slot } from '@radix-ui/react-slot';
import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { useMessages } from '../../react';
import { useNextActionContext } from './NextActionContext';
import { nextActionMessages } from './nextActionMessages';

/**
 * Props of {@link NextActionRedirect}. Other props go to the `<a>` (or to your element with `asChild`).
 *
 * @example
 * ```tsx
 * const props: NextActionRedirectProps = { asChild: true, children: <MyButtonLink /> };
 * ```
 */
export interface NextActionRedirectProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** Render your own element (a router link, a styled button) with the URL as its `href`. */
  asChild?: boolean;
}

/**
 * A link to the page where the shopper pays (bank, wallet, buy-now-pay-later); they come back to the merchant's
 * `callback_url`.
 *
 * @example
 * ```tsx
 * <NextAction>
 *   <NextActionRedirect asChild>
 *     <a className="button">Go to PSE</a>
 *   </NextActionRedirect>
 * </NextAction>
 * ```
 */
export const NextActionRedirect = forwardRef<HTMLAnchorElement, NextActionRedirectProps>(function NextActionRedirect(
  { asChild = false, children, ...rest },
  ref,
) {
  const { action, methodName } = useNextActionContext('NextActionRedirect');
  const t = useMessages(nextActionMessages);
  const url = action.type === 'redirect' ? action.url : action.type === 'three_d_secure' ? undefined : action.url;
  if (!url) return null;
  const Component = asChild ? Slot : 'a';
  return (
    <Component ref={ref} href={url} data-slot="next-action-redirect" {...rest}>
      {children ?? t('nextAction.redirect.link', { method: methodName })}
    </Component>
  );
});
