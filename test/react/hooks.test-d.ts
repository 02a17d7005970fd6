import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useCheckout,
  useCreatePayment,
  useEnrollment,
  useOneTimeToken,
  usePaymentMethods,
  usePaymentStatus,
  useYuno,
  useCardForm,
  useSecureFields,
  type CardDataFieldName,
  type CardFormCardFields,
  type SecureFieldsSession,
  type SecureFieldsStatus,
  type UseCardFormOptions,
  type CheckoutStatus,
  type CreatePaymentVariables,
  type EnrollResult,
  type EnrollVariables,
  type OneTimeToken,
  type Payment,
  type PaymentMethod,
  type TokenizeInput,
  type YunoError,
} from 'yuno-react';

describe('public hook types', () => {
  it('returns react-query’s own result types with YunoError as the error', () => {
    expectTypeOf(usePaymentMethods).returns.toEqualTypeOf<UseQueryResult<PaymentMethod[], YunoError>>();
    expectTypeOf(usePaymentStatus).returns.toEqualTypeOf<UseQueryResult<Payment, YunoError>>();
    expectTypeOf(useOneTimeToken).returns.toEqualTypeOf<UseMutationResult<OneTimeToken, YunoError, TokenizeInput>>();
    expectTypeOf(useCreatePayment).returns.toEqualTypeOf<
      UseMutationResult<Payment, YunoError, CreatePaymentVariables>
    >();
    expectTypeOf(useEnrollment).returns.toEqualTypeOf<UseMutationResult<EnrollResult, YunoError, EnrollVariables>>();
  });

  it('takes a payment id that may not exist yet', () => {
    expectTypeOf(usePaymentStatus).parameter(0).toEqualTypeOf<string | null | undefined>();
  });

  it('never lets the browser choose an amount', () => {
    expectTypeOf<CreatePaymentVariables>().not.toHaveProperty('amount');
    expectTypeOf<CreatePaymentVariables>().not.toHaveProperty('currency');
    expectTypeOf<CreatePaymentVariables>().not.toHaveProperty('checkoutSession');
  });

  it('types the checkout state machine', () => {
    expectTypeOf(useCheckout).returns.toHaveProperty('status').toEqualTypeOf<CheckoutStatus>();
    expectTypeOf(useCheckout).returns.toHaveProperty('error').toEqualTypeOf<YunoError | null>();
    expectTypeOf(useCheckout).returns.toHaveProperty('pay').returns.toEqualTypeOf<Promise<Payment>>();
    expectTypeOf(useYuno).returns.toHaveProperty('language').toEqualTypeOf<'en' | 'es' | 'pt'>();
  });

  it('gives Secure Fields a mode, a session and a status, and the card form its card-field choice', () => {
    expectTypeOf(useSecureFields).parameter(0).toHaveProperty('mode').toEqualTypeOf<'pay' | 'cvv' | 'enroll'>();
    expectTypeOf(useSecureFields).returns.toHaveProperty('session').toEqualTypeOf<SecureFieldsSession | null>();
    expectTypeOf(useSecureFields).returns.toHaveProperty('status').toEqualTypeOf<SecureFieldsStatus>();
    expectTypeOf<SecureFieldsStatus>().toEqualTypeOf<'loading' | 'ready' | 'unavailable' | 'error'>();
    expectTypeOf<UseCardFormOptions['cardFields']>().toEqualTypeOf<CardFormCardFields | undefined>();
    expectTypeOf<CardFormCardFields>().toEqualTypeOf<'secure' | 'raw'>();
    expectTypeOf(useCardForm)
      .returns.toHaveProperty('getSecureFieldProps')
      .parameter(0)
      .toEqualTypeOf<CardDataFieldName>();
    expectTypeOf(useCardForm)
      .returns.toHaveProperty('getSecureFieldProps')
      .returns.toHaveProperty('role')
      .toEqualTypeOf<'group'>();
  });
});
