import { Redis as IoRedis } from 'ioredis';
import { Redis as IoRedis5 } from 'ioredis-v5';
import pg from 'pg';
import { createClient } from 'redis';
import { createClient as createClient4 } from 'redis-v4';
import { createClient as createClient5 } from 'redis-v5';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createPostgresWebhookStore,
  createRedisWebhookStore,
  postgresWebhookStoreSchema,
  type YunoWebhookStore,
} from 'yuno-react/server';
import { startEngines, type RunningEngine } from '../support/engines';

// Real engines, started for this file. When redis-server or PostgreSQL is missing, every test here fails with the
// reason (a failing beforeAll alone would only mark them skipped).
let redis: RunningEngine;
let postgres: RunningEngine;
let startupError: unknown;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  try {
    ({ redis, postgres } = await startEngines());
  } catch (error) {
    startupError = error;
  }
}, 60_000);

beforeEach(() => {
  if (startupError) throw startupError;
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await Promise.all([redis?.stop(), postgres?.stop()]);
}, 30_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Engine {
  /** A store on a namespace of its own, and how to read the raw record of a key. */
  open(namespace: string): Promise<{ store: YunoWebhookStore; raw(key: string): Promise<unknown> }>;
}

/** A store on a node-redis client of one major version (the peer range is ^4 || ^5 || ^6; each is installed). */
function nodeRedis(
  connect: (url: string) => Promise<
    Parameters<typeof createRedisWebhookStore>[0]['client'] & {
      get(key: string): Promise<unknown>;
      quit(): Promise<unknown>;
    }
  >,
): Engine {
  return {
    async open(namespace) {
      const client = await connect(redis.url);
      closers.push(() => client.quit());
      const prefix = `test:${namespace}:`;
      return { store: createRedisWebhookStore({ client, prefix }), raw: (key) => client.get(prefix + key) };
    },
  };
}

/** The same on ioredis (^5 || ^6). */
function ioRedis(create: (url: string) => IoRedis | IoRedis5): Engine {
  return {
    async open(namespace) {
      const client = create(redis.url);
      await client.connect();
      closers.push(() => client.quit());
      const prefix = `test:${namespace}:`;
      return { store: createRedisWebhookStore({ client, prefix }), raw: (key) => client.get(prefix + key) };
    },
  };
}

const engines: Record<string, Engine> = {
  'Redis through node-redis 6': nodeRedis((url) => createClient({ url }).connect()),
  'Redis through node-redis 5': nodeRedis((url) => createClient5({ url }).connect()),
  'Redis through node-redis 4': nodeRedis(async (url) => {
    const client = createClient4({ url });
    await client.connect();
    return client;
  }),
  'Redis through ioredis 6': ioRedis((url) => new IoRedis(url, { lazyConnect: true })),
  'Redis through ioredis 5': ioRedis((url) => new IoRedis5(url, { lazyConnect: true })),
  'PostgreSQL through pg': {
    async open(namespace) {
      const pool = new pg.Pool({ connectionString: postgres.url, max: 20 });
      // An idle client cut off when the server stops at the end is expected; unhandled, pg would throw it.
      pool.on('error', () => undefined);
      closers.push(() => pool.end());
      const table = `events_${namespace.replace(/\W/g, '_')}`;
      const store = createPostgresWebhookStore({ pool, table });
      await store.ensureSchema();
      await store.ensureSchema(); // idempotent
      return {
        store,
        raw: async (key) => {
          const { rows } = await pool.query<{ owner: string; state: string }>(
            `SELECT owner, state FROM ${table} WHERE key = $1`,
            [key],
          );
          return rows[0] ? `${rows[0].state}:${rows[0].owner}` : null;
        },
      };
    },
  },
};

let namespaces = 0;

describe.each(Object.entries(engines))('%s', (_name, engine) => {
  const open = () => engine.open(`n${(namespaces += 1)}_${Date.now()}`);

  it('claims a key once: a second owner is told busy', async () => {
    const { store, raw } = await open();
    expect(await store.claim('evt-1', 'owner-a', 10_000)).toBe('claimed');
    expect(await store.claim('evt-1', 'owner-b', 10_000)).toBe('busy');
    expect(await store.claim('evt-1', 'owner-a', 10_000)).toBe('busy');
    expect(await store.claim('evt-2', 'owner-b', 10_000)).toBe('claimed');
    expect(await raw('evt-1')).toMatch(/^c(laimed)?:owner-a$/);
  });

  it('answers handled after complete, to everyone, and a release then changes nothing', async () => {
    const { store, raw } = await open();
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('claimed');
    await store.complete('evt', 'owner-a', 60_000);
    expect(await store.claim('evt', 'owner-b', 10_000)).toBe('handled');
    await store.release('evt', 'owner-a');
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('handled');
    expect(await raw('evt')).toMatch(/^h(andled:owner-a)?$/);
  });

  it('lets the next delivery claim at once after the owner releases', async () => {
    const { store, raw } = await open();
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('claimed');
    await store.release('evt', 'owner-a');
    expect(await raw('evt')).toBeNull();
    expect(await store.claim('evt', 'owner-b', 10_000)).toBe('claimed');
  });

  it('ignores a release by an owner that does not hold the claim', async () => {
    const { store, raw } = await open();
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('claimed');
    await store.release('evt', 'owner-b');
    expect(await store.claim('evt', 'owner-c', 10_000)).toBe('busy');
    expect(await raw('evt')).toMatch(/^c(laimed)?:owner-a$/);
    await store.release('never-claimed', 'owner-a');
    expect(await raw('never-claimed')).toBeNull();
  });

  it('lets a lapsed lease be claimed again, and the old owner can no longer release it', async () => {
    const { store, raw } = await open();
    expect(await store.claim('evt', 'owner-a', 200)).toBe('claimed');
    await sleep(400);
    expect(await store.claim('evt', 'owner-b', 10_000)).toBe('claimed');
    await store.release('evt', 'owner-a');
    expect(await store.claim('evt', 'owner-c', 10_000)).toBe('busy');
    expect(await raw('evt')).toMatch(/^c(laimed)?:owner-b$/);
  });

  it('forgets a handled key after its time to live', async () => {
    const { store } = await open();
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('claimed');
    await store.complete('evt', 'owner-a', 200);
    expect(await store.claim('evt', 'owner-b', 10_000)).toBe('handled');
    await sleep(400);
    expect(await store.claim('evt', 'owner-b', 10_000)).toBe('claimed');
  });

  it('gives exactly one of 50 concurrent claims of a key', async () => {
    const { store } = await open();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.claim('contended', `owner-${i}`, 10_000)),
    );
    expect(answers.filter((a) => a === 'claimed')).toHaveLength(1);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(49);
    const winner = answers.indexOf('claimed');
    await store.complete('contended', `owner-${winner}`, 60_000);
    const after = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.claim('contended', `late-${i}`, 10_000)),
    );
    expect(new Set(after)).toEqual(new Set(['handled']));
  });

  it('refuses a lease or time to live that is not a positive number', async () => {
    const { store } = await open();
    await expect(store.claim('evt', 'owner-a', 0)).rejects.toThrow(RangeError);
    await expect(store.complete('evt', 'owner-a', Number.NaN)).rejects.toThrow(RangeError);
    expect(await store.claim('evt', 'owner-a', 10_000)).toBe('claimed');
  });
});

