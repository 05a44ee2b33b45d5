/**
 * A spreadsheet's rows → a feed, version 1 (SPEC.md, `tiendo from-csv` and the
 * data studio). The one copy of the conversion rules: the command-line tool and
 * the studio both call {@link sheetToFeed}.
 *
 * One row per province under one header row (the first row with text). The
 * headers say what each column holds (headers.ts); cells are read as the
 * sheet's number convention says (numbers.ts); provinces are recognised by
 * name or code (src/places). The feed built here is then checked by the
 * library's own validator, whose findings are traced back to the cell they
 * came from and reworded in the sheet's terms.
 */
import { validateFeed, type FeedIssue } from '../feed/validation.js';
import { normalizeCode, type Era } from '../places/provinces.js';
import { recognisePlaces, type RecognisedPlace } from '../places/recognise.js';
import { columnLetter, type Separator } from './csv.js';
import { damageOf } from './damage.js';
import { FIELD_HEADERS, MODEL_FIELDS, cleanHeader, headerKey, headerMeaning, metricId, type Field, type Part } from './headers.js';
import { IssueList, type ConvertIssue, type Place } from './issues.js';
import type { ConvertKey, ConvertParams } from './messages.js';
import { readNumber, readPercent, type NumberLocale } from './numbers.js';

/** One cell as a reader gives it: text (CSV, or a text cell), a number, a truth value, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Where the rows came from, for the messages and the studio's "what was recognised". */
export interface SheetSource {
  kind: 'csv' | 'xlsx';
  /** CSV: the separator used. */
  separator?: Separator;
  /** xlsx: the sheet read. */
  sheet?: string;
}

/** A formula error cell (#DIV/0!, #N/A…) that the sheet reader reads as empty. */
export interface ErrorCell {
  /** 1-based, as the sheet numbers rows. */
  row: number;
  /** 0-based. */
  column: number;
  text: string;
}

/** The rows of one sheet, each a list of cells; row `i` of the list is the sheet's row `i + 1`. */
export interface Sheet {
  rows: CellValue[][];
  source: SheetSource;
  /** xlsx: cells whose formula failed. */
  errorCells?: ErrorCell[];
}

export interface ConvertOptions {
  /** How numbers written as text are read; absent: from the separator (see {@link numberMode}). */
  locale?: NumberLocale;
  title?: string;
  asOf?: string;
  nextUpdate?: string;
  sourceName?: string;
  sourceUrl?: string;
}

/**
 * How text cells' numbers are read: `vi` or `en` strictly; `en?` is a
 * `,`-separated file whose convention nothing has made clear, where a cell that
 * Vietnamese would read differently (`1.234`, `"50,579"`) is refused as
 * ambiguous; `any?` is a workbook, whose numbers are numbers, so that a number
 * typed as text is read either way when only one way reads it.
 */
export type NumberMode = NumberLocale | 'en?' | 'any?';

/** What the header row says: the column of each field, and the metrics. */
export interface Layout {
  /** 1-based row of the headers. */
  headerRow: number;
  fields: Partial<Record<Field, number>>;
  metrics: MetricColumns[];
  /** Every column's header as shown (cleaned), '' for a column without one. */
  headers: string[];
}

export interface MetricColumns {
  id: string;
  name: string;
  cols: Partial<Record<Part, number>>;
}

/** Where each province of the feed came from. */
export interface RowOrigin {
  /** 1-based row. */
  row: number;
  /** The column its id came from (the id column, else the name). */
  idCol: number;
}

export interface ConvertResult {
  /** The feed, as it will be written; present only when there is no error. */
  feed?: Record<string, unknown>;
  errors: ConvertIssue[];
  warnings: ConvertIssue[];
  /** The sheet's columns as recognised (absent when the header row could not be read). */
  layout?: Layout;
  /** `provinces[i]` came from `rows[i]`. */
  rows: RowOrigin[];
  /** How numbers written as text were read. */
  numbers: NumberMode;
  /** The list of provinces the sheet's codes and names belong to, when they fit one. */
  era?: Era;
  source: SheetSource;
}

