import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { TiendoElement, type WidgetNote, type WidgetProblem } from '../base/tiendo-element.js';
import type { MessageKey } from '../i18n/messages.js';
import type { TableKey } from './table-words.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { placesChunk } from '../places/places-chunk.js';
import type { GroupChoice } from '../base/group-controller.js';
import type { Feed } from '../feed/types.js';
import type { TableState } from './province-table-view.js';
import { tableStyles } from './province-table.styles.js';
import type { ProvinceTableView } from './table-types.js';
import { ScrollWatch } from './scroll-watch.js';
import { tableViewChunk as viewChunk } from './view-chunk.js';
import type { ChosenArea } from '../feed/figures.js';

export type * from './table-types.js';

/**
 * @tagname tiendo-province-table
 * @summary Provinces (or one province's communes) side by side: rank, name, pilot-model
 * counts, completion rate, chosen metrics and their change; sortable by every column
 * (Vietnamese collation for names), a highlighted row, the national row, a filter box and
 * pages for long tables, and a CSV download of every row.
 *
 * The rank follows the sorted column (when sorting by name, the first numeric column), from
 * the best figure down: a higher figure ranks first except for `not-started` and metrics with
 * `higherIsBetter: false`. Ties share a rank (1, 2, 2, 4); a province without the figure has none.
 * Sorting ascending shows the same ranks in reverse. Missing figures sort last both ways, ties by name.
 *
 * Every row stays reachable: past 40 rows a filter box finds a name without regard to
 * diacritics or case ("thach ha" finds "Xã Thạch Hà") and says how many it found; past 100
 * rows the table is drawn a page at a time, with page buttons and a choice of page. `limit`
 * keeps the editor's top rows; a highlighted row outside them (or outside the page) is shown
 * after them with its rank. The CSV download holds every row of the data, whatever the
 * filter, page or limit.
 *
 * Each row keeps its own source and date: when they differ from row to row, a column shows
 * them and the footer credits only what every row shares.
 *
 * The sorting and drawing code is a chunk of its own, fetched by the first table on a
 * page; the element's first render waits for it, so pages without a table never load it.
 *
 * On a phone (or for a long table) the table scrolls inside its box, no taller than
 * `--tiendo-table-max-height`: the header row and the names stay in view, and while there is
 * more to see the box is a tab stop (arrow keys scroll it), a short hint says which way it
 * scrolls and the edges with more beyond them are shaded.
 *
 * @csspart table - The table.
 * @csspart caption - The table's caption (the feed's title).
 * @csspart title - The caption's text: the widget's title (a heading with `heading-level`).
 * @csspart scroll-hint - "Cuộn ngang để xem thêm cột", shown only while the table scrolls.
 * @csspart row - Every province row; also `row-highlight` (the `highlight` province) and `row-national`.
 * @csspart csv - The "Tải về tệp CSV" button.
 * @csspart find - The filter box (past 40 rows).
 * @csspart pages - The page buttons (past 100 rows).
 * @csspart table-note - A note under the table (mixed sources and dates, regrouped figures).
 *
 * @cssprop --tiendo-color-highlight - Background of the highlighted row (default: the warning colour,
 * 16%, mixed into the surface; the dark theme mixes its own). Keep its text at 4.5:1.
 * @cssprop --tiendo-table-max-height - The tallest the table's box grows before it scrolls inside
 * itself with its header in view (default 36em; `none`: never).
 * @cssprop --tiendo-color-marker - The highlighted row's left marker (default #9a6700).
 */
export class TiendoProvinceTable extends TiendoElement<ProvinceTableView> {
  static override styles = [baseStyles, tableStyles];

  // Declared without decorators, as the base does (no decorators chunk on the page).
  static override properties: PropertyDeclarations = {
    columns: {},
    sort: {},
    highlight: { reflect: true },
    limit: { type: Number },
    level: {},
    regroup: {},
    showPresent: { type: Boolean, attribute: 'show-present' },
  };

  /**
   * Comma list of column ids: `rank`, `name`, `total`, `completed`, `in-progress`,
   * `not-started`, `rate` and metric ids. Default: rank, name and the model columns
   * (rate first) when the feed has models, else rank, name and every metric.
   */
  columns?: string;
  /** The column to sort by; a `-` prefix sorts descending. Default: the first numeric column, descending. */
  sort?: string;
  /** Id of the province to highlight. */
  highlight?: string;
  /** Shows only the first rows, in the current order (a highlighted row outside them is shown after them). */
  limit?: number;
  /**
   * `province` (default): the feed's provinces; `commune`: the communes of the chosen
   * province (`province`, else the feed's only province).
   */
  level?: 'province' | 'commune';
  /** `2025`: a feed of the 63 former provinces is added up into the 34 units of today. */
  regroup?: '2025';
  /** Names a former province with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
  showPresent = false;

  /** The order the reader chose with the header buttons; a new `sort` attribute replaces it. */
  private readerSort?: string;
  private announcement = '';
  /** The reader's filter text and page. */
  private query = '';
  private page = 0;
  /** The last view made, for the attribute notes. */
  private view?: ProvinceTableView;
  /** What of the table is out of view in its box: a tab stop, a hint and shaded edges while something is. */
  private readonly scroller = new ScrollWatch(this, '.scroll');

