import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sandboxModule from 'yuno-react/sandbox';
import { startCatalogueSandbox } from '../../.storybook/catalogueSandbox';

type Server = Awaited<ReturnType<typeof startCatalogueSandbox>>;

const PAGE = 'http://localhost:6006';
let server: Server;

beforeAll(async () => {
  server = await startCatalogueSandbox(sandboxModule, [PAGE]);
});
afterAll(() => server.close());

/** A request to the server under a host name (`{story}.localhost`), as a browser sends it. */
function send(
  host: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `${host}:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : null }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json', origin: PAGE };
const auth = {
  'public-api-key': sandboxModule.SANDBOX_PUBLIC_API_KEY,
  'private-secret-key': sandboxModule.SANDBOX_PRIVATE_SECRET_KEY,
};
const FAULT = JSON.stringify({ type: 'status', status: 599, match: { path: '/v1/customers/probe' } });

describe("the catalogue's sandbox server", () => {
  it('gives each story a sandbox of its own: a fault in one leaves the other alone', async () => {
    const a = await send('story-a.localhost', 'POST', '/_sandbox/story', json, '{}');
    expect(a.status).toBe(201);
    expect(a.json).toEqual({ baseUrl: `http://story-a.localhost:${server.port}` });
    expect((await send('story-b.localhost', 'POST', '/_sandbox/story', json, '{}')).status).toBe(201);

    expect((await send('story-a.localhost', 'POST', '/_sandbox/faults', json, FAULT)).status).toBe(200);
    expect((await send('story-a.localhost', 'GET', '/v1/customers/probe', auth)).status).toBe(599);
    expect((await send('story-b.localhost', 'GET', '/v1/customers/probe', auth)).status).not.toBe(599);
    expect((await send('localhost', 'GET', '/v1/customers/probe', auth)).status).not.toBe(599);
  });

  it("answers a story's own catalogue of payment methods", async () => {
    const created = await send(
      'story-c.localhost',
      'POST',
      '/_sandbox/story',
      json,
      JSON.stringify({ paymentMethods: [{ type: 'PIX' }] }),
    );
    expect(created.status).toBe(201);
    const methodsIn = async (story: string) => {
      const session = await send(
        story,
        'POST',
        '/v1/checkout/sessions',
        { ...auth, 'content-type': 'application/json' },
        JSON.stringify({
          account_id: sandboxModule.SANDBOX_ACCOUNT_ID,
          merchant_order_id: `order-${story}`,
          payment_description: 'Two coffees',
          country: 'BR',
          amount: { currency: 'BRL', value: 25 },
        }),
      );
      expect(session.status).toBe(200);
      const { checkout_session } = session.json as { checkout_session: string };
      const listed = await send(story, 'GET', `/v1/checkout/sessions/${checkout_session}/payment-methods`, auth);
      return (listed.json as Array<{ type: string }>).map((m) => m.type);
    };
    expect(await methodsIn('story-c.localhost')).toEqual(['PIX']);
    expect((await methodsIn('story-b.localhost')).length).toBeGreaterThan(1);
    const bad = await send('story-d.localhost', 'POST', '/_sandbox/story', json, '{"paymentMethods":"PIX"}');
    expect(bad.status).toBe(400);
  });

  it('refuses a story that was never created, and pages of other origins', async () => {
    const unknown = await send('story-none.localhost', 'GET', '/v1/customers/probe', auth);
    expect(unknown.status).toBe(404);
    const other = await send(
      'story-e.localhost',
      'POST',
      '/_sandbox/story',
      { ...json, origin: 'http://evil.test' },
      '{}',
    );
    expect(other.status).toBe(403);
    expect((await send('story-e.localhost', 'GET', '/v1/customers/probe', auth)).status).toBe(404);
  });

  it("grants the catalogue's pages CORS on the control routes", async () => {
    const preflight = await send('story-a.localhost', 'OPTIONS', '/_sandbox/faults', {
      origin: PAGE,
      'access-control-request-method': 'DELETE',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(PAGE);
    const cleared = await send('story-a.localhost', 'DELETE', '/_sandbox/faults', { origin: PAGE });
    expect(cleared.status).toBe(200);
    expect(cleared.headers['access-control-allow-origin']).toBe(PAGE);
    expect((await send('story-a.localhost', 'GET', '/v1/customers/probe', auth)).status).not.toBe(599);
  });
});
