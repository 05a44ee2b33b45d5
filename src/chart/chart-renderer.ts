/**
 * Everything that touches Chart.js for bars, in a chunk of its own:
 * `<tiendo-chart>` imports this module only when a chart is connected and
 * visible, so a page without charts never downloads it. Only the bar
 * controller and its two scales are registered, so the bundler drops the rest
 * of Chart.js; a line over time (chart-time.ts) and a doughnut
 * (chart-doughnut.ts) are chunks of their own that build on the Chart.js this
 * chunk carries, fetched only by a chart of that type. The tooltip and the
 * legend are a few lines here rather than Chart.js's plugins, which would cost
 * more than the chart budget allows.
 *
 * Chart.js cannot see a canvas being attached inside a shadow root, so charts
 * here are not `responsive`: the element measures its own box (ResizeObserver)
 * and hands the size to {@link draw}.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  layouts,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import type { ChartGrid, LegendEntry } from './chart-types.js';

export { Chart, DatasetController, Element } from 'chart.js';

type Paint = string | CanvasPattern;

/** How one status, or one area of a comparison, is drawn: never by colour alone. */
export interface Look {
  fill: Paint;
  line: string;
  dash: number[];
  point: string;
}

/** The colours, patterns and font of a chart, read from the element's theme. */
export interface Palette {
  completed: string;
  highlight: string;
  surface: string;
  text: string;
  grid: string;
  /** Completed: solid; in progress: stripes; not started: dots. Lines differ by dash and point too. */
  status: Look[];
  /** The areas of a comparison over time. */
  areas: Look[];
  /** The highlighted area's bars: darker and hatched. */
  marked: CanvasPattern;
  /** Every other bar of a doughnut of areas. */
  hatched: CanvasPattern;
  font: { family: string; size: number };
}

/** A chart type's own chunk (the time axis and its line, the doughnut): its configuration and hit test. */
export interface Kind {
  /** The configuration, and the look of each legend entry's `style`. */
  configure(g: ChartGrid, p: Palette, width: number): ChartConfiguration & { keys: Look[] };
  /** The table row under the pointer, if any. */
  hit(chart: Chart, g: ChartGrid, x: number, y: number): number | undefined;
}

/** The grid each chart was last drawn from, and its legend's looks. */
const drawn = new WeakMap<Chart, { grid: ChartGrid; kind?: Kind; keys: Look[] }>();

/** While printing, charts draw at twice the pixels so they stay crisp on paper. */
let printRatio: number | undefined;

function setPrintRatio(ratio: number | undefined): void {
  printRatio = ratio;
  for (const chart of Object.values(Chart.instances)) {
    chart.options.devicePixelRatio = ratio;
    chart.resize(chart.width, chart.height);
  }
}
addEventListener('beforeprint', () => setPrintRatio(Math.max(2, devicePixelRatio)));
addEventListener('afterprint', () => setPrintRatio(undefined));

/** How many charts are alive on the page (a test hook: none may outlive its element). */
export function liveCharts(): number {
  return Object.keys(Chart.instances).length;
}

/** The chart drawn on `canvas`, if any (a test hook). */
export function chartOf(canvas: HTMLCanvasElement): Chart | undefined {
  return Chart.getChart(canvas);
}

/**
 * The legend: a box below the chart (beside a doughnut on a wide screen) whose
 * entries wrap; each shows the look of its series (fill and outline, or line,
 * dash and point) and its name, the marked one with ▶. The words are the table's.
 */
class Key {
  position: 'bottom' | 'right' = 'bottom';
  weight = 1000;
  fullSize = true;
  top = 0;
  left = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  /** What Chart.js's layout reads of a box (no stacking with other boxes). */
  options = {};
  private spots: { x: number; y: number; e: LegendEntry }[] = [];

  constructor(private readonly chart: Chart) {}

  isHorizontal(): boolean {
    return this.position === 'bottom';
  }

