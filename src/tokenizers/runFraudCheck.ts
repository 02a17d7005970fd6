import type { YunoInstance } from '@yuno-payments/sdk-web-types';
import type { CustomerPayer } from '../core/schemas/token';

/**
 * The fingerprints a fraud check gave, one per fraud provider, in Yuno's API shape (`{ provider_id, id }`). The 1.x
 * headless `generateToken` sends the first one's `id` as `payment_method.device_fingerprint`.
 */
export type DeviceFingerprints = NonNullable<CustomerPayer['device_fingerprints']>;

/** How many sessions' fingerprints an instance keeps; a page goes through a handful (one per declined attempt). */
const MAX_SESSIONS_PER_INSTANCE = 50;

const fraudChecks = new WeakMap<YunoInstance, Map<string, Promise<DeviceFingerprints>>>();

/**
 * Runs the SDK's fraud check (`executeFraudCheck`) for a session unless it has run or is running, and resolves with
 * its device fingerprints; never rejects.
 */
export function runFraudCheck(yuno: YunoInstance, checkoutSession: string): Promise<DeviceFingerprints> {
  let bySession = fraudChecks.get(yuno);
  if (bySession === undefined) {
    bySession = new Map();
    fraudChecks.set(yuno, bySession);
  }
  const known = bySession.get(checkoutSession);
  if (known !== undefined) return known;

  const sessions = bySession;
  const check: Promise<DeviceFingerprints> = Promise.resolve()
    .then(() => yuno.executeFraudCheck({ checkoutSession }))
    .then(
      (result) => {
        if (result.status === 'success' && Array.isArray(result.deviceFingerprints)) {
          return result.deviceFingerprints
            .filter((f) => typeof f?.providerId === 'string' && typeof f?.sessionId === 'string')
            .map((f) => ({ provider_id: f.providerId, id: f.sessionId }));
        }
        return null;
      },
      () => null,
    )
    .then((fingerprints) => {
      // Yuno lets the checkout go on without a fraud check; a failed one is forgotten so the next prepare() retries.
      if (fingerprints === null) {
        if (sessions.get(checkoutSession) === check) sessions.delete(checkoutSession);
        return [];
      }
      return fingerprints;
    });
  sessions.set(checkoutSession, check);
  if (sessions.size > MAX_SESSIONS_PER_INSTANCE) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
  return check;
}

/**
 * How long a Pay click waits for a fraud check still under way. It normally finished while the shopper typed; one that
 * hangs must not hold the payment, which Yuno accepts without fingerprints.
 */
const FRAUD_CHECK_WAIT_MS = 5_000;

/**
 * The fingerprints of the fraud check `prepare` started for the session, waited for {@link FRAUD_CHECK_WAIT_MS} at
 * most; none when no check was started (the Pay click does not start one).
 */
export function fraudCheckOf(yuno: YunoInstance, checkoutSession: string): Promise<DeviceFingerprints> {
  const check = fraudChecks.get(yuno)?.get(checkoutSession);
  if (check === undefined) return Promise.resolve([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<DeviceFingerprints>((resolve) => {
    timer = setTimeout(() => resolve([]), FRAUD_CHECK_WAIT_MS);
  });
  return Promise.race([check, giveUp]).finally(() => clearTimeout(timer));
}
