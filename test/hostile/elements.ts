/**
 * The one list every hostile suite iterates over: each widget, with the
 * attributes that make it show something from a feed. Adding an element here
 * puts it through the hostile corpus, the fuzzer, the network faults, the
 * strict page, the lifecycle and the host-page suites.
 *
 * The feeds those suites build (see corpus.ts, `baseFeed`) always hold the
 * province `nghe-an` with models and model statuses, the metric `on-time` on
 * that province and on the national block, and more than one province, so
 * every attribute set below finds its figures.
 *
 * Every element src/index.ts defines is here: progress, KPI, province table,
 * model list, chart (the chart of one metric), map and picker. One case per tag: the suites
 * find a widget by its tag.
 */
import '../../src/index.js';

export interface WidgetCase {
  tag: string;
  /** Attributes (besides `src`) that select figures the hostile feeds always hold. */
  attrs: string;
}

export const WIDGETS: WidgetCase[] = [
  { tag: 'tiendo-progress', attrs: 'province="nghe-an"' },
  { tag: 'tiendo-kpi', attrs: 'province="nghe-an" metric="on-time"' },
  { tag: 'tiendo-province-table', attrs: 'highlight="nghe-an"' },
  { tag: 'tiendo-model-list', attrs: 'province="nghe-an"' },
  { tag: 'tiendo-chart', attrs: 'metric="on-time" highlight="nghe-an"' },
  { tag: 'tiendo-map', attrs: 'metric="on-time" highlight="nghe-an"' },
  { tag: 'tiendo-picker', attrs: '' },
];

/** The attributes of markup such as `a="1" b` as name/value pairs, in order. */
export function parseAttrs(markup: string): [string, string][] {
  const probe = document.createElement('template');
  probe.innerHTML = `<x-probe ${markup}></x-probe>`;
  return [...probe.content.firstElementChild!.attributes].map((a) => [a.name, a.value]);
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `<tag …>fallback</tag>` for one widget case: its attributes, then `src`, then
 * `extra`; a later attribute replaces an earlier one of the same name.
 */
export function widgetMarkup(w: WidgetCase, src?: string, extra = '', fallback = ''): string {
  const attrs = new Map(parseAttrs(w.attrs));
  if (src) attrs.set('src', src);
  for (const [name, value] of parseAttrs(extra)) attrs.set(name, value);
  const text = [...attrs].map(([name, value]) => (value ? ` ${name}="${escapeAttr(value)}"` : ` ${name}`)).join('');
  return `<${w.tag}${text}>${fallback}</${w.tag}>`;
}
