/**
 * Everything that touches Chart.js, in a chunk of its own: `<tiendo-chart>`
 * imports this module only when a chart is connected and visible, so a page
 * without charts never downloads it. Only the parts the four chart types use
 * are registered, so the bundler can drop the rest of Chart.js; the tooltip is
 * a few lines of DOM here rather than Chart.js's plugin, which would cost more
 * than the chart chunk's budget allows.
 *
 * Chart.js cannot see a canvas being attached inside a shadow root, so charts
 * here are not `responsive`: the element measures its own box (ResizeObserver)
 * and hands the size to {@link draw}.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import type { ChartGrid } from './chart-types.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
);

type Paint = string | CanvasPattern;

/** The grid each chart was last drawn from. */
const drawn = new WeakMap<Chart, ChartGrid>();

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
 * Draws `grid` on `canvas` at `width`×`height` CSS pixels: updates `chart` when it
 * is the one on this canvas, else replaces it. There is never more than one
 * chart per canvas ("Canvas is already in use" cannot happen).
 */
export function draw(chart: Chart | undefined, canvas: HTMLCanvasElement, grid: ChartGrid, width: number, height: number): Chart {
  if (chart && chart.canvas !== canvas) {
    chart.destroy();
    chart = undefined;
  }
  chart ??= Chart.getChart(canvas);
  const last = chart && drawn.get(chart);
  // Another type needs another chart; other changes are made in place.
  if (chart && last?.view.type !== grid.view.type) {
    chart.destroy();
    chart = undefined;
  }
  if (!chart) {
    canvas.width = width;
    canvas.height = height;
    chart = new Chart(canvas, configure(canvas, grid, width));
    // A tooltip left open when the element was last disconnected.
    tipOf(canvas).hidden = true;
  } else if (last !== grid) {
    const { data, options } = configure(canvas, grid, width);
    chart.data = data;
    chart.options = options!;
    chart.update('none');
  }
  drawn.set(chart, grid);
  if (chart.width !== width || chart.height !== height) {
    chart.options.plugins!.legend!.position = legendAt(grid, width);
    chart.resize(width, height);
  }
  canvas.onpointermove = canvas.onpointerdown = (e) => showTip(canvas, e);
  canvas.onpointerleave = () => (tipOf(canvas).hidden = true);
  return chart;
}

/** A doughnut's few labels stand beside it on a wide screen; everything else's below. */
function legendAt(g: ChartGrid, width: number): 'right' | 'bottom' {
  return g.view.type === 'doughnut' && width >= 560 && g.view.rows.length <= 12 ? 'right' : 'bottom';
}

