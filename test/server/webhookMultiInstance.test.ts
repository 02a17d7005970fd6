import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_WEBHOOK_RETRY_DELAYS_MS, createYunoSandbox } from 'yuno-react/sandbox';
import {
  createYunoCheckout,
  createYunoServerClient,
  parseYunoWebhook,
  postgresWebhookStoreSchema,
  webhookDedupKey,
} from 'yuno-react/server';
import { startEngines, type RunningEngine } from '../support/engines';
import { readWebhookExample } from '../support/openapi';

// Several receiver processes over one shared store, on real engines started for this file (missing ones fail it).
const SECRET = 'whsec_multi_instance_0123456789';
const SERVER = fileURLToPath(new URL('../support/webhookServer.ts', import.meta.url));
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redisEngine: RunningEngine;
let postgresEngine: RunningEngine;
let redis: Awaited<ReturnType<typeof connectRedis>>;
let pool: pg.Pool;

const connectRedis = (url: string) => createClient({ url }).connect();

let startupError: unknown;

beforeAll(async () => {
  try {
    ({ redis: redisEngine, postgres: postgresEngine } = await startEngines());
    redis = await connectRedis(redisEngine.url);
    pool = new pg.Pool({ connectionString: postgresEngine.url });
    // An idle client cut off when the server stops at the end is expected; unhandled, pg would throw it.
    pool.on('error', () => undefined);
  } catch (error) {
    startupError = error;
  }
}, 60_000);

// A missing engine fails every test with the reason (a failing beforeAll alone would only mark them skipped).
beforeEach(() => {
  if (startupError) throw startupError;
});

afterAll(async () => {
  await redis?.quit().catch(() => undefined);
  await pool?.end().catch(() => undefined);
  await Promise.all([redisEngine?.stop(), postgresEngine?.stop()]);
}, 30_000);

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

const instances: Instance[] = [];

afterEach(async () => {
  await Promise.all(
    instances.splice(0).map(async (instance) => {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
      await instance.exited;
    }),
  );
});

/** Starts one receiver process (test/support/webhookServer.ts) and resolves once it listens. */
async function startInstance(options: {
  name: string;
  client: 'node-redis' | 'ioredis' | 'pg';
  namespace: string;
  leaseMs: number;
  workMs?: number;
}): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      YUNO_TEST_CLIENT: options.client,
      YUNO_TEST_ENGINE_URL: options.client === 'pg' ? postgresEngine.url : redisEngine.url,
      YUNO_TEST_NAMESPACE: options.namespace,
      YUNO_TEST_INSTANCE: options.name,
      YUNO_TEST_SECRET: SECRET,
      YUNO_TEST_LEASE_MS: String(options.leaseMs),
      YUNO_TEST_WORK_MS: String(options.workMs ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance = { name: options.name, url: '', child, exited };
  instances.push(instance);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /^\{"port":(\d+)\}$/m.exec(stdout);
      if (listening) resolve(Number(listening[1]));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`webhook server ${options.name} exited (${signal ?? code}):\n${stderr}`)),
    );
  });
  instance.url = `http://127.0.0.1:${port}/api/yuno/webhooks`;
  return instance;
}

/** What each kind of store shares between the instances, and how the test reads the runs they recorded. */
interface Setup {
  clients: ['node-redis' | 'ioredis' | 'pg', 'node-redis' | 'ioredis' | 'pg'];
  prepare(ns: string): Promise<void>;
  /** Runs recorded by the instances, in order: `started:<instance>:<key>`, `done:<instance>:<key>`. */
  log(ns: string): Promise<string[]>;
  hold(ns: string, instance: string): Promise<void>;
  unhold(ns: string, instance: string): Promise<void>;
  /** Whether the store still holds a live claim or record of `key`. */
  live(ns: string, key: string): Promise<boolean>;
}

const setups: Record<string, Setup> = {
  'Redis, one instance on node-redis and one on ioredis': {
    clients: ['node-redis', 'ioredis'],
    prepare: async () => undefined,
    log: (ns) => redis.lRange(`${ns}:log`, 0, -1),
    hold: async (ns, instance) => void (await redis.set(`${ns}:hold:${instance}`, '1')),
    unhold: async (ns, instance) => void (await redis.del(`${ns}:hold:${instance}`)),
    live: async (ns, key) => (await redis.exists(`${ns}:store:${key}`)) > 0,
  },
  'PostgreSQL, both instances on pg': {
    clients: ['pg', 'pg'],
    async prepare(ns) {
      await pool.query(postgresWebhookStoreSchema(`${ns}_events`));
      await pool.query(
        `CREATE TABLE ${ns}_runs (id bigserial PRIMARY KEY, phase text NOT NULL, key text NOT NULL, instance text NOT NULL)`,
      );
      await pool.query(`CREATE TABLE ${ns}_holds (instance text PRIMARY KEY)`);
    },
    async log(ns) {
      const { rows } = await pool.query<{ entry: string }>(
        `SELECT phase || ':' || instance || ':' || key AS entry FROM ${ns}_runs ORDER BY id`,
      );
      return rows.map((row) => row.entry);
    },
    hold: async (ns, instance) => void (await pool.query(`INSERT INTO ${ns}_holds VALUES ($1)`, [instance])),
    unhold: async (ns, instance) => void (await pool.query(`DELETE FROM ${ns}_holds WHERE instance = $1`, [instance])),
    async live(ns, key) {
      const { rows } = await pool.query(`SELECT 1 FROM ${ns}_events WHERE key = $1 AND expires_at > now()`, [key]);
      return rows.length > 0;
    },
  },
};

