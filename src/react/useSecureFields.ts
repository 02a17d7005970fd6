import { useEffect, useMemo, useRef, useState } from 'react';
import { isYunoError, YunoError } from '../core';
import type { SecureFieldsSession } from '../tokenizers/secureFields';
import { useYunoContext } from './YunoContext';

/**
 * What the card fields are for: paying with a new card (`pay`), confirming a saved card's security code (`cvv`), both
 * on the provider's checkout session, or saving a card (`enroll`), on a customer session.
 *
 * @example
 * ```ts
 * const mode: SecureFieldsMode = 'enroll';
 * ```
 */
export type SecureFieldsMode = 'pay' | 'cvv' | 'enroll';

/**
 * Options of {@link useSecureFields}.
 *
 * @example
 * ```ts
 * const options: UseSecureFieldsOptions = { mode: 'pay', installments: true };
 * ```
 */
export interface UseSecureFieldsOptions {
  mode: SecureFieldsMode;
  /** Ask the number field for the card's installment plans (Yuno's `installmentEnable`). @default false */
  installments?: boolean;
  /** Make no session while false (a form that uses its own inputs). @default true */
  enabled?: boolean;
}

/**
 * Where the session stands: `loading` while the tokenizer makes it, `ready` once the fields can be created and
 * mounted, `unavailable` when the provider's tokenizer offers no card fields in iframes (the server tokenizer) or the
 * hook is disabled, `error` when making the session failed (`error` says why).
 *
 * @example
 * ```ts
 * const status: SecureFieldsStatus = 'ready';
 * ```
 */
export type SecureFieldsStatus = 'loading' | 'ready' | 'unavailable' | 'error';

/**
 * What {@link useSecureFields} returns.
 *
 * @example
 * ```ts
 * const { session, status }: UseSecureFieldsResult = useSecureFields({ mode: 'pay' });
 * ```
 */
export interface UseSecureFieldsResult {
  /** The form's session of card fields, once `ready`. */
  session: SecureFieldsSession | null;
  status: SecureFieldsStatus;
  error: YunoError | null;
}

const UNAVAILABLE: UseSecureFieldsResult = { session: null, status: 'unavailable', error: null };
const LOADING: UseSecureFieldsResult = { session: null, status: 'loading', error: null };

function toYunoError(error: unknown): YunoError {
  if (isYunoError(error)) return error;
  return new YunoError({
    kind: 'sdk',
    message: "The card fields of Yuno's Web SDK could not be set up",
    cause: error,
  });
}

/**
 * One session of card fields in the SDK's iframes (Yuno's Secure Fields) for one form, made by the provider's
 * tokenizer for the provider's checkout session (`pay`, `cvv`) or for a customer session (`enroll`: the provider's, or a
 * new one from the merchant's routes, which the provider then keeps so that `useEnrollment` saves the card in it). The
 * session is removed (`unmount()`) when the component unmounts, also under StrictMode's double mount, which never leaves
 * two live sessions. When the checkout moves to another checkout session (a retry after a decline), the fields follow
 * it (`updateCheckoutSession`) and keep what the shopper typed. Create and mount the fields from `session`; card data
 * stays in the frames.
 *
 * @example
 * ```tsx
 * function CardNumber() {
 *   const { session, status } = useSecureFields({ mode: 'pay' });
 *   const ref = useRef<HTMLDivElement>(null);
 *   useEffect(() => {
 *     if (!session || !ref.current) return;
 *     const field = session.create('pan', { label: 'Card number' });
 *     field.mount(ref.current);
 *     return () => field.unmount();
 *   }, [session]);
 *   return status === 'unavailable' ? <p>Card fields are not available.</p> : <div ref={ref} role="group" />;
 * }
 * ```
 */
export function useSecureFields(options: UseSecureFieldsOptions): UseSecureFieldsResult {
  const { mode, installments = false, enabled = true } = options;
  const { controller, client, tokenizer, language } = useYunoContext('useSecureFields');
  const available = enabled && typeof tokenizer?.secureFields === 'function';
  // One setup (these inputs) and what its effect made; a result of an earlier setup is stale and reads as loading.
  const setup = useMemo(
    () => ({ available, tokenizer, controller, client, language, mode, installments }),
    [available, tokenizer, controller, client, language, mode, installments],
  );
  const [result, setResult] = useState<{ setup: object; value: UseSecureFieldsResult } | null>(null);
  // One customer session per form, also across StrictMode's second mount (refs outlive it).
  const customerSession = useRef<Promise<string> | null>(null);

  useEffect(() => {
    const make = setup.tokenizer?.secureFields?.bind(setup.tokenizer);
    if (!setup.available || !make) return;
    let active = true;
    let session: SecureFieldsSession | null = null;
    let unsubscribe: (() => void) | null = null;
    let madeFor = '';
    const start = async () => {
      const { countryCode } = controller.getState();
      const base = { countryCode, language: setup.language, ...(setup.installments ? { installments: true } : {}) };
      if (setup.mode !== 'enroll') {
        madeFor = controller.getState().checkoutSession;
        return make({ ...base, checkoutSession: madeFor });
      }
      customerSession.current ??= (async () => {
        const known = controller.getState().customerSession;
        const id = known ?? (await client.startCustomerSession()).customer_session;
        if (!known) controller.update({ customerSession: id });
        return id;
      })();
      const id = await customerSession.current.catch((error: unknown) => {
        customerSession.current = null;
        throw error;
      });
      return make({ ...base, customerSession: id });
    };
    start().then(
      (made) => {
        if (!active) {
          made.unmount();
          return;
        }
        session = made;
        if (setup.mode !== 'enroll') {
          // Listened to outside React, so that the fields follow a new session before the payment that made it goes on.
          let current = madeFor;
          const follow = () => {
            const next = controller.getState().checkoutSession;
            if (next === current) return;
            current = next;
            made.updateCheckoutSession(next);
          };
          unsubscribe = controller.subscribe(follow);
          follow();
        }
        setResult({ setup, value: { session: made, status: 'ready', error: null } });
      },
      (error: unknown) => {
        if (active) setResult({ setup, value: { session: null, status: 'error', error: toYunoError(error) } });
      },
    );
    return () => {
      active = false;
      unsubscribe?.();
      session?.unmount();
    };
  }, [setup, controller, client]);

  if (!available) return UNAVAILABLE;
  return result?.setup === setup ? result.value : LOADING;
}
