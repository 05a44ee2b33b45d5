/**
 * `<tiendo-map>`'s colours as a reader sees them (issue 14): a metric with values only (no total) colours
 * its tiles by the value and writes it as a number, not a rate; the five classes of the palette go from
 * light to dark as the figure grows (darker = more), whatever the metric's direction; a tile without a
 * figure is hatched like the legend's "no data" swatch, and says so; the legend states each class's
 * range in the reader's number format, Vietnamese and English.
 */
import { expect } from '@esm-bundle/chai';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import { UNITS_2025 } from '../src/places/provinces.js';
import { contrast, parseColor } from './contrast.js';
import { cleanup, mount, part, untilState } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const tiles = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="tile"]')];
const labelOf = (tile: Element) => tile.querySelector('.label')!.textContent!.replace(/\s+/g, ' ').trim();
const tileOf = (el: Element, name: string) => tiles(el).find((t) => labelOf(t).startsWith(`${name}: `))!;
const figureOf = (tile: Element) => tile.querySelector('[part~="figure"]')!.textContent!.trim();
const legend = (el: Element) => [...part(el, 'legend')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
const swatches = (el: Element) => [...part(el, 'legend')!.querySelectorAll<HTMLElement>('.swatch')];
const WHITE = parseColor('#fff');
/** How dark a fill is: its contrast with white (1 for white, 21 for black). */
const darkness = (node: Element) => contrast(parseColor(getComputedStyle(node).backgroundColor), WHITE);

async function map(attrs: string, feed: object, lang = 'vi'): Promise<TiendoMap> {
  const script = `<script type="application/json">${JSON.stringify({ version: 1, ...feed })}</script>`;
  const el = mount(`<tiendo-map ${attrs}>${script}</tiendo-map>`, { lang, style: 'width:480px' }).querySelector<TiendoMap>('tiendo-map')!;
  await untilState(el, 'ready');
  return el;
}

/** A unit's name as portals write it and tiles show it: "Hà Nội", not "Thành phố Hà Nội". */
const short = (name: string) => name.replace(/^Thành phố /, '');

/**
 * The 34 units, unit i with metric `m` given by `figure(i)` (`{ value }` or `{ value, total }`); the
 * last two units have none.
 */
function feedOf(metric: object, figure: (i: number) => object) {
  return {
    asOf: '2025-10-31',
    source: { name: 'Bộ Công an' },
    metrics: [{ id: 'm', ...metric }],
    provinces: UNITS_2025.map((u, i) => ({
      id: u.id,
      code: u.code,
      name: short(u.name),
      metrics: i < 32 ? { m: figure(i) } : {},
    })),
  };
}

const NO_DATA = UNITS_2025.slice(32).map((u) => short(u.name));
/** Waiting days: 1,000 + 250 × i for the first 32 units (1,000 to 8,750), a value with no total. */
const WAIT = feedOf({ name: 'Số ngày chờ', unit: 'ngày' }, (i) => ({ value: 1000 + 250 * i }));

describe('<tiendo-map> colours', () => {
  afterEach(cleanup);

  it('colours a metric with values only by its value, written as a number on each tile', async () => {
    const el = await map('metric="m"', WAIT);
    expect(part(el, 'title')!.textContent).to.equal('Số ngày chờ theo tỉnh');
    const first = short(UNITS_2025[0].name);
    expect(labelOf(tileOf(el, first))).to.equal(`${first}: 1.000`);
    expect(figureOf(tileOf(el, first))).to.equal('1.000');
    const last = short(UNITS_2025[31].name);
    expect(labelOf(tileOf(el, last))).to.equal(`${last}: 8.750`);
    for (const t of tiles(el)) expect(figureOf(t)).to.not.contain('%');
    // Five classes of values, the smallest figure in the first, the largest in the last.
    expect(legend(el)).to.deep.equal(['1.000 – 2.600', '2.600 – 4.200', '4.200 – 5.800', '5.800 – 7.400', '7.400 – 9.000', 'Không có số liệu']);
    const fills = swatches(el).slice(0, 5).map((s) => getComputedStyle(s).backgroundColor);
    expect(getComputedStyle(tileOf(el, first)).backgroundColor).to.equal(fills[0]);
    expect(getComputedStyle(tileOf(el, last)).backgroundColor).to.equal(fills[4]);
    // Each tile's fill is its class's swatch: the class whose range holds its value.
    const bounds = [1000, 2600, 4200, 5800, 7400, 9000];
    UNITS_2025.slice(0, 32).forEach((u, i) => {
      const value = 1000 + 250 * i;
      const k = bounds.slice(0, 5).filter((b) => value >= b).length - 1;
      const tile = tileOf(el, short(u.name));
      expect(getComputedStyle(tile).backgroundColor, `${u.name} ${value}`).to.equal(fills[k]);
    });
  });

  it('goes from light to dark as the figure grows: five classes, each darker than the one before', async () => {
    for (const metric of [{ name: 'Số ngày chờ' }, { name: 'Số ngày chờ', higherIsBetter: false }]) {
      const el = await map('metric="m"', feedOf(metric, (i) => ({ value: 1000 + 250 * i })));
      const dark = swatches(el).slice(0, 5).map(darkness);
      for (let k = 1; k < 5; k++) expect(dark[k], `class ${k + 1} darker than class ${k}`).to.be.above(dark[k - 1] + 0.2);
      // The tiles: a larger figure is never lighter, and the extremes are the palette's ends.
      const byValue = tiles(el)
        .filter((t) => figureOf(t) !== '—')
        .map((t) => ({ x: Number(figureOf(t).replace(/\./g, '')), dark: darkness(t) }))
        .sort((a, b) => a.x - b.x);
      expect(byValue).to.have.length(32);
      for (let i = 1; i < byValue.length; i++) expect(byValue[i].dark, `${byValue[i].x}`).to.be.at.least(byValue[i - 1].dark);
      expect(byValue[0].dark).to.be.closeTo(dark[0], 0.01);
      expect(byValue.at(-1)!.dark).to.be.closeTo(dark[4], 0.01);
      // The text on a tile stays readable on its class: white on the two darkest, dark on the rest.
      for (const t of tiles(el).filter((x) => figureOf(x) !== '—')) {
        const ratio = contrast(parseColor(getComputedStyle(t).color), parseColor(getComputedStyle(t).backgroundColor));
        expect(ratio, labelOf(t)).to.be.at.least(4.5);
      }
      cleanup();
    }
  });

  it('hatches a tile without a figure like the legend’s “no data”, and says it in words', async () => {
    const el = await map('metric="m"', WAIT);
    const hatch = getComputedStyle(swatches(el)[5]).backgroundImage;
    expect(hatch).to.match(/^repeating-linear-gradient\(/);
    for (const name of NO_DATA) {
      const tile = tileOf(el, name);
      expect(labelOf(tile)).to.equal(`${name}: không có số liệu`);
      expect(figureOf(tile)).to.equal('—');
      expect(getComputedStyle(tile).backgroundImage, name).to.equal(hatch);
    }
    // No tile with a figure is hatched.
    for (const t of tiles(el).filter((x) => figureOf(x) !== '—')) expect(getComputedStyle(t).backgroundImage, labelOf(t)).to.equal('none');
    // In English too.
    const en = await map('metric="m"', WAIT, 'en');
    expect(labelOf(tileOf(en, NO_DATA[0]))).to.equal(`${NO_DATA[0]}: no data`);
    expect(legend(en).at(-1)).to.equal('No data');
  });

  it('writes the legend’s ranges in the reader’s format: numbers, rates and large values, in Vietnamese and English', async () => {
    const en = await map('metric="m"', WAIT, 'en');
    expect(legend(en)).to.deep.equal(['1,000 – 2,600', '2,600 – 4,200', '4,200 – 5,800', '5,800 – 7,400', '7,400 – 9,000', 'No data']);
    const first = short(UNITS_2025[0].name);
    expect(labelOf(tileOf(en, first))).to.equal(`${first}: 1,000`);
    cleanup();

    // Rates: 12.3% + 0.71 points per unit (12.3% to 34.31%), from value/total pairs.
    const rates = feedOf({ name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }, (i) => ({ value: 1230 + 71 * i, total: 10000 }));
    const vi = await map('metric="m"', rates);
    expect(legend(vi)).to.deep.equal(['12% – 16,6%', '16,6% – 21,2%', '21,2% – 25,8%', '25,8% – 30,4%', '30,4% – 35%', 'Không có số liệu']);
    expect(labelOf(tileOf(vi, first))).to.equal(`${first}: 12,3%`);
    const ratesEn = await map('metric="m"', rates, 'en');
    expect(legend(ratesEn)).to.deep.equal(['12% – 16.6%', '16.6% – 21.2%', '21.2% – 25.8%', '25.8% – 30.4%', '30.4% – 35%', 'No data']);
    expect(labelOf(tileOf(ratesEn, first))).to.equal(`${first}: 12.3%`);
    cleanup();

    // Values from 10,000 up are written short, so that they fit a tile: "12,5 nghìn", "12.5 thousand".
    const big = feedOf({ name: 'Hồ sơ' }, (i) => ({ value: 12500 + 2500 * i }));
    const bigVi = await map('metric="m"', big);
    expect(labelOf(tileOf(bigVi, first))).to.equal(`${first}: 12,5 nghìn`);
    expect(legend(bigVi).slice(0, 5)).to.deep.equal(['10 nghìn – 26 nghìn', '26 nghìn – 42 nghìn', '42 nghìn – 58 nghìn', '58 nghìn – 74 nghìn', '74 nghìn – 90 nghìn']);
    const bigEn = await map('metric="m"', big, 'en');
    expect(labelOf(tileOf(bigEn, first))).to.equal(`${first}: 12.5 thousand`);
    expect(legend(bigEn).slice(0, 5)).to.deep.equal(['10 thousand – 26 thousand', '26 thousand – 42 thousand', '42 thousand – 58 thousand', '58 thousand – 74 thousand', '74 thousand – 90 thousand']);
  });
});
