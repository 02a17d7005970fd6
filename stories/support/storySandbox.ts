import type { CheckoutSession, Payment } from 'yuno-react/core';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_PRIVATE_SECRET_KEY,
  SANDBOX_PUBLIC_API_KEY,
  type SandboxFault,
  type SandboxPaymentMethodConfig,
  type SandboxRequestRecord,
  type SandboxSettlement,
} from 'yuno-react/sandbox';
import type { YunoServerClient } from 'yuno-react/server';

/**
 * A story's own sandbox on the catalogue's sandbox server (.storybook/catalogueSandbox.ts), driven from the page as a
 * test drives a sandbox server: its `/_sandbox` control routes (faults, settlement, clock, request log) over HTTP, and
 * what it holds read through Yuno's API with the merchant's private key, scoped to the story's order.
 *
 * @example
 * ```ts
 * play: async (context) => {
 *   const { sandbox } = stackOf(context);
 *   const [payment] = await sandbox.listPayments();
 *   await sandbox.settlePayment(payment!.id, 'SUCCEEDED');
 * };
 * ```
 */
export interface StorySandbox {
  /** The story's Yuno origin, e.g. `http://story-3-x1y2z3.localhost:6010`; Yuno's API is under `/v1`. */
  readonly baseUrl: string;
  readonly credentials: { publicApiKey: string; privateSecretKey: string; accountId: string };
  /** The payments of the story's order, oldest first (`GET /v1/payments?merchant_order_id=`). */
  listPayments(): Promise<Payment[]>;
  /** `GET /v1/payments/{id}`. */
  getPayment(id: string): Promise<Payment>;
  /** `GET /v1/checkout/sessions/{id}`. */
  getCheckoutSession(id: string): Promise<CheckoutSession>;
  /** How many requests the story's sandbox handled that match; a string path must match exactly. */
  countRequests(filter?: { method?: string; path?: string | RegExp }): Promise<number>;
  /** `POST /_sandbox/payments/{id}/settle`. */
  settlePayment(paymentId: string, outcome: SandboxSettlement): Promise<Payment>;
  /** `POST /_sandbox/time/advance`. */
  advanceTime(ms: number): Promise<void>;
  faults: {
    /** `POST /_sandbox/faults` (a string `match.path`). */
    inject(fault: SandboxFault): Promise<void>;
    /** `DELETE /_sandbox/faults`. */
    clear(): Promise<void>;
  };
}

/**
 * Creates a story's sandbox on the catalogue's server (`POST /_sandbox/story` on `http://{id}.localhost:{port}`) and
 * gives its client. `yuno` is bound once the merchant server's client exists.
 */
export async function createStorySandbox(
  serverUrl: string,
  id: string,
  options: { paymentMethods?: SandboxPaymentMethodConfig[] | undefined; merchantOrderId: string },
): Promise<{ sandbox: StorySandbox; bind(yuno: YunoServerClient): void }> {
  const server = new URL(serverUrl);
  const created = await call<{ baseUrl: string }>(`http://${id}.localhost:${server.port}`, 'POST', '/_sandbox/story', {
    ...(options.paymentMethods ? { paymentMethods: options.paymentMethods } : {}),
  });
  const baseUrl = created.baseUrl;
  let yuno: YunoServerClient | undefined;
  const client = () => {
    if (!yuno) throw new Error('The story sandbox is read before its merchant server exists');
    return yuno;
  };
  const sandbox: StorySandbox = {
    baseUrl,
    credentials: {
      publicApiKey: SANDBOX_PUBLIC_API_KEY,
      privateSecretKey: SANDBOX_PRIVATE_SECRET_KEY,
      accountId: SANDBOX_ACCOUNT_ID,
    },
    listPayments: () => client().payments.retrieveByMerchantOrderId(options.merchantOrderId),
    getPayment: (paymentId) => client().payments.retrieve(paymentId),
    getCheckoutSession: (checkoutSession) => client().checkoutSessions.retrieve(checkoutSession),
    async countRequests(filter = {}) {
      const requests = await call<SandboxRequestRecord[]>(baseUrl, 'GET', '/_sandbox/requests');
      return requests.filter(
        (r) =>
          (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
          (filter.path === undefined ||
            (typeof filter.path === 'string' ? r.path === filter.path : filter.path.test(r.path))),
      ).length;
    },
    async settlePayment(paymentId, outcome) {
      const body = typeof outcome === 'string' ? { status: outcome } : outcome;
      return call<Payment>(baseUrl, 'POST', `/_sandbox/payments/${encodeURIComponent(paymentId)}/settle`, body);
    },
    async advanceTime(ms) {
      await call(baseUrl, 'POST', '/_sandbox/time/advance', { ms });
    },
    faults: {
      async inject(fault) {
        if (fault.match?.path instanceof RegExp) throw new Error('A fault sent over HTTP matches a string path');
        await call(baseUrl, 'POST', '/_sandbox/faults', fault);
      },
      async clear() {
        await call(baseUrl, 'DELETE', '/_sandbox/faults');
      },
    },
  };
  return {
    sandbox,
    bind(client) {
      yuno = client;
    },
  };
}

async function call<T = unknown>(origin: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `The catalogue's sandbox answered ${method} ${path} with ${response.status}: ${text.slice(0, 200)}`,
    );
  }
  return JSON.parse(text) as T;
}
