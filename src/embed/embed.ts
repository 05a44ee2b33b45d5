/**
 * dist/embed.js: the script of dist/embed.html, for CMSs that strip scripts and
 * accept only an <iframe>. It shows one widget from the query string
 * (`?widget=progress&src=…&province=nghe-an`), accepting only tiendo widgets,
 * only the attributes that widget declares, and `src` only relative or
 * http(s); everything is set as attribute text, never parsed as markup. It
 * tells the parent page its height with postMessage({ type: 'tiendo:height' }).
 *
 * Because embed.html lives on the government's own domain, it shows feeds from
 * its own origin only, and no figures or words given in the query string,
 * unless the operator allows them in embed.html's <meta> tags (see
 * embed-config.ts); a Content-Security-Policy it adds (connect-src) holds the
 * same line against a feed address that redirects elsewhere. Its source link
 * opens outside the frame (<base target="_blank"> in embed.html). Every
 * refusal is a sentence in the frame, in the reader's language.
 *
 * It loads the library next to it at run time (index.js; no import shared
 * with it), so the page downloads the library once, and can still explain
 * itself when the library is missing.
 */
import { FEED_PARAMS, originAllowed, readEmbedConfig } from './embed-config.js';
import { embedLang, embedText, type EmbedKey } from './embed-messages.js';

type Tiendo = typeof import('../index.js');

const params = new URLSearchParams(location.search);
const lang = embedLang(params.get('lang'));
document.documentElement.lang = lang;
const config = readEmbedConfig(document);
if (config.ignored.length) {
  console.warn(`tiendo embed: ignored in <meta name="tiendo-allowed-origins">: ${config.ignored.join(' ')} (write origins as https://example.gov.vn)`);
}

const say = (key: EmbedKey, p?: Record<string, string>) => embedText(lang, key, p);
const list = (items: string[]) => new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { type: 'conjunction' }).format(items);

function fail(text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'tiendo-embed-error';
  p.textContent = text;
  document.body.replaceChildren(p);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The page's height, and the widget's state when it was measured: the builder keeps only a ready widget's height
 * (a loading one's, read just before the figures came, may reach it after the widget is ready).
 */
function postHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  const state = document.body.firstElementChild?.getAttribute('state') ?? undefined;
  if (parent !== window) parent.postMessage({ type: 'tiendo:height', height, state }, '*');
}

/** The browser itself refuses any connection (a redirect included) to an origin the operator did not allow. */
function restrictConnections(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = ["connect-src 'self'", ...config.origins].join(' ');
  document.head.append(meta);
}

/** The reason to refuse this query, or undefined when the widget may be shown. */
function refusal(widget: string, declared: Set<string>): string | undefined {
  const usable = [...declared].filter((name) => config.inline || FEED_PARAMS.has(name)).sort();
  const given = [...params].filter(([name]) => name !== 'widget');
  for (const [name] of given) {
    if (!declared.has(name)) return say('attribute', { widget, name, list: usable.join(', ') });
  }
  if (!config.inline) {
    for (const [name] of given) if (!FEED_PARAMS.has(name)) return say('inline', { name });
    if (!params.get('src')?.trim()) return say('needSrc');
  }
  for (const value of params.getAll('src')) {
    let url: URL;
    try {
      url = new URL(value, location.href);
    } catch {
      return say('src');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return say('src');
    if (!originAllowed(url, location.origin, config)) {
      return say('origin', { origin: url.origin, allowed: list([location.origin, ...config.origins]) });
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  restrictConnections();
  // The library (index.js, the package's module: tiendo.js is the page's script and exports nothing) beside this
  // script, with this script's query (a portal's cache-busting `?v=…` carries over).
  const libUrl = import.meta.url.replace(/[^/?#]*(\?[^#]*)?(#.*)?$/, 'index.js$1');
  let lib: Tiendo;
  try {
    lib = (await import(/* @vite-ignore */ libUrl)) as Tiendo;
  } catch {
    return fail(say('library', { url: libUrl }));
  }
  const names = lib.WIDGET_TAGS.map((tag) => tag.replace(/^tiendo-/, ''));
  const widget = params.get('widget') ?? '';
  if (!names.includes(widget)) return fail(say('widget', { name: widget, list: names.join(', ') }));
  const tag = `tiendo-${widget}`;
  // The table, the list and the chart are defined when first used: their attributes are known once their code is here.
  for (let wait = 5_000; ; wait = Math.min(wait * 2, 300_000)) {
    try {
      await lib.defineWidget(tag);
      break;
    } catch {
      fail(say('chunk', { widget }));
      // The wait is passed, not read by a closure over the loop's variable (in WebKit a closure made in a
      // loop after an await once read an earlier turn's variables: test/hostile/fuzz.test.ts).
      await pause(wait);
    }
  }
  const declared = new Set(['lang', ...lib.widgetAttributes(tag).map((a) => a.name)]);
  const refused = refusal(widget, declared);
  if (refused) return fail(refused);
  const el = document.createElement(tag);
  for (const [name, value] of params) if (name !== 'widget') el.setAttribute(name, value);
  document.body.replaceChildren(el);
}

new ResizeObserver(postHeight).observe(document.documentElement);
// A widget that becomes ready at the height it had while loading resizes nothing: its height is told again, drawn.
new MutationObserver(() => requestAnimationFrame(postHeight)).observe(document.body, { subtree: true, attributeFilter: ['state'] });
main().catch((e: unknown) => fail(String(e)));
