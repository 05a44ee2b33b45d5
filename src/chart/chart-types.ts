/** The shapes `<tiendo-chart>` and its chunks share (types only, so no chunk imports the element). */
import type { ViewBase } from '../base/figures-controller.js';
import type { Lang } from '../i18n/messages.js';

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
