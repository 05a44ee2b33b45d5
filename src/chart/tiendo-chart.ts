import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Chart } from 'chart.js';
import { TiendoElement, type WidgetNote, type WidgetProblem } from '../base/tiendo-element.js';
import type { MessageKey } from '../i18n/messages.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { LazyChunk } from '../base/lazy-chunk.js';
import { placesChunk } from '../places/places-chunk.js';
import type { GroupChoice } from '../base/group-controller.js';
import type { Feed } from '../feed/types.js';
import { chartStyles } from './chart.styles.js';
import type { ChartGrid, ChartView } from './chart-types.js';
import type { ChartWord } from './chart-words.js';

export type * from './chart-types.js';

const tableChunk = new LazyChunk('chart-table', () => import('./chart-table.js'));
const rendererChunk = new LazyChunk('chart-renderer', () => import('./chart-renderer.js'));
// Each type beyond bars is a chunk of its own, fetched by the first chart of that type.
const timeChunk = new LazyChunk('chart-time', () => import('./chart-time.js'));
const doughnutChunk = new LazyChunk('chart-doughnut', () => import('./chart-doughnut.js'));

/**
 * @tagname tiendo-chart
 * @summary A chart of one metric across provinces or, without `metric`, of the
 * pilot models of each province (completed / in progress / not started); with
 * `province` (or `commune`, or `compare`), the same figures over time for that
 * area (or those areas), on a time axis spaced by the real dates; always with the
 * same figures as an accessible table (over time, one row per date).
 *
 * Chunks of their own keep pages light: the view and table code (chart-table),
 * fetched by the first chart on a page, whose first render waits for it; Chart.js
 * with bars (chart-renderer), fetched only once a chart is connected and visible;
 * and, only for a chart of that kind, the time axis and its line (chart-time) or the
 * doughnut (chart-doughnut). The canvas is sized from the element's own ResizeObserver, never 0×0
 * (a chart in a hidden tab draws when shown), destroyed on disconnect and made
 * again on reconnect; it prints at twice the pixels and does not animate under
 * `prefers-reduced-motion`.
 *
 * @csspart title - The chart's title.
 * @csspart plot - The box the chart is drawn in.
 * @csspart canvas - The canvas (role img, named by the summary).
 * @csspart toggle - The "Xem dạng bảng" button.
 * @csspart table - The same figures as a table (visually hidden until the toggle opens it).
 * @csspart mixed-note - Says that the figures' sources or dates differ (each row's are in the table).
 * @csspart shown-note - Which communes the chart draws of many (the top and bottom ones and the highlighted one); the table has them all.
 * @csspart regroup-note - `regroup="2025"`: that the figures were added up into the 34 units, why a figure is "—".
 *
 * @cssprop --tiendo-chart-height - Height of the chart (default 20em; horizontal bars and doughnuts grow with the provinces).
 * @cssprop --tiendo-color-completed - Completed models, and the bars of a metric (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - Not-started dots (default #57606a).
 * @cssprop --tiendo-color-highlight - The highlighted province (default #073b74), also hatched and outlined.
 * @cssprop --tiendo-color-grid - Grid lines (default #d0d7de).
 */
export class TiendoChart extends TiendoElement<ChartView> {
  static override styles = [baseStyles, chartStyles];

  /**
   * Across areas `bar` (default), `horizontal-bar` or `doughnut`; over time `line`
   * (default) or `bar`. A line across provinces (joining unrelated areas) is drawn as bars.
   */
  @property({ reflect: true }) type?: string;
  /** Id of the metric in the feed (its rate where it has one); absent: the pilot models. */
  @property({ reflect: true }) metric?: string;
  /** Id of the area to mark. */
  @property({ reflect: true }) highlight?: string;
  /** Comma list of areas (province ids, or with `level="commune"` commune ids) to chart over time together. */
  @property({ reflect: true }) compare?: string;
  /** `province` (default) or `commune`: the communes of the chosen province. */
  @property({ reflect: true }) level?: string;
  /**
   * At commune level, how many communes to draw at each end (default 10): past twice as many,
   * the chart draws the top and bottom ones by the figure and the highlighted one, and says so;
   * the table keeps every commune.
   */
  @property({ type: Number }) limit?: number;
  /**
   * `2025`: across provinces, a feed of the 63 former provinces is added up into the 34 units of
   * today (counts and value/total pairs); a reported rate or a score shows no bar, "—" in the table, and a note says why.
   */
  @property() regroup?: string;
  /** Names a former province with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
  @property({ type: Boolean, attribute: 'show-present' }) showPresent = false;

  @state() private open = false;

  private grid?: ChartGrid;
  private box?: HTMLElement;
  private chart?: Chart;
  private observer = new ResizeObserver(() => void this.paint());
  /** The last view made, for the attribute notes. */
  private view?: ChartView;

  override get usesArea(): boolean {
    return false;
  }

  /** @internal Over one area's time, a group's choice is the area; otherwise it is the area to mark. */
  protected override get followsAs(): 'province' | 'highlight' {
    return !this.compare && (this.commune || (this.province && this.level !== 'commune')) ? 'province' : 'highlight';
  }

