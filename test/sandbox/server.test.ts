import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYunoSandbox, startYunoSandboxServer, type YunoSandbox } from 'yuno-react/sandbox';

type Server = Awaited<ReturnType<typeof startYunoSandboxServer>>;

let server: Server;
let headers: Record<string, string>;

beforeAll(async () => {
  server = await startYunoSandboxServer({ port: 0 });
  headers = {
    'content-type': 'application/json',
    'public-api-key': server.sandbox.credentials.publicApiKey,
    'private-secret-key': server.sandbox.credentials.privateSecretKey,
  };
});
afterAll(() => server.close());

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('startYunoSandboxServer', () => {
  it('listens on a free port and gives its sandbox its own URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.sandbox.baseUrl).toBe(server.url);
  });

  it('answers Yuno’s REST API over real HTTP', async () => {
    const created = await fetch(`${server.url}/v1/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ merchant_customer_id: `shopper-${Date.now()}` }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/application\/json/);
    const customer = (await created.json()) as { id: string };

    const retrieved = await fetch(`${server.url}/v1/customers/${customer.id}`, { headers });
    expect(retrieved.status).toBe(200);
    expect(await retrieved.json()).toMatchObject({ id: customer.id });

    const missing = await fetch(`${server.url}/v1/customers/no-such-customer`, { headers });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });

  it('streams a request body to the sandbox', async () => {
    const json = JSON.stringify({ merchant_customer_id: `streamed-${Date.now()}`, first_name: 'Ada' });
    const bytes = new TextEncoder().encode(json);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const created = await fetch(`${server.url}/v1/customers`, {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ first_name: 'Ada' });
  });

  it('answers CORS preflights and exposes its answers to other origins', async () => {
    const preflight = await fetch(`${server.url}/v1/payments`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'public-api-key,private-secret-key,x-idempotency-key,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const answer = await fetch(`${server.url}/v1/customers/any`, {
      headers: { ...headers, origin: 'http://localhost:3000' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('drops the connection for the network fault', async () => {
    const remove = server.sandbox.faults.inject({ type: 'network', match: { path: /^\/v1\/customers\/broken/ } });
    try {
      await expect(fetch(`${server.url}/v1/customers/broken`, { headers })).rejects.toThrow(TypeError);
    } finally {
      remove();
    }
    const healthy = await fetch(`${server.url}/v1/customers/healthy`, { headers });
    expect(healthy.status).toBe(400);
  });

  it('closes, after which nothing answers', async () => {
    const other = await startYunoSandboxServer({ port: 0 });
    await other.close();
    await expect(fetch(`${other.url}/v1/customers/any`, { headers })).rejects.toThrow(TypeError);
  });

  it('serves a sandbox it is given', async () => {
    const sandbox = createYunoSandbox({ publicApiKey: 'sandbox_pk_given', baseUrl: 'http://sandbox.test' });
    const other = await startYunoSandboxServer({ port: 0, sandbox });
    try {
      expect(other.sandbox).toBe(sandbox);
      const answer = await fetch(`${other.url}/v1/customers/any`, { headers });
      expect(answer.status).toBe(401);
      expect(sandbox.countRequests()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('refuses a port in use', async () => {
    await expect(startYunoSandboxServer({ port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('client disconnects', () => {
  /** The real sandbox, with the Requests it receives kept so the test can watch their signals. */
  function watchedSandbox(): { sandbox: YunoSandbox; received: Request[]; settled: Array<'answered' | 'rejected'> } {
    const real = createYunoSandbox();
    const received: Request[] = [];
    const settled: Array<'answered' | 'rejected'> = [];
    const sandbox = new Proxy(real, {
      get(target, property) {
        if (property === 'handle') {
          return (request: Request) => {
            received.push(request);
            return target.handle(request).then(
              (response) => {
                settled.push('answered');
                return response;
              },
              (error: unknown) => {
                settled.push('rejected');
                throw error;
              },
            );
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { sandbox, received, settled };
  }

  it('abort the request in the sandbox, so the timeout fault ends when the client gives up', async () => {
    const { sandbox, received, settled } = watchedSandbox();
    const other = await startYunoSandboxServer({ port: 0, sandbox });
    try {
      sandbox.faults.inject({ type: 'timeout', match: { path: '/v1/payments/slow' } });
      const started = Date.now();
      await expect(
        fetch(`${other.url}/v1/payments/slow`, { headers, signal: AbortSignal.timeout(150) }),
      ).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(Date.now() - started).toBeLessThan(1_500);

      await waitFor(() => received[0]?.signal.aborted === true, 'the sandbox request to be aborted');
      await waitFor(() => settled.length === 1, 'the sandbox to settle the request');
      expect(settled).toEqual(['rejected']);

      // The server keeps serving after the abandoned request.
      sandbox.faults.clear();
      const next = await fetch(`${other.url}/v1/payments/slow`, { headers });
      expect(next.status).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('leave requests that completed alone', async () => {
    const { sandbox, received, settled } = watchedSandbox();
    const other = await startYunoSandboxServer({ port: 0, sandbox });
    try {
      const answer = await fetch(`${other.url}/v1/payments/any`, { headers });
      await answer.text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toEqual(['answered']);
      expect(received[0]!.signal.aborted).toBe(false);
    } finally {
      await other.close();
    }
  });
});
