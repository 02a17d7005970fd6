// @vitest-environment jsdom
// The page side of the stand-in's Secure Fields, with the frames played by this test: jsdom does not load the
// sandbox's field pages, so the messages they would post are dispatched here, from the frame's window and origin.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { YunoSdkV2OneTimeToken, YunoSdkV2StatusResult } from 'yuno-react/core';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const SANDBOX = 'http://127.0.0.1:4999';
const TYPE = 'yuno-sandbox:secure-field';
const memory = createYunoSandbox();
const yuno = createYunoServerClient({
  ...memory.credentials,
  baseUrl: memory.baseUrl,
  fetch: memory.fetch,
  allowBrowser: true,
});

afterEach(() => {
  document.body.innerHTML = '';
});

function frameOf(name: string): HTMLIFrameElement {
  const frame = document.querySelector<HTMLIFrameElement>(`iframe[data-yuno-secure-field="${name}"]`);
  if (!frame) throw new Error(`no ${name} frame`);
  return frame;
}

/** What the page posted to a frame, and a way to answer as the frame. */
function playFrame(name: string) {
  const frame = frameOf(name);
  const src = new URL(frame.src);
  const channel = src.searchParams.get('channel')!;
  const posted: Array<{ message: Record<string, unknown>; targetOrigin: string }> = [];
  vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(
    ((message: Record<string, unknown>, target: string) =>
      void posted.push({ message, targetOrigin: target })) as Window['postMessage'],
  );
  const emit = (data: Record<string, unknown>, { origin = SANDBOX, source = frame.contentWindow } = {}) =>
    window.dispatchEvent(
      new MessageEvent('message', { data: { type: TYPE, channel, name, ...data }, origin, source: source as Window }),
    );
  return { frame, src, channel, posted, emit };
}

async function mountAll(create: (name: 'pan' | 'expiration' | 'cvv') => Promise<void>) {
  for (const name of ['pan', 'expiration', 'cvv'] as const) {
    const div = document.createElement('div');
    div.id = name;
    document.body.appendChild(div);
  }
  const mounted = (['pan', 'expiration', 'cvv'] as const).map((name) => create(name));
  const frames = (['pan', 'expiration', 'cvv'] as const).map((name) => playFrame(name));
  for (const f of frames) {
    f.emit({ event: 'ready' });
    f.emit({ event: 'rendered' });
  }
  await Promise.all(mounted);
  return Object.fromEntries(frames.map((f) => [f.src.searchParams.get('name'), f])) as Record<
    'pan' | 'expiration' | 'cvv',
    ReturnType<typeof playFrame>
  >;
}

async function realToken() {
  const customer = await yuno.customers.create({ merchant_customer_id: `sf-protocol-${Date.now()}`, country: 'US' });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `sf-protocol-${Date.now()}`,
    payment_description: 'protocol',
    country: 'US',
    customer_id: customer.id,
    amount: { currency: 'USD', value: 10 },
  });
  const token = await yuno.checkoutSessions.createOneTimeToken(session.checkout_session, {
    payment_method: {
      type: 'CARD',
      vault_on_success: false,
      card: {
        number: '4507990000000002',
        expiration_month: 11,
        expiration_year: 30,
        security_code: '739',
        holder_name: 'Ada Lovelace',
      },
    },
  });
  return { token, checkoutSession: session.checkout_session };
}

