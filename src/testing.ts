// Entry `yuno-react/testing`: helpers for a merchant's own tests of a checkout built with yuno-react, against the
// sandbox (`yuno-react/sandbox`) and its stand-in for Yuno's Web SDK. It depends on no test library: the Playwright
// helpers take anything shaped like Playwright's `Page` / `Locator`, the jsdom helper an injected `user` object.
import { SANDBOX_THREE_DS_OTPS } from './sandbox/constants';
import { SANDBOX_TEST_CARDS, type SandboxTestCard } from './sandbox/testCards';

export { SANDBOX_THREE_DS_OTPS };

/**
 * A card as a shopper types it: the number, the expiry as `MM/YY`, the security code and the name on the card.
 *
 * @example
 * ```ts
 * const card: TestCard = { ...TEST_CARDS.approved, cvv: '739' };
 * ```
 */
export interface TestCard {
  number: string;
  /** `MM/YY`. */
  expiry: string;
  cvv: string;
  holder: string;
  /** What the sandbox does with the card, in a few words. */
  description: string;
}

/** The names of {@link TEST_CARDS}. */
export type TestCardName =
  | 'approved'
  | 'declined'
  | 'declinedByBank'
  | 'invalidSecurityCode'
  | 'threeDSecure'
  | 'threeDSecureFrictionless'
  | 'mastercardApproved'
  | 'amexApproved'
  | 'invalidNumber';

function named(match: (card: SandboxTestCard) => boolean): TestCard {
  const card = SANDBOX_TEST_CARDS.find(match);
  if (!card) throw new TestKitError('NO_SUCH_CARD', 'yuno-react/testing: the sandbox has no such test card');
  return {
    number: card.number,
    expiry: `${String(card.expirationMonth).padStart(2, '0')}/${String(card.expirationYear % 100).padStart(2, '0')}`,
    cvv: card.securityCode,
    holder: 'Ada Lovelace',
    description: card.description,
  };
}

/**
 * The sandbox's test cards by name, as a shopper types them (taken from `SANDBOX_TEST_CARDS` of `yuno-react/sandbox`,
 * which lists them all with the status each leads to). `invalidNumber` fails the Luhn check: the card form refuses it
 * before anything is sent.
 *
 * @example
 * ```ts
 * import { TEST_CARDS, fillSecureFields } from 'yuno-react/testing';
 *
 * await fillSecureFields(page, TEST_CARDS.threeDSecure);
 * ```
 */
export const TEST_CARDS: Readonly<Record<TestCardName, Readonly<TestCard>>> = {
  approved: named((c) => c.brand === 'VISA' && c.responseCode === 'SUCCEEDED' && !c.threeDSecure),
  declined: named((c) => c.brand === 'VISA' && c.responseCode === 'INSUFFICIENT_FUNDS'),
  declinedByBank: named((c) => c.brand === 'VISA' && c.responseCode === 'DECLINED_BY_BANK'),
  invalidSecurityCode: named((c) => c.brand === 'VISA' && c.responseCode === 'INVALID_SECURITY_CODE'),
  threeDSecure: named((c) => c.brand === 'VISA' && c.threeDSecure === 'challenge'),
  threeDSecureFrictionless: named((c) => c.brand === 'VISA' && c.threeDSecure === 'frictionless'),
  mastercardApproved: named((c) => c.brand === 'MASTERCARD' && c.responseCode === 'SUCCEEDED' && !c.threeDSecure),
  amexApproved: named((c) => c.brand === 'AMEX' && c.responseCode === 'SUCCEEDED' && !c.threeDSecure),
  invalidNumber: {
    number: '4507990000000003',
    expiry: '11/28',
    cvv: '123',
    holder: 'Ada Lovelace',
    description: 'Fails the Luhn check: refused by the card form',
  },
};

/** Why a helper of `yuno-react/testing` could not do its work. */
export type TestKitErrorCode = 'NO_SUCH_CARD' | 'FIELD_NOT_FOUND' | 'VALUE_NOT_TAKEN' | 'SECURE_FIELDS_IN_JSDOM';

/**
 * The failure of a test kit helper, with a `code`. Its message names the field, never the card data.
 *
 * @example
 * ```ts
 * await fillCardForm(container, TEST_CARDS.approved, { user }).catch((error) => {
 *   if (error instanceof TestKitError && error.code === 'SECURE_FIELDS_IN_JSDOM') render(<CardForm cardFields="raw" />);
 * });
 * ```
 */
