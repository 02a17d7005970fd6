import { expect } from 'vitest';
import { type OneTimeToken, type Payment } from 'yuno-react';
import {
  CheckoutSessionSchema,
  CustomerSchema,
  OneTimeTokenSchema,
  PaymentSchema,
  YunoErrorBodySchema,
  type CheckoutSession,
  type Customer,
} from 'yuno-react/core';
import { createYunoSandbox, type YunoSandbox, type YunoSandboxOptions } from 'yuno-react/sandbox';

export type Json = Record<string, unknown>;

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
}

/** Reads a nested value of an untyped JSON body: `at(body, 'payment', 'transactions', 0, 'status')`. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function expectYunoError(result: ApiResult, status: number, code: string): string[] {
  expect(result.status, result.text).toBe(status);
  const body = YunoErrorBodySchema.parse(result.body);
  expect(body.code).toBe(code);
  expect(body.messages?.length ?? 0).toBeGreaterThan(0);
  return body.messages ?? [];
}

let unique = 0;
/** A value no other test uses, for order ids, customer ids and idempotency keys. */
export function uniqueId(prefix: string): string {
  unique += 1;
  return `${prefix}-${unique}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface SessionInput {
  country?: string;
  currency?: string;
  value?: number;
  customerId?: string;
  callbackUrl?: string;
}

export interface CardOptions {
  cvv?: string;
  vault?: boolean;
  holderName?: string;
  expirationYear?: number;
}

/** A sandbox with Yuno's real headers and paths wrapped in small helpers; every call goes through `sandbox.fetch`. */
export function createKit(options?: YunoSandboxOptions) {
  const sandbox: YunoSandbox = createYunoSandbox(options);
  const auth = {
    'public-api-key': sandbox.credentials.publicApiKey,
    'private-secret-key': sandbox.credentials.privateSecretKey,
  };

  async function api(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    init: RequestInit = {},
  ): Promise<ApiResult> {
    const response = await sandbox.fetch(`http://api.sandbox.test${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  async function createCustomer(fields: Json = {}): Promise<Customer> {
    const result = await api('POST', '/v1/customers', { merchant_customer_id: uniqueId('shopper'), ...fields });
    expect(result.status, result.text).toBe(201);
    return CustomerSchema.parse(result.body);
  }

  async function createSession(input: SessionInput = {}): Promise<CheckoutSession> {
    const result = await api('POST', '/v1/checkout/sessions', {
      account_id: sandbox.credentials.accountId,
      merchant_order_id: uniqueId('order'),
      payment_description: 'Sandbox test order',
      country: input.country ?? 'US',
      amount: { currency: input.currency ?? 'USD', value: input.value ?? 120 },
      ...(input.customerId ? { customer_id: input.customerId } : {}),
      ...(input.callbackUrl ? { callback_url: input.callbackUrl } : {}),
    });
    expect(result.status, result.text).toBe(200);
    return CheckoutSessionSchema.parse(result.body);
  }

  function tokenRequest(session: string, paymentMethod: Json): Promise<ApiResult> {
    return api('POST', `/v1/checkout/sessions/${session}/token`, { payment_method: paymentMethod });
  }

  async function createToken(session: string, paymentMethod: Json): Promise<OneTimeToken> {
    const result = await tokenRequest(session, paymentMethod);
    expect(result.status, result.text).toBe(201);
    return OneTimeTokenSchema.parse(result.body);
  }

  function card(number: string, opts: CardOptions = {}): Json {
    return {
      type: 'CARD',
      vault_on_success: opts.vault ?? false,
      card: {
        number,
        expiration_month: 11,
        expiration_year: opts.expirationYear ?? 30,
        security_code: opts.cvv ?? (number.startsWith('3') && number.length === 15 ? '1234' : '123'),
        holder_name: opts.holderName ?? 'Ada Lovelace',
      },
    };
  }

  function paymentBody(session: CheckoutSession, paymentMethod: Json, extra: Json = {}): Json {
    return {
      account_id: sandbox.credentials.accountId,
      description: 'Sandbox test payment',
      country: session.country,
      merchant_order_id: session.merchant_order_id,
      amount: session.amount,
      checkout: { session: session.checkout_session },
      workflow: 'SDK_CHECKOUT',
      payment_method: paymentMethod,
      ...extra,
    };
  }

  function postPayment(body: Json, key: string | null = uniqueId('idem')): Promise<ApiResult> {
    return api('POST', '/v1/payments', body, key === null ? {} : { 'X-Idempotency-Key': key });
  }

  /** Session, card token and payment in one go; the payment must be created (201). */
  async function payWithCard(
    number: string,
    opts: CardOptions & { customerId?: string; description?: string; country?: string; currency?: string } = {},
  ) {
    const session = await createSession({
      customerId: opts.customerId,
      country: opts.country,
      currency: opts.currency,
    });
    const token = await createToken(session.checkout_session, card(number, opts));
    const result = await postPayment(
      paymentBody(
        session,
        { type: 'CARD', token: token.token },
        {
          ...(opts.description ? { description: opts.description } : {}),
          ...(opts.customerId ? { customer_payer: { id: opts.customerId } } : {}),
        },
      ),
    );
    expect(result.status, result.text).toBe(201);
    return { session, token, result, payment: PaymentSchema.parse(result.body) as Payment };
  }

  /** An alternative method paid through a token of its type. */
  async function payWithMethod(type: string, country: string, currency: string, value = 50, callbackUrl?: string) {
    const session = await createSession({ country, currency, value, callbackUrl });
    const token = await createToken(session.checkout_session, { type });
    const result = await postPayment(paymentBody(session, { type, token: token.token }));
    expect(result.status, result.text).toBe(201);
    return { session, token, result, payment: PaymentSchema.parse(result.body) as Payment };
  }

  return {
    sandbox,
    auth,
    api,
    createCustomer,
    createSession,
    tokenRequest,
    createToken,
    card,
    paymentBody,
    postPayment,
    payWithCard,
    payWithMethod,
  };
}