describe('the page side of the Secure Fields', () => {
  it('frames each field from the sandbox with its channel and the page origin, and configures it there only', async () => {
    const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
      memory.credentials.publicApiKey,
    );
    const secureFields = await sdk.transaction({ checkoutSession: 'cs-1', countryCode: 'US' }).secureFields();
    const onRendered = vi.fn();
    const frames = await mountAll((name) =>
      secureFields
        .create({
          name,
          options: { label: `Label ${name}`, styles: 'input{color:red}', onRenderedSecureField: onRendered },
        })
        .mount(`#${name}`),
    );
    const { frame, src, posted, channel } = frames.pan;
    expect(src.origin).toBe(SANDBOX);
    expect(src.pathname).toBe('/_sandbox/secure-fields/field');
    expect(src.searchParams.get('parent')).toBe(window.location.origin);
    expect(channel).toMatch(/^[0-9a-f]{36}$/);
    // One channel per form.
    expect(frames.cvv.channel).toBe(channel);
    expect(frame.title).toBe('Label pan');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin');
    expect(onRendered).toHaveBeenCalledTimes(3);
    // The frame's `ready` was answered with its options, posted to the sandbox's origin only.
    expect(posted).toEqual([
      {
        targetOrigin: SANDBOX,
        message: expect.objectContaining({
          type: TYPE,
          channel,
          name: 'pan',
          command: 'configure',
          options: expect.objectContaining({ label: 'Label pan', styles: 'input{color:red}' }),
        }),
      },
    ]);
    // Callbacks stay in the page.
    expect(Object.values(posted[0]!.message.options as object).some((v) => typeof v === 'function')).toBe(false);
  });

  it('takes events only from its own frame, on the sandbox origin and the form channel', async () => {
    const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
      memory.credentials.publicApiKey,
    );
    const secureFields = await sdk.transaction({ checkoutSession: 'cs-1', countryCode: 'US' }).secureFields();
    const changes: unknown[] = [];
    const frames = await mountAll((name) =>
      secureFields
        .create({ name, options: { onChange: (change) => changes.push({ name, ...change }) } })
        .mount(`#${name}`),
    );
    const change = { event: 'change', error: false, isDirty: true, data: { isValid: true, brand: 'VISA' } };
    frames.pan.emit(change, { origin: 'http://evil.test' });
    frames.pan.emit(change, { source: window });
    frames.pan.emit(change, { source: frames.cvv.frame.contentWindow });
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { ...change, type: TYPE, channel: 'another-channel-000000', name: 'pan' },
        origin: SANDBOX,
        source: frames.pan.frame.contentWindow as Window,
      }),
    );
    expect(changes).toEqual([]);
    frames.pan.emit(change);
    expect(changes).toEqual([{ name: 'pan', error: false, isDirty: true, data: { isValid: true, brand: 'VISA' } }]);
  });

  it('validates, focuses, clears, sets errors, hides and updates by command; unmountSync removes the frames', async () => {
    const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
      memory.credentials.publicApiKey,
    );
    const secureFields = await sdk.transaction({ checkoutSession: 'cs-1', countryCode: 'US' }).secureFields();
    const frames = await mountAll((name) => secureFields.create({ name, options: {} }).mount(`#${name}`));
    const cvv = secureFields.getElement({ name: 'cvv' })!;
    const valid = cvv.validate();
    const validate = frames.cvv.posted.at(-1)!.message;
    expect(validate.command).toBe('validate');
    frames.cvv.emit({ event: 'validated', id: validate.id, valid: false });
    await expect(valid).resolves.toBe(false);
    await cvv.focus();
    await cvv.clearValue();
    await cvv.setError('Check the code');
    await cvv.clearError();
    expect(frames.cvv.posted.slice(-4).map((p) => [p.message.command, p.message.message])).toEqual([
      ['focus', undefined],
      ['clear', undefined],
      ['setError', 'Check the code'],
      ['clearError', undefined],
    ]);
    await cvv.hide();
    expect(frames.cvv.frame.style.display).toBe('none');
    await cvv.show();
    expect(frames.cvv.frame.style.display).toBe('block');
    const onChange = vi.fn();
    await cvv.updateProps({ label: 'Card security code', onChange });
    expect(frames.cvv.frame.title).toBe('Card security code');
    expect(frames.cvv.posted.at(-1)!.message).toMatchObject({
      command: 'configure',
      options: { label: 'Card security code' },
    });
    frames.cvv.emit({ event: 'change', error: true, isDirty: true, data: { isValid: false } });
    expect(onChange).toHaveBeenCalledWith({ error: true, isDirty: true, data: { isValid: false } });
    secureFields.unmountSync();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
    await expect(cvv.validate()).rejects.toThrow(/needs the cvv secure field mounted/);
  });

  it('2.x start asks the pan frame to tokenize, without card data, and hands its token to createPayment', async () => {
    const { token, checkoutSession } = await realToken();
    const tokens: YunoSdkV2OneTimeToken[] = [];
    const statuses: YunoSdkV2StatusResult[] = [];
    const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
      memory.credentials.publicApiKey,
    );
    const transaction = sdk.transaction({
      checkoutSession: 'cs-old',
      countryCode: 'US',
      autoContinuePayment: false,
      createPayment: async (t) => void tokens.push(t),
      onStatus: (s) => statuses.push(s),
    });
    const secureFields = await transaction.secureFields();
    const frames = await mountAll((name) => secureFields.create({ name }).mount(`#${name}`));
    transaction.updateCheckoutSession(checkoutSession);
    await expect(
      transaction.start({ paymentMethod: { type: 'CARD', data: { card: { number: '4507990000000002' } } } }),
    ).rejects.toThrow(/must not carry number/);
    const started = transaction.start({
      paymentMethod: { type: 'CARD', data: { card: { holderName: 'Ada Lovelace' }, vaultOnSuccess: true } },
    });
    await vi.waitFor(() => expect(frames.pan.posted.at(-1)?.message.command).toBe('tokenize'));
    await expect(transaction.start({ paymentMethod: { type: 'CARD' } })).rejects.toThrow(/already running/);
    const command = frames.pan.posted.at(-1)!;
    expect(command.targetOrigin).toBe(SANDBOX);
    expect(command.message).toMatchObject({
      fields: ['pan', 'expiration', 'cvv'],
      target: { kind: 'checkout', session: checkoutSession },
      publicApiKey: memory.credentials.publicApiKey,
      paymentMethod: {
        type: 'CARD',
        vaulted_token: null,
        card: { save: true, detail: { holder_name: 'Ada Lovelace' } },
      },
    });
    expect(JSON.stringify(command.message)).not.toMatch(/4507990000000002|"number"|security_code/);
    // Only the pan frame is asked.
    expect(frames.cvv.posted.filter((p) => p.message.command === 'tokenize')).toEqual([]);
    frames.pan.emit({ event: 'tokenized', id: command.message.id, result: token });
    await started;
    expect(tokens).toEqual([expect.objectContaining({ token: token.token, checkout_session: checkoutSession })]);
    expect(statuses).toEqual([]);
  });

  it('2.x start reports invalid fields as the SDK’s INTERNAL_ERROR, and the sandbox’s refusal as the backend’s', async () => {
    const statuses: YunoSdkV2StatusResult[] = [];
    const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
      memory.credentials.publicApiKey,
    );
    const transaction = sdk.transaction({
      checkoutSession: 'cs-1',
      countryCode: 'US',
      createPayment: async () => undefined,
      onStatus: (s) => statuses.push(s),
    });
    const secureFields = await transaction.secureFields();
    const frames = await mountAll((name) => secureFields.create({ name }).mount(`#${name}`));
    const start = () => transaction.start({ paymentMethod: { type: 'CARD', data: { card: { holderName: 'A' } } } });
    let started = start();
    await vi.waitFor(() => expect(frames.pan.posted.at(-1)?.message.command).toBe('tokenize'));
    frames.pan.emit({
      event: 'tokenizeFailed',
      id: frames.pan.posted.at(-1)!.message.id,
      error: { code: 'INVALID_CARD_DATA', fields: { cvv: 'Enter the security code.' } },
    });
    await started;
    started = start();
    await vi.waitFor(() => expect(frames.pan.posted.filter((p) => p.message.command === 'tokenize')).toHaveLength(2));
    frames.pan.emit({
      event: 'tokenizeFailed',
      id: frames.pan.posted.at(-1)!.message.id,
      error: { status: 400, code: 'INVALID_PARAMETERS', messages: ['card.expiration_year is invalid'] },
    });
    await started;
    expect(statuses).toEqual([
      {
        status: 'INTERNAL_ERROR',
        substatus: null,
        message: {
          source: 'sdk',
          code: 'INVALID_CARD_DATA',
          reason: 'Check the card fields: cvv',
          context: 'secure-fields',
        },
      },
      {
        status: 'INTERNAL_ERROR',
        substatus: null,
        message: {
          source: 'backend',
          code: 'INVALID_PARAMETERS',
          reason: 'card.expiration_year is invalid',
          raw: { code: 'INVALID_PARAMETERS', messages: ['card.expiration_year is invalid'] },
        },
      },
    ]);
  });

  it('1.x generateToken resolves with the token the frame posts; a saved card tokenizes in its cvv frame', async () => {
    const { token, checkoutSession } = await realToken();
    const yunoSdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 1 }).initialize(
      memory.credentials.publicApiKey,
    );
    const secureFields = await yunoSdk.secureFields({ countryCode: 'US', checkoutSession });
    const div = document.createElement('div');
    div.id = 'cvv';
    document.body.appendChild(div);
    const rendered = secureFields.create({ name: 'cvv', options: { label: 'CVV' } }).render('#cvv');
    const cvv = playFrame('cvv');
    cvv.emit({ event: 'ready' });
    cvv.emit({ event: 'rendered' });
    await rendered;
    const generated = secureFields.generateToken({ cardHolderName: 'Ada', vaultedToken: 'vt-1' } as never);
    await vi.waitFor(() => expect(cvv.posted.at(-1)?.message.command).toBe('tokenize'));
    expect(cvv.posted.at(-1)!.message).toMatchObject({
      fields: ['cvv'],
      target: { kind: 'checkout', session: checkoutSession },
      paymentMethod: { vaulted_token: 'vt-1' },
    });
    cvv.emit({ event: 'tokenized', id: cvv.posted.at(-1)!.message.id, result: token });
    await expect(generated).resolves.toBe(token.token);
  });

  it('rejects a mount whose frame never loads, and a field name the sandbox does not serve', async () => {
    vi.useFakeTimers();
    try {
      const sdk = await createSandboxWebSdk({ baseUrl: SANDBOX, sdkVersion: 2 }).initialize(
        memory.credentials.publicApiKey,
      );
      const secureFields = await sdk.transaction({ checkoutSession: 'cs-1', countryCode: 'US' }).secureFields();
      expect(() => secureFields.create({ name: 'cardPin' as never })).toThrow(/pan, expiration, cvv/);
      await expect(secureFields.create({ name: 'pan' }).mount('#nowhere')).rejects.toThrow(
        /no element matches #nowhere/,
      );
      const mounted = secureFields.create({ name: 'pan' }).mount(document.body);
      const failed = expect(mounted).rejects.toThrow(`the pan secure field did not load from ${SANDBOX}`);
      await vi.advanceTimersByTimeAsync(15_000);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
