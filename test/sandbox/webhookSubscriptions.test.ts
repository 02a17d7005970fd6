/**
 * Yuno's Webhooks API (manage-webhooks.json) on the sandbox, through the server client: create, list, retrieve, update
 * and delete, with the file's refusals, and the sandbox's dispatcher delivering events to the subscriptions.
 */
import { describe, expect, it } from 'vitest';
import { createYunoSandbox } from 'yuno-react/sandbox';
import { createYunoServerClient, verifyYunoWebhook } from 'yuno-react/server';

interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

function setup(receiverStatus = 200) {
  const received: Received[] = [];
  const sandbox = createYunoSandbox({
    webhooks: {
      // No url/onDelivery: only the subscriptions below receive anything.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        received.push({
          url: request.url,
          headers: Object.fromEntries(request.headers),
          body: await request.text(),
        });
        return new Response(null, { status: receiverStatus });
      },
    },
  });
  const yuno = createYunoServerClient({
    ...sandbox.credentials,
    baseUrl: sandbox.baseUrl,
    fetch: sandbox.fetch,
    retry: false,
  });
  async function enrollCard(customerId: string) {
    return yuno.customerPaymentMethods.enroll(customerId, {
      country: 'US',
      type: 'CARD',
      workflow: 'DIRECT',
      card_data: { number: '4111111111111111', expiration_month: 3, expiration_year: 30 },
    });
  }
  return { sandbox, yuno, received, enrollCard };
}

