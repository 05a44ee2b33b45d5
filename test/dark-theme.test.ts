/**
 * The dark theme (SPEC, common attributes: `theme`; "What every element must get right"; issue 18):
 * with theme="dark", and with theme="auto" on a dark system, every text of progress, KPI and model list
 * meets 4.5:1 and every graphic and the focus ring 3:1 against what is behind them, in every state.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import { cleanup, mockFeed, mount, part, untilState } from './helpers.js';
import { installFakeClock, realUntil } from './fake-clock.js';
import * as contrastKit from './contrast.js';
import { backgroundOf, contrast, graphicColors, parseColor, textContrasts, type GraphicPaint } from './contrast.js';
import { animator } from 'chart.js';
import { chartOf } from '../src/chart/chart-renderer.js';

const FIGURES = {
  version: 1,
  asOf: '2024-10-04',
  source: { name: 'Công an tỉnh Nghệ An', url: 'https://congan.nghean.gov.vn/' },
  metrics: [{ id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' }],
  models: [
    { id: '6', name: 'Khám chữa bệnh bằng thẻ căn cước' },
    { id: '21', name: 'Nền tảng tích hợp, chia sẻ dữ liệu' },
    { id: '22', name: 'Truyền thông nội bộ' },
  ],
  provinces: [
    {
      id: 'nghe-an',
      name: 'Nghệ An',
      models: { total: 41, completed: 7, inProgress: 23, notStarted: 11 },
      modelStatus: { '6': 'completed', '21': 'in-progress', '22': 'not-started' },
      metrics: {
        'on-time': {
          value: 74336,
          total: 74587,
          target: 0.995,
          history: [
            { asOf: '2024-06-30', value: 70100, total: 71000 },
            { asOf: '2024-08-31', value: 72900, total: 73300 },
          ],
        },
      },
    },
    // Nothing for any of the three widgets: their empty state.
    { id: 'trong', name: 'Tỉnh trống' },
  ],
};

const OVERDUE = { ...FIGURES, nextUpdate: '2024-10-20' };

/** The three widgets on `province`, dark (or `theme`), with a feed given inside each tag (or `src`). */
function three(province: string, { theme = 'dark', src = '', extra = '' } = {}): string {
  const attrs = `theme="${theme}" province="${province}" ${src ? `src="${src}" refresh="30"` : ''} ${extra}`;
  return `<tiendo-progress ${attrs}>Nghệ An: 7/41</tiendo-progress>
    <tiendo-kpi ${attrs} metric="on-time">74.336 hồ sơ</tiendo-kpi>
    <tiendo-model-list ${attrs}>Danh sách mô hình</tiendo-model-list>`;
}

async function mountWith(markup: string, feed: unknown, state: string): Promise<HTMLElement[]> {
  const box = mount(markup, { style: 'width:420px' });
  const els = [...box.children] as HTMLElement[];
  if (feed) {
    for (const el of els) {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(feed);
      el.append(script);
    }
  }
  for (const el of els) await untilState(el, state);
  return els;
}

/** The graphics of each widget and how each is drawn (the bars, swatches, lines and marks that carry meaning). */
const GRAPHICS: [string, GraphicPaint[]][] = [
  ['.segment.completed', ['fill']],
  ['.segment.in-progress', ['image']],
  ['.segment.not-started', ['image']],
  ['.bar', ['border']],
  ['.swatch', ['border']],
  ['.swatch.completed', ['fill']],
  ['.swatch.in-progress', ['image']],
  ['.swatch.not-started', ['image']],
  ['.track', ['border']],
  ['.fill', ['fill']],
  ['.mark', ['fill']],
  ['.trend', ['stroke']],
  ['.note', ['border']],
];

type Kit = typeof contrastKit;

/**
 * Fails with every text under 4.5:1 and every graphic (and the focused link's ring) under 3:1. `kit`: the
 * contrast helpers of the widget's own page (a frame's, whose nodes are not this realm's Elements).
 */
