/**
 * The one feed loader. Every widget on a page whose `src` resolves to the same
 * URL shares one entry: one request, one answer, one refresh timer. A widget
 * subscribes and receives snapshots; when no widget wants an entry any more its
 * request is aborted and its timer stopped, but its last answer is kept for
 * widgets added later.
 */
import { MAX_FEED_BYTES, type Feed } from './types.js';
import { validateFeedText, warnRepairs, type FeedIssue } from './validation.js';
import { resolveLang } from '../i18n/lang.js';
import { readBodyLimited } from './read-body.js';

export type FeedErrorKind = 'network' | 'http' | 'json' | 'invalid' | 'too-big' | 'timeout';

/** Why a feed could not be used. `issues` lists the broken rules for `json`/`invalid`. */
export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    readonly issues: FeedIssue[] = [],
    readonly status?: number,
    readonly timeoutSeconds?: number,
  ) {
    super(`${kind}: ${url}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'FeedError';
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
  /** Seconds between re-fetches; absent or ≤ 0: none. */
  refresh?: number;
  /** Seconds to wait for an answer (default 10). */
  timeout?: number;
}

export type FeedListener = (snapshot: FeedSnapshot) => void;

const DEFAULT_TIMEOUT = 10;

interface Subscription extends FeedOptions {
  listener: FeedListener;
}

class FeedEntry {
  readonly subscriptions = new Set<Subscription>();
  snapshot?: FeedSnapshot;
  /** The last subscriber left in this task; the entry stops at the end of it unless one comes back. */
  stopping = false;
  private request?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private lastAttempt = 0;
  private readonly onVisibility = () => {
    if (!document.hidden) this.schedule();
  };

  constructor(readonly url: string) {}

  add(sub: Subscription): void {
    // A widget moved in the page leaves and comes back in one task: it keeps the request, timer and listener.
    const moved = this.stopping;
    this.stopping = false;
    const first = this.subscriptions.size === 0 && !moved;
    this.subscriptions.add(sub);
    if (first) document.addEventListener('visibilitychange', this.onVisibility);
    if (this.snapshot) this.notify(sub);
    // A new first subscriber retries an entry that never got a good answer.
    if (!this.request && (!this.snapshot || (first && !this.snapshot.feed))) void this.fetch();
    else this.schedule();
  }

  remove(sub: Subscription): void {
    this.subscriptions.delete(sub);
    if (this.subscriptions.size) return this.schedule();
    this.stopping = true;
    queueMicrotask(() => {
      if (this.stopping) this.stop();
    });
  }

  /** No widget wants this feed any more: abort its request, stop its timer, and retire it. */
  private stop(): void {
    this.stopping = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.abort();
    this.request = undefined;
    retire(this);
  }

  /** Seconds between refreshes: the shortest any subscriber asked for. */
  private get refresh(): number {
    let min = Infinity;
    for (const s of this.subscriptions) if (s.refresh && s.refresh > 0) min = Math.min(min, s.refresh);
    return min;
  }

  private get timeout(): number {
    let max = 0;
    for (const s of this.subscriptions) max = Math.max(max, s.timeout && s.timeout > 0 ? s.timeout : DEFAULT_TIMEOUT);
    return max || DEFAULT_TIMEOUT;
  }

  /** Sets the refresh timer; a hidden tab waits until it is shown again. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const every = this.refresh;
    if (!Number.isFinite(every) || this.request || document.hidden) return;
    const wait = Math.max(0, this.lastAttempt + every * 1000 - Date.now());
    this.timer = setTimeout(() => void this.fetch(), wait);
  }

  private async fetch(): Promise<void> {
    clearTimeout(this.timer);
    const controller = new AbortController();
    this.request = controller;
    this.lastAttempt = Date.now();
    const seconds = this.timeout;
    const deadline = setTimeout(() => controller.abort('timeout'), seconds * 1000);
    let next: FeedSnapshot;
    try {
      const result = validateFeedText(await download(this.url, controller.signal, Boolean(this.snapshot)));
      if (!result.feed) {
        const kind = result.errors[0]?.rule === 'rule.json' ? 'json' : result.errors[0]?.rule === 'rule.tooBig' ? 'too-big' : 'invalid';
        throw new FeedError(kind, this.url, result.errors);
      }
      warnRepairs(this.url, result.warnings, resolveLang(document.documentElement));
      next = { url: this.url, feed: result.feed, warnings: result.warnings, stale: false };
    } catch (e) {
      if (controller.signal.aborted && controller.signal.reason !== 'timeout') return; // nobody wants it
      const error =
        e instanceof FeedError
          ? e
          : controller.signal.aborted
            ? new FeedError('timeout', this.url, [], undefined, seconds)
            : new FeedError('network', this.url);
      const last = this.snapshot;
      next = { url: this.url, feed: last?.feed, warnings: last?.warnings ?? [], error, stale: Boolean(last?.feed) };
    } finally {
      clearTimeout(deadline);
    }
    if (this.request !== controller) return;
    this.request = undefined;
    this.snapshot = next;
    for (const sub of [...this.subscriptions]) this.notify(sub);
    this.schedule();
  }

  private notify(sub: Subscription): void {
    try {
      sub.listener(this.snapshot!);
    } catch (e) {
      console.error(e); // one widget's fault must not starve the others
    }
  }
}

/** Fetches the body as text, refusing more than 5 MB without reading it all. */
async function download(url: string, signal: AbortSignal, revalidate: boolean): Promise<string> {
  const response = await fetch(url, {
    signal,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    cache: revalidate ? 'no-cache' : 'default',
  });
  // A refused answer's body is not read, and not left downloading either: an error page can be large or endless.
  const refuse = (error: FeedError) => {
    response.body?.cancel().catch(() => undefined);
    return error;
  };
  if (!response.ok) throw refuse(new FeedError('http', url, [], response.status));
  if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) throw refuse(new FeedError('too-big', url));
  const bytes = await readBodyLimited(response.body!, MAX_FEED_BYTES);
  if (!bytes) throw new FeedError('too-big', url);
  // TextDecoder drops a leading BOM, which the spec allows.
  return new TextDecoder().decode(bytes);
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
 * snapshot at once when there is one, then every new one. Returns the
 * unsubscribe function.
 */
export function subscribeFeed(url: string, options: FeedOptions, listener: FeedListener): () => void {
  let entry = entries.get(url);
  if (!entry) {
    entry = new FeedEntry(url);
    entries.set(url, entry);
  }
  const sub: Subscription = { ...options, listener };
  entry.add(sub);
  const e = entry;
  return () => e.remove(sub);
}

/** For tests only: how many URLs the loader holds, and how many subscriptions they have in all. */
export function loaderStats(): { entries: number; subscriptions: number } {
  let subscriptions = 0;
  for (const entry of entries.values()) subscriptions += entry.subscriptions.size;
  return { entries: entries.size, subscriptions };
}
