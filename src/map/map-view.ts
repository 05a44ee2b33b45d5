/**
 * What `<tiendo-map>` shows, before any words or drawing: which grid, where
 * each of the feed's provinces goes (by code, else by name), the figure that
 * colours each tile, the five classes of the palette, and the provinces that
 * cannot be placed. Pure functions of the feed, in the map's lazy chunk.
 */
import type { WidgetProblem } from '../base/tiendo-element.js';
import { rateOf } from '../feed/figures.js';
import type { Feed, FeedSource, Province } from '../feed/types.js';
import { foldName } from '../places/names.js';
import { eraOf, findUnit, formerUnitsOf, presentUnitOf, resolveUnit, type Era } from '../places/provinces.js';
import type { RegroupedProvince, Withheld } from '../places/regroup.js';
import { GRID_34, GRID_63, type Grid, type GridIsland } from './grids.js';

/** The attributes that choose what a map shows. */
export interface MapChoice {
  metric?: string;
  highlight?: string;
  grid?: string;
  /** `regroup="2025"`: a feed of the 63 added up into the 34. */
  regroup?: boolean;
  /** `show-present`: an old province named with the unit it is now part of. */
  showPresent?: boolean;
}

/** What the map uses of the places' chunk (src/places/regroup.ts), for `regroup` and `show-present`. */
export interface MapPlaces {
  regroupFeed: typeof import('../places/regroup.js').regroupFeed;
  presentNames: typeof import('../places/regroup.js').presentNames;
}

/** One province's figure: what colours its tile, and the counts behind it. */
export interface MapFigure {
  /** The feed's province id (what choosing the tile selects); absent for a unit the feed does not list. */
  id?: string;
  /** The feed's name for it, else the unit's. */
  name: string;
  /** With `show-present` (or on the other era's grid): the unit it is now part of. */
  present?: string;
  /** The rate (0–1) or value that colours the tile; absent: no data. */
  value?: number;
  /** Completed / total models, or value / total of the metric. */
  count?: number;
  total?: number;
  /** The metric's value where the tile shows it rounded or as a rate. */
  exact?: number;
  /** Source and date, where they differ from the feed's own. */
  source?: FeedSource;
  asOf?: string;
  /** Palette class 0–4; absent without a figure. */
  k?: number;
  /** A regrouped unit whose figure cannot be added up, and why. */
  withheld?: Withheld;
  /** A regrouped unit's former provinces, and those the feed lacks. */
  parts?: string[];
  missing?: string[];
}

/** A tile: a unit of the grid with its short names and its figure. */
export interface MapTile extends MapFigure {
  code: string;
  col: number;
  row: number;
  abbr: string;
  short: string;
}

/** What `<tiendo-map>` shows, in no language yet. */
export interface MapView {
  /** The feed's title (the map's caption names its figure instead). */
  name: string;
  source?: FeedSource;
  asOf?: string;
  grid: '34' | '63';
  cols: number;
  rows: number;
  /** Absent: the model completion rate. */
  metric?: { name: string; unit?: string; rate: boolean; higherIsBetter: boolean };
  /** Every unit of the grid, in reading order (north to south, west to east). */
  tiles: MapTile[];
  islands: (GridIsland & { name: string })[];
  /** Provinces of the feed the grid cannot place, in feed order. */
  outside: MapFigure[];
  /** Lower bounds of the classes, and the top: six numbers for five classes, two for one. */
  breaks: number[];
  /** Id of the province to mark. */
  highlight?: string;
  /** Some figures have their own source or date (said under the map; each in the table). */
  mixed: boolean;
  /** What `regroup="2025"` did: why some units show "—". */
  regrouped?: { withheld?: Withheld };
}

const GRIDS: Record<Era, Grid> = { '2025': GRID_34, 'before-2025': GRID_63 };

/** A unit's name as a tile shows it: without "Thành phố". */
const shortName = (name: string) => name.replace(/^Thành phố /, '');

/** Rounds away binary noise (0.1 + 0.2) so class bounds print as written. */
const tidy = (x: number) => +x.toPrecision(12);