/**
 * The rule for a CSV: `--locale` decides when given. Else a `;` file is
 * Vietnamese and a tab file too (Excel writes its own convention there, and a
 * Vietnamese Excel's is Vietnamese). Else (a `,` file) numbers are English, and
 * the ambiguous cells are accepted only when some number cell of the file can
 * only be English (a decimal point not followed by exactly three digits, as in
 * `0.93` or `82.5`; or several commas, `1,234,567`; or both marks, `1,234.5`).
 * A workbook (no separator) reads each text cell the one way it can be read.
 */
export function numberMode(
  separator: Separator | undefined,
  locale: NumberLocale | undefined,
  cells: () => Iterable<string>,
): NumberMode {
  if (locale) return locale;
  if (separator === undefined) return 'any?';
  if (separator === ';') return 'vi';
  for (const cell of cells()) {
    const text = cell.trim().replace(/\s*%$/, '');
    if (text && readNumber(text, 'en') !== undefined && readNumber(text, 'vi') === undefined) return 'en';
  }
  if (separator === '\t') return 'vi';
  return 'en?';
}

/** Whether a row has nothing in it (an empty line, or only separators and spaces). */
export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && !cell.trim()));
}

/** A cell shown in a message: text trimmed and clipped, a number as written, a date as its ISO day. */
function shown(cell: CellValue): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '?' : cell.toISOString().slice(0, 10);
  const t = String(cell ?? '').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** A text cell, trimmed, white space folded: a line break typed in a cell (Alt+Enter) or a double space is one space. */
function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return shown(cell);
  const text = String(cell).normalize('NFC').trim();
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** How far down a sheet the header row is looked for, below a report's title rows. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the first row, among the sheet's first rows, that names the
 * province column or the code column ("Tỉnh", "Province", "Mã", "Code", in any
 * case or spelling the header table allows), so that a report's title and
 * blank rows above it are passed over; else the first row with text.
 */
export function headerRowIndex(rows: readonly CellValue[][]): number {
  const first = rows.findIndex((r) => !isBlankRow(r));
  if (first === -1) return -1;
  for (let r = first; r < Math.min(rows.length, first + HEADER_SEARCH_ROWS); r++) {
    const named = rows[r].some((cell) => {
      if (typeof cell !== 'string' || !cell.trim()) return false;
      const meaning = headerMeaning(cleanHeader(cell));
      return 'field' in meaning && (meaning.field === 'name' || meaning.field === 'code');
    });
    if (named) return r;
  }
  return first;
}

class Converter {
  readonly errors = new IssueList();
  readonly warnings = new IssueList();

  constructor(
    private readonly sheet: Sheet,
    private readonly options: ConvertOptions,
  ) {}

  error(place: Place | undefined, key: ConvertKey, params?: ConvertParams): void {
    this.errors.add(params ? { place, key, params } : { place, key });
  }

  warn(place: Place | undefined, key: ConvertKey, params?: ConvertParams): void {
    this.warnings.add(params ? { place, key, params } : { place, key });
  }

