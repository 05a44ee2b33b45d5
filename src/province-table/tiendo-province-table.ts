import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { TiendoElement, type ViewBase, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import type { Feed } from '../feed/types.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import type { TableState } from './province-table-view.js';
import { tableStyles } from './province-table.styles.js';

/** One column of `<tiendo-province-table>`. */
export interface TableColumn {
  /** `rank`, `name`, `total`, `completed`, `in-progress`, `not-started`, `rate` or a metric id. */
  id: string;
  /** A metric's name (model columns are named in the reader's language). */
  name?: string;
  /** A metric's unit, or `%` where the column shows the metric's rate. */
  unit?: string;
  /** The figures are rates 0–1. */
  rate?: boolean;
  /** A lower figure ranks higher (`not-started`, or a metric with `higherIsBetter: false`). */
  low?: boolean;
}

/** One province (or the national block): its figures, in the order of the columns. */
export interface TableRow {
  id: string;
  name: string;
  /** `undefined` for the rank and name columns and for a missing figure. */
  values: (number | undefined)[];
}

/** What `<tiendo-province-table>` shows: every province, in feed order (the widget sorts them). */
export interface ProvinceTableView extends ViewBase {
  columns: TableColumn[];
  rows: TableRow[];
  national?: TableRow;
}

/** What the view's chunk uses from the core, handed over rather than imported (see province-table-view.ts). */
const KIT = { html, nothing, msg, formatNumber, formatPercent };
export type TableKit = typeof KIT;

type View = typeof import('./province-table-view.js');
let view: View | undefined;
let loading: Promise<View> | undefined;

/**
 * @tagname tiendo-province-table
 * @summary Provinces side by side: rank, name, pilot-model counts, completion rate and
 * chosen metrics; sortable by every column (Vietnamese collation for names), a highlighted
 * province, the national row, and a CSV download of what is shown.
 *
 * The rank follows the sorted column (when sorting by name, the first numeric column), from
 * the best figure down: a higher figure ranks first except for `not-started` and metrics with
 * `higherIsBetter: false`. Ties share a rank (1, 2, 2, 4); a province without the figure has none.
 * Sorting ascending shows the same ranks in reverse. Missing figures sort last both ways, ties by name.
 * Without `limit`, at most 200 rows are drawn (the table says how many of how many).
 *
 * The sorting and drawing code is a chunk of its own, fetched by the first table on a
 * page; the element's first render waits for it, so pages without a table never load it.
 *
 * @slot - Fallback content: shown before the script loads and whenever there are no figures.
 *
 * @csspart base - The widget's box.
 * @csspart table - The table.
 * @csspart caption - The table's caption (the feed's title).
 * @csspart row - Every province row; also `row-highlight` (the `highlight` province) and `row-national`.
 * @csspart csv - The "Tải CSV" button.
 * @csspart sentence - The plain-language sentence (visually hidden unless `show-sentence`).
 * @csspart footer - Source and date of the figures.
 * @csspart source-link - The source's link.
 * @csspart note - The stale or overdue note; also `stale-note`, `overdue-note`.
 * @csspart message - The short message of the error and empty states.
 * @csspart debug - The full reason for an error, under `debug`.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop --tiendo-color-highlight - Background of the highlighted row (default #fff8c5).
 * @cssprop --tiendo-color-marker - The highlighted row's left marker (default #9a6700).
 * @cssprop --tiendo-font-family - Font of the widget (default system-ui).
 * @cssprop --tiendo-font-size - Base font size (default: the reader's browser setting).
 * @cssprop --tiendo-color-text - Text colour (default #1f2328).
 * @cssprop --tiendo-color-muted - Secondary text (default #57606a).
 * @cssprop --tiendo-color-surface - Background (default #ffffff).
 * @cssprop --tiendo-color-border - Borders (default #d0d7de).
 * @cssprop --tiendo-color-link - Links (default #0b5cad).
 * @cssprop --tiendo-color-focus - Focus ring (default #0b5cad).
 * @cssprop --tiendo-color-warning - Stale and overdue notes (default #9a6700).
 * @cssprop --tiendo-color-warning-surface - Background of the notes (default #fff8c5).
 * @cssprop --tiendo-color-error - The debug box (default #b42318).
 * @cssprop --tiendo-padding - Inner spacing (default 1em).
 * @cssprop --tiendo-radius - Corner radius of the box (default 0.5em).
 *
 * @fires tiendo-load - The figures shown changed; `detail.data` is the view, `detail.url` the feed.
 * @fires tiendo-error - No figures can be shown; `detail` has `message`, `url`, `path` and `kind`.
 */
export class TiendoProvinceTable extends TiendoElement<ProvinceTableView> {
  static override styles = [baseStyles, tableStyles];

  /**
   * Comma list of column ids: `rank`, `name`, `total`, `completed`, `in-progress`,
   * `not-started`, `rate` and metric ids. Default: rank, name and the model columns
   * (rate first) when the feed has models, else rank, name and every metric.
   */
  @property() columns?: string;
  /** The column to sort by; a `-` prefix sorts descending. Default: the first numeric column, descending. */
  @property() sort?: string;
  /** Id of the province to highlight. */
  @property({ reflect: true }) highlight?: string;
  /** Shows only the first rows, in the current order. */
  @property({ type: Number }) limit?: number;

  /** The order the reader chose with the header buttons; a new `sort` attribute replaces it. */
  private chosen?: string;
  private said = '';

  protected override get usesArea(): boolean {
    return false;
  }

  /**
   * Every update waits for the view's chunk (only the first table on a page has to).
   * If it cannot be fetched, the widget shows its error state and the next update retries.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    view ??= await (loading ??= import('./province-table-view.js')).catch(() => (loading = undefined));
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('sort')) this.chosen = undefined;
    super.willUpdate(changed);
  }

  protected fromFeed(feed: Feed): ProvinceTableView | WidgetProblem | undefined {
    return view ? view.tableView(feed, this.columns) : { key: 'error.network', params: { url: 'province-table-view.js' }, kind: 'network' };
  }

  protected fromAttributes(): undefined {
    return undefined;
  }

  private get state(): TableState {
    return {
      kit: KIT,
      lang: this.lang_,
      sort: this.chosen ?? this.sort?.trim() ?? '',
      highlight: this.highlight,
      limit: this.limit,
      said: this.said,
      sorted: (sort, said) => {
        this.chosen = sort;
        this.said = said;
        this.requestUpdate();
      },
    };
  }

  protected renderView(v: ProvinceTableView): TemplateResult {
    return view!.renderTable(v, this.state);
  }

  protected override sentence(v: ProvinceTableView): string {
    return view!.tableSentence(v, this.state);
  }
}

defineElement('tiendo-province-table', TiendoProvinceTable);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-province-table': TiendoProvinceTable;
  }
}
