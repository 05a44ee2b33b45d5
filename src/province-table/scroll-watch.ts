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
 * Watches the box `selector` finds in the host's shadow tree (the table's scroller): its size and
 * its content's size (a ResizeObserver, which reports each new box once at first) and its scroll
 * position. The host updates only when a side of {@link Overflow} changes, so that it can offer a
 * tab stop, a hint and a fade exactly while there is something out of view.
 */
export class ScrollWatch implements ReactiveController {
  value: Overflow = NO_OVERFLOW;
  private box?: HTMLElement;
  private readonly observer?: ResizeObserver;
  private readonly measure = () => this.read();

  constructor(
    private readonly host: Host,
    private readonly selector: string,
  ) {
    host.addController(this);
    // Old engines without ResizeObserver keep the plain table: a tab stop always, no hint.
    if (typeof ResizeObserver === 'function') this.observer = new ResizeObserver(this.measure);
  }

  hostUpdated(): void {
    const box = this.host.renderRoot.querySelector<HTMLElement>(this.selector) ?? undefined;
    if (box === this.box) return;
    this.detach();
    this.box = box;
    if (!box) {
      this.set(NO_OVERFLOW);
      return;
    }
    box.addEventListener('scroll', this.measure, { passive: true });
    this.observer?.observe(box);
    // The content (the table) changes size with a sort, a filter or a page, the box does not.
    if (box.firstElementChild) this.observer?.observe(box.firstElementChild);
  }

  hostDisconnected(): void {
    this.detach();
    this.box = undefined;
    this.value = NO_OVERFLOW;
  }

  /** Whether the watch can tell (else the box is treated as one that scrolls). */
  get watching(): boolean {
    return Boolean(this.observer);
  }

  private detach(): void {
    this.box?.removeEventListener('scroll', this.measure);
    this.observer?.disconnect();
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
    this.host.requestUpdate();
  }
}
