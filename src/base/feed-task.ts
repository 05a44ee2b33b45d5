import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { subscribeFeed, type FeedOptions, type FeedSnapshot } from '../feed/loader.js';

/** What a feed-backed widget needs from its host element. */
interface FeedHost extends ReactiveControllerHost {
  /** The absolute http(s) feed URL, or undefined (inline mode, or a `src` that is not http(s)). */
  readonly feedUrl: string | undefined;
  readonly refresh?: number;
  readonly timeout?: number;
}

/**
 * A widget's feed, through a `Task` (@lit/task): the task asks the shared loader
 * for the URL's latest snapshot, and each later snapshot (a refresh) runs it again.
 * Around the task, three things it does not do itself:
 * - One request per URL for every widget on the page: the task never fetches; it
 *   subscribes to the one loader (src/feed/loader.ts), which fetches and refreshes.
 * - The last good figures stay when a refresh fails: the loader's snapshot keeps
 *   them (marked stale) and the task resolves with them rather than rejecting, since
 *   a Task drops its value on error.
 * - No subscription outlives the widget: it ends on disconnect (a widget moved in
 *   the page comes back in the same task and keeps its request).
 */
export class FeedTask implements ReactiveController {
  readonly task: Task<readonly [string | undefined, number | undefined, number | undefined], FeedSnapshot | undefined>;
  #unsubscribe?: () => void;
  #key?: string;
  #latest?: FeedSnapshot;
  #waiting?: (snapshot: FeedSnapshot) => void;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [host.feedUrl, host.refresh, host.timeout] as const,
      task: ([url, refresh, timeout]) => (url ? this.#snapshot(url, { refresh, timeout }) : undefined),
    });
  }

  /** The snapshot the widget shows: the task's value, or its error as a failed snapshot. */
  get current(): FeedSnapshot | undefined {
    const t = this.task;
    if (t.status === TaskStatus.ERROR) return t.error as FeedSnapshot;
    return t.value;
  }

  hostConnected(): void {
    // Back on the page: subscribe again (the task's arguments did not change, so it would not run by itself).
    if (this.#key === undefined && this.host.feedUrl) void this.task.run();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#key = this.#waiting = undefined;
  }

  /** The URL's snapshot: at once when the loader has one, else when it arrives. */
  #snapshot(url: string, options: FeedOptions): Promise<FeedSnapshot> {
    const key = `${url} ${options.refresh ?? ''} ${options.timeout ?? ''}`;
    if (key !== this.#key) {
      this.#unsubscribe?.();
      this.#key = key;
      this.#latest = undefined;
      this.#unsubscribe = subscribeFeed(url, options, (snapshot) => {
        this.#latest = snapshot;
        const waiting = this.#waiting;
        this.#waiting = undefined;
        // The first answer settles the running task; each later one (a refresh) runs it again.
        if (waiting) waiting(snapshot);
        else void this.task.run();
      });
    }
    const ready = this.#latest;
    // A feed that never arrived rejects; a failed refresh resolves with the last good one (stale).
    const settle = (s: FeedSnapshot) => (s.feed ? Promise.resolve(s) : Promise.reject(s));
    return ready ? settle(ready) : new Promise<FeedSnapshot>((resolve) => (this.#waiting = resolve)).then(settle);
  }
}
