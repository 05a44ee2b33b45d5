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
import { backgroundOf, contrast, graphicColors, parentOf, textContrasts, type GraphicPaint } from './contrast.js';

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

/** Fails with every text under 4.5:1 and every graphic (and the focused link's ring) under 3:1. */
async function expectContrast(el: HTMLElement, what: string): Promise<void> {
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

  it('theme="auto" follows a dark colour scheme (Chromium: the driver emulates it)', async function () {
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      // Firefox over WebDriver BiDi and WebKitGTK's WebDriver offer no colour-scheme emulation.
      return this.skip();
    }
    try {
      if (!matchMedia('(prefers-color-scheme: dark)').matches) return this.skip();
      const els = await mountWith(three('nghe-an', { theme: 'auto' }), OVERDUE, 'ready');
      expect(contrast(backgroundOf(part(els[0], 'base')), [255, 255, 255, 1])).to.be.above(10);
      for (const el of els) await expectContrast(el, 'auto, dark scheme');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(part(els[0], 'base')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' }).catch(() => undefined);
    }
  });

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
