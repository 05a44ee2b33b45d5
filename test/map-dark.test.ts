/**
 * `<tiendo-map>` in the dark and in its highlight colour (issue 18; SPEC "What every element must get right"):
 * with theme="dark" (and the light default) every text, the tiles' labels among them, meets 4.5:1 against
 * what is behind it; the tiles' and swatches' edges, the archipelagos' marks, the highlighted tile's ring and
 * the focus ring meet 3:1; the highlighted tile is drawn in `--tiendo-color-highlight-bar` (the chart's
 * highlight colour), never in `--tiendo-color-highlight` (a row tint).
 */
import { expect } from '@esm-bundle/chai';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import { cleanup, mount, part, untilState } from './helpers.js';
import { backgroundOf, contrast, graphicColors, parentOf, parseColor, textContrasts, type GraphicPaint } from './contrast.js';

const F34 = '/test/fixtures/provinces-34.json';

async function map(attrs: string, width = 420): Promise<TiendoMap> {
  const el = mount(`<tiendo-map ${attrs}></tiendo-map>`, { style: `width:${width}px` }).querySelector<TiendoMap>('tiendo-map')!;
  await untilState(el, 'ready');
  return el;
}

/** A feed where some provinces have no figure (hatched tiles) and the rest span the five classes. */
const SOME = {
  version: 1,
  provinces: [
    { id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6 } },
    { id: 'ha-tinh', name: 'Hà Tĩnh', models: { total: 30, completed: 27 } },
    { id: 'hue', name: 'Huế', models: { total: 33, completed: 11 } },
    { id: 'ca-mau', name: 'Cà Mau', models: { total: 48, completed: 30 } },
    { id: 'lai-chau', name: 'Lai Châu', models: { total: 34, completed: 18 } },
  ],
};

/** The first colour of a computed box-shadow (the highlighted tile's outer ring). */
const ringColor = (el: Element) => parseColor(getComputedStyle(el).boxShadow.match(/(rgba?|color)\([^()]*\)/)![0]);

/** The graphics that carry meaning and how each is drawn. */
const GRAPHICS: [string, GraphicPaint[]][] = [
  ['.tile', ['border']],
  ['.swatch', ['border']],
  ['.toggle', ['border']],
];

/** Every text under 4.5:1 and every graphic (and the ring of the highlighted and the focused tile) under 3:1. */
function lowContrast(el: TiendoMap): string[] {
  const low: string[] = [];
  for (const t of textContrasts(el)) if (t.ratio < 4.5) low.push(`text "${t.text}" ${t.ratio.toFixed(2)}:1`);
  const root = el.shadowRoot!;
  for (const [selector, paints] of GRAPHICS) {
    for (const g of root.querySelectorAll(selector)) {
      const behind = backgroundOf(parentOf(g));
      for (const c of graphicColors(g, paints)) {
        const ratio = contrast(c, behind);
        if (ratio < 3) low.push(`${selector} ${paints.join('+')} ${ratio.toFixed(2)}:1 (${g.textContent!.trim().slice(0, 20)})`);
      }
    }
  }
  // The archipelagos' dots are drawn in the text colour of their mark.
  for (const island of root.querySelectorAll('.island')) {
    const ratio = contrast(parseColor(getComputedStyle(island, '::before').backgroundImage.match(/(rgba?|color)\([^()]*\)/)![0]), backgroundOf(island));
    if (ratio < 3) low.push(`island dots ${ratio.toFixed(2)}:1`);
  }
  const hl = root.querySelector('.tile.hl');
  if (hl) {
    const ratio = contrast(ringColor(hl), backgroundOf(parentOf(hl)));
    if (ratio < 3) low.push(`highlight ring ${ratio.toFixed(2)}:1`);
  }
  return low;
}

describe('<tiendo-map> in the dark', () => {
  afterEach(cleanup);

  for (const theme of ['dark', 'light']) {
    it(`${theme}: every text 4.5:1, tile edges, swatches, marks and rings 3:1 (34 units, table open)`, async () => {
      const el = await map(`src="${F34}" highlight="nghe-an" theme="${theme}" show-sentence`);
      const surface = backgroundOf(part(el, 'base'));
      expect(contrast(surface, [255, 255, 255, 1]) > 10, 'the theme is on').to.equal(theme === 'dark');
      expect(lowContrast(el), theme).to.deep.equal([]);
      // Every tile's short name and figure were read (five classes: dark text on light tiles, white on dark).
      const texts = textContrasts(el).map((t) => t.text);
      expect(texts).to.include.members(['Nghệ An', '80,6']);
      // The focus ring of a tile.
      const tile = el.shadowRoot!.querySelector<HTMLElement>('.tile[tabindex="0"]')!;
      tile.focus({ focusVisible: true } as FocusOptions);
      if (tile.matches(':focus-visible')) {
        expect(contrast(graphicColors(tile, ['outline'])[0], surface), 'focus ring').to.be.at.least(3);
      }
      tile.blur();
      // The same figures as a table, opened.
      part(el, 'toggle')!.click();
      await el.updateComplete;
      expect(lowContrast(el), `${theme}, table open`).to.deep.equal([]);
    });

    it(`${theme}: hatched tiles without a figure keep their text and edges`, async () => {
      const el = mount(`<tiendo-map theme="${theme}"><script type="application/json">${JSON.stringify(SOME)}</script></tiendo-map>`, {
        style: 'width:320px',
      }).querySelector<TiendoMap>('tiendo-map')!;
      await untilState(el, 'ready');
      expect(el.shadowRoot!.querySelectorAll('.tile.none').length).to.be.above(20);
      expect(lowContrast(el), theme).to.deep.equal([]);
    });
  }

  it('draws the highlighted tile in --tiendo-color-highlight-bar, not the row tint --tiendo-color-highlight', async () => {
    const light = await map(`src="${F34}" highlight="nghe-an"`);
    const dark = await map(`src="${F34}" highlight="nghe-an" theme="dark"`);
    const hl = (el: Element) => el.shadowRoot!.querySelector('.tile.hl')!;
    // The documented defaults: #073b74 light, #79c0ff dark.
    expect(getComputedStyle(hl(light)).borderTopColor).to.equal('rgb(7, 59, 116)');
    expect(ringColor(hl(light))).to.deep.equal([7, 59, 116, 1]);
    expect(getComputedStyle(hl(dark)).borderTopColor).to.equal('rgb(121, 192, 255)');
    // A page's row tint leaves the tile alone; its highlight colour paints it.
    for (const el of [light, dark]) {
      el.style.setProperty('--tiendo-color-highlight', 'rgb(0, 200, 0)');
      expect(getComputedStyle(hl(el)).borderTopColor).not.to.equal('rgb(0, 200, 0)');
      el.style.setProperty('--tiendo-color-highlight-bar', 'rgb(200, 0, 0)');
      expect(getComputedStyle(hl(el)).borderTopColor).to.equal('rgb(200, 0, 0)');
      expect(ringColor(hl(el))).to.deep.equal([200, 0, 0, 1]);
    }
  });
});
