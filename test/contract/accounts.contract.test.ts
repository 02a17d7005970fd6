/**
 * Customers, checkout-session updates, enrollment (checkout and API), issuers and webhook subscriptions, held to Yuno's
 * per-endpoint OpenAPI files like the payment process in process.contract.test.ts: every exchange through the real
 * client against the sandbox, each request body against the file's request schema and each answer against its
 * response schema for the status (or the schema its examples imply where the file's schema rejects its examples).
 *
 * Request examples Yuno's own schema rejects are sent too (accepted, as the examples are what Yuno's API takes) but
 * listed below rather than checked against that schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxWebSdk, createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient } from 'yuno-react/server';
import { createContractValidator, type ContractCheck } from '../support/contract';
import { requestExamples } from '../support/openapi';

interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

const sandbox = createYunoSandbox({
  baseUrl: 'http://sandbox.test',
  webhooks: { fetch: async () => new Response(null, { status: 200 }) },
});
const exchanges: Exchange[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const requestText = request.method === 'GET' ? '' : await request.clone().text();
  const response = await sandbox.fetch(request);
  const url = new URL(request.url);
  if (url.pathname.startsWith('/v1/')) {
    const text = await response.clone().text();
    exchanges.push({
      method: request.method,
      path: url.pathname,
      requestBody: requestText ? JSON.parse(requestText) : undefined,
      status: response.status,
      responseBody: text ? JSON.parse(text) : undefined,
    });
  }
  return response;
};
const yuno = createYunoServerClient({
  ...sandbox.credentials,
  baseUrl: sandbox.baseUrl,
  fetch: recordingFetch,
  retry: false,
});
const validator = createContractValidator();
const notes = new Set<string>();

/** Yuno's request examples its own request schema rejects: sent and accepted, not held to that schema. */
const EXAMPLES_AGAINST_SCHEMA: Record<string, string> = {
  // card_data requires number and the expiry in the schema; the example sends brand and lfd next to provider_data.
  'enroll-payment-method-api.json Provider token enrollment': 'card_data without number/expiry',
  // amount and alternative_amount require value in the schema; the example changes the currency only.
  'update-checkout-session.json Update checkout session': 'amount without value',
};
const skipRequestCheck = new Set<Exchange>();

/** Every field given: create-customer.json's 201 examples type each one as present (a null fits neither example). */
function fullCustomer(merchantCustomerId: string) {
  const address = { address_line_1: '1 Main St', city: 'Austin', country: 'US', state: 'TX', zip_code: '73301' };
  return {
    merchant_customer_id: merchantCustomerId,
    merchant_customer_created_at: '2024-01-01T00:00:00Z',
    first_name: 'Ada',
    last_name: 'Lovelace',
    gender: 'F',
    date_of_birth: '1990-02-28',
    email: 'ada@example.com',
    nationality: 'US',
    country: 'US',
    document: { document_type: 'SSN', document_number: '123-45-6789' },
    phone: { number: '5551234567', country_code: '1' },
    billing_address: address,
    shipping_address: address,
  };
}

/** Requests sent wrong on purpose, to meet the file's refusals; their bodies are not held to the request schema. */
const deliberatelyInvalid = new Set<Exchange>();
async function refused(send: () => Promise<unknown>): Promise<void> {
  const before = exchanges.length;
  await send().then(
    () => {
      throw new Error('expected a refusal');
    },
    () => undefined,
  );
  for (const e of exchanges.slice(before)) deliberatelyInvalid.add(e);
}

function noAccount<T>(example: unknown): T {
  const { account_id: _accountId, ...body } = example as Record<string, unknown>;
  return body as T;
}

async function sendExample<T>(file: string, name: string, send: () => Promise<T>): Promise<T> {
  const before = exchanges.length;
  const result = await send();
  if (EXAMPLES_AGAINST_SCHEMA[`${file} ${name}`]) for (const e of exchanges.slice(before)) skipRequestCheck.add(e);
  return result;
}

