import { settlePayment } from '../paymentLifecycle';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxFault, SandboxRequestRecord, SandboxWebhookDelivery } from '../types';
import { invalidParameter, readJsonObject, requireFields } from '../validation';
import { paymentRetrieveView } from '../paymentViews';

/** What the control routes drive, owned by the sandbox object. */
export interface SandboxControls {
  injectFault(fault: SandboxFault): () => void;
  clearFaults(): void;
  requests(): ReadonlyArray<SandboxRequestRecord>;
  clearRequests(): void;
  advanceTime(ms: number): Promise<void>;
  webhookDeliveries(): ReadonlyArray<SandboxWebhookDelivery>;
}

const FAULT_TYPES = new Set([
  'latency',
  'status',
  'timeout',
  'network',
  'malformed_json',
  'extra_fields',
  'missing_fields',
]);

/** A fault sent as JSON: the same shape as `faults.inject`, with `match.path` a string. */
function parseFault(body: Record<string, unknown>): SandboxFault {
  requireFields(body, ['type']);
  const type = body.type;
  if (typeof type !== 'string' || !FAULT_TYPES.has(type))
    invalidParameter('type', `one of ${[...FAULT_TYPES].join(', ')}`);
  if (body.times !== undefined && (!Number.isInteger(body.times) || (body.times as number) < 1)) {
    invalidParameter('times', 'a positive integer');
  }
  const match = body.match;
  if (match !== undefined) {
    if (!match || typeof match !== 'object') invalidParameter('match', 'an object');
    const { method, path } = match as Record<string, unknown>;
    if (method !== undefined && typeof method !== 'string') invalidParameter('match.method', 'a string');
    if (path !== undefined && typeof path !== 'string') invalidParameter('match.path', 'a string');
  }
  if (type === 'latency') {
    requireFields(body, ['ms']);
    if (typeof body.ms !== 'number' || body.ms < 0) invalidParameter('ms', 'a non-negative number');
  }
  if (type === 'status') {
    requireFields(body, ['status']);
    if (!Number.isInteger(body.status) || (body.status as number) < 100 || (body.status as number) > 599) {
      invalidParameter('status', 'an HTTP status');
    }
    const retryAfter = body.retryAfter;
    if (
      retryAfter !== undefined &&
      !(typeof retryAfter === 'string' && /^[\x20-\x7e]{1,64}$/.test(retryAfter)) &&
      !(typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0)
    ) {
      invalidParameter('retryAfter', 'a non-negative whole number of seconds or an HTTP date');
    }
  }
  if (type === 'missing_fields') {
    requireFields(body, ['fields']);
    if (!Array.isArray(body.fields) || !body.fields.every((f) => typeof f === 'string')) {
      invalidParameter('fields', 'an array of field names');
    }
  }
  return body as unknown as SandboxFault;
}

/**
 * The `/_sandbox` routes a shopper's browser loads: the Web SDK stand-in, its Secure Fields' pages, the 3DS challenge,
 * the redirect pages and the page where a wallet or bank-account enrollment is confirmed.
 */
const BROWSER_SEGMENTS = new Set(['sdk', 'secure-fields', '3ds', 'redirect', 'enrollment']);

/**
 * Whether a path is one of the sandbox's control routes (settle, time, faults, requests, webhooks): everything under
 * `/_sandbox` that a shopper's browser does not load. Split into segments the way the router matches them (empty
 * segments dropped), so `//_sandbox//faults` is a control path too.
 */
export function isSandboxControlPath(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  return segments[0] === '_sandbox' && !BROWSER_SEGMENTS.has(segments[1] ?? '');
}

export function controlRoutes(controls: SandboxControls): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/_sandbox/payments/:payment_id/settle',
      auth: 'none',
      async handler({ rt, request, params }) {
        const body = await readJsonObject(request);
        requireFields(body, ['status']);
        if (typeof body.status !== 'string') invalidParameter('status', 'a payment status');
        const optional = (key: string) => {
          const value = body[key];
          if (value !== undefined && typeof value !== 'string') invalidParameter(key, 'a string');
          return value as string | undefined;
        };
        const payment = settlePayment(rt, params.payment_id as string, {
          status: body.status as string,
          ...(optional('sub_status') ? { sub_status: optional('sub_status') } : {}),
          ...(optional('response_code') ? { response_code: optional('response_code') } : {}),
        });
        return json(200, paymentRetrieveView(payment));
      },
    },
    {
      method: 'POST',
      pattern: '/_sandbox/time/advance',
      auth: 'none',
      async handler({ rt, request }) {
        const body = await readJsonObject(request);
        requireFields(body, ['ms']);
        if (typeof body.ms !== 'number' || !Number.isFinite(body.ms) || body.ms < 0) {
          invalidParameter('ms', 'a non-negative number of milliseconds');
        }
        await controls.advanceTime(body.ms as number);
        return json(200, { now: rt.clock.now() });
      },
    },
    {
      method: 'POST',
      pattern: '/_sandbox/faults',
      auth: 'none',
      async handler({ request }) {
        const fault = parseFault(await readJsonObject(request));
        controls.injectFault(fault);
        return json(200, { fault });
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sandbox/faults',
      auth: 'none',
      handler() {
        controls.clearFaults();
        return json(200, { cleared: true });
      },
    },
    {
      method: 'GET',
      pattern: '/_sandbox/requests',
      auth: 'none',
      handler() {
        return json(200, controls.requests());
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sandbox/requests',
      auth: 'none',
      handler() {
        controls.clearRequests();
        return json(200, { cleared: true });
      },
    },
    {
      method: 'GET',
      pattern: '/_sandbox/webhooks',
      auth: 'none',
      handler() {
        return json(200, controls.webhookDeliveries());
      },
    },
  ];
}
