/**
 * The figure rules every widget shares, written once: which area a widget
 * shows, where a figure comes from (its nearest source and date), the rate of
 * a value, and the model-count key of each status.
 */
import type { Feed, FeedArea, FeedSource, ModelCounts, ModelStatus, Province } from './types.js';

/** The count of `models` that each status of `modelStatus` adds to. */
export const COUNT_KEY: Record<ModelStatus, keyof ModelCounts> = {
  completed: 'completed',
  'in-progress': 'inProgress',
  'not-started': 'notStarted',
};

/** value ÷ total when both are known (and total is not 0), else the rate the source reported. */
export function rateOf(value?: number, total?: number, rate?: number): number | undefined {
  return value !== undefined && total ? value / total : rate;
}

/** Where a figure comes from: the most specific of `layers` that has a source (or date) wins. */
export interface Provenance {
  source?: FeedSource;
  asOf?: string;
}

export function provenance(...layers: (Provenance | undefined)[]): Provenance {
  return {
    source: layers.find((l) => l?.source)?.source,
    asOf: layers.find((l) => l?.asOf)?.asOf,
  };
}

/** The area a single-area widget shows, already knowing its name and provenance. */
export interface ChosenArea extends Provenance {
  area: FeedArea;
  /** Present when the area is a province. */
  province?: Province;
  /** The area's own name; absent for a national block without one (the reader's word is used). */
  name?: string;
}

/**
 * The province named by `id`; without one, the feed's only province, else the
 * national block; with `communeId`, that commune of the province. A string says
 * why none can be chosen.
 */
export function chooseArea(
  feed: Feed,
  id?: string,
  communeId?: string,
): ChosenArea | 'unknown' | 'unknown-commune' | 'ambiguous' {
  const wanted = id?.trim();
  const province = wanted ? feed.provinces.find((p) => p.id === wanted) : feed.provinces.length === 1 ? feed.provinces[0] : undefined;
  const commune = communeId?.trim();
  if (province && commune) {
    const c = province.communes?.find((x) => x.id === commune);
    return c ? { area: c, province, name: c.name, ...provenance(c, province, feed) } : 'unknown-commune';
  }
  if (province) return { area: province, province, name: province.name, ...provenance(province, feed) };
  if (wanted) return 'unknown';
  if (feed.national) return { area: feed.national, name: feed.national.name, ...provenance(feed.national, feed) };
  return 'ambiguous';
}
