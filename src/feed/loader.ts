/**
 * The one feed loader. Every widget on a page whose `src` resolves to the same
 * URL shares one entry: one request, one answer, one refresh timer. A widget
 * subscribes and receives snapshots; when no widget wants an entry any more its
 * request is aborted and its timer stopped, but its last answer is kept for
 * widgets added later.
 *
 * It also protects the feed servers (the contract's `refresh` and `timeout`
 * rows): `refresh` is brought within 30 s – 1 day and `timeout` within
 * 1–120 s; failures back off (doubling, up to ten times `refresh`, never before
 * a `Retry-After`); every refresh timer is spread ±10%; a refresh never comes
 * before the last answer's HTTP freshness (`Cache-Control: max-age`, `Age`,
 * `Expires`) ends, and goes through the browser's HTTP cache (so `ETag` and
 * `Last-Modified` revalidate there). An unchanged answer (HTTP 304, or the same
 * bytes as the last good one) notifies nobody. The rules are pure exported
 * functions (`feedTiming`, `refreshDelay`, `freshFor`, `parseRetryAfter`), so
 * the widget base can explain a clamp and scripts/bench/load.mjs can simulate
 * a nation of open pages with the very same rules.
 */
import { MAX_FEED_BYTES, type Feed } from './types.js';
import { validateFeedText, warnRepairs, type FeedIssue } from './validation.js';
import { resolveLang } from '../i18n/lang.js';
import { readBodyLimited } from './read-body.js';
import { nextTask } from './next-task.js';
import type { RuleKey } from '../i18n/rule-messages.js';

export type FeedErrorKind = 'network' | 'http' | 'json' | 'invalid' | 'too-big' | 'timeout';

/** What a failure may add to its kind: hints for the editor and for the next try. */
export interface FeedErrorHints {
  /**
   * A `network` failure of a feed on another origin, while the browser is
   * online: most likely the feed's server does not allow this page to read it
   * (no `Access-Control-Allow-Origin` for it). The browser hides the real cause.
   */
  cors?: boolean;
  /** Seconds the server asked to wait (`Retry-After`), when it said so. */
  retryAfter?: number;
}

/** Why a feed could not be used. `issues` lists the broken rules for `json`/`invalid`. */
export class FeedError extends Error {
  /** See {@link FeedErrorHints.cors}: the words for it are `error.cors`. */
  readonly cors: boolean;
  /** See {@link FeedErrorHints.retryAfter}. */
  readonly retryAfter?: number;

  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    readonly issues: FeedIssue[] = [],
    readonly status?: number,
    readonly timeoutSeconds?: number,
    hints: FeedErrorHints = {},
  ) {
    super(`${kind}: ${url}${status ? ` (HTTP ${status})` : ''}${hints.cors ? ' (probably refused by CORS)' : ''}`);
    this.name = 'FeedError';
    this.cors = Boolean(hints.cors);
    this.retryAfter = hints.retryAfter;
  }
}

/** What a subscriber sees of one feed URL. */
export interface FeedSnapshot {
  url: string;
  /** The last good feed; kept when a refresh fails. */
  feed?: Feed;
  /** Issues the validator repaired in that feed (e.g. a dropped link). */
  warnings: FeedIssue[];
  /** The failure of the latest attempt, if it failed. */
  error?: FeedError;
  /** True while there is a last good feed but the latest refresh failed. */
  stale: boolean;
}

export interface FeedOptions {
  /**
   * Seconds between re-fetches; absent (or not a number): none. Brought within
   * {@link REFRESH_MIN}–{@link REFRESH_MAX} (see {@link feedTiming}).
   */
  refresh?: number;
  /** Seconds to wait for an answer (default 10), brought within {@link TIMEOUT_MIN}–{@link TIMEOUT_MAX}. */
  timeout?: number;
}

export type FeedListener = (snapshot: FeedSnapshot) => void;

