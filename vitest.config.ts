import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS as chromiumArgs, CHROMIUM_PATH as chromium } from './scripts/chromium.mjs';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^yuno-react\/server$/, replacement: src('server.ts') },
      { find: /^yuno-react\/sandbox\/msw$/, replacement: src('sandbox-msw.ts') },
      { find: /^yuno-react\/sandbox$/, replacement: src('sandbox.ts') },
      { find: /^yuno-react\/testing$/, replacement: src('testing.ts') },
      { find: /^yuno-react\/core$/, replacement: src('core-entry.ts') },
      { find: /^yuno-react\/card$/, replacement: src('card/index.ts') },
      { find: /^yuno-react$/, replacement: src('index.ts') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
          environment: 'node',
          testTimeout: 15_000,
        },
      },
      {
        // Every story of the catalogue (stories/**) as a test in Chromium: it renders, its play function passes, and
        // axe finds no violation (a11y.test = 'error' in .storybook/preview.tsx).
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          // One page for every story file: each story builds its own stack anyway, and loading the preview (React, the
          // sandbox, MSW's worker) once instead of once per file halves the run.
          isolate: false,
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromium, args: chromiumArgs },
              // The copy buttons of the PIX and voucher stories write to the clipboard, as a shopper's click would.
              contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
