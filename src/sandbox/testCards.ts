/**
 * How a 3DS test card authenticates.
 *
 * @example
 * ```ts
 * const challengeCards = SANDBOX_TEST_CARDS.filter((card) => card.threeDSecure === ('challenge' satisfies SandboxThreeDSecureBehaviour));
 * ```
 */
export type SandboxThreeDSecureBehaviour =
  /** Authenticated without a challenge: the payment succeeds with 3DS data (ECI, cryptogram). */
  | 'frictionless'
  /** A browser challenge: the payment waits (PENDING / WAITING_ADDITIONAL_STEP) until the OTP is entered. */
  | 'challenge'
  /** Not authenticated without a challenge: declined with AUTHENTICATION_FAILED_THREE_D_SECURE. */
  | 'frictionless_failed'
  /** The card is not enrolled in 3DS: the payment goes on without it and succeeds. */
  | 'not_enrolled';

/**
 * One test card and what the sandbox does with it.
 *
 * @example
 * ```ts
 * const card: SandboxTestCard = SANDBOX_TEST_CARDS.find((c) => c.responseCode === 'INSUFFICIENT_FUNDS')!;
 * ```
 */
export interface SandboxTestCard {
  number: string;
  brand: 'VISA' | 'MASTERCARD' | 'AMEX' | 'DINERS';
  expirationMonth: number;
  expirationYear: number;
  securityCode: string;
  /** Payment status the card leads to when it is paid. */
  status: string;
  subStatus: string;
  /** The transaction's `response_code`. */
  responseCode: string;
  threeDSecure?: SandboxThreeDSecureBehaviour;
  /** What the card is for, in a few words. */
  description: string;
}

const OUTCOME_SUFFIXES = [
  { suffix: '0002', status: 'SUCCEEDED', subStatus: 'APPROVED', responseCode: 'SUCCEEDED', description: 'Approved' },
  {
    suffix: '0010',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'INSUFFICIENT_FUNDS',
    description: 'Declined: insufficient funds',
  },
  {
    suffix: '0028',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'DECLINED_BY_BANK',
    description: 'Declined by the bank',
  },
  {
    suffix: '0036',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'DO_NOT_HONOR',
    description: 'Declined: do not honor',
  },
  {
    suffix: '0044',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'INVALID_SECURITY_CODE',
    description: 'Declined: invalid security code',
  },
  {
    suffix: '0051',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'INVALID_CARD_DATA',
    description: 'Declined: invalid card data',
  },
  {
    suffix: '0069',
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'REPORTED_STOLEN',
    description: 'Declined: reported stolen',
  },
  { suffix: '0077', status: 'ERROR', subStatus: 'ERROR', responseCode: 'ERROR', description: 'Processing error' },
] as const;

const BRAND_PREFIXES = [
  { brand: 'VISA', prefix: '450799000000', securityCode: '123' },
  { brand: 'MASTERCARD', prefix: '525244000000', securityCode: '123' },
  { brand: 'AMEX', prefix: '37000000000', securityCode: '1234' },
  { brand: 'DINERS', prefix: '364716600000', securityCode: '123' },
] as const;

const THREE_DS_CARDS: ReadonlyArray<Pick<SandboxTestCard, 'number' | 'brand' | 'threeDSecure' | 'description'>> = [
  {
    number: '4929251897047956',
    brand: 'VISA',
    threeDSecure: 'frictionless',
    description: '3DS frictionless, authenticated',
  },
  {
    number: '5512459816707531',
    brand: 'MASTERCARD',
    threeDSecure: 'frictionless',
    description: '3DS frictionless, authenticated',
  },
  {
    number: '347899129656655',
    brand: 'AMEX',
    threeDSecure: 'frictionless',
    description: '3DS frictionless, authenticated',
  },
  { number: '4916994064252017', brand: 'VISA', threeDSecure: 'challenge', description: '3DS browser challenge' },
  { number: '4234123412340003', brand: 'VISA', threeDSecure: 'challenge', description: '3DS browser challenge' },
  { number: '5306889942833340', brand: 'MASTERCARD', threeDSecure: 'challenge', description: '3DS browser challenge' },
  { number: '348638267931507', brand: 'AMEX', threeDSecure: 'challenge', description: '3DS browser challenge' },
  {
    number: '4716429323842524',
    brand: 'VISA',
    threeDSecure: 'frictionless_failed',
    description: '3DS frictionless, not authenticated',
  },
  {
    number: '4234123412340001',
    brand: 'VISA',
    threeDSecure: 'not_enrolled',
    description: '3DS not enrolled, approved without it',
  },
];

const THREE_DS_OUTCOMES: Record<
  SandboxThreeDSecureBehaviour,
  Pick<SandboxTestCard, 'status' | 'subStatus' | 'responseCode'>
> = {
  frictionless: { status: 'SUCCEEDED', subStatus: 'APPROVED', responseCode: 'SUCCEEDED' },
  challenge: { status: 'PENDING', subStatus: 'WAITING_ADDITIONAL_STEP', responseCode: 'CHALLENGE_REQUIRED' },
  frictionless_failed: {
    status: 'DECLINED',
    subStatus: 'DECLINED',
    responseCode: 'AUTHENTICATION_FAILED_THREE_D_SECURE',
  },
  not_enrolled: { status: 'SUCCEEDED', subStatus: 'APPROVED', responseCode: 'SUCCEEDED' },
};

/**
 * The test cards of Yuno's test gateway and 3DS simulator, and what the sandbox does with each. Any other number that
 * passes the Luhn check is approved (`4111111111111111` is the usual one); a number that fails it is refused when it
 * is tokenized. Expiry 11/28 and the CVV listed are what Yuno's docs use; the sandbox accepts any future date and CVV.
 *
 * @example
 * ```ts
 * import { SANDBOX_TEST_CARDS } from 'yuno-react/sandbox';
 *
 * const declined = SANDBOX_TEST_CARDS.filter((card) => card.status === 'DECLINED');
 * const challenge = SANDBOX_TEST_CARDS.find((card) => card.threeDSecure === 'challenge')!.number;
 * ```
 */
export const SANDBOX_TEST_CARDS: readonly SandboxTestCard[] = [
  ...BRAND_PREFIXES.flatMap(({ brand, prefix, securityCode }) =>
    OUTCOME_SUFFIXES.map(({ suffix, description, ...result }) => ({
      number: prefix + suffix,
      brand,
      expirationMonth: 11,
      expirationYear: 2028,
      securityCode,
      ...result,
      description,
    })),
  ),
  ...THREE_DS_CARDS.map((card) => ({
    ...card,
    expirationMonth: 11,
    expirationYear: 2028,
    securityCode: card.brand === 'AMEX' ? '1234' : '123',
    ...THREE_DS_OUTCOMES[card.threeDSecure ?? 'not_enrolled'],
  })),
];

const BY_NUMBER = new Map(SANDBOX_TEST_CARDS.map((card) => [card.number, card]));

export function findTestCard(number: string): SandboxTestCard | undefined {
  return BY_NUMBER.get(number);
}
