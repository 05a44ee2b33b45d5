/**
 * Forced colours in Firefox (issue 18: "the chart's labels have contrast ≥ 4.5:1 against the canvas
 * background" under forced colours). The browser suite checks this in Chromium, whose driver emulates
 * forced colours; Firefox's driver cannot, but Firefox turns them on by a preference at launch, so this
 * test starts a Firefox of its own with a high-contrast palette (yellow text on black, as a reader's
 * "override the page's colours" setting gives) and opens a page of a plain static server with the built
 * library. WebKitGTK has neither the emulation nor the setting: not run there.
 *
 * What the reader gets: the chart's canvas draws its labels in the system's text colour (yellow here), never
 * in the theme's near-black (#1f2328, 1.3:1 on black before issue 18), at ≥ 4.5:1 against the widget's
 * background; the map keeps its five palette colours (the colours are data), edges each tile in the
 * system's colours and keeps every label readable on its tile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { engines, launch } from './browsers.mjs';
import { staticSite } from './static-site.mjs';

const FEED = {
  version: 1,
  title: 'Hồ sơ trực tuyến',
  asOf: '2024-10-04',
  source: { name: 'Bộ Công an' },
  metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
  provinces: [
    { id: 'nghe-an', name: 'Nghệ An', metrics: { m: { value: 731 } } },
    { id: 'ha-tinh', name: 'Hà Tĩnh', metrics: { m: { value: 529 } } },
    { id: 'quang-tri', name: 'Quảng Trị', metrics: { m: { value: 317 } } },
  ],
};

/** In the page: the chart ready, its canvas's pixels counted by colour, the system colours, the widget's background. */
async function chartUnderForcedColours() {
  const el = document.querySelector('tiendo-chart');
  for (let start = performance.now(); el.getAttribute('state') !== 'ready'; ) {
    if (performance.now() - start > 30_000) throw new Error(`the chart is ${el.getAttribute('state')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const canvas = el.shadowRoot.querySelector('canvas[part~="canvas"]') ?? el.shadowRoot.querySelector('canvas');
  // Drawn: a few frames after ready.
  for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
  const probe = document.createElement('i');
  probe.style.cssText = 'forced-color-adjust:none;color:CanvasText;background-color:Canvas';
  document.body.append(probe);
  const system = { text: getComputedStyle(probe).color, canvas: getComputedStyle(probe).backgroundColor };
  probe.remove();
  const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const [tr, tg, tb] = rgb(system.text);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inText = 0;
  let inTheme = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 200) continue;
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 40) inText++;
    if (Math.abs(r - 0x1f) + Math.abs(g - 0x23) + Math.abs(b - 0x28) < 24) inTheme++;
  }
  const base = el.shadowRoot.querySelector('[part~="base"]');
  return {
    forced: matchMedia('(forced-colors: active)').matches,
    system,
    background: getComputedStyle(base).backgroundColor,
    size: [canvas.width, canvas.height],
    inText,
    inTheme,
    sentence: el.shadowRoot.querySelector('[part~="sentence"]')?.textContent ?? '',
  };
}


/** In the page: the map ready; each tile's colours, edge and label contrast, against the system colours. */
async function mapUnderForcedColours() {
  const el = document.querySelector('tiendo-map');
  for (let start = performance.now(); el.getAttribute('state') !== 'ready'; ) {
    if (performance.now() - start > 30_000) throw new Error(`the map is ${el.getAttribute('state')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const probe = document.createElement('i');
  document.body.append(probe);
  const system = (name) => {
    probe.style.cssText = `forced-color-adjust:none;color:${name}`;
    return getComputedStyle(probe).color;
  };
  const colours = { text: system('CanvasText'), highlight: system('Highlight'), canvas: system('Canvas') };
  probe.remove();
  const tiles = [...el.shadowRoot.querySelectorAll('[part~="tile"]')].map((t) => {
    const s = getComputedStyle(t);
    return { name: t.getAttribute('aria-label') ?? t.textContent.trim(), hl: t.classList.contains('hl'), background: s.backgroundColor, color: s.color, edge: s.borderTopColor };
  });
  return { forced: matchMedia('(forced-colors: active)').matches, colours, tiles, page: getComputedStyle(el.shadowRoot.querySelector('[part~="base"]')).backgroundColor };
}

/** WCAG contrast of two "rgb(…)" colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

if (engines.includes('firefox')) {
  describe('the chart under forced colours (Firefox, by its preference)', { timeout: 180_000 }, () => {
    let site;
    let browser;
    before(async () => {
      site = await staticSite('tiendo');
      browser = await launch('firefox', {
        firefoxPrefs: {
          // "Override the colours specified by the page with your selections above: Always", yellow on black.
          'browser.display.document_color_use': 2,
          'browser.display.use_system_colors': false,
          'browser.display.foreground_color': '#ffff00',
          'browser.display.background_color': '#000000',
        },
      });
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    it("draws the chart's labels in the system's text colour, ≥ 4.5:1 against the widget's background, never in the theme's near-black", async () => {
      const json = JSON.stringify(FEED).replace(/</g, '\\u003c');
      const url = site.put(
        'bai-viet/bieu-do.html',
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biểu đồ</title></head><body>
<script type="module" src="${site.library}tiendo.js"></script>
<tiendo-chart metric="m" highlight="ha-tinh" style="display:block;width:640px"><script type="application/json">${json}</script></tiendo-chart>
</body></html>`,
      );
      const page = await browser.open(url, { width: 800, height: 900 });
      try {
        const seen = await page.evaluate(chartUnderForcedColours);
        assert.equal(seen.forced, true, 'Firefox has forced colours on');
        assert.equal(seen.system.text, 'rgb(255, 255, 0)');
        assert.ok(seen.size[0] > 0 && seen.size[1] > 0, `a canvas drawn (${seen.size})`);
        assert.match(seen.sentence, /Hà Tĩnh/);
        assert.ok(seen.inText > 50, `labels drawn in the system's text colour (${seen.inText} pixels)`);
        assert.equal(seen.inTheme, 0, "no pixel in the theme's near-black text colour");
        const ratio = contrast(seen.system.text, seen.background);
        assert.ok(ratio >= 4.5, `labels ${seen.system.text} on ${seen.background}: ${ratio.toFixed(2)}:1`);
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });

    it('keeps the map\'s five palette colours, edges each tile in the system\'s colours and keeps its label readable on it', async () => {
      site.put('du-lieu/34.json', readFileSync(new URL('../fixtures/provinces-34.json', import.meta.url)));
      const url = site.put(
        'bai-viet/ban-do.html',
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bản đồ</title></head><body>
<script type="module" src="${site.library}tiendo.js"></script>
<tiendo-map src="/du-lieu/34.json" highlight="nghe-an" style="display:block;width:420px"></tiendo-map>
</body></html>`,
      );
      const page = await browser.open(url, { width: 800, height: 1200 });
      try {
        const seen = await page.evaluate(mapUnderForcedColours);
        assert.equal(seen.forced, true);
        assert.equal(seen.tiles.length, 34);
        assert.equal(new Set(seen.tiles.map((t) => t.background)).size, 5, 'five classes told apart by their colour');
        assert.equal(seen.tiles.filter((t) => t.hl).length, 1);
        for (const t of seen.tiles) {
          assert.equal(t.edge, t.hl ? seen.colours.highlight : seen.colours.text, `${t.name}: its edge in the system's colour`);
          assert.ok(contrast(t.edge, seen.page) >= 3, `${t.name}: edge ${t.edge} on ${seen.page}`);
          assert.ok(contrast(t.color, t.background) >= 4.5, `${t.name}: label ${t.color} on ${t.background}`);
        }
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });
  });
}
