// Checks the built browser entries (yuno-react, yuno-react/core and yuno-react/card: dist/{index,core,card}.{js,cjs}
// and every file they load, shared chunks included) for server-only code: the private key header, Node built-ins, and
// anything from the server or sandbox entries. Also checks that 'use client' heads the React entry only, and that the
// browser entries share one copy of their code (YunoError from yuno-react is YunoError from yuno-react/core).
// Run after `npm run build`. Prints one TAP-like line per check and exits non-zero when one fails.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// The React entry ('use client') first, then the React-free ones.
const REACT_ENTRIES = ['index.js', 'index.cjs'];
const BROWSER_ENTRIES = [...REACT_ENTRIES, 'core.js', 'core.cjs', 'card.js', 'card.cjs'];
const OTHER_ENTRIES = ['server.js', 'server.cjs', 'sandbox.js', 'sandbox.cjs'];
// Names that exist only in server or sandbox code; more are read from the built server and sandbox entries below.
const KNOWN_SERVER_ONLY_NAMES = [
  'createYunoServerClient',
  'createYunoSandbox',
  'startYunoSandboxServer',
  'createSandboxMswHandlers',
  'createSandboxWebSdk',
  'SANDBOX_PRIVATE_SECRET_KEY',
];
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

let failures = 0;
function report(ok, description, details = []) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${description}`);
  for (const line of details) console.log(`  # ${line}`);
  if (!ok) failures += 1;
}

const rel = (file) => relative(root, file);

