/**
 * fast-check generators for feeds: hostile values, feed-shaped objects whose
 * every field may be wrong, valid feeds the widgets of elements.ts can show
 * (with histories and communes), mutations of a valid feed, and valid feeds
 * given a history of every shape, valid or broken.
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

/** The day `n` days after 1 January 1583 (the first year a feed may use), as an ISO date. */
const dayAfter1583 = (n: number) => new Date(Date.UTC(1583, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A `history` list of `point`s, each with `asOf`: sometimes with dates that
 * increase (1583 to 2021: before most dates a figure has), sometimes with dates
 * in any order, and now and then 1,000 or 1,001 points.
 */
const historyLike = (point: fc.Arbitrary<Json>, long: (n: number) => Json[]): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(maybe(point), { maxLength: 4 }) },
    {
      weight: 4,
      arbitrary: fc
        .array(point, { maxLength: 4 })
        .chain((points) =>
          fc
            .uniqueArray(fc.integer({ min: 0, max: 160_000 }), { minLength: points.length, maxLength: points.length })
            .map((days) => days.sort((a, b) => a - b).map((d, i) => ({ ...points[i], asOf: dayAfter1583(d) }))),
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom(1000, 1001).map(long) },
  );

const modelPointLike = fc.record(
  { asOf: maybe(anyDate), total: maybe(fc.nat({ max: 200 })), completed: maybe(part), inProgress: maybe(part), notStarted: maybe(part) },
  { requiredKeys: ['asOf'] },
);
const metricPointLike = fc.record(
  { asOf: maybe(anyDate), value: maybe(nonNeg), total: maybe(nonNeg), rate: maybe(rate), period: maybe(name) },
  { requiredKeys: ['asOf'] },
);
const dailyPoints = (n: number, figure: (i: number) => Json) => Array.from({ length: n }, (_, i) => ({ asOf: dayAfter1583(i), ...figure(i) }));

const counts = fc.record(
  {
    total: maybe(fc.oneof(fc.nat({ max: 200 }), whole)),
    completed: maybe(part),
    inProgress: maybe(part),
    notStarted: maybe(part),
    history: maybe(historyLike(modelPointLike, (n) => dailyPoints(n, (i) => ({ completed: i % 3 })))),
  },
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
    history: maybe(historyLike(metricPointLike, (n) => dailyPoints(n, (i) => ({ value: i })))),
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

const modelStatusLike = fc.dictionary(fc.string({ maxLength: 3 }), maybe(fc.constantFrom('completed', 'in-progress', 'not-started')), { maxKeys: 3 });
const communeCode = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[0-9]{5}$/) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });

const commune = fc.record(
  { id: maybe(slug, 20), code: maybe(communeCode), name: maybe(name), modelStatus: maybe(modelStatusLike), ...area },
  { requiredKeys: ['id', 'name'] },
);

