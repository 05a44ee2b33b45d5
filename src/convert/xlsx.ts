/**
 * Excel workbooks (.xlsx) → a {@link Sheet}, in the browser and in Node alike:
 * the cells are read by read-excel-file (MIT; its "universal" build, no Web
 * Worker and no Node module), which keeps every row and column where Excel shows
 * it, so that "dòng 3, cột D" is the cell the officer sees.
 *
 * Two things it leaves to us, read here from the workbook's own parts with
 * fflate (its unzipper): the list of sheets, and the cells whose formula failed
 * (#DIV/0!, #N/A…), which it reads as empty and which must not silently become
 * missing figures. Before anything is inflated, the sizes the archive declares
 * are added up, so that a small file that would inflate to gigabytes is refused.
 *
 * Loaded only by the command-line tool and the data studio (dynamic import in
 * input.ts), never by the widgets.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import type { CellValue, ErrorCell, Sheet } from './convert.js';

/** Inflated parts above this size in all are refused (the 20 MB input limit allows ~10:1). */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

/** Why a workbook could not be read. */
export class WorkbookError extends Error {
  constructor(
    readonly reason: 'broken' | 'noSheet' | 'empty' | 'tooBig',
    readonly detail = '',
    readonly sheets: string[] = [],
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

interface SheetPart {
  name: string;
  /** The worksheet's path in the archive, e.g. xl/worksheets/sheet1.xml. */
  path?: string;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) map.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return map;
}

/** The workbook's sheets in Excel's order, with the part that holds each. */
function sheetParts(files: Record<string, Uint8Array>): SheetPart[] {
  const workbook = files['xl/workbook.xml'];
  if (!workbook) throw new WorkbookError('broken', 'xl/workbook.xml');
  const rels = new Map<string, string>();
  const relsFile = files['xl/_rels/workbook.xml.rels'];
  if (relsFile) {
    for (const m of strFromU8(relsFile).matchAll(/<Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const target = a.get('Target');
      if (a.get('Id') && target) rels.set(a.get('Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  return [...strFromU8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const rid = [...a.entries()].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    return { name: a.get('name') ?? '', path: rid ? rels.get(rid) : undefined };
  });
}

/** 1-based row and 0-based column of a cell reference such as "D3". */
function cellAt(ref: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

/** Every cell of a worksheet part whose formula failed, with the error Excel shows (#DIV/0!). */
function errorCells(xml: string): ErrorCell[] {
  const found: ErrorCell[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attributes(m[1]);
    if (a.get('t') !== 'e') continue;
    const at = cellAt(a.get('r') ?? '');
    if (!at) continue;
    const value = /<v>([^<]*)<\/v>/.exec(m[2] ?? '')?.[1];
    found.push({ ...at, text: value ? unescapeXml(value) : '#?' });
  }
  return found;
}

/** The names of a workbook's sheets, in Excel's order. */
export function workbookSheetNames(bytes: Uint8Array): string[] {
  return sheetParts(unpack(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels')).map((s) => s.name);
}

/** The parts of the archive that `want` names, after checking what the whole archive would inflate to. */
function unpack(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  let inflated = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        inflated += file.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw new WorkbookError('broken', (e as Error).message);
  }
  if (inflated > MAX_INFLATED_BYTES) throw new WorkbookError('tooBig', String(inflated));
  try {
    return unzipSync(bytes, { filter: (file) => want(file.name) });
  } catch (e) {
    throw new WorkbookError('broken', (e as Error).message);
  }
}

/** A sheet name as compared when the officer types it: no case, no diacritics, single spaces. */
function sheetKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reads one sheet of a workbook: the first, or the one named `sheet` (compared
 * without regard to case or diacritics when no sheet has exactly that name).
 */
export async function readWorkbookSheet(bytes: Uint8Array, sheet?: string): Promise<Sheet & { sheetNames: string[] }> {
  const meta = unpack(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels');
  const parts = sheetParts(meta);
  const names = parts.map((p) => p.name);
  if (!parts.length) throw new WorkbookError('empty');
  const chosen =
    sheet === undefined ? parts[0] : (parts.find((p) => p.name === sheet) ?? parts.find((p) => sheetKey(p.name) === sheetKey(sheet)));
  if (!chosen) throw new WorkbookError('noSheet', sheet ?? '', names);
  let data: unknown[][];
  try {
    // read-excel-file takes an ArrayBuffer of its own.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer, parts.indexOf(chosen) + 1)) as unknown[][];
  } catch (e) {
    throw new WorkbookError('broken', (e as Error).message);
  }
  const part = chosen.path ? unpack(bytes, (name) => name === chosen.path)[chosen.path] : undefined;
  const rows = data.map((row) => row.map((cell) => (cell === null ? null : (cell as CellValue))));
  return { rows, source: { kind: 'xlsx', sheet: chosen.name }, errorCells: part ? errorCells(strFromU8(part)) : [], sheetNames: names };
}
