// Keystroke cost in Chromium (playwright-core driving Debian's /usr/bin/chromium): typing a 16-digit card number into
// yuno-react's CardForm number field and into react-payment-inputs' card number input, on the same page, served from
// 127.0.0.1 together with the merchant routes (createYunoRouteHandlers on the sandbox). Measured inside the page (see
// keystroke/page.tsx): keydown → input handled (React committed, style and layout flushed), median over every
// keystroke. The two sides are typed in alternating rounds so that drift in the machine's speed hits both alike.
/* global window, requestAnimationFrame -- used in page.evaluate callbacks, which run in the page */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { benchDir, distDir, ensureCacheDir, rootDir } from './lib/paths.mjs';

const CARD_NUMBER = '4507990000000002';
/** As Lighthouse's mobile profile: a 4× slower CPU, closer to the phones most shoppers pay with. */
export const CPU_THROTTLING = 4;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** One copy of React for the whole page (react-payment-inputs lives in bench/node_modules). */
const rootReact = {
  name: 'root-react',
  setup(build) {
    build.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) =>
      args.pluginData === 'root-react'
        ? undefined
        : build.resolve(args.path, { kind: args.kind, resolveDir: rootDir, pluginData: 'root-react' }),
    );
    build.onResolve({ filter: /^yuno-react$/ }, () => ({ path: join(distDir, 'index.js') }));
  },
};

/**
 * Production React and production code paths, left unminified so that a CPU profile names functions and modules
 * (esbuild heads each module with a `// path` comment). Minifying changes the bytes, not the work done per keystroke.
 */
async function buildPage() {
  const result = await esbuild.build({
    entryPoints: [join(benchDir, 'keystroke', 'page.tsx')],
    absWorkingDir: rootDir,
    bundle: true,
    minify: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [rootReact],
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0].text;
  writeFileSync(join(ensureCacheDir('keystroke'), 'page.js'), js);
  return js;
}

/** The module (package, or yuno-react's dist) each line of the page bundle belongs to, from esbuild's comments. */
function moduleIndex(js) {
  const starts = [];
  js.split('\n').forEach((line, index) => {
    const match = /^\/\/ (\S+\.(?:m?js|cjs|tsx?))$/.exec(line);
    if (match) starts.push({ line: index, module: match[1] });
  });
  return (line) => {
    let found = 'page';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

const ownerOfModule = (path) => {
  const nm = path.lastIndexOf('node_modules/');
  if (nm < 0) return path.startsWith('dist/') ? 'yuno-react' : path;
  const [scope, name] = path.slice(nm + 'node_modules/'.length).split('/');
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
};

/** Adds a CDP CPU profile's self time, by function and by package, to `into`. */
function addProfile(into, profile, moduleOf) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const { callFrame } = nodes.get(id);
    const native = !callFrame.url;
    // Only the page's JavaScript (and the garbage collector it keeps busy): the browser's own work and the idle time
    // between keystrokes are the same for both sides.
    if (native && callFrame.functionName !== '(garbage collector)') return;
    const owner = native ? callFrame.functionName : ownerOfModule(moduleOf(callFrame.lineNumber));
    const fn = native ? callFrame.functionName : `${callFrame.functionName || '(anonymous)'} (${owner})`;
    into.busy += micros;
    into.byFunction.set(fn, (into.byFunction.get(fn) ?? 0) + micros);
    into.byPackage.set(owner, (into.byPackage.get(owner) ?? 0) + micros);
  });
  return into;
}

const emptyProfile = () => ({ busy: 0, byFunction: new Map(), byPackage: new Map() });

/** Shares of the page's busy JavaScript time. */
function summarizeProfile({ busy, byFunction, byPackage }) {
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({ name, share: busy ? micros / busy : 0 }));
  return { busyMs: busy / 1000, functions: top(byFunction, 10), packages: top(byPackage, 8) };
}

async function startServer(js) {
  const { createYunoRouteHandlers, createYunoServerClient, toNodeHandler } = await import(
    pathToFileURL(join(distDir, 'server.js')).href
  );
  const { createYunoSandbox } = await import(pathToFileURL(join(distDir, 'sandbox.js')).href);
  const sandbox = createYunoSandbox();
  const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  let seq = 0;
  const handlers = createYunoRouteHandlers({
    client: yuno,
    serverTokenization: true,
    onError: (error) => console.error('keystroke page: a merchant route failed:', error),
    resolveCheckout: () => {
      seq += 1;
      return {
        merchantOrderId: `keystroke-${seq}`,
        description: 'Two coffees',
        country: 'US',
        amount: { currency: 'USD', value: 25 },
      };
    },
  });
  const routes = toNodeHandler(handlers.handle);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>keystroke bench</title></head>
<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  // Cross-origin isolation gives performance.now() its fine (5 µs) resolution.
  const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/yuno/')) return void routes(req, res);
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolation });
      return void res.end(html);
    }
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...isolation });
      return void res.end(js);
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const SIDES = ['yuno-react', 'react-payment-inputs'];

