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
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import type { BarPlanner, ChartGrid, Plan } from './chart-types.js';

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
  /** Drawn in the system's colours (forced colours). */
  forced: boolean;
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
  configure(g: ChartGrid, p: Palette): ChartConfiguration & { keys: Look[] };
  /** The table row under the pointer, if any. */
  hit(chart: Chart, g: ChartGrid, x: number, y: number): number | undefined;
}

/** What each chart was last drawn from: its grid, kind, legend looks, bar layout and colours. */
const drawn = new WeakMap<Chart, { grid: ChartGrid; kind?: Kind; keys: Look[]; plan?: Plan; colors: string; planner: BarPlanner }>();

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

/** Forced colours turned on or off, or the reader's colour scheme changed (`theme="auto"`): every chart reads its colours again. */
const repaint = () => {
  for (const chart of Object.values(Chart.instances)) {
    const d = drawn.get(chart);
    if (d && chart.canvas.isConnected) draw(chart, chart.canvas, d.grid, chart.width, d.planner, d.kind);
  }
};
for (const query of ['(forced-colors: active)', '(prefers-color-scheme: dark)']) matchMedia(query).addEventListener('change', repaint);

/** How many charts are alive on the page (a test hook: none may outlive its element). */
export function liveCharts(): number {
  return Object.keys(Chart.instances).length;
}

/** The chart drawn on `canvas`, if any (a test hook). */
export function chartOf(canvas: HTMLCanvasElement): Chart | undefined {
  return Chart.getChart(canvas);
}

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/**
 * Draws `grid` on `canvas` at `width` CSS pixels wide and as high as its box (the
 * box of lying bars is first given the height their rows need): updates `chart`
 * when it is the one on this canvas, else replaces it. There is never more than
 * one chart per canvas ("Canvas is already in use" cannot happen). `kind` is the
 * chunk of a chart over time or a doughnut; `planner` lays bars across areas out
 * (the view chunk's, so this chunk stays within its budget). The legend's swatches
 * (HTML beside the canvas) are painted with the same looks.
 */
export function draw(chart: Chart | undefined, canvas: HTMLCanvasElement, grid: ChartGrid, width: number, planner: BarPlanner, kind?: Kind): Chart {
  if (chart && chart.canvas !== canvas) {
    chart.destroy();
    chart = undefined;
  }
  chart ??= Chart.getChart(canvas);
  const before = chart && drawn.get(chart);
  const last = before?.grid;
  const p = palette(canvas);
  const colors = [p.text, p.surface, p.grid, p.completed, p.highlight, p.forced, p.font.size, p.font.family].join();
  const plan = kind ? undefined : planner(grid, p.font, width, canvas.getContext('2d')!);
  // The box of bars across areas knows their orientation, and lying bars' height (CSS reads both).
  const box = canvas.parentElement!;
  if (plan) box.dataset.across = plan.horizontal ? 'h' : 'v';
  else delete box.dataset.across;
  // In em: a reader's larger text (a portal's "A+") grows the box, whose observer then draws again.
  // At most 8,000 px: a canvas past 32,767 device pixels is broken in Firefox (a hostile feed of thousands of
  // provinces); so many bars are then thin, and the table keeps every row.
  if (plan?.height) box.style.setProperty('--_rows-height', `${Math.ceil(Math.min(plan.height, 8000)) / parseFloat(getComputedStyle(box).fontSize)}em`);
  else box.style.removeProperty('--_rows-height');
  const height = box.clientHeight;
  // Another type, another axis or another orientation needs another chart; other changes are made in place.
  if (chart && (last?.view.type !== grid.view.type || !last.view.time !== !grid.view.time || before?.plan?.horizontal !== plan?.horizontal)) {
    chart.destroy();
    chart = undefined;
  }
  const config = () => {
    const c = kind ? kind.configure(grid, p) : barsOf(grid, p, plan!);
    c.options!.font = p.font;
    c.options!.color = p.text;
    return c;
  };
  if (!chart) {
    canvas.width = width;
    canvas.height = height;
    const { keys, ...c } = config();
    chart = new Chart(canvas, { ...c, plugins: [{ id: 'tiendo-keys', beforeInit: (ch) => void drawn.set(ch, { grid, kind, keys, plan, colors, planner }) }] });
    // A tooltip left open when the element was last disconnected.
    tipOf(canvas).hidden = true;
  } else if (last !== grid || before?.colors !== colors || String(before?.plan?.labels) !== String(plan?.labels)) {
    const { data, options, keys } = config();
    drawn.set(chart, { grid, kind, keys, plan, colors, planner });
    chart.data = data;
    chart.options = options!;
    chart.update('none');
  }
  if (chart.width !== width || chart.height !== height) chart.resize(width, height);
  paintKeys(canvas, drawn.get(chart)!);
  canvas.onpointermove = canvas.onpointerdown = (e) => showTip(canvas, e);
  canvas.onpointerleave = () => (tipOf(canvas).hidden = true);
  return chart;
}

