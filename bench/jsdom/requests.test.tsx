// Requests counted at the sandbox (Yuno's side) and at the page (the merchant routes, and the Web SDK's calls to Yuno),
// with the offline stack of the test suite (createCheckoutHarness), once per tokenizer driver: Yuno's Web SDK 2.x and
// 1.x headless through the sandbox's stand-in, and the server tokenizer. Every count is taken at the sandbox's request
// log and at the page's fetch, never from how the checkout runs a payment: a driver that pays through the tokenizer
// (`tokenizer.pay`) and one that tokenizes and then pays are measured the same way.
// This file measures and records; bench/run.mjs compares the numbers with the targets.
import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { afterAll, afterEach, describe, it } from 'vitest';
import * as yunoReact from 'yuno-react';
import { useCheckout, usePaymentMethods, type PaymentMethod } from 'yuno-react';
import { paymentMethodsQueryOptions } from 'yuno-react/core';
import { testCard, type CheckoutHarness } from '../../test/support/checkout';
import { writeResult } from './record';
import { TEST_CARD, fillCardForm, findCardForm } from './cardForm';
import { DRIVERS, createDriverHarness, delta, snapshot, type DriverId } from './drivers';

// Components are looked up on the package's exports, so that the hook measurements run even where they are absent.
const { PaymentMethodList, CardForm } = yunoReact as unknown as Record<
  string,
  React.ComponentType<Record<string, unknown>>
>;

/** The poll interval of the polling measurement, and how many of them it waits once the status is final. */
const POLL_INTERVAL_MS = 10;
const INTERVALS_AFTER_TERMINAL = 20;

type DriverResults = Record<string, unknown> & { label: string };
const results: { drivers: Partial<Record<DriverId, DriverResults>> } = { drivers: {} };
afterEach(cleanup);
afterAll(() => writeResult('requests', results));

/** Runs one measurement and records it under the driver; a failure is recorded (then fails the test). */
async function measure(driver: DriverId, key: string, fn: () => Promise<unknown>): Promise<void> {
  const entry = results.drivers[driver]!;
  try {
    entry[key] = await fn();
  } catch (error) {
    entry[key] = { error: String((error as Error)?.message ?? error).split('\n')[0] };
    throw error;
  }
}

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

/** useCheckout and usePaymentMethods under StrictMode, with the session's methods loaded and `type` selected. */
async function checkoutHook(h: CheckoutHarness, type: string, props: Record<string, unknown> = {}) {
  const hook = renderHook(() => ({ checkout: useCheckout(), methods: usePaymentMethods() }), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <h.Provider {...props}>{children}</h.Provider>
      </StrictMode>
    ),
  });
  await waitFor(() => {
    if (!hook.result.current.methods.isSuccess) throw new Error('methods not loaded');
  });
  const method = (hook.result.current.methods.data as PaymentMethod[]).find((m) => m.type === type && !m.vaulted_token);
  if (!method) throw new Error(`the session offers no ${type} method`);
  act(() => hook.result.current.checkout.select(method));
  return hook;
}

/** A Pay attempt's figures from what happened between two snapshots. */
function payFigures(h: CheckoutHarness, before: ReturnType<typeof snapshot>) {
  const d = delta(before, snapshot(h));
  return {
    tokens: d.sandbox.tokens,
    tokensFromSdk: d.sandbox.tokensFromSdk,
    tokensFromServer: d.sandbox.tokensFromServer,
    payments: d.sandbox.payments,
    pageTokens: d.page.tokens,
    pageTokenRoute: d.page.tokenRoute,
    pagePayments: d.page.payments,
    paymentsCreated: h.sandbox.listPayments().length,
  };
}

