/**
 * What the data studio does in the browser, done by the CLI through the same
 * conversion core (src/convert): Excel workbooks, Excel's encodings, damaged
 * text refused with how to export again, provinces recognised by name or code,
 * and every problem at its row and column with its header.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeXlsx } from '../../scripts/make-template.mjs';
import { cli, fixture, root, tempDir, tool } from './helpers.mjs';

let dir;
before(() => (dir = tempDir()));

/** Writes bytes (or text) to a file in the temporary folder and returns its path. */
function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function convert(path, ...options) {
  const run = await cli('from-csv', path, ...options);
  assert.equal(run.code, 0, `${path}: ${run.stderr}`);
  return { feed: JSON.parse(run.stdout), stderr: run.stderr };
}

async function refuse(path, ...options) {
  const run = await cli('from-csv', path, ...options);
  assert.equal(run.code, 1, `${path} must be refused; printed ${run.stdout}`);
  assert.equal(run.stdout, '');
  return run.stderr.trim().split('\n');
}

const bold = (text) => ({ bold: text });

/** A report as officers make it: a title and a blank row above the headers, a leading empty column, Vietnamese headers. */
function reportSheet(overrides = {}) {
  const rows = [
    [null, 'BÁO CÁO TIẾN ĐỘ ĐỀ ÁN 06'],
    [],
    [null, bold('Mã'), bold('Tỉnh'), bold('Tổng số mô hình'), bold('Hoàn thành'), bold('Đang triển khai'), bold('Chưa triển khai'), bold('Hồ sơ trực tuyến'), bold('Hồ sơ trực tuyến (tổng)'), bold('Hồ sơ đúng hạn (tỷ lệ)')],
    [null, { text: '40' }, 'Nghệ An', 38, 6, 20, 12, 50579, 70758, { percent: 0.9966 }],
    [null, 42, 'Hà Tĩnh', 43, null, 21, 22, null, null, null],
    [null, 1, 'Hà Nội', 19, null, null, null, { text: '1.234.567' }, 2000000, null],
  ];
  for (const [at, value] of Object.entries(overrides)) {
    const [r, c] = at.split(',').map(Number);
    rows[r][c] = value;
  }
  return rows;
}

