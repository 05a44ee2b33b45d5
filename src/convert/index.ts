/**
 * The conversion core shared by `tiendo from-csv` and the data studio: a
 * spreadsheet (xlsx, or CSV in any of Excel's encodings) → a feed, every problem
 * pinned to its row and column in the sheet's own words; and a sheet added to a
 * published feed as its newest figures.
 *
 * Browser-safe (no `node:` module). The workbook reader (xlsx.ts) is loaded on
 * demand by {@link readSheetBytes}; none of this belongs in the widgets' core.
 *
 * Typical use (the studio; the CLI does the same with a file's bytes):
 *
 * ```ts
 * const read = await readSheetBytes(bytes, { sheet });          // or a ReadFailure to show
 * const result = sheetToFeed(read, { asOf, title, sourceName }); // feed, or errors pinned to cells
 * const merged = appendToFeed(oldFeed, result);                 // optional: history kept
 * const out = feedText(merged.feed ?? result.feed, pretty);     // text, or tooBig
 * await loadMessages(lang, true);                               // the validator's words
 * result.errors.map((e) => convertIssueText(e, lang));          // "dòng 3, cột D "Hoàn thành": …"
 * ```
 */
export { sheetToFeed, numberMode, isBlankRow, headerRowIndex, traceIssue } from './convert.js';
export type { CellValue, Sheet, SheetSource, ErrorCell, ConvertOptions, ConvertResult, Layout, MetricColumns, RowOrigin, NumberMode } from './convert.js';
export { appendToFeed, type AppendResult } from './append.js';
export { readSheetBytes, csvSheet, fileKind, MAX_INPUT_BYTES, type ReadOptions, type ReadSheet, type ReadFailure } from './input.js';
export { decodeText, type DecodedText, type TextEncodingName } from './decode.js';
export { damageOf, type Damage } from './damage.js';
export { parseCsv, detectSeparator, stripBom, columnLetter, CsvSyntaxError, type Separator } from './csv.js';
export { readNumber, readPercent, plainNumber, type NumberLocale } from './numbers.js';
export { FIELD_HEADERS, MODEL_FIELDS, headerKey, foldHeader, headerMeaning, cleanHeader, slugify, type Field, type Part, type HeaderMeaning } from './headers.js';
export { IssueList, issueCount, placeText, ruleText, convertIssueText, type ConvertIssue, type Place } from './issues.js';
export { convertMsg, convertVi, convertEn, type ConvertKey, type ConvertParams } from './messages.js';
export { feedText, megabytes, type FeedText } from './output.js';

import { csvSheet } from './input.js';
import { sheetToFeed, type ConvertOptions, type ConvertResult } from './convert.js';
import type { Separator } from './csv.js';

/**
 * CSV text (BOM and all) → a feed: {@link csvSheet} then {@link sheetToFeed}.
 * `separator` overrides the detection.
 */
export function csvToFeed(text: string, options: ConvertOptions & { separator?: Separator } = {}): ConvertResult & { separator: Separator } {
  const sheet = csvSheet(text, options.separator);
  if ('key' in sheet) {
    const place = sheet.row === undefined ? undefined : { row: sheet.row };
    return { errors: [{ key: sheet.key, params: sheet.params, place }], warnings: [], rows: [], numbers: options.locale ?? 'vi', source: { kind: 'csv' }, separator: options.separator ?? ';' };
  }
  return { ...sheetToFeed(sheet, options), separator: sheet.source.separator! };
}
