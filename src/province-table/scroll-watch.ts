import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether a scrolling box holds more than it shows, and on which sides there is more to see. */
export interface Overflow {
  /** Wider than the box: it scrolls sideways. */
  x: boolean;
  /** Taller than the box: it scrolls up and down. */
  y: boolean;
  /** Columns out of view after the last shown (to the right) and before the first shown (under the name column). */
  end: boolean;
  start: boolean;
  /** Rows out of view below the last shown, and above the first shown (under the header). */
  below: boolean;
  above: boolean;
}

export const NO_OVERFLOW: Overflow = { x: false, y: false, end: false, start: false, below: false, above: false };

const KEYS = Object.keys(NO_OVERFLOW) as (keyof Overflow)[];

/** What the host gives: where its shadow tree is. */
type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Watches the box `selector` finds in the host's shadow tree (the table's scroller): after each of
 * the host's renders (a sort, a filter, a page: the content changes size), on each scroll, and when
 * the box or its content is resized (a ResizeObserver: a phone turned, a font loaded). The host updates
 * only when a side of {@link Overflow} changes, so that it offers a tab stop, a hint and shaded edges
 * exactly while something is out of view, from its first render on.
 */
export class ScrollWatch implements ReactiveController {
  value: Overflow = NO_OVERFLOW;
  private box?: HTMLElement;
  private readonly observer?: ResizeObserver;
  private readonly measure = () => this.read();
  private frame = 0;

  constructor(
    private readonly host: Host,
    private readonly selector: string,
  ) {
    host.addController(this);
    // Old engines without ResizeObserver keep the plain table: a tab stop always, no hint.
    // A resize is read in the next frame: a hint drawn in the observer's own turn could resize the
    // box again within that frame (the browser's "ResizeObserver loop" error).
    if (typeof ResizeObserver === 'function') {
      this.observer = new ResizeObserver(() => {
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(this.measure);
      });
    }
  }

  hostConnected(): void {
    // Back in the page (moved by a script): the box drawn before is watched again.
    this.attach();
  }

  /** After each render: the box (a new one after a state change) and what the render did to its content. */
  hostUpdated(): void {
    this.attach();
    this.read();
  }

  hostDisconnected(): void {
    this.detach();
    this.box = undefined;
  }

  /** Whether the watch can tell (else the box is treated as one that scrolls). */
  get watching(): boolean {
    return Boolean(this.observer);
  }

  private attach(): void {
    const box = this.host.renderRoot?.querySelector<HTMLElement>(this.selector) ?? undefined;
    if (box === this.box) return;
    this.detach();
    this.box = box;
    if (!box) return this.set(NO_OVERFLOW);
    box.addEventListener('scroll', this.measure, { passive: true });
    this.observer?.observe(box);
    // The content (the table) grows and shrinks inside a box of the same size.
    if (box.firstElementChild) this.observer?.observe(box.firstElementChild);
  }

  private detach(): void {
    this.box?.removeEventListener('scroll', this.measure);
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  private read(): void {
    const b = this.box;
    if (!b?.isConnected) return;
    // A pixel of slack: zoom and fractional widths round scroll sizes either way.
    const left = Math.abs(b.scrollLeft);
    const x = b.scrollWidth > b.clientWidth + 1;
    const y = b.scrollHeight > b.clientHeight + 1;
    this.set({
      x,
      y,
      start: x && left > 1,
      end: x && left + b.clientWidth < b.scrollWidth - 1,
      above: y && b.scrollTop > 1,
      below: y && b.scrollTop + b.clientHeight < b.scrollHeight - 1,
    });
  }

  private set(next: Overflow): void {
    if (KEYS.every((k) => next[k] === this.value[k])) return;
    this.value = next;
    // A step later: measured right after a render, the next one is its side effect, not a change made
    // during the update (which Lit warns about); still before the browser paints.
    queueMicrotask(() => this.host.requestUpdate());
  }
}
