import { CheckoutSessionSchema, PaymentSchema, type CheckoutSession, type Payment } from '../core';
import { requirePrivateCredentials, requirePublicKey } from './auth';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_CHECKOUT_SESSION_TTL_MS,
  SANDBOX_DEFAULT_BASE_URL,
  SANDBOX_PRIVATE_SECRET_KEY,
  SANDBOX_PUBLIC_API_KEY,
} from './constants';
import { FaultRegistry, applyBodyFault, faultStatusResponse, isFaultablePath } from './FaultRegistry';
import { completeThreeDSecure, settlePayment } from './paymentLifecycle';
import { errorResponse, noContent } from './responses';
import { matchRoute, type Route } from './router';
import { checkoutSessionRoutes } from './routes/checkoutSessions';
import { controlRoutes } from './routes/control';
import { customerRoutes } from './routes/customers';
import { enrollmentRoutes } from './routes/enrollment';
import { issuerRoutes } from './routes/issuers';
import { webhookRoutes } from './routes/webhooks';
import { pageRoutes } from './routes/pages';
import { paymentRoutes } from './routes/payments';
import { sdkRoutes } from './routes/sdk';
import { secureFieldRoutes } from './routes/secureFields';
import { transactionRoutes } from './routes/transactions';
import { directRoutes } from './routes/direct';
import type { SandboxRuntime } from './runtime';
import { SandboxClock } from './SandboxClock';
import { SandboxHttpError } from './SandboxHttpError';
import { SandboxStore } from './SandboxStore';
import { sleep } from './sleep';
import type { SandboxRequestRecord, YunoSandbox, YunoSandboxOptions } from './types';
import { paymentRetrieveView } from './paymentViews';
import { checkoutSessionRetrieveView } from './views';
import { WebhookDispatcher } from './WebhookDispatcher';

export type {
  SandboxFault,
  SandboxFaultMatch,
  SandboxPaymentMethodConfig,
  SandboxRequestRecord,
  SandboxSettlement,
  SandboxWebhookDelivery,
  YunoSandbox,
  YunoSandboxOptions,
} from './types';

/** The requests a sandbox remembers unless told otherwise. */
const DEFAULT_REQUEST_LOG_LIMIT = 1000;

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function isRequest(input: unknown): input is Request {
  // Duck-typed: under MSW or in a test environment the Request class may come from another realm.
  return typeof input === 'object' && input !== null && !(input instanceof URL) && 'url' in input && 'method' in input;
}

/**
 * Creates an offline, in-memory Yuno: Yuno's REST API under `/v1` with the real paths, headers, status codes and
 * bodies (customers, checkout sessions, payment methods, one-time tokens, payments with idempotency, cancel/refund,
 * customer sessions and enrollment), the Web SDK's tokenizer and 3DS pages under `/_sandbox`, test cards with every
 * outcome, PIX/redirect/voucher methods, signed webhooks with retries on a sandbox clock, and injectable faults.
 * Nothing here needs Node: the same sandbox runs in tests, in a browser under MSW and behind a Node server.
 *
 * @example
 * ```ts
 * import { createYunoSandbox } from 'yuno-react/sandbox';
 * import { createYunoServerClient } from 'yuno-react/server';
 *
 * const sandbox = createYunoSandbox();
 * const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
 * const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
 *
 * // Or straight through fetch, with Yuno's headers:
 * const res = await sandbox.fetch('/v1/customers/' + customer.id, {
 *   headers: { 'public-api-key': sandbox.credentials.publicApiKey, 'private-secret-key': sandbox.credentials.privateSecretKey },
 * });
 * ```
 */
