/**
 * The data officers' templates (scripts/make-template.mjs → demo/feeds/mau-tinh.xlsx and
 * mau-tinh.csv): the committed files are what the script makes today; the workbook's data sheet
 * carries the contract's headers (../shared/SPEC.md, "tools for data officers"), formatted as an
 * officer needs them, with an example for every kind of column; its guide sheet explains every kind
 * of column in Vietnamese and English, and what it says is true: the headers it names, over its
 * examples, are read by the converter as the columns it describes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { makeTemplates, writeXlsx } from '../../scripts/make-template.mjs';
import { cli, root, tempDir, tool } from './helpers.mjs';

const XLSX = join(root, 'demo/feeds/mau-tinh.xlsx');
const CSV = join(root, 'demo/feeds/mau-tinh.csv');

/** The contract's header table (SPEC.md): Vietnamese and English header of each column of a province row. */
const CONTRACT = [
  { field: 'code', vi: 'Mã', en: 'Code' },
  { field: 'name', vi: 'Tỉnh', en: 'Province' },
  { field: 'total', vi: 'Tổng số mô hình', en: 'Models total' },
  { field: 'completed', vi: 'Hoàn thành', en: 'Completed' },
  { field: 'inProgress', vi: 'Đang triển khai', en: 'In progress' },
  { field: 'notStarted', vi: 'Chưa triển khai', en: 'Not started' },
];

