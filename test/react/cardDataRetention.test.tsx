// @vitest-environment jsdom
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, useContext, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  createYunoSdkTokenizer,
  useCheckout,
  useCreatePayment,
  useOneTimeToken,
  usePaymentMethods,
  type PaymentMethod,
} from 'yuno-react';
import { createSandboxWebSdk } from 'yuno-react/sandbox';
// White-box: the provider's context, to scan everything it holds.
import { YunoContext, type YunoContextValue } from '../../src/react/YunoContext';
import { createCheckoutHarness, testCard, type CheckoutHarness } from '../support/checkout';

const NUMBER = '4507990000000002';
const CVV = '987';

/** Walks an object graph (objects, arrays, Maps, Sets, class instances) and returns every string in it. */
function stringsIn(root: unknown): string[] {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 40) return;
    if (typeof value === 'string') out.push(value);
    if (typeof value === 'number') out.push(String(value));
    if (!value || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
    seen.add(value);
    if (typeof value === 'function') return;
    if (value instanceof Map) {
      for (const [k, v] of value) {
        walk(k, depth + 1);
        walk(v, depth + 1);
      }
    } else if (value instanceof Set) for (const v of value) walk(v, depth + 1);
    else for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key], depth + 1);
  };
  walk(root, 0);
  return out;
}

function expectNoCardData(where: string, root: unknown) {
  const strings = stringsIn(root);
  expect(
    strings.filter((s) => s.replace(/\D/g, '').includes(NUMBER)),
    `${where}: card number`,
  ).toEqual([]);
  expect(
    strings.filter((s) => s === CVV),
    `${where}: security code`,
  ).toEqual([]);
}

function Capture({ onContext }: { onContext: (ctx: YunoContextValue | null) => void }) {
  onContext(useContext(YunoContext));
  return null;
}

function scanEverything(h: CheckoutHarness, captured: { ctx?: YunoContextValue }) {
  expect(captured.ctx).toBeTruthy();
  expectNoCardData('provider state', captured.ctx!.controller.getState());
  expectNoCardData('provider store', captured.ctx!.controller);
  expectNoCardData('tokenizer', captured.ctx!.tokenizer);
  expectNoCardData(
    'mutation cache',
    h.queryClient
      .getMutationCache()
      .getAll()
      .map((m) => m.state),
  );
  expectNoCardData(
    'query cache',
    h.queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state),
  );
}

describe('after a successful tokenization the library holds no full card number and no CVV', () => {
  it('through useOneTimeToken and useCreatePayment', async () => {
    const h = await createCheckoutHarness();
    const captured: { ctx?: YunoContextValue } = {};
    const { result } = renderHook(() => ({ token: useOneTimeToken(), payment: useCreatePayment() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <h.Provider>
          <Capture onContext={(ctx) => (captured.ctx = ctx ?? undefined)} />
          {children}
        </h.Provider>
      ),
    });
    const variables = { type: 'CARD', card: testCard(NUMBER, CVV) };
    const token = await act(() => result.current.token.mutateAsync(variables));
    await act(() => result.current.payment.mutateAsync({ oneTimeToken: token.token }));
    // The caller's own object was overwritten too: react-query keeps it as the mutation's variables.
    expect(variables.card.number).toBe('••••0002');
    expect(variables.card.securityCode).toBeUndefined();
    expect(result.current.token.variables?.card?.number).toBe('••••0002');
    scanEverything(h, captured);
  });

  it('through useCheckout, with the SDK and with the server tokenizer', async () => {
    for (const tokenizer of ['sdk', 'server'] as const) {
      const h = await createCheckoutHarness({ tokenizer });
      const captured: { ctx?: YunoContextValue } = {};
      const { result } = renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods() }), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <h.Provider>
            <Capture onContext={(ctx) => (captured.ctx = ctx ?? undefined)} />
            {children}
          </h.Provider>
        ),
      });
      await waitFor(() => expect(result.current.methods.isSuccess).toBe(true));
      act(() =>
        result.current.checkout.select(
          (result.current.methods.data as PaymentMethod[]).find((m) => m.type === 'CARD')!,
        ),
      );
      const input = { card: testCard(NUMBER, CVV) };
      await act(() => result.current.checkout.pay(input));
      expect(result.current.checkout.status, tokenizer).toBe('succeeded');
      expect(input.card.number).not.toContain(NUMBER);
      scanEverything(h, captured);
    }
  });

  it('loads the Web SDK once under StrictMode and sends it the card with browser_info', async () => {
    const h = await createCheckoutHarness();
    let loads = 0;
    let initializations = 0;
    const sent: Array<Record<string, unknown>> = [];
    const loadSdk = async () => {
      loads += 1;
      const sdk = createSandboxWebSdk({
        baseUrl: h.sandbox.baseUrl,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (new URL(request.url).pathname.endsWith('/token')) sent.push(JSON.parse(await request.clone().text()));
          return h.sandbox.fetch(request);
        },
      });
      return {
        initialize: (key: string) => {
          initializations += 1;
          return sdk.initialize(key);
        },
      };
    };
    const tokenizer = createYunoSdkTokenizer({ publicApiKey: h.sandbox.credentials.publicApiKey, loadSdk });
    function Pay() {
      const checkout = useCheckout();
      const methods = usePaymentMethods();
      const card = methods.data?.find((m) => m.type === 'CARD');
      return (
        <button
          type="button"
          disabled={!card}
          onClick={() => {
            checkout.select(card!);
            void checkout.pay({ card: testCard(NUMBER, CVV) }).catch(() => undefined);
          }}
        >
          Pay {checkout.status}
        </button>
      );
    }
    const view = render(
      <StrictMode>
        <h.Provider tokenizer={tokenizer}>
          <Pay />
        </h.Provider>
      </StrictMode>,
    );
    const button = await view.findByRole('button', { name: /Pay idle/ });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    act(() => button.click());
    await view.findByRole('button', { name: 'Pay succeeded' });
    expect(loads).toBe(1);
    expect(initializations).toBe(1);
    const body = sent[0] as {
      payment_method: { card: { detail: Record<string, unknown> }; customer: { browser_info: unknown } };
    };
    expect(body.payment_method.card.detail).toMatchObject({ number: NUMBER, security_code: CVV });
    expect(body.payment_method.customer.browser_info).toMatchObject({ user_agent: expect.any(String) });
  });
});
