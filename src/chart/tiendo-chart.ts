import { html, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Chart } from 'chart.js';
import { TiendoElement, type ChosenArea, type WidgetNote, type WidgetProblem } from '../base/tiendo-element.js';
import type { MessageKey } from '../i18n/messages.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { LazyChunk } from '../base/lazy-chunk.js';
import { placesChunk } from '../places/places-chunk.js';
import { chartTableChunk as tableChunk } from './view-chunk.js';
import type { GroupChoice } from '../base/group-controller.js';
import type { Feed } from '../feed/types.js';
import { chartStyles } from './chart.styles.js';
import type { ChartGrid, ChartView } from './chart-types.js';
import type { ChartWord } from './chart-words.js';

export type * from './chart-types.js';

// The view chunk is asked for with the element's own code (src/index.ts): one LazyChunk for both.
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
 * It is one figure (`role="figure"`) named by its title. On a phone, and wherever
 * the areas' names would not fit under upright bars (many provinces, a narrow
 * width, long names), bars across areas lie down, best first, every name shown
 * (a long one on two lines), the chart as tall as its rows. The legend is HTML
 * text that wraps and zooms; under forced colours the canvas is drawn in the
 * system's colours, and again when they change.
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
 * @csspart canvas - The canvas (for the eye: the summary sentence says what it shows).
 * @csspart legend - The key of the series (HTML text with drawn swatches), under or beside the chart.
 * @csspart toggle - The "Xem dạng bảng" button (a disclosure: `aria-expanded`).
 * @csspart table - The same figures as a table (hidden until the toggle opens it).
 * @csspart mixed-note - Says that the figures' sources or dates differ (each row's are in the table).
 * @csspart shown-note - Which communes the chart draws of many (the top and bottom ones and the highlighted one); the table has them all.
 * @csspart regroup-note - `regroup="2025"`: that the figures were added up into the 34 units, why a figure is "—".
 *
 * @cssprop --tiendo-chart-height - Height of the chart (default 20em, a doughnut 16em; lying bars grow with their rows).
 * @cssprop --tiendo-color-completed - Completed models, and the bars of a metric (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - Not-started dots (default #57606a).
 * @cssprop --tiendo-color-highlight-bar - The highlighted province's bar or slice (default #073b74, dark #79c0ff), also hatched and outlined. (`--tiendo-color-highlight` is a table row's tint, not used here.)
 * @cssprop --tiendo-color-grid - Grid lines (default #d0d7de).
 */
export class TiendoChart extends TiendoElement<ChartView> {
  static override styles = [baseStyles, chartStyles];

  // Declared without decorators, as the base does: a chart page fetches no decorator helpers.
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    metric: { reflect: true },
    highlight: { reflect: true },
    compare: { reflect: true },
    level: { reflect: true },
    limit: { type: Number },
    regroup: {},
    showPresent: { type: Boolean, attribute: 'show-present' },
    open: { state: true, attribute: false },
  };

  /**
   * Across areas `bar` (default), `horizontal-bar` or `doughnut`; over time `line`
   * (default) or `bar`. A line across provinces (joining unrelated areas) is drawn as bars.
   */
  type?: 'bar' | 'horizontal-bar' | 'line' | 'doughnut';
  /** Id of the metric in the feed (its rate where it has one); absent: the pilot models. */
  metric?: string;
  /** Id of the area to mark. */
  highlight?: string;
  /** Comma list of areas (province ids, or with `level="commune"` commune ids) to chart over time together. */
  compare?: string;
  /** `province` (default) or `commune`: the communes of the chosen province. */
  level?: 'province' | 'commune';
  /**
   * At commune level, how many communes to draw at each end (default 10): past twice as many,
   * the chart draws the top and bottom ones by the figure and the highlighted one, and says so;
   * the table keeps every commune.
   */
  limit?: number;
  /**
   * `2025`: across provinces, a feed of the 63 former provinces is added up into the 34 units of
   * today (counts and value/total pairs); a reported rate or a score shows no bar, "—" in the table, and a note says why.
   */
  regroup?: '2025';
  /** Names a former province with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
  showPresent = false;

  private open = false;

  private grid?: ChartGrid;
  private box?: HTMLElement;
  private chart?: Chart;
  // Drawn in the next frame, not inside the observer's callback: lying bars give their box a new height, which
  // the observer then reports once more (a size changed while sizes are being reported is a "ResizeObserver loop").
  private observer = new ResizeObserver(() => requestAnimationFrame(() => void this.paint()));
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
    // An area over time is named as the other widgets name it: a national block called "Toàn quốc" is "Nationwide" in English.
    const name = (n: string) => this.areaName({ name: n } as ChosenArea);
    return g?.view === v && g.lang === this.readerLang
      ? g
      : (this.grid = tableChunk.value!.chartGrid(v, this.readerLang, name, (n) => this.mark(n)));
  }

  protected renderView(v: ChartView): TemplateResult {
    const g = this.gridOf(v);
    // The feed's names inside the title are Vietnamese text (marked by `mark`).
    const title = html`${g.caption.split(/[\ue000\ue001]/).map((t, i) => (i % 2 ? html`<bdi lang="vi">${t}</bdi>` : t))}`;
    return tableChunk.value!.renderChart(g, this.open, () => (this.open = !this.open), this.titleOf(title, true, 'title'));
  }

  /**
   * What the chart shows, for the ear (the title names the figure, so it is not said again):
   * "Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 1 trên 2)."; over time,
   * "Nghệ An: 6 trên 38 mô hình hoàn thành ngày 20 tháng 6 năm 2024, tăng 6 so với 0 ngày 31 tháng 1 năm 2024."
   */
  protected override sentence(v: ChartView): string {
    const { summary } = this.gridOf(v);
    return summary ? `${summary}.` : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sync(true);
  }

  /** @internal A chart is a figure named by its title, not a group. */
  protected override get boxRole(): string {
    return 'figure';
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
    if (!box?.clientWidth || !grid) return;
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
    this.chart = draw(this.chart, box.querySelector('canvas')!, grid, box.clientWidth, tableChunk.value!.planBars, kind);
  }
}

defineElement('tiendo-chart', TiendoChart);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-chart': TiendoChart;
  }
}