// ---------------------------------------------------------------------------
// The rules that protect the feed servers: pure functions, shared with the bench.
// ---------------------------------------------------------------------------

/** The shortest `refresh`, in seconds: no page asks a feed server more often. */
export const REFRESH_MIN = 30;
/** The longest `refresh`, in seconds (one day). */
export const REFRESH_MAX = 86_400;
/** The shortest `timeout`, in seconds. */
export const TIMEOUT_MIN = 1;
/** The longest `timeout`, in seconds. */
export const TIMEOUT_MAX = 120;
/** The `timeout` when none is given, in seconds. */
export const TIMEOUT_DEFAULT = 10;
/** After failures the wait doubles, up to this many times `refresh`. */
export const BACKOFF_LIMIT = 10;
/** Every refresh timer is spread by up to this share of its wait, either way. */
export const JITTER = 0.1;
/**
 * No timer of the loader waits longer than this, in seconds (ten days): well
 * below the 2^31 − 1 ms (24.86 days) past which browsers fire a timer at once.
 */
export const MAX_WAIT = BACKOFF_LIMIT * REFRESH_MAX;

/** One thing {@link feedTiming} changed, in words the rule messages (`timing.*`) give. */
export interface FeedTimingNote {
  attribute: 'refresh' | 'timeout';
  /** The message key, in src/i18n/rule-messages.ts. */
  key: Extract<RuleKey, `timing.${string}`>;
  /** The message's parameters: `given` as written, `used` (seconds) when one is used. */
  params: { given: string; used?: number };
}

/** `refresh` and `timeout` as the loader uses them, and what it had to change. */
export interface FeedTiming {
  /** Seconds between refreshes, or undefined for none. */
  refresh?: number;
  /** Seconds to wait for an answer. */
  timeout: number;
  /** Empty when both were used as given. */
  notes: FeedTimingNote[];
}

/** A number of seconds as written: absent (undefined), a number, or not a number (NaN). */
function seconds(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const text = value.trim();
  return text === '' ? undefined : Number(text);
}

/**
 * The contract's `refresh` and `timeout` rules: `refresh` (absent: none) is
 * brought within 30 s – 1 day, `timeout` (absent: 10 s) within 1–120 s; a
 * value that is not a number is ignored. Takes the attribute as written (a
 * string) or as a number, and says what it changed so that `debug` and the
 * console can say it (`notes`, in the `timing.*` rule messages).
 */
export function feedTiming(refresh?: number | string | null, timeout?: number | string | null): FeedTiming {
  const notes: FeedTimingNote[] = [];
  const given = (value: number | string) => (typeof value === 'string' ? value.trim() : String(value));
  let usedRefresh: number | undefined;
  const r = seconds(refresh);
  if (r !== undefined) {
    if (Number.isNaN(r)) notes.push({ attribute: 'refresh', key: 'timing.refreshNaN', params: { given: given(refresh!) } });
    else {
      usedRefresh = Math.min(REFRESH_MAX, Math.max(REFRESH_MIN, r));
      if (usedRefresh !== r) {
        const key = r < REFRESH_MIN ? 'timing.refreshMin' : 'timing.refreshMax';
        notes.push({ attribute: 'refresh', key, params: { given: given(refresh!), used: usedRefresh } });
      }
    }
  }
  let usedTimeout = TIMEOUT_DEFAULT;
  const t = seconds(timeout);
  if (t !== undefined) {
    if (Number.isNaN(t)) {
      notes.push({ attribute: 'timeout', key: 'timing.timeoutNaN', params: { given: given(timeout!), used: usedTimeout } });
    } else {
      usedTimeout = Math.min(TIMEOUT_MAX, Math.max(TIMEOUT_MIN, t));
      if (usedTimeout !== t) {
        const key = t < TIMEOUT_MIN ? 'timing.timeoutMin' : 'timing.timeoutMax';
        notes.push({ attribute: 'timeout', key, params: { given: given(timeout!), used: usedTimeout } });
      }
    }
  }
  return { refresh: usedRefresh, timeout: usedTimeout, notes };
}

