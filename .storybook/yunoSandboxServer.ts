// The catalogue's own Yuno sandbox server, started by the Vite server that serves the stories (`npm start`, and the
// storybook project of `npm run test:stories`). Node side only: loaded by .storybook/main.ts.
/// <reference types="vitest/config" />
import type { AddressInfo } from 'node:net';
import type { Plugin, ViteDevServer } from 'vite';
import { Worker } from 'node:worker_threads';

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
