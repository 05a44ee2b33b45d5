/**
 * What `<tiendo-province-table>` does once it is on a page: reads the provinces
 * out of a feed, sorts and ranks them, draws the table and states the sentence.
 * A chunk of its own, fetched by the first table on a page, so that pages
 * without a table do not download it (see tiendo-province-table.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import type { WidgetProblem } from '../base/tiendo-element.js';
import type { Feed, FeedArea, ModelCounts } from '../feed/types.js';
import type { Lang, MessageKey } from '../i18n/messages.js';
import type { ProvinceTableView, TableColumn, TableRow } from './table-types.js';

/** What the element tells the view: the reader's language and choices, and how to sort. */
export interface TableState {
  lang: Lang;
  /** A column id, `-` prefixed for descending; '' for the default. */
  sort: string;
  highlight?: string;
  limit?: number;
  /** The last sort announced in the live region. */
  said: string;
  /** Called when the reader sorts: the new `sort` and its announcement. */
  sorted(sort: string, said: string): void;
}

/** The rows in their shown order, with the ranks of the column that ranks them. */
interface Ordered {
  key: string;
  rows: TableRow[];
  /** The sorted column, and whether descending. */
  col: number;
  desc: boolean;
  /** The ranking column (the sorted one, or the first numeric one when sorting by name); -1: none. */
  rc: number;
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

/**
 * Rows drawn when no `limit` is set: a huge feed (10,000 provinces) never freezes the
 * page; the table says how many of how many it shows, and `limit` can ask for more.
 */
const CAP = 200;

function rateOf(part?: number, total?: number, reported?: number): number | undefined {
  return part !== undefined && total ? part / total : reported;
}

/** A metric's rate in an area: value/total, else the rate the source reported. */
function metricRate(a: FeedArea, id: string): number | undefined {
  const f = a.metrics[id];
  return f && rateOf(f.value, f.total, f.rate);
}

/** The table's columns and every province's figures; undefined when the feed has no provinces. */
export function tableView(feed: Feed, columnList?: string): ProvinceTableView | WidgetProblem | undefined {
  const { provinces, national } = feed;
  if (!provinces.length) return undefined;
  const ids = [
    ...new Set(
      columnList?.trim()
        ? columnList.split(',').map((s) => s.trim()).filter(Boolean)
        : ['rank', 'name', ...(provinces.some((p) => p.models) ? Object.keys(MODEL) : feed.metrics.map((m) => m.id))],
    ),
  ];
  if (!ids.includes('name')) ids.splice(ids[0] === 'rank' ? 1 : 0, 0, 'name');
  const areas: FeedArea[] = national ? [...provinces, national] : provinces;
  const columns: TableColumn[] = [];
  for (const id of ids) {
    if (Object.hasOwn(MODEL, id) || id === 'rank' || id === 'name') {
      columns.push({ id, rate: id === 'rate', low: id === 'not-started' });
      continue;
    }
    const def = feed.metrics.find((m) => m.id === id);
    if (!def && !areas.some((a) => a.metrics[id])) return { key: 'error.metric', params: { id }, kind: 'selection' };
    // A metric with totals (or reported rates) shows its rate; else its value.
    const rate = areas.some((a) => metricRate(a, id) !== undefined);
    columns.push({ id, name: def?.name ?? id, unit: rate ? '%' : def?.unit, rate, low: def?.higherIsBetter === false });
  }
  const row = (a: FeedArea, id: string, name: string): TableRow => ({
    id,
    name,
    values: columns.map(({ id: c, rate }) => {
      const m = a.models;
      if (!Object.hasOwn(MODEL, c)) return rate ? metricRate(a, c) : a.metrics[c]?.value;
      return m && (MODEL[c] ? m[MODEL[c]] : rateOf(m.completed, m.total));
    }),
  });
  return {
    name: feed.title ?? '',
    columns,
    rows: provinces.map((p) => row(p, p.id, p.name)),
    national: national && row(national, '', national.name ?? ''),
    source: feed.source,
    asOf: feed.asOf,
  };
}

function label(c: TableColumn, { lang }: TableState): string {
  if (c.name) return c.unit ? `${c.name} (${c.unit})` : c.name;
  return msg(lang, (MODEL[c.id] && c.id !== 'total' ? `status.${c.id}` : `table.${c.id}`) as MessageKey);
}

function text(c: TableColumn, x: number, { lang }: TableState): string {
  return (c.rate ? formatPercent : formatNumber)(x, lang);
}

const orders = new WeakMap<ProvinceTableView, Ordered>();

/** The rows sorted and ranked for the current sort and language (kept until either changes). */
function order(v: ProvinceTableView, { lang, sort }: TableState): Ordered {
  const key = lang + sort;
  const kept = orders.get(v);
  if (kept?.key === key) return kept;
  const { columns, rows } = v;
  const names = new Intl.Collator(lang).compare;
  const numeric = columns.findIndex((c) => c.id !== 'rank' && c.id !== 'name');
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
  const rc = byName ? numeric : col;
  // Competition ranking from the best figure: 1 + the number of provinces with a better one.
  const first = new Map<number | undefined, number>();
  const low = columns[rc]?.low;
  const ranked = rows
    .map((r) => r.values[rc])
    .filter((x) => x !== undefined)
    .sort((x, y) => (low ? x - y : y - x));
  ranked.forEach((x, i) => first.has(x) || first.set(x, i + 1));
  const o = { key, rows: sorted, col, desc, rc, rank: (r: TableRow) => first.get(r.values[rc]), ranked: ranked.length };
  orders.set(v, o);
  return o;
}

async function downloadCsv(e: Event, lang: Lang): Promise<void> {
  // csv-download.ts imports nothing, so it stays a chunk of its own, loaded on the first click.
  const table = ((e.target as Element).getRootNode() as ShadowRoot).querySelector('table')!;
  (await import('../base/csv-download.js')).downloadTableCsv(table, lang === 'en' ? ',' : ';');
}

export function renderTable(v: ProvinceTableView, s: TableState): TemplateResult {
  const { lang } = s;
    const t = (key: MessageKey) => msg(lang, key);
  const o = order(v, s);
  const all = o.rows.length;
  const shown = Math.min(all, s.limit! > 0 ? s.limit! : CAP);
  const sortBy = (c: TableColumn, i: number) => {
    const desc = i === o.col ? !o.desc : c.id !== 'name';
    s.sorted(
      `${desc ? '-' : ''}${c.id}`,
      msg(lang, 'table.sorted', { column: label(c, s), order: t(desc ? 'table.desc' : 'table.asc') }),
    );
  };
  const row = (r: TableRow, national?: boolean) => {
    const hl = !national && r.id === s.highlight;
    return html`<tr
      part=${national ? 'row row-national' : hl ? 'row row-highlight' : 'row'}
      class=${hl ? 'hl' : ''}
      aria-current=${hl ? 'true' : nothing}
    >
      ${v.columns.map((c, i) => {
        if (c.id === 'name') return html`<th scope="row" class="name">${r.name || t('area.national')}</th>`;
        if (c.id === 'rank' && national) return html`<td></td>`;
        const x = c.id === 'rank' ? o.rank(r) : r.values[i];
        if (x === undefined) {
          // A dash for the eye; words for a screen reader; an empty field in the CSV.
          return html`<td class="num none">
            <span aria-hidden="true">—</span><span class="visually-hidden">${t('table.none')}</span>
          </td>`;
        }
        return html`<td class="num">${c.id === 'rank' ? formatNumber(x, lang) : text(c, x, s)}</td>`;
      })}
    </tr>`;
  };
  const head = (c: TableColumn, i: number) => {
    if (c.id === 'rank') return html`<th scope="col">${label(c, s)}</th>`;
    const on = i === o.col;
    return html`<th
      scope="col"
      class=${c.id === 'name' ? 'name' : 'num'}
      aria-sort=${on ? (o.desc ? 'descending' : 'ascending') : nothing}
    >
      <button type="button" @click=${() => sortBy(c, i)}>
        ${label(c, s)} <span aria-hidden="true">${on ? (o.desc ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  };
  return html`
    <div class="scroll" tabindex="0" role="region" aria-labelledby="caption">
      <table part="table">
        <caption id="caption" part="caption">${v.name || t('table.caption')}</caption>
        <thead>
          <tr>
            ${v.columns.map(head)}
          </tr>
        </thead>
        <tbody>
          ${o.rows.slice(0, shown).map((r) => row(r))}
        </tbody>
        ${v.national ? html`<tfoot>${row(v.national, true)}</tfoot>` : nothing}
      </table>
    </div>
    <p class="tools">
      ${shown < all ? msg(lang, 'table.shown', { shown, total: all }) : ''}
      <button type="button" part="csv" @click=${(e: Event) => downloadCsv(e, lang)}>${t('table.csv')}</button>
    </p>
    <p class="visually-hidden" role="status">${s.said}</p>
  `;
}

/** "Nghệ An xếp thứ 5/34 về tỷ lệ hoàn thành." or, without a highlight, who leads. */
export function tableSentence(v: ProvinceTableView, s: TableState): string {
  const { lang } = s;
  const o = order(v, s);
  const c = v.columns[o.rc];
  if (!c) return '';
  const name = label(c, s);
  // "Tỷ lệ hoàn thành" reads "tỷ lệ hoàn thành" mid-sentence; an acronym ("VNeID") stays.
  const column = /^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLocaleLowerCase(lang) + name.slice(1) : name;
  const h = v.rows.find((r) => r.id === s.highlight);
  const rank = h && o.rank(h);
  if (rank) return `${msg(lang, 'table.rankOf', { name: h.name, rank, count: o.ranked, column })}.`;
  const top = o.rows.find((r) => o.rank(r) === 1);
  return top ? `${msg(lang, 'table.top', { column, name: top.name, value: text(c, top.values[o.rc]!, s) })}.` : '';
}
