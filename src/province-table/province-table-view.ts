/**
 * What `<tiendo-province-table>` does once it is on a page: reads the provinces
 * (or one province's communes) out of a feed, sorts and ranks them, draws the
 * table a page at a time with a filter box, writes the CSV and states the sentence.
 * A chunk of its own, fetched by the first table on a page, so that pages
 * without a table do not download it (see tiendo-province-table.ts).
 *
 * Long tables: every row stays reachable. Past {@link FIND_FROM} rows a filter box
 * finds a name without regard to diacritics or case; past {@link PAGE} rows the
 * table is drawn a page at a time (a native table, so a screen reader's table
 * commands, the sticky name column and printing keep working), with page buttons
 * and a choice of page. Measured (scripts/bench/table.mjs): a 3,321-row page is drawn
 * and filtered many times faster than a plain DOM table of every row, where a virtual
 * scroller would cost ~8 KB gzip and the table's semantics (see the bench's notes).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateSpoken, formatNumber, formatPercent, isolate } from '../i18n/format.js';
import type { Lang, MessageKey } from '../i18n/messages.js';
import type { WidgetProblem } from '../base/tiendo-element.js';
import { chooseArea, provenance, rateOf, type Provenance } from '../feed/figures.js';
import { metricChange, modelChange } from '../feed/history.js';
import type { Feed, FeedArea, FeedSource, MetricPoint, ModelCounts } from '../feed/types.js';
import { foldName } from '../places/names.js';
import type { RegroupedProvince } from '../places/regroup.js';
import { tableMsg, type TableKey } from './table-words.js';
import { NO_OVERFLOW, type Overflow } from './scroll-watch.js';

export { tableMsg };
import type {
  ProvinceTableView,
  TableColumn,
  TableOptions,
  TablePlaces,
  TableRow,
  TableWithheld,
} from './table-types.js';

/** What the element tells the view: the reader's language and choices, and how to change them. */
export interface TableState {
  lang: Lang;
  /** A column id, `-` prefixed for descending; '' for the default. */
  sort: string;
  highlight?: string;
  limit?: number;
  /** The text in the filter box. */
  query: string;
  /** The page shown, from 0. */
  page: number;
  /** The last change announced in the live region. */
  announcement: string;
  /** Called when the reader sorts: the new `sort` and its announcement. */
  sorted(sort: string, announcement: string): void;
  /** Called when the reader types in the filter box. */
  found(query: string, announcement: string): void;
  /** Called when the reader turns the page. */
  paged(page: number, announcement: string): void;
  /** In a group of linked widgets: called when the reader chooses a row's name (a province, or a commune of `province`). */
  pick?(province: string, commune?: string): void;
  /** What of the table is out of view in its scrolling box; `watching` false: unknown (treated as scrolling). */
  overflow?: Overflow;
  watching?: boolean;
  /** The caption's text as the widget's title (the group's name, a heading with `heading-level`); `own`: the reader's words. */
  title?(caption: string, own: boolean): TemplateResult;
  /** The national row's name: the feed's, else (or for a feed's "Toàn quốc") the reader's word for the nation. */
  nation?(name: string): string;
}

/** The rows in their shown order, with the ranks of the column that ranks them. */
interface Ordered {
  key: string;
  rows: TableRow[];
  /** The sorted column, and whether descending. */
  col: number;
  desc: boolean;
  /** The ranking column (the sorted one, or the first figure column when sorting by name); -1: none. */
  rankColumn: number;
  rank: (r: TableRow) => number | undefined;
  ranked: number;
}

/** The model columns, in their default order; `rate` is completed/total. */
const MODEL: Record<string, keyof ModelCounts | 0> = {
  rate: 0,
  completed: 'completed',
  'in-progress': 'inProgress',
  'not-started': 'notStarted',
  total: 'total',
};

/** Past this many rows, the table offers a filter box. */
export const FIND_FROM = 40;
/** Rows drawn at a time; the others are a page away (or a filter away). */
export const PAGE = 100;

const t = (lang: Lang, key: TableKey | MessageKey, params?: Record<string, string | number>) => tableMsg(lang, key, params);

/** A metric's rate in an area: value/total, else the rate the source reported. */
function metricRate(a: FeedArea, id: string): number | undefined {
  const f = a.metrics[id];
  return f && rateOf(f.value, f.total, f.rate);
}

/** A history point's rate: the reported one, else value/total. */
const pointRate = (p: MetricPoint) => rateOf(p.value, p.total, p.rate);

const isFigure = (c: TableColumn) => c.id !== 'rank' && c.id !== 'name' && c.id !== 'change';

