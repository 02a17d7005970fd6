// Requests counted at the sandbox (Yuno's side) and at the merchant routes (the page's side), with the offline stack of
// the test suite (createCheckoutHarness): sandbox, server client, route handlers, browser client, Web SDK stand-in.
// This file measures and records; bench/run.mjs compares the numbers with the targets.
import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { afterAll, afterEach, describe, it } from 'vitest';
import * as yunoReact from 'yuno-react';
import { useCheckout, usePaymentMethods, type PaymentMethod } from 'yuno-react';
import { paymentMethodsQueryOptions } from 'yuno-react/core';
import { createCheckoutHarness, testCard, type CheckoutHarness } from '../../test/support/checkout';
import { writeResult } from './record';
import { TEST_CARD, fillCardForm, findCardForm } from './cardForm';

// Components are looked up on the package's exports, so that the hook measurements run even where they are absent.
const { PaymentMethodList, CardForm } = yunoReact as unknown as Record<
  string,
  React.ComponentType<Record<string, unknown>>
>;

const results: Record<string, unknown> = {};
afterEach(cleanup);
afterAll(() => writeResult('requests', results));

const browserCalls = (h: CheckoutHarness, path: RegExp, from = 0) =>
  h.browserRequests.slice(from).filter((r) => path.test(r.path)).length;

function MethodNames({ id }: { id: string }) {
  const { data, isPending } = usePaymentMethods();
  if (isPending) return <p>loading {id}</p>;
  return (
    <ul aria-label={`methods ${id}`}>
      {data?.map((m: PaymentMethod) => (
        <li key={m.vaulted_token ?? m.type}>{m.name}</li>
      ))}
    </ul>
  );
}

describe('requests', () => {
  it('payment methods per session: StrictMode, 5 consumers', async () => {
    const h = await createCheckoutHarness();
    const hookConsumers = PaymentMethodList ? ['1', '2', '3', '4'] : ['1', '2', '3', '4', '5'];
    render(
      <StrictMode>
        <h.Provider>
          {PaymentMethodList ? <PaymentMethodList aria-label="Payment methods" /> : null}
          {hookConsumers.map((id) => (
            <MethodNames key={id} id={id} />
          ))}
        </h.Provider>
      </StrictMode>,
    );
    for (const id of hookConsumers) await screen.findByRole('list', { name: `methods ${id}` });
    if (PaymentMethodList) await screen.findAllByRole('radio');
    await new Promise((r) => setTimeout(r, 50));
    results.paymentMethodsStrict5 = {
      consumers: PaymentMethodList ? 'PaymentMethodList + 4 × usePaymentMethods' : '5 × usePaymentMethods',
      sandbox: h.counts().paymentMethods,
      browser: browserCalls(h, /\/payment-methods$/),
    };
  });

  it('requests per Pay: 5 rapid calls of useCheckout().pay under StrictMode', async () => {
    const h = await createCheckoutHarness();
    const { result } = renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode>
          <h.Provider>{children}</h.Provider>
        </StrictMode>
      ),
    });
    await waitFor(() => {
      if (!result.current.methods.isSuccess) throw new Error('methods not loaded');
    });
    const card = (result.current.methods.data as PaymentMethod[]).find((m) => m.type === 'CARD' && !m.vaulted_token);
    act(() => result.current.checkout.select(card!));
    const before = h.counts();
    await act(async () => {
      const clicks = Array.from({ length: 5 }, () => result.current.checkout.pay({ card: testCard(TEST_CARD) }));
      await Promise.allSettled(clicks);
    });
    const after = h.counts();
    results.payHook5 = {
      tokens: after.tokens - before.tokens,
      payments: after.payments - before.payments,
      paymentsCreated: h.sandbox.listPayments().length,
      status: result.current.checkout.status,
    };
  });

  it('requests per Pay: 5 rapid clicks on CardForm’s submit button under StrictMode', async () => {
    if (!CardForm || !PaymentMethodList) {
      results.payCardForm5 = { error: 'CardForm or PaymentMethodList is not exported from yuno-react' };
      return;
    }
    const h = await createCheckoutHarness();
    const user = userEvent.setup();
    render(
      <StrictMode>
        <h.Provider>
          <PaymentMethodList aria-label="Payment methods" defaultValue="CARD" />
          <CardForm />
        </h.Provider>
      </StrictMode>,
    );
    const form = await findCardForm();
    await fillCardForm(user, form);
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!submit) throw new Error('CardForm has no submit button');
    const before = h.counts();
    // Five clicks in one task, before React has rendered the pending state: the hardest case.
    act(() => {
      for (let i = 0; i < 5; i += 1) fireEvent.click(submit);
    });
    await waitFor(
      () => {
        const { payments } = h.counts();
        if (payments - before.payments < 1) throw new Error('no payment yet');
      },
      { timeout: 10_000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    const after = h.counts();
    results.payCardForm5 = {
      tokens: after.tokens - before.tokens,
      payments: after.payments - before.payments,
      paymentsCreated: h.sandbox.listPayments().length,
    };
  });

  it('payment methods of a page prefetched on the server and hydrated', async () => {
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
    const serverSide = h.counts().paymentMethods;
    const from = h.browserRequests.length;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <yunoReact.YunoProvider
            checkoutSession={h.start.checkoutSession}
            countryCode={h.start.countryCode}
            client={h.client}
            tokenizer={h.tokenizer}
            language="en"
          >
            {PaymentMethodList ? <PaymentMethodList aria-label="Payment methods" /> : null}
            {CardForm ? <CardForm /> : null}
            <MethodNames id="hydrated" />
          </yunoReact.YunoProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    await screen.findByRole('list', { name: 'methods hydrated' });
    await new Promise((r) => setTimeout(r, 100));
    results.prefetched = {
      page: [PaymentMethodList && 'PaymentMethodList', CardForm && 'CardForm', 'usePaymentMethods']
        .filter(Boolean)
        .join(' + '),
      server: serverSide,
      browser: browserCalls(h, /\/payment-methods$/, from),
      browserTotal: h.browserRequests.length - from,
      sandboxAfterHydration: h.counts().paymentMethods - serverSide,
    };
  });
});
