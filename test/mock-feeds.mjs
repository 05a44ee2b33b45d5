/**
 * A @web/test-runner middleware that plays feed servers for the tests: each key
 * under /__mock/ answers as the test configured it (status, body, content type,
 * delay, or a hang), step by step, and counts the requests it received.
 *
 *   POST /__mock/<key>        body: { "steps": [ { "status": 200, "body": "…", "delay": 0 } ] }
 *   GET  /__mock/<key>        the next step (the last one repeats)
 *   GET  /__mock-count/<key>  { "count": n, "aborted": n }
 *   GET  /__mock-open/<key>   { "open": n }: answers still being sent (a connection left open)
 *
 * Network faults (test/hostile/network-faults.test.ts) add to a step:
 *   headers: { "Name": "value" }    extra response headers (e.g. a Content-Security-Policy for a strict page)
 *   drip: { bytes: n, every: ms }   sends the body n bytes at a time, one piece every `every` ms
 *   reset: "before" | "mid-body"    destroys the connection before any byte, or after the headers and
 *                                   half the body (announced with its full Content-Length)
 *   hold: ms                        answers every request with this step for `ms` after its first use
 *                                   (browsers retry a reset connection by themselves, each engine its own
 *                                   number of times, so a count of steps cannot say how long a fault lasts)
 *
 * HTTP caching (test/feed-refresh.test.ts) adds:
 *   etag: "\"v1\""                   sends this ETag, and answers 304 with no body to a request whose
 *                                   If-None-Match names it (the browser's revalidation)
 *   GET /__mock-log/<key>           [ { "status": n, "ifNoneMatch": "…" | null, "origin": "…" | null } ]:
 *                                   each answer the mock gave, in order
 */
import { Readable } from 'node:stream';

const mocks = new Map();

/** A body that arrives `bytes` at a time, one piece every `every` ms, and stops when the client leaves. */
function dripStream(buffer, { bytes = 1, every = 10 }, req) {
  let at = 0;
  let timer;
  const stream = new Readable({
    read() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const piece = buffer.subarray(at, at + Math.max(1, bytes));
        at += piece.length;
        stream.push(piece.length ? piece : null);
        if (at >= buffer.length) stream.push(null);
      }, every);
    },
    destroy(err, cb) {
      clearTimeout(timer);
      cb(err);
    },
  });
  req.on('close', () => stream.destroy());
  return stream;
}

/** A request's body as text. */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export async function mockFeeds(ctx, next) {
  const count = /^\/__mock-count\/([\w-]+)$/.exec(ctx.path);
  if (count) {
    const m = mocks.get(count[1]);
    ctx.body = JSON.stringify({ count: m?.count ?? 0, aborted: m?.aborted ?? 0 });
    ctx.type = 'application/json';
    return;
  }
  const log = /^\/__mock-log\/([\w-]+)$/.exec(ctx.path);
  if (log) {
    ctx.body = JSON.stringify(mocks.get(log[1])?.log ?? []);
    ctx.type = 'application/json';
    return;
  }
  const open = /^\/__mock-open\/([\w-]+)$/.exec(ctx.path);
  if (open) {
    ctx.body = JSON.stringify({ open: mocks.get(open[1])?.open ?? 0 });
    ctx.type = 'application/json';
    return;
  }
  const m = /^\/__mock\/([\w-]+)$/.exec(ctx.path);
  if (!m) return next();
  const key = m[1];
  if (ctx.method === 'POST') {
    const { steps } = JSON.parse(await readBody(ctx.req));
    mocks.set(key, { steps, count: 0, aborted: 0, open: 0, index: 0, since: 0, log: [] });
    ctx.body = '{}';
    ctx.type = 'application/json';
    return;
  }
  const mock = mocks.get(key);
  if (!mock) {
    ctx.status = 404;
    return;
  }
  const step = mock.steps[mock.index];
  if (step.hold && !mock.since) mock.since = Date.now();
  const stay = step.hold && Date.now() - mock.since < step.hold;
  if (!stay && mock.index < mock.steps.length - 1) {
    mock.index++;
    mock.since = 0;
  }
  mock.count++;
  // A client that gives up (abort, timeout) closes the connection before the answer.
  mock.open++;
  ctx.res.on('close', () => {
    mock.open--;
    if (!ctx.res.writableFinished) mock.aborted++;
  });
  if (step.hang) {
    // Never answers on its own; the client's timeout must end it.
    await new Promise((resolve) => {
      ctx.req.on('close', resolve);
      setTimeout(resolve, 60_000);
    });
    ctx.status = 504;
    return;
  }
  if (step.delay) await new Promise((resolve) => setTimeout(resolve, step.delay));
  const body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
  if (step.reset === 'before') {
    // The connection dies before a single byte of the answer: the client sees a network error.
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (step.reset === 'mid-body') {
    const bytes = Buffer.from(body);
    ctx.respond = false;
    ctx.res.writeHead(step.status ?? 200, {
      'Content-Type': step.type ?? 'application/json',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'no-store',
    });
    ctx.res.write(bytes.subarray(0, bytes.length >> 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    ctx.req.socket.destroy();
    return;
  }
  const ifNoneMatch = ctx.get('If-None-Match') || null;
  const notModified = Boolean(step.etag) && ifNoneMatch === step.etag;
  mock.log.push({ status: notModified ? 304 : (step.status ?? 200), ifNoneMatch, origin: ctx.get('Origin') || null });
  ctx.status = step.status ?? 200;
  ctx.type = step.type ?? 'application/json';
  ctx.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(step.headers ?? {})) ctx.set(name, value);
  if (step.etag) ctx.set('ETag', step.etag);
  if (notModified) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.body = step.drip ? dripStream(Buffer.from(body), step.drip, ctx.req) : body;
}
