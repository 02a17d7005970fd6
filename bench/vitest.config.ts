// The jsdom measurements (requests counted at the sandbox, React Profiler commits). Run by bench/run.mjs:
// `vitest run --config bench/vitest.config.ts`. Same aliases as the repository's tests: the package by its public names.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^yuno-react\/server$/, replacement: src('server.ts') },
      { find: /^yuno-react\/sandbox$/, replacement: src('sandbox.ts') },
      { find: /^yuno-react\/core$/, replacement: src('core-entry.ts') },
      { find: /^yuno-react\/card$/, replacement: src('card/index.ts') },
      { find: /^yuno-react$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['bench/jsdom/**/*.test.tsx'],
    environment: 'jsdom',
    testTimeout: 60_000,
    // One file at a time: the measurements must not compete for the two cores.
    fileParallelism: false,
  },
});
