import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import type { TiendoSelectDetail } from '../src/base/group-controller.js';
import { UNITS_2025, UNITS_BEFORE_2025 } from '../src/places/provinces.js';
import { GRID_34, GRID_63 } from '../src/map/grids.js';
import { classBreaks, classOf, step } from '../src/map/map-view.js';
import { cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

const F34 = '/test/fixtures/provinces-34.json';
const F63 = '/test/fixtures/provinces-63.json';

const root = (el: Element) => el.shadowRoot!;
const tiles = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="tile"]')];
/** A tile's accessible name (from its content: the visible parts are hidden from screen readers, a label says it all). */
const labelOf = (tile: Element) => tile.querySelector('.label')!.textContent!.replace(/\s+/g, ' ').trim();
const tileOf = (el: Element, name: string) => tiles(el).find((t) => labelOf(t).startsWith(`${name}: `))!;
const figureOf = (tile: Element) => tile.querySelector('[part~="figure"]')!.textContent!.trim();
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;

async function map(attrs: string, box: Record<string, string> = {}, inner = ''): Promise<TiendoMap> {
  const el = mount(`<tiendo-map ${attrs}>${inner}</tiendo-map>`, box).querySelector<TiendoMap>('tiendo-map')!;
  await untilState(el, 'ready');
  return el;
}

/** A feed written inside the tag. */
function inline(feed: object): string {
  return `<script type="application/json">${JSON.stringify({ version: 1, ...feed })}</script>`;
}

/** The table twin: each row's name (without the ▶ mark) and its cells. */
function table(el: Element) {
  const t = part(el, 'table') as HTMLTableElement;
  return {
    head: [...t.tHead!.rows[0].cells].map((c) => c.textContent!.trim()),
    // As the eye reads them ("5/10"; a screen reader hears "5 trên 10").
    rows: [...t.tBodies[0].rows].map((r) =>
      [...r.cells].map((c) => [...c.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && !n.matches('.visually-hidden'))).map((n) => n.textContent).join('').replace('▶', '').trim()),
    ),
  };
}

describe('grids (data)', () => {
  it('give every unit of each list exactly one cell, and no two tiles one cell', () => {
    for (const [grid, units] of [
      [GRID_34, UNITS_2025],
      [GRID_63, UNITS_BEFORE_2025],
    ] as const) {
      expect(grid.tiles.map((t) => t.code).sort()).to.deep.equal(units.map((u) => u.code).sort());
      const cells = [...grid.tiles, ...grid.islands].flatMap((t) =>
        Array.from({ length: 'span' in t ? t.span : 1 }, (_, i) => `${t.col + i},${t.row}`),
      );
      expect(new Set(cells).size).to.equal(cells.length);
      for (const t of grid.tiles) {
        expect(t.col).to.be.within(0, grid.cols - 1);
        expect(t.row).to.be.within(0, grid.rows - 1);
      }
    }
  });

  it('keep the S: every tile touches another (sides or corners)', () => {
    for (const grid of [GRID_34, GRID_63]) {
      for (const t of grid.tiles) {
        const touching = grid.tiles.some((o) => o !== t && Math.abs(o.col - t.col) <= 1 && Math.abs(o.row - t.row) <= 1);
        expect(touching, t.abbr).to.equal(true);
      }
    }
  });

  it('moves geographically: the nearest tile in the arrow’s direction', () => {
    const at = (code: string) => GRID_34.tiles.findIndex((t) => t.code === code);
    const tilesOf = GRID_34.tiles;
    expect(tilesOf[step(tilesOf, at('01'), 'ArrowRight')].code).to.equal('24'); // Hà Nội → Bắc Ninh
    expect(tilesOf[step(tilesOf, at('01'), 'ArrowUp')].code).to.equal('25'); // Hà Nội → Phú Thọ
    expect(tilesOf[step(tilesOf, at('40'), 'ArrowDown')].code).to.equal('42'); // Nghệ An → Hà Tĩnh
    expect(tilesOf[step(tilesOf, at('42'), 'ArrowUp')].code).to.equal('40'); // Hà Tĩnh → Nghệ An, its diagonal neighbour
    expect(tilesOf[step(tilesOf, at('44'), 'ArrowLeft')].code).to.equal('44'); // nothing west of Quảng Trị
    expect(tilesOf[step(tilesOf, at('96'), 'ArrowDown')].code).to.equal('96'); // Cà Mau is the end
  });

  it('makes five round classes that cover every figure', () => {
    expect(classBreaks([0.158, 0.4])).to.deep.equal([0.15, 0.2, 0.25, 0.3, 0.35, 0.4]);
    expect(classBreaks([0.079, 0.5, 0.896])).to.deep.equal([0.05, 0.22, 0.39, 0.56, 0.73, 0.9]);
    expect(classBreaks([3, 3])).to.deep.equal([3, 3]);
    const b = classBreaks([31377, 95000, 50000]);
    expect(b[0]).to.be.at.most(31377);
    expect(b[5]).to.be.at.least(95000);
    expect(classOf(0.158, [0.15, 0.2, 0.25, 0.3, 0.35, 0.4])).to.equal(0);
    expect(classOf(0.4, [0.15, 0.2, 0.25, 0.3, 0.35, 0.4])).to.equal(4);
    expect(classOf(0.2, [0.15, 0.2, 0.25, 0.3, 0.35, 0.4])).to.equal(1);
  });

  it('never makes NaN classes, even for figures closer together than any round number (found by the fuzzer)', () => {
    for (const values of [[0, 3e-323], [5e-324, 3e-323], [0, 1e-300], [3e-323, 1e15]]) {
      const b = classBreaks(values);
      expect(b.every(Number.isFinite), String(values)).to.equal(true);
      expect(b[0]).to.be.at.most(Math.min(...values));
      expect(b[b.length - 1]).to.be.at.least(Math.max(...values));
    }
  });
});