/** How many times `refresh` to wait after `failures` failures in a row: 1, 2, 4, 8, then 10. */
export function backoffFactor(failures: number): number {
  return failures > 0 ? Math.min(2 ** Math.min(failures, 30), BACKOFF_LIMIT) : 1;
}

/** What decides the wait before the next refresh; every time in seconds after the last attempt began. */
export interface RefreshPlan {
  /** The feed's refresh (clamped again here). */
  refresh: number;
  /** Failures in a row so far (0 after a good or unchanged answer). */
  failures?: number;
  /** The server's `Retry-After`: no refresh before it. */
  retryAfter?: number;
  /** The end of the last answer's HTTP freshness: no refresh before it. */
  fresh?: number;
  /** A number in [0, 1) that spreads the timer (0.5: no spread); `Math.random()` in the loader. */
  random: number;
}

/**
 * Seconds from the start of the last attempt to the next one: `refresh`,
 * doubled after each failure up to ten times, spread ±10% by `random`; never
 * before the floor (30 s), a `Retry-After` or the end of HTTP freshness (when
 * one of those decides, the spread goes after it, up to +10%); never more than
 * {@link MAX_WAIT}.
 */
export function refreshDelay(plan: RefreshPlan): number {
  const refresh = Math.min(REFRESH_MAX, Math.max(REFRESH_MIN, plan.refresh || REFRESH_MIN));
  const random = Math.min(1, Math.max(0, plan.random));
  const wanted = refresh * backoffFactor(plan.failures ?? 0) * (1 + JITTER * (2 * random - 1));
  const hard = Math.max(REFRESH_MIN, finiteOr0(plan.retryAfter), finiteOr0(plan.fresh));
  const delay = wanted >= hard ? wanted : hard * (1 + JITTER * random);
  return Math.min(MAX_WAIT, delay);
}

const finiteOr0 = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);

/**
 * `Retry-After` in seconds from `now` (ms since 1970): a number of seconds or
 * an HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, (at - now) / 1000) : undefined;
}

/**
 * Seconds an answer stays fresh from `now` (ms since 1970), as the browser's
 * cache sees it: `Cache-Control: max-age` minus `Age`, else `Expires` minus
 * `Date` (or now); 0 with `no-cache`, `no-store`, or nothing said. (Cross-origin,
 * `Age` and `Date` are readable only when the server exposes them; without `Age`
 * the wait is the whole max-age, which only asks less.)
 */
export function freshFor(headers: Pick<Headers, 'get'>, now: number): number {
  const directives = new Map<string, string>();
  for (const part of (headers.get('cache-control') ?? '').toLowerCase().split(',')) {
    const [name, value = ''] = part.split('=').map((s) => s.trim());
    if (name && !directives.has(name)) directives.set(name, value.replace(/^"(.*)"$/, '$1'));
  }
  if (directives.has('no-store') || directives.has('no-cache')) return 0;
  const ageText = headers.get('age')?.trim() ?? '';
  const age = /^\d+$/.test(ageText) ? Number(ageText) : 0;
  const maxAge = directives.get('max-age');
  if (maxAge !== undefined) return /^\d+$/.test(maxAge) ? Math.max(0, Number(maxAge) - age) : 0;
  const expires = Date.parse(headers.get('expires') ?? '');
  if (!Number.isFinite(expires)) return 0;
  const date = Date.parse(headers.get('date') ?? '');
  return Math.max(0, (expires - (Number.isFinite(date) ? date : now)) / 1000 - age);
}

/** A fetch that failed before any answer, to another origin, while online: probably CORS. */
function likelyCors(url: string): boolean {
  try {
    const here = globalThis.location?.origin;
    return Boolean(here) && new URL(url).origin !== here && globalThis.navigator?.onLine !== false;
  } catch {
    return false;
  }
}

