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
import { provenance, rateOf, type Provenance } from '../feed/figures.js';
import { instantOf, metricSeries, modelSeries } from '../feed/history.js';
import type { Feed, FeedArea, FeedSource, ModelStatus, Province } from '../feed/types.js';
import type { ChartRow, ChartType, ChartView, TimePoint, TimeSeries } from './chart-types.js';

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
}

/** An area of the feed with where its figures come from. */
interface Place {
  id: string;
  name: string;
  area: FeedArea;
  /** The province of a commune. */
  parent?: Province;
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
export function chartView(feed: Feed, c: ChartChoice): ChartView | WidgetProblem | undefined {
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
    if (!parent) return province ? { key: 'error.province', params: { id: province }, kind: 'selection' } : { key: 'error.needProvince', kind: 'selection' };
  }
  const placeOf = (x: string): Place | WidgetProblem => {
    if (parent && (level === 'commune' || x === commune)) {
      const found = parent.communes?.find((m) => m.id === x);
      return found ? { id: x, name: found.name, area: found, parent } : { key: 'error.commune', params: { id: x }, kind: 'selection' };
    }
    const found = feed.provinces.find((p) => p.id === x);
    if (found) return { id: x, name: found.name, area: found };
    if (x === NATIONAL && feed.national) return { id: x, name: feed.national.name ?? '', area: feed.national };
    return { key: 'error.province', params: { id: x }, kind: 'selection' };
  };

  let places: Place[];
  if (overTime) {
    const wanted = compare.length ? compare : [commune ?? province!];
    places = [];
    for (const x of wanted) {
      const p = placeOf(x);
      if ('key' in p) return p;
      places.push(p);
    }
  } else if (parent) {
    places = (parent.communes ?? []).map((m) => ({ id: m.id, name: m.name, area: m, parent }));
  } else {
    places = feed.provinces.map((p) => ({ id: p.id, name: p.name, area: p }));
  }
  const origin = (p: Place) => provenance(id ? p.area.metrics[id] : undefined, p.area, p.parent, feed);

  if (id && !def && !places.some((p) => Object.hasOwn(p.area.metrics, id))) {
    return { key: 'error.metric', params: { id }, kind: 'selection' };
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
  } as const;

  if (overTime) {
    const time = timeSeries(places, id, origin);
    if (!time) return undefined;
    if (metric) metric.rate = time.rate;
    return { ...base, rows: [], time: time.series, ...common(time.series) };
  }

  let rows: ChartRow[] = [];
  if (id) {
    const having = places.filter((p) => Object.hasOwn(p.area.metrics, id));
    // Rates compare areas of any size; counts only where some area has no rate.
    const rate = having.every(({ area: { metrics: m } }) => rateOf(m[id].value, m[id].total, m[id].rate) !== undefined);
    metric!.rate = rate;
    for (const p of having) {
      const f = p.area.metrics[id];
      const v = rate ? rateOf(f.value, f.total, f.rate) : f.value;
      if (v !== undefined) rows.push({ id: p.id, name: p.name, values: [v], score: v, ...origin(p) });
    }
  } else {
    for (const p of places) {
      const m = p.area.models;
      const values = [m?.completed, m?.inProgress, m?.notStarted];
      // An area with no count by status (only a total, or no models) has nothing to draw.
      if (values.some((v) => v !== undefined)) {
        rows.push({ id: p.id, name: p.name, values, score: m!.total && values[0] !== undefined ? values[0] / m!.total : undefined, ...origin(p) });
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
  return { ...base, rows, ...common(rows) };
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