describe('from-csv: Excel workbooks (.xlsx)', () => {
  it('Vietnamese headers under a title, number cells, a code typed as a number, a % cell: the expected feed', async () => {
    const path = file('bao-cao.xlsx', writeXlsx([{ name: 'Tháng 10', rows: reportSheet() }, { name: 'Ghi chú', rows: [['x']] }]));
    const { feed } = await convert(path, '--as-of', '2024-10-04', '--title', 'Tiến độ Đề án 06');
    assert.deepEqual(feed, {
      version: 1,
      title: 'Tiến độ Đề án 06',
      asOf: '2024-10-04',
      metrics: [
        { id: 'ho-so-truc-tuyen', name: 'Hồ sơ trực tuyến' },
        { id: 'ho-so-dung-han', name: 'Hồ sơ đúng hạn' },
      ],
      provinces: [
        {
          id: 'nghe-an',
          code: '40',
          name: 'Nghệ An',
          models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
          metrics: { 'ho-so-truc-tuyen': { value: 50579, total: 70758 }, 'ho-so-dung-han': { rate: 0.9966 } },
        },
        { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 43, inProgress: 21, notStarted: 22 } },
        // Excel turned the code 01 into the number 1; a number typed as text reads the one way it can.
        { id: 'ha-noi', code: '01', name: 'Hà Nội', models: { total: 19 }, metrics: { 'ho-so-truc-tuyen': { value: 1234567, total: 2000000 } } },
      ],
    });
  });

  it('gives the same feed as the same sheet exported to CSV', async () => {
    const xlsx = file('same.xlsx', writeXlsx([{ name: 'Sheet1', rows: reportSheet({ '5,7': 1234567 }) }]));
    const csv = file(
      'same.csv',
      '\uFEFF;BÁO CÁO TIẾN ĐỘ ĐỀ ÁN 06\r\n\r\n;Mã;Tỉnh;Tổng số mô hình;Hoàn thành;Đang triển khai;Chưa triển khai;Hồ sơ trực tuyến;Hồ sơ trực tuyến (tổng);Hồ sơ đúng hạn (tỷ lệ)\r\n' +
        ';40;Nghệ An;38;6;20;12;50.579;70.758;99,66%\r\n;42;Hà Tĩnh;43;;21;22;;;\r\n;01;Hà Nội;19;;;;1.234.567;2.000.000;\r\n',
    );
    const a = await convert(xlsx, '--as-of', '2024-10-04');
    const b = await convert(csv, '--as-of', '2024-10-04');
    assert.deepEqual(a.feed, b.feed);
  });

  it('a bad cell: its row, column letter and header, as Excel shows them; a date, a formula error, text', async () => {
    const rows = reportSheet({ '3,4': 'sáu', '4,7': { date: '2024-10-04' }, '5,3': { error: '#DIV/0!', formula: 'B6/0' } });
    const lines = await refuse(file('bad.xlsx', writeXlsx([{ name: 'Số liệu', rows }])));
    assert.deepEqual(lines.slice(0, -1), [
      'dòng 6, cột D "Tổng số mô hình": ô có lỗi công thức #DIV/0!; hãy sửa công thức trong Excel hoặc để trống ô',
    ]);
    // Once the formula is fixed, the other cells are named with their headers.
    rows[5][3] = 19;
    const again = await refuse(file('bad2.xlsx', writeXlsx([{ name: 'Số liệu', rows }])));
    assert.deepEqual(again.slice(0, -1), [
      'dòng 4, cột E "Hoàn thành": "sáu" không phải là số (để trống ô nếu không có số liệu)',
      'dòng 5, cột H "Hồ sơ trực tuyến": ô chứa ngày tháng (2024-10-04), không phải số',
    ]);
    const en = await refuse(file('bad2.xlsx', writeXlsx([{ name: 'Số liệu', rows }])), '--lang', 'en');
    assert.equal(en[0], 'row 4, column E "Hoàn thành": "sáu" is not a number (leave the cell empty when there is no figure)');
  });

  it('a figure that breaks a rule is named by its cell, in the sheet\'s words', async () => {
    const lines = await refuse(file('sum.xlsx', writeXlsx([{ name: 'S', rows: reportSheet({ '3,4': 30 }) }])));
    assert.equal(
      lines[0],
      'dòng 4, cột D "Tổng số mô hình": tổng "Hoàn thành", "Đang triển khai", "Chưa triển khai" (62) vượt quá "Tổng số mô hình" (38)',
    );
  });

  it('--sheet picks a sheet by name (case and diacritics aside); an unknown one lists the sheets', async () => {
    const path = file('two.xlsx', writeXlsx([{ name: 'Ghi chú', rows: [['Chỉ là ghi chú']] }, { name: 'Tháng 10', rows: reportSheet() }]));
    const { feed } = await convert(path, '--sheet', 'thang 10');
    assert.equal(feed.provinces.length, 3);
    const lines = await refuse(path, '--sheet', 'Tháng 11');
    assert.equal(lines[0], 'sổ làm việc không có trang tính "Tháng 11"; các trang tính: "Ghi chú", "Tháng 10"');
    // Without --sheet, the first sheet is read (here it has no province column).
    assert.match((await refuse(path))[0], /thiếu cột tên tỉnh/);
  });

  it('a damaged workbook and an old .xls are refused with what to do', async () => {
    const broken = writeXlsx([{ name: 'S', rows: reportSheet() }]).slice(0, 600);
    assert.match((await refuse(file('broken.xlsx', broken)))[0], /không đọc được như một sổ làm việc Excel \(\.xlsx\)/);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const [line] = await refuse(file('old.xls', xls));
    assert.match(line, /Excel 97–2003 \(\.xls\)/);
    assert.match(line, /Excel Workbook \(\*\.xlsx\)/);
  });

  it('the template demo/feeds/mau-tinh.xlsx gives the same feed as mau-tinh.csv', async () => {
    const a = await convert(join(root, 'demo/feeds/mau-tinh.xlsx'), '--as-of', '2024-10-04');
    const b = await convert(join(root, 'demo/feeds/mau-tinh.csv'), '--as-of', '2024-10-04');
    assert.deepEqual(a.feed, b.feed);
    assert.equal(a.feed.provinces.find((p) => p.id === 'ha-noi').code, '01');
  });
});

