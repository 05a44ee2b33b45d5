/**
 * The embed builder as a portal hosts it (issue 16): dist/ copied into a folder
 * of a plain static server (test/cli/static-site.mjs: node's http module, files
 * as they are, no development server), builder.html opened there in Chromium,
 * Firefox and WebKit. The snippets it writes point at that server's own folder
 * (its tiendo.js, embed.html, tiendo-resize.js), never at localhost or a
 * source file; pasted into a plain page of the same portal, each form renders
 * the widget the preview showed, with every file it needs answered by that
 * server.
 *
 * Needs dist/ (`npx vite build`; `npm test` builds it first) and the browsers
 * of test/launchers.mjs (TIENDO_BROWSERS picks them).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engines, launch } from './browsers.mjs';
import { demoFeed, staticSite } from './static-site.mjs';

/** In the builder's page: chooses a widget and its options, waits for the preview and the measured heights. */
async function buildSnippets({ widget, options }) {
  const wait = async (check, what, ms = 30_000) => {
    const start = performance.now();
    while (!check()) {
      if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const $ = (id) => document.getElementById(id);
  await wait(() => /Nguồn dữ liệu hợp lệ/.test($('feed-status').textContent), `the feed (${$('feed-status').textContent})`);
  const set = (id, value) => {
    const el = $(id);
    el.value = value;
    el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  };
  set('widget', widget);
  for (const [id, value] of Object.entries(options)) set(id, value);
  const shown = () => document.querySelector(`#preview > ${widget}`);
  await wait(() => shown()?.getAttribute('state') === 'ready', 'the preview');
  await wait(() => /Chiều cao đo được/.test($('measure-status').textContent), 'the measured heights');
  const base = shown().shadowRoot.querySelector('[part~="base"]');
  return {
    script: $('snippet-script').textContent,
    iframe: $('snippet-iframe').textContent,
    preview: base.innerText,
    tiendo: new URL('tiendo.js', document.baseURI).href,
  };
}

/** In a page holding a pasted snippet: waits for the widget (in the page, or in the page's iframe) and returns what it shows. */
async function pastedWidget({ tag, framed }) {
  const wait = async (check, what, ms = 30_000) => {
    const start = performance.now();
    while (!check()) {
      if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const frame = framed ? document.querySelector('iframe') : undefined;
  const doc = () => (framed ? frame.contentDocument : document);
  const widget = () => doc()?.querySelector(tag);
  await wait(() => widget()?.getAttribute('state') === 'ready', `${tag} ${framed ? 'in the iframe' : 'in the page'}`);
  const origins = [...performance.getEntriesByType('resource'), ...(framed ? frame.contentWindow.performance.getEntriesByType('resource') : [])]
    .map((e) => new URL(e.name).origin)
    .filter((o) => o !== location.origin);
  if (framed) await wait(() => frame.getBoundingClientRect().height > 0, 'the iframe shown');
  return {
    text: widget().shadowRoot.querySelector('[part~="base"]').innerText,
    origins,
    scripts: [...document.scripts].map((s) => s.src).filter(Boolean),
    frame: framed ? frame.src : undefined,
  };
}

/** A portal's article page with the snippet pasted into it, as a CMS writes it. */
const article = (snippet) =>
  `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Tin tức</title></head>\n<body><main><h1>Tiến độ Đề án 06</h1>\n${snippet}\n</main></body></html>\n`;

/** What a widget shows, white space folded; the table's scroll hint depends on the width and is left out. */
const fold = (text) =>
  text
    .replace(/(Cuộn|Scroll) [^→↓]*[→↓]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The URLs a snippet names (src, href), its entities read. */
const urlsOf = (snippet) => [...snippet.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

const CASES = [
  { widget: 'tiendo-progress', options: { province: 'nghe-an' }, name: 'progress bar (in the core)' },
  { widget: 'tiendo-province-table', options: {}, name: 'province table (a lazy chunk)' },
];

for (const engine of engines) {
  describe(`builder served by a plain static server (${engine})`, { timeout: 300_000 }, () => {
    let site;
    let browser;
    let feedUrl;
    before(async () => {
      site = await staticSite('cong-thong-tin/tiendo');
      feedUrl = site.put('du-lieu/de-an-06.json', demoFeed());
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    for (const { widget, options, name } of CASES) {
      it(`${name}: the snippets name this server's folder only, and both forms pasted into a page of the portal render the preview's widget`, async () => {
        const page = await browser.open(`${site.library}builder.html?src=/du-lieu/de-an-06.json`);
        try {
          const built = await page.evaluate(buildSnippets, { widget, options });
          // The builder's folder on this server, as the page itself resolves it.
          assert.equal(built.tiendo, `${site.library}tiendo.js`);
          for (const form of ['script', 'iframe']) {
            const snippet = built[form];
            assert.doesNotMatch(snippet, /localhost|\/src\/|@vite|:5173|node_modules|\.ts\b/, `${form} form:\n${snippet}`);
            const urls = urlsOf(snippet);
            assert.ok(urls.length > 1, `${form} form names its files`);
            for (const url of urls) assert.ok(url.startsWith(site.library) || url === feedUrl, `${form} form: ${url} is not this portal's`);
          }
          assert.ok(built.script.includes(`<script type="module" src="${site.library}tiendo.js"></script>`), built.script);
          assert.ok(built.iframe.includes(`<iframe src="${site.library}embed.html?`), built.iframe);
          assert.ok(built.iframe.includes(`<script src="${site.library}tiendo-resize.js"></script>`), built.iframe);
          const expected = fold(built.preview);
          assert.notEqual(expected, '');

          // Pasted into an article of the same portal, in another folder: the script form…
          const before = site.requests.length;
          const scriptPage = site.put(`bai-viet/${engine}-${widget}-script.html`, article(built.script));
          await page.goto(scriptPage);
          const pasted = await page.evaluate(pastedWidget, { tag: widget, framed: false });
          assert.equal(fold(pasted.text), expected);
          assert.deepEqual(pasted.origins, []);
          assert.ok(pasted.scripts.includes(`${site.library}tiendo.js`));

          // …and the iframe form, with its resize script.
          const iframePage = site.put(`bai-viet/${engine}-${widget}-iframe.html`, article(built.iframe));
          await page.goto(iframePage);
          const embedded = await page.evaluate(pastedWidget, { tag: widget, framed: true });
          assert.equal(fold(embedded.text), expected);
          assert.deepEqual(embedded.origins, []);
          assert.ok(embedded.frame.startsWith(`${site.library}embed.html?`));
          assert.ok(embedded.scripts.includes(`${site.library}tiendo-resize.js`));

          // Every file the pasted pages asked for was this server's, and it had each one (the browser's own favicon aside).
          const asked = site.requests.slice(before).filter((r) => r.path !== '/favicon.ico');
          assert.deepEqual(
            asked.filter((r) => r.status !== 200),
            [],
          );
          for (const r of asked) assert.match(r.path, /^\/(cong-thong-tin\/tiendo|du-lieu|bai-viet)\//);
          assert.ok(asked.some((r) => r.path === '/cong-thong-tin/tiendo/embed.js'));
          if (widget === 'tiendo-province-table') assert.ok(asked.some((r) => /^\/cong-thong-tin\/tiendo\/chunks\/tiendo-province-table-[\w-]+\.js$/.test(r.path)));
          assert.deepEqual(page.errors, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
