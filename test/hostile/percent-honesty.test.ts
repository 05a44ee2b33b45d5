/**
 * Percent honesty (SPEC "Figures that never mislead", issue 17): no accepted feed ever
 * makes a widget display a share as 100% unless it is whole, or as 0% unless it is nothing:
 * `<tiendo-progress>` and `<tiendo-kpi>` (on screen, in the progress bar's announcement and
 * in the sentence), `<tiendo-province-table>` (each row on screen, and the CSV file its
 * button saves), `<tiendo-chart>` (its data table) and `<tiendo-map>` (each tile's figure and
 * label, the provinces outside the grid, its data table), in Vietnamese or English. An
 * independent oracle reads each share from the raw feed (counts derived as the contract says;
 * an area's metric rate is value ÷ total, else the rate the source reported) and checks every
 * percentage shown for it: "> x" only for a share above x and short of the whole, "< x" only
 * for one below x and above nothing, any other figure within half a unit of its last decimal.
 * A row is matched to its area by name; a name the feed gives twice (or one the widget
 * writes itself) is held against every area's share.
 *
 * Feeds: shares at the edges (1 of millions, all but one of millions, none, all; in up to
 * three provinces that the maps place on tiles) and a sample of the fuzz suite's valid feeds.
 */
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import '../../src/index.js';
import { validateFeedText } from '../../src/feed/validation.js';
import { cleanup, mount, part } from '../helpers.js';
import { validFeed } from './arbitraries.js';
import { settled, watchErrors } from './safety.js';

type Json = Record<string, unknown>;

/** Edge feeds and valid feeds rendered, each in progress and KPI, half in English. */
const EDGE_FEEDS = 240;
const VALID_FEEDS = 120;
/** Feeds rendered in the table, the chart and the two maps (fewer: each shows every area). */
const COMPARED_EDGE_FEEDS = 100;
const COMPARED_VALID_FEEDS = 60;

/** A count out of `total` at an edge, or anywhere. */
const countOf = (total: number) => fc.oneof(fc.constantFrom(0, 1, total - 1, total, Math.max(0, total - 2)), fc.integer({ min: 0, max: total }));

/** Model counts of `nghe-an` at the edges: completed given, or derived from the two others. */
const edgeModels = fc
  .integer({ min: 1, max: 9_000_000 })
  .chain((total) => fc.tuple(fc.constant(total), countOf(total), fc.boolean()))
  .chain(([total, completed, derived]) =>
    fc.integer({ min: 0, max: total - completed }).map((inProgress) =>
      derived ? { total, inProgress, notStarted: total - completed - inProgress } : { total, completed, inProgress },
    ),
  );

/** A rate 0–1 at an edge, or anywhere. */
const edgeRate = fc.oneof(fc.constantFrom(0, 1, 1e-7, 1 - 1e-7, 0.00004, 0.99996, 0.0005, 0.9995, 0.995), fc.double({ min: 0, max: 1, noNaN: true }));

/** The metric `on-time` of `nghe-an` at the edges: value of total, or a reported rate; sometimes a target. */
const edgeFigure = fc.oneof(
  fc
    .integer({ min: 1, max: 9_000_000 })
    .chain((total) => fc.tuple(countOf(total), fc.constant(total), fc.option(edgeRate, { nil: undefined })))
    .map(([value, total, target]) => ({ value, total, ...(target === undefined ? {} : { target }) })),
  fc.tuple(edgeRate, fc.option(edgeRate, { nil: undefined })).map(([rate, target]) => ({ rate, ...(target === undefined ? {} : { target }) })),
);

