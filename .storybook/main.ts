/// <reference types="vitest/config" />
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin, ViteDevServer } from 'vite';

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // public/mockServiceWorker.js: MSW's service worker, which answers the merchant's routes in the page.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Props tables and descriptions come from the components' TypeScript types and JSDoc.
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal(config, options) {
    // The stories' Yuno: a sandbox server of the catalogue's own, on another origin than the pages (see
    // yunoCatalogueSandbox below). Storybook's dev server (`npm start`) runs Vite as middleware on its own port.
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
        'storybook/actions',
        'uqr',
        'zod/mini',
      ],
      // Imported by the play functions under Vitest only (stories/support/play.ts), where Vitest serves it; in the
      // Storybook UI it is never loaded, and pre-bundling it on discovery would reload the page.
      exclude: [...(config.optimizeDeps?.exclude ?? []), 'vitest/browser'],
    };
    return config;
  },
};

export default config;

// The catalogue's own Yuno sandbox server (./catalogueSandbox.ts), started by the Vite server that serves the stories
// (`npm start`, and the storybook project of `npm run test:stories`).

/** The module the preview imports the server's URL from (`stories/support/storyStack.ts`). */
const VIRTUAL_ID = 'virtual:yuno-catalogue-sandbox';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

let running: { worker: Worker; url: Promise<string> } | undefined;

/**
 * Starts (once per process) the catalogue's sandbox server (./catalogueSandbox.ts: 127.0.0.1, port 6010 or a free
 * one, a sandbox of its own per story at `http://{story}.localhost:{port}`) in a worker thread, and gives its URL. The
 * pages of `pageOrigins` may drive its control routes.
 */
export function startCatalogueSandboxServer(pageOrigins: readonly string[]): Promise<string> {
  if (running) return running.url;
  const worker = new Worker(new URL('./catalogueSandboxWorker.mjs', import.meta.url), {
    workerData: { pageOrigins: [...pageOrigins] },
  });
  const url = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url?: string; error?: string }) => {
      if (message.url) resolve(message.url);
      else reject(new Error(`The catalogue's sandbox server did not start: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The catalogue's sandbox server stopped (exit code ${code})`)));
  });
  running = { worker, url };
  return url;
}

/** Stops the catalogue's sandbox server if it runs: its worker ends, and with it every request and timer it held. */
export async function stopCatalogueSandboxServer(): Promise<void> {
  const stopping = running;
  running = undefined;
  if (stopping) await stopping.worker.terminate();
}

/** Every loopback spelling of a port's origin. */
function loopbackOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/**
 * The Vite plugin that runs the catalogue's sandbox server next to a dev server and hands its URL to the preview as
 * `import { sandboxUrl } from 'virtual:yuno-catalogue-sandbox'`. The server starts when the preview first asks for
 * that module (the dev server is listening by then, so its port is known) and stops with the dev server. A static
 * build (`npm run build-storybook`) has no server: there `sandboxUrl` is `null` and every story says so.
 *
 * @param pagePorts Ports the catalogue's pages are served on besides the dev server's own (Storybook's port, whose
 *   Vite runs as middleware).
 */
export function yunoCatalogueSandbox(pagePorts: readonly number[] = []): Plugin {
  let dev: ViteDevServer | undefined;
  return {
    name: 'yuno-catalogue-sandbox',
    configureServer(server) {
      dev = server;
      server.httpServer?.once('close', () => void stopCatalogueSandboxServer());
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (!dev) return 'export const sandboxUrl = null;\n';
      const address = dev.httpServer?.address() as AddressInfo | string | null | undefined;
      const ports = new Set(pagePorts);
      if (address && typeof address === 'object') ports.add(address.port);
      const url = await startCatalogueSandboxServer([...ports].flatMap(loopbackOrigins));
      return `export const sandboxUrl = ${JSON.stringify(url)};\n`;
    },
    async closeBundle() {
      await stopCatalogueSandboxServer();
    },
    // `npm run test:stories`: stopped with Vitest, which does not close its browser server's plugins on its own.
    configureVitest({ vitest }) {
      vitest.onClose(() => stopCatalogueSandboxServer());
    },
  };
}