export class TestKitError extends Error {
  override readonly name = 'TestKitError';
  constructor(
    readonly code: TestKitErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Playwright, typed by shape: a `Page`, a `Locator` or a `FrameLocator` of Playwright's fits these.

/**
 * What the helpers use of a Playwright `Locator`.
 *
 * @example
 * ```ts
 * const form: LocatorLike = page.getByRole('form', { name: 'Card payment' });
 * ```
 */
export interface LocatorLike {
  locator(selector: string): LocatorLike;
  frameLocator(selector: string): FrameLocatorLike;
  first(): LocatorLike;
  pressSequentially(text: string, options?: { delay?: number; timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  inputValue(options?: { timeout?: number }): Promise<string>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
}

/**
 * What the helpers use of a Playwright `FrameLocator`.
 *
 * @example
 * ```ts
 * const frame: FrameLocatorLike = page.frameLocator('iframe[title="Verify your payment with your bank"]');
 * ```
 */
export interface FrameLocatorLike {
  locator(selector: string): LocatorLike;
  getByLabel(text: string, options?: { exact?: boolean }): LocatorLike;
  getByRole(role: 'button', options?: { name?: string | RegExp; exact?: boolean }): LocatorLike;
}

/**
 * What the helpers search in: a Playwright `Page`, `Locator` (e.g. the card form) or `FrameLocator`.
 *
 * @example
 * ```ts
 * const scope: LocatorScope = page;
 * ```
 */
export interface LocatorScope {
  locator(selector: string): LocatorLike;
  frameLocator(selector: string): FrameLocatorLike;
}

/** The stand-in's Secure Fields by name, with what each takes from a card. */
const SECURE_FIELDS = [
  { name: 'pan', value: (card: Partial<TestCard>) => card.number },
  { name: 'expiration', value: (card: Partial<TestCard>) => card.expiry },
  { name: 'cvv', value: (card: Partial<TestCard>) => card.cvv },
] as const;

/**
 * The CSS selector of the stand-in's frame for one Secure Field (`pan`, `expiration` or `cvv`): the sandbox serves it
 * at `/_sandbox/secure-fields/field?name=…`.
 *
 * @example
 * ```ts
 * const pan = page.frameLocator(secureFieldFrameSelector('pan')).locator('input');
 * ```
 */
export function secureFieldFrameSelector(name: 'pan' | 'expiration' | 'cvv'): string {
  // The stand-in puts `name` first; no `&` in the selector (jsdom's selector engine mismatches it).
  return `iframe[src*="/_sandbox/secure-fields/field?name=${name}"]`;
}

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * Types a card into the sandbox stand-in's Secure Fields, as a shopper does: each of the number, expiry and security
 * code into its own frame, found by its `src` (`/_sandbox/secure-fields/field?name=pan|expiration|cvv`). Only the
 * fields the card has a value for are typed, so `{ cvv }` fills the security code of a saved card alone. Give the
 * card form as `scope` when the page has more than one. The name on the card and the document are page fields: fill
 * them as usual. Fails with a {@link TestKitError} (`VALUE_NOT_TAKEN`) when a field did not take what was typed.
 *
 * @example
 * ```ts
 * import { TEST_CARDS, fillSecureFields } from 'yuno-react/testing';
 *
 * const form = page.getByRole('form', { name: 'Card payment' });
 * await fillSecureFields(form, TEST_CARDS.approved);
 * await form.getByLabel('Name on card').fill('Ada Lovelace');
 * await form.getByRole('button', { name: 'Pay' }).click();
 * ```
 */
export async function fillSecureFields(
  scope: LocatorScope,
  card: Partial<Pick<TestCard, 'number' | 'expiry' | 'cvv'>>,
  options: { timeout?: number; delay?: number } = {},
): Promise<void> {
  const timeout = options.timeout ?? 15_000;
  for (const field of SECURE_FIELDS) {
    const value = field.value(card);
    if (value === undefined) continue;
    const input = scope.frameLocator(secureFieldFrameSelector(field.name)).locator('input').first();
    try {
      await input.waitFor({ state: 'visible', timeout });
    } catch (cause) {
      throw new TestKitError('FIELD_NOT_FOUND', `yuno-react/testing: no ${field.name} Secure Field frame was found`, {
        cause,
      });
    }
    // The frame's script formats what is typed (spaces, the slash of the expiry): compare the digits.
    for (let attempt = 0; ; attempt++) {
      await input.fill('', { timeout });
      await input.pressSequentially(value, { delay: options.delay ?? 0, timeout });
      if (digits(await input.inputValue({ timeout })) === digits(value)) break;
      if (attempt === 2) {
        throw new TestKitError('VALUE_NOT_TAKEN', `yuno-react/testing: the ${field.name} field did not take the value`);
      }
    }
  }
}

/** The title of the sandbox's 3DS challenge frame, as Yuno's 3DS simulator names it. */
const CHALLENGE_TITLE = 'Verify your payment with your bank';

/**
 * Answers the sandbox's 3DS challenge: types the one-time code into the challenge frame (titled "Verify your payment
 * with your bank"; in the stand-in's dialog with Web SDK 2.x, in the page with 1.x) and presses "Verify payment".
 * `1234` authenticates, `1111` fails (see `SANDBOX_THREE_DS_OTPS`). It then waits until the frame is gone, unless
 * `waitUntilClosed` is `false`.
 *
 * @example
 * ```ts
 * import { SANDBOX_THREE_DS_OTPS, TEST_CARDS, answerThreeDSecure, fillSecureFields } from 'yuno-react/testing';
 *
 * await fillSecureFields(form, TEST_CARDS.threeDSecure);
 * await form.getByRole('button', { name: 'Pay' }).click();
 * await answerThreeDSecure(page, SANDBOX_THREE_DS_OTPS.authenticated);
 * ```
 */
export async function answerThreeDSecure(
  page: LocatorScope,
  otp: string,
  options: { timeout?: number; waitUntilClosed?: boolean } = {},
): Promise<void> {
  const timeout = options.timeout ?? 20_000;
  const selector = `iframe[title="${CHALLENGE_TITLE}"]`;
  const frameElement = page.locator(selector).first();
  try {
    await frameElement.waitFor({ state: 'visible', timeout });
  } catch (cause) {
    throw new TestKitError('FIELD_NOT_FOUND', 'yuno-react/testing: no 3DS challenge frame appeared', { cause });
  }
  const frame = page.frameLocator(selector);
  await frame.getByLabel('Verification code').fill(otp, { timeout });
  await frame.getByRole('button', { name: 'Verify payment' }).click({ timeout });
  if (options.waitUntilClosed !== false) await frameElement.waitFor({ state: 'detached', timeout });
}

/**
 * Waits until the checkout's status line (`<PaymentResult>`'s message, `[data-slot="payment-status-message"]`)
 * contains `text`, and returns what it says.
 *
 * @example
 * ```ts
 * import { waitForPaymentStatus } from 'yuno-react/testing';
 *
 * const message = await waitForPaymentStatus(page, 'Payment declined.');
 * ```
 */
export async function waitForPaymentStatus(
  page: { locator(selector: string): StatusLocatorLike },
  text: string | RegExp,
  options: { timeout?: number } = {},
): Promise<string> {
  const status = page.locator('[data-slot="payment-status-message"]').filter({ hasText: text });
  await status.waitFor({ timeout: options.timeout ?? 30_000 });
  return (await status.textContent()) ?? '';
}

/**
 * What {@link waitForPaymentStatus} uses of a Playwright `Locator`.
 *
 * @example
 * ```ts
 * const status: StatusLocatorLike = page.locator('[data-slot="payment-status-message"]');
 * ```
 */
export interface StatusLocatorLike {
  filter(options: { hasText: string | RegExp }): StatusLocatorLike;
  waitFor(options?: { timeout?: number }): Promise<void>;
  textContent(): Promise<string | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// jsdom (Testing Library): frames do not run there, so a test renders `<CardForm cardFields="raw">`.

/**
 * What {@link fillCardForm} uses of Testing Library's `userEvent.setup()`.
 *
 * @example
 * ```ts
 * const user: UserLike = userEvent.setup();
 * ```
 */
export interface UserLike {
  type(element: Element, text: string): Promise<void>;
  selectOptions?(element: Element, values: string | string[]): Promise<void>;
}

/**
 * Types a card into a card form rendered in jsdom with `cardFields="raw"` (page inputs, found by their autocomplete
 * tokens `cc-number`, `cc-exp`, `cc-csc`, `cc-name`), through the `user` of `@testing-library/user-event`. Secure
 * Fields are cross-origin frames that do not run in jsdom: on a form that renders them (`data-card-fields="secure"`)
 * it fails with a {@link TestKitError} (`SECURE_FIELDS_IN_JSDOM`). This covers the merchant's own code around the form
 * (validation messages, submit, what happens with the token or the payment), not Yuno's frames: test those in a
 * browser with {@link fillSecureFields}.
 *
 * @example
 * ```tsx
 * import { render } from '@testing-library/react';
 * import userEvent from '@testing-library/user-event';
 * import { TEST_CARDS, fillCardForm } from 'yuno-react/testing';
 *
 * const { container } = render(<Checkout cardFields="raw" />);
 * await fillCardForm(container, TEST_CARDS.approved, { user: userEvent.setup() });
 * ```
 */
export async function fillCardForm(
  container: ParentNode,
  card: Partial<Pick<TestCard, 'number' | 'expiry' | 'cvv' | 'holder'>>,
  options: { user: UserLike },
): Promise<void> {
  if (container.querySelector('[data-card-fields="secure"]')) {
    throw new TestKitError(
      'SECURE_FIELDS_IN_JSDOM',
      'yuno-react/testing: this card form renders Secure Fields, which do not run in jsdom; render it with cardFields="raw"',
    );
  }
  const fields = [
    { autocomplete: 'cc-number', value: card.number },
    { autocomplete: 'cc-exp', value: card.expiry },
    { autocomplete: 'cc-csc', value: card.cvv },
    { autocomplete: 'cc-name', value: card.holder },
  ];
  for (const { autocomplete, value } of fields) {
    if (value === undefined) continue;
    const input = container.querySelector(`input[autocomplete="${autocomplete}"]`);
    if (!input) {
      throw new TestKitError('FIELD_NOT_FOUND', `yuno-react/testing: no ${autocomplete} input in the container`);
    }
    await options.user.type(input, value);
  }
}
