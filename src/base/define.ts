/**
 * Registers a custom element unless its tag is taken. Two copies of the script
 * on one page (or the same script under two URLs) must be harmless: the first
 * definition wins, later ones are skipped, and a different version is reported
 * once on the console so an editor can find the duplicate include.
 */
import { LazyChunk } from './lazy-chunk.js';
import { fire, type TiendoErrorDetail } from './events.js';

export const VERSION = '0.1.0';

const VERSION_KEY = Symbol.for('tiendo.version');

/** Every tag this copy of tiendo defines, in order (the embed page and the builder offer these). */
export const WIDGET_TAGS: string[] = [];

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!WIDGET_TAGS.includes(tag)) WIDGET_TAGS.push(tag);
  const existing = customElements.get(tag) as (CustomElementConstructor & { [VERSION_KEY]?: string }) | undefined;
  if (existing) {
    const version = existing[VERSION_KEY];
    if (version !== VERSION) {
      console.warn(`tiendo: <${tag}> is already defined (version ${version ?? 'unknown'}); version ${VERSION} skipped.`);
    }
    return;
  }
  Object.defineProperty(ctor, VERSION_KEY, { value: VERSION });
  customElements.define(tag, ctor);
}

/**
 * Widgets a page may not use (the table, the model list, the chart, the map, the
 * picker) are fetched only when one appears in the document: the page that shows
 * a progress bar and a KPI pays for neither. Until its code arrives, a widget
 * shows the fallback content the editor wrote inside its tag; if the code cannot
 * be fetched, each such widget fires `tiendo-error` and it is asked for again
 * later (5 s, doubling, at most every 5 minutes).
 */
const lazyWidgets = new Map<string, LazyChunk<unknown>>();
let watcher: MutationObserver | undefined;

export function defineLazily(tag: string, fetchWidget: () => Promise<unknown>): void {
  if (!WIDGET_TAGS.includes(tag)) WIDGET_TAGS.push(tag);
  if (customElements.get(tag) || lazyWidgets.has(tag)) return;
  lazyWidgets.set(tag, new LazyChunk(tag, fetchWidget));
  watcher ??= new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && findWidgets(n as Element));
  });
  watcher.observe(document, { childList: true, subtree: true });
  findWidgets(document);
}

/** Fetches (or waits for) the code of a widget: for pages that make one inside a shadow root, and for tools. */
export function defineWidget(tag: string): Promise<unknown> {
  const chunk = lazyWidgets.get(tag);
  return chunk ? fetchWidget(tag, chunk) : customElements.whenDefined(tag);
}

function findWidgets(root: Element | Document): void {
  for (const [tag, chunk] of lazyWidgets) {
    if (!chunk.value && ((root as Element).localName === tag || root.querySelector(tag))) void fetchWidget(tag, chunk).catch(() => {});
  }
}

const retryDelay = new Map<string, number>();
const retrying = new Set<string>();

function fetchWidget(tag: string, chunk: LazyChunk<unknown>): Promise<unknown> {
  return chunk.load().catch((error: unknown) => {
    if (!retrying.has(tag)) {
      const delay = retryDelay.get(tag) ?? 5_000;
      retryDelay.set(tag, Math.min(delay * 2, 300_000));
      retrying.add(tag);
      setTimeout(() => {
        retrying.delete(tag);
        findWidgets(document);
      }, delay);
    }
    for (const el of document.querySelectorAll(tag)) {
      fire<TiendoErrorDetail>(el, 'tiendo-error', { message: `tiendo: <${tag}>: ${String(error)}`, path: '', kind: 'chunk' });
    }
    throw error;
  });
}