describe('webhook subscriptions', () => {
  it('creates, lists, retrieves, updates and deletes a webhook, its secrets masked', async () => {
    const { yuno } = setup();
    const created = await yuno.webhooks.create({
      name: 'Enrollments',
      url: 'https://shop.example/yuno/webhooks',
      api_key: 'key-1',
      secret: 'secret-1',
      hmac_client_secret: 'hmac-1',
      enrollment_triggers: ['ENROLL', 'UNENROLL'],
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'Enrollments',
      state: 'ACTIVE',
      api_key: '***',
      secret: '***',
      hmac_client_secret: '***',
      enrollment_triggers: ['ENROLL', 'UNENROLL'],
      payment_triggers: null,
      oauth2_client_secret: null,
    });
    const payments = await yuno.webhooks.create({
      name: 'Payments',
      url: 'https://shop.example/yuno/webhooks',
      payment_triggers: ['PURCHASE'],
    });
    expect(payments.api_key).toBeNull();

    await expect(yuno.webhooks.list()).resolves.toHaveLength(2);
    await expect(yuno.webhooks.retrieve(created.id)).resolves.toEqual(created);

    const paused = await yuno.webhooks.update(created.id, { state: 'INACTIVE', enrollment_triggers: ['ENROLL'] });
    expect(paused).toMatchObject({ state: 'INACTIVE', enrollment_triggers: ['ENROLL'], name: 'Enrollments' });
    expect((await yuno.webhooks.list({ state: 'ACTIVE' })).map((w) => w.name)).toEqual(['Payments']);
    expect((await yuno.webhooks.list({ state: 'INACTIVE' })).map((w) => w.name)).toEqual(['Enrollments']);

    await expect(yuno.webhooks.delete(created.id)).resolves.toMatchObject({ id: created.id, name: 'Enrollments' });
    await expect(yuno.webhooks.retrieve(created.id)).rejects.toMatchObject({
      status: 404,
      yunoCode: 'WEBHOOK_NOT_FOUND',
    });
    await expect(yuno.webhooks.delete(created.id)).rejects.toMatchObject({ status: 404 });
    await expect(yuno.webhooks.list()).resolves.toHaveLength(1);
  });

  it('refuses what the file documents: missing fields, no trigger, unknown trigger, OAuth2, renewal days, conflicts', async () => {
    const { yuno, sandbox } = setup();
    const base = { name: 'Hooks', url: 'https://shop.example/hooks', payment_triggers: ['PURCHASE'] };
    const refused = (body: Parameters<typeof yuno.webhooks.create>[0]) => yuno.webhooks.create(body);
    await expect(refused({ ...base, payment_triggers: [] })).rejects.toMatchObject({
      yunoCode: 'WEBHOOK_INVALID_REQUEST',
      messages: ['at least one trigger is required.'],
    });
    await expect(refused({ ...base, payment_triggers: ['PAID'] })).rejects.toMatchObject({
      yunoCode: 'WEBHOOK_INVALID_TRIGGER',
    });
    await expect(refused({ ...base, oauth2_client_id: 'only-this' })).rejects.toMatchObject({
      yunoCode: 'WEBHOOK_INVALID_OAUTH2',
    });
    await expect(refused({ ...base, renewal_days: 5 })).rejects.toMatchObject({
      yunoCode: 'WEBHOOK_INVALID_RENEWAL_DAYS',
    });
    await expect(refused({ ...base, url: 'ftp://shop.example/hooks' })).rejects.toMatchObject({
      yunoCode: 'WEBHOOK_URL_UNSAFE',
    });
    await yuno.webhooks.create(base);
    await expect(refused({ ...base, url: 'https://other.example/hooks' })).rejects.toMatchObject({
      status: 409,
      yunoCode: 'WEBHOOK_ALREADY_EXISTS',
    });
    await expect(refused({ ...base, name: 'Other name' })).rejects.toMatchObject({ status: 409 });
    await expect(refused({ ...base, name: 'Refunds', payment_triggers: ['REFUND'] })).resolves.toMatchObject({
      name: 'Refunds',
    });

    const response = await sandbox.fetch(`${sandbox.baseUrl}/v1/webhooks`, {
      method: 'POST',
      headers: {
        'public-api-key': sandbox.credentials.publicApiKey,
        'private-secret-key': sandbox.credentials.privateSecretKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'No account', url: 'https://shop.example/x' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'WEBHOOK_INVALID_REQUEST',
      messages: ['account_id, name and url are required.'],
    });
  });

  it('delivers the events a subscription names, with its headers and signature, and nothing once inactive', async () => {
    const { sandbox, yuno, received, enrollCard } = setup();
    const hook = await yuno.webhooks.create({
      name: 'Enrollments',
      url: 'https://shop.example/hooks/enrollment',
      api_key: 'key-1',
      secret: 'secret-1',
      hmac_client_secret: 'hmac-1',
      enrollment_triggers: ['ENROLL'],
    });
    await yuno.webhooks.create({
      name: 'Payments only',
      url: 'https://shop.example/hooks/payments',
      payment_triggers: ['PURCHASE'],
    });
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    const card = await enrollCard(customer.id);
    await yuno.customerPaymentMethods.unenroll(customer.id, card.vaulted_token!);
    await sandbox.flushWebhooks();

    // ENROLL only: the unenrollment goes nowhere, the payments subscription gets nothing.
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.url).toBe('https://shop.example/hooks/enrollment');
    expect(delivery!.headers['x-api-key']).toBe('key-1');
    expect(delivery!.headers['x-secret']).toBe('secret-1');
    expect(await verifyYunoWebhook(delivery!.body, delivery!.headers['x-hmac-signature'], 'hmac-1')).toBe(true);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'enrollment',
      type_event: 'enrollment.enroll',
      data: { payment_method: { status: 'ENROLLED', customer_id: customer.id } },
    });
    expect(sandbox.webhookDeliveries.map((d) => [d.event, d.webhookId])).toEqual([['enrollment.enroll', hook.id]]);

    await yuno.webhooks.update(hook.id, { state: 'INACTIVE' });
    await enrollCard(customer.id);
    await sandbox.flushWebhooks();
    expect(received).toHaveLength(1);
  });

  it('retries a failing subscription on the sandbox clock, and stops once it is deleted', async () => {
    const { sandbox, yuno, received, enrollCard } = setup(500);
    const hook = await yuno.webhooks.create({
      name: 'Enrollments',
      url: 'https://shop.example/hooks',
      enrollment_triggers: ['ENROLL'],
    });
    const customer = await yuno.customers.create({ merchant_customer_id: 'shopper-1' });
    await enrollCard(customer.id);
    await sandbox.flushWebhooks();
    expect(received).toHaveLength(1);
    await sandbox.advanceTime(5 * 60_000);
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ retry: 1 });
    await yuno.webhooks.delete(hook.id);
    await sandbox.advanceTime(50 * 60_000);
    expect(received).toHaveLength(2);
  });
});
