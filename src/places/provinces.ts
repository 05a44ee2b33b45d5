/**
 * Vietnam's provincial-level units as data: the 63 before 1 July 2025 and the 34
 * from that date (Resolution 202/2025/QH15), each with its official two-digit
 * code (General Statistics Office), name and id slug; each of the 63 with the
 * code of the unit it became part of. A merged unit kept the code of the old
 * province that hosts its new centre, so a code can name a different province
 * in each era (15 was Yên Bái, is Lào Cai) and 29 old codes name no unit now.
 *
 * Not part of the citizens' core bundle: the widgets that need it (the map)
 * load it in their lazy chunk, and the command-line tool bundles it.
 * The lists are data; no province is ever named in code.
 */
import { foldName, unitId } from './names.js';

/** Which list: the 34 units from 1 July 2025, or the 63 before. */
export type Era = '2025' | 'before-2025';

/** A provincial-level unit. */
export interface Unit {
  /** Official two-digit code ("40"). */
  code: string;
  /** Official name, "Thành phố" kept, "Tỉnh" left out ("Nghệ An", "Thành phố Hồ Chí Minh"). */
  name: string;
  /** Id slug without the administrative prefix ("nghe-an", "ho-chi-minh"). */
  id: string;
  /** Other names it is known by (folded comparison), if any. */
  aliases: readonly string[];
}

/** One of the 34 units from 1 July 2025. */
export interface PresentUnit extends Unit {
  /** Its communes (xã, phường, đặc khu) after the 2025 merger. */
  communes: number;
}

/** One of the 63 units before 1 July 2025. */
export interface FormerUnit extends Unit {
  /** Code of the unit of the 34 that it became (part of). */
  joined: string;
}

// [code, name, communes, other names]. Reference: GSO letter 915/CTK-CSCL; commune counts after the merger.
const PRESENT: ReadonlyArray<readonly [string, string, number, string?]> = [
  ['01', 'Thành phố Hà Nội', 126],
  ['04', 'Cao Bằng', 56],
  ['08', 'Tuyên Quang', 124],
  ['11', 'Điện Biên', 45],
  ['12', 'Lai Châu', 38],
  ['14', 'Sơn La', 75],
  ['15', 'Lào Cai', 99],
  ['19', 'Thái Nguyên', 92],
  ['20', 'Lạng Sơn', 65],
  ['22', 'Quảng Ninh', 54],
  ['24', 'Bắc Ninh', 99],
  ['25', 'Phú Thọ', 148],
  ['31', 'Thành phố Hải Phòng', 114],
  ['33', 'Hưng Yên', 104],
  ['37', 'Ninh Bình', 129],
  ['38', 'Thanh Hóa', 166],
  ['40', 'Nghệ An', 130],
  ['42', 'Hà Tĩnh', 69],
  ['44', 'Quảng Trị', 78],
  ['46', 'Thành phố Huế', 40, 'Thừa Thiên Huế'],
  ['48', 'Thành phố Đà Nẵng', 94],
  ['51', 'Quảng Ngãi', 96],
  ['52', 'Gia Lai', 135],
  ['56', 'Khánh Hòa', 65],
  ['66', 'Đắk Lắk', 102],
  ['68', 'Lâm Đồng', 124],
  ['75', 'Đồng Nai', 95],
  ['79', 'Thành phố Hồ Chí Minh', 168, 'TP.HCM'],
  ['80', 'Tây Ninh', 96],
  ['82', 'Đồng Tháp', 102],
  ['86', 'Vĩnh Long', 124],
  ['91', 'An Giang', 102],
  ['92', 'Thành phố Cần Thơ', 103],
  ['96', 'Cà Mau', 64],
];