  /**
   * Text damaged before it arrived cannot be mended; every damaged cell is named, and so is every
   * formula error. A cell below the header row is named with its column's header too, as any
   * other problem of a cell is ("dòng 3, cột B "Tỉnh""), when that header is itself whole.
   */
  private checkDamage(rows: CellValue[][]): void {
    const headerIndex = headerRowIndex(rows);
    const headers = headerIndex === -1 ? [] : rows[headerIndex].map((h) => textOf(h));
    const place = (row: number, column: number): Place => {
      const text = row <= headerIndex + 1 ? '' : (headers[column] ?? '');
      const header = text && !damageOf(text) ? cleanHeader(text) : '';
      return header ? { row, column, header } : { row, column };
    };
    // The name column's cells are places' names, held to the stricter test (see damageOf).
    const nameColumn = headers.findIndex((h) => {
      const meaning = h ? headerMeaning(cleanHeader(h)) : undefined;
      return meaning !== undefined && 'field' in meaning && meaning.field === 'name';
    });
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') return;
        const damage = damageOf(cell, r > headerIndex && c === nameColumn);
        if (damage) this.error(place(r + 1, c), `cell.damaged.${damage}`, { text: shown(cell) });
      }),
    );
    for (const cell of this.sheet.errorCells ?? []) {
      this.error(place(cell.row, cell.column), 'cell.formulaError', { text: cell.text });
    }
  }

  layout(rows: CellValue[][], headerIndex: number): Layout | undefined {
    const fields: Partial<Record<Field, number>> = {};
    const metrics = new Map<string, MetricColumns>();
    const bySlug = new Map<string, MetricColumns>();
    const unnamed: number[] = [];
    const headerRow = headerIndex + 1;
    const headers = rows[headerIndex].map((h) => cleanHeader(textOf(h)));
    const place = (column: number): Place => ({ row: headerRow, column, header: headers[column] });
    headers.forEach((header, col) => {
      if (!header) {
        unnamed.push(col);
        return;
      }
      const meaning = headerMeaning(header);
      if ('field' in meaning) {
        const field = meaning.field;
        if (fields[field] !== undefined) this.error(place(col), 'csv.duplicateHeader', { other: columnLetter(fields[field]!) });
        else fields[field] = col;
        return;
      }
      const { metric: name, part } = meaning;
      const nameKey = headerKey(name);
      let metric = metrics.get(nameKey);
      if (!metric) {
        const id = metricId(name);
        if (!id) {
          this.error(place(col), 'csv.noMetricId');
          return;
        }
        const clash = bySlug.get(id);
        if (clash) {
          const other = Object.values(clash.cols)[0]!;
          this.error(place(col), 'csv.metricClash', { id, other: `${columnLetter(other)} (${headers[other]})` });
          return;
        }
        metric = { id, name, cols: {} };
        metrics.set(nameKey, metric);
        bySlug.set(id, metric);
      }
      if (metric.cols[part] !== undefined) {
        this.error(place(col), 'csv.duplicateHeader', { other: columnLetter(metric.cols[part]!) });
        return;
      }
      if (part === 'value') metric.name = name;
      metric.cols[part] = col;
    });
    if (fields.name === undefined && fields.code === undefined) this.error({ row: headerRow }, 'csv.noName');
    for (const metric of metrics.values()) {
      if (metric.cols.value === undefined && metric.cols.rate === undefined) {
        this.error(place(metric.cols.total!), 'csv.totalAlone', { name: metric.name });
      }
    }
    // A column without a header may only be empty (Excel's trailing separators).
    for (const col of unnamed) {
      const r = rows.findIndex((row, i) => i > headerIndex && textOf(row[col]) !== '');
      if (r !== -1) this.error({ row: r + 1, column: col }, 'csv.noHeader', { text: shown(rows[r][col]) });
    }
    if (this.errors.length) return undefined;
    return { headerRow, fields, metrics: [...metrics.values()], headers };
  }

  convert(): ConvertResult {
    const { rows, source } = this.sheet;
    const locale = this.options.locale;
    const fail = (extra: Partial<ConvertResult> = {}): ConvertResult => ({
      errors: this.errors.list(),
      warnings: this.warnings.list(),
      rows: [],
      numbers: extra.numbers ?? locale ?? (source.separator === undefined ? 'any?' : 'vi'),
      source,
      ...extra,
    });
    this.checkDamage(rows);
    if (this.errors.length) return fail();
    const headerIndex = headerRowIndex(rows);
    if (headerIndex === -1) {
      this.error(undefined, 'csv.empty');
      return fail();
    }
    const layout = this.layout(rows, headerIndex);
    const numberColumns = layout
      ? [...MODEL_FIELDS.map((f) => layout.fields[f]), ...layout.metrics.flatMap((m) => Object.values(m.cols))].filter(
          (c): c is number => c !== undefined,
        )
      : [];
    const numbers = numberMode(source.separator, locale, function* () {
      for (let r = headerIndex + 1; r < rows.length; r++) {
        for (const c of numberColumns) {
          const cell = rows[r][c];
          if (typeof cell === 'string') yield cell;
        }
      }
    });
    if (!layout) return fail({ numbers });

    // Which list of provinces the sheet's places belong to (34 from 2025, or the 63 before).
    const refs = rows
      .slice(headerIndex + 1)
      .filter((row) => !isBlankRow(row))
      .map((row) => ({ code: textOf(row[layout.fields.code ?? -1]) || undefined, name: textOf(row[layout.fields.name ?? -1]) || undefined }));
    const { era, places } = recognisePlaces(refs, this.options.asOf);

    const provinces: Record<string, unknown>[] = [];
    const origins: RowOrigin[] = [];
    const seen = new Map<string, number>();
    const { fields, headers } = layout;
    const cell = (row: number, column: number): Place => ({ row, column, header: headers[column] });
    let placeIndex = 0;
    for (let r = headerIndex + 1; r < rows.length; r++) {
      const record = rows[r];
      if (isBlankRow(record)) continue;
      const row = r + 1;
      for (let c = headers.length; c < record.length; c++) {
        if (textOf(record[c])) this.error({ row, column: c }, 'csv.extraCell', { text: shown(record[c]) });
      }
      let name = textOf(record[fields.name ?? -1]);
      // A province code is two digits: "1" (a cell Excel turned into a number) is "01".
      let code = textOf(record[fields.code ?? -1]);
      code = normalizeCode(code) ?? code;
      const place = this.recognised(places[placeIndex++], row, layout);
      if (!code && place) code = place.code;
      if (!name && place) name = place.name;
      const givenId = textOf(record[fields.id ?? -1]);
      const nameCol = fields.name ?? fields.code!;
      const idCol = givenId ? fields.id! : nameCol;
      const id = givenId || metricId(name);
      if (!name) this.error(cell(row, nameCol), 'csv.noProvinceName');
      else if (!id) this.error(cell(row, nameCol), 'csv.noProvinceId', { name: shown(name) });
      else if (seen.has(id)) {
        this.error(cell(row, idCol), 'csv.duplicateProvince', { name: shown(name), id, other: seen.get(id)! });
      } else seen.set(id, row);

      const province: Record<string, unknown> = { id };
      if (code) province.code = code;
      province.name = name;
      let models: Record<string, number> | undefined;
      for (const f of MODEL_FIELDS) {
        const value = this.number(record, fields[f], row, numbers, false, layout);
        if (value !== undefined) (models ??= {})[f] = value;
      }
      if (models) province.models = models;
      let metrics: Record<string, Record<string, number>> | undefined;
      for (const metric of layout.metrics) {
        const { cols } = metric;
        const value = this.number(record, cols.value, row, numbers, false, layout);
        const total = this.number(record, cols.total, row, numbers, false, layout);
        const rate = this.number(record, cols.rate, row, numbers, true, layout);
        if (value === undefined && total === undefined && rate === undefined) continue;
        const figure: Record<string, number> = {};
        if (value !== undefined) figure.value = value;
        if (total !== undefined) figure.total = total;
        if (rate !== undefined) figure.rate = rate;
        (metrics ??= {})[metric.id] = figure;
      }
      if (metrics) province.metrics = metrics;
      provinces.push(province);
      origins.push({ row, idCol });
    }
    if (!provinces.length && !this.errors.length) this.error({ row: headerIndex + 1 }, 'csv.noRows');
    if (this.errors.length) return fail({ numbers, layout, era });

    const o = this.options;
    const feed: Record<string, unknown> = { version: 1 };
    if (o.title !== undefined) feed.title = o.title;
    if (o.asOf !== undefined) feed.asOf = o.asOf;
    if (o.nextUpdate !== undefined) feed.nextUpdate = o.nextUpdate;
    if (o.sourceName !== undefined) feed.source = o.sourceUrl ? { name: o.sourceName, url: o.sourceUrl } : { name: o.sourceName };
    if (layout.metrics.length) feed.metrics = layout.metrics.map((m) => ({ id: m.id, name: m.name }));
    feed.provinces = provinces;

    // The library's validator has the last word; its paths are traced back to cells.
    const result = validateFeed(feed);
    const trace = (issue: FeedIssue) => traceIssue(issue, layout, origins, provinces);
    for (const issue of result.errors) this.errors.add(trace(issue));
    for (const issue of result.warnings) this.warnings.add(trace(issue));
    const done = { layout, rows: origins, numbers, era, source };
    return this.errors.length
      ? { errors: this.errors.list(), warnings: this.warnings.list(), ...done }
      : { feed, errors: [], warnings: this.warnings.list(), ...done };
  }

  /**
   * The unit a row names, as src/places/recognise.ts found it (by code, else
   * by name without diacritics or case), with a warning at the code's cell when
   * its code names no unit of the era, or another unit than its name. A
   * missing code is not a warning here: the caller fills it in.
   */
  private recognised(place: RecognisedPlace, row: number, layout: Layout) {
    const codeCol = layout.fields.code;
    for (const finding of place.findings) {
      if (codeCol === undefined || finding.kind === 'missingCode') continue;
      const at: Place = { row, column: codeCol, header: layout.headers[codeCol] };
      if (finding.kind === 'unknownCode') {
        this.warn(at, finding.era ? `place.unknownCode.${finding.era}` : 'place.unknownCode', { code: finding.code });
      } else this.warn(at, 'place.mismatch', { code: finding.code, unit: finding.unit.name, name: finding.name });
    }
    return place.unit;
  }

  /** The number in a cell (undefined when the cell is empty or wrong, the error noted). */
  private number(
    record: CellValue[],
    col: number | undefined,
    row: number,
    mode: NumberMode,
    rate: boolean,
    layout: Layout,
  ): number | undefined {
    if (col === undefined) return undefined;
    const raw = record[col];
    if (raw === null || raw === undefined) return undefined;
    const place = (): Place => ({ row, column: col, header: layout.headers[col] });
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'boolean') {
      this.error(place(), 'cell.boolean', { text: raw ? 'TRUE' : 'FALSE' });
      return undefined;
    }
    if (raw instanceof Date) {
      this.error(place(), 'cell.date', { text: shown(raw) });
      return undefined;
    }
    const text = raw.trim();
    if (!text) return undefined;
    const percent = text.charCodeAt(text.length - 1) === 37; // %
    if (percent && !rate) {
      this.error(place(), 'csv.percent', { text: shown(text) });
      return undefined;
    }
    const digits = percent ? text.slice(0, -1).trimEnd() : text;
    const read = (locale: NumberLocale) => (percent ? readPercent(digits, locale) : readNumber(digits, locale));
    if (mode === 'any?') {
      const [vi, en] = [read('vi'), read('en')];
      if (vi !== undefined && en !== undefined && vi !== en) {
        this.error(place(), 'cell.ambiguousText', { text: shown(text), vi, en });
        return undefined;
      }
      const value = vi ?? en;
      if (value === undefined) this.error(place(), 'csv.notNumber', { text: shown(text) });
      return value;
    }
    const locale: NumberLocale = mode === 'vi' ? 'vi' : 'en';
    const value = read(locale);
    if (value === undefined) {
      const other: NumberLocale = locale === 'vi' ? 'en' : 'vi';
      const hint = read(other) !== undefined;
      this.error(place(), hint ? (other === 'en' ? 'csv.notNumber.tryEn' : 'csv.notNumber.tryVi') : 'csv.notNumber', {
        text: shown(text),
      });
      return undefined;
    }
    if (mode === 'en?') {
      const vi = read('vi');
      if (vi !== undefined && vi !== value) {
        this.error(place(), 'csv.ambiguous', { text: shown(text), vi, en: value });
        return undefined;
      }
    }
    return value;
  }
}