export function createYunoSandbox(options: YunoSandboxOptions = {}): YunoSandbox {
  const accountId = options.accountId ?? SANDBOX_ACCOUNT_ID;
  const clock = new SandboxClock(options.now);
  const store = new SandboxStore();
  const webhooks = new WebhookDispatcher(options.webhooks, clock, accountId, () => store.webhookSubscriptions.values());
  const rt: SandboxRuntime = {
    accountId,
    publicApiKey: options.publicApiKey ?? SANDBOX_PUBLIC_API_KEY,
    privateSecretKey: options.privateSecretKey ?? SANDBOX_PRIVATE_SECRET_KEY,
    baseUrl: (options.baseUrl ?? SANDBOX_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    checkoutSessionTtlMs: options.checkoutSessionTtlMs ?? SANDBOX_CHECKOUT_SESSION_TTL_MS,
    latencyMs: options.latencyMs ?? 0,
    paymentProcessingMs: options.paymentProcessingMs ?? 0,
    paymentMethods: options.paymentMethods,
    clock,
    store,
    webhooks,
  };
  const faults = new FaultRegistry();
  const requests: SandboxRequestRecord[] = [];
  const requestLogLimit = options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT;
  if (!Number.isInteger(requestLogLimit) || requestLogLimit < 0) {
    throw new RangeError('createYunoSandbox: requestLogLimit must be a non-negative whole number');
  }
  const advanceTime = (ms: number) => clock.advance(ms, () => webhooks.flush());

  const routes: Route[] = [
    ...customerRoutes,
    ...checkoutSessionRoutes,
    ...paymentRoutes,
    ...transactionRoutes,
    ...directRoutes,
    ...enrollmentRoutes,
    ...issuerRoutes,
    ...webhookRoutes,
    ...sdkRoutes,
    ...pageRoutes,
    ...secureFieldRoutes,
    ...controlRoutes({
      injectFault: (fault) => faults.inject(fault),
      clearFaults: () => faults.clear(),
      requests: () => requests,
      clearRequests: () => {
        requests.length = 0;
      },
      advanceTime,
      webhookDeliveries: () => webhooks.deliveries,
    }),
  ];

  async function dispatch(request: Request, url: URL, method: string): Promise<Response> {
    const match = matchRoute(routes, method, url.pathname);
    try {
      if (match.kind === 'not_found') throw new SandboxHttpError(404, 'NOT_FOUND', ['Not Found']);
      if (match.kind === 'method_not_allowed') {
        return errorResponse(405, 'UNSUPPORTED_METHOD', [`${method} is not supported on ${url.pathname}`], {
          allow: match.allowed.join(', '),
        });
      }
      if (match.route.auth === 'private') requirePrivateCredentials(rt, request);
      if (match.route.auth === 'public') requirePublicKey(rt, request);
      return await match.route.handler({ rt, request, url, params: match.params });
    } catch (error) {
      if (error instanceof SandboxHttpError) return errorResponse(error.status, error.code, error.messages);
      // Never echo an unexpected error: its message could hold request data.
      return errorResponse(500, 'INTERNAL_ERROR', ['The sandbox failed to handle the request']);
    }
  }

  async function respond(request: Request, url: URL): Promise<Response> {
    const method = request.method.toUpperCase();
    const path = url.pathname;
    clock.runDue();
    if (method === 'OPTIONS') return noContent();

    const fault = isFaultablePath(path) ? faults.take(method, path) : undefined;
    switch (fault?.type) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'timeout':
        // Never answers: only the caller's abort signal ends the request (see `handle`).
        return new Promise<never>(() => undefined);
      case 'status':
        return faultStatusResponse(fault);
      case 'latency':
        await sleep(fault.ms);
        break;
      default:
        break;
    }
    if (path.startsWith('/v1/')) await sleep(rt.latencyMs);
    const response = await dispatch(request, url, method);
    if (fault?.type === 'malformed_json' || fault?.type === 'extra_fields' || fault?.type === 'missing_fields') {
      return applyBodyFault(fault, response);
    }
    return response;
  }

  // A Request follows its caller's AbortSignal only while the Request is alive (the link is weak), and nothing else
  // holds a hung request: keep every in-flight Request reachable so an abort always arrives.
  const inFlight = new Set<Request>();

  async function handle(request: Request): Promise<Response> {
    inFlight.add(request);
    try {
      return await handleInFlight(request);
    } finally {
      inFlight.delete(request);
    }
  }

  async function handleInFlight(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const record = (status: number) => {
      requests.push({ method: request.method.toUpperCase(), path: url.pathname, status, at: clock.now() });
      if (requests.length > requestLogLimit) requests.splice(0, requests.length - requestLogLimit);
    };
    const signal = request.signal;
    if (signal?.aborted) {
      record(0);
      throw abortError();
    }
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const response = await Promise.race([respond(request, url), aborted]);
      record(response.status);
      return response;
    } catch (error) {
      record(0);
      throw error;
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  async function sandboxFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (isRequest(input)) return handle(init === undefined ? input : new Request(input, init));
    const url = new URL(String(input), `${rt.baseUrl}/`);
    return handle(new Request(url, init));
  }

  const paymentOf = (id: string): Payment | undefined => {
    const payment = store.payments.get(id);
    return payment ? PaymentSchema.parse(paymentRetrieveView(payment)) : undefined;
  };

  return {
    fetch: sandboxFetch,
    handle,
    baseUrl: rt.baseUrl,
    credentials: { publicApiKey: rt.publicApiKey, privateSecretKey: rt.privateSecretKey, accountId },
    get requests() {
      return requests;
    },
    countRequests(filter = {}) {
      return requests.filter((r) => {
        if (filter.method && r.method !== filter.method.toUpperCase()) return false;
        if (filter.path === undefined) return true;
        if (typeof filter.path === 'string') return r.path === filter.path;
        filter.path.lastIndex = 0;
        return filter.path.test(r.path);
      }).length;
    },
    clearRequests() {
      requests.length = 0;
    },
    getPayment: paymentOf,
    getCheckoutSession(id: string): CheckoutSession | undefined {
      const session = store.checkoutSessions.get(id);
      return session ? CheckoutSessionSchema.parse(checkoutSessionRetrieveView(session)) : undefined;
    },
    listPayments() {
      return [...store.payments.keys()].map((id) => paymentOf(id) as Payment);
    },
    async settlePayment(paymentId, outcome) {
      clock.runDue();
      return paymentOf(settlePayment(rt, paymentId, outcome).id) as Payment;
    },
    async completeThreeDSecure(checkoutSessionOrPaymentId, otp) {
      clock.runDue();
      return paymentOf(completeThreeDSecure(rt, checkoutSessionOrPaymentId, otp).id) as Payment;
    },
    advanceTime,
    now: () => clock.now(),
    faults: {
      inject: (fault) => faults.inject(fault),
      clear: () => faults.clear(),
    },
    get webhookDeliveries() {
      return webhooks.deliveries;
    },
    flushWebhooks: () => webhooks.flush(),
    reset() {
      store.clear();
      requests.length = 0;
      faults.clear();
      webhooks.reset();
      clock.reset();
    },
  };
}
