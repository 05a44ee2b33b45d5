/**
 * What `<tiendo-chart>` shows, read out of a feed before any words or drawing:
 * - across areas (the provinces, or with `level="commune"` the communes of one
 *   province): one row per area with its own source and date;
 * - over time (`province`, `commune` or `compare`): one series per area, its
 *   history and then its latest figure at its own date, each point placed at the
 *   moment its date stands for.
 * Part of the chart's view chunk (chart-table).
 */
import type { WidgetProblem } from '../base/tiendo-element.js';
import { nearestId } from '../base/figures-controller.js';
import type { RegroupedProvince, Withheld } from '../places/regroup.js';
import { provenance, rateOf, type Provenance } from '../feed/figures.js';
import { instantOf, metricSeries, modelSeries } from '../feed/history.js';
import type { Feed, FeedArea, FeedSource, ModelStatus, Province } from '../feed/types.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import type { ChartWord } from './chart-words.js';
import type { ChartPlaces, ChartRow, ChartType, ChartView, TimePoint, TimeSeries } from './chart-types.js';

const TYPES: readonly string[] = ['bar', 'horizontal-bar', 'line', 'doughnut'];
export const STATUSES: readonly ModelStatus[] = ['completed', 'in-progress', 'not-started'];

/** The id `province` (or an item of `compare`) gives the national block, when no province has it. */
export const NATIONAL = 'national';

/** The attributes that choose what a chart shows. */
export interface ChartChoice {
  type?: string;
  metric?: string;
  highlight?: string;
  province?: string;
  commune?: string;
  compare?: string;
  level?: string;
  /** `regroup="2025"`: a feed of the 63 added up into the 34 (across provinces). */
  regroup?: boolean;
  /** `show-present`: a former province named with the unit it is now part of. */
  showPresent?: boolean;
  /** Communes drawn at each end (top and bottom) when there are more than twice as many; default 10. */
  limit?: number;
}

/** How many communes a chart draws at each end by default: past twice as many it draws the top and bottom ones. */
export const LIMIT = 10;

/** An area of the feed with where its figures come from. */
interface Place {
  id: string;
  name: string;
  area: FeedArea;
  /** The province of a commune. */
  parent?: Province;
  /** `show-present`: the unit it is now part of. */
  present?: string;
}

/** Why the type drawn is not the one asked for: a chart word's key (see chart-words.ts). */
export type TypeNote = 'chart.lineAcross' | 'chart.stackedLine' | 'chart.typeOver' | 'chart.typeUnknown';

/**
 * The type to draw for the type asked: over time `line` (default) or `bar`; across
 * areas `bar` (default), `horizontal-bar` or `doughnut`, a line joining unrelated
 * areas being drawn as bars. An unknown type falls back to the default, as an HTML
 * enumerated attribute does. The note says why, for the editor.
 */
export function chartType(asked: string | undefined, overTime: boolean, stacksOfAreas: boolean): { type: ChartType; note?: TypeNote } {
  const fallback: ChartType = overTime ? (stacksOfAreas ? 'bar' : 'line') : 'bar';
  if (!asked) return { type: fallback };
  if (!TYPES.includes(asked)) return { type: fallback, note: 'chart.typeUnknown' };
  if (!overTime) return asked === 'line' ? { type: 'bar', note: 'chart.lineAcross' } : { type: asked as ChartType };
  if (asked === 'bar') return { type: 'bar' };
  if (asked === 'line') return stacksOfAreas ? { type: 'bar', note: 'chart.stackedLine' } : { type: 'line' };
  return { type: fallback, note: 'chart.typeOver' };
}

const sameSource = (a?: FeedSource, b?: FeedSource) => a?.name === b?.name && a?.url === b?.url;

/**
 * Where figures come from when all agree; where they differ, nothing (the footer
 * must not credit one source or date to figures that are not its), and which differ.
 */
export function common(items: Provenance[]): Provenance & { mixed?: { source: boolean; asOf: boolean } } {
  const [first] = items;
  const source = items.some((p) => !sameSource(p.source, first?.source));
  const asOf = items.some((p) => p.asOf !== first?.asOf);
  return {
    source: source ? undefined : first?.source,
    asOf: asOf ? undefined : first?.asOf,
    mixed: source || asOf ? { source, asOf } : undefined,
  };
}

