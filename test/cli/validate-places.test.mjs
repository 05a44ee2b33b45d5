/**
 * `tiendo validate` recognises a feed's provinces as from-csv and the studio do
 * (src/places/recognise.ts): by code or by name without diacritics or case,
 * within the list the feed fits (the 34 from 1 July 2025 or the 63 before). It
 * warns, with the JSON path, line and column, about a missing code (naming the
 * official one), a code that names another unit than the name, and a code that
 * names no unit of the feed's list; warnings never make a valid feed fail.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cli, root, tempDir } from './helpers.mjs';

const fixture = (name) => JSON.parse(readFileSync(join(root, 'test/fixtures', name), 'utf8'));

// The official codes (General Statistics Office), by the fixtures' ids.
const CODES_34 = {
  'ha-noi': '01', hue: '46', 'lai-chau': '12', 'dien-bien': '11', 'son-la': '14', 'lang-son': '20', 'quang-ninh': '22',
  'thanh-hoa': '38', 'nghe-an': '40', 'ha-tinh': '42', 'cao-bang': '04', 'tuyen-quang': '08', 'lao-cai': '15',
  'thai-nguyen': '19', 'phu-tho': '25', 'bac-ninh': '24', 'hung-yen': '33', 'hai-phong': '31', 'ninh-binh': '37',
  'quang-tri': '44', 'da-nang': '48', 'quang-ngai': '51', 'gia-lai': '52', 'khanh-hoa': '56', 'lam-dong': '68',
  'dak-lak': '66', 'thanh-pho-ho-chi-minh': '79', 'dong-nai': '75', 'tay-ninh': '80', 'can-tho': '92', 'vinh-long': '86',
  'dong-thap': '82', 'ca-mau': '96', 'an-giang': '91',
};
const CODES_63 = {
  'an-giang': '89', 'ba-ria-vung-tau': '77', 'bac-lieu': '95', 'bac-giang': '24', 'bac-kan': '06', 'bac-ninh': '27',
  'ben-tre': '83', 'binh-duong': '74', 'binh-dinh': '52', 'binh-phuoc': '70', 'binh-thuan': '60', 'ca-mau': '96',
  'cao-bang': '04', 'can-tho': '92', 'da-nang': '48', 'dak-lak': '66', 'dak-nong': '67', 'dien-bien': '11',
  'dong-nai': '75', 'dong-thap': '87', 'gia-lai': '64', 'ha-giang': '02', 'ha-nam': '35', 'ha-noi': '01',
  'ha-tinh': '42', 'hai-duong': '30', 'hai-phong': '31', 'hau-giang': '93', 'hoa-binh': '17',
  'thanh-pho-ho-chi-minh': '79', 'hung-yen': '33', 'khanh-hoa': '56', 'kien-giang': '91', 'kon-tum': '62',
  'lai-chau': '12', 'lang-son': '20', 'lao-cai': '10', 'lam-dong': '68', 'long-an': '80', 'nam-dinh': '36',
  'nghe-an': '40', 'ninh-binh': '37', 'ninh-thuan': '58', 'phu-tho': '25', 'phu-yen': '54', 'quang-binh': '44',
  'quang-nam': '49', 'quang-ngai': '51', 'quang-ninh': '22', 'quang-tri': '45', 'soc-trang': '94', 'son-la': '14',
  'tay-ninh': '72', 'thai-binh': '34', 'thai-nguyen': '19', 'thanh-hoa': '38', 'thua-thien-hue': '46',
  'tien-giang': '82', 'tra-vinh': '84', 'tuyen-quang': '08', 'vinh-long': '86', 'vinh-phuc': '26', 'yen-bai': '15',
};

/** A fixture feed with every province's official code, `code` placed after `id` as officers write it. */
function withCodes(name, codes) {
  const feed = fixture(name);
  feed.provinces = feed.provinces.map(({ id, ...rest }) => {
    assert.ok(codes[id], `no code for ${id}`);
    return { id, code: codes[id], ...rest };
  });
  return feed;
}

let dir;
before(() => (dir = tempDir()));

/** Writes a feed (pretty, as officers keep them) and returns its path and text. */
function feedFile(name, feed) {
  const text = JSON.stringify(feed, null, 2);
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, text };
}

/** The text at a 1-based line and column. */
function textAt(text, line, column) {
  return [...text.split('\n')[line - 1]].slice(column - 1).join('');
}

const WARNING = /^(cảnh báo|warning): (provinces\[(\d+)\](?:\.code)?) \((?:dòng|line) (\d+), (?:cột|column) (\d+)\): (.*)$/;

/**
 * The warnings printed, each checked to point where it says (a code at its value,
 * a missing code at its province), as [path, text]; and the verdict line.
 */
