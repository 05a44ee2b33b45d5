/**
 * `tiendo from-csv` on real-world shaped files (test/fixtures/csv/): each one
 * converts to exactly the expected feed, or fails naming the row and column.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cli, fixture, readJson, root, spawnCli, tempDir, tool } from './helpers.mjs';

/** Converts a fixture in process and returns the feed it printed. */
async function convert(name, ...options) {
  const run = await cli('from-csv', fixture(name), ...options);
  assert.equal(run.code, 0, `${name}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Converts a fixture that must fail: resolves with the lines of its messages. */
async function refuse(name, ...options) {
  const run = await cli('from-csv', fixture(name), ...options);
  assert.equal(run.code, 1, `${name} must be refused; printed ${run.stdout}`);
  assert.equal(run.stdout, '', 'nothing on standard output');
  return run.stderr.trim().split('\n');
}

describe('from-csv: real-world files', () => {
  it('Excel, Vietnamese Windows: BOM, ";", CRLF, 50.579, 0,93, 99,66%, a quoted ";", rows of bare separators', async () => {
    const raw = readFileSync(fixture('excel-vi.csv'));
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture starts with a BOM');
    assert.ok(raw.includes('\r\n'), 'the fixture has CRLF line ends');
    const feed = await convert('excel-vi.csv', '--as-of', '2024-10-04', '--title', 'Tiến độ Đề án 06');
    assert.deepEqual(feed, {
      version: 1,
      title: 'Tiến độ Đề án 06',
      asOf: '2024-10-04',
      metrics: [
        { id: 'ho-so-cu-tru-truc-tuyen', name: 'Hồ sơ cư trú trực tuyến' },
        { id: 'ho-so-dung-han', name: 'Hồ sơ đúng hạn' },
        { id: 'chi-so-766', name: 'Chỉ số 766' },
      ],
      provinces: [
        { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43, inProgress: 21, notStarted: 22 } },
        {
          id: 'nghe-an',
          code: '40',
          name: 'Nghệ An',
          models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
          metrics: { 'ho-so-dung-han': { rate: 0.9966 }, 'chi-so-766': { value: 82.5 } },
        },
        { id: 'ha-noi', code: '01', name: 'Hà Nội', models: { total: 19 } },
        {
          id: 'vinh-phuc',
          code: '26',
          name: 'Vĩnh Phúc',
          metrics: { 'ho-so-cu-tru-truc-tuyen': { value: 50579, total: 70758 }, 'ho-so-dung-han': { rate: 0.93 } },
        },
        {
          id: 'dak-lak',
          code: '66',
          name: 'Đắk Lắk',
          models: { total: 1204, completed: 1003, inProgress: 201, notStarted: 0 },
          metrics: { 'ho-so-cu-tru-truc-tuyen': { value: 1234567, total: 2000000 }, 'chi-so-766': { value: 79.25 } },
        },
        { id: 'ba-ria-vung-tau', code: '77', name: 'Bà Rịa; Vũng Tàu', models: { total: 12 } },
      ],
    });
  });

  it('Google Sheets, English: ",", "50,579" quoted, 0.9966 and 93.5%, English headers', async () => {
    const feed = await convert('google-sheets-en.csv');
    assert.deepEqual(feed, {
      version: 1,
      metrics: [
        { id: 'residence-online', name: 'Residence online' },
        { id: 'on-time', name: 'On time' },
      ],
      provinces: [
        { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43, inProgress: 21, notStarted: 22 } },
        {
          id: 'nghe-an',
          code: '40',
          name: 'Nghệ An',
          models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
          metrics: { 'on-time': { rate: 0.9966 } },
        },
        {
          id: 'vinh-phuc',
          code: '26',
          name: 'Vĩnh Phúc',
          metrics: { 'residence-online': { value: 50579, total: 70758 }, 'on-time': { rate: 0.935 } },
        },
        {
          id: 'dak-lak',
          code: '66',
          name: 'Đắk Lắk',
          models: { total: 1204, completed: 1003, inProgress: 201, notStarted: 0 },
          metrics: { 'residence-online': { value: 1234567, total: 2000000 } },
        },
      ],
    });
    // --locale en says the same thing explicitly.
    assert.deepEqual(await convert('google-sheets-en.csv', '--locale', 'en'), feed);
  });

  it('names with commas, quotes and a line break inside quotes; a quoted header with a comma; an id column', async () => {
    const feed = await convert('quoted-names.csv');
    assert.deepEqual(feed, {
      version: 1,
      metrics: [{ id: 'ho-so-truc-tuyen-toan-trinh', name: 'Hồ sơ trực tuyến, toàn trình' }],
      provinces: [
        {
          id: 'hue',
          name: 'Huế, thành phố trực thuộc trung ương',
          models: { total: 10, completed: 2 },
          metrics: { 'ho-so-truc-tuyen-toan-trinh': { value: 1500 } },
        },
        {
          id: 'tp-hcm',
          // Recognised by name (the 63 provinces: Bà Rịa - Vũng Tàu is one of them), so the code is filled in.
          code: '79',
          name: 'Thành phố "Hồ Chí Minh"',
          models: { total: 25, completed: 25 },
          metrics: { 'ho-so-truc-tuyen-toan-trinh': { value: 12345 } },
        },
        // The line break typed in the cell folds to a space.
        { id: 'ba-ria', code: '77', name: 'Bà Rịa, Vũng Tàu', models: { total: 8 }, metrics: { 'ho-so-truc-tuyen-toan-trinh': { value: 0.5 } } },
      ],
    });
  });

  it('blank lines, rows of separators, trailing separators, spaces around cells, headers in any case', async () => {
    const feed = await convert('blank-lines.csv');
    assert.deepEqual(feed, {
      version: 1,
      provinces: [
        { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 38, completed: 6 } },
        { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43 } },
      ],
    });
  });

  it('a duplicated province: refused at its second row, in the name column', async () => {
    assert.deepEqual(await refuse('duplicate-province.csv'), [
      'dòng 4, cột A "Tỉnh": tỉnh "Nghệ An" (mã nghe-an) đã có ở dòng 2; mỗi tỉnh chỉ một dòng',
      `${fixture('duplicate-province.csv')}: chưa tạo được feed (1 lỗi); không có tệp nào được ghi.`,
    ]);
  });

  it('text in number cells: each refused with its row and column', async () => {
    const lines = await refuse('text-in-number.csv');
    assert.deepEqual(lines.slice(0, -1), [
      'dòng 2, cột C "Hoàn thành": "sáu" không phải là số (để trống ô nếu không có số liệu)',
      'dòng 3, cột C "Hoàn thành": "-" không phải là số (để trống ô nếu không có số liệu)',
      'dòng 3, cột E "Hồ sơ trực tuyến": "N/A" không phải là số (để trống ô nếu không có số liệu)',
      'dòng 4, cột D "Đang triển khai": "1 234" không phải là số (để trống ô nếu không có số liệu)',
      'dòng 4, cột E "Hồ sơ trực tuyến": "12%": dấu % chỉ dùng trong cột tỷ lệ, "<tên chỉ số> (tỷ lệ)"',
    ]);
    assert.match(lines.at(-1), /chưa tạo được feed \(5 lỗi\)/);
  });

  it('speaks English with --lang en', async () => {
    const lines = await refuse('text-in-number.csv', '--lang', 'en');
    assert.equal(lines[0], 'row 2, column C "Hoàn thành": "sáu" is not a number (leave the cell empty when there is no figure)');
    assert.match(lines.at(-1), /no feed built \(errors: 5\); nothing was written\.$/);
  });

  it('Excel\'s plain "CSV" on Vietnamese Windows (Windows-1258, tones as combining marks) gives correct names', async () => {
    const raw = readFileSync(fixture('excel-ansi.csv'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(raw), 'the fixture is not UTF-8');
    const feed = await convert('excel-ansi.csv');
    assert.deepEqual(feed.metrics, [{ id: 'mo-hinh', name: 'Mô hình' }]);
    assert.deepEqual(feed.provinces, [{ id: 'ha-noi', code: '01', name: 'Hà Nội', metrics: { 'mo-hinh': { value: 19 } } }]);
    // Composed as typed (NFC), not left as "i" + a combining hook.
    assert.equal(feed.provinces[0].name, 'Hà Nội'.normalize('NFC'));
  });

  it('a quote never closed: refused naming its row', async () => {
    assert.equal((await refuse('unclosed-quote.csv'))[0], 'dòng 3: dấu ngoặc kép mở ở dòng này không được đóng');
  });

  it('headers: the province column is required, a header may not repeat, a column without header must be empty', async () => {
    const lines = await refuse('bad-headers.csv');
    assert.deepEqual(lines.slice(0, -1), [
      'dòng 1, cột E "Hoàn thành": tiêu đề trùng với cột D',
      'dòng 1: thiếu cột tên tỉnh: cần một cột có tiêu đề "Tỉnh" (hoặc "Province")',
      'dòng 2, cột C: cột không có tiêu đề nhưng ô có nội dung "x"',
    ]);
  });

  it('figures that break the feed\'s rules: the library\'s rule, in the sheet\'s words (headers, not JSON keys), at the cell', async () => {
    const lines = await refuse('over-total.csv');
    assert.deepEqual(lines.slice(0, -1), [
      'dòng 2, cột B "Tổng số mô hình": tổng "Hoàn thành", "Đang triển khai", "Chưa triển khai" (62) vượt quá "Tổng số mô hình" (38)',
      'dòng 3, cột C "Hoàn thành": phải là số nguyên không âm',
      'dòng 3, cột F "Hồ sơ": "Hồ sơ" (80.000) vượt quá "Hồ sơ (tổng)" (70.758)',
      'dòng 4, cột H "Hồ sơ (tỷ lệ)": phải là tỷ lệ từ 0 đến 1',
    ]);
    for (const line of lines.slice(0, -1)) assert.doesNotMatch(line, /provinces\[|completed|inProgress|notStarted|\btotal\b|\bvalue\b/);
    const en = await refuse('over-total.csv', '--lang', 'en');
    assert.equal(en[1], 'row 3, column C "Hoàn thành": must be a whole number ≥ 0');
    assert.equal(en[2], 'row 3, column F "Hồ sơ": "Hồ sơ" (80,000) exceeds "Hồ sơ (tổng)" (70,758)');
  });

  it('--as-of, --next-update and --title are checked by the validator and blamed on the option', async () => {
    const lines = await refuse('blank-lines.csv', '--as-of', '04/10/2024', '--next-update', '2025-02-29');
    assert.deepEqual(lines.slice(0, -1), [
      '--as-of: phải là ngày theo ISO 8601, ví dụ 2024-10-04',
      '--next-update: phải là ngày theo ISO 8601, ví dụ 2024-10-04',
    ]);
  });
});

describe('from-csv: how numbers are read in a comma-separated file', () => {
  it('refuses cells that read two ways when nothing in the file says which, with row and column', async () => {
    assert.deepEqual((await refuse('ambiguous.csv')).slice(0, -1), [
      'dòng 2, cột D "Online dossiers": "1.234" đọc được hai cách: 1234 (kiểu Việt Nam) hoặc 1,234 (kiểu Anh); tệp ngăn cột bằng dấu phẩy nên không rõ, hãy thêm --locale vi hoặc --locale en',
      'dòng 3, cột D "Online dossiers": "50,579" đọc được hai cách: 50,579 (kiểu Việt Nam) hoặc 50579 (kiểu Anh); tệp ngăn cột bằng dấu phẩy nên không rõ, hãy thêm --locale vi hoặc --locale en',
    ]);
    const en = await refuse('ambiguous.csv', '--lang', 'en');
    assert.match(en[0], /^row 2, column D "Online dossiers": "1\.234" reads two ways: 1234 \(Vietnamese style\) or 1\.234 \(English style\)/);
  });

  it('reads them as --locale says', async () => {
    const en = await convert('ambiguous.csv', '--locale', 'en');
    assert.deepEqual(
      en.provinces.map((p) => p.metrics?.['online-dossiers']?.value),
      [1.234, 50579],
    );
    const vi = await convert('ambiguous.csv', '--locale', 'vi');
    assert.deepEqual(
      vi.provinces.map((p) => p.metrics?.['online-dossiers']?.value),
      [1234, 50.579],
    );
  });

  it('accepts them as English when another number can only be English', () => {
    const text = 'Province,Online dossiers,Score\nNghệ An,1.234,82.5\nHà Tĩnh,"50,579",\n';
    const { feed, numbers } = tool.csvToFeed(text);
    assert.equal(numbers, 'en');
    assert.deepEqual(
      feed.provinces.map((p) => p.metrics['online-dossiers'].value),
      [1.234, 50579],
    );
  });

  it('refuses Vietnamese numbers in a comma-separated file unless --locale vi, and says so', async () => {
    const lines = await refuse('sheets-vi-locale.csv');
    assert.equal(
      lines[0],
      'dòng 2, cột C "Hồ sơ đúng hạn (tỷ lệ)": "0,93" không phải số viết kiểu Anh (50,579; 0.93); nếu tệp viết số kiểu Việt Nam, thêm --locale vi',
    );
    const feed = await convert('sheets-vi-locale.csv', '--locale', 'vi');
    assert.deepEqual(feed.provinces, [
      { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 38 }, metrics: { 'ho-so-dung-han': { rate: 0.93 }, 'chi-so-766': { value: 82.5 } } },
      { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43 }, metrics: { 'ho-so-dung-han': { rate: 0.5 }, 'chi-so-766': { value: 79 } } },
    ]);
  });

  it('a ";" file is Vietnamese: an English number there is refused, with the hint --locale en', () => {
    const { errors } = tool.csvToFeed('Tỉnh;Chỉ số\nNghệ An;82.5\n');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].key, 'csv.notNumber.tryEn');
    assert.deepEqual(errors[0].place, { row: 2, column: 1, header: 'Chỉ số' });
    const ok = tool.csvToFeed('Tỉnh;Chỉ số\nNghệ An;82.5\n', { locale: 'en' });
    assert.equal(ok.feed.provinces[0].metrics['chi-so'].value, 82.5);
  });

  it('follows Excel\'s "sep=" first line, which Excel hides (the header stays row 1)', () => {
    const { feed, separator } = tool.csvToFeed('\uFEFFsep=;\r\nTỉnh, thành phố;Hồ sơ\r\nNghệ An;1.234\r\n');
    assert.equal(separator, ';');
    assert.deepEqual(feed.provinces, [{ id: 'nghe-an', code: '40', name: 'Nghệ An', metrics: { 'ho-so': { value: 1234 } } }]);
    const bad = tool.csvToFeed('sep=,\nProvince,Completed\nNghệ An,x\n');
    assert.deepEqual(bad.errors[0].place, { row: 2, column: 1, header: 'Completed' });
  });

  it('--separator overrides the detection', () => {
    // One of each in the header: a tie goes to ";", which a Vietnamese header may hold beside a comma.
    const text = 'Tỉnh,Hồ sơ; trực tuyến\nNghệ An,5\n';
    assert.equal(tool.csvToFeed(text).separator, ';');
    const { feed, separator } = tool.csvToFeed(text, { separator: ',' });
    assert.equal(separator, ',');
    assert.deepEqual(feed.metrics, [{ id: 'ho-so-truc-tuyen', name: 'Hồ sơ; trực tuyến' }]);
    assert.deepEqual(feed.provinces, [{ id: 'nghe-an', code: '40', name: 'Nghệ An', metrics: { 'ho-so-truc-tuyen': { value: 5 } } }]);
  });
});

describe('from-csv: headers and options', () => {
  it('takes every documented header, Vietnamese and English, and makes metrics of the others', () => {
    const vi = tool.csvToFeed(
      'id;Mã;Tỉnh;Tổng số mô hình;Hoàn thành;Đang triển khai;Chưa triển khai;Điểm;Điểm (tổng);Điểm (tỉ lệ)\nna;40;Nghệ An;38;6;20;12;7;10;0,7\n',
    );
    const en = tool.csvToFeed(
      'ID,CODE,province,MODELS TOTAL,completed,In Progress,not started,Score,Score (Total),Score (RATE)\nna,40,Nghệ An,38,6,20,12,7,10,0.7\n',
    );
    const province = {
      id: 'na',
      code: '40',
      name: 'Nghệ An',
      models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
    };
    assert.deepEqual(vi.feed.provinces, [{ ...province, metrics: { diem: { value: 7, total: 10, rate: 0.7 } } }]);
    assert.deepEqual(en.feed.provinces, [{ ...province, metrics: { score: { value: 7, total: 10, rate: 0.7 } } }]);
    assert.deepEqual(vi.feed.metrics, [{ id: 'diem', name: 'Điểm' }]);
  });

  it('refuses a total column without its metric, and two headers that make one metric id', () => {
    const alone = tool.csvToFeed('Tỉnh;Hồ sơ (tổng)\nNghệ An;5\n');
    assert.equal(alone.errors[0].key, 'csv.totalAlone');
    const clash = tool.csvToFeed('Tỉnh;Hồ sơ;Ho so\nNghệ An;5;6\n');
    assert.equal(clash.errors[0].key, 'csv.metricClash');
    assert.deepEqual(clash.errors[0].place, { row: 1, column: 2, header: 'Ho so' });
  });

  it('refuses a file with no data row, and a cell beyond the headed columns', () => {
    assert.equal(tool.csvToFeed('Tỉnh;Hoàn thành\r\n;;\r\n').errors[0].key, 'csv.noRows');
    assert.equal(tool.csvToFeed('').errors[0].key, 'csv.empty');
    const extra = tool.csvToFeed('Tỉnh;Tổng số mô hình\nNghệ An;38;oops\n');
    assert.deepEqual(extra.errors[0].place, { row: 2, column: 2 });
  });

  it('writes the feed with --out and says so; --source-name, --source-url, --next-update go in', async () => {
    const dir = tempDir();
    const out = join(dir, 'feed.json');
    const run = await cli(
      'from-csv',
      fixture('blank-lines.csv'),
      '-o',
      out,
      '--as-of=2024-10-04',
      '--next-update',
      '2024-11-04',
      '--source-name',
      'Công an tỉnh Nghệ An',
      '--source-url',
      'https://congan.nghean.gov.vn/',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `Đã ghi ${out}: 2 tỉnh, 0 chỉ số.\n`);
    assert.equal(run.stderr, '', 'no hint when --as-of is given');
    const text = readFileSync(out, 'utf8');
    assert.ok(!text.startsWith('\uFEFF') && text.endsWith('}\n'));
    assert.deepEqual(JSON.parse(text), {
      version: 1,
      asOf: '2024-10-04',
      nextUpdate: '2024-11-04',
      source: { name: 'Công an tỉnh Nghệ An', url: 'https://congan.nghean.gov.vn/' },
      provinces: [
        { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 38, completed: 6 } },
        { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43 } },
      ],
    });
  });

  it('writes nothing when the file is refused', async () => {
    const out = join(tempDir(), 'feed.json');
    assert.equal((await cli('from-csv', fixture('duplicate-province.csv'), '--out', out)).code, 1);
    assert.equal(existsSync(out), false);
  });

  it('hints at --as-of when it is missing', async () => {
    const run = await cli('from-csv', fixture('blank-lines.csv'));
    assert.equal(run.code, 0);
    assert.match(run.stderr, /--as-of YYYY-MM-DD/);
  });

  it('usage errors exit 2: a bad --locale, --source-url alone or not http(s), --out onto the input, no file, two files', async () => {
    const cases = [
      [['--locale', 'fr'], /--locale phải là vi \| en \(không phải "fr"\)/],
      [['--separator', '|'], /--separator phải là ; \| ,/],
      [['--source-url', 'https://a.vn/'], /--source-url cần đi kèm --source-name/],
      [['--source-name', 'A', '--source-url', 'javascript:alert(1)'], /phải là địa chỉ http:\/\/ hoặc https:\/\//],
      [['--out', fixture('blank-lines.csv')], /trùng với tệp bảng tính đầu vào/],
      [['--title'], /--title cần một giá trị/],
      [['--bogus'], /Lệnh from-csv không có tùy chọn --bogus/],
      [['extra.csv'], /Thừa tham số "extra.csv"/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('from-csv', fixture('blank-lines.csv'), ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.match(run.stderr, /Xem: tiendo from-csv --help/);
    }
    const none = await cli('from-csv');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Thiếu tệp bảng tính \(\.xlsx hoặc CSV\)/);
  });

  it('a missing file exits 1 and says which', async () => {
    const run = await cli('from-csv', 'khong-co.csv');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Không có tệp khong-co\.csv/);
  });
});

describe('from-csv: the template and the round trip', () => {
  let dir;
  before(() => (dir = tempDir()));

  it('the template demo/feeds/mau-tinh.csv is Excel\'s "Unicode Text" (opens in columns in any locale) and gives the sample feed\'s figures', async () => {
    const file = join(root, 'demo/feeds/mau-tinh.csv');
    const raw = readFileSync(file);
    assert.deepEqual([...raw.subarray(0, 2)], [0xff, 0xfe], 'UTF-16 LE byte order mark');
    const text = raw.subarray(2).toString('utf16le');
    assert.ok(text.split('\r\n')[0].includes('\t'), 'tabs and CRLF');
    assert.doesNotMatch(text, /\d\.\d{3}|;/, 'no thousands separators, no semicolons');
    const run = await cli('from-csv', file, '--as-of', '2024-10-04');
    assert.equal(run.code, 0, run.stderr);
    const feed = JSON.parse(run.stdout);
    // The same counts and figures as the sample feed de-an-06.json.
    const sample = readJson(join(root, 'demo/feeds/de-an-06.json'));
    for (const p of feed.provinces) {
      const s = sample.provinces.find((x) => x.id === p.id);
      assert.ok(s, p.id);
      assert.equal(p.code, s.code);
      assert.equal(p.name, s.name);
      assert.deepEqual(p.models, s.models);
    }
    const vp = feed.provinces.find((p) => p.id === 'vinh-phuc');
    assert.deepEqual(vp.metrics, {
      'ho-so-cu-tru-truc-tuyen': { value: 50579, total: 70758 },
      'ho-so-ho-chieu-truc-tuyen': { value: 5862, total: 6302 },
    });
  });

  it('CSV → feed → validate passes for every file that converts, and the validator hands back the same figures', async () => {
    const files = ['excel-vi.csv', 'google-sheets-en.csv', 'quoted-names.csv', 'blank-lines.csv'].map(fixture);
    files.push(join(root, 'demo/feeds/mau-tinh.csv'));
    for (const [i, file] of files.entries()) {
      const out = join(dir, `round-trip-${i}.json`);
      const made = await cli('from-csv', file, '--out', out, '--as-of', '2024-10-04', '--source-name', 'Công an tỉnh');
      assert.equal(made.code, 0, `${file}: ${made.stderr}`);
      const checked = await cli('validate', out);
      assert.equal(checked.code, 0, `${file}: ${checked.stdout}`);
      assert.match(checked.stdout, /hợp lệ/);
      const { feed, errors } = validateText(readFileSync(out, 'utf8'));
      assert.deepEqual(errors, []);
      const written = readJson(out);
      for (const [k, p] of written.provinces.entries()) {
        assert.equal(feed.provinces[k].id, p.id);
        for (const [id, figure] of Object.entries(p.metrics ?? {})) {
          for (const [key, value] of Object.entries(figure)) assert.equal(feed.provinces[k].metrics[id][key], value);
        }
      }
    }
  });

  it('the installed command does the same: node bin/tiendo.mjs from-csv, then validate', async () => {
    const out = join(dir, 'bin.json');
    const made = await spawnCli(['from-csv', 'demo/feeds/mau-tinh.csv', '--out', out, '--as-of', '2024-10-04']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /Đã ghi .*bin\.json: 4 tỉnh, 2 chỉ số\./);
    const checked = await spawnCli(['validate', out, '--lang', 'en']);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /valid \(provinces: 4, metrics: 2\)/);
    // Printed to standard output when there is no --out.
    const printed = await spawnCli(['from-csv', 'demo/feeds/mau-tinh.csv']);
    assert.equal(printed.code, 0);
    assert.deepEqual(JSON.parse(printed.stdout).provinces, readJson(out).provinces);
  });

  it('writes the same bytes every time: compact JSON by default, two-space JSON with --pretty, a final line break (clean diffs)', async () => {
    const out = join(dir, 'stable.json');
    writeFileSync(out, '');
    await cli('from-csv', fixture('blank-lines.csv'), '--out', out);
    const first = readFileSync(out, 'utf8');
    await cli('from-csv', fixture('blank-lines.csv'), '--out', out);
    assert.equal(readFileSync(out, 'utf8'), first);
    assert.equal(first, `${JSON.stringify(JSON.parse(first))}\n`);
    await cli('from-csv', fixture('blank-lines.csv'), '--out', out, '--pretty');
    const pretty = readFileSync(out, 'utf8');
    assert.equal(pretty, `${JSON.stringify(JSON.parse(first), null, 2)}\n`);
  });
});

/** The library's validator, as bundled in the tool (the one `tiendo validate` runs). */
function validateText(text) {
  return tool.validateFeedText(text);
}
