// Server side, in one Node process, on the built package (dist/): the merchant routes (createYunoRouteHandlers) on the
// server client (createYunoServerClient) on the in-memory sandbox, called with Web-standard Requests.
// 1. Payments per second: a whole card checkout through the routes (POST /checkout-sessions, a one-time token as the
//    Web SDK makes it, POST /payments), sequentially and with 8 in flight.
// 2. The routes' added latency: the same operation as a direct server-client call and through the routes, interleaved.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { distDir } from './lib/paths.mjs';

const { createYunoRouteHandlers, createYunoServerClient } = await import(
  pathToFileURL(join(distDir, 'server.js')).href
);
const { createYunoSandbox } = await import(pathToFileURL(join(distDir, 'sandbox.js')).href);

const CARD = {
  number: '4507990000000002',
  expiration_month: 11,
  expiration_year: 2030,
  security_code: '123',
  holder_name: 'Ada Lovelace',
};

let orderSeq = 0;
const order = () => {
  orderSeq += 1;
  return {
    merchantOrderId: `bench-${orderSeq}`,
    description: 'Two coffees',
    country: 'US',
    amount: { currency: 'USD', value: 25 },
  };
};

function createStack() {
  const sandbox = createYunoSandbox();
  const yuno = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const handlers = createYunoRouteHandlers({ client: yuno, resolveCheckout: order });
  const base = 'http://shop.test/api/yuno';
  // The shopper's browser: the routes bind its checkouts to it with a signed cookie, sent back on every request.
  const browser = { cookie: '' };
  const route = async (method, path, body, headers = {}, jar = browser) => {
    const response = await handlers.handle(
      new Request(base + path, {
        method,
        headers: { 'content-type': 'application/json', ...(jar.cookie ? { cookie: jar.cookie } : {}), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) jar.cookie = setCookie.split(';')[0];
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
  const token = async (checkoutSession) =>
    (await yuno.checkoutSessions.createOneTimeToken(checkoutSession, { payment_method: { type: 'CARD', card: CARD } }))
      .token;
  return { sandbox, yuno, route, token };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function checkoutThroughRoutes(stack) {
  // Each checkout is one shopper with a browser of its own (concurrent checkouts share no cookie).
  const jar = { cookie: '' };
  const start = await stack.route('POST', '/checkout-sessions', {}, {}, jar);
  const oneTimeToken = await stack.token(start.checkoutSession);
  const payment = await stack.route(
    'POST',
    '/payments',
    { checkoutSession: start.checkoutSession, oneTimeToken },
    { 'x-idempotency-key': crypto.randomUUID() },
    jar,
  );
  if (payment.status !== 'SUCCEEDED') throw new Error(`payment ${payment.status}`);
}

async function throughput(concurrency, durationMs) {
  const stack = createStack();
  for (let i = 0; i < 20; i += 1) await checkoutThroughRoutes(stack); // warm-up
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < durationMs) {
      await checkoutThroughRoutes(stack);
      done += 1;
      // The request log grows with every call; keep memory flat.
      if (stack.sandbox.requests.length > 5_000) stack.sandbox.clearRequests();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, payments: done, seconds, perSecond: done / seconds };
}

async function addedLatency(iterations) {
  const stack = createStack();
  const direct = { paymentMethods: [], createPayment: [], retrieveSession: [] };
  const routes = { paymentMethods: [], createPayment: [] };
  const time = async (list, fn) => {
    const t0 = performance.now();
    await fn();
    list.push(performance.now() - t0);
  };
  const warmup = 30;
  for (let i = 0; i < iterations + warmup; i += 1) {
    const keep = i >= warmup;
    // Two fresh sessions with a token each, made outside the timed region.
    const a = await stack.route('POST', '/checkout-sessions', {});
    const b = await stack.route('POST', '/checkout-sessions', {});
    const tokenA = await stack.token(a.checkoutSession);
    const tokenB = await stack.token(b.checkoutSession);
    const sink = { paymentMethods: [], createPayment: [], retrieveSession: [] };
    const into = (set, name) => (keep ? set[name] : sink[name]);
    const viaDirect = () =>
      time(into(direct, 'paymentMethods'), () => stack.yuno.checkoutSessions.paymentMethods(a.checkoutSession));
    const viaRoutes = () =>
      time(into(routes, 'paymentMethods'), () =>
        stack.route('GET', `/checkout-sessions/${encodeURIComponent(b.checkoutSession)}/payment-methods`),
      );
    // The direct call already knows the order (as a merchant's own code would); the route reads it from the session.
    const payDirect = () =>
      time(into(direct, 'createPayment'), () =>
        stack.yuno.payments.create(
          {
            description: 'Two coffees',
            country: a.countryCode,
            merchant_order_id: a.merchantOrderId,
            amount: a.amount,
            checkout: { session: a.checkoutSession },
            workflow: 'SDK_CHECKOUT',
            payment_method: { type: 'CARD', token: tokenA },
          },
          { idempotencyKey: crypto.randomUUID() },
        ),
      );
    const payRoutes = () =>
      time(into(routes, 'createPayment'), () =>
        stack.route(
          'POST',
          '/payments',
          { checkoutSession: b.checkoutSession, oneTimeToken: tokenB },
          { 'x-idempotency-key': crypto.randomUUID() },
        ),
      );
    const readSession = () =>
      time(into(direct, 'retrieveSession'), () => stack.yuno.checkoutSessions.retrieve(a.checkoutSession));
    // Alternate which goes first, so that neither always runs on a warmer cache.
    if (i % 2) {
      await viaDirect();
      await viaRoutes();
      await readSession();
      await payDirect();
      await payRoutes();
    } else {
      await viaRoutes();
      await viaDirect();
      await payRoutes();
      await payDirect();
      await readSession();
    }
    if (stack.sandbox.requests.length > 5_000) stack.sandbox.clearRequests();
  }
  const summary = (name) => ({
    directMedianMs: median(direct[name]),
    routesMedianMs: median(routes[name]),
    addedMedianMs: median(routes[name]) - median(direct[name]),
    directP95Ms: percentile(direct[name], 95),
    routesP95Ms: percentile(routes[name], 95),
    samples: direct[name].length,
  });
  return {
    paymentMethods: summary('paymentMethods'),
    createPayment: summary('createPayment'),
    retrieveSession: { directMedianMs: median(direct.retrieveSession), samples: direct.retrieveSession.length },
  };
}

/** Runs the server measurements; about 8 seconds. */
export async function measureServer({ durationMs = 2_500, iterations = 300 } = {}) {
  const sequential = await throughput(1, durationMs);
  const concurrent = await throughput(8, durationMs);
  const latency = await addedLatency(iterations);
  return { throughput: [sequential, concurrent], latency };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureServer(), null, 2));
}
