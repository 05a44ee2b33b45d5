/**
 * Direction and breaking (SPEC "Figures that never mislead", issue 17): a U+202E (RIGHT-TO-LEFT
 * OVERRIDE) or another bidi control in a feed's names cannot reverse the figures, words and dates
 * drawn after it, and a figure never breaks inside its digits, in the province table (on screen),
 * the chart (title, sentence, data table, tooltip), the map (tile, sentence, table, provinces outside
 * the grid) and the model list, in Vietnamese and English. (The progress bar and KPI have theirs in
 * their own suites.)
 *
 * "In order on one line" is measured where each character is drawn: every character of the text
 * has a box, left of the next, on the same line. Text that is not drawn (a hidden table, a
 * visually hidden label) fails the check instead of passing it.
 */
import { expect } from '@esm-bundle/chai';
import { textNodes } from './figure-order.js';
import '../src/index.js';
import { chartOf } from '../src/chart/chart-renderer.js';
import { cleanup, mount, part, until, untilState } from './helpers.js';

type Json = Record<string, unknown>;
type Lang = 'vi' | 'en';

const RLO = '\u202e';
/** Bidi controls a feed might carry: an override, an embedding, an isolate left open, a right-to-left mark. */
const CONTROLS = ['\u202e', '\u202b', '\u2067', '\u200f'];

/** A feed whose every name carries `mark`; Nghệ An has its own source and date (so rows note theirs). */
function feedWith(mark: string): Json {
  return {
    version: 1,
    asOf: '2024-06-30',
    title: `Tiến độ ${mark}đề án`,
    source: { name: `Cổng ${mark}TTĐT` },
    metrics: [{ id: 'm', name: `Hồ sơ ${mark}đúng hạn`, unit: `hồ sơ${mark}` }],
    models: [
      { id: '1', name: `Khám ${mark}chữa bệnh` },
      { id: '2', name: `Cấp ${mark}điện` },
    ],
    provinces: [
      {
        id: 'nghe-an',
        code: '40',
        name: `Nghệ ${mark}An`,
        asOf: '2024-06-20',
        source: { name: `Công an ${mark}tỉnh` },
        models: { total: 38, completed: 6, inProgress: 20, history: [{ asOf: '2024-04-30', completed: 4 }] },
        modelStatus: { '1': 'completed', '2': 'in-progress', [`x${mark}9`]: 'not-started' },
        metrics: { m: { value: 74336, total: 74587, history: [{ asOf: '2024-05-31', value: 73096, total: 74000 }] } },
      },
      { id: 'ha-tinh', code: '42', name: `Hà ${mark}Tĩnh`, models: { total: 43, completed: 21, inProgress: 10 }, metrics: { m: { value: 1234, total: 5678 } } },
      // No tile of either grid: listed under the map with its figure.
      { id: 'dao-x', name: `Đảo ${mark}X`, models: { total: 10, completed: 3 }, metrics: { m: { value: 1, total: 8 } } },
    ],
  };
}

/**
 * `text` is drawn inside `scope` left to right, in its own order, on one line: every character has
 * a box of its own, each left of the next, all on the first one's line.
 */
function expectReadsInOrder(scope: Node, text: string, where: string): void {
  const node = textNodes(scope).find((t) => t.data.includes(text));
  expect(node, `"${text}" is in ${where}`).to.not.equal(undefined);
  const start = node!.data.indexOf(text);
  const boxes = [...text].map((_, i) => {
    const r = document.createRange();
    r.setStart(node!, start + i);
    r.setEnd(node!, start + i + 1);
    return r.getBoundingClientRect();
  });
  boxes.forEach((b, i) => {
    if (text[i] !== ' ') expect(b.width, `"${text}" character ${i} drawn (${where})`).to.be.above(0);
  });
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i].left, `"${text}" character ${i} after ${i - 1} (${where})`).to.be.at.least(boxes[i - 1].left - 0.5);
    expect(Math.abs(boxes[i].top - boxes[0].top), `"${text}" on one line (${where})`).to.be.below(2);
  }
}