beforeAll(async () => {
  const customer = await yuno.customers.create(fullCustomer(`shopper-${Date.now()}`));
  for (const [name, value] of requestExamples('update-customer.json')) {
    await sendExample('update-customer.json', name, () =>
      yuno.customers.update(customer.id, value as Parameters<typeof yuno.customers.update>[1]),
    );
  }

  const session = await yuno.checkoutSessions.create({
    merchant_order_id: `order-${Date.now()}`,
    payment_description: 'Contract test order',
    country: 'AR',
    amount: { currency: 'ARS', value: 100 },
  });
  for (const [name, value] of requestExamples('update-checkout-session.json')) {
    await sendExample('update-checkout-session.json', name, () =>
      yuno.checkoutSessions.update(session.checkout_session, noAccount(value)),
    );
  }
  await yuno.checkoutSessions.retrieve(session.checkout_session);

  // Enrollment in a customer session: a card (finished in the Web SDK) and a wallet (finished on the provider page).
  const us = await yuno.customerSessions.create({ customer_id: customer.id, country: 'US' });
  await yuno.customerSessions.enrollablePaymentMethods(us.customer_session);
  let cardEnrollment: { id: string } | undefined;
  for (const [name, value] of requestExamples('enroll-payment-method-checkout.json')) {
    cardEnrollment = await sendExample('enroll-payment-method-checkout.json', name, () =>
      yuno.customerSessions.enroll(us.customer_session, noAccount(value)),
    );
  }
  const sdk = await createSandboxWebSdk({ baseUrl: sandbox.baseUrl, fetch: sandbox.fetch }).initialize(
    sandbox.credentials.publicApiKey,
  );
  const enroller = await sdk.apiClientEnroll({ customer_session: us.customer_session, country_code: 'US' });
  await enroller.continueEnrollment({
    customer_session: us.customer_session,
    payment_method: {
      type: 'CARD',
      card: { detail: { number: '5252440000000002', expiration_month: 11, expiration_year: 30, security_code: '123' } },
    },
  });
  const co = await yuno.customerSessions.create({ customer_id: customer.id, country: 'CO' });
  await yuno.customerSessions.enrollablePaymentMethods(co.customer_session);
  const nequi = await yuno.customerSessions.enroll(co.customer_session, {
    payment_method_type: 'NEQUI',
    country: 'CO',
  });
  await yuno.customerSessions.retrievePaymentMethod(nequi.id);
  await sandbox.fetch(nequi.redirect_url as string, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'decision=approve',
  });
  await yuno.customerSessions.retrievePaymentMethod(nequi.id);

  // Enrollment through the API: every example of the file.
  for (const [name, value] of requestExamples('enroll-payment-method-api.json')) {
    await sendExample('enroll-payment-method-api.json', name, () =>
      yuno.customerPaymentMethods.enroll(customer.id, noAccount(value)),
    );
  }
  const saved = await yuno.customerPaymentMethods.list(customer.id);
  for (const method of saved) await yuno.customerPaymentMethods.retrieve(customer.id, method.vaulted_token!);
  if (cardEnrollment) {
    await yuno.customerSessions.retrievePaymentMethod(cardEnrollment.id);
    await yuno.customerSessions.unenroll(cardEnrollment.id);
  }
  await yuno.customerSessions.unenroll(nequi.id);
  const api = saved.find((m) => m.type === 'CARD' && m.vaulted_token);
  if (api) await yuno.customerPaymentMethods.unenroll(customer.id, api.vaulted_token!).catch(() => undefined);

  await yuno.issuers.list({ country_code: 'CO', payment_method: 'PSE' });
  const coSession = await yuno.checkoutSessions.create({
    merchant_order_id: `order-co-${Date.now()}`,
    payment_description: 'Contract test order',
    country: 'CO',
    amount: { currency: 'COP', value: 5000 },
  });
  await yuno.issuers.list({ checkout_session: coSession.checkout_session, payment_method: 'PSE' });

  const hook = await yuno.webhooks.create({
    name: 'Contract',
    url: 'https://shop.example/hooks',
    hmac_client_secret: 'hmac',
    payment_triggers: ['PURCHASE'],
    enrollment_triggers: ['ENROLL'],
  });
  await yuno.webhooks.list();
  await yuno.webhooks.list({ state: 'ACTIVE' });
  await yuno.webhooks.retrieve(hook.id);
  await yuno.webhooks.update(hook.id, { state: 'INACTIVE' });
  await refused(() =>
    yuno.webhooks.create({ name: 'Contract', url: 'https://shop.example/hooks', payment_triggers: ['REFUND'] }),
  );
  await refused(() =>
    yuno.webhooks.create({ name: 'Bad', url: 'https://shop.example/bad', payment_triggers: ['PAID'] }),
  );
  await yuno.webhooks.delete(hook.id);
  await refused(() => yuno.webhooks.retrieve(hook.id));

  const doomed = await yuno.customers.create(fullCustomer(`doomed-${Date.now()}`));
  await yuno.customers.delete(doomed.id);
  await refused(() => yuno.customers.delete(doomed.id));
});

