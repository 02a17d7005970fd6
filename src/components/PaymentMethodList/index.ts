export { PaymentMethodList } from './PaymentMethodList';
export type { PaymentMethodListProps, PaymentMethodListState } from './PaymentMethodList';
export { PaymentMethodListItem, PaymentMethodListIcon, PaymentMethodListLabel } from './PaymentMethodListItem';
export type {
  PaymentMethodListItemProps,
  PaymentMethodListIconProps,
  PaymentMethodListLabelProps,
} from './PaymentMethodListItem';
export { PaymentMethodListGroup } from './PaymentMethodListGroup';
export type { PaymentMethodListGroupProps } from './PaymentMethodListGroup';
export { PaymentMethodListLoading, PaymentMethodListEmpty, PaymentMethodListError } from './PaymentMethodListStates';
export type { PaymentMethodListStateProps } from './PaymentMethodListStates';
export { paymentMethodKey } from './PaymentMethodListContext';
export type { PaymentMethodListItemState, PaymentMethodListStatus } from './PaymentMethodListContext';
export { paymentMethodListMessages } from './paymentMethodListMessages';
export type { PaymentMethodListMessageKey } from './paymentMethodListMessages';