/** How the figure of column `c` moved in area `a` since its last earlier point (or its `previous`). */
function changeOf(a: FeedArea, c: TableColumn): { delta: number; since?: string } | undefined {
  if (Object.hasOwn(MODEL, c.id)) {
    const m = a.models;
    if (!m) return undefined;
    const key = MODEL[c.id];
    if (key && key !== 'total') {
      const ch = modelChange(m, key);
      return ch && { delta: ch.delta, since: ch.asOf };
    }
    const now = key ? m.total : rateOf(m.completed, m.total);
    for (let i = (m.history?.length ?? 0) - 1; i >= 0; i--) {
      const p = m.history![i];
      const then = key ? p.total : rateOf(p.completed, p.total);
      if (then !== undefined && now !== undefined) return { delta: now - then, since: p.asOf };
    }
    return undefined;
  }
  const f = a.metrics[c.id];
  if (!f) return undefined;
  if (c.rate && f.value !== undefined) {
    // A rate from counts moves with its counts: the last earlier point that has a rate.
    const now = metricRate(a, c.id);
    const history = f.history ?? [];
    for (let i = history.length - 1; i >= 0; i--) {
      const then = pointRate(history[i]);
      if (then !== undefined && now !== undefined) return { delta: now - then, since: history[i].asOf };
    }
    return undefined;
  }
  const ch = metricChange(f);
  return ch && { delta: ch.delta, since: ch.asOf };
}

const sameSource = (a?: FeedSource, b?: FeedSource) => a?.name === b?.name && a?.url === b?.url;
const sameFrom = (a: Provenance, b: Provenance) => a.asOf === b.asOf && sameSource(a.source, b.source);

function distinct(list: Provenance[]): Provenance[] {
  const out: Provenance[] = [];
  for (const p of list) if (!out.some((q) => sameFrom(p, q))) out.push(p);
  return out;
}

/** One area as a row: the feed's area, the layers its figures inherit provenance from, its present unit. */
interface Source {
  area: FeedArea & { id?: string; name?: string };
  id: string;
  name: string;
  layers: Provenance[];
}

/**
 * The table's columns and every row's figures: the provinces (or, at commune level,
 * the chosen province's communes); undefined when there are none. `places` is the
 * places module, given when `regroup` or `showPresent` asks for it.
 */
