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
  /** `show-present`: the unit a former province is now part of, when its name differs. */
  present?: string;
  /** `regroup`: the former provinces a unit adds up (when more than itself), and those the feed lacks. */
  parts?: string[];
  missing?: string[];
  /** `regroup`: the unit's figure cannot be added up (a reported rate, a score, a part lacking it): "—". */
  withheld?: boolean;
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
  /** `show-present`: the unit a former province is now part of, when its name differs. */
  present?: string;
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
  /** Across areas: one per area (or status) that the chart draws. Empty over time. */
  rows: ChartRow[];
  /**
   * Communes of a province past twice `limit`: the chart draws the top and bottom `limit` by
   * the figure and the highlighted commune (`rows`, highest first); the table keeps `every`
   * commune in the feed's order. `count` is how many have the figure, `rank` the highlighted one's.
   */
  trimmed?: { every: ChartRow[]; top: number; bottom: number; count: number; rank?: number; name?: string };
  /** `regroup="2025"` added a feed of the 63 up into the 34: why a figure is "—", and the provinces it could not place. */
  regrouped?: { withheld?: 'rate' | 'score' | 'partial'; unplaced: string[] };
  /** Why the type drawn is not the one asked for (a chart word's key), said under `debug`. */
  typeNote?: string;
  /** Items of `compare` the feed does not have (left out), with the id meant when a name was written. */
  dropped?: { id: string; near?: string }[];
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

/** The places module (src/places/regroup.ts), fetched only for `regroup` and `show-present`. */
export type ChartPlaces = typeof import('../places/regroup.js');

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
  /** The table's rows when they are more than the chart draws (commune level, `trimmed`): names, figures, ids. */
  table?: { names: string[]; cells: (number | undefined)[][]; ids: string[]; notes?: string[] };
  /** What the chart draws of many communes: "10 xã, phường cao nhất và 10 thấp nhất trên 130; Xã Thạch Hà xếp thứ 57". */
  shown?: string;
  /** `regroup`: the notes under the chart (added up into the 34, why "—", provinces not placed). */
  regroupNotes?: string[];
  /** `regroup`: each unit added up from several former provinces, as [name, "gộp từ …"]. */
  parts?: { head: string; rows: [string, string][] };
  /** The legend: absent for a single series. */
  legend: LegendEntry[];
  /** "Cao nhất: …; thấp nhất: …; Nghệ An: … (xếp thứ 5/34)", or over time the first and latest figures. */
  summary: string;
  /** A figure as the table, tooltips and summary write it. */
  fmt(value: number): string;
  /** A number on the value axis. */
  tick(value: number): string;
}

/** How bars across areas are laid out at a width: upright or lying, in which order, with which label lines. */
export interface Plan {
  horizontal: boolean;
  /** The rows in the order drawn (lying bars: best first). */
  order: number[];
  /** Each drawn bar's label: one line, or a long name wrapped onto several. */
  labels: (string | string[])[];
  /** Lying bars: the height (CSS px) their rows and the value axis need. */
  height?: number;
}

/** Lays bars across areas out (chart-layout.ts `planBars`). */
export type BarPlanner = (g: ChartGrid, font: { size: number; family: string }, width: number, ctx: CanvasRenderingContext2D) => Plan;
