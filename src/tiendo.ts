/**
 * The script a page includes (dist/tiendo.js). It fetches the library (src/index.ts: the core chunk in
 * chunks/ beside it) at once, and holds no more than that, so that it still runs when the library
 * cannot arrive (a portal that uploaded tiendo.js without its chunks/ folder, a failed download):
 * then every widget keeps the fallback content the editor wrote inside its tag, fires `tiendo-error`
 * (kind `chunk`), and the console says to deploy the whole dist/ folder (SPEC, chunk failures).
 * Code that imports the package's exports imports dist/index.js (package.json), not this file.
 */
const widgets = () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('tiendo-'));

import('./index.js').catch((error: unknown) => {
  const message = `tiendo: chunks/ did not load (deploy all of dist/): ${String(error)}`;
  console.error(message);
  for (const el of widgets()) {
    el.dispatchEvent(new CustomEvent('tiendo-error', { bubbles: true, composed: true, detail: { message, path: '', kind: 'chunk' } }));
  }
});

/**
 * While the core downloads (the idle gap on a slow phone: the page is parsed and painted, the feed
 * is on its way), the engine loads the locale data of the widgets' languages, which the first `Intl`
 * object of a page pays for (about 80 ms at 4× CPU for numbers, 20 for dates): the library's own
 * formatters (src/i18n/format.ts, the same locales) are then built in a fraction of a millisecond.
 * One step per task, each just after a frame, so that none holds back a paint (a prerendered page
 * draws its figures from the HTML while this runs; a page in a background tab waits to be seen).
 */
// A widget's language as src/i18n/lang.ts reads it (en* is English, anything else Vietnamese), as format.ts's locales.
const locales = new Set(widgets().map((el) => (/^\s*en/i.test(el.closest('[lang]')?.getAttribute('lang') ?? '') ? 'en-GB' : 'vi-VN')));
const steps = [...locales].flatMap((locale) => [
  () => Intl.Locale && new Intl.Locale(locale).maximize(),
  () => new Intl.NumberFormat(locale).format(0),
  () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' }).format(0),
]);
/** `f` in a task of its own right after the next frame (a message, not a timer: the page's timers are not waited on). */
const afterFrame = (f: () => unknown) =>
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = f;
    channel.port2.postMessage(0);
  });
const step = () => steps.length && (steps.shift()!(), afterFrame(step));
afterFrame(step);