/** Provinces besides Nghệ An that the maps place on a tile of either grid. */
const PLACED = [
  { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh' },
  { id: 'ca-mau', code: '96', name: 'Cà Mau' },
];

const edgeFeed = fc
  .tuple(edgeModels, edgeFigure, fc.boolean(), fc.array(fc.tuple(edgeModels, edgeFigure), { maxLength: PLACED.length }))
  .map(([models, figure, higherIsBetter, others]) => ({
    version: 1,
    metrics: [{ id: 'on-time', name: 'Hồ sơ đúng hạn', unit: 'hồ sơ', higherIsBetter }],
    provinces: [
      { id: 'nghe-an', code: '40', name: 'Nghệ An', models, metrics: { 'on-time': figure } },
      ...others.map(([m, f], i) => ({ ...PLACED[i], models: m, metrics: { 'on-time': f } })),
    ],
  }));

/** The share the oracle reads for each widget from the raw feed; undefined where none is shown. */
function shares(feed: Json): { progress?: number; kpi?: number } {
  const province = (feed.provinces as Json[]).find((p) => p.id === 'nghe-an')!;
  const m = province.models as Record<string, number | undefined> | undefined;
  let progress: number | undefined;
  if (m && m.total) {
    const known = [m.completed, m.inProgress, m.notStarted].filter((x) => x !== undefined).length;
    const completed = m.completed ?? (known === 2 ? m.total - (m.inProgress ?? 0) - (m.notStarted ?? 0) : undefined);
    if (completed !== undefined) progress = completed / m.total;
  }
  const f = ((province.metrics ?? {}) as Record<string, Record<string, number | undefined>>)['on-time'];
  const kpi = f && (f.value !== undefined && f.total ? f.value / f.total : f.value === undefined ? f.rate : undefined);
  return { progress, kpi };
}

/** Every string of a feed, keys included (feed text may itself hold "100%"). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, out).push(k);
  return out;
}

/** The first percentage in `text` (feed strings holding a % sign taken out): its bound ('<', '>' or none) and figure. */
function firstPercent(text: string, feed: Json): { bound?: '<' | '>'; shown: number; decimals: number; token: string } | undefined {
  let own = ` ${text} `;
  // A feed string is taken out where it stands alone: "0%" (a metric's id) is not inside "100,0%".
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const s of strings(feed).filter((x) => x.includes('%')).sort((a, b) => b.length - a.length)) {
    own = own.replace(new RegExp(`${/^[\d.,]/.test(s) ? '(?<![\\d.,])' : ''}${escape(s)}`, 'g'), ' ');
  }
  // A bound and its figure: a no-break space between them on screen, a plain one in a CSV file.
  const m = /(?:([<>])[\u00a0 ]|(hơn|over|dưới|under) )?(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)%/.exec(own);
  if (!m) return undefined;
  const bound = (m[1] ?? { hơn: '>', over: '>', dưới: '<', under: '<' }[m[2] ?? ''] ?? undefined) as '<' | '>' | undefined;
  const digits = m[3].replace(',', '.');
  return { bound, shown: Number(digits), decimals: digits.split('.')[1]?.length ?? 0, token: m[0] };
}

/** Whether the first percentage in `text` is true of `share`: bounded only strictly inside (0, 1), else within rounding. */
function honest(text: string, share: number, feed: Json): boolean {
  const p = firstPercent(text, feed);
  if (!p) return true;
  const truth = share * 100;
  if (p.bound === '>') return share < 1 && truth > p.shown;
  if (p.bound === '<') return share > 0 && truth < p.shown;
  if (p.shown === 100 && share !== 1) return false;
  if (p.shown === 0 && share !== 0) return false;
  return Math.abs(p.shown - truth) <= 0.5 * 10 ** -p.decimals + 1e-9;
}

/** The percentage shown for `share` is true: bounded only strictly inside (0, 1), else within rounding. */
function expectHonest(text: string | null | undefined, share: number, feed: Json, where: string): void {
  const p = text ? firstPercent(text, feed) : undefined;
  if (!p) return;
  expect(honest(text!, share, feed), `${where}: "${p.token}" for a share of ${share} in "${text}"\n${JSON.stringify(feed)}`).to.equal(true);
}

