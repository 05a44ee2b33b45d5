import { expect } from '@esm-bundle/chai';
import { foldName, slugify, unitId } from '../src/places/names.js';
import {
  UNITS_2025,
  UNITS_BEFORE_2025,
  eraOf,
  findUnit,
  formerUnitsOf,
  normalizeCode,
  presentUnitOf,
  resolveUnit,
} from '../src/places/provinces.js';

type Places = { provinces: { code?: string; name: string }[] };
const load = async (url: string): Promise<Places> => (await fetch(url)).json();

describe('places: names', () => {
  it('folds a name without diacritics, case, spacing or the administrative prefix', () => {
    expect(foldName('Nghệ An')).to.equal('nghe an');
    expect(foldName('  NGHỆ   AN ')).to.equal('nghe an');
    expect(foldName('Tỉnh Nghệ An')).to.equal('nghe an');
    expect(foldName('thanh pho hue')).to.equal('hue');
    expect(foldName('Thành phố Hồ Chí Minh')).to.equal('ho chi minh');
    expect(foldName('TP. Hồ Chí Minh')).to.equal('ho chi minh');
    expect(foldName('TP.HCM')).to.equal('hcm');
    expect(foldName('Đà Nẵng')).to.equal('da nang');
    expect(foldName('Bà Rịa - Vũng Tàu')).to.equal(foldName('Bà Rịa–Vũng Tàu'));
  });

  it('treats old and new tone placement, and composed and decomposed text, alike', () => {
    expect(foldName('Hoà Bình')).to.equal(foldName('Hòa Bình'));
    expect(foldName('Thanh Hoá')).to.equal('thanh hoa');
    expect(foldName('Nghệ An'.normalize('NFD'))).to.equal('nghe an');
  });

  it('keeps a name that only looks like a prefix', () => {
    expect(foldName('Tịnh Biên')).to.equal('tinh bien');
    expect(foldName('Tinh')).to.equal('tinh');
  });

  it('makes the same slugs as the CSV converter always has (prefix kept)', () => {
    expect(slugify('Nghệ An')).to.equal('nghe-an');
    expect(slugify('Đắk Lắk')).to.equal('dak-lak');
    expect(slugify('Bà Rịa - Vũng Tàu')).to.equal('ba-ria-vung-tau');
    expect(slugify('Thành phố Hồ Chí Minh')).to.equal('thanh-pho-ho-chi-minh');
    expect(slugify('  Hồ sơ trực tuyến (%) ')).to.equal('ho-so-truc-tuyen');
  });

  it('gives the library’s units ids without the prefix', () => {
    expect(unitId('Thành phố Hồ Chí Minh')).to.equal('ho-chi-minh');
    expect(unitId('Thừa Thiên Huế')).to.equal('thua-thien-hue');
  });
});

describe('places: the 34 and the 63', () => {
  it('holds 34 units from 2025 and 63 before, codes unique and two-digit', () => {
    expect(UNITS_2025).to.have.length(34);
    expect(UNITS_BEFORE_2025).to.have.length(63);
    for (const list of [UNITS_2025, UNITS_BEFORE_2025]) {
      expect(new Set(list.map((u) => u.code)).size).to.equal(list.length);
      expect(new Set(list.map((u) => u.id)).size).to.equal(list.length);
      for (const u of list) expect(u.code).to.match(/^\d{2}$/);
    }
  });

  it('sends every old unit to one of the 34, and every one of the 34 hosts its own old code', () => {
    const present = new Set(UNITS_2025.map((u) => u.code));
    for (const u of UNITS_BEFORE_2025) expect(present.has(u.joined), u.name).to.equal(true);
    for (const u of UNITS_2025) expect(formerUnitsOf(u.code).map((f) => f.code)).to.include(u.code);
    // 29 old codes no longer name a unit.
    expect(UNITS_BEFORE_2025.filter((u) => !present.has(u.code))).to.have.length(29);
  });

  it('counts 3,321 communes after the merger', () => {
    expect(UNITS_2025.reduce((sum, u) => sum + u.communes, 0)).to.equal(3321);
    expect(findUnit('Hà Nội', '2025')!.communes).to.equal(126);
  });

  it('knows the merger: Vĩnh Phúc and Hòa Bình joined Phú Thọ, Hà Giang joined Tuyên Quang', () => {
    expect(presentUnitOf('26')!.name).to.equal('Phú Thọ');
    expect(presentUnitOf('17')!.name).to.equal('Phú Thọ');
    expect(presentUnitOf('02')!.name).to.equal('Tuyên Quang');
    expect(formerUnitsOf('25').map((u) => u.name)).to.deep.equal(['Hòa Bình', 'Phú Thọ', 'Vĩnh Phúc']);
    expect(presentUnitOf('40')!.name).to.equal('Nghệ An');
    expect(presentUnitOf('99')).to.equal(undefined);
  });

  it('finds a unit by name in any spelling, by id or by code', () => {
    for (const q of ['Nghệ An', 'nghe an', 'Tỉnh Nghệ An', 'NGHE AN', 'nghe-an', '40']) {
      expect(findUnit(q, '2025')?.code, q).to.equal('40');
    }
    expect(findUnit('TP. Hồ Chí Minh', '2025')!.id).to.equal('ho-chi-minh');
    expect(findUnit('Huế', '2025')!.code).to.equal('46');
    expect(findUnit('Thừa Thiên Huế', 'before-2025')!.code).to.equal('46');
    expect(findUnit('4', '2025')!.name).to.equal('Cao Bằng');
    expect(findUnit('Vĩnh Phúc', '2025')).to.equal(undefined);
    expect(findUnit('Vĩnh Phúc', 'before-2025')!.code).to.equal('26');
  });

  it('reads a code as the era means it', () => {
    expect(findUnit('15', 'before-2025')!.name).to.equal('Yên Bái');
    expect(findUnit('15', '2025')!.name).to.equal('Lào Cai');
    expect(findUnit('26', '2025')).to.equal(undefined);
    expect(normalizeCode(' 4 ')).to.equal('04');
    expect(normalizeCode('040')).to.equal(undefined);
  });

  it('resolves a place by its code first, else by its name', () => {
    expect(resolveUnit({ code: '40', name: 'Hà Tĩnh' }, '2025')!.name).to.equal('Nghệ An');
    expect(resolveUnit({ code: '26', name: 'Vĩnh Phúc' }, '2025')).to.equal(undefined);
    expect(resolveUnit({ name: 'Đắk Lắk' }, '2025')!.code).to.equal('66');
    expect(resolveUnit({ code: '77' }, 'before-2025')!.name).to.equal('Bà Rịa - Vũng Tàu');
  });

  it('tells which list a feed’s places fit', async () => {
    const [feed34, feed63] = await Promise.all([load('/test/fixtures/provinces-34.json'), load('/test/fixtures/provinces-63.json')]);
    expect(eraOf(feed34.provinces)).to.equal('2025');
    expect(eraOf(feed63.provinces)).to.equal('before-2025');
    // A code that names Yên Bái before and Lào Cai now: the name decides.
    expect(eraOf([{ code: '15', name: 'Yên Bái' }])).to.equal('before-2025');
    expect(eraOf([{ code: '15', name: 'Lào Cai' }])).to.equal('2025');
    // Codes both lists have: the date decides, else the present units.
    expect(eraOf(['40', '42'])).to.equal('2025');
    expect(eraOf(['40', '42'], '2024-10-04')).to.equal('before-2025');
    expect(eraOf(['26'])).to.equal('before-2025');
    expect(eraOf(['Atlantis'])).to.equal(undefined);
  });
});