describe('createRedisWebhookStore', () => {
  it('refuses something that is not a Redis client', () => {
    expect(() => createRedisWebhookStore({ client: {} as never })).toThrow(TypeError);
  });

  it('uses the default prefix yuno:webhook:', async () => {
    const client = await createClient({ url: redis.url }).connect();
    try {
      const store = createRedisWebhookStore({ client });
      const key = `default-prefix-${Date.now()}`;
      expect(await store.claim(key, 'owner-a', 10_000)).toBe('claimed');
      expect(await client.get(`yuno:webhook:${key}`)).toBe('c:owner-a');
      const ttl = await client.pTTL(`yuno:webhook:${key}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10_000);
    } finally {
      await client.quit();
    }
  });
});

describe('createPostgresWebhookStore', () => {
  it('refuses a table name that is not a plain identifier, before any SQL runs', () => {
    const queries: string[] = [];
    const pool = {
      query: async (text: string) => {
        queries.push(text);
        return { rows: [] };
      },
    };
    for (const table of ['events; DROP TABLE users', 'a"b', 'x.y.z', '1events', '', 'a b', `t${'x'.repeat(63)}`]) {
      expect(() => createPostgresWebhookStore({ pool, table })).toThrow(TypeError);
      expect(() => postgresWebhookStoreSchema(table)).toThrow(TypeError);
    }
    expect(queries).toEqual([]);
    expect(() => createPostgresWebhookStore({ pool: {} as never })).toThrow(TypeError);
  });

  it('creates its table in another schema when the name is schema-qualified, and deletes expired records', async () => {
    const pool = new pg.Pool({ connectionString: postgres.url });
    // An idle client cut off when the server stops at the end is expected; unhandled, pg would throw it.
    pool.on('error', () => undefined);
    try {
      await pool.query('CREATE SCHEMA IF NOT EXISTS webhooks');
      const store = createPostgresWebhookStore({ pool, table: 'webhooks.yuno_events' });
      await store.ensureSchema();
      const { rows } = await pool.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'webhooks' AND table_name = 'yuno_events' ORDER BY ordinal_position`,
      );
      expect(rows).toEqual([
        { column_name: 'key', data_type: 'text' },
        { column_name: 'owner', data_type: 'text' },
        { column_name: 'state', data_type: 'text' },
        { column_name: 'expires_at', data_type: 'timestamp with time zone' },
      ]);
      expect(await store.claim('short', 'owner-a', 100)).toBe('claimed');
      expect(await store.claim('long', 'owner-a', 60_000)).toBe('claimed');
      await sleep(300);
      expect(await store.deleteExpired()).toBe(1);
      const left = await pool.query<{ key: string }>('SELECT key FROM webhooks.yuno_events ORDER BY key');
      expect(left.rows).toEqual([{ key: 'long' }]);
    } finally {
      await pool.end();
    }
  });
});
