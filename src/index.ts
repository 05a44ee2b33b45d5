/**
 * tiendo: embeddable public-progress widgets. The script a page includes (dist/tiendo.js): it
 * fetches the library (src/library.ts, the core chunk in chunks/ beside it) at once and exports what
 * the library exports. It holds no more than that, so that it still runs when the library cannot
 * arrive (a portal that uploaded tiendo.js without its chunks/ folder, a failed download): then every
 * widget keeps the fallback content the editor wrote inside its tag, fires `tiendo-error` (kind
 * `chunk`), and the console says to deploy the whole dist/ folder (SPEC, chunk failures).
 */
import type * as Library from './library.js';

export type * from './library.js';

const library: typeof Library = await import('./library.js').catch((error: unknown) => {
  const message = `tiendo: chunks/ did not load (deploy all of dist/): ${String(error)}`;
  console.error(message);
  for (const el of document.querySelectorAll('*')) {
    if (el.localName.startsWith('tiendo-')) {
      el.dispatchEvent(new CustomEvent('tiendo-error', { bubbles: true, composed: true, detail: { message, path: '', kind: 'chunk' } }));
    }
  }
  throw error;
});

export const {
  TiendoProgress,
  TiendoKpi,
  TiendoElement,
  validateFeed,
  validateFeedText,
  issueText,
  subscribeFeed,
  FeedError,
  VERSION,
  WIDGET_TAGS,
  defineWidget,
  widgetAttributes,
  msg,
  toLang,
  loadMessages,
} = library;
export type TiendoProgress = Library.TiendoProgress;
export type TiendoKpi = Library.TiendoKpi;
export type TiendoElement<V extends Library.ViewBase> = Library.TiendoElement<V>;
export type FeedError = Library.FeedError;
