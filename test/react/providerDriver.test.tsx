// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { YunoProvider, useOneTimeToken } from 'yuno-react';
import { createYunoSandbox, installSandboxWebSdk } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';

const sandbox = createYunoSandbox();
// The merchant's server, allowed in jsdom because it only talks to the in-memory sandbox.
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: sandbox.fetch,
  allowBrowser: true,
});
const uninstalls: Array<() => void> = [];

afterEach(() => {
  for (const uninstall of uninstalls.splice(0)) uninstall();
  for (const script of Array.from(document.querySelectorAll('script'))) script.remove();
});

async function newCheckoutSession(): Promise<string> {
  const customer = await yuno.customers.create({
    merchant_customer_id: `driver-${crypto.randomUUID()}`,
    country: 'US',
  });
  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `driver-order-${crypto.randomUUID()}`,
    payment_description: 'Driver choice',
    country: 'US',
    customer_id: customer.id,
    amount: { currency: 'USD', value: 20 },
  });
  return session.checkout_session;
}

const card = { number: '4507990000000002', expirationMonth: 11, expirationYear: 2030, securityCode: '123' };

describe('<YunoProvider publicApiKey>: the Web SDK driver', () => {
  it.each([{ sdkVersion: undefined }, { sdkVersion: 2 as const }])(
    "tokenizes with Yuno's Web SDK 2.x by default and with sdkVersion={2} (window.SdkPayments.transaction): %o",
    async ({ sdkVersion }: { sdkVersion: 2 | undefined }) => {
      const { uninstall } = installSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch, sdkVersion: 2 });
      uninstalls.push(uninstall);
      const checkoutSession = await newCheckoutSession();
      const { result } = renderHook(() => useOneTimeToken(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <YunoProvider
            checkoutSession={checkoutSession}
            countryCode="US"
            publicApiKey={sandbox.credentials.publicApiKey}
            {...(sdkVersion ? { sdkVersion } : {})}
          >
            {children}
          </YunoProvider>
        ),
      });

      const token = await act(() => result.current.mutateAsync({ type: 'CARD', card: { ...card } }));

      expect(token).toMatchObject({ type: 'CARD', card_data: { lfd: '0002' } });
      // The 2.x global was on the page already: no script was added, and the 1.x loader never ran.
      expect(document.querySelectorAll('script')).toHaveLength(0);
    },
  );

  // One case only: the 1.x loader keeps one script per page for the module's life, so a second case would reuse it.
  it.each([{ sdkVersion: 1 as const }])(
    'uses the 1.x driver with sdkVersion={1} (%o)',
    async ({ sdkVersion }: { sdkVersion: 1 }) => {
      // No global on the page: the 1.x driver adds the pinned 1.x script through its own loader.
      const checkoutSession = await newCheckoutSession();
      const { result } = renderHook(() => useOneTimeToken(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <YunoProvider
            checkoutSession={checkoutSession}
            countryCode="US"
            publicApiKey={sandbox.credentials.publicApiKey}
            sdkVersion={sdkVersion}
          >
            {children}
          </YunoProvider>
        ),
      });

      act(() => result.current.mutate({ type: 'CARD', card: { ...card } }));

      await waitFor(() => expect(document.getElementById('yuno-script')).not.toBeNull());
      expect(document.getElementById('yuno-script')!.getAttribute('src')).toMatch(
        /^https:\/\/sdk-web\.sandbox\.y\.uno\/v1/,
      );
      expect(document.querySelectorAll('script[data-yuno-sdk-v2]')).toHaveLength(0);
    },
  );
});
