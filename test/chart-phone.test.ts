/**
 * <tiendo-chart> on a phone, under forced colours and in English (issue 18): at 360 px every
 * province keeps its label (drawn on the canvas or in the HTML legend), no label or legend
 * leaves the widget's box, lying bars are as tall as their rows; the canvas takes the system's
 * colours under forced colours; the highlighted bar takes --tiendo-color-highlight-bar; the
 * chart is one figure named by its title, said once.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoChart } from '../src/index.js';
import { chartOf } from '../src/chart/chart-renderer.js';
import { UNITS_2025, UNITS_BEFORE_2025 } from '../src/places/provinces.js';
import { backgroundOf, contrast, parseColor } from './contrast.js';
import { cleanup, forcedColours, expectAccessible, mount, part, until, untilState } from './helpers.js';

type Chart = NonNullable<ReturnType<typeof chartOf>>;
type Scale = Chart['scales'][string];

const HCM = 'Thành phố Hồ Chí Minh';

/**
 * A feed of the 34 provinces of today from the places' list (or `n` of them: Hồ Chí Minh City and
 * Nghệ An first), with a metric (and its history) and pilot models.
 */
function feedOf(n: number) {
  const first = (u: { name: string }) => (u.name === HCM ? 0 : u.name === 'Nghệ An' ? 1 : 2);
  const units = [...UNITS_2025].sort((a, b) => first(a) - first(b)).slice(0, n);
  return {
    version: 1,
    asOf: '2025-09-30',
    source: { name: 'Bộ Công an' },
    metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
    provinces: units.map((u, i) => {
      const code = Number(u.code);
      const total = 20 + (code % 17);
      const completed = (code * 7) % (total + 1);
      const inProgress = Math.floor((total - completed) / 2);
      return {
        id: u.id,
        name: u.name,
        code: u.code,
        models: { total, completed, inProgress, notStarted: total - completed - inProgress },
        metrics: { m: { value: 100 + ((code * 37 + i) % 97) * 10, history: [{ asOf: '2025-06-30', value: 50 + (code % 13) * 10 }] } },
      };
    }),
  };
}

