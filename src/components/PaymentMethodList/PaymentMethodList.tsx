import { forwardRef, useCallback, useEffect, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import type { PaymentMethod } from '../../core';
import {
  useCheckoutActions,
  useCheckoutSelector,
  useMessages,
  usePaymentMethods,
  type CheckoutState,
} from '../../react';
import { dataFlag, resolveClassName, type ClassNameProp } from '../shared';
import {
  PaymentMethodListContext,
  paymentMethodKey,
  type PaymentMethodListContextValue,
  type PaymentMethodListItemState,
  type PaymentMethodListStatus,
} from './PaymentMethodListContext';
import { PaymentMethodListEmpty, PaymentMethodListError, PaymentMethodListLoading } from './PaymentMethodListStates';
import { PaymentMethodListGroup } from './PaymentMethodListGroup';
import { PaymentMethodListItem } from './PaymentMethodListItem';
import { paymentMethodListMessages } from './paymentMethodListMessages';

/**
 * State of the list, given to a `className` function.
 *
 * @example
 * ```tsx
 * <PaymentMethodList className={({ status }: PaymentMethodListState) => (status === 'pending' ? 'list busy' : 'list')} />
 * ```
 */
export interface PaymentMethodListState {
  status: PaymentMethodListStatus;
  /** Key of the selected method (see `paymentMethodKey`). */
  value: string | null;
  disabled: boolean;
}

/**
 * Props of {@link PaymentMethodList}. Other props go to the `role="radiogroup"` element.
 *
 * @example
 * ```tsx
 * const props: PaymentMethodListProps = { defaultValue: 'CARD', onValueChange: (key, method) => track(method.type) };
 * ```
 */
export interface PaymentMethodListProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'children' | 'className' | 'defaultValue' | 'onChange'
> {
  /** Key of the selected method, for a controlled list: a saved method's vaulted token, else its type. */
  value?: string | null;
  /** Key of the method selected at first, for an uncontrolled list. */
  defaultValue?: string;
  /** Called with the key and the method when the shopper picks one. */
  onValueChange?: (value: string, method: PaymentMethod) => void;
  /** @default false; the list is also disabled while a payment is being made */
  disabled?: boolean;
  className?: ClassNameProp<PaymentMethodListState>;
  /**
   * Custom content: a function `(method, state) => ReactNode` renders each item's content (the list keeps the
   * grouping, the states and the radio behaviour); elements replace everything inside the radio group (compose
   * `PaymentMethodListItem`, `PaymentMethodListGroup` and the state parts yourself).
   */
  children?: ReactNode | ((method: PaymentMethod, state: PaymentMethodListItemState) => ReactNode);
}

const NO_METHODS: PaymentMethod[] = [];

/**
 * The payment methods of the checkout session as an accessible radio group: saved methods first (brand and last four
 * digits), then the others; arrow keys, Home and End move and select, Space selects, and only the selected method is in
 * the tab order. The selection goes to the provider, so `<CardForm>`, `<PayButton>` and `useCheckout().pay()` use it.
 * Shows loading, empty and error (with a retry) states. State is exposed as `data-status` (`pending|error|empty|success`).
 *
 * @example
 * ```tsx
 * <YunoProvider checkoutSession={cs} countryCode="BR">
 *   <PaymentMethodList defaultValue="PIX" />
 * </YunoProvider>
 *
 * // Controlled, with a render prop for each item's content
 * <PaymentMethodList value={key} onValueChange={setKey}>
 *   {(method, { checked }) => <span>{checked ? '✓ ' : ''}{method.name}</span>}
 * </PaymentMethodList>
 * ```
 */
const selectSelectedMethod = (s: CheckoutState) => s.selectedMethod;
const selectIsPaying = (s: CheckoutState) => s.isPaying;

export const PaymentMethodList = forwardRef<HTMLDivElement, PaymentMethodListProps>(function PaymentMethodList(
  { value: valueProp, defaultValue, onValueChange, disabled: disabledProp = false, className, children, ...rest },
  ref,
) {
  const t = useMessages(paymentMethodListMessages);
  const query = usePaymentMethods();
  const { select: selectInProvider } = useCheckoutActions();
  const selectedMethod = useCheckoutSelector(selectSelectedMethod);
  const isPaying = useCheckoutSelector(selectIsPaying);
  const methods = query.data ?? NO_METHODS;
  const status: PaymentMethodListStatus = query.data
    ? methods.length > 0
      ? 'success'
      : 'empty'
    : query.isError && !query.isFetching
      ? 'error'
      : 'pending';
  const providerValue = selectedMethod ? (selectedMethod.vaultedToken ?? selectedMethod.type) : null;
  const controlled = valueProp !== undefined;
  // Uncontrolled, the provider's selection is the state: it outlives the list (a retry on a fresh session keeps it).
  const value = controlled ? valueProp : providerValue;
  const disabled = disabledProp || isPaying;

  useEffect(() => {
    if (controlled || defaultValue === undefined || providerValue !== null) return;
    const method = methods.find((m) => paymentMethodKey(m) === defaultValue);
    if (method) selectInProvider(method);
  }, [controlled, defaultValue, providerValue, methods, selectInProvider]);

  useEffect(() => {
    if (!controlled || valueProp === providerValue) return;
    const method = valueProp === null ? null : methods.find((m) => paymentMethodKey(m) === valueProp);
    if (method !== undefined) selectInProvider(method);
  }, [controlled, valueProp, providerValue, methods, selectInProvider]);

  const select = useCallback(
    (method: PaymentMethod) => {
      if (!controlled) selectInProvider(method);
      onValueChange?.(paymentMethodKey(method), method);
    },
    [controlled, selectInProvider, onValueChange],
  );
  const { refetch } = query;
  const context = useMemo<PaymentMethodListContextValue>(() => {
    const tabStop = value !== null && methods.some((m) => paymentMethodKey(m) === value) ? value : null;
    return {
      status,
      methods,
      error: query.error,
      refetch: () => void refetch(),
      value,
      tabStop: tabStop ?? (methods[0] ? paymentMethodKey(methods[0]) : null),
      disabled,
      select,
    };
  }, [status, methods, query.error, refetch, value, disabled, select]);

  const labelledBy = rest['aria-labelledby'];
  return (
    <div
      ref={ref}
      role="radiogroup"
      data-slot="payment-method-list"
      data-status={status}
      data-disabled={dataFlag(disabled)}
      aria-busy={status === 'pending' || undefined}
      aria-disabled={disabled || undefined}
      className={resolveClassName(className, { status, value, disabled })}
      {...rest}
      aria-label={labelledBy ? undefined : (rest['aria-label'] ?? t('paymentMethodList.label'))}
    >
      <PaymentMethodListContext.Provider value={context}>
        {typeof children === 'function' || children === undefined ? (
          <DefaultContent methods={methods} status={status} renderItem={children} />
        ) : (
          children
        )}
      </PaymentMethodListContext.Provider>
    </div>
  );
});

function DefaultContent({
  methods,
  status,
  renderItem,
}: {
  methods: PaymentMethod[];
  status: PaymentMethodListStatus;
  renderItem: ((method: PaymentMethod, state: PaymentMethodListItemState) => ReactNode) | undefined;
}) {
  if (status !== 'success') {
    return (
      <>
        <PaymentMethodListLoading />
        <PaymentMethodListError />
        <PaymentMethodListEmpty />
      </>
    );
  }
  const items = (list: PaymentMethod[]) =>
    list.map((method) => (
      <PaymentMethodListItem key={paymentMethodKey(method)} method={method}>
        {renderItem ? (state: PaymentMethodListItemState) => renderItem(method, state) : undefined}
      </PaymentMethodListItem>
    ));
  const saved = methods.filter((m) => m.vaulted_token);
  const other = methods.filter((m) => !m.vaulted_token);
  // Headings only help when there is something to tell apart.
  if (saved.length === 0) return <>{items(other)}</>;
  return (
    <>
      <PaymentMethodListGroup kind="saved">{items(saved)}</PaymentMethodListGroup>
      {other.length > 0 && <PaymentMethodListGroup kind="other">{items(other)}</PaymentMethodListGroup>}
    </>
  );
}
