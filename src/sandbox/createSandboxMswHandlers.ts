import { http, HttpResponse, type HttpHandler } from 'msw';
import type { YunoSandbox } from './types';

/**
 * Options of {@link createSandboxMswHandlers}.
 *
 * @example
 * ```ts
 * const handlers = createSandboxMswHandlers(sandbox, { baseUrl: 'https://api-sandbox.y.uno' });
 * ```
 */
export interface SandboxMswHandlersOptions {
  /**
   * The origin the handlers intercept, e.g. `'https://api-sandbox.y.uno'` to run code configured for Yuno's real sandbox
   * against this one. `'*'` intercepts `/v1/*` and `/_sandbox/*` on any origin.
   * @default sandbox.baseUrl
   */
  baseUrl?: string;
}

/**
 * MSW request handlers that answer Yuno's REST API (`/v1/*`) and the sandbox's own routes (`/_sandbox/*`) from an
 * in-memory sandbox, for `setupServer` (Node tests), `setupWorker` (browser, Storybook) and msw-storybook-addon.
 * A sandbox `network` fault becomes a network error, as a real outage would.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createYunoSandbox } from 'yuno-react/sandbox';
 * import { createSandboxMswHandlers } from 'yuno-react/sandbox/msw';
 *
 * const sandbox = createYunoSandbox();
 * const server = setupServer(...createSandboxMswHandlers(sandbox));
 * server.listen();
 * await fetch('http://localhost:4010/v1/customers', { method: 'POST', headers, body }); // answered by the sandbox
 * ```
 */
export function createSandboxMswHandlers(sandbox: YunoSandbox, options: SandboxMswHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? sandbox.baseUrl).replace(/\/+$/, '');
  const forward = async ({ request }: { request: Request }): Promise<Response> => {
    try {
      return await sandbox.handle(request);
    } catch {
      // The sandbox rejects only for its `network` and `timeout` faults; MSW turns a thrown error into a 500, whereas
      // a client must see the request fail.
      return HttpResponse.error();
    }
  };
  return [http.all(`${base}/v1/*`, forward), http.all(`${base}/_sandbox/*`, forward)];
}
