/** The shapes `<tiendo-province-table>` and its view's chunk share (types only, so neither imports the other). */
import type { ViewBase } from '../base/figures-controller.js';
import type { Provenance } from '../feed/figures.js';

/** Why a regrouped unit's figure is left blank (see src/places/regroup.ts). */
export type TableWithheld = 'rate' | 'score' | 'partial';

/** One column of `<tiendo-province-table>`. */
export interface TableColumn {
  /** `rank`, `name`, `total`, `completed`, `in-progress`, `not-started`, `rate`, `change` or a metric id. */
  id: string;
  /** A metric's name (model columns are named in the reader's language). */
  name?: string;
  /** A metric's unit, or `%` where the column shows the metric's rate. */
  unit?: string;
  /** The figures are rates 0–1. */
  rate?: boolean;
  /** A lower figure ranks higher (`not-started`, or a metric with `higherIsBetter: false`). */
  low?: boolean;
  /**
   * The `change` column: the index of the column whose change it shows (the sort metric),
   * and the date of the earlier figure when every row compares with the same date.
   */
  change?: { of: number; since?: string };
}

/** One province (or commune, or the national block): its figures, in the order of the columns. */
export interface TableRow {
  id: string;
  /** The name as the feed gives it. */
  name: string;
  /** `undefined` for the rank and name columns and for a missing figure; the `change` column holds the change. */
  values: (number | undefined)[];
  /** The unit an old province is now part of (`show-present`), when its name differs. */
  present?: string;
  /** For the `change` column: the date of the earlier figure (absent when it is `previous`, which has none). */
  since?: string;
  /** Where the row's figures come from, when the table's rows differ (one entry per distinct source and date). */
  from?: Provenance[];
  /** A unit added up from old provinces (`regroup`): the provinces it adds up, and those the feed lacks. */
  parts?: string[];
  missing?: string[];
  /** Per column: why a regrouped figure is left blank. */
  withheld?: (TableWithheld | undefined)[];
}

/** What `<tiendo-province-table>` shows: every row of the data, in feed order (the widget sorts them). */
export interface ProvinceTableView extends ViewBase {
  /** `commune`: the rows are the communes of one province. */
  level: 'province' | 'commune';
  /** At commune level, the province's name and id. */
  province?: string;
  provinceId?: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** The national block (province level) or the province itself (commune level). */
  national?: TableRow;
  /** Which parts of the rows' provenance differ from row to row (then each row carries its own, in `from`). */
  mixed?: { source: boolean; asOf: boolean };
  /** `regroup="2025"` added old provinces up: the columns left blank (by id) and why; the rows it could not place. */
  regrouped?: { withheld: Record<string, TableWithheld>; unplaced: string[] };
}

/** What the table asks of the view's chunk besides the feed: its attributes. */
export interface TableOptions {
  columns?: string;
  sort?: string;
  level?: string;
  province?: string;
  regroup?: boolean;
  showPresent?: boolean;
}

/** The places module (src/places/regroup.ts), fetched only for `regroup` and `show-present`. */
export type TablePlaces = typeof import('../places/regroup.js');
