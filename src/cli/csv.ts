/**
 * CSV as spreadsheets really export it: RFC 4180 quoting (a field in double
 * quotes may hold the separator, line breaks and `""` for a quote), CRLF, LF
 * or CR line ends, a UTF-8 byte order mark, and `;` (Vietnamese Excel, whose
 * decimal mark is `,`) or `,` (English exports) between fields.
 *
 * Records are numbered the way a spreadsheet numbers its rows when it opens the
 * file: the header is row 1, a blank line is a row, and a record whose quoted
 * cell spans several lines is one row. Messages name these numbers.
 */

export type Separator = ';' | ',';

/** A record that cannot be read (an unclosed quote), with its row number. */
export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`unclosed quote in row ${row}`);
  }
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Drops a UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of the header line (the first line with text): the one of `;`
 * and `,` that occurs there more often outside quotes; a tie goes to `;`, since
 * an English header has no reason to hold a bare `;` while a Vietnamese one may
 * hold a `,` ("Hồ sơ trực tuyến, toàn trình"). A header with neither is `,`.
 */
export function detectSeparator(text: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  let seenText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) {
      if (seenText) break;
    } else if (c === 59) semicolons++;
    else if (c === 44) commas++;
    if (c !== LF && c !== CR && c !== 32 && c !== 9) seenText = true;
  }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/** Every record of the text (BOM dropped), each a list of raw cells; a final line break ends the last record. */
export function parseCsv(input: string, separator: Separator = detectSeparator(stripBom(input))): string[][] {
  const text = stripBom(input);
  const sep = separator.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    // A field starts at i.
    let k = i;
    if (k < n && text.charCodeAt(k) === QUOTE) {
      let value = '';
      let start = k + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) throw new CsvSyntaxError(records.length + 1);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          start = q + 2;
        } else {
          value += text.slice(start, q);
          k = q + 1;
          break;
        }
      }
      // Text after the closing quote is kept as written, as spreadsheets do.
      const rest = k;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === LF || c === CR) break;
        k++;
      }
      row.push(k > rest ? value + text.slice(rest, k) : value);
    } else {
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === LF || c === CR) break;
        k++;
      }
      row.push(text.slice(i, k));
    }
    if (k >= n) {
      records.push(row);
      break;
    }
    const c = text.charCodeAt(k);
    if (c === sep) {
      i = k + 1;
      continue;
    }
    records.push(row);
    row = [];
    i = c === CR && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    if (i >= n) break;
  }
  return records;
}

/** Whether a record has no text at all (an empty line, or only separators and spaces). */
export function isBlank(record: string[]): boolean {
  return record.every((cell) => !cell.trim());
}

/** The spreadsheet's name of a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
