import type { SandboxRuntime } from './runtime';
import type { CheckoutSessionRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';

export function findCheckoutSession(rt: SandboxRuntime, id: string): CheckoutSessionRecord {
  const session = rt.store.checkoutSessions.get(id);
  if (!session) throw badRequest('CHECKOUT_SESSION_NOT_FOUND', 'Checkout session not found');
  return session;
}

export function isCheckoutSessionExpired(rt: SandboxRuntime, session: CheckoutSessionRecord): boolean {
  return rt.clock.now() >= session.createdAt + rt.checkoutSessionTtlMs;
}

/** Yuno answers CHECKOUT_SESSION_NOT_FOUND for sessions that exist but can no longer be paid, too. */
export function assertCheckoutSessionUsable(rt: SandboxRuntime, session: CheckoutSessionRecord): void {
  if (session.used) throw badRequest('CHECKOUT_SESSION_NOT_FOUND', 'The checkout session was already used');
  if (isCheckoutSessionExpired(rt, session)) {
    throw badRequest('CHECKOUT_SESSION_NOT_FOUND', 'The checkout session has expired');
  }
}
