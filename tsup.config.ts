import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
  // One build per entry and no code splitting: nothing the server or sandbox entries bundle can end up in a chunk
  // that the browser entry loads.
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
      entry: { index: 'src/index.ts' },
      format: ['esm', 'cjs'],
      dts: true,
      platform: 'browser',
      // esbuild drops module-level directives; the banner puts 'use client' back on the browser entry only. With
      // `treeshake: false` tsup leaves the output to esbuild (which still removes unused code) instead of rollup,
      // which would strip the banner again.
      treeshake: false,
      banner: { js: "'use client';" },
      // The optional default theme ships as plain CSS: `import 'yuno-react/styles.css'`.
      onSuccess: async () => {
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