/** Same kind, status and reasons: a failure that tells a subscriber nothing new. */
function sameError(a: FeedError | undefined, b: FeedError): boolean {
  return (
    !!a &&
    a.kind === b.kind &&
    a.status === b.status &&
    a.cors === b.cors &&
    a.timeoutSeconds === b.timeoutSeconds &&
    JSON.stringify(a.issues) === JSON.stringify(b.issues)
  );
}

// ---------------------------------------------------------------------------

interface Subscription {
  listener: FeedListener;
  /** Clamped by feedTiming; undefined: none. */
  refresh?: number;
  timeout: number;
}

/** A timer's wait in ms, never past MAX_WAIT (so never past setTimeout's limit). */
const timerMs = (ms: number) => Math.min(MAX_WAIT * 1000, Math.max(0, ms));

class FeedEntry {
  readonly subscriptions = new Set<Subscription>();
  snapshot?: FeedSnapshot;
  /** The last subscriber left in this task; the entry stops at the end of it unless one comes back. */
  stopping = false;
  request?: AbortController;
  /** Answers being handed to the widgets, one task each. */
  delivering = 0;
  #timer?: ReturnType<typeof setTimeout>;
  /** When the last attempt began (ms). */
  #lastAttempt = 0;
  /** Failures in a row. */
  #failures = 0;
  /** No refresh before these (ms): the server's Retry-After, the end of the answer's HTTP freshness. */
  #retryUntil = 0;
  #freshUntil = 0;
  /** This cycle's draw for the ±10% spread. */
  #draw = 0.5;
  /** The body of the last good answer: the same bytes again are no news. */
  #lastText?: string;
  /** A widget came back to an entry that never had a good answer: try again when the rules allow. */
  #retry = false;
  /** Hidden: the timer stops; shown: it is set again (at once when the refresh is overdue). */
  readonly #onVisibility = () => this.#schedule();

  constructor(readonly url: string) {}

