/**
 * Counts what a page has left running: timers and animation frames not yet
 * fired or cleared, event listeners still attached to something alive (the
 * window, the document, a connected node, a media query…), observers still
 * observing, and fetches not yet settled. `install()` wraps the globals; only
 * what is created after it is counted; `uninstall()` restores them.
 */

interface Record_ {
  what: string;
  stack: string;
}

interface ListenerRecord extends Record_ {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
  /** What was really attached (a wrapper for `once`). */
  attached: EventListenerOrEventListenerObject;
}

const stack = () => (new Error().stack ?? '').split('\n').slice(3, 9).join('\n');

export interface Instrument {
  /** Everything still live that was created since install, one line each (with where it was made). */
  live(): string[];
  /** How many `fetch` calls were made since install. */
  fetches(): number;
  uninstall(): void;
}

export function install(): Instrument {
  const w = window;
  const timers = new Map<number, Record_>();
  const intervals = new Map<number, Record_>();
  const frames = new Map<number, Record_>();
  const listeners = new Set<ListenerRecord>();
  const observers = new Map<object, Record_>();
  const inFlight = new Set<Record_>();
  let fetchCount = 0;

  const original = {
    setTimeout: w.setTimeout as (handler: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => number,
    clearTimeout: w.clearTimeout,
    setInterval: w.setInterval,
    clearInterval: w.clearInterval,
    requestAnimationFrame: w.requestAnimationFrame,
    cancelAnimationFrame: w.cancelAnimationFrame,
    fetch: w.fetch,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    observe: [MutationObserver, ResizeObserver, IntersectionObserver].map((C) => [C, C.prototype.observe, C.prototype.disconnect] as const),
  };

  // Loosely typed: the DOM's and Node's timer signatures both reach these files.
  const timerApi = w as any;
  timerApi.setTimeout = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const id: number = original.setTimeout.call(
      w,
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof fn === 'function') fn(...a);
      },
      ms,
      ...args,
    ) as unknown as number;
    timers.set(id, { what: `setTimeout(${ms ?? 0})`, stack: stack() });
    return id;
  };
  timerApi.clearTimeout = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearTimeout.call(w, id);
  };
  timerApi.setInterval = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const id = (original.setInterval as any).call(w, fn, ms, ...args) as number;
    intervals.set(id, { what: `setInterval(${ms ?? 0})`, stack: stack() });
    return id;
  };
  timerApi.clearInterval = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    original.clearInterval.call(w, id);
  };
  w.requestAnimationFrame = (fn: FrameRequestCallback) => {
    const id = original.requestAnimationFrame.call(w, (t) => {
      frames.delete(id);
      fn(t);
    });
    frames.set(id, { what: 'requestAnimationFrame', stack: stack() });
    return id;
  };
  w.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    original.cancelAnimationFrame.call(w, id);
  };
  w.fetch = (...args: Parameters<typeof fetch>) => {
    fetchCount++;
    const record = { what: `fetch ${String(args[0] instanceof Request ? args[0].url : args[0])}`, stack: stack() };
    inFlight.add(record);
    const done = () => inFlight.delete(record);
    const p = original.fetch.apply(w, args);
    p.then(done, done);
    return p;
  };

  const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);
  const find = (target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, capture: boolean) => {
    for (const r of listeners) if (r.target === target && r.type === type && r.listener === listener && r.capture === capture) return r;
    return undefined;
  };

  EventTarget.prototype.addEventListener = function (
    this: EventTarget | undefined,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    // Called unbound (`const { addEventListener } = window`), the method acts on the window, as the DOM's does.
    const target = this ?? window;
    if (!listener) return original.add.call(target, type, listener, options);
    const capture = captureOf(options);
    if (find(target, type, listener, capture)) return; // the DOM ignores a repeat too
    const record: ListenerRecord = { what: `listener "${type}" on ${describe(target)}`, stack: stack(), target, type, listener, capture, attached: listener };
    if (typeof options === 'object' && options.once) {
      record.attached = function (this: unknown, event: Event) {
        listeners.delete(record);
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      };
    }
    listeners.add(record);
    if (typeof options === 'object' && options.signal) {
      if (options.signal.aborted) listeners.delete(record);
      else original.add.call(options.signal, 'abort', () => listeners.delete(record), { once: true });
    }
    return original.add.call(target, type, record.attached, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget | undefined,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    const target = this ?? window;
    const record = listener && find(target, type, listener, captureOf(options));
    if (record) listeners.delete(record);
    return original.remove.call(target, type, record ? record.attached : listener, options);
  };

  for (const [C, observe, disconnect] of original.observe) {
    (C.prototype as { observe: (...a: unknown[]) => void }).observe = function (this: object, ...a: unknown[]) {
      if (!observers.has(this)) observers.set(this, { what: `${C.name}.observe`, stack: stack() });
      return (observe as (...a: unknown[]) => void).apply(this, a);
    };
    C.prototype.disconnect = function (this: object) {
      observers.delete(this);
      return disconnect.call(this as never);
    };
  }

  /** A listener counts while its target lives on: anything but a node that left the document. */
  const alive = (t: EventTarget) => !(t instanceof Node) || t instanceof Document || t.isConnected;

  return {
    live() {
      const lines = (m: Iterable<Record_>) => [...m].map((r) => `${r.what}\n${r.stack}`);
      return [
        ...lines(timers.values()),
        ...lines(intervals.values()),
        ...lines(frames.values()),
        ...lines([...listeners].filter((r) => alive(r.target))),
        ...lines(observers.values()),
        ...lines(inFlight),
      ];
    },
    fetches: () => fetchCount,
    uninstall() {
      Object.assign(w, {
        setTimeout: original.setTimeout,
        clearTimeout: original.clearTimeout,
        setInterval: original.setInterval,
        clearInterval: original.clearInterval,
        requestAnimationFrame: original.requestAnimationFrame,
        cancelAnimationFrame: original.cancelAnimationFrame,
        fetch: original.fetch,
      });
      // A `once` listener attached while installed and removed after this keeps its wrapper: test code only.
      EventTarget.prototype.addEventListener = original.add;
      EventTarget.prototype.removeEventListener = original.remove;
      for (const [C, observe, disconnect] of original.observe) {
        C.prototype.observe = observe as never;
        C.prototype.disconnect = disconnect as never;
      }
    },
  };
}

function describe(t: EventTarget): string {
  if (t === window) return 'window';
  if (t instanceof Document) return 'document';
  if (t instanceof Element) return `<${t.localName}>`;
  return t.constructor.name;
}