function warnings(run, text, feed) {
  const lines = run.stdout.trimEnd().split('\n');
  const verdict = lines.pop();
  const found = lines.map((line) => {
    const m = WARNING.exec(line);
    assert.ok(m, `not a located warning: ${line}`);
    const [, , path, index, l, c, words] = m;
    const at = textAt(text, +l, +c);
    const province = feed.provinces[+index];
    if (path.endsWith('.code')) assert.ok(at.startsWith(JSON.stringify(province.code)), `${path} points at ${at}`);
    else assert.equal(at, '{', `${path} points at ${at}`);
    return [path, words];
  });
  return { found, verdict };
}

describe('validate: the provinces of a 34-unit feed', () => {
  /** The 34 with codes, then the slips an officer makes. */
  function slips() {
    const feed = withCodes('provinces-34.json', CODES_34);
    const at = (id) => feed.provinces.find((p) => p.id === id);
    delete at('nghe-an').code; // a missing code, the name written without diacritics
    at('nghe-an').name = 'nghe an';
    at('ha-tinh').code = '40'; // a wrong code: Nghệ An's
    at('phu-tho').code = '26'; // a code of the 63: Vĩnh Phúc, now part of Phú Thọ
    at('lao-cai').code = '10'; // Lào Cai's code before 1 July 2025 (now 15)
    at('ca-mau').code = '99'; // no unit's code
    at('thanh-hoa').name = 'THANH HOA'; // capitals, no diacritics, right code: nothing to say
    at('dak-lak').name = 'Tỉnh Đắk Lắk';
    return { feed, index: (id) => feed.provinces.indexOf(at(id)) };
  }

  it('the 34 with their official codes pass clean', async () => {
    const feed = withCodes('provinces-34.json', CODES_34);
    const { path } = feedFile('clean-34.json', feed);
    const run = await cli('validate', path);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${path}: hợp lệ (34 tỉnh, 2 chỉ số).\n`);
  });

  it('warns in Vietnamese about a missing code, a wrong code, an old code and an unknown code, each where it is; exit 0', async () => {
    const { feed, index } = slips();
    const { path, text } = feedFile('slips-34.json', feed);
    const run = await cli('validate', path);
    assert.equal(run.code, 0, run.stdout);
    const { found, verdict } = warnings(run, text, feed);
    assert.equal(verdict, `${path}: hợp lệ (34 tỉnh, 2 chỉ số).`);
    assert.deepEqual(
      found,
      [
        [`provinces[${index('nghe-an')}]`, 'thiếu mã; mã chính thức của "Nghệ An" là 40'],
        [`provinces[${index('ha-tinh')}].code`, 'mã "40" là Nghệ An, không phải "Hà Tĩnh"; hãy xem lại mã hoặc tên'],
        [
          `provinces[${index('lao-cai')}].code`,
          'mã "10" là mã của Lào Cai trước ngày 1/7/2025; từ ngày 1/7/2025 mã của Lào Cai là 15',
        ],
        [
          `provinces[${index('phu-tho')}].code`,
          'mã "26" là Vĩnh Phúc (trước ngày 1/7/2025), không phải "Phú Thọ"; từ ngày 1/7/2025 mã của Phú Thọ là 25',
        ],
        [`provinces[${index('ca-mau')}].code`, 'mã "99" không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025'],
      ].sort((a, b) => +/\d+/.exec(a[0])[0] - +/\d+/.exec(b[0])[0]),
    );
  });

  it('the same in English', async () => {
    const { feed, index } = slips();
    const { path, text } = feedFile('slips-34-en.json', feed);
    const run = await cli('validate', path, '--lang', 'en');
    assert.equal(run.code, 0, run.stdout);
    const { found, verdict } = warnings(run, text, feed);
    assert.match(verdict, /: valid \(provinces: 34, metrics: 2\)\.$/);
    const byPath = new Map(found);
    assert.equal(found.length, 5);
    assert.equal(byPath.get(`provinces[${index('nghe-an')}]`), 'no code; the official code of "Nghệ An" is 40');
    assert.equal(byPath.get(`provinces[${index('ha-tinh')}].code`), 'the code "40" is Nghệ An, not "Hà Tĩnh"; check the code or the name');
    assert.equal(
      byPath.get(`provinces[${index('phu-tho')}].code`),
      'the code "26" is Vĩnh Phúc (before 1 July 2025), not "Phú Thọ"; from 1 July 2025 the code of Phú Thọ is 25',
    );
    assert.equal(
      byPath.get(`provinces[${index('lao-cai')}].code`),
      'the code "10" was the code of Lào Cai before 1 July 2025; from 1 July 2025 the code of Lào Cai is 15',
    );
    assert.equal(
      byPath.get(`provinces[${index('ca-mau')}].code`),
      'the code "99" is no province\'s code among the 34 units from 1 July 2025',
    );
  });

  it('an old code with a name the 34 do not know says what the code was', async () => {
    const feed = withCodes('provinces-34.json', CODES_34);
    feed.provinces.push({ id: 'vinh-phuc', code: '26', name: 'Vĩnh Phúc' });
    const { path, text } = feedFile('old-unit.json', feed);
    const run = await cli('validate', path);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(warnings(run, text, feed).found, [
      ['provinces[34].code', 'mã "26" là Vĩnh Phúc (trước ngày 1/7/2025), không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025'],
    ]);
  });

  it('a feed that is not valid still gets its provinces checked, and exits 1 for its errors alone', async () => {
    const feed = withCodes('provinces-34.json', CODES_34);
    feed.asOf = '30/09/2025';
    feed.provinces[8].code = '42';
    const { path } = feedFile('invalid-34.json', feed);
    const run = await cli('validate', path);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^asOf \(dòng \d+, cột \d+\): /m);
    assert.match(run.stdout, /^cảnh báo: provinces\[8\]\.code \(dòng \d+, cột \d+\): mã "42" là Hà Tĩnh, không phải "Nghệ An"; hãy xem lại mã hoặc tên$/m);
    assert.match(run.stdout, /không hợp lệ/);
  });
});

describe('validate: the provinces of a 63-unit feed', () => {
  it('test/fixtures/provinces-63.json (names only, no codes) passes clean', async () => {
    const path = join(root, 'test/fixtures/provinces-63.json');
    for (const [lang, verdict] of [['vi', 'hợp lệ (63 tỉnh, 2 chỉ số)'], ['en', 'valid (provinces: 63, metrics: 2)']]) {
      const run = await cli('validate', path, '--lang', lang);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, `${path}: ${verdict}.\n`);
    }
  });

  it('the 63 with their official codes pass clean, although dated after 1 July 2025', async () => {
    const feed = withCodes('provinces-63.json', CODES_63);
    assert.equal(feed.asOf, '2025-09-30');
    const { path } = feedFile('clean-63.json', feed);
    const run = await cli('validate', path);
    assert.equal(run.stdout, `${path}: hợp lệ (63 tỉnh, 2 chỉ số).\n`);
  });

  it('in a 63-unit feed a code is read among the 63: 26 is Vĩnh Phúc; a name without diacritics finds its code', async () => {
    const feed = withCodes('provinces-63.json', CODES_63);
    const haNoi = feed.provinces.findIndex((p) => p.id === 'ha-noi');
    const haTinh = feed.provinces.findIndex((p) => p.id === 'ha-tinh');
    feed.provinces[haNoi].code = '26';
    delete feed.provinces[haTinh].code;
    feed.provinces[haTinh].name = 'HA TINH';
    const { path, text } = feedFile('slips-63.json', feed);
    for (const [lang, expected] of [
      ['vi', [[`provinces[${haNoi}].code`, 'mã "26" là Vĩnh Phúc, không phải "Hà Nội"; hãy xem lại mã hoặc tên'], [`provinces[${haTinh}]`, 'thiếu mã; mã chính thức của "Hà Tĩnh" là 42']]],
      ['en', [[`provinces[${haNoi}].code`, 'the code "26" is Vĩnh Phúc, not "Hà Nội"; check the code or the name'], [`provinces[${haTinh}]`, 'no code; the official code of "Hà Tĩnh" is 42']]],
    ]) {
      const run = await cli('validate', path, '--lang', lang);
      assert.equal(run.code, 0, run.stdout);
      assert.deepEqual(warnings(run, text, feed).found, expected, lang);
    }
  });
});

describe('validate and from-csv agree', () => {
  it('from-csv fills the code validate would ask for, and its feed validates clean', async () => {
    const csv = join(dir, 'places.csv');
    writeFileSync(csv, 'Mã;Tỉnh;Tổng số mô hình\r\n;nghe an;38\r\n42;Hà Tĩnh;43\r\n');
    const out = join(dir, 'places.json');
    const made = await cli('from-csv', csv, '--as-of', '2025-09-30', '--out', out);
    assert.equal(made.code, 0, made.stderr);
    assert.deepEqual(
      JSON.parse(readFileSync(out, 'utf8')).provinces.map((p) => [p.code, p.name]),
      [['40', 'nghe an'], ['42', 'Hà Tĩnh']],
    );
    const run = await cli('validate', out);
    assert.equal(run.stdout, `${out}: hợp lệ (2 tỉnh, 0 chỉ số).\n`);
  });
});