describe('from-csv: the encodings Excel writes', () => {
  const text = 'Tỉnh\tMã\tHoàn thành\r\nĐắk Lắk\t66\t1.003\r\nThừa Thiên Huế\t46\t7\r\n';
  const expected = [
    { id: 'dak-lak', code: '66', name: 'Đắk Lắk', models: { completed: 1003 } },
    { id: 'thua-thien-hue', code: '46', name: 'Thừa Thiên Huế', models: { completed: 7 } },
  ];

  it('UTF-16 LE with a BOM, tab-separated (Excel\'s "Unicode Text"): correct names, Vietnamese numbers', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const run = await cli('from-csv', file('unicode.txt', bytes), '--as-of', '2024-10-04');
    assert.equal(run.code, 1, 'models without total are refused by the validator');
    const withTotal = 'Tỉnh\tMã\tTổng số mô hình\tHoàn thành\r\nĐắk Lắk\t66\t1.204\t1.003\r\nThừa Thiên Huế\t46\t9\t7\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withTotal, 'utf16le')]);
    const { feed } = await convert(file('unicode-le.csv', le));
    assert.deepEqual(feed.provinces, [
      { ...expected[0], models: { total: 1204, completed: 1003 } },
      { ...expected[1], models: { total: 9, completed: 7 } },
    ]);
    // The same text big-endian.
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual((await convert(file('unicode-be.csv', be))).feed, feed);
  });

  it('Windows-1258 (Vietnamese Windows\' plain CSV): tones as combining marks, composed back', () => {
    const { decodeText } = tool;
    const raw = readFileSync(fixture('excel-ansi.csv'));
    const decoded = decodeText(raw);
    assert.equal(decoded.encoding, 'windows-1258');
    assert.equal(decoded.text, 'Tỉnh;Mô hình\r\nHà Nội;19\r\n'.normalize('NFC'));
  });

  it('UTF-8 with and without a BOM', () => {
    const { decodeText } = tool;
    const bytes = new TextEncoder().encode('Tỉnh;Mã\r\nNghệ An;40\r\n');
    assert.deepEqual(decodeText(bytes), { text: 'Tỉnh;Mã\r\nNghệ An;40\r\n', encoding: 'utf-8', bom: false });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).bom, true);
  });
});

describe('from-csv: text damaged before it arrived is refused, with how to export again', () => {
  it('double-encoded UTF-8 ("Nghá»‡ An")', async () => {
    // What a UTF-8 file becomes when a program reads it as a Windows code page and saves it as UTF-8 again.
    // (Windows-1258 here: Node 20's TextDecoder reads "windows-1252" as Latin-1; both give "Nghá»‡".)
    const good = 'Tỉnh;Tổng số mô hình\r\nNghệ An;38\r\nHà Tĩnh;43\r\n';
    const mangled = new TextDecoder('windows-1258').decode(new TextEncoder().encode(good));
    assert.match(mangled, /Nghá»‡ An/);
    const lines = await refuse(file('double.csv', `\uFEFF${mangled}`));
    assert.match(lines[0], /^dòng 1, cột A: chữ trong ô đã bị hỏng trước khi đến đây \("Tá»‰nh": tiếng Việt bị mã hóa hai lần\)/);
    // Latin-1 shows the same bytes with control characters in place of "‰" and "‡": also refused.
    const latin1 = Buffer.from(new TextEncoder().encode(good)).toString('latin1');
    assert.match((await refuse(file('latin1.csv', latin1)))[0], /tiếng Việt bị mã hóa hai lần/);
    assert.ok(lines.some((l) => l.startsWith('dòng 2, cột A: ') && l.includes('"Nghá»‡ An"')));
    // The way out, with Excel's menus in both languages.
    assert.match(lines[0], /Tệp › Lưu như \(File › Save As\)/);
    assert.match(lines[0], /"CSV UTF-8 \(Phân tách bằng dấu phẩy\)" \/ "CSV UTF-8 \(Comma delimited\)"/);
    const en = await refuse(file('double.csv', `\uFEFF${mangled}`), '--lang', 'en');
    assert.match(en[0], /the Vietnamese was encoded twice/);
    assert.match(en[0], /File › Save As \(Tệp › Lưu như\), type "CSV UTF-8 \(Comma delimited\)"/);
  });

  it('letters turned into "?" and the replacement character', async () => {
    const q = await refuse(file('question.csv', 'Tỉnh;Tổng số mô hình\r\nĐ?k L?k;38\r\nH? T?nh;43\r\n'));
    assert.match(q[0], /^dòng 2, cột A "Tỉnh": chữ trong ô đã bị hỏng .*"Đ\?k L\?k": chữ có dấu bị thay bằng dấu \?/);
    assert.match(q[1], /^dòng 3, cột A "Tỉnh": .*"H\? T\?nh"/);
    const r = await refuse(file('fffd.csv', 'Tỉnh;Tổng số mô hình\r\nNgh\uFFFD An;38\r\n'));
    assert.match(r[0], /^dòng 2, cột A "Tỉnh": .*ký tự � thay cho chữ không đọc được/);
  });

  it('a "?" beside a letter in a place\'s name ("Ngh? An", "?à Nẵng", "Hu?"), where a name never has one; elsewhere a question stays a question', async () => {
    const lines = await refuse(file('name-q.csv', 'Mã;Tỉnh;Tổng số mô hình\r\n40;Ngh? An;38\r\n48;?à Nẵng;20\r\n46;Hu?;12\r\n42;Hà Tĩnh;43\r\n'));
    assert.deepEqual(
      lines.slice(0, -1).map((l) => l.replace(/ Trong Excel .*$/, '')),
      [
        'dòng 2, cột B "Tỉnh": chữ trong ô đã bị hỏng trước khi đến đây ("Ngh? An": chữ có dấu bị thay bằng dấu ?).',
        'dòng 3, cột B "Tỉnh": chữ trong ô đã bị hỏng trước khi đến đây ("?à Nẵng": chữ có dấu bị thay bằng dấu ?).',
        'dòng 4, cột B "Tỉnh": chữ trong ô đã bị hỏng trước khi đến đây ("Hu?": chữ có dấu bị thay bằng dấu ?).',
      ],
    );
    const { feed } = await convert(file('question-metric.csv', 'Tỉnh;Đã số hóa?\r\nNghệ An;12\r\n'), '--as-of', '2024-10-04');
    assert.deepEqual(feed.metrics, [{ id: 'da-so-hoa', name: 'Đã số hóa?' }]);
    assert.equal(tool.damageOf('Ngh? An'), undefined, 'outside a name column');
    assert.equal(tool.damageOf('Ngh? An', true), 'question');
  });

  it('ordinary Vietnamese, punctuation and links are not mistaken for damage', () => {
    const { damageOf } = tool;
    for (const text of ['Thừa Thiên Huế', 'Bà Rịa – Vũng Tàu', 'Trường “mẫu”', 'Hỏi? Đáp!', 'https://a.vn/x?y=1', 'Đắk Lắk', 'Ơ ư ă â', 'Khánh Hòa', 'Đề án 06 (%)']) {
      assert.equal(damageOf(text), undefined, text);
    }
    assert.equal(damageOf('Äáº¯k Láº¯k'), 'doubleEncoded');
  });
});

