import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { TiendoProvinceTable } from '../src/index.js';
import { tableCsv } from '../src/base/csv-download.js';
import { FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

const F34 = '/test/fixtures/provinces-34.json';
const F63 = '/test/fixtures/provinces-63.json';

type Json = Record<string, unknown>;

/** Mounts a table; `feed` goes inside the tag as inline JSON. */
function table(attrs = '', feed?: Json, boxAttrs: Record<string, string> = {}): TiendoProvinceTable {
  const el = mount(`<tiendo-province-table ${attrs}></tiendo-province-table>`, boxAttrs).firstElementChild as TiendoProvinceTable;
  if (feed) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
  }
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const bodyRows = (el: Element) => [...root(el).querySelectorAll('tbody tr')] as HTMLTableRowElement[];
/** The province names, top to bottom. */
const names = (el: Element) => bodyRows(el).map((tr) => tr.querySelector('th')!.textContent!.trim());
/** The text of column `i` in every province row. */
const column = (el: Element, i: number) => bodyRows(el).map((tr) => tr.cells[i].textContent!.replace(/\s+/g, ' ').trim());
const headers = (el: Element) => [...root(el).querySelectorAll('thead th')] as HTMLTableCellElement[];
const headerTexts = (el: Element) => headers(el).map((th) => th.textContent!.replace(/[▼▲↕]/g, '').replace(/\s+/g, ' ').trim());
const sortButton = (el: Element, label: string) =>
  headers(el).find((th) => th.textContent!.replace(/[▼▲↕]/g, '').trim() === label)!.querySelector('button')!;
const status = (el: Element) => root(el).querySelector('[role="status"]')!.textContent!.trim();

async function click(el: TiendoProvinceTable, label: string): Promise<void> {
  sortButton(el, label).click();
  await el.updateComplete;
}

/** Provinces with these names and model counts (total 10 unless given). */
function feedOf(rows: { name: string; completed?: number; total?: number; metrics?: Json }[], extra: Json = {}): Json {
  return {
    version: 1,
    title: 'Bảng thử',
    provinces: rows.map((r, i) => ({
      id: `p${i}`,
      name: r.name,
      ...(r.completed === undefined ? {} : { models: { total: r.total ?? 10, completed: r.completed } }),
      ...(r.metrics ? { metrics: r.metrics } : {}),
    })),
    ...extra,
  };
}

const NONE = '—không có số liệu';
const SIX = ['Hải Phòng', 'Điện Biên', 'Hà Tĩnh', 'Đà Nẵng', 'Cà Mau', 'Hà Nội'];
const SIX_SORTED = ['Cà Mau', 'Đà Nẵng', 'Điện Biên', 'Hà Nội', 'Hà Tĩnh', 'Hải Phòng'];

describe('<tiendo-province-table>', () => {
  afterEach(cleanup);

  it('shows 34 provinces ranked by completion rate, with the national row last and unranked', async () => {
    const el = table(`src="${F34}"`);
    await untilState(el, 'ready');
    expect(root(el).querySelector('caption')!.textContent!.trim()).to.equal('Số liệu minh hoạ: 34 tỉnh, thành phố');
    expect(headerTexts(el)).to.deep.equal([
      'Hạng',
      'Tỉnh, thành phố',
      'Tỷ lệ hoàn thành',
      'Hoàn thành',
      'Đang triển khai',
      'Chưa triển khai',
      'Tổng số mô hình',
    ]);
    expect(bodyRows(el)).to.have.length(34);
    expect(names(el).slice(0, 5)).to.deep.equal(['Lâm Đồng', 'Lạng Sơn', 'Đắk Lắk', 'Ninh Bình', 'Nghệ An']);
    expect(column(el, 0).slice(0, 5)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(column(el, 2)[0]).to.equal('89,6%'); // 43/48
    expect(bodyRows(el)[0].cells[3].textContent!.trim()).to.equal('43');
    const rates = column(el, 2).map((t) => parseFloat(t.replace(',', '.')));
    expect(rates).to.deep.equal([...rates].sort((a, b) => b - a));
    const national = root(el).querySelector('tfoot tr') as HTMLTableRowElement;
    expect(national.querySelector('th')!.textContent!.trim()).to.equal('Toàn quốc');
    expect(national.cells[0].textContent!.trim()).to.equal('');
    expect(national.getAttribute('part')).to.equal('row row-national');
    expect(visibleText(el)).to.contain('Nguồn: Số liệu minh hoạ cho kiểm thử (không phải số liệu thật) · Số liệu đến 30/09/2025');
  });

  it('gives the table a caption, header cells with scope and aria-sort on the sorted column', async () => {
    const el = table(`src="${F34}"`);
    await untilState(el, 'ready');
    const ths = headers(el);
    expect(ths.every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect(bodyRows(el).every((tr) => tr.querySelector('th')!.getAttribute('scope') === 'row')).to.equal(true);
    expect(ths.map((th) => th.getAttribute('aria-sort'))).to.deep.equal([null, null, 'descending', null, null, null, null]);
    // Every column but rank sorts, by a real button.
    expect(ths.map((th) => Boolean(th.querySelector('button')))).to.deep.equal([false, true, true, true, true, true, true]);
  });

  it('right-aligns numbers in tabular figures', async () => {
    const el = table(`src="${F34}"`);
    await untilState(el, 'ready');
    const cell = bodyRows(el)[0].cells[2];
    expect(getComputedStyle(cell).textAlign).to.equal('end');
    expect(getComputedStyle(cell).fontVariantNumeric).to.equal('tabular-nums');
    expect(getComputedStyle(bodyRows(el)[0].cells[1]).textAlign).to.equal('start');
  });

  it('sorts Vietnamese names with Vietnamese collation, and English collation in English', async () => {
    const el = table('sort="name"', feedOf(SIX.map((name, i) => ({ name, completed: i }))));
    await untilState(el, 'ready');
    expect(names(el)).to.deep.equal(SIX_SORTED);
    await click(el, 'Tỉnh, thành phố');
    expect(names(el)).to.deep.equal([...SIX_SORTED].reverse());

    // Bạc Liêu comes before Bắc Giang in Vietnamese (a before ă); English folds the breve.
    const vi = table(`src="${F63}" sort="name"`);
    const en = table(`src="${F63}" sort="name"`, undefined, { lang: 'en' });
    await untilState(vi, 'ready');
    await untilState(en, 'ready');
    expect(names(vi).slice(1, 6)).to.deep.equal(['Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh']);
    expect(names(en).slice(1, 6)).to.deep.equal(['Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh']);
    expect(names(en)).to.include.members(SIX_SORTED);
    const pick = (list: string[]) => list.filter((n) => SIX_SORTED.includes(n));
    expect(pick(names(vi))).to.deep.equal(SIX_SORTED);
    expect(pick(names(en))).to.deep.equal(SIX_SORTED);
  });

  it('re-sorts names when the reader’s language changes', async () => {
    const box = mount('<div></div>', { lang: 'vi' });
    const el = document.createElement('tiendo-province-table');
    el.setAttribute('src', F63);
    el.setAttribute('sort', 'name');
    box.append(el);
    await untilState(el, 'ready');
    expect(names(el).slice(2, 4)).to.deep.equal(['Bạc Liêu', 'Bắc Giang']);
    box.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(names(el).slice(2, 4)).to.deep.equal(['Bắc Giang', 'Bắc Kạn']);
    expect(headerTexts(el)[1]).to.equal('Province');
  });

  it('sorts counts, rates, metric rates and metric values both ways, missing figures last', async () => {
    const feed = feedOf(
      [
        { name: 'Hà Nội', completed: 3, total: 4, metrics: { m: { value: 50, total: 100 }, s: { value: 70 } } },
        { name: 'Cà Mau', completed: 5, total: 20, metrics: { m: { rate: 0.9 }, s: { value: 82.5 } } },
        { name: 'Huế', metrics: { s: { value: 9 } } },
        { name: 'Đà Nẵng', completed: 4, total: 5, metrics: { m: { value: 1, total: 4 } } },
      ],
      {
        metrics: [
          { id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' },
          { id: 's', name: 'Điểm chỉ số', unit: 'điểm' },
        ],
      },
    );
    const el = table('columns="rank,name,completed,rate,m,s"', feed);
    await untilState(el, 'ready');
    expect(headerTexts(el)).to.deep.equal([
      'Hạng',
      'Tỉnh, thành phố',
      'Hoàn thành',
      'Tỷ lệ hoàn thành',
      'Hồ sơ trực tuyến (%)',
      'Điểm chỉ số (điểm)',
    ]);
    // Default: the first numeric column (completed), descending.
    expect(names(el)).to.deep.equal(['Cà Mau', 'Đà Nẵng', 'Hà Nội', 'Huế']);
    expect(column(el, 2)).to.deep.equal(['5', '4', '3', NONE]);
    await click(el, 'Hoàn thành');
    expect(names(el)).to.deep.equal(['Hà Nội', 'Đà Nẵng', 'Cà Mau', 'Huế']);

    await click(el, 'Tỷ lệ hoàn thành');
    expect(names(el)).to.deep.equal(['Đà Nẵng', 'Hà Nội', 'Cà Mau', 'Huế']);
    expect(column(el, 3).slice(0, 3)).to.deep.equal(['80,0%', '75,0%', '25,0%']);
    await click(el, 'Tỷ lệ hoàn thành');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Hà Nội', 'Đà Nẵng', 'Huế']);

    // A metric with totals shows its rate (a reported rate counts too).
    await click(el, 'Hồ sơ trực tuyến (%)');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Hà Nội', 'Đà Nẵng', 'Huế']);
    expect(column(el, 4)).to.deep.equal(['90,0%', '50,0%', '25,0%', NONE]);
    await click(el, 'Hồ sơ trực tuyến (%)');
    expect(names(el)).to.deep.equal(['Đà Nẵng', 'Hà Nội', 'Cà Mau', 'Huế']);

    // A metric without totals shows its value.
    await click(el, 'Điểm chỉ số (điểm)');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Hà Nội', 'Huế', 'Đà Nẵng']);
    expect(column(el, 5)).to.deep.equal(['82,5', '70', '9', NONE]);
    await click(el, 'Điểm chỉ số (điểm)');
    expect(names(el)).to.deep.equal(['Huế', 'Hà Nội', 'Cà Mau', 'Đà Nẵng']);
  });

  it('breaks ties by name and gives tied provinces the same rank (1, 2, 2, 4)', async () => {
    const el = table(
      'columns="rank,name,completed"',
      feedOf([
        { name: 'Hà Tĩnh', completed: 5 },
        { name: 'Điện Biên', completed: 5 },
        { name: 'Cà Mau', completed: 9 },
        { name: 'Hải Phòng', completed: 1 },
        { name: 'Đà Nẵng' },
      ]),
    );
    await untilState(el, 'ready');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Điện Biên', 'Hà Tĩnh', 'Hải Phòng', 'Đà Nẵng']);
    expect(column(el, 0)).to.deep.equal(['1', '2', '2', '4', NONE]);
    // Ascending: the same ranks read from the bottom; ties still by name; missing still last.
    await click(el, 'Hoàn thành');
    expect(names(el)).to.deep.equal(['Hải Phòng', 'Điện Biên', 'Hà Tĩnh', 'Cà Mau', 'Đà Nẵng']);
    expect(column(el, 0)).to.deep.equal(['4', '2', '2', '1', NONE]);
    // Sorted by name, the rank follows the first numeric column.
    await click(el, 'Tỉnh, thành phố');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Đà Nẵng', 'Điện Biên', 'Hà Tĩnh', 'Hải Phòng']);
    expect(column(el, 0)).to.deep.equal(['1', NONE, '2', '2', '4']);
  });

  it('ranks “not started” and lower-is-better metrics from the lowest figure', async () => {
    const feed = feedOf(
      [
        { name: 'Huế', metrics: { d: { value: 3 } } },
        { name: 'Cà Mau', metrics: { d: { value: 9 } } },
      ],
      { metrics: [{ id: 'd', name: 'Ngày xử lý', higherIsBetter: false }] },
    );
    const el = table('', feed);
    await untilState(el, 'ready');
    expect(names(el)).to.deep.equal(['Cà Mau', 'Huế']);
    expect(column(el, 0)).to.deep.equal(['2', '1']);
    expect(part(el, 'sentence')!.textContent).to.equal('Dẫn đầu về ngày xử lý: Huế (3).');
  });

  it('honours the sort attribute, and a new sort attribute replaces the reader’s choice', async () => {
    const el = table(`src="${F34}" sort="total"`);
    await untilState(el, 'ready');
    expect(headers(el)[6].getAttribute('aria-sort')).to.equal('ascending');
    const totals = column(el, 6).map(Number);
    expect(totals).to.deep.equal([...totals].sort((a, b) => a - b));
    await click(el, 'Hoàn thành');
    expect(headers(el)[3].getAttribute('aria-sort')).to.equal('descending');
    el.sort = '-not-started';
    await el.updateComplete;
    expect(headers(el)[5].getAttribute('aria-sort')).to.equal('descending');
    expect(headers(el)[3].hasAttribute('aria-sort')).to.equal(false);
  });

  it('sorts from the keyboard and announces the new order', async () => {
    const el = table(`src="${F34}"`);
    await untilState(el, 'ready');
    expect(status(el)).to.equal('');
    sortButton(el, 'Tỷ lệ hoàn thành').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headers(el)[2].getAttribute('aria-sort')).to.equal('ascending');
    expect(status(el)).to.equal('Đã sắp xếp theo Tỷ lệ hoàn thành, tăng dần');
    expect(names(el).at(-1)).to.equal('Lâm Đồng');
    await sendKeys({ press: ' ' } /* a space: the one name every engine's driver knows */);
    await el.updateComplete;
    expect(headers(el)[2].getAttribute('aria-sort')).to.equal('descending');
    expect(status(el)).to.equal('Đã sắp xếp theo Tỷ lệ hoàn thành, giảm dần');
    // Focus stays on the button, so the reader can keep sorting.
    expect(root(el).activeElement).to.equal(sortButton(el, 'Tỷ lệ hoàn thành'));
    // Tab order runs through the header buttons (WebKit's driver cannot hold Shift, so walk forward).
    sortButton(el, 'Tỉnh, thành phố').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(sortButton(el, 'Tỷ lệ hoàn thành'));
    sortButton(el, 'Tỉnh, thành phố').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headers(el)[1].getAttribute('aria-sort')).to.equal('ascending');
    expect(status(el)).to.equal('Đã sắp xếp theo Tỉnh, thành phố, tăng dần');
    expect(names(el)[0]).to.equal('An Giang');
  });

  it('announces the sort in English', async () => {
    const el = table(`src="${F34}"`, undefined, { lang: 'en' });
    await untilState(el, 'ready');
    await click(el, 'Completion rate');
    expect(status(el)).to.equal('Sorted by Completion rate, ascending');
    await click(el, 'Models total');
    expect(status(el)).to.equal('Sorted by Models total, descending');
  });

  it('makes the highlighted province stand out by more than colour, with aria-current, and states its rank', async () => {
    const el = table(`src="${F34}" highlight="nghe-an"`);
    await untilState(el, 'ready');
    const rows = bodyRows(el);
    const current = rows.filter((tr) => tr.getAttribute('aria-current') === 'true');
    expect(current).to.have.length(1);
    expect(current[0].querySelector('th')!.textContent!.trim()).to.equal('Nghệ An');
    expect(current[0].getAttribute('part')).to.equal('row row-highlight');
    const name = current[0].querySelector('th')!;
    const plain = rows[0].querySelector('th')!;
    expect(Number(getComputedStyle(name).fontWeight)).to.be.at.least(700);
    expect(Number(getComputedStyle(plain).fontWeight)).to.be.below(600);
    expect(getComputedStyle(current[0].cells[0]).boxShadow).to.match(/inset/);
    expect(getComputedStyle(rows[0].cells[0]).boxShadow).to.equal('none');
    expect(part(el, 'sentence')!.textContent).to.equal('Nghệ An xếp thứ 5/34 về tỷ lệ hoàn thành.');
    // The rank in the sentence follows the sorted column.
    await click(el, 'Tổng số mô hình');
    expect(part(el, 'sentence')!.textContent).to.match(/^Nghệ An xếp thứ \d+\/34 về tổng số mô hình\.$/);
    await expectAccessible(el);
  });

  it('states the rank in English, and who leads when nothing is highlighted', async () => {
    const en = table(`src="${F34}" highlight="nghe-an"`, undefined, { lang: 'en' });
    await untilState(en, 'ready');
    expect(part(en, 'sentence')!.textContent).to.equal('Nghệ An ranks 5 of 34 for completion rate.');
    const vi = table(`src="${F34}" show-sentence`);
    await untilState(vi, 'ready');
    expect(visibleText(vi)).to.contain('Dẫn đầu về tỷ lệ hoàn thành: Lâm Đồng (89,6%).');
  });

  it('shows the demo feed: derived counts, missing figures and a province without models', async () => {
    const el = table(`src="${FEED}"`);
    await untilState(el, 'ready');
    // Nghệ An 6/38; Hà Tĩnh 0 completed (derived); Hà Nội total only; Vĩnh Phúc no models.
    expect(names(el)).to.deep.equal(['Nghệ An', 'Hà Tĩnh', 'Hà Nội', 'Vĩnh Phúc']);
    expect(column(el, 2)).to.deep.equal(['15,8%', '0,0%', NONE, NONE]);
    expect(column(el, 0)).to.deep.equal(['1', '2', NONE, NONE]);
    expect(root(el).querySelector('tfoot th')!.textContent!.trim()).to.equal('Bộ Công an');
    await expectAccessible(el);
  });

  it('shows every metric by default when the feed has no models', async () => {
    const feed = feedOf(
      [
        { name: 'Huế', metrics: { a: { value: 201884 }, b: { value: 5862, total: 6302 } } },
        { name: 'Cà Mau', metrics: { a: { value: 50579 } } },
      ],
      {
        metrics: [
          { id: 'a', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' },
          { id: 'b', name: 'Hộ chiếu trực tuyến', unit: 'hồ sơ' },
        ],
      },
    );
    const el = table('', feed);
    await untilState(el, 'ready');
    expect(headerTexts(el)).to.deep.equal(['Hạng', 'Tỉnh, thành phố', 'Hồ sơ tiếp nhận trực tuyến (hồ sơ)', 'Hộ chiếu trực tuyến (%)']);
    expect(column(el, 2)).to.deep.equal(['201.884', '50.579']);
    expect(column(el, 3)).to.deep.equal(['93,0%', NONE]);
  });

  it('shows only `limit` rows, in the current order, with the national row still last', async () => {
    const el = table(`src="${F63}" limit="10"`);
    await untilState(el, 'ready');
    expect(bodyRows(el)).to.have.length(10);
    expect(column(el, 0)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(root(el).querySelector('tfoot th')!.textContent!.trim()).to.equal('Toàn quốc');
    expect(visibleText(el)).to.contain('Đang hiện 10/63 tỉnh, thành phố.');
    await click(el, 'Tỷ lệ hoàn thành');
    expect(bodyRows(el)).to.have.length(10);
    expect(column(el, 0)[0]).to.equal('63');
  });

  it('looks right with 63 provinces', async () => {
    const el = table(`src="${F63}" highlight="nghe-an"`, undefined, { style: 'width:900px' });
    await untilState(el, 'ready');
    expect(bodyRows(el)).to.have.length(63);
    expect(part(el, 'sentence')!.textContent).to.equal('Nghệ An xếp thứ 5/63 về tỷ lệ hoàn thành.');
    const region = root(el).querySelector('.scroll')!;
    expect(region.scrollWidth).to.be.at.most(region.clientWidth + 1);
    await expectAccessible(el);
  });

  it('keeps a 10,000-province feed from freezing the page: the first 200 rows, and says so', async () => {
    const provinces = Array.from({ length: 10000 }, (_, i) => ({
      id: `t-${i}`,
      name: `Tỉnh ${i}`,
      models: { total: 50, completed: (i * 7919) % 51 },
    }));
    const started = performance.now();
    const el = table('', { version: 1, provinces });
    await untilState(el, 'ready', 3000);
    expect(performance.now() - started).to.be.below(2000);
    expect(bodyRows(el)).to.have.length(200);
    expect(column(el, 2)[0]).to.equal('100,0%');
    expect(visibleText(el)).to.contain('Đang hiện 200/10.000 tỉnh, thành phố.');
    const t0 = performance.now();
    await click(el, 'Tỷ lệ hoàn thành');
    expect(performance.now() - t0).to.be.below(1000);
    expect(column(el, 2)[0]).to.equal('0,0%');
    // An editor who wants more asks for it with limit.
    el.limit = 500;
    await el.updateComplete;
    expect(bodyRows(el)).to.have.length(500);
    expect(visibleText(el)).to.contain('Đang hiện 500/10.000 tỉnh, thành phố.');
  });

  it('shows no sideways page overflow at 320 px: the table scrolls inside itself, names in view', async () => {
    document.documentElement.style.fontSize = '10px';
    try {
      const box = mount('', { style: 'width:320px' });
      const el = document.createElement('tiendo-province-table');
      el.setAttribute('src', F34);
      el.setAttribute('highlight', 'nghe-an');
      box.append(el);
      await untilState(el, 'ready');
      expect(box.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      const region = root(el).querySelector<HTMLElement>('.scroll')!;
      expect(region.scrollWidth).to.be.above(region.clientWidth);
      region.scrollLeft = 200;
      await new Promise((r) => requestAnimationFrame(r));
      const name = bodyRows(el)[0].querySelector('th')!;
      expect(name.getBoundingClientRect().left).to.be.closeTo(region.getBoundingClientRect().left, 1);
      for (const node of root(el).querySelectorAll<HTMLElement>('td, th, button, caption')) {
        expect(parseFloat(getComputedStyle(node).fontSize)).to.be.at.least(12);
      }
      await expectAccessible(el);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('downloads what is shown as CSV: BOM, “;” separators, headers and Vietnamese text', async () => {
    const feed = feedOf(
      [
        { name: 'Nghệ An', completed: 6, total: 38, metrics: { m: { value: 201884 } } },
        { name: '=HYPERLINK("http://x")', completed: 1, total: 4 },
        { name: 'Hà Tĩnh', metrics: { m: { value: 9 } } },
      ],
      {
        metrics: [{ id: 'm', name: 'Hồ sơ; trực tuyến', unit: 'hồ sơ' }],
        national: { models: { total: 42, completed: 7 } },
      },
    );
    const el = table('columns="rank,name,completed,rate,m" limit="2"', feed);
    await untilState(el, 'ready');
    const blobs: Blob[] = [];
    const names_: string[] = [];
    const create = URL.createObjectURL;
    const anchorClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return create.call(URL, b);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names_.push(this.download);
    };
    try {
      expect(part(el, 'csv')!.textContent!.trim()).to.equal('Tải CSV');
      part(el, 'csv')!.click();
      const start = performance.now();
      while (!blobs.length && performance.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = anchorClick;
    }
    expect(blobs).to.have.length(1);
    expect(blobs[0].type).to.equal('text/csv;charset=utf-8');
    expect(names_).to.deep.equal(['Bảng thử.csv']);
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).to.equal(
      '\uFEFF' +
        [
          'Hạng;Tỉnh, thành phố;Hoàn thành;Tỷ lệ hoàn thành;"Hồ sơ; trực tuyến (hồ sơ)"',
          '1;Nghệ An;6;15,8%;201.884',
          `2;"'=HYPERLINK(""http://x"")";1;25,0%;`,
          ';Toàn quốc;7;16,7%;',
        ].join('\r\n') +
        '\r\n',
    );
    // “Nghệ An” as UTF-8 bytes.
    const nghe = new TextEncoder().encode('Nghệ An');
    expect(bytes.join(',')).to.contain(nghe.join(','));
  });

  it('writes English CSV with “,” separators and quotes figures that hold commas', async () => {
    const el = table(`src="${FEED}" columns="name,completed" sort="name"`, undefined, { lang: 'en' });
    await untilState(el, 'ready');
    const csv = tableCsv(root(el).querySelector('table')!, ',');
    expect(csv.split('\r\n')[0]).to.equal('\uFEFFProvince,Completed');
    expect(csv).to.contain('\r\nHà Nội,\r\n');
    const big = table('columns="name,m"', feedOf([{ name: 'Huế', metrics: { m: { value: 201884 } } }]), { lang: 'en' });
    await untilState(big, 'ready');
    expect(tableCsv(root(big).querySelector('table')!, ',')).to.equal('\uFEFFProvince,m\r\nHuế,"201,884"\r\n');
    expect(part(big, 'csv')!.textContent!.trim()).to.equal('Download CSV');
  });

  it('shows names with markup as text', async () => {
    const feed = feedOf([{ name: '<img src=x onerror="window.__pwnedTable=1">', completed: 1 }], {
      title: '<b>Tiêu đề</b>',
      metrics: [],
    });
    const el = table('', feed);
    await untilState(el, 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(names(el)).to.deep.equal(['<img src=x onerror="window.__pwnedTable=1">']);
    expect(root(el).querySelector('caption')!.textContent!.trim()).to.equal('<b>Tiêu đề</b>');
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __pwnedTable?: number }).__pwnedTable).to.equal(undefined);
  });

  it('refuses a column the feed does not have, naming it under debug', async () => {
    const el = table(`src="${FEED}" columns="name,nope" debug`);
    await untilState(el, 'error');
    expect(visibleText(el)).to.contain('Không có chỉ số "nope" trong nguồn dữ liệu.');
    await expectAccessible(el);
  });

  it('is empty for a feed without provinces, and passes axe in every state', async () => {
    const empty = table('', { version: 1, national: { name: 'Toàn quốc' } });
    await untilState(empty, 'empty');
    expect(visibleText(empty)).to.contain('Chưa có số liệu để hiển thị.');
    await expectAccessible(empty);
    const loading = table(`src="/__mock/never-configured-${Date.now()}"`);
    await loading.updateComplete;
    expect(loading.getAttribute('state')).to.equal('loading');
    await expectAccessible(loading);
    const en = table(`src="${F34}" highlight="ha-noi"`, undefined, { lang: 'en' });
    await untilState(en, 'ready');
    await click(en, 'Province');
    await expectAccessible(en);
    const ready = table(`src="${F34}"`);
    await untilState(ready, 'ready');
    await expectAccessible(ready);
  });

  it('fires tiendo-load with the rows, and works inline from a JSON block', async () => {
    const feed = feedOf([{ name: 'Huế', completed: 2 }]);
    const el = table('', feed);
    const loaded = new Promise<CustomEvent>((r) => el.addEventListener('tiendo-load', (e) => r(e as CustomEvent), { once: true }));
    await untilState(el, 'ready');
    const e = await loaded;
    expect(e.detail.data.rows[0].name).to.equal('Huế');
    expect(visibleText(el)).to.contain('Huế');
  });
});
