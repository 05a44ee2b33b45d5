/**
 * <tiendo-province-table> speed, each against a plain DOM table doing the same job from the
 * same data in the same page, both timed to the end of layout (median of interleaved runs;
 * goal: tiendo within 1.5× of the plain table, and the bench fails above):
 * - the 63-province feed (test/fixtures/provinces-63.json) as an 8-column table, rendered
 *   and then re-sorted from a header button;
 * - 3,321 communes of one province (`level="commune"`, the count of Vietnam's communes since
 *   2025), rendered and then filtered by a name typed without diacritics ("thach ha").
 *   The plain table draws every row and hides those the filter leaves out; tiendo draws
 *   a page of 100 rows (every row stays a page or a filter away). A page was chosen over
 *   drawing every row (about as slow as the plain table: ~350 ms here, and it grows with the
 *   rows) and over a virtual scroller (@lit-labs/virtualizer 2.1.1 adds ~8 KB gzip to the
 *   table's chunk and needs absolutely placed rows, which a native <table> cannot have: no
 *   table semantics for screen readers, no sticky name column, nothing to print).
 */
import { servePage } from '../lib/bench-server.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

export const RATIO_BUDGET = 1.5;
const RUNS = 21;
const WARMUP = 4;
const COLUMNS = 'rank,name,rate,completed,in-progress,not-started,total,online-dossiers';
const COMMUNES = 3321;
const COMMUNE_RUNS = 11;
const COMMUNE_WARMUP = 2;

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head>
<body><script type="module" src="/dist/tiendo.js"></script></body></html>`;

/** The bench page, the built library and '/fixture.json' (scripts/lib/bench-server.mjs). */
const serve = (root) => servePage(root, PAGE, { '/fixture.json': 'test/fixtures/provinces-63.json' });

/** Runs in the page: times both tables, run after run, and returns every timing. */
async function measure({ columns, runs, warmup }) {
  // The table is defined lazily (when one appears): ask for it, as the builder does.
  await (await import('/dist/index.js')).defineWidget('tiendo-province-table');
  const text = await (await fetch('/fixture.json')).text();
  const box = document.createElement('div');
  box.style.width = '960px';
  document.body.append(box);
  const layout = (node) => node.getBoundingClientRect().height;

  async function tiendo() {
    const el = document.createElement('tiendo-province-table');
    el.setAttribute('columns', columns);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    el.append(script);
    const t0 = performance.now();
    box.append(el);
    await el.updateComplete;
    if (el.getAttribute('state') !== 'ready') throw new Error(`state ${el.getAttribute('state')}`);
    const table = el.shadowRoot.querySelector('table');
    layout(table);
    const t1 = performance.now();
    el.shadowRoot.querySelectorAll('thead button')[2].click(); // "Hoàn thành", descending
    await el.updateComplete;
    layout(table);
    const t2 = performance.now();
    if (el.shadowRoot.querySelectorAll('thead th')[3].getAttribute('aria-sort') !== 'descending') throw new Error('not re-sorted');
    el.remove();
    return [t1 - t0, t2 - t1];
  }

  function plain() {
    const t0 = performance.now();
    const feed = JSON.parse(text);
    const names = new Intl.Collator('vi').compare;
    const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const cols = [
      ['Tỷ lệ hoàn thành', (a) => (a.models?.total ? a.models.completed / a.models.total : undefined), pct],
      ['Hoàn thành', (a) => a.models?.completed, num],
      ['Đang triển khai', (a) => a.models?.inProgress, num],
      ['Chưa triển khai', (a) => a.models?.notStarted, num],
      ['Tổng số mô hình', (a) => a.models?.total, num],
      ['Hồ sơ tiếp nhận trực tuyến (%)', (a) => { const m = a.metrics?.['online-dossiers']; return m && m.value / m.total; }, pct],
    ];
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const table = document.createElement('table');
    table.createCaption().textContent = feed.title;
    const head = table.createTHead().insertRow();
    for (const label of ['Hạng', 'Tỉnh, thành phố', ...cols.map((c) => c[0])]) {
      const th = document.createElement('th');
      th.scope = 'col';
      const button = document.createElement('button');
      button.textContent = label;
      th.append(button);
      head.append(th);
    }
    const rows = feed.provinces.map((p) => {
      const values = cols.map((c) => c[1](p));
      const tr = document.createElement('tr');
      const rank = tr.insertCell();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = p.name;
      tr.append(th);
      values.forEach((v, i) => (tr.insertCell().textContent = v === undefined ? '—' : cols[i][2].format(v)));
      return { p, values, tr, rank };
    });
    const body = table.createTBody();
    const order = (i) => {
      rows.sort((a, b) => b.values[i] - a.values[i] || names(a.p.name, b.p.name));
      rows.forEach((r, k) => {
        r.rank.textContent = String(k && r.values[i] === rows[k - 1].values[i] ? rows[k - 1].rank.textContent : k + 1);
      });
      body.append(...rows.map((r) => r.tr));
      head.cells[i + 2].setAttribute('aria-sort', 'descending');
    };
    order(0);
    const foot = table.createTFoot().insertRow();
    foot.insertCell();
    foot.insertCell().textContent = feed.national.name;
    for (const c of cols) {
      const v = c[1](feed.national);
      foot.insertCell().textContent = v === undefined ? '—' : c[2].format(v);
    }
    root.append(table);
    box.append(host);
    layout(table);
    const t1 = performance.now();
    head.cells[2].removeAttribute('aria-sort');
    order(1);
    layout(table);
    const t2 = performance.now();
    host.remove();
    return [t1 - t0, t2 - t1];
  }

  const out = { tiendo: [], plain: [] };
  for (let i = 0; i < warmup + runs; i++) {
    // Interleaved, so both meet the same machine state.
    const a = await tiendo();
    await new Promise((r) => setTimeout(r, 0));
    const b = plain();
    await new Promise((r) => setTimeout(r, 0));
    if (i >= warmup) {
      out.tiendo.push(a);
      out.plain.push(b);
    }
  }
  return out;
}

/** Runs in the page: 3,321 communes rendered then filtered, tiendo against a plain DOM table. */
async function measureCommunes({ count, runs, warmup }) {
  // The table is defined lazily (when one appears): ask for it, as the builder does.
  await (await import('/dist/index.js')).defineWidget('tiendo-province-table');
  const syllables = ['Thạch', 'Cẩm', 'Xuyên', 'Kỳ', 'Anh', 'Đức', 'Thọ', 'Hương', 'Sơn', 'Khê', 'Lộc', 'Vĩnh', 'Phúc', 'Yên', 'Hòa',
    'Bình', 'Tân', 'Long', 'Mỹ', 'Quảng', 'Trị', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Lâm', 'Phong', 'Điền', 'Xuân'];
  const communes = Array.from({ length: count }, (_, i) => ({
    id: `c-${i}`,
    name: i === 1234 ? 'Xã Thạch Hà' : `${i % 5 ? 'Xã' : 'Phường'} ${syllables[i % 30]} ${syllables[Math.floor(i / 30) % 30]} ${Math.floor(i / 900) + 1}`,
    models: { total: 20, completed: (i * 7919) % 21, inProgress: (i * 31) % (21 - ((i * 7919) % 21)) },
  }));
  const text = JSON.stringify({
    version: 1,
    title: 'Xã, phường',
    provinces: [{ id: 'ha-tinh', name: 'Hà Tĩnh', communes }],
  });
  const query = 'thach ha';
  const box = document.createElement('div');
  box.style.width = '960px';
  document.body.append(box);
  const layout = (node) => node.getBoundingClientRect().height;

  async function tiendo() {
    const el = document.createElement('tiendo-province-table');
    el.setAttribute('level', 'commune');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    el.append(script);
    const t0 = performance.now();
    box.append(el);
    await el.updateComplete;
    if (el.getAttribute('state') !== 'ready') throw new Error(`state ${el.getAttribute('state')}`);
    const table = el.shadowRoot.querySelector('table');
    layout(table);
    const t1 = performance.now();
    const input = el.shadowRoot.querySelector('input');
    input.value = query;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    layout(table);
    const t2 = performance.now();
    const found = el.shadowRoot.querySelectorAll('tbody tr').length;
    if (found !== 1) throw new Error(`tiendo found ${found} rows`);
    el.remove();
    return [t1 - t0, t2 - t1];
  }

  function plain() {
    const t0 = performance.now();
    const feed = JSON.parse(text);
    const names = new Intl.Collator('vi').compare;
    const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const cols = [
      ['Tỷ lệ hoàn thành', (a) => (a.models?.total ? a.models.completed / a.models.total : undefined), pct],
      ['Hoàn thành', (a) => a.models?.completed, num],
      ['Đang triển khai', (a) => a.models?.inProgress, num],
      ['Chưa triển khai', (a) => a.models && a.models.total - a.models.completed - a.models.inProgress, num],
      ['Tổng số mô hình', (a) => a.models?.total, num],
    ];
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    input.type = 'search';
    root.append(input);
    const table = document.createElement('table');
    table.createCaption().textContent = feed.title;
    const head = table.createTHead().insertRow();
    for (const label of ['Hạng', 'Xã, phường', ...cols.map((c) => c[0])]) {
      const th = document.createElement('th');
      th.scope = 'col';
      const button = document.createElement('button');
      button.textContent = label;
      th.append(button);
      head.append(th);
    }
    const rows = feed.provinces[0].communes.map((p) => {
      const values = cols.map((c) => c[1](p));
      const tr = document.createElement('tr');
      const rank = tr.insertCell();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = p.name;
      tr.append(th);
      values.forEach((v, i) => (tr.insertCell().textContent = v === undefined ? '—' : cols[i][2].format(v)));
      return { p, values, tr, rank, key: fold(p.name) };
    });
    rows.sort((a, b) => b.values[0] - a.values[0] || names(a.p.name, b.p.name));
    rows.forEach((r, k) => {
      r.rank.textContent = String(k && r.values[0] === rows[k - 1].values[0] ? rows[k - 1].rank.textContent : k + 1);
    });
    const body = table.createTBody();
    body.append(...rows.map((r) => r.tr));
    root.append(table);
    box.append(host);
    layout(table);
    const t1 = performance.now();
    input.value = query;
    const q = fold(input.value);
    let found = 0;
    for (const r of rows) {
      r.tr.hidden = !r.key.includes(q);
      if (!r.tr.hidden) found++;
    }
    layout(table);
    const t2 = performance.now();
    if (found !== 1) throw new Error(`plain found ${found} rows`);
    host.remove();
    return [t1 - t0, t2 - t1];
  }

  const out = { tiendo: [], plain: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const a = await tiendo();
    await new Promise((r) => setTimeout(r, 0));
    const b = plain();
    await new Promise((r) => setTimeout(r, 0));
    if (i >= warmup) {
      out.tiendo.push(a);
      out.plain.push(b);
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
  const title = '<tiendo-province-table>: 63 provinces × 8 columns, render + re-sort; 3,321 communes, render + filter (median)';
  const server = await serve(root);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1024, height: 800 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    const r = await page.evaluate(measure, { columns: COLUMNS, runs: RUNS, warmup: WARMUP });
    const c = await page.evaluate(measureCommunes, { count: COMMUNES, runs: COMMUNE_RUNS, warmup: COMMUNE_WARMUP });
    if (errors.length) throw new Error(errors.join('\n'));
    const sum = (pairs) => median(pairs.map(([a, b]) => a + b));
    const both = (pairs) => `${ms(median(pairs.map((x) => x[0])))} / ${ms(median(pairs.map((x) => x[1])))}`;
    const ratioRow = (label, res) => {
      const t = sum(res.tiendo);
      const p = sum(res.plain);
      const ratio = t / p;
      return [
        { label: `${label}: tiendo vs plain DOM`, value: `${ms(t)} vs ${ms(p)}` },
        { label: 'ratio', value: `${ratio.toFixed(2)}×`, budget: `${RATIO_BUDGET.toFixed(2)}×`, ok: ratio <= RATIO_BUDGET },
      ];
    };
    return {
      title,
      rows: [
        { label: 'tiendo: render / re-sort', value: both(r.tiendo) },
        { label: 'plain DOM table: render / re-sort', value: both(r.plain) },
        ...ratioRow('render + re-sort', r),
        { label: `${COMMUNES} communes, tiendo: render / filter`, value: both(c.tiendo) },
        { label: `${COMMUNES} communes, plain DOM: render / filter`, value: both(c.plain) },
        ...ratioRow(`${COMMUNES} communes, render + filter`, c),
      ],
    };
  } catch (e) {
    return { title, rows: [{ label: 'table bench', value: `failed: ${e.message}`, ok: false }] };
  } finally {
    await browser.close();
    server.close();
  }
}

// `node scripts/bench/table.mjs` runs this bench alone, on the dist/ already built.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run({ root: join(dirname(fileURLToPath(import.meta.url)), '../..') });
  console.log(result.title);
  for (const row of result.rows) console.log(`  ${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.label.padEnd(52)} ${row.value}${row.budget ? `  (budget ${row.budget})` : ''}`);
  process.exit(result.rows.some((row) => row.ok === false) ? 1 : 0);
}
