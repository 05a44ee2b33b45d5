/**
 * The national case, in virtual time: N open pages (default 100,000) showing
 * one feed with a given `refresh`, the feed served with a given
 * `Cache-Control: max-age`, behind one shared cache (a CDN or reverse proxy).
 * Prints the requests per second that reach the shared cache ("edge") and the
 * origin, with and without the loader's ±10% spread and with and without
 * caching, plus an origin outage (backoff) and the floor on `refresh`.
 *
 * Nothing goes on the network and nothing sleeps: every page is a next-request
 * time in a calendar of 0.1 s slots, and each page's next wait is computed by
 * the loader's own rules (src/feed/loader.ts bundled on the fly: feedTiming,
 * refreshDelay, freshFor), so the simulation measures the rules the widgets
 * run. The model:
 *
 * - Pages open within the first `open` seconds (default 10: a national
 *   announcement sends everyone at once), each asks at once, then as the loader
 *   says. A page's browser cache is never fresh when it asks (the loader waits
 *   until the answer's freshness ends), so every request reaches the edge.
 * - With caching, the origin answers `Cache-Control: max-age=M`; the edge keeps
 *   one copy, serves it with `Age` while fresh, and asks the origin once when it
 *   is not (concurrent misses collapse). Without caching the origin answers
 *   `no-cache`: the edge must ask the origin every time.
 * - "no jitter" draws 0.5 for every page (the loader's spread switched off);
 *   "jitter" draws from a seeded generator, as the loader draws Math.random().
 *
 *   node scripts/bench/load.mjs [--pages=100000] [--refresh=60] [--max-age=300]
 *                               [--duration=3600] [--open=10] [--seed=1]
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const DEFAULTS = { pages: 100_000, refresh: 60, maxAge: 300, duration: 3600, open: 10, seed: 1 };

/** The loader's rules, from the source: src/feed/loader.ts bundled for Node. */
export async function loaderRules(root = here) {
  const out = await build({
    entryPoints: [join(root, 'src/feed/loader.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-load-'));
  try {
    const file = join(dir, 'loader.mjs');
    writeFileSync(file, out.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small seeded generator (mulberry32): the same figures on every run. */
function random32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLOT = 0.1; // seconds per calendar slot

/**
 * One run. `outage`: [from, to] seconds during which the origin answers 503
 * (with `retryAfter` seconds when given). Returns per-second request counts at
 * the edge and at the origin.
 */
export function simulate(rules, { pages, refresh, maxAge, duration, open, seed, jitter, cache, outage, retryAfter }) {
  const { refresh: every } = rules.feedTiming(refresh);
  const rng = random32(seed);
  const draw = jitter ? rng : () => 0.5;
  const edge = new Float64Array(duration);
  const origin = new Float64Array(duration);
  const slots = Array.from({ length: Math.ceil(duration / SLOT) }, () => []);
  const at = new Float64Array(pages);
  const failures = new Uint16Array(pages);
  const put = (page, t) => {
    at[page] = t;
    const slot = Math.floor(t / SLOT);
    if (slot < slots.length) slots[slot].push(page);
  };
  for (let p = 0; p < pages; p++) put(p, rng() * open);

  // The answers' freshness as the loader reads it, per whole second of Age (the header is in seconds).
  const headers = (cacheControl, age) => ({ get: (name) => (name === 'cache-control' ? cacheControl : name === 'age' ? String(age) : null) });
  const freshByAge = new Map();
  const fresh = (age) => {
    if (!freshByAge.has(age)) freshByAge.set(age, rules.freshFor(headers(cache ? `max-age=${maxAge}` : 'no-cache', age), 0));
    return freshByAge.get(age);
  };
  let copyAt = -Infinity; // when the edge last got the feed from the origin

  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (cache && slot.length > 1) slot.sort((a, b) => at[a] - at[b]);
    for (const page of slot) {
      const t = at[page];
      edge[Math.floor(t)]++;
      let age = 0;
      let failed = false;
      if (cache && t < copyAt + maxAge) age = Math.floor(t - copyAt);
      else {
        origin[Math.floor(t)]++;
        failed = Boolean(outage) && t >= outage[0] && t < outage[1];
        if (!failed && cache) copyAt = t;
      }
      failures[page] = failed ? failures[page] + 1 : 0;
      const wait = rules.refreshDelay({
        refresh: every,
        failures: failures[page],
        fresh: failed ? 0 : fresh(age),
        retryAfter: failed ? retryAfter : undefined,
        random: draw(),
      });
      put(page, t + wait);
    }
    slots[s] = undefined; // done with it
  }
  return { edge, origin };
}

/** Peak and mean requests per second over [from, to). */
function stats(perSecond, from = 0, to = perSecond.length) {
  let peak = 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    peak = Math.max(peak, perSecond[i]);
    sum += perSecond[i];
  }
  return { peak, mean: sum / Math.max(1, to - from) };
}

const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en') : n >= 1 ? n.toFixed(1) : n === 0 ? '0' : n.toPrecision(2));

/** Every figure the README's "Scale" section quotes. */
export async function measure(options = {}, root = here) {
  const o = { ...DEFAULTS, ...options };
  const rules = await loaderRules(root);
  const settle = Math.min(600, Math.floor(o.duration / 2)); // "after the first 10 minutes"
  const cases = [];
  for (const cache of [false, true]) {
    for (const jitter of [false, true]) {
      const { edge, origin } = simulate(rules, { ...o, jitter, cache });
      cases.push({
        label: `${cache ? `max-age=${o.maxAge}` : 'no-cache'} · ${jitter ? 'jitter' : 'no jitter'}`,
        cache,
        jitter,
        edge: { all: stats(edge), late: stats(edge, settle), last: stats(edge, o.duration - settle) },
        origin: { all: stats(origin), late: stats(origin, settle), last: stats(origin, o.duration - settle) },
      });
    }
  }
  // An origin outage of ten minutes, no cache, jitter: the pages back off.
  const down = [Math.floor(o.duration / 3), Math.floor(o.duration / 3) + 600];
  const outage = simulate(rules, { ...o, jitter: true, cache: false, outage: down });
  const before = stats(outage.origin, down[0] - 300, down[0]);
  const during = stats(outage.origin, down[1] - 300, down[1]);
  const after = stats(outage.origin, down[1], Math.min(o.duration, down[1] + 300));
  const floor = rules.feedTiming('0.1');
  return { options: o, settle, cases, outage: { down, before, during, after }, floor, rules };
}

export async function run({ root } = {}) {
  const m = await measure({}, root ?? here);
  const { options: o } = m;
  const rows = [];
  for (const c of m.cases) {
    rows.push({
      label: `${c.label}: origin`,
      value: `peak ${fmt(c.origin.all.peak)}/s · after ${m.settle / 60} min ${fmt(c.origin.late.peak)}/s · mean ${fmt(c.origin.all.mean)}/s`,
    });
    rows.push({
      label: `${c.label}: edge (shared cache)`,
      value: `peak ${fmt(c.edge.all.peak)}/s · after ${m.settle / 60} min ${fmt(c.edge.late.peak)}/s · mean ${fmt(c.edge.all.mean)}/s`,
    });
  }
  const get = (cache, jitter) => m.cases.find((c) => c.cache === cache && c.jitter === jitter);
  const cached = get(true, true);
  rows.push({
    label: 'cache: origin mean ≤ 1 per max-age',
    value: `${fmt(cached.origin.all.mean)}/s`,
    budget: `${fmt(1 / o.maxAge)}/s`,
    ok: cached.origin.all.mean <= 1.01 / o.maxAge + 1 / o.duration,
  });
  rows.push({
    label: 'jitter: edge peak after 10 min, no cache',
    value: `${fmt(get(false, true).edge.late.peak)}/s`,
    budget: `below half of ${fmt(get(false, false).edge.late.peak)}/s without jitter`,
    ok: get(false, true).edge.late.peak < get(false, false).edge.late.peak / 2,
  });
  const { before, during, after } = m.outage;
  rows.push({
    label: 'outage (10 min, no cache): origin',
    value: `mean ${fmt(before.mean)}/s before · ${fmt(during.mean)}/s in its last 5 min · peak ${fmt(after.peak)}/s after`,
    budget: 'last 5 min of it ≤ 1/4 of before',
    ok: during.mean <= before.mean / 4,
  });
  rows.push({
    label: 'floor: refresh="0.1" (no cache)',
    value: `refresh ${m.floor.refresh} s: ${fmt(o.pages / m.floor.refresh)}/s instead of ${fmt(o.pages / 0.1)}/s`,
    ok: m.floor.refresh === m.rules.REFRESH_MIN,
  });
  return {
    title: `Load: ${o.pages.toLocaleString('en')} open pages, refresh=${o.refresh}, one hour, opened within ${o.open} s (virtual time)`,
    rows,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = Object.fromEntries(
    process.argv
      .slice(2)
      .map((a) => /^--([\w-]+)=(.*)$/.exec(a))
      .filter(Boolean)
      .map(([, k, v]) => [k.replace(/-(\w)/g, (_, c) => c.toUpperCase()), Number(v)]),
  );
  const start = performance.now();
  const m = await measure(args);
  const o = m.options;
  console.log(
    `Load simulation: ${o.pages.toLocaleString('en')} open pages, refresh="${o.refresh}" (used: ${m.rules.feedTiming(o.refresh).refresh} s), ` +
      `${o.duration / 60} min of virtual time, pages opened within ${o.open} s, one shared cache.`,
  );
  console.log(
    `Requests per second reaching the origin, and the shared cache ("edge"): the peak second over the run, ` +
      `after the first ${m.settle / 60} minutes, in the last ${m.settle / 60} minutes; the mean over the run.\n`,
  );
  const late = `after ${m.settle / 60} min`;
  const last = `last ${m.settle / 60} min`;
  const head = ['answer · timers', 'origin peak', late, last, 'mean', 'edge peak', late, last, 'mean'];
  const table = [
    head,
    ...m.cases.map((c) => [c.label, ...[c.origin, c.edge].flatMap((x) => [x.all.peak, x.late.peak, x.last.peak, x.all.mean].map(fmt))]),
  ];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const row of table) console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
  const { down, before, during, after } = m.outage;
  console.log(
    `\nOrigin down (503) from minute ${down[0] / 60} to ${down[1] / 60}, no cache, jitter: ` +
      `${fmt(before.mean)}/s before, ${fmt(during.mean)}/s in its last 5 minutes (backoff), peak ${fmt(after.peak)}/s in the 5 minutes after.`,
  );
  console.log(`Floor: refresh="0.1" is used as ${m.floor.refresh} s: ${fmt(o.pages / m.floor.refresh)}/s at most, not ${fmt(o.pages / 0.1)}/s.`);
  console.log(`\n(${((performance.now() - start) / 1000).toFixed(1)} s)`);
}
