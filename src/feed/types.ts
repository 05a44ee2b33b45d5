/**
 * Types of a validated feed, version 1 (see SPEC.md, "Feed format").
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
}

/** Fields shared by a province and the national block. */
export interface FeedArea {
  /** Required for a province; the national block defaults to "Toàn quốc". */
  name?: string;
  models?: ModelCounts;
  metrics: Record<string, MetricValue>;
  asOf?: string;
  source?: FeedSource;
}

export type NationalBlock = FeedArea;

export interface Province extends FeedArea {
  id: string;
  name: string;
  code?: string;
  modelStatus: Record<string, ModelStatus>;
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

/** A feed over this many bytes is refused before it is parsed. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
