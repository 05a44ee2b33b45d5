/**
 * A feed of the 63 provinces before 1 July 2025, added up into the 34 units of
 * today (SPEC.md, "Places": `regroup="2025"`), and an old province's present
 * unit (`show-present`). Pure functions over a validated feed, shared by the
 * widgets that compare provinces (table, chart, map); no words, no drawing.
 *
 * What can be added up is added up: model counts, and a metric's value/total
 * pairs (and plain values, which are counts) of every old province of a unit.
 * What cannot is withheld with its reason, never guessed: a rate the source
 * reported without its counts, a score (a metric with `max`), and a figure that
 * some of the unit's provinces in the feed do not give (a partial sum would read
 * as the unit's whole). Histories are not added up (their dates need not agree).
 */
import type { Feed, FeedSource, MetricValue, ModelProgress, Province } from '../feed/types.js';
import type { Provenance } from '../feed/figures.js';
import { eraOf, presentUnitOf, resolveUnit, UNITS_2025, UNITS_BEFORE_2025, type Era, type PresentUnit } from './provinces.js';
import { foldName } from './names.js';

/** Why a unit's figure is withheld: a reported rate, a score, or a figure some of its provinces lack. */
export type Withheld = 'rate' | 'score' | 'partial';

/** One of the 34 units, made of the old provinces of a feed: the fields of a province, and how it was made. */
export interface RegroupedProvince extends Province {
  /** The feed's provinces added up into it: the one that hosts the unit first, then by code. */
  parts: Province[];
  /** The names of the unit's old provinces that the feed does not list (its figures leave them out). */
  missing: string[];
  /** Metrics (by id) and `models` whose figure is withheld, with why. */
  withheld: Record<string, Withheld>;
  /**
   * The distinct sources and dates of its parts (each part's nearest, the feed's
   * last), when they differ; `source`/`asOf` hold them when they agree.
   */
  provenances: Provenance[];
}

/** The feed's provinces as the 34 units. */
export interface Regrouped {
  /** The era the feed's provinces were read in (`2025`: nothing was added up). */
  era: Era;
  /** The units with at least one of the feed's provinces, in code order; the feed's own provinces when `era` is `2025`. */
  provinces: (Province | RegroupedProvince)[];
  /** Provinces of the feed that name no old unit, kept as they are (they are listed, never dropped). */
  unplaced: Province[];
}

const sameSource = (a?: FeedSource, b?: FeedSource) => a?.name === b?.name && a?.url === b?.url;

/** The distinct provenances of `list`. */
function distinct(list: Provenance[]): Provenance[] {
  const out: Provenance[] = [];
  for (const p of list) if (!out.some((q) => q.asOf === p.asOf && sameSource(q.source, p.source))) out.push(p);
  return out;
}

/** The sum of `key` over every part, or undefined when a part lacks it. */
function sum<T>(items: T[], key: (t: T) => number | undefined): number | undefined {
  let total = 0;
  for (const item of items) {
    const x = key(item);
    if (x === undefined) return undefined;
    total += x;
  }
  return total;
}

/** The parts' model counts added up; `partial` when a part has none (or lacks a count the others give). */
function addModels(parts: Province[]): { models?: ModelProgress; partial: boolean } {
  const withModels = parts.filter((p) => p.models);
  if (!withModels.length) return { partial: false };
  if (withModels.length < parts.length) return { partial: true };
  const ms = withModels.map((p) => p.models!);
  const models: ModelProgress = { total: sum(ms, (m) => m.total)! };
  const counts = ['completed', 'inProgress', 'notStarted'] as const;
  let partial = false;
  for (const c of counts) {
    const s = sum(ms, (m) => m[c]);
    if (s !== undefined) models[c] = s;
    else if (ms.some((m) => m[c] !== undefined)) partial = true;
  }
  return { models, partial };
}

/** One metric of the parts added up, or why it cannot be. */
function addMetric(feed: Feed, id: string, parts: Province[]): MetricValue | Withheld | undefined {
  const values = parts.map((p) => p.metrics[id]);
  const given = values.filter((v): v is MetricValue => v !== undefined);
  if (!given.length) return undefined;
  if (feed.metrics.find((m) => m.id === id)?.max !== undefined) return 'score';
  // A rate the source reported, without its counts, cannot be added up.
  if (given.some((v) => v.value === undefined || (v.rate !== undefined && v.total === undefined))) return 'rate';
  if (given.length < values.length) return 'partial';
  const withTotal = given.filter((v) => v.total !== undefined).length;
  if (withTotal && withTotal < given.length) return 'partial';
  const out: MetricValue = { value: sum(given, (v) => v.value)! };
  if (withTotal) out.total = sum(given, (v) => v.total);
  const previous = sum(given, (v) => v.previous);
  if (previous !== undefined) out.previous = previous;
  // Each part's own figure source and date (the nearest), kept when they agree.
  const from = distinct(parts.map((p, i) => ({ source: values[i]!.source ?? p.source ?? feed.source, asOf: values[i]!.asOf ?? p.asOf ?? feed.asOf })));
  if (from.length === 1) Object.assign(out, from[0].source ? { source: from[0].source } : {}, from[0].asOf ? { asOf: from[0].asOf } : {});
  return out;
}

