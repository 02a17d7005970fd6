// `npm start`: runs the local Yuno sandbox (the `yuno-sandbox` CLI, from source through tsx) and explains how to use it.
// Extra arguments go to the CLI: `npm start -- --port 4020 --webhook-url http://127.0.0.1:3000/api/yuno/webhook`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function option(name, fallback) {
  const index = args.indexOf(`--${name}`);
  if (index >= 0 && args[index + 1]) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

if (!args.some((arg) => arg === '--port' || arg.startsWith('--port='))) args.push('--port', '4010');
const port = option('port', '4010');
const host = option('host', '127.0.0.1');
const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

const child = spawn(
  process.execPath,
  [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/bin/yuno-sandbox.ts', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function waitUntilUp() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(`${baseUrl}/_sandbox/requests`, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await delay(200);
    }
  }
  return false;
}

async function credentials() {
  const defaults = await tsImport('../src/sandbox.ts', import.meta.url);
  return {
    publicApiKey: option('public-api-key', defaults.SANDBOX_PUBLIC_API_KEY),
    privateSecretKey: option('private-secret-key', defaults.SANDBOX_PRIVATE_SECRET_KEY),
    accountId: option('account-id', defaults.SANDBOX_ACCOUNT_ID),
  };
}

if (await waitUntilUp()) {
  const { publicApiKey, privateSecretKey, accountId } = await credentials();
  const auth = `-H 'public-api-key: ${publicApiKey}' -H 'private-secret-key: ${privateSecretKey}'`;
  process.stdout.write(`
yuno-react's local Yuno sandbox is running: Yuno's REST API under ${baseUrl}/v1, offline and in memory.

  Base URL            ${baseUrl}
  public-api-key      ${publicApiKey}
  private-secret-key  ${privateSecretKey}
  account_id          ${accountId}

Try it:

  curl -s -X POST ${baseUrl}/v1/customers ${auth} \\
    -H 'content-type: application/json' \\
    -d '{"merchant_customer_id":"customer-0001","first_name":"Ada","email":"ada@example.com","country":"BR"}'

  curl -s -X POST ${baseUrl}/v1/checkout/sessions ${auth} \\
    -H 'content-type: application/json' \\
    -d '{"account_id":"${accountId}","merchant_order_id":"order-0001","payment_description":"Order 0001","country":"BR","amount":{"currency":"BRL","value":100}}'

From code: createYunoServerClient({ publicApiKey, privateSecretKey, accountId, baseUrl: '${baseUrl}' })
from 'yuno-react/server'. Test cards, 3DS and webhooks: see "The sandbox" in README.md. Ctrl+C stops it.
`);
}
