import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus } from '@lit/task';
import type { TiendoErrorDetail } from './events.js';
import { FeedTask } from './feed-task.js';
import type { Feed, FeedSource } from '../feed/types.js';
import type { FeedSnapshot } from '../feed/loader.js';
import { chooseArea, type ChosenArea, type Provenance } from '../feed/figures.js';
import { FeedChecker, safeHttpUrl, validateFeedText, warnRepairs, type FeedIssue, type ValidationResult } from '../feed/validation.js';
import { todayIso } from '../i18n/format.js';
import { resolveLang } from '../i18n/lang.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

/** What every view model carries for the footer and the sentence. */
export interface ViewBase extends Provenance {
  /** The area's (or the inline label's) name; '' for an unnamed national block or no label. */
  name: string;
}

/** Why a widget shows no figures: a message key, its parameters and, for a feed, the broken rules. */
export interface WidgetProblem {
  key: MessageKey;
  params?: MessageParams;
  issues?: FeedIssue[];
  kind: TiendoErrorDetail['kind'];
  url?: string;
}

/** What a widget shows, decided from its figures (before any words). */
export type Outcome<V> =
  | { state: 'loading' }
  | { state: 'ready'; view: V; stale: boolean; overdue?: string; next?: string; url?: string }
  | ({ state: 'empty'; stale: boolean; overdue?: string; next?: string } & Provenance)
  | { state: 'error'; problem: WidgetProblem };

export const LOADING: Outcome<never> = { state: 'loading' };

/** The widget's side of the figures: its attributes and how it reads a feed or its own attributes. */
export interface FiguresHost<V extends ViewBase> extends HTMLElement, ReactiveControllerHost {
  readonly feedUrl: string | undefined;
  readonly src?: string;
  readonly refresh?: number;
  readonly timeout?: number;
  readonly province?: string;
  readonly commune?: string;
  readonly source?: string;
  readonly sourceUrl?: string;
  readonly asOf?: string;
  /** False for widgets that compare areas: they get the whole feed and no area. */
  readonly usesArea: boolean;
  /** A feed given on a server (tiendo snippet --prerender): the figures, without a request. */
  readonly serverFeed?: Feed;
  /** The view of a valid feed; undefined when the feed has nothing for this widget (the empty state). */
  fromFeed(feed: Feed, chosen?: ChosenArea): V | WidgetProblem | undefined;
  /** The view of the element's own attributes; undefined when none is given. */
  fromAttributes(checker: FeedChecker): V | undefined;
}

const FEED_ERROR_KEYS = {
  network: 'error.network',
  http: 'error.http',
  json: 'error.json',
  invalid: 'error.invalid',
  'too-big': 'error.tooBig',
  timeout: 'error.timeout',
} as const;

/** `{ name, url }` when there is a name; the URL only when it is http(s), so it can never become a link otherwise. */
function sourceOf(name: string | undefined, url?: string): FeedSource | undefined {
  return name?.trim() ? { name: name.trim(), ...(url ? { url: safeHttpUrl(url) } : {}) } : undefined;
}

/**
 * Where a widget's figures come from, to the outcome it shows: a feed (through
 * {@link FeedTask}), a feed written inside the tag, or the tag's own attributes,
 * always validated, then the chosen area (province, commune or national block).
 */
export class FiguresController<V extends ViewBase> implements ReactiveController {
  readonly feed: FeedTask;
  #inline?: { text: string; result: ValidationResult };
  #seen?: unknown;

  constructor(private readonly host: FiguresHost<V>) {
    host.addController(this);
    this.feed = new FeedTask(host);
  }

  hostConnected(): void {}

  /** Whether the feed's answer changed since the last {@link outcome}. */
  get changed(): boolean {
    const t = this.feed.task;
    return this.#seen !== (t.status === TaskStatus.ERROR ? t.error : t.value);
  }

