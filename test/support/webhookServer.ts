/**
 * One webhook receiver process for the multi-instance tests: `createYunoWebhookHandler` served by node:http through
 * `toNodeHandler`, over a store shared with the other instances (Redis or PostgreSQL). Its `onEvent` writes every start
 * and every finish of a run into that same engine, so the test counts runs across processes; while the engine holds a
 * `hold` flag for this instance, `onEvent` waits, so that the test can kill the process in the middle of it.
 *
 * Run with `node --import tsx test/support/webhookServer.ts` (one process: a SIGKILL kills the receiver itself).
 * Configuration comes from the environment (see `config` below); prints `{"port":N}` once it listens.
 */
import { createServer } from 'node:http';
import { Redis as IoRedis } from 'ioredis';
import pg from 'pg';
import { createClient } from 'redis';
import {
  createPostgresWebhookStore,
  createRedisWebhookStore,
  createYunoWebhookHandler,
  toNodeHandler,
  webhookDedupKey,
  type YunoWebhookStore,
} from '../../src/server';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`webhookServer: ${name} is not set`);
  return value;
};

const config = {
  /** `node-redis`, `ioredis` or `pg`. */
  client: env('YUNO_TEST_CLIENT'),
  url: env('YUNO_TEST_ENGINE_URL'),
  /** Redis key prefix or PostgreSQL table prefix, one per test. */
  namespace: env('YUNO_TEST_NAMESPACE'),
  instance: env('YUNO_TEST_INSTANCE'),
  secret: env('YUNO_TEST_SECRET'),
  leaseMs: Number(env('YUNO_TEST_LEASE_MS')),
  /** How long each run works, so that concurrent deliveries overlap with it. */
  workMs: Number(process.env.YUNO_TEST_WORK_MS ?? '0'),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Engine {
  store: YunoWebhookStore;
  /** Records that a run of `key` reached `phase` on this instance. */
  record(phase: 'started' | 'done', key: string): Promise<void>;
  /** Whether this instance is told to hold its runs. */
  held(): Promise<boolean>;
}

async function openEngine(): Promise<Engine> {
  const ns = config.namespace;
  if (config.client === 'pg') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle client cut off when the server stops at the end is expected; unhandled, pg would throw it.
    pool.on('error', () => undefined);
    // The test process created these tables before starting the instances.
    return {
      store: createPostgresWebhookStore({ pool, table: `${ns}_events` }),
      async record(phase, key) {
        await pool.query(`INSERT INTO ${ns}_runs (phase, key, instance) VALUES ($1, $2, $3)`, [
          phase,
          key,
          config.instance,
        ]);
      },
      async held() {
        const { rows } = await pool.query(`SELECT 1 FROM ${ns}_holds WHERE instance = $1`, [config.instance]);
        return rows.length > 0;
      },
    };
  }
  const run =
    config.client === 'ioredis'
      ? await (async () => {
          const client = new IoRedis(config.url, { lazyConnect: true });
          await client.connect();
          return {
            store: createRedisWebhookStore({ client, prefix: `${ns}:store:` }),
            command: (args: string[]) => client.call(args[0] as string, ...args.slice(1)),
          };
        })()
      : await (async () => {
          const client = await createClient({ url: config.url }).connect();
          return {
            store: createRedisWebhookStore({ client, prefix: `${ns}:store:` }),
            command: (args: string[]) => client.sendCommand(args),
          };
        })();
  return {
    store: run.store,
    async record(phase, key) {
      await run.command(['INCR', `${ns}:runs:${phase}:${key}`]);
      await run.command(['RPUSH', `${ns}:log`, `${phase}:${config.instance}:${key}`]);
    },
    async held() {
      return Number(await run.command(['EXISTS', `${ns}:hold:${config.instance}`])) > 0;
    },
  };
}

const engine = await openEngine();
const handle = createYunoWebhookHandler({
  secret: config.secret,
  store: engine.store,
  leaseMs: config.leaseMs,
  async onEvent(event) {
    const key = webhookDedupKey(event);
    await engine.record('started', key);
    while (await engine.held()) await sleep(20);
    if (config.workMs > 0) await sleep(config.workMs);
    await engine.record('done', key);
  },
});

const server = createServer(toNodeHandler(handle));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