  override get usesArea(): boolean {
    return false;
  }

  /** @internal */
  protected override get viewChunk() {
    return viewChunk;
  }

  private get needsPlaces(): boolean {
    return this.regroup?.trim() === '2025' || this.showPresent;
  }

  /** @internal A table that adds up or names the former provinces also waits for the places' lists. */
  protected override get extraChunks() {
    return this.needsPlaces ? [placesChunk] : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('sort')) this.readerSort = undefined;
    if (changed.has('sort') || changed.has('level') || changed.has('province') || changed.has('regroup') || changed.has('limit')) this.page = 0;
    super.willUpdate(changed);
  }

  /**
   * @internal Follows its group: the chosen province is highlighted; at commune level the
   * table shows the chosen province's communes and highlights the chosen commune.
   */
  override followGroup(choice: GroupChoice, joining: boolean): void {
    if (this.level !== 'commune') return super.followGroup(choice, joining);
    if (choice.province) this.province = choice.province;
    this.highlight = choice.commune || undefined;
  }

  /** @internal The attributes the table worked around: a `limit` that is not a whole number, an unknown `sort`, `level` or `regroup`. */
  protected override attributeNotes(): WidgetNote[] {
    const notes = super.attributeNotes();
    const note = (key: TableKey, params: WidgetNote['params']) => notes.push({ key: key as MessageKey, params });
    const limit = this.limit;
    if (limit !== undefined && this.hasAttribute('limit') && !(Number.isInteger(limit) && limit > 0)) {
      const count = Math.floor(limit);
      const used = viewChunk.value?.tableMsg(this.readerLang, count >= 1 ? 'table.note.limitUsed' : 'table.note.limitIgnored', { count }) ?? '';
      note('table.note.limit', { value: this.getAttribute('limit') ?? '', used });
    }
    const sort = this.sort?.trim().replace(/^-/, '');
    if (sort && this.view && !this.view.columns.some((c) => c.id === sort && c.id !== 'rank')) note('table.note.sort', { id: sort });
    const level = this.level?.trim();
    if (level && level !== 'province' && level !== 'commune') note('table.note.level', { value: level });
    const regroup = this.regroup?.trim();
    if (regroup && regroup !== '2025') note('table.note.regroup', { value: regroup });
    return notes;
  }

  fromFeed(feed: Feed): ProvinceTableView | WidgetProblem | undefined {
    const chunk = viewChunk.value;
    if (!chunk) return this.chunkProblem(viewChunk);
    if (this.needsPlaces && !placesChunk.value) return this.chunkProblem(placesChunk);
    const view = chunk.tableView(
      feed,
      {
        columns: this.columns,
        sort: this.sort,
        level: this.level,
        province: this.province,
        regroup: this.regroup?.trim() === '2025',
        showPresent: this.showPresent,
      },
      placesChunk.value,
    );
    this.view = view && !('key' in view) ? view : undefined;
    return view;
  }

  fromAttributes(): undefined {
    return undefined;
  }

  private get state(): TableState {
    return {
      lang: this.readerLang,
      sort: this.readerSort ?? this.sort?.trim() ?? '',
      highlight: this.highlight,
      limit: this.limit,
      query: this.query,
      page: this.page,
      announcement: this.announcement,
      sorted: (sort, announcement) => {
        this.readerSort = sort;
        this.announcement = announcement;
        this.page = 0;
        this.requestUpdate();
      },
      found: (query, announcement) => {
        this.query = query;
        this.announcement = announcement;
        this.page = 0;
        this.requestUpdate();
      },
      paged: (page, announcement) => {
        this.page = page;
        this.announcement = announcement;
        this.requestUpdate();
      },
      pick: this.group ? (province, commune) => this.select(province, commune) : undefined,
      overflow: this.scroller.value,
      watching: this.scroller.watching,
      title: (caption, own) => this.titleOf(caption, own, 'title'),
      nation: (name) => this.areaName({ name } as ChosenArea),
    };
  }

  protected renderView(v: ProvinceTableView): TemplateResult {
    return viewChunk.value!.renderTable(v, this.state);
  }

  protected override sentence(v: ProvinceTableView): string {
    return viewChunk.value!.tableSentence(v, this.state);
  }
}

defineElement('tiendo-province-table', TiendoProvinceTable);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-province-table': TiendoProvinceTable;
  }
}
