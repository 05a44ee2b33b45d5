import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import type { TiendoChart } from '../src/index.js';
import { chartOf, liveCharts } from '../src/chart/chart-renderer.js';
import { FEED, cleanup, expectAccessible, loadJson, mount, part, until, untilState, visibleText } from './helpers.js';

type Chart = NonNullable<ReturnType<typeof chartOf>>;

const FEED_34 = '/test/fixtures/chart-34.json';
const TYPES = ['bar', 'horizontal-bar', 'line', 'doughnut'] as const;

interface Fixture {
  provinces: {
    id: string;
    name: string;
    models: { total: number; completed: number; inProgress: number; notStarted: number };
    metrics: Record<string, { value: number; total?: number }>;
  }[];
}
let fixture34: Fixture;

async function frames(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

/** The Chart.js type the chart was made with. */
const typeOf = (chart?: Chart) => (chart?.config as { type?: string } | undefined)?.type;

function canvasOf(el: Element): HTMLCanvasElement {
  return el.shadowRoot!.querySelector('canvas')!;
}

/** Mounts a chart, waits for its figures and for the canvas to be drawn. */
async function drawn(markup: string, attrs: Record<string, string> = {}) {
  const box = mount(markup, attrs);
  const el = box.querySelector<TiendoChart>('tiendo-chart')!;
  await untilState(el, 'ready');
  await until(() => Boolean(chartOf(canvasOf(el))), 'the chart drawn');
  return { box, el, canvas: canvasOf(el), chart: chartOf(canvasOf(el))! };
}

/**
 * The accessible table as text: column headers, then each row's header and figure cells; `notes`
 * is the text column after the figures when there is one (each row's source and date, or period),
 * `noteHead` its header. Over time a row header shows the compact date (`rows`) and says the date
 * for the ear (`spoken`).
 */
function table(el: Element) {
  const t = part(el, 'table') as HTMLTableElement;
  const strip = (s: string | null) => (s ?? '').replace('▶', '').trim();
  const body = [...t.tBodies[0].rows];
  const noted = body.length > 0 && body[0].lastElementChild!.classList.contains('note-cell');
  const head = [...t.tHead!.rows[0].cells].map((c) => c.textContent!.trim());
  // What the eye reads in a cell: without the words only a screen reader gets.
  const shown = (cell: Element) => {
    const copy = cell.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
    return copy.textContent;
  };
  return {
    // The chart's title (the table's own caption only says it holds the chart's figures).
    caption: part(el, 'title')!.textContent!.trim(),
    head: noted ? head.slice(0, -1) : head,
    noteHead: noted ? head[head.length - 1] : undefined,
    rows: body.map((r) => strip(shown(r.cells[0]))),
    spoken: body.map((r) => r.cells[0].querySelector('.visually-hidden')?.textContent?.trim()),
    cells: body.map((r) => [...r.cells].slice(1, noted ? -1 : undefined).map((c) => c.textContent!.trim())),
    notes: noted ? body.map((r) => r.lastElementChild!.textContent!.trim()) : undefined,
  };
}

/** A label as the chart draws it (a long name wrapped onto lines), as text. */
const labelText = (l: unknown) => (Array.isArray(l) ? l.join(' ') : String(l)).replace('▶', '').trim();

/** The drawn labels as text, in the drawn order. */
const labelsOf = (chart: Chart) => (chart.data.labels as unknown[]).map(labelText);

/**
 * Every label, series and figure the chart draws is in the table, written the reader's way (the
 * table keeps the feed's order; lying bars are drawn best first).
 */
function expectTableEqualsChart(el: Element, chart: Chart, fmt: (n: number) => string) {
  const t = table(el);
  const labels = labelsOf(chart);
  expect([...t.rows].sort()).to.deep.equal([...labels].sort());
  expect(t.head.slice(1)).to.deep.equal(chart.data.datasets.map((d) => d.label));
  const fromChart = t.rows.map((name) => chart.data.datasets.map((d) => fmt(d.data[labels.indexOf(name)] as number)));
  expect(t.cells).to.deep.equal(fromChart);
}

/** What the chart says for the ear (its sentence, without the full stop), from its canvas. */
function said(canvas: Element): string {
  const host = (canvas.getRootNode() as ShadowRoot).host;
  return (part(host, 'sentence')?.textContent ?? '').trim().replace(/\.$/, '');
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viPercent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const NGHE_AN = '/demo/feeds/nghe-an.json';

/** Mounts a chart whose feed is written inside its tag, and waits for it drawn. */
async function inline(feed: unknown, attrs: string, style = 'width:640px') {
  const box = mount(`<tiendo-chart ${attrs} style="${style}"><script type="application/json"></script></tiendo-chart>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = box.querySelector<TiendoChart>('tiendo-chart')!;
  el.requestUpdate('src');
  await untilState(el, 'ready');
  await until(() => Boolean(chartOf(canvasOf(el))), 'the chart drawn');
  return { box, el, canvas: canvasOf(el), chart: chartOf(canvasOf(el))! };
}

/** The moment a feed's date stands for: the start of that day in Vietnam (UTC+07:00). */
const instant = (iso: string) => Date.parse(`${iso}T00:00:00+07:00`);

type TimeData = { x: number; y: number | null }[];

/**
 * Over time: the table has one row per date in date order, and every cell is the
 * figure the chart draws for that series at that date ('—' where it has none).
 */
function expectTimeTableEqualsChart(el: Element, chart: Chart, fmt: (n: number) => string, dates: string[]) {
  const t = table(el);
  expect(t.head.slice(1)).to.deep.equal(chart.data.datasets.map((d) => d.label));
  const at = dates.map(instant);
  expect([...at].sort((a, b) => a - b), 'rows in date order').to.deep.equal(at);
  const expected = at.map((x) =>
    chart.data.datasets.map((d) => {
      const point = (d.data as unknown as TimeData).find((p) => p.x === x);
      return point && point.y !== null ? fmt(point.y) : '—';
    }),
  );
  expect(t.cells).to.deep.equal(expected);
  // Every point the chart draws has its row.
  for (const d of chart.data.datasets) for (const p of d.data as unknown as TimeData) expect(at).to.include(p.x);
}

/** A metric over time for two provinces reporting on different days, with their own sources. */
const COMPARE_FEED = {
  version: 1,
  asOf: '2024-06-30',
  source: { name: 'Bộ Công an' },
  metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
  provinces: [
    {
      id: 'a',
      name: 'Tỉnh A',
      asOf: '2024-06-30',
      source: { name: 'Công an tỉnh A' },
      metrics: {
        m: {
          value: 80,
          total: 100,
          history: [
            { asOf: '2024-01-31', value: 10, total: 100 },
            { asOf: '2024-03-31', value: 40, total: 100 },
          ],
        },
      },
    },
    {
      id: 'b',
      name: 'Tỉnh B',
      asOf: '2024-05-15',
      source: { name: 'Công an tỉnh B' },
      metrics: { m: { value: 30, total: 60, history: [{ asOf: '2024-03-31', rate: 0.25 }] } },
    },
  ],
};

describe('<tiendo-chart>', () => {
  before(async () => {
    fixture34 = (await (await fetch(FEED_34)).json()) as Fixture;
  });
  afterEach(cleanup);

  describe('the seed feed: pilot models per province', () => {
    for (const type of TYPES) {
      it(`draws type="${type}" with the same figures as its table`, async () => {
        const { el, chart, canvas } = await drawn(
          `<tiendo-chart src="${FEED}" type="${type}" highlight="nghe-an" style="width:640px"></tiendo-chart>`,
        );
        // A line across provinces (joining unrelated areas) is no longer offered: it is drawn as bars.
        expect(typeOf(chart)).to.equal(type === 'horizontal-bar' || type === 'line' ? 'bar' : type);
        expectTableEqualsChart(el, chart, (n) => vi.format(n));
        if (type === 'doughnut') {
          // All provinces' models by status (Hà Nội gives only a total; Vĩnh Phúc no models).
          expect(chart.data.labels).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
          expect(chart.data.datasets[0].data).to.deep.equal([6, 41, 34]);
          expect(table(el).head).to.deep.equal(['Trạng thái', 'Mô hình điểm']);
        } else {
          // Upright bars keep the feed's order; lying bars go best first (the highest share completed).
          const lying = type === 'horizontal-bar';
          expect(chart.data.labels).to.deep.equal(lying ? ['▶ Nghệ An', 'Hà Tĩnh'] : ['Hà Tĩnh', '▶ Nghệ An']);
          expect(chart.data.datasets.map((d) => d.data)).to.deep.equal(lying ? [[6, 0], [20, 21], [12, 22]] : [[0, 6], [21, 20], [22, 12]]);
          expect(table(el).head).to.deep.equal(['Tỉnh, thành phố', 'Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
          expect(chart.options.indexAxis).to.equal(type === 'horizontal-bar' ? 'y' : 'x');
        }
        const box = part(el, 'plot')!;
        expect(chart.width).to.equal(box.clientWidth);
        expect(chart.height).to.equal(box.clientHeight);
        expect(canvas.width).to.equal(Math.floor(box.clientWidth * devicePixelRatio));
      });
    }

    it('names the canvas by a summary: highest, lowest, the highlighted province and its rank', async () => {
      const { el, canvas } = await drawn(`<tiendo-chart src="${FEED}" highlight="nghe-an"></tiendo-chart>`);
      const summary =
        'Cao nhất: Nghệ An (15,8% hoàn thành); thấp nhất: Hà Tĩnh (0,0% hoàn thành); Nghệ An xếp thứ 1 trên 2';
      expect(canvas.getAttribute('aria-hidden')).to.equal('true');
      expect(said(canvas)).to.equal(summary);
      // The title names the figure; the sentence does not say it again.
      expect(part(el, 'sentence')!.textContent).to.equal(`${summary}.`);
      expect(visibleText(el)).to.contain('Tiến độ mô hình điểm theo tỉnh');
      // Hà Tĩnh's and Nghệ An's figures have their own sources and dates: the footer credits
      // neither the feed's (Công an tỉnh Hà Tĩnh · 04/10/2024) nor one of theirs to both.
      expect(visibleText(el)).not.to.contain('Nguồn: Công an tỉnh Hà Tĩnh');
      expect(visibleText(el)).to.contain('Nguồn và thời điểm khác nhau theo từng tỉnh, xem bảng');
      expect(table(el).notes).to.deep.equal([
        'Cổng TTĐT Công an tỉnh Hà Tĩnh · 04/10/2024',
        'Cổng TTĐT tỉnh Nghệ An · 20/06/2024',
      ]);
    });

    it('marks the highlighted province by more than colour: darker, outlined, hatched and labelled', async () => {
      const { chart } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" highlight="nghe-an"></tiendo-chart>`);
      const i = (chart.data.labels as unknown[]).indexOf('▶ Nghệ An');
      const d = chart.data.datasets[0] as unknown as { backgroundColor: unknown[]; borderWidth: number[] };
      expect(i).to.be.at.least(0);
      const other = i ? i - 1 : i + 1;
      expect(d.backgroundColor[i]).to.be.instanceOf(CanvasPattern);
      expect(d.backgroundColor[other]).to.equal('#0b62c4');
      expect(d.borderWidth[i]).to.equal(2);
      expect(d.borderWidth[other]).to.equal(0);
    });

    it('gives each status a colour from the theme and a pattern of its own', async () => {
      const { el, chart } = await drawn(
        `<tiendo-chart src="${FEED}" style="--tiendo-color-completed: rgb(1, 2, 3)"></tiendo-chart>`,
      );
      const fills = chart.data.datasets.map((d) => d.backgroundColor);
      expect(fills[0]).to.equal('rgb(1, 2, 3)');
      expect(fills[1]).to.be.instanceOf(CanvasPattern);
      expect(fills[2]).to.be.instanceOf(CanvasPattern);
      expect(part(el, 'legend')!.querySelectorAll('li')).to.have.length(3);
    });
  });

  describe('a 34-province feed', () => {
    for (const type of TYPES) {
      it(`draws one metric across 34 provinces as type="${type}", the table equal to the chart`, async () => {
        const { el, chart } = await drawn(
          `<tiendo-chart src="${FEED_34}" metric="index-766" type="${type}" highlight="nghe-an" style="width:700px"></tiendo-chart>`,
        );
        expect(chart.data.labels).to.have.length(34);
        expect(table(el).rows).to.deep.equal(fixture34.provinces.map((p) => p.name));
        // Bars lie, best first (34 names cannot stand under upright bars); a doughnut keeps the feed's order.
        const values = fixture34.provinces.map((p) => p.metrics['index-766'].value);
        expect(chart.data.datasets[0].data).to.deep.equal(type === 'doughnut' ? values : [...values].sort((a, b) => b - a));
        expectTableEqualsChart(el, chart, (n) => vi.format(n));
        expect(table(el).head).to.deep.equal(['Tỉnh, thành phố', 'Bộ chỉ số phục vụ người dân, doanh nghiệp (điểm)']);
      });

      it(`draws the pilot models of 34 provinces as type="${type}"`, async () => {
        const { el, chart } = await drawn(`<tiendo-chart src="${FEED_34}" type="${type}" style="width:700px"></tiendo-chart>`);
        expectTableEqualsChart(el, chart, (n) => vi.format(n));
        const sum = (k: 'completed' | 'inProgress' | 'notStarted') =>
          fixture34.provinces.reduce((s, p) => s + p.models[k], 0);
        if (type === 'doughnut') {
          expect(chart.data.datasets[0].data).to.deep.equal([sum('completed'), sum('inProgress'), sum('notStarted')]);
        } else {
          expect(chart.data.labels).to.have.length(34);
          const inProgress = (name: string) => fixture34.provinces.find((p) => p.name === name)!.models.inProgress;
          expect(chart.data.datasets[1].data).to.deep.equal(labelsOf(chart).map(inProgress));
        }
      });
    }

    it('gives a horizontal bar chart room for every province', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${FEED_34}" type="horizontal-bar"></tiendo-chart>`);
      const em = parseFloat(getComputedStyle(part(el, 'plot')!).fontSize);
      expect(chart.height).to.be.at.least(34 * 1.75 * em);
    });

    it('charts rates when every province has one, as percentages in the table and on the axis', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${FEED_34}" metric="online-dossiers"></tiendo-chart>`);
      const rates = fixture34.provinces.map((p) => p.metrics['online-dossiers'].value / p.metrics['online-dossiers'].total!);
      // 34 bars lie, best first: the rates' axis is across.
      expect(chart.data.datasets[0].data).to.deep.equal([...rates].sort((a, b) => b - a));
      expectTableEqualsChart(el, chart, (n) => viPercent.format(n));
      const axis = chart.scales.x.ticks.map((t) => t.label);
      expect(axis.length).to.be.above(2);
      for (const label of axis) expect(label).to.match(/^\d+(,\d+)?\s?%$/);
    });

    it('summarises the highest, the lowest and the highlighted province’s rank out of 34', async () => {
      const { canvas } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" highlight="nghe-an"></tiendo-chart>`);
      const ranked = [...fixture34.provinces].sort((a, b) => b.metrics['index-766'].value - a.metrics['index-766'].value);
      const v = (p: Fixture['provinces'][number]) => vi.format(p.metrics['index-766'].value);
      const nghe = fixture34.provinces.find((p) => p.id === 'nghe-an')!;
      const rank = 1 + ranked.filter((p) => p.metrics['index-766'].value > nghe.metrics['index-766'].value).length;
      expect(said(canvas)).to.equal(
        `Cao nhất: ${ranked[0].name} (${v(ranked[0])}); thấp nhất: ${ranked[33].name} (${v(ranked[33])}); ` +
          `Nghệ An: ${v(nghe)} (xếp thứ ${rank} trên 34)`,
      );
    });
  });

  describe('the accessible table', () => {
    it('opens from its toggle (aria-expanded tells whether it is there), with caption and headers', async () => {
      const { el } = await drawn(`<tiendo-chart src="${FEED}" highlight="nghe-an"></tiendo-chart>`);
      const t = part(el, 'table') as HTMLTableElement;
      expect(t.caption!.textContent!.trim()).to.equal('Số liệu của biểu đồ');
      expect([...t.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect([...t.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
      // Collapsed: not shown and not read (the sentence says what the chart shows).
      expect(getComputedStyle(t).display).to.equal('none');
      expect(visibleText(el)).not.to.contain('Hà Tĩnh 0 21 22');
      const toggle = part(el, 'toggle') as HTMLButtonElement;
      expect(toggle.textContent!.trim()).to.equal('Xem dạng bảng');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(t.id);
      toggle.click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Ẩn bảng');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(visibleText(el)).to.contain('Hà Tĩnh 0 21 22');
      expect(visibleText(el)).to.contain('▶ Nghệ An 6 20 12');
      // Re-rendering for the table keeps the one chart on its canvas.
      expect(chartOf(canvasOf(el))).not.to.equal(undefined);
      toggle.click();
      await el.updateComplete;
      expect(visibleText(el)).not.to.contain('Hà Tĩnh 0 21 22');
    });

    it('passes axe with the table hidden and shown, in Vietnamese and English', async () => {
      const { el } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" highlight="nghe-an"></tiendo-chart>`);
      await expectAccessible(el);
      (part(el, 'toggle') as HTMLButtonElement).click();
      await el.updateComplete;
      await expectAccessible(el);
      const en = await drawn(`<tiendo-chart lang="en" src="${FEED}" type="doughnut"></tiendo-chart>`);
      await expectAccessible(en.el);
      const loading = mount(`<tiendo-chart src="/__mock/never-configured-${Date.now()}"></tiendo-chart>`).firstElementChild!;
      await (loading as TiendoChart).updateComplete;
      await expectAccessible(loading);
    });
  });

  describe('the reader’s language', () => {
    it('writes axis numbers, tooltips and the table the Vietnamese or English way', async () => {
      const { box, el, chart } = await drawn(
        `<tiendo-chart src="${FEED_34}" metric="index-766" style="width:600px"></tiendo-chart>`,
      );
      // 34 bars lie: the figures' axis is across.
      expect(chart.options.indexAxis).to.equal('y');
      expect(chart.scales.x.ticks.map((t) => t.label)).to.deep.equal(chart.scales.x.ticks.map((t) => vi.format(t.value)));

      // The tooltip: the province under the pointer and its figure, in the reader's words.
      const canvas = canvasOf(el);
      const point = (at: number) => {
        const bar = chart.getDatasetMeta(0).data[at];
        const rect = canvas.getBoundingClientRect();
        return { clientX: rect.left + (bar.x + chart.chartArea.left) / 2, clientY: rect.top + bar.y, bubbles: true };
      };
      const j = fixture34.provinces.findIndex((p) => p.id === 'nghe-an');
      const drawnAt = labelsOf(chart).indexOf('Nghệ An');
      canvas.dispatchEvent(new PointerEvent('pointermove', point(drawnAt)));
      const tip = canvas.nextElementSibling as HTMLElement;
      expect(tip.hidden).to.equal(false);
      expect(tip.getAttribute('aria-hidden')).to.equal('true');
      const value = fixture34.provinces[j].metrics['index-766'].value;
      expect(tip.textContent).to.equal(`Nghệ AnBộ chỉ số phục vụ người dân, doanh nghiệp (điểm): ${vi.format(value)}`);
      canvas.dispatchEvent(new PointerEvent('pointerleave'));
      expect(tip.hidden).to.equal(true);

      box.setAttribute('lang', 'en');
      const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
      await until(() => table(el).caption.endsWith('by province'), 'English');
      const again = chartOf(canvasOf(el))!;
      expect(again).to.equal(chart);
      expect(again.scales.x.ticks.map((t) => t.label)).to.deep.equal(again.scales.x.ticks.map((t) => en.format(t.value)));
      canvas.dispatchEvent(new PointerEvent('pointermove', point(drawnAt)));
      expect(tip.textContent).to.equal(`Nghệ AnBộ chỉ số phục vụ người dân, doanh nghiệp (điểm): ${en.format(value)}`);
      expectTableEqualsChart(el, again, (n) => en.format(n));
      expect(said(canvas)).to.match(/^Highest: .+; lowest: .+$/);
    });

    it('writes large counts with thousands separators on the axis', async () => {
      const feed = {
        version: 1,
        metrics: [{ id: 'm', name: 'Hồ sơ', unit: 'hồ sơ' }],
        provinces: [
          { id: 'a', name: 'A', metrics: { m: { value: 201884 } } },
          { id: 'b', name: 'B', metrics: { m: { value: 50579 } } },
        ],
      };
      const box = mount(`<tiendo-chart metric="m"><script type="application/json"></script></tiendo-chart>`);
      box.querySelector('script')!.textContent = JSON.stringify(feed);
      const el = box.querySelector<TiendoChart>('tiendo-chart')!;
      el.requestUpdate('src');
      await untilState(el, 'ready');
      await until(() => Boolean(chartOf(canvasOf(el))), 'drawn');
      const labels = chartOf(canvasOf(el))!.scales.y.ticks.map((t) => t.label as string);
      expect(labels).to.include('200.000');
      expect(table(el).cells).to.deep.equal([['201.884'], ['50.579']]);
      box.setAttribute('lang', 'en');
      await until(() => chartOf(canvasOf(el))!.scales.y.ticks.some((t) => t.label === '200,000'), 'English axis');
      expect(table(el).cells).to.deep.equal([['201,884'], ['50,579']]);
    });
  });

  describe('Chart.js inside a shadow root', () => {
    it('draws nothing in a hidden container, then draws at the right size once shown', async () => {
      const box = mount(`<tiendo-chart src="${FEED}"></tiendo-chart>`, { style: 'display:none' });
      const el = box.querySelector<TiendoChart>('tiendo-chart')!;
      await untilState(el, 'ready');
      await frames(5);
      expect(chartOf(canvasOf(el))).to.equal(undefined);
      box.style.cssText = 'display:block;width:480px';
      await until(() => Boolean(chartOf(canvasOf(el))), 'drawn once shown');
      const chart = chartOf(canvasOf(el))!;
      const plot = part(el, 'plot')!;
      expect(plot.clientWidth).to.be.above(300);
      expect(chart.width).to.equal(plot.clientWidth);
      expect(chart.height).to.equal(plot.clientHeight);
      expect(canvasOf(el).getBoundingClientRect().width).to.equal(plot.clientWidth);

      // Hidden again: the chart keeps its size (never 0×0); then it follows its box.
      const width = chart.width;
      box.style.display = 'none';
      await frames(3);
      expect(chart.width).to.equal(width);
      box.style.cssText = 'display:block;width:360px';
      await until(() => chart.width === part(el, 'plot')!.clientWidth, 'resized to the new width');
      expect(chart.width).to.be.below(340);
    });

    it('survives 200 disconnect/reconnect cycles with no error and no chart left behind', async function () {
      this.timeout(120000);
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
      const consoleError = console.error;
      console.error = (...args: unknown[]) => {
        errors.push(args.map(String).join(' '));
        consoleError.apply(console, args);
      };
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onRejection);
      try {
        expect(liveCharts()).to.equal(0);
        const { box, el } = await drawn(`<tiendo-chart src="${FEED}" type="line"></tiendo-chart>`);
        const ids = new Set<string>();
        for (let i = 0; i < 200; i++) {
          box.remove();
          expect(liveCharts(), `cycle ${i}: destroyed on disconnect`).to.equal(0);
          document.body.append(box);
          // Every other cycle waits for the chart; the rest reconnect before it could be drawn.
          if (i % 2 === 0) {
            await until(() => Boolean(chartOf(canvasOf(el))), `cycle ${i}: drawn again`);
            ids.add(String(chartOf(canvasOf(el))!.id));
            expect(liveCharts()).to.equal(1);
          }
        }
        expect(ids.size).to.equal(100);
        await frames(3);
        expect(liveCharts()).to.be.at.most(1);
        box.remove();
        await frames(3);
        expect(liveCharts()).to.equal(0);
        expect(errors).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onRejection);
        console.error = consoleError;
      }
    });

    it('keeps one chart per canvas across re-renders: new figures, type, language', async () => {
      const { el, canvas } = await drawn(`<tiendo-chart src="${FEED}"></tiendo-chart>`);
      const first = chartOf(canvas)!;
      // (A line across provinces is drawn as bars now: the new type here is horizontal bars.)
      el.type = 'horizontal-bar';
      await el.updateComplete;
      await until(() => chartOf(canvas)?.options.indexAxis === 'y', 'redrawn as horizontal bars');
      el.highlight = 'ha-tinh';
      await el.updateComplete;
      await until(() => (chartOf(canvas)!.data.labels as string[]).includes('▶ Hà Tĩnh'), 'highlight moved');
      el.setAttribute('lang', 'en');
      await until(() => (chartOf(canvas)!.data.datasets[0].label ?? '') === 'Completed', 'English labels');
      expect(chartOf(canvas)).not.to.equal(first);
      expect(liveCharts()).to.equal(1);
      // An unknown type falls back to bars.
      el.setAttribute('type', 'pie');
      await until(() => typeOf(chartOf(canvas)) === 'bar', 'bars for an unknown type');
      expect(liveCharts()).to.equal(1);
    });

    it('prints crisp: twice the pixels between beforeprint and afterprint', async () => {
      const { chart, canvas } = await drawn(`<tiendo-chart src="${FEED}" style="width:500px"></tiendo-chart>`);
      const ratio = Math.max(2, devicePixelRatio);
      dispatchEvent(new Event('beforeprint'));
      await until(() => chart.currentDevicePixelRatio === ratio, 'print ratio');
      expect(canvas.width).to.equal(Math.floor(chart.width * ratio));
      expect(canvas.getBoundingClientRect().width).to.equal(chart.width);
      dispatchEvent(new Event('afterprint'));
      await until(() => chart.currentDevicePixelRatio === devicePixelRatio, 'screen ratio');
      expect(canvas.width).to.equal(Math.floor(chart.width * devicePixelRatio));
    });

    it('does not animate under prefers-reduced-motion', async function () {
      const moving = await drawn(`<tiendo-chart src="${FEED}"></tiendo-chart>`);
      expect(moving.chart.options.animation).not.to.equal(false);
      // Only the Chromium launcher (CDP) can emulate media features.
      const launcher = String(await executeServerCommand('tiendo-engine')).toLowerCase();
      if (launcher.includes('firefox') || launcher.includes('minibrowser') || launcher.includes('webkit')) this.skip();
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        const still = await drawn(`<tiendo-chart src="${FEED}"></tiendo-chart>`);
        expect(still.chart.options.animation).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('a chunk per chart type', () => {
    it('asks again for the time chunk after it failed, keeping the table meanwhile', async () => {
      const fail = (match: string, times: number) => fetch('/__chunk-fail', { method: 'POST', body: JSON.stringify({ match, times }) });
      // A page fetches it once: this test comes before any chart over time.
      const loaded = performance.getEntriesByType('resource').some((e) => e.name.includes('chart-time'));
      expect(loaded, 'no chart over time before this test').to.equal(false);
      await fail('chart-time', 1);
      try {
        const box = mount(`<tiendo-chart src="${NGHE_AN}" province="nghe-an"></tiendo-chart>`);
        const el = box.querySelector<TiendoChart>('tiendo-chart')!;
        const errors: string[] = [];
        el.addEventListener('tiendo-error', (e) => errors.push((e as CustomEvent).detail.kind));
        await untilState(el, 'ready');
        await until(() => errors.length > 0, 'tiendo-error for the chunk');
        expect(errors).to.deep.equal(['chunk']);
        expect(table(el).rows).to.have.length(4);
        expect(chartOf(canvasOf(el))).to.equal(undefined);
        // The next draw asks again (here a new size, as a reader's rotation would).
        box.style.width = '500px';
        await until(() => Boolean(chartOf(canvasOf(el))), 'drawn once the chunk arrived');
      } finally {
        await fail('', 0);
      }
    });
  });

  describe('over time: province, commune or compare', () => {
    it('draws one province’s pilot models over time, stacked, on a time axis spaced by the real dates', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${NGHE_AN}" province="nghe-an" style="width:640px"></tiendo-chart>`);
      expect(typeOf(chart)).to.equal('line');
      const dates = ['2024-01-31', '2024-02-29', '2024-04-30', '2024-06-20'];
      expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
      expect(chart.data.datasets.map((d) => (d.data as unknown as TimeData).map((p) => p.y))).to.deep.equal([
        [0, 2, 4, 6],
        [8, 14, 18, 20],
        [30, 22, 16, 12],
      ]);
      expect((chart.data.datasets[0].data as unknown as TimeData).map((p) => p.x)).to.deep.equal(dates.map(instant));
      expect((chart.options.scales!.y as { stacked?: boolean }).stacked).to.equal(true);
      // An irregular report stays honest: the gaps between points are the gaps between their dates.
      const xs = chart.getDatasetMeta(0).data.map((p) => p.x);
      const days = [29, 61, 51];
      for (let i = 0; i < 2; i++) {
        expect((xs[i + 2] - xs[i + 1]) / (xs[i + 1] - xs[i])).to.be.closeTo(days[i + 1] / days[i], 0.01);
      }
      const t = table(el);
      expect(t.caption).to.equal('Tiến độ mô hình điểm của Nghệ An theo thời gian');
      expect(t.head[0]).to.equal('Ngày');
      expect(t.rows).to.deep.equal(['31/01/2024', '29/02/2024', '30/04/2024', '20/06/2024']);
      expect(t.spoken).to.deep.equal(['ngày 31 tháng 1 năm 2024', 'ngày 29 tháng 2 năm 2024', 'ngày 30 tháng 4 năm 2024', 'ngày 20 tháng 6 năm 2024']);
      expectTimeTableEqualsChart(el, chart, (n) => vi.format(n), dates);
      const summary = 'Nghệ An: 6 trên 38 mô hình hoàn thành ngày 20 tháng 6 năm 2024, tăng 6 so với 0 ngày 31 tháng 1 năm 2024';
      expect(said(canvasOf(el))).to.equal(summary);
      expect(part(el, 'sentence')!.textContent).to.equal(`${summary}.`);
      // One area: the footer credits its source and the latest figure's date.
      expect(visibleText(el)).to.contain('Nguồn: Cổng TTĐT tỉnh Nghệ An; các mốc trước 20/06/2024 là số liệu minh họa · Số liệu tính đến ngày 20/06/2024');
      expect(part(el, 'legend')!.querySelectorAll('li')).to.have.length(3);
      await expectAccessible(el);
    });

    it('draws the national figure over time with its reporting periods, and bars when asked', async () => {
      const { el, chart } = await drawn(
        `<tiendo-chart src="${FEED}" province="national" metric="online-dossiers" style="width:640px"></tiendo-chart>`,
      );
      const dates = ['2022-02-28', '2022-03-31', '2022-04-30', '2022-05-31', '2022-08-17'];
      expect((chart.data.datasets[0].data as unknown as TimeData).map((p) => p.y)).to.deep.equal([21540, 58310, 103975, 149620, 201884]);
      expectTimeTableEqualsChart(el, chart, (n) => vi.format(n), dates);
      const t = table(el);
      expect(t.caption).to.equal('Hồ sơ tiếp nhận trực tuyến của Bộ Công an theo thời gian');
      expect(t.noteHead).to.equal('Kỳ báo cáo');
      expect(t.notes).to.deep.equal(['2 tháng đầu năm 2022', 'Quý I/2022', '4 tháng đầu năm 2022', '5 tháng đầu năm 2022', '6 tháng đầu năm 2022']);
      expect(said(canvasOf(el))).to.equal(
        'Bộ Công an: 201.884 ngày 17 tháng 8 năm 2022, tăng 180.344 so với 21.540 ngày 28 tháng 2 năm 2022',
      );
      // The figure's own source and date, not the feed's.
      expect(visibleText(el)).to.contain('Số liệu tính đến ngày 17/08/2022');
      expect(visibleText(el)).not.to.contain('Công an tỉnh Hà Tĩnh');
      expect(part(el, 'legend')).to.equal(null);

      el.type = 'bar';
      await until(() => typeOf(chartOf(canvasOf(el))) === 'bar', 'bars over time');
      const bars = chartOf(canvasOf(el))!;
      expect((bars.data.datasets[0].data as unknown as TimeData).map((p) => p.x)).to.deep.equal(dates.map(instant));
      expectTimeTableEqualsChart(el, bars, (n) => vi.format(n), dates);
      expect(liveCharts()).to.equal(1);
    });

    it('compares areas over time: each at its own dates, one table row per date, each area’s source kept', async () => {
      const { el, chart } = await inline(COMPARE_FEED, 'compare="a,b" metric="m" highlight="b"');
      expect(typeOf(chart)).to.equal('line');
      expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['Tỉnh A', 'Tỉnh B']);
      // Rates: every point has one (B's earlier point reported only a rate).
      expect(chart.data.datasets.map((d) => d.data)).to.deep.equal([
        [
          { x: instant('2024-01-31'), y: 0.1 },
          { x: instant('2024-03-31'), y: 0.4 },
          { x: instant('2024-06-30'), y: 0.8 },
        ],
        [
          { x: instant('2024-03-31'), y: 0.25 },
          { x: instant('2024-05-15'), y: 0.5 },
        ],
      ]);
      const dates = ['2024-01-31', '2024-03-31', '2024-05-15', '2024-06-30'];
      expectTimeTableEqualsChart(el, chart, (n) => viPercent.format(n), dates);
      expect(table(el).cells).to.deep.equal([
        ['10,0%', '—'],
        ['40,0%', '25,0%'],
        ['—', '50,0%'],
        ['80,0%', '—'],
      ]);
      expect(table(el).caption).to.equal('Hồ sơ trực tuyến theo thời gian');
      expect(said(canvasOf(el))).to.equal(
        'Tỉnh A: 80,0% ngày 30 tháng 6 năm 2024, tăng 70 điểm phần trăm so với 10,0% ngày 31 tháng 1 năm 2024; ' +
          'Tỉnh B: 50,0% ngày 15 tháng 5 năm 2024, tăng 25 điểm phần trăm so với 25,0% ngày 31 tháng 3 năm 2024',
      );
      // Two sources, two latest dates: the footer credits neither, the table keeps each.
      expect(visibleText(el)).not.to.contain('Nguồn:');
      expect(visibleText(el)).not.to.contain('Số liệu tính đến');
      expect(visibleText(el)).to.contain('Nguồn và thời điểm khác nhau theo từng tỉnh, xem bảng');
      const foot = [...(part(el, 'table') as HTMLTableElement).tFoot!.rows].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
      expect(foot).to.deep.equal(['Nguồn, thời điểm', 'Tỉnh A Công an tỉnh A · 30/06/2024', 'Tỉnh B Công an tỉnh B · 15/05/2024']);
      // The tooltip: the date nearest the pointer and every area's figure that day, as the table's row.
      const canvas = canvasOf(el);
      const rect = canvas.getBoundingClientRect();
      const x = chart.scales.x.getPixelForValue(instant('2024-03-31'));
      canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + x + 3, clientY: rect.top + 40, bubbles: true }));
      const tip = canvas.nextElementSibling as HTMLElement;
      expect(tip.hidden).to.equal(false);
      expect([...tip.children].map((d) => d.textContent)).to.deep.equal(['31/03/2024', 'Tỉnh A: 40,0%', 'Tỉnh B: 25,0%']);
      // The marked area: a thicker line; each area a dash of its own.
      const looks = chart.data.datasets as unknown as { marked: boolean; look: { dash: number[] } }[];
      expect(looks.map((d) => d.marked)).to.deep.equal([false, true]);
      expect(looks[0].look.dash).not.to.deep.equal(looks[1].look.dash);
      await expectAccessible(el);
      (part(el, 'toggle') as HTMLButtonElement).click();
      await el.updateComplete;
      await expectAccessible(el);
    });

    it('compares areas’ pilot models as stacked bars side by side, and says why under debug', async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-30',
        provinces: [
          { id: 'a', name: 'A', models: { total: 10, completed: 4, inProgress: 4, history: [{ asOf: '2024-03-31', completed: 1, inProgress: 5 }] } },
          { id: 'b', name: 'B', models: { total: 8, completed: 2, inProgress: 2, history: [{ asOf: '2024-03-31', completed: 0, inProgress: 4 }] } },
        ],
      };
      const { el, chart } = await inline(feed, 'compare="a,b" type="line" debug');
      expect(typeOf(chart)).to.equal('bar');
      const sets = chart.data.datasets as unknown as { label: string; stack: string; data: TimeData }[];
      expect(sets.map((d) => d.label)).to.deep.equal([
        'A: Hoàn thành',
        'A: Đang triển khai',
        'A: Chưa triển khai',
        'B: Hoàn thành',
        'B: Đang triển khai',
        'B: Chưa triển khai',
      ]);
      expect(sets.map((d) => d.stack)).to.deep.equal(['a', 'a', 'a', 'b', 'b', 'b']);
      expect(sets.map((d) => d.data.map((p) => p.y))).to.deep.equal([[1, 4], [5, 4], [4, 2], [0, 2], [4, 2], [4, 4]]);
      expectTimeTableEqualsChart(el, chart, (n) => vi.format(n), ['2024-03-31', '2024-06-30']);
      expect(part(el, 'debug')!.textContent).to.contain('cột chồng');
      expect(said(canvasOf(el))).to.equal(
        'A: 4 trên 10 mô hình hoàn thành ngày 30 tháng 6 năm 2024, tăng 3 so với 1 ngày 31 tháng 3 năm 2024; ' +
          'B: 2 trên 8 mô hình hoàn thành ngày 30 tháng 6 năm 2024, tăng 2 so với 0 ngày 31 tháng 3 năm 2024',
      );
    });

    it('draws a series of one point, and a commune over time', async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-30',
        metrics: [{ id: 'm', name: 'Điểm', unit: 'điểm', max: 100 }],
        provinces: [
          {
            id: 'p',
            name: 'Tỉnh P',
            metrics: { m: { value: 82.5 } },
            communes: [{ id: 'x', name: 'Xã X', modelStatus: {}, metrics: { m: { value: 70, history: [{ asOf: '2024-05-31', value: 70 }] } } }],
          },
        ],
      };
      const one = await inline(feed, 'province="p" metric="m"');
      expect(one.chart.data.datasets[0].data).to.deep.equal([{ x: instant('2024-06-30'), y: 82.5 }]);
      expect(table(one.el).rows).to.deep.equal(['30/06/2024']);
      expect(table(one.el).cells).to.deep.equal([['82,5']]);
      expect(said(one.canvas)).to.equal('Tỉnh P: 82,5 ngày 30 tháng 6 năm 2024');
      // The lone point sits inside the axis, with a tick of its own month around it.
      const x = one.chart.getDatasetMeta(0).data[0].x;
      expect(x).to.be.within(one.chart.chartArea.left + 20, one.chart.chartArea.right - 20);
      expect(one.chart.scales.x.ticks.length).to.be.above(0);

      const commune = await inline(feed, 'province="p" commune="x" metric="m"');
      expect(table(commune.el).caption).to.equal('Điểm của Xã X theo thời gian');
      expect(table(commune.el).cells).to.deep.equal([['70'], ['70']]);
      // A change that rounds to nothing is "không đổi".
      expect(said(commune.canvas)).to.equal('Xã X: 70 ngày 30 tháng 6 năm 2024, không đổi so với ngày 31 tháng 5 năm 2024');
    });

    it('follows its group: a province chosen, and the whole country as the national block', async () => {
      const { el } = await drawn(
        `<tiendo-chart src="${FEED}" group="chart-g" province="vinh-phuc" metric="residence-online"></tiendo-chart>`,
      );
      expect(table(el).caption).to.equal('Hồ sơ đăng ký cư trú tiếp nhận trực tuyến của Vĩnh Phúc theo thời gian');
      document.dispatchEvent(new CustomEvent('tiendo-select', { detail: { group: 'chart-g', province: '' } }));
      await until(() => el.province === 'national', 'the national block chosen');
      // The national block has no figure of this metric: nothing to draw, calmly.
      await untilState(el, 'empty');
      el.metric = 'online-dossiers';
      await untilState(el, 'ready');
      expect(table(el).caption).to.equal('Hồ sơ tiếp nhận trực tuyến của Bộ Công an theo thời gian');
      // A chart across provinces in the group marks the choice instead.
      const across = await drawn(`<tiendo-chart src="${FEED}" group="chart-g"></tiendo-chart>`);
      document.dispatchEvent(new CustomEvent('tiendo-select', { detail: { group: 'chart-g', province: 'ha-tinh' } }));
      await until(() => across.el.highlight === 'ha-tinh', 'highlighted');
      expect(across.el.province).to.equal(undefined);
      expect(el.province).to.equal('ha-tinh');
    });

    it('draws 1,000 points, with a table of 1,000 rows in date order', async function () {
      this.timeout(60000);
      const start = Date.UTC(2021, 0, 1);
      const history = Array.from({ length: 999 }, (_, i) => ({
        asOf: new Date(start + i * 864e5).toISOString().slice(0, 10),
        value: 1000 + i * 3 + (i % 7),
      }));
      const feed = {
        version: 1,
        metrics: [{ id: 'm', name: 'Hồ sơ' }],
        national: { name: 'Toàn quốc', asOf: new Date(start + 999 * 864e5).toISOString().slice(0, 10), metrics: { m: { value: 5000, history } } },
      };
      const { el, chart } = await inline(feed, 'province="national" metric="m"', 'width:800px');
      const data = chart.data.datasets[0].data as unknown as TimeData;
      expect(data).to.have.length(1000);
      expect(chart.getDatasetMeta(0).data).to.have.length(1000);
      const t = table(el);
      expect(t.rows).to.have.length(1000);
      expect(t.rows[0]).to.equal('01/01/2021');
      expect(t.rows[999]).to.equal('27/09/2023');
      expect(t.cells[500]).to.deep.equal([vi.format(history[500].value)]);
      expect(data.every((p, i) => !i || p.x > data[i - 1].x)).to.equal(true);
      // Almost three years: ticks on the first of a month, a few months apart, as many as fit.
      const ticks = chart.scales.x.ticks;
      const jan2022 = new Intl.DateTimeFormat('vi-VN', { timeZone: 'UTC', year: 'numeric', month: 'numeric' }).format(Date.UTC(2022, 0, 1));
      expect(ticks.length).to.be.within(3, 12);
      expect(ticks.find((tk) => tk.label === jan2022)!.value).to.equal(instant('2022-01-01'));
      expect(ticks.every((tk) => new Date(tk.value + 7 * 36e5).getUTCDate() === 1)).to.equal(true);
    });

    it('writes the time axis and the dates the Vietnamese or English way', async () => {
      const { box, el, chart } = await drawn(`<tiendo-chart src="${NGHE_AN}" province="nghe-an" style="width:640px"></tiendo-chart>`);
      const labels = (c: Chart) => c.scales.x.ticks.map((tk) => String(tk.label));
      // Months, on their first day, written by Intl in the reader's language.
      const month = (lang: string, iso: string) =>
        new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: lang === 'vi-VN' ? 'numeric' : 'short' }).format(new Date(`${iso}T00:00Z`));
      expect(labels(chart)).to.include(month('vi-VN', '2024-03-01'));
      expect(chart.scales.x.ticks.every((tk) => new Date(tk.value + 7 * 36e5).getUTCDate() === 1)).to.equal(true);
      box.setAttribute('lang', 'en');
      await until(() => table(el).caption.endsWith('over time'), 'English');
      const en = chartOf(canvasOf(el))!;
      await until(() => labels(en).includes(month('en-GB', '2024-03-01')), 'English ticks');
      expect(labels(en)).to.include('Mar 2024');
      const t = table(el);
      expect(t.caption).to.equal('Pilot model progress in Nghệ An over time');
      expect(t.head).to.deep.equal(['Date', 'Completed', 'In progress', 'Not started']);
      expect(t.rows).to.deep.equal(['31 Jan 2024', '29 Feb 2024', '30 Apr 2024', '20 Jun 2024']);
      expect(t.spoken[0]).to.equal('31 January 2024');
      expect(said(canvasOf(el))).to.equal(
        'Nghệ An: 6 of 38 models completed on 20 June 2024, up 6 from 0 on 31 January 2024',
      );
    });

    it('ticks days over a short span and years over a long one', async () => {
      const days = (n: number, step: number) =>
        Array.from({ length: n }, (_, i) => ({ asOf: new Date(Date.UTC(2024, 0, 2) + i * step * 864e5).toISOString().slice(0, 10), value: i }));
      const feed = (h: { asOf: string; value: number }[]) => ({
        version: 1,
        metrics: [{ id: 'm', name: 'M' }],
        national: { asOf: h[h.length - 1].asOf, metrics: { m: { value: 99, history: h.slice(0, -1) } } },
      });
      const short = await inline(feed(days(10, 1)), 'province="national" metric="m"');
      const labels = short.chart.scales.x.ticks.map((tk) => String(tk.label));
      expect(labels).to.include('05/01/2024');
      short.box.setAttribute('lang', 'en');
      await until(() => chartOf(short.canvas)!.scales.x.ticks.some((tk) => tk.label === '5 Jan 2024'), 'English day ticks');
      const long = await inline(feed(days(12, 365)), 'province="national" metric="m"');
      expect(long.chart.scales.x.ticks.map((tk) => String(tk.label))).to.include('2030');
    });
  });

  describe('provenance across areas', () => {
    it('keeps each row’s own source and date when they differ, and credits none in the footer', async () => {
      const feed = {
        version: 1,
        asOf: '2024-10-04',
        source: { name: 'Công an tỉnh Hà Tĩnh' },
        metrics: [{ id: 'm', name: 'Hồ sơ', unit: 'hồ sơ' }],
        provinces: [
          { id: 'a', name: 'A', metrics: { m: { value: 5 } } },
          { id: 'b', name: 'B', asOf: '2022-08-17', source: { name: 'Công an tỉnh Vĩnh Phúc' }, metrics: { m: { value: 7 } } },
        ],
      };
      const { el, chart } = await inline(feed, 'metric="m"');
      const t = table(el);
      expect(t.noteHead).to.equal('Nguồn, thời điểm');
      expect(t.notes).to.deep.equal(['Công an tỉnh Hà Tĩnh · 04/10/2024', 'Công an tỉnh Vĩnh Phúc · 17/08/2022']);
      expect(t.cells).to.deep.equal([['5'], ['7']]);
      expectTableEqualsChart(el, chart, (n) => vi.format(n));
      expect(visibleText(el)).not.to.contain('Số liệu tính đến');
      expect(visibleText(el)).to.contain('Nguồn và thời điểm khác nhau theo từng tỉnh, xem bảng');
      expect(part(el, 'footer')).to.equal(null);
      el.setAttribute('lang', 'en');
      await until(() => table(el).noteHead === 'Source, date', 'English');
      expect(table(el).notes).to.deep.equal(['Công an tỉnh Hà Tĩnh · 4 Oct 2024', 'Công an tỉnh Vĩnh Phúc · 17 Aug 2022']);
      expect(visibleText(el)).to.contain('Sources and dates differ by province: see the table');

      // The same source and date for every row: the footer credits it, and no column is added.
      const same = await inline({ ...feed, provinces: feed.provinces.slice(0, 1) }, 'metric="m"');
      expect(table(same.el).notes).to.equal(undefined);
      expect(visibleText(same.el)).to.contain('Nguồn: Công an tỉnh Hà Tĩnh · Số liệu tính đến ngày 04/10/2024');
      expect(part(same.el, 'mixed-note')).to.equal(null);
    });

    it('lists the sources of the areas a doughnut of statuses adds up', async () => {
      const { el } = await drawn(`<tiendo-chart src="${FEED}" type="doughnut"></tiendo-chart>`);
      const foot = [...(part(el, 'table') as HTMLTableElement).tFoot!.rows].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
      expect(foot).to.deep.equal([
        'Nguồn, thời điểm',
        'Hà Tĩnh Cổng TTĐT Công an tỉnh Hà Tĩnh · 04/10/2024',
        'Nghệ An Cổng TTĐT tỉnh Nghệ An · 20/06/2024',
      ]);
      expect(visibleText(el)).to.contain('Nguồn và thời điểm khác nhau theo từng tỉnh, xem bảng');
    });
  });

  describe('types', () => {
    it('draws a line across provinces as bars, and says so under debug', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" type="line" debug></tiendo-chart>`);
      expect(typeOf(chart)).to.equal('bar');
      expect(part(el, 'debug')!.textContent).to.contain('đường nối các tỉnh');
      const quiet = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" type="line"></tiendo-chart>`);
      expect(part(quiet.el, 'debug')).to.equal(null);
    });

    it('charts the communes of one province with level="commune"', async () => {
      const feed = {
        version: 1,
        provinces: [
          {
            id: 'p',
            name: 'Tỉnh P',
            communes: [
              { id: 'x', name: 'Xã X', modelStatus: {}, models: { total: 4, completed: 1, inProgress: 2 } },
              { id: 'y', name: 'Phường Y', modelStatus: {}, models: { total: 2, completed: 2 } },
            ],
          },
        ],
      };
      const { el, chart } = await inline(feed, 'level="commune" highlight="y"');
      expect(chart.data.labels).to.deep.equal(['Xã X', '▶ Phường Y']);
      expect(table(el).head[0]).to.equal('Xã, phường');
      expect(table(el).caption).to.equal('Tiến độ mô hình điểm theo xã, phường của Tỉnh P');
    });
  });

  describe('the built script (dist/tiendo.js; npm test builds it first)', () => {
    it('fetches no chart chunk on a page without charts, and Chart.js only once a chart is visible', async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:700px;height:700px;border:0';
      frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>
        <script type="module" src="/dist/tiendo.js"></script>
        <tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>
        <div id="later" style="display:none"></div></body></html>`;
      document.body.append(frame);
      try {
        await new Promise((r) => frame.addEventListener('load', r, { once: true }));
        const win = frame.contentWindow!;
        const doc = frame.contentDocument!;
        const fetched = (pattern: RegExp) =>
          win.performance
            .getEntriesByType('resource')
            .map((e) => e.name.replace(/^.*\/dist\//, ''))
            .filter((name) => pattern.test(name));
        const progress = doc.querySelector('tiendo-progress')!;
        await until(() => progress.getAttribute('state') === 'ready', 'the progress widget ready');
        await new Promise((r) => setTimeout(r, 200));
        expect(fetched(/chart/i), 'a page without charts').to.deep.equal([]);

        // A chart in a hidden container: the element and its table and summary (two small chunks), nothing to draw yet.
        const later = doc.getElementById('later')!;
        const chart = doc.createElement('tiendo-chart');
        chart.setAttribute('src', FEED);
        later.append(chart);
        await until(() => chart.getAttribute('state') === 'ready', 'the chart ready');
        await new Promise((r) => setTimeout(r, 200));
        // (Asked for together: the table's chunk no longer waits for the element's.)
        expect(fetched(/chart/i)).to.have.length(2);
        expect(fetched(/chart/i).some((f) => /^chunks\/tiendo-chart-[\w-]+\.js$/.test(f))).to.equal(true);
        expect(fetched(/chart/i).some((f) => /^chunks\/chart-table-[\w-]+\.js$/.test(f))).to.equal(true);
        expect(said(chart.shadowRoot!.querySelector('canvas')!)).to.contain('Cao nhất: Nghệ An');

        later.style.display = 'block';
        await until(() => fetched(/chart-renderer/).length === 1, 'the Chart.js chunk fetched');
        const canvas = chart.shadowRoot!.querySelector('canvas')!;
        const plot = chart.shadowRoot!.querySelector<HTMLElement>('[part~="plot"]')!;
        await until(() => canvas.style.width === `${plot.clientWidth}px`, 'the chart drawn at its size');
        expect(fetched(/chart/i)).to.have.length(3);
      } finally {
        frame.remove();
      }
    });
    it('fetches Chart.js per type: a bar page never requests the time axis, the line or the doughnut', async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:700px;height:700px;border:0';
      frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>
        <script type="module" src="/dist/tiendo.js"></script>
        <tiendo-chart src="${FEED}"></tiendo-chart>
        <tiendo-chart src="${FEED}" type="horizontal-bar" metric="residence-online"></tiendo-chart>
        <tiendo-chart src="${FEED}" type="line"></tiendo-chart></body></html>`;
      document.body.append(frame);
      try {
        await new Promise((r) => frame.addEventListener('load', r, { once: true }));
        const win = frame.contentWindow!;
        const doc = frame.contentDocument!;
        const fetched = (pattern: RegExp) =>
          win.performance
            .getEntriesByType('resource')
            .map((e) => e.name.replace(/^.*\/dist\//, ''))
            .filter((name) => pattern.test(name));
        const charts = [...doc.querySelectorAll('tiendo-chart')];
        const drawn = (el: Element) => {
          const canvas = el.shadowRoot?.querySelector('canvas');
          return Boolean(canvas?.style.width);
        };
        await until(() => charts.every(drawn), 'three bar charts drawn');
        await new Promise((r) => setTimeout(r, 200));
        // Bars, horizontal bars and a line across provinces (drawn as bars): Chart.js with bars only.
        expect(fetched(/chart/)).to.have.length(3);
        expect(fetched(/chart-renderer/)).to.have.length(1);
        expect(fetched(/chart-time|chart-doughnut/), 'no line, time axis or doughnut code').to.deep.equal([]);
        // The lists of the 63 and the 34 only come with regroup or show-present.
        expect(fetched(/regroup|names/), 'no place lists').to.deep.equal([]);

        const doughnut = doc.createElement('tiendo-chart');
        doughnut.setAttribute('src', FEED);
        doughnut.setAttribute('type', 'doughnut');
        doc.body.append(doughnut);
        await until(() => drawn(doughnut), 'the doughnut drawn');
        expect(fetched(/chart-doughnut/)).to.have.length(1);
        expect(fetched(/chart-time/)).to.deep.equal([]);

        const overTime = doc.createElement('tiendo-chart');
        overTime.setAttribute('src', NGHE_AN);
        overTime.setAttribute('province', 'nghe-an');
        doc.body.append(overTime);
        await until(() => drawn(overTime), 'the chart over time drawn');
        expect(fetched(/chart-time/)).to.have.length(1);
        // Each once, and Chart.js itself once.
        expect(fetched(/chart/)).to.have.length(5);

        const regrouped = doc.createElement('tiendo-chart');
        regrouped.setAttribute('src', '/test/fixtures/provinces-63.json');
        regrouped.setAttribute('regroup', '2025');
        doc.body.append(regrouped);
        await until(() => drawn(regrouped), 'the regrouped chart drawn');
        expect(fetched(/regroup/)).to.have.length(1);
        expect(regrouped.shadowRoot!.querySelector('tbody')!.rows).to.have.length(34);
      } finally {
        frame.remove();
      }
    });
  });

  describe('feeds and attributes', () => {
    it('works from a JSON block inside the tag, showing names as text', async () => {
      const feed = {
        version: 1,
        provinces: [
          { id: 'x', name: '<img src=x onerror="window.__pwned=1">', models: { total: 4, completed: 1, inProgress: 2 } },
          { id: 'y', name: 'Y', models: { total: 2, completed: 2 } },
        ],
      };
      const box = mount(`<tiendo-chart><script type="application/json"></script></tiendo-chart>`);
      box.querySelector('script')!.textContent = JSON.stringify(feed);
      const el = box.querySelector<TiendoChart>('tiendo-chart')!;
      el.requestUpdate('src');
      await untilState(el, 'ready');
      await until(() => Boolean(chartOf(canvasOf(el))), 'drawn');
      expect(table(el).rows).to.deep.equal(['<img src=x onerror="window.__pwned=1">', 'Y']);
      // Y's other two counts are unknown (only one missing count is derived): a gap, not a zero.
      expect(table(el).cells).to.deep.equal([['1', '2', '1'], ['2', '—', '—']]);
      expect(chartOf(canvasOf(el))!.data.datasets.map((d) => d.data[1])).to.deep.equal([2, null, null]);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('says so when the metric is unknown, and is empty when no province has the figure', async () => {
      const unknown = mount(`<tiendo-chart src="${FEED}" metric="nope" debug></tiendo-chart>`).firstElementChild!;
      await untilState(unknown, 'error');
      expect(visibleText(unknown)).to.contain('Không có chỉ số "nope" trong nguồn dữ liệu.');
      const none = mount(`<tiendo-chart src="${FEED}" metric="on-time">Biểu đồ</tiendo-chart>`).firstElementChild!;
      await untilState(none, 'empty');
      expect(visibleText(none)).to.contain('Biểu đồ');
      expect(liveCharts()).to.equal(0);
    });

    it('charts a metric known only as counts for the provinces that have it', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${FEED}" metric="residence-online"></tiendo-chart>`);
      // Vĩnh Phúc has 50.579 of 70.758: charted as a rate.
      expect(chart.data.labels).to.deep.equal(['Vĩnh Phúc']);
      expect(table(el).cells).to.deep.equal([['71,5%']]);
    });
  });

  describe('the 34 and the 63 (regroup, show-present)', () => {
    const F63 = '/test/fixtures/provinces-63.json';
    type Json = Record<string, unknown>;
    type P63 = { id: string; name: string; models: Record<string, number>; metrics: Record<string, Record<string, number>> };
    const sum = (ps: P63[], f: (p: P63) => number) => ps.reduce((n, p) => n + f(p), 0);
    const PHU_THO = ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'];

    it('adds the 63 up into the 34: Phú Thọ’s bar is Phú Thọ + Vĩnh Phúc + Hòa Bình, and says what it added up', async () => {
      const feed = (await loadJson(F63)) as unknown as { provinces: P63[] };
      const parts = feed.provinces.filter((p) => PHU_THO.includes(p.name));
      expect(parts).to.have.length(3);
      const { el, chart } = await drawn(`<tiendo-chart src="${F63}" regroup="2025" highlight="phu-tho" style="width:900px"></tiendo-chart>`);
      const labels = labelsOf(chart);
      expect(labels).to.have.length(34);
      expect(labels).to.include('Phú Thọ').and.not.include('Vĩnh Phúc').and.not.include('Hòa Bình');
      const at = labels.indexOf('Phú Thọ');
      const completed = sum(parts, (p) => p.models.completed);
      expect(chart.data.datasets[0].data[at]).to.equal(completed);
      expect(chart.data.datasets[1].data[at]).to.equal(sum(parts, (p) => p.models.inProgress));
      const t = table(el);
      expect(t.rows).to.have.length(34);
      expect(t.cells[t.rows.indexOf('Phú Thọ')][0]).to.equal(vi.format(completed));
      // The table says which former provinces each merged unit adds up.
      const foot = [...(part(el, 'table') as HTMLTableElement).tFoot!.rows].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
      expect(foot).to.include('Phú Thọ Phú Thọ, Hòa Bình, Vĩnh Phúc');
      expect(visibleText(el)).to.contain('cộng gộp vào 34 đơn vị hành chính cấp tỉnh');
      expect(said(canvasOf(el))).to.contain('Phú Thọ:');

      // A value/total metric is added up as counts, then charted as the rate of the sums.
      const m = await drawn(`<tiendo-chart src="${F63}" regroup="2025" metric="online-dossiers"></tiendo-chart>`);
      const rate = sum(parts, (p) => p.metrics['online-dossiers'].value) / sum(parts, (p) => p.metrics['online-dossiers'].total);
      const mLabels = labelsOf(m.chart);
      expect(m.chart.data.datasets[0].data[mLabels.indexOf('Phú Thọ')]).to.be.closeTo(rate, 1e-12);
      expect(table(m.el).cells[table(m.el).rows.indexOf('Phú Thọ')]).to.deep.equal([viPercent.format(rate)]);
      await expectAccessible(el);
    });

    it('draws no bar for a rate-only metric or a score, "—" in the table with the note saying why (vi and en)', async () => {
      const feed = (await loadJson(F63)) as Json;
      for (const p of feed.provinces as Json[]) (p.metrics as Json).r = { rate: 0.5 };
      (feed.metrics as Json[]).push({ id: 'r', name: 'Tỷ lệ báo cáo' });
      const rate = await inline(feed, 'regroup="2025" metric="r"');
      expect(rate.chart.data.labels).to.have.length(34);
      expect(rate.chart.data.datasets[0].data.every((x) => x === null)).to.equal(true);
      expect(table(rate.el).cells.flat().every((c) => c === '—')).to.equal(true);
      expect(visibleText(rate.el)).to.contain('Tỷ lệ báo cáo: nguồn chỉ báo cáo tỷ lệ, không có số đếm để cộng gộp, nên để trống (—), không vẽ cột.');
      const score = await inline(feed, 'regroup="2025" metric="index-766"');
      expect(score.chart.data.datasets[0].data.every((x) => x === null)).to.equal(true);
      expect(visibleText(score.el)).to.contain('Bộ chỉ số 766 (điểm): điểm số không cộng gộp được, nên để trống (—), không vẽ cột.');
      const en = await inline(feed, 'regroup="2025" metric="r" lang="en"');
      expect(visibleText(en.el)).to.contain('Tỷ lệ báo cáo: the sources reported only a rate, with no counts to add up, so it is left blank (—) with no bar.');
      expect(visibleText(en.el)).to.contain('added up into the 34 provincial units');
      // Without regroup the same feed charts the 63 as they are.
      const plain = await inline(feed, 'metric="r"');
      expect(plain.chart.data.labels).to.have.length(63);
      expect(part(plain.el, 'regroup-note')).to.equal(null);
    });

    it('names a former province with the unit it is now part of (show-present), in the chart and the table', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${F63}" show-present metric="online-dossiers"></tiendo-chart>`);
      const labels = labelsOf(chart);
      expect(labels).to.have.length(63);
      expect(labels).to.include('Vĩnh Phúc (nay thuộc Phú Thọ)').and.include('Hòa Bình (nay thuộc Phú Thọ)');
      // A unit that kept its name says nothing more.
      expect(labels).to.include('Nghệ An').and.include('Phú Thọ');
      expect([...table(el).rows].sort()).to.deep.equal([...labels].sort());
      const en = await drawn(`<tiendo-chart src="${F63}" show-present lang="en"></tiendo-chart>`);
      expect(labelsOf(en.chart)).to.include('Vĩnh Phúc (now part of Phú Thọ)');
      // A feed of the 34 has no former provinces to name.
      const today = await drawn(`<tiendo-chart src="${FEED_34}" show-present></tiendo-chart>`);
      expect(labelsOf(today.chart).some((l) => l.includes('nay thuộc'))).to.equal(false);
    });
  });

  describe('many communes', () => {
    /** A province of `n` communes whose figure falls from the first to the last; the 57th is Xã Thạch Hà. */
    const communes = (n: number) => ({
      version: 1,
      metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
      provinces: [
        {
          id: 'ha-tinh',
          name: 'Hà Tĩnh',
          metrics: {},
          communes: Array.from({ length: n }, (_, i) => ({
            id: i === 56 ? 'thach-ha' : `c${i + 1}`,
            name: i === 56 ? 'Xã Thạch Hà' : `Xã ${i + 1}`,
            metrics: { m: { value: 1000 - i } },
          })),
        },
      ],
    });

    it('draws the top and bottom ten and the highlighted commune, says so, and keeps every commune in the table', async () => {
      const { el, chart } = await inline(communes(130), 'level="commune" metric="m" highlight="thach-ha"');
      const labels = chart.data.labels as string[];
      expect(labels).to.have.length(21);
      expect(labels.slice(0, 10)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `Xã ${i + 1}`));
      expect(labels[10]).to.equal('▶ Xã Thạch Hà');
      expect(labels.slice(11)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `Xã ${121 + i}`));
      expect(chart.data.datasets[0].data[10]).to.equal(1000 - 56);
      const note = 'Biểu đồ vẽ 10 xã, phường cao nhất và 10 thấp nhất trên 130; Xã Thạch Hà xếp thứ 57. Bảng số liệu có đủ 130 xã, phường.';
      expect(part(el, 'shown-note')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(note);
      const label = said(canvasOf(el));
      expect(label).to.contain('10 xã, phường cao nhất và 10 thấp nhất trên 130; Cao nhất: Xã 1 (1.000)');
      expect(label).to.contain('Xã Thạch Hà: 944 (xếp thứ 57 trên 130)');
      const t = table(el);
      expect(t.rows).to.have.length(130);
      expect(t.rows[56]).to.equal('Xã Thạch Hà');
      expect(t.cells[129]).to.deep.equal(['871']);
      expect((part(el, 'table') as HTMLTableElement).tBodies[0].rows[56].className).to.equal('hl');
      await expectAccessible(el);
    });

    it('follows limit, says it in English, and draws every commune when there are few', async () => {
      const five = await inline(communes(130), 'level="commune" metric="m" limit="5" highlight="thach-ha" lang="en"');
      expect(five.chart.data.labels).to.have.length(11);
      expect(part(five.el, 'shown-note')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'The chart shows the 5 highest and 5 lowest of 130 communes; Xã Thạch Hà ranks 57. The table has all 130 communes.',
      );
      // The highlighted commune among the top ones is not drawn twice.
      const top = await inline(communes(130), 'level="commune" metric="m" highlight="c2"');
      expect(top.chart.data.labels).to.have.length(20);
      expect(part(top.el, 'shown-note')!.textContent).to.contain('Biểu đồ vẽ 10 xã, phường cao nhất và 10 thấp nhất trên 130; Xã 2 xếp thứ 2.');
      const few = await inline(communes(20), 'level="commune" metric="m"');
      expect(few.chart.data.labels).to.have.length(20);
      expect(part(few.el, 'shown-note')).to.equal(null);
      expect(table(few.el).rows).to.have.length(20);
    });
  });

  describe('attribute mistakes, under debug and once on the console', () => {
    let warnings: string[] = [];
    let warn: typeof console.warn;
    beforeEach(() => {
      warnings = [];
      warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    });
    afterEach(() => {
      console.warn = warn;
    });
    const debugText = (el: Element) => part(el, 'debug')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    it('says which types exist when the type is unknown, and that bars are drawn (vi and en)', async () => {
      const { el, chart } = await drawn(`<tiendo-chart src="${FEED_34}" type="pie" debug></tiendo-chart>`);
      expect(typeOf(chart)).to.equal('bar');
      const said = 'Không có kiểu biểu đồ "pie" (bar, horizontal-bar, line, doughnut); biểu đồ được vẽ kiểu "bar".';
      expect(debugText(el)).to.equal(said);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.filter((w) => w.includes(said))).to.have.length(1);
      const en = await drawn(`<tiendo-chart src="${FEED_34}" type="pie" debug lang="en"></tiendo-chart>`);
      expect(debugText(en.el)).to.equal('There is no chart type "pie" (bar, horizontal-bar, line, doughnut); it is drawn as "bar".');
      // Without debug nothing is shown, but the console still hears it.
      const quiet = await drawn(`<tiendo-chart src="${FEED_34}" type="pie"></tiendo-chart>`);
      expect(part(quiet.el, 'debug')).to.equal(null);
      expect(warnings.filter((w) => w.includes(said))).to.have.length(2);
    });

    it('says a line across provinces is drawn as bars, on the console too', async () => {
      await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" type="line"></tiendo-chart>`);
      expect(warnings.some((w) => w.includes('đường nối các tỉnh'))).to.equal(true);
    });

    it('leaves out an area of compare the feed lacks and suggests the id for a name written (vi and en)', async () => {
      const { el } = await drawn(`<tiendo-chart src="${FEED}" compare="Nghệ An,ha-tinh" debug></tiendo-chart>`);
      expect(table(el).caption).to.equal('Tiến độ mô hình điểm của Hà Tĩnh theo thời gian');
      const said = 'compare: không có "Nghệ An" trong nguồn dữ liệu; có phải là "nghe-an"? (compare nhận mã, không nhận tên.)';
      expect(debugText(el)).to.equal(said);
      expect(warnings.filter((w) => w.includes(said))).to.have.length(1);
      const en = await drawn(`<tiendo-chart src="${FEED}" compare="Nghệ An,ha-tinh,xyz" debug lang="en"></tiendo-chart>`);
      expect(debugText(en.el)).to.contain('compare: the feed has no "Nghệ An"; did you mean "nghe-an"? (compare takes ids, not names.)');
      expect(debugText(en.el)).to.contain('compare: the feed has no "xyz", so it is not drawn.');
      // Nothing left to draw: the widget's error says it.
      const none = mount(`<tiendo-chart src="${FEED}" compare="Nghệ An" debug></tiendo-chart>`).firstElementChild!;
      await untilState(none, 'error');
      expect(visibleText(none)).to.contain('có phải là "nghe-an"?');
    });

    it('suggests the metric id for a metric written by its name', async () => {
      const el = mount(`<tiendo-chart src="${FEED}" metric="Hồ sơ tiếp nhận trực tuyến" debug></tiendo-chart>`).firstElementChild!;
      await untilState(el, 'error');
      expect(visibleText(el)).to.contain('Không có chỉ số "Hồ sơ tiếp nhận trực tuyến" trong nguồn dữ liệu; có phải là metric="online-dossiers"?');
      const en = mount(`<tiendo-chart src="${FEED}" metric="nope" lang="en" debug></tiendo-chart>`).firstElementChild!;
      await untilState(en, 'error');
      expect(visibleText(en)).to.contain('The feed has no metric "nope". Its metrics: online-dossiers, on-time,');
    });

    it('says limit, level and regroup mistakes (vi and en)', async () => {
      const feed = communes30();
      const a = await inline(feed, 'level="commune" metric="m" limit="2.7" regroup="1975" debug');
      expect(a.chart.data.labels).to.have.length(4);
      expect(debugText(a.el)).to.contain('limit="2.7" phải là số nguyên dương: vẽ 2 xã, phường cao nhất và 2 thấp nhất.');
      expect(debugText(a.el)).to.contain('regroup="1975" không hợp lệ (chỉ có regroup="2025"): không cộng gộp.');
      const b = await drawn(`<tiendo-chart src="${FEED_34}" limit="5" level="xa" debug></tiendo-chart>`);
      expect(b.chart.data.labels).to.have.length(34);
      expect(debugText(b.el)).to.contain('limit chỉ dùng với level="commune"');
      expect(debugText(b.el)).to.contain('level="xa" không hợp lệ (province hoặc commune): vẽ các tỉnh, thành phố.');
      const c = await inline(feed, 'level="commune" metric="m" regroup="2025" debug lang="en"');
      expect(debugText(c.el)).to.contain('regroup="2025" is for a chart comparing provinces at one time');
      const d = await drawn(`<tiendo-chart src="${FEED_34}" limit="0.5" level="xa" debug lang="en"></tiendo-chart>`);
      expect(debugText(d.el)).to.contain('level="xa" is not valid (province or commune): the provinces are drawn.');
      expect(warnings.some((w) => w.includes('limit="2.7"'))).to.equal(true);
    });

    /** 30 communes of one province, each with its own figure. */
    function communes30() {
      return {
        version: 1,
        metrics: [{ id: 'm', name: 'Hồ sơ' }],
        provinces: [
          {
            id: 'p',
            name: 'Tỉnh P',
            metrics: {},
            communes: Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, name: `Xã ${i}`, metrics: { m: { value: i } } })),
          },
        ],
      };
    }
  });
});