  add(sub: Subscription): void {
    // A widget moved in the page leaves and comes back in one task: it keeps the request, timer and listener.
    const moved = this.stopping;
    this.stopping = false;
    const first = this.subscriptions.size === 0 && !moved;
    this.subscriptions.add(sub);
    if (first) document.addEventListener('visibilitychange', this.#onVisibility);
    if (this.snapshot) this.#notify(sub);
    // A new first subscriber retries an entry that never got a good answer, but not sooner than the rules allow.
    if (first && this.snapshot && !this.snapshot.feed) this.#retry = true;
    if (!this.request && (!this.snapshot || (this.#retry && this.#retryDue() <= Date.now()))) void this.#fetch();
    else this.#schedule();
  }

  remove(sub: Subscription): void {
    this.subscriptions.delete(sub);
    if (this.subscriptions.size) return this.#schedule();
    this.stopping = true;
    queueMicrotask(() => {
      if (this.stopping) this.#stop();
    });
  }

  /** No widget wants this feed any more: abort its request, stop its timer, and retire it. */
  #stop(): void {
    this.stopping = false;
    this.#retry = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.request?.abort();
    this.request = undefined;
    retire(this);
  }

  /** Seconds between refreshes: the shortest any subscriber asked for (Infinity: none). */
  get #refresh(): number {
    let min = Infinity;
    for (const s of this.subscriptions) if (s.refresh !== undefined) min = Math.min(min, s.refresh);
    return min;
  }

  /** Seconds to wait for an answer: the longest any subscriber allows. */
  get #timeout(): number {
    let max = 0;
    for (const s of this.subscriptions) max = Math.max(max, s.timeout);
    return max || TIMEOUT_DEFAULT;
  }

  /** When a failed entry may be tried again for a returning widget: after the floor and any Retry-After. */
  #retryDue(): number {
    return Math.max(this.#lastAttempt + REFRESH_MIN * 1000, this.#retryUntil);
  }

  /** Sets the refresh timer; a hidden tab waits until it is shown again. */
  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.request || document.hidden || !this.subscriptions.size) return;
    let due = Infinity;
    const every = this.#refresh;
    if (Number.isFinite(every)) {
      const delay = refreshDelay({
        refresh: every,
        failures: this.#failures,
        retryAfter: (this.#retryUntil - this.#lastAttempt) / 1000,
        fresh: (this.#freshUntil - this.#lastAttempt) / 1000,
        random: this.#draw,
      });
      due = this.#lastAttempt + delay * 1000;
    }
    if (this.#retry) due = Math.min(due, this.#retryDue());
    if (!Number.isFinite(due)) return;
    this.#timer = setTimeout(() => void this.#fetch(), timerMs(due - Date.now()));
  }

  async #fetch(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#retry = false;
    const controller = new AbortController();
    this.request = controller;
    this.#lastAttempt = Date.now();
    const seconds = this.#timeout;
    const deadline = setTimeout(() => controller.abort('timeout'), timerMs(seconds * 1000));
    const last = this.snapshot;
    /** The snapshot to announce; undefined when the answer is no news. */
    let next: FeedSnapshot | undefined;
    try {
      const answer = await download(this.url, controller.signal);
      if (answer.text === undefined && !last?.feed) throw new FeedError('http', this.url, [], 304);
      this.#freshUntil = Date.now() + answer.fresh * 1000;
      this.#retryUntil = 0;
      if (answer.text === undefined || answer.text === this.#lastText) {
        // Unchanged (304, or the same bytes): the same snapshot, unless it was marked stale.
        if (last?.error) next = { url: this.url, feed: last.feed, warnings: last.warnings, stale: false };
      } else {
        const result = validateFeedText(answer.text);
        if (!result.feed) {
          const kind = result.errors[0]?.rule === 'rule.json' ? 'json' : result.errors[0]?.rule === 'rule.tooBig' ? 'too-big' : 'invalid';
          throw new FeedError(kind, this.url, result.errors);
        }
        warnRepairs(this.url, result.warnings, resolveLang(document.documentElement));
        this.#lastText = answer.text;
        next = { url: this.url, feed: result.feed, warnings: result.warnings, stale: false };
      }
      this.#failures = 0;
    } catch (e) {
      if (controller.signal.aborted && controller.signal.reason !== 'timeout') return; // nobody wants it
      const error =
        e instanceof FeedError
          ? e
          : controller.signal.aborted
            ? new FeedError('timeout', this.url, [], undefined, seconds)
            : new FeedError('network', this.url);
      this.#failures++;
      this.#freshUntil = 0;
      this.#retryUntil = error.retryAfter ? Date.now() + Math.min(error.retryAfter, MAX_WAIT) * 1000 : 0;
      // The same failure again tells nobody anything new.
      if (!sameError(last?.error, error)) {
        next = { url: this.url, feed: last?.feed, warnings: last?.warnings ?? [], error, stale: Boolean(last?.feed) };
      }
    } finally {
      clearTimeout(deadline);
    }
    if (this.request !== controller) return;
    this.request = undefined;
    this.#draw = Math.random();
    this.#schedule();
    if (!next) return;
    this.snapshot = next;
    // Each widget draws the answer in a task of its own, after the one that read and checked it:
    // twelve widgets on one feed are twelve short tasks the page can answer input between, not one
    // long one (issue 19). A widget that joins meanwhile gets the answer at once; a newer answer takes over.
    this.delivering++;
    try {
      for (const sub of [...this.subscriptions]) {
        await nextTask();
        if (this.snapshot !== next) return;
        if (this.subscriptions.has(sub)) this.#notify(sub);
      }
    } finally {
      this.delivering--;
    }
  }

  #notify(sub: Subscription): void {
    try {
      sub.listener(this.snapshot!);
    } catch (e) {
      console.error(e); // one widget's fault must not starve the others
    }
  }
}

