// Request bodies: what 6 concurrent 100 MB uploads cost the server's memory. A child Node process (bodies-server.mjs)
// serves the built package's routes through toNodeHandler on node:http; this process streams 100 MB bodies at its
// webhook route (forged signature) and at a JSON route, with and without content-length, all at once, and reads the
// child's RSS (sampled every 20 ms over IPC, and its VmHWM from /proc, reset once idle). Every body is over its
// route's limit, so each must be answered 413 having read little of it; the memory must stay near idle.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { benchDir } from './lib/paths.mjs';

export const BODY_BYTES = 100 * 1000 * 1000;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const MB = 1000 * 1000;

/** The uploads sent at once: route × framing. */
export const UPLOADS = [
  { route: 'webhook', path: '/api/yuno/webhooks', declared: true },
  { route: 'webhook', path: '/api/yuno/webhooks', declared: false },
  { route: 'webhook', path: '/api/yuno/webhooks', declared: false },
  { route: 'JSON', path: '/api/yuno/checkout-sessions', declared: true },
  { route: 'JSON', path: '/api/yuno/checkout-sessions', declared: false },
  { route: 'JSON', path: '/api/yuno/checkout-sessions', declared: false },
];

/** Streams up to `total` bytes until the server answers; resolves with the answer and how much was written by then. */
function upload(port, { path, declared }, total) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    let written = 0;
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'x-hmac-signature': 'Zm9yZ2VkIHNpZ25hdHVyZQ==',
        ...(declared ? { 'content-length': String(total) } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const writtenAtAnswer = written;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text) => (body += text));
      res.on('end', () => {
        let code;
        try {
          code = JSON.parse(body).code;
        } catch {
          code = undefined;
        }
        resolve({
          status: res.statusCode,
          code,
          connection: res.headers.connection,
          writtenAtAnswer,
          ms: performance.now() - started,
        });
        req.destroy();
      });
    });
    // The server closes the connection once it has answered; writes after that fail, as they should.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && written < total) {
        const chunk = total - written >= CHUNK.byteLength ? CHUNK : CHUNK.subarray(0, total - written);
        written += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function startChild() {
  const child = fork(join(benchDir, 'bodies-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const samples = [];
  const waiters = new Map();
  child.on('message', (message) => {
    if (message.type === 'rss') samples.push({ at: performance.now(), rss: message.rss });
    const waiter = waiters.get(message.type);
    if (waiter) {
      waiters.delete(message.type);
      waiter(message);
    }
  });
  const next = (type) =>
    new Promise((resolve, reject) => {
      waiters.set(type, resolve);
      child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before ${type}`)));
    });
  return { child, samples, next, ask: (type, answer) => (child.send({ type }), next(answer)) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Runs the measurement; a few seconds. */
export async function measureBodies({ bodyBytes = BODY_BYTES } = {}) {
  const { child, samples, next, ask } = startChild();
  try {
    const { port } = await next('ready');
    // Warm up: every code path the uploads take, once with small bodies, so idle is measured with it loaded.
    for (let i = 0; i < 3; i += 1) await Promise.all(UPLOADS.map((u) => upload(port, u, 2 * 1024 * 1024)));
    await sleep(500);
    const idleFrom = performance.now();
    await sleep(1000);
    const idleRss = median(samples.filter((s) => s.at >= idleFrom).map((s) => s.rss));
    const { reset } = await ask('reset-peak', 'peak-reset');

    const before = (await ask('report', 'report')).bytesRead;
    const loadFrom = performance.now();
    const answers = await Promise.all(UPLOADS.map((u) => upload(port, u, bodyBytes)));
    await sleep(200);
    const report = await ask('report', 'report');
    const loadSamples = samples.filter((s) => s.at >= loadFrom).map((s) => s.rss);
    const sampledPeak = Math.max(...loadSamples);
    const peakRss = Math.max(sampledPeak, reset && report.peakRss ? report.peakRss : 0);
    return {
      bodyBytes,
      concurrent: UPLOADS.length,
      idleRssMb: idleRss / MB,
      peakRssMb: peakRss / MB,
      peakRssOverIdleMb: (peakRss - idleRss) / MB,
      sampledPeakRssMb: sampledPeak / MB,
      peakSource: reset && report.peakRss ? 'VmHWM (reset once idle) and 20 ms samples' : '20 ms samples',
      samples: loadSamples.length,
      serverReadMb: (report.bytesRead - before) / MB,
      uploads: UPLOADS.map((u, i) => ({
        route: u.route,
        framing: u.declared ? 'content-length' : 'chunked',
        status: answers[i].status,
        code: answers[i].code,
        connection: answers[i].connection,
        clientWroteMb: answers[i].writtenAtAnswer / MB,
        ms: answers[i].ms,
      })),
    };
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureBodies(), null, 2));
}