/** Every module specifier a built file loads: static and dynamic imports, re-exports and require calls. */
function specifiersOf(code) {
  const patterns = [
    /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = new Set();
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The files reachable from `entries` through relative imports, with each file's bare and node imports. */
function walk(entries) {
  const files = new Map();
  const queue = entries.map((entry) => join(dist, entry));
  while (queue.length > 0) {
    const file = queue.shift();
    if (files.has(file)) continue;
    const code = readFileSync(file, 'utf8');
    const bare = [];
    files.set(file, { code, bare });
    for (const specifier of specifiersOf(code)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(dirname(file), specifier);
        const candidates = [target, `${target}.js`, `${target}.cjs`, `${target}.mjs`, join(target, 'index.js')];
        const hit = candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
        if (hit) queue.push(hit);
        else bare.push(specifier);
      } else {
        bare.push(specifier);
      }
    }
  }
  return files;
}

/** Names a built ESM or CJS entry exports (`export { a, b as c }` / `__export(x, { a: () => a })`). */
function exportedNames(code) {
  const names = new Set();
  for (const match of code.matchAll(/\bexport\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const match of code.matchAll(/__export\(\w+,\s*\{([^}]*)\}/g)) {
    for (const part of match[1].matchAll(/([\w$]+)\s*:\s*\(\)\s*=>\s*([\w$]+)/g)) names.add(part[2]);
  }
  return names;
}

/** Top-level names a built entry declares in the modules it bundled from src/server, src/sandbox and src/bin. */
function serverOnlyDeclarations(code) {
  const names = new Set();
  let inServerCode = false;
  for (const line of code.split('\n')) {
    const section = /^\/\/ (src\/\S+)$/.exec(line);
    if (section) inServerCode = /^src\/(server|sandbox|bin)[/.]/.test(section[1]);
    if (!inServerCode) continue;
    const declaration = /^(?:export\s+)?(?:async\s+)?(?:function\*?|class|var|let|const)\s+([\w$]+)/.exec(line);
    if (declaration) names.add(declaration[1]);
  }
  return names;
}

const missing = [...BROWSER_ENTRIES, ...OTHER_ENTRIES].filter((entry) => !existsSync(join(dist, entry)));
report(
  missing.length === 0,
  'dist holds the built entries (run `npm run build` first)',
  missing.map((entry) => `missing dist/${entry}`),
);
if (missing.some((entry) => BROWSER_ENTRIES.includes(entry))) {
  process.exit(1);
}

const browserFiles = walk(BROWSER_ENTRIES);
const otherEntries = OTHER_ENTRIES.filter((entry) => existsSync(join(dist, entry)));
const otherFiles = walk(otherEntries);
console.log(`# the browser entries load ${browserFiles.size} file(s): ${[...browserFiles.keys()].map(rel).join(', ')}`);

{
  const hits = [...browserFiles].filter(([, { code }]) => code.includes('private-secret-key')).map(([f]) => rel(f));
  report(hits.length === 0, 'no browser file contains `private-secret-key`', hits);
}

{
  const hits = [];
  for (const [file, { code, bare }] of browserFiles) {
    for (const specifier of bare) {
      const name = specifier.replace(/^node:/, '').split('/')[0];
      if (specifier.startsWith('node:') || NODE_BUILTINS.has(name)) hits.push(`${rel(file)} imports ${specifier}`);
    }
    if (/["']node:[\w/]+["']/.test(code) && !hits.some((hit) => hit.startsWith(rel(file)))) {
      hits.push(`${rel(file)} mentions a node: module`);
    }
  }
  report(hits.length === 0, 'no browser file imports a Node built-in (`node:*`)', hits);
}

{
  const entryFiles = new Set(
    [...OTHER_ENTRIES, ...readdirSync(dist, { recursive: true }).filter((f) => String(f).startsWith('bin'))].map(
      (entry) => join(dist, String(entry)),
    ),
  );
  const hits = [...browserFiles.keys()].filter((file) => entryFiles.has(file)).map(rel);
  const shared = [...browserFiles.keys()].filter((file) => otherFiles.has(file) && !entryFiles.has(file)).map(rel);
  report(hits.length === 0, 'the browser entries load no server, sandbox or bin entry file', hits);
  report(
    shared.length === 0,
    'the browser entries share no chunk with the server or sandbox entries',
    shared.map((file) => `${file} is loaded by both`),
  );
}

{
  // esbuild (unminified) heads each bundled module with a `// src/<path>` comment.
  const hits = [];
  for (const [file, { code }] of browserFiles) {
    for (const match of code.matchAll(/^\/\/ (src\/(?:server|sandbox|bin)\/\S+|src\/(?:server|sandbox)\.ts)$/gm)) {
      hits.push(`${rel(file)} bundles ${match[1]}`);
    }
  }
  report(hits.length === 0, 'no browser file bundles a module from src/server, src/sandbox or src/bin', hits);
}

{
  // The public names of the server and sandbox entries that their own modules declare (core re-exports excluded).
  const serverOnly = new Set(KNOWN_SERVER_ONLY_NAMES);
  for (const [, { code }] of otherFiles) {
    const exported = exportedNames(code);
    for (const name of serverOnlyDeclarations(code)) if (exported.has(name)) serverOnly.add(name);
  }
  console.log(`# server and sandbox names: ${[...serverOnly].sort().join(', ')}`);
  const hits = [];
  for (const [file, { code }] of browserFiles) {
    for (const name of serverOnly) {
      if (new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code)) {
        hits.push(`${rel(file)} contains ${name}`);
      }
    }
  }
  report(
    hits.length === 0,
    `no browser file contains a name declared in server or sandbox code (${serverOnly.size} names checked)`,
    hits,
  );
}

{
  const startsWithUseClient = (code) => /^['"]use client['"];/.test(code);
  const without = REACT_ENTRIES.filter((entry) => !startsWithUseClient(browserFiles.get(join(dist, entry)).code));
  report(without.length === 0, "the React entry files start with 'use client'", without);
  // Server components import yuno-react/core and yuno-react/card: neither they nor a chunk they load may be client code.
  const reactEntryFiles = new Set(REACT_ENTRIES.map((entry) => join(dist, entry)));
  const marked = [...browserFiles]
    .filter(([file, { code }]) => !reactEntryFiles.has(file) && /^\s*['"]use client['"]/.test(code))
    .map(([file]) => rel(file));
  report(
    marked.length === 0,
    "no other browser file (yuno-react/core, yuno-react/card, shared chunks) starts with 'use client'",
    marked,
  );
  const server = ['server.js', 'server.cjs', 'sandbox.js', 'sandbox.cjs']
    .filter((entry) => existsSync(join(dist, entry)))
    .filter((entry) => /^['"]use client['"]/.test(readFileSync(join(dist, entry), 'utf8')));
  report(server.length === 0, "the server and sandbox entries do not start with 'use client'", server);
}

{
  // One copy of the code: the same class and functions whichever browser entry they come from, in ESM and in CJS.
  const require = createRequire(join(root, 'package.json'));
  const load = {
    esm: (entry) => import(pathToFileURL(join(dist, `${entry}.js`)).href),
    cjs: async (entry) => require(join(dist, `${entry}.cjs`)),
  };
  for (const [format, loadEntry] of Object.entries(load)) {
    const details = [];
    try {
      const [react, core, card] = await Promise.all(['index', 'core', 'card'].map(loadEntry));
      const same = (name, a, b, what) => {
        if (typeof a[name] !== 'function' || a[name] !== b[name]) details.push(`${name} differs between ${what}`);
      };
      for (const name of ['YunoError', 'isYunoError', 'createYunoBrowserClient', 'createYunoSdkTokenizer']) {
        same(name, react, core, 'yuno-react and yuno-react/core');
      }
      const error = new react.YunoError({ kind: 'network', message: 'offline' });
      if (!(error instanceof core.YunoError) || !core.isYunoError(error)) {
        details.push('a YunoError of yuno-react is not a YunoError of yuno-react/core');
      }
      if (typeof card.detectCardBrand !== 'function') details.push('yuno-react/card has no detectCardBrand');
      // The card utilities the React entry's <CardForm> uses are those yuno-react/card exports: one chunk holds them.
      const cardChunks = [...browserFiles.keys()].filter(
        (file) =>
          file.endsWith(format === 'esm' ? '.js' : '.cjs') && /^\/\/ src\/card\//m.test(browserFiles.get(file).code),
      );
      if (cardChunks.length !== 1) {
        details.push(`src/card is bundled in ${cardChunks.length} ${format} files: ${cardChunks.map(rel).join(', ')}`);
      }
    } catch (error) {
      details.push(`loading the ${format} entries failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    report(details.length === 0, `the browser entries share one copy of their code (${format})`, details);
  }
}

if (failures > 0) {
  console.log(`# ${failures} check(s) failed`);
  process.exit(1);
}
