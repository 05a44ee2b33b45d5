#!/usr/bin/env node
/**
 * Writes the data officers' templates (committed output):
 * - demo/feeds/mau-tinh.xlsx: an Excel workbook, the contract's headers over
 *   example rows (the same figures as the sample feed de-an-06.json), a bold,
 *   frozen header row, the code column formatted as text (so "01" keeps its
 *   zero), and a second sheet "Hướng dẫn" that explains every kind of column
 *   with an example, in Vietnamese and English. The converter reads the first
 *   sheet.
 * - demo/feeds/mau-tinh.csv: the same sheet as Excel's "Unicode Text": UTF-16 LE
 *   with a byte order mark, tab-separated, CRLF, numbers without thousands
 *   separators. Excel opens that the same way in every locale (a `;` or `,`
 *   CSV splits into columns only where the list separator matches, and a
 *   "sep=;" line makes Excel drop the UTF-8 BOM and garble the diacritics).
 *
 * `writeXlsx` is also what the Node tests use to make workbooks the way Excel
 * writes them (shared strings, styles, number and text cells, formula errors).
 * It needs fflate (a devDependency) only.
 */
import { zipSync, strToU8 } from 'fflate';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 → A, 26 → AA. */
function letter(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Styles: 0 default, 1 bold header, 2 text (@), 3 date dd/mm/yyyy, 4 percent 0.00%, 5 wrapped text.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/**
 * A workbook as bytes. `sheets`: [{ name, rows, widths?, frozen?, textColumns? }], rows of
 * cells: a string (shared string), a number, null (no cell), or an object
 * { text } (a text cell, e.g. a code), { date: 'YYYY-MM-DD' }, { percent: 0.93 },
 * { error: '#DIV/0!', formula: 'B2/C2' }, { bold: 'Header' }, { wrap: 'long text' }.
 * Rows may start anywhere: leading nulls and empty rows are kept as gaps.
 */
export function writeXlsx(sheets) {
  const strings = [];
  const index = new Map();
  const sst = (text) => {
    if (!index.has(text)) {
      index.set(text, strings.length);
      strings.push(text);
    }
    return index.get(text);
  };
  const files = {};
  sheets.forEach((sheet, n) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((cell, c) => {
            if (cell === null || cell === undefined) return '';
            const ref = `${letter(c)}${r + 1}`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst(cell)}</v></c>`;
            if ('bold' in cell) return `<c r="${ref}" s="1" t="s"><v>${sst(cell.bold)}</v></c>`;
            if ('text' in cell) return `<c r="${ref}" s="2" t="s"><v>${sst(cell.text)}</v></c>`;
            if ('wrap' in cell) return `<c r="${ref}" s="5" t="s"><v>${sst(cell.wrap)}</v></c>`;
            if ('percent' in cell) return `<c r="${ref}" s="4"><v>${cell.percent}</v></c>`;
            if ('date' in cell) {
              const days = (Date.parse(`${cell.date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
              return `<c r="${ref}" s="3"><v>${days}</v></c>`;
            }
            if ('error' in cell) return `<c r="${ref}" t="e"><f>${xml(cell.formula ?? '1/0')}</f><v>${xml(cell.error)}</v></c>`;
            throw new Error(`cell ${ref}: ${JSON.stringify(cell)}`);
          })
          .join('');
        return cells ? `<row r="${r + 1}">${cells}</row>` : '';
      })
      .join('');
    const width = Math.max(1, ...sheet.rows.map((row) => row.length));
    const cols = sheet.widths?.length
      ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${sheet.textColumns?.includes(i) ? ' style="2"' : ''}/>`).join('')}</cols>`
      : '';
    const pane = sheet.frozen
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    files[`xl/worksheets/sheet${n + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${letter(width - 1)}${Math.max(1, sheet.rows.length)}"/>${pane}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData></worksheet>`,
    );
  });
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((t) => `<si><t xml:space="preserve">${xml(t)}</t></si>`)
      .join('')}</sst>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets
      .map((s, n) => `<sheet name="${xml(s.name)}" sheetId="${n + 1}" r:id="rId${n + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, n) => rel(`rId${n + 1}`, 'worksheet', `worksheets/sheet${n + 1}.xml`))
      .join('')}${rel(`rId${sheets.length + 1}`, 'styles', 'styles.xml')}${rel(`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, n) => `<Override PartName="/xl/worksheets/sheet${n + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  // A fixed date in every entry: the same input writes the same bytes.
  const mtime = new Date('2024-10-04T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]])), { level: 9 });
}

/** The template's header row: the contract's columns, then two metrics with their totals. */
export const TEMPLATE_HEADERS = [
  'Mã',
  'Tỉnh',
  'Tổng số mô hình',
  'Hoàn thành',
  'Đang triển khai',
  'Chưa triển khai',
  'Hồ sơ cư trú trực tuyến',
  'Hồ sơ cư trú trực tuyến (tổng)',
  'Hồ sơ hộ chiếu trực tuyến',
  'Hồ sơ hộ chiếu trực tuyến (tổng)',
];

/** The template's rows: the sample feed's figures (de-an-06.json); an empty cell is a missing figure. */
export const TEMPLATE_ROWS = [
  ['42', 'Hà Tĩnh', 43, null, 21, 22, null, null, null, null],
  ['40', 'Nghệ An', 38, 6, 20, 12, null, null, null, null],
  ['01', 'Hà Nội', 19, null, null, null, null, null, null, null],
  ['26', 'Vĩnh Phúc', null, null, null, null, 50579, 70758, 5862, 6302],
];

/** The instructions sheet: one row per kind of column, with an example, in both languages. */
const GUIDE = [
  [{ bold: 'Cột / Column' }, { bold: 'Ý nghĩa' }, { bold: 'Meaning' }, { bold: 'Ví dụ / Example' }],
  ['Mã | Code', 'Mã đơn vị hành chính (2 chữ số); bỏ trống thì điền theo tên tỉnh', 'Official code (2 digits); filled in from the name when empty', { text: '40' }],
  ['Tỉnh | Province', 'Tên tỉnh, thành phố (bắt buộc nếu không có mã)', 'Province name (required without a code)', 'Nghệ An'],
  ['id', 'Không bắt buộc: mã trong feed; bỏ trống thì lấy từ tên (nghe-an)', 'Optional: the id in the feed; made from the name when empty', 'nghe-an'],
  ['Tổng số mô hình | Models total', 'Tổng số mô hình điểm (số nguyên)', 'Pilot models in all (whole number)', 38],
  ['Hoàn thành | Completed', 'Số mô hình đã hoàn thành', 'Models completed', 6],
  ['Đang triển khai | In progress', 'Số mô hình đang triển khai', 'Models in progress', 20],
  ['Chưa triển khai | Not started', 'Số mô hình chưa triển khai', 'Models not started', 12],
  ['<tên chỉ số> | <metric name>', 'Một chỉ số: tiêu đề là tên hiện trên tiện ích', 'A metric: the header is the name the widgets show', 50579],
  ['<tên chỉ số> (tổng) | (total)', 'Mẫu số của chỉ số đó', "That metric's denominator", 70758],
  ['<tên chỉ số> (tỷ lệ) | (rate)', 'Tỷ lệ đã công bố, khi không có số đếm (định dạng %)', 'A reported rate, when the counts are unknown (% format)', { percent: 0.9966 }],
  [
    { wrap: 'Lưu ý / Notes' },
    { wrap: 'Ô trống là không có số liệu. Mỗi tỉnh một dòng. Trang tính đầu tiên được đọc (hoặc --sheet). Hướng dẫn đầy đủ: docs/huong-dan-du-lieu.md' },
    { wrap: 'An empty cell is a missing figure. One row per province. The first sheet is read (or --sheet). Full guide: docs/huong-dan-du-lieu.md' },
    null,
  ],
];

/** Writes both templates into `root`/demo/feeds/. */
export function makeTemplates(root = here) {
  const data = [TEMPLATE_HEADERS.map((h) => ({ bold: h })), ...TEMPLATE_ROWS.map((row) => row.map((cell, i) => (i === 0 ? { text: cell } : cell)))];
  const xlsx = writeXlsx([
    { name: 'Số liệu', rows: data, frozen: true, widths: [8, 18, 16, 12, 16, 16, 24, 28, 26, 30], textColumns: [0] },
    { name: 'Hướng dẫn', rows: GUIDE, widths: [32, 60, 60, 16] },
  ]);
  writeFileSync(join(root, 'demo/feeds/mau-tinh.xlsx'), xlsx);
  const lines = [TEMPLATE_HEADERS, ...TEMPLATE_ROWS].map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join('\t'));
  const text = `${lines.join('\r\n')}\r\n`;
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  writeFileSync(join(root, 'demo/feeds/mau-tinh.csv'), utf16);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  makeTemplates();
}