async function show(feed: unknown, attrs: string, width = 360) {
  const box = mount(`<tiendo-chart ${attrs} style="width:${width}px"><script type="application/json"></script></tiendo-chart>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = box.querySelector<TiendoChart>('tiendo-chart')!;
  // Defined lazily, once one appears in the document; then told its feed is in the tag.
  await customElements.whenDefined('tiendo-chart');
  el.requestUpdate('src');
  await untilState(el, 'ready');
  const canvas = () => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="canvas"]')!;
  await until(() => Boolean(chartOf(canvas())), 'the chart drawn');
  // Drawn at its final size: the box has taken the height its rows need.
  await until(() => chartOf(canvas())!.height === part(el, 'plot')!.clientHeight, 'the chart at its box’s height');
  return { box, el, canvas: canvas(), chart: chartOf(canvas())! };
}

/** A label as drawn: one line, or a long name on several. */
const text = (label: unknown) => (Array.isArray(label) ? label.join(' ') : String(label)).replace('▶ ', '');

/** The category axis of bars, and whether they lie. */
function categoryAxis(chart: Chart): { axis: Scale; lying: boolean } {
  const lying = chart.options.indexAxis === 'y';
  return { axis: chart.scales[lying ? 'y' : 'x'], lying };
}

/**
 * Every label of the category axis is drawn whole, inside the canvas (the canvas inside the widget),
 * and none overlaps the next: measured in the axis's own font.
 */
function expectLabelsInside(el: Element, chart: Chart): void {
  const { axis, lying } = categoryAxis(chart);
  const font = chart.options.font as { size: number; family: string };
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = `${font.size}px ${font.family}`;
  const lines = (label: unknown) => (Array.isArray(label) ? label : [String(label)]);
  const widest = (label: unknown) => Math.max(...lines(label).map((l) => ctx.measureText(l).width));
  const labels = chart.data.labels!;
  expect(axis.ticks.length, 'every label is a tick (none skipped)').to.equal(labels.length);
  const pitch = (i: number) => Math.abs(axis.getPixelForTick(i + 1) - axis.getPixelForTick(i));
  if (lying) {
    // Names stand left of the bars: the axis is as wide as the widest, within the canvas.
    expect(axis.left).to.be.at.least(0);
    expect(axis.width + 0.5, 'the axis holds its widest name').to.be.at.least(Math.max(...labels.map(widest)));
    for (let i = 0; i + 1 < labels.length; i++) {
      const need = ((lines(labels[i]).length + lines(labels[i + 1]).length) / 2) * font.size * 1.2;
      expect(pitch(i), `room between "${text(labels[i])}" and the next`).to.be.at.least(need - 0.5);
    }
  } else {
    for (let i = 0; i < labels.length; i++) {
      const room = labels.length > 1 ? pitch(Math.min(i, labels.length - 2)) : axis.width;
      expect(widest(labels[i]), `"${text(labels[i])}" fits under its bar`).to.be.at.most(room);
      const x = axis.getPixelForTick(i);
      expect(x - widest(labels[i]) / 2).to.be.at.least(0);
      expect(x + widest(labels[i]) / 2).to.be.at.most(chart.width);
    }
  }
  const canvas = chart.canvas.getBoundingClientRect();
  const widget = part(el, 'base')!.getBoundingClientRect();
  expect(canvas.left).to.be.at.least(widget.left);
  expect(canvas.right).to.be.at.most(widget.right + 0.5);
}

/** Every text box of the HTML legend inside the widget's box; the legend's texts. */
function legendInside(el: Element): string[] {
  const widget = part(el, 'base')!.getBoundingClientRect();
  const items = [...(part(el, 'legend')?.querySelectorAll('li') ?? [])];
  for (const li of items) {
    const r = li.getBoundingClientRect();
    expect(r.width, `"${li.textContent}" is shown`).to.be.above(0);
    expect(r.left, `"${li.textContent}" inside the widget`).to.be.at.least(widget.left - 0.5);
    expect(r.right, `"${li.textContent}" inside the widget`).to.be.at.most(widget.right + 0.5);
    expect(r.bottom).to.be.at.most(widget.bottom + 0.5);
    expect(li.scrollWidth, `"${li.textContent}" not clipped`).to.be.at.most(li.clientWidth + 1);
  }
  return items.map((li) => li.textContent!.replace('▶', '').trim());
}

const names = (n: number) => feedOf(n).provinces.map((p) => p.name);

/** Nothing in the widget runs out sideways at 360 px: no box wider than the widget, no sideways scroll of the page. */
function expectNoSideways(el: HTMLElement): void {
  const base = part(el, 'base')!;
  const widget = base.getBoundingClientRect();
  expect(widget.width, 'the widget fits the phone').to.be.at.most(360.5);
  expect(base.scrollWidth, 'nothing overflows the widget').to.be.at.most(base.clientWidth + 1);
  const out = [...el.shadowRoot!.querySelectorAll('*')]
    // (Not the closed table, nor words for screen readers only, clipped to a pixel: neither is drawn.)
    .filter((e) => !e.closest('table, [hidden], .visually-hidden') && e.getClientRects().length)
    .filter((e) => e.getBoundingClientRect().right > widget.right + 0.5 || e.getBoundingClientRect().left < widget.left - 0.5)
    .map((e) => `${e.localName}.${e.getAttribute('part') ?? e.className} "${e.textContent!.slice(0, 40)}"`);
  expect(out, 'boxes outside the widget').to.deep.equal([]);
  expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(document.documentElement.clientWidth);
}

/** No two of `items` overlap (legend entries that wrap stay readable). */
function expectApart(items: Element[]): void {
  const boxes = items.map((i) => i.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      expect(overlap, `"${items[i].textContent}" and "${items[j].textContent}" overlap`).to.equal(false);
    }
  }
}

/**
 * The table behind the chart is reachable on a phone: its toggle is a visible button in the tab order, and
 * pressing it shows the table with a row for each of `rows`, inside a box that scrolls rather than the page.
 */
async function expectTableReachable(el: HTMLElement, rows: string[]): Promise<void> {
  const toggle = part(el, 'toggle') as HTMLButtonElement;
  expect(toggle.localName).to.equal('button');
  expect(toggle.disabled).to.equal(false);
  expect(toggle.tabIndex).to.be.at.least(0);
  const box = toggle.getBoundingClientRect();
  const widget = part(el, 'base')!.getBoundingClientRect();
  expect(box.width * box.height, 'the toggle is shown').to.be.above(0);
  expect(box.left).to.be.at.least(widget.left - 0.5);
  expect(box.right).to.be.at.most(widget.right + 0.5);
  // Big enough to touch (WCAG 2.2 target size, minimum 24 px).
  expect(box.height).to.be.at.least(24);
  toggle.focus();
  expect(el.shadowRoot!.activeElement).to.equal(toggle);
  toggle.click();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const table = part(el, 'table')!;
  expect(getComputedStyle(table).display).not.to.equal('none');
  const heads = [...table.querySelectorAll('tbody th')].map((th) => th.textContent!.replace('▶', '').trim());
  for (const r of rows) expect(heads, 'a row for each').to.include(r);
  expect(document.documentElement.scrollWidth, 'the open table does not widen the page').to.be.at.most(document.documentElement.clientWidth);
}

describe('<tiendo-chart> on a phone (360 px)', () => {
  afterEach(cleanup);

  for (const n of [2, 34]) {
    for (const type of ['bar', 'horizontal-bar']) {
      it(`type="${type}" across ${n} provinces: lying bars, best first, every name whole (${HCM} too), rows not hairlines`, async () => {
        const feed = feedOf(n);
        const { el, chart } = await show(feed, `type="${type}" metric="m" highlight="nghe-an"`);
        const { axis, lying } = categoryAxis(chart);
        expect(lying).to.equal(true);
        const drawn = axis.ticks.map((_, i) => text(chart.data.labels![i]));
        expect([...drawn].sort()).to.deep.equal([...names(n)].sort());
        expect(chart.data.labels).to.satisfy((ls: unknown[]) => ls.some((l) => String(l).startsWith('▶ Nghệ An')));
        // Best first: the figures drawn go down.
        const values = chart.data.datasets[0].data as number[];
        expect(values).to.deep.equal([...values].sort((a, b) => b - a));
        expectLabelsInside(el, chart);
        // Bars thick enough to see and to touch; the chart as tall as its rows.
        for (const bar of chart.getDatasetMeta(0).data) expect((bar as unknown as { height: number }).height).to.be.at.least(16);
        const font = (chart.options.font as { size: number }).size;
        expect(chart.height).to.be.at.least(n * font * 2);
        expect(chart.height).to.equal(part(el, 'plot')!.clientHeight);
        expect(part(el, 'plot')!.dataset.across).to.equal('h');
      });
    }

    it(`pilot models across ${n} provinces: every name on the canvas, the legend as HTML text inside the widget`, async () => {
      const { el, chart } = await show(feedOf(n), 'type="bar"');
      const { axis } = categoryAxis(chart);
      expect(axis.ticks.map((_, i) => text(chart.data.labels![i])).sort()).to.deep.equal([...names(n)].sort());
      expectLabelsInside(el, chart);
      expect(legendInside(el)).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
      // The legend is no longer drawn on the canvas: no Chart.js legend box takes room there.
      expect(chart.boxes.map((b) => b.constructor.name).filter((c) => /legend|key/i.test(c))).to.deep.equal([]);
    });

    it(`type="doughnut" of a metric across ${n} provinces: every name in the legend, inside the widget`, async () => {
      const { el } = await show(feedOf(n), 'type="doughnut" metric="m" highlight="nghe-an"');
      expect(legendInside(el).sort()).to.deep.equal([...names(n)].sort());
      expect(part(el, 'legend')!.querySelector('.marked')!.textContent).to.contain('Nghệ An');
    });

    it(`a line over time comparing ${n} provinces: every name in the legend, inside the widget`, async () => {
      const ids = feedOf(n).provinces.map((p) => p.id);
      const { el, chart } = await show(feedOf(n), `metric="m" compare="${ids.join(',')}"`);
      expect(chart.data.datasets).to.have.length(n);
      expect(legendInside(el).sort()).to.deep.equal([...names(n)].sort());
    });

    it(`type="line" of a metric across ${n} provinces (a line joins nothing there): sorted lying bars, every name, the table reachable`, async () => {
      const { el, chart } = await show(feedOf(n), 'type="line" metric="m" highlight="nghe-an"');
      const { axis, lying } = categoryAxis(chart);
      expect(lying, 'drawn as lying bars').to.equal(true);
      expect(axis.ticks.map((_, i) => text(chart.data.labels![i])).sort()).to.deep.equal([...names(n)].sort());
      const values = chart.data.datasets[0].data as number[];
      expect(values).to.deep.equal([...values].sort((a, b) => b - a));
      expectLabelsInside(el, chart);
      expectNoSideways(el);
      await expectTableReachable(el, names(n));
    });

    it(`type="doughnut" of pilot models by status across ${n} provinces: the three statuses in the legend, inside, apart; the table reachable`, async () => {
      const { el, chart } = await show(feedOf(n), 'type="doughnut"');
      expect(chart.data.labels!.map(text)).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
      expect(legendInside(el)).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
      expectApart([...part(el, 'legend')!.querySelectorAll('li')]);
      // The doughnut itself fits the phone: within the widget, a real size.
      const canvas = chart.canvas.getBoundingClientRect();
      const widget = part(el, 'base')!.getBoundingClientRect();
      expect(canvas.left).to.be.at.least(widget.left - 0.5);
      expect(canvas.right).to.be.at.most(widget.right + 0.5);
      expect(Math.min(canvas.width, canvas.height), 'the doughnut is not a dot').to.be.at.least(120);
      expectNoSideways(el);
      await expectTableReachable(el, ['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
    });

    it(`type="horizontal-bar" of pilot models across ${n} provinces: every name, the legend inside, the table reachable`, async () => {
      const { el, chart } = await show(feedOf(n), 'type="horizontal-bar" highlight="nghe-an"');
      const { axis, lying } = categoryAxis(chart);
      expect(lying).to.equal(true);
      expect(axis.ticks.map((_, i) => text(chart.data.labels![i])).sort()).to.deep.equal([...names(n)].sort());
      expect(chart.data.labels).to.satisfy((ls: unknown[]) => ls.some((l) => String(l).startsWith('▶ Nghệ An')));
      expectLabelsInside(el, chart);
      for (const bar of chart.getDatasetMeta(0).data) expect((bar as unknown as { height: number }).height).to.be.at.least(16);
      expect(legendInside(el)).to.deep.equal(['Hoàn thành', 'Đang triển khai', 'Chưa triển khai']);
      expectApart([...part(el, 'legend')!.querySelectorAll('li')]);
      expectNoSideways(el);
      await expectTableReachable(el, names(n));
    });
  }

  it('at 320 px, the 63 former provinces: every name whole, none overlapping', async () => {
    const feed = {
      version: 1,
      metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến' }],
      provinces: UNITS_BEFORE_2025.map((u) => ({ id: u.id, name: u.name, code: u.code, metrics: { m: { value: Number(u.code) * 3 } } })),
    };
    const { el, chart } = await show(feed, 'metric="m" highlight="ho-chi-minh"', 320);
    expect(chart.data.labels).to.have.length(63);
    expect(categoryAxis(chart).axis.ticks.map((_, i) => text(chart.data.labels![i])).sort()).to.deep.equal(feed.provinces.map((p) => p.name).sort());
    expectLabelsInside(el, chart);
  });

  it('follows the reader’s larger text (a portal’s “A+” sets html { font-size }): bigger names, a taller chart', async () => {
    const { el, chart } = await show(feedOf(34), 'metric="m"');
    const before = { font: (chart.options.font as { size: number }).size, height: chart.height };
    document.documentElement.style.fontSize = '24px';
    try {
      await until(() => (chartOf(chart.canvas)!.options.font as { size: number }).size > before.font, 'drawn in the larger text');
      await until(() => chartOf(chart.canvas)!.height === part(el, 'plot')!.clientHeight, 'at its new height');
      expect(chartOf(chart.canvas)!.height).to.be.above(before.height);
      expectLabelsInside(el, chartOf(chart.canvas)!);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('stands upright on a wide screen when every name fits, and lies down as the screen narrows', async () => {
    const feed = { ...feedOf(2), provinces: feedOf(34).provinces.filter((p) => ['nghe-an', 'ha-tinh'].includes(p.id)) };
    const { box, el, canvas } = await show(feed, 'metric="m"', 700);
    expect(categoryAxis(chartOf(canvas)!).lying).to.equal(false);
    expectLabelsInside(el, chartOf(canvas)!);
    (box.firstElementChild as HTMLElement).style.width = '200px';
    await until(() => chartOf(canvas)?.options.indexAxis === 'y' || part(el, 'plot')!.dataset.across === 'h', 'lying bars');
    await until(() => chartOf(canvas)!.height === part(el, 'plot')!.clientHeight, 'the new height');
    expectLabelsInside(el, chartOf(canvas)!);
  });

  it('paints the legend’s swatches (the looks of the chart), and passes axe', async () => {
    const { el } = await show(feedOf(34), 'type="bar"');
    const swatches = [...part(el, 'legend')!.querySelectorAll<HTMLCanvasElement>('canvas.swatch')];
    expect(swatches).to.have.length(3);
    for (const s of swatches) {
      const c = s.getContext('2d')!;
      const [, , , a] = c.getImageData(Math.floor(s.width / 2), Math.floor(s.height / 2), 1, 1).data;
      expect(a, 'a painted swatch').to.equal(255);
    }
    await expectAccessible(el);
  });
});

describe('<tiendo-chart>: the highlighted bar’s colour', () => {
  afterEach(cleanup);

  it('takes --tiendo-color-highlight-bar (not --tiendo-color-highlight, a row tint)', async () => {
    const { chart } = await show(
      feedOf(2),
      'metric="m" highlight="nghe-an" style="--tiendo-color-highlight-bar: rgb(200, 30, 90); --tiendo-color-highlight: rgb(0, 255, 0)"',
      640,
    );
    const i = (chart.data.labels as unknown[]).findIndex((l) => String(l).startsWith('▶'));
    const colours = async () => {
      const bar = chart.getDatasetMeta(0).data[i] as unknown as { x: number; y: number; base: number; height: number; width: number };
      const ctx = chart.ctx;
      const r = chart.currentDevicePixelRatio;
      const lying = chart.options.indexAxis === 'y';
      const x0 = lying ? Math.min(bar.base, bar.x) + 4 : bar.x - 6;
      const y0 = lying ? bar.y - 6 : Math.min(bar.base, bar.y) + 4;
      const px = ctx.getImageData(Math.round(x0 * r), Math.round(y0 * r), Math.round(12 * r), Math.round(12 * r)).data;
      const found = new Set<string>();
      for (let k = 0; k < px.length; k += 4) found.add(`${px[k]},${px[k + 1]},${px[k + 2]}`);
      return found;
    };
    // The bars grow in (unless the reader asks for no motion): the colour is there once they have.
    let seen = new Set<string>();
    await until(() => {
      void colours().then((c) => (seen = c));
      return seen.has('200,30,90');
    }, 'the highlight colour in the highlighted bar');
    expect(seen.has('0,255,0')).to.equal(false);
  });
});

describe('<tiendo-chart> under forced colours', () => {
  afterEach(cleanup);


  it('draws its labels in the system’s text colour, ≥ 4.5:1 against the background, and redraws when forced colours change (Chromium here, whose driver emulates them; Firefox in test/cli/forced-colours.test.mjs, started with forced colours by its preference; WebKitGTK can do neither, so it is skipped there)', async function () {
    const { el, chart } = await show(feedOf(34), 'metric="m" highlight="nghe-an"');
    const tickColour = () => String((chart.options.scales!.y as { ticks: { color: string } }).ticks.color);
    expect(tickColour()).to.equal('#1f2328');
    if (!(await forcedColours(true))) {
      // Firefox and WebKit's drivers (WebDriver BiDi, WebKitWebDriver) cannot emulate forced colours, nor can a runner without the command
      // (Firefox is checked in test/cli/forced-colours.test.mjs, started with them on by its preference).
      this.skip();
    }
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      // The same chart, redrawn in the system's colours when the media query changed.
      await until(() => tickColour() !== '#1f2328', 'redrawn in the system colours');
      expect(chartOf(chart.canvas)).to.equal(chart);
      const probe = document.createElement('i');
      probe.style.cssText = 'forced-color-adjust:none;color:CanvasText;background-color:Canvas';
      document.body.append(probe);
      const system = getComputedStyle(probe).color;
      probe.remove();
      expect(parseColor(tickColour())).to.deep.equal(parseColor(system));
      const ratio = contrast(parseColor(tickColour()), backgroundOf(chart.canvas));
      expect(ratio, `labels ${tickColour()} on ${backgroundOf(chart.canvas).join(',')}`).to.be.at.least(4.5);
      // The legend's swatches stay visible: outlined in the text colour.
      const other = await show(feedOf(2), 'type="bar"');
      const swatch = part(other.el, 'legend')!.querySelector('canvas.swatch')!;
      expect(getComputedStyle(swatch).outlineStyle).to.equal('solid');
      void el;
    } finally {
      await forcedColours(false);
    }
    await until(() => tickColour() === '#1f2328', 'redrawn in the theme colours');
  });
});

describe('<tiendo-chart>: one figure, read once, in the reader’s words', () => {
  afterEach(cleanup);

  it('is a figure named by its title; the title is said once; the toggle’s aria-expanded tells the truth', async () => {
    const { el } = await show(feedOf(34), 'metric="m" highlight="nghe-an"', 640);
    const base = part(el, 'base')!;
    expect(base.getAttribute('role')).to.equal('figure');
    const title = part(el, 'title')!;
    const names = (base.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => el.shadowRoot!.getElementById(id)).filter(Boolean);
    expect(names).to.deep.equal([title]);
    const caption = title.textContent!.trim();
    expect(caption).to.equal('Hồ sơ trực tuyến theo tỉnh');
    // Not again in the sentence, the canvas or the table's caption.
    const all = el.shadowRoot!.textContent!.split(caption).length - 1;
    expect(all, 'the title’s words appear once').to.equal(1);
    expect(part(el, 'canvas')!.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'sentence')!.textContent).to.match(/xếp thứ \d+ trên 34/);
    const toggle = part(el, 'toggle')!;
    const table = part(el, 'table')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(table).display, 'collapsed: the table is not read').to.equal('none');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(table).display).not.to.equal('none');
    await expectAccessible(el);
  });

  it('marks the feed’s Vietnamese names inside an English chart’s title and sentence as Vietnamese', async () => {
    const { el } = await show(feedOf(34), 'metric="m" highlight="nghe-an" lang="en"', 640);
    const vi = (p: Element) => [...p.querySelectorAll('bdi[lang="vi"]')].map((b) => b.textContent!.trim());
    expect(part(el, 'title')!.textContent!.trim()).to.equal('Hồ sơ trực tuyến by province');
    expect(vi(part(el, 'title')!)).to.deep.equal(['Hồ sơ trực tuyến']);
    const sentence = part(el, 'sentence')!;
    expect(sentence.textContent).to.match(/^Highest: .+; lowest: .+; Nghệ An: .+ \(ranked \d+ of 34\)\.$/);
    expect(vi(sentence)).to.have.length(3);
    expect(vi(sentence)).to.include('Nghệ An');
    // The English words are not marked.
    expect(sentence.closest('[lang]')!.getAttribute('lang')).to.equal('en');
    // The table's names too (isolated for direction in either language).
    const names = [...part(el, 'table')!.querySelectorAll('tbody th bdi')];
    expect(names).to.have.length(34);
    expect(names.every((b) => b.getAttribute('lang') === 'vi')).to.equal(true);
    expect(part(el, 'table')!.querySelector('thead th')!.closest('[lang="vi"]')).to.equal(null);
  });

  it('never says “Toàn quốc” in English: the national block over time is the reader’s word', async () => {
    const feed = {
      version: 1,
      metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến' }],
      national: { name: 'Toàn quốc', asOf: '2025-09-30', metrics: { m: { value: 900, history: [{ asOf: '2025-06-30', value: 700 }] } } },
      provinces: [{ id: 'a', name: 'Tỉnh A', metrics: {} }],
    };
    const en = await show(feed, 'metric="m" province="national" lang="en"', 640);
    const words = en.el.shadowRoot!.textContent!;
    expect(words).not.to.contain('Toàn quốc');
    expect(words).to.contain('Nationwide');
    const vi = await show(feed, 'metric="m" province="national"', 640);
    expect(vi.el.shadowRoot!.textContent).to.contain('Toàn quốc');
    // Several areas over time: the series and the sources too.
    const both = await show(feed, 'metric="m" compare="national,a" lang="en"', 640);
    expect(both.el.shadowRoot!.textContent).not.to.contain('Toàn quốc');
  });
});