async function renderAndCheck(feeds: Json[]): Promise<number> {
  let checked = 0;
  for (let start = 0; start < feeds.length; start += 40) {
    const batch = feeds.slice(start, start + 40);
    const errors = watchErrors();
    const box = mount('', { style: 'width:360px' });
    const els = batch.flatMap((feed, i) =>
      ['<tiendo-progress province="nghe-an"></tiendo-progress>', '<tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>'].map((markup) => {
        const holder = document.createElement('div');
        holder.innerHTML = markup;
        const el = holder.firstElementChild as HTMLElement;
        if (i % 2) el.setAttribute('lang', 'en');
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(feed);
        el.append(script);
        box.append(el);
        return el;
      }),
    );
    try {
      await settled(els);
    } finally {
      errors.stop();
    }
    batch.forEach((feed, i) => {
      const { progress, kpi } = shares(feed);
      const [p, k] = [els[2 * i], els[2 * i + 1]];
      if (progress !== undefined && p.getAttribute('state') === 'ready') {
        expectHonest(part(p, 'percent')?.textContent, progress, feed, 'progress percent');
        expectHonest(part(p, 'bar')?.getAttribute('aria-valuetext'), progress, feed, 'progress bar');
        expectHonest(part(p, 'sentence')?.textContent, progress, feed, 'progress sentence');
        checked++;
      }
      if (kpi !== undefined && k.getAttribute('state') === 'ready') {
        expectHonest((part(k, 'rate') ?? part(k, 'value'))?.textContent, kpi, feed, 'KPI figure');
        expectHonest(part(k, 'sentence')?.textContent, kpi, feed, 'KPI sentence');
        checked++;
      }
    });
    expect(errors.errors, 'no uncaught error or console.error').to.deep.equal([]);
    cleanup();
  }
  return checked;
}

/** An area of a feed as a widget comparing areas names it, with its two shares (undefined where it has none). */
interface Area {
  names: string[];
  models?: number;
  metric?: number;
}

/** The completed share of a `models` block: completed (given, or derived from the two others) ÷ total. */
function modelShare(m: Record<string, number | undefined> | undefined): number | undefined {
  if (!m || !m.total) return undefined;
  const known = [m.completed, m.inProgress, m.notStarted].filter((x) => x !== undefined).length;
  const completed = m.completed ?? (known === 2 ? m.total - (m.inProgress ?? 0) - (m.notStarted ?? 0) : undefined);
  return completed === undefined ? undefined : completed / m.total;
}

/** A metric figure's rate, as the widgets comparing areas read it: value ÷ total, else the rate the source reported. */
function metricShare(f: Record<string, number | undefined> | undefined): number | undefined {
  if (!f) return undefined;
  return f.value !== undefined && f.total ? f.value / f.total : f.rate;
}

/** The provinces and the national block (by its name, or the reader's word for the nation). */
function areasOf(feed: Json): Area[] {
  const of = (a: Json, names: string[]): Area => ({
    names,
    models: modelShare(a.models as Record<string, number | undefined> | undefined),
    metric: metricShare(((a.metrics ?? {}) as Record<string, Record<string, number | undefined>>)['on-time']),
  });
  const national = feed.national as Json | undefined;
  return [
    ...((feed.provinces ?? []) as Json[]).map((p) => of(p, [p.name as string])),
    ...(national ? [of(national, [...(typeof national.name === 'string' ? [national.name] : []), 'Toàn quốc', 'Nationwide'])] : []),
  ];
}

/** A name as compared: without direction isolates or the highlight mark, spaces folded. */
const norm = (s: string) => s.replace(/[\u2066-\u2069▶]/g, '').replace(/\s+/g, ' ').trim();

/**
 * The percentage in `text`, shown for the area named `name`, is true of that area's share of
 * `kind`: the one area of that name, or (a name given twice, or one the widget wrote itself)
 * some area of the feed. Returns whether there was a percentage.
 */
