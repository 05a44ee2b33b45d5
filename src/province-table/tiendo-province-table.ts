import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { TiendoElement, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { LazyChunk } from '../base/lazy-chunk.js';
import type { Feed } from '../feed/types.js';
import type { TableState } from './province-table-view.js';
import { tableStyles } from './province-table.styles.js';
import type { ProvinceTableView } from './table-types.js';

export type * from './table-types.js';

const viewChunk = new LazyChunk('province-table-view', () => import('./province-table-view.js'));

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
 * @csspart table - The table.
 * @csspart caption - The table's caption (the feed's title).
 * @csspart row - Every province row; also `row-highlight` (the `highlight` province) and `row-national`.
 * @csspart csv - The "Tải CSV" button.
 *
 * @cssprop --tiendo-color-highlight - Background of the highlighted row (default #fff8c5).
 * @cssprop --tiendo-color-marker - The highlighted row's left marker (default #9a6700).
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

  override get usesArea(): boolean {
    return false;
  }

  /** @internal */
  protected override get viewChunk() {
    return viewChunk;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('sort')) this.chosen = undefined;
    super.willUpdate(changed);
  }

  fromFeed(feed: Feed): ProvinceTableView | WidgetProblem | undefined {
    const chunk = viewChunk.value;
    return chunk ? chunk.tableView(feed, this.columns) : this.chunkProblem(viewChunk);
  }

  fromAttributes(): undefined {
    return undefined;
  }

  private get state(): TableState {
    return {
      lang: this.readerLang,
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
