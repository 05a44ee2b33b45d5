/**
 * dist/embed.js: the script of dist/embed.html, for CMSs that strip scripts and
 * accept only an <iframe>. It shows one widget from the query string
 * (`?widget=progress&src=…&province=nghe-an`), accepting only tiendo widgets,
 * only the attributes that widget declares, and `src` only relative or
 * http(s); everything is set as attribute text, never parsed as markup. It
 * tells the parent page its height with postMessage({ type: 'tiendo:height' }).
 *
 * It has no imports of its own: it loads the library next to it at run time,
 * so the page downloads tiendo.js once, shared with nothing else.
 */
type Tiendo = typeof import('../index.js');

const params = new URLSearchParams(location.search);

function fail(text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'tiendo-embed-error';
  p.textContent = text;
  document.body.replaceChildren(p);
}

function postHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (parent !== window) parent.postMessage({ type: 'tiendo:height', height }, '*');
}

async function main(): Promise<void> {
  const lib = (await import(/* @vite-ignore */ import.meta.url.replace(/[^/]*$/, 'tiendo.js'))) as Tiendo;
  const lang = lib.toLang(params.get('lang'));
  document.documentElement.lang = lang;
  await lib.loadMessages(lang, true);
  const t = (key: Parameters<Tiendo['msg']>[1], p?: Record<string, string>) => lib.msg(lang, key, p);

  const names = lib.WIDGET_TAGS.map((tag) => tag.replace(/^tiendo-/, ''));
  const widget = params.get('widget') ?? '';
  if (!names.includes(widget)) return fail(t('embed.widget', { name: widget, list: names.join(', ') }));
  const tag = `tiendo-${widget}`;
  const allowed = new Set(['lang', ...lib.widgetAttributes(tag).map((a) => a.name)]);
  const el = document.createElement(tag);
  for (const [name, value] of params) {
    if (name === 'widget') continue;
    if (!allowed.has(name)) {
      return fail(t('embed.attribute', { widget, name, list: [...allowed].sort().join(', ') }));
    }
    if (name === 'src') {
      const url = new URL(value, location.href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(t('embed.src'));
    }
    el.setAttribute(name, value);
  }
  document.body.replaceChildren(el);
}

new ResizeObserver(postHeight).observe(document.documentElement);
main().catch((e: unknown) => fail(String(e)));