  /** Lays the entries out in rows (below) or one column (beside) and takes their room. */
  update(maxWidth: number): void {
    const { chart } = this;
    const d = drawn.get(chart);
    const on = chart.options.plugins!.legend!.display;
    const entries = on && d ? d.grid.legend : [];
    const size = d?.kind ? 12 : 14;
    const ctx = chart.ctx;
    const font = (chart.options.font ?? {}) as { size: number; family: string };
    ctx.font = `${font.size}px ${font.family}`;
    const line = font.size * 1.6;
    const w = (e: LegendEntry) => size * 2 + ctx.measureText(this.text(e)).width + 16;
    this.spots = [];
    let x = 0;
    let y = 0;
    let widest = 0;
    for (const e of entries) {
      const width = w(e);
      if (this.isHorizontal() && x && x + width > maxWidth) {
        x = 0;
        y += line;
      }
      this.spots.push({ x, y, e });
      widest = Math.max(widest, width);
      if (this.isHorizontal()) x += width;
      else y += line;
    }
    const rows = this.spots.length ? y / line + (this.isHorizontal() ? 1 : 0) : 0;
    this.width = this.isHorizontal() ? maxWidth : entries.length ? widest : 0;
    this.height = rows * line + (rows ? 8 : 0);
  }

  private text(e: LegendEntry): string {
    return e.marked ? `▶ ${e.text}` : e.text;
  }

  draw(): void {
    const { chart } = this;
    const d = drawn.get(chart);
    if (!d || !this.spots.length) return;
    const ctx = chart.ctx;
    const font = chart.options.font as { size: number; family: string };
    const line = font.size * 1.6;
    const size = d.kind ? 12 : 14;
    ctx.save();
    ctx.font = `${font.size}px ${font.family}`;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = ctx.strokeStyle = String(chart.options.color);
    // Rows are centred below the chart.
    const ends = new Map<number, number>();
    for (const s of this.spots) ends.set(s.y, s.x + size * 2 + ctx.measureText(this.text(s.e)).width);
    for (const { x, y, e } of this.spots) {
      const shift = this.isHorizontal() ? (this.width - ends.get(y)!) / 2 : 0;
      const left = this.left + shift + x;
      const mid = this.top + 8 + y + line / 2;
      const look = d.keys[e.style];
      ctx.save();
      // A line of a metric is shown as its line; bars, slices and stacked areas as their fill.
      if (d.kind && d.grid.view.type === 'line' && d.grid.view.metric) {
        ctx.strokeStyle = look.line;
        ctx.lineWidth = e.marked ? 3 : 2;
        ctx.setLineDash(look.dash);
        ctx.beginPath();
        ctx.moveTo(left, mid);
        ctx.lineTo(left + size * 1.6, mid);
        ctx.stroke();
      } else {
        ctx.fillStyle = look.fill;
        ctx.strokeStyle = look.line;
        ctx.fillRect(left, mid - size / 2, size * 1.6, size);
        ctx.strokeRect(left + 0.5, mid - size / 2 + 0.5, size * 1.6 - 1, size - 1);
      }
      ctx.restore();
      ctx.fillText(this.text(e), left + size * 2, mid);
    }
    ctx.restore();
  }
}

const legend: Plugin = {
  id: 'legend',
  start(chart) {
    layouts.addBox(chart, new Key(chart));
  },
  beforeUpdate(chart) {
    const key = chart.boxes.find((b) => b instanceof Key) as Key;
    key.position = chart.options.plugins!.legend!.position as Key['position'];
  },
};

Chart.register(BarController, BarElement, CategoryScale, LinearScale, legend);

/**
 * Draws `grid` on `canvas` at `width`×`height` CSS pixels: updates `chart` when it
 * is the one on this canvas, else replaces it. There is never more than one
 * chart per canvas ("Canvas is already in use" cannot happen). `kind` is the
 * chunk of a chart over time or a doughnut.
 */
export function draw(chart: Chart | undefined, canvas: HTMLCanvasElement, grid: ChartGrid, width: number, height: number, kind?: Kind): Chart {
  if (chart && chart.canvas !== canvas) {
    chart.destroy();
    chart = undefined;
  }
  chart ??= Chart.getChart(canvas);
  const last = chart && drawn.get(chart)?.grid;
  // Another type, or another axis, needs another chart; other changes are made in place.
  if (chart && (last?.view.type !== grid.view.type || !last.view.time !== !grid.view.time)) {
    chart.destroy();
    chart = undefined;
  }
  const p = palette(canvas);
  const config = () => {
    const c = (kind ?? bars).configure(grid, p, width);
    c.options!.font = p.font;
    c.options!.color = p.text;
    return c;
  };
  if (!chart) {
    canvas.width = width;
    canvas.height = height;
    const { keys, ...c } = config();
    // The legend's looks are known before the first layout.
    chart = new Chart(canvas, { ...c, plugins: [{ id: 'tiendo-keys', beforeInit: (ch) => void drawn.set(ch, { grid, kind, keys }) }] });
    // A tooltip left open when the element was last disconnected.
    tipOf(canvas).hidden = true;
  } else if (last !== grid) {
    const { data, options, keys } = config();
    drawn.set(chart, { grid, kind, keys });
    chart.data = data;
    chart.options = options!;
    chart.update('none');
  }
  if (chart.width !== width || chart.height !== height) {
    chart.options.plugins!.legend!.position = legendAt(grid, width);
    chart.resize(width, height);
  }
  canvas.onpointermove = canvas.onpointerdown = (e) => showTip(canvas, e);
  canvas.onpointerleave = () => (tipOf(canvas).hidden = true);
  return chart;
}