afterAll(() => {
  expect(exchanges.length).toBeGreaterThan(30);
});

describe('every exchange of customers, enrollment, issuers and webhooks matches Yuno’s OpenAPI files', () => {
  it('covers every endpoint of those files', () => {
    const covered = new Set(exchanges.map((e) => `${validator.route(e.method, e.path)?.file} ${e.method}`));
    for (const endpoint of [
      'create-customer.json POST',
      'update-customer.json PATCH',
      'delete-customer.json DELETE',
      'update-checkout-session.json PATCH',
      'retrieve-checkout-session.json GET',
      'create-customer-session.json POST',
      'retrieve-payment-methods-to-enroll-checkout.json GET',
      'enroll-payment-method-checkout.json POST',
      'retrieve-payment-method-by-id-checkout.json GET',
      'unenroll-payment-method-checkout.json POST',
      'enroll-payment-method-api.json POST',
      'retrieve-enrolled-payment-methods-api.json GET',
      'retrieve-enrolled-payment-method-by-id-api.json GET',
      'unenroll-payment-method-api.json POST',
      'retrieve-issuers.json GET',
      'manage-webhooks.json GET',
      'manage-webhooks.json POST',
      'manage-webhooks.json PATCH',
      'manage-webhooks.json DELETE',
    ]) {
      expect(covered, endpoint).toContain(endpoint);
    }
    expect(exchanges.some((e) => e.path.match(/^\/v1\/webhooks\/[^/]+$/) && e.method === 'GET')).toBe(true);
    expect(exchanges.some((e) => e.status >= 400)).toBe(true);
  });

  it('sends request bodies that the request schemas accept (but for the examples listed above)', () => {
    expect(skipRequestCheck.size).toBe(Object.keys(EXAMPLES_AGAINST_SCHEMA).length);
    const failures: Array<ContractCheck & { at: string }> = [];
    for (const e of exchanges) {
      if (e.requestBody === undefined || skipRequestCheck.has(e) || deliberatelyInvalid.has(e)) continue;
      const check = validator.validateRequest(e.method, e.path, e.requestBody);
      if (check.errors.length) failures.push({ ...check, at: `${e.method} ${e.path}` });
    }
    expect(failures).toEqual([]);
  });

  it('finds the listed examples rejected by their file’s request schema (so the list stays true)', () => {
    for (const e of skipRequestCheck) {
      // Refused by the schema, or excused because the file's own examples break the same rule (then said in a note).
      const check = validator.validateRequest(e.method, e.path, e.requestBody);
      expect(check.errors.length > 0 || /its own examples break/.test(check.note ?? ''), e.path).toBe(true);
    }
  });

  it('answers with bodies that the response schemas accept', () => {
    const failures: Array<ContractCheck & { at: string }> = [];
    for (const e of exchanges) {
      // Delete Customer's 202 has no body, as documented.
      if (e.status === 202 && e.responseBody === undefined) continue;
      const check = validator.validateResponse(e.method, e.path, e.status, e.responseBody);
      if (check.note) notes.add(check.note);
      if (check.errors.length) failures.push({ ...check, at: `${e.method} ${e.path} ${e.status}` });
    }
    expect(failures).toEqual([]);
  });

  it('says where it followed a file’s examples over its schema', () => {
    expect([...notes].map((n) => n.split(':')[0]).sort()).toMatchInlineSnapshot(`[]`);
  });
});