  outcome(): Outcome<V> {
    const host = this.host;
    const t = this.feed.task;
    this.#seen = t.status === TaskStatus.ERROR ? t.error : t.value;
    if (host.serverFeed) return this.#fromValidFeed(host.serverFeed, false);
    if (host.src) {
      const url = host.feedUrl;
      if (!url) return { state: 'error', problem: { key: 'error.url', params: { url: host.src }, kind: 'network' } };
      const snap = this.feed.current;
      if (!snap || snap.url !== url) return LOADING;
      if (snap.feed) return this.#fromValidFeed(snap.feed, snap.stale, url);
      return { state: 'error', problem: feedProblem(snap, url) };
    }
    const script = host.querySelector(':scope > script[type="application/json"]');
    if (script) {
      // Validated once per text, not again on every attribute change (and warned about once).
      const text = script.textContent ?? '';
      if (this.#inline?.text !== text) {
        this.#inline = { text, result: validateFeedText(text) };
        warnRepairs(`<${host.localName}>`, this.#inline.result.warnings, resolveLang(host));
      }
      const { result } = this.#inline;
      if (result.feed) return this.#fromValidFeed(result.feed, false);
      return { state: 'error', problem: { key: 'error.inlineJson', issues: result.errors, kind: 'invalid' } };
    }
    const checker = new FeedChecker();
    const view = host.fromAttributes(checker);
    const asOf = checker.date(host.asOf, 'as-of');
    if (checker.errors.length) {
      return { state: 'error', problem: { key: 'error.attributes', issues: checker.errors, kind: 'attributes' } };
    }
    if (!view) return { state: 'error', problem: { key: 'error.noData', kind: 'attributes' } };
    return { state: 'ready', view: { ...view, source: sourceOf(host.source, host.sourceUrl), asOf }, stale: false };
  }

  #fromValidFeed(feed: Feed, stale: boolean, url?: string): Outcome<V> {
    const host = this.host;
    const overdue = feed.nextUpdate && isPast(feed.nextUpdate) ? feed.nextUpdate : undefined;
    let chosen: ChosenArea | undefined;
    if (host.usesArea) {
      const choice = chooseArea(feed, host.province, host.commune);
      if (typeof choice === 'string') return { state: 'error', problem: selectionProblem(choice, host, feed) };
      chosen = choice;
    }
    const result = host.fromFeed(feed, chosen);
    const next = feed.nextUpdate;
    if (!result) {
      return { state: 'empty', stale, overdue, next, source: chosen?.source ?? feed.source, asOf: chosen?.asOf ?? feed.asOf };
    }
    if ('key' in result) return { state: 'error', problem: result };
    return { state: 'ready', view: result, stale, overdue, next, url };
  }
}

/**
 * Whether a `nextUpdate` has passed: a date-time to the minute in its own zone (no zone: the
 * reader's), a date once that whole day is over in the reader's calendar.
 */
export function isPast(iso: string, now = Date.now()): boolean {
  if (iso.length > 10) return Date.parse(iso) <= now;
  return iso < todayIso(new Date(now));
}

/** Milliseconds until a `nextUpdate` passes (for a timer that turns a widget overdue on an open page). */
export function untilPast(iso: string, now = Date.now()): number {
  if (iso.length > 10) return Date.parse(iso) - now;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d + 1).getTime() - now;
}

function feedProblem(snap: FeedSnapshot, url: string): WidgetProblem {
  const e = snap.error!;
  const params = { url, status: e.status ?? '', seconds: e.timeoutSeconds ?? '' };
  // A feed on another origin that fails before any answer was most likely refused by CORS.
  const key = e.cors ? 'error.cors' : FEED_ERROR_KEYS[e.kind];
  return { key, params, issues: e.issues, kind: e.kind, url };
}

/** A comparison key: no diacritics, no case, đ as d, runs of anything else as one hyphen. */
const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The province id an editor most likely meant: "Nghệ An" → nghe-an. */
export function nearestId(feed: Feed, wanted: string): string | undefined {
  const key = fold(wanted);
  return feed.provinces.find((p) => p.id === key || fold(p.name) === key || fold(p.name).endsWith(`-${key}`))?.id;
}

function selectionProblem(why: 'unknown' | 'unknown-commune' | 'ambiguous', host: FiguresHost<ViewBase>, feed: Feed): WidgetProblem {
  if (why === 'ambiguous') return { key: 'error.needProvince', kind: 'selection' };
  if (why === 'unknown-commune') return { key: 'error.commune', params: { id: host.commune?.trim() ?? '' }, kind: 'selection' };
  const id = host.province?.trim() ?? '';
  const near = nearestId(feed, id);
  return near ? { key: 'error.provinceNear', params: { id, near }, kind: 'selection' } : { key: 'error.province', params: { id }, kind: 'selection' };
}
