/**
 * What the operator of a portal allows dist/embed.html to show, and the rules
 * the embed page and the embed builder share.
 *
 * The operator edits two <meta> tags at the top of embed.html (one file, no
 * extra request, nothing to configure on the server):
 *
 *   <meta name="tiendo-allowed-origins" content="https://a.gov.vn https://b.gov.vn" />
 *   <meta name="tiendo-inline-figures" content="on" />
 *
 * By default the first is empty (feeds from embed.html's own origin only) and
 * the second is "off" (figures and words given in the query string are refused),
 * so that a page on the government's domain cannot be made to publish someone
 * else's words.
 *
 * This module is used only by embed.ts and the builder, never by tiendo.js.
 */

/** The <meta name> listing the other origins whose feeds the embed may show. */
export const ORIGINS_META = 'tiendo-allowed-origins';

/** The <meta name> that turns inline mode (figures as query parameters) on. */
export const INLINE_META = 'tiendo-inline-figures';

/**
 * Query parameters that only choose what to show from a feed: they never put
 * figures or free words on the page. Every other attribute a widget declares
 * (label, unit, value, total, source, source-url, as-of…) is inline mode.
 * A widget that gains an attribute of the choosing kind adds it here.
 */
export const FEED_PARAMS: ReadonlySet<string> = new Set([
  'lang',
  'src',
  'province',
  'commune',
  'group',
  'grid',
  'refresh',
  'timeout',
  'debug',
  'show-sentence',
  'metric',
  'highlight',
  'limit',
  'columns',
  'sort',
  'status',
  'type',
  'compare',
  'level',
  'regroup',
  'show-present',
  'theme',
  'heading-level',
  'url-param',
]);

/** The operator's choices, as read from embed.html. */
export interface EmbedConfig {
  /** Origins besides the page's own whose feeds may be shown (normalised, e.g. "https://a.gov.vn"). */
  origins: string[];
  /** Whether figures and words may be given as query parameters. */
  inline: boolean;
  /** Entries of the origin list that are not http(s) origins (ignored, reported on the console). */
  ignored: string[];
}

/** Reads the operator's choices from the <meta> tags of `doc` (embed.html, or a copy the builder fetched). */
export function readEmbedConfig(doc: Pick<Document, 'querySelector'>): EmbedConfig {
  const content = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
  const origins: string[] = [];
  const ignored: string[] = [];
  for (const entry of content(ORIGINS_META).split(/[\s,]+/).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.host) origins.push(url.origin);
    else ignored.push(entry);
  }
  const inline = /^(on|true|yes|1|bật)$/i.test(content(INLINE_META).trim());
  return { origins, inline, ignored };
}

/** Whether a feed at `url` may be shown by an embed page whose own origin is `own`. */
export function originAllowed(url: URL, own: string, config: EmbedConfig): boolean {
  return url.origin === own || config.origins.includes(url.origin);
}