/** A doughnut's few labels stand beside it on a wide screen; everything else's below. */
export function legendAt(g: ChartGrid, width: number): 'right' | 'bottom' {
  return g.view.type === 'doughnut' && width >= 560 && g.view.rows.length <= 12 ? 'right' : 'bottom';
}

/** The tooltip: the row under the pointer and its figures, in the reader's words (the table's row). */
function showTip(canvas: HTMLCanvasElement, e: PointerEvent): void {
  const chart = Chart.getChart(canvas);
  const d = chart && drawn.get(chart);
  if (!d) return;
  const g = d.grid;
  // Where the pointer is on the canvas, in CSS pixels (offsetX is unreliable across engines and shadow roots).
  const rect = canvas.getBoundingClientRect();
  const x = e.clientX - rect.left;
  const y = e.clientY - rect.top;
  const row = (d.kind ?? bars).hit(chart!, g, x, y);
  const tip = tipOf(canvas);
  tip.hidden = row === undefined;
  if (row === undefined) return;
  const cell = (v?: number) => (v === undefined ? '—' : g.fmt(v));
  const lines = [g.names[row], ...g.series.map((s, i) => `${s}: ${cell(g.cells[row][i])}`)];
  if (g.notes?.cells[row]) lines.push(g.notes.cells[row]);
  tip.replaceChildren(
    ...lines.map((text, i) => {
      const div = document.createElement('div');
      div.textContent = text;
      if (!i) div.style.fontWeight = '600';
      return div;
    }),
  );
  tip.style.left = `${x > rect.width / 2 ? x - tip.offsetWidth - 12 : x + 12}px`;
  tip.style.top = `${Math.max(0, Math.min(y + 12, rect.height - tip.offsetHeight))}px`;
}

/** The tooltip box beside the canvas; it is for the eye only (the table holds the same figures). */
function tipOf(canvas: HTMLCanvasElement): HTMLElement {
  let tip = canvas.nextElementSibling as HTMLElement | null;
  if (!tip) {
    tip = document.createElement('div');
    tip.setAttribute('aria-hidden', 'true');
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
    tip.style.cssText =
      'position:absolute;z-index:1;pointer-events:none;white-space:nowrap;padding:.25em .5em;border-radius:.25em;' +
      'font-size:max(12px,.875em);color:var(--tiendo-color-surface,#fff);background:var(--tiendo-color-text,#1f2328)';
    canvas.after(tip);
  }
  return tip;
}

/** A tile of stripes or dots on a background, repeated: meaning never rests on colour alone. */
function pattern(canvas: HTMLCanvasElement, back: string, fore: string, dots?: boolean): CanvasPattern {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const c = tile.getContext('2d')!;
  c.fillStyle = back;
  c.fillRect(0, 0, 8, 8);
  c.fillStyle = c.strokeStyle = fore;
  c.beginPath();
  if (dots) {
    c.arc(4, 4, 1.5, 0, 2 * Math.PI);
    c.fill();
  } else {
    c.lineWidth = 3;
    for (const x of [-8, 0, 8]) {
      c.moveTo(x, 8);
      c.lineTo(x + 8, 0);
    }
    c.stroke();
  }
  return canvas.getContext('2d')!.createPattern(tile, 'repeat')!;
}

