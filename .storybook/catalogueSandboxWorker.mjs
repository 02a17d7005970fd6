// The worker thread the catalogue's sandbox server runs in (started by the Vite plugin in ./main.ts). It loads the
// TypeScript source through a Vite server of its own (no HTTP, no config file: the bundler's resolution of the
// source's extensionless imports), starts the server (./catalogueSandbox.ts) and posts its URL. Terminating the worker
// ends everything the sandbox holds, timers included (a latency fault of ten minutes, say).
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { createServer } from 'vite';

const loader = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const load = (path) => loader.ssrLoadModule(fileURLToPath(new URL(path, import.meta.url)));
  const [sandbox, { startCatalogueSandbox }] = await Promise.all([
    load('../src/sandbox.ts'),
    load('./catalogueSandbox.ts'),
  ]);
  const server = await startCatalogueSandbox(sandbox, workerData.pageOrigins);
  parentPort.postMessage({ url: server.url });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
