import { forwardRef, type HTMLAttributes, type ImgHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import type { PaymentMethod } from '../../core';
import { useMessages } from '../../react';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import {
  PaymentMethodListItemContext,
  paymentMethodKey,
  savedCardOf,
  usePaymentMethodListContext,
  usePaymentMethodListItemContext,
  type PaymentMethodListItemState,
} from './PaymentMethodListContext';
import { paymentMethodListMessages } from './paymentMethodListMessages';

/**
 * Props of {@link PaymentMethodListItem}. Other props go to the `role="radio"` element.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListItemProps = { method, className: ({ checked }) => (checked ? 'on' : 'off') };
 * ```
 */
export interface PaymentMethodListItemProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'className'> {
  /** The method, as `usePaymentMethods()` lists it. */
  method: PaymentMethod;
  disabled?: boolean;
  className?: ClassNameProp<PaymentMethodListItemState>;
  /** Content, or a function of the item's state. @default the method's icon and name */
  children?: ReactNode | ((state: PaymentMethodListItemState) => ReactNode);
}

const STEPS: Record<string, 1 | -1 | 'first' | 'last'> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  Home: 'first',
  End: 'last',
};

/** Moves focus to another enabled radio of the same group and selects it, as native radio buttons do. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const step = STEPS[event.key];
  const group = event.currentTarget.closest('[role="radiogroup"]');
  if (step === undefined || !group) return;
  event.preventDefault();
  const radios = Array.from(group.querySelectorAll<HTMLElement>('[role="radio"]')).filter(
    (radio) => radio.getAttribute('aria-disabled') !== 'true',
  );
  if (radios.length === 0) return;
  const at = radios.indexOf(event.currentTarget);
  const index =
    step === 'first' ? 0 : step === 'last' ? radios.length - 1 : (at + step + radios.length) % radios.length;
  const target = radios[index];
  target?.focus();
  target?.click();
}

/**
 * One method of the list, a `role="radio"` that selects its method on click, Space and arrow keys. State is exposed as
 * `data-state` (`checked|unchecked`), `data-saved`, `data-disabled`, `data-type` (the method type) and, for a saved
 * card, `data-brand`.
 *
 * @example
 * ```tsx
 * function Methods() {
 *   const { data: methods = [] } = usePaymentMethods();
 *   return (
 *     <PaymentMethodList>
 *       {methods.map((method) => (
 *         <PaymentMethodListItem key={paymentMethodKey(method)} method={method}>
 *           <PaymentMethodListIcon />
 *           <PaymentMethodListLabel />
 *         </PaymentMethodListItem>
 *       ))}
 *     </PaymentMethodList>
 *   );
 * }
 * ```
 */
export const PaymentMethodListItem = forwardRef<HTMLDivElement, PaymentMethodListItemProps>(
  function PaymentMethodListItem({ method, disabled = false, className, children, onClick, onKeyDown, ...rest }, ref) {
    const list = usePaymentMethodListContext('PaymentMethodListItem');
    const t = useMessages(paymentMethodListMessages);
    const key = paymentMethodKey(method);
    const state: PaymentMethodListItemState = {
      checked: list.value === key,
      saved: Boolean(method.vaulted_token),
      disabled: list.disabled || disabled,
    };
    const card = savedCardOf(method);
    const content = typeof children === 'function' ? children(state) : children;
    return (
      <div
        ref={ref}
        role="radio"
        aria-checked={state.checked}
        aria-disabled={state.disabled || undefined}
        // The dots of "Visa •••• 0002" mean nothing read aloud: the default content gets a spoken name instead.
        aria-label={children === undefined && card ? t('paymentMethodList.savedCardName', card) : undefined}
        tabIndex={list.tabStop === key ? 0 : -1}
        data-slot="payment-method-list-item"
        data-state={state.checked ? 'checked' : 'unchecked'}
        data-saved={dataFlag(state.saved)}
        data-disabled={dataFlag(state.disabled)}
        data-type={method.type}
        data-brand={card ? (method.card_data?.brand ?? undefined) : undefined}
        className={resolveClassName(className, state)}
        {...rest}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented && !state.disabled) list.select(method);
        }}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.defaultPrevented) return;
          if (event.key === ' ') {
            event.preventDefault();
            if (!state.disabled) list.select(method);
            return;
          }
          moveFocus(event);
        }}
      >
        <PaymentMethodListItemContext.Provider value={{ method, state }}>
          {content ?? (
            <>
              <PaymentMethodListIcon />
              <PaymentMethodListLabel />
            </>
          )}
        </PaymentMethodListItemContext.Provider>
      </div>
    );
  },
);

/**
 * Props of {@link PaymentMethodListIcon}. Other props go to the `<img>`.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListIconProps = { width: 32, height: 20 };
 * ```
 */
export interface PaymentMethodListIconProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'className' | 'src'> {
  /**
   * Text alternative. Empty by default because the method's name is written next to the icon; give one (e.g. the
   * method's name) when the icon stands alone.
   * @default ''
   */
  alt?: string;
  className?: ClassNameProp<PaymentMethodListItemState>;
}

/**
 * The method's icon as Yuno's API lists it (`icon`), or nothing when it has none.
 *
 * @example
 * ```tsx
 * <PaymentMethodListItem method={method}>
 *   <PaymentMethodListIcon alt={method.name} width={48} />
 * </PaymentMethodListItem>
 * ```
 */
export const PaymentMethodListIcon = forwardRef<HTMLImageElement, PaymentMethodListIconProps>(
  function PaymentMethodListIcon({ alt = '', className, ...rest }, ref) {
    const { method, state } = usePaymentMethodListItemContext('PaymentMethodListIcon');
    if (!method.icon) return null;
    return (
      <img
        ref={ref}
        src={method.icon}
        alt={alt}
        decoding="async"
        data-slot="payment-method-list-icon"
        className={resolveClassName(className, state)}
        {...rest}
      />
    );
  },
);

/**
 * Props of {@link PaymentMethodListLabel}. Other props go to the `<span>`.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListLabelProps = { className: 'method-name' };
 * ```
 */
export interface PaymentMethodListLabelProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'className'> {
  className?: ClassNameProp<PaymentMethodListItemState>;
}

/**
 * The method's name; for a saved card its brand and last four digits ("Visa •••• 0002").
 *
 * @example
 * ```tsx
 * <PaymentMethodListItem method={method}>
 *   <PaymentMethodListLabel />
 * </PaymentMethodListItem>
 * ```
 */
export const PaymentMethodListLabel = forwardRef<HTMLSpanElement, PaymentMethodListLabelProps>(
  function PaymentMethodListLabel({ className, children, ...rest }, ref) {
    const { method, state } = usePaymentMethodListItemContext('PaymentMethodListLabel');
    const t = useMessages(paymentMethodListMessages);
    const card = savedCardOf(method);
    return (
      <span ref={ref} data-slot="payment-method-list-label" className={resolveClassName(className, state)} {...rest}>
        {children ?? (card ? t('paymentMethodList.savedCard', card) : method.name)}
      </span>
    );
  },
);
