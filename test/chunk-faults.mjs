/**
 * A @web/test-runner middleware that makes lazy chunks fail, for the tests of
 * the chunk loader (src/base/lazy-chunk.ts): the next `times` requests whose
 * path contains `match` answer 404 (or, with `times: -1`, every request until
 * reset). Rules are kept per browser (by User-Agent): the engines run side by side and
 * each runs its test files one at a time.
 *
 *   POST /__chunk-fail   body: { "match": "province-table-view", "times": 1 }
 *   POST /__chunk-fail   body: { "match": "", "times": 0 }   stops failing
 *   GET  /__chunk-fail   { "failed": n }: how many requests it refused so far
 */
import { readFileSync } from 'node:fs';
import { readBody } from './mock-feeds.mjs';

/** User-Agent → { match, times, failed }. */
const rules = new Map();

export async function chunkFaults(ctx, next) {
  // A portal that uploaded tiendo.js without its chunks/ folder: /__no-chunks/tiendo.js is the built script, and
  // nothing else is there (its chunks' URLs never existed, so no browser can have them cached).
  if (ctx.path.startsWith('/__no-chunks/')) {
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path !== '/__no-chunks/tiendo.js') {
      ctx.status = 404;
      ctx.body = 'not found (test)';
      return;
    }
    ctx.type = 'text/javascript';
    ctx.body = readFileSync(new URL('../dist/tiendo.js', import.meta.url), 'utf8');
    return;
  }
  const ua = ctx.get('user-agent');
  if (ctx.path === '/__chunk-fail') {
    if (ctx.method === 'POST') rules.set(ua, { ...JSON.parse(await readBody(ctx.req)), failed: 0 });
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ failed: rules.get(ua)?.failed ?? 0 });
    return;
  }
  // Modules are never taken from the browser's HTTP cache: a chunk a test makes fail must be
  // asked of the server, even after another test file loaded it in the same browser. (The test
  // runner's own outer middleware marks every file cacheable for a year; it is overruled here.)
  if (/\.(ts|js|mjs)$/.test(ctx.path)) {
    const set = ctx.response.set.bind(ctx.response);
    ctx.response.set = (field, value) =>
      typeof field === 'string' && field.toLowerCase() === 'cache-control' ? set(field, 'no-store') : set(field, value);
    set('Cache-Control', 'no-store');
  }
  const rule = rules.get(ua);
  if (rule?.match && rule.times !== 0 && ctx.path.includes(rule.match)) {
    if (rule.times > 0) rule.times--;
    rule.failed++;
    ctx.status = 404;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = 'not found (test)';
    return;
  }
  return next();
}
