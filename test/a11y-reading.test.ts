/**
 * What a screen reader gets from each widget (SPEC "What every element must get right" and the sentence
 * rules under Elements; issue 18): figures written for the ear ("7 trên 41", "ngày 4 tháng 10 năm 2024"),
 * each figure once, one named group per widget in the reader's language with Vietnamese names marked,
 * an optional heading, a silent error icon, and "stale" said once per feed.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoProgress } from '../src/index.js';
import { cleanup, expectAccessible, loadJson, mockFeed, mount, part, untilState, FEED } from './helpers.js';
import { installFakeClock, realUntil } from './fake-clock.js';

/** Figures that collide with nothing else the widgets say (the date is 4 October 2024). */
const FIGURES = {
  version: 1,
  asOf: '2024-10-04',
  source: { name: 'Công an tỉnh Nghệ An', url: 'https://congan.nghean.gov.vn/' },
  metrics: [{ id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' }],
  models: [
    { id: '6', name: 'Khám chữa bệnh bằng thẻ căn cước' },
    { id: '21', name: 'Nền tảng tích hợp, chia sẻ dữ liệu' },
  ],
  national: { metrics: { 'on-time': { value: 120, total: 130 } } },
  provinces: [
    {
      id: 'nghe-an',
      name: 'Nghệ An',
      models: { total: 41, completed: 7, inProgress: 23, notStarted: 11 },
      modelStatus: { '6': 'completed', '21': 'in-progress' },
      metrics: { 'on-time': { value: 74336, total: 74587, previous: 73096, target: 0.995 } },
    },
  ],
};

/** Mounts `markup` (widgets whose feed is FIGURES, given inside the tag) and waits until each is ready. */
async function widgets(markup: string, attrs: Record<string, string> = {}, feed: unknown = FIGURES): Promise<HTMLElement[]> {
  const box = mount(markup, attrs);
  const els = [...box.querySelectorAll<HTMLElement>('tiendo-progress, tiendo-kpi, tiendo-model-list, tiendo-picker')];
  // Every feed is in its tag before any widget's first update (model list and picker are defined when they appear).
  for (const el of els) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
  }
  for (const el of els) await untilState(el, 'ready');
  return els;
}

/**
 * The text assistive technology reads inside the widget: the flat tree (shadow DOM and slotted content),
 * without what is aria-hidden or not rendered (display: none, visibility: hidden); visually hidden text counts.
 */
function spoken(el: Element): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(node.textContent ?? '');
    if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.localName === 'script' || node.localName === 'style') return;
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).forEach(walk);
    (node.shadowRoot ?? node).childNodes.forEach(walk);
    // Inline elements (a <bdi> around a name) run on in the text; blocks are read apart.
    if (!style.display.startsWith('inline')) out.push(' ');
  };
  walk(el.shadowRoot!.querySelector('[part~="base"]')!);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Every figure (a number, with its decimals and percent sign) in `text`, with how often it occurs. */
function figureCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*%?/g)) counts[m[0]] = (counts[m[0]] ?? 0) + 1;
  return counts;
}

function expectEachFigureOnce(el: Element): void {
  const text = spoken(el);
  const twice = Object.entries(figureCounts(text)).filter(([, n]) => n > 1);
  expect(twice, `figures read more than once in: ${text}`).to.deep.equal([]);
}

/** The group's name, from the elements its aria-labelledby names (in the widget's shadow root). */
function groupName(el: Element): string {
  const base = el.shadowRoot!.querySelector('[part~="base"]')!;
  expect(base.getAttribute('role'), 'the widget is a group').to.equal('group');
  return (base.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim())
    .filter(Boolean)
    .join(' ');
}