export function tableView(feed: Feed, opts: TableOptions = {}, places?: TablePlaces): ProvinceTableView | WidgetProblem | undefined {
  const level = opts.level?.trim() === 'commune' ? 'commune' : 'province';
  let sources: Source[];
  let footer: Source | undefined;
  let province: string | undefined;
  let provinceId: string | undefined;
  let regrouped: ProvinceTableView['regrouped'];
  let present: Map<string, string> | undefined;
  if (level === 'commune') {
    const choice = chooseArea(feed, opts.province);
    if (choice === 'unknown') return { key: 'error.province', params: { id: opts.province?.trim() ?? '' }, kind: 'selection' };
    if (typeof choice === 'string' || !choice.province) return { key: 'error.needProvince', kind: 'selection' };
    const p = choice.province;
    if (!p.communes?.length) return undefined;
    province = p.name;
    provinceId = p.id;
    sources = p.communes.map((c) => ({ area: c, id: c.id, name: c.name, layers: [p, feed] }));
    footer = { area: p, id: '', name: p.name, layers: [feed] };
  } else {
    let provinces = feed.provinces;
    if (opts.regroup && places) {
      const r = places.regroupFeed(feed);
      if (r.era === 'before-2025') {
        provinces = [...r.provinces, ...r.unplaced];
        regrouped = { withheld: {}, unplaced: r.unplaced.map((p) => p.name) };
      }
    } else if (opts.showPresent && places) {
      present = places.presentNames(feed);
    }
    if (!provinces.length) return undefined;
    sources = provinces.map((p) => ({ area: p, id: p.id, name: p.name, layers: [feed] }));
    footer = feed.national && { area: feed.national, id: '', name: feed.national.name ?? '', layers: [feed] };
  }
  // Which metrics the feed has, and which show a rate, are read from its own areas too (a regrouped
  // unit may have had every rate withheld).
  const areas = [...sources, ...(footer ? [footer] : [])].map((s) => s.area).concat(regrouped ? feed.provinces : []);
  const ids = [
    ...new Set(
      opts.columns?.trim()
        ? opts.columns.split(',').map((s) => s.trim()).filter(Boolean)
        : ['rank', 'name', ...(sources.some((s) => s.area.models) ? Object.keys(MODEL) : feed.metrics.map((m) => m.id))],
    ),
  ];
  if (!ids.includes('name')) ids.splice(ids[0] === 'rank' ? 1 : 0, 0, 'name');
  const columns: TableColumn[] = [];
  for (const id of ids) {
    if (Object.hasOwn(MODEL, id) || id === 'rank' || id === 'name' || id === 'change') {
      columns.push({ id, rate: id === 'rate', low: id === 'not-started' });
      continue;
    }
    const def = feed.metrics.find((m) => m.id === id);
    if (!def && !areas.some((a) => a.metrics[id])) return { key: 'error.metric', params: { id }, kind: 'selection' };
    // A metric with totals (or reported rates) shows its rate; else its value.
    const rate = areas.some((a) => metricRate(a, id) !== undefined);
    columns.push({ id, name: def?.name ?? id, unit: rate ? '%' : def?.unit, rate, low: def?.higherIsBetter === false });
  }
  // The change column follows the sort metric: the `sort` attribute's column, else the first figure column.
  let changeAt = columns.findIndex((c) => c.id === 'change');
  if (changeAt >= 0) {
    const sortId = opts.sort?.trim().replace(/^-/, '');
    let of = columns.findIndex((c) => c.id === sortId && isFigure(c));
    if (of < 0) of = columns.findIndex(isFigure);
    // Without a figure column there is nothing to follow: no change column.
    if (of < 0) columns.splice(changeAt, 1);
    else columns[changeAt] = { id: 'change', change: { of }, low: columns[of].low };
    changeAt = columns.findIndex((c) => c.id === 'change');
  }
  const modelCols = columns.some((c) => Object.hasOwn(MODEL, c.id));

  const row = ({ area: a, id, name, layers }: Source): TableRow => {
    const values = columns.map((c) => {
      const m = a.models;
      if (c.change) return undefined;
      if (!Object.hasOwn(MODEL, c.id)) return c.rate ? metricRate(a, c.id) : a.metrics[c.id]?.value;
      return m && (MODEL[c.id] ? m[MODEL[c.id] as keyof ModelCounts] : rateOf(m.completed, m.total));
    });
    const r: TableRow = { id, name, values };
    const base = changeAt >= 0 ? columns[changeAt].change?.of : undefined;
    if (base !== undefined) {
      const ch = changeOf(a, columns[base]);
      if (ch) {
        values[changeAt] = ch.delta;
        if (ch.since) r.since = ch.since;
      }
    }
    // Where the figures shown come from: the area's (each part's, for a regrouped unit), a metric's own.
    const own = (a as Partial<RegroupedProvince>).provenances;
    const areaFrom = own?.length ? own : [provenance(a, ...layers)];
    const from: Provenance[] = [];
    if (modelCols && a.models) from.push(...areaFrom);
    for (const [i, c] of columns.entries()) {
      const f = isFigure(c) && !Object.hasOwn(MODEL, c.id) ? a.metrics[c.id] : undefined;
      if (f && values[i] !== undefined) from.push(...(f.source && f.asOf ? [provenance(f)] : f.source || f.asOf ? [provenance(f, a, ...layers)] : areaFrom));
    }
    r.from = distinct(from);
    const unit = a as Partial<RegroupedProvince>;
    if (regrouped && unit.parts) {
      if (unit.parts.length > 1 || unit.missing?.length || unit.parts[0]?.name !== name) {
        r.parts = unit.parts.map((p) => p.name);
        if (unit.missing?.length) r.missing = unit.missing;
      }
      const why = (c: TableColumn): TableWithheld | undefined =>
        unit.withheld?.[Object.hasOwn(MODEL, c.id) ? 'models' : c.id] ?? (c.change ? why(columns[c.change.of]) : undefined);
      const withheld = columns.map(why);
      if (withheld.some(Boolean)) {
        r.withheld = withheld;
        withheld.forEach((w, i) => w && !columns[i].change && (regrouped!.withheld[columns[i].id] ??= w));
      }
    }
    const now = present?.get(id);
    if (now) r.present = now;
    return r;
  };
  const rows = sources.map(row);
  // A national block with none of the table's figures (a ministry's metrics only) is no row of dashes.
  const whole = footer && row(footer);
  const national = whole && whole.values.some((x) => x !== undefined) ? whole : undefined;
  // One common date for the change column goes in its header; else each row says its own.
  if (changeAt >= 0) {
    const dates = new Set(rows.filter((r) => r.values[changeAt] !== undefined).map((r) => r.since));
    const [only] = dates;
    if (dates.size === 1 && only && columns[changeAt].change) columns[changeAt].change!.since = only;
  }
  // Each row keeps its own source and date; the footer credits only what every row shares.
  const all = distinct([...rows, ...(national ? [national] : [])].flatMap((r) => r.from ?? []));
  const mixedSource = all.some((p) => !sameSource(p.source, all[0].source));
  const mixedAsOf = all.some((p) => p.asOf !== all[0].asOf);
  const common = all[0] ?? provenance(feed);
  for (const r of [...rows, ...(national ? [national] : [])]) if (!mixedSource && !mixedAsOf) delete r.from;
  return {
    name: feed.title ?? '',
    level,
    ...(province !== undefined ? { province, provinceId } : {}),
    columns,
    rows,
    national,
    source: mixedSource ? undefined : common.source,
    asOf: mixedAsOf ? undefined : common.asOf,
    ...(mixedSource || mixedAsOf ? { mixed: { source: mixedSource, asOf: mixedAsOf } } : {}),
    ...(regrouped ? { regrouped } : {}),
  };
}

