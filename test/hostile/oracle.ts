/**
 * An independent reading of SPEC.md's feed rules (version 1), written apart
 * from src/feed/validation.ts and in another style, for the fuzzer to compare
 * against: `feedBreaks` returns the first rule a parsed feed breaks, or
 * undefined for a feed that keeps every rule. Dates of `history` are compared
 * as moments worked out by calendar arithmetic, without `Date`.
 */
type J = Record<string, unknown>;

const has = (o: J, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObj = (v: unknown): v is J => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const filled = (v: unknown) => isStr(v) && v.trim() !== '';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const whole = (v: unknown) => finite(v) && Number.isSafeInteger(v) && v >= 0;
const nonNeg = (v: unknown) => finite(v) && v >= 0;
const rate = (v: unknown) => finite(v) && v >= 0 && v <= 1;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO 8601 calendar date from 1583, optionally with a time and a zone: 2024-10-04, 2024-10-04T08:30:00+07:00. */
export function isIsoDate(v: unknown): boolean {
  if (!isStr(v)) return false;
  const [date, time, ...more] = v.split('T');
  if (more.length) return false;
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  if (!d) return false;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  // ISO 8601 leaves years before the Gregorian calendar (1583) to mutual agreement.
  if (y < 1583 || m < 1 || m > 12 || day < 1 || day > daysIn(y, m)) return false;
  if (time === undefined) return true;
  const t = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|([+-])(\d\d):(\d\d))?$/.exec(time);
  if (!t) return false;
  if (Number(t[1]) > 23 || Number(t[2]) > 59 || (t[3] !== undefined && Number(t[3]) > 59)) return false;
  if (t[5] && (Number(t[6]) > 23 || Number(t[7]) > 59)) return false;
  return true;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar, by counting eras of 400 years. */
function daysFromEpoch(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The moment a valid feed date stands for, in milliseconds since 1970 UTC, or
 * undefined for a string that is not one. A day alone starts at midnight; no
 * zone means Vietnam's (UTC+07:00); fractions count to the millisecond.
 */
export function momentOf(v: unknown): number | undefined {
  if (!isIsoDate(v)) return undefined;
  const [date, time = ''] = (v as string).split('T');
  const [y, m, d] = date.split('-').map(Number);
  let clock = time;
  let zoneMinutes = 7 * 60;
  if (clock.endsWith('Z')) {
    clock = clock.slice(0, -1);
    zoneMinutes = 0;
  } else if (/[+-]\d\d:\d\d$/.test(clock)) {
    const zone = clock.slice(-6);
    clock = clock.slice(0, -6);
    zoneMinutes = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  }
  const [hms, fraction = ''] = clock.split('.');
  const [h = 0, min = 0, sec = 0] = hms ? hms.split(':').map(Number) : [];
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return ((daysFromEpoch(y, m, d) * 24 + h) * 60 + min - zoneMinutes) * 60_000 + sec * 1000 + millis;
}

type Check = (v: unknown, at: string) => string | undefined;

/** An optional key: absent is fine, present must pass `check`. */
function opt(o: J, key: string, at: string, check: Check): string | undefined {
  return has(o, key) ? check(o[key], `${at}.${key}`) : undefined;
}

const str: Check = (v, at) => (isStr(v) ? undefined : `${at}: string`);
const date: Check = (v, at) => (isIsoDate(v) ? undefined : `${at}: date`);

const source: Check = (v, at) => {
  if (!isObj(v)) return `${at}: object`;
  if (!filled(v.name) || !has(v, 'name')) return `${at}.name: non-empty string`;
  return opt(v, 'url', at, str);
};

/**
 * A `history` list: at most 1,000 objects, oldest first, each with a real
 * date strictly after the one before and strictly before `figureDate` (when
 * there is one), and a figure that passes `point`.
 */
function history(v: unknown, at: string, figureDate: unknown, point: (p: J, at: string) => string | undefined): string | undefined {
  if (!Array.isArray(v)) return `${at}: array`;
  if (v.length > 1000) return `${at}: more than 1000 points`;
  const end = momentOf(figureDate);
  let before: number | undefined;
  for (const [i, p] of v.entries()) {
    const here = `${at}[${i}]`;
    if (!isObj(p)) return `${here}: object`;
    if (!has(p, 'asOf')) return `${here}.asOf: required`;
    const when = momentOf(p.asOf);
    if (when === undefined) return `${here}.asOf: date`;
    if (before !== undefined && !(when > before)) return `${here}.asOf: not after the point before`;
    if (end !== undefined && !(when < end)) return `${here}.asOf: not before the figure`;
    before = when;
    const bad = point(p, here);
    if (bad) return bad;
  }
  return undefined;
}

/** Model counts, whose total (a point's own, else `inherited`) bounds the sum of the three. */
function tally(v: J, at: string, inherited?: number): string | undefined {
  let total = inherited;
  if (has(v, 'total') || inherited === undefined) {
    if (!has(v, 'total') || !whole(v.total)) return `${at}.total: whole`;
    total = v.total as number;
  }
  let sum = 0;
  for (const k of ['completed', 'inProgress', 'notStarted']) {
    if (!has(v, k)) continue;
    if (!whole(v[k])) return `${at}.${k}: whole`;
    sum += v[k] as number;
  }
  return sum > total! ? `${at}: sum over total` : undefined;
}

/** A `models` block dated `date` (the nearest asOf above it). */
const counts = (v: unknown, at: string, date: unknown): string | undefined => {
  if (!isObj(v)) return `${at}: object`;
  const bad = tally(v, at);
  if (bad || !has(v, 'history')) return bad;
  return history(v.history, `${at}.history`, date, (p, here) => tally(p, here, v.total as number));
};

/** One earlier point of a metric: value or rate, maybe total (not below value) and period; nothing else is read. */
const metricPoint = (p: J, at: string): string | undefined => {
  for (const k of ['value', 'total']) if (has(p, k) && !nonNeg(p[k])) return `${at}.${k}: ≥ 0`;
  if (has(p, 'rate') && !rate(p.rate)) return `${at}.rate: 0–1`;
  if (!has(p, 'value') && !has(p, 'rate')) return `${at}: value or rate`;
  if (has(p, 'value') && has(p, 'total') && (p.value as number) > (p.total as number)) return `${at}: value over total`;
  return opt(p, 'period', at, str);
};

/** A metric figure; `inherited` is its area's date (else the feed's), used when it has none of its own. */
const figure = (v: unknown, at: string, inherited: unknown): string | undefined => {
  if (!isObj(v)) return `${at}: object`;
  for (const k of ['value', 'total']) if (has(v, k) && !nonNeg(v[k])) return `${at}.${k}: ≥ 0`;
  if (has(v, 'rate') && !rate(v.rate)) return `${at}.rate: 0–1`;
  // `previous` is of the kind of the figure shown: the value, or else the reported rate.
  if (has(v, 'previous') && !(has(v, 'value') ? nonNeg(v.previous) : has(v, 'rate') ? rate(v.previous) : nonNeg(v.previous))) {
    return `${at}.previous`;
  }
  if (has(v, 'target')) {
    const asRate = has(v, 'total') || has(v, 'rate');
    if (asRate ? !rate(v.target) : !nonNeg(v.target)) return `${at}.target`;
  }
  if (!has(v, 'value') && !has(v, 'rate')) return `${at}: value or rate`;
  if (has(v, 'value') && has(v, 'total') && (v.value as number) > (v.total as number)) return `${at}: value over total`;
  const bad = opt(v, 'period', at, str) ?? opt(v, 'asOf', at, date) ?? opt(v, 'source', at, source);
  if (bad || !has(v, 'history')) return bad;
  return history(v.history, `${at}.history`, has(v, 'asOf') ? v.asOf : inherited, metricPoint);
};

/** A province, commune or the national block; `inherited` is the date of the level above. */
function area(o: J, at: string, inherited: unknown): string | undefined {
  const own = has(o, 'asOf') ? o.asOf : inherited;
  const bad =
    (has(o, 'models') ? counts(o.models, `${at}.models`, own) : undefined) ??
    opt(o, 'asOf', at, date) ??
    opt(o, 'source', at, source);
  if (bad) return bad;
  if (!has(o, 'metrics')) return undefined;
  if (!isObj(o.metrics)) return `${at}.metrics: object`;
  for (const id of Object.keys(o.metrics)) {
    const b = figure(o.metrics[id], `${at}.metrics[${JSON.stringify(id)}]`, own);
    if (b) return b;
  }
  return undefined;
}

/** What a province and a commune share: a slug id, a name, statuses by model, the area's figures. */
function place(p: J, at: string, inherited: unknown): string | undefined {
  if (!SLUG.test(p.id as string)) return `${at}.id: slug`;
  if (!filled(p.name)) return `${at}.name: non-empty string`;
  if (has(p, 'modelStatus')) {
    if (!isObj(p.modelStatus)) return `${at}.modelStatus: object`;
    // A status that disagrees with the counts, or names an unknown model, is only a warning.
    for (const [k, s] of Object.entries(p.modelStatus)) if (!STATUSES.includes(s as string)) return `${at}.modelStatus.${k}`;
  }
  return area(p, at, inherited);
}

/** The official commune code: a string of exactly five ASCII digits. */
const communeCode: Check = (v, at) =>
  isStr(v) && v.length === 5 && [...v].every((c) => c >= '0' && c <= '9') ? undefined : `${at}: five digits`;

const STATUSES = ['completed', 'in-progress', 'not-started'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks a list of objects with unique non-blank ids, each by `item`. */
function list(v: unknown, at: string, item: (o: J, at: string) => string | undefined): string | undefined {
  if (!Array.isArray(v)) return `${at}: array`;
  const ids = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const here = `${at}[${i}]`;
    const o = v[i];
    if (!isObj(o)) return `${here}: object`;
    if (!has(o, 'id') || !filled(o.id)) return `${here}.id: non-empty string`;
    const bad = item(o, here);
    if (bad) return bad;
    if (ids.has(o.id as string)) return `${here}.id: duplicate`;
    ids.add(o.id as string);
  }
  return undefined;
}

/** The first rule `feed` (parsed JSON) breaks, or undefined when it keeps them all. */
export function feedBreaks(feed: unknown): string | undefined {
  if (!isObj(feed)) return 'feed: object';
  if (feed.version !== 1 || !has(feed, 'version')) return 'version: 1';
  if (!has(feed, 'national') && !has(feed, 'provinces')) return 'national or provinces';
  const top = opt(feed, 'title', '', str) ?? opt(feed, 'asOf', '', date) ?? opt(feed, 'nextUpdate', '', date) ?? opt(feed, 'source', '', source);
  if (top) return top;
  if (has(feed, 'models')) {
    const bad = list(feed.models, 'models', (m, at) => (filled(m.name) ? undefined : `${at}.name: non-empty string`));
    if (bad) return bad;
  }
  if (has(feed, 'metrics')) {
    const bad = list(feed.metrics, 'metrics', (m, at) => {
      if (!filled(m.name)) return `${at}.name: non-empty string`;
      if (has(m, 'max') && !(finite(m.max) && m.max > 0)) return `${at}.max: > 0`;
      if (has(m, 'higherIsBetter') && typeof m.higherIsBetter !== 'boolean') return `${at}.higherIsBetter: boolean`;
      return opt(m, 'unit', at, str);
    });
    if (bad) return bad;
  }
  const feedDate = feed.asOf;
  if (has(feed, 'national')) {
    if (!isObj(feed.national)) return 'national: object';
    const bad = opt(feed.national, 'name', 'national', str) ?? area(feed.national, 'national', feedDate);
    if (bad) return bad;
  }
  if (has(feed, 'provinces')) {
    return list(feed.provinces, 'provinces', (p, at) => {
      const bad = opt(p, 'code', at, str) ?? place(p, at, feedDate);
      if (bad || !has(p, 'communes')) return bad;
      // Communes: a province's fields and rules, ids unique within the province, dated by it when they have no date.
      const provinceDate = has(p, 'asOf') ? p.asOf : feedDate;
      return list(p.communes, `${at}.communes`, (c, here) => opt(c, 'code', here, communeCode) ?? place(c, here, provinceDate));
    });
  }
  return undefined;
}

/** The same for a feed's text: an optional BOM, then JSON. */
export function textBreaks(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return 'JSON';
  }
  return feedBreaks(parsed);
}
