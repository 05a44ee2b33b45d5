/**
 * A chart over time, in a chunk of its own (fetched only by a chart with
 * `province`, `commune` or `compare`): the time axis and the line.
 *
 * The time axis is Chart.js's linear scale over the moments the dates stand for
 * (ms since 1970), so a point sits where its date falls and an irregular report
 * stays honest; its ticks are put on calendar boundaries (days, months or years
 * in Vietnam's time, as the feed's dates are) and written by `Intl` in the
 * reader's language. That costs nothing beyond the linear scale the bars already
 * carry, where Chart.js's time scale and a date adapter would add to every bar
 * chart (see scripts/bench/size.mjs).
 *
 * The line is a small controller of its own on Chart.js's DatasetController,
 * registered as `line`: Chart.js's LineController, LineElement and PointElement
 * live in the same module as the bar chart's core, so the bundler would put
 * them in the bar chunk that every chart page fetches. It draws the line in
 * one path (1,000 points stay fast), markers where they have room, gaps where a
 * figure is missing, and for the pilot models the three counts as stacked areas.
 */
import { instantOf } from '../feed/history.js';
import { formatDate, formatMonth } from '../i18n/format.js';
import {
  Chart,
  DatasetController,
  Element,
  barDatasets,
  options,
  valueAxis,
  type Kind,
  type Look,
} from './chart-renderer.js';
import type { ChartGrid } from './chart-types.js';

const DAY = 864e5;
const ZONE = 7 * 36e5;

/** One point's place on the canvas. */
class Spot extends Element {
  static id = 'tiendoSpot';
  skip = false;
}

/** What a line dataset carries besides its data. */
interface LineLook {
  look: Look;
  marked: boolean;
  /** Filled down to the dataset below (the stacked model counts). */
  under: boolean;
}

type Parsed = { x: number; y: number | null };

class TimeLine extends DatasetController {
  static id = 'line';
  static defaults = { datasetElementType: false, dataElementType: 'tiendoSpot' };
  static overrides = { scales: { _index_: { type: 'linear' }, _value_: { type: 'linear' } } };

  override update(): void {
    const data = this._cachedMeta.data;
    this.updateElements(data, 0, data.length);
  }

  override updateElements(points: Element[], start: number, count: number): void {
    const meta = this._cachedMeta as unknown as { iScale: Chart['scales'][string]; vScale: Chart['scales'][string]; _stacked: unknown };
    const stack = this.applyStack as unknown as (s: unknown, p: Parsed, mode: unknown) => number;
    for (let i = start; i < start + count; i++) {
      const parsed = this.getParsed(i) as unknown as Parsed;
      const p = points[i] as Spot;
      p.x = meta.iScale.getPixelForValue(parsed.x);
      p.skip = parsed.y === null || Number.isNaN(parsed.y);
      p.y = p.skip ? NaN : meta.vScale.getPixelForValue(meta._stacked ? stack.call(this, meta.vScale, parsed, meta._stacked) : parsed.y!);
    }
  }

  override draw(): void {
    const { ctx, chartArea: area } = this.chart;
    const pts = this._cachedMeta.data as Spot[];
    const { look, marked, under } = this.getDataset() as unknown as LineLook;
    ctx.save();
    ctx.beginPath();
    ctx.rect(area.left - 6, area.top - 6, area.width + 12, area.height + 12);
    ctx.clip();
    if (under) {
      // The band between this count and the one stacked below it (or the axis).
      const below = this.index ? (this.chart.getDatasetMeta(this.index - 1).data as Spot[]) : undefined;
      const base = (this._cachedMeta as unknown as { vScale: { getBasePixel(): number } }).vScale.getBasePixel();
      const shown = pts.map((_, i) => i).filter((i) => !pts[i].skip && !below?.[i]?.skip);
      if (shown.length) {
        ctx.beginPath();
        for (const i of shown) ctx.lineTo(pts[i].x, pts[i].y);
        for (const i of shown.reverse()) ctx.lineTo(pts[i].x, below ? below[i].y : base);
        ctx.fillStyle = look.fill;
        ctx.globalAlpha = 0.85;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    }
    ctx.strokeStyle = ctx.fillStyle = look.line;
    ctx.lineWidth = marked ? 3 : 2;
    ctx.lineJoin = 'round';
    ctx.setLineDash(look.dash);
    ctx.beginPath();
    let pen = false;
    for (const p of pts) {
      if (p.skip) pen = false;
      else {
        if (pen) ctx.lineTo(p.x, p.y);
        else ctx.moveTo(p.x, p.y);
        pen = true;
      }
    }
    ctx.stroke();
    ctx.setLineDash([]);
    // Markers where the points have room (always for a lone point), shaped per series.
    const shown = pts.filter((p) => !p.skip);
    if (shown.length < 2 || area.width / shown.length >= 6) {
      const r = marked ? 5 : 3.5;
      for (const { x, y } of shown) {
        ctx.beginPath();
        mark(ctx, look.point, x, y, r);
        ctx.fill();
      }
    }
    ctx.restore();
  }
}

/** A marker's outline: circle, triangle, square or diamond (the shapes of the looks). */
function mark(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
  if (shape === 'triangle') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.1, y + r * 0.8);
    ctx.lineTo(x - r * 1.1, y + r * 0.8);
  } else if (shape === 'rect') ctx.rect(x - r, y - r, r * 2, r * 2);
  else if (shape === 'circle') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.3, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r * 1.3, y);
  }
  ctx.closePath();
}

Chart.register(Spot, TimeLine);

/** A calendar date in Vietnam's time, as ISO text. */
function isoOf(y: number, m: number, d = 1): string {
  const date = new Date(Date.UTC(y, m, d));
  return date.toISOString().slice(0, 10);
}

