import { uuid } from './ids';
import type { SandboxRuntime } from './runtime';
import type { CustomerSessionRecord, EnrollmentRecord } from './SandboxStore';
import { badRequest } from './SandboxHttpError';
import { assertCardNumber } from './tokens';
import { emitEnrollmentWebhook, storeCard, vaultCard } from './vault';

export function findCustomerSession(rt: SandboxRuntime, id: string): CustomerSessionRecord {
  const session = rt.store.customerSessions.get(id);
  if (!session) throw badRequest('NOT_FOUND', 'Customer session not found');
  return session;
}

export function createEnrollment(
  rt: SandboxRuntime,
  session: CustomerSessionRecord,
  input: { type: string; country: string; verify?: { vault_on_success: boolean; currency?: string } },
): EnrollmentRecord {
  const now = rt.clock.now();
  const enrollment: EnrollmentRecord = {
    id: uuid(),
    customerSession: session.id,
    customerId: session.customerId,
    country: input.country,
    type: input.type,
    status: 'READY_TO_ENROLL',
    verify: input.verify ?? { vault_on_success: false },
    vaultedCardId: null,
    createdAt: now,
    updatedAt: now,
  };
  rt.store.enrollments.set(enrollment.id, enrollment);
  return enrollment;
}

export interface EnrollCardInput {
  number: string;
  expirationMonth: number;
  expirationYear: number;
  securityCode: string | undefined;
  holderName: string | null;
  type: string | undefined;
}

/**
 * The shopper's side of an enrollment (what the Web SDK's `continueEnrollment` does): saves the card for the
 * session's customer and marks the session's enrollment ENROLLED. A session the merchant opened no enrollment on
 * gets one, as the SDK's enrollment forms start it themselves.
 */
export function continueEnrollment(rt: SandboxRuntime, session: CustomerSessionRecord, card: EnrollCardInput) {
  assertCardNumber(card.number, 'payment_method.card.detail.number');
  let enrollment = [...rt.store.enrollments.values()].find(
    (e) => e.customerSession === session.id && e.status === 'READY_TO_ENROLL',
  );
  enrollment ??= createEnrollment(rt, session, { type: 'CARD', country: session.country });
  const stored = storeCard(rt, card);
  const { record } = vaultCard(rt, session.customerId, stored.ref, session.country, session.id);
  enrollment.status = 'ENROLLED';
  enrollment.vaultedCardId = record.id;
  enrollment.updatedAt = rt.clock.now();
  emitEnrollmentWebhook(rt, 'enrollment.enroll', record);
  return { enrollment, vaulted: record };
}