// [code, name, code of the unit it joined, other names]. Thừa Thiên Huế was already
// Thành phố Huế from 1 January 2025; feeds of the 63 know it by either name.
const FORMER: ReadonlyArray<readonly [string, string, string, string?]> = [
  ['01', 'Thành phố Hà Nội', '01'],
  ['02', 'Hà Giang', '08'],
  ['04', 'Cao Bằng', '04'],
  ['06', 'Bắc Kạn', '19'],
  ['08', 'Tuyên Quang', '08'],
  ['10', 'Lào Cai', '15'],
  ['11', 'Điện Biên', '11'],
  ['12', 'Lai Châu', '12'],
  ['14', 'Sơn La', '14'],
  ['15', 'Yên Bái', '15'],
  ['17', 'Hòa Bình', '25'],
  ['19', 'Thái Nguyên', '19'],
  ['20', 'Lạng Sơn', '20'],
  ['22', 'Quảng Ninh', '22'],
  ['24', 'Bắc Giang', '24'],
  ['25', 'Phú Thọ', '25'],
  ['26', 'Vĩnh Phúc', '25'],
  ['27', 'Bắc Ninh', '24'],
  ['30', 'Hải Dương', '31'],
  ['31', 'Thành phố Hải Phòng', '31'],
  ['33', 'Hưng Yên', '33'],
  ['34', 'Thái Bình', '33'],
  ['35', 'Hà Nam', '37'],
  ['36', 'Nam Định', '37'],
  ['37', 'Ninh Bình', '37'],
  ['38', 'Thanh Hóa', '38'],
  ['40', 'Nghệ An', '40'],
  ['42', 'Hà Tĩnh', '42'],
  ['44', 'Quảng Bình', '44'],
  ['45', 'Quảng Trị', '44'],
  ['46', 'Thừa Thiên Huế', '46', 'Thành phố Huế'],
  ['48', 'Thành phố Đà Nẵng', '48'],
  ['49', 'Quảng Nam', '48'],
  ['51', 'Quảng Ngãi', '51'],
  ['52', 'Bình Định', '52'],
  ['54', 'Phú Yên', '66'],
  ['56', 'Khánh Hòa', '56'],
  ['58', 'Ninh Thuận', '56'],
  ['60', 'Bình Thuận', '68'],
  ['62', 'Kon Tum', '51'],
  ['64', 'Gia Lai', '52'],
  ['66', 'Đắk Lắk', '66'],
  ['67', 'Đắk Nông', '68'],
  ['68', 'Lâm Đồng', '68'],
  ['70', 'Bình Phước', '75'],
  ['72', 'Tây Ninh', '80'],
  ['74', 'Bình Dương', '79'],
  ['75', 'Đồng Nai', '75'],
  ['77', 'Bà Rịa - Vũng Tàu', '79'],
  ['79', 'Thành phố Hồ Chí Minh', '79', 'TP.HCM'],
  ['80', 'Long An', '80'],
  ['82', 'Tiền Giang', '82'],
  ['83', 'Bến Tre', '86'],
  ['84', 'Trà Vinh', '86'],
  ['86', 'Vĩnh Long', '86'],
  ['87', 'Đồng Tháp', '82'],
  ['89', 'An Giang', '91'],
  ['91', 'Kiên Giang', '91'],
  ['92', 'Thành phố Cần Thơ', '92'],
  ['93', 'Hậu Giang', '92'],
  ['94', 'Sóc Trăng', '92'],
  ['95', 'Bạc Liêu', '96'],
  ['96', 'Cà Mau', '96'],
];

const aliasesOf = (alias?: string): readonly string[] => (alias ? [alias] : []);

/** The 34 provincial-level units from 1 July 2025, in code order. */
export const UNITS_2025: readonly PresentUnit[] = PRESENT.map(([code, name, communes, alias]) => ({
  code,
  name,
  id: unitId(name),
  aliases: aliasesOf(alias),
  communes,
}));

/** The 63 provincial-level units before 1 July 2025, in code order. */
export const UNITS_BEFORE_2025: readonly FormerUnit[] = FORMER.map(([code, name, joined, alias]) => ({
  code,
  name,
  id: unitId(name),
  aliases: aliasesOf(alias),
  joined,
}));

/** The list of an era. */
export function unitsOf(era: Era): readonly Unit[] {
  return era === '2025' ? UNITS_2025 : UNITS_BEFORE_2025;
}

interface Index {
  byCode: Map<string, Unit>;
  byName: Map<string, Unit>;
}

const indexes = new Map<Era, Index>();