/** The steps the axis may take, finest first: a unit (day, month, year) and how many of it. */
const STEPS: [string, number][] = [
  ...[1, 2, 7, 14].map((n): [string, number] => ['d', n]),
  ...[1, 2, 3, 6].map((n): [string, number] => ['m', n]),
  ...[1, 2, 5, 10, 20, 50, 100].map((n): [string, number] => ['y', n]),
];

/** Ticks of one step between `min` and `max` (ms): every n-th day (from the 1st of each month for a week or more), month or year. */
function ticksOf(unit: string, n: number, min: number, max: number, lang: ChartGrid['lang']): { at: number; label: string }[] {
  const from = new Date(min + ZONE);
  const ticks: { at: number; label: string }[] = [];
  let y = from.getUTCFullYear();
  let m = unit === 'y' ? 0 : from.getUTCMonth();
  let d = unit === 'd' && n < 7 ? from.getUTCDate() : 1;
  for (let guard = 0; guard < 2000; guard++) {
    const iso = isoOf(y, m, d);
    const at = instantOf(iso);
    if (at > max) break;
    const [yy, mm] = iso.split('-').map(Number);
    const on = unit === 'm' ? (mm - 1) % n === 0 : unit !== 'y' || yy % n === 0;
    if (at >= min && on) ticks.push({ at, label: unit === 'd' ? formatDate(iso, lang) : unit === 'm' ? formatMonth(iso, lang) : String(yy) });
    if (unit === 'y') y++;
    else if (unit === 'm') m++;
    else {
      d += n;
      // Weeks and fortnights start again on the 1st of each month, so ticks stay on round dates.
      if (n >= 7 && d > 28) {
        d = 1;
        m++;
      }
    }
  }
  return ticks;
}

/**
 * Ticks on calendar boundaries between `min` and `max` (ms), in Vietnam's time: the
 * finest step (days, months, years) whose labels, written in the reader's format,
 * all fit (`fits`), each on the first day of its month or year or every n-th day.
 */
export function calendarTicks(min: number, max: number, fits: (labels: string[]) => boolean, lang: ChartGrid['lang']): { at: number; label: string }[] {
  for (const [unit, n] of STEPS) {
    // A step that would draw thousands of ticks cannot fit; skip it unmade.
    if ((max - min) / (n * (unit === 'd' ? DAY : unit === 'm' ? 28 * DAY : 365 * DAY)) > 400) continue;
    const ticks = ticksOf(unit, n, min, max, lang);
    if (fits(ticks.map((t) => t.label))) return ticks;
  }
  return [];
}

export const kind: Kind = {
  configure(g, p) {
    const v = g.view;
    const areas = v.time!;
    const plots = g.plots!;
    const at = g.at!;
    const models = !v.metric;
    const several = areas.length > 1;
    // A status's fill; an area's line (and, for several areas' models, its outline).
    const looks = plots.map(({ area, value }) =>
      models ? (several ? { ...p.status[value], line: p.areas[area % 6].line } : p.status[value]) : p.areas[area % 6],
    );
    const marked = plots.map(({ area }) => areas[area].id === v.highlight);
    const data = (i: number) =>
      areas[plots[i].area].points.map((pt) => ({ x: pt.at, y: pt.values[plots[i].value] ?? null }));
    const bars = v.type === 'bar';
    // The axis spans the dates with a margin: a lone date sits in the middle, bars are not cut.
    const gaps = at.slice(1).map((x, i) => x - at[i]);
    const span = at[at.length - 1] - at[0];
    const pad = Math.max(span * 0.03, bars ? Math.min(...gaps, 30 * DAY) * 0.6 : 0, span ? 0 : 15 * DAY);
    const labels = new Map<number, string>();
    const x = {
      type: 'linear',
      min: at[0] - pad,
      max: at[at.length - 1] + pad,
      bounds: 'data',
      grid: { color: p.grid },
      afterBuildTicks(scale: { min: number; max: number; width: number; ctx: CanvasRenderingContext2D; ticks: { value: number }[] }) {
        // Labels fit when, measured in the axis's font, they take at most the axis's width with room between.
        const ctx = scale.ctx;
        ctx.font = `${p.font.size}px ${p.font.family}`;
        const fits = (labels: string[]) =>
          labels.reduce((w, l) => Math.max(w, ctx.measureText(l).width), 0) * labels.length + labels.length * p.font.size * 1.5 <= scale.width;
        const ticks = calendarTicks(scale.min, scale.max, fits, g.lang);
        labels.clear();
        for (const t of ticks) labels.set(t.at, t.label);
        scale.ticks = ticks.map((t) => ({ value: t.at }));
      },
      ticks: { color: p.text, font: p.font, maxRotation: 0, callback: (value: number) => labels.get(value) ?? '' },
    };
    // Bars of one area's counts stack; several areas' stacks (or figures) stand side by side.
    const datasets = bars
      ? barDatasets(g, p, (i) => data(i).map(() => marked[i]), data, (i) => looks[i]).map((d, i) => ({ ...d, stack: models ? plots[i].stack ?? 'area' : undefined }))
      : plots.map((_, i) => ({ label: g.series[i], data: data(i), look: looks[i], marked: marked[i], under: models }));
    return {
      type: bars ? 'bar' : 'line',
      data: { datasets },
      options: options({ x, y: valueAxis(g, p, models) }),
      keys: looks,
    } as never;
  },
  hit(chart, g, x) {
    const at = g.at!;
    const area = chart.chartArea;
    if (!at.length || x < area.left - 12 || x > area.right + 12) return undefined;
    const t = chart.scales.x.getValueForPixel(x)!;
    // The date nearest the pointer.
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && t - at[lo - 1] < at[lo] - t ? lo - 1 : lo;
  },
};
