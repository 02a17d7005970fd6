export { CardForm } from './CardForm';
export type { CardFormProps, CardFormRenderProps, CardFormState } from './CardForm';
export { CardFormField, CardFormLabel, CardFormHint, CardFormBrand, CardFormError } from './CardFormField';
export type { CardFormFieldProps, CardFormFieldState, CardFormLabelProps, CardFormTextProps } from './CardFormField';
export { CardFormControl } from './CardFormControl';
export type { CardFormControlProps } from './CardFormControl';
export { CardFormErrorSummary, CardFormAlert, CardFormStatusMessage } from './CardFormAlerts';
export type { CardFormAlertProps } from './CardFormAlerts';
export { CardFormSubmit } from './CardFormSubmit';
export type { CardFormSubmitProps } from './CardFormSubmit';
export { cardFormMessages } from './cardFormMessages';
export type { CardFormMessageKey } from './cardFormMessages';
export type { CardFormFieldName, CardFormInstallments, CardFormValues } from './cardFormSchema';
export type { CardFormMode, CardFormStatus } from './CardFormContext';
export { useCardForm } from './useCardForm';
export type {
  CardFormFieldStatus,
  CardFormFormProps,
  CardFormInputProps,
  CardFormSecureFieldProps,
  CardFormSummaryEntry,
  UseCardFormResult,
} from './useCardForm';
export type { CardFormCardFields, UseCardFormOptions } from './useCardFormEngine';
export type { CardDataFieldName, CardInstallmentPlan } from './secureCardFields';
