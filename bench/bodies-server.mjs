// The child process of bench/bodies.mjs: the built package's merchant routes (webhook route and JSON routes) through
// toNodeHandler on a node:http server, on the in-memory sandbox. Reports over IPC: `ready` with its port, its RSS
// every 20 ms, and on request its peak RSS (VmHWM, reset once idle) and the bytes its connections read.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir } from './lib/paths.mjs';

const { createYunoRouteHandlers, createYunoServerClient, toNodeHandler } = await import(
  pathToFileURL(join(distDir, 'server.js')).href
);
const { createYunoSandbox } = await import(pathToFileURL(join(distDir, 'sandbox.js')).href);

const sandbox = createYunoSandbox();
const client = createYunoServerClient({ ...sandbox.credentials, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
const handlers = createYunoRouteHandlers({
  client,
  webhookSecret: 'whsec_bench_0123456789',
  onPaymentEvent: () => undefined,
  resolveCheckout: () => ({
    merchantOrderId: 'bench-bodies',
    description: 'Bench order',
    country: 'US',
    amount: { currency: 'USD', value: 10 },
  }),
});

let closedBytesRead = 0;
const open = new Set();
const bytesRead = () => closedBytesRead + [...open].reduce((n, socket) => n + socket.bytesRead, 0);
const server = createServer(toNodeHandler(handlers.handle));
server.on('connection', (socket) => {
  open.add(socket);
  socket.once('close', () => {
    open.delete(socket);
    closedBytesRead += socket.bytesRead;
  });
});
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));

/** VmHWM of this process in bytes, from /proc (Linux); undefined elsewhere. */
function peakRss() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const sampler = setInterval(() => process.send({ type: 'rss', rss: process.memoryUsage().rss }), 20);

process.on('message', (message) => {
  if (message.type === 'reset-peak') {
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so the peak is the load's alone.
    let reset = false;
    try {
      writeFileSync('/proc/self/clear_refs', '5');
      reset = true;
    } catch {
      // Not Linux, or not allowed: the 20 ms samples are the measurement then.
    }
    process.send({ type: 'peak-reset', reset, rss: process.memoryUsage().rss });
  } else if (message.type === 'report') {
    process.send({ type: 'report', peakRss: peakRss(), bytesRead: bytesRead(), rss: process.memoryUsage().rss });
  } else if (message.type === 'stop') {
    clearInterval(sampler);
    server.close();
    server.closeAllConnections?.();
    process.disconnect();
  }
});