function expectRowHonest(name: string, text: string | null | undefined, areas: Area[], kind: 'models' | 'metric', feed: Json, where: string): boolean {
  const p = text ? firstPercent(text, feed) : undefined;
  if (!p) return false;
  const named = areas.filter((a) => a.names.some((n) => norm(n) === norm(name)));
  const own = named.length === 1 && named[0][kind] !== undefined ? [named[0][kind]!] : areas.map((a) => a[kind]).filter((x): x is number => x !== undefined);
  expect(
    own.some((share) => honest(text!, share, feed)),
    `${where}: "${p.token}" for "${name}" (share ${own.join(' or ')}) in "${text}"\n${JSON.stringify(feed)}`,
  ).to.equal(true);
  return true;
}

/** A CSV file's rows: quoted fields undone, the ' that guards a formula taken off. */
function csvRows(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && t[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows.map((r) => r.map((f) => f.replace(/^'(?=[=+\-@])/, '')));
}

/** The CSV file the table's button saves, as text (the download itself held back). */
async function downloadedCsv(el: HTMLElement): Promise<string> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return create.call(URL, b);
  };
  HTMLAnchorElement.prototype.click = () => undefined;
  try {
    part(el, 'csv')!.click();
    const start = performance.now();
    while (!blobs.length && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 5));
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  expect(blobs, 'the CSV file saved').to.have.length(1);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0].arrayBuffer());
}

type Check = (el: HTMLElement, feed: Json, areas: Area[]) => Promise<number>;

/** The table on screen (every row's two shares) and the CSV file it saves. */
const checkTable: Check = async (el, feed, areas) => {
  let n = 0;
  for (const tr of el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr, tfoot tr')) {
    const name = tr.cells[0]?.textContent ?? '';
    if (expectRowHonest(name, tr.cells[1]?.textContent, areas, 'models', feed, 'table rate')) n++;
    if (expectRowHonest(name, tr.cells[2]?.textContent, areas, 'metric', feed, 'table metric')) n++;
  }
  if (!part(el, 'csv')) return n;
  const [, ...rows] = csvRows(await downloadedCsv(el), el.getAttribute('lang') === 'en' ? ',' : ';');
  for (const [name, rate, metric] of rows) {
    if (expectRowHonest(name, rate, areas, 'models', feed, 'table CSV rate')) n++;
    if (expectRowHonest(name, metric, areas, 'metric', feed, 'table CSV metric')) n++;
  }
  return n;
};

/** The chart's data table: a metric's rates as percentages (counts, where some area has no rate, are not shares). */
const checkChart: Check = async (el, feed, areas) => {
  let n = 0;
  for (const tr of (part(el, 'table') as HTMLTableElement | null)?.tBodies[0]?.rows ?? []) {
    if (expectRowHonest(tr.cells[0].textContent ?? '', tr.cells[1]?.textContent, areas, 'metric', feed, 'chart table')) n++;
  }
  return n;
};

/** The map's tiles (figure and label), the provinces outside the grid, its data table. */
const checkMap =
  (kind: 'models' | 'metric'): Check =>
  async (el, feed, areas) => {
    let n = 0;
    for (const tile of el.shadowRoot!.querySelectorAll('[part~="tile"]')) {
      const label = tile.querySelector('.label');
      const name = label?.querySelector('bdi')?.textContent ?? '';
      if (expectRowHonest(name, tile.querySelector('[part~="figure"]')?.textContent, areas, kind, feed, 'map tile')) n++;
      if (expectRowHonest(name, label?.textContent?.slice(name.length), areas, kind, feed, 'map tile label')) n++;
    }
    for (const li of el.shadowRoot!.querySelectorAll('[part~="outside"] li')) {
      const name = li.querySelector('bdi')?.textContent ?? '';
      if (expectRowHonest(name, li.textContent?.slice(name.length), areas, kind, feed, 'map outside the grid')) n++;
    }
    for (const tr of (part(el, 'table') as HTMLTableElement | null)?.tBodies[0]?.rows ?? []) {
      if (expectRowHonest(tr.cells[0].textContent ?? '', tr.cells[1]?.textContent, areas, kind, feed, 'map table')) n++;
    }
    return n;
  };

