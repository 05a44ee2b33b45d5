/**
 * The one rule that recognises a feed's (or a sheet's) provinces among the
 * official units: by code, else by name (compared without diacritics or case,
 * `foldName`), within the list the whole feed fits (the 34 from 1 July 2025 or
 * the 63 before, {@link eraOf}). It says what was found and what is off: a
 * missing code (with the official one), a code that names another unit than the
 * name, a code that names no unit of the list.
 *
 * Used by the conversion core (`tiendo from-csv`, the data studio), which fills
 * a missing code, and by `tiendo validate`, which only reports. Pure and
 * browser-safe; it pulls in the lists (provinces.ts), so keep it out of the
 * citizens' core.
 */
import { foldName } from './names.js';
import { eraOf, findUnit, normalizeCode, resolveUnit, type Era, type PlaceRef, type Unit } from './provinces.js';

/** What is off about one place. */
export type PlaceFinding =
  /** No code is given; `unit` (found by the name) has the official one. */
  | { kind: 'missingCode'; unit: Unit }
  /**
   * `code` (as given, two digits when it is a number) names no unit of `era`
   * (of either list when `era` is undefined). `elsewhere`: the unit it names in
   * the other list, if any (an old code in a 2025 feed), and whether the
   * place's name is that unit's too (`sameName`: the province was renumbered
   * or merged under its own name); `named`: the unit of `era` the place's name
   * (`name`, as given) names, if any.
   */
  | {
      kind: 'unknownCode';
      code: string;
      era?: Era;
      name?: string;
      elsewhere?: { unit: Unit; era: Era; sameName: boolean };
      named?: Unit;
    }
  /** `code` is `unit`, while the name (`name`, as given) is another known unit, `named`. */
  | { kind: 'mismatch'; code: string; unit: Unit; name: string; named: Unit };

/** One place, recognised. */
export interface RecognisedPlace {
  /** The unit the place is taken to be: by its code when the list has it, else by its name. */
  unit?: Unit;
  /** The list `unit` belongs to. */
  era?: Era;
  /** What is off, in no particular order (at most one today). */
  findings: PlaceFinding[];
}

/** A feed's places, recognised. */
export interface RecognisedPlaces {
  /** The list the places fit as a whole (undefined when none fits either). */
  era?: Era;
  /** One per place given, in order. */
  places: RecognisedPlace[];
}

const ERAS: readonly Era[] = ['2025', 'before-2025'];

/** The first unit some list yields, with its list. */
function first(lists: readonly Era[], find: (era: Era) => Unit | undefined): { unit: Unit; era: Era } | undefined {
  for (const era of lists) {
    const unit = find(era);
    if (unit) return { unit, era };
  }
  return undefined;
}

/** Whether a name (as written) is one of the unit's names, folded. */
function isNameOf(unit: Unit, name: string): boolean {
  const folded = foldName(name);
  return foldName(unit.name) === folded || unit.aliases.some((alias) => foldName(alias) === folded);
}

/**
 * One place within a list (`era`; both lists, the present first, when
 * undefined). A code the list lacks is reported, and nothing is taken from
 * the name then unless the name is empty (the cell may hold a name in the
 * code's place). A name the lists do not know (a project's own area) is the
 * officer's business, not a finding.
 */
export function recognisePlace(place: PlaceRef, era: Era | undefined): RecognisedPlace {
  const lists = era ? [era] : ERAS;
  const given = place.code === undefined ? '' : String(place.code).trim();
  const code = normalizeCode(given) ?? given;
  const name = place.name?.trim() ?? '';
  if (code) {
    const byCode = first(lists, (e) => findUnit(normalizeCode(code) ?? `#${code}`, e));
    if (!byCode) {
      const other = era && ERAS.find((e) => e !== era);
      const there = other ? first([other], (e) => findUnit(normalizeCode(code) ?? `#${code}`, e)) : undefined;
      const elsewhere = there && { ...there, sameName: !!name && isNameOf(there.unit, name) };
      const named = name ? first(lists, (e) => findUnit(name, e))?.unit : undefined;
      const finding: PlaceFinding = { kind: 'unknownCode', code, era, name: name || undefined, elsewhere, named };
      // Code and name are both given: there is nothing to fill in.
      const found = name ? undefined : first(lists, (e) => findUnit(code, e));
      return { ...found, findings: [finding] };
    }
    if (name && !isNameOf(byCode.unit, name)) {
      const named = first(lists, (e) => findUnit(name, e));
      if (named) return { ...byCode, findings: [{ kind: 'mismatch', code, unit: byCode.unit, name, named: named.unit }] };
    }
    return { ...byCode, findings: [] };
  }
  if (!name) return { findings: [] };
  const byName = first(lists, (e) => resolveUnit({ name }, e));
  return byName ? { ...byName, findings: [{ kind: 'missingCode', unit: byName.unit }] } : { findings: [] };
}

/**
 * A feed's places (`provinces`, or a sheet's rows as `{code, name}`): the list
 * they fit as a whole ({@link eraOf}; `asOf`, the feed's date, settles a tie),
 * then each place within it ({@link recognisePlace}).
 */
export function recognisePlaces(places: readonly PlaceRef[], asOf?: string): RecognisedPlaces {
  const era = eraOf(places, asOf);
  return { era, places: places.map((place) => recognisePlace(place, era)) };
}
