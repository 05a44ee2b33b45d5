/** The shapes `<tiendo-province-table>` and its view's chunk share (types only, so neither imports the other). */
import type { ViewBase } from '../base/figures-controller.js';

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
