/**
 * `<tiendo-province-table>` read on a phone, in the dark and aloud (issue 18; SPEC "What every element must
 * get right"): the header row and the names stay in view while the table scrolls inside itself, a hint and
 * a tab stop only while it does, the highlighted row a tint of the surface with its text at 4.5:1 in both
 * themes, the sort and the rank said in words, the nation in the reader's word, each figure read once per
 * row and dates for the ear.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { TiendoProvinceTable } from '../src/index.js';
import { cleanup, expectAccessible, mount, part, until, untilState, visibleText } from './helpers.js';
import { backgroundOf, contrast, parseColor, textContrasts } from './contrast.js';

const F34 = '/test/fixtures/provinces-34.json';

type Json = Record<string, unknown>;

/** A table in a box of `width` px (on `attrs`), with `feed` inside the tag or a `src`. */
async function table(attrs: string, width: number, feed?: Json, box: Record<string, string> = {}): Promise<TiendoProvinceTable> {
  const host = mount(`<tiendo-province-table ${attrs}></tiendo-province-table>`, { ...box, style: `width:${width}px` });
  const el = host.firstElementChild as TiendoProvinceTable;
  if (feed) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
  }
  await untilState(el, 'ready');
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const scroller = (el: Element) => root(el).querySelector<HTMLElement>('.scroll')!;
const frame = (el: Element) => root(el).querySelector<HTMLElement>('.frame')!;
const bodyRows = (el: Element) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const headers = (el: Element) => [...root(el).querySelectorAll<HTMLTableCellElement>('thead th')];
const status = (el: Element) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const frameDone = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** How strongly an edge is shaded (the opacity of the frame's ::after, right, or ::before, bottom). */
const shade = (el: Element, edge: '::after' | '::before') => Number(getComputedStyle(frame(el), edge).opacity);
const sortButton = (el: Element, label: string) =>
  headers(el)
    .find((th) => th.querySelector('button')?.textContent!.replace(/[▼▲↕]/g, '').trim() === label)!
    .querySelector('button')!;

/** Waits until the table's box does (or does not) scroll, as the reader sees it: the tab stop comes and goes. */
async function untilScrolls(el: TiendoProvinceTable, scrolls: boolean): Promise<void> {
  await until(() => scroller(el).hasAttribute('tabindex') === scrolls, `the table ${scrolls ? 'scrolls' : 'fits'}`);
  await el.updateComplete;
}

/** Provinces with distinct figures (no number of one row is another of its numbers). */
function feedOf(rows: { name: string; completed: number; total: number }[], extra: Json = {}): Json {
  return {
    version: 1,
    title: 'Bảng thử',
    provinces: rows.map((r, i) => ({ id: `p${i}`, name: r.name, models: { total: r.total, completed: r.completed } })),
    ...extra,
  };
}

const THREE = feedOf([
  { name: 'Nghệ An', completed: 7, total: 41 },
  { name: 'Hà Tĩnh', completed: 3, total: 29 },
  { name: 'Huế', completed: 12, total: 33 },
]);

/**
 * The text assistive technology reads inside `node` (shadow DOM and slotted content included): without what is
 * aria-hidden or not rendered; visually hidden text counts.
 */
function spoken(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) return void out.push(n.textContent ?? '');
    if (!(n instanceof Element) || n.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden' || n.localName === 'script' || n.localName === 'style') return;
    if (n instanceof HTMLSlotElement) return n.assignedNodes({ flatten: true }).forEach(walk);
    (n.shadowRoot ?? n).childNodes.forEach(walk);
    out.push(' ');
  };
  walk(node);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The figures of `text` (numbers with their decimals and %) read more than once. */
function repeated(text: string): string[] {
  const counts = new Map<string, number>();
  for (const [m] of text.matchAll(/\d+(?:[.,]\d+)*%?/g)) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([m]) => m);
}

