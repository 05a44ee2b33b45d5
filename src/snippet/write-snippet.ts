/**
 * The script snippet for one widget and a validated feed, as `tiendo snippet`
 * prints it: the script, the tag with its attributes and the feed's current
 * figures as fallback text ({@link fallbackText}, the builder's own sentence),
 * and, on request, the widget's content rendered on the server as declarative
 * shadow DOM (src/snippet/prerender.ts, Node only, loaded only then).
 */
import type { Feed } from '../feed/types.js';
import type { Lang } from '../i18n/messages.js';
import { fallbackText } from './fallback-text.js';
import { estimateHeights, type EstimatedHeights } from './reserve.js';
import { chunksFor, scriptSnippet, type Attribute } from './snippets.js';

/** What the editor chose. */
export interface SnippetRequest {
  /** The tag: tiendo-progress, tiendo-kpi… */
  tag: string;
  /** The province shown (progress, KPI, model list), or highlighted (table, chart, map). */
  province?: string;
  metric?: string;
  /** The feed's address on the portal (the tag's `src`). */
  src: string;
  /** The folder of tiendo.js: absolute, or a path on the portal ("/tiendo/"). */
  base: string;
  /** The widget's language: `en` writes `lang="en"` on the tag; Vietnamese is every widget's default. */
  lang: Lang;
  /** Adds the widget's shadow content, rendered on the server. */
  prerender?: boolean;
  /**
   * Writes no reserve-CSS line (a page whose Content-Security-Policy forbids inline `<style>`). By
   * default a plain snippet reserves the widget's estimated ready height ({@link estimateHeights}).
   */
  noReserve?: boolean;
  /** dist/chunks.json, when the build wrote one: the chunks to hint for the widget. */
  chunks?: Record<string, string[]>;
}

export interface Snippet {
  /** The whole snippet, HTML. */
  html: string;
  /** The fallback sentence (plain text; '' when the feed has no figures for this choice). */
  fallback: string;
  /** The prerendered `<template shadowrootmode="open">…</template>`, when asked for. */
  shadow?: string;
  /** The ready heights the reserve-CSS line holds (px at a 16 px text size), when it has one. */
  heights?: EstimatedHeights;
}

/** Widgets that compare areas: the chosen province is their highlighted one. */
const COMPARING = ['tiendo-province-table', 'tiendo-chart', 'tiendo-map'];

/** The tag's attributes, in the order a reader expects them. */
export function snippetAttributes(r: SnippetRequest): Attribute[] {
  const list: [string, string | undefined][] = [
    ['src', r.src],
    [COMPARING.includes(r.tag) ? 'highlight' : 'province', r.province],
    ['metric', r.metric],
    ['lang', r.lang === 'en' ? 'en' : undefined],
  ];
  return list.filter((a): a is Attribute => Boolean(a[1]));
}

/** The snippet of `r` with the figures of `feed` (valid: checked by the validator before). */
export async function writeSnippet(feed: Feed, r: SnippetRequest): Promise<Snippet> {
  const attributes = snippetAttributes(r);
  const fallback = fallbackText(feed, { widget: r.tag, province: r.province, metric: r.metric }, r.lang);
  const shadow = r.prerender ? await (await import('./prerender.js')).prerender(r.tag, attributes, feed) : undefined;
  // A prerendered widget takes its ready height from its own content; a plain one reserves it.
  const heights = shadow || r.noReserve ? undefined : estimateHeights(feed, r.tag, { province: r.province, metric: r.metric, lang: r.lang });
  const html = scriptSnippet({ base: r.base, tag: r.tag, attributes, fallback, feed: r.src, shadow, chunks: chunksFor(r.chunks, r.tag), heights });
  return { html, fallback, shadow, heights };
}
