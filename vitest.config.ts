import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^yuno-react\/server$/, replacement: src('server.ts') },
      { find: /^yuno-react\/sandbox$/, replacement: src('sandbox.ts') },
      { find: /^yuno-react$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    environment: 'node',
    testTimeout: 15_000,
  },
});