const province = fc.record(
  {
    id: maybe(slug, 20),
    code: maybe(fc.string({ maxLength: 3 })),
    name: maybe(name),
    modelStatus: maybe(modelStatusLike),
    ...area,
    communes: maybe(fc.array(maybe(commune), { maxLength: 3 })),
  },
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

/**
 * Times of day a history point may carry; each stays within its calendar day
 * in Vietnam's time, so points a day or more apart keep their order.
 */
const DAY_TIMES = ['', '', '', 'T12:00:00Z', 'T23:59:59+07:00', 'T06:00', 'T00:00:00.001+07:00', 'T16:59:59.999Z'];

/**
 * Where a point's date will go, until the feed is built: `gap` days before the
 * next point (the last point: before the figure's own date), at `time`.
 * {@link settleDates} writes the dates once the figure's date is known.
 */
interface DatePlaceholder {
  gap: number;
  time: string;
}

const laterPlace = fc.record({ gap: fc.integer({ min: 1, max: 120 }), time: fc.constantFrom(...DAY_TIMES) });

/** Counts out of `total` (0–7 says which of the three are given), each point's own total maybe. */
const countsOf = ([a, b, c, spare, keep]: number[], withTotal: boolean): Json => {
  const out: Json = withTotal ? { total: a + b + c + spare } : {};
  if (keep & 1) out.completed = a;
  if (keep & 2) out.inProgress = b;
  if (keep & 4) out.notStarted = c;
  return out;
};
const countParts = fc.tuple(fc.nat({ max: 80 }), fc.nat({ max: 80 }), fc.nat({ max: 80 }), fc.nat({ max: 40 }), fc.integer({ min: 0, max: 7 }));

const validCounts = fc
  .tuple(countParts, fc.option(fc.array(fc.tuple(laterPlace, countParts, fc.boolean()), { maxLength: 5 }), { nil: undefined, freq: 2 }))
  .map(([parts, points]) => {
    const out = countsOf(parts, true);
    if (points) {
      out.history = points.map(([place, p, ownTotal]) => {
        const kept = countsOf(p, false);
        const sum = Object.values(kept).reduce((x: number, y) => x + (y as number), 0);
        // Without its own total a point has its parent's, which its counts must fit in.
        return { asOf: place, ...(ownTotal || sum > (out.total as number) ? countsOf(p, true) : kept) };
      });
    }
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

/** The fields a metric's history point carries. */
const pointOf = (f: Json): Json => Object.fromEntries(['value', 'total', 'rate', 'period'].filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));

/** A valid metric figure, maybe with its own date and a history (dates settled later). */
const validMetric = fc
  .tuple(validFigure, fc.option(goodDate, { nil: undefined, freq: 4 }), fc.option(fc.array(fc.tuple(laterPlace, validFigure), { maxLength: 5 }), { nil: undefined, freq: 2 }))
  .map(([f, asOf, points]) => ({
    ...f,
    ...(asOf === undefined ? {} : { asOf }),
    ...(points ? { history: points.map(([place, p]) => ({ asOf: place, ...pointOf(p) })) } : {}),
  }));

const validSource = fc.record({ name, url: url }, { requiredKeys: ['name'] });

const validArea = fc.record(
  { models: validCounts, metrics: fc.dictionary(metricId, validMetric, { maxKeys: 3 }).chain((m) => validMetric.map((f) => ({ ...m, 'on-time': f }))), asOf: goodDate, source: validSource },
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
    communes: fc.option(
      fc.uniqueArray(fc.tuple(slug, name, fc.option(fc.stringMatching(/^[0-9]{5}$/), { nil: undefined }), validArea, fc.dictionary(fc.constantFrom('6', '21', 'x'), fc.constantFrom('completed', 'in-progress', 'not-started'), { maxKeys: 2 })), { selector: (c) => c[0], maxLength: 3 }),
      { nil: undefined, freq: 3 },
    ),
    others: fc.uniqueArray(fc.tuple(slug, name, validArea), { selector: (p) => p[0], maxLength: 3 }),
  })
  .map((r) => {
    const strip = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const metrics = r.metrics.some((m) => m.id === 'on-time') ? r.metrics : [...r.metrics, { id: 'on-time', name: 'Hồ sơ đúng hạn' }];
    const communes = r.communes?.map(([id, n, code, a, modelStatus]) => strip({ id, code, name: n, ...a, modelStatus }));
    const feed = strip({
      version: 1,
      title: r.title,
      asOf: r.asOf,
      nextUpdate: r.nextUpdate,
      source: r.source,
      models: [{ id: '6', name: 'Khám chữa bệnh' }, { id: '21', name: 'LGSP' }],
      metrics: metrics.map(strip),
      national: r.national && strip({ name: r.national[0], ...r.national[1] }),
      provinces: [
        strip({ id: 'nghe-an', name: r.nghe[0], ...r.nghe[1], modelStatus: r.nghe[2], communes }),
        ...r.others.filter(([id]) => id !== 'nghe-an').map(([id, n, a]) => ({ id, name: n, ...a })),
      ],
    });
    // A copy (the generated values are fast-check's to replay), then every history dated before its figure.
    return settleFeed(JSON.parse(JSON.stringify(feed)));
  });

const DAY = 86_400_000;

/**
 * Writes the dates of `points` (their `asOf` a {@link DatePlaceholder}) back
 * from `figureDate`'s day (or an arbitrary day when the figure has no date):
 * each point `gap` days before the next, the last `gap` days before the
 * figure. Points that would fall before 1583 are dropped.
 */
function settleDates(points: Json[], figureDate: string | undefined): Json[] {
  const [y, m, d] = (figureDate ?? '2024-10-04').slice(0, 10).split('-').map(Number);
  let day = Date.UTC(y, m - 1, d);
  const dated = points
    .slice()
    .reverse()
    .map((p) => {
      const { gap, time } = p.asOf as DatePlaceholder;
      day -= gap * DAY;
      return { ...p, asOf: day < Date.UTC(1583, 0, 1) ? undefined : new Date(day).toISOString().slice(0, 10) + time };
    });
  return dated.filter((p) => p.asOf !== undefined).reverse();
}

/** Dates every history of an area (and its communes) before its figure's nearest date. */
function settleArea(area: Json, inherited: string | undefined): void {
  const date = (area.asOf as string | undefined) ?? inherited;
  const models = area.models as Json | undefined;
  if (models?.history) models.history = settleDates(models.history as Json[], date);
  const metrics = (area.metrics ?? {}) as Record<string, Json>;
  for (const id of Object.keys(metrics)) {
    const figure = metrics[id];
    if (figure.history) figure.history = settleDates(figure.history as Json[], (figure.asOf as string | undefined) ?? date);
  }
  for (const c of (area.communes ?? []) as Json[]) settleArea(c, date);
}

function settleFeed(feed: Json): Json {
  const date = feed.asOf as string | undefined;
  if (feed.national) settleArea(feed.national as Json, date);
  for (const p of feed.provinces as Json[]) settleArea(p, date);
  return feed;
}

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
  // Reverse an array (a history out of order).
  (f, pick) => {
    const arrays = paths(f).filter((p) => Array.isArray(at(f, p)?.[0][p[p.length - 1] as string]));
    const spot = arrays.length && at(f, arrays[pick % arrays.length]);
    if (spot) (spot[0][spot[1] as string] as unknown[]).reverse();
  },
  // Duplicate an array item (a repeated id, a repeated date).
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

/** Times of day for histories of every shape: those of DAY_TIMES, and some that cross into the next day in Vietnam. */
const ANY_TIMES = [...DAY_TIMES, 'T17:00:00Z', 'T23:59:59-05:00', 'T00:00:00+14:00'];

/** Gaps in days between points: mostly a day or more, sometimes none or backwards (a repeated or unsorted date). */
const anyPlace = fc.record({
  gap: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: 60 }) },
    { weight: 3, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.integer({ min: -2, max: 0 }) },
  ),
  time: fc.constantFrom(...ANY_TIMES),
});

