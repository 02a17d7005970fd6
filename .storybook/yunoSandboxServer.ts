// The catalogue's own Yuno sandbox server, started by the Vite server that serves the stories (`npm start`, and the
// storybook project of `npm run test:stories`). Node side only: loaded by .storybook/main.ts.
/// <reference types="vitest/config" />
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import type * as SandboxModule from '../src/sandbox';
import type { SandboxPaymentMethodConfig, YunoSandbox, YunoSandboxServer } from '../src/sandbox';

/** The port the catalogue's sandbox server tries first; a free one is taken when it is in use. */
export const CATALOGUE_SANDBOX_PORT = 6010;

/** The module the preview imports the server's URL from (`stories/support/storyStack.ts`). */
const VIRTUAL_ID = 'virtual:yuno-catalogue-sandbox';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** How many story sandboxes the server keeps; the oldest is dropped beyond it. */
const STORY_LIMIT = 200;

const STORY_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.localhost(?::\d+)?$/i;

let running: Promise<YunoSandboxServer> | undefined;

/**
 * Starts (once per process) the sandbox server the stories talk to, on 127.0.0.1: port 6010, or a free one when that
 * is taken. One server for every story, and a sandbox of its own for each story at `http://{story}.localhost:{port}`
 * (a browser resolves every `*.localhost` to loopback): `POST /_sandbox/story` on that origin creates it (with the
 * story's catalogue of payment methods), and then Yuno's API, the Web SDK stand-in's routes, its pages and frames, and
 * the control routes answer there for that story only, so stories shown together on a docs page, or run one after
 * another by the tests, never see each other's payments or faults. The bare origin is a sandbox of its own.
 *
 * The pages of `pageOrigins` (the catalogue's) may drive the control routes: they are the server's
 * `controlCorsOrigins`. `loadSandbox` gives `yuno-react/sandbox` from its TypeScript source.
 */
export function startCatalogueSandboxServer(
  pageOrigins: readonly string[],
  loadSandbox: () => Promise<typeof SandboxModule>,
): Promise<YunoSandboxServer> {
  running ??= (async () => {
    const { createYunoSandbox, startYunoSandboxServer } = await loadSandbox();
    const stories = new Map<string, YunoSandbox>();
    // Known once the server listens, which is before it accepts a request.
    const own: { port: number; bare?: YunoSandbox } = { port: 0 };

    const createStory = async (label: string, request: Request): Promise<Response> => {
      const body = (await request.json().catch(() => null)) as { paymentMethods?: unknown } | null;
      const catalogue = body?.paymentMethods;
      if (body === null || (catalogue !== undefined && !Array.isArray(catalogue))) {
        return Response.json(
          { code: 'INVALID_REQUEST', messages: ['Send { "paymentMethods"?: [...] } as JSON'] },
          { status: 400 },
        );
      }
      const methods = catalogue as SandboxPaymentMethodConfig[] | undefined;
      const baseUrl = `http://${label}.localhost:${own.port}`;
      stories.delete(label);
      stories.set(label, createYunoSandbox({ baseUrl, ...(methods ? { paymentMethods: () => methods } : {}) }));
      for (const oldest of stories.keys()) {
        if (stories.size <= STORY_LIMIT) break;
        stories.delete(oldest);
      }
      return Response.json({ baseUrl }, { status: 201 });
    };

    const handle = async (request: Request): Promise<Response> => {
      const story = STORY_HOST.exec(request.headers.get('host') ?? '')?.[1]?.toLowerCase();
      if (story === undefined) return (own.bare as YunoSandbox).handle(request);
      const { pathname } = new URL(request.url);
      if (pathname === '/_sandbox/story' && request.method === 'POST') return createStory(story, request);
      const sandbox = stories.get(story);
      if (!sandbox) {
        return Response.json(
          { code: 'NOT_FOUND', messages: [`No story sandbox at ${story}.localhost: POST /_sandbox/story creates it`] },
          { status: 404 },
        );
      }
      return sandbox.handle(request);
    };

    const start = (listen: number) =>
      startYunoSandboxServer({
        port: listen,
        host: '127.0.0.1',
        controlCorsOrigins: [...pageOrigins],
        // Only `handle` is served; the rest is the bare origin's sandbox.
        sandbox: new Proxy({} as YunoSandbox, {
          get: (_, key) => (key === 'handle' ? handle : Reflect.get(bare as YunoSandbox, key)),
        }),
      });
    let server: YunoSandboxServer;
    try {
      server = await start(CATALOGUE_SANDBOX_PORT);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      server = await start(0);
    }
    own.port = server.port;
    own.bare = createYunoSandbox({ baseUrl: server.url });
    return server;
  })();
  return running;
}

let loader: Promise<ViteDevServer> | undefined;

/**
 * `yuno-react/sandbox` from its TypeScript source, in this Node process: through a Vite server of its own (no HTTP,
 * no config file), which resolves the source's extensionless imports as the bundler does, and stays up while the
 * sandbox server runs (the sandbox loads `node:http` when it starts).
 */
async function loadSandboxSource(): Promise<typeof SandboxModule> {
  loader ??= createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const vite = await loader;
  return (await vite.ssrLoadModule(
    fileURLToPath(new URL('../src/sandbox.ts', import.meta.url)),
  )) as typeof SandboxModule;
}

/** Stops the catalogue's sandbox server if it runs. */
export async function stopCatalogueSandboxServer(): Promise<void> {
  const server = running;
  const vite = loader;
  running = undefined;
  loader = undefined;
  if (server) await (await server).close();
  if (vite) await (await vite).close();
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
      const server = await startCatalogueSandboxServer([...ports].flatMap(loopbackOrigins), loadSandboxSource);
      return `export const sandboxUrl = ${JSON.stringify(server.url)};\n`;
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