const OPTION_OF: Readonly<Record<string, string>> = {
  title: '--title',
  asOf: '--as-of',
  nextUpdate: '--next-update',
  'source.name': '--source-name',
  'source.url': '--source-url',
};

const MODEL_WORDS: Readonly<Record<string, Field>> = { total: 'total', completed: 'completed', inProgress: 'inProgress', notStarted: 'notStarted' };

/**
 * A validator issue about the built feed, traced to the cell (or option) it
 * came from, with the sheet's words where the library's name JSON keys.
 */
export function traceIssue(issue: FeedIssue, layout: Layout, origins: RowOrigin[], provinces?: Record<string, unknown>[]): ConvertIssue {
  const { path } = issue;
  if (OPTION_OF[path]) return { issue, place: { option: OPTION_OF[path] } };
  const m = /^provinces\[(\d+)\](?:\.(.+))?$/.exec(path);
  const at = m && origins[+m[1]];
  if (!at) return { issue };
  const rest = m[2] ?? '';
  const headerOf = (column: number | undefined) => (column === undefined ? undefined : layout.headers[column]);
  const cell = (column: number | undefined): Place =>
    column === undefined ? { row: at.row } : { row: at.row, column, header: layout.headers[column] };
  if (rest === 'id') return { issue, place: cell(at.idCol) };
  if (rest === 'name' || rest === 'code') return { issue, place: cell(layout.fields[rest]) };
  if (rest === 'models') {
    const traced: ConvertIssue = { issue, place: cell(layout.fields.total) };
    if (issue.rule === 'rule.modelsSum') {
      const parts = (['completed', 'inProgress', 'notStarted'] as const)
        .map((f) => headerOf(layout.fields[f]))
        .filter((h): h is string => !!h)
        .map((h) => `"${h}"`)
        .join(', ');
      traced.sheet = {
        key: 'sheet.modelsSum',
        params: { parts, sum: issue.params?.sum ?? '', total: headerOf(layout.fields.total) ?? FIELD_NAME_TOTAL, totalValue: issue.params?.total ?? '' },
      };
    }
    return traced;
  }
  const model = /^models\.(\w+)$/.exec(rest);
  if (model && MODEL_WORDS[model[1]]) return { issue, place: cell(layout.fields[MODEL_WORDS[model[1]]]) };
  const metric = /^metrics\.([\w-]+)(?:\.(\w+))?$/.exec(rest);
  if (metric) {
    const cols = layout.metrics.find((x) => x.id === metric[1])?.cols;
    const part = (metric[2] ?? 'value') as Part;
    const traced: ConvertIssue = { issue, place: cell(cols?.[part] ?? cols?.value ?? cols?.rate) };
    if (issue.rule === 'rule.valueOverTotal' && cols) {
      const figure = (provinces?.[+m[1]]?.metrics as Record<string, Record<string, number>> | undefined)?.[metric[1]];
      traced.sheet = {
        key: 'sheet.valueOverTotal',
        params: {
          value: headerOf(cols.value) ?? '',
          number: figure?.value ?? issue.params?.value ?? '',
          total: headerOf(cols.total) ?? '',
          totalValue: figure?.total ?? issue.params?.total ?? '',
        },
      };
    }
    return traced;
  }
  return { issue, place: { row: at.row } };
}

const FIELD_NAME_TOTAL = Object.keys(FIELD_HEADERS).find((h) => FIELD_HEADERS[h] === 'total')!;

/** Converts a sheet's rows to a feed, or says why not, cell by cell. Never throws on bad data. */
export function sheetToFeed(sheet: Sheet, options: ConvertOptions = {}): ConvertResult {
  return new Converter(sheet, options).convert();
}
