import { action } from 'storybook/actions';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { cardFormMessages, type YunoLanguage } from 'yuno-react';
import { messagesOf } from './messages';

const card = messagesOf(cardFormMessages);

/** The card fields a form is on: Yuno's Secure Fields (cross-origin frames) or the page's own inputs. */
export type StoryCardFields = 'secure' | 'raw';

/** The Secure Field (its frame's `data-yuno-secure-field`) each card field of the form is typed into. */
const FRAME_OF = { number: 'pan', expiry: 'expiration', securityCode: 'cvv' } as const;
type CardDataField = keyof typeof FRAME_OF;

/** What the shopper types into the frames when the play function cannot (the Storybook UI). */
export const TEST_CARD_NOTE =
  'Type a test card into the card fields: 4507 9900 0000 0002, any future expiry (e.g. 11/30), security code 123.';

/**
 * Waits for the story's card form (a `<form data-card-fields>`, `<CardForm>`'s or one laid out from `useCardForm`) to
 * take input: with Secure Fields, until every frame says it is ready.
 *
 * @example
 * ```ts
 * const { form, cardFields } = await readyCardForm(canvasElement);
 * ```
 */
export async function readyCardForm(
  canvasElement: HTMLElement,
): Promise<{ form: HTMLFormElement; cardFields: StoryCardFields }> {
  return waitFor(() => {
    const form = canvasElement.querySelector<HTMLFormElement>('form[data-card-fields]');
    if (!form) throw new Error('The card form is not on screen yet');
    const cardFields = form.dataset.cardFields as StoryCardFields;
    if (cardFields === 'secure') {
      const containers = [...form.querySelectorAll('[data-slot="card-form-secure-field"]')];
      if (containers.length === 0 || containers.some((c) => c.getAttribute('data-state') !== 'ready')) {
        throw new Error('The Secure Fields are not ready yet');
      }
    }
    return { form, cardFields };
  });
}

/** The frame a card field of the form is typed into (Secure Fields). */
export function secureFieldFrame(form: HTMLElement, name: CardDataField): HTMLIFrameElement {
  const frame = form.querySelector<HTMLIFrameElement>(`iframe[data-yuno-secure-field="${FRAME_OF[name]}"]`);
  if (!frame) throw new Error(`No Secure Field frame for ${name} in the form`);
  return frame;
}

/**
 * Vitest's browser `page` (Playwright), which can type into cross-origin frames; `null` outside `npm run
 * test:stories` (the Storybook UI), where no script of the page can.
 */
async function vitestPage() {
  const inVitest =
    import.meta.env['VITEST'] !== undefined || (globalThis as { __vitest_browser__?: boolean }).__vitest_browser__;
  if (!inVitest) return null;
  const { page } = await import('vitest/browser');
  return page;
}

/**
 * Tells the person looking at the story (Storybook UI) to type the card into the frames themselves: an action in the
 * Actions panel and a note at the end of the form, which goes with the form when the story is left.
 */
function askShopperToType(form: HTMLFormElement, note: string): void {
  action('type a test card')(note);
  form.querySelector('[data-story-note]')?.remove();
  const p = form.ownerDocument.createElement('p');
  p.setAttribute('data-story-note', '');
  p.setAttribute('role', 'status');
  p.style.cssText =
    'margin:1rem 0 0;padding:0.5rem 0.75rem;border-left:4px solid #1d4ed8;color:#111827;background:#eff6ff;font:14px/1.4 system-ui,sans-serif';
  p.textContent = `${note} The card fields are Yuno's Secure Fields, frames of another origin: a script of this page cannot type into them, so the story's play stops here.`;
  form.append(p);
}

/**
 * Types `value` into a card field of the form: into its frame with Secure Fields (Vitest only: in the Storybook UI it
 * shows `note`, by default what to type where, and returns false), into its input with raw inputs.
 *
 * @example
 * ```ts
 * if (!(await typeCardField(canvasElement, 'securityCode', '123'))) return;
 * ```
 */
export async function typeCardField(
  canvasElement: HTMLElement,
  name: CardDataField,
  value: string,
  language: YunoLanguage = 'en',
  note?: string,
): Promise<boolean> {
  const { form, cardFields } = await readyCardForm(canvasElement);
  const label = card[language](`cardForm.${name}.label`);
  if (cardFields === 'raw') {
    await userEvent.type(within(form).getByLabelText(label), value);
    return true;
  }
  const page = await vitestPage();
  if (!page) {
    askShopperToType(form, note ?? `Type ${value} into the field “${label}”, then go on as the story describes.`);
    return false;
  }
  // The frame's one input, labelled with the form's label (the form passes it to the field).
  const frame = page.frameLocator(page.elementLocator(secureFieldFrame(form, name)));
  await frame.getByLabelText(label).fill(value);
  return true;
}

/**
 * Types a test card into the story's card form as a shopper would (expiry 11/30, CVV 123, or 1234 for Amex): into
 * the Secure Fields' frames, or into the page's inputs with `cardFields="raw"`. The holder name is the page's input
 * either way. Returns false, after asking the viewer to type the card, where a script cannot type into the frames (the
 * Storybook UI): the play function stops there.
 *
 * @example
 * ```ts
 * if (!(await fillCard(canvasElement, '4507990000000002'))) return;
 * ```
 */
export async function fillCard(
  canvasElement: HTMLElement,
  number: string,
  language: YunoLanguage = 'en',
): Promise<boolean> {
  if (!(await typeCardField(canvasElement, 'number', number, language, TEST_CARD_NOTE))) return false;
  await typeCardField(canvasElement, 'expiry', '1130', language);
  await typeCardField(canvasElement, 'securityCode', /^3[47]/.test(number) ? '1234' : '123', language);
  const { form } = await readyCardForm(canvasElement);
  await userEvent.type(within(form).getByLabelText(card[language]('cardForm.holderName.label')), 'Ada Lovelace');
  return true;
}

/**
 * Asserts that the card's number and security code are not in the story's document (no `cc-number` or `cc-csc`
 * input) and that the number's frame is another origin's, the story's sandbox's, whose document the page cannot read.
 *
 * @example
 * ```ts
 * await expectCardDataInFrames(canvasElement, stackOf(context).sandbox.baseUrl);
 * ```
 */
export async function expectCardDataInFrames(canvasElement: HTMLElement, sandboxUrl: string): Promise<void> {
  const { form, cardFields } = await readyCardForm(canvasElement);
  await expect(cardFields).toBe('secure');
  const doc = canvasElement.ownerDocument;
  await expect(doc.querySelector('input[autocomplete="cc-number"], input[autocomplete="cc-csc"]')).toBeNull();
  const frame = secureFieldFrame(form, form.dataset.mode === 'cvv' ? 'securityCode' : 'number');
  const origin = new URL(frame.src).origin;
  await expect(origin).toBe(new URL(sandboxUrl).origin);
  await expect(origin).not.toBe(doc.defaultView?.location.origin);
  await expect(frame.contentDocument).toBeNull();
}