function label(c: TableColumn, v: ProvinceTableView, { lang }: TableState): string {
  if (c.change) {
    const column = label(v.columns[c.change.of], v, { lang } as TableState);
    return c.change.since
      ? t(lang, 'table.changeSince', { column, date: formatDate(c.change.since, lang) })
      : t(lang, 'table.change', { column });
  }
  // A metric's name and unit from the feed, isolated for direction: a stray U+202E cannot reverse "(%)" after it.
  if (c.name) return c.unit ? `${isolate(c.name)} (${isolate(c.unit)})` : isolate(c.name);
  if (c.id === 'name' && v.level === 'commune') return t(lang, 'table.name.commune');
  return t(lang, (MODEL[c.id] && c.id !== 'total' ? `status.${c.id}` : `table.${c.id}`) as TableKey);
}

/** A change in words and signs: "▲ 1.240" for the eye, "tăng 1.240" for the ear; "không đổi" when it rounds to nothing. */
function changeText(v: ProvinceTableView, c: TableColumn, x: number, lang: Lang): { sign: string; word: string; figure: string } {
  const points = v.columns[c.change!.of].rate;
  const decimals = points ? 1 : 2;
  const abs = formatNumber(Math.abs(points ? x * 100 : x), lang, decimals);
  if (abs === formatNumber(0, lang, decimals)) return { sign: '', word: '', figure: t(lang, 'table.same') };
  const figure = points ? t(lang, 'table.points', { value: abs }) : abs;
  return x > 0 ? { sign: '▲', word: t(lang, 'table.up'), figure } : { sign: '▼', word: t(lang, 'table.down'), figure };
}

/**
 * A figure as text (the screen's and the CSV's; `spoken`: the sentence's). A share never rounds
 * to 0% or 100% unless it is that ("< 0,1%", "> 99,9%"; "dưới 0,1%", "hơn 99,9%" for the ear).
 */
function text(v: ProvinceTableView, c: TableColumn, x: number, lang: Lang, spoken?: boolean): string {
  if (c.change) {
    const { sign, word, figure } = changeText(v, c, x, lang);
    return spoken ? [word, figure].filter(Boolean).join(' ') : sign ? `${sign} ${figure}` : figure;
  }
  return c.rate ? formatPercent(x, lang, 1, spoken) : formatNumber(x, lang);
}

/** The date a row's change compares with, when the header does not say it. */
function sinceText(c: TableColumn, r: TableRow, lang: Lang): string {
  if (c.change?.since) return '';
  return r.since ? t(lang, 'table.since', { date: formatDate(r.since, lang) }) : t(lang, 'table.sincePrevious');
}

/**
 * Words with a date: the compact date for the eye ("so với 30/06/2024", hidden from screen readers;
 * never broken across lines: "30 Jun 2024" stays whole) and the date for the ear ("so với ngày 30
 * tháng 6 năm 2024", class `said`), as the footer says it.
 */
function dated(lang: Lang, key: TableKey, iso: string, params: Record<string, string> = {}): TemplateResult {
  return html`<span aria-hidden="true">${t(lang, key, { ...params, date: formatDate(iso, lang).replace(/ /g, '\u00a0') })}</span><span class="visually-hidden said"
    >${t(lang, key, { ...params, date: formatDateSpoken(iso, lang) })}</span
  >`;
}

/** The header of the per-row provenance column: what differs from row to row. */
function fromLabel(v: ProvinceTableView, lang: Lang): string {
  const m = v.mixed!;
  return t(lang, m.source && m.asOf ? 'table.from' : m.source ? 'table.from.source' : 'table.from.asOf');
}

/** A row's sources and dates, as they differ: "Công an tỉnh Nghệ An · 20/06/2024" (`spoken`: the dates for the ear). */
function fromText(v: ProvinceTableView, r: TableRow, lang: Lang, spoken?: boolean): string {
  const m = v.mixed!;
  const date = spoken ? formatDateSpoken : formatDate;
  return (r.from ?? [])
    // The date stays whole on screen ("20 Jun 2024" never broken after its day).
    .map((p) => [m.source && p.source && isolate(p.source.name), m.asOf && p.asOf && (spoken ? date(p.asOf, lang) : date(p.asOf, lang).replace(/ /g, '\u00a0'))].filter(Boolean).join(' · '))
    .join('; ');
}

