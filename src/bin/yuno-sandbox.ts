#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startYunoSandboxServer, type StartYunoSandboxServerOptions } from '../sandbox/startYunoSandboxServer';

const USAGE = `Usage: yuno-sandbox [options]

Serves an offline Yuno sandbox: Yuno's REST API under /v1 (same paths, headers, status codes and bodies as
https://api-sandbox.y.uno) plus the sandbox's own routes under /_sandbox.

Options:
  --port <n>                  Port to listen on; 0 picks a free one (default 4010)
  --host <address>            Interface to listen on (default 127.0.0.1)
  --webhook-url <url>         POST Yuno-shaped webhooks (payment.purchase, enrollment.enroll) to this URL
  --webhook-secret <secret>   Sign webhooks: x-hmac-signature = base64(HMAC-SHA256(secret, body))
  --account-id <uuid>         Account id to accept (default: the sandbox's)
  --public-api-key <key>      Public API key to accept (default: the sandbox's)
  --private-secret-key <key>  Private secret key to accept (default: the sandbox's)
  --control-origin <origin>   Also let pages of this origin use the /_sandbox control routes (repeatable)
  -h, --help                  Show this help
`;

function fail(message: string): never {
  process.stderr.write(`yuno-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'account-id': { type: 'string' },
      'public-api-key': { type: 'string' },
      'private-secret-key': { type: 'string' },
      'control-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const port = values.port === undefined ? 4010 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be an integer from 0 to 65535`);
if (values['webhook-url'] !== undefined && !URL.canParse(values['webhook-url']))
  fail('--webhook-url must be an absolute URL');
if (values['webhook-secret'] !== undefined && values['webhook-url'] === undefined) {
  fail('--webhook-secret needs --webhook-url');
}

const options: StartYunoSandboxServerOptions = { port, host: values.host ?? '127.0.0.1' };
if (values['account-id'] !== undefined) options.accountId = values['account-id'];
if (values['public-api-key'] !== undefined) options.publicApiKey = values['public-api-key'];
if (values['private-secret-key'] !== undefined) options.privateSecretKey = values['private-secret-key'];
if (values['control-origin'] !== undefined) {
  for (const origin of values['control-origin']) {
    if (!URL.canParse(origin)) fail('--control-origin must be an origin such as http://localhost:3000');
  }
  options.controlOrigins = values['control-origin'];
}
if (values['webhook-url'] !== undefined) {
  options.webhooks = { url: values['webhook-url'] };
  if (values['webhook-secret'] !== undefined) options.webhooks.hmacSecret = values['webhook-secret'];
}

let server: Awaited<ReturnType<typeof startYunoSandboxServer>>;
try {
  server = await startYunoSandboxServer(options);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EADDRINUSE' ? `port ${port} is already in use (pick another with --port)` : (error as Error).message;
  process.stderr.write(`yuno-sandbox: cannot start: ${reason}\n`);
  process.exit(1);
}

const { credentials } = server.sandbox;
process.stdout.write(
  [
    `Yuno sandbox listening on ${server.url}`,
    `  base URL:           ${server.url}  (Yuno's API under ${server.url}/v1)`,
    `  public-api-key:     ${credentials.publicApiKey}`,
    `  private-secret-key: ${credentials.privateSecretKey}`,
    `  account_id:         ${credentials.accountId}`,
    ...(values['webhook-url'] ? [`  webhooks to:        ${values['webhook-url']}`] : []),
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => {
      process.stdout.write(`Yuno sandbox stopped (${signal}).\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`yuno-sandbox: error while stopping: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
