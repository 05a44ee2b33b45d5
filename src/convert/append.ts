/**
 * A monthly report added to a published feed (SPEC.md, `--append`; the data
 * studio's "add as the newest figures"): the sheet's rows become the latest
 * figures, and the figures they replace move into `history` with their old date.
 *
 * - A province is matched by id, else by code, else by name (without diacritics
 *   or case); a metric by id, else by name. New ones are added.
 * - A replaced `models` block leaves a point with its old counts (and `total`
 *   when it differed); a replaced metric value leaves `value`/`rate`, `total`
 *   and `period` as they were. Its `previous` goes: the history now says it.
 * - Whatever the sheet does not replace keeps its figures and its date: a
 *   province absent from the sheet, a metric the row leaves empty, `models` a
 *   row does not give. Their date (and source) is written on them where it was
 *   only inherited, so that the new feed date does not pass for theirs.
 * - The old feed is worked on as written (unknown keys kept), and the result is
 *   validated before anyone writes it.
 */
import { nearestAsOf, instantOf } from '../feed/history.js';
import { validateFeed, type FeedIssue } from '../feed/validation.js';
import { foldName } from '../places/names.js';
import { normalizeCode } from '../places/provinces.js';
import { headerKey } from './headers.js';
import type { ConvertResult } from './convert.js';
import { traceIssue } from './convert.js';
import { IssueList, type ConvertIssue } from './issues.js';

type Json = Record<string, unknown>;

