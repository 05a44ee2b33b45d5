/**
 * Types of a validated feed, version 1 (see docs/feed-format.md).
 *
 * These describe what the validator hands out, not what a publisher writes:
 * derived model counts are filled in, unsafe links are gone, unknown keys are
 * dropped, and every id-keyed map is a null-prototype record so that a key such
 * as `__proto__` is plain data.
 */

/** Where figures come from. `url` is present only when it is http(s). */
export interface FeedSource {
  name: string;
  url?: string;
}

export type ModelStatus = 'completed' | 'in-progress' | 'not-started';

export const MODEL_STATUSES: readonly ModelStatus[] = ['completed', 'in-progress', 'not-started'];

/** Pilot-model counts. A count the feed did not give and could not be derived stays undefined. */
export interface ModelCounts {
  total: number;
  completed?: number;
  inProgress?: number;
  notStarted?: number;
}

/**
 * One earlier observation of a `models` block. `total` is always present: a
 * point that left it out has its parent's. A missing one of the three counts
 * is derived, as on the parent.
 */
export interface ModelPoint extends ModelCounts {
  asOf: string;
}

/** A `models` block: the counts as of the area's date, and how they stood before. */
export interface ModelProgress extends ModelCounts {
  /**
   * Earlier observations, oldest first, every date strictly before the
   * counts' own; present only when the feed gives a history.
   */
  history?: ModelPoint[];
}

/** One entry of the feed's pilot-model catalogue. */
export interface ModelDefinition {
  id: string;
  name: string;
}

/** One entry of the feed's metric catalogue. */
export interface MetricDefinition {
  id: string;
  name: string;
  unit?: string;
  /** The top of a score scale (e.g. 100 points). */
  max?: number;
  /** Whether a rise is good news; defaults to true. */
  higherIsBetter: boolean;
}

/** One earlier observation of a metric figure: `value` or `rate`, maybe `total` and `period`. */
export interface MetricPoint {
  asOf: string;
  value?: number;
  total?: number;
  rate?: number;
  period?: string;
}

/** One figure of one metric for one province (or the nation). */
export interface MetricValue {
  value?: number;
  total?: number;
  /** Reported rate 0–1, used only when the counts are unknown. */
  rate?: number;
  previous?: number;
  target?: number;
  period?: string;
  asOf?: string;
  source?: FeedSource;
  /**
   * Earlier observations, oldest first, every date strictly before the
   * figure's own; present only when the feed gives a history.
   */
  history?: MetricPoint[];
}

/** Fields shared by a province, a commune and the national block. */
export interface FeedArea {
  /** Required for a province; the national block defaults to "Toàn quốc". */
  name?: string;
  models?: ModelProgress;
  metrics: Record<string, MetricValue>;
  asOf?: string;
  source?: FeedSource;
}

export type NationalBlock = FeedArea;

/** A commune (xã, phường, đặc khu) of a province: the fields and rules of a province. */
export interface Commune extends FeedArea {
  /** A slug, unique within its province. */
  id: string;
  name: string;
  /** The official five-digit code. */
  code?: string;
  modelStatus: Record<string, ModelStatus>;
}

export interface Province extends FeedArea {
  id: string;
  name: string;
  code?: string;
  modelStatus: Record<string, ModelStatus>;
  /** The province's communes; present only when the feed lists them. */
  communes?: Commune[];
}

export interface Feed {
  version: 1;
  title?: string;
  asOf?: string;
  nextUpdate?: string;
  source?: FeedSource;
  models: ModelDefinition[];
  metrics: MetricDefinition[];
  national?: NationalBlock;
  provinces: Province[];
}

/** A `history` list holds at most this many points. */
export const MAX_HISTORY_POINTS = 1000;

/** A feed over this many bytes is refused before it is parsed. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