function indexOf(era: Era): Index {
  let index = indexes.get(era);
  if (!index) {
    index = { byCode: new Map(), byName: new Map() };
    for (const unit of unitsOf(era)) {
      index.byCode.set(unit.code, unit);
      for (const name of [unit.name, ...unit.aliases]) index.byName.set(foldName(name), unit);
    }
    indexes.set(era, index);
  }
  return index;
}

/** A code as written in a feed or a spreadsheet ("4", "04", " 40 ") as two digits, or undefined. */
export function normalizeCode(code: string | number | undefined | null): string | undefined {
  if (code === undefined || code === null) return undefined;
  const text = String(code).trim();
  return /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : undefined;
}

/**
 * The unit of an era named by a code ("40", "4") or a name, compared with
 * `foldName` ("Nghệ An", "nghe an", "Tỉnh Nghệ An", "TP. Hồ Chí Minh") or an id
 * slug ("nghe-an"). Undefined when the era has no such unit.
 */
export function findUnit(nameOrCode: string, era: '2025'): PresentUnit | undefined;
export function findUnit(nameOrCode: string, era: 'before-2025'): FormerUnit | undefined;
export function findUnit(nameOrCode: string, era: Era): Unit | undefined;
export function findUnit(nameOrCode: string, era: Era): Unit | undefined {
  const index = indexOf(era);
  const code = normalizeCode(nameOrCode);
  if (code) return index.byCode.get(code);
  return index.byName.get(foldName(nameOrCode));
}

/** The unit of the 34 that an old unit (by its code before 1 July 2025) became part of. */
export function presentUnitOf(oldCode: string): PresentUnit | undefined {
  const code = normalizeCode(oldCode);
  const former = UNITS_BEFORE_2025.find((u) => u.code === code);
  return former && UNITS_2025.find((u) => u.code === former.joined);
}

/** The old units (of the 63) that make up a unit of the 34, by its code. */
export function formerUnitsOf(presentCode: string): FormerUnit[] {
  const code = normalizeCode(presentCode);
  return UNITS_BEFORE_2025.filter((u) => u.joined === code);
}

/** A place as a feed or a spreadsheet row gives it: a code, a name, or both. */
export interface PlaceRef {
  code?: string | number;
  name?: string;
}

/**
 * The unit of an era a place refers to: by its code when the era has that
 * code, else by its name. Undefined when neither finds one.
 */
export function resolveUnit(place: PlaceRef | string, era: Era): Unit | undefined {
  if (typeof place === 'string') return findUnit(place, era);
  const code = normalizeCode(place.code);
  const byCode = code ? indexOf(era).byCode.get(code) : undefined;
  return byCode ?? (place.name ? findUnit(place.name, era) : undefined);
}

/** How well a place fits an era: 2 when code and name agree (or only one is given and found), 0 otherwise. */
function fit(place: PlaceRef | string, era: Era): number {
  if (typeof place === 'string') return findUnit(place, era) ? 1 : 0;
  const index = indexOf(era);
  const code = normalizeCode(place.code);
  const byCode = code ? index.byCode.get(code) : undefined;
  const byName = place.name ? index.byName.get(foldName(place.name)) : undefined;
  if (code && place.name) return byCode && byCode === byName ? 2 : byCode || byName ? 1 : 0;
  return byCode || byName ? 1 : 0;
}

/**
 * Which list a feed's places fit best: codes and names (strings), or objects
 * with `code` and/or `name`. A place counts for an era when the era has its code
 * and name as one unit; a code alone fits both eras whenever it still names a
 * unit, so names decide where they are given. On a tie (e.g. only codes that
 * both lists have), `asOf` decides when given (before 2025-07-01: the 63), else
 * the present units. Undefined when no place fits either list.
 */
export function eraOf(places: ReadonlyArray<PlaceRef | string>, asOf?: string): Era | undefined {
  let present = 0;
  let former = 0;
  for (const place of places) {
    present += fit(place, '2025');
    former += fit(place, 'before-2025');
  }
  if (!present && !former) return undefined;
  if (present !== former) return present > former ? '2025' : 'before-2025';
  return asOf && asOf < '2025-07-01' ? 'before-2025' : '2025';
}
