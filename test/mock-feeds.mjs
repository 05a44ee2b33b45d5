/**
 * A @web/test-runner middleware that plays feed servers for the tests: each key
 * under /__mock/ answers as the test configured it (status, body, content type,
 * delay, or a hang), step by step, and counts the requests it received.
 *
 *   POST /__mock/<key>        body: { "steps": [ { "status": 200, "body": "…", "delay": 0 } ] }
 *   GET  /__mock/<key>        the next step (the last one repeats)
 *   GET  /__mock-count/<key>  { "count": n, "aborted": n }
 */
const mocks = new Map();

function readBody(req) {
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
  const m = /^\/__mock\/([\w-]+)$/.exec(ctx.path);
  if (!m) return next();
  const key = m[1];
  if (ctx.method === 'POST') {
    const { steps } = JSON.parse(await readBody(ctx.req));
    mocks.set(key, { steps, count: 0, aborted: 0 });
    ctx.body = '{}';
    ctx.type = 'application/json';
    return;
  }
  const mock = mocks.get(key);
  if (!mock) {
    ctx.status = 404;
    return;
  }
  const step = mock.steps[Math.min(mock.count, mock.steps.length - 1)];
  mock.count++;
  // A client that gives up (abort, timeout) closes the connection before the answer.
  ctx.res.on('close', () => {
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
  ctx.status = step.status ?? 200;
  ctx.type = step.type ?? 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
}
