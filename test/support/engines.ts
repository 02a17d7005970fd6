import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Real Redis and PostgreSQL servers for tests: each on a free port of 127.0.0.1, in a temporary directory, with
 * nothing written to disk that outlives it. A missing engine is an error, never a skip: `.ci/run` installs Debian's
 * `redis-server` and `postgresql` when they are not there.
 */
export interface RunningEngine {
  /** `redis://127.0.0.1:<port>` or `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  port: number;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `name` on PATH, else in the given directories (Debian keeps PostgreSQL in /usr/lib/postgresql/<major>/bin). */
function findBinary(name: string, extraDirs: string[] = []): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const path = join(dir, name);
    if (isExecutable(path)) return path;
  }
  throw new Error(
    `${name} was not found on PATH${extraDirs.length ? ` nor in ${extraDirs.join(', ')}` : ''}: these tests need a ` +
      `real engine (Debian: apt-get install -y redis-server postgresql; .ci/run installs them)`,
  );
}

function debianPostgresDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(b) - Number(a))
      .map((major) => `/usr/lib/postgresql/${major}/bin`);
  } catch {
    return [];
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `child` prints `ready` (stdout or stderr); rejects when it exits first or after `timeoutMs`. */
function waitForLine(child: ChildProcess, ready: string, name: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) done();
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output.slice(-2000)}`));
    const timer = setTimeout(
      () => done(new Error(`${name} was not ready after ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  // Keep reading so that a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/**
 * Starts `redis-server` without persistence on a free port.
 *
 * @example
 * ```ts
 * const redis = await startRedis();
 * afterAll(() => redis.stop());
 * ```
 */
export async function startRedis(): Promise<RunningEngine> {
  const binary = findBinary('redis-server');
  const dir = mkdtempSync(join(tmpdir(), 'yuno-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = waitForLine(child, 'Ready to accept connections', 'redis-server');
  track(child);
  try {
    await ready;
  } catch (error) {
    await stopChild(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PG_USER = 'postgres';

/**
 * How to run a command as a non-root user: PostgreSQL refuses to run as root. `setpriv` execs in place (so the pid
 * we hold is the server's own); `runuser` is the fallback.
 */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  try {
    const setpriv = findBinary('setpriv');
    return [setpriv, ['--reuid', PG_USER, '--regid', PG_USER, '--init-groups', '--', command, ...args]];
  } catch {
    return [findBinary('runuser'), ['-u', PG_USER, '--', command, ...args]];
  }
}

/**
 * Starts PostgreSQL: `initdb` in a temporary directory (trust auth, user `postgres`), then `postgres` on 127.0.0.1
 * and a free port, durability off. As root, both run as the `postgres` user (created when missing).
 *
 * @example
 * ```ts
 * const postgres = await startPostgres();
 * const pool = new pg.Pool({ connectionString: postgres.url });
 * ```
 */
export async function startPostgres(): Promise<RunningEngine> {
  const dirs = debianPostgresDirs();
  const initdb = findBinary('initdb', dirs);
  const postgres = findBinary('postgres', dirs);
  let owner: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', PG_USER], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], {
        stdio: 'ignore',
      });
    }
    owner = {
      uid: Number(execFileSync('id', ['-u', PG_USER]).toString().trim()),
      gid: Number(execFileSync('id', ['-g', PG_USER]).toString().trim()),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yuno-pg-'));
  const data = join(dir, 'data');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
    const [initCommand, initArgs] = asPostgresUser(initdb, [
      '-D',
      data,
      '-U',
      PG_USER,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    execFileSync(initCommand, initArgs, { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    cleanup();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr || String(error)}`, { cause: error });
  }
  const port = await freePort();
  const [command, args] = asPostgresUser(postgres, [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = waitForLine(child, 'database system is ready to accept connections', 'postgres');
  track(child);
  try {
    await ready;
  } catch (error) {
    await stopChild(child, 'SIGKILL');
    cleanup();
    throw error;
  }
  return {
    url: `postgres://${PG_USER}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended, no checkpoint wait for clients.
      await stopChild(child, 'SIGINT');
      cleanup();
    },
  };
}

/**
 * Starts Redis and PostgreSQL side by side; if either fails, stops the other and rejects with the failure.
 *
 * @example
 * ```ts
 * const { redis, postgres } = await startEngines();
 * ```
 */
export async function startEngines(): Promise<{ redis: RunningEngine; postgres: RunningEngine }> {
  const [redis, postgres] = await Promise.allSettled([startRedis(), startPostgres()]);
  if (redis.status === 'fulfilled' && postgres.status === 'fulfilled') {
    return { redis: redis.value, postgres: postgres.value };
  }
  await Promise.all([redis, postgres].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw redis.status === 'rejected' ? redis.reason : (postgres as PromiseRejectedResult).reason;
}