/** A row's sources and dates in its cell: the compact dates on screen, the spoken ones for a screen reader. */
function fromCell(v: ProvinceTableView, r: TableRow, lang: Lang): TemplateResult {
  const seen = fromText(v, r, lang);
  const heard = fromText(v, r, lang, true);
  return seen === heard
    ? html`<td class="from">${seen}</td>`
    : html`<td class="from"><span aria-hidden="true">${seen}</span><span class="visually-hidden said">${heard}</span></td>`;
}

/**
 * The national row's name: the feed's own, else the reader's word for the nation (a feed's
 * "Toàn quốc" is the reader's word too: an English table never says it). The element passes
 * the base's `areaName`; this is the same rule for a state without it.
 */
function nationName(r: TableRow, s: Pick<TableState, 'lang' | 'nation'>): string {
  if (s.nation) return s.nation(r.name);
  return r.name && r.name !== t('vi', 'area.national') ? r.name : t(s.lang, 'area.national');
}

/** A row's name as shown: with its present unit (`show-present`). */
function nameText(r: TableRow, s: Pick<TableState, 'lang' | 'nation'>, national?: boolean): string {
  // Isolated for direction: a stray right-to-left mark in a name cannot reorder the words after it.
  const name = isolate(national ? nationName(r, s) : r.name);
  return r.present ? t(s.lang, 'table.partOf', { name, unit: r.present }) : name;
}

/**
 * A row's name on screen: in an English table the feed's Vietnamese names are marked
 * `lang="vi"` (so a voice reads them as Vietnamese), the reader's own words are not.
 */
function nameView(r: TableRow, s: TableState, national?: boolean): TemplateResult | string {
  const text = nameText(r, s, national);
  if (s.lang === 'vi' || (national && nationName(r, s) !== r.name)) return text;
  const vi = (name: string) => html`<bdi lang="vi">${name}</bdi>`;
  if (!r.present) return vi(r.name);
  // "Vĩnh Phúc (now part of Phú Thọ)": the two names Vietnamese, the words between them the reader's.
  // Both languages name the province before its unit.
  const [before = '', between = '', after = ''] = t(s.lang, 'table.partOf', { name: '\0', unit: '\0' }).split('\0');
  return html`${before}${vi(r.name)}${between}${vi(r.present)}${after}`;
}

/** What a regrouped unit adds up: "gộp từ Phú Thọ, Vĩnh Phúc, Hòa Bình; thiếu số liệu của …". */
function partsText(r: TableRow, lang: Lang): string {
  if (!r.parts) return '';
  const list = (names: string[]) => names.join(', ');
  const parts = t(lang, 'table.parts', { names: list(r.parts) });
  return r.missing ? `${parts}; ${t(lang, 'table.missing', { names: list(r.missing) })}` : parts;
}

/** A column's name inside a sentence: "Tỷ lệ hoàn thành" reads "tỷ lệ hoàn thành"; an acronym ("VNeID") stays. */
function midSentence(name: string, lang: Lang): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLocaleLowerCase(lang) + name.slice(1) : name;
}

/** What the rank column ranks by, in words ("theo tỷ lệ hoàn thành"); '' when nothing ranks. */
function rankBy(v: ProvinceTableView, s: TableState): string {
  const c = v.columns[order(v, s).rankColumn];
  return c ? t(s.lang, 'table.rankBy', { column: midSentence(label(c, v, s), s.lang) }) : '';
}

/** The rank column's full name: "Hạng theo tỷ lệ hoàn thành" (the CSV's header, a screen reader's). */
function rankLabel(v: ProvinceTableView, s: TableState): string {
  const by = rankBy(v, s);
  return by ? `${t(s.lang, 'table.rank')} ${by}` : t(s.lang, 'table.rank');
}

const orders = new WeakMap<ProvinceTableView, Ordered>();

/** The rows sorted and ranked for the current sort and language (kept until either changes). */
function order(v: ProvinceTableView, { lang, sort }: TableState): Ordered {
  const key = lang + sort;
  const kept = orders.get(v);
  if (kept?.key === key) return kept;
  const { columns, rows } = v;
  const names = new Intl.Collator(lang).compare;
  let numeric = columns.findIndex(isFigure);
  if (numeric < 0) numeric = columns.findIndex((c) => c.change);
  let desc = sort[0] === '-';
  let col = columns.findIndex((c) => c.id !== 'rank' && c.id === sort.replace(/^-/, ''));
  if (col < 0) [col, desc] = numeric < 0 ? [columns.findIndex((c) => c.id === 'name'), false] : [numeric, true];
  const byName = columns[col].id === 'name';
  const dir = desc ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    const x = a.values[col];
    const y = b.values[col];
    // Missing figures last both ways; ties by name; a name column keeps its own direction.
    return +(x === undefined) - +(y === undefined) || dir * (x! - y!) || (byName ? dir : 1) * names(a.name, b.name);
  });
  const rankColumn = byName ? numeric : col;
  // Competition ranking from the best figure: 1 + the number of rows with a better one.
  const first = new Map<number | undefined, number>();
  const low = columns[rankColumn]?.low;
  const ranked = rows
    .map((r) => r.values[rankColumn])
    .filter((x) => x !== undefined)
    .sort((x, y) => (low ? x - y : y - x));
  ranked.forEach((x, i) => first.has(x) || first.set(x, i + 1));
  const o = { key, rows: sorted, col, desc, rankColumn, rank: (r: TableRow) => first.get(r.values[rankColumn]), ranked: ranked.length };
  orders.set(v, o);
  return o;
}

