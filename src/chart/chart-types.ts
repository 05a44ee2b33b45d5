/** The shapes `<tiendo-chart>` and its chunks share (types only, so no chunk imports the element). */
import type { ViewBase } from '../base/figures-controller.js';
import type { FeedSource } from '../feed/types.js';
import type { Lang } from '../i18n/messages.js';

export type ChartType = 'bar' | 'horizontal-bar' | 'line' | 'doughnut';

/**
 * One label of a chart across areas: a province (or commune) with its figure, or
 * with its completed / in-progress / not-started counts; in a doughnut of pilot
 * models, one status (`id` the status, `name` empty) with its count over every area.
 */
export interface ChartRow {
  id: string;
  name: string;
  values: (number | undefined)[];
  /** What the summary ranks: the figure, the completed share, or the status's count. */
  score?: number;
  /** Where this row's figure comes from (its nearest source and date). */
  source?: FeedSource;
  asOf?: string;
}

/** One observation of an area's figure: a point of its history, or the latest figure at its own date. */
export interface TimePoint {
  /** The date as the feed wrote it. */
  asOf: string;
  /** The moment it stands for (ms since 1970, UTC): its place on the time axis. */
  at: number;
  /** The metric's figure (its rate where it has one), or the completed / in-progress / not-started counts. */
  values: (number | undefined)[];
  /** The models' total at that date. */
  total?: number;
  /** The period the figure covers ("Tháng 5/2024"). */
  period?: string;
}

/** One area over time. */
export interface TimeSeries {
  /** The area's id; `national` for the national block. */
  id: string;
  /** '' for a national block without a name (the reader's word is used). */
  name: string;
  /** Oldest first; the latest figure last. */
  points: TimePoint[];
  source?: FeedSource;
  /** The latest figure's date. */
  asOf?: string;
}

/** What `<tiendo-chart>` shows, in no language yet. */
export interface ChartView extends ViewBase {
  /** The type drawn. */
  type: ChartType;
  /** The type the editor asked for, when another is drawn (a line across provinces is drawn as bars). */
  asked?: string;
  /** The metric charted; absent, the chart shows pilot models. */
  metric?: { name: string; unit?: string; rate: boolean; higherIsBetter: boolean };
  /** Provinces, or the communes of one province. */
  level: 'province' | 'commune';
  /** The name of the province whose communes are compared. */
  within?: string;
  /** Across areas: one per area (or status). Empty over time. */
  rows: ChartRow[];
  /** Over time: one per area (`province`, `commune`, or each of `compare`). */
  time?: TimeSeries[];
  /** Id of the area to mark. */
  highlight?: string;
  /**
   * Each area's source and date where they differ and no row can hold them: the
   * areas a doughnut of statuses adds up (over time, each series holds its own).
   */
  sources?: { name: string; source?: FeedSource; asOf?: string }[];
  /** Whether the rows' (or series') sources, or dates, differ: the footer then credits none of them. */
  mixed?: { source: boolean; asOf: boolean };
}

/** One entry of the legend drawn under (or beside) the chart. */
export interface LegendEntry {
  text: string;
  /** Index of the style: a status, a series of a comparison, or a row of a doughnut. */
  style: number;
  /** Marked (the highlighted area). */
  marked?: boolean;
}

/**
 * What a dataset of a chart over time draws: which area (series of the view)
 * and which of its values, and the stack it belongs to.
 */
export interface TimePlot {
  area: number;
  value: number;
  stack?: string;
}

/** The view in the reader's words, as both the canvas and the accessible table show it. */
export interface ChartGrid {
  view: ChartView;
  lang: Lang;
  caption: string;
  /** Header of the label column. */
  head: string;
  /** One per value of a row: the table's figure columns, the chart's datasets. */
  series: string[];
  /** One per row of the table: the label as shown (over time, the compact date). */
  names: string[];
  /** Over time: each row's date for the ear ("ngày 31 tháng 5 năm 2024"). */
  spoken?: string[];
  /** The figures of each row, one per series (the table, the tooltip). */
  cells: (number | undefined)[][];
  /** Over time: the moment of each row. */
  at?: number[];
  /** Over time: what each dataset draws. */
  plots?: TimePlot[];
  /** A column of text after the figures (each row's source and date, or its reporting period). */
  notes?: { head: string; cells: string[] };
  /** When the areas' sources or dates differ and no row holds them: each area's, as [name, "source · date"]. */
  sources?: { head: string; rows: [string, string][] };
  /** Says that the figures' sources or dates differ, in place of the footer's credit. */
  mixedNote?: string;
  /** For the editor under `debug`: why the type drawn is not the one asked for. */
  debugNote?: string;
  /** The legend: absent for a single series. */
  legend: LegendEntry[];
  /** "Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 5/34)", or over time the first and latest figures. */
  summary: string;
  /** A figure as the table, tooltips and summary write it. */
  fmt(value: number): string;
  /** A number on the value axis. */
  tick(value: number): string;
}
