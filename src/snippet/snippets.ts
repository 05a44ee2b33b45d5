/** The files to hint for `tag` in dist/chunks.json (written by the build): the core's, then the widget's own. */
export function chunksFor(list: Record<string, string[]> | undefined, tag: string): string[] {
  return list ? [...(list.core ?? []), ...(list[tag] ?? [])] : [];
}

/**
 * The two snippets the builder writes, as text: the script form (preload
 * hints, a reserve-CSS line, the script and the tag with its fallback text) and
 * the iframe form (dist/embed.html, a height that fits, the resize script).
 * Pure, so that tests and a command line can write the same snippets.
 *
 * Every URL comes from `base`, the folder tiendo.js is served from (the
 * builder passes its own folder, absolute; `tiendo snippet --base` may give a
 * path on the portal, "/tiendo/"): a snippet never points at the machine it was
 * made on unless that is where tiendo lives.
 */

/** [attribute, value]; an empty value writes a boolean attribute. */
export type Attribute = [name: string, value: string];

/** Heights of the ready widget, in CSS pixels, at a phone's width and at a desktop column's. */
export interface Heights {
  phone: number;
  desktop: number;
  /** At a small phone's width (360 px), when it differs from the phone's. */
  narrow?: number;
}

/** Below this viewport width the phone height applies. */
export const PHONE_BREAKPOINT = 480;
/** Below this viewport width the small phone's height applies. */
export const NARROW_BREAKPOINT = 380;

/** Text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text between tags. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text inside an HTML comment (which must not contain "--"). */
function commentText(s: string): string {
  return s.replace(/-{2,}/g, '—').replace(/>/g, '›');
}

function attrs(list: Attribute[]): string {
  return list.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
}

/**
 * "min-height while the widget has no figures yet": no layout shift when the
 * figures arrive. It applies before the element is defined and while it loads;
 * once ready, the widget's own height (the one measured) takes over.
 */
export function reserveCss(tag: string, h: Heights): string {
  const sel = `${tag}:not([state=ready])`;
  // Heights given at a 16 px text size also grow with the page's root size (a portal's "A+" sets
  // html { font-size }, and the widget's text follows it), never shrinking below the 16 px figure.
  const size = (n: number) => {
    const px = Math.max(0, Math.round(n));
    return `max(${px}px,${Number((px / 16).toFixed(2))}rem)`;
  };
  // The heights are an estimate: the element's own skeleton takes the same height, less its padding and
  // border, so that a skeleton taller than the estimate does not shrink when the figures arrive.
  const rule = (n: number) => `min-height:${size(n)};--tiendo-skeleton-height:calc(${size(n)} - 2em - 2px)`;
  let css = `${sel}{display:block;${rule(h.desktop)}}`;
  if (Math.round(h.phone) !== Math.round(h.desktop)) {
    css += `@media (max-width:${PHONE_BREAKPOINT}px){${sel}{${rule(h.phone)}}}`;
  }
  if (h.narrow !== undefined && Math.round(h.narrow) !== Math.round(h.phone)) {
    css += `@media (max-width:${NARROW_BREAKPOINT}px){${sel}{${rule(h.narrow)}}}`;
  }
  return css;
}

/** The address of `name` in the folder `base`: absolute when `base` is, a path on the portal when `base` is one ("/tiendo/"). */
export function fileUrl(name: string, base: string): string {
  if (base.startsWith('/') && !base.startsWith('//')) {
    const url = new URL(name, new URL(base, 'https://portal.invalid/'));
    return url.href.slice(url.origin.length);
  }
  return new URL(name, base).href;
}

export interface ScriptSnippetInput {
  /** The folder of tiendo.js, ending in "/": absolute, or a path on the portal ("/tiendo/"). */
  base: string;
  tag: string;
  attributes: Attribute[];
  /** The tag's fallback text (figures as of now); '' for none. */
  fallback: string;
  /** The feed's absolute URL, for the preload hint. */
  feed?: string;
  /**
   * The files beside tiendo.js the page will fetch for this widget (dist/chunks.json: the core, the
   * widget's code and view), hinted together so none waits for another (issue 19).
   */
  chunks?: string[];
  /** The ready widget's heights at a 16 px text size, for the reserve-CSS line (they grow with the page's root size). */
  heights?: Heights;
  /**
   * The widget's shadow content as HTML, already escaped (a `<template shadowrootmode="open">`
   * rendered by src/snippet/prerender.ts), written inside the tag before the fallback text.
   */
  shadow?: string;
}

/** The script form: hints (not for a prerendered widget) and the script (once per page), then the tag with its fallback text. */
export function scriptSnippet(s: ScriptSnippetInput): string {
  const script = fileUrl('tiendo.js', s.base);
  // A prerendered widget shows its figures from the HTML: hints would only pull the script and the
  // feed ahead of the page's own HTML on a slow line (measured: figures 7% later), so it has none.
  const lines = s.shadow ? [] : [script, ...(s.chunks ?? []).map((c) => fileUrl(c, s.base))].map((u) => `<link rel="modulepreload" href="${escapeAttr(u)}">`);
  if (s.feed && !s.shadow) lines.push(`<link rel="preload" as="fetch" crossorigin href="${escapeAttr(s.feed)}">`);
  if (s.heights) lines.push(`<style>${reserveCss(s.tag, s.heights)}</style>`);
  lines.push(`<script type="module" src="${escapeAttr(script)}"></script>`);
  lines.push(`<${s.tag}${attrs(s.attributes)}>${s.shadow ?? ''}${escapeText(s.fallback)}</${s.tag}>`);
  return lines.join('\n');
}

export interface IframeSnippetInput {
  base: string;
  /** The widget's name without "tiendo-": progress, kpi… */
  widget: string;
  /** The query parameters (boolean attributes as name=name). */
  params: Attribute[];
  /** The frame's accessible name. */
  title: string;
  /** A height that fits the widget at every width, in CSS pixels. */
  height: number;
  /** The comment above the resize script's line. */
  resizeNote: string;
}

/** A query value, encoded, but with the characters a query may hold as they are (an editor reads the address). */
function queryValue(s: string): string {
  return encodeURIComponent(s).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%40/gi, '@');
}

/** The address of embed.html showing this widget. */
export function embedUrl(base: string, widget: string, params: Attribute[]): string {
  const pairs: Attribute[] = [['widget', widget], ...params.map(([n, v]): Attribute => [n, v === '' ? n : v])];
  return `${new URL('embed.html', base).href}?${pairs.map(([n, v]) => `${queryValue(n)}=${queryValue(v)}`).join('&')}`;
}

/** The iframe form: the frame, then the resize script's line for pages that allow one script. */
export function iframeSnippet(s: IframeSnippetInput): string {
  const src = embedUrl(s.base, s.widget, s.params);
  const height = Math.max(1, Math.ceil(s.height));
  return [
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(s.title)}" loading="lazy" style="width:100%;height:${height}px;border:0"></iframe>`,
    `<!-- ${commentText(s.resizeNote)} -->`,
    `<script src="${escapeAttr(new URL('tiendo-resize.js', s.base).href)}"></script>`,
  ].join('\n');
}
