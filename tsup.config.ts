import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as PackageJson;

// Every dependency and peer stays an import (`react`, `react/jsx-runtime`, `zod/mini`, `msw/core/http`, …).
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].map(
  (name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/.*)?$`),
);

const binEntry = 'src/bin/yuno-sandbox.ts';
const binHasShebang = (() => {
  try {
    return readFileSync(binEntry, 'utf8').startsWith('#!');
  } catch {
    return false;
  }
})();

const shared: Options = {
  target: 'es2022',
  external,
  // No code splitting across builds: the server, sandbox and browser builds are separate, so nothing the server or
  // sandbox entries bundle can end up in a chunk that a browser entry loads.
  splitting: false,
  sourcemap: false,
  clean: false,
  outDir: 'dist',
  // Keep `node:http` as written instead of rewriting it to `http`.
  removeNodeProtocol: false,
};

export default defineConfig((options): Options[] => {
  // The builds below run in parallel, so `clean: true` on any of them could delete another one's output.
  if (!options.watch) rmSync('dist', { recursive: true, force: true });

  return [
    {
      ...shared,
      name: 'browser',
      // The three browser entries are one build: what they have in common is in shared chunks (dist/chunk-*), so a
      // class such as YunoError is one class whichever entry it is imported from. For CJS too (tsup's cjs splitting).
      // Only browser code is in this build, so no chunk can hold server or sandbox code.
      entry: { index: 'src/index.ts', core: 'src/core-entry.ts', card: 'src/card/index.ts' },
      format: ['esm', 'cjs'],
      splitting: true,
      dts: true,
      platform: 'browser',
      // esbuild drops module-level directives, and a banner would go on every file, shared chunks included. With
      // `treeshake: false` tsup leaves the output to esbuild (which still removes unused code) instead of rollup.
      treeshake: false,
      onSuccess: async () => {
        // 'use client' goes on the React entry only: server components may import yuno-react/core and yuno-react/card.
        for (const file of ['dist/index.js', 'dist/index.cjs']) {
          const code = readFileSync(file, 'utf8');
          if (!code.startsWith("'use client';")) writeFileSync(file, `'use client';\n${code}`);
        }
        // The optional default theme ships as plain CSS: `import 'yuno-react/styles.css'`.
        mkdirSync('dist', { recursive: true });
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
    {
      ...shared,
      name: 'server',
      entry: { server: 'src/server.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      platform: 'node',
    },
    {
      ...shared,
      name: 'sandbox',
      entry: { sandbox: 'src/sandbox.ts', 'sandbox-msw': 'src/sandbox-msw.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      platform: 'node',
    },
    {
      ...shared,
      // The test kit, for merchants' own tests: Playwright and Testing Library helpers typed by shape (no dependency).
      name: 'testing',
      entry: { testing: 'src/testing.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      platform: 'node',
    },
    {
      ...shared,
      name: 'bin',
      entry: { 'bin/yuno-sandbox': binEntry },
      format: ['esm'],
      dts: false,
      platform: 'node',
      target: 'node20',
      // tsup marks an output that starts with a shebang as executable.
      banner: binHasShebang ? undefined : { js: '#!/usr/bin/env node' },
    },
  ];
});