describe('<tiendo-province-table> on a phone', () => {
  afterEach(cleanup);

  it('at 360 px keeps the header row and the names in view while it scrolls both ways, on opaque cells', async () => {
    const el = await table(`src="${F34}" highlight="nghe-an"`, 360);
    await untilScrolls(el, true);
    const box = scroller(el);
    expect(box.scrollWidth, 'wider than the phone').to.be.above(box.clientWidth);
    expect(box.scrollHeight, '34 rows are taller than the box').to.be.above(box.clientHeight);
    const head = headers(el);
    for (const th of head) expect(getComputedStyle(th).position).to.equal('sticky');
    const name = (i: number) => bodyRows(el)[i].querySelector('th')!;
    expect(getComputedStyle(name(0)).position).to.equal('sticky');

    box.scrollTop = 400;
    box.scrollLeft = 250;
    await frameDone();
    const top = box.getBoundingClientRect();
    // The header row sits at the top of the box, the names at its left (the corner cell both).
    for (const th of head) expect(th.getBoundingClientRect().top, th.textContent!).to.be.closeTo(top.top, 1);
    expect(head[1].getBoundingClientRect().left).to.be.closeTo(top.left, 1);
    const visibleRow = bodyRows(el).find((tr) => tr.getBoundingClientRect().top > head[1].getBoundingClientRect().bottom)!;
    expect(visibleRow.querySelector('th')!.getBoundingClientRect().left).to.be.closeTo(top.left, 1);
    // What scrolls under them does not show through: every sticky cell is opaque, the highlighted one too.
    const hl = root(el).querySelector('[part~="row-highlight"] th')!;
    for (const cell of [...head, name(0), hl, root(el).querySelector('tfoot th')!]) {
      expect(parseColor(getComputedStyle(cell).backgroundColor)[3], cell.textContent!.trim()).to.equal(1);
    }
    // Back at the start: the rows are where they were.
    box.scrollTop = 0;
    box.scrollLeft = 0;
    await frameDone();
    expect(head[0].getBoundingClientRect().bottom).to.be.at.most(name(0).getBoundingClientRect().top + 1);
    await expectAccessible(el);
  });

  it('derives the sticky cells from the surface colour the page sets', async () => {
    const el = await table(`src="${F34}" highlight="nghe-an"`, 360, undefined, {});
    el.style.setProperty('--tiendo-color-surface', 'rgb(255, 247, 230)');
    await frameDone();
    const surface = parseColor('rgb(255, 247, 230)');
    const near = (cell: Element) => contrast(parseColor(getComputedStyle(cell).backgroundColor), surface);
    expect(near(headers(el)[1]), 'header: a shade of the surface').to.be.below(1.3);
    expect(near(bodyRows(el)[0].querySelector('th')!), 'a name: the surface').to.be.below(1.01);
    const hl = root(el).querySelector('[part~="row-highlight"] th')!;
    expect(near(hl), 'the highlighted row: a tint of the surface').to.be.below(2);
    for (const t of textContrasts(el)) expect(t.ratio, t.text).to.be.at.least(4.5);
  });

  it('offers a hint and a tab stop only while the table scrolls, and shades the edge with more beyond it', async () => {
    const el = await table('', 900, THREE);
    await frameDone();
    const box = scroller(el);
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
    expect(box.hasAttribute('tabindex'), 'a table that fits is no tab stop').to.equal(false);
    expect(box.hasAttribute('role')).to.equal(false);
    expect(part(el, 'scroll-hint')).to.equal(null);
    expect(visibleText(el)).not.to.contain('Cuộn');
    expect([shade(el, '::after'), shade(el, '::before')]).to.deep.equal([0, 0]);

    // The reader's phone: narrower than the table.
    el.parentElement!.style.width = '250px';
    await untilScrolls(el, true);
    expect(box.getAttribute('tabindex')).to.equal('0');
    expect(box.getAttribute('role')).to.equal('region');
    // The tab stop is named by the caption and described by the hint.
    const names = box.getAttribute('aria-labelledby')!.split(' ').map((id) => root(el).getElementById(id)!.textContent!.trim());
    expect(names).to.deep.equal(['Bảng thử']);
    expect(root(el).getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.equal('Cuộn ngang để xem thêm cột');
    expect(visibleText(el)).to.contain('Cuộn ngang để xem thêm cột');
    expect(shade(el, '::after'), 'more to the right').to.equal(1);
    expect(shade(el, '::before'), 'nothing below').to.equal(0);
    // From the keyboard: the box scrolls with the arrow keys.
    box.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => box.scrollLeft > 0, 'the box scrolls to the right');
    box.scrollLeft = box.scrollWidth;
    await until(() => shade(el, '::after') === 0, 'no shade at the end');
    await expectAccessible(el);

    // Wide again: no hint, no tab stop.
    el.parentElement!.style.width = '900px';
    await untilScrolls(el, false);
    expect(part(el, 'scroll-hint')).to.equal(null);
    expect(box.hasAttribute('role')).to.equal(false);
  });

  it('says which way it scrolls: rows of a long table, in Vietnamese and English', async () => {
    const el = await table(`src="${F34}" columns="rank,name,rate"`, 900);
    await untilScrolls(el, true);
    expect(part(el, 'scroll-hint')!.textContent).to.contain('Cuộn để xem thêm hàng');
    expect(shade(el, '::before'), 'more below').to.equal(1);
    expect(shade(el, '::after')).to.equal(0);
    scroller(el).scrollTop = scroller(el).scrollHeight;
    await until(() => shade(el, '::before') === 0, 'no shade at the bottom');

    const en = await table(`src="${F34}"`, 300, undefined, { lang: 'en' });
    await untilScrolls(en, true);
    expect(part(en, 'scroll-hint')!.textContent).to.contain('Scroll for more columns and rows');
    expect(root(en).getElementById('scroll-hint')!.textContent).to.equal('Scroll for more columns and rows');
  });

  it('tints the highlighted row from the surface, not a fixed pale yellow; its text 4.5:1 in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await table(`src="${F34}" highlight="nghe-an" theme="${theme}" show-sentence`, 360);
      const row = root(el).querySelector('[part~="row-highlight"]')!;
      const surface = backgroundOf(part(el, 'base'));
      for (const cell of row.children) {
        const bg = parseColor(getComputedStyle(cell).backgroundColor);
        expect(bg, `${theme}: not #fff8c5`).not.to.deep.equal([255, 248, 197, 1]);
        // Set apart from the surface, but a tint of it (a dark surface gets a dark tint).
        const apart = contrast(bg, surface);
        expect(apart, `${theme}: tinted`).to.be.above(1.03);
        expect(apart, `${theme}: a tint`).to.be.below(1.6);
        expect(contrast(parseColor(getComputedStyle(cell).color), bg), `${theme} ${cell.textContent}`).to.be.at.least(4.5);
      }
      if (theme === 'dark') expect(contrast(surface, [255, 255, 255, 1]), 'the theme is on').to.be.above(10);
      const low = textContrasts(el).filter((t) => t.ratio < 4.5);
      expect(low.map((t) => `${t.text} ${t.ratio.toFixed(2)}`), theme).to.deep.equal([]);
    }
  });

  for (const theme of ['dark', 'light']) {
    it(`${theme}: every text of a long table (filter box, pages, changes, sources, notes) at 4.5:1`, async () => {
      const provinces = Array.from({ length: 120 }, (_, i) => ({
        id: `t-${i}`,
        name: `Tỉnh ${i}`,
        asOf: i % 2 ? '2024-06-20' : '2024-05-15',
        models: { total: 50, completed: i % 51, history: [{ asOf: i % 3 ? '2024-01-31' : '2023-12-31', total: 50, completed: (i * 7) % 51 }] },
      }));
      const el = await table(`theme="${theme}" highlight="t-7" columns="rank,name,rate,change" show-sentence debug sort="nope"`, 360, {
        version: 1,
        asOf: '2024-10-04',
        source: { name: 'Bộ Công an' },
        provinces,
      });
      await untilScrolls(el, true);
      expect(part(el, 'find'), 'a filter box').not.to.equal(null);
      const low = textContrasts(el).filter((t) => t.ratio < 4.5);
      expect(low.map((t) => `${t.text} ${t.ratio.toFixed(2)}`)).to.deep.equal([]);
      expect(textContrasts(el).map((t) => t.text)).to.include.members(['Cuộn để xem thêm cột và hàng', 'Tìm tỉnh, thành phố', 'Tỉnh 7', 'so với 31/01/2024']);
    });
  }
});

