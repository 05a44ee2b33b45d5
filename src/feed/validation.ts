/**
 * The one validator for feed version 1 (SPEC.md, "Feed format").
 *
 * It reads untrusted JSON and either returns a fresh, normalised {@link Feed}
 * or a list of issues, each naming the JSON path and the rule it broke. A feed
 * with any error is rejected whole: nothing half-checked ever reaches a widget.
 * Output objects are built key by key (unknown keys dropped) and id-keyed maps
 * have no prototype, so `__proto__` or `constructor` in a feed is plain data.
 */
import {
  MAX_FEED_BYTES,
  MODEL_STATUSES,
  type Feed,
  type FeedSource,
  type MetricDefinition,
  type MetricValue,
  type ModelCounts,
  type ModelDefinition,
  type ModelStatus,
  type NationalBlock,
  type Province,
} from './types.js';
import { loadMessages, msg, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';

/** One broken rule (or, as a warning, one repaired one) at a JSON path. */
export interface FeedIssue {
  /** JSON path, written as in SPEC.md: `provinces[2].models.completed`; empty for the whole feed. */
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

type NumberKind = 'whole' | 'nonNegative' | 'positive' | 'rate';

/**
 * Collects issues while it reads; every `read*` method returns the clean value
 * or undefined, so callers can go on and report every problem in one pass.
 */
export class FeedChecker {
  readonly errors: FeedIssue[] = [];
  readonly warnings: FeedIssue[] = [];
  private dropped = 0;

  error(path: string, rule: MessageKey, params?: MessageParams): void {
    if (this.errors.length < MAX_REPORTED) this.errors.push({ path, rule, params });
    else this.dropped++;
  }

  /** The issues, with a closing "and N more" when too many were found to list. */
  result(feed?: Feed): ValidationResult {
    const errors = [...this.errors];
    if (this.dropped) errors.push({ path: '', rule: 'rule.more', params: { count: this.dropped } });
    return errors.length ? { errors, warnings: this.warnings } : { feed, errors, warnings: this.warnings };
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
    if (rawUrl !== undefined && url === undefined) {
      this.warnings.push({ path: childPath(path, 'url'), rule: 'rule.url' });
    }
    return url ? { name, url } : { name };
  }

  /** Model counts: a missing one of the three is derived; their sum must not exceed total. */
  modelCounts(v: unknown, path: string): ModelCounts | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const total = this.number(own(o, 'total'), childPath(path, 'total'), 'whole', true);
    const parts = (['completed', 'inProgress', 'notStarted'] as const).map((key) =>
      this.number(own(o, key), childPath(path, key), 'whole'),
    );
    if (total === undefined || parts.some((p, i) => p === undefined && own(o, keyAt(i)) !== undefined)) {
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

  /** One metric figure: value and/or total, or a reported rate; target is a rate where there is one. */
  metricValue(v: unknown, path: string): MetricValue | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const errorsBefore = this.errors.length + this.dropped;
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
    const asOf = this.date(own(o, 'asOf'), at('asOf'));
    const source = this.source(own(o, 'source'), at('source'));
    if (own(o, 'value') === undefined && own(o, 'rate') === undefined) {
      this.error(path, 'rule.valueOrRate');
    }
    if (value !== undefined && total !== undefined && value > total) {
      this.error(path, 'rule.valueOverTotal', { value, total });
    }
    if (this.errors.length + this.dropped > errorsBefore) return undefined;
    return { value, total, rate, previous, target, period, asOf, source };
  }

  private area(o: Json, path: string): Omit<NationalBlock, 'name'> {
    const at = (key: string) => childPath(path, key);
    const rawModels = own(o, 'models');
    const models = rawModels === undefined ? undefined : this.modelCounts(rawModels, at('models'));
    const metrics: Record<string, MetricValue> = Object.create(null);
    const rawMetrics = own(o, 'metrics');
    if (rawMetrics !== undefined) {
      const m = this.object(rawMetrics, at('metrics'));
      for (const id of m ? Object.keys(m) : []) {
        const value = this.metricValue(m![id], childPath(at('metrics'), id));
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

  national(v: unknown, path: string): NationalBlock | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    return { name: this.string(own(o, 'name'), childPath(path, 'name')), ...this.area(o, path) };
  }

  province(v: unknown, path: string): Province | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
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
    return {
      id: id ?? '',
      code: this.string(own(o, 'code'), at('code')),
      name: this.string(own(o, 'name'), at('name'), true) ?? '',
      modelStatus,
      ...this.area(o, path),
    };
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
    const rawNational = own(o, 'national');
    const rawProvinces = own(o, 'provinces');
    if (rawNational === undefined && rawProvinces === undefined) this.error('', 'rule.needArea');
    const national = rawNational === undefined ? undefined : this.national(rawNational, 'national');
    const provinces = this.list<Province>(rawProvinces, 'provinces', (p, path) => this.province(p, path));
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

function keyAt(i: number): string {
  return ['completed', 'inProgress', 'notStarted'][i];
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
