import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoProgress } from '../src/index.js';
import { FEED, ONE_PROVINCE_FEED, cleanup, expectAccessible, loadJson, mockFeed, mount, part, untilState, visibleText } from './helpers.js';
import { installFakeClock, realUntil } from './fake-clock.js';

/** What every widget shares: states, language, layout, theming. Run on both elements. */
describe('shared widget behaviour', () => {
  afterEach(cleanup);

  it('passes axe in every state of both elements: loading, ready, stale, overdue, empty, error (with and without debug)', async () => {
    const feed = await loadJson(FEED);
    const flaky = await mockFeed([{ body: feed }, { status: 500, body: '' }]);
    const hang = await mockFeed([{ hang: true }]);
    // Time is fake here: the stale pair's refresh (30 s, the floor) runs when the clock moves, not in real time.
    // The hanging pair allows 120 s for its answer, so it is still loading 30 s on.
    const clock = installFakeClock(window);
    const box = mount(`
      <tiendo-progress src="${hang}" timeout="120"></tiendo-progress>
      <tiendo-kpi src="${hang}" timeout="120"></tiendo-kpi>
      <tiendo-progress src="${flaky}" province="nghe-an" refresh="30"></tiendo-progress>
      <tiendo-kpi src="${flaky}" metric="on-time" refresh="30"></tiendo-kpi>
      <tiendo-progress src="${ONE_PROVINCE_FEED}"></tiendo-progress>
      <tiendo-kpi src="${FEED}" province="nghe-an" metric="on-time"></tiendo-kpi>
      <tiendo-progress src="${FEED}" province="vinh-phuc"></tiendo-progress>
      <tiendo-progress src="${FEED}" province="nowhere" debug>Nghệ An: 6/38</tiendo-progress>
      <tiendo-kpi value="abc" debug>201.884 hồ sơ</tiendo-kpi>
      <tiendo-kpi src="${FEED}" metric="nope"></tiendo-kpi>`);
    const els = [...box.children] as HTMLElement[];
    const expected = ['loading', 'loading', 'ready', 'ready', 'ready', 'empty', 'empty', 'error', 'error', 'error'];
    try {
      const stalePair = [els[2], els[3]];
      // Every feed but the hanging one answers first (its 10 s deadline is then gone, and the stale pair's refresh
      // timer set); then one refresh, which fails: the pair goes stale.
      await realUntil(() => els.every((el, i) => i < 2 || el.getAttribute('state') === expected[i]), 'the first answers');
      const moved = await clock.next(() => realUntil(() => stalePair.every((el) => el.hasAttribute('stale')), 'stale widgets'));
      expect(moved, 'the refresh came 30 s ± 10% after the first answer').to.be.within(27_000, 33_000);
    } finally {
      clock.uninstall();
    }
    for (const [i, el] of els.entries()) await untilState(el, expected[i]);
    expect(els[4].hasAttribute('overdue')).to.equal(true);
    await expectAccessible(box);
  });

  it('inherits lang across shadow roots', async () => {
    const host = mount('<div></div>').firstElementChild!;
    const root = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('section');
    wrapper.lang = 'en';
    root.append(wrapper);
    const el = document.createElement('tiendo-progress') as TiendoProgress;
    el.setAttribute('total', '38');
    el.setAttribute('completed', '6');
    wrapper.append(el);
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('6/38 models completed');
  });

  it('shows no sideways overflow at 320 px, and text no smaller than 12 px where the page sets html { font-size: 10px }', async () => {
    document.documentElement.style.fontSize = '10px';
    try {
      const box = mount(
        `<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>
         <tiendo-kpi src="${FEED}" province="vinh-phuc" metric="passport-online" target="0.95"></tiendo-kpi>`,
        { style: 'width:320px' },
      );
      const els = [...box.children] as HTMLElement[];
      for (const el of els) await untilState(el, 'ready');
      expect(box.scrollWidth).to.be.at.most(320);
      for (const el of els) {
        for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) {
          if (getComputedStyle(node).clipPath === 'inset(50%)') continue; // visually hidden, read by screen readers
          if (getComputedStyle(node).display === 'inline') continue; // inline boxes have no clientWidth (Firefox reports scrollWidth)
          expect(node.scrollWidth, node.getAttribute('part')!).to.be.at.most(node.clientWidth + 1);
          const size = parseFloat(getComputedStyle(node).fontSize);
          expect(size, `${node.getAttribute('part')} font-size`).to.be.at.least(12);
        }
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  // SPEC "What every element must get right": text never under 12 px, and it grows with the reader's setting; issue 18:
  // the portal's own "A+ / A−" buttons (which set html { font-size }) enlarge the widgets too.
  it('grows with the portal’s text-size buttons (html { font-size: 20px }), and 10 px cannot shrink it below 12 px', async () => {
    const el = mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`).firstElementChild as HTMLElement;
    await untilState(el, 'ready');
    const size = (name: string) => parseFloat(getComputedStyle(part(el, name)!).fontSize);
    const before = { base: size('base'), footer: size('footer') };
    try {
      document.documentElement.style.fontSize = '20px';
      expect(size('base')).to.be.above(before.base);
      expect(size('footer')).to.be.above(before.footer);
      document.documentElement.style.fontSize = '10px';
      expect(size('base')).to.be.at.least(12);
      expect(size('footer')).to.be.at.least(12);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('is themed through --tiendo-* custom properties and ::part, and the portal’s CSS does not leak in', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --tiendo-color-completed: rgb(1, 2, 3); --tiendo-color-surface: rgb(250, 240, 230); }
      .themed tiendo-progress::part(percent) { color: rgb(200, 0, 0); }
      .hostile * { letter-spacing: 9px; text-transform: uppercase; font-size: 8px; }
      .hostile .bar, .hostile .label { display: none; }`;
    document.head.append(style);
    try {
      const el = mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`, { class: 'themed hostile' })
        .firstElementChild as HTMLElement;
      await untilState(el, 'ready');
      expect(getComputedStyle(part(el, 'segment-completed')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(250, 240, 230)');
      expect(getComputedStyle(part(el, 'percent')!).color).to.equal('rgb(200, 0, 0)');
      const label = part(el, 'label')!;
      expect(getComputedStyle(label).letterSpacing).to.equal('normal');
      expect(getComputedStyle(label).textTransform).to.equal('none');
      expect(getComputedStyle(part(el, 'bar')!).display).to.equal('flex');
    } finally {
      style.remove();
    }
  });

  it('reserves its height while loading so the page does not jump', async () => {
    const url = await mockFeed([{ body: await loadJson(FEED), delay: 500 }]);
    const el = mount(`<tiendo-progress src="${url}" province="nghe-an" style="width:500px"></tiendo-progress>`)
      .firstElementChild as TiendoProgress;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    const loading = el.getBoundingClientRect().height;
    await untilState(el, 'ready');
    const ready = el.getBoundingClientRect().height;
    expect(Math.abs(ready - loading) / ready).to.be.below(0.35);
  });

  it('shows a calm message and the editor’s fallback on error; the reason only under debug', async () => {
    const box = mount(`
      <tiendo-progress src="${FEED}" province="nowhere">Nghệ An: 6/38 mô hình hoàn thành</tiendo-progress>
      <tiendo-progress src="${FEED}" province="nowhere" debug></tiendo-progress>`);
    const [plain, debug] = [...box.children];
    await untilState(plain, 'error');
    await untilState(debug, 'error');
    expect(visibleText(plain)).to.equal('Nghệ An: 6/38 mô hình hoàn thành Chưa hiển thị được số liệu. Vui lòng quay lại sau.');
    expect(visibleText(debug)).to.contain('Không có tỉnh "nowhere" trong nguồn dữ liệu.');
  });
});
