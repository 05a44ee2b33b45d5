import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import type { TiendoChart } from '../src/index.js';
import { chartOf, liveCharts } from '../src/chart/chart-renderer.js';
import { FEED, cleanup, expectAccessible, mount, part, until, untilState, visibleText } from './helpers.js';

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

/** The accessible table as text: column headers, then each row's header and cells. */
function table(el: Element) {
  const t = part(el, 'table') as HTMLTableElement;
  const strip = (s: string | null) => (s ?? '').replace('▶', '').trim();
  return {
    caption: t.caption!.textContent!.trim(),
    head: [...t.tHead!.rows[0].cells].map((c) => c.textContent!.trim()),
    rows: [...t.tBodies[0].rows].map((r) => strip(r.cells[0].textContent)),
    cells: [...t.tBodies[0].rows].map((r) => [...r.cells].slice(1).map((c) => c.textContent!.trim())),
  };
}

/** Every label, series and figure the chart draws is in the table, written the reader's way. */
function expectTableEqualsChart(el: Element, chart: Chart, fmt: (n: number) => string) {
  const t = table(el);
  const labels = (chart.data.labels as string[]).map((l) => l.replace('▶', '').trim());
  expect(t.rows).to.deep.equal(labels);
  expect(t.head.slice(1)).to.deep.equal(chart.data.datasets.map((d) => d.label));
  const fromChart = labels.map((_, j) => chart.data.datasets.map((d) => fmt(d.data[j] as number)));
  expect(t.cells).to.deep.equal(fromChart);
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viPercent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
        expect(typeOf(chart)).to.equal(type === 'horizontal-bar' ? 'bar' : type);
        expectTableEqualsChart(el, chart, (n) => vi.format(n));
        if (type === 'doughnut') {
          // All provinces' models by status (Hà Nội gives only a total; Vĩnh Phúc no models).
          expect(chart.data.labels).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
          expect(chart.data.datasets[0].data).to.deep.equal([6, 41, 34]);
          expect(table(el).head).to.deep.equal(['Trạng thái', 'Mô hình điểm']);
        } else {
          expect(chart.data.labels).to.deep.equal(['Hà Tĩnh', '▶ Nghệ An']);
          expect(chart.data.datasets.map((d) => d.data)).to.deep.equal([[0, 6], [21, 20], [22, 12]]);
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
        'Cao nhất: Nghệ An (15,8% hoàn thành); thấp nhất: Hà Tĩnh (0,0% hoàn thành); Nghệ An: 15,8% hoàn thành (xếp thứ 1/2)';
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal(summary);
      expect(part(el, 'sentence')!.textContent).to.equal(`Tiến độ mô hình điểm theo tỉnh. ${summary}.`);
      expect(visibleText(el)).to.contain('Tiến độ mô hình điểm theo tỉnh');
      expect(visibleText(el)).to.contain('Nguồn: Công an tỉnh Hà Tĩnh · Số liệu đến 04/10/2024');
    });

    it('marks the highlighted province by more than colour: darker, outlined, hatched and labelled', async () => {
      const { chart } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" highlight="nghe-an"></tiendo-chart>`);
      const i = fixture34.provinces.findIndex((p) => p.id === 'nghe-an');
      const d = chart.data.datasets[0] as unknown as { backgroundColor: unknown[]; borderWidth: number[] };
      expect(chart.data.labels![i]).to.equal('▶ Nghệ An');
      expect(d.backgroundColor[i]).to.be.instanceOf(CanvasPattern);
      expect(d.backgroundColor[i + 1]).to.equal('#0b62c4');
      expect(d.borderWidth[i]).to.equal(2);
      expect(d.borderWidth[i + 1]).to.equal(0);
    });

    it('gives each status a colour from the theme and a pattern of its own', async () => {
      const { chart } = await drawn(
        `<tiendo-chart src="${FEED}" style="--tiendo-color-completed: rgb(1, 2, 3)"></tiendo-chart>`,
      );
      const fills = chart.data.datasets.map((d) => d.backgroundColor);
      expect(fills[0]).to.equal('rgb(1, 2, 3)');
      expect(fills[1]).to.be.instanceOf(CanvasPattern);
      expect(fills[2]).to.be.instanceOf(CanvasPattern);
      expect(chart.options.plugins!.legend!.display).to.equal(true);
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
        expect(chart.data.datasets[0].data).to.deep.equal(fixture34.provinces.map((p) => p.metrics['index-766'].value));
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
          expect(chart.data.datasets[1].data).to.deep.equal(fixture34.provinces.map((p) => p.models.inProgress));
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
      expect(chart.data.datasets[0].data).to.deep.equal(rates);
      expectTableEqualsChart(el, chart, (n) => viPercent.format(n));
      const axis = chart.scales.y.ticks.map((t) => t.label);
      expect(axis.length).to.be.above(2);
      for (const label of axis) expect(label).to.match(/^\d+(,\d+)?\s?%$/);
    });

    it('summarises the highest, the lowest and the highlighted province’s rank out of 34', async () => {
      const { canvas } = await drawn(`<tiendo-chart src="${FEED_34}" metric="index-766" highlight="nghe-an"></tiendo-chart>`);
      const ranked = [...fixture34.provinces].sort((a, b) => b.metrics['index-766'].value - a.metrics['index-766'].value);
      const v = (p: Fixture['provinces'][number]) => vi.format(p.metrics['index-766'].value);
      const nghe = fixture34.provinces.find((p) => p.id === 'nghe-an')!;
      const rank = 1 + ranked.filter((p) => p.metrics['index-766'].value > nghe.metrics['index-766'].value).length;
      expect(canvas.getAttribute('aria-label')).to.equal(
        `Cao nhất: ${ranked[0].name} (${v(ranked[0])}); thấp nhất: ${ranked[33].name} (${v(ranked[33])}); ` +
          `Nghệ An: ${v(nghe)} (xếp thứ ${rank}/34)`,
      );
    });
  });

  describe('the accessible table', () => {
    it('is always in the accessibility tree, with caption and headers, and shown on request', async () => {
      const { el } = await drawn(`<tiendo-chart src="${FEED}" highlight="nghe-an"></tiendo-chart>`);
      const t = part(el, 'table') as HTMLTableElement;
      expect(t.caption!.textContent!.trim()).to.equal('Tiến độ mô hình điểm theo tỉnh');
      expect([...t.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
      expect([...t.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
      expect(getComputedStyle(t).display).not.to.equal('none');
      expect(visibleText(el)).not.to.contain('Chưa triển khai');
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
      expect(visibleText(el)).not.to.contain('Chưa triển khai');
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
      expect(chart.scales.y.ticks.map((t) => t.label)).to.deep.equal(chart.scales.y.ticks.map((t) => vi.format(t.value)));

      // The tooltip: the province under the pointer and its figure, in the reader's words.
      const canvas = canvasOf(el);
      const point = (j: number) => {
        const bar = chart.getDatasetMeta(0).data[j];
        const rect = canvas.getBoundingClientRect();
        return { clientX: rect.left + bar.x, clientY: rect.top + (bar.y + chart.chartArea.bottom) / 2, bubbles: true };
      };
      const j = fixture34.provinces.findIndex((p) => p.id === 'nghe-an');
      canvas.dispatchEvent(new PointerEvent('pointermove', point(j)));
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
      expect(again.scales.y.ticks.map((t) => t.label)).to.deep.equal(again.scales.y.ticks.map((t) => en.format(t.value)));
      canvas.dispatchEvent(new PointerEvent('pointermove', point(j)));
      expect(tip.textContent).to.equal(`Nghệ AnBộ chỉ số phục vụ người dân, doanh nghiệp (điểm): ${en.format(value)}`);
      expectTableEqualsChart(el, again, (n) => en.format(n));
      expect(canvas.getAttribute('aria-label')).to.match(/^Highest: .+; lowest: .+$/);
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
      el.type = 'line';
      await el.updateComplete;
      await until(() => typeOf(chartOf(canvas)) === 'line', 'redrawn as a line');
      el.highlight = 'ha-tinh';
      await el.updateComplete;
      await until(() => (chartOf(canvas)!.data.labels as string[])[0] === '▶ Hà Tĩnh', 'highlight moved');
      el.setAttribute('lang', 'en');
      await until(() => (chartOf(canvas)!.data.datasets[0].label ?? '') === 'Completed', 'English labels');
      expect(chartOf(canvas)).not.to.equal(first);
      expect(liveCharts()).to.equal(1);
      // An unknown type falls back to bars.
      el.type = 'pie';
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
        expect(fetched(/chart/i)).to.have.length(2);
        expect(fetched(/chart/i)[0]).to.match(/^chunks\/tiendo-chart-[\w-]+\.js$/);
        expect(fetched(/chart/i)[1]).to.match(/^chunks\/chart-table-[\w-]+\.js$/);
        expect(chart.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).to.contain('Cao nhất: Nghệ An');

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
});