/** What the filter box compares with: the name, its present unit and a unit's parts, folded. */
const keys = new WeakMap<TableRow, string>();
function keyOf(r: TableRow): string {
  let k = keys.get(r);
  if (k === undefined) {
    k = ` ${[r.name, r.present ?? '', ...(r.parts ?? [])].map(foldName).join(' ')}`;
    keys.set(r, k);
  }
  return k;
}

/** The rows the reader can reach now: the editor's top `limit` (else all), those the filter finds, the page. */
function reach(v: ProvinceTableView, s: TableState) {
  const o = order(v, s);
  const offered = s.limit! > 0 ? o.rows.slice(0, s.limit) : o.rows;
  const finding = offered.length > FIND_FROM;
  const q = finding ? foldName(s.query) : '';
  const found = q ? offered.filter((r) => keyOf(r).includes(q)) : offered;
  const pages = Math.max(1, Math.ceil(found.length / PAGE));
  const page = Math.min(Math.max(0, s.page), pages - 1);
  const slice = found.slice(page * PAGE, (page + 1) * PAGE);
  // A highlighted row the limit or the page leaves out is shown after them, with its rank (unless the filter hides it).
  const h = s.highlight ? o.rows.find((r) => r.id === s.highlight) : undefined;
  const after = h && !slice.includes(h) && (!q || keyOf(h).includes(q)) ? h : undefined;
  return { o, offered, finding, q, found, pages, page, slice, after };
}

/** Every row of the data (not only those drawn, found or within `limit`), in the current order, as CSV cells. */
export function csvRows(v: ProvinceTableView, s: TableState): string[][] {
  const { lang } = s;
  const o = order(v, s);
  const line = (r: TableRow, national?: boolean) => [
    ...v.columns.map((c, i) => {
      if (c.id === 'name') return [nameText(r, s, national), partsText(r, lang)].filter(Boolean).join(' — ');
      const x = c.id === 'rank' ? (national ? undefined : o.rank(r)) : r.values[i];
      if (x === undefined) return '';
      if (c.id === 'rank') return formatNumber(x, lang);
      const since = c.change ? sinceText(c, r, lang) : '';
      return since ? `${text(v, c, x, lang)} ${since}` : text(v, c, x, lang);
    }),
    ...(v.mixed ? [fromText(v, r, lang)] : []),
  ];
  return [
    [...v.columns.map((c) => (c.id === 'rank' ? rankLabel(v, s) : label(c, v, s))), ...(v.mixed ? [fromLabel(v, lang)] : [])],
    ...o.rows.map((r) => line(r)),
    ...(v.national ? [line(v.national, true)] : []),
  ];
}

function caption(v: ProvinceTableView, lang: Lang): string {
  if (v.level === 'commune') {
    const province = v.province ?? '';
    return v.name ? t(lang, 'table.caption.communeTitled', { title: v.name, province }) : t(lang, 'table.caption.commune', { province });
  }
  return v.name || t(lang, 'table.caption');
}

async function download(v: ProvinceTableView, s: TableState): Promise<void> {
  // csv-download.ts imports nothing, so it stays a chunk of its own, loaded on the first click.
  const { downloadCsv } = await import('../base/csv-download.js');
  downloadCsv(caption(v, s.lang), csvRows(v, s), s.lang === 'en' ? ',' : ';');
}

const commune = (v: ProvinceTableView) => v.level === 'commune';

