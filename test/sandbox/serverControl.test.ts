import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createYunoSandbox, startYunoSandboxServer } from 'yuno-react/sandbox';

type Server = Awaited<ReturnType<typeof startYunoSandboxServer>>;

let server: Server;
let auth: Record<string, string>;
const EVIL = 'http://evil.test';

beforeAll(async () => {
  server = await startYunoSandboxServer({ port: 0, controlOrigins: ['http://shop.test:3000/some/path'] });
  auth = {
    'public-api-key': server.sandbox.credentials.publicApiKey,
    'private-secret-key': server.sandbox.credentials.privateSecretKey,
  };
});
afterAll(() => server.close());
beforeEach(() => server.sandbox.reset());

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** Whether a fault is in place: a customer lookup answers the fault's 599 instead of Yuno's CUSTOMER_NOT_FOUND. */
async function faulted(): Promise<boolean> {
  const answer = await server.sandbox.fetch('/v1/customers/probe', { headers: auth });
  return answer.status === 599;
}

const FAULT = JSON.stringify({ type: 'status', status: 599, match: { path: '/v1/customers/probe' } });
const FORBIDDEN = {
  code: 'AUTHORIZATION_REQUIRED',
  messages: ['The sandbox control routes answer only pages of the sandbox itself'],
};
const NOT_JSON = {
  code: 'INVALID_REQUEST',
  messages: ['Send a JSON body with the header content-type: application/json'],
};

