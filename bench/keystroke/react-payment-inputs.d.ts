// react-payment-inputs ships no types; the page imports its hook directly (its index also pulls in styled-components).
declare module 'react-payment-inputs/es/usePaymentInputs.js' {
  import type { ChangeEvent, InputHTMLAttributes } from 'react';

  type PropGetter = (
    props?: { onChange?: (event: ChangeEvent<HTMLInputElement>) => void } & InputHTMLAttributes<HTMLInputElement>,
  ) => InputHTMLAttributes<HTMLInputElement>;

  export default function usePaymentInputs(): {
    meta: { isTouched: boolean; error: string | undefined; cardType: { type: string } | undefined };
    getCardNumberProps: PropGetter;
    getExpiryDateProps: PropGetter;
    getCVCProps: PropGetter;
  };
}