describe('<tiendo-province-table> read aloud', () => {
  afterEach(cleanup);

  it('says the sorted column in quotes, “từ A đến Z” for names and “tăng dần” for figures', async () => {
    const el = await table(`src="${F34}"`, 900);
    sortButton(el, 'Tỉnh, thành phố').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Đã sắp xếp theo “Tỉnh, thành phố”, từ A đến Z');
    sortButton(el, 'Tỉnh, thành phố').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Đã sắp xếp theo “Tỉnh, thành phố”, từ Z đến A');
    sortButton(el, 'Tỷ lệ hoàn thành').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Đã sắp xếp theo “Tỷ lệ hoàn thành”, giảm dần');
    sortButton(el, 'Tỷ lệ hoàn thành').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Đã sắp xếp theo “Tỷ lệ hoàn thành”, tăng dần');

    const en = await table(`src="${F34}"`, 900, undefined, { lang: 'en' });
    sortButton(en, 'Province').click();
    await en.updateComplete;
    expect(status(en)).to.equal('Sorted by “Province”, A to Z');
    sortButton(en, 'Province').click();
    await en.updateComplete;
    expect(status(en)).to.equal('Sorted by “Province”, Z to A');
    sortButton(en, 'Models total').click();
    await en.updateComplete;
    expect(status(en)).to.equal('Sorted by “Models total”, descending');
  });

  it('says by what “Hạng” ranks, and follows the sort; the screen keeps “Hạng”', async () => {
    const el = await table(`src="${F34}" highlight="nghe-an"`, 900);
    const rank = () => headers(el)[0];
    expect(spoken(rank())).to.equal('Hạng theo tỷ lệ hoàn thành');
    expect(visibleText(el)).to.contain('Số liệu minh hoạ: 34 tỉnh, thành phố Hạng Tỉnh, thành phố');
    sortButton(el, 'Tổng số mô hình').click();
    await el.updateComplete;
    expect(spoken(rank())).to.equal('Hạng theo tổng số mô hình');
    // Sorted by name, the rank stays with the first figure column.
    sortButton(el, 'Tỉnh, thành phố').click();
    await el.updateComplete;
    expect(spoken(rank())).to.equal('Hạng theo tỷ lệ hoàn thành');
    // The sentence is written for the ear: "5 trên 34", not "5/34".
    expect(part(el, 'sentence')!.textContent).to.equal('Nghệ An xếp thứ 5 trên 34 về tỷ lệ hoàn thành.');

    const en = await table(`src="${F34}" highlight="nghe-an"`, 900, undefined, { lang: 'en' });
    expect(spoken(headers(en)[0])).to.equal('Rank by completion rate');
    expect(part(en, 'sentence')!.textContent).to.equal('Nghệ An ranks 5 of 34 for completion rate.');
  });

  it('an English table never says “Toàn quốc”; the feed’s Vietnamese names are marked lang="vi"', async () => {
    // The fixture names its national block "Toàn quốc"; another feed leaves it unnamed.
    const named = await table(`src="${F34}"`, 900, undefined, { lang: 'en' });
    const unnamed = await table('', 900, { ...THREE, national: { models: { total: 103, completed: 22 } } }, { lang: 'en' });
    for (const el of [named, unnamed]) {
      expect(root(el).querySelector('tfoot th')!.textContent!.trim()).to.equal('Nationwide');
      expect(root(el).textContent).not.to.contain('Toàn quốc');
      expect(spoken(part(el, 'base')!)).not.to.contain('Toàn quốc');
      expect(root(el).querySelector('tfoot th [lang]'), 'the reader’s own word is not marked').to.equal(null);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    }
    const marked = [...root(named).querySelectorAll('tbody th [lang="vi"]')].map((n) => n.textContent!.trim());
    expect(marked).to.have.length(34);
    expect(marked).to.include('Nghệ An');
    // The caption (the feed's title) is the widget's title, marked too, and names the group.
    const title = root(named).getElementById('title')!;
    expect(title.querySelector('[lang="vi"]')!.textContent).to.equal('Số liệu minh hoạ: 34 tỉnh, thành phố');
    expect(part(named, 'base')!.getAttribute('aria-labelledby')).to.contain('title');
    // In Vietnamese the table says its own word.
    const vi = await table(`src="${F34}"`, 900);
    expect(root(vi).querySelector('tfoot th')!.textContent!.trim()).to.equal('Toàn quốc');
    expect(root(vi).querySelector('tbody th [lang]')).to.equal(null);
  });

  it('reads each figure once per row, and dates as words', async () => {
    // No number of a row stands for two things (rank, counts, change, dates), so a repeat is a figure read twice.
    const feed = feedOf(
      [
        { name: 'Nghệ An', completed: 7, total: 41 },
        { name: 'Hà Tĩnh', completed: 5, total: 29 },
        { name: 'Huế', completed: 12, total: 33 },
      ],
      { asOf: '2024-10-08', source: { name: 'Bộ Công an' } },
    );
    const provinces = feed.provinces as Json[];
    provinces[0].asOf = '2024-06-20';
    provinces[1].models = { total: 29, completed: 5, history: [{ asOf: '2023-11-17', total: 28, completed: 1 }] };
    provinces[2].models = { total: 33, completed: 12, history: [{ asOf: '2022-02-25', total: 30, completed: 9 }] };
    const el = await table('columns="rank,name,completed,total,change" heading-level="3"', 900, feed);
    const rows = bodyRows(el);
    expect(rows.length).to.equal(3);
    for (const tr of rows) {
      const said = spoken(tr);
      expect(repeated(said), said).to.deep.equal([]);
      // Dates for the ear: no compact date is read.
      expect(said, said).not.to.match(/\d\/\d/);
    }
    const text = spoken(part(el, 'base')!);
    expect(spoken(rows.find((tr) => tr.textContent!.includes('Hà Tĩnh'))!)).to.contain('tăng 4 so với ngày 17 tháng 11 năm 2023');
    expect(text).to.contain('ngày 20 tháng 6 năm 2024');
    expect(text).not.to.contain('20/06/2024');
    // On screen the compact forms stay.
    expect(visibleText(el)).to.contain('20/06/2024');
    expect(visibleText(el)).to.contain('▲ 4 so với 17/11/2023');
    // The caption is a heading of the requested level, and the group's name.
    const title = root(el).getElementById('title')!;
    expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
    expect(title.closest('caption')).not.to.equal(null);
    await expectAccessible(el);
  });

  it('says no “/” anywhere in a long table: pages, rows shown, changes, dates', async () => {
    const provinces = Array.from({ length: 120 }, (_, i) => ({
      id: `t-${i}`,
      name: `Tỉnh ${i}`,
      asOf: i % 2 ? '2024-06-20' : '2024-05-15',
      models: { total: 50, completed: i % 51, history: [{ asOf: i % 3 ? '2024-01-31' : '2023-12-31', total: 50, completed: (i * 7) % 51 }] },
    }));
    const el = await table('highlight="t-7" columns="rank,name,rate,change" show-sentence', 900, { version: 1, source: { name: 'Bộ Công an' }, provinces });
    const said = spoken(part(el, 'base')!);
    expect(said).not.to.match(/\d\s*\/\s*\d/);
    expect(spoken(part(el, 'pages')!)).to.contain('trên 2 (hàng 1 đến 100 trên 120)');
    expect(visibleText(el)).to.contain('/ 2 (hàng 1–100/120)');
    root(el).querySelectorAll<HTMLButtonElement>('nav.pages button')[1].click();
    await el.updateComplete;
    expect(status(el)).to.equal('Trang 2 trên 2, hàng 101 đến 120 trên 120');
    const en = await table('limit="10"', 900, { version: 1, provinces }, { lang: 'en' });
    expect(spoken(part(en, 'base')!)).to.contain('Showing 10 of 120 provinces.');
  });

  it('reads the footer’s date as words: the base’s spoken footer', async () => {
    const el = await table('', 900, { ...THREE, asOf: '2024-10-04', source: { name: 'Bộ Công an' } });
    const footer = part(el, 'footer')!;
    expect(spoken(footer)).to.match(/^Nguồn: Bộ Công an · Số liệu (tính )?đến ngày 4 tháng 10 năm 2024$/);
    expect(visibleText(el)).to.contain('04/10/2024');
  });
});
