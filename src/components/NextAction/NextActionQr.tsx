import {
  forwardRef,
  useId,
  useState,
  useSyncExternalStore,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type InputHTMLAttributes,
} from 'react';
import { useMessages } from '../../react';
import { codeOf, useNextActionContext } from './NextActionContext';
import { nextActionMessages } from './nextActionMessages';

/**
 * Props of {@link NextActionQrImage}. Other props go to the `<img>`.
 *
 * @example
 * ```tsx
 * const props: NextActionQrImageProps = { width: 220, height: 220 };
 * ```
 */
export interface NextActionQrImageProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'src'> {
  /** @default "QR code to pay with {method}", translated */
  alt?: string;
}

/**
 * The QR code image Yuno returns for the payment (PIX and similar), or nothing when there is none.
 *
 * @example
 * ```tsx
 * <NextAction>
 *   <NextActionQrImage width={240} height={240} />
 *   <NextActionCode />
 * </NextAction>
 * ```
 */
export const NextActionQrImage = forwardRef<HTMLImageElement, NextActionQrImageProps>(function NextActionQrImage(
  { alt, ...rest },
  ref,
) {
  const { action, methodName } = useNextActionContext('NextActionQrImage');
  const t = useMessages(nextActionMessages);
  if (action.type !== 'qr' || !action.imageUrl) return null;
  return (
    <img
      ref={ref}
      src={action.imageUrl}
      alt={alt ?? t('nextAction.qr.image', { method: methodName })}
      data-slot="next-action-qr-image"
      {...rest}
    />
  );
});

/**
 * Props of {@link NextActionCode}. Other props go to the read-only `<input>`.
 *
 * @example
 * ```tsx
 * const props: NextActionCodeProps = { label: 'PIX Copia e Cola' };
 * ```
 */
export interface NextActionCodeProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'readOnly'> {
  /** @default "{method} copy-and-paste code", translated */
  label?: string;
}

/**
 * The copy-and-paste code (PIX "copia e cola") in a labelled read-only field, selected whole on focus so that it can
 * be copied by hand; renders nothing when there is no code.
 *
 * @example
 * ```tsx
 * <NextActionCode />
 * <NextActionCopyButton />
 * ```
 */
export const NextActionCode = forwardRef<HTMLInputElement, NextActionCodeProps>(function NextActionCode(
  { label, id, onFocus, ...rest },
  ref,
) {
  const { action, methodName } = useNextActionContext('NextActionCode');
  const t = useMessages(nextActionMessages);
  const ownId = useId();
  const inputId = id ?? ownId;
  const code = action.type === 'qr' ? action.code : undefined;
  if (!code) return null;
  return (
    <div data-slot="next-action-code">
      <label htmlFor={inputId}>{label ?? t('nextAction.code.label', { method: methodName })}</label>
      <input
        ref={ref}
        id={inputId}
        readOnly
        value={code}
        spellCheck={false}
        autoComplete="off"
        onFocus={(event) => {
          onFocus?.(event);
          event.currentTarget.select();
        }}
        {...rest}
      />
    </div>
  );
});

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Props of {@link NextActionCopyButton}. Other props go to the `<button>`.
 *
 * @example
 * ```tsx
 * const props: NextActionCopyButtonProps = { onCopy: () => track('pix_code_copied') };
 * ```
 */
export interface NextActionCopyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onCopy'> {
  /** Called after the code reached the clipboard. */
  onCopy?: () => void;
}

/**
 * A button that copies the code (PIX code or voucher reference) to the clipboard, followed by a `role="status"` that
 * announces whether it worked. Exposes `data-state="idle|copied|failed"`.
 *
 * @example
 * ```tsx
 * <NextActionCopyButton>Copy PIX code</NextActionCopyButton>
 * ```
 */
export const NextActionCopyButton = forwardRef<HTMLButtonElement, NextActionCopyButtonProps>(
  function NextActionCopyButton({ onCopy, onClick, children, ...rest }, ref) {
    const { action } = useNextActionContext('NextActionCopyButton');
    const t = useMessages(nextActionMessages);
    const [state, setState] = useState<{ code: string | undefined; result: CopyState }>({
      code: undefined,
      result: 'idle',
    });
    const code = codeOf(action);
    if (!code) return null;
    // A new code (a new payment) starts over.
    const result = state.code === code ? state.result : 'idle';
    return (
      <>
        <button
          ref={ref}
          type="button"
          data-slot="next-action-copy"
          data-state={result}
          onClick={(event) => {
            onClick?.(event);
            if (event.defaultPrevented) return;
            // navigator.clipboard exists only in secure contexts; the field stays there to copy by hand.
            const write = navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard'));
            write.then(
              () => {
                setState({ code, result: 'copied' });
                onCopy?.();
              },
              () => setState({ code, result: 'failed' }),
            );
          }}
          {...rest}
        >
          {children ?? t('nextAction.copy')}
        </button>
        <span role="status" data-slot="next-action-copy-status" data-state={result}>
          {result === 'copied' ? t('nextAction.copied') : result === 'failed' ? t('nextAction.copyFailed') : ''}
        </span>
      </>
    );
  },
);

// One clock for every countdown on the page, ticking once a second; on the server there is no "now" to show.
const clockListeners = new Set<() => void>();
let clockTimer: ReturnType<typeof setInterval> | undefined;
function subscribeClock(listener: () => void): () => void {
  clockListeners.add(listener);
  clockTimer ??= setInterval(() => clockListeners.forEach((l) => l()), 1000);
  return () => {
    clockListeners.delete(listener);
    if (clockListeners.size === 0 && clockTimer !== undefined) {
      clearInterval(clockTimer);
      clockTimer = undefined;
    }
  };
}
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;
const noClock = () => null;

function formatRemaining(ms: number): string {
  // The clock reads whole seconds (rounded down), so the time left is rounded down too: a fresh code shows 30:00.
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Props of {@link NextActionCountdown}. Other props go to its `<p>`.
 *
 * @example
 * ```tsx
 * const props: NextActionCountdownProps = { className: 'countdown' };
 * ```
 */
export type NextActionCountdownProps = HTMLAttributes<HTMLParagraphElement>;

/**
 * The time left to pay a QR code, from the payment's expiry (`role="timer"`, which screen readers do not read out every
 * second); once it runs out, an alert says the code has expired. Exposes `data-state="running|expired"`.
 *
 * @example
 * ```tsx
 * <NextActionCountdown />
 * ```
 */
export const NextActionCountdown = forwardRef<HTMLParagraphElement, NextActionCountdownProps>(
  function NextActionCountdown(props, ref) {
    const { action } = useNextActionContext('NextActionCountdown');
    const t = useMessages(nextActionMessages);
    const now = useSyncExternalStore(subscribeClock, currentSecond, noClock);
    const expiresAt = action.type === 'qr' && action.expiresAt ? Date.parse(action.expiresAt) : NaN;
    if (Number.isNaN(expiresAt) || now === null) return null;
    if (now >= expiresAt) {
      return (
        // A new element with role="alert" is announced at once; a changing live region may not be.
        <p key="expired" ref={ref} role="alert" data-slot="next-action-countdown" data-state="expired" {...props}>
          {t('nextAction.expired')}
        </p>
      );
    }
    return (
      <p key="running" ref={ref} role="timer" data-slot="next-action-countdown" data-state="running" {...props}>
        {t('nextAction.expiresIn', { time: formatRemaining(expiresAt - now) })}
      </p>
    );
  },
);