/** The ids of a comma list, trimmed, without blanks or repeats. */
function ids(list?: string): string[] {
  return [...new Set((list ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * The view of `feed` for the attributes in `c`; undefined when no area has the
 * figures (the empty state); a problem when an area or metric named is not there.
 */
export function chartView(feed: Feed, c: ChartChoice, lists?: ChartPlaces): ChartView | WidgetProblem | undefined {
  const level = c.level?.trim() === 'commune' ? 'commune' : 'province';
  const id = c.metric?.trim() || undefined;
  const def = id ? feed.metrics.find((m) => m.id === id) : undefined;
  const compare = ids(c.compare);
  const province = c.province?.trim() || undefined;
  const commune = c.commune?.trim() || undefined;
  const overTime = compare.length > 0 || Boolean(commune) || (level === 'province' && Boolean(province));

  // The province whose communes are charted (level="commune", or one commune of it).
  let parent: Province | undefined;
  if (level === 'commune' || commune) {
    parent = province ? feed.provinces.find((p) => p.id === province) : feed.provinces.length === 1 ? feed.provinces[0] : undefined;
    if (!parent) return province ? unknownProvince(feed, province) : { key: 'error.needProvince', kind: 'selection' };
  }
  // Across provinces, `regroup="2025"` adds a feed of the 63 up into the 34 (not a doughnut of
  // statuses: its totals are the same); `show-present` names a former province with its unit.
  const byStatus = !id && !overTime && c.type?.trim() === 'doughnut';
  let provinces = feed.provinces;
  let regrouped: { withheld: Withheld[]; unplaced: string[] } | undefined;
  let present: Map<string, string> | undefined;
  if (lists && c.regroup && !overTime && !parent && !byStatus) {
    const r = lists.regroupFeed(feed);
    if (r.era === 'before-2025') {
      provinces = [...r.provinces, ...r.unplaced];
      regrouped = { withheld: [], unplaced: r.unplaced.map((p) => p.name) };
    }
  }
  if (lists && c.showPresent && !regrouped) present = lists.presentNames(feed);
  const placeOf = (x: string): Place | WidgetProblem => {
    if (parent && (level === 'commune' || x === commune)) {
      const found = parent.communes?.find((m) => m.id === x);
      return found ? { id: x, name: found.name, area: found, parent } : { key: 'error.commune', params: { id: x }, kind: 'selection' };
    }
    const found = feed.provinces.find((p) => p.id === x);
    if (found) return { id: x, name: found.name, area: found, present: present?.get(x) };
    if (x === NATIONAL && feed.national) return { id: x, name: feed.national.name ?? '', area: feed.national };
    return { key: 'error.province', params: { id: x }, kind: 'selection' };
  };

  let places: Place[];
  const dropped: { id: string; near?: string }[] = [];
  if (overTime) {
    const wanted = compare.length ? compare : [commune ?? province!];
    places = [];
    for (const x of wanted) {
      const p = placeOf(x);
      if (!('key' in p)) places.push(p);
      else if (!compare.length) return p.key === 'error.province' ? unknownProvince(feed, x) : p;
      // An area of `compare` the feed lacks is left out (said under `debug`), with the id meant when a name was written.
      else dropped.push({ id: x, near: level === 'commune' && parent ? nearestIn(parent.communes ?? [], x) : nearestId(feed, x) });
    }
    if (!places.length) return problem(compareNote(dropped[0]));
  } else if (parent) {
    places = (parent.communes ?? []).map((m) => ({ id: m.id, name: m.name, area: m, parent }));
  } else {
    places = provinces.map((p) => ({ id: p.id, name: p.name, area: p, present: present?.get(p.id) }));
  }
  const origin = (p: Place) => provenance(id ? p.area.metrics[id] : undefined, p.area, p.parent, feed);

  if (id && !def && !places.some((p) => Object.hasOwn(p.area.metrics, id)) && !(regrouped && feed.provinces.some((p) => Object.hasOwn(p.metrics, id)))) {
    return unknownMetric(feed, id);
  }
  const metric = id
    ? { name: def?.name ?? id, unit: def?.unit, rate: false, higherIsBetter: def?.higherIsBetter ?? true }
    : undefined;
  const { type, note } = chartType(c.type?.trim() || undefined, overTime, !id && places.length > 1);
  const base = {
    name: feed.title ?? '',
    type,
    asked: note ? c.type?.trim() : undefined,
    metric,
    level,
    within: level === 'commune' ? parent?.name : undefined,
    highlight: c.highlight?.trim() || undefined,
    typeNote: note,
    ...(dropped.length ? { dropped } : {}),
  } as const;

  if (overTime) {
    const time = timeSeries(places, id, origin);
    if (!time) return undefined;
    if (metric) metric.rate = time.rate;
    for (const s of time.series) {
      const now = present?.get(s.id);
      if (now) (s as TimeSeries).present = now;
    }
    return { ...base, rows: [], time: time.series, ...common(time.series) };
  }

  let rows: ChartRow[] = [];
  // A regrouped unit whose figure cannot be added up has a row of "—" (no bar), saying why once.
  const withheldRow = (p: Place, n: number): ChartRow | undefined => {
    const why = (p.area as Partial<RegroupedProvince>).withheld?.[id ?? 'models'];
    if (!why || !regrouped) return undefined;
    if (!regrouped.withheld.includes(why)) regrouped.withheld.push(why);
    return { id: p.id, name: p.name, values: Array<undefined>(n).fill(undefined), withheld: true, ...partsOf(p), ...origin(p) };
  };
  if (id) {
    const having = places.filter((p) => Object.hasOwn(p.area.metrics, id));
    // Rates compare areas of any size; counts only where some area has no rate. A regrouped
    // feed is judged by its own provinces too (a unit may have had its rate withheld).
    const judged = having.map((p) => p.area).concat(regrouped ? feed.provinces.filter((p) => Object.hasOwn(p.metrics, id)) : []);
    const rate = judged.every(({ metrics: m }) => rateOf(m[id].value, m[id].total, m[id].rate) !== undefined);
    metric!.rate = rate;
    for (const p of places) {
      const f = p.area.metrics[id];
      const held = withheldRow(p, 1);
      const v = f && (rate ? rateOf(f.value, f.total, f.rate) : f.value);
      if (held) rows.push(held);
      else if (v !== undefined) rows.push({ id: p.id, name: p.name, values: [v], score: v, ...partsOf(p), ...origin(p) });
    }
  } else {
    for (const p of places) {
      const m = p.area.models;
      const values = [m?.completed, m?.inProgress, m?.notStarted];
      const held = withheldRow(p, 3);
      if (held) rows.push(held);
      // An area with no count by status (only a total, or no models) has nothing to draw.
      else if (values.some((v) => v !== undefined)) {
        const score = m!.total && values[0] !== undefined ? values[0] / m!.total : undefined;
        rows.push({ id: p.id, name: p.name, values, score, ...partsOf(p), ...origin(p) });
      }
    }
    // A doughnut of pilot models: the models of every area, by status.
    const areas = rows;
    if (type === 'doughnut' && areas.length) {
      const where = common(areas);
      rows = STATUSES.map((status, i) => {
        const n = areas.reduce((sum, r) => sum + (r.values[i] ?? 0), 0);
        return { id: status, name: '', values: [n], score: n };
      });
      // The statuses sum up areas whose sources may differ: those are listed with the table.
      return { ...base, rows, ...where, sources: where.mixed ? areas.map(({ name, source, asOf }) => ({ name, source, asOf })) : undefined };
    }
  }
  if (!rows.length) return undefined;
  const where = common(rows);
  const trimmed = level === 'commune' ? trim(rows, c.limit, base.highlight, metric?.higherIsBetter !== false) : undefined;
  if (trimmed) rows = trimmed.rows;
  return {
    ...base,
    rows,
    ...where,
    ...(trimmed ? { trimmed: trimmed.trimmed } : {}),
    ...(regrouped ? { regrouped: { withheld: regrouped.withheld[0], unplaced: regrouped.unplaced } } : {}),
  };
}

/**
 * Many communes: the top and bottom `limit` (default 10) by the figure and the
 * highlighted commune, highest first, once more than twice `limit` have the figure;
 * the table keeps every row. Rank 1 is the best (the lowest where lower is better).
 */
function trim(rows: ChartRow[], limit: number | undefined, highlight: string | undefined, higherIsBetter: boolean) {
  const n = limit !== undefined && limit >= 1 ? Math.floor(limit) : LIMIT;
  const ranked = rows.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score!);
  if (ranked.length <= 2 * n) return undefined;
  const keep = new Set([...ranked.slice(0, n), ...ranked.slice(-n)]);
  const h = ranked.find((r) => r.id === highlight);
  if (h) keep.add(h);
  const rank = h && 1 + ranked.filter((r) => (higherIsBetter ? r.score! > h.score! : r.score! < h.score!)).length;
  return {
    rows: ranked.filter((r) => keep.has(r)),
    trimmed: { every: rows, top: n, bottom: n, count: ranked.length, rank, name: h?.name },
  };
}

/** What a regrouped unit adds up, when it is more than itself: its former provinces, and those the feed lacks. */
function partsOf(p: Place): Pick<ChartRow, 'parts' | 'missing' | 'present'> {
  const unit = p.area as Partial<RegroupedProvince>;
  const out: Pick<ChartRow, 'parts' | 'missing' | 'present'> = p.present ? { present: p.present } : {};
  if (unit.parts && (unit.parts.length > 1 || unit.missing?.length || unit.parts[0]?.name !== p.name)) {
    out.parts = unit.parts.map((x) => x.name);
    if (unit.missing?.length) out.missing = unit.missing;
  }
  return out;
}

/** A province the feed lacks, with the id meant when a name was written ("Nghệ An" → nghe-an). */
function unknownProvince(feed: Feed, id: string): WidgetProblem {
  const near = nearestId(feed, id);
  return near ? { key: 'error.provinceNear', params: { id, near }, kind: 'selection' } : { key: 'error.province', params: { id }, kind: 'selection' };
}

/** The id in `list` (communes, metrics) meant by `wanted`, written as a name: the base's `nearestId` over that list (it reads only `provinces`). */
function nearestIn(list: { id: string; name: string }[], wanted: string): string | undefined {
  return nearestId({ provinces: list } as unknown as Feed, wanted);
}

/** The note (or, when nothing is left, the problem) for an item of `compare` the feed lacks. */
export function compareNote(d: { id: string; near?: string }): { key: ChartWord; params: MessageParams } {
  return d.near ? { key: 'chart.compare.near', params: { id: d.id, near: d.near } } : { key: 'chart.compare.unknown', params: { id: d.id } };
}

/** A metric the feed lacks: the id meant when its name was written, else the ids there are. */
function unknownMetric(feed: Feed, id: string): WidgetProblem {
  const near = nearestIn(feed.metrics, id);
  if (near) return problem({ key: 'chart.metricNear', params: { id, near } });
  const ids = feed.metrics.map((m) => m.id).join(', ');
  return problem(ids ? { key: 'chart.metricUnknown', params: { id, ids } } : { key: 'error.metric', params: { id } });
}

/** A problem in the chart's own words (chart-words.ts adds them to the catalogue), or the editors' words. */
function problem({ key, params }: { key: ChartWord | MessageKey; params: MessageParams }): WidgetProblem {
  return { key: key as MessageKey, params, kind: 'selection' };
}

/**
 * Each area's figure over time (its rate when every point has one, else its value), or
 * its three model counts; points without a date have no place on a time axis and are
 * left out. Undefined when no area has a dated figure.
 */
function timeSeries(
  places: Place[],
  id: string | undefined,
  origin: (p: Place) => Provenance,
): { series: TimeSeries[]; rate: boolean } | undefined {
  const found: { place: Place; where: Provenance; raw: (TimePoint & { value?: number; rate?: number })[] }[] = [];
  for (const place of places) {
    const where = origin(place);
    let raw: (TimePoint & { value?: number; rate?: number })[];
    if (id) {
      const figure = place.area.metrics[id];
      if (!figure) continue;
      raw = metricSeries(figure, where.asOf).map((p) => ({
        asOf: p.asOf ?? '',
        at: NaN,
        values: [],
        value: p.value,
        rate: rateOf(p.value, p.total, p.rate),
        total: p.total,
        period: p.period,
      }));
    } else {
      const models = place.area.models;
      if (!models) continue;
      raw = modelSeries(models, where.asOf).map((p) => ({
        asOf: p.asOf ?? '',
        at: NaN,
        values: [p.completed, p.inProgress, p.notStarted],
        total: p.total,
      }));
    }
    for (const p of raw) p.at = p.asOf ? instantOf(p.asOf) : NaN;
    raw = raw.filter((p) => Number.isFinite(p.at));
    if (raw.length) found.push({ place, where, raw });
  }
  if (!found.length) return undefined;
  const rate = Boolean(id) && found.every((s) => s.raw.every((p) => p.rate !== undefined));
  const series = found.map(({ place, where, raw }) => ({
    id: place.id,
    name: place.name,
    source: where.source,
    asOf: where.asOf,
    points: raw.map(({ asOf, at, values, total, period, value, rate: r }) => ({
      asOf,
      at,
      values: id ? [rate ? r : value] : values,
      total,
      period,
    })),
  }));
  return { series, rate };
}
