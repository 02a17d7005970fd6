import * as z from 'zod/mini';
import { IdSchema, NullableString } from './common';
import { BrowserInfoSchema, DeviceFingerprintSchema } from './token';

/**
 * Body of `POST /v1/three-d-secure/setups` (DIRECT workflow): the cardholder's browser and any device fingerprints,
 * registered before the payment that names the setup in `payment_method.detail.card.three_d_secure`.
 */
export const ThreeDSecureSetupRequestSchema = z.looseObject({
  account_id: IdSchema,
  /** `MERCHANT_PROVIDED` in Yuno's examples. */
  type: z.string().check(z.minLength(1)),
  browser_info: BrowserInfoSchema,
  device_fingerprints: z.optional(z.array(DeviceFingerprintSchema)),
});
export type ThreeDSecureSetupRequest = z.infer<typeof ThreeDSecureSetupRequestSchema>;

/** A registered 3DS setup; its `three_d_secure_setup_id` goes into the payment. */
export const ThreeDSecureSetupSchema = z.looseObject({
  three_d_secure_setup_id: z.string().check(z.minLength(1)),
  account_id: NullableString,
  type: NullableString,
  browser_info: z.optional(z.nullable(BrowserInfoSchema)),
  device_fingerprints: z.optional(z.nullable(z.array(DeviceFingerprintSchema))),
});
export type ThreeDSecureSetup = z.infer<typeof ThreeDSecureSetupSchema>;
