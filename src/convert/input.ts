/**
 * What an officer hands over — the bytes of a file — to a {@link Sheet}: an
 * Excel workbook (.xlsx, recognised by its bytes, not its name) or a text export
 * (CSV in UTF-8, UTF-16 or Windows-1258, separated by `;`, `,` or tabs, with
 * Excel's optional first line "sep=;").
 */
import { parseCsv, detectSeparator, CsvSyntaxError, type Separator } from './csv.js';
import type { Sheet } from './convert.js';
import { decodeText, type TextEncodingName } from './decode.js';
import type { ConvertKey, ConvertParams } from './messages.js';
import { LazyChunk } from '../base/lazy-chunk.js';

/** The workbook reader, a chunk of its own: asked for again after a failed download (the one lazy-chunk loader). */
const workbookReader = new LazyChunk('xlsx', () => import('./xlsx.js'));

/** An input over this many bytes is refused before it is read. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Absent: detected from the header line (or Excel's "sep=" line). */
  separator?: Separator;
  /** xlsx: the sheet to read (absent: the first). */
  sheet?: string;
}

/** A sheet read from a file, with what was found out about the file. */
export interface ReadSheet extends Sheet {
  encoding?: TextEncodingName;
  /** xlsx: every sheet's name, in Excel's order. */
  sheetNames?: string[];
}

/** Why the bytes could not become rows: a converter message (and the row, for a CSV syntax error). */
export interface ReadFailure {
  key: ConvertKey;
  params?: ConvertParams;
  row?: number;
}

/** The file type the bytes say: a ZIP archive (xlsx), an old binary workbook (xls), or text. */
export function fileKind(bytes: Uint8Array): 'xlsx' | 'xls' | 'text' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'text';
}

/** Reads CSV text (already decoded) into a sheet: Excel's hidden "sep=;" line honoured, rows numbered as Excel shows them. */
export function csvSheet(text: string, separator?: Separator): Sheet | ReadFailure {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Excel honours (and hides) a first line "sep=;" that names the separator; so does this tool.
  const directive = /^sep=([;,\t])[ \t]*(?:\r\n|\r|\n|$)/i.exec(body);
  if (directive) body = body.slice(directive[0].length);
  const sep = separator ?? (directive?.[1] as Separator | undefined) ?? detectSeparator(body);
  try {
    return { rows: parseCsv(body, sep), source: { kind: 'csv', separator: sep } };
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { key: 'csv.unclosedQuote', row: e.row };
  }
}

/**
 * Reads a file's bytes into a sheet. The workbook reader is loaded only when
 * the bytes are a workbook, so a CSV costs nothing more.
 */
export async function readSheetBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadSheet | ReadFailure> {
  const kind = fileKind(bytes);
  if (kind === 'xls') return { key: 'xlsx.oldFormat' };
  if (kind === 'xlsx') {
    const { readWorkbookSheet, WorkbookError } = await workbookReader.load();
    try {
      return await readWorkbookSheet(bytes, options.sheet);
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      if (e.reason === 'noSheet') return { key: 'xlsx.noSheet', params: { sheet: e.detail, list: e.sheets.map((s) => `"${s}"`).join(', ') } };
      if (e.reason === 'empty') return { key: 'xlsx.empty' };
      return { key: 'xlsx.broken', params: { reason: e.reason === 'tooBig' ? '> 200 MB' : e.detail } };
    }
  }
  const { text, encoding } = decodeText(bytes);
  const sheet = csvSheet(text, options.separator);
  return 'key' in sheet ? sheet : { ...sheet, encoding };
}
