// The catalogue's sandbox server: one server, a sandbox of its own per story. Runs in a worker thread
// (./catalogueSandboxWorker.mjs) that the Vite plugin in ./main.ts starts.
import type * as SandboxModule from '../src/sandbox';
import type { SandboxPaymentMethodConfig, YunoSandbox, YunoSandboxServer } from '../src/sandbox';

/** The port the catalogue's sandbox server tries first; a free one is taken when it is in use. */
export const CATALOGUE_SANDBOX_PORT = 6010;

/** How many story sandboxes the server keeps; the oldest is dropped beyond it. */
const STORY_LIMIT = 200;

const STORY_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.localhost(?::\d+)?$/i;

/**
 * Starts the sandbox server the stories talk to, on 127.0.0.1: port 6010, or a free one when that
 * is taken. One server for every story, and a sandbox of its own for each story at `http://{story}.localhost:{port}`
 * (a browser resolves every `*.localhost` to loopback): `POST /_sandbox/story` on that origin creates it (with the
 * story's catalogue of payment methods), and then Yuno's API, the Web SDK stand-in's routes, its pages and frames, and
 * the control routes answer there for that story only, so stories shown together on a docs page, or run one after
 * another by the tests, never see each other's payments or faults. The bare origin is a sandbox of its own.
 *
 * The pages of `pageOrigins` (the catalogue's) may drive the control routes: they are the server's
 * `controlCorsOrigins`. `sandbox` is `yuno-react/sandbox`, loaded from its TypeScript source by the caller.
 */
export async function startCatalogueSandbox(
  { createYunoSandbox, startYunoSandboxServer }: typeof SandboxModule,
  pageOrigins: readonly string[],
): Promise<YunoSandboxServer> {
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
        get: (_, key) => (key === 'handle' ? handle : Reflect.get(own.bare as YunoSandbox, key)),
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
}