/** A model point for counts out of 38: mostly within the total, sometimes over its own total, now and then a hostile value. */
const anyModelPoint = fc.record(
  { total: maybe(fc.integer({ min: 30, max: 45 }), 60), completed: maybe(fc.nat({ max: 12 }), 60), inProgress: maybe(fc.nat({ max: 14 }), 60), notStarted: maybe(fc.nat({ max: 12 }), 60) },
  { requiredKeys: [] },
);
/** A metric point: mostly a value (over its total now and then), else a rate, rarely neither; a hostile value now and then. */
const anyMetricPoint = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      { value: maybe(fc.nat({ max: 600 }), 60), total: maybe(fc.integer({ min: 500, max: 2000 }), 60), period: maybe(name, 60) },
      { requiredKeys: ['value'] },
    ),
  },
  { weight: 3, arbitrary: fc.record({ rate: maybe(rate, 60), period: maybe(name, 60) }, { requiredKeys: ['rate'] }) },
  { weight: 1, arbitrary: fc.record({ total: fc.nat(), period: name }, { requiredKeys: [] }) },
);

/** Which figure of the feed gets the history. */
type Target = 'province models' | 'national models' | 'commune models' | 'metric';

/**
 * A valid feed whose figure (Nghệ An's models, the national models, a
 * commune's models or Nghệ An's `on-time` value) is given a history of any
 * shape: empty, one point, several, 1,000 or 1,001; dates in order or not,
 * before the figure's own date or not, in any zone; points whose figures keep
 * their parent's rules or break them; now and then a point without a date or
 * with a wrong one. About half keep every rule.
 */
export const historyFeed: fc.Arbitrary<Json> = fc
  .tuple(
    validFeed,
    fc.constantFrom<Target>('province models', 'national models', 'commune models', 'metric'),
    fc.oneof(
      { weight: 12, arbitrary: fc.array(fc.tuple(anyPlace, anyModelPoint, anyMetricPoint), { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom(999, 1000, 1001).map((n) => Array.from({ length: n }, () => [{ gap: 1, time: '' }, {}, { value: 1 }] as [DatePlaceholder, Json, Json])) },
    ),
    // Now and then one point loses its date or gets a wrong one.
    fc.oneof(
      { weight: 10, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(undefined, '2024-02-30', 20240131, '', '2024-10-04T24:00', null)) },
    ),
  )
  .map(([valid, target, points, spoil]) => {
    const feed = structuredClone(valid);
    const province = (feed.provinces as Json[])[0];
    const provinceDate = (province.asOf as string | undefined) ?? (feed.asOf as string | undefined);
    let host: Json;
    let date: string | undefined;
    if (target === 'metric') {
      host = (province.metrics as Record<string, Json>)['on-time'];
      date = (host.asOf as string | undefined) ?? provinceDate;
    } else if (target === 'national models') {
      feed.national = { ...(feed.national as Json | undefined), models: { total: 38, completed: 6, inProgress: 20 } };
      host = (feed.national as Json).models as Json;
      date = ((feed.national as Json).asOf as string | undefined) ?? (feed.asOf as string | undefined);
    } else if (target === 'commune models') {
      host = { total: 38, completed: 6, inProgress: 20 };
      const communes = (province.communes as Json[] | undefined) ?? [];
      province.communes = [...communes.filter((c) => c.id !== 'xa-moi'), { id: 'xa-moi', code: '17001', name: 'Xã Mới', models: host }];
      date = provinceDate;
    } else {
      host = province.models = { total: 38, completed: 6, inProgress: 20 };
      date = provinceDate;
    }
    const raw = points.map(([place, modelPoint, metricPoint]) => ({ asOf: place, ...(target === 'metric' ? metricPoint : modelPoint) }));
    const history = settleDates(raw, date);
    if (spoil && history.length) {
      const [which, value] = spoil;
      const point = history[which % history.length];
      if (value === undefined) delete point.asOf;
      else point.asOf = value;
    }
    host.history = history;
    return feed;
  });
