/**
 * The doughnut, in a chunk of its own (fetched only by a chart with
 * `type="doughnut"`): a small controller on Chart.js's DatasetController,
 * registered as `doughnut`. Chart.js's DoughnutController and ArcElement live in
 * the same module as the bar chart's core, so the bundler would put them in the
 * bar chunk that every chart page fetches.
 *
 * Slices run clockwise from the top, each filled and outlined as the legend
 * shows it; the hole is half the radius.
 */
import { Chart, DatasetController, Element, options, type Kind, type Look } from './chart-renderer.js';

/** One slice's geometry. */
class Slice extends Element {
  static id = 'tiendoSlice';
  from = 0;
  to = 0;
  inner = 0;
  outer = 0;
}

interface RingStyle {
  data: number[];
  backgroundColor: Look['fill'][];
  borderColor: string[];
  borderWidth: number[];
}

class Ring extends DatasetController {
  static id = 'doughnut';
  static defaults = { datasetElementType: false, dataElementType: 'tiendoSlice' };
  static overrides = {};

  override linkScales(): void {}

  override parse(start: number, count: number): void {
    const data = (this.getDataset() as unknown as RingStyle).data;
    const parsed = (this._cachedMeta as unknown as { _parsed: number[] })._parsed;
    for (let i = start; i < start + count; i++) parsed[i] = Math.max(0, +data[i] || 0);
  }

  override update(): void {
    this.place(this._cachedMeta.data as Slice[]);
  }

  override updateElements(): void {
    this.place(this._cachedMeta.data as Slice[]);
  }

  /** Every slice's angles and radii: clockwise from the top, in the middle of the chart area. */
  private place(slices: Slice[]): void {
    const { chartArea: a } = this.chart;
    const parsed = (this._cachedMeta as unknown as { _parsed: number[] })._parsed;
    const total = parsed.reduce((s, v) => s + v, 0);
    const outer = Math.max(0, Math.min(a.width, a.height) / 2 - 4);
    let angle = -Math.PI / 2;
    slices.forEach((s, i) => {
      s.x = (a.left + a.right) / 2;
      s.y = (a.top + a.bottom) / 2;
      s.outer = outer;
      s.inner = outer / 2;
      s.from = angle;
      angle += total ? (parsed[i] / total) * 2 * Math.PI : 0;
      s.to = angle;
    });
  }

  override draw(): void {
    const ctx = this.chart.ctx;
    const style = this.getDataset() as unknown as RingStyle;
    (this._cachedMeta.data as Slice[]).forEach((s, i) => {
      if (s.to <= s.from) return;
      ctx.beginPath();
      ctx.arc(s.x, s.y, s.outer, s.from, s.to);
      ctx.arc(s.x, s.y, s.inner, s.to, s.from, true);
      ctx.closePath();
      ctx.fillStyle = style.backgroundColor[i];
      ctx.fill();
      ctx.lineWidth = style.borderWidth[i];
      ctx.strokeStyle = style.borderColor[i];
      ctx.lineJoin = 'round';
      ctx.stroke();
    });
  }
}

Chart.register(Slice, Ring);

export const kind: Kind = {
  configure(g, p) {
    const { metric, rows, highlight } = g.view;
    const marked = rows.map((r) => r.id === highlight);
    const per = <T,>(normal: T, mark: T): T[] => marked.map((h) => (h ? mark : normal));
    // The statuses of pilot models look as they do in bars; areas alternate solid and hatched, the marked one darker.
    const keys: Look[] = metric
      ? rows.map((_, j) => ({ fill: marked[j] ? p.marked : j % 2 ? p.hatched : p.completed, line: marked[j] ? p.text : p.surface, dash: [], point: '' }))
      : p.status;
    return {
      type: 'doughnut',
      data: {
        labels: g.names.map((n, j) => (marked[j] ? `▶ ${n}` : n)),
        datasets: g.series.map((label, i) => ({
          label,
          data: rows.map((r) => r.values[i] ?? null),
          backgroundColor: keys.map((k) => k.fill),
          borderColor: keys.map((k) => k.line),
          borderWidth: per(2, 3),
        })),
      },
      options: options({}),
      keys,
    } as never;
  },
  hit(chart, _g, x, y) {
    const slices = chart.getDatasetMeta(0).data as Slice[];
    const found = slices.findIndex((s) => {
      const r = Math.hypot(x - s.x, y - s.y);
      let t = Math.atan2(y - s.y, x - s.x);
      if (t < -Math.PI / 2) t += 2 * Math.PI;
      return r >= s.inner && r <= s.outer && t >= s.from && t < s.to;
    });
    return found < 0 ? undefined : found;
  },
};