/**
 * Paints each swatch of the HTML legend (a small canvas beside the chart's, `data-style` its look):
 * the series' fill and outline, or for lines of a metric its line and dash. Being drawn, not
 * CSS backgrounds, they keep their look under forced colours, as the chart does.
 */
function paintKeys(canvas: HTMLCanvasElement, d: { grid: ChartGrid; kind?: Kind; keys: Look[] }): void {
  const lines = Boolean(d.kind && d.grid.view.type === 'line' && d.grid.view.metric);
  const root = canvas.getRootNode() as ParentNode;
  for (const key of root.querySelectorAll<HTMLCanvasElement>('canvas.swatch')) {
    const look = d.keys[Number(key.dataset.style)];
    const w = key.clientWidth;
    const h = key.clientHeight;
    if (!look || !w || !h) continue;
    const ratio = Math.max(1, printRatio ?? devicePixelRatio);
    key.width = Math.round(w * ratio);
    key.height = Math.round(h * ratio);
    const c = key.getContext('2d')!;
    c.scale(ratio, ratio);
    c.strokeStyle = look.line;
    if (lines) {
      c.lineWidth = key.dataset.marked ? 3 : 2;
      c.setLineDash(look.dash);
      c.beginPath();
      c.moveTo(0, h / 2);
      c.lineTo(w, h / 2);
      c.stroke();
    } else {
      c.fillStyle = look.fill;
      c.fillRect(0, 0, w, h);
      c.lineWidth = 2;
      c.strokeRect(1, 1, w - 2, h - 2);
    }
  }
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
  const drawnAt = d.kind ? d.kind.hit(chart!, g, x, y) : hitBar(chart!, d.plan!, x, y);
  // Lying bars are drawn best first: the drawn bar's row of the table.
  const row = drawnAt === undefined || d.kind ? drawnAt : d.plan!.order[drawnAt];
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

/**
 * The system colours under forced colours (text, background, highlight, and a muted colour for
 * the grid), read from a probe styled with those keywords: the canvas is drawn in the reader's own
 * colours, as the page's text is.
 */
function systemColors(host: Element): string[] {
  const probe = document.createElement('i');
  // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
  probe.style.cssText =
    'position:absolute;forced-color-adjust:none;color:CanvasText;background-color:Canvas;border:1px solid Highlight;outline:1px solid GrayText';
  host.append(probe);
  const s = getComputedStyle(probe);
  const colors = [s.color, s.backgroundColor, s.borderTopColor, s.outlineColor];
  probe.remove();
  return colors;
}

/**
 * The chart's colours from the theme's custom properties (the highlighted province's from
 * `--tiendo-color-highlight-bar`), or under forced colours the system's; its patterns and font.
 */
function palette(canvas: HTMLCanvasElement): Palette {
  const style = getComputedStyle(canvas);
  const forced = matchMedia('(forced-colors: active)').matches;
  const [sysText, sysSurface, sysHighlight, sysGrid] = forced ? systemColors(canvas.parentElement!) : [];
  // Under forced colours every series is the text colour, told apart by its pattern, dash and marker.
  const color = (name: string, fallback: string) => sysText ?? (style.getPropertyValue(`--tiendo-color-${name}`).trim() || fallback);
  const surface = sysSurface ?? color('surface', '#ffffff');
  const completed = color('completed', '#0b62c4');
  const highlight = sysHighlight ?? color('highlight-bar', '#073b74');
  const notStarted = color('not-started', '#57606a');
  const inProgress = color('in-progress', '#d46b08');
  const status: Look[] = [
    { fill: completed, line: completed, dash: [], point: 'circle' },
    { fill: pattern(canvas, forced ? surface : color('in-progress-alt', '#f0a450'), inProgress), line: inProgress, dash: [8, 4], point: 'triangle' },
    { fill: pattern(canvas, surface, notStarted, true), line: notStarted, dash: [2, 3], point: 'rect' },
  ];
  // Areas compared over time: a colour, a fill (solid, stripes, dots), a dash and a marker each.
  const areas = [completed, inProgress, notStarted, ...(forced ? [sysText, sysText, sysText] : ['#8250df', '#1a7f37', '#bf3989'])].map((line, i) => ({
    fill: i % 3 ? pattern(canvas, surface, line, i % 3 === 2) : line,
    line,
    dash: [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 3]][i],
    point: ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'][i],
  }));
  return {
    completed,
    highlight,
    surface,
    text: sysText ?? color('text', '#1f2328'),
    grid: sysGrid ?? color('grid', '#d0d7de'),
    forced,
    status,
    areas,
    marked: pattern(canvas, highlight, forced ? surface : 'rgba(255,255,255,0.45)'),
    hatched: pattern(canvas, completed, forced ? surface : 'rgba(255,255,255,0.5)'),
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
    ticks: { color: p.text, font: p.font, precision: g.view.metric ? undefined : 0, callback: (v: number | string) => g.tick(+v) },
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

/** Shared options: no Chart.js listeners (the tooltip has its own), motion only when the reader allows it; the legend is HTML. */
export function options(scales: object) {
  return {
    responsive: false,
    maintainAspectRatio: false,
    devicePixelRatio: printRatio,
    events: [],
    animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
    scales,
  };
}

/** Bars across areas (upright or lying, as planned): the one kind this chunk draws itself. */
function barsOf(g: ChartGrid, p: Palette, plan: Plan): ChartConfiguration & { keys: Look[] } {
  const { metric, rows, highlight: id } = g.view;
  const models = !metric;
  const { horizontal, order } = plan;
  const hl = order.map((j) => rows[j].id === id);
  const value = valueAxis(g, p, models);
  // Every name, upright (it fits) or beside its lying bar.
  const category = { type: 'category', stacked: models, grid: { display: false }, ticks: { color: p.text, font: p.font, maxRotation: 0, autoSkip: false } };
  return {
    type: 'bar',
    data: {
      labels: plan.labels,
      datasets: barDatasets(g, p, () => hl, (i) => order.map((j) => rows[j].values[i] ?? null)),
    },
    options: {
      ...options(horizontal ? { x: value, y: category } : { x: category, y: value }),
      indexAxis: horizontal ? 'y' : 'x',
    },
    keys: p.status,
  } as ChartConfiguration & { keys: Look[] };
}

/** The drawn bar under the pointer (the nearest along the category axis). */
function hitBar(chart: Chart, plan: Plan, x: number, y: number): number | undefined {
  const [hit] = chart.getElementsAtEventForMode(
    { type: 'mousemove', native: null, x, y } as unknown as Event,
    'index',
    { intersect: false, axis: plan.horizontal ? 'y' : 'x' },
    false,
  );
  return hit?.index;
}
