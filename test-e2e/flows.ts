import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { exampleDir, root } from '../scripts/example.mjs';
import {
  TEST_CARDS,
  answerThreeDSecure,
  fillSecureFields,
  secureFieldFrameSelector,
  waitForPaymentStatus,
} from '../src/testing';
import { readmeSnippetMismatches } from './readme';
import type { SandboxControl, SandboxPayment } from './sandbox';
import { card, type Shopper, type Stack, type TestCard } from './shop';

export interface FlowContext {
  stack: Stack;
  sandbox: SandboxControl;
  /** A new shopper in a fresh browser context. */
  open(): Promise<Shopper>;
}

export interface Flow {
  name: string;
  run(t: FlowContext): Promise<void>;
}

// The test kit's named cards (yuno-react/testing), each typed with a CVV of the flow's own for the card-data scan.
const APPROVED = TEST_CARDS.approved.number;
const INSUFFICIENT_FUNDS = TEST_CARDS.declined.number;
const THREE_DS_CHALLENGE = TEST_CARDS.threeDSecure.number;
const MASTERCARD_APPROVED = TEST_CARDS.mastercardApproved.number;
/** A CPF with valid check digits: Brazil's card payments carry the payer's document. */
const CPF = '52998224725';
/** The cart page's default: one T-shirt. */
const DEFAULT_TOTAL = 79.9;

const cardForm = (page: Page) => page.getByRole('form', { name: 'Card payment' });

async function chooseMethod(page: Page, name: string | RegExp): Promise<void> {
  const method = page.getByRole('radiogroup', { name: 'Payment method' }).getByRole('radio', { name });
  await method.click();
  await waitUntil(async () => (await method.getAttribute('aria-checked')) === 'true', `${String(name)} is selected`);
}

/**
 * Types a card into a card form, as a shopper does: number, expiry and code into the sandbox's Secure Fields frames
 * (with the test kit), then the name and the CPF Brazil asks for into the page's fields. While the card is typed, it
 * is in the sandbox's cross-origin frames only.
 */
async function typeCard(shopper: Shopper, form: Locator, details: TestCard): Promise<void> {
  shopper.typed.push(details);
  await fillSecureFields(form, details);
  await shopper.assertCardOnlyInSecureFields(form, details);
  await form.getByLabel('Name on card', { exact: true }).fill(details.holder);
  const documentType = form.getByLabel('Document type', { exact: true });
  if (await documentType.count()) {
    await documentType.selectOption('CPF');
    await form.getByLabel('Document number', { exact: true }).fill(CPF);
  }
}

async function payWithNewCard(shopper: Shopper, details: TestCard, options: { save?: boolean } = {}): Promise<void> {
  const { page } = shopper;
  await chooseMethod(page, 'Card');
  const form = cardForm(page);
  await typeCard(shopper, form, details);
  if (options.save) await form.getByLabel('Save this card for future purchases').check();
  await form.getByRole('button', { name: 'Pay' }).click();
}