/** The tooltip: the label under the pointer and its figures, in the reader's words. */
function showTip(canvas: HTMLCanvasElement, e: PointerEvent): void {
  const chart = Chart.getChart(canvas);
  const g = chart && drawn.get(chart);
  if (!g) return;
  const { type } = g.view;
  const doughnut = type === 'doughnut';
  // Where the pointer is on the canvas, in CSS pixels (offsetX is unreliable across engines and shadow roots).
  const rect = canvas.getBoundingClientRect();
  const x = e.clientX - rect.left;
  const y = e.clientY - rect.top;
  const [hit] = chart!.getElementsAtEventForMode(
    { type: 'mousemove', native: e, x, y } as unknown as Event,
    doughnut ? 'nearest' : 'index',
    { intersect: doughnut, axis: type === 'horizontal-bar' ? 'y' : 'x' },
    false,
  );
  const tip = tipOf(canvas);
  tip.hidden = !hit;
  if (!hit) return;
  const row = g.view.rows[hit.index];
  const lines = [g.names[hit.index], ...g.series.map((s, i) => `${s}: ${row.values[i] === undefined ? '—' : g.fmt(row.values[i]!)}`)];
  tip.replaceChildren(
    ...lines.map((text, i) => {
      const line = document.createElement('div');
      line.textContent = text;
      if (!i) line.style.fontWeight = '600';
      return line;
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

function configure(canvas: HTMLCanvasElement, g: ChartGrid, width: number): ChartConfiguration {
  const style = getComputedStyle(canvas);
  const color = (name: string, fallback: string) => style.getPropertyValue(`--tiendo-color-${name}`).trim() || fallback;
  const completed = color('completed', '#0b62c4');
  const highlight = color('highlight', '#073b74');
  const surface = color('surface', '#ffffff');
  const text = color('text', '#1f2328');
  const notStarted = color('not-started', '#57606a');
  const inProgress = color('in-progress', '#d46b08');
  // Completed: solid; in progress: stripes; not started: dots. Lines differ by dash and point too.
  const status: { fill: Paint; line: string; dash: number[]; point: string }[] = [
    { fill: completed, line: completed, dash: [], point: 'circle' },
    { fill: pattern(canvas, color('in-progress-alt', '#f0a450'), inProgress), line: inProgress, dash: [8, 4], point: 'triangle' },
    { fill: pattern(canvas, surface, notStarted, true), line: notStarted, dash: [2, 3], point: 'rect' },
  ];
  const marked = pattern(canvas, highlight, 'rgba(255,255,255,0.45)');
  const hatched = pattern(canvas, completed, 'rgba(255,255,255,0.5)');
  const font = { family: style.fontFamily, size: Math.max(12, Math.round(parseFloat(style.fontSize) * 0.875)) };

  const { type, metric, rows, highlight: id } = g.view;
  const models = !metric;
  const doughnut = type === 'doughnut';
  const line = type === 'line';
  const horizontal = type === 'horizontal-bar';
  // A marked province is darker, hatched and outlined, and its label starts with ▶.
  const hl = rows.map((r) => r.id === id);
  const per = <T,>(normal: T, mark: T): T[] => hl.map((h) => (h ? mark : normal));

  const datasets = g.series.map((label, i): ChartDataset => {
    const data = rows.map((r) => r.values[i] ?? null);
    if (doughnut) {
      return {
        label,
        data,
        backgroundColor: models ? status.map((s) => s.fill) : rows.map((_, j) => (hl[j] ? marked : j % 2 ? hatched : completed)),
        borderColor: models ? status.map((s) => s.line) : per(surface, text),
        borderWidth: per(2, 3),
      } as ChartDataset<'doughnut'>;
    }
    const s = models ? status[i] : status[0];
    if (line) {
      return {
        label,
        data,
        borderColor: s.line,
        backgroundColor: s.line,
        borderDash: s.dash,
        pointStyle: models ? s.point : per('circle', 'rectRot'),
        pointRadius: per(4, 8),
        pointBackgroundColor: models ? s.line : per(completed, highlight),
        pointBorderColor: per(s.line, text),
        pointBorderWidth: per(1, 2),
      } as ChartDataset<'line'>;
    }
    return {
      label,
      data,
      backgroundColor: models ? s.fill : per<Paint>(completed, marked),
      borderColor: per(s.line, text),
      borderWidth: per(models && i === 2 ? 1 : 0, 2),
    } as ChartDataset<'bar'>;
  });

  const ticks = { color: text, font };
  const value = {
    type: 'linear',
    beginAtZero: true,
    stacked: models && !line,
    grid: { color: color('grid', '#d0d7de') },
    ticks: { ...ticks, precision: models ? 0 : undefined, callback: (v: number | string) => g.tick(+v) },
  };
  const category = {
    type: 'category',
    stacked: models && !line,
    grid: { display: false },
    // Upright names, every one of them while they have about a line's height each.
    ticks: { ...ticks, maxRotation: 90, autoSkip: horizontal || (width - 60) / rows.length < font.size * 1.3 },
  };

  return {
    type: doughnut ? 'doughnut' : line ? 'line' : 'bar',
    data: { labels: g.names.map((n, j) => (hl[j] ? `▶ ${n}` : n)), datasets },
    options: {
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: printRatio,
      // Chart.js listens to nothing: the tooltip above has its own two listeners.
      events: [],
      animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
      indexAxis: horizontal ? 'y' : 'x',
      scales: doughnut ? {} : horizontal ? { x: value, y: category } : { x: category, y: value },
      plugins: {
        legend: {
          display: models || doughnut,
          position: legendAt(g, width),
          labels: { color: text, font, usePointStyle: line },
        },
      },
    },
  } as ChartConfiguration;
}