/** The widgets that compare areas, each with the check of what it shows. */
const COMPARING: { markup: string; check: Check }[] = [
  { markup: '<tiendo-province-table columns="name,rate,on-time"></tiendo-province-table>', check: checkTable },
  { markup: '<tiendo-chart metric="on-time"></tiendo-chart>', check: checkChart },
  { markup: '<tiendo-map></tiendo-map>', check: checkMap('models') },
  { markup: '<tiendo-map metric="on-time"></tiendo-map>', check: checkMap('metric') },
];

/** Renders each feed in every widget that compares areas (half in English) and checks what they show; returns how many percentages. */
async function renderComparing(feeds: Json[]): Promise<number> {
  let checked = 0;
  for (let start = 0; start < feeds.length; start += 20) checked += await checkComparing(feeds.slice(start, start + 20));
  return checked;
}

/** One batch, in a function of its own (no closure over the caller's loop). */
async function checkComparing(batch: Json[]): Promise<number> {
  const errors = watchErrors();
  const box = mount('', { style: 'width:720px' });
  const els = batch.map((feed, i) =>
    COMPARING.map(({ markup }) => {
      const holder = document.createElement('div');
      holder.innerHTML = markup;
      const el = holder.firstElementChild as HTMLElement;
      if (i % 2) el.setAttribute('lang', 'en');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(feed);
      el.append(script);
      box.append(el);
      return el;
    }),
  );
  try {
    await settled(els.flat(), 30_000);
  } finally {
    errors.stop();
  }
  let checked = 0;
  for (const [i, feed] of batch.entries()) {
    const areas = areasOf(feed);
    for (const [j, { check }] of COMPARING.entries()) {
      if (els[i][j].getAttribute('state') === 'ready') checked += await check(els[i][j], feed, areas);
    }
  }
  expect(errors.errors, 'no uncaught error or console.error').to.deep.equal([]);
  cleanup();
  return checked;
}

/** Feeds from `arb` that the validator accepts. */
function accepted(arb: fc.Arbitrary<Json>, count: number): Json[] {
  const out: Json[] = [];
  for (let tries = 0; out.length < count && tries < 50; tries++) {
    for (const f of fc.sample(arb, 50)) {
      if (out.length < count && validateFeedText(JSON.stringify(f)).feed) out.push(JSON.parse(JSON.stringify(f)) as Json);
    }
  }
  return out;
}