export interface AppendResult {
  /** The new feed (the old one with the sheet's figures), present only when there is no error. */
  feed?: Json;
  errors: ConvertIssue[];
  warnings: ConvertIssue[];
  /** Provinces whose figures the sheet replaced, added, or left as they were. */
  counts: { updated: number; added: number; kept: number };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Json, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const MODEL_COUNTS = ['completed', 'inProgress', 'notStarted'] as const;
const METRIC_POINT = ['value', 'rate', 'total', 'period'] as const;

/** The earlier observation a replaced `models` block leaves behind. */
function modelPoint(old: Json, asOf: string, newTotal: unknown): Json {
  const point: Json = { asOf };
  for (const k of MODEL_COUNTS) if (own(old, k) !== undefined) point[k] = old[k];
  if (own(old, 'total') !== undefined && old.total !== newTotal) point.total = old.total;
  return point;
}

/** The earlier observation a replaced metric value leaves behind. */
function metricPoint(old: Json, asOf: string): Json {
  const point: Json = { asOf };
  for (const k of METRIC_POINT) if (own(old, k) !== undefined) point[k] = old[k];
  return point;
}

function pushHistory(figure: Json, point: Json): void {
  const history = Array.isArray(figure.history) ? [...(figure.history as unknown[])] : [];
  history.push(point);
  figure.history = history;
}

/**
 * Adds a converted sheet to an existing feed as its newest figures. `oldFeed`
 * is the parsed JSON of the published feed; `sheet` is what {@link sheetToFeed}
 * returned for the new sheet (with `asOf`, the date of its figures).
 */
export function appendToFeed(oldFeed: unknown, sheet: ConvertResult): AppendResult {
  const errors = new IssueList();
  const warnings = new IssueList();
  const counts = { updated: 0, added: 0, kept: 0 };
  const done = (feed?: Json): AppendResult => {
    const list = errors.list();
    return list.length ? { errors: list, warnings: warnings.list(), counts } : { feed, errors: [], warnings: warnings.list(), counts };
  };
  const checked = validateFeed(oldFeed);
  if (!checked.feed || !isObject(oldFeed)) {
    errors.add({ key: 'append.notFeed' });
    for (const issue of checked.errors) errors.add({ issue });
    return done();
  }
  const fresh = sheet.feed;
  if (!fresh) {
    for (const issue of sheet.errors) errors.add(issue);
    return done();
  }
  const date = text(fresh.asOf);
  if (!date) {
    errors.add({ key: 'append.needDate', place: { option: '--as-of' } });
    return done();
  }
  // The old feed as written, unknown keys and all, to be changed in place.
  const feed = JSON.parse(JSON.stringify(oldFeed)) as Json;
  const oldFeedDate = text(own(feed, 'asOf'));
  const oldFeedSource = own(feed, 'source');
  const newSource = own(fresh, 'source');

  // Metric catalogue: the sheet's metrics matched to the feed's by id, else by name.
  const catalogue = (Array.isArray(feed.metrics) ? feed.metrics : (feed.metrics = [])) as Json[];
  const metricIds = new Map<string, string>();
  for (const def of (fresh.metrics as Json[] | undefined) ?? []) {
    const match = catalogue.find((m) => m.id === def.id) ?? catalogue.find((m) => typeof m.name === 'string' && headerKey(m.name) === headerKey(String(def.name)));
    if (match) metricIds.set(String(def.id), String(match.id));
    else {
      catalogue.push({ ...def });
      metricIds.set(String(def.id), String(def.id));
    }
  }
  if (!catalogue.length) delete feed.metrics;

  const provinces = (Array.isArray(feed.provinces) ? feed.provinces : (feed.provinces = [])) as Json[];
  const touched = new Set<Json>();
  const rowOf = new Map<Json, number>();
  const freshProvinces = fresh.provinces as Json[];
  freshProvinces.forEach((row, index) => {
    const origin = sheet.rows[index];
    const code = normalizeCode(text(row.code));
    const target =
      provinces.find((p) => p.id === row.id) ??
      (code ? provinces.find((p) => normalizeCode(text(p.code)) === code) : undefined) ??
      provinces.find((p) => typeof p.name === 'string' && foldName(p.name) === foldName(String(row.name)));
    if (!target) {
      const added: Json = { ...row };
      if (added.metrics) {
        const metrics: Json = {};
        for (const [id, v] of Object.entries(added.metrics as Json)) metrics[metricIds.get(id) ?? id] = v;
        added.metrics = metrics;
      }
      provinces.push(added);
      touched.add(added);
      rowOf.set(added, origin?.row ?? 0);
      counts.added++;
      return;
    }
    counts.updated++;
    touched.add(target);
    rowOf.set(target, origin?.row ?? 0);
    const oldDate = nearestAsOf(text(own(target, 'asOf')), oldFeedDate);
    const oldSource = own(target, 'source') ?? oldFeedSource;
    if (!oldDate || !(instantOf(oldDate) < instantOf(date))) {
      errors.add({ key: 'append.sameDate', params: { asOf: date, old: oldDate ?? '—' }, place: origin ? { row: origin.row } : undefined });
      return;
    }
    if (row.code !== undefined && own(target, 'code') === undefined) target.code = row.code;

    // Models: replaced when the row gives them, else kept with their date.
    const newModels = own(row, 'models');
    const oldModels = own(target, 'models');
    let keepAreaDate = false;
    if (isObject(newModels)) {
      const models: Json = { ...newModels };
      if (isObject(oldModels)) {
        if (Array.isArray(oldModels.history)) models.history = oldModels.history;
        pushHistory(models, modelPoint(oldModels, oldDate, newModels.total));
      }
      target.models = models;
    } else if (isObject(oldModels)) keepAreaDate = true;

    // Metrics: each given value replaces the old one; the others keep theirs.
    const oldMetrics = isObject(own(target, 'metrics')) ? (target.metrics as Json) : {};
    const metrics: Json = {};
    const given = (isObject(row.metrics) ? row.metrics : {}) as Json;
    const givenIds = new Set(Object.keys(given).map((id) => metricIds.get(id) ?? id));
    for (const [id, value] of Object.entries(oldMetrics)) {
      if (givenIds.has(id) || !isObject(value)) continue;
      // Kept: its own date and source, so that the area's new ones do not pass for them.
      const kept: Json = { ...value };
      if (own(kept, 'asOf') === undefined && !keepAreaDate) kept.asOf = oldDate;
      if (own(kept, 'source') === undefined && oldSource !== undefined && newSource !== undefined && !keepAreaDate) kept.source = oldSource;
      metrics[id] = kept;
    }
    for (const [sheetId, value] of Object.entries(given)) {
      const id = metricIds.get(sheetId) ?? sheetId;
      const before = oldMetrics[id];
      const figure: Json = { ...(value as Json) };
      if (isObject(before)) {
        if (Array.isArray(before.history)) figure.history = before.history;
        if (own(before, 'target') !== undefined) figure.target = before.target;
        pushHistory(figure, metricPoint(before, nearestAsOf(text(own(before, 'asOf')), oldDate)!));
      }
      if (keepAreaDate) {
        figure.asOf = date;
        if (newSource !== undefined) figure.source = newSource;
      }
      metrics[id] = figure;
    }
    if (Object.keys(metrics).length) target.metrics = metrics;
    if (keepAreaDate) {
      // The models stay as they were: the area keeps the old date and source; the new metric values carry theirs.
      target.asOf = oldDate;
      if (oldSource !== undefined) target.source = oldSource;
    } else {
      delete target.asOf;
      if (newSource !== undefined) delete target.source;
    }
  });

  // Areas the sheet does not name keep their figures, and their date and source.
  const pin = (area: Json) => {
    if (own(area, 'asOf') === undefined && oldFeedDate !== undefined) area.asOf = oldFeedDate;
    if (own(area, 'source') === undefined && oldFeedSource !== undefined && newSource !== undefined) area.source = oldFeedSource;
  };
  for (const p of provinces) {
    if (touched.has(p)) continue;
    counts.kept++;
    pin(p);
  }
  if (isObject(feed.national)) pin(feed.national);

  feed.asOf = date;
  for (const key of ['title', 'nextUpdate', 'source'] as const) if (own(fresh, key) !== undefined) feed[key] = fresh[key];
  if (errors.length) return done();

  // The result is checked as a whole before it may be written; problems in the sheet's rows point at them.
  const result = validateFeed(feed);
  const origins = provinces.map((p) => ({ row: rowOf.get(p) ?? 0, idCol: sheet.layout?.fields.id ?? sheet.layout?.fields.name ?? 0 }));
  const trace = (issue: FeedIssue): ConvertIssue => {
    const index = /^provinces\[(\d+)\]/.exec(issue.path);
    if (!sheet.layout || !index || !rowOf.has(provinces[+index[1]])) return { issue };
    return traceIssue(issue, sheet.layout, origins, provinces);
  };
  for (const issue of result.errors) errors.add(trace(issue));
  for (const issue of result.warnings) warnings.add(trace(issue));
  return done(feed);
}