/**
 * Five classes of equal width from a round number below the lowest figure to a
 * round number above the highest ("5% – 22%", "22% – 39%", … "73% – 90%"), so
 * that the first and the last class each hold a figure; one class when all
 * figures are equal. The round numbers are multiples of a power of ten (or half
 * of one) no larger than half a class, so the ends overshoot by less than a class.
 */
export function classBreaks(values: number[]): number[] {
  if (!values.length) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [min, max];
  const width = (max - min) / 5;
  let grain = 10 ** Math.floor(Math.log10(width));
  if (grain > width / 2) grain /= 2;
  const lo = tidy(Math.floor(min / grain) * grain);
  const hi = tidy(Math.ceil(max / grain) * grain);
  const breaks = Array.from({ length: 6 }, (_, i) => tidy(lo + ((hi - lo) * i) / 5));
  // Figures so close together that no round number separates them (a width below the smallest
  // double): the figures' own ends, in one class, rather than NaN.
  return breaks.every(Number.isFinite) && breaks[0] <= min && breaks[5] >= max && breaks[0] < breaks[5] ? breaks : [min, max];
}

/** The class of a figure: the last class whose lower bound it reaches. */
export function classOf(value: number, breaks: number[]): number {
  let k = 0;
  for (let i = 1; i < breaks.length - 1; i++) if (value >= breaks[i]) k = i;
  return k;
}

/** The era of a grid attribute ("34", "63"), or undefined. */
const gridEra = (grid?: string): Era | undefined => ({ '34': '2025', '63': 'before-2025' }) [grid?.trim() ?? ''] as Era | undefined;

/**
 * The tile of `grid` a province goes to: the unit its code (else its name) finds
 * in the feed's era; across eras only a unit that neither merged nor was merged
 * into (Nghệ An is Nghệ An in both lists), else none, with the unit it is now part of.
 */
function place(p: Province, feedEra: Era, grid: Grid): { code?: string; present?: string } {
  const own = resolveUnit(p, feedEra);
  const unit = own ?? resolveUnit(p, grid.era);
  if (!unit) return {};
  if (feedEra === grid.era || !own) return { code: unit.code };
  if (grid.era === '2025') {
    const present = presentUnitOf(unit.code)!;
    if (formerUnitsOf(present.code).length === 1) return { code: present.code };
    // "Vĩnh Phúc (nay thuộc Phú Thọ)"; the old Phú Thọ needs no such note.
    return foldName(present.name) === foldName(unit.name) ? {} : { present: shortName(present.name) };
  }
  const formers = formerUnitsOf(unit.code);
  return formers.length === 1 ? { code: formers[0].code } : {};
}

/**
 * The view of `feed` for the attributes in `c`: one metric (its rate where every
 * province with it has one, else its value) or, without `metric`, the model
 * completion rate; undefined when no province has the figure (the empty state).
 * `places` (the places' chunk) is needed for `regroup` and `show-present`.
 */