describe('read aloud', () => {
  afterEach(cleanup);

  it('progress: the sentence and the footer are written for the ear, each figure read once', async () => {
    const [el] = await widgets('<tiendo-progress province="nghe-an"></tiendo-progress>');
    const text = spoken(el);
    expect(text).to.contain('Nghệ An đã hoàn thành 7 trên 41 mô hình điểm (17,1%); 23 mô hình đang triển khai, 11 chưa triển khai.');
    expect(text).to.contain('Số liệu tính đến ngày 4 tháng 10 năm 2024');
    // The compact forms stay on screen only (SPEC, Elements: "6 trên 38", not "6/38"; dates in words).
    expect(text).not.to.match(/\d\/\d/);
    expect(text).not.to.contain('04/10/2024');
    expect(part(el, 'footer')!.textContent).to.contain('04/10/2024');
    expectEachFigureOnce(el);
    // One path: the bar and its legend are drawn only, not a progress bar whose value text says the sentence again
    // (test/reading-tree.test.ts reads the accessibility tree).
    expect(part(el, 'bar')!.getAttribute('aria-hidden')).to.equal('true');
    expect(['role', 'aria-valuetext', 'aria-valuenow'].filter((a) => part(el, 'bar')!.hasAttribute(a))).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('KPI: "74.336 trên 74.587", the change and the date for the ear, each figure read once', async () => {
    const [el] = await widgets('<tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>');
    const text = spoken(el);
    expect(text).to.contain(
      'Nghệ An: 74.336 trên 74.587 hồ sơ trả kết quả đúng hạn, tỷ lệ 99,66%; tăng 1.240 so với kỳ trước (chiều hướng tốt); mục tiêu 99,5% (đã đạt).',
    );
    expect(text).to.contain('Số liệu tính đến ngày 4 tháng 10 năm 2024');
    expect(text).not.to.match(/\d\/\d/);
    expectEachFigureOnce(el);
    // The meter says rate and target again no more: drawn only.
    expect(part(el, 'target')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('[aria-valuetext]')).to.have.length(0);
    await expectAccessible(el);
  });

  it('in English: "of" forms and dates in words, each figure once', async () => {
    const [p, k] = await widgets(
      '<tiendo-progress province="nghe-an"></tiendo-progress><tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>',
      { lang: 'en' },
    );
    expect(spoken(p)).to.contain('Nghệ An has completed 7 of 41 pilot models (17.1%); 23 in progress and 11 not started.');
    expect(spoken(p)).to.contain('Figures as of 4 October 2024');
    expect(spoken(k)).to.contain('74,336 of 74,587');
    for (const el of [p, k]) {
      expect(spoken(el)).not.to.contain('4 Oct 2024');
      expectEachFigureOnce(el);
    }
  });

  it('each widget is one group named by its title; heading-level makes the title a heading', async () => {
    const [p, k, list, picker] = await widgets(`
      <tiendo-progress province="nghe-an" heading-level="3"></tiendo-progress>
      <tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>
      <tiendo-model-list province="nghe-an" heading-level="9"></tiendo-model-list>
      <tiendo-picker heading-level="2"></tiendo-picker>`);
    expect(groupName(p)).to.equal('Nghệ An');
    expect(groupName(k)).to.equal('Nghệ An Hồ sơ trả kết quả đúng hạn');
    expect(groupName(list)).to.equal('Nghệ An');
    expect(groupName(picker)).to.equal('Chọn tỉnh, thành phố');
    const title = (el: Element) => el.shadowRoot!.getElementById('title')!;
    expect([title(p).getAttribute('role'), title(p).getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
    expect(title(k).hasAttribute('role'), 'no heading-level: no heading').to.equal(false);
    expect(title(list).hasAttribute('role'), 'heading-level="9" is not a level: no heading').to.equal(false);
    expect(title(picker).getAttribute('aria-level')).to.equal('2');
    // The KPI without its own heading level keeps a plain title; a level set later makes it one.
    (k as HTMLElement & { headingLevel?: number }).headingLevel = 4;
    await (k as TiendoProgress).updateComplete;
    expect(title(k).getAttribute('aria-level')).to.equal('4');
    expect(title(k).textContent).to.equal('Hồ sơ trả kết quả đúng hạn');
    for (const el of [p, k, list, picker]) await expectAccessible(el);
  });

  it('carries its language; Vietnamese feed names in an English widget are marked lang="vi"', async () => {
    const [p, k, list] = await widgets(
      `<tiendo-progress province="nghe-an"></tiendo-progress>
       <tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>
       <tiendo-model-list province="nghe-an"></tiendo-model-list>`,
      { lang: 'en' },
    );
    for (const el of [p, k, list]) expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    const marked = (el: Element) =>
      [...el.shadowRoot!.querySelectorAll('[lang="vi"]')].map((n) => n.textContent!.trim()).filter((t, i, all) => all.indexOf(t) === i);
    // The title, the name inside the sentence and the source's name.
    expect(marked(p)).to.have.members(['Nghệ An', 'Công an tỉnh Nghệ An']);
    expect(part(p, 'sentence')!.querySelector('[lang="vi"]')!.textContent).to.equal('Nghệ An');
    expect(marked(k)).to.include.members(['Nghệ An', 'Hồ sơ trả kết quả đúng hạn', 'hồ sơ', 'Công an tỉnh Nghệ An']);
    expect(marked(list)).to.include.members(['Nghệ An', 'Khám chữa bệnh bằng thẻ căn cước', 'Nền tảng tích hợp, chia sẻ dữ liệu']);
    // The reader's own words are not marked: the sentence's words are English.
    expect(part(p, 'sentence')!.textContent).to.contain('has completed');
  });

  it('an English widget never says "Toàn quốc", whether the feed leaves the nation unnamed or names it so', async () => {
    const unnamed = { ...FIGURES, provinces: [] };
    const named = { ...FIGURES, national: { ...FIGURES.national, name: 'Toàn quốc' }, provinces: [] };
    const els = [
      ...(await widgets('<tiendo-kpi metric="on-time"></tiendo-kpi>', { lang: 'en' }, unnamed)),
      ...(await widgets('<tiendo-kpi metric="on-time"></tiendo-kpi>', { lang: 'en' }, named)),
    ];
    for (const el of els) {
      expect(spoken(el)).to.contain('Nationwide');
      expect(el.shadowRoot!.textContent).not.to.contain('Toàn quốc');
      // The reader's own word is not marked Vietnamese.
      expect(el.shadowRoot!.getElementById('area')!.querySelector('[lang]')).to.equal(null);
    }
    // Back to Vietnamese: the same view in the reader's words, without announcing a new load.
    let loads = 0;
    els[0].addEventListener('tiendo-load', () => loads++);
    els[0].parentElement!.setAttribute('lang', 'vi');
    await realUntil(() => els[0].shadowRoot!.textContent!.includes('Toàn quốc'), 'the Vietnamese national word');
    expect(loads).to.equal(0);
  });

  it('a widget switched to English before the English words have arrived says "Nationwide" once they do', async () => {
    // A page of its own, so that the English words are fetched for the first time by this switch.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = frame.contentDocument!;
      doc.open();
      doc.write(`<!doctype html><html lang="vi"><body><tiendo-kpi metric="on-time"><script type="application/json">${JSON.stringify({
        ...FIGURES,
        provinces: [],
      })}</scr${""}ipt></tiendo-kpi></body></html>`);
      doc.close();
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = new URL('../src/index.ts', import.meta.url).href;
      doc.head.append(script);
      const el = doc.querySelector('tiendo-kpi')!;
      // (Its elements belong to the frame's realm: read as text, not through this page's `spoken`.)
      const said = () => el.shadowRoot!.querySelector('[part~="sentence"]')?.textContent ?? '';
      await realUntil(() => el.getAttribute('state') === 'ready', 'ready in Vietnamese');
      expect(said()).to.contain('Toàn quốc');
      el.setAttribute('lang', 'en');
      await realUntil(() => / of /.test(said()), 'the English words');
      expect(said()).to.contain('Nationwide');
      expect(el.shadowRoot!.textContent).not.to.contain('Toàn quốc');
    } finally {
      frame.remove();
    }
  });

  it('the error icon is not read as a letter', async () => {
    const el = mount(`<tiendo-progress src="${FEED}" province="nowhere"></tiendo-progress>`).firstElementChild!;
    await untilState(el, 'error');
    const content = getComputedStyle(part(el, 'message')!, '::before').content;
    // An empty alternative text after the slash (CSS Generated Content 3): nothing for a screen reader.
    expect(content.replace(/\s/g, '')).to.equal('"i"/""');
  });

  it('says "stale" once per feed: the first widget of a feed announces it, the others show it silently', async () => {
    const feed = await loadJson(FEED);
    const flaky = await mockFeed([{ body: feed }, { status: 500, body: '' }]);
    const clock = installFakeClock(window);
    const box = mount(`
      <tiendo-progress src="${flaky}" province="nghe-an" refresh="30"></tiendo-progress>
      <tiendo-kpi src="${flaky}" metric="on-time" refresh="30"></tiendo-kpi>
      <tiendo-progress src="${flaky}" province="vinh-phuc" refresh="30"></tiendo-progress>`);
    const els = [...box.children] as TiendoProgress[];
    try {
      await realUntil(() => els.every((el) => el.getAttribute('state') === 'ready' || el.getAttribute('state') === 'empty'), 'first answers');
      await clock.next(() => realUntil(() => els.every((el) => el.hasAttribute('stale')), 'stale widgets'));
    } finally {
      clock.uninstall();
    }
    for (const el of els) await el.updateComplete;
    const notes = els.map((el) => part(el, 'stale-note'));
    expect(notes.every(Boolean), 'every stale widget shows the note').to.equal(true);
    expect(notes.map((n) => n!.getAttribute('role'))).to.deep.equal(['status', null, null]);
    // A re-render (a language change) does not hand the voice to another widget.
    box.setAttribute('lang', 'en');
    await realUntil(() => part(els[2], 'stale-note')!.textContent!.includes('figures'), 'English notes');
    expect(els.map((el) => part(el, 'stale-note')!.getAttribute('role'))).to.deep.equal(['status', null, null]);
  });
});
