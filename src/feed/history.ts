/**
 * Small, pure helpers for a figure's `history` (docs/feed-format.md, "history": progress is a
 * change), for the validator and the widgets alike. They read a validated,
 * normalised feed: points oldest first, every date before the figure's own.
 */
import type { MetricPoint, MetricValue, ModelCounts, ModelPoint, ModelProgress } from './types.js';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?)?$/;

/** How a date or a time without a zone is read: Vietnam's time, UTC+07:00 (minutes). */
export const FEED_ZONE_OFFSET = 7 * 60;

/**
 * The moment an ISO 8601 date of a feed stands for, in milliseconds since
 * 1970 (UTC), NaN for text that is not such a date. A date alone is the start
 * of that day; a date or time without a zone is Vietnam's time (UTC+07:00);
 * fractions of a second count to the millisecond. This is the order the
 * validator holds `history` to, and the position of a point on a time axis.
 */
export function instantOf(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const offset = m[8] ? 0 : m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : FEED_ZONE_OFFSET;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi - offset, s, ms);
  return date.getTime();
}

/** The first date given, nearest first: a metric value's, else its area's, else the feed's. */
export function nearestAsOf(...dates: (string | undefined)[]): string | undefined {
  return dates.find((d) => d !== undefined);
}

/** The last point of a history (the latest before the figure itself), if any. */
export function lastEarlierPoint<P extends { asOf: string }>(history: readonly P[] | undefined): P | undefined {
  return history?.length ? history[history.length - 1] : undefined;
}

/** How a figure moved: from an earlier figure to the current one. */
export interface Change {
  /** `to - from`; a widget decides what rounds to "unchanged". */
  delta: number;
  from: number;
  to: number;
  /** The earlier figure's date; absent when it is the metric's `previous`, which has none. */
  asOf?: string;
  /** Which figure moved: a metric's value (or a model count), or a reported rate 0–1. */
  kind: 'value' | 'rate';
}

/** A point's rate: the reported one, else its value over its total. */
function pointRate(p: MetricPoint): number | undefined {
  if (p.rate !== undefined) return p.rate;
  return p.value !== undefined && p.total ? p.value / p.total : undefined;
}

/**
 * The change of a metric figure: against `previous` when the feed gives it,
 * else against the last point of `history` that has the same kind of figure
 * (the value where the figure has one, else the rate), with that point's date.
 * Undefined when there is nothing to compare with.
 */
export function metricChange(figure: MetricValue): Change | undefined {
  const kind = figure.value !== undefined ? 'value' : 'rate';
  const to = figure.value ?? figure.rate;
  if (to === undefined) return undefined;
  if (figure.previous !== undefined) return { delta: to - figure.previous, from: figure.previous, to, kind };
  const history = figure.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const from = kind === 'value' ? history[i].value : pointRate(history[i]);
    if (from !== undefined) return { delta: to - from, from, to, asOf: history[i].asOf, kind };
  }
  return undefined;
}

/**
 * The change of one model count (by default `completed`) since the last point
 * of `history` that knows it, with that point's date; undefined when there is none.
 */
export function modelChange(models: ModelProgress, count: Exclude<keyof ModelCounts, 'total'> = 'completed'): Change | undefined {
  const to = models[count];
  if (to === undefined) return undefined;
  const history = models.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const from = history[i][count];
    if (from !== undefined) return { delta: to - from, from, to, asOf: history[i].asOf, kind: 'value' };
  }
  return undefined;
}

/** A point of a series: a history point, or the current figure (whose date may be unknown). */
export type SeriesPoint<P extends { asOf: string }> = Omit<P, 'asOf'> & { asOf?: string };

/** A metric's figures over time, oldest first: its history, then the figure itself at `asOf` (its nearest date). */
export function metricSeries(figure: MetricValue, asOf: string | undefined): SeriesPoint<MetricPoint>[] {
  const { value, total, rate, period } = figure;
  return [...(figure.history ?? []), { asOf, value, total, rate, period }];
}

/** The model counts over time, oldest first: the history, then the counts themselves at `asOf` (their nearest date). */
export function modelSeries(models: ModelProgress, asOf: string | undefined): SeriesPoint<ModelPoint>[] {
  const { total, completed, inProgress, notStarted } = models;
  return [...(models.history ?? []), { asOf, total, completed, inProgress, notStarted }];
}