describe('the sandbox server’s control routes', () => {
  it.each(['/_sandbox/faults', '/_sandbox//faults'])(
    'a text/plain POST %s (a form or no-preflight fetch) → 415, and no fault is injected',
    async (path) => {
      const answer = await send('POST', path, { 'content-type': 'text/plain' }, FAULT);
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.text)).toEqual(NOT_JSON);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(await faulted()).toBe(false);
      // Refused before the sandbox: it never saw the request.
      expect(server.sandbox.countRequests({ path: /^\/_sandbox/ })).toBe(0);
    },
  );

  it('a page of another origin cannot inject a fault, even with a JSON body → 403', async () => {
    const answer = await send('POST', '/_sandbox/faults', { 'content-type': 'application/json', origin: EVIL }, FAULT);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toEqual(FORBIDDEN);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(await faulted()).toBe(false);
  });

  it('a page of another origin cannot move the clock, clear the log or read it', async () => {
    const before = server.sandbox.now();
    const advance = await send(
      'POST',
      '/_sandbox/time/advance',
      { 'content-type': 'application/json', origin: EVIL },
      JSON.stringify({ ms: 3_600_000 }),
    );
    expect(advance.status).toBe(403);
    expect(server.sandbox.now() - before).toBeLessThan(3_600_000);

    await server.sandbox.fetch('/v1/customers/logged', { headers: auth });
    expect((await send('DELETE', '/_sandbox/requests', { origin: EVIL })).status).toBe(403);
    expect(server.sandbox.countRequests({ path: '/v1/customers/logged' })).toBe(1);

    const read = await send('GET', '/_sandbox/requests', { origin: 'null' });
    expect(read.status).toBe(403);
    expect(read.text).not.toContain('/v1/customers/logged');
    expect((await send('GET', '/_sandbox/webhooks', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('a cross-origin preflight to a control route gets no CORS grant', async () => {
    const preflight = await send('OPTIONS', '/_sandbox/faults', {
      origin: EVIL,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('Node (no Origin), the server’s own pages and controlOrigins drive it, without CORS headers', async () => {
    const json = { 'content-type': 'application/json' };
    const fromNode = await send('POST', '/_sandbox/faults', json, FAULT);
    expect(fromNode.status).toBe(200);
    expect(fromNode.headers.get('access-control-allow-origin')).toBeNull();
    expect(await faulted()).toBe(true);

    for (const origin of [server.url, `http://localhost:${server.port}`, 'http://shop.test:3000']) {
      const cleared = await send('DELETE', '/_sandbox/faults', { origin, 'sec-fetch-site': 'same-site' });
      expect(cleared.status, origin).toBe(200);
      expect(cleared.headers.get('access-control-allow-origin')).toBeNull();
      const read = await send('GET', '/_sandbox/requests', { origin, 'sec-fetch-site': 'same-origin' });
      expect(read.status, origin).toBe(200);
    }
    expect(await faulted()).toBe(false);
  });

  it('grants CORS on the control routes to exactly the controlCorsOrigins pages', async () => {
    const catalogue = await startYunoSandboxServer({
      port: 0,
      controlCorsOrigins: ['http://localhost:6006/iframe.html'],
    });
    try {
      const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
        fetch(`${catalogue.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      const preflight = await call('OPTIONS', '/_sandbox/faults', {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');

      const page = { origin: 'http://localhost:6006', 'sec-fetch-site': 'same-site' };
      const injected = await call('POST', '/_sandbox/faults', { ...page, 'content-type': 'application/json' }, FAULT);
      expect(injected.status).toBe(200);
      expect(injected.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      const probe = await catalogue.sandbox.fetch('/v1/customers/probe', { headers: auth });
      expect(probe.status).toBe(599);

      // Another port of the same host is another origin: refused, and never granted.
      const other = { origin: 'http://localhost:6007', 'sec-fetch-site': 'same-site' };
      const otherPreflight = await call('OPTIONS', '/_sandbox/faults', {
        ...other,
        'access-control-request-method': 'DELETE',
      });
      expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
      const refused = await call('DELETE', '/_sandbox/faults', other);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect((await catalogue.sandbox.fetch('/v1/customers/probe', { headers: auth })).status).toBe(599);
    } finally {
      await catalogue.close();
    }
  });

  it('Yuno’s API and the browser-facing sandbox routes keep CORS for any origin', async () => {
    const api = await send('GET', '/v1/customers/any', { ...auth, origin: EVIL });
    expect(api.status).toBe(400);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    for (const path of ['/_sandbox/sdk/fraud', '/_sandbox/3ds/x', '/_sandbox/redirect/x']) {
      const preflight = await send('OPTIONS', path, {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'public-api-key,content-type',
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('injects a status fault with Retry-After over HTTP, and validates it', async () => {
    const json = { 'content-type': 'application/json' };
    const bad = await send(
      'POST',
      '/_sandbox/faults',
      json,
      JSON.stringify({ type: 'status', status: 429, retryAfter: -1 }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'INVALID_PARAMETERS' });
    const good = await send(
      'POST',
      '/_sandbox/faults',
      json,
      JSON.stringify({ type: 'status', status: 429, retryAfter: 2, times: 1 }),
    );
    expect(good.status).toBe(200);
    const limited = await send('GET', '/v1/customers/any', auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
  });

  it('refuses a malformed controlOrigins entry before listening', async () => {
    await expect(startYunoSandboxServer({ port: 0, controlOrigins: ['not a url'] })).rejects.toThrow(TypeError);
  });
});

describe('the request log', () => {
  it('keeps only the last requestLogLimit requests over HTTP', async () => {
    const small = await startYunoSandboxServer({ port: 0, requestLogLimit: 3 });
    try {
      for (const id of ['a', 'b', 'c', 'd', 'e']) await (await fetch(`${small.url}/v1/customers/${id}`)).text();
      const log = (await (await fetch(`${small.url}/_sandbox/requests`)).json()) as Array<{ path: string }>;
      expect(log.map((r) => r.path)).toEqual(['/v1/customers/c', '/v1/customers/d', '/v1/customers/e']);
      // The read itself is logged after it answered, pushing out the oldest.
      expect(small.sandbox.requests.map((r) => r.path)).toEqual([
        '/v1/customers/d',
        '/v1/customers/e',
        '/_sandbox/requests',
      ]);
    } finally {
      await small.close();
    }
  });

  it('keeps 1000 by default, dropping the oldest', async () => {
    const sandbox = createYunoSandbox();
    for (let i = 0; i < 1_005; i++) await sandbox.fetch(`/v1/customers/c-${i}`);
    expect(sandbox.requests).toHaveLength(1_000);
    expect(sandbox.requests[0]?.path).toBe('/v1/customers/c-5');
    expect(sandbox.requests.at(-1)?.path).toBe('/v1/customers/c-1004');
    expect(sandbox.countRequests()).toBe(1_000);
  });

  it('keeps nothing with requestLogLimit 0 and refuses a limit that is not a whole number', async () => {
    const silent = createYunoSandbox({ requestLogLimit: 0 });
    await silent.fetch('/v1/customers/x');
    expect(silent.requests).toEqual([]);
    for (const requestLogLimit of [-1, 1.5, Number.NaN]) {
      expect(() => createYunoSandbox({ requestLogLimit })).toThrow(
        new RangeError('createYunoSandbox: requestLogLimit must be a non-negative whole number'),
      );
    }
  });
});
