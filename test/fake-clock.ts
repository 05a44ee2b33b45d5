/**
 * A small fake clock for the loader's timers: replaces a window's `setTimeout`,
 * `clearTimeout` and `Date.now` (nothing else: fetches, animation frames and
 * Lit's microtasks stay real), and runs timers only when a test moves time on.
 * Like browsers, a wait beyond 2^31 − 1 ms wraps and fires at once, so a
 * timer that overflows shows up as a loop here too.
 *
 * The page's own waits (helpers' `until`) use `setTimeout`, so while a clock
 * is installed use `realUntil` / `realWait` from here instead. Pass another
 * window (an iframe's) to drive a built library loaded there.
 */

const realSetTimeout = window.setTimeout.bind(window);
const realNow = Date.now.bind(Date);

/** Waits `ms` of real time, whatever clock is installed. */
export function realWait(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** Resolves when `check` is true, polling in real time; rejects with `what` after `ms`. */
export async function realUntil(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await realWait(10);
  }
}

interface Timer {
  id: number;
  due: number;
  /** The wait it was set with, after the browser's int32 conversion. */
  delay: number;
  fn: () => void;
}

export interface FakeClock {
  /** The fake time (ms since 1970). */
  now(): number;
  /** Timers not yet fired, soonest first. */
  pending(): { due: number; delay: number }[];
  /**
   * Moves time on by `ms`, firing each timer that falls due on the way at its
   * own time, one by one; after each, awaits `settle` (in real time: e.g. the
   * request it started has been answered) before moving on.
   */
  advance(ms: number, settle?: () => Promise<void>): Promise<void>;
  /** Moves time to the next timer and fires it (then settles); returns how far time moved (ms). */
  next(settle?: () => Promise<void>): Promise<number>;
  uninstall(): void;
}

/** How a browser turns a timer's wait into a number: WebIDL `long` (int32, wrapping), negatives as 0. */
function browserDelay(ms: unknown): number {
  const n = Number(ms) || 0;
  const wrapped = Math.trunc(n) | 0;
  return wrapped < 0 ? 0 : wrapped;
}

/** Installs a fake clock on `win`, starting at the real time now. */
export function installFakeClock(win: Window = window, defaultSettle: () => Promise<void> = () => Promise.resolve()): FakeClock {
  const w = win as Window & typeof globalThis;
  const original = { setTimeout: w.setTimeout, clearTimeout: w.clearTimeout, now: w.Date.now };
  let now = realNow();
  let seq = 1_000_000;
  const timers = new Map<number, Timer>();

  w.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = seq++;
    const delay = browserDelay(ms);
    const call = typeof fn === 'function' ? () => (fn as (...a: unknown[]) => void)(...args) : () => undefined;
    timers.set(id, { id, due: now + delay, delay, fn: call });
    return id;
  }) as typeof w.setTimeout;
  w.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
  }) as typeof w.clearTimeout;
  w.Date.now = () => now;

  const soonest = () => [...timers.values()].sort((a, b) => a.due - b.due || a.id - b.id)[0];

  const fire = async (t: Timer, settle: () => Promise<void>) => {
    timers.delete(t.id);
    now = Math.max(now, t.due);
    t.fn();
    await settle();
  };

  return {
    now: () => now,
    pending: () => [...timers.values()].sort((a, b) => a.due - b.due).map(({ due, delay }) => ({ due, delay })),
    async advance(ms, settle = defaultSettle) {
      const target = now + ms;
      for (let fired = 0; ; fired++) {
        if (fired > 10_000) throw new Error('more than 10,000 timers fired in one advance: a timer loop');
        const t = soonest();
        if (!t || t.due > target) break;
        await fire(t, settle);
      }
      now = target;
    },
    async next(settle = defaultSettle) {
      const t = soonest();
      if (!t) throw new Error('no timer pending');
      const from = now;
      await fire(t, settle);
      return now - from;
    },
    uninstall() {
      w.setTimeout = original.setTimeout;
      w.clearTimeout = original.clearTimeout;
      w.Date.now = original.now;
      timers.clear();
    },
  };
}
