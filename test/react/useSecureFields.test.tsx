// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isYunoError,
  useCheckoutActions,
  useSecureFields,
  type UseSecureFieldsOptions,
  type UseSecureFieldsResult,
} from 'yuno-react';
import { createCheckoutHarness } from '../support/checkout';
import { createFakeSecureFields } from '../support/fakeSecureFields';

afterEach(cleanup);

function Probe(props: UseSecureFieldsOptions & { onResult: (result: UseSecureFieldsResult) => void }) {
  const { onResult, ...options } = props;
  const result = useSecureFields(options);
  useEffect(() => {
    onResult(result);
  });
  return <p>{result.status}</p>;
}

describe('useSecureFields', () => {
  it('is unavailable with the server tokenizer, which offers no Secure Fields, and when disabled', async () => {
    const h = await createCheckoutHarness({ tokenizer: 'server' });
    const fake = createFakeSecureFields(h.tokenizer);
    const seen: UseSecureFieldsResult[] = [];
    const view = render(
      <h.Provider>
        <Probe mode="pay" onResult={(r) => seen.push(r)} />
      </h.Provider>,
    );
    expect(view.container.textContent).toBe('unavailable');
    expect(seen.every((r) => r.session === null && r.error === null)).toBe(true);
    view.rerender(
      <h.Provider tokenizer={fake.tokenizer}>
        <Probe mode="pay" enabled={false} onResult={(r) => seen.push(r)} />
      </h.Provider>,
    );
    expect(view.container.textContent).toBe('unavailable');
    expect(fake.sessions).toHaveLength(0);
  });

  it('makes one live session for the checkout session under StrictMode, and unmounts it with the component', async () => {
    const h = await createCheckoutHarness({ country: 'CO', currency: 'COP' });
    const fake = createFakeSecureFields(h.tokenizer);
    let gateOpen!: () => void;
    fake.gate = new Promise((resolve) => (gateOpen = resolve));
    let last: UseSecureFieldsResult | undefined;
    const view = render(
      <StrictMode>
        <h.Provider tokenizer={fake.tokenizer} language="es">
          <Probe mode="pay" installments onResult={(r) => (last = r)} />
        </h.Provider>
      </StrictMode>,
    );
    expect(view.container.textContent).toBe('loading');
    await act(async () => gateOpen());
    await waitFor(() => expect(view.container.textContent).toBe('ready'));
    expect(fake.live()).toHaveLength(1);
    expect(last!.session).toBe(fake.live()[0]);
    expect(fake.live()[0]!.context).toEqual({
      checkoutSession: h.start.checkoutSession,
      countryCode: 'CO',
      language: 'es',
      installments: true,
    });
    view.unmount();
    expect(fake.live()).toHaveLength(0);
  });

  it('reports a failure to set up the fields as a YunoError of kind sdk', async () => {
    const h = await createCheckoutHarness();
    const fake = createFakeSecureFields(h.tokenizer);
    fake.failWith = new Error('the script was blocked');
    let last: UseSecureFieldsResult | undefined;
    const view = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <Probe mode="pay" onResult={(r) => (last = r)} />
      </h.Provider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('error'));
    expect(isYunoError(last!.error)).toBe(true);
    expect(last!.error!.kind).toBe('sdk');
    expect(last!.error!.message).not.toContain('blocked');
    expect(last!.session).toBeNull();
  });

  it('moves the fields to the checkout’s new session, keeping the same fields', async () => {
    const h = await createCheckoutHarness();
    const fake = createFakeSecureFields(h.tokenizer);
    const view = render(
      <h.Provider tokenizer={fake.tokenizer}>
        <Probe mode="cvv" onResult={() => undefined} />
      </h.Provider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('ready'));
    const session = fake.live()[0]!;
    expect(session.updates).toEqual([]);
    const next = await h.client.startCheckout({ previousCheckoutSession: h.start.checkoutSession });
    expect(next.checkoutSession).not.toBe(h.start.checkoutSession);
    view.rerender(
      <h.Provider tokenizer={fake.tokenizer} checkoutSession={next.checkoutSession}>
        <Probe mode="cvv" onResult={() => undefined} />
      </h.Provider>,
    );
    await waitFor(() => expect(session.updates).toEqual([next.checkoutSession]));
    // The same session: nothing typed is lost.
    expect(fake.sessions).toEqual([session]);
    expect(session.unmounted).toBe(false);
  });

  it('makes the fields of an enrollment on one customer session, kept by the provider, under StrictMode', async () => {
    const h = await createCheckoutHarness({ customer: true });
    const fake = createFakeSecureFields(h.tokenizer);
    let actions: ReturnType<typeof useCheckoutActions> | undefined;
    function Actions() {
      const value = useCheckoutActions();
      useEffect(() => {
        actions = value;
      }, [value]);
      return null;
    }
    const view = render(
      <StrictMode>
        <h.Provider tokenizer={fake.tokenizer}>
          <Probe mode="enroll" onResult={() => undefined} />
          <Actions />
        </h.Provider>
      </StrictMode>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('ready'));
    const session = fake.live()[0]!;
    expect(session.context.checkoutSession).toBeUndefined();
    expect(session.context.customerSession).toEqual(expect.any(String));
    expect(actions!.getState().customerSession).toBe(session.context.customerSession);
    expect(h.browserRequests.filter((r) => r.method === 'POST' && /customer-sessions$/.test(r.path))).toHaveLength(1);
  });

  it('uses the provider’s customer session when it has one', async () => {
    const h = await createCheckoutHarness({ customer: true });
    const fake = createFakeSecureFields(h.tokenizer);
    const { customer_session: customerSession } = await h.client.startCustomerSession();
    const before = h.browserRequests.length;
    const view = render(
      <h.Provider tokenizer={fake.tokenizer} customerSession={customerSession}>
        <Probe mode="enroll" onResult={() => undefined} />
      </h.Provider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('ready'));
    expect(fake.live()[0]!.context.customerSession).toBe(customerSession);
    expect(h.browserRequests.slice(before).filter((r) => /customer-sessions$/.test(r.path))).toEqual([]);
  });
});
