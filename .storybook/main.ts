import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { yunoCatalogueSandbox } from './yunoSandboxServer';

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // public/mockServiceWorker.js: MSW's service worker, which answers the stories' requests from the sandbox.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Props tables and descriptions come from the components' TypeScript types and JSDoc.
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(config, options) {
    // The stories' Yuno: a sandbox server of the catalogue's own, on another origin than the pages (see
    // ./yunoSandboxServer.ts). Storybook's dev server (`npm start`) runs Vite as middleware on its own port.
    const storybookPort = (options as { port?: unknown }).port;
    config.plugins = [
      ...(config.plugins ?? []),
      yunoCatalogueSandbox(typeof storybookPort === 'number' ? [storybookPort] : []),
    ];
    // The stories import the package by its public names, as an application would.
    config.resolve ??= {};
    const existing = config.resolve.alias ?? [];
    config.resolve.alias = [
      ...(Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement: String(replacement) }))),
      { find: /^yuno-react\/server$/, replacement: src('server.ts') },
      { find: /^yuno-react\/sandbox\/msw$/, replacement: src('sandbox-msw.ts') },
      { find: /^yuno-react\/sandbox$/, replacement: src('sandbox.ts') },
      { find: /^yuno-react\/core$/, replacement: src('core-entry.ts') },
      { find: /^yuno-react\/card$/, replacement: src('card/index.ts') },
      { find: /^yuno-react$/, replacement: src('index.ts') },
    ];
    // Pre-bundled up front: a dependency found halfway through a test run would make Vite reload the page.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        '@hookform/resolvers/zod',
        '@radix-ui/react-slot',
        '@tanstack/react-query',
        'credit-card-type',
        'react-hook-form',
        'uqr',
        'zod/mini',
      ],
    };
    return config;
  },
};

export default config;