describe.each(DRIVERS)('requests, $label', ({ id: driver, label }) => {
  results.drivers[driver] = { label };

  it('payment methods per session: StrictMode, 5 consumers', async () => {
    await measure(driver, 'paymentMethodsStrict5', async () => {
      const h = await createDriverHarness(driver);
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
      return {
        consumers: PaymentMethodList ? 'PaymentMethodList + 4 × usePaymentMethods' : '5 × usePaymentMethods',
        sandbox: h.counts().paymentMethods,
        browser: browserCalls(h, /\/payment-methods$/),
      };
    });
  });

  it('requests per Pay: 5 rapid calls of useCheckout().pay under StrictMode', async () => {
    await measure(driver, 'payHook5', async () => {
      const h = await createDriverHarness(driver);
      const { result } = await checkoutHook(h, 'CARD');
      const before = snapshot(h);
      await act(async () => {
        const clicks = Array.from({ length: 5 }, () => result.current.checkout.pay({ card: testCard(TEST_CARD) }));
        await Promise.allSettled(clicks);
      });
      await new Promise((r) => setTimeout(r, 100));
      return { ...payFigures(h, before), status: result.current.checkout.status };
    });
  });

  it('requests per Pay: 5 rapid clicks on CardForm’s submit button under StrictMode', async () => {
    if (!CardForm || !PaymentMethodList) {
      results.drivers[driver]!.payCardForm5 = {
        error: 'CardForm or PaymentMethodList is not exported from yuno-react',
      };
      return;
    }
    await measure(driver, 'payCardForm5', async () => {
      const h = await createDriverHarness(driver);
      const user = userEvent.setup();
      render(
        <StrictMode>
          <h.Provider>
            <PaymentMethodList aria-label="Payment methods" defaultValue="CARD" />
            <CardForm cardFields="raw" />
          </h.Provider>
        </StrictMode>,
      );
      const form = await findCardForm();
      await fillCardForm(user, form);
      const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!submit) throw new Error('CardForm has no submit button');
      const before = snapshot(h);
      // Five clicks in one task, before React has rendered the pending state: the hardest case.
      act(() => {
        for (let i = 0; i < 5; i += 1) fireEvent.click(submit);
      });
      await waitFor(
        () => {
          if (snapshot(h).sandbox.payments - before.sandbox.payments < 1) throw new Error('no payment yet');
        },
        { timeout: 10_000 },
      );
      await new Promise((r) => setTimeout(r, 200));
      return payFigures(h, before);
    });
  });

  it('payment methods of a page prefetched on the server and hydrated', async () => {
    await measure(driver, 'prefetched', async () => {
      const h = await createDriverHarness(driver);
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
              {CardForm ? <CardForm cardFields="raw" /> : null}
              <MethodNames id="hydrated" />
            </yunoReact.YunoProvider>
          </HydrationBoundary>
        </QueryClientProvider>,
      );
      await screen.findByRole('list', { name: 'methods hydrated' });
      await new Promise((r) => setTimeout(r, 100));
      return {
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

  it('polling of a PIX payment stops once the sandbox settles it (SUCCEEDED)', async () => {
    await measure(driver, 'polling', async () => {
      const h = await createDriverHarness(driver, { country: 'BR', currency: 'BRL', amount: 50 });
      const { result } = await checkoutHook(h, 'PIX', { pollInterval: () => POLL_INTERVAL_MS });
      const start = snapshot(h);
      await act(async () => {
        await Promise.allSettled(Array.from({ length: 5 }, () => result.current.checkout.pay()));
      });
      const created = h.sandbox.listPayments();
      if (created.length !== 1) throw new Error(`${created.length} payments created, expected 1`);
      const payment = created[0]!;
      // The page follows the waiting payment: a few reads reach the sandbox before it is paid (through the merchant's
      // payment route, or the SDK's own read).
      await waitFor(
        () => {
          if (snapshot(h).sandbox.paymentReads - start.sandbox.paymentReads < 3) throw new Error('not polling');
        },
        { timeout: 5_000 },
      );
      const settling = snapshot(h);
      await act(async () => {
        await h.sandbox.settlePayment(payment.id, 'SUCCEEDED');
      });
      await waitFor(
        () => {
          if (result.current.checkout.payment?.status !== 'SUCCEEDED') throw new Error('not SUCCEEDED on the page');
        },
        { timeout: 5_000 },
      );
      const terminal = snapshot(h);
      await act(() => new Promise((r) => setTimeout(r, POLL_INTERVAL_MS * INTERVALS_AFTER_TERMINAL)));
      const end = snapshot(h);
      return {
        method: 'PIX',
        pollIntervalMs: POLL_INTERVAL_MS,
        waitedMs: POLL_INTERVAL_MS * INTERVALS_AFTER_TERMINAL,
        status: result.current.checkout.status,
        readsWhileWaiting: {
          sandbox: settling.sandbox.paymentReads - start.sandbox.paymentReads,
          page: settling.page.paymentReads - start.page.paymentReads,
        },
        readsUntilSeen: {
          sandbox: terminal.sandbox.paymentReads - settling.sandbox.paymentReads,
          page: terminal.page.paymentReads - settling.page.paymentReads,
        },
        readsAfterTerminal: {
          sandbox: end.sandbox.paymentReads - terminal.sandbox.paymentReads,
          page: end.page.paymentReads - terminal.page.paymentReads,
        },
        ...payFigures(h, start),
      };
    });
  });
});
