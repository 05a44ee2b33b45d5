/** The CSV reader and the number reader of `tiendo from-csv`, piece by piece. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tool } from './helpers.mjs';

const { parseCsv, detectSeparator, stripBom, columnLetter, CsvSyntaxError, readNumber, readPercent, slugify, headerKey, numberMode } = tool;

describe('CSV reader', () => {
  it('detects ; (Vietnamese Excel) and , (English exports) from the header row', () => {
    assert.equal(detectSeparator('Tỉnh;Mã;Hoàn thành\r\n1,5;2;3'), ';');
    assert.equal(detectSeparator('Province,Code,Completed\n1;2;3'), ',');
    // Separators inside quotes do not count; a Vietnamese header may hold a comma.
    assert.equal(detectSeparator('"Tỉnh; thành phố",Mã,Tổng\n'), ',');
    assert.equal(detectSeparator('Tỉnh;Hồ sơ trực tuyến, toàn trình\n'), ';');
    // Leading blank lines are skipped; a header with neither is ",".
    assert.equal(detectSeparator('\r\n\r\nTỉnh;Mã\r\n'), ';');
    assert.equal(detectSeparator('Tỉnh\nNghệ An\n'), ',');
  });

  it('strips a BOM and reads CRLF, LF and CR line ends', () => {
    assert.equal(stripBom('\uFEFFTỉnh'), 'Tỉnh');
    assert.deepEqual(parseCsv('\uFEFFa;b\r\n1;2\r\n'), [['a', 'b'], ['1', '2']]);
    assert.deepEqual(parseCsv('a;b\n1;2'), [['a', 'b'], ['1', '2']]);
    assert.deepEqual(parseCsv('a;b\r1;2\r'), [['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields: separators, doubled quotes and line breaks inside', () => {
    assert.deepEqual(parseCsv('"Huế, thành phố",10\n"Thành phố ""HCM""",2\n"Bà Rịa,\r\nVũng Tàu",8\n', ','), [
      ['Huế, thành phố', '10'],
      ['Thành phố "HCM"', '2'],
      ['Bà Rịa,\r\nVũng Tàu', '8'],
    ]);
    assert.deepEqual(parseCsv('"";"a"\n', ';'), [['', 'a']]);
    // Text after a closing quote (which no spreadsheet writes) is refused with its row, not guessed at.
    assert.throws(() => parseCsv('x;y\n"a"b;c\n', ';'), (e) => e instanceof CsvSyntaxError && e.row === 2);
  });

  it('reads a tab-separated export (Excel\'s "Unicode Text") and files that mix line breaks', () => {
    assert.equal(detectSeparator('Tỉnh\tMã\tHồ sơ, trực tuyến\r\n'), '\t');
    assert.deepEqual(parseCsv('Tỉnh\tMã\r\nNghệ An\t40\r\n', '\t'), [['Tỉnh', 'Mã'], ['Nghệ An', '40']]);
    // Lines added by hand in another editor: CRLF, then LF, then CR.
    assert.deepEqual(parseCsv('a;b\r\n1;2\n3;4\r5;6', ';'), [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('keeps empty fields, trailing separators and blank rows (rows are numbered as a spreadsheet shows them)', () => {
    assert.deepEqual(parseCsv('a;b;;\n\n;;;\nc;d\n', ';'), [['a', 'b', '', ''], [''], ['', '', '', ''], ['c', 'd']]);
  });

  it('refuses a quote that is never closed, naming its row', () => {
    assert.throws(
      () => parseCsv('a;b\n1;2\n"3;4\n5;6\n', ';'),
      (e) => e instanceof CsvSyntaxError && e.row === 3,
    );
  });

  it('names columns as spreadsheets do', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('numbers', () => {
  it('reads Vietnamese numbers: . between thousands, , before decimals', () => {
    assert.equal(readNumber('50.579', 'vi'), 50579);
    assert.equal(readNumber('1.234.567', 'vi'), 1234567);
    assert.equal(readNumber('0,93', 'vi'), 0.93);
    assert.equal(readNumber('1.234,5', 'vi'), 1234.5);
    assert.equal(readNumber('201884', 'vi'), 201884);
    assert.equal(readNumber('-5', 'vi'), -5);
    for (const bad of ['0.93', '50,579.5', '1.23', '1.2345', '.5', '1 234', '1e5', '12a', '', '-', '0.123', '1,2,3']) {
      assert.equal(readNumber(bad, 'vi'), undefined, bad);
    }
  });

  it('reads English numbers: , between thousands, . before decimals', () => {
    assert.equal(readNumber('50,579', 'en'), 50579);
    assert.equal(readNumber('1,234,567.25', 'en'), 1234567.25);
    assert.equal(readNumber('0.93', 'en'), 0.93);
    assert.equal(readNumber('0.123', 'en'), 0.123);
    for (const bad of ['0,93', '1.234.567', '1.234,5', '1,23', '01,234', '1 234', 'N/A']) {
      assert.equal(readNumber(bad, 'en'), undefined, bad);
    }
  });

  it('reads percentages by moving the decimal point, without rounding noise', () => {
    assert.equal(readPercent('99,66', 'vi'), 0.9966);
    assert.equal(readPercent('93.5', 'en'), 0.935);
    assert.equal(readPercent('100', 'vi'), 1);
    assert.equal(readPercent('0,07', 'vi'), 0.0007);
  });

  it('decides how a file writes its numbers: --locale, else ; is Vietnamese, else English, sure only with evidence', () => {
    const cells = (...list) => () => list;
    assert.equal(numberMode(',', 'vi', cells('0.93')), 'vi');
    assert.equal(numberMode(';', 'en', cells()), 'en');
    assert.equal(numberMode(';', undefined, cells('0.93')), 'vi');
    // A number that can only be English makes a comma-separated file's numbers clear.
    for (const evidence of ['0.93', '82.5', '1,234,567', '1,234.5', '93.5%']) {
      assert.equal(numberMode(',', undefined, cells('1.234', evidence)), 'en', evidence);
    }
    // Numbers that read the same both ways, or two ways, or only the Vietnamese way, make nothing clear.
    assert.equal(numberMode(',', undefined, cells('1.234', '50,579', '38', '0,93', '1.234.567', '')), 'en?');
  });
});

describe('names', () => {
  it('makes ids without diacritics, đ → d, lower case, hyphens', () => {
    assert.equal(slugify('Nghệ An'), 'nghe-an');
    assert.equal(slugify('Đắk Lắk'), 'dak-lak');
    assert.equal(slugify('Thừa Thiên Huế'), 'thua-thien-hue');
    assert.equal(slugify('Bà Rịa - Vũng Tàu'), 'ba-ria-vung-tau');
    assert.equal(slugify('TP. Hồ Chí Minh'), 'tp-ho-chi-minh');
    assert.equal(slugify('Hồ sơ trực tuyến (%)'), 'ho-so-truc-tuyen');
    // Decomposed text (as macOS writes it) gives the same id.
    assert.equal(slugify('Nghệ An'.normalize('NFD')), 'nghe-an');
    assert.equal(slugify('???'), '');
  });

  it('matches headers without regard to case, spacing or Unicode form', () => {
    assert.equal(headerKey('  TỔNG SỐ   MÔ HÌNH '), 'tổng số mô hình');
    assert.equal(headerKey('Hoàn thành'.normalize('NFD')), 'hoàn thành');
    assert.equal(headerKey('Models\u00a0Total'), 'models total');
  });

  it('recognises the contract\'s headers without diacritics, case or spaces, and metric parts', () => {
    const { headerMeaning } = tool;
    for (const [header, field] of [
      ['tong so mo hinh', 'total'],
      ['TỔNG SỐ MÔ HÌNH', 'total'],
      ['Hoan thanh', 'completed'],
      ['DANG TRIEN KHAI', 'inProgress'],
      ['chưa triển khai', 'notStarted'],
      ['Tinh', 'name'],
      ['tinh/thanh pho', 'name'],
      ['Ma', 'code'],
      ['ModelsTotal', 'total'],
      ['IN PROGRESS', 'inProgress'],
    ]) {
      assert.deepEqual(headerMeaning(header), { field }, header);
    }
    assert.deepEqual(headerMeaning('Hồ sơ (tong)'), { metric: 'Hồ sơ', part: 'total' });
    assert.deepEqual(headerMeaning('Hồ sơ (TỶ LỆ)'), { metric: 'Hồ sơ', part: 'rate' });
    assert.deepEqual(headerMeaning('Hồ sơ (ti le)'), { metric: 'Hồ sơ', part: 'rate' });
    assert.deepEqual(headerMeaning('Hồ sơ (tháng 5)'), { metric: 'Hồ sơ (tháng 5)', part: 'value' });
  });
});
