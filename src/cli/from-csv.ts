/**
 * A spreadsheet's CSV export → a feed, version 1 (SPEC.md, `tiendo from-csv`).
 *
 * One row per province under one header row. Headers are matched without
 * regard to case or surrounding spaces, in Vietnamese or English; any other
 * header is a metric named by it. The feed built here is then checked by the
 * library's own validator, whose messages are traced back to the row and
 * column they came from.
 */
import { validateFeed, type FeedIssue } from '../feed/validation.js';
import { CsvSyntaxError, columnLetter, detectSeparator, isBlank, parseCsv, stripBom, type Separator } from './csv.js';
import type { CliKey } from './cli-messages.js';
import { readNumber, readPercent, type NumberLocale } from './numbers.js';

export interface ConvertOptions {
  /** How numbers are written; absent: from the separator (see {@link numberMode}). */
  locale?: NumberLocale;
  /** Absent: detected from the header line. */
  separator?: Separator;
  title?: string;
  asOf?: string;
  nextUpdate?: string;
  sourceName?: string;
  sourceUrl?: string;
}

/** Where a problem is: a cell (row and column as a spreadsheet numbers them), a row, or an option. */
export interface Place {
  row?: number;
  /** 0-based column index; shown as a letter. */
  column?: number;
  header?: string;
  option?: string;
}

/**
 * One problem. Either the converter's own (`key`, a CLI message) or one of the
 * validator's (`issue`, worded by the library), with the place it came from.
 */
export interface ConvertIssue {
  place?: Place;
  key?: CliKey;
  params?: Record<string, string | number>;
  issue?: FeedIssue;
}

export interface ConvertResult {
  /** The feed as written to the file; present only when there is no error. */
  feed?: Record<string, unknown>;
  errors: ConvertIssue[];
  warnings: ConvertIssue[];
  separator: Separator;
  /** How numbers were read: `vi`, `en`, or `en?` (English, ambiguous cells refused). */
  numbers: NumberLocale | 'en?';
}

type Field = 'id' | 'code' | 'name' | 'total' | 'completed' | 'inProgress' | 'notStarted';
type Part = 'value' | 'total' | 'rate';

/** Documented header names (lower case, single spaces), Vietnamese and English. */
export const FIELD_HEADERS: Readonly<Record<string, Field>> = {
  id: 'id',
  mã: 'code',
  code: 'code',
  tỉnh: 'name',
  'tỉnh, thành phố': 'name',
  'tỉnh/thành phố': 'name',
  province: 'name',
  'tổng số mô hình': 'total',
  'models total': 'total',
  'hoàn thành': 'completed',
  completed: 'completed',
  'đang triển khai': 'inProgress',
  'in progress': 'inProgress',
  'chưa triển khai': 'notStarted',
  'not started': 'notStarted',
};

const MODEL_FIELDS = ['total', 'completed', 'inProgress', 'notStarted'] as const;
const PART_SUFFIX = /^(.*?)\s*\((tổng|total|tỷ lệ|tỉ lệ|rate)\)$/iu;
const MAX_REPORTED = 100;

/** A header as matched: NFC, inner white space folded, trimmed, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A slug from any name: no diacritics, `đ` → `d`, lower case, hyphens ("Nghệ An" → "nghe-an"). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface MetricColumns {
  id: string;
  name: string;
  cols: Partial<Record<Part, number>>;
}

/** What the header row says: the column of each field, and the metrics. */
interface Layout {
  fields: Partial<Record<Field, number>>;
  metrics: MetricColumns[];
  headers: string[];
}

/**
 * How a cell's number is read: `vi` or `en` strictly; `en?` is a `,`-separated
 * file whose locale nothing has made clear, where a cell that Vietnamese would
 * read differently (`1.234`, `"50,579"`) is refused as ambiguous.
 *
 * The rule: `--locale` decides when given. Else a `;` file is Vietnamese. Else
 * (a `,` file) numbers are English, and the ambiguous cells are accepted only
 * when some number cell of the file can only be English (a decimal point not
 * followed by exactly three digits, as in `0.93` or `82.5`; or several commas,
 * `1,234,567`; or both marks, `1,234.5`).
 */