/** A feed's answer: its text (undefined for HTTP 304, nothing new) and how long it stays fresh (s). */
interface Answer {
  text?: string;
  fresh: number;
}

/**
 * Fetches the body as text, refusing more than 5 MB without reading it all.
 * Goes through the browser's HTTP cache (`cache: 'default'`): a fresh copy is
 * used as it is, a stale one revalidated with its `ETag`/`Last-Modified`.
 */
async function download(url: string, signal: AbortSignal): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      cache: 'default',
    });
  } catch (e) {
    if (signal.aborted) throw e;
    // The browser hides why (DNS, refused, CORS…); for another origin, CORS is the likely cause.
    throw new FeedError('network', url, [], undefined, undefined, { cors: likelyCors(url) });
  }
  // A refused answer's body is not read, and not left downloading either: an error page can be large or endless.
  const refuse = (error: FeedError) => {
    response.body?.cancel().catch(() => undefined);
    return error;
  };
  const fresh = freshFor(response.headers, Date.now());
  if (response.status === 304) {
    refuse(new FeedError('http', url, [], 304));
    return { fresh };
  }
  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    throw refuse(new FeedError('http', url, [], response.status, undefined, { retryAfter }));
  }
  if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) throw refuse(new FeedError('too-big', url));
  const bytes = await readBodyLimited(response.body!, MAX_FEED_BYTES);
  if (!bytes) throw new FeedError('too-big', url);
  // TextDecoder drops a leading BOM, which the spec allows.
  return { text: new TextDecoder().decode(bytes), fresh };
}

const entries = new Map<string, FeedEntry>();

/** How many feeds no widget wants are kept for widgets added later (the most recently used). */
const MAX_IDLE_ENTRIES = 16;

/**
 * Keeps an entry no widget wants for later widgets, but only if it has an
 * answer to give, and only the most recent few: a page that changes `src` a
 * thousand times does not hold a thousand feeds.
 */
function retire(entry: FeedEntry): void {
  if (entries.get(entry.url) !== entry) return; // already evicted as one of the oldest idle feeds
  entries.delete(entry.url);
  if (!entry.snapshot) return;
  entries.set(entry.url, entry); // the most recently used last
  let idle = 0;
  for (const e of [...entries.values()].reverse()) {
    if (!e.subscriptions.size && !e.stopping && ++idle > MAX_IDLE_ENTRIES) entries.delete(e.url);
  }
}

/**
 * Subscribes to the feed at `url` (absolute). The listener gets the current
 * snapshot at once when there is one, then every new one (an unchanged answer
 * is not a new one). `refresh` and `timeout` are brought within their bounds
 * (see {@link feedTiming}; call it to say what was changed). Returns the
 * unsubscribe function.
 */
export function subscribeFeed(url: string, options: FeedOptions, listener: FeedListener): () => void {
  let entry = entries.get(url);
  if (!entry) {
    entry = new FeedEntry(url);
    entries.set(url, entry);
  }
  const { refresh, timeout } = feedTiming(options.refresh, options.timeout);
  const sub: Subscription = { refresh, timeout, listener };
  entry.add(sub);
  const e = entry;
  return () => e.remove(sub);
}

/**
 * For tests only: how many URLs the loader holds, how many subscriptions they
 * have in all, and how many requests are under way (from the fetch until every
 * widget has the snapshot, validation included).
 */
export function loaderStats(): { entries: number; subscriptions: number; requests: number } {
  let subscriptions = 0;
  let requests = 0;
  for (const entry of entries.values()) {
    subscriptions += entry.subscriptions.size;
    if (entry.request || entry.delivering) requests++;
  }
  return { entries: entries.size, subscriptions, requests };
}
