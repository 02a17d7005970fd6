// @vitest-environment jsdom
import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { YunoProvider, usePaymentMethods, type PaymentMethod } from 'yuno-react';
import { paymentMethodsQueryOptions } from 'yuno-react/core';
import { createCheckoutHarness, testCard } from '../support/checkout';

function MethodNames({ id }: { id: string }) {
  const { data, isPending } = usePaymentMethods();
  if (isPending) return <p>loading {id}</p>;
  return (
    <ul aria-label={`methods ${id}`}>
      {data?.map((m) => (
        <li key={m.vaulted_token ?? m.type}>{m.name}</li>
      ))}
    </ul>
  );
}

describe('usePaymentMethods', () => {
  it('makes one request under StrictMode’s double mount', async () => {
    const h = await createCheckoutHarness();
    render(
      <StrictMode>
        <h.Provider>
          <MethodNames id="a" />
        </h.Provider>
      </StrictMode>,
    );
    await screen.findByRole('list', { name: 'methods a' });
    expect(h.counts().paymentMethods).toBe(1);
  });

  it('makes one request for five components', async () => {
    const h = await createCheckoutHarness();
    render(
      <h.Provider>
        {['1', '2', '3', '4', '5'].map((id) => (
          <MethodNames key={id} id={id} />
        ))}
      </h.Provider>,
    );
    for (const id of ['1', '2', '3', '4', '5']) await screen.findByRole('list', { name: `methods ${id}` });
    expect(h.counts().paymentMethods).toBe(1);
  });

  it('leaves out methods whose conditions disable them and puts saved cards first', async () => {
    const h = await createCheckoutHarness({ customer: true });
    // Save a card for the shopper through a first, successful payment with vault_on_success.
    const first = await h.tokenizer.createToken(
      { type: 'CARD', card: testCard('4507990000000002'), saveCard: true },
      { checkoutSession: h.start.checkoutSession, countryCode: 'US', browserInfo: {} },
    );
    await h.client.createPayment(
      { checkoutSession: h.start.checkoutSession, oneTimeToken: first.token, vaultOnSuccess: true },
      { idempotencyKey: crypto.randomUUID() },
    );
    const next = await h.client.startCheckout({ previousCheckoutSession: h.start.checkoutSession });
    const raw = await h.client.paymentMethods(next.checkoutSession);
    expect(raw.some((m) => m.checkout?.conditions?.enabled === false)).toBe(true);

    const { result } = renderHook(() => usePaymentMethods(), {
      wrapper: ({ children }) => <h.Provider checkoutSession={next.checkoutSession}>{children}</h.Provider>,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const methods = result.current.data as PaymentMethod[];
    expect(methods.every((m) => m.checkout?.conditions?.enabled !== false)).toBe(true);
    expect(methods[0]?.vaulted_token).toBeTruthy();
    expect(methods[0]?.card_data?.lfd).toBe('0002');
    expect(methods.findIndex((m) => !m.vaulted_token)).toBeGreaterThan(0);
  });

  it('makes no browser request for methods prefetched on the server and hydrated', async () => {
    const h = await createCheckoutHarness();
    // What a Next.js server component does, with the merchant's server client.
    const serverQueryClient = new QueryClient();
    await serverQueryClient.prefetchQuery(
      paymentMethodsQueryOptions({
        checkoutSession: h.start.checkoutSession,
        fetchPaymentMethods: (cs) => h.yuno.checkoutSessions.paymentMethods(cs),
      }),
    );
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient)));
    const serverRequests = h.counts().paymentMethods;
    expect(serverRequests).toBe(1);

    const browserRequestsBefore = h.browserRequests.length;
    const browserQueryClient = new QueryClient();
    render(
      <QueryClientProvider client={browserQueryClient}>
        <HydrationBoundary state={state}>
          <YunoProvider
            checkoutSession={h.start.checkoutSession}
            countryCode="US"
            client={h.client}
            tokenizer={h.tokenizer}
          >
            <MethodNames id="hydrated" />
          </YunoProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('list', { name: 'methods hydrated' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 30));
    expect(h.counts().paymentMethods).toBe(serverRequests);
    expect(h.browserRequests.slice(browserRequestsBefore)).toEqual([]);
  });

  it('throws an error naming the hook outside the provider', () => {
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => renderHook(() => usePaymentMethods())).toThrow(
        'usePaymentMethods must be used within <YunoProvider>',
      );
    } finally {
      console.error = quiet;
    }
  });
});