/** The unit `unit` made of `parts` (feed provinces of the 63). */
function unitOf(feed: Feed, unit: PresentUnit, parts: Province[]): RegroupedProvince {
  const withheld: Record<string, Withheld> = {};
  const { models, partial } = addModels(parts);
  if (partial) withheld.models = 'partial';
  const metrics: Record<string, MetricValue> = Object.create(null) as Record<string, MetricValue>;
  const ids = new Set(parts.flatMap((p) => Object.keys(p.metrics)));
  for (const id of ids) {
    const m = addMetric(feed, id, parts);
    if (typeof m === 'string') withheld[id] = m;
    else if (m) metrics[id] = m;
  }
  const provenances = distinct(parts.map((p) => ({ source: p.source ?? feed.source, asOf: p.asOf ?? feed.asOf })));
  const listed = new Set(parts.map((p) => resolveUnit(p, 'before-2025')?.code));
  const missing = hostFirst(unit, UNITS_BEFORE_2025.filter((u) => u.joined === unit.code && !listed.has(u.code))).map((u) => u.name);
  const one = provenances.length === 1 ? provenances[0] : undefined;
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    ...(models ? { models } : {}),
    metrics,
    modelStatus: Object.create(null) as Record<string, never>,
    ...(one?.source ? { source: one.source } : {}),
    ...(one?.asOf ? { asOf: one.asOf } : {}),
    parts,
    missing,
    withheld,
    provenances: one ? [] : provenances,
  };
}

/**
 * The feed's provinces as the 34 units of 1 July 2025: a feed of the 63 is
 * added up (see the module's note); a feed already in the 34 is returned as it is.
 * National figures are not touched.
 */
export function regroupFeed(feed: Feed): Regrouped {
  const era = eraOf(feed.provinces, feed.asOf) ?? '2025';
  if (era === '2025') return { era, provinces: feed.provinces, unplaced: [] };
  const byUnit = new Map<string, Province[]>();
  const unplaced: Province[] = [];
  for (const p of feed.provinces) {
    const unit = presentOf(p);
    if (!unit) unplaced.push(p);
    else byUnit.set(unit.code, [...(byUnit.get(unit.code) ?? []), p]);
  }
  const provinces = UNITS_2025.filter((u) => byUnit.has(u.code)).map((u) => {
    const parts = byUnit.get(u.code)!.map((p) => ({ p, code: resolveUnit(p, 'before-2025')!.code }));
    return unitOf(feed, u, hostFirst(u, parts).map(({ p }) => p));
  });
  return { era, provinces, unplaced };
}

/** Old provinces in the order a unit names them: the one that hosts it (kept its code) first, then by code. */
function hostFirst<T extends { code: string }>(unit: PresentUnit, list: T[]): T[] {
  const rank = (x: T) => (x.code === unit.code ? '' : x.code);
  return [...list].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/** The present unit (of the 34) that an old province (by code, else name) is part of. */
export function presentOf(place: { code?: string; name?: string }): PresentUnit | undefined {
  const former = resolveUnit(place, 'before-2025');
  return former && presentUnitOf(former.code);
}

/**
 * For `show-present`: the name of the unit an old province of a feed of the 63 is now
 * part of, by province id, for those whose unit has another name (Vĩnh Phúc → Phú Thọ,
 * Bình Định → Gia Lai; not Nghệ An, nor Lào Cai, whose unit keeps its name, nor Thừa
 * Thiên Huế, which the unit's list knows by that name too). Empty for a feed of the 34.
 */
export function presentNames(feed: Feed): Map<string, string> {
  const out = new Map<string, string>();
  if (eraOf(feed.provinces, feed.asOf) !== 'before-2025') return out;
  for (const p of feed.provinces) {
    const unit = presentOf(p);
    const own = new Set([unit?.name, ...(unit?.aliases ?? [])].filter((n) => n !== undefined).map(foldName));
    if (unit && !own.has(foldName(p.name))) out.set(p.id, unit.name);
  }
  return out;
}
