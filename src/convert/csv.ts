/**
 * CSV as spreadsheets really export it, read with Papa Parse: RFC 4180 quoting
 * (a field in double quotes may hold the separator, line breaks and `""` for a
 * quote), CRLF, LF or CR line ends, and `;` (Vietnamese Excel, whose decimal
 * mark is `,`), `,` (English exports) or a tab (Excel's "Unicode Text")
 * between fields. Decoding bytes, BOMs included, is decode.ts's job.
 *
 * Records are numbered the way a spreadsheet numbers its rows when it opens the
 * file: the header is row 1, a blank line is a row, and a record whose quoted
 * cell spans several lines is one row. Messages name these numbers.
 */
import { parse } from 'papaparse';

export type Separator = ';' | ',' | '\t';

/** A record that cannot be read (a quote never closed, or text after a closing quote), with its row number. */
export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`unclosed quote in row ${row}`);
  }
}

/** Drops a byte order mark left in decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of the header line (the first line with text): a tab when it
 * has tabs and no more `;` or `,` than tabs (Excel's "Unicode Text"); else the
 * one of `;` and `,` that occurs there more often outside quotes; a tie goes
 * to `;`, since an English header has no reason to hold a bare `;` while a
 * Vietnamese one may hold a `,` ("Hồ sơ trực tuyến, toàn trình"). A header with
 * none of them is `,`.
 */
export function detectSeparator(text: string): Separator {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let seenText = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') {
      if (seenText) break;
    } else if (c === ';' || c === ',' || c === '\t') counts[c]++;
    if (c !== '\n' && c !== '\r' && c !== ' ' && c !== '\t') seenText = true;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']) return '\t';
  return counts[';'] > 0 && counts[';'] >= counts[','] ? ';' : ',';
}

/**
 * The line break that ends the records (line breaks inside quoted cells do not
 * count), or undefined when the records mix kinds; then every kind is turned
 * into LF first, since Papa Parse takes one kind per file.
 */
function lineBreak(text: string): '\r\n' | '\n' | '\r' | undefined {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if ([crlf, cr, lf].filter((n) => n > 0).length > 1) return undefined;
  return crlf ? '\r\n' : cr ? '\r' : '\n';
}

/** Every record of the text (BOM dropped), each a list of raw cells; a final line break ends the last record. */
export function parseCsv(input: string, separator: Separator = detectSeparator(stripBom(input))): string[][] {
  let text = stripBom(input);
  if (!text) return [['']];
  let newline = lineBreak(text);
  // A file edited by hand may mix kinds of line break.
  if (!newline) {
    text = text.replace(/\r\n?/g, '\n');
    newline = '\n';
  }
  const result = parse<string[]>(text, { delimiter: separator, newline, quoteChar: '"', skipEmptyLines: false });
  const broken = result.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new CsvSyntaxError((broken.row ?? result.data.length - 1) + 1);
  const records = result.data;
  // A final line break ends the last record; it does not start another.
  const last = records.at(-1);
  if (records.length > 1 && last?.length === 1 && last[0] === '' && text.endsWith(newline)) records.pop();
  return records;
}

/** The spreadsheet's name of a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
