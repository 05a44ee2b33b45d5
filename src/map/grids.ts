/**
 * The two tile grids of `<tiendo-map>`, as data: one equal square per
 * provincial unit, placed roughly where it lies so that neighbours stay
 * neighbours and the country's S-shape shows. Both are six columns wide (a
 * 320 px screen gives tiles of about 46 px); the 34 units take 16 rows, the 63
 * take 22. Column 0 is the west, row 0 the north.
 *
 *     34 units (2025)               63 units (before 1 July 2025)
 *     LCh LCa TQ  CB                LCh LCa HG  CB
 *     ĐB  SL  PT  TN  LS            ĐB  YB  TQ  BK  LS
 *             HN  BN  QNi           SL  PT  VP  TN  BG  QNi
 *         ThH NB  HY  HP                HB  HN  BN  HD  HP
 *         NA                            ThH HNa HY  TB
 *             HT                        NA  NB  NĐ
 *             QT                            HT
 *                 Huế                       QB
 *                 ĐNg [Hoàng Sa]                QT
 *                 QNg                           Huế [Hoàng Sa]
 *                 GL                                ĐNg
 *                 ĐL  KH                            QNa
 *             ĐNa LĐ                                KT  QNg
 *         TNi HCM     [Trường Sa]                   GL  BĐ
 *     AG  ĐT  VL                                    ĐL  PY
 *     CM  CT                                BP  ĐNô LĐ  KH
 *                                       TNi BD  ĐNa BTh NT
 *                                       LA  HCM VT  [Trường Sa]
 *                                   AG  ĐT  TG  BTr
 *                                   KG  CT  VL  TV
 *                                       HGi ST
 *                                   CM  BL
 *
 * Quần đảo Hoàng Sa (Đà Nẵng) and Quần đảo Trường Sa (Khánh Hòa) are marked
 * east of the coast, each spanning two cells.
 */
import type { Era } from '../places/provinces.js';

/** A tile: the unit's code, its cell, and the short names it shows. */
export interface GridTile {
  code: string;
  col: number;
  row: number;
  /** Two or three letters, for narrow tiles ("NA", "ĐNg"). */
  abbr: string;
  /** The name as a tile shows it when there is room ("Nghệ An", "TP HCM"). */
  short: string;
}

/** An archipelago's mark: where it lies and which unit it belongs to. */
export interface GridIsland {
  key: 'hoangSa' | 'truongSa';
  /** Code of the unit it belongs to. */
  code: string;
  col: number;
  row: number;
  /** Cells it spans eastwards. */
  span: number;
}

export interface Grid {
  era: Era;
  cols: number;
  rows: number;
  tiles: GridTile[];
  islands: GridIsland[];
}

/**
 * "code col row abbr short", one tile per `|`; the short name defaults to the
 * unit's name without "Thành phố" (the caller fills it in).
 */
const G34 = `12 0 0 LCh|15 1 0 LCa|08 2 0 TQ|04 3 0 CB
|11 0 1 ĐB|14 1 1 SL|25 2 1 PT|19 3 1 TN|20 4 1 LS
|01 2 2 HN|24 3 2 BN|22 4 2 QNi
|38 1 3 ThH|37 2 3 NB|33 3 3 HY|31 4 3 HP
|40 1 4 NA|42 2 5 HT|44 2 6 QT|46 3 7 Huế|48 3 8 ĐNg|51 3 9 QNg|52 3 10 GL
|66 3 11 ĐL|56 4 11 KH|75 2 12 ĐNa|68 3 12 LĐ|80 1 13 TNi|79 2 13 HCM TP HCM
|91 0 14 AG|82 1 14 ĐT|86 2 14 VL|96 0 15 CM|92 1 15 CT`;

const G63 = `12 0 0 LCh|10 1 0 LCa|02 2 0 HG|04 3 0 CB
|11 0 1 ĐB|15 1 1 YB|08 2 1 TQ|06 3 1 BK|20 4 1 LS
|14 0 2 SL|25 1 2 PT|26 2 2 VP|19 3 2 TN|24 4 2 BG|22 5 2 QNi
|17 1 3 HB|01 2 3 HN|27 3 3 BN|30 4 3 HD|31 5 3 HP
|38 1 4 ThH|35 2 4 HNa|33 3 4 HY|34 4 4 TB
|40 1 5 NA|37 2 5 NB|36 3 5 NĐ
|42 2 6 HT|44 2 7 QB|45 3 8 QT|46 3 9 Huế Huế|48 4 10 ĐNg|49 4 11 QNa
|62 4 12 KT|51 5 12 QNg|64 4 13 GL|52 5 13 BĐ|66 4 14 ĐL|54 5 14 PY
|70 2 15 BP|67 3 15 ĐNô|68 4 15 LĐ|56 5 15 KH
|72 1 16 TNi|74 2 16 BD|75 3 16 ĐNa|60 4 16 BTh|58 5 16 NT
|80 1 17 LA|79 2 17 HCM TP HCM|77 3 17 VT BR-VT
|89 0 18 AG|87 1 18 ĐT|82 2 18 TG|83 3 18 BTr
|91 0 19 KG|92 1 19 CT|86 2 19 VL|84 3 19 TV
|93 1 20 HGi|94 2 20 ST|96 0 21 CM|95 1 21 BL`;

function parse(text: string): GridTile[] {
  return text.split('|').map((item) => {
    const [code, col, row, abbr, ...short] = item.trim().split(' ');
    return { code, col: +col, row: +row, abbr, short: short.join(' ') };
  });
}

function grid(era: Era, rows: number, text: string, islands: [number, number, number, number][]): Grid {
  return {
    era,
    cols: 6,
    rows,
    tiles: parse(text),
    islands: islands.map(([i, col, row, span]) => ({
      key: i ? 'truongSa' : 'hoangSa',
      code: i ? '56' : '48',
      col,
      row,
      span,
    })),
  };
}

/** The 34-unit grid (from 1 July 2025). */
export const GRID_34 = grid('2025', 16, G34, [
  [0, 4, 8, 2],
  [1, 4, 13, 2],
]);

/** The 63-unit grid (before 1 July 2025). */
export const GRID_63 = grid('before-2025', 22, G63, [
  [0, 4, 9, 2],
  [1, 4, 17, 2],
]);