export function mapView(feed: Feed, c: MapChoice, places?: MapPlaces): MapView | WidgetProblem | undefined {
  const id = c.metric?.trim();
  let provinces: Province[] = feed.provinces;
  let regrouped: MapView['regrouped'];
  let wantEra = gridEra(c.grid);
  if (c.regroup && places) {
    const r = places.regroupFeed(feed);
    if (r.era === 'before-2025') {
      provinces = [...r.provinces, ...r.unplaced];
      regrouped = {};
      wantEra = '2025';
    }
  }
  const presentNames = c.showPresent && places && !regrouped ? places.presentNames(feed) : undefined;

  const def = id ? feed.metrics.find((m) => m.id === id) : undefined;
  if (id && !def && !feed.provinces.some((p) => Object.hasOwn(p.metrics, id))) {
    return { key: 'error.metric', params: { id }, kind: 'selection' };
  }
  // Rates compare provinces of any size; values only where some province has no rate.
  const having = id ? provinces.filter((p) => Object.hasOwn(p.metrics, id)) : [];
  const rate = having.every((p) => rateOf(p.metrics[id!].value, p.metrics[id!].total, p.metrics[id!].rate) !== undefined);
  const metric: MapView['metric'] = id
    ? { name: def?.name ?? id, unit: def?.unit, rate, higherIsBetter: def?.higherIsBetter ?? true }
    : undefined;

  const figureOf = (p: Province): MapFigure => {
    const unit = p as Partial<RegroupedProvince>;
    const f: MapFigure = { id: p.id, name: p.name, present: presentNames?.get(p.id) };
    const withheld = unit.withheld?.[id ?? 'models'];
    if (withheld) {
      f.withheld = withheld;
      if (regrouped) regrouped.withheld ??= withheld;
    }
    if (unit.parts && (unit.parts.length > 1 || unit.missing?.length || unit.parts[0].name !== p.name)) {
      f.parts = unit.parts.map((x) => x.name);
      if (unit.missing?.length) f.missing = unit.missing;
    }
    let source = p.source;
    let asOf = p.asOf;
    if (id) {
      const m = Object.hasOwn(p.metrics, id) ? p.metrics[id] : undefined;
      if (m) {
        f.value = rate ? rateOf(m.value, m.total, m.rate) : m.value;
        if (m.total !== undefined) [f.count, f.total] = [m.value, m.total];
        else f.exact = m.value;
        source = m.source ?? source;
        asOf = m.asOf ?? asOf;
      }
    } else if (p.models) {
      const m = p.models;
      f.value = m.total && m.completed !== undefined ? m.completed / m.total : undefined;
      [f.count, f.total] = [m.completed, m.total];
    }
    // Only what differs from the feed's own source and date is carried with the figure.
    if (source && source.name !== feed.source?.name) f.source = source;
    if (asOf && asOf !== feed.asOf) f.asOf = asOf;
    return f;
  };

  // Regrouped provinces are the 34 units, whatever the feed's date says.
  const feedEra = regrouped ? '2025' : (eraOf(provinces, feed.asOf) ?? '2025');
  const grid = GRIDS[wantEra ?? feedEra];
  const byCode = new Map<string, MapFigure>();
  const outside: MapFigure[] = [];
  for (const p of provinces) {
    const figure = figureOf(p);
    const { code, present } = place(p, feedEra, grid);
    if (code && !byCode.has(code)) byCode.set(code, figure);
    else outside.push({ ...figure, present: figure.present ?? present });
  }

  const tiles: MapTile[] = grid.tiles
    .map((t) => {
      const unit = findUnit(t.code, grid.era)!;
      return { ...t, short: t.short || shortName(unit.name), name: shortName(unit.name), ...byCode.get(t.code) };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const all = [...tiles, ...outside];
  const values = all.flatMap((f) => (f.value === undefined ? [] : [f.value]));
  if (!values.length && !all.some((f) => f.withheld)) return undefined;
  const breaks = classBreaks(values);
  for (const f of all) if (f.value !== undefined) f.k = classOf(f.value, breaks);

  return {
    name: feed.title ?? '',
    source: feed.source,
    asOf: feed.asOf,
    grid: grid.era === '2025' ? '34' : '63',
    cols: grid.cols,
    rows: grid.rows,
    metric,
    tiles,
    islands: grid.islands.map((i) => ({ ...i, name: shortName(findUnit(i.code, grid.era)!.name) })),
    outside,
    breaks,
    highlight: c.highlight?.trim() || undefined,
    mixed: all.some((f) => f.value !== undefined && (f.source || f.asOf)),
    regrouped,
  };
}

/**
 * The tile an arrow key moves to from tile `from`: the nearest tile (as the
 * crow flies) within 45° of that direction; `from` when there is none. Home and End go to the first and last tile.
 */
export function step(tiles: readonly { col: number; row: number }[], from: number, key: string): number {
  if (key === 'Home') return 0;
  if (key === 'End') return tiles.length - 1;
  const dir = ({ ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] } as Record<string, number[]>)[key];
  const here = tiles[from];
  if (!dir || !here) return from;
  let best = from;
  let bestScore = Infinity;
  tiles.forEach((t, i) => {
    const dx = t.col - here.col;
    const dy = t.row - here.row;
    const along = dx * dir[0] + dy * dir[1];
    const across = Math.abs(dx * dir[1] + dy * dir[0]);
    if (along <= 0 || across > along) return;
    const score = Math.hypot(along, across);
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