function summarize(samples, typed) {
  const sides = {};
  for (const side of SIDES) {
    const mine = samples.filter((s) => s.side === side);
    const of = (key) => mine.map((s) => s[key]);
    sides[side] = {
      keystrokes: mine.length,
      medianMs: median(of('total')),
      p90Ms: percentile(of('total'), 90),
      handlersMedianMs: median(of('handlers')),
      layoutMedianMs: median(of('layout')),
      frameMedianMs: median(of('frame')),
      digitsTyped: typed[side],
    };
  }
  return {
    sides,
    ratio: sides['yuno-react'].medianMs / sides['react-payment-inputs'].medianMs,
    handlersRatio: sides['yuno-react'].handlersMedianMs / sides['react-payment-inputs'].handlersMedianMs,
  };
}

/**
 * Types the 16-digit number into each side, `rounds` times per pass, alternating which side goes first. Two passes:
 * `first`, both forms mounted afresh before every round, so the number is typed once into a field never left
 * (react-hook-form, mode onTouched, does not validate yet); `again`, the number typed again after the field was left
 * once (react-hook-form then validates on every change; react-payment-inputs always does). Returns
 * per pass the medians (ms) and their ratio, and where yuno-react's keystroke JavaScript goes (CPU profile).
 */
export async function measureKeystrokes({ rounds = 16, profileRounds = 2, executablePath = '/usr/bin/chromium' } = {}) {
  const { chromium } = await import('playwright-core');
  const js = await buildPage();
  const moduleOf = moduleIndex(js);
  const server = await startServer(js);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const cdp = await context.newCDPSession(page);
    const sides = Object.fromEntries(
      SIDES.map((side) => [
        side,
        page.locator(`[data-bench-side="${side}"]`).getByLabel('Card number', { exact: true }),
      ]),
    );

    /** The number fields are there and the payment methods are listed (no render still to come while typing). */
    const ready = async () => {
      for (const [side, locator] of Object.entries(sides)) {
        await locator.waitFor({ timeout: 30_000 }).catch(async () => {
          const text = (await page.locator('body').innerText()).slice(0, 300);
          throw new Error(
            `no card number field for ${side} (page: ${JSON.stringify(text)}; errors: ${errors.join('; ')})`,
          );
        });
      }
      await page.locator('[data-bench-side="yuno-react"] [role="radio"]').first().waitFor({ timeout: 30_000 });
    };
    const load = async () => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
      await page.goto(server.url);
      await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, null, { timeout: 30_000 });
      const pageError = await page.evaluate(() => window.__bench.error);
      if (pageError) throw new Error(`the page failed: ${pageError}`);
      await ready();
    };
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const typeNumber = async (side, record) => {
      await page.evaluate(() => (window.__bench.recording = false));
      await sides[side].click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await settle();
      await page.evaluate((on) => (window.__bench.recording = on), record);
      for (const digit of CARD_NUMBER) {
        await page.keyboard.press(digit);
        await settle();
      }
      await page.evaluate(() => (window.__bench.recording = false));
    };
    const orderOf = (round) => (round % 2 ? [...SIDES].reverse() : SIDES);
    const takeSamples = () =>
      page.evaluate(() => {
        const taken = window.__bench.samples;
        window.__bench.samples = [];
        return taken;
      });
    const typedDigits = async () =>
      Object.fromEntries(
        await Promise.all(
          SIDES.map(async (side) => [side, (await sides[side].inputValue()).replace(/\D/g, '').length]),
        ),
      );

    /** Both forms mounted afresh: fields untouched, nothing typed, the list loaded. */
    const remount = async () => {
      const next = await page.evaluate(() => {
        window.__bench.remount();
        return window.__bench.generation + 1;
      });
      await page.waitForFunction((n) => window.__bench.generation === n, next);
      await ready();
    };

    const results = {};
    const profiles = {};
    await load();
    const isolated = await page.evaluate(() => window.crossOriginIsolated);
    // Warm-up (JIT, first renders), not recorded.
    for (const side of SIDES) await typeNumber(side, false);

    // first: the forms mounted afresh before every round, so the number field has never been left.
    let samples = [];
    for (let round = 0; round < rounds; round += 1) {
      await remount();
      for (const side of orderOf(round)) await typeNumber(side, true);
      samples.push(...(await takeSamples()));
    }
    results.first = summarize(samples, await typedDigits());

    // again: every field typed in and left once (not recorded) before the rounds.
    await remount();
    for (const side of SIDES) await typeNumber(side, false);
    samples = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const side of orderOf(round)) await typeNumber(side, true);
    }
    samples.push(...(await takeSamples()));
    results.again = summarize(samples, await typedDigits());

    // Where yuno-react's keystroke JavaScript goes, in each pass: a CPU profile of further rounds (not timed).
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const first = emptyProfile();
    for (let round = 0; round < profileRounds; round += 1) {
      await remount();
      await cdp.send('Profiler.start');
      await typeNumber('yuno-react', false);
      addProfile(first, (await cdp.send('Profiler.stop')).profile, moduleOf);
    }
    profiles.first = summarizeProfile(first);
    await typeNumber('react-payment-inputs', false); // leaves the yuno-react field
    const again = emptyProfile();
    await cdp.send('Profiler.start');
    for (let round = 0; round < profileRounds; round += 1) await typeNumber('yuno-react', false);
    addProfile(again, (await cdp.send('Profiler.stop')).profile, moduleOf);
    profiles.again = summarizeProfile(again);

    return {
      browserVersion: browser.version(),
      cpuThrottling: CPU_THROTTLING,
      crossOriginIsolated: isolated,
      rounds,
      profileRounds,
      passes: results,
      profiles,
      pageErrors: errors,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureKeystrokes(), null, 2));
}
