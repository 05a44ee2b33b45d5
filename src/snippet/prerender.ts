/**
 * A widget's shadow content rendered in Node, as declarative shadow DOM
 * (`<template shadowrootmode="open">…</template>`), for `tiendo snippet
 * --prerender`: readers see the figures at first paint, before (and without)
 * the script. Rendered by `@lit-labs/ssr` from the real element classes, which
 * read their figures through the base's FiguresController: the feed is handed to
 * the element as `.serverFeed` (validated before), so nothing is fetched.
 *
 * Node only (the CLI's bundle): nothing in the library imports this module.
 *
 * The output carries no hydration markers: the client does not hydrate with
 * `@lit-labs/ssr-client`; the element keeps this content until its first
 * outcome with figures and then draws its own in the same task. Every string of
 * the feed is escaped by Lit's server renderer (text and attribute values).
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Feed } from '../feed/types.js';
import type { Attribute } from './snippets.js';

/** The attributes the server render passes to the element (the ones `tiendo snippet` writes). */
type Given = Record<'src' | 'province' | 'highlight' | 'metric' | 'lang', string | typeof nothing>;

/**
 * The widgets that can be rendered on a server: how to get the class defined, and the tag as a
 * template with the feed handed over (one template per tag: Lit binds no tag names).
 */
const PRERENDERABLE: Record<string, { load: () => Promise<unknown>; template: (a: Given, feed: Feed) => TemplateResult }> = {
  'tiendo-progress': {
    load: () => import('../progress/tiendo-progress.js'),
    template: (a, feed) =>
      html`<tiendo-progress src=${a.src} province=${a.province} metric=${a.metric} lang=${a.lang} .serverFeed=${feed}></tiendo-progress>`,
  },
  'tiendo-kpi': {
    load: () => import('../kpi/tiendo-kpi.js'),
    template: (a, feed) => html`<tiendo-kpi src=${a.src} province=${a.province} metric=${a.metric} lang=${a.lang} .serverFeed=${feed}></tiendo-kpi>`,
  },
  'tiendo-province-table': {
    load: () => import('../province-table/tiendo-province-table.js'),
    template: (a, feed) =>
      html`<tiendo-province-table src=${a.src} highlight=${a.highlight} lang=${a.lang} .serverFeed=${feed}></tiendo-province-table>`,
  },
};

/** The tags `prerender` accepts. */
export const PRERENDER_TAGS = Object.keys(PRERENDERABLE);

/** Lit's hydration comments and its empty-binding marker: no use without ssr-client's hydration. */
const MARKERS = /<!--lit-part[^>]*-->|<!--\/lit-part-->|<!--lit-node \d+-->|<\?>/g;

/** The declarative shadow root of `tag` (one of {@link PRERENDER_TAGS}) showing `feed` with `attributes`. */
export async function prerender(tag: string, attributes: Attribute[], feed: Feed): Promise<string> {
  const widget = PRERENDERABLE[tag];
  if (!widget) throw new Error(`tiendo: <${tag}> cannot be prerendered`);
  await widget.load();
  // A widget whose view lives in a chunk (the table) renders only once the chunk has arrived: the
  // browser's base awaits it before each update, a server render does not update.
  const probe = new (customElements.get(tag) as CustomElementConstructor)() as unknown as { viewChunk?: { load(): Promise<unknown> } };
  await probe.viewChunk?.load();
  const value = (name: string) => attributes.find(([n]) => n === name)?.[1] ?? nothing;
  const given: Given = { src: value('src'), province: value('province'), highlight: value('highlight'), metric: value('metric'), lang: value('lang') };
  const out = await collectResult(render(widget.template(given, feed)));
  const start = out.indexOf('<template');
  const end = out.lastIndexOf('</template>');
  if (start < 0 || end < start) throw new Error(`tiendo: <${tag}> rendered no shadow root`);
  return out
    .slice(start, end + '</template>'.length)
    .replace(MARKERS, '')
    .replace(/^<template shadowroot="open" shadowrootmode="open">/, '<template shadowrootmode="open">')
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${compactCss(css)}</style>`);
}

/**
 * The element's CSS without its comments and indentation (a third of the snippet's bytes): a line
 * break and the spaces around it are one space in CSS, and no string of these styles holds a
 * line break or a comment.
 */
function compactCss(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** A CSP hash source of `text`: `'sha256-…'` (Web Crypto: Node 20 and browsers alike). */
async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/**
 * The Content-Security-Policy sources a page needs for prerendered HTML: the hash of each inline
 * `<style>` element, and of each `style` attribute (these only with 'unsafe-hashes').
 */
export async function styleHashes(htmlText: string): Promise<{ elements: string[]; attributes: string[] }> {
  const unique = (list: string[]) => [...new Set(list)];
  const elements = await Promise.all(unique([...htmlText.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])).map(hashSource));
  const attributes = await Promise.all(unique([...htmlText.matchAll(/ style="([^"]*)"/g)].map((m) => unescapeAttr(m[1]))).map(hashSource));
  return { elements, attributes };
}

/** An attribute value as the browser reads it (the few references a serializer writes). */
function unescapeAttr(text: string): string {
  const refs: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };
  return text.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, name: string) => refs[name]);
}
