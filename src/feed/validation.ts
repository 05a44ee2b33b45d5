/**
 * The one validator for feed version 1 (docs/feed-format.md).
 *
 * It reads untrusted JSON and either returns a fresh, normalised {@link Feed}
 * or a list of issues, each naming the JSON path and the rule it broke. A feed
 * with any error is rejected whole: nothing half-checked ever reaches a widget.
 * Output objects are built key by key (unknown keys dropped) and id-keyed maps
 * have no prototype, so `__proto__` or `constructor` in a feed is plain data.
 */
import {
  MAX_FEED_BYTES,
  MAX_HISTORY_POINTS,
  MODEL_STATUSES,
  type Commune,
  type Feed,
  type FeedSource,
  type MetricDefinition,
  type MetricPoint,
  type MetricValue,
  type ModelCounts,
  type ModelDefinition,
  type ModelPoint,
  type ModelProgress,
  type ModelStatus,
  type NationalBlock,
  type Province,
} from './types.js';
import { instantOf } from './history.js';
import { loadMessages, msg, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';

/** One broken rule (or, as a warning, one repaired one) at a JSON path. */
export interface FeedIssue {
  /** JSON path, written as in docs/feed-format.md: `provinces[2].models.completed`; empty for the whole feed. */
  path: string;
  rule: MessageKey;
  params?: MessageParams;
}

export interface ValidationResult {
  /** The normalised feed, present only when there is no error. */
  feed?: Feed;
  errors: FeedIssue[];
  /** Issues that were repaired (e.g. a `javascript:` link dropped); the feed stays valid. */
  warnings: FeedIssue[];
}

/** "path: rule" in the reader's language (after `loadMessages(lang, true)`). */
export function issueText(issue: FeedIssue, lang: Lang): string {
  const text = msg(lang, issue.rule, issue.params);
  return issue.path ? `${issue.path}: ${text}` : text;
}

/** Tells an editor on the console what the validator repaired (e.g. a dropped link). */
export function warnRepairs(where: string, warnings: FeedIssue[], lang: Lang): void {
  if (!warnings.length) return;
  void loadMessages(lang, true).then(() =>
    console.warn(`tiendo ${where}:\n${warnings.map((w) => issueText(w, lang)).join('\n')}`),
  );
}

type Json = Record<string, unknown>;

const MAX_REPORTED = 100;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COMMUNE_CODE = /^\d{5}$/;
const COUNT_KEYS = ['completed', 'inProgress', 'notStarted'] as const;
/** Each status of `modelStatus` and the count of `models` it must not outnumber. */
const STATUS_COUNT: [ModelStatus, (typeof COUNT_KEYS)[number]][] = [
  ['completed', 'completed'],
  ['in-progress', 'inProgress'],
  ['not-started', 'notStarted'],
];
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
const NUMERIC_TEXT = /^\s*[-+]?[\d.,\s]+%?\s*$/;

/** Appends a key to a JSON path, quoting keys that are not plain identifiers. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = /^[\w-]+$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${name}` : name;
}

function own(o: Json, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A real calendar day. ISO 8601 leaves years before 1583 (before the Gregorian
 * calendar) to mutual agreement, and JavaScript dates read years 0–99 as
 * 1900–1999, so a feed's years run from 1583 to 9999.
 */
function isValidDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (y < 1583) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The date a figure is compared with: its own `asOf` when it has one (undefined
 * if that is not a real date: the feed is refused for it anyway), else the
 * date it inherits from its area or the feed.
 */
function ownDate(raw: unknown, inherited: string | undefined): string | undefined {
  if (raw === undefined) return inherited;
  return typeof raw === 'string' && isValidDate(raw) ? raw : undefined;
}

type NumberKind = 'whole' | 'nonNegative' | 'positive' | 'rate';

/**
 * Collects issues while it reads; every `read*` method returns the clean value
 * or undefined, so callers can go on and report every problem in one pass.
 */
export class FeedChecker {
  readonly errors: FeedIssue[] = [];
  readonly warnings: FeedIssue[] = [];
  #dropped = 0;
  #droppedWarnings = 0;
  /** The ids of the feed's model catalogue, once read; `modelStatus` names are checked against them. */
  #modelIds?: Set<string>;

  error(path: string, rule: MessageKey, params?: MessageParams): void {
    if (this.errors.length < MAX_REPORTED) this.errors.push({ path, rule, params });
    else this.#dropped++;
  }

  /** A problem the feed is accepted with (a link dropped, a status list that disagrees with the counts). */
  warn(path: string, rule: MessageKey, params?: MessageParams): void {
    if (this.warnings.length < MAX_REPORTED) this.warnings.push(params ? { path, rule, params } : { path, rule });
    else this.#droppedWarnings++;
  }

  /** How many errors have been found so far, listed or not. */
  #errorCount(): number {
    return this.errors.length + this.#dropped;
  }

  /** The issues, with a closing "and N more" when too many were found to list. */
  result(feed?: Feed): ValidationResult {
    const errors = [...this.errors];
    if (this.#dropped) errors.push({ path: '', rule: 'rule.more', params: { count: this.#dropped } });
    const warnings = [...this.warnings];
    if (this.#droppedWarnings) warnings.push({ path: '', rule: 'rule.moreWarnings', params: { count: this.#droppedWarnings } });
    return errors.length ? { errors, warnings } : { feed, errors, warnings };
  }

  object(v: unknown, path: string): Json | undefined {
    if (isObject(v)) return v;
    this.error(path, 'rule.object');
    return undefined;
  }

  array(v: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(v)) return v;
    this.error(path, 'rule.array');
    return undefined;
  }

  string(v: unknown, path: string, required = false): string | undefined {
    if (v === undefined) {
      if (required) this.error(path, 'rule.required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(path, 'rule.string');
      return undefined;
    }
    if (required && !v.trim()) {
      this.error(path, 'rule.nonEmpty');
      return undefined;
    }
    return v;
  }

  number(v: unknown, path: string, kind: NumberKind, required = false): number | undefined {
    if (v === undefined) {
      if (required) this.error(path, 'rule.required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      if (typeof v === 'string' && NUMERIC_TEXT.test(v)) {
        this.error(path, 'rule.numberAsString', { text: v.slice(0, 40) });
      } else {
        this.error(path, kind === 'whole' ? 'rule.whole' : kind === 'rate' ? 'rule.rate' : 'rule.number');
      }
      return undefined;
    }
    const ok =
      kind === 'whole'
        ? Number.isSafeInteger(v) && v >= 0
        : kind === 'rate'
          ? v >= 0 && v <= 1
          : kind === 'positive'
            ? v > 0
            : v >= 0;
    // -0 is a valid zero, but Intl writes it "-0": normalise it here, once for every figure.
    if (ok) return v === 0 ? 0 : v;
    const rule: Record<NumberKind, MessageKey> = {
      whole: 'rule.whole',
      rate: 'rule.rate',
      positive: 'rule.positive',
      nonNegative: 'rule.nonNegative',
    };
    this.error(path, rule[kind]);
    return undefined;
  }

  boolean(v: unknown, path: string): boolean | undefined {
    if (v === undefined || typeof v === 'boolean') return v;
    this.error(path, 'rule.boolean');
    return undefined;
  }

  date(v: unknown, path: string, required = false): string | undefined {
    const text = this.string(v, path, required);
    if (text === undefined) return undefined;
    if (isValidDate(text)) return text;
    this.error(path, 'rule.date');
    return undefined;
  }

  /** A source; a link that is not http(s) is dropped with a warning and the source kept. */
  source(v: unknown, path: string): FeedSource | undefined {
    if (v === undefined) return undefined;
    const o = this.object(v, path);
    if (!o) return undefined;
    const name = this.string(own(o, 'name'), childPath(path, 'name'), true);
    const rawUrl = this.string(own(o, 'url'), childPath(path, 'url'));
    if (name === undefined) return undefined;
    const url = rawUrl === undefined ? undefined : safeHttpUrl(rawUrl);
    if (rawUrl !== undefined && url === undefined) this.warn(childPath(path, 'url'), 'rule.url');
    return url ? { name, url } : { name };
  }

  /**
   * Model counts: a missing one of the three is derived; their sum must not
   * exceed total. `asOf` is the counts' own date (their area's, else the
   * feed's), which every point of their `history` must come before.
   */
  modelCounts(v: unknown, path: string, asOf?: string): ModelProgress | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const errorsBefore = this.#errorCount();
    const tally = this.#tally(o, path);
    // Points without a total have their parent's (when it is a valid count, whatever else is wrong with the parent).
    const rawTotal = own(o, 'total');
    const total = Number.isSafeInteger(rawTotal) && (rawTotal as number) >= 0 ? (rawTotal as number) || 0 : null;
    const rawHistory = own(o, 'history');
    const history =
      rawHistory === undefined
        ? undefined
        : this.#history<ModelPoint>(rawHistory, childPath(path, 'history'), asOf, (p, at) => this.#tally(p, at, total));
    if (!tally || this.#errorCount() > errorsBefore) return undefined;
    return history ? { ...tally, history } : tally;
  }

  /**
   * The counts of a `models` block or of one point of its history. A point may
   * leave out `total`: then it is its parent's, `inherited` (null when the
   * parent's total is itself missing or wrong, an error already reported).
   * A `models` block (`inherited` undefined) may not.
   */
  #tally(o: Json, path: string, inherited?: number | null): ModelCounts | undefined {
    const ownTotal = own(o, 'total');
    const total =
      ownTotal === undefined && inherited !== undefined
        ? (inherited ?? undefined)
        : this.number(ownTotal, childPath(path, 'total'), 'whole', true);
    const parts = COUNT_KEYS.map((key) => this.number(own(o, key), childPath(path, key), 'whole'));
    if (total === undefined || parts.some((p, i) => p === undefined && own(o, COUNT_KEYS[i]) !== undefined)) {
      return undefined;
    }
    const known = parts.filter((p): p is number => p !== undefined);
    const sum = known.reduce((a, b) => a + b, 0);
    if (sum > total) {
      this.error(path, 'rule.modelsSum', { sum, total });
      return undefined;
    }
    if (known.length === 2) parts[parts.indexOf(undefined)] = total - sum;
    const [completed, inProgress, notStarted] = parts;
    return { total, completed, inProgress, notStarted };
  }

  /**
   * A `history` list: at most MAX_HISTORY_POINTS objects, each with a real
   * `asOf`, dates strictly increasing and all strictly before `before` (the
   * figure's own date, when there is one); `read` checks each point's figure
   * under its parent's rules.
   */
  #history<P extends { asOf: string }>(
    v: unknown,
    path: string,
    before: string | undefined,
    read: (o: Json, path: string) => Omit<P, 'asOf'> | undefined,
  ): P[] | undefined {
    const items = this.array(v, path);
    if (!items) return undefined;
    const errorsBefore = this.#errorCount();
    if (items.length > MAX_HISTORY_POINTS) {
      this.error(path, 'rule.historyLength', { count: items.length, max: MAX_HISTORY_POINTS });
    }
    const limit = before === undefined ? undefined : instantOf(before);
    let latest: { date: string; at: number } | undefined;
    const out: P[] = [];
    items.forEach((item, i) => {
      const at = childPath(path, i);
      const o = this.object(item, at);
      if (!o) return;
      const datePath = childPath(at, 'asOf');
      const asOf = this.date(own(o, 'asOf'), datePath, true);
      const figure = read(o, at);
      if (asOf === undefined) return;
      const when = instantOf(asOf);
      if (latest && when <= latest.at) this.error(datePath, 'rule.historyOrder', { date: latest.date });
      if (limit !== undefined && when >= limit) this.error(datePath, 'rule.historyBefore', { date: before! });
      latest = { date: asOf, at: when };
      if (figure) out.push({ asOf, ...figure } as P);
    });
    return this.#errorCount() > errorsBefore ? undefined : out;
  }

  /** One point of a metric's history: `value` or `rate`, optional `total` (value ≤ total) and `period`. */
  #metricPoint(o: Json, path: string): Omit<MetricPoint, 'asOf'> | undefined {
    const errorsBefore = this.#errorCount();
    const at = (key: string) => childPath(path, key);
    const value = this.number(own(o, 'value'), at('value'), 'nonNegative');
    const total = this.number(own(o, 'total'), at('total'), 'nonNegative');
    const rate = this.number(own(o, 'rate'), at('rate'), 'rate');
    const period = this.string(own(o, 'period'), at('period'));
    if (own(o, 'value') === undefined && own(o, 'rate') === undefined) this.error(path, 'rule.valueOrRate');
    if (value !== undefined && total !== undefined && value > total) {
      this.error(path, 'rule.valueOverTotal', { value, total });
    }
    return this.#errorCount() > errorsBefore ? undefined : { value, total, rate, period };
  }

  /**
   * One metric figure: value and/or total, or a reported rate; target is a
   * rate where there is one. `asOf` is the date it inherits (its area's, else
   * the feed's): its `history` comes before its own date, else before that one.
   */
  metricValue(v: unknown, path: string, asOf?: string): MetricValue | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const errorsBefore = this.#errorCount();
    const at = (key: string) => childPath(path, key);
    const value = this.number(own(o, 'value'), at('value'), 'nonNegative');
    const total = this.number(own(o, 'total'), at('total'), 'nonNegative');
    const rate = this.number(own(o, 'rate'), at('rate'), 'rate');
    // The previous figure is of the kind shown: the value where there is one, else the reported rate.
    const rateOnly = own(o, 'value') === undefined && own(o, 'rate') !== undefined;
    const previous = this.number(own(o, 'previous'), at('previous'), rateOnly ? 'rate' : 'nonNegative');
    const hasRate = own(o, 'total') !== undefined || own(o, 'rate') !== undefined;
    const target = this.number(own(o, 'target'), at('target'), hasRate ? 'rate' : 'nonNegative');
    const period = this.string(own(o, 'period'), at('period'));
    const ownAsOf = this.date(own(o, 'asOf'), at('asOf'));
    const source = this.source(own(o, 'source'), at('source'));
    if (own(o, 'value') === undefined && own(o, 'rate') === undefined) {
      this.error(path, 'rule.valueOrRate');
    }
    if (value !== undefined && total !== undefined && value > total) {
      this.error(path, 'rule.valueOverTotal', { value, total });
    }
    const rawHistory = own(o, 'history');
    const history =
      rawHistory === undefined
        ? undefined
        : this.#history<MetricPoint>(rawHistory, at('history'), ownDate(own(o, 'asOf'), asOf), (p, here) =>
            this.#metricPoint(p, here),
          );
    if (this.#errorCount() > errorsBefore) return undefined;
    const figure: MetricValue = { value, total, rate, previous, target, period, asOf: ownAsOf, source };
    return history ? { ...figure, history } : figure;
  }

  /** The fields of a province, a commune and the national block; `inherited` is the date of the level above. */
  #area(o: Json, path: string, inherited: string | undefined): Omit<NationalBlock, 'name'> {
    const at = (key: string) => childPath(path, key);
    const date = ownDate(own(o, 'asOf'), inherited);
    const rawModels = own(o, 'models');
    const models = rawModels === undefined ? undefined : this.modelCounts(rawModels, at('models'), date);
    const metrics: Record<string, MetricValue> = Object.create(null);
    const rawMetrics = own(o, 'metrics');
    if (rawMetrics !== undefined) {
      const m = this.object(rawMetrics, at('metrics'));
      for (const id of m ? Object.keys(m) : []) {
        const value = this.metricValue(m![id], childPath(at('metrics'), id), date);
        if (value) metrics[id] = value;
      }
    }
    return {
      models,
      metrics,
      asOf: this.date(own(o, 'asOf'), at('asOf')),
      source: this.source(own(o, 'source'), at('source')),
    };
  }

  /** The national block; `feedDate` is the feed's own `asOf`, when it is a real date. */
  national(v: unknown, path: string, feedDate?: string): NationalBlock | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    return { name: this.string(own(o, 'name'), childPath(path, 'name')), ...this.#area(o, path, feedDate) };
  }

  /** A province and its communes; `feedDate` is the feed's own `asOf`, when it is a real date. */
  province(v: unknown, path: string, feedDate?: string): Province | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const place = this.#place(o, path, feedDate);
    const rawCommunes = own(o, 'communes');
    if (rawCommunes === undefined) return place;
    const date = ownDate(own(o, 'asOf'), feedDate);
    const communes = this.list<Commune>(rawCommunes, childPath(path, 'communes'), (c, at) => {
      const commune = this.#place(c, at, date);
      if (commune.code !== undefined && !COMMUNE_CODE.test(commune.code)) this.error(childPath(at, 'code'), 'rule.communeCode');
      return commune;
    });
    return { ...place, communes };
  }

  /** What a province and a commune share: id, code, name, model status and the area's figures. */
  #place(o: Json, path: string, inherited: string | undefined): Commune {
    const at = (key: string) => childPath(path, key);
    const id = this.string(own(o, 'id'), at('id'), true);
    if (id !== undefined && !SLUG.test(id)) this.error(at('id'), 'rule.slug');
    const modelStatus: Record<string, ModelStatus> = Object.create(null);
    const rawStatus = own(o, 'modelStatus');
    if (rawStatus !== undefined) {
      const s = this.object(rawStatus, at('modelStatus'));
      for (const modelId of s ? Object.keys(s) : []) {
        const status = s![modelId];
        if (MODEL_STATUSES.includes(status as ModelStatus)) modelStatus[modelId] = status as ModelStatus;
        else this.error(childPath(at('modelStatus'), modelId), 'rule.modelStatus');
      }
    }
    const place = {
      id: id ?? '',
      code: this.string(own(o, 'code'), at('code')),
      name: this.string(own(o, 'name'), at('name'), true) ?? '',
      modelStatus,
      ...this.#area(o, path, inherited),
    };
    this.#statusAgainstCounts(modelStatus, place.models, at('modelStatus'));
    return place;
  }

  /**
   * Warns (never refuses) where `modelStatus` disagrees with the counts of
   * `models` or names a model the feed's catalogue does not list.
   */
  #statusAgainstCounts(status: Record<string, ModelStatus>, models: ModelCounts | undefined, path: string): void {
    const ids = Object.keys(status);
    if (models) {
      if (ids.length > models.total) this.warn(path, 'rule.statusOverTotal', { count: ids.length, total: models.total });
      for (const [name, key] of STATUS_COUNT) {
        const count = ids.filter((id) => status[id] === name).length;
        const known = models[key];
        if (known !== undefined && count > known) this.warn(path, 'rule.statusOverCount', { count, status: name, key, known });
      }
    }
    if (this.#modelIds) {
      for (const id of ids) if (!this.#modelIds.has(id)) this.warn(childPath(path, id), 'rule.statusUnknownModel', { id });
    }
  }

  /** Reads an array of objects with unique string ids, reporting each repeat with both paths. */
  list<T extends { id: string }>(v: unknown, path: string, read: (o: Json, path: string) => T | undefined): T[] {
    if (v === undefined) return [];
    const items = this.array(v, path) ?? [];
    const seen = new Map<string, string>();
    const out: T[] = [];
    items.forEach((item, i) => {
      const itemPath = childPath(path, i);
      const o = this.object(item, itemPath);
      const value = o && read(o, itemPath);
      if (!value) return;
      const first = seen.get(value.id);
      if (first !== undefined && value.id) {
        this.error(childPath(itemPath, 'id'), 'rule.duplicate', { id: value.id, other: first });
      }
      seen.set(value.id, itemPath);
      out.push(value);
    });
    return out;
  }

  feed(input: unknown): ValidationResult {
    const o = this.object(input, '');
    if (!o) return this.result();
    if (own(o, 'version') !== 1) this.error('version', 'rule.version');
    const models = this.list<ModelDefinition>(own(o, 'models'), 'models', (m, p) => {
      const id = this.string(own(m, 'id'), childPath(p, 'id'), true);
      const name = this.string(own(m, 'name'), childPath(p, 'name'), true);
      return id !== undefined && name !== undefined ? { id, name } : undefined;
    });
    const metrics = this.list<MetricDefinition>(own(o, 'metrics'), 'metrics', (m, p) => {
      const at = (key: string) => childPath(p, key);
      const id = this.string(own(m, 'id'), at('id'), true);
      const name = this.string(own(m, 'name'), at('name'), true);
      const unit = this.string(own(m, 'unit'), at('unit'));
      const max = this.number(own(m, 'max'), at('max'), 'positive');
      const higherIsBetter = this.boolean(own(m, 'higherIsBetter'), at('higherIsBetter')) ?? true;
      return id !== undefined && name !== undefined ? { id, name, unit, max, higherIsBetter } : undefined;
    });
    this.#modelIds = new Set(models.map((m) => m.id));
    const feedDate = ownDate(own(o, 'asOf'), undefined);
    const rawNational = own(o, 'national');
    const rawProvinces = own(o, 'provinces');
    if (rawNational === undefined && rawProvinces === undefined) this.error('', 'rule.needArea');
    const national = rawNational === undefined ? undefined : this.national(rawNational, 'national', feedDate);
    const provinces = this.list<Province>(rawProvinces, 'provinces', (p, path) => this.province(p, path, feedDate));
    const feed: Feed = {
      version: 1,
      title: this.string(own(o, 'title'), 'title'),
      asOf: this.date(own(o, 'asOf'), 'asOf'),
      nextUpdate: this.date(own(o, 'nextUpdate'), 'nextUpdate'),
      source: this.source(own(o, 'source'), 'source'),
      models,
      metrics,
      national,
      provinces,
    };
    return this.result(feed);
  }
}

/** The URL if it is an absolute http: or https: link, else undefined. */
export function safeHttpUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Validates parsed JSON as a version 1 feed. Never throws. */
export function validateFeed(input: unknown): ValidationResult {
  return new FeedChecker().feed(input);
}

/** Validates a feed's text: the 5 MB limit, an optional UTF-8 BOM, JSON syntax, then every rule. */
export function validateFeedText(text: string): ValidationResult {
  const checker = new FeedChecker();
  if (text.length > MAX_FEED_BYTES || new TextEncoder().encode(text).length > MAX_FEED_BYTES) {
    checker.error('', 'rule.tooBig');
    return checker.result();
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    checker.error('', 'rule.json', { detail: (e as Error).message });
    return checker.result();
  }
  return checker.feed(json);
}