describe('<tiendo-map>', () => {
  afterEach(cleanup);

  it('draws the 34 units of a 34-unit feed, each tile named with its figure', async () => {
    const el = await map(`src="${F34}"`);
    const all = tiles(el);
    expect(all).to.have.length(34);
    expect(part(el, 'map')!.classList.contains('g34')).to.equal(true);
    const labels = all.map(labelOf);
    expect(new Set(labels).size).to.equal(34);
    for (const label of labels) expect(label).to.match(/^[^:]+: \d+,\d%$/);
    expect(labelOf(tileOf(el, 'Nghệ An'))).to.equal('Nghệ An: 80,6%');
    expect(tileOf(el, 'Thành phố Hồ Chí Minh')).to.not.equal(undefined);
    expect(part(el, 'outside')).to.equal(null);
  });

  it('draws the 63 units of a 63-unit feed', async () => {
    const el = await map(`src="${F63}"`);
    expect(tiles(el)).to.have.length(63);
    expect(part(el, 'map')!.classList.contains('g63')).to.equal(true);
    expect(new Set(tiles(el).map(labelOf)).size).to.equal(63);
    expect(tileOf(el, 'Vĩnh Phúc')).to.not.equal(undefined);
    expect(tileOf(el, 'Thừa Thiên Huế')).to.not.equal(undefined);
  });

  it('marks Quần đảo Hoàng Sa beside Đà Nẵng and Quần đảo Trường Sa south-east of Khánh Hòa', async () => {
    for (const feed of [F34, F63]) {
      const el = await map(`src="${feed}"`);
      const islands = [...root(el).querySelectorAll('[part~="island"]')];
      expect(islands.map((i) => i.textContent!.trim())).to.deep.equal([
        'Quần đảo Hoàng Sa (Đà Nẵng)',
        'Quần đảo Trường Sa (Khánh Hòa)',
      ]);
      const [hoangSa, truongSa] = islands.map((i) => i.getBoundingClientRect());
      const daNang = tileOf(el, 'Đà Nẵng').getBoundingClientRect();
      const khanhHoa = tileOf(el, 'Khánh Hòa').getBoundingClientRect();
      // East of Đà Nẵng, at its latitude or the one above (Huế's).
      expect(hoangSa.right, feed).to.be.greaterThan(daNang.right);
      expect(daNang.top - hoangSa.top, feed).to.be.within(0, daNang.height + 2);
      // South of Khánh Hòa, reaching east beyond it.
      expect(truongSa.top, feed).to.be.greaterThan(khanhHoa.bottom);
      expect(truongSa.right, feed).to.be.at.least(khanhHoa.right);
    }
  });

  it('lists the provinces it cannot place under the map, with their figures, and in the table', async () => {
    const feed = {
      provinces: [
        { id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6 } },
        { id: 'atlantis', name: 'Atlantis', models: { total: 10, completed: 5 } },
      ],
    };
    const el = await map('', {}, inline(feed));
    expect(tiles(el)).to.have.length(34);
    const outside = part(el, 'outside')!;
    expect(outside.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Atlantis: 50,0%');
    expect(visibleText(el)).to.include('Không đặt được trên bản đồ: Atlantis: 50,0%');
    expect(table(el).rows.at(-1)).to.deep.equal(['Atlantis', '50,0%', '5/10']);
    // The units the feed does not list are hatched, labelled and not choosable.
    const laoCai = tileOf(el, 'Lào Cai');
    expect(labelOf(laoCai)).to.equal('Lào Cai: không có số liệu');
    expect(laoCai.classList.contains('none')).to.equal(true);
    expect(laoCai.getAttribute('aria-disabled')).to.equal('true');
    expect(figureOf(laoCai)).to.equal('—');
  });

  it('places an old province on the 34 only where it did not merge, and says what it is now part of', async () => {
    const el = await map(`src="${F63}" grid="34"`);
    expect(tiles(el)).to.have.length(34);
    expect(labelOf(tileOf(el, 'Nghệ An'))).to.match(/^Nghệ An: \d/);
    expect(labelOf(tileOf(el, 'Phú Thọ'))).to.equal('Phú Thọ: không có số liệu');
    const outside = part(el, 'outside')!.textContent!;
    expect(outside).to.include('Vĩnh Phúc (nay thuộc Phú Thọ)');
    expect(outside).to.include('Hà Giang (nay thuộc Tuyên Quang)');
    // 11 units did not change; the other 52 old provinces are listed, none dropped.
    expect(part(el, 'outside')!.querySelectorAll('li')).to.have.length(52);
  });

  it('follows codes before names', async () => {
    const feed = {
      asOf: '2025-09-30',
      provinces: [
        { id: 'a', code: '15', name: 'Tỉnh Lào Cai', models: { total: 10, completed: 1 } },
        { id: 'b', code: '52', name: 'Gia Lai', models: { total: 10, completed: 2 } },
      ],
    };
    const el = await map('', {}, inline(feed));
    expect(tiles(el)).to.have.length(34);
    expect(tileOf(el, 'Tỉnh Lào Cai').dataset.code).to.equal('15');
    expect(tileOf(el, 'Gia Lai').dataset.code).to.equal('52');
  });

  it('colours by a metric’s rate, with a legend of five ranges and no data hatched', async () => {
    const el = await map(`src="${F34}" metric="online-dossiers"`);
    const legend = [...part(el, 'legend')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(legend).to.have.length(6);
    for (const range of legend.slice(0, 5)) expect(range).to.match(/^\d+(,\d+)?% – \d+(,\d+)?%$/);
    expect(legend[5]).to.equal('Không có số liệu');
    expect(part(el, 'title')!.textContent).to.equal('Hồ sơ tiếp nhận trực tuyến theo tỉnh');
    // The palette grows with the figure: the lowest tile is in the first class, and no tile is lighter than a smaller one.
    const shade = (t: Element) => +([...t.classList].find((c) => /^k\d$/.test(c)) ?? 'k-1').slice(1);
    const ranked = tiles(el)
      .map((t) => ({ k: shade(t), x: parseFloat(figureOf(t).replace(',', '.')) }))
      .sort((a, b) => a.x - b.x);
    expect(ranked[0].k).to.equal(0);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].k).to.be.at.least(ranked[i - 1].k);
    expect(ranked.at(-1)!.k).to.be.at.least(3);
  });

  it('gives its figures as a table whose cells equal the tiles', async () => {
    const el = await map(`src="${F34}" metric="online-dossiers"`);
    const t = table(el);
    expect(t.head).to.deep.equal(['Tỉnh, thành phố', 'Hồ sơ tiếp nhận trực tuyến', 'Số liệu (hồ sơ)']);
    expect(t.rows).to.have.length(34);
    for (const tile of tiles(el)) {
      const name = labelOf(tile).split(': ')[0];
      const row = t.rows.find((r) => r[0] === name)!;
      expect(row, name).to.not.equal(undefined);
      expect(row[1], name).to.equal(figureOf(tile));
      expect(labelOf(tile)).to.equal(`${name}: ${row[1]}`);
    }
  });

  it('states the highest, the lowest and the highlighted province’s rank', async () => {
    const el = await map(`src="${F34}" highlight="nghe-an"`);
    const sentence = part(el, 'sentence')!.textContent!;
    // Places and the rank: the caption is the title, and each tile says its own figure (each figure read once).
    expect(sentence).to.match(/^Cao nhất: Lâm Đồng; thấp nhất: Phú Thọ; Nghệ An xếp thứ \d+ trên 34\.$/);
    const nghean = tileOf(el, 'Nghệ An');
    expect(nghean.getAttribute('aria-current')).to.equal('true');
    expect(nghean.getAttribute('part')).to.equal('tile tile-highlight');
    // More than colour: rings around it that no other tile has.
    expect(getComputedStyle(nghean).boxShadow).to.not.equal('none');
    expect(getComputedStyle(tileOf(el, 'Hà Tĩnh')).boxShadow).to.equal('none');
  });

  it('is one tab stop; arrows move as the land lies; Enter chooses and tells the page', async () => {
    const box = mount(`<button>before</button><tiendo-map src="${F34}" group="g" highlight="nghe-an"></tiendo-map>`);
    const el = box.querySelector<TiendoMap>('tiendo-map')!;
    await untilState(el, 'ready');
    expect(tiles(el).filter((t) => t.tabIndex === 0)).to.have.length(1);
    box.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(labelOf(focused(el)!)).to.match(/^Nghệ An: /);
    await sendKeys({ press: 'ArrowDown' });
    expect(labelOf(focused(el)!)).to.match(/^Hà Tĩnh: /);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(labelOf(focused(el)!)).to.match(/^Thanh Hóa: /);
    await sendKeys({ press: 'ArrowRight' });
    expect(labelOf(focused(el)!)).to.match(/^Ninh Bình: /);
    await sendKeys({ press: 'ArrowUp' });
    expect(labelOf(focused(el)!)).to.match(/^Hà Nội: /);
    expect(labelOf(tiles(el).filter((t) => t.tabIndex === 0)[0])).to.match(/^Hà Nội: /);
    const chosen = new Promise<TiendoSelectDetail>((resolve) =>
      document.addEventListener('tiendo-select', (e) => resolve((e as CustomEvent<TiendoSelectDetail>).detail), { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    expect(await chosen).to.deep.equal({ province: 'ha-noi', commune: undefined, group: 'g' });
    await el.updateComplete;
    expect(el.getAttribute('highlight')).to.equal('ha-noi');
    expect(tileOf(el, 'Hà Nội').getAttribute('aria-current')).to.equal('true');
    // Tab leaves the tiles at once (one tab stop), for the table's toggle.
    await sendKeys({ press: 'Tab' });
    expect(focused(el) === part(el, 'toggle'), 'the toggle has focus').to.equal(true);
  });

  it('passes axe with the table closed and open, in Vietnamese and English', async () => {
    const el = await map(`src="${F34}" highlight="nghe-an"`);
    await expectAccessible(el);
    (part(el, 'toggle') as HTMLButtonElement).click();
    await el.updateComplete;
    await expectAccessible(el);
    const en = await map(`src="${F63}" metric="online-dossiers"`, { lang: 'en' });
    await expectAccessible(en);
  });

  it('speaks English, keeping Vietnamese names marked as Vietnamese', async () => {
    const el = await map(`src="${F34}"`, { lang: 'en' });
    expect(part(el, 'title')!.textContent).to.equal('Pilot models completed, by province');
    expect(labelOf(tileOf(el, 'Nghệ An'))).to.equal('Nghệ An: 80.6%');
    expect(tileOf(el, 'Nghệ An').querySelector('.short')!.getAttribute('lang')).to.equal('vi');
    expect(root(el).querySelector('[part~="island"]')!.textContent!.trim()).to.equal('Hoàng Sa archipelago (Đà Nẵng)');
  });

  it('fits 320 px without sideways scrolling, tiles at least 24 px and named', async () => {
    for (const feed of [F34, F63]) {
      const box = mount(`<tiendo-map src="${feed}"></tiendo-map>`, { style: 'width:320px' });
      const el = box.querySelector<TiendoMap>('tiendo-map')!;
      await untilState(el, 'ready');
      expect(box.scrollWidth, feed).to.be.at.most(320);
      const base = part(el, 'base')!;
      expect(base.scrollWidth, feed).to.be.at.most(base.clientWidth + 1);
      for (const tile of tiles(el)) {
        const r = tile.getBoundingClientRect();
        expect(r.width, labelOf(tile)).to.be.at.least(24);
        expect(r.height).to.be.at.least(24);
        expect(parseFloat(getComputedStyle(tile).fontSize)).to.be.at.least(12);
      }
      // The short name shows at this width.
      expect(getComputedStyle(tileOf(el, 'Nghệ An').querySelector('.short')!).display).to.equal('block');
    }
  });

  it('adds a feed of the 63 up into the 34 with regroup="2025": Phú Thọ = Phú Thọ + Vĩnh Phúc + Hòa Bình', async () => {
    const feed = (await (await fetch(F63)).json()) as { provinces: { id: string; models: { total: number; completed: number } }[] };
    const models = (id: string) => feed.provinces.find((p) => p.id === id)!.models;
    const parts = ['phu-tho', 'vinh-phuc', 'hoa-binh'].map(models);
    const completed = parts.reduce((a, m) => a + m.completed, 0);
    const total = parts.reduce((a, m) => a + m.total, 0);
    const el = await map(`src="${F63}" regroup="2025"`);
    expect(tiles(el)).to.have.length(34);
    const rate = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(completed / total);
    expect(labelOf(tileOf(el, 'Phú Thọ'))).to.equal(`Phú Thọ: ${rate}`);
    const row = table(el).rows.find((r) => r[0] === 'Phú Thọ')!;
    expect(row.slice(1, 3)).to.deep.equal([rate, `${completed}/${total}`]);
    // The province that hosts the unit first, then by code.
    expect(row[3]).to.equal('Phú Thọ, Hòa Bình, Vĩnh Phúc');
    expect(part(el, 'outside')).to.equal(null);
    expect(visibleText(el)).to.include('Số liệu của các tỉnh, thành phố cũ được cộng gộp vào 34 đơn vị từ ngày 01/07/2025.');
  });

  it('leaves a reported rate blank ("—") when it cannot be added up, and says why', async () => {
    const feed = {
      asOf: '2024-12-31',
      metrics: [{ id: 'r', name: 'Tỷ lệ hồ sơ trực tuyến' }],
      provinces: [
        { id: 'phu-tho', name: 'Phú Thọ', metrics: { r: { rate: 0.5 } } },
        { id: 'vinh-phuc', name: 'Vĩnh Phúc', metrics: { r: { rate: 0.7 } } },
        { id: 'nghe-an', name: 'Nghệ An', metrics: { r: { value: 3, total: 4 } } },
      ],
    };
    const el = await map('regroup="2025" metric="r"', {}, inline(feed));
    const phuTho = tileOf(el, 'Phú Thọ');
    expect(labelOf(phuTho)).to.equal('Phú Thọ: không cộng gộp được');
    expect(figureOf(phuTho)).to.equal('—');
    expect(visibleText(el)).to.include('Tỷ lệ hồ sơ trực tuyến: nguồn chỉ báo cáo tỷ lệ, không có số đếm để cộng gộp (—).');
    expect(labelOf(tileOf(el, 'Nghệ An'))).to.equal('Nghệ An: 75,0%');
  });

  it('names a former province with its present unit under show-present', async () => {
    const el = await map(`src="${F63}" show-present`);
    expect(labelOf(tileOf(el, 'Vĩnh Phúc (nay thuộc Phú Thọ)'))).to.match(/^Vĩnh Phúc \(nay thuộc Phú Thọ\): \d/);
    expect(labelOf(tileOf(el, 'Nghệ An'))).to.match(/^Nghệ An: \d/);
    expect(table(el).rows.map((r) => r[0])).to.include('Bình Định (nay thuộc Gia Lai)');
  });

  it('reads on a dark page: tiles keep their contrast, hatching uses the theme', async () => {
    const feed = { provinces: [{ id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6 } }] };
    const el = await map('theme="dark"', {}, inline(feed));
    await expectAccessible(el);
    const none = tileOf(el, 'Hà Tĩnh');
    expect(getComputedStyle(none).color).to.equal('rgb(230, 237, 243)');
  });

  it('shows the empty state when no province has the figure', async () => {
    const feed = { provinces: [{ id: 'nghe-an', name: 'Nghệ An', metrics: {} }] };
    const el = mount(`<tiendo-map>${inline(feed)}</tiendo-map>`).querySelector('tiendo-map')!;
    await untilState(el, 'empty');
  });
});
