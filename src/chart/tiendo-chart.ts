import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Chart } from 'chart.js';
import { TiendoElement, type ViewBase, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { cssomStyle } from '../base/cssom-style.js';
import { defineElement } from '../base/define.js';
import type { Feed } from '../feed/types.js';
import { formatNumber, formatPercent, formatPercentShort } from '../i18n/format.js';
import { msg, type Lang } from '../i18n/messages.js';
import { chartStyles } from './chart.styles.js';

export type ChartType = 'bar' | 'horizontal-bar' | 'line' | 'doughnut';

/**
 * One label of the chart: a province with its figure, or with its completed /
 * in-progress / not-started counts; in a doughnut of pilot models, one status
 * (`id` the status, `name` empty) with its count over every province.
 */
export interface ChartRow {
  id: string;
  name: string;
  values: (number | undefined)[];
  /** What the summary ranks: the figure, the completed share, or the status's count. */
  score?: number;
}

/** What `<tiendo-chart>` shows, in no language yet. */
export interface ChartView extends ViewBase {
  type: ChartType;
  /** The metric charted; absent, the chart shows pilot models. */
  metric?: { name: string; unit?: string; rate: boolean; higherIsBetter: boolean };
  rows: ChartRow[];
  /** Id of the province to mark. */
  highlight?: string;
}

/** The view in the reader's words, as both the canvas and the accessible table show it. */
export interface ChartGrid {
  view: ChartView;
  lang: Lang;
  caption: string;
  /** Header of the label column. */
  head: string;
  /** One per value of a row: the table's columns, the chart's datasets. */
  series: string[];
  /** One per row. */
  names: string[];
  /** "Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 5/34)". */
  summary: string;
  /** A figure as the table, tooltips and summary write it. */
  fmt(value: number): string;
  /** A number on the value axis. */
  tick(value: number): string;
}

/** What the table's chunk uses from the core, handed over rather than imported (see chart-table.ts). */
const KIT = { html, msg, formatNumber, formatPercent, formatPercentShort, cssomStyle };
export type ChartKit = typeof KIT;

type Table = typeof import('./chart-table.js');
let table: Table | undefined;
let loadingTable: Promise<Table> | undefined;
let renderer: Promise<typeof import('./chart-renderer.js')> | undefined;

/**
 * @tagname tiendo-chart
 * @summary A chart of one metric across provinces or, without `metric`, of the
 * pilot models of each province (completed / in progress / not started), with
 * the same figures as an accessible table.
 *
 * Two chunks of their own keep pages without charts light: the view and table code
 * (chart-table), fetched by the first chart on a page, whose first render waits for
 * it; and Chart.js (chart-renderer), fetched only once a chart is connected and
 * visible. The canvas is sized from the element's own ResizeObserver, never 0×0
 * (a chart in a hidden tab draws when shown), destroyed on disconnect and made
 * again on reconnect; it prints at twice the pixels and does not animate under
 * `prefers-reduced-motion`.
 *
 * @slot - Fallback content: shown before the script loads and whenever there are no figures.
 *
 * @csspart base - The widget's box.
 * @csspart title - The chart's title.
 * @csspart plot - The box the chart is drawn in.
 * @csspart canvas - The canvas (role img, named by the summary).
 * @csspart toggle - The "Xem dạng bảng" button.
 * @csspart table - The same figures as a table (visually hidden until the toggle opens it).
 * @csspart sentence - The summary as a sentence (visually hidden unless `show-sentence`).
 * @csspart footer - Source and date of the figures.
 * @csspart source-link - The source's link.
 * @csspart note - The stale or overdue note; also `stale-note`, `overdue-note`.
 * @csspart message - The short message of the error and empty states.
 * @csspart debug - The full reason for an error, under `debug`.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop --tiendo-chart-height - Height of the chart (default 20em; horizontal bars and doughnuts grow with the provinces).
 * @cssprop --tiendo-color-completed - Completed models, and the bars of a metric (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - Not-started dots (default #57606a).
 * @cssprop --tiendo-color-highlight - The highlighted province (default #073b74), also hatched and outlined.
 * @cssprop --tiendo-color-grid - Grid lines (default #d0d7de).
 * @cssprop --tiendo-font-family - Font of the widget (default system-ui).
 * @cssprop --tiendo-font-size - Base font size (default: the reader's browser setting).
 * @cssprop --tiendo-color-text - Text colour (default #1f2328).
 * @cssprop --tiendo-color-muted - Secondary text (default #57606a).
 * @cssprop --tiendo-color-surface - Background (default #ffffff).
 * @cssprop --tiendo-color-border - Border of the box and the table (default #d0d7de).
 * @cssprop --tiendo-color-link - Links and the toggle (default #0b5cad).
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
export class TiendoChart extends TiendoElement<ChartView> {
  static override styles = [baseStyles, chartStyles];

  /** `bar` (default), `horizontal-bar`, `line` or `doughnut`. */
  @property({ reflect: true }) type?: string;
  /** Id of the metric in the feed; absent: the pilot models of each province. */
  @property({ reflect: true }) metric?: string;
  /** Id of the province to mark (default: `province`). */
  @property({ reflect: true }) highlight?: string;

  @state() private open = false;

  private grid?: ChartGrid;
  private box?: HTMLElement;
  private chart?: Chart;
  private observer = new ResizeObserver(() => void this.paint());

  protected override get usesArea(): boolean {
    return false;
  }

  /**
   * Every update waits for the table's chunk (only the first chart on a page has to).
   * If it cannot be fetched, the widget shows its error state and the next update retries.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    table ??= await (loadingTable ??= import('./chart-table.js')).catch(() => (loadingTable = undefined));
    return super.scheduleUpdate();
  }

  protected fromFeed(feed: Feed): ChartView | WidgetProblem | undefined {
    return table ? table.chartView(feed, this) : { key: 'error.network', params: { url: 'chart-table.js' }, kind: 'network' };
  }

  protected fromAttributes(): undefined {
    return undefined;
  }

  /** The view in the reader's words, made once per view and language. */
  private gridOf(v: ChartView): ChartGrid {
    const g = this.grid;
    return g?.view === v && g.lang === this.lang_ ? g : (this.grid = table!.chartGrid(KIT, v, this.lang_));
  }

  protected renderView(v: ChartView): TemplateResult {
    return table!.renderChart(KIT, this.gridOf(v), this.open, () => (this.open = !this.open));
  }

  /** "Tiến độ mô hình điểm theo tỉnh. Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 1/2)." */
  protected override sentence(v: ChartView): string {
    const { caption, summary } = this.gridOf(v);
    return summary ? `${caption}. ${summary}.` : `${caption}.`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sync(true);
  }

  protected override updated(): void {
    super.updated();
    this.sync();
  }

  /** Follows the plot box: a new box (or none) drops the old chart; the same box is redrawn. */
  private sync(gone?: boolean): void {
    const box = (!gone && this.renderRoot?.querySelector<HTMLElement>('.plot')) || undefined;
    if (box === this.box) return void this.paint();
    this.observer.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    this.box = box;
    // The observer reports the box's size at once and on every change; a hidden box measures 0×0.
    if (box) this.observer.observe(box);
  }

  /** Draws once the box has a size, fetching Chart.js the first time. */
  private async paint(): Promise<void> {
    const box = this.box;
    if (!box?.clientWidth || !box.clientHeight || !this.grid) return;
    // A chunk that failed to load is asked for again at the next draw.
    const { draw } = await (renderer ??= import('./chart-renderer.js').catch((e) => {
      renderer = undefined;
      throw e;
    }));
    // Disconnected, re-rendered or hidden meanwhile: the latest call draws.
    if (box !== this.box || !box.clientWidth) return;
    this.chart = draw(this.chart, box.querySelector('canvas')!, this.grid, box.clientWidth, box.clientHeight);
  }
}

defineElement('tiendo-chart', TiendoChart);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-chart': TiendoChart;
  }
}
