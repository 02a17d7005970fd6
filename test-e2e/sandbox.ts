import { SANDBOX_ACCOUNT_ID, SANDBOX_PRIVATE_SECRET_KEY, SANDBOX_PUBLIC_API_KEY } from 'yuno-react/sandbox';

export interface SandboxRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface SandboxPayment {
  id: string;
  status: string;
  sub_status?: string | null;
  merchant_order_id: string;
  amount: { currency: string; value: number };
  checkout?: { session?: string | null } | null;
  payment_method?: { vaulted_token?: string | null; vault_on_success?: boolean | null } | null;
}

/** The local sandbox, driven as a test drives it: its /_sandbox control routes and Yuno's API under /v1. */
export class SandboxControl {
  constructor(readonly url: string) {}

  readonly credentials = {
    publicApiKey: SANDBOX_PUBLIC_API_KEY,
    privateSecretKey: SANDBOX_PRIVATE_SECRET_KEY,
    accountId: SANDBOX_ACCOUNT_ID,
  };

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Yuno's API with the private key, as the merchant's server calls it. */
  yuno<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>(method, path, body, {
      'public-api-key': this.credentials.publicApiKey,
      'private-secret-key': this.credentials.privateSecretKey,
      ...headers,
    });
  }

  requests(): Promise<SandboxRequest[]> {
    return this.call('GET', '/_sandbox/requests');
  }

  async count(method: string, path: RegExp): Promise<number> {
    return (await this.requests()).filter((r) => r.method === method && path.test(r.path)).length;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/_sandbox/requests');
  }

  settle(paymentId: string, status: string): Promise<SandboxPayment> {
    return this.call('POST', `/_sandbox/payments/${encodeURIComponent(paymentId)}/settle`, { status });
  }

  webhookDeliveries(): Promise<Array<{ event: string; status: number | 'failed'; body: string }>> {
    return this.call('GET', '/_sandbox/webhooks');
  }

  async paymentsOfOrder(merchantOrderId: string): Promise<SandboxPayment[]> {
    const listed = await this.yuno<SandboxPayment[] | { payments: SandboxPayment[] }>(
      'GET',
      `/v1/payments?merchant_order_id=${encodeURIComponent(merchantOrderId)}`,
    );
    return Array.isArray(listed) ? listed : listed.payments;
  }

  async payment(id: string): Promise<SandboxPayment> {
    return (await this.yuno<{ payment: SandboxPayment }>('GET', `/v1/payments/${encodeURIComponent(id)}`)).payment;
  }
}
