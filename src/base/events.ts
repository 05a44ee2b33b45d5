/**
 * The events every widget fires. Both bubble and cross shadow boundaries, so a
 * page can listen once on `document`.
 */
import type { FeedErrorKind } from '../feed/loader.js';
import type { TiendoSelectDetail } from './group-controller.js';

export type { TiendoSelectDetail } from './group-controller.js';

export interface TiendoLoadDetail<V = unknown> {
  /** The data the widget now shows (its view model). */
  data: V;
  /** The feed URL, when the data came from one. */
  url?: string;
}

export interface TiendoErrorDetail {
  /** The full reason, in the reader's language. */
  message: string;
  /** The feed URL, when the error concerns one. */
  url?: string;
  /** The first JSON path at fault when the feed broke a rule (`provinces[2].models.completed`), else ''. */
  path: string;
  kind: FeedErrorKind | 'attributes' | 'selection' | 'chunk';
}

export type TiendoLoadEvent<V = unknown> = CustomEvent<TiendoLoadDetail<V>>;
export type TiendoErrorEvent = CustomEvent<TiendoErrorDetail>;
export type TiendoSelectEvent = CustomEvent<TiendoSelectDetail>;

export function fire<T>(target: EventTarget, type: 'tiendo-load' | 'tiendo-error' | 'tiendo-select', detail: T): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

interface TiendoEventMap {
  'tiendo-load': TiendoLoadEvent;
  'tiendo-error': TiendoErrorEvent;
  'tiendo-select': TiendoSelectEvent;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- declaration merging into the DOM's maps */
declare global {
  // The events bubble out of shadow roots, so pages listen on elements, the document or the window.
  interface HTMLElementEventMap extends TiendoEventMap {}
  interface DocumentEventMap extends TiendoEventMap {}
  interface WindowEventMap extends TiendoEventMap {}
}