const unxml = (text) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/** The workbook's parts as Excel reads them: sheet names, shared strings, and each sheet's cells by reference. */
function workbook(bytes) {
  const files = unzipSync(bytes);
  const part = (name) => strFromU8(files[name]);
  const strings = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unxml([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const names = [...part('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) => unxml(m[1]));
  const sheets = names.map((name, i) => {
    const xml = part(`xl/worksheets/sheet${i + 1}.xml`);
    const cells = new Map();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
      const style = /s="(\d+)"/.exec(m[2])?.[1] ?? '0';
      const type = /t="(\w+)"/.exec(m[2])?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(m[3])?.[1];
      cells.set(m[1], { style, type, value: type === 's' ? strings[Number(v)] : v === undefined ? undefined : Number(v) });
    }
    return { name, xml, cells };
  });
  const styles = part('xl/styles.xml');
  const xfs = [...styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const fonts = [...styles.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)[1].matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
  /** What a cell style shows: bold, or the number format Excel applies (49 = text "@"). */
  const look = (style) => {
    const xf = xfs[Number(style)];
    return { bold: fonts[Number(/fontId="(\d+)"/.exec(xf)[1])].includes('<b/>'), format: Number(/numFmtId="(\d+)"/.exec(xf)[1]) };
  };
  return { names, sheets, look };
}

const letters = 'ABCDEFGHIJ';
const row = (sheet, r, width) => [...letters.slice(0, width)].map((l) => sheet.cells.get(`${l}${r}`));

async function feedOf(path, ...options) {
  const run = await cli('from-csv', path, ...options);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('the Excel template demo/feeds/mau-tinh.xlsx', () => {
  const book = workbook(readFileSync(XLSX));
  const [data, guide] = book.sheets;

  it('is what scripts/make-template.mjs makes today, byte for byte (the CSV template too)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'demo/feeds'), { recursive: true });
    makeTemplates(dir);
    for (const name of ['mau-tinh.xlsx', 'mau-tinh.csv']) {
      const made = readFileSync(join(dir, 'demo/feeds', name));
      const committed = readFileSync(join(root, 'demo/feeds', name));
      assert.ok(made.equals(committed), `demo/feeds/${name} differs from what the script makes: run node scripts/make-template.mjs`);
    }
  });

  it('has the data sheet first, then the guide, "Hướng dẫn"', () => {
    assert.deepEqual(book.names, ['Số liệu', 'Hướng dẫn']);
  });

  it('heads the data sheet with the contract\'s Vietnamese headers, bold, in a frozen first row, and two metrics with their totals', () => {
    const headers = row(data, 1, 10);
    assert.deepEqual(
      headers.map((c) => c?.value),
      [...CONTRACT.map((c) => c.vi), 'Hồ sơ cư trú trực tuyến', 'Hồ sơ cư trú trực tuyến (tổng)', 'Hồ sơ hộ chiếu trực tuyến', 'Hồ sơ hộ chiếu trực tuyến (tổng)'],
    );
    for (const cell of headers) assert.equal(book.look(cell.style).bold, true, `${cell.value} is bold`);
    assert.match(data.xml, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    // Nothing in the first row is a header the converter would pass over.
    assert.deepEqual(
      headers.map((c) => {
        const meaning = tool.headerMeaning(tool.cleanHeader(c.value));
        return 'field' in meaning ? meaning.field : `${meaning.metric}:${meaning.part}`;
      }),
      [
        ...CONTRACT.map((c) => c.field),
        'Hồ sơ cư trú trực tuyến:value',
        'Hồ sơ cư trú trực tuyến:total',
        'Hồ sơ hộ chiếu trực tuyến:value',
        'Hồ sơ hộ chiếu trực tuyến:total',
      ],
    );
  });

  it('gives an example under every column, and keeps the code a text (Hà Nội\'s "01" keeps its zero)', async () => {
    for (let c = 0; c < 10; c++) {
      const examples = [2, 3, 4, 5].map((r) => data.cells.get(`${letters[c]}${r}`)?.value).filter((v) => v !== undefined);
      assert.ok(examples.length > 0, `column ${letters[c]} (${row(data, 1, 10)[c].value}) has an example`);
    }
    const codes = [2, 3, 4, 5].map((r) => data.cells.get(`A${r}`));
    assert.deepEqual(
      codes.map((c) => c.value),
      ['42', '40', '01', '26'],
    );
    for (const cell of codes) {
      assert.equal(cell.type, 's', 'a code is stored as text');
      assert.equal(book.look(cell.style).format, 49, 'a code cell is formatted as text (@)');
    }
    // The whole column is formatted as text, so the code an officer types in a new row keeps its zero too.
    assert.match(data.xml, /<col min="1" max="1" width="8" customWidth="1" style="(\d+)"\/>/);
    assert.equal(book.look(/<col min="1" max="1"[^>]*style="(\d+)"/.exec(data.xml)[1]).format, 49);
    const feed = await feedOf(XLSX, '--as-of', '2024-10-04');
    assert.deepEqual(
      feed.provinces.map((p) => [p.code, p.name]),
      [
        ['42', 'Hà Tĩnh'],
        ['40', 'Nghệ An'],
        ['01', 'Hà Nội'],
        ['26', 'Vĩnh Phúc'],
      ],
    );
    assert.deepEqual(
      feed.metrics.map((m) => m.name),
      ['Hồ sơ cư trú trực tuyến', 'Hồ sơ hộ chiếu trực tuyến'],
    );
  });

  it('explains every kind of column in its guide sheet, in Vietnamese and English, each with an example', () => {
    const heading = row(guide, 1, 4);
    assert.deepEqual(
      heading.map((c) => c.value),
      ['Cột / Column', 'Ý nghĩa', 'Meaning', 'Ví dụ / Example'],
    );
    for (const cell of heading) assert.equal(book.look(cell.style).bold, true);
    const kinds = [];
    for (let r = 2; guide.cells.has(`A${r}`); r++) {
      const [column, vi, en, example] = row(guide, r, 4);
      if (/^Lưu ý/.test(column.value)) continue;
      assert.ok(vi?.value && en?.value, `row ${r}: meaning in both languages`);
      assert.notEqual(vi.value, en.value);
      assert.ok(example?.value !== undefined, `row ${r} (${column.value}): an example`);
      kinds.push(column.value);
    }
    assert.deepEqual(kinds, [
      'Mã | Code',
      'Tỉnh | Province',
      'id',
      'Tổng số mô hình | Models total',
      'Hoàn thành | Completed',
      'Đang triển khai | In progress',
      'Chưa triển khai | Not started',
      '<tên chỉ số> | <metric name>',
      '<tên chỉ số> (tổng) | (total)',
      '<tên chỉ số> (tỷ lệ) | (rate)',
    ]);
    const notes = [...guide.cells.values()].filter((c) => typeof c.value === 'string' && c.value.includes('docs/huong-dan-du-lieu.md'));
    assert.equal(notes.length, 2, 'the notes, in both languages, name the full guide');
  });

  for (const lang of ['vi', 'en']) {
    it(`says the truth: its ${lang === 'vi' ? 'Vietnamese' : 'English'} headers, over its examples, read as the columns it describes`, async () => {
      // A sheet an officer makes from the guide alone: each named header over its example.
      const headers = [];
      const examples = [];
      for (let r = 2; guide.cells.has(`A${r}`); r++) {
        const [column, , , example] = row(guide, r, 4);
        if (/^Lưu ý/.test(column.value)) continue;
        const [vi, en = vi] = column.value.split(' | ');
        let header = lang === 'vi' ? vi : en;
        // A metric's columns: the metric's name in place of the placeholder.
        header = header.replace(/<tên chỉ số>|<metric name>/, 'Hồ sơ trực tuyến');
        if (/^\(/.test(header)) header = `Hồ sơ trực tuyến ${header}`;
        // One metric cannot be given both as counts and as a rate: the rate names a second one.
        if (/\((tỷ lệ|rate)\)$/.test(header)) header = header.replace('Hồ sơ trực tuyến', 'Hồ sơ đúng hạn');
        headers.push(header);
        examples.push(example.type === 's' ? { text: example.value } : example.style !== '0' && book.look(example.style).format === 10 ? { percent: example.value } : example.value);
      }
      const dir = tempDir();
      const path = join(dir, `huong-dan-${lang}.xlsx`);
      writeFileSync(path, writeXlsx([{ name: 'Số liệu', rows: [headers, examples] }]));
      const feed = await feedOf(path, '--as-of', '2024-10-04');
      assert.deepEqual(feed.metrics, [
        { id: 'ho-so-truc-tuyen', name: 'Hồ sơ trực tuyến' },
        { id: 'ho-so-dung-han', name: 'Hồ sơ đúng hạn' },
      ]);
      assert.deepEqual(feed.provinces, [
        {
          id: 'nghe-an',
          code: '40',
          name: 'Nghệ An',
          models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
          metrics: { 'ho-so-truc-tuyen': { value: 50579, total: 70758 }, 'ho-so-dung-han': { rate: 0.9966 } },
        },
      ]);
    });
  }
});

describe('the CSV template demo/feeds/mau-tinh.csv', () => {
  it('holds the workbook\'s data sheet, cell for cell', async () => {
    const xlsx = await tool.readSheetBytes(new Uint8Array(readFileSync(XLSX)));
    const csv = await tool.readSheetBytes(new Uint8Array(readFileSync(CSV)));
    const text = (rows) => rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))).map((r) => r.join('|').replace(/\|+$/, ''));
    assert.deepEqual(text(csv.rows), text(xlsx.rows));
    assert.equal(csv.encoding, 'utf-16le');
  });
});
