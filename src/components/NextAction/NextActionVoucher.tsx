import { forwardRef, type HTMLAttributes } from 'react';
import { useMessages, useYunoLanguage } from '../../react';
import { useNextActionContext } from './NextActionContext';
import { DATE_LOCALES, nextActionMessages } from './nextActionMessages';

/**
 * Props of {@link NextActionVoucher}. Other props go to its `<div>`; children replace the default content.
 *
 * @example
 * ```tsx
 * const props: NextActionVoucherProps = { className: 'voucher' };
 * ```
 */
export type NextActionVoucherProps = HTMLAttributes<HTMLDivElement>;

/**
 * A voucher to pay offline (OXXO, Boleto, Efecty): the provider's instructions, the payment reference, the barcode
 * number, the date to pay before, and a link to the printable voucher.
 *
 * @example
 * ```tsx
 * <NextAction>
 *   <NextActionVoucher />
 *   <NextActionCopyButton />
 * </NextAction>
 * ```
 */
export const NextActionVoucher = forwardRef<HTMLDivElement, NextActionVoucherProps>(function NextActionVoucher(
  { children, ...rest },
  ref,
) {
  const { action, methodName } = useNextActionContext('NextActionVoucher');
  const t = useMessages(nextActionMessages);
  const language = useYunoLanguage();
  if (action.type !== 'voucher') return null;
  const expires = action.expiresAt ? new Date(action.expiresAt) : null;
  const validExpiry = expires && !Number.isNaN(expires.getTime()) ? expires : null;
  return (
    <div ref={ref} data-slot="next-action-voucher" {...rest}>
      {children ?? (
        <>
          {action.instructions && <p>{action.instructions}</p>}
          <dl>
            {action.code && (
              <>
                <dt>{t('nextAction.voucher.reference')}</dt>
                <dd>{action.code}</dd>
              </>
            )}
            {action.barcode && (
              <>
                <dt>{t('nextAction.voucher.barcode')}</dt>
                <dd>{action.barcode}</dd>
              </>
            )}
            {validExpiry && (
              <>
                <dt>{t('nextAction.voucher.expiresAt')}</dt>
                <dd>
                  <time dateTime={validExpiry.toISOString()}>
                    {new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(
                      validExpiry,
                    )}
                  </time>
                </dd>
              </>
            )}
          </dl>
          {action.url && (
            <a href={action.url} target="_blank" rel="noopener noreferrer">
              {t('nextAction.voucher.link', { method: methodName })}
            </a>
          )}
        </>
      )}
    </div>
  );
});