  /** @internal Over time, the whole country ('' from a picker) is the feed's national block. */
  override followGroup(choice: GroupChoice, joining: boolean): void {
    super.followGroup(this.followsAs === 'province' && !choice.province ? { province: 'national' } : choice, joining);
  }

  /** @internal */
  protected override get viewChunk() {
    return tableChunk;
  }

  private get needsPlaces(): boolean {
    return this.regroup?.trim() === '2025' || this.showPresent;
  }

  /** @internal A chart that adds up or names the former provinces also waits for the places' lists (the one shared chunk). */
  protected override get extraChunks() {
    return this.needsPlaces ? [placesChunk] : [];
  }

  fromFeed(feed: Feed): ChartView | WidgetProblem | undefined {
    const chunk = tableChunk.value;
    if (!chunk) return this.chunkProblem(tableChunk);
    if (this.needsPlaces && !placesChunk.value) return this.chunkProblem(placesChunk);
    const view = chunk.chartView(
      feed,
      {
        type: this.type,
        metric: this.metric,
        highlight: this.highlight,
        province: this.province,
        commune: this.commune,
        compare: this.compare,
        level: this.level,
        regroup: this.regroup?.trim() === '2025',
        showPresent: this.showPresent,
        limit: this.limit,
      },
      placesChunk.value,
    );
    this.view = view && !('key' in view) ? view : undefined;
    return view;
  }

  /**
   * @internal The attributes the chart worked around: a type it does not draw there, an area of
   * `compare` the feed lacks, a `limit` that is not a whole number (or not at commune level), an
   * unknown `level` or `regroup`, `regroup` where nothing is added up.
   */
  protected override attributeNotes(): WidgetNote[] {
    const notes = super.attributeNotes();
    const note = (key: ChartWord, params?: WidgetNote['params']) => notes.push({ key: key as MessageKey, params });
    const v = this.view;
    const words = tableChunk.value;
    if (v?.typeNote) note(v.typeNote as ChartWord, { asked: v.asked ?? '', type: v.type });
    for (const d of v?.dropped ?? []) if (words) notes.push(words.compareNote(d) as WidgetNote);
    const level = this.level?.trim();
    const limit = this.limit;
    if (limit !== undefined && this.hasAttribute('limit')) {
      if (level !== 'commune') note('chart.note.limitLevel');
      else if (!(Number.isInteger(limit) && limit > 0) && words) {
        const count = limit >= 1 ? Math.floor(limit) : words.LIMIT;
        const used = words.chartMsg(this.readerLang, limit >= 1 ? 'chart.note.limitUsed' : 'chart.note.limitIgnored', { count });
        note('chart.note.limit', { value: this.getAttribute('limit') ?? '', used });
      }
    }
    if (level && level !== 'province' && level !== 'commune') note('chart.note.level', { value: level });
    const regroup = this.regroup?.trim();
    if (regroup && regroup !== '2025') note('chart.note.regroup', { value: regroup });
    else if (regroup && v && (v.time || v.level === 'commune')) note('chart.note.regroupWhere');
    return notes;
  }

  fromAttributes(): undefined {
    return undefined;
  }

  /** The view in the reader's words, made once per view and language. */
  private gridOf(v: ChartView): ChartGrid {
    const g = this.grid;
    return g?.view === v && g.lang === this.readerLang ? g : (this.grid = tableChunk.value!.chartGrid(v, this.readerLang));
  }

  protected renderView(v: ChartView): TemplateResult {
    return tableChunk.value!.renderChart(this.gridOf(v), this.open, () => (this.open = !this.open));
  }

  /**
   * "Tiến độ mô hình điểm theo tỉnh. Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 1/2)."; over time,
   * "… Nghệ An: 6 trên 38 mô hình hoàn thành ngày 20 tháng 6 năm 2024, tăng 6 so với 0 ngày 31 tháng 1 năm 2024."
   */
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

  /** Draws once the box has a size, fetching Chart.js (and the chunk of a chart over time or a doughnut) the first time. */
  private async paint(): Promise<void> {
    const box = this.box;
    const grid = this.grid;
    if (!box?.clientWidth || !box.clientHeight || !grid) return;
    const extra = grid.view.time ? timeChunk : grid.view.type === 'doughnut' ? doughnutChunk : undefined;
    let draw, kind;
    try {
      // Both at once: the type's chunk imports the renderer, which the browser fetches once.
      [{ draw }, kind] = await Promise.all([rendererChunk.load(), extra?.load().then((m) => m.kind)]);
    } catch {
      // The table and summary stay; the drawing comes when the chunk does (asked for again later).
      return this.chunkFailed(rendererChunk.value && extra ? extra.name : rendererChunk.name, true);
    }
    // Disconnected, re-rendered or hidden meanwhile: the latest call draws.
    if (box !== this.box || !box.clientWidth || grid !== this.grid) return;
    this.chart = draw(this.chart, box.querySelector('canvas')!, grid, box.clientWidth, box.clientHeight, kind);
  }
}

defineElement('tiendo-chart', TiendoChart);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-chart': TiendoChart;
  }
}
