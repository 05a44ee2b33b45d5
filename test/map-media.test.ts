/**
 * `<tiendo-map>` wherever a reader meets it (issue 14: "no canvas: crisp at any zoom, print and forced
 * colours"): drawn in HTML, with no canvas, and drawn the same when a page has no canvas at all; under
 * forced colours the tiles keep their palette with system-coloured edges and readable labels
 * (Chromium: only its driver can emulate forced colours); on paper the tiles and swatches keep their
 * colours (a browser drops backgrounds when printing unless told they are data) and the screen-only
 * "show as a table" button goes; Space on a tile chooses it, as Enter does.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import type { TiendoSelectDetail } from '../src/base/group-controller.js';
import { backgroundOf, contrast, parentOf, parseColor } from './contrast.js';
import { cleanup, forcedColours, mount, part, untilState } from './helpers.js';

const F34 = '/test/fixtures/provinces-34.json';
const F63 = '/test/fixtures/provinces-63.json';

const root = (el: Element) => el.shadowRoot!;
const tiles = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="tile"]')];
const labelOf = (tile: Element) => tile.querySelector('.label')!.textContent!.replace(/\s+/g, ' ').trim();
const tileOf = (el: Element, name: string) => tiles(el).find((t) => labelOf(t).startsWith(`${name}: `))!;
const figureOf = (tile: Element) => tile.querySelector('[part~="figure"]')!.textContent!.trim();
const classOf = (tile: Element) => [...tile.classList].find((c) => /^(k\d|none)$/.test(c))!;
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;

async function map(attrs: string, width = 420): Promise<TiendoMap> {
  const el = mount(`<tiendo-map ${attrs}></tiendo-map>`, { style: `width:${width}px` }).querySelector<TiendoMap>('tiendo-map')!;
  await untilState(el, 'ready');
  return el;
}

/** A system colour as the engine computes it (read from an element that the forced colours leave alone). */
function system(color: string): string {
  const probe = document.createElement('i');
  probe.style.cssText = `forced-color-adjust:none;color:${color}`;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** A feed where some provinces have no figure (hatched tiles). */
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

describe('<tiendo-map> without a canvas', () => {
  afterEach(cleanup);

  it('draws its tiles, legend and marks in HTML: no canvas, no image', async () => {
    for (const feed of [F34, F63]) {
      const el = await map(`src="${feed}"`);
      expect(root(el).querySelectorAll('canvas, img, svg image, object, embed, iframe'), feed).to.have.length(0);
      expect(tiles(el).every((t) => t.localName === 'button'), feed).to.equal(true);
      // Every figure is text on its tile, so it scales and prints with the page's fonts.
      for (const t of tiles(el)) expect(figureOf(t), labelOf(t)).to.match(/^\d+(,\d+)?%$/);
      cleanup();
    }
  });

  it('draws the same map on a page where canvas does not work', async () => {
    const proto = HTMLCanvasElement.prototype;
    const getContext = proto.getContext;
    const toDataURL = proto.toDataURL;
    const refuse = () => {
      throw new Error('no canvas on this page');
    };
    proto.getContext = refuse as typeof getContext;
    proto.toDataURL = refuse;
    let figures: string[];
    let classes: string[];
    try {
      const el = await map(`src="${F34}" highlight="nghe-an"`);
      expect(tiles(el)).to.have.length(34);
      figures = tiles(el).map(figureOf);
      classes = tiles(el).map(classOf);
      expect(labelOf(tileOf(el, 'Nghệ An'))).to.equal('Nghệ An: 80,6%');
    } finally {
      proto.getContext = getContext;
      proto.toDataURL = toDataURL;
    }
    cleanup();
    const normal = await map(`src="${F34}" highlight="nghe-an"`);
    expect(tiles(normal).map(figureOf)).to.deep.equal(figures);
    expect(tiles(normal).map(classOf)).to.deep.equal(classes);
  });
});

describe('<tiendo-map> under forced colours', () => {
  afterEach(cleanup);


  it('keeps the palette with system-coloured tile edges, readable labels and a marked highlight', async function () {
    const box = mount(
      `<tiendo-map src="${F34}" highlight="nghe-an"></tiendo-map><tiendo-map><script type="application/json">${JSON.stringify(SOME)}</script></tiendo-map>`,
      { style: 'width:420px' },
    );
    const [el, some] = [...box.querySelectorAll<TiendoMap>('tiendo-map')];
    await untilState(el, 'ready');
    await untilState(some, 'ready');
    const before = tiles(el).map((t) => getComputedStyle(t).backgroundColor);
    if (!(await forcedColours(true))) {
      // Firefox and WebKit's drivers (WebDriver BiDi, WebKitWebDriver) cannot emulate forced colours (Firefox is checked in
      // test/cli/forced-colours.test.mjs, started with them on by its preference; WebKitGTK can do neither).
      this.skip();
    }
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const text = system('CanvasText');
      const highlight = system('Highlight');
      const canvas = parseColor(system('Canvas'));
      // The classes stay told apart: each tile keeps its palette colour (the colours are data)…
      expect(tiles(el).map((t) => getComputedStyle(t).backgroundColor)).to.deep.equal(before);
      expect(new Set(before).size).to.equal(5);
      for (const t of tiles(el)) {
        const s = getComputedStyle(t);
        // …each tile is outlined in the system's text colour (the highlighted one in Highlight), against its page,
        const edge = t.classList.contains('hl') ? highlight : text;
        expect(s.borderTopColor, labelOf(t)).to.equal(edge);
        expect(contrast(parseColor(s.borderTopColor), backgroundOf(parentOf(t))), `${labelOf(t)} edge`).to.be.at.least(3);
        // …and its short name and figure stay readable on its colour.
        const ratio = contrast(parseColor(s.color), parseColor(s.backgroundColor));
        expect(ratio, `${labelOf(t)} label`).to.be.at.least(4.5);
      }
      expect(canvas[3]).to.equal(1);
      // The highlighted tile is still set apart by more than colour: its rings.
      expect(getComputedStyle(tileOf(el, 'Nghệ An')).boxShadow).to.not.equal('none');
      // The legend's swatches match the tiles, edged in the text colour.
      const swatches = [...part(el, 'legend')!.querySelectorAll<HTMLElement>('.swatch')];
      expect(swatches.slice(0, 5).map((s) => getComputedStyle(s).backgroundColor)).to.have.members(before.filter((c, i) => before.indexOf(c) === i));
      for (const s of swatches) expect(getComputedStyle(s).borderTopColor).to.equal(text);
      // A tile without figures stays hatched, like its swatch, and says so.
      const hatched = tileOf(some, 'Hà Nội');
      expect(labelOf(hatched)).to.equal('Hà Nội: không có số liệu');
      expect(getComputedStyle(hatched).backgroundImage).to.match(/^repeating-linear-gradient\(/);
      expect(getComputedStyle(hatched).backgroundImage).to.equal(getComputedStyle(part(some, 'legend')!.querySelector('.swatch.none')!).backgroundImage);
      const ratio = contrast(parseColor(getComputedStyle(hatched).color), backgroundOf(hatched));
      expect(ratio, 'the hatched tile’s label').to.be.at.least(4.5);
    } finally {
      await forcedColours(false);
    }
  });
});

describe('<tiendo-map> on paper', () => {
  afterEach(cleanup);

  it('keeps its tile and swatch colours when printed (they are data), and drops the screen-only button', async () => {
    const el = await map(`src="${F34}" highlight="nghe-an"`);
    // A browser leaves backgrounds out of a printout unless the page says they matter.
    const adjust = (node: Element) => {
      const s = getComputedStyle(node);
      return s.getPropertyValue('print-color-adjust') || s.getPropertyValue('-webkit-print-color-adjust');
    };
    for (const t of tiles(el)) expect(adjust(t), labelOf(t)).to.equal('exact');
    for (const s of part(el, 'legend')!.querySelectorAll('.swatch')) expect(adjust(s)).to.equal('exact');

    let printing = false;
    try {
      await emulateMedia({ media: 'print' });
      printing = matchMedia('print').matches;
    } catch {
      // Firefox over WebDriver BiDi and WebKitGTK's WebDriver cannot emulate print: read the rule instead.
    }
    try {
      if (printing) {
        expect(getComputedStyle(part(el, 'toggle')!).display).to.equal('none');
        // The tiles and their figures stay, in their colours.
        expect(tiles(el).every((t) => getComputedStyle(t).display !== 'none')).to.equal(true);
        expect(getComputedStyle(tileOf(el, 'Nghệ An')).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      } else {
        // The print rule of the map's own styles hides the button and nothing else.
        const sheets = [...root(el).adoptedStyleSheets, ...[...root(el).querySelectorAll('style')].map((s) => s.sheet!)];
        const rules = sheets.flatMap((s) => [...s.cssRules]).filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /^print$/.test(r.media.mediaText));
        expect(rules.length, 'a print rule').to.be.above(0);
        const inside = rules.flatMap((r) => [...r.cssRules] as CSSStyleRule[]);
        const hidden = inside.filter((r) => r.style.display === 'none').map((r) => r.selectorText);
        expect(hidden).to.deep.equal(['.toggle']);
        expect(root(el).querySelector(hidden[0])).to.equal(part(el, 'toggle'));
      }
    } finally {
      if (printing) await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle(part(el, 'toggle')!).display).to.not.equal('none');
  });
});

describe('<tiendo-map> keys', () => {
  afterEach(cleanup);

  it('chooses a tile with Space, as with Enter, and tells the page', async () => {
    const box = mount(`<button>before</button><tiendo-map src="${F34}" group="g" highlight="nghe-an"></tiendo-map>`);
    const el = box.querySelector<TiendoMap>('tiendo-map')!;
    await untilState(el, 'ready');
    box.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(labelOf(focused(el)!)).to.match(/^Nghệ An: /);
    await sendKeys({ press: 'ArrowDown' });
    expect(labelOf(focused(el)!)).to.match(/^Hà Tĩnh: /);
    const events: TiendoSelectDetail[] = [];
    const listen = (e: Event) => events.push((e as CustomEvent<TiendoSelectDetail>).detail);
    document.addEventListener('tiendo-select', listen);
    try {
      // ' ' is the Space key in every driver (Firefox's BiDi knows no "Space").
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(events).to.deep.equal([{ province: 'ha-tinh', commune: undefined, group: 'g' }]);
      expect(el.getAttribute('highlight')).to.equal('ha-tinh');
      expect(tileOf(el, 'Hà Tĩnh').getAttribute('aria-current')).to.equal('true');
      expect(tileOf(el, 'Nghệ An').getAttribute('aria-current')).to.equal(null);
      // The focus stays on the chosen tile.
      expect(labelOf(focused(el)!)).to.match(/^Hà Tĩnh: /);
    } finally {
      document.removeEventListener('tiendo-select', listen);
    }
  });
});
