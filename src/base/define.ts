/**
 * Registers a custom element unless its tag is taken. Two copies of the script
 * on one page (or the same script under two URLs) must be harmless: the first
 * definition wins, later ones are skipped, and a different version is reported
 * once on the console so an editor can find the duplicate include.
 */
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