/** The chart's colours from the theme's custom properties, its patterns and its font. */
function palette(canvas: HTMLCanvasElement): Palette {
  const style = getComputedStyle(canvas);
  const color = (name: string, fallback: string) => style.getPropertyValue(`--tiendo-color-${name}`).trim() || fallback;
  const completed = color('completed', '#0b62c4');
  const highlight = color('highlight', '#073b74');
  const surface = color('surface', '#ffffff');
  const notStarted = color('not-started', '#57606a');
  const inProgress = color('in-progress', '#d46b08');
  const status: Look[] = [
    { fill: completed, line: completed, dash: [], point: 'circle' },
    { fill: pattern(canvas, color('in-progress-alt', '#f0a450'), inProgress), line: inProgress, dash: [8, 4], point: 'triangle' },
    { fill: pattern(canvas, surface, notStarted, true), line: notStarted, dash: [2, 3], point: 'rect' },
  ];
  // Areas compared over time: a colour, a fill (solid, stripes, dots), a dash and a marker each.
  const areas = [completed, inProgress, notStarted, '#8250df', '#1a7f37', '#bf3989'].map((line, i) => ({
    fill: i % 3 ? pattern(canvas, surface, line, i % 3 === 2) : line,
    line,
    dash: [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 3]][i],
    point: ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'][i],
  }));
  return {
    completed,
    highlight,
    surface,
    text: color('text', '#1f2328'),
    grid: color('grid', '#d0d7de'),
    status,
    areas,
    marked: pattern(canvas, highlight, 'rgba(255,255,255,0.45)'),
    hatched: pattern(canvas, completed, 'rgba(255,255,255,0.5)'),
    font: { family: style.fontFamily, size: Math.max(12, Math.round(parseFloat(style.fontSize) * 0.875)) },
  };
}

/** The value axis, counts or rates in the reader's format. */
export function valueAxis(g: ChartGrid, p: Palette, stacked: boolean) {
  return {
    type: 'linear',
    beginAtZero: true,
    stacked,
    grid: { color: p.grid },
    ticks: { color: p.text, precision: g.view.metric ? undefined : 0, callback: (v: number | string) => g.tick(+v) },
  };
}

/**
 * Bar datasets: each status a look of its own (pilot models), or the metric's bars, the
 * marked area darker, hatched and outlined. `data(i)` is dataset i's data (values, or points in time).
 */
export function barDatasets(
  g: ChartGrid,
  p: Palette,
  marked: (i: number) => boolean[],
  data: (i: number) => unknown[],
  look?: (i: number) => Look,
): ChartDataset[] {
  const models = !g.view.metric;
  return g.series.map((label, i) => {
    const per = <T,>(normal: T, mark: T): T[] => marked(i).map((h) => (h ? mark : normal));
    const s = look?.(i) ?? (models ? p.status[i] : p.status[0]);
    return {
      label,
      data: data(i),
      backgroundColor: models || look ? s.fill : per<Paint>(p.completed, p.marked),
      borderColor: per(s.line, p.text),
      borderWidth: per(models && i % 3 === 2 ? 1 : 0, 2),
      maxBarThickness: 64,
    } as ChartDataset<'bar'>;
  });
}

/** Shared options: no Chart.js listeners (the tooltip has its own), motion only when the reader allows it. */
export function options(g: ChartGrid, width: number, scales: object, legendShown: boolean) {
  return {
    responsive: false,
    maintainAspectRatio: false,
    devicePixelRatio: printRatio,
    events: [],
    animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
    scales,
    plugins: { legend: { display: legendShown, position: legendAt(g, width) } },
  };
}

/** Bars across areas (vertical or horizontal): the one kind this chunk draws itself. */
const bars: Kind = {
  configure(g, p, width) {
    const { type, metric, rows, highlight: id } = g.view;
    const models = !metric;
    const horizontal = type === 'horizontal-bar';
    // A marked area's label starts with ▶.
    const hl = rows.map((r) => r.id === id);
    const value = valueAxis(g, p, models);
    const category = {
      type: 'category',
      stacked: models,
      grid: { display: false },
      // Upright names, every one of them while they have about a line's height each.
      ticks: { color: p.text, maxRotation: 90, autoSkip: horizontal || (width - 60) / rows.length < p.font.size * 1.3 },
    };
    return {
      type: 'bar',
      data: {
        labels: g.names.map((n, j) => (hl[j] ? `▶ ${n}` : n)),
        datasets: barDatasets(g, p, () => hl, (i) => rows.map((r) => r.values[i] ?? null)),
      },
      options: {
        ...options(g, width, horizontal ? { x: value, y: category } : { x: category, y: value }, models),
        indexAxis: horizontal ? 'y' : 'x',
      },
      keys: p.status,
    } as ChartConfiguration & { keys: Look[] };
  },
  hit(chart, g, x, y) {
    const [hit] = chart.getElementsAtEventForMode(
      { type: 'mousemove', native: null, x, y } as unknown as Event,
      'index',
      { intersect: false, axis: g.view.type === 'horizontal-bar' ? 'y' : 'x' },
      false,
    );
    return hit?.index;
  },
};