export function renderTable(v: ProvinceTableView, s: TableState): TemplateResult {
  const { lang } = s;
  const { o, offered, finding, q, found, pages, page, slice, after } = reach(v, s);
  const all = o.rows.length;
  const sortBy = (c: TableColumn, i: number) => {
    const desc = i === o.col ? !o.desc : c.id !== 'name';
    // Names are said "từ A đến Z", figures "tăng dần"; the column in quotes, as its name may hold a comma.
    const way = c.id === 'name' ? (desc ? 'table.za' : 'table.az') : desc ? 'table.desc' : 'table.asc';
    s.sorted(`${desc ? '-' : ''}${c.id}`, t(lang, 'table.sorted', { column: label(c, v, s), order: t(lang, way) }));
  };
  const foundWords = (n: number) => (n === 1 ? t(lang, 'table.found.one') : t(lang, 'table.found', { count: n }));
  const turn = (to: number) =>
    s.paged(to, `${t(lang, 'table.pageOf', { page: to + 1, pages })}, ${rowsWords(to, 'table.rows.said')}`);
  const rowsWords = (p: number, key: TableKey = 'table.rows') =>
    t(lang, key, { from: p * PAGE + 1, to: Math.min(found.length, (p + 1) * PAGE), total: found.length });
  const cell = (r: TableRow, c: TableColumn, i: number, national?: boolean) => {
    if (c.id === 'name') {
      const parts = partsText(r, lang);
      // In a group, a row's name chooses that area for the group (not a unit added up from old provinces: the feed has no such id).
      const pick = s.pick && !national && !r.parts && !v.regrouped ? s.pick : undefined;
      const name = nameView(r, s, national);
      return html`<th scope="row" class="name">
        ${pick
          ? html`<button type="button" class="pick" @click=${() => (commune(v) ? pick(v.provinceId!, r.id) : pick(r.id))}>${name}</button>`
          : name}${parts ? html` <span class="parts">${parts}</span>` : nothing}
      </th>`;
    }
    if (c.id === 'rank' && national) return html`<td></td>`;
    const x = c.id === 'rank' ? o.rank(r) : r.values[i];
    if (x === undefined) {
      // A dash for the eye; words for a screen reader; an empty field in the CSV.
      const why = r.withheld?.[i] ? t(lang, 'table.withheld') : t(lang, 'table.none');
      return html`<td class="num none"><span aria-hidden="true">—</span><span class="visually-hidden">${why}</span></td>`;
    }
    if (c.id === 'rank') return html`<td class="num">${formatNumber(x, lang)}</td>`;
    if (c.change) {
      const { sign, word, figure } = changeText(v, c, x, lang);
      const since = c.change.since ? '' : r.since ? dated(lang, 'table.since', r.since) : t(lang, 'table.sincePrevious');
      return html`<td class="num">
        ${sign ? html`<span aria-hidden="true">${sign}</span><span class="visually-hidden">${word}</span> ` : nothing}${figure}${since
          ? html` <span class="since">${since}</span>`
          : nothing}
      </td>`;
    }
    return html`<td class="num">${text(v, c, x, lang)}</td>`;
  };
  const row = (r: TableRow, national?: boolean, pinned?: boolean) => {
    const hl = !national && r.id === s.highlight;
    return html`<tr
      part=${national ? 'row row-national' : hl ? 'row row-highlight' : 'row'}
      class=${(hl ? 'hl' : '') + (pinned ? ' after' : '')}
      aria-current=${hl ? 'true' : nothing}
    >
      ${v.columns.map((c, i) => cell(r, c, i, national))}${v.mixed ? fromCell(v, r, lang) : nothing}
    </tr>`;
  };
  const head = (c: TableColumn, i: number) => {
    if (c.id === 'rank') {
      // "Hạng" on screen; a screen reader hears by what it ranks with every rank it reads.
      const by = rankBy(v, s);
      return html`<th scope="col">${label(c, v, s)}${by ? html` <span class="visually-hidden">${by}</span>` : nothing}</th>`;
    }
    const on = i === o.col;
    const name = c.change?.since
      ? dated(lang, 'table.changeSince', c.change.since, { column: label(v.columns[c.change.of], v, s) })
      : label(c, v, s);
    return html`<th
      scope="col"
      class=${c.id === 'name' ? 'name' : 'num'}
      aria-sort=${on ? (o.desc ? 'descending' : 'ascending') : nothing}
    >
      <button type="button" @click=${() => sortBy(c, i)}>
        ${name} <span aria-hidden="true">${on ? (o.desc ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  };
  const width = v.columns.length + (v.mixed ? 1 : 0);
  // The box scrolls (a phone, a long table): a tab stop so that the keyboard can scroll it, a hint, shaded edges.
  const over = s.overflow ?? NO_OVERFLOW;
  const scrolls = over.x || over.y || s.watching === false;
  const hint = over.x || over.y ? t(lang, over.x && over.y ? 'table.scroll.xy' : over.x ? 'table.scroll.x' : 'table.scroll.y') : '';
  const edges = (['start', 'end', 'above', 'below'] as const).map((k) => (over[k] ? ` more-${k}` : '')).join('');
  const shown = offered.length;
  const notes = [
    ...(v.regrouped ? [t(lang, 'table.regrouped')] : []),
    ...Object.entries(v.regrouped?.withheld ?? {}).map(([id, why]) =>
      t(lang, `table.withheld.${why}`, { column: label(v.columns.find((c) => c.id === id)!, v, s) }),
    ),
    ...(v.regrouped?.unplaced.length ? [t(lang, 'table.unplaced', { names: v.regrouped.unplaced.join(', ') })] : []),
    ...(v.mixed ? [t(lang, commune(v) ? 'table.mixed.commune' : 'table.mixed', { column: fromLabel(v, lang) })] : []),
  ];
  return html`
    ${finding
      ? html`<p class="find">
          <label for="find">${t(lang, commune(v) ? 'table.find.commune' : 'table.find')}</label>
          <!-- The attribute, not the property: it starts a new box with the reader's text, and never
               rewrites a box being typed in (a render between two keys would drop the second). -->
          <input
            id="find"
            part="find"
            type="search"
            autocomplete="off"
            spellcheck="false"
            value=${s.query}
            @input=${(e: Event) => {
              const query = (e.target as HTMLInputElement).value;
              const folded = foldName(query);
              const n = folded ? offered.filter((r) => keyOf(r).includes(folded)).length : offered.length;
              s.found(query, folded ? foundWords(n) : '');
            }}
          />
          ${q ? html`<span class="found">${foundWords(found.length)}</span>` : nothing}
        </p>`
      : nothing}
    ${hint
      ? html`<p class="scroll-hint" part="scroll-hint" aria-hidden="true"><span id="scroll-hint">${hint}</span> ${over.x ? '→' : ''}${over.y ? '↓' : ''}</p>`
      : nothing}
    <div class="frame${edges}">
    <div
      class="scroll"
      tabindex=${scrolls ? '0' : nothing}
      role=${scrolls ? 'region' : nothing}
      aria-labelledby=${scrolls ? 'caption' : nothing}
      aria-describedby=${hint ? 'scroll-hint' : nothing}
    >
      <table part="table">
        <caption id="caption" part="caption">${s.title ? s.title(caption(v, lang), !(v.name && !commune(v))) : caption(v, lang)}</caption>
        <thead>
          <tr>
            ${v.columns.map(head)}${v.mixed ? html`<th scope="col">${fromLabel(v, lang)}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${slice.map((r) => row(r))}${after ? row(after, false, true) : nothing}${q && !found.length
            ? html`<tr><td colspan=${width} class="empty">${t(lang, 'table.foundNone', { query: s.query.trim() })}</td></tr>`
            : nothing}
        </tbody>
        ${v.national ? html`<tfoot>${row(v.national, true)}</tfoot>` : nothing}
      </table>
    </div>
    </div>
    ${pages > 1
      ? html`<nav class="pages" part="pages" aria-label=${t(lang, 'table.pages')}>
          <button type="button" ?disabled=${page === 0} @click=${() => turn(page - 1)}>
            <span aria-hidden="true">‹</span> ${t(lang, 'table.prev')}
          </button>
          <label for="page">${t(lang, 'table.page')}</label>
          <select id="page" @change=${(e: Event) => turn(Number((e.target as HTMLSelectElement).value))}>
            ${Array.from({ length: pages }, (_, i) => html`<option value=${i} ?selected=${i === page}>${formatNumber(i + 1, lang)}</option>`)}
          </select>
          <span class="where" aria-hidden="true">/ ${formatNumber(pages, lang)} (${rowsWords(page)})</span>
          <span class="visually-hidden">${t(lang, 'table.pagesSaid', { pages })} (${rowsWords(page, 'table.rows.said')})</span>
          <button type="button" ?disabled=${page === pages - 1} @click=${() => turn(page + 1)}>
            ${t(lang, 'table.next')} <span aria-hidden="true">›</span>
          </button>
        </nav>`
      : nothing}
    ${notes.map((n) => html`<p class="table-note" part="table-note">${n}</p>`)}
    <p class="tools">
      ${shown < all ? t(lang, commune(v) ? 'table.shown.commune' : 'table.shown', { shown, total: all }) : ''}
      <button type="button" part="csv" @click=${() => download(v, s)}>${t(lang, 'table.csv')}</button>
      ${shown < all || finding ? html`<span class="csv-note">${t(lang, 'table.csvAll', { count: all })}</span>` : nothing}
    </p>
    <p class="visually-hidden" role="status">${s.announcement}</p>
  `;
}

/** "Nghệ An xếp thứ 5/34 về tỷ lệ hoàn thành." or, without a highlight, who leads. */
export function tableSentence(v: ProvinceTableView, s: TableState): string {
  const { lang } = s;
  const o = order(v, s);
  const c = v.columns[o.rankColumn];
  if (!c) return '';
  const column = midSentence(label(c, v, s), lang);
  const h = v.rows.find((r) => r.id === s.highlight);
  const rank = h && o.rank(h);
  if (rank) return `${t(lang, 'table.rankOf', { name: isolate(h.name), rank, count: o.ranked, column })}.`;
  const top = o.rows.find((r) => o.rank(r) === 1);
  return top ? `${t(lang, 'table.top', { column, name: isolate(top.name), value: text(v, c, top.values[o.rankColumn]!, lang, true) })}.` : '';
}
