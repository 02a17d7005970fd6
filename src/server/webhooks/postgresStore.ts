import type { YunoWebhookClaim, YunoWebhookStore } from './store';

/**
 * The result of a query, as `pg` gives it.
 *
 * @example
 * ```ts
 * const result: PostgresQueryResult = await pool.query('SELECT 1');
 * ```
 */
export interface PostgresQueryResult {
  rows: unknown[];
  rowCount?: number | null;
}

/**
 * Anything that runs a parameterised query the way `pg`'s `Pool` and `Client` do (`query(text, values)` with `$1`
 * placeholders). Declared here so that `pg` need not be installed to import this module.
 *
 * @example
 * ```ts
 * const pool: PostgresQueryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
}

/**
 * Options of {@link createPostgresWebhookStore}.
 *
 * @example
 * ```ts
 * const options: PostgresWebhookStoreOptions = { pool, table: 'webhooks.yuno_events' };
 * ```
 */
export interface PostgresWebhookStoreOptions {
  /** A `pg` `Pool` (or anything with the same `query`). */
  pool: PostgresQueryable;
  /** The table, optionally schema-qualified (`webhooks.yuno_events`). @default 'yuno_webhook_events' */
  table?: string;
}

/**
 * A PostgreSQL webhook store, with the statements to create and prune its table.
 *
 * @example
 * ```ts
 * const store: PostgresWebhookStore = createPostgresWebhookStore({ pool });
 * await store.ensureSchema();
 * setInterval(() => void store.deleteExpired(), 24 * 60 * 60 * 1000);
 * ```
 */
export interface PostgresWebhookStore extends YunoWebhookStore {
  /** Creates the table if it is not there (see {@link postgresWebhookStoreSchema}). */
  ensureSchema(): Promise<void>;
  /** Deletes expired records; resolves with how many went. Run it now and then (a daily job). */
  deleteExpired(): Promise<number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The table name, checked and double-quoted: it is written into the SQL, so nothing but a plain identifier may pass. */
function quoteTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new TypeError(
      `createPostgresWebhookStore: table must be an identifier or schema.identifier (letters, digits, _), got ${JSON.stringify(table)}`,
    );
  }
  return parts.map((part) => `"${part}"`).join('.');
}

/**
 * The SQL that creates the store's table (`key text primary key, owner text, state text, expires_at timestamptz`).
 * Run it in a migration, or call `ensureSchema()` at start-up.
 *
 * @example
 * ```ts
 * await pool.query(postgresWebhookStoreSchema('yuno_webhook_events'));
 * ```
 */
export function postgresWebhookStoreSchema(table = 'yuno_webhook_events'): string {
  const name = quoteTable(table);
  return `CREATE TABLE IF NOT EXISTS ${name} (
  key text PRIMARY KEY,
  owner text NOT NULL,
  state text NOT NULL CHECK (state IN ('claimed', 'handled')),
  expires_at timestamptz NOT NULL
)`;
}

const milliseconds = (ms: number, name: string) => {
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new RangeError(`createPostgresWebhookStore: ${name} must be a positive number`);
  }
  return Math.ceil(ms);
};

/**
 * A webhook store in a PostgreSQL table, shared by every process that receives Yuno's webhooks. A claim is one
 * `INSERT … ON CONFLICT (key) DO UPDATE … WHERE expires_at <= now()`, so concurrent claims of a key serialise on its
 * row and exactly one wins; expiry uses the database's clock, never the processes'.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresWebhookStore, createYunoWebhookHandler } from 'yuno-react/server';
 *
 * const store = createPostgresWebhookStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await store.ensureSchema();
 * export const POST = createYunoWebhookHandler({ secret: process.env.YUNO_WEBHOOK_SECRET!, store, onEvent });
 * ```
 */
export function createPostgresWebhookStore(options: PostgresWebhookStoreOptions): PostgresWebhookStore {
  const { pool } = options;
  if (!pool || typeof pool.query !== 'function') {
    throw new TypeError('createPostgresWebhookStore: pool must have a query(text, values) method, like pg.Pool');
  }
  const table = options.table ?? 'yuno_webhook_events';
  const name = quoteTable(table);
  const schema = postgresWebhookStoreSchema(table);
  const expiry = (param: string) => `now() + ${param}::bigint * interval '1 millisecond'`;

  const claimSql = `INSERT INTO ${name} AS w (key, owner, state, expires_at) VALUES ($1, $2, 'claimed', ${expiry('$3')})
ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, state = 'claimed', expires_at = EXCLUDED.expires_at
WHERE w.expires_at <= now()
RETURNING w.owner`;
  const readSql = `SELECT state FROM ${name} WHERE key = $1 AND expires_at > now()`;
  const completeSql = `INSERT INTO ${name} AS w (key, owner, state, expires_at) VALUES ($1, $2, 'handled', ${expiry('$3')})
ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, state = 'handled', expires_at = EXCLUDED.expires_at`;
  const releaseSql = `DELETE FROM ${name} WHERE key = $1 AND owner = $2 AND state = 'claimed'`;
  const deleteExpiredSql = `DELETE FROM ${name} WHERE expires_at <= now()`;

  return {
    async claim(key, owner, leaseMs): Promise<YunoWebhookClaim> {
      const lease = milliseconds(leaseMs, 'leaseMs');
      // A live record can lapse between the refused insert and the read; then the claim is tried again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const inserted = await pool.query(claimSql, [key, owner, lease]);
        if (inserted.rows.length > 0) return 'claimed';
        const read = await pool.query(readSql, [key]);
        const row = read.rows[0] as { state?: unknown } | undefined;
        if (row?.state === 'handled') return 'handled';
        if (row) return 'busy';
      }
      return 'busy';
    },
    async complete(key, owner, ttlMs) {
      await pool.query(completeSql, [key, owner, milliseconds(ttlMs, 'ttlMs')]);
    },
    async release(key, owner) {
      await pool.query(releaseSql, [key, owner]);
    },
    async ensureSchema() {
      await pool.query(schema);
    },
    async deleteExpired() {
      const result = await pool.query(deleteExpiredSql);
      return result.rowCount ?? 0;
    },
  };
}
