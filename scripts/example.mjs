// `npm run example`: the Next.js checkout in examples/nextjs-checkout against the local Yuno sandbox, as a user of the
// package would run it: this repository is built and packed, the tarball is installed into the example, the sandbox
// (the installed package's `yuno-sandbox` command) sends its webhooks to the example, and the app starts.
//
//   npm run example                 next dev on a free port
//   npm run example -- --prod       next build && next start
//   npm run example -- --port 3000  a port of your choice
//
// With YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY and YUNO_ACCOUNT_ID set, no sandbox is started: the app uses
// Yuno's real sandbox. The functions below are also what the end-to-end tests (test-e2e/) start the stack with.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const exampleDir = join(root, 'examples/nextjs-checkout');
const TARBALL = 'yuno-react.tgz';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const baseEnv = () => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
});

/** Runs a command to completion, its output going to `log` (default: this process's stderr); rejects on failure. */
export function run(command, args, { cwd = root, env = baseEnv(), log } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (log) log(String(chunk));
      else process.stderr.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`));
    });
  });
}

/** Builds this package and packs it as examples/nextjs-checkout/yuno-react.tgz, what `npm publish` would upload. */
export async function packTarball(options = {}) {
  await run(npm, ['run', 'build'], options);
  const destination = mkdtempSync(join(tmpdir(), 'yuno-react-pack-'));
  try {
    const output = await run(npm, ['pack', '--json', '--pack-destination', destination], { ...options, log: () => {} });
    const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
    renameSync(join(destination, filename), join(exampleDir, TARBALL));
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
  return join(exampleDir, TARBALL);
}

/**
 * Installs the example's dependencies with the freshly packed tarball. npm keeps an installed `file:` tarball as long
 * as its version is unchanged and checks it against the lockfile's integrity, so the old copy and that integrity go
 * first: the lockfile pins every other package.
 */
export async function installExample(options = {}) {
  rmSync(join(exampleDir, 'node_modules/yuno-react'), { recursive: true, force: true });
  const lockPath = join(exampleDir, 'package-lock.json');
  if (existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    const entry = lock.packages?.['node_modules/yuno-react'];
    if (entry?.integrity) {
      delete entry.integrity;
      writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    }
  }
  await run(npm, ['install', '--no-audit', '--no-fund'], { ...options, cwd: exampleDir });
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a long-running command in its own process group, so that stopping it also stops whatever it started.
 * Resolves once `ready` matches its output.
 */
function startProcess(name, command, args, { cwd, env, ready, log, timeoutMs = 120_000 }) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      const kill = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      };
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 5_000).unref();
    });
    return stopped;
  };
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s\n${output.slice(-4000)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      const text = String(chunk);
      output += text;
      log?.(text);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? `exit ${code}`}) before it was ready\n${output.slice(-4000)}`));
    });
  });
  return { child, started, stop, output: () => output };
}

/** The installed package's `yuno-sandbox`, sending signed webhooks to the example. */
export async function startSandbox({ webhookUrl, webhookSecret, port = 0, log } = {}) {
  const bin = join(exampleDir, 'node_modules/.bin/yuno-sandbox');
  const args = ['--port', String(port)];
  if (webhookUrl) args.push('--webhook-url', webhookUrl);
  if (webhookSecret) args.push('--webhook-secret', webhookSecret);
  const proc = startProcess('yuno-sandbox', bin, args, {
    cwd: exampleDir,
    env: baseEnv(),
    ready: /listening on (http:\/\/\S+)/,
    log,
  });
  const [, url] = await proc.started;
  return { url, stop: proc.stop, output: proc.output };
}

/** `next build` of the example. */
export async function buildNext({ env = {}, log } = {}) {
  await run(join(exampleDir, 'node_modules/.bin/next'), ['build'], {
    cwd: exampleDir,
    env: { ...baseEnv(), ...env },
    log,
  });
}

/** `next start` (or `next dev`) of the example on 127.0.0.1:port; resolves once it answers. */
export async function startNext({ port, mode = 'start', env = {}, log } = {}) {
  const proc = startProcess(
    `next ${mode}`,
    join(exampleDir, 'node_modules/.bin/next'),
    [mode, '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: exampleDir, env: { ...baseEnv(), ...env }, ready: /Ready in|ready started|✓ Ready/i, log },
  );
  await proc.started;
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(30_000) });
      break;
    } catch {
      await delay(200);
    }
  }
  return { url, stop: proc.stop, output: proc.output };
}

export const DEFAULT_WEBHOOK_SECRET = 'yuno-react-example-webhook-secret';

async function main() {
  const args = process.argv.slice(2);
  const prod = args.includes('--prod');
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : await freePort();
  const realYuno = Boolean(
    process.env.YUNO_PUBLIC_API_KEY && process.env.YUNO_PRIVATE_SECRET_KEY && process.env.YUNO_ACCOUNT_ID,
  );
  const webhookSecret = process.env.YUNO_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET;
  const stops = [];
  const shutdown = async (code) => {
    await Promise.all(stops.map((stop) => stop()));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));

  try {
    console.log('Building and packing yuno-react…');
    await packTarball();
    console.log('Installing the example’s dependencies…');
    await installExample();
    // With Yuno's real sandbox the webhook secret is yours (YUNO_WEBHOOK_SECRET, read by the app itself).
    const env = realYuno ? {} : { YUNO_WEBHOOK_SECRET: webhookSecret };
    if (!realYuno) {
      const sandbox = await startSandbox({
        webhookUrl: `http://127.0.0.1:${port}/api/yuno/webhooks`,
        webhookSecret,
        log: (text) => process.stdout.write(text),
      });
      stops.push(sandbox.stop);
      env.YUNO_SANDBOX_URL = sandbox.url;
    }
    if (prod) {
      console.log('next build…');
      await buildNext({ env });
    }
    const app = await startNext({
      port,
      mode: prod ? 'start' : 'dev',
      env,
      log: (text) => process.stdout.write(text),
    });
    stops.push(app.stop);
    console.log(`
The Yuno shop is running at ${app.url}
${realYuno ? "  against Yuno's real sandbox (YUNO_* keys)" : `  against the local Yuno sandbox at ${env.YUNO_SANDBOX_URL} (webhooks to ${app.url}/api/yuno/webhooks)`}
  Test cards: 4507990000000002 approved, 4507990000000010 declined, 4916994064252017 3DS (code 1234 passes).
  Any future expiry (11/30), CVV 123. Ctrl+C stops everything.
`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