export function numberMode(
  separator: Separator,
  locale: NumberLocale | undefined,
  cells: () => Iterable<string>,
): NumberLocale | 'en?' {
  if (locale) return locale;
  if (separator === ';') return 'vi';
  for (const cell of cells()) {
    const text = cell.trim().replace(/\s*%$/, '');
    if (text && readNumber(text, 'en') !== undefined && readNumber(text, 'vi') === undefined) return 'en';
  }
  return 'en?';
}

class Converter {
  readonly errors: ConvertIssue[] = [];
  private dropped = 0;

  constructor(private readonly options: ConvertOptions) {}

  error(place: Place | undefined, key: CliKey, params?: Record<string, string | number>): void {
    if (this.errors.length < MAX_REPORTED) this.errors.push({ place, key, params });
    else this.dropped++;
  }

  private closeErrors(): ConvertIssue[] {
    if (this.dropped) this.errors.push({ issue: { path: '', rule: 'rule.more', params: { count: this.dropped } } });
    return this.errors;
  }

  layout(headerRow: string[], rowNumber: number, records: string[][]): Layout | undefined {
    const fields: Partial<Record<Field, number>> = {};
    const metrics = new Map<string, MetricColumns>();
    const bySlug = new Map<string, MetricColumns>();
    const unnamed: number[] = [];
    const headers = headerRow.map((h) => h.normalize('NFC').replace(/\s+/g, ' ').trim());
    const place = (column: number): Place => ({ row: rowNumber, column, header: headers[column] });
    headers.forEach((header, col) => {
      if (!header) {
        unnamed.push(col);
        return;
      }
      const key = headerKey(header);
      const field = FIELD_HEADERS[key];
      if (field) {
        if (fields[field] !== undefined) {
          this.error(place(col), 'csv.duplicateHeader', { other: columnLetter(fields[field]!) });
        } else fields[field] = col;
        return;
      }
      const m = PART_SUFFIX.exec(header);
      const part: Part = !m ? 'value' : /^(tổng|total)$/iu.test(m[2]) ? 'total' : 'rate';
      const name = m ? m[1].trim() : header;
      const nameKey = headerKey(name);
      let metric = metrics.get(nameKey);
      if (!metric) {
        const id = slugify(name);
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
    if (fields.name === undefined) this.error({ row: rowNumber }, 'csv.noName');
    for (const metric of metrics.values()) {
      if (metric.cols.value === undefined && metric.cols.rate === undefined) {
        this.error(place(metric.cols.total!), 'csv.totalAlone', { name: metric.name });
      }
    }
    // A column without a header may only be empty (Excel's trailing separators).
    for (const col of unnamed) {
      const r = records.findIndex((rec, i) => i > rowNumber - 1 && (rec[col] ?? '').trim() !== '');
      if (r !== -1) this.error({ row: r + 1, column: col }, 'csv.noHeader', { text: clip(records[r][col]) });
    }
    if (this.errors.length) return undefined;
    return { fields, metrics: [...metrics.values()], headers };
  }

  convert(input: string): ConvertResult {
    // Excel honours (and hides) a first line "sep=;" that names the separator; so does this tool.
    let text = stripBom(input);
    const directive = /^sep=([;,])[ \t]*(?:\r\n|\r|\n|$)/i.exec(text);
    if (directive) text = text.slice(directive[0].length);
    const separator = this.options.separator ?? (directive?.[1] as Separator | undefined) ?? detectSeparator(text);
    let records: string[][];
    try {
      records = parseCsv(text, separator);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      this.error({ row: e.row }, 'csv.unclosedQuote');
      return { errors: this.closeErrors(), warnings: [], separator, numbers: this.options.locale ?? 'vi' };
    }
    const headerIndex = records.findIndex((r) => !isBlank(r));
    if (headerIndex === -1) {
      this.error(undefined, 'csv.empty');
      return { errors: this.closeErrors(), warnings: [], separator, numbers: this.options.locale ?? 'vi' };
    }
    const layout = this.layout(records[headerIndex], headerIndex + 1, records);
    const numberColumns = layout
      ? [...MODEL_FIELDS.map((f) => layout.fields[f]), ...layout.metrics.flatMap((m) => Object.values(m.cols))].filter(
          (c): c is number => c !== undefined,
        )
      : [];
    const numbers = numberMode(separator, this.options.locale, function* () {
      for (let r = headerIndex + 1; r < records.length; r++) for (const c of numberColumns) yield records[r][c] ?? '';
    });
    if (!layout) return { errors: this.closeErrors(), warnings: [], separator, numbers };

    const provinces: Record<string, unknown>[] = [];
    const places: { row: number; idCol: number }[] = [];
    const seen = new Map<string, number>();
    const { fields, headers } = layout;
    for (let r = headerIndex + 1; r < records.length; r++) {
      const record = records[r];
      if (isBlank(record)) continue;
      const row = r + 1;
      for (let c = headers.length; c < record.length; c++) {
        if (record[c].trim()) this.error({ row, column: c }, 'csv.extraCell', { text: clip(record[c]) });
      }
      const name = textCell(record, fields.name);
      const givenId = textCell(record, fields.id);
      const idCol = givenId ? fields.id! : fields.name!;
      const id = givenId || slugify(name);
      if (!name) this.error(cellPlace(layout, row, fields.name!), 'csv.noProvinceName');
      else if (!id) this.error(cellPlace(layout, row, fields.name!), 'csv.noProvinceId', { name: clip(name) });
      else if (seen.has(id)) {
        this.error(cellPlace(layout, row, idCol), 'csv.duplicateProvince', { name: clip(name), id, other: seen.get(id)! });
      } else seen.set(id, row);

      const province: Record<string, unknown> = { id };
      const code = textCell(record, fields.code);
      if (code) province.code = code;
      province.name = name;
      let models: Record<string, number> | undefined;
      for (const f of MODEL_FIELDS) {
        const value = this.cellNumber(record, fields[f], row, numbers, false, layout);
        if (value !== undefined) (models ??= {})[f] = value;
      }
      if (models) province.models = models;
      let metrics: Record<string, Record<string, number>> | undefined;
      for (const metric of layout.metrics) {
        const { cols } = metric;
        const value = this.cellNumber(record, cols.value, row, numbers, false, layout);
        const total = this.cellNumber(record, cols.total, row, numbers, false, layout);
        const rate = this.cellNumber(record, cols.rate, row, numbers, true, layout);
        if (value === undefined && total === undefined && rate === undefined) continue;
        const figure: Record<string, number> = {};
        if (value !== undefined) figure.value = value;
        if (total !== undefined) figure.total = total;
        if (rate !== undefined) figure.rate = rate;
        (metrics ??= {})[metric.id] = figure;
      }
      if (metrics) province.metrics = metrics;
      provinces.push(province);
      places.push({ row, idCol });
    }
    if (!provinces.length && !this.errors.length) this.error({ row: headerIndex + 1 }, 'csv.noRows');
    if (this.errors.length) return { errors: this.closeErrors(), warnings: [], separator, numbers };

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
    const trace = (issue: FeedIssue): ConvertIssue => ({ issue, place: this.placeOf(issue.path, layout, places) });
    const errors = result.errors.map(trace);
    const warnings = result.warnings.map(trace);
    return errors.length ? { errors, warnings, separator, numbers } : { feed, errors, warnings, separator, numbers };
  }

  /** The number in a cell (undefined when the cell is empty or wrong, the error noted). */
  private cellNumber(
    record: string[],
    col: number | undefined,
    row: number,
    mode: NumberLocale | 'en?',
    rate: boolean,
    layout: Layout,
  ): number | undefined {
    if (col === undefined) return undefined;
    const raw = record[col];
    if (!raw) return undefined;
    const text = raw.trim();
    return text ? this.number(text, mode, rate, row, col, layout) : undefined;
  }

  /** One number cell, read as `mode` says; a rate cell may end in `%`. */
  private number(
    text: string,
    mode: NumberLocale | 'en?',
    rate: boolean,
    row: number,
    col: number,
    layout: Layout,
  ): number | undefined {
    const percent = text.charCodeAt(text.length - 1) === 37; // %
    if (percent && !rate) {
      this.error(cellPlace(layout, row, col), 'csv.percent', { text: clip(text) });
      return undefined;
    }
    const digits = percent ? text.slice(0, -1).trimEnd() : text;
    const locale: NumberLocale = mode === 'vi' ? 'vi' : 'en';
    const value = percent ? readPercent(digits, locale) : readNumber(digits, locale);
    if (value === undefined) {
      const other: NumberLocale = locale === 'vi' ? 'en' : 'vi';
      const hint = (percent ? readPercent(digits, other) : readNumber(digits, other)) !== undefined;
      this.error(
        cellPlace(layout, row, col),
        hint ? (other === 'en' ? 'csv.notNumber.tryEn' : 'csv.notNumber.tryVi') : 'csv.notNumber',
        { text: clip(text) },
      );
      return undefined;
    }
    if (mode === 'en?') {
      const vi = percent ? readPercent(digits, 'vi') : readNumber(digits, 'vi');
      if (vi !== undefined && vi !== value) {
        this.error(cellPlace(layout, row, col), 'csv.ambiguous', { text: clip(text), vi, en: value });
        return undefined;
      }
    }
    return value;
  }

  /** The cell (or option) behind a JSON path of the built feed. */
  private placeOf(path: string, layout: Layout, places: { row: number; idCol: number }[]): Place | undefined {
    const options: Record<string, string> = {
      title: '--title',
      asOf: '--as-of',
      nextUpdate: '--next-update',
      'source.name': '--source-name',
      'source.url': '--source-url',
    };
    if (options[path]) return { option: options[path] };
    const m = /^provinces\[(\d+)\](?:\.(.+))?$/.exec(path);
    const at = m && places[+m[1]];
    if (!at) return undefined;
    const rest = m[2] ?? '';
    const cell = (column: number | undefined): Place =>
      column === undefined ? { row: at.row } : { row: at.row, column, header: layout.headers[column] };
    if (rest === 'id') return cell(at.idCol);
    if (rest === 'name' || rest === 'code') return cell(layout.fields[rest]);
    if (rest === 'models') return cell(layout.fields.total);
    const model = /^models\.(\w+)$/.exec(rest);
    if (model) return cell(layout.fields[model[1] as Field]);
    const metric = /^metrics\.([\w-]+)(?:\.(\w+))?$/.exec(rest);
    if (metric) {
      const cols = layout.metrics.find((x) => x.id === metric[1])?.cols;
      const part = (metric[2] ?? 'value') as Part;
      return cell(cols?.[part] ?? cols?.value ?? cols?.rate);
    }
    return { row: at.row };
  }
}

function cellPlace(layout: Layout, row: number, column: number): Place {
  return { row, column, header: layout.headers[column] };
}

/** A text cell, trimmed, white space folded: a line break typed in a cell (Alt+Enter) or a double space is one space. */
function textCell(record: string[], col: number | undefined): string {
  const raw = col === undefined ? undefined : record[col];
  if (!raw) return '';
  const text = raw.trim();
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** Converts CSV text (BOM and all) to a feed, or says why not, cell by cell. Never throws on bad data. */
export function csvToFeed(text: string, options: ConvertOptions = {}): ConvertResult {
  return new Converter(options).convert(text);
}