describe('from-csv: headers and provinces as officers write them', () => {
  it('"Mã tỉnh" and "Tên tỉnh", as officers often head the columns, are the code and the name', async () => {
    const { feed } = await convert(file('ten-tinh.csv', 'Mã tỉnh;Tên tỉnh;Tổng số mô hình\r\n40;Nghệ An;38\r\n;Hà Tĩnh;43\r\n'), '--as-of', '2024-10-04');
    assert.deepEqual(
      feed.provinces.map((p) => [p.id, p.code, p.name, p.models.total]),
      [
        ['nghe-an', '40', 'Nghệ An', 38],
        ['ha-tinh', '42', 'Hà Tĩnh', 43],
      ],
    );
    assert.equal(feed.metrics, undefined, 'neither header is taken for a metric');
  });

  it('headers without diacritics, in capitals, with odd spaces', async () => {
    const { feed } = await convert(file('plain.csv', 'TINH;tong so mo hinh;Hoan  thanh;dang trien khai\r\nNghe An;38;6;20\r\n'));
    assert.deepEqual(feed.provinces, [{ id: 'nghe-an', code: '40', name: 'Nghe An', models: { total: 38, completed: 6, inProgress: 20 } }]);
  });

  it('fills a missing code from the name and a missing name from the code; warns when they disagree or a code names nothing', async () => {
    const csv = 'Mã;Tỉnh;Tổng số mô hình\r\n;Nghệ An;38\r\n42;;43\r\n26;Hà Nội;19\r\n99;Tỉnh Mới;2\r\n';
    const { feed, stderr } = await convert(file('places.csv', csv), '--as-of', '2024-10-04');
    assert.deepEqual(
      feed.provinces.map((p) => [p.id, p.code, p.name]),
      [
        ['nghe-an', '40', 'Nghệ An'],
        ['ha-tinh', '42', 'Hà Tĩnh'],
        ['ha-noi', '26', 'Hà Nội'],
        ['tinh-moi', '99', 'Tỉnh Mới'],
      ],
    );
    // Figures dated before July 2025: the 63 provinces are the list, where 26 is Vĩnh Phúc.
    assert.deepEqual(stderr.trim().split('\n'), [
      'cảnh báo: dòng 4, cột A "Mã": mã "26" là Vĩnh Phúc, không phải "Hà Nội"; hãy xem lại mã hoặc tên',
      'cảnh báo: dòng 5, cột A "Mã": mã "99" không phải mã của tỉnh, thành phố nào trong 63 đơn vị trước ngày 1/7/2025',
    ]);
  });
});