async function inline<T extends HTMLElement>(tag: string, attrs: string, feed: Json, style = 'width:720px'): Promise<T> {
  const box = mount(`<${tag} ${attrs} style="${style}"><script type="application/json"></script></${tag}>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = box.firstElementChild as T;
  await untilState(el, 'ready', 15_000);
  return el;
}

/** Opens a widget's data table ("Xem dạng bảng") so that it is drawn. */
async function openTable(el: HTMLElement): Promise<HTMLTableElement> {
  part(el, 'toggle')!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const t = part(el, 'table') as HTMLTableElement;
  expect(t.hidden || t.closest('[hidden]') !== null, 'the table shown').to.equal(false);
  return t;
}

/** A node's text, spaces folded. */
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The table row whose header holds `name`. */
const rowOf = (t: HTMLTableElement, name: string) => [...t.tBodies[0].rows].find((r) => r.cells[0].textContent!.includes(name))!;

/** Figures the reader's way. */
const figures = (lang: Lang) =>
  lang === 'vi'
    ? { n74336: '74.336', n74587: '74.587', p997: '99,7%', p158: '15,8%', p488: '48,8%', p217: '21,7%', p125: '12,5%', d0620: '20/06/2024', d0630: '30/06/2024', d0531: '31/05/2024' }
    : { n74336: '74,336', n74587: '74,587', p997: '99.7%', p158: '15.8%', p488: '48.8%', p217: '21.7%', p125: '12.5%', d0620: '20 Jun 2024', d0630: '30 Jun 2024', d0531: '31 May 2024' };

/** A row's date in a note cell: whole, its spaces no-break ("20 Jun 2024" never broken after its day). */
const whole = (date: string) => date.replace(/ /g, '\u00a0');

describe('a bidi control in a feed name reverses nothing after it (table, chart, map, model list; vi and en)', function () {
  this.timeout(90_000);
  afterEach(cleanup);

  for (const lang of ['vi', 'en'] as const) {
    const f = figures(lang);

    it(`province table: the sentence, each row's figures and note, the change column's header (${lang})`, async () => {
      for (const mark of CONTROLS) {
        const feed = feedWith(mark);
        const el = await inline('tiendo-province-table', `lang="${lang}" columns="rank,name,completed,rate,m,change" sort="-rate" show-sentence`, feed);
        const at = `table, ${JSON.stringify(mark)}`;
        expectReadsInOrder(part(el, 'sentence')!, `(${f.p488})`, `${at} sentence`);
        const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
        const nghe = rows.find((r) => r.querySelector('th')!.textContent!.includes('Nghệ'))!;
        expectReadsInOrder(nghe, f.p158, `${at} Nghệ An's rate`);
        expectReadsInOrder(nghe, f.p997, `${at} Nghệ An's metric`);
        // The row's own source, then its date, in one cell.
        expectReadsInOrder(nghe, whole(f.d0620), `${at} Nghệ An's note`);
        // Sorted by the metric: its header, and the change header that names it, then the date compared with.
        const byM = await inline('tiendo-province-table', `lang="${lang}" columns="name,m,change" sort="-m" show-sentence`, feed);
        const heads = [...byM.shadowRoot!.querySelectorAll('thead th')];
        expectReadsInOrder(heads[1], '(%)', `${at} metric header`);
        // (A header may wrap between words: each part is checked on its own.)
        expectReadsInOrder(heads[2], '(%),', `${at} change header`);
        expectReadsInOrder(heads[2], whole(f.d0531), `${at} change header's date`);
        expectReadsInOrder(part(byM, 'sentence')!, `(${f.p997})`, `${at} sentence by the metric`);
      }
    });

    it(`chart across provinces: its title, sentence, data table (with each row's note) and tooltip (${lang})`, async () => {
      for (const mark of CONTROLS) {
        const el = await inline('tiendo-chart', `lang="${lang}" metric="m" highlight="ha-tinh"`, feedWith(mark));
        const at = `chart, ${JSON.stringify(mark)}`;
        expectReadsInOrder(part(el, 'title')!, lang === 'vi' ? ' theo tỉnh' : ' by province', `${at} title`);
        const said = part(el, 'sentence')!;
        expectReadsInOrder(said, `(${f.p997})`, `${at} sentence, highest`);
        expectReadsInOrder(said, lang === 'vi' ? `${f.p217} (xếp thứ 2 trên 3)` : `${f.p217} (ranked 2 of 3)`, `${at} sentence, rank`);
        const t = await openTable(el);
        expectReadsInOrder(rowOf(t, 'Nghệ'), f.p997, `${at} table figure`);
        expectReadsInOrder(rowOf(t, 'Nghệ'), f.d0620, `${at} table note`);
        // The tooltip of Nghệ An's bar: "<metric>: 99,7%", the figure after the metric's name.
        const canvas = el.shadowRoot!.querySelector('canvas')!;
        await until(() => Boolean(chartOf(canvas)), 'the chart drawn');
        const chart = chartOf(canvas)!;
        const labels = (chart.data.labels as unknown[]).map((l) => (Array.isArray(l) ? l.join(' ') : String(l)));
        const bar = chart.getDatasetMeta(0).data[labels.findIndex((l) => l.includes('Nghệ'))] as unknown as { x: number; y: number; base: number };
        const r = canvas.getBoundingClientRect();
        const horizontal = (chart.options as { indexAxis?: string }).indexAxis === 'y';
        const [x, y] = horizontal ? [(bar.x + bar.base) / 2, bar.y] : [bar.x, (bar.y + bar.base) / 2];
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true }));
        const tip = canvas.nextElementSibling as HTMLElement;
        expect(tip.hidden).to.equal(false);
        expectReadsInOrder(tip, `: ${f.p997}`, `${at} tooltip`);
        expectReadsInOrder(tip, f.d0620, `${at} tooltip note`);
      }
    });

    it(`chart over time: its title, sentence and data table (${lang})`, async () => {
      const el = await inline('tiendo-chart', `lang="${lang}" province="nghe-an" metric="m"`, feedWith(RLO));
      expectReadsInOrder(part(el, 'title')!, lang === 'vi' ? ' theo thời gian' : ' over time', 'title');
      const said = part(el, 'sentence')!;
      expectReadsInOrder(said, lang === 'vi' ? `: ${f.p997} ngày 20 tháng 6 năm 2024` : `: ${f.p997} on 20 June 2024`, 'sentence');
      const t = await openTable(el);
      expectReadsInOrder(t.tBodies[0].rows[0], lang === 'vi' ? '98,8%' : '98.8%', 'table, first date');
    });

    it(`map: each tile's figure, the sentence, the provinces outside the grid, the table (${lang})`, async () => {
      for (const attrs of ['', 'metric="m"']) {
        const el = await inline('tiendo-map', `lang="${lang}" highlight="ha-tinh" ${attrs}`, feedWith(RLO));
        const at = `map ${attrs}`;
        const [nghe, ha, outside] = attrs ? [f.p997, f.p217, f.p125] : [f.p158, f.p488, lang === 'vi' ? '30,0%' : '30.0%'];
        const tile = [...el.shadowRoot!.querySelectorAll('[part~="tile"]')].find((t) => t.querySelector('.label')!.textContent!.includes('Nghệ'))!;
        expectReadsInOrder(tile.querySelector('[part~="figure"]')!, nghe.slice(0, -1), `${at} tile figure`);
        // The tile's name (read by a screen reader) is isolated from the figure after it.
        expect(tile.querySelector('.label bdi')!.textContent).to.equal(`Nghệ ${RLO}An`);
        // Coloured by models: Hà Tĩnh is highest, and ranked first; the sentence names places and the rank (the tiles
        // say the figures), and reads in order after a name with a U+202E. (By the metric: the test below.)
        expect(ha).to.be.a('string');
        if (!attrs) {
          const said = part(el, 'sentence')!;
          expectReadsInOrder(said, lang === 'vi' ? 'xếp thứ 1 trên 3' : 'ranks 1 of 3', `${at} sentence, rank`);
        }
        expectReadsInOrder(part(el, 'outside')!, outside, `${at} outside the grid`);
        const t = await openTable(el);
        expectReadsInOrder(rowOf(t, 'Nghệ'), nghe, `${at} table figure`);
      }
    });

    // A map coloured by a metric: its title is the caption ("<metric name> theo tỉnh", the name isolated: a
    // U+202E in it once reversed what followed), its sentence the places and the rank, its table the figures.
    it(`map by a metric: its title after the metric's name, the rank, the table's unit (${lang})`, async () => {
      const el = await inline('tiendo-map', `lang="${lang}" highlight="ha-tinh" metric="m"`, feedWith(RLO));
      expectReadsInOrder(part(el, 'title')!, lang === 'vi' ? ' theo tỉnh' : ' by province', 'title');
      expectReadsInOrder(part(el, 'sentence')!, lang === 'vi' ? 'xếp thứ 2 trên 3' : 'ranks 2 of 3', 'sentence, rank');
      const t = await openTable(el);
      expectReadsInOrder(rowOf(t, 'Nghệ'), f.p997, 'table figure');
    });

    // The map's table writes a row's note as "<source> · <date>", the source's name isolated (a U+202E in it
    // once reversed the date: "20/06/2024" drawn "4202/60/02").
    it(`map: each row's note in the table, its source then its date (${lang})`, async () => {
      const el = await inline('tiendo-map', `lang="${lang}" highlight="ha-tinh"`, feedWith(RLO));
      const t = await openTable(el);
      expectReadsInOrder(rowOf(t, 'Nghệ'), whole(f.d0620), 'map table note');
    });

    it(`model list: each model's status after its name, the counts, the title (${lang})`, async () => {
      for (const mark of CONTROLS) {
        const el = await inline('tiendo-model-list', `lang="${lang}" province="nghe-an"`, feedWith(mark));
        const at = `model list, ${JSON.stringify(mark)}`;
        const items = [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
        expect(items).to.have.length(3);
        const [done, doing, unknown] = lang === 'vi' ? ['Hoàn thành', 'Đang triển khai', 'Chưa triển khai'] : ['Completed', 'In progress', 'Not started'];
        expectReadsInOrder(items[0], done, `${at} first status`);
        expectReadsInOrder(items[1], doing, `${at} second status`);
        expectReadsInOrder(items[2], unknown, `${at} an unlisted model's status`);
        // The status is read after the name, never inside a reversed run.
        expect(items[0].querySelector('.status')!.getBoundingClientRect().left).to.be.above(items[0].querySelector('.name')!.getBoundingClientRect().left);
        expectReadsInOrder(part(el, 'counts')!.querySelector('li')!, done, `${at} counts`);
        expect(text(part(el, 'counts')!.querySelector('li'))).to.equal(`${done} 6`);
        expectReadsInOrder(el.shadowRoot!.querySelector('footer, [part~="footer"]') ?? el.shadowRoot!, f.d0620, `${at} footer date`);
      }
    });
  }
});