async function expectContrast(el: HTMLElement, what: string, kit: Kit = contrastKit): Promise<void> {
  const { backgroundOf, contrast, graphicColors, parentOf, textContrasts } = kit;
  const low: string[] = [];
  for (const t of textContrasts(el)) if (t.ratio < 4.5) low.push(`text "${t.text}" ${t.ratio.toFixed(2)}:1`);
  for (const [selector, paints] of GRAPHICS) {
    for (const g of el.shadowRoot!.querySelectorAll(selector)) {
      const behind = backgroundOf(parentOf(g));
      for (const c of graphicColors(g, paints)) {
        const ratio = contrast(c, behind);
        if (ratio < 3) low.push(`graphic ${selector} ${paints.join('+')} ${ratio.toFixed(2)}:1`);
      }
    }
  }
  const link = part(el, 'source-link');
  if (link) {
    link.focus({ focusVisible: true } as FocusOptions);
    if (link.matches(':focus-visible')) {
      const ratio = contrast(graphicColors(link, ['outline'])[0], backgroundOf(parentOf(link)));
      if (ratio < 3) low.push(`focus ring ${ratio.toFixed(2)}:1`);
    }
    link.blur();
  }
  expect(low, `<${el.localName}> ${what}`).to.deep.equal([]);
  expect(textContrasts(el).length, `<${el.localName}> ${what}: texts were read`).to.be.above(0);
}

type Rgba = [number, number, number, number];

/** A bar as Chart.js lays it out. */
interface BarBox {
  getProps(props: string[], final: boolean): { x: number; y: number; base: number; width: number; height: number };
}

/**
 * The colour covering most of the inside of `bar` (2 px in from its edges) on the chart's canvas, the surface
 * `behind` left out (the ground between a pattern's dots); `behind` itself when nothing else is painted yet;
 * undefined for a bar too small to have an inside.
 */
