// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCheckoutActions, useCheckoutSelector, type CheckoutActions, type CheckoutState } from 'yuno-react';
import { createCheckoutHarness } from '../support/checkout';

afterEach(cleanup);

const selectStatus = (s: CheckoutState) => s.status;
const selectMethodType = (s: CheckoutState) => s.selectedMethod?.type ?? null;

describe('useCheckoutSelector', () => {
  it('re-renders a component only when the slice it reads changes', async () => {
    const h = await createCheckoutHarness();
    const renders = { status: 0, method: 0, actions: 0 };
    const seen: { status?: string; method?: string | null; actions?: CheckoutActions } = {};
    function Status() {
      renders.status += 1;
      seen.status = useCheckoutSelector(selectStatus);
      return null;
    }
    function Method() {
      renders.method += 1;
      seen.method = useCheckoutSelector(selectMethodType);
      return null;
    }
    function Actions() {
      renders.actions += 1;
      seen.actions = useCheckoutActions();
      return null;
    }
    render(
      <h.Provider>
        <Status />
        <Method />
        <Actions />
      </h.Provider>,
    );
    const mounted = { ...renders };
    const actions = seen.actions!;

    act(() => actions.select({ type: 'PIX', vaultedToken: null }));
    expect(seen.method).toBe('PIX');
    expect(renders.method).toBe(mounted.method + 1);
    expect(renders.status).toBe(mounted.status);
    expect(renders.actions).toBe(mounted.actions);

    // The same slice again (a new selection object of the same type): nothing re-renders.
    act(() => actions.select({ type: 'PIX', vaultedToken: null, name: 'PIX' }));
    expect(renders.method).toBe(mounted.method + 1);
    expect(renders.status).toBe(mounted.status);
    expect(seen.actions).toBe(actions);
    expect(seen.status).toBe('idle');
    expect(actions.getState().selectedMethod).toEqual({ type: 'PIX', vaultedToken: null, name: 'PIX' });
  });

  it('keeps an equal slice when given isEqual, and names itself outside a provider', async () => {
    const h = await createCheckoutHarness();
    let renders = 0;
    let actions: CheckoutActions | undefined;
    const selectPair = (s: CheckoutState) => ({ type: s.selectedMethod?.type ?? null });
    function Pair() {
      renders += 1;
      useCheckoutSelector(selectPair, (a, b) => a.type === b.type);
      actions = useCheckoutActions();
      return null;
    }
    render(
      <h.Provider>
        <Pair />
      </h.Provider>,
    );
    const mounted = renders;
    act(() => actions!.select({ type: 'CARD', vaultedToken: null }));
    expect(renders).toBe(mounted + 1);
    act(() => actions!.select({ type: 'CARD', vaultedToken: null, name: 'Card' }));
    expect(renders).toBe(mounted + 1);
    cleanup();

    function Outside() {
      useCheckoutSelector(selectStatus);
      return null;
    }
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<Outside />)).toThrow('useCheckoutSelector must be used within <YunoProvider>');
    } finally {
      console.error = quiet;
    }
  });
});