describe('percent honesty: no accepted feed shows 100% or 0% wrongly (progress, KPI, table and its CSV, chart, map; vi and en)', function () {
  this.timeout(300_000);
  afterEach(cleanup);

  it('the oracle reads what it should', () => {
    const feed = { provinces: [{ id: 'nghe-an', name: 'X' }] };
    expect(firstPercent('(hơn 99,9%)', feed)).to.deep.include({ bound: '>', shown: 99.9, decimals: 1 });
    expect(firstPercent('<\u00a00.01%', feed)).to.deep.include({ bound: '<', shown: 0.01, decimals: 2 });
    expect(firstPercent('< 0,1%', feed)).to.deep.include({ bound: '<', shown: 0.1, decimals: 1 });
    expect(firstPercent('6/38 · 15,8%', feed)).to.deep.include({ shown: 15.8 });
    // A feed string that is the tail of a figure (CI, 2026-11-29: a metric id "0%" beside "100,0%").
    expect(firstPercent('đạt 2 trên 2 (tỷ lệ 100,0%); mục tiêu >\u00a099,99%', { metrics: [{ id: '0%' }] })).to.deep.include({ shown: 100 });
    expect(firstPercent('Chỉ số 0% đạt 15,8%', { metrics: [{ id: '0%' }] })).to.deep.include({ shown: 15.8 });
    expect(() => expectHonest('100,0%', 1999 / 2000, feed, 'probe')).to.throw();
    expect(() => expectHonest('0,0%', 1e-6, feed, 'probe')).to.throw();
    expect(() => expectHonest('>\u00a099,9%', 1, feed, 'probe')).to.throw();
    expect(() => expectHonest('99,9%', 0.9996, feed, 'probe')).to.throw();
    expectHonest('>\u00a099,9%', 0.9995, feed, 'probe');
    expectHonest('100,0%', 1, feed, 'probe');
    // A row is held against its own area's share; a name no area has, against any area's.
    const areas: Area[] = [
      { names: ['A'], models: 1999 / 2000 },
      { names: ['B'], models: 1 },
    ];
    expect(() => expectRowHonest('\u2068A\u2069', '100,0%', areas, 'models', feed, 'probe')).to.throw();
    expect(expectRowHonest('B', '100,0%', areas, 'models', feed, 'probe')).to.equal(true);
    expect(expectRowHonest('Toàn quốc', '100,0%', areas, 'models', feed, 'probe')).to.equal(true);
    expect(() => expectRowHonest('Toàn quốc', '0,0%', areas, 'models', feed, 'probe')).to.throw();
    expect(expectRowHonest('A', '—', areas, 'models', feed, 'probe')).to.equal(false);
    expect(csvRows('\uFEFFa;b\r\n"x;""y""";\'-1\r\n', ';')).to.deep.equal([
      ['a', 'b'],
      ['x;"y"', '-1'],
    ]);
    expect(modelShare({ total: 4, inProgress: 1, notStarted: 1 })).to.equal(0.5);
    expect(metricShare({ value: 3, rate: 0.9 })).to.equal(0.9);
    expect(metricShare({ value: 3, total: 4, rate: 0.9 })).to.equal(0.75);
  });

  it(`holds for ${EDGE_FEEDS} feeds with shares at the edges`, async () => {
    const feeds = accepted(edgeFeed, EDGE_FEEDS);
    expect(feeds).to.have.length(EDGE_FEEDS);
    const checked = await renderAndCheck(feeds);
    expect(checked).to.be.greaterThan(EDGE_FEEDS);
  });

  it(`holds for ${VALID_FEEDS} of the fuzz suite's valid feeds`, async () => {
    const feeds = accepted(validFeed, VALID_FEEDS);
    expect(feeds).to.have.length(VALID_FEEDS);
    const checked = await renderAndCheck(feeds);
    expect(checked).to.be.greaterThan(VALID_FEEDS / 2);
  });

  it(`holds in the table (on screen and in its CSV), the chart's table and the maps for ${COMPARED_EDGE_FEEDS} feeds with shares at the edges`, async () => {
    const feeds = accepted(edgeFeed, COMPARED_EDGE_FEEDS);
    expect(feeds).to.have.length(COMPARED_EDGE_FEEDS);
    const checked = await renderComparing(feeds);
    // Each feed: per province, 2 shares in the table, 2 in its CSV, 1 in the chart, 3 in each map (tile, label, table).
    expect(checked).to.be.greaterThan(COMPARED_EDGE_FEEDS * 11);
  });

  it(`holds in the table (on screen and in its CSV), the chart's table and the maps for ${COMPARED_VALID_FEEDS} of the fuzz suite's valid feeds`, async () => {
    const feeds = accepted(validFeed, COMPARED_VALID_FEEDS);
    expect(feeds).to.have.length(COMPARED_VALID_FEEDS);
    const checked = await renderComparing(feeds);
    expect(checked).to.be.greaterThan(COMPARED_VALID_FEEDS * 2);
  });
});