function dominantInside(chart: NonNullable<ReturnType<typeof chartOf>>, bar: BarBox, behind: Rgba): Rgba | undefined {
  const skip = new Set(
    Object.values(chart.options.scales ?? {}).map((sc) => `${parseColor(String((sc as { grid?: { color?: unknown } }).grid?.color)).slice(0, 3).join(',')},255`),
  );
  const { x, y, base, width, height } = bar.getProps(['x', 'y', 'base', 'width', 'height'], true);
  const lying = chart.options.indexAxis === 'y';
  const [left, right] = lying ? [Math.min(base, x), Math.max(base, x)] : [x - width / 2, x + width / 2];
  const [top, bottom] = lying ? [y - height / 2, y + height / 2] : [Math.min(base, y), Math.max(base, y)];
  // A bar of nothing (no model in that status) has no inside.
  if (right - left < 6 || bottom - top < 6) return undefined;
  const r = chart.currentDevicePixelRatio;
  const w = Math.max(1, Math.round((right - left - 4) * r));
  const h = Math.max(1, Math.round((bottom - top - 4) * r));
  const px = chart.ctx.getImageData(Math.round((left + 2) * r), Math.round((top + 2) * r), w, h).data;
  const counts = new Map<string, number>();
  for (let k = 0; k < px.length; k += 4) {
    // Opaque pixels only (a dot's soft edge is not its colour), and not the grid seen between a pattern's dots.
    if (px[k + 3] !== 255 || contrast([px[k], px[k + 1], px[k + 2], 1], behind) <= 1.1) continue;
    const key = `${px[k]},${px[k + 1]},${px[k + 2]},255`;
    if (skip.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const first = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!first) return behind;
  const [cr, cg, cb, ca] = first[0].split(',').map(Number);
  return [cr, cg, cb, ca / 255];
}

describe('dark theme', () => {
  afterEach(cleanup);

  it('ready: every text 4.5:1, every graphic and the focus ring 3:1', async () => {
    const els = await mountWith(three('nghe-an'), FIGURES, 'ready');
    // The theme is on: the surface is dark.
    expect(contrast(backgroundOf(part(els[0], 'base')), [255, 255, 255, 1])).to.be.above(10);
    for (const el of els) await expectContrast(el, 'ready');
    expect(part(els[0], 'source-link'), 'the focus ring was checked').not.to.equal(null);
  });

  it('overdue: the note and its text', async () => {
    const els = await mountWith(three('nghe-an'), OVERDUE, 'ready');
    for (const el of els) {
      expect(part(el, 'overdue-note'), el.localName).not.to.equal(null);
      await expectContrast(el, 'overdue');
    }
  });

  it('empty, and error with debug (the fallback content and the full reason)', async () => {
    const empty = await mountWith(three('trong'), FIGURES, 'empty');
    for (const el of empty) await expectContrast(el, 'empty');
    const errors = await mountWith(three('nowhere', { extra: 'debug' }), FIGURES, 'error');
    for (const el of errors) {
      expect(part(el, 'debug'), el.localName).not.to.equal(null);
      await expectContrast(el, 'error with debug');
    }
  });

  it('stale: the note after a failed refresh', async () => {
    const url = await mockFeed([{ body: FIGURES }, { status: 500, body: '' }]);
    const clock = installFakeClock(window);
    const box = mount(three('nghe-an', { src: url }), { style: 'width:420px' });
    const els = [...box.children] as HTMLElement[];
    try {
      await realUntil(() => els.every((el) => el.getAttribute('state') === 'ready'), 'first answers');
      await clock.next(() => realUntil(() => els.every((el) => el.hasAttribute('stale')), 'stale widgets'));
    } finally {
      clock.uninstall();
    }
    for (const el of els) {
      await untilState(el, 'ready');
      await expectContrast(el, 'stale');
    }
  });

  it('a colour the page sets still wins over the dark theme', async () => {
    const els = await mountWith(three('nghe-an'), FIGURES, 'ready');
    els[0].parentElement!.style.setProperty('--tiendo-color-surface', 'rgb(0, 0, 80)');
    els[0].style.setProperty('--tiendo-color-completed', 'rgb(250, 250, 0)');
    expect(getComputedStyle(part(els[0], 'base')!).backgroundColor).to.equal('rgb(0, 0, 80)');
    expect(getComputedStyle(part(els[0], 'segment-completed')!).backgroundColor).to.equal('rgb(250, 250, 0)');
    // Light (the default) is untouched by the theme's values.
    const [light] = await mountWith('<tiendo-progress province="nghe-an"></tiendo-progress>', FIGURES, 'ready');
    expect(getComputedStyle(part(light, 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(part(light, 'segment-completed')!).backgroundColor).to.equal('rgb(11, 98, 196)');
  });

  it('theme="auto" follows a dark colour scheme (Chromium: the driver emulates it; Firefox: a frame\'s colour scheme)', async function () {
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      // Firefox over WebDriver BiDi and WebKitGTK's WebDriver offer no colour-scheme emulation: Firefox lets a
      // frame's `color-scheme` set prefers-color-scheme inside it (the next test); WebKitGTK follows its GTK theme,
      // which test/cli/dark-scheme.test.mjs sets for a WebKit of its own.
      return this.skip();
    }
    try {
      if (!matchMedia('(prefers-color-scheme: dark)').matches) throw new Error('emulated, yet prefers-color-scheme is not dark');
      const els = await mountWith(three('nghe-an', { theme: 'auto' }), OVERDUE, 'ready');
      expect(contrast(backgroundOf(part(els[0], 'base')), [255, 255, 255, 1])).to.be.above(10);
      for (const el of els) await expectContrast(el, 'auto, dark scheme');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(part(els[0], 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' }).catch(() => undefined);
    }
  });

  it('theme="auto" in a frame whose colour scheme is dark (Firefox; where emulation is missing)', async function () {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'color-scheme: dark; width: 460px; height: 900px; border: 0';
    document.body.append(frame);
    try {
      const doc = frame.contentDocument!;
      doc.open();
      doc.write('<!doctype html><html lang="vi"><body></body></html>');
      doc.close();
      const win = frame.contentWindow as Window & typeof globalThis & { tiendoContrast?: Kit };
      if (!win.matchMedia('(prefers-color-scheme: dark)').matches) {
        // Chromium (emulated above) and WebKit follow the reader's system inside a frame, not the frame's
        // colour-scheme; WebKitGTK's WebDriver cannot emulate prefers-color-scheme either: nothing to test with.
        return this.skip();
      }
      const box = doc.createElement('div');
      box.style.width = '420px';
      box.innerHTML = three('nghe-an', { theme: 'auto' }).replace(/<\/tiendo-(progress|kpi|model-list)>/g, (end) => `<script type="application/json">${JSON.stringify(OVERDUE)}</scr${''}ipt>${end}`);
      doc.body.append(box);
      const script = doc.createElement('script');
      script.type = 'module';
      script.textContent = `import ${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)};
        import * as kit from ${JSON.stringify(new URL('./contrast.ts', import.meta.url).href)};
        window.tiendoContrast = kit;`;
      doc.head.append(script);
      const els = [...box.children] as HTMLElement[];
      await realUntil(() => Boolean(win.tiendoContrast) && els.every((el) => el.getAttribute('state') === 'ready'), 'ready in the frame', 15_000);
      const kit = win.tiendoContrast!;
      expect(kit.contrast(kit.backgroundOf(part(els[0], 'base')), [255, 255, 255, 1]), 'the surface is dark').to.be.above(10);
      for (const el of els) await expectContrast(el, 'auto, a dark frame', kit);
      // The frame turns light: so does the widget.
      frame.style.colorScheme = 'light';
      await realUntil(() => !win.matchMedia('(prefers-color-scheme: dark)').matches, 'a light frame');
      expect(win.getComputedStyle(part(els[0], 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      frame.remove();
    }
  });

  it('loading: the fallback text kept in view, and the skeleton, are dark (no light flash), texts 4.5:1', async () => {
    const hang = await mockFeed([{ hang: true }]);
    const box = mount(
      `${three('nghe-an', { src: hang })}<tiendo-progress theme="dark" src="${hang}" province="nghe-an"></tiendo-progress>`,
      { style: 'width:420px' },
    );
    const els = [...box.children] as HTMLElement[];
    await customElements.whenDefined('tiendo-model-list');
    for (const el of els) await untilState(el, 'loading');
    const white: [number, number, number, number] = [255, 255, 255, 1];
    for (const el of els.slice(0, 3)) {
      // The editor's fallback text stays in view while the figures load.
      expect(textContrasts(el).map((t) => t.text).join(' '), el.localName).to.match(/\S/);
      await expectContrast(el, 'loading, fallback text');
    }
    const skeleton = part(els[3], 'skeleton')!;
    expect(skeleton, 'no fallback: a skeleton').not.to.equal(null);
    const surface = backgroundOf(part(els[3], 'base'));
    expect(contrast(surface, white), 'the surface is dark').to.be.above(10);
    const shades = graphicColors(skeleton, ['fill', 'image']);
    expect(shades.length, 'the skeleton is painted').to.be.above(0);
    // Each shade of the shimmer is nearer the dark surface than white: no light block on a dark page.
    for (const c of shades) expect(contrast(c, surface), `skeleton ${c.join(',')}`).to.be.below(contrast(c, white));
  });

  for (const [what, attrs] of [
    ['bars of a metric, one highlighted', 'metric="on-time" highlight="nghe-an"'],
    ['pilot models by status', 'type="bar"'],
    ['a doughnut of models by status', 'type="doughnut"'],
    ['a line over time', 'metric="residence-online" compare="ha-noi,nghe-an,ha-tinh"'],
  ]) {
    it(`the chart's canvas in the dark (${what}): labels 4.5:1, bars, lines and slices 3:1 against the surface`, async () => {
      const box = mount(`<tiendo-chart theme="dark" src="/demo/feeds/minh-hoa-34.json" ${attrs}></tiendo-chart>`, { style: 'width:420px' });
      const el = box.firstElementChild as HTMLElement;
      await untilState(el, 'ready', 15_000);
      const canvas = () => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]')!;
      await realUntil(() => Boolean(canvas() && chartOf(canvas())), 'the chart drawn', 15_000);
      const chart = chartOf(canvas())!;
      const behind = backgroundOf(canvas());
      expect(contrast(behind, [255, 255, 255, 1]), 'the canvas stands on the dark surface').to.be.above(10);
      const low: string[] = [];
      const check = (where: string, css: unknown, least: number) => {
        if (typeof css !== 'string') return; // a pattern: its line colour is checked instead
        const ratio = contrast(parseColor(css), behind);
        if (ratio < least) low.push(`${where} ${css} ${ratio.toFixed(2)}:1`);
      };
      // Words drawn on the canvas: every axis's labels, and the chart's own text colour.
      check('text', chart.options.color, 4.5);
      let axes = 0;
      for (const [id, scale] of Object.entries(chart.options.scales ?? {})) {
        const ticks = (scale as { ticks?: { color?: unknown; display?: boolean } }).ticks;
        if ((scale as { display?: unknown }).display === false || ticks?.display === false) continue;
        check(`axis ${id} labels`, ticks?.color, 4.5);
        axes++;
      }
      // What carries the figures, as the chart resolved it: each bar (its options may be functions of the bar),
      // each slice, each line; a fill that is a pattern (stripes, dots) is read by its edge, drawn in its colour.
      let marks = 0;
      const patterned: [string, BarBox][] = [];
      const mark = (where: string, fill: unknown, edge: unknown) => {
        check(where, typeof fill === 'string' ? fill : edge, 3);
        marks++;
      };
      chart.data.datasets.forEach((set, i) => {
        const name = String(set.label ?? `series ${i}`);
        const look = (set as { look?: { line: string } }).look;
        if (look) return mark(`${name} line`, look.line, look.line);
        const fills = set.backgroundColor;
        if (Array.isArray(fills) && chart.getDatasetMeta(i).type !== 'bar') {
          const edges = ([] as unknown[]).concat(set.borderColor);
          return fills.forEach((fill, j) => mark(`${name} #${j}`, fill, edges[j % edges.length]));
        }
        type Resolved = { options?: { backgroundColor?: unknown; borderColor?: unknown } };
        const bars = chart.getDatasetMeta(i).data as unknown as Resolved[];
        const plain = bars.some((bar) => typeof bar.options?.backgroundColor === 'string');
        for (const [j, bar] of bars.entries()) {
          mark(`${name} #${j}`, bar.options?.backgroundColor, bar.options?.borderColor);
          // The highlighted bar: hatched among plain ones.
          if (plain && typeof bar.options?.backgroundColor !== 'string') patterned.push([`${name} #${j}`, bar as unknown as BarBox]);
        }
      });
      // The highlighted bar by its pixels too (its fill is a pattern over --tiendo-color-highlight-bar): the colour
      // that covers most of its inside, once the bars have grown in. (The statuses' stripes and dots are read by
      // their edges: between the dots the grid shows through, blended differently by each engine.)
      if (/highlight/.test(attrs)) expect(patterned.length, 'the highlighted bar was found').to.equal(1);
      await realUntil(() => !animator.running(chart), 'the bars grown in');
      for (const [where, bar] of patterned) {
        const dominant = dominantInside(chart, bar, behind);
        // Too small for an inside, or a few dots that miss it: its edge was read above.
        if (!dominant || dominant === behind) continue;
        const ratio = contrast(dominant, behind);
        if (ratio < 3) low.push(`${where} painted rgb(${dominant.slice(0, 3).join(',')}) ${ratio.toFixed(2)}:1`);
      }
      expect(marks, 'colours were read').to.be.above(0);
      if (!/doughnut/.test(attrs)) expect(axes, 'axes were read').to.be.above(0);
      expect(low, low.join('; ')).to.deep.equal([]);
      // And what is drawn beside the canvas (title, legend, sentence, toggle): every text 4.5:1.
      for (const t of textContrasts(el)) if (t.ratio < 4.5) low.push(`text "${t.text}" ${t.ratio.toFixed(2)}:1`);
      expect(low, low.join('; ')).to.deep.equal([]);
    });
  }

  it('the other widgets on 34 provinces: table, picker, map, and the chart\'s words (every text 4.5:1)', async () => {
    const src = '/demo/feeds/minh-hoa-34.json';
    const box = mount(
      `<tiendo-province-table theme="dark" src="${src}" highlight="ha-tinh"></tiendo-province-table>
      <tiendo-picker theme="dark" src="${src}"></tiendo-picker>
      <tiendo-map theme="dark" src="${src}" highlight="ha-tinh"></tiendo-map>
      <tiendo-chart theme="dark" src="${src}" highlight="ha-tinh"></tiendo-chart>`,
      { style: 'width:420px' },
    );
    const els = [...box.children] as HTMLElement[];
    for (const el of els) await untilState(el, 'ready', 15_000);
    for (const el of els) {
      expect(contrast(backgroundOf(part(el, 'base')), [255, 255, 255, 1]), `<${el.localName}> is dark`).to.be.above(10);
      await expectContrast(el, 'ready, 34 provinces');
    }
  });
});
