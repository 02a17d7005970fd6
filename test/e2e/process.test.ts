/**
 * Acceptance: the real `yuno-sandbox` CLI in its own process, driven over HTTP with nothing but the global fetch and
 * Yuno's real paths and headers. Nothing of the package is imported; the credentials are read from what the CLI prints.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/bin/yuno-sandbox.ts'];

interface Cli {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
}

function startCli(args: string[]): Cli {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  return { child, output: () => output, errors: () => errors };
}

async function waitForOutput(cli: Cli, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const match = cli.output().match(pattern);
    if (match) return match;
    if (cli.child.exitCode !== null) throw new Error(`the CLI exited (${cli.child.exitCode}): ${cli.errors()}`);
    if (Date.now() > until) throw new Error(`no ${pattern} in the CLI output: ${cli.output()}${cli.errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function field(output: string, label: string): string {
  const match = output.match(new RegExp(`${label}:\\s+(\\S+)`));
  if (!match?.[1]) throw new Error(`no ${label} in the CLI output`);
  return match[1];
}

let cli: Cli;
let baseUrl: string;
let publicApiKey: string;
let privateSecretKey: string;
let accountId: string;

beforeAll(async () => {
  const port = await freePort();
  cli = startCli(['--port', String(port)]);
  const [, url] = await waitForOutput(cli, /listening on (http:\/\/\S+)/);
  await waitForOutput(cli, /account_id:\s+\S+/);
  baseUrl = url!;
  publicApiKey = field(cli.output(), 'public-api-key');
  privateSecretKey = field(cli.output(), 'private-secret-key');
  accountId = field(cli.output(), 'account_id');
  expect(baseUrl).toBe(`http://127.0.0.1:${port}`);
}, 30_000);

afterAll(async () => {
  if (cli.child.exitCode === null) {
    cli.child.kill('SIGKILL');
    await once(cli.child, 'exit');
  }
});

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- Yuno's JSON, asserted field by field below
}

async function yuno(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'public-api-key': publicApiKey,
      'private-secret-key': privateSecretKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const run = Date.now().toString(36);
let orderSeq = 0;

async function createCustomer() {
  const answer = await yuno('POST', '/v1/customers', {
    merchant_customer_id: `e2e-shopper-${run}-${++orderSeq}`,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    country: 'CO',
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; merchant_customer_id: string };
}

async function createSession(customerId: string) {
  const answer = await yuno('POST', '/v1/checkout/sessions', {
    account_id: accountId,
    merchant_order_id: `e2e-order-${run}-${++orderSeq}`,
    payment_description: 'E2E order',
    country: 'CO',
    customer_id: customerId,
    amount: { currency: 'COP', value: 52000 },
  });
  expect(answer.status).toBe(200);
  return answer.body as { checkout_session: string; merchant_order_id: string };
}

async function createToken(checkoutSession: string, number: string) {
  const answer = await yuno('POST', `/v1/checkout/sessions/${checkoutSession}/token`, {
    payment_method: {
      type: 'CARD',
      vault_on_success: false,
      card: { number, expiration_month: 11, expiration_year: 30, security_code: '123', holder_name: 'ADA LOVELACE' },
    },
  });
  expect(answer.status).toBe(201);
  return answer.body as { token: string };
}

function paymentBody(
  session: { checkout_session: string; merchant_order_id: string },
  customerId: string,
  token: string,
) {
  return {
    account_id: accountId,
    description: 'E2E payment',
    country: 'CO',
    merchant_order_id: session.merchant_order_id,
    amount: { currency: 'COP', value: 52000 },
    customer_payer: { id: customerId },
    checkout: { session: session.checkout_session },
    workflow: 'SDK_CHECKOUT',
    payment_method: { type: 'CARD', token },
  };
}

describe('the yuno-sandbox CLI process', () => {
  it('prints its URL and the three credentials', () => {
    expect(publicApiKey).toMatch(/^sandbox_/);
    expect(privateSecretKey).toMatch(/^sandbox_/);
    expect(accountId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('runs customer → checkout session → payment methods → token → payment → retrieve like Yuno', async () => {
    const customer = await yuno('POST', '/v1/customers', {
      merchant_customer_id: `e2e-shopper-${run}`,
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      country: 'CO',
    });
    expect(customer.status).toBe(201);
    expect(customer.body).toMatchObject({
      id: expect.any(String),
      merchant_customer_id: `e2e-shopper-${run}`,
      first_name: 'Ada',
      created_at: expect.any(String),
    });

    const session = await yuno('POST', '/v1/checkout/sessions', {
      account_id: accountId,
      merchant_order_id: `e2e-order-${run}`,
      payment_description: 'E2E order',
      country: 'CO',
      customer_id: customer.body.id,
      amount: { currency: 'COP', value: 52000 },
    });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      checkout_session: expect.any(String),
      merchant_order_id: `e2e-order-${run}`,
      country: 'CO',
      customer_id: customer.body.id,
      amount: { currency: 'COP', value: 52000 },
    });
    const cs = session.body.checkout_session as string;

    const methods = await yuno('GET', `/v1/checkout/sessions/${cs}/payment-methods`);
    expect(methods.status).toBe(200);
    expect(Array.isArray(methods.body)).toBe(true);
    const card = (methods.body as Array<Record<string, any>>).find((m) => m.type === 'CARD'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(card).toMatchObject({ name: expect.any(String), checkout: { session: cs, conditions: { enabled: true } } });
    expect(
      (methods.body as Array<{ checkout: { conditions: { enabled: boolean } } }>).some(
        (m) => !m.checkout.conditions.enabled,
      ),
    ).toBe(true);

    const token = await yuno('POST', `/v1/checkout/sessions/${cs}/token`, {
      payment_method: {
        type: 'CARD',
        vault_on_success: false,
        card: {
          number: '4507990000000002',
          expiration_month: 11,
          expiration_year: 30,
          security_code: '123',
          holder_name: 'ADA LOVELACE',
        },
      },
    });
    expect(token.status).toBe(201);
    expect(token.body).toMatchObject({
      token: expect.any(String),
      type: 'CARD',
      card_data: { iin: expect.stringMatching(/^450799/), lfd: '0002', brand: 'VISA' },
    });
    expect(JSON.stringify(token.body)).not.toContain('4507990000000002');

    const key = crypto.randomUUID();
    const payment = await yuno(
      'POST',
      '/v1/payments',
      paymentBody({ checkout_session: cs, merchant_order_id: `e2e-order-${run}` }, customer.body.id, token.body.token),
      { 'X-Idempotency-Key': key },
    );
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({
      id: expect.any(String),
      account_id: accountId,
      status: 'SUCCEEDED',
      sub_status: 'APPROVED',
      merchant_order_id: `e2e-order-${run}`,
      amount: { currency: 'COP', value: 52000 },
      checkout: { session: cs, sdk_action_required: false },
      payment_method: { type: 'CARD', token: token.body.token },
      transactions: { type: 'PURCHASE', status: 'SUCCEEDED' },
    });
    expect(Array.isArray(payment.body.transactions)).toBe(false);

    const retrieved = await yuno('GET', `/v1/payments/${payment.body.id}`);
    expect(retrieved.status).toBe(200);
    expect(retrieved.body.payment).toMatchObject({ id: payment.body.id, status: 'SUCCEEDED', sub_status: 'APPROVED' });
    expect(Array.isArray(retrieved.body.payment.transactions)).toBe(true);

    const sessionAfter = await yuno('GET', `/v1/checkout/sessions/${cs}`);
    expect(sessionAfter.body).toMatchObject({ id: cs, used: true });
  });

  it('answers a declining card with 201 DECLINED and INSUFFICIENT_FUNDS', async () => {
    const customer = await createCustomer();
    const session = await createSession(customer.id);
    const token = await createToken(session.checkout_session, '4507990000000010');
    const payment = await yuno('POST', '/v1/payments', paymentBody(session, customer.id, token.token), {
      'X-Idempotency-Key': crypto.randomUUID(),
    });
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({
      status: 'DECLINED',
      sub_status: 'DECLINED',
      transactions: { response_code: 'INSUFFICIENT_FUNDS' },
    });
  });

  it('creates one payment for the same request sent twice with one idempotency key', async () => {
    const customer = await createCustomer();
    const session = await createSession(customer.id);
    const token = await createToken(session.checkout_session, '4507990000000002');
    const key = crypto.randomUUID();
    const first = await yuno('POST', '/v1/payments', paymentBody(session, customer.id, token.token), {
      'X-Idempotency-Key': key,
    });
    const again = await yuno('POST', '/v1/payments', paymentBody(session, customer.id, token.token), {
      'X-Idempotency-Key': key,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);

    const byOrder = await yuno(
      'GET',
      `/v1/payments?merchant_order_id=${encodeURIComponent(session.merchant_order_id)}`,
    );
    expect(byOrder.status).toBe(200);
    expect(byOrder.body).toHaveLength(1);
    expect(byOrder.body[0]).toMatchObject({ id: first.body.id });
  });

  it('refuses a payment without an idempotency key', async () => {
    const customer = await createCustomer();
    const session = await createSession(customer.id);
    const token = await createToken(session.checkout_session, '4507990000000002');
    const answer = await yuno('POST', '/v1/payments', paymentBody(session, customer.id, token.token));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'MISSING_PARAMETERS', messages: expect.any(Array) });
  });

  it('refuses a reused one-time token with 400', async () => {
    const customer = await createCustomer();
    const session = await createSession(customer.id);
    const token = await createToken(session.checkout_session, '4507990000000002');
    const paid = await yuno('POST', '/v1/payments', paymentBody(session, customer.id, token.token), {
      'X-Idempotency-Key': crypto.randomUUID(),
    });
    expect(paid.status).toBe(201);

    const next = await createSession(customer.id);
    const reused = await yuno('POST', '/v1/payments', paymentBody(next, customer.id, token.token), {
      'X-Idempotency-Key': crypto.randomUUID(),
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ code: 'INVALID_TOKEN', messages: expect.any(Array) });
  });

  it('refuses wrong credentials with 401 INVALID_CREDENTIALS', async () => {
    const answer = await yuno('GET', '/v1/customers/any', undefined, { 'private-secret-key': 'sandbox_sk_wrong' });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('runs examples/sandbox-process.mjs against it, printing each step', async () => {
    const child = spawn(process.execPath, ['examples/sandbox-process.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        YUNO_BASE_URL: baseUrl,
        YUNO_PUBLIC_API_KEY: publicApiKey,
        YUNO_PRIVATE_SECRET_KEY: privateSecretKey,
        YUNO_ACCOUNT_ID: accountId,
      },
    });
    let output = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(errors).toBe('');
    expect(code).toBe(0);
    for (const text of [
      /✓ customer \S+/,
      /✓ checkout session \S+/,
      /✓ payment methods: .*CARD/,
      /✓ one-time token for VISA ending 0002/,
      /✓ payment \S+: SUCCEEDED\/APPROVED/,
      /✓ retrieved payment \S+: SUCCEEDED/,
      /✓ declined card: DECLINED\/DECLINED INSUFFICIENT_FUNDS/,
      /✓ same idempotency key twice: one payment/,
      /✓ reused one-time token: HTTP 400 INVALID_TOKEN/,
      /Done/,
    ]) {
      expect(output).toMatch(text);
    }
    expect(output).not.toContain('4507990000000002');
  });

  it('stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const other = startCli(['--port', String(port)]);
    await waitForOutput(other, /listening on/);
    other.child.kill('SIGTERM');
    const [code] = (await once(other.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(other.output()).toMatch(/stopped \(SIGTERM\)/);
    await expect(fetch(`http://127.0.0.1:${port}/v1/customers/any`)).rejects.toThrow(TypeError);
  }, 30_000);

  it('stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const other = startCli(['--port', String(port)]);
    await waitForOutput(other, /listening on/);
    other.child.kill('SIGINT');
    const [code] = (await once(other.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(other.output()).toMatch(/stopped \(SIGINT\)/);
  }, 30_000);
});

describe('the yuno-sandbox CLI options', () => {
  async function runToExit(args: string[]) {
    const other = startCli(args);
    const [code] = (await once(other.child, 'exit')) as [number | null];
    return { code, output: other.output(), errors: other.errors() };
  }

  it('prints its usage with --help', async () => {
    const { code, output } = await runToExit(['--help']);
    expect(code).toBe(0);
    expect(output).toMatch(/^Usage: yuno-sandbox/);
    for (const option of [
      '--port',
      '--host',
      '--webhook-url',
      '--webhook-secret',
      '--account-id',
      '--public-api-key',
      '--private-secret-key',
    ]) {
      expect(output).toContain(option);
    }
  }, 30_000);

  it('refuses an unknown option and a bad port with exit code 2', async () => {
    const unknown = await runToExit(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.errors).toMatch(/yuno-sandbox: .*--nope/);
    const badPort = await runToExit(['--port', 'abc']);
    expect(badPort.code).toBe(2);
    expect(badPort.errors).toMatch(/--port must be an integer/);
  }, 30_000);

  it('accepts its own credentials and prints them', async () => {
    const port = await freePort();
    const other = startCli([
      '--port',
      String(port),
      '--public-api-key',
      'sandbox_pk_custom',
      '--private-secret-key',
      'sandbox_sk_custom',
      '--account-id',
      '0b5d3a1c-2f4e-4a6b-8c9d-1e2f3a4b5c6d',
    ]);
    try {
      await waitForOutput(other, /account_id:\s+\S+/);
      expect(field(other.output(), 'public-api-key')).toBe('sandbox_pk_custom');
      expect(field(other.output(), 'private-secret-key')).toBe('sandbox_sk_custom');
      expect(field(other.output(), 'account_id')).toBe('0b5d3a1c-2f4e-4a6b-8c9d-1e2f3a4b5c6d');
      const answer = await fetch(`http://127.0.0.1:${port}/v1/customers/any`, {
        headers: { 'public-api-key': 'sandbox_pk_custom', 'private-secret-key': 'sandbox_sk_custom' },
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    } finally {
      other.child.kill('SIGTERM');
      await once(other.child, 'exit');
    }
  }, 30_000);

  it('refuses a port already in use with exit code 1', async () => {
    const port = Number(new URL(baseUrl).port);
    const { code, errors } = await runToExit(['--port', String(port)]);
    expect(code).toBe(1);
    expect(errors).toMatch(/port \d+ is already in use/);
  }, 30_000);
});
