/**
 * theme="auto" on a dark system in WebKitGTK (issue 18). The browser suite checks it in Chromium (its driver
 * emulates prefers-color-scheme) and Firefox (a frame's color-scheme); WebKitGTK's driver can do neither,
 * but WebKitGTK follows the GTK theme, so this test starts a WebKit of its own under GTK_THEME=Adwaita:dark
 * and opens the built library from a plain static server: the progress bar, the KPI and the model list with
 * theme="auto" draw dark, every text at ≥ 4.5:1 on what is behind it; without `theme` they stay light.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { engines, launch } from './browsers.mjs';
import { staticSite } from './static-site.mjs';

/** In the page: each widget ready; its surface, and each text's contrast against what is behind it. */
async function readTheWidgets() {
  const els = [...document.querySelectorAll('[data-case]')];
  for (let start = performance.now(); !els.every((el) => el.getAttribute('state') === 'ready'); ) {
    if (performance.now() - start > 30_000) throw new Error(`not ready: ${els.map((el) => el.getAttribute('state'))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const rgba = (css) => {
    const v = css.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  /** The first opaque background at or above `node` (through shadow roots), white at the top. */
  const behind = (node) => {
    for (let n = node; n; n = n.parentElement ?? n.getRootNode()?.host) {
      if (n.nodeType !== 1) continue;
      const bg = rgba(getComputedStyle(n).backgroundColor);
      if (bg[3] === 1) return bg;
    }
    return [255, 255, 255, 1];
  };
  return els.map((el) => {
    const texts = [];
    const walk = (root) => {
      for (const n of root.querySelectorAll('*')) {
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath === 'inset(50%)' || n.closest('style,script')) continue;
        const own = [...n.childNodes].filter((c) => c.nodeType === 3 && c.textContent.trim()).map((c) => c.textContent.trim()).join(' ');
        if (own) texts.push({ text: own.slice(0, 40), ratio: contrast(rgba(s.color), behind(n)) });
      }
    };
    walk(el.shadowRoot);
    const base = el.shadowRoot.querySelector('[part~="base"]');
    return { tag: el.localName, theme: el.getAttribute('theme'), surface: getComputedStyle(base).backgroundColor, texts };
  });
}

if (engines.includes('webkit')) {
  describe('theme="auto" on a dark system (WebKitGTK under a dark GTK theme)', { timeout: 180_000 }, () => {
    let site;
    let browser;
    before(async () => {
      site = await staticSite('tiendo');
      browser = await launch('webkit', { webkitEnv: { GTK_THEME: 'Adwaita:dark' } });
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    it('draws the progress bar, the KPI and the model list dark with every text at >= 4.5:1; without theme they stay light', async () => {
      site.put('du-lieu/de-an-06.json', readFileSync(new URL('../../demo/feeds/de-an-06.json', import.meta.url)));
      const widgets = (theme) => `
<tiendo-progress data-case ${theme} src="/du-lieu/de-an-06.json" province="nghe-an">Nghệ An</tiendo-progress>
<tiendo-kpi data-case ${theme} src="/du-lieu/de-an-06.json" metric="on-time">Hồ sơ đúng hạn</tiendo-kpi>
<tiendo-model-list data-case ${theme} src="/du-lieu/de-an-06.json" province="nghe-an">Mô hình</tiendo-model-list>`;
      const url = site.put(
        'bai-viet/toi.html',
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tối</title></head><body style="width:420px">
<script type="module" src="${site.library}tiendo.js"></script>${widgets('theme="auto"')}${widgets('')}
</body></html>`,
      );
      const page = await browser.open(url, { width: 800, height: 1600 });
      try {
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'a dark colour scheme');
        const seen = await page.evaluate(readTheWidgets);
        assert.equal(seen.length, 6);
        for (const w of seen) {
          const dark = w.theme === 'auto';
          const [r, g, b] = w.surface.match(/\d+/g).map(Number);
          const light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 128;
          assert.equal(light, !dark, `<${w.tag}${dark ? ' theme="auto"' : ''}> surface ${w.surface}`);
          assert.ok(w.texts.length > 0, `<${w.tag}> texts read`);
          const low = w.texts.filter((t) => t.ratio < 4.5).map((t) => `"${t.text}" ${t.ratio.toFixed(2)}:1`);
          assert.deepEqual(low, [], `<${w.tag}${dark ? ' theme="auto"' : ''}>: texts under 4.5:1`);
        }
      } finally {
        await page.close();
      }
    });
  });
}
