/**
 * The reader's language for a widget: the `lang` of the nearest ancestor (the
 * element itself included), crossing shadow roots, as HTML text inherits it.
 */
import { isServer } from 'lit';

/** A language tiendo speaks. */
export type Lang = 'vi' | 'en';

/** Maps any BCP 47 tag to a language tiendo speaks: English for `en*`, else Vietnamese. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function resolveLang(el: Element): Lang {
  // Rendered on a server (tiendo snippet --prerender): no document around the element, only its own `lang`.
  if (isServer) return toLang(el.getAttribute('lang'));
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'vi';
}

interface LangAware {
  requestUpdate(): void;
}

const listeners = new Set<LangAware>();
let observer: MutationObserver | undefined;

/**
 * Re-renders `el` whenever a `lang` attribute changes anywhere in the document.
 * One observer serves every widget; it exists only while some widget is connected.
 */
export function watchLang(el: LangAware): () => void {
  listeners.add(el);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(el);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** For tests only: how many widgets the language watcher holds, and whether its observer runs. */
export function langWatchStats(): { listeners: number; observing: boolean } {
  return { listeners: listeners.size, observing: Boolean(observer) };
}
