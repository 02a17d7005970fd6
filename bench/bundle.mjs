// Bundle sizes: esbuild, minified, gzip (level 9), react and react-dom external, production mode.
// yuno-react is bundled from dist/ (what users install; build first); the other SDKs from bench/node_modules.
// Dynamic imports become separate chunks (as in any app bundler): "initial" is what the page loads up front,
// "lazy" what loads on first use.
import { writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { benchDir, distDir, ensureCacheDir, installedVersion, rootDir, rootPackage, srcDir } from './lib/paths.mjs';

const REACT = ['react', 'react-dom'];
const PEERS = Object.keys(rootPackage.peerDependencies ?? {}).filter((name) => !REACT.includes(name));
const DEPENDENCIES = Object.keys(rootPackage.dependencies ?? {});

/** The five names of a typical checkout page. */
export const TYPICAL_IMPORTS = [
  'YunoProvider',
  'usePaymentMethods',
  'useOneTimeToken',
  'PaymentMethodList',
  'CardForm',
];

const withSubpaths = (names) => names.flatMap((name) => [name, `${name}/*`]);

/** Every case measured. `from: 'dist'` resolves `yuno-react` to the built browser entry. */
export function bundleCases() {
  const typical = `export { ${TYPICAL_IMPORTS.join(', ')} } from 'yuno-react';`;
  return [
    {
      id: 'yuno-own',
      group: 'yuno-react',
      label: "yuno-react's own code (`import *`, every dependency and peer external)",
      code: "export * from 'yuno-react';",
      external: withSubpaths([...REACT, ...PEERS, ...DEPENDENCIES]),
    },
    {
      id: 'yuno-all',
      group: 'yuno-react',
      label: 'yuno-react `import *`, peers external',
      code: "export * from 'yuno-react';",
      external: withSubpaths([...REACT, ...PEERS]),
    },
    {
      id: 'yuno-own-typical',
      group: 'yuno-react',
      label: "yuno-react's own code in the typical import (every dependency and peer external)",
      code: typical,
      external: withSubpaths([...REACT, ...PEERS, ...DEPENDENCIES]),
      needs: TYPICAL_IMPORTS,
    },
    {
      id: 'yuno-typical',
      group: 'yuno-react',
      label: `yuno-react typical import (${TYPICAL_IMPORTS.join(', ')}), peers external`,
      code: typical,
      external: withSubpaths([...REACT, ...PEERS]),
      needs: TYPICAL_IMPORTS,
    },
    {
      id: 'yuno-app',
      versions: ['@tanstack/react-query', 'react-hook-form', 'zod'],
      group: 'yuno-react',
      label: `everything a React app adds: typical import with its peers bundled (${PEERS.filter((p) => p !== 'msw').join(', ')})`,
      code: typical,
      external: withSubpaths(REACT),
      needs: TYPICAL_IMPORTS,
    },
    {
      id: 'stripe',
      versions: ['@stripe/react-stripe-js', '@stripe/stripe-js'],
      group: 'peer SDK',
      label:
        '@stripe/react-stripe-js (Elements, PaymentElement, useStripe, useElements) + @stripe/stripe-js loadStripe',
      code: [
        "export { Elements, PaymentElement, useStripe, useElements } from '@stripe/react-stripe-js';",
        "export { loadStripe } from '@stripe/stripe-js';",
      ].join('\n'),
      external: withSubpaths(REACT),
    },
    {
      id: 'adyen',
      versions: ['@adyen/adyen-web'],
      group: 'peer SDK',
      label: '@adyen/adyen-web Core + Card (AdyenCheckout, Card)',
      code: "export { AdyenCheckout, Card } from '@adyen/adyen-web';",
      external: withSubpaths(REACT),
    },
    {
      id: 'paypal',
      versions: ['@paypal/react-paypal-js'],
      group: 'peer SDK',
      label: '@paypal/react-paypal-js (PayPalScriptProvider, PayPalButtons)',
      code: "export { PayPalScriptProvider, PayPalButtons } from '@paypal/react-paypal-js';",
      external: withSubpaths(REACT),
    },
    {
      id: 'square',
      versions: ['react-square-web-payments-sdk'],
      group: 'peer SDK',
      label: 'react-square-web-payments-sdk (PaymentForm, CreditCard)',
      code: "export { PaymentForm, CreditCard } from 'react-square-web-payments-sdk';",
      external: withSubpaths(REACT),
    },
    {
      id: 'react-payment-inputs',
      versions: ['react-payment-inputs'],
      group: 'reference',
      label: 'react-payment-inputs usePaymentInputs (inputs only, no tokenization)',
      code: "export { default as usePaymentInputs } from 'react-payment-inputs/es/usePaymentInputs.js';",
      external: withSubpaths(REACT),
    },
  ];
}

/** Resolves `yuno-react` to the built browser entry (or to src, for attributing bytes to source folders). */
function yunoReact(target) {
  return {
    name: 'yuno-react',
    setup(build) {
      build.onResolve({ filter: /^yuno-react$/ }, () => ({
        path: target === 'src' ? join(srcDir, 'index.ts') : join(distDir, 'index.js'),
      }));
    },
  };
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Which package (or, for yuno-react's sources, which src folder) an input of the metafile belongs to. */
export function ownerOf(input) {
  const path = input.split(sep).join('/');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  if (path.startsWith('dist/')) return 'yuno-react';
  if (path.startsWith('src/')) {
    // Message catalogues (en, es, pt) apart from the code, and components and schemas by family.
    if (/Messages\.ts$/.test(path)) return 'yuno-react message catalogues (en, es, pt)';
    const parts = path.split('/');
    if (parts[1] === 'components' || (parts[1] === 'core' && parts[2] === 'schemas')) {
      return `yuno-react src/${parts[1]}/${parts.length > 3 ? parts[2] : 'shared'}`;
    }
    return `yuno-react src/${parts.length > 2 ? parts[1] : parts[1]?.replace(/\.tsx?$/, '')}`;
  }
  return path;
}

function breakdown(metafile, outputName) {
  const owners = new Map();
  const inputs = metafile.outputs[outputName]?.inputs ?? {};
  let total = 0;
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (input.startsWith('bench/')) continue; // the generated entry
    const owner = ownerOf(input);
    owners.set(owner, (owners.get(owner) ?? 0) + bytesInOutput);
    total += bytesInOutput;
  }
  return [...owners.entries()]
    .map(([name, bytes]) => ({ name, bytes, share: total ? bytes / total : 0 }))
    .sort((a, b) => b.bytes - a.bytes);
}

async function buildCase(testCase, { target = 'dist', outdir } = {}) {
  const result = await esbuild.build({
    stdin: { contents: testCase.code, resolveDir: benchDir, sourcefile: `${testCase.id}.js`, loader: 'js' },
    absWorkingDir: rootDir,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: testCase.external,
    plugins: [yunoReact(target)],
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const outputName = (file) => relative(rootDir, file.path).split(sep).join('/');
  const entry = outputs.find((f) => result.metafile.outputs[outputName(f)]?.entryPoint);
  const lazy = outputs.filter((f) => f !== entry);
  return {
    metafile: result.metafile,
    entryName: entry ? outputName(entry) : undefined,
    min: entry?.contents.length ?? 0,
    gzip: entry ? gz(entry.contents) : 0,
    lazyMin: lazy.reduce((n, f) => n + f.contents.length, 0),
    lazyGzip: lazy.reduce((n, f) => n + gz(f.contents), 0),
    lazyChunks: lazy.length,
  };
}

/** Names the built browser entry exports (to report a case that cannot be built yet instead of failing the run). */
async function distExports() {
  const result = await esbuild.build({
    entryPoints: [join(distDir, 'index.js')],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
  });
  return new Set(Object.values(result.metafile.outputs).flatMap((o) => o.exports));
}

/** Measures every case. Returns `{ cases, sourceBreakdowns }`. */
export async function measureBundles() {
  const outdir = ensureCacheDir('bundles');
  const exported = await distExports();
  const cases = [];
  for (const testCase of bundleCases()) {
    const missing = (testCase.needs ?? []).filter((name) => !exported.has(name));
    if (missing.length) {
      cases.push({ ...testCase, error: `not exported from yuno-react yet: ${missing.join(', ')}` });
      continue;
    }
    try {
      const measured = await buildCase(testCase, { outdir: join(outdir, testCase.id) });
      writeFileSync(join(outdir, `${testCase.id}.meta.json`), JSON.stringify(measured.metafile));
      const { metafile, entryName, ...sizes } = measured;
      cases.push({ ...testCase, ...sizes, packages: breakdown(metafile, entryName).slice(0, 8) });
    } catch (error) {
      cases.push({ ...testCase, error: String(error?.message ?? error).split('\n')[0] });
    }
  }
  // yuno-react's bundles built again from src/, to attribute its bytes to source folders.
  const sourceBreakdowns = {};
  for (const id of ['yuno-own', 'yuno-app']) {
    const measured = cases.find((c) => c.id === id);
    const testCase = bundleCases().find((c) => c.id === id);
    if (!measured || measured.error) continue;
    const fromSrc = await buildCase(testCase, { target: 'src', outdir: join(outdir, `${id}-src`) });
    sourceBreakdowns[id] = breakdown(fromSrc.metafile, fromSrc.entryName).slice(0, 16);
  }
  return {
    cases: cases.map(({ code: _code, external: _external, versions, ...rest }) => ({
      ...rest,
      versions: (versions ?? []).map((name) => `${name}@${installedVersion(name) ?? '?'}`),
    })),
    sourceBreakdowns,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { cases, sourceBreakdowns } = await measureBundles();
  for (const c of cases) {
    console.log(
      c.error
        ? `${c.id}: ${c.error}`
        : `${c.id}: ${(c.gzip / 1000).toFixed(1)} kB gz (${(c.min / 1000).toFixed(1)} kB min), lazy ${(c.lazyGzip / 1000).toFixed(1)} kB gz`,
    );
    for (const p of c.packages ?? []) console.log(`    ${p.name} ${(p.share * 100).toFixed(1)}%`);
  }
  for (const [id, list] of Object.entries(sourceBreakdowns)) {
    for (const p of list) console.log(`  ${id} from src: ${p.name} ${(p.share * 100).toFixed(1)}%`);
  }
}
