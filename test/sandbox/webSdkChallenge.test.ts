// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
});

let seq = 0;

/** A card payment waiting on its 3DS challenge, and the stand-in's challenge for it. */
async function challengedPayment(challengePage: 'url' | 'blob' = 'blob') {
  seq += 1;
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `order-3ds-${Date.now()}-${seq}`,
    payment_description: 'Challenge in a blob page',
    country: 'US',
    amount: { currency: 'USD', value: 40 },
  });
  const cs = session.checkout_session;
  const sdk = createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, challengePage });
  const instance = await sdk.initialize(sandbox.credentials.publicApiKey);
  const api = await instance.apiClientPayment({ country_code: 'US', checkout_session: cs });
  const ott = await api.generateToken({
    payment_method: {
      type: 'CARD',
      card: {
        detail: {
          number: '4916994064252017',
          expiration_month: 11,
          expiration_year: 30,
          security_code: '123',
          holder_name: 'Ada Lovelace',
        },
      },
    },
  });
  const payment = await yuno.payments.create({
    description: 'Challenge in a blob page',
    country: 'US',
    merchant_order_id: session.merchant_order_id,
    amount: { currency: 'USD', value: 40 },
    checkout: { session: cs },
    payment_method: { type: 'CARD', token: ott.token },
  });
  const { url } = await api.getThreeDSecureChallenge(cs);
  return { cs, payment, url };
}

// jsdom's Blob and Node's URL.createObjectURL do not meet (the URL reads back nothing), and jsdom cannot navigate a
// frame to a blob: URL: the test keeps each blob by its URL and writes it into the frame as a browser would load it.
const blobs = new Map<string, Blob>();
beforeEach(() => {
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = create(blob);
    blobs.set(url, blob as Blob);
    return url;
  });
});

async function frameOf(url: string): Promise<HTMLIFrameElement> {
  const blob = blobs.get(url)!;
  expect(blob.type).toBe('text/html');
  const html = await blob.text();
  const iframe = document.createElement('iframe');
  iframe.title = '3-D Secure verification';
  document.body.append(iframe);
  const doc = iframe.contentDocument!;
  doc.open();
  doc.write(html);
  doc.close();
  return iframe;
}

function submitOtp(iframe: HTMLIFrameElement, otp: string): void {
  const doc = iframe.contentDocument!;
  const input = doc.querySelector<HTMLInputElement>('input[name="otp"]')!;
  input.value = otp;
  doc.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

function nextChallengeResult(): Promise<MessageEvent> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if ((event.data as { origin?: unknown } | null)?.origin !== 'CHALLENGE') return;
      window.removeEventListener('message', listener);
      resolve(event);
    };
    window.addEventListener('message', listener);
  });
}

const challengeSubmissions = () => sandbox.countRequests({ method: 'POST', path: /^\/_sandbox\/3ds\// });

afterEach(() => {
  vi.restoreAllMocks();
  blobs.clear();
  document.body.replaceChildren();
});

describe("createSandboxWebSdk({ challengePage: 'blob' })", () => {
  it('gives a same-origin blob: copy of the sandbox challenge page', async () => {
    const { payment, url } = await challengedPayment();
    expect(payment).toMatchObject({ status: 'PENDING', sub_status: 'WAITING_ADDITIONAL_STEP' });
    expect(url).toMatch(/^blob:/);

    const iframe = await frameOf(url);
    const doc = iframe.contentDocument!;
    expect(doc.querySelector('label[for="otp"]')?.textContent).toBe('Verification code');
    expect(doc.querySelector('h1')?.textContent).toBe('Verify your payment');
    expect(doc.body.textContent).toContain('40 USD');
  });

  it('passes the challenge with OTP 1234: the sandbox gets the code and the page gets the result', async () => {
    const { cs, payment, url } = await challengedPayment();
    const iframe = await frameOf(url);
    const before = challengeSubmissions();
    const result = nextChallengeResult();

    submitOtp(iframe, '1234');

    const event = await result;
    expect(event.data).toEqual({ origin: 'CHALLENGE', status: 'SUCCEEDED', checkoutSession: cs });
    expect(challengeSubmissions()).toBe(before + 1);
    expect(sandbox.getPayment(payment.id)).toMatchObject({ status: 'SUCCEEDED', sub_status: 'APPROVED' });
    // The frame's form did not navigate away (its document is still the challenge page).
    expect(iframe.contentDocument!.querySelector('input[name="otp"]')).not.toBeNull();
  });

  it('fails the challenge with OTP 1111', async () => {
    const { cs, payment, url } = await challengedPayment();
    const iframe = await frameOf(url);
    const result = nextChallengeResult();

    submitOtp(iframe, '1111');

    expect((await result).data).toEqual({ origin: 'CHALLENGE', status: 'DECLINED', checkoutSession: cs });
    const declined = sandbox.getPayment(payment.id);
    expect(declined?.status).toBe('DECLINED');
    expect(declined?.transactions?.[0]?.response_code).toBe('AUTHENTICATION_FAILED_THREE_D_SECURE');
  });

  it('ignores a code from a frame that does not know the page’s channel', async () => {
    const { payment } = await challengedPayment();
    const before = challengeSubmissions();

    window.postMessage({ type: 'yuno-sandbox:3ds-otp', channel: 'forged', otp: '1234' }, window.location.origin);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(challengeSubmissions()).toBe(before);
    expect(sandbox.getPayment(payment.id)?.status).toBe('PENDING');
  });

  it("keeps the sandbox page's URL by default", async () => {
    const { cs, url } = await challengedPayment('url');
    expect(url).toBe(`${sandbox.baseUrl}/_sandbox/3ds/${cs}`);
  });
});