/** The result page, once it shows `status` from polling the payment. */
async function expectResult(page: Page, status: string): Promise<string> {
  await page.waitForURL('**/result/**', { timeout: 30_000 });
  await page.getByTestId('payment-status').filter({ hasText: status }).waitFor({ timeout: 30_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
}

/** The checkout's status line (`role="status"` of `<PaymentResult>`), once it contains `text`. */
function expectCheckoutStatus(page: Page, text: string | RegExp): Promise<string> {
  return waitForPaymentStatus(page, text, { timeout: 30_000 });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The checkout session the server created for the page just rendered (from the sandbox's request log). */
async function lastCheckoutSession(sandbox: SandboxControl): Promise<string> {
  const requests = await sandbox.requests();
  const created = requests.filter(
    (r) => r.method === 'GET' && /^\/v1\/checkout\/sessions\/[^/]+\/payment-methods$/.test(r.path),
  );
  const path = created.at(-1)?.path;
  assert.ok(path, 'the checkout page read its payment methods from Yuno');
  return path.split('/')[4] as string;
}

const amountOf = (payment: SandboxPayment) => ({ currency: payment.amount.currency, value: payment.amount.value });

async function onlyPaymentOf(sandbox: SandboxControl, shopper: Shopper) {
  const payments = await sandbox.paymentsOfOrder(await shopper.orderId());
  assert.equal(payments.length, 1, 'one payment for the order');
  return payments[0]!;
}

export const flows: Flow[] = [
  {
    name: "the README's Next.js code is the example's code",
    async run() {
      assert.deepEqual(readmeSnippetMismatches(root, exampleDir), []);
    },
  },
  {
    name: 'approved card',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      // The payment methods were fetched by the server component and hydrated: the browser did not ask for them.
      assert.deepEqual(
        shopper.urls.filter((url) => url.includes('/payment-methods')),
        [],
        'no browser request for the payment methods',
      );
      await payWithNewCard(shopper, card(APPROVED));
      const paymentId = await expectResult(shopper.page, 'SUCCEEDED');
      const payment = await sandbox.payment(paymentId);
      assert.equal(payment.status, 'SUCCEEDED');
      assert.deepEqual(amountOf(payment), { currency: 'BRL', value: DEFAULT_TOTAL }, 'the cart total was charged');
      // The card went from the browser to the sandbox (Yuno's Web SDK stand-in), never through the app's routes.
      assert.equal(shopper.sdkRequests.filter((r) => r.url.endsWith('/token')).length, 1);
      assert.ok(shopper.urls.every((url) => !url.includes('/api/yuno/checkout-sessions/') || !url.endsWith('/token')));
    },
  },
  {
    name: 'declined card, then a good card on a fresh checkout session',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      const firstSession = await lastCheckoutSession(sandbox);
      await payWithNewCard(shopper, card(INSUFFICIENT_FUNDS, '382'));
      const declined = await expectCheckoutStatus(shopper.page, 'Payment declined.');
      assert.match(declined, /Payment declined\. .+/, 'the reason is given');
      // The decline is shown as soon as the payment is created; Web SDK 2.x then ends its run and the card form, its
      // attempt over, empties itself.
      await waitUntil(
        async () => (await cardForm(shopper.page).getAttribute('data-status')) !== 'pending',
        'the card form ends its attempt',
      );
      await shopper.assertNoCardData(); // the declined card is gone from the form
      for (const name of ['pan', 'expiration', 'cvv'] as const) {
        const input = cardForm(shopper.page).frameLocator(secureFieldFrameSelector(name)).locator('input');
        if (await cardForm(shopper.page).locator(secureFieldFrameSelector(name)).count()) {
          assert.equal(await input.inputValue(), '', `the ${name} frame is empty`);
        }
      }
      // The fresh session's methods, read through the routes by the browser that owns it, before typing the new card.
      const refreshed = shopper.page.waitForResponse((response) =>
        /^\/api\/yuno\/checkout-sessions\/[^/]+\/payment-methods$/.test(new URL(response.url()).pathname),
      );
      await shopper.page.getByRole('button', { name: 'Try again' }).click();
      assert.equal((await refreshed).status(), 200, "the fresh session's methods");
      await shopper.page.getByRole('radiogroup', { name: 'Payment method' }).waitFor();
      await payWithNewCard(shopper, card(APPROVED));
      const paymentId = await expectResult(shopper.page, 'SUCCEEDED');

      const payments = await sandbox.paymentsOfOrder(await shopper.orderId());
      assert.equal(payments.length, 2, 'two payments for the order');
      const first = payments.find((p) => p.status === 'DECLINED');
      const second = payments.find((p) => p.id === paymentId);
      assert.ok(first && second, 'a declined payment and the approved one');
      assert.equal(first.checkout?.session, firstSession);
      assert.ok(second.checkout?.session && second.checkout.session !== firstSession, 'the retry used a fresh session');
      assert.equal(second.status, 'SUCCEEDED');
    },
  },
  {
    name: '3DS challenge passed (OTP 1234)',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      await payWithNewCard(shopper, card(THREE_DS_CHALLENGE));
      await completeChallenge(shopper, sandbox, '1234');
      const paymentId = await expectResult(shopper.page, 'SUCCEEDED');
      assert.equal((await sandbox.payment(paymentId)).status, 'SUCCEEDED');
    },
  },
  {
    name: '3DS challenge failed (OTP 1111)',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      await payWithNewCard(shopper, card(THREE_DS_CHALLENGE));
      await completeChallenge(shopper, sandbox, '1111');
      await expectCheckoutStatus(shopper.page, 'Payment declined.');
      const payment = await onlyPaymentOf(sandbox, shopper);
      assert.equal(payment.status, 'DECLINED');
      assert.ok(shopper.page.url().endsWith('/checkout'), 'the shopper stays on the checkout to try again');
    },
  },
  {
    name: 'PIX paid (settled through the sandbox)',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      // A card typed and then abandoned for PIX must leave nothing behind.
      await chooseMethod(shopper.page, 'Card');
      await typeCard(shopper, cardForm(shopper.page), card(MASTERCARD_APPROVED, '518'));
      await chooseMethod(shopper.page, 'PIX');
      await shopper.page.getByRole('button', { name: /^Pay/ }).click();
      await shopper.page.getByRole('img', { name: 'QR code to pay with PIX' }).waitFor();
      await shopper.assertNoCardData(); // the abandoned card is gone with its form
      const code = await shopper.page.getByLabel('PIX copy-and-paste code').inputValue();
      assert.match(code, /^000201/, 'an EMV BR Code to copy');
      const payment = await onlyPaymentOf(sandbox, shopper);
      assert.equal(payment.status, 'READY_TO_PAY', 'waiting for the shopper to pay');
      await sandbox.settle(payment.id, 'SUCCEEDED');
      assert.equal(await expectResult(shopper.page, 'SUCCEEDED'), payment.id);
    },
  },
  {
    name: 'saved card paid with the CVV only',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      await payWithNewCard(shopper, card(APPROVED), { save: true });
      const firstId = await expectResult(shopper.page, 'SUCCEEDED');
      assert.ok((await sandbox.payment(firstId)).payment_method?.vaulted_token, 'the card was saved');

      // A new order of the same shopper: the saved card leads the list and needs only its security code.
      await shopper.checkout();
      const page = shopper.page;
      await chooseMethod(page, /VISA ending in 0002/i);
      const form = page.getByRole('form', { name: 'Pay with a saved card' });
      assert.equal(await form.getByLabel('Card number').count(), 0, 'no card number asked');
      assert.equal(await form.locator(secureFieldFrameSelector('pan')).count(), 0, 'no card number frame');
      assert.equal(await form.locator(secureFieldFrameSelector('cvv')).count(), 1, 'a security code frame');
      const cvv = '864';
      shopper.typed.push({ number: APPROVED, cvv });
      shopper.sdkRequests.length = 0;
      await fillSecureFields(form, { cvv });
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('input[autocomplete="cc-csc"]').length),
        0,
        'no security code input in the merchant document',
      );
      await form.getByRole('button', { name: 'Pay' }).click();
      const secondId = await expectResult(page, 'SUCCEEDED');
      assert.notEqual(secondId, firstId);
      const tokenRequest = shopper.sdkRequests.find((r) => r.url.endsWith('/token'));
      assert.ok(tokenRequest, 'the saved card was tokenized');
      const sent = JSON.parse(tokenRequest.body) as { payment_method: Record<string, unknown> };
      assert.ok(sent.payment_method.vaulted_token, 'by its vaulted token');
      assert.ok(!tokenRequest.body.includes(APPROVED), 'without the card number');
    },
  },
  {
    name: 'enrollment of a new card',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      const page = shopper.page;
      await page.getByText('Save a card for later').click();
      const form = page.getByRole('form', { name: 'Save a card' });
      await typeCard(shopper, form, card(MASTERCARD_APPROVED, '417'));
      await form.getByRole('button', { name: 'Save card' }).click();
      await form.getByText('Your card was saved.').waitFor();
      // The list shows it first, ready for a CVV-only payment.
      await page.getByRole('radio', { name: /MASTERCARD ending in 0002/i }).waitFor();

      const shopperId = (await shopper.context.cookies()).find((c) => c.name === 'shopper')?.value ?? '';
      const customer = await sandbox.yuno<{ id: string }>(
        'GET',
        `/v1/customers?merchant_customer_id=${encodeURIComponent(shopperId)}`,
      );
      const saved = await sandbox.yuno<{ payment_methods: Array<{ status: string; card_data?: { lfd?: string } }> }>(
        'GET',
        `/v1/customers/${customer.id}/payment-methods`,
      );
      assert.deepEqual(
        saved.payment_methods.map((m) => [m.status, m.card_data?.lfd]),
        [['ENROLLED', '0002']],
      );
    },
  },
  {
    name: 'an invalid card number in the Secure Field: the error summary outside the frame, nothing sent',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      const page = shopper.page;
      await chooseMethod(page, 'Card');
      const form = cardForm(page);
      await sandbox.clearRequests();
      shopper.sdkRequests.length = 0;
      const appRequests = () => shopper.urls.filter((u) => /\/api\/yuno\/(payments|enrollments)/.test(u)).length;
      const before = appRequests();
      await typeCard(shopper, form, card(TEST_CARDS.invalidNumber.number, '516'));
      await form.getByRole('button', { name: 'Pay' }).click();
      // The summary is the merchant document's (a page locator does not reach into frames), and says which field.
      const summary = form.getByRole('alert').filter({ hasText: 'Please check the following:' });
      await summary.waitFor();
      const entries = await summary.getByRole('link').allTextContents();
      assert.deepEqual(entries, ['The card number is not valid. Check it and try again.']);
      const pan = form.frameLocator(secureFieldFrameSelector('pan')).locator('input');
      assert.equal(await pan.getAttribute('aria-invalid'), 'true', 'the frame marks its input invalid');
      // Its link moves focus into the number's frame.
      await summary.getByRole('link').first().click();
      await waitUntil(() => pan.evaluate((input) => document.activeElement === input), 'the number field has focus');
      // Nothing was sent: no token, no payment, no request to the app's payment routes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(
        shopper.sdkRequests.filter((r) => r.url.endsWith('/token')),
        [],
        'no token was asked for',
      );
      assert.equal(await sandbox.count('POST', /\/token$/), 0, 'the sandbox made no token');
      assert.equal(await sandbox.count('POST', /^\/v1\/payments$/), 0, 'no payment at Yuno');
      assert.equal(appRequests(), before, 'no request to the app');
      assert.deepEqual(await sandbox.paymentsOfOrder(await shopper.orderId()), [], 'no payment exists');
    },
  },
  {
    name: 'five rapid clicks on Pay make one payment',
    async run({ open, sandbox }) {
      const shopper = await open();
      await shopper.checkout();
      const page = shopper.page;
      await chooseMethod(page, 'Card');
      const form = cardForm(page);
      await typeCard(shopper, form, card(APPROVED, '295'));
      await sandbox.clearRequests();
      const pay = form.getByRole('button', { name: 'Pay' });
      await pay.scrollIntoViewIfNeeded();
      const box = await pay.boundingBox();
      assert.ok(box);
      for (let i = 0; i < 5; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expectResult(page, 'SUCCEEDED');
      assert.equal(await sandbox.count('POST', /^\/v1\/payments$/), 1, 'one payment at Yuno');
      assert.equal(await sandbox.count('POST', /^\/_sandbox\/sdk\/checkout\/sessions\/[^/]+\/token$/), 1, 'one token');
      assert.equal(shopper.urls.filter((u) => u.endsWith('/api/yuno/payments')).length, 1, 'one request to the app');
      await onlyPaymentOf(sandbox, shopper);
    },
  },
  {
    name: 'a payment request with a tampered amount is refused and creates nothing',
    async run({ open, sandbox }) {
      const shopper = await open();
      await sandbox.clearRequests();
      await shopper.checkout();
      const checkoutSession = await lastCheckoutSession(sandbox);
      // A genuine one-time token, made as Yuno's Web SDK makes it (public key only).
      const visa = card(APPROVED, '603');
      shopper.typed.push(visa);
      const token = await tokenize(sandbox, checkoutSession, visa);
      await sandbox.clearRequests();

      const send = (body: Record<string, unknown>) =>
        shopper.page.evaluate(async (payload) => {
          const response = await fetch('/api/yuno/payments', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-idempotency-key': crypto.randomUUID() },
            body: JSON.stringify(payload),
          });
          return { status: response.status, body: (await response.json()) as { code?: string; messages?: string[] } };
        }, body);
      const honest = { checkoutSession, oneTimeToken: token, paymentMethodType: 'CARD' };
      for (const tampered of [
        { ...honest, amount: { currency: 'BRL', value: 0.01 } },
        { ...honest, currency: 'USD' },
        { ...honest, amount: { currency: 'USD', value: DEFAULT_TOTAL } },
      ]) {
        const answer = await send(tampered);
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.equal(answer.body.code, 'INVALID_PARAMETERS');
        assert.match(answer.body.messages?.join(' ') ?? '', /amount|currency/);
      }
      const reachedYuno = (await sandbox.requests()).filter((r) => r.path.startsWith('/v1/'));
      assert.deepEqual(reachedYuno, [], 'nothing reached Yuno');
      assert.deepEqual(await sandbox.paymentsOfOrder(await shopper.orderId()), [], 'no payment exists');

      // The same token still pays the amount the server decided.
      const answer = await send(honest);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const payment = await onlyPaymentOf(sandbox, shopper);
      assert.deepEqual(amountOf(payment), { currency: 'BRL', value: DEFAULT_TOTAL });
    },
  },
  {
    name: 'another shopper can neither read nor pay a checkout: 404, like an unknown id, and Yuno is not called',
    async run({ open, sandbox }) {
      const owner = await open();
      await owner.checkout();
      const checkoutSession = await lastCheckoutSession(sandbox);
      // A second browser context: another shopper with a cart and a checkout of their own.
      const intruder = await open();
      await intruder.checkout();
      type Answer = { status: number; text: string };
      const attempt = (cs: string, paymentId: string) =>
        intruder.page.evaluate(
          async ({ cs, paymentId }) => {
            const answer = async (response: Response) => ({ status: response.status, text: await response.text() });
            return {
              methods: await answer(await fetch(`/api/yuno/checkout-sessions/${cs}/payment-methods`)),
              pay: await answer(
                await fetch('/api/yuno/payments', {
                  method: 'POST',
                  headers: { 'content-type': 'application/json', 'x-idempotency-key': crypto.randomUUID() },
                  body: JSON.stringify({ checkoutSession: cs, oneTimeToken: crypto.randomUUID() }),
                }),
              ),
              payment: await answer(await fetch(`/api/yuno/payments/${paymentId}`)),
              unknownPayment: await answer(await fetch(`/api/yuno/payments/${crypto.randomUUID()}`)),
              unknownSession: await answer(
                await fetch(`/api/yuno/checkout-sessions/${crypto.randomUUID()}/payment-methods`),
              ),
            };
          },
          { cs, paymentId },
        );
      const notFound = JSON.stringify({ code: 'NOT_FOUND', messages: ['Not Found'] });
      const expectAllNotFound = (answers: Record<string, Answer>) => {
        for (const [what, answer] of Object.entries(answers)) {
          assert.equal(answer.status, 404, `${what}: ${answer.text}`);
          assert.equal(answer.text, notFound, `${what}: the body of an unknown id`);
        }
      };

      // Before the owner pays: the intruder can neither list the session's methods nor pay it.
      await sandbox.clearRequests();
      expectAllNotFound(await attempt(checkoutSession, randomUUID()));
      assert.deepEqual(
        (await sandbox.requests()).filter((r) => r.path.startsWith('/v1/')),
        [],
        'nothing reached Yuno',
      );

      // The owner pays; the intruder, holding the payment id, cannot read it (nor its status) either.
      await payWithNewCard(owner, card(APPROVED));
      const paymentId = await expectResult(owner.page, 'SUCCEEDED');
      await owner.page.goto('about:blank');
      await sandbox.clearRequests();
      expectAllNotFound(await attempt(checkoutSession, paymentId));
      assert.deepEqual(
        (await sandbox.requests()).filter((r) => r.path.startsWith('/v1/')),
        [],
        'nothing reached Yuno',
      );
      assert.equal((await sandbox.paymentsOfOrder(await owner.orderId())).length, 1, 'only the owner paid');

      // The owner's browser still reads its payment through the routes.
      const own = await owner.context.request.get(`/api/yuno/payments/${encodeURIComponent(paymentId)}`);
      assert.equal(own.status(), 200, await own.text());
      assert.equal(((await own.json()) as { id?: string }).id, paymentId);
    },
  },
  {
    name: 'a webhook arrives and the result page updates',
    async run({ open, sandbox, stack }) {
      const shopper = await open();
      await shopper.checkout();
      const page = shopper.page;
      await chooseMethod(page, 'PIX');
      await page.getByRole('button', { name: /^Pay/ }).click();
      await page.getByRole('img', { name: 'QR code to pay with PIX' }).waitFor();
      await page.getByRole('link', { name: 'Follow your order' }).click();
      await page.waitForURL('**/result/**');
      const paymentId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      await page.getByTestId('payment-status').filter({ hasText: 'READY_TO_PAY' }).waitFor();
      const webhook = page.getByTestId('webhook-status');
      assert.doesNotMatch((await webhook.textContent()) ?? '', /SUCCEEDED/);

      // A forged webhook (wrong signature) is refused and changes nothing.
      const payment = await sandbox.payment(paymentId);
      const forged = JSON.stringify({
        type: 'payment',
        type_event: 'payment.purchase',
        version: 2,
        retry: 0,
        account_id: sandbox.credentials.accountId,
        data: { idempotency_key: randomUUID(), payment: { ...payment, status: 'SUCCEEDED' } },
      });
      const refused = await fetch(`${stack.appUrl}/api/yuno/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hmac-signature': createHmac('sha256', 'not-the-secret').update(forged).digest('base64'),
        },
        body: forged,
      });
      assert.equal(refused.status, 401);

      await sandbox.settle(paymentId, 'SUCCEEDED');
      await webhook.filter({ hasText: 'Webhook payment.purchase: SUCCEEDED' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('payment-status').filter({ hasText: 'SUCCEEDED' }).waitFor({ timeout: 30_000 });
      const deliveries = (await sandbox.webhookDeliveries()).filter((d) => d.body.includes(paymentId));
      assert.ok(deliveries.length >= 1, 'the sandbox sent webhooks for the payment');
      assert.ok(
        deliveries.every((d) => d.status === 200),
        `the app accepted them: ${deliveries.map((d) => d.status).join(', ')}`,
      );
    },
  },
];

/**
 * The 3DS challenge page, served by the sandbox, in the Web SDK's own view (Yuno's Web SDK 2.x, here the sandbox's
 * stand-in, shows the bank's page itself; the checkout only says where to look): type the code and verify.
 */
async function completeChallenge(shopper: Shopper, sandbox: SandboxControl, otp: string): Promise<void> {
  const title = 'Verify your payment with your bank';
  const view = shopper.page.getByRole('dialog', { name: title });
  await view.waitFor({ timeout: 20_000 });
  const notice = shopper.page.locator('[data-slot="next-action-challenge"]');
  assert.equal(await notice.getAttribute('role'), 'status', 'the checkout says where the challenge is');
  assert.equal(await notice.textContent(), 'Complete your bank’s verification in the window that opened.');
  assert.equal(await notice.locator('iframe').count(), 0, 'the checkout shows no challenge frame of its own');
  const frameElement = view.locator(`iframe[title="${title}"]`);
  const src = (await frameElement.getAttribute('src')) ?? '';
  assert.ok(src.startsWith(`${sandbox.url}/_sandbox/3ds/`), `the challenge loads from the sandbox (${src})`);
  await answerThreeDSecure(view, otp);
  await view.waitFor({ state: 'detached', timeout: 20_000 });
}

/** A one-time token from the sandbox's Web SDK route, with the public key only, as the SDK in a browser makes it. */
async function tokenize(sandbox: SandboxControl, checkoutSession: string, details: TestCard): Promise<string> {
  const [month, year] = details.expiry.split('/');
  const response = await fetch(`${sandbox.url}/_sandbox/sdk/checkout/sessions/${checkoutSession}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'public-api-key': sandbox.credentials.publicApiKey },
    body: JSON.stringify({
      checkout_session: checkoutSession,
      payment_method: {
        type: 'CARD',
        card: {
          detail: {
            number: details.number,
            expiration_month: Number(month),
            expiration_year: 2000 + Number(year),
            security_code: details.cvv,
            holder_name: details.holder,
          },
        },
      },
    }),
  });
  const body = (await response.json()) as { token?: string };
  assert.equal(response.status, 201, JSON.stringify(body));
  assert.ok(body.token);
  return body.token;
}
