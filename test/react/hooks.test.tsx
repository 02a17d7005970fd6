// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  YunoProvider,
  useCreatePayment,
  useEnrollment,
  useOneTimeToken,
  usePaymentMethods,
  useCheckout,
  useYuno,
  type PaymentMethod,
} from 'yuno-react';
import { createCheckoutHarness, testCard } from '../support/checkout';

describe('useOneTimeToken and useCreatePayment', () => {
  it('compose into a payment, with one idempotency key per attempt', async () => {
    const h = await createCheckoutHarness();
    const { result } = renderHook(() => ({ token: useOneTimeToken(), payment: useCreatePayment(), yuno: useYuno() }), {
      wrapper: ({ children }: { children: ReactNode }) => <h.Provider>{children}</h.Provider>,
    });
    const token = await act(() =>
      result.current.token.mutateAsync({ type: 'CARD', card: testCard('4507990000000002') }),
    );
    expect(result.current.yuno.attempt?.token).toBe(token.token);
    const key = result.current.yuno.attempt?.idempotencyKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const payment = await act(() => result.current.payment.mutateAsync({ oneTimeToken: token.token }));
    expect(payment.status).toBe('SUCCEEDED');
    expect(result.current.yuno.attempt).toMatchObject({ idempotencyKey: key, paymentId: payment.id });
    expect(result.current.yuno.status).toBe('succeeded');
    // The same attempt again: the same key, so the merchant route replays and nothing new is created.
    const again = await act(() => result.current.payment.mutateAsync({ oneTimeToken: token.token }));
    expect(again.id).toBe(payment.id);
    expect(h.counts().payments).toBe(1);
  });

  it('sends the browser_info Yuno uses for fraud prevention with the token', async () => {
    const h = await createCheckoutHarness();
    const bodies: unknown[] = [];
    const original = h.sandbox.fetch;
    const { createSandboxWebSdk } = await import('yuno-react/sandbox');
    const { createYunoSdkTokenizer } = await import('yuno-react');
    const tokenizer = createYunoSdkTokenizer({
      publicApiKey: h.sandbox.credentials.publicApiKey,
      loadSdk: async () =>
        createSandboxWebSdk({
          baseUrl: h.sandbox.baseUrl,
          fetch: async (input, init) => {
            const request = new Request(input, init);
            if (request.method === 'POST') bodies.push(JSON.parse(await request.clone().text()));
            return original(request);
          },
        }),
    });
    const { result } = renderHook(() => useOneTimeToken(), {
      wrapper: ({ children }: { children: ReactNode }) => <h.Provider tokenizer={tokenizer}>{children}</h.Provider>,
    });
    await act(() => result.current.mutateAsync({ type: 'CARD', card: testCard('4507990000000002') }));
    const tokenBody = bodies.find((b) => JSON.stringify(b).includes('payment_method')) as {
      payment_method: { customer: { browser_info: Record<string, unknown> } };
    };
    expect(tokenBody.payment_method.customer.browser_info).toMatchObject({
      user_agent: expect.any(String),
      language: expect.any(String),
      javascript_enabled: true,
      browser_time_difference: expect.anything(),
      screen_width: expect.anything(),
      screen_height: expect.anything(),
      color_depth: expect.anything(),
    });
  });
});

describe('useEnrollment', () => {
  it('saves a card that then leads the list and pays with its CVV only', async () => {
    const h = await createCheckoutHarness({ customer: true });
    const { result } = renderHook(
      () => ({ enrollment: useEnrollment(), methods: usePaymentMethods(), checkout: useCheckout() }),
      { wrapper: ({ children }: { children: ReactNode }) => <h.Provider>{children}</h.Provider> },
    );
    await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
    expect(result.current.methods.data?.some((m) => m.vaulted_token)).toBe(false);
    const saved = await act(() => result.current.enrollment.mutateAsync({ card: testCard('4507990000000002') }));
    expect(saved.status).toBe('ENROLLED');
    expect(saved.vaultedToken).toBeTruthy();
    await waitFor(() => expect(result.current.methods.data?.[0]?.vaulted_token).toBe(saved.vaultedToken));
    const first = result.current.methods.data?.[0] as PaymentMethod;
    expect(first.card_data?.lfd).toBe('0002');

    act(() => result.current.checkout.select(first));
    await act(() => result.current.checkout.pay({ securityCode: '123' }));
    expect(result.current.checkout.status).toBe('succeeded');
    expect(result.current.checkout.payment?.payment_method?.vaulted_token).toBe(saved.vaultedToken);
  });
});

describe('YunoProvider', () => {
  it('uses a surrounding QueryClientProvider, or its own', async () => {
    const h = await createCheckoutHarness();
    const { result } = renderHook(() => usePaymentMethods(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <YunoProvider
          checkoutSession={h.start.checkoutSession}
          countryCode="US"
          client={h.client}
          tokenizer={h.tokenizer}
        >
          {children}
        </YunoProvider>
      ),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });

  it('warns once about a prop it cannot honour after mount, and honours a new checkout session', async () => {
    const h = await createCheckoutHarness();
    const other = await h.client.startCheckout();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      let props = { checkoutSession: h.start.checkoutSession, client: h.client };
      const { result, rerender } = renderHook(() => useYuno(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <h.Provider checkoutSession={props.checkoutSession} client={props.client}>
            {children}
          </h.Provider>
        ),
      });
      props = { checkoutSession: other.checkoutSession, client: { ...h.client } };
      rerender();
      rerender();
      await waitFor(() => expect(result.current.checkoutSession).toBe(other.checkoutSession));
      const messages = warn.mock.calls.map((c) => String(c[0]));
      expect(messages.filter((m) => m.includes('`client`'))).toHaveLength(1);
      expect(messages.some((m) => m.includes('checkoutSession'))).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it('defaults the language from the browser and lets a prop override it', async () => {
    const h = await createCheckoutHarness();
    const spy = vi.spyOn(navigator, 'language', 'get').mockReturnValue('pt-BR');
    try {
      const wrapper = ({ children }: { children: ReactNode }) => (
        <YunoProvider checkoutSession={h.start.checkoutSession} countryCode="BR" client={h.client}>
          {children}
        </YunoProvider>
      );
      expect(renderHook(() => useYuno().language, { wrapper }).result.current).toBe('pt');
      const es = ({ children }: { children: ReactNode }) => (
        <YunoProvider checkoutSession={h.start.checkoutSession} countryCode="BR" client={h.client} language="es">
          {children}
        </YunoProvider>
      );
      expect(renderHook(() => useYuno().language, { wrapper: es }).result.current).toBe('es');
    } finally {
      spy.mockRestore();
    }
  });

  it('names the hook when one is used outside it', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const [name, hook] of [
        ['useYuno', useYuno],
        ['useOneTimeToken', useOneTimeToken],
        ['useCreatePayment', useCreatePayment],
        ['useCheckout', useCheckout],
        ['useEnrollment', useEnrollment],
      ] as const) {
        expect(() => renderHook(() => hook()), name).toThrow(`${name} must be used within <YunoProvider>`);
      }
    } finally {
      quiet.mockRestore();
    }
  });

  it('says how to get a tokenizer when it has none', async () => {
    const h = await createCheckoutHarness();
    const { result } = renderHook(() => useOneTimeToken(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode>
          <YunoProvider checkoutSession={h.start.checkoutSession} countryCode="US" client={h.client}>
            {children}
          </YunoProvider>
        </StrictMode>
      ),
    });
    await expect(result.current.mutateAsync({ type: 'PIX' })).rejects.toThrow(/publicApiKey|tokenizer/);
  });
});
