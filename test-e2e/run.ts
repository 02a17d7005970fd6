// End-to-end tests of examples/nextjs-checkout in Debian's Chromium, against what users install: this package is
// built and packed, the tarball installed into the example, the example built with `next build` and served with
// `next start`, and the installed package's `yuno-sandbox` started with its webhooks signed and sent to the example.
// Every flow runs in a fresh browser context and ends with a scan for card data. The last line is `N passed, N failed`.
//
//   npm run test:e2e                   every flow
//   npm run test:e2e -- 3DS PIX        flows whose name contains any of the words
//   E2E_SKIP_INSTALL=1 npm run test:e2e   keep the yuno-react already installed in the example (quicker reruns)
//   npm run test:e2e -- stand-in       only the checks of the sandbox's Web SDK stand-in (no example is built)
//
// Besides the example's flows it runs the checks of the sandbox's Web SDK stand-in alone (test-e2e/secureFields.ts):
// its Secure Fields in Chromium, card data typed into the sandbox's frames, never reaching the page. Each counts as a flow.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import {
  buildNext,
  freePort,
  installExample,
  packTarball,
  startNext,
  startSandbox,
  type RunningProcess,
} from '../scripts/example.mjs';
import { launchChromium } from './browser';
import { flows, type Flow } from './flows';
import { standInChecks, type StandInCheck } from './secureFields';
import { SandboxControl } from './sandbox';
import { Shopper, type Stack } from './shop';

const FLOW_TIMEOUT_MS = 90_000;
const RUN_TIMEOUT_MS = 15 * 60_000;

const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line: string) => process.stdout.write(`${line}\n`);

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const matches = (name: string) => !filters.length || filters.some((w) => name.toLowerCase().includes(w));
const selected = flows.filter((f) => matches(f.name));
const selectedChecks: StandInCheck[] = standInChecks.filter((c) => matches(c.name));
const total = selected.length + selectedChecks.length;

const processes: RunningProcess[] = [];
let browser: Browser | undefined;
let stopping: Promise<void> | undefined;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(processes.map((p) => p.stop()));
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the app and the sandbox`);
    void stopAll().then(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  log(`The end-to-end run took longer than ${RUN_TIMEOUT_MS / 60_000} minutes: stopping`);
  log(`0 passed, ${total} failed`);
  void stopAll().then(() => process.exit(1));
}, RUN_TIMEOUT_MS);
watchdog.unref();

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const since = Date.now();
  const result = await work();
  log(`  ${name} (${seconds(since)})`);
  return result;
}

async function setUp(): Promise<Stack> {
  const buildLog: string[] = [];
  const keep = (text: string) => void buildLog.push(text);
  try {
    log('Setting up:');
    if (process.env.E2E_SKIP_INSTALL === '1') {
      log('  kept the installed yuno-react (E2E_SKIP_INSTALL=1)');
    } else {
      await step('built and packed yuno-react', () => packTarball({ log: keep }));
      await step('installed the example with the tarball', () => installExample({ log: keep }));
    }
    const webhookSecret = randomUUID();
    await step('next build', () => buildNext({ env: { YUNO_WEBHOOK_SECRET: webhookSecret }, log: keep }));
    const appPort = await freePort();
    const sandboxOutput: string[] = [];
    const sandbox = await step('started yuno-sandbox', () =>
      startSandbox({
        webhookUrl: `http://127.0.0.1:${appPort}/api/yuno/webhooks`,
        webhookSecret,
        log: (text) => void sandboxOutput.push(text),
      }),
    );
    processes.push(sandbox);
    const appOutput: string[] = [];
    const app = await step('started next start', () =>
      startNext({
        port: appPort,
        env: { YUNO_SANDBOX_URL: sandbox.url, YUNO_WEBHOOK_SECRET: webhookSecret },
        log: (text) => void appOutput.push(text),
      }),
    );
    processes.push(app);
    browser ??= await step('launched Chromium', () => launchChromium());
    log(`  app ${app.url}, sandbox ${sandbox.url}`);
    return {
      appUrl: app.url,
      sandbox: new SandboxControl(sandbox.url),
      serverLogs: () => [
        { name: 'next start', text: appOutput.join('') },
        { name: 'yuno-sandbox', text: sandboxOutput.join('') },
      ],
    };
  } catch (error) {
    log(buildLog.join('').slice(-6000));
    throw error;
  }
}

async function runFlow(flow: Flow, stack: Stack): Promise<void> {
  const shoppers: Shopper[] = [];
  const open = async () => {
    const shopper = await Shopper.open(browser!, stack);
    shoppers.push(shopper);
    return shopper;
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await flow.run({ stack, open, sandbox: stack.sandbox });
        // After each flow: no card number or CVV anywhere the shopper's browser or the servers keep or show things.
        for (const shopper of shoppers) await shopper.assertNoCardData();
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${FLOW_TIMEOUT_MS / 1000} s`)), FLOW_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    const consoleLines = shoppers.flatMap((s) => s.console).slice(-15);
    const urls = shoppers.flatMap((s) => s.urls.filter((u) => !u.includes('/_next/static/'))).slice(-15);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      details: `  page URL: ${shoppers.at(-1)?.page.url()}\n  last URLs:\n    ${urls.join('\n    ')}\n  console:\n    ${consoleLines.join('\n    ')}`,
    });
  } finally {
    clearTimeout(timer);
    await Promise.all(shoppers.map((s) => s.close().catch(() => undefined)));
  }
}

let passed = 0;
let failed = 0;

/** The stand-in's checks need only Chromium: each starts its own sandbox server and shop page. */
async function runStandInChecks(): Promise<void> {
  if (!selectedChecks.length) return;
  browser ??= await step('launched Chromium', () => launchChromium());
  log(`\nWeb SDK stand-in (${selectedChecks.length}):`);
  for (const check of selectedChecks) {
    const since = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        check.run(browser),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${FLOW_TIMEOUT_MS / 1000} s`)), FLOW_TIMEOUT_MS);
        }),
      ]);
      passed++;
      log(`  ✔ ${check.name} (${seconds(since)})`);
    } catch (error) {
      failed++;
      const e = error as Error;
      log(`  ✘ ${check.name} (${seconds(since)})\n    ${e.stack ?? e.message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

try {
  await runStandInChecks();
} catch (error) {
  log(
    `The stand-in's checks could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  failed = selectedChecks.length - passed;
}
const standInCounted = passed + failed;
const standInPassed = passed;

async function runFlows(): Promise<void> {
  if (!selected.length) return;
  const stack = await setUp();
  log(`\nFlows (${selected.length}):`);
  for (const flow of selected) {
    const since = Date.now();
    try {
      await runFlow(flow, stack);
      passed++;
      log(`  ✔ ${flow.name} (${seconds(since)})`);
    } catch (error) {
      failed++;
      const e = error as Error & { details?: string };
      log(`  ✘ ${flow.name} (${seconds(since)})\n    ${e.stack ?? e.message}\n${e.details ?? ''}`);
      const [app] = stack.serverLogs();
      log(`  next start output (end):\n${app?.text.slice(-2000) ?? ''}`);
    }
  }
}

try {
  await runFlows();
} catch (error) {
  log(`Set-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // No flow ran: every selected one counts as failed.
  failed = standInCounted - standInPassed + selected.length;
} finally {
  await stopAll();
}
log(`\nEnd-to-end run: ${seconds(started)}`);
log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