/** Polls `check` until it holds; fails the test after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

let namespaces = 0;

describe.each(Object.entries(setups))('%s', (_name, setup) => {
  it('runs onEvent exactly once for 50 concurrent deliveries of one event spread over two processes', async () => {
    const ns = `multi${(namespaces += 1)}_${Date.now()}`;
    await setup.prepare(ns);
    const [a, b] = await Promise.all([
      startInstance({ name: 'a', client: setup.clients[0], namespace: ns, leaseMs: 10_000, workMs: 200 }),
      startInstance({ name: 'b', client: setup.clients[1], namespace: ns, leaseMs: 10_000, workMs: 200 }),
    ]);
    const example = readWebhookExample('payment-v2.json') as { data: { payment: Record<string, unknown> } };
    const body = JSON.stringify({
      ...example,
      data: { ...example.data, payment: { ...example.data.payment, idempotency_key: randomUUID() } },
    });
    const key = webhookDedupKey(parseYunoWebhook(body));
    const deliver = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hmac-signature': sign(body) },
        body,
      }).then(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as Record<string, unknown>,
      }));

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => deliver(i % 2 === 0 ? a.url : b.url)));

    const handled = answers.filter((x) => x.status === 200 && x.body.duplicate !== true);
    const busy = answers.filter((x) => x.status === 409);
    const duplicates = answers.filter((x) => x.status === 200 && x.body.duplicate === true);
    expect(handled).toHaveLength(1);
    expect(busy.length + duplicates.length).toBe(49);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe('10');
      expect(answer.body).toMatchObject({ code: 'IN_PROGRESS' });
    }
    const log = await setup.log(ns);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(new RegExp(`^started:[ab]:${key}$`));
    expect(log[1]).toBe(log[0]!.replace('started', 'done'));

    // Yuno's later retries, to either process, are duplicates: still one run.
    for (const url of [a.url, b.url]) {
      const again = await deliver(url);
      expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    }
    expect(await setup.log(ns)).toHaveLength(2);
  }, 60_000);

  it('handles an event once when its process is killed in the middle of onEvent: the retry reaches the other', async () => {
    const ns = `multi${(namespaces += 1)}_${Date.now()}`;
    await setup.prepare(ns);
    const leaseMs = 5_000;
    const [a, b] = await Promise.all([
      startInstance({ name: 'a', client: setup.clients[0], namespace: ns, leaseMs }),
      startInstance({ name: 'b', client: setup.clients[1], namespace: ns, leaseMs }),
    ]);
    // A load balancer in front of the two processes: it sends each delivery to the instance in `target`.
    let target = a;
    const sandbox = createYunoSandbox({
      webhooks: {
        url: 'http://shop.test/api/yuno/webhooks',
        hmacSecret: SECRET,
        fetch: (_input, init) => fetch(target.url, init),
      },
    });
    const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    const order = {
      merchantOrderId: `order-${ns}`,
      description: 'Multi-instance order',
      country: 'BR',
      amount: { currency: 'BRL', value: 50 },
    };

    await setup.hold(ns, 'a');
    const start = await createYunoCheckout({ client: yuno, checkout: order });
    const token = await yuno.checkoutSessions.createOneTimeToken(start.checkoutSession, {
      payment_method: { type: 'PIX', vault_on_success: false },
    });
    await yuno.payments.create({
      description: order.description,
      country: 'BR',
      merchant_order_id: order.merchantOrderId,
      amount: order.amount,
      checkout: { session: start.checkoutSession },
      payment_method: { type: 'PIX', token: token.token },
    });

    // Instance a has claimed the event and is inside onEvent: kill it there.
    await waitFor('instance a to start onEvent', async () => (await setup.log(ns)).length === 1);
    const [started] = await setup.log(ns);
    const key = started!.replace(/^started:a:/, '');
    expect(started).toBe(`started:a:${key}`);
    a.child.kill('SIGKILL');
    await a.exited;
    await sandbox.flushWebhooks();
    target = b;
    await setup.unhold(ns, 'a');

    // Yuno's first retry comes while a's lease still holds: b answers 409 and runs nothing.
    await sandbox.advanceTime(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[0]! + 1);
    await sandbox.flushWebhooks();
    expect(await setup.log(ns)).toEqual([`started:a:${key}`]);

    // Once the lease has lapsed, the next retry is claimed and handled by b.
    await waitFor("a's lease to lapse", async () => !(await setup.live(ns, key)), leaseMs + 10_000);
    await sandbox.advanceTime(SANDBOX_WEBHOOK_RETRY_DELAYS_MS[1]! + 1);
    await sandbox.flushWebhooks();

    const deliveries = sandbox.webhookDeliveries.filter((d) => {
      const event = parseYunoWebhook(d.body);
      return webhookDedupKey(event) === key;
    });
    expect(deliveries.map((d) => d.status)).toEqual(['failed', 409, 200]);
    // (Moving the clock on also expires the PIX payment: that later status change is another event, with its own key.)
    const runsOf = async () => (await setup.log(ns)).filter((entry) => entry.endsWith(`:${key}`));
    expect(await runsOf()).toEqual([`started:a:${key}`, `started:b:${key}`, `done:b:${key}`]);

    // A further delivery of the same event is a duplicate.
    const last = deliveries[2]!;
    const again = await fetch(b.url, { method: 'POST', headers: last.headers, body: last.body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await runsOf()).toHaveLength(3);
  }, 60_000);
});