describe('a figure never breaks inside its digits, even in a narrow box (table, chart, map, model list; vi and en)', function () {
  this.timeout(60_000);
  afterEach(cleanup);

  const big: Json = {
    version: 1,
    asOf: '2024-06-30',
    metrics: [{ id: 'm', name: 'Hồ sơ đúng hạn', unit: 'hồ sơ' }],
    models: [{ id: '1', name: 'Khám chữa bệnh bằng thẻ căn cước công dân' }],
    provinces: [
      { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 1234567, completed: 765432, inProgress: 1000 }, modelStatus: { '1': 'completed' }, metrics: { m: { value: 7654321, total: 9876543 } } },
      { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 1000000, completed: 123456 }, metrics: { m: { value: 1, total: 3 } } },
    ],
  };

  for (const lang of ['vi', 'en'] as const) {
    const n = (x: string) => (lang === 'vi' ? x : x.replace(/\./g, '#').replace(/,/g, '.').replace(/#/g, ','));

    it(`province table at 200 px: counts, rates and the sentence's figures (${lang})`, async () => {
      const el = await inline('tiendo-province-table', `lang="${lang}" columns="name,completed,total,rate,m" sort="-rate" show-sentence`, big, 'width:200px');
      const row = el.shadowRoot!.querySelector('tbody tr')!;
      for (const figure of [n('765.432'), n('1.234.567'), n('62,0%'), n('77,5%')]) expectReadsInOrder(row, figure, `table row ${figure}`);
      expectReadsInOrder(part(el, 'sentence')!, n('62,0%'), 'table sentence');
    });

    it(`chart at 240 px: its sentence and its data table (${lang})`, async () => {
      const el = await inline('tiendo-chart', `lang="${lang}" metric="m"`, big, 'width:240px');
      expectReadsInOrder(part(el, 'sentence')!, n('77,5%'), 'chart sentence');
      const t = await openTable(el);
      expectReadsInOrder(rowOf(t, 'Nghệ An'), n('77,5%'), 'chart table');
      const models = await inline('tiendo-chart', `lang="${lang}"`, big, 'width:240px');
      const mt = await openTable(models);
      expectReadsInOrder(rowOf(mt, 'Nghệ An'), n('765.432'), 'chart table, counts');
    });

    it(`map at 320 px: the tile's figure and the table (${lang})`, async () => {
      const el = await inline('tiendo-map', `lang="${lang}" metric="m"`, big, 'width:320px');
      const tile = [...el.shadowRoot!.querySelectorAll('[part~="tile"]')].find((t) => t.querySelector('.label')!.textContent!.includes('Nghệ An'))!;
      expectReadsInOrder(tile.querySelector('[part~="figure"]')!, n('77,5'), 'tile');
      // (The sentence names places and ranks, no figure: each tile says its own.)
      expectReadsInOrder(rowOf(await openTable(el), 'Nghệ An'), n('77,5%'), 'map table');
    });

    // At 320 px the table's "7.654.321/9.876.543" once broke after the slash (the KPI keeps its pair on one line).
    it(`map at 320 px: a value/total pair in the table stays on one line (${lang})`, async () => {
      const el = await inline('tiendo-map', `lang="${lang}" metric="m"`, big, 'width:320px');
      const t = await openTable(el);
      expectReadsInOrder(rowOf(t, 'Nghệ An'), n('7.654.321/9.876.543'), 'map table counts');
    });

    it(`model list at 120 px: the counts (${lang})`, async () => {
      const el = await inline('tiendo-model-list', `lang="${lang}" province="nghe-an"`, big, 'width:120px');
      expectReadsInOrder(part(el, 'counts')!, n('765.432'), 'model list counts');
    });
  }
});
