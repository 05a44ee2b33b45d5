/**
 * fast-check generators for feeds: hostile values, feed-shaped objects whose
 * every field may be wrong, valid feeds the widgets of elements.ts can show,
 * and mutations of a valid feed.
 */
import fc from 'fast-check';

type Json = Record<string, unknown>;

const SPECIAL_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '38',
  '201.884',
  '99,66%',
  '1 038',
  '1e3',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://nghean.gov.vn/',
  'http://x',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '\u202eevil',
  '\uFEFF',
  '\u0000',
  'nghe-an',
  'on-time',
  'completed',
  'in-progress',
  'not-started',
  '2024-10-04',
  '2024-02-30',
  '2024-10-04T25:00:00Z',
  '04/10/2024',
  'Nghệ An',
];

const SPECIAL_NUMBERS = [0, -0, 1, -1, 0.5, 1.5, 38, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.1 + 0.2];

/** Any string, often one that means something to a feed. */
export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Any number JSON can carry, often an edge. */
export const anyNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** A value of the wrong kind, or a right kind with a wrong value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Usually `good`, sometimes anything. */
const maybe = <T>(good: fc.Arbitrary<T>, wrongOneIn = 30): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: wrongOneIn - 1, arbitrary: good }, { weight: 1, arbitrary: hostileValue });

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const date = (minYear: number, maxDay: number) =>
  fc
    .tuple(fc.integer({ min: minYear, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: maxDay }), fc.boolean())
    .map(([y, m, d, withTime]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}${withTime ? 'T08:30:00+07:00' : ''}`);

/** Dates that keep the rule. */
const goodDate = fc.oneof(date(1583, 28), fc.constantFrom('2024-10-04', '2024-02-29', '2999-01-01', '2000-01-01', '1583-01-01'));
/** Mostly good dates, some of any year (before 1583 too) or an impossible day such as 31 April. */
const anyDate = fc.oneof(
  { weight: 6, arbitrary: goodDate },
  { weight: 1, arbitrary: date(0, 31) },
  { weight: 1, arbitrary: fc.constantFrom('2023-02-29', '2024-04-31', '1582-12-31', '2024-10-04T24:00', '2024-1-4') },
);
const name = fc.oneof(
  fc.constantFrom('Nghệ An', 'Hà Tĩnh', 'Toàn quốc', 'Hồ sơ', '<b>x</b>', 'Đ'.repeat(60), '{0} 50%'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
);
const slug = fc.oneof(fc.constantFrom('nghe-an', 'ha-tinh', 'ha-noi', 'constructor', 'a', '0-1'), fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/));
const metricId = fc.oneof(
  fc.constantFrom('on-time', 'online-dossiers', 'index-766', '__proto__', 'constructor'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
);
const url = fc.oneof(fc.constantFrom('https://nghean.gov.vn/', 'http://congan.hatinh.gov.vn/a?b=c#d', 'javascript:alert(1)', 'data:,x', '/relative', 'not a url'), fc.webUrl());
const source = fc.record({ name: maybe(name), url: maybe(url) }, { requiredKeys: ['name'] });
const whole = fc.oneof(fc.nat({ max: 60 }), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER));
const part = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 30 }) }, { weight: 1, arbitrary: whole });
const nonNeg = fc.oneof(fc.nat({ max: 100_000 }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, -0, 1e308, 5e-324));
const rate = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.9966, -0));

const counts = fc.record(
  { total: maybe(fc.oneof(fc.nat({ max: 200 }), whole)), completed: maybe(part), inProgress: maybe(part), notStarted: maybe(part) },
  { requiredKeys: ['total'] },
);

const figure = fc.record(
  {
    value: maybe(nonNeg),
    total: maybe(nonNeg),
    rate: maybe(rate),
    previous: maybe(nonNeg),
    target: maybe(fc.oneof({ weight: 3, arbitrary: rate }, { weight: 1, arbitrary: nonNeg })),
    period: maybe(name),
    asOf: maybe(anyDate),
    source: maybe(source),
  },
  { requiredKeys: [] },
);

const metricMap = fc.dictionary(metricId, maybe(figure), { maxKeys: 4 });

const area = {
  models: maybe(counts),
  metrics: maybe(metricMap),
  asOf: maybe(goodDate),
  source: maybe(source),
};

const province = fc.record(
  { id: maybe(slug, 20), code: maybe(fc.string({ maxLength: 3 })), name: maybe(name), modelStatus: maybe(fc.dictionary(fc.string({ maxLength: 3 }), maybe(fc.constantFrom('completed', 'in-progress', 'not-started')), { maxKeys: 3 })), ...area },
  { requiredKeys: ['id', 'name'] },
);

/** A feed-shaped object in which any field may be missing, wrong, or repeated. */
export const feedLike: fc.Arbitrary<Json> = fc.record(
  {
    version: maybe(fc.constant(1), 20),
    title: maybe(name),
    asOf: maybe(anyDate),
    nextUpdate: maybe(anyDate),
    source: maybe(source),
    models: maybe(fc.array(maybe(fc.record({ id: maybe(fc.string({ minLength: 1, maxLength: 3 })), name: maybe(name) })), { maxLength: 4 })),
    metrics: maybe(
      fc.array(
        maybe(
          fc.record(
            { id: maybe(metricId), name: maybe(name), unit: maybe(name), max: maybe(fc.oneof(fc.constant(100), nonNeg)), higherIsBetter: maybe(fc.boolean()) },
            { requiredKeys: ['id', 'name'] },
          ),
        ),
        { maxLength: 4 },
      ),
    ),
    national: maybe(fc.record({ name: maybe(name), ...area }, { requiredKeys: [] })),
    provinces: maybe(fc.array(maybe(province), { maxLength: 5 })),
    [`x-${'unknown'}`]: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['version'] },
);

// Valid feeds, built to keep every rule, and to hold what the widgets of elements.ts select.

const validCounts = fc
  .tuple(fc.nat({ max: 80 }), fc.nat({ max: 80 }), fc.nat({ max: 80 }), fc.nat({ max: 40 }), fc.integer({ min: 0, max: 7 }))
  .map(([a, b, c, spare, keep]) => {
    const out: Json = { total: a + b + c + spare };
    if (keep & 1) out.completed = a;
    if (keep & 2) out.inProgress = b;
    if (keep & 4) out.notStarted = c;
    return out;
  });

const validFigure = fc
  .tuple(fc.oneof(fc.nat({ max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, 1e15, 2_500_000)), fc.double({ min: 0, max: 3, noNaN: true }), rate, fc.integer({ min: 0, max: 15 }), fc.option(nonNeg, { nil: undefined }), fc.option(name, { nil: undefined }))
  .map(([value, spread, r, shape, previous, period]) => {
    const out: Json = {};
    if (shape & 1 || !(shape & 2)) out.value = value;
    if (shape & 2 && !(shape & 1)) out.rate = r;
    if (shape & 4 && out.value !== undefined) out.total = value * (1 + spread);
    const asRate = out.total !== undefined || out.rate !== undefined;
    if (shape & 8) out.target = asRate ? r : value * spread;
    if (previous !== undefined) out.previous = asRate && out.total === undefined ? Math.min(previous, 1) : previous;
    if (period) out.period = period;
    return out;
  });

const validSource = fc.record({ name, url: url }, { requiredKeys: ['name'] });

const validArea = fc.record(
  { models: validCounts, metrics: fc.dictionary(metricId, validFigure, { maxKeys: 3 }).chain((m) => validFigure.map((f) => ({ ...m, 'on-time': f }))), asOf: goodDate, source: validSource },
  { requiredKeys: ['metrics'] },
);

/** A valid feed holding the province `nghe-an` and the metric `on-time`, and often more. */
export const validFeed: fc.Arbitrary<Json> = fc
  .record({
    title: fc.option(name, { nil: undefined }),
    asOf: fc.option(goodDate, { nil: undefined }),
    nextUpdate: fc.option(goodDate, { nil: undefined }),
    source: fc.option(validSource, { nil: undefined }),
    metrics: fc.uniqueArray(fc.record({ id: metricId, name, unit: fc.option(name, { nil: undefined }), max: fc.option(fc.constantFrom(10, 100, 1e-3), { nil: undefined }), higherIsBetter: fc.option(fc.boolean(), { nil: undefined }) }), { selector: (m) => m.id, maxLength: 3 }),
    national: fc.option(fc.tuple(fc.option(name, { nil: undefined }), validArea), { nil: undefined }),
    nghe: fc.tuple(name, validArea, fc.dictionary(fc.constantFrom('6', '21', '__proto__', 'x'), fc.constantFrom('completed', 'in-progress', 'not-started'))),
    others: fc.uniqueArray(fc.tuple(slug, name, validArea), { selector: (p) => p[0], maxLength: 3 }),
  })
  .map((r) => {
    const strip = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const metrics = r.metrics.some((m) => m.id === 'on-time') ? r.metrics : [...r.metrics, { id: 'on-time', name: 'Hồ sơ đúng hạn' }];
    return strip({
      version: 1,
      title: r.title,
      asOf: r.asOf,
      nextUpdate: r.nextUpdate,
      source: r.source,
      models: [{ id: '6', name: 'Khám chữa bệnh' }, { id: '21', name: 'LGSP' }],
      metrics: metrics.map(strip),
      national: r.national && strip({ name: r.national[0], ...r.national[1] }),
      provinces: [
        { id: 'nghe-an', name: r.nghe[0], ...r.nghe[1], modelStatus: r.nghe[2] },
        ...r.others.filter(([id]) => id !== 'nghe-an').map(([id, n, a]) => ({ id, name: n, ...a })),
      ],
    });
  });

/** Every path (as keys) to a value inside `v`. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Json)[k], [...at, k], out);
  return out;
}

type Mutation = (feed: Json, pick: number, value: unknown) => void;

function at(feed: Json, path: (string | number)[]): [Json, string | number] | undefined {
  let node: any = feed;
  for (const k of path.slice(0, -1)) node = node?.[k];
  return node && typeof node === 'object' ? [node, path[path.length - 1]] : undefined;
}

const MUTATIONS: Mutation[] = [
  // Replace a value with something hostile.
  (f, pick, value) => {
    const all = paths(f);
    const spot = all.length && at(f, all[pick % all.length]);
    if (spot) spot[0][spot[1] as string] = value;
  },
  // Delete a key or an array item.
  (f, pick) => {
    const all = paths(f);
    const spot = all.length && at(f, all[pick % all.length]);
    if (!spot) return;
    if (Array.isArray(spot[0])) spot[0].splice(spot[1] as number, 1);
    else delete spot[0][spot[1] as string];
  },
  // Duplicate an array item (a repeated id).
  (f, pick) => {
    const arrays = paths(f).filter((p) => Array.isArray(at(f, p)?.[0][p[p.length - 1] as string]));
    const spot = arrays.length && at(f, arrays[pick % arrays.length]);
    const list = spot && (spot[0][spot[1] as string] as unknown[]);
    if (list && list.length) list.push(structuredClone(list[pick % list.length]));
  },
  // Negate a number, or write it as a formatted string.
  (f, pick) => {
    const nums = paths(f).filter((p) => typeof at(f, p)?.[0][p[p.length - 1] as string] === 'number');
    const spot = nums.length && at(f, nums[pick % nums.length]);
    if (!spot) return;
    const n = spot[0][spot[1] as string] as number;
    spot[0][spot[1] as string] = pick % 2 ? -n - 1 : n.toLocaleString('vi-VN');
  },
  // Add an unknown key, a prototype key, or deep nesting.
  (f, pick, value) => {
    const objects = [[], ...paths(f)].filter((p) => {
      const node = p.length ? at(f, p)?.[0][p[p.length - 1] as string] : f;
      return node && typeof node === 'object' && !Array.isArray(node);
    });
    const p = objects[pick % objects.length];
    const node = (p.length ? at(f, p)![0][p[p.length - 1] as string] : f) as Json;
    const key = ['__proto__', 'constructor', 'x-future', 'prototype'][pick % 4];
    Object.defineProperty(node, key, { value: pick % 3 ? value : JSON.parse('{"a":'.repeat(50) + '1' + '}'.repeat(50)), enumerable: true, configurable: true, writable: true });
  },
];

/** A valid feed (the demo's shape) after one to three random mutations. */
export const mutatedFeed: fc.Arbitrary<Json> = fc
  .tuple(validFeed, fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }))
  .map(([feed, steps]) => {
    const f = structuredClone(feed);
    // A fresh copy of each value: a shared [] or {} put in two places could be mutated into a cycle.
    for (const [which, pick, value] of steps) MUTATIONS[which](f, pick, structuredClone(value));
    return f;
  });
