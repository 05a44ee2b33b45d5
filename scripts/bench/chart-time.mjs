/**
 * <tiendo-chart> over time, 1,000 points (the most a feed's history holds, with the
 * latest figure): its first draw against Chart.js alone (its own line controller,
 * linear scales, no animation) drawing the same 1,000 points on a canvas of the
 * same size, interleaved in the same page, in headless Chromium. Both under
 * prefers-reduced-motion, so neither animates.
 *
 * The draw is timed from the first touch of the chart's canvas (where tiendo's
 * renderer reads the theme and makes its patterns, then builds the Chart.js chart)
 * to the drawn pixels (a pixel read forces the canvas to finish drawing); Chart.js
 * alone from `new Chart` to the same pixel read. The ratio of the medians must not
 * exceed 1.5. What the widget does before it draws (reading the inline feed, the
 * view, the 1,000-row table) is printed beside it, from the element's insertion.
 */
import { servePage } from '../lib/bench-server.mjs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const RATIO_BUDGET = 1.5;
const RUNS = 21;
const WARMUP = 4;
const POINTS = 1000;

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head>
<body style="margin:0"><script src="/chartjs.js"></script><script type="module" src="/dist/tiendo.js"></script></body></html>`;

/** The bench page, the built library and '/chartjs.js' (scripts/lib/bench-server.mjs). */
const serve = (root) => servePage(root, PAGE, { '/chartjs.js': 'node_modules/chart.js/dist/chart.umd.min.js' });

/** A feed whose national figure has 999 earlier points, a day apart, and its latest one: 1,000 in all. */
function feedOf(points) {
  const start = Date.UTC(2021, 0, 1);
  const day = (i) => new Date(start + i * 864e5).toISOString().slice(0, 10);
  const value = (i) => 20000 + i * 180 + ((i * 7919) % 1300);
  return {
    version: 1,
    title: 'bench',
    metrics: [{ id: 'm', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' }],
    national: {
      name: 'Toàn quốc',
      asOf: day(points - 1),
      source: { name: 'bench' },
      metrics: { m: { value: value(points - 1), history: Array.from({ length: points - 1 }, (_, i) => ({ asOf: day(i), value: value(i) })) } },
    },
  };
}

/** Runs in the page: times both charts, run after run, and returns every timing. */
async function measure({ text, runs, warmup }) {
  // <tiendo-chart> is defined lazily, once one is in the document: the first run brings its code.
  const box = document.createElement('div');
  box.style.width = '800px';
  document.body.append(box);
  const feed = JSON.parse(text);
  const points = [...feed.national.metrics.m.history, { asOf: feed.national.asOf, value: feed.national.metrics.m.value }].map((p) => ({
    x: Date.parse(`${p.asOf}T00:00:00+07:00`),
    y: p.value,
  }));

  // The first time anything touches a chart's canvas inside a <tiendo-chart>: the start of its draw.
  let touched;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...args) {
    if (touched === undefined && this.getRootNode().host?.localName === 'tiendo-chart') touched = performance.now();
    return getContext.apply(this, args);
  };

  async function tiendo() {
    const el = document.createElement('tiendo-chart');
    el.setAttribute('province', 'national');
    el.setAttribute('metric', 'm');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    el.append(script);
    touched = undefined;
    const t0 = performance.now();
    box.append(el);
    // Chart.js sets the canvas's style when it takes the canvas, then draws in the same task.
    const canvas = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not drawn (state ${el.getAttribute('state')})`)), 10000);
      const seen = new MutationObserver(() => {
        const c = el.shadowRoot?.querySelector('canvas');
        if (c?.style.width) {
          clearTimeout(timer);
          seen.disconnect();
          resolve(c);
        }
      });
      const watch = () => seen.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true });
      if (el.shadowRoot) watch();
      else customElements.whenDefined('tiendo-chart').then(watch);
    });
    canvas.getContext('2d').getImageData(0, 0, 1, 1);
    const t1 = performance.now();
    const table = el.shadowRoot.querySelectorAll('tbody tr').length;
    if (table !== points.length) throw new Error(`table has ${table} rows`);
    const size = { width: parseFloat(canvas.style.width), height: parseFloat(canvas.style.height) };
    el.remove();
    return { draw: t1 - touched, whole: t1 - t0, size };
  }

  function alone(size) {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = `display:block;width:${size.width}px;height:${size.height}px`;
    canvas.width = size.width;
    canvas.height = size.height;
    box.append(canvas);
    const t0 = performance.now();
    const chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [{ label: 'Hồ sơ tiếp nhận trực tuyến', data: points, borderColor: '#0b62c4', backgroundColor: '#0b62c4' }] },
      options: {
        responsive: false,
        animation: false,
        events: [],
        scales: { x: { type: 'linear' }, y: { type: 'linear', beginAtZero: true } },
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
      },
    });
    canvas.getContext('2d').getImageData(0, 0, 1, 1);
    const t1 = performance.now();
    chart.destroy();
    canvas.remove();
    return t1 - t0;
  }

  const out = { tiendo: [], whole: [], alone: [] };
  for (let i = 0; i < warmup + runs; i++) {
    // Interleaved, so both meet the same machine state.
    const a = await tiendo();
    await new Promise((r) => setTimeout(r, 0));
    const b = alone(a.size);
    await new Promise((r) => setTimeout(r, 0));
    if (i >= warmup) {
      out.tiendo.push(a.draw);
      out.whole.push(a.whole);
      out.alone.push(b);
    }
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

export async function run({ root }) {
  const title = `<tiendo-chart> over time: ${POINTS.toLocaleString('en')} points, first draw vs Chart.js alone (median)`;
  const server = await serve(root);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1024, height: 800 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    const r = await page.evaluate(measure, { text: JSON.stringify(feedOf(POINTS)), runs: RUNS, warmup: WARMUP });
    if (errors.length) throw new Error(errors.join('\n'));
    const t = median(r.tiendo);
    const a = median(r.alone);
    const ratio = t / a;
    return {
      title,
      rows: [
        { label: 'tiendo: draw (renderer + Chart.js)', value: ms(t) },
        { label: 'Chart.js alone: draw', value: ms(a) },
        // For information: the widget's whole first paint of 1,000 points (inline feed read and checked,
        // the view, the 1,000-row table, a frame for the box's size), against the same Chart.js draw.
        { label: 'tiendo: insertion to drawn (feed, table)', value: `${ms(median(r.whole))} (${(median(r.whole) / a).toFixed(1)}× the draw alone)` },
        { label: 'ratio of the draws', value: `${ratio.toFixed(2)}×`, budget: `${RATIO_BUDGET.toFixed(2)}×`, ok: ratio <= RATIO_BUDGET },
      ],
    };
  } catch (e) {
    return { title, rows: [{ label: 'chart bench', value: `failed: ${e.message}`, ok: false }] };
  } finally {
    await browser.close();
    server.close();
  }
}

// Alone: node scripts/bench/chart-time.mjs (after npx vite build).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { fileURLToPath } = await import('node:url');
  const result = await run({ root: join(fileURLToPath(import.meta.url), '../../..') });
  console.log(result.title);
  for (const row of result.rows) console.log(`  ${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.label.padEnd(44)} ${row.value}${row.budget ? `  (budget ${row.budget})` : ''}`);
  process.exit(result.rows.some((row) => row.ok === false) ? 1 : 0);
}
