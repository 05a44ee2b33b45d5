/**
 * The tile grids keep real neighbours next to each other (issue 14: "neighbours stay neighbours"):
 * for a list of land borders, in the 34 units of 1 July 2025 and in the 63 before, the two tiles share
 * an edge or a corner; and the map draws them so (the tiles' boxes touch on screen).
 */
import { expect } from '@esm-bundle/chai';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import { GRID_34, GRID_63, type Grid } from '../src/map/grids.js';
import { findUnit, type Era } from '../src/places/provinces.js';
import { cleanup, mount, untilState } from './helpers.js';

/** Land borders between units of the 34 (2025): each pair shares a stretch of border on the ground. */
const BORDERS_34: [string, string][] = [
  ['Hà Tĩnh', 'Nghệ An'],
  ['Hà Tĩnh', 'Quảng Trị'],
  ['Nghệ An', 'Thanh Hóa'],
  ['Thanh Hóa', 'Ninh Bình'],
  ['Thành phố Hà Nội', 'Phú Thọ'],
  ['Thành phố Hà Nội', 'Bắc Ninh'],
  ['Thành phố Hải Phòng', 'Quảng Ninh'],
  ['Lai Châu', 'Điện Biên'],
  ['Lào Cai', 'Lai Châu'],
  ['Cao Bằng', 'Lạng Sơn'],
  ['Quảng Trị', 'Thành phố Huế'],
  ['Thành phố Huế', 'Thành phố Đà Nẵng'],
  ['Thành phố Đà Nẵng', 'Quảng Ngãi'],
  ['Quảng Ngãi', 'Gia Lai'],
  ['Gia Lai', 'Đắk Lắk'],
  ['Đắk Lắk', 'Khánh Hòa'],
  ['Khánh Hòa', 'Lâm Đồng'],
  ['Lâm Đồng', 'Đồng Nai'],
  ['Thành phố Hồ Chí Minh', 'Đồng Nai'],
  ['Thành phố Hồ Chí Minh', 'Tây Ninh'],
  ['Tây Ninh', 'Đồng Tháp'],
  ['An Giang', 'Đồng Tháp'],
  ['Vĩnh Long', 'Thành phố Cần Thơ'],
  ['Thành phố Cần Thơ', 'Cà Mau'],
];

/** Land borders between the 63 former units. */
const BORDERS_63: [string, string][] = [
  ['Hà Tĩnh', 'Nghệ An'],
  ['Hà Tĩnh', 'Quảng Bình'],
  ['Quảng Bình', 'Quảng Trị'],
  ['Quảng Trị', 'Thừa Thiên Huế'],
  ['Thừa Thiên Huế', 'Thành phố Đà Nẵng'],
  ['Thành phố Đà Nẵng', 'Quảng Nam'],
  ['Quảng Nam', 'Kon Tum'],
  ['Quảng Nam', 'Quảng Ngãi'],
  ['Kon Tum', 'Gia Lai'],
  ['Gia Lai', 'Đắk Lắk'],
  ['Nghệ An', 'Thanh Hóa'],
  ['Thành phố Hà Nội', 'Vĩnh Phúc'],
  ['Vĩnh Phúc', 'Phú Thọ'],
  ['Hòa Bình', 'Phú Thọ'],
  ['Thành phố Hà Nội', 'Hòa Bình'],
  ['Lào Cai', 'Yên Bái'],
  ['Hà Giang', 'Tuyên Quang'],
  ['Lâm Đồng', 'Đắk Nông'],
  ['Bình Phước', 'Đắk Nông'],
  ['Khánh Hòa', 'Ninh Thuận'],
  ['Thành phố Hồ Chí Minh', 'Bình Dương'],
  ['Thành phố Hồ Chí Minh', 'Long An'],
  ['Kiên Giang', 'An Giang'],
  ['Thành phố Cần Thơ', 'Hậu Giang'],
  ['Sóc Trăng', 'Bạc Liêu'],
  ['Cà Mau', 'Bạc Liêu'],
];

/** The cell of a unit, by name, in `grid`. */
function cellOf(grid: Grid, era: Era, name: string) {
  const unit = findUnit(name, era);
  expect(unit, `${name} is a unit of ${era}`).to.not.equal(undefined);
  const tile = grid.tiles.find((t) => t.code === unit!.code);
  expect(tile, `${name} has a tile`).to.not.equal(undefined);
  return tile!;
}

/** Two tiles that share an edge or a corner. */
const touching = (a: { col: number; row: number }, b: { col: number; row: number }) =>
  Math.max(Math.abs(a.col - b.col), Math.abs(a.row - b.row)) === 1;

const CASES: [string, Grid, Era, [string, string][]][] = [
  ['34', GRID_34, '2025', BORDERS_34],
  ['63', GRID_63, 'before-2025', BORDERS_63],
];

describe('tile grids: real neighbours', () => {
  afterEach(cleanup);

  for (const [name, grid, era, borders] of CASES) {
    it(`places each pair of bordering units on touching tiles (${name} units)`, () => {
      const apart = borders.filter(([a, b]) => !touching(cellOf(grid, era, a), cellOf(grid, era, b)));
      expect(apart.map(([a, b]) => `${a} – ${b}`)).to.deep.equal([]);
      // Touching means something: units far apart are not.
      expect(touching(cellOf(grid, era, 'Hà Tĩnh'), cellOf(grid, era, 'Cà Mau'))).to.equal(false);
      expect(touching(cellOf(grid, era, 'Nghệ An'), cellOf(grid, era, 'Quảng Trị'))).to.equal(false);
    });

    it(`draws bordering units’ tiles touching on screen (${name} units)`, async () => {
      const feed = {
        version: 1,
        asOf: era === '2025' ? '2025-10-31' : '2024-12-31',
        provinces: [...new Set([...borders.flat(), 'Cà Mau'])].map((n, i) => {
          const u = findUnit(n, era)!;
          return { id: u.id, code: u.code, name: u.name, models: { total: 10, completed: i % 11 } };
        }),
      };
      const el = mount(`<tiendo-map grid="${name}"><script type="application/json">${JSON.stringify(feed)}</script></tiendo-map>`, {
        style: 'width:420px',
      }).querySelector<TiendoMap>('tiendo-map')!;
      await untilState(el, 'ready');
      const box = (n: string) => el.shadowRoot!.querySelector(`.tile[data-code="${findUnit(n, era)!.code}"]`)!.getBoundingClientRect();
      const gap = parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.map')!).columnGap) + 1;
      for (const [a, b] of borders) {
        const [p, q] = [box(a), box(b)];
        // The space between the two boxes, across and down: no more than the grid's gap.
        const dx = Math.max(0, Math.max(p.left, q.left) - Math.min(p.right, q.right));
        const dy = Math.max(0, Math.max(p.top, q.top) - Math.min(p.bottom, q.bottom));
        expect(Math.max(dx, dy), `${a} – ${b}`).to.be.at.most(gap);
      }
      // Units that share no border are drawn apart: at least a tile between them.
      const [p, q] = [box('Nghệ An'), box('Quảng Trị')];
      expect(Math.max(p.top, q.top) - Math.min(p.bottom, q.bottom)).to.be.at.least(p.height);
    });
  }
});
