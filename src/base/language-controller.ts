import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLang, watchLang } from '../i18n/lang.js';
import type { Lang } from '../i18n/messages.js';

/**
 * The reader's language as a reactive controller: read from the nearest `lang`
 * (crossing shadow roots) before each update, and a new update whenever a `lang`
 * attribute changes anywhere in the document.
 */
export class LanguageController implements ReactiveController {
  /** The language of the current update. */
  value: Lang = 'vi';
  #unwatch?: () => void;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#unwatch = watchLang(this.host);
  }

  hostDisconnected(): void {
    this.#unwatch?.();
  }

  hostUpdate(): void {
    this.value = resolveLang(this.host);
  }
}
