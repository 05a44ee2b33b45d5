/**
 * Each figure reaches a screen reader once, along one path (SPEC, Elements: "Each figure is read once"; issue 18).
 * Chromium: the widget's accessibility tree itself (puppeteer's snapshot, over the runner's `tiendo-ax-tree`
 * command), names, values and descriptions included. Firefox and WebKit, whose drivers give no tree: what the
 * tree is built from, read in the same way (text that is not aria-hidden or undisplayed, and the ARIA names,
 * value texts and descriptions of the elements that carry them), and the split between what is drawn (hidden)
 * and what is said (the sentence).
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import { cleanup, expectAccessible, mount, part, untilState } from './helpers.js';

/** Figures that collide with nothing else the widgets say; the feed's date is 4 October 2024. */
const FIGURES = {
  version: 1,
  asOf: '2024-10-04',
  source: { name: 'Công an tỉnh Nghệ An', url: 'https://congan.nghean.gov.vn/' },
  metrics: [
    { id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' },
    { id: 'score', name: 'Chỉ số hài lòng', unit: 'điểm', max: 100 },
    { id: 'accounts', name: 'Tài khoản định danh', unit: 'tài khoản' },
    { id: 'late', name: 'Hồ sơ trễ hạn', unit: 'hồ sơ', higherIsBetter: false },
  ],
  models: [
    { id: '6', name: 'Khám chữa bệnh bằng thẻ căn cước' },
    { id: '21', name: 'Nền tảng tích hợp, chia sẻ dữ liệu' },
  ],
  provinces: [
    {
      id: 'nghe-an',
      name: 'Nghệ An',
      models: { total: 41, completed: 7, inProgress: 23, notStarted: 11, history: [{ asOf: '2024-06-30', completed: 3, inProgress: 25 }] },
      modelStatus: { '6': 'completed', '21': 'in-progress' },
      metrics: {
        'on-time': { value: 74336, total: 74587, previous: 73096, target: 0.995 },
        score: { value: 89.5, target: 92 },
        accounts: { value: 1312456 },
        late: { value: 57, target: 80, history: [{ asOf: '2024-06-30', value: 66 }] },
      },
    },
    { id: 'none', name: 'Hà Tĩnh', models: { total: 43, completed: 0, inProgress: 21, notStarted: 22 } },
    // Only a total: no count completed, in progress or not started.
    { id: 'total-only', name: 'Quảng Trị', models: { total: 29 } },
  ],
};

let ids = 0;

/** Mounts one widget (its feed given inside the tag), with an id for the tree command, ready. */
async function widget(markup: string, attrs: Record<string, string> = {}): Promise<HTMLElement> {
  const box = mount(markup, attrs);
  const el = box.firstElementChild as HTMLElement;
  el.id = `reading-${++ids}`;
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(FIGURES);
  el.append(script);
  await untilState(el, 'ready');
  return el;
}

interface AxNode {
  role?: string;
  name?: string;
  value?: string | number;
  valuetext?: string;
  description?: string;
  children?: AxNode[];
}

/** Chromium's accessibility tree of the widget (its `[part~="base"]`), or false where the driver has none. */
async function axTree(el: HTMLElement): Promise<AxNode | false> {
  try {
    return (await executeServerCommand('tiendo-ax-tree', { id: el.id })) as AxNode | false;
  } catch {
    return false;
  }
}

/**
 * What a screen reader gets from the tree, in order: each leaf's name, every value text (or value) and
 * description, and a container's own name where its contents do not already say it (a group named by its
 * title is the title once, not twice).
 */
function treeTexts(node: AxNode): string[] {
  const out: string[] = [];
  // A text's inline boxes repeat its words (Chromium's layout detail, not read again).
  const kidsOf = (n: AxNode) => (n.children ?? []).filter((c) => c.role !== 'InlineTextBox');
  const below = (n: AxNode): string => kidsOf(n).map((c) => `${c.name ?? ''} ${below(c)}`).join(' ');
  const visit = (n: AxNode) => {
    const kids = kidsOf(n);
    if (n.name && (!kids.length || !below(n).replace(/\s+/g, ' ').includes(n.name.replace(/\s+/g, ' ')))) out.push(n.name);
    if (n.valuetext) out.push(n.valuetext);
    else if (n.value !== undefined && n.value !== '') out.push(String(n.value));
    if (n.description) out.push(n.description);
    kids.forEach(visit);
  };
  visit(node);
  return out;
}

/** Every element of the tree with `role`. */
function rolesIn(node: AxNode): string[] {
  return [node.role ?? '', ...(node.children ?? []).flatMap(rolesIn)];
}

/**
 * Firefox and WebKit: what the tree is built from. Text not under aria-hidden or display: none /
 * visibility: hidden (visually hidden text counts), and each exposed element's aria-label, aria-valuetext
 * (aria-valuenow without it) and aria-description, read through ARIA reflection where the engine has it.
 */
function exposedTexts(el: HTMLElement): string[] {
  const out: string[] = [];
  const attr = (e: Element, name: string, reflected: string) =>
    (e as unknown as Record<string, string | null | undefined>)[reflected] ?? e.getAttribute(name);
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(node.textContent ?? '');
    if (!(node instanceof Element) || attr(node, 'aria-hidden', 'ariaHidden') === 'true') return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.localName === 'script' || node.localName === 'style') return;
    for (const [name, reflected] of [
      ['aria-label', 'ariaLabel'],
      ['aria-valuetext', 'ariaValueText'],
      ['aria-description', 'ariaDescription'],
    ]) {
      const v = attr(node, name, reflected);
      if (v) out.push(` ${v} `);
    }
    if (!attr(node, 'aria-valuetext', 'ariaValueText') && node.hasAttribute('aria-valuenow')) out.push(` ${node.getAttribute('aria-valuenow')} `);
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).forEach(walk);
    (node.shadowRoot ?? node).childNodes.forEach(walk);
    out.push(' ');
  };
  walk(part(el, 'base')!);
  return [out.join('').replace(/\s+/g, ' ').trim()];
}

/**
 * Dates said in words ("ngày 4 tháng 10 năm 2024", "4 October 2024") are one figure each, not three; a rank
 * ("xếp thứ 3 trên 3", "ranked 3 of 3") is a place, not a figure.
 */
function withoutDates(text: string): string {
  return text
    .replace(/xếp thứ \d+ trên \d+|rank(?:s|ed) \d+ of \d+/g, '‹rank›')
    .replace(/ngày \d+ tháng \d+ năm \d+/g, '‹date›')
    .replace(/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g, '‹date›');
}

/** The figures (numbers with their decimals and percent sign) read more than once in `texts`. */
function repeated(texts: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const m of withoutDates(texts.join(' ¦ ')).matchAll(/\d+(?:[.,]\d+)*%?/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

/**
 * The widget's accessible text in this engine: the tree in Chromium, what it is built from elsewhere.
 * Returns the texts and whether they came from the tree.
 */
async function accessibleTexts(el: HTMLElement): Promise<{ texts: string[]; tree?: AxNode }> {
  const tree = await axTree(el);
  if (tree === false) return { texts: exposedTexts(el) };
  expect(tree, 'the widget has a tree').to.be.an('object');
  // Chromium's tree (over CDP) gives a range's number but not its aria-valuetext, which a screen reader says instead.
  const valueTexts = [...el.shadowRoot!.querySelectorAll('[aria-valuetext]')]
    .filter((e) => !e.closest('[aria-hidden="true"]'))
    .map((e) => e.getAttribute('aria-valuetext')!);
  return { texts: [...treeTexts(tree), ...valueTexts], tree };
}

/** Each figure once in the widget's accessible text, which says all of `said`; no figure is a progress bar or meter. */
async function expectReadOnce(el: HTMLElement, said: string[]): Promise<void> {
  const { texts, tree } = await accessibleTexts(el);
  // Texts run on as read (an inline name inside the sentence is a text of its own in the tree).
  const all = texts.join(' ').replace(/\s+/g, ' ').replace(/ ([:,.;)])/g, '$1');
  for (const s of said) expect(all, 'the accessible text').to.contain(s);
  expect(repeated(texts), `figures read more than once in: ${all}`).to.deep.equal([]);
  const roles = tree ? rolesIn(tree) : [...el.shadowRoot!.querySelectorAll('[role]')].map((e) => e.getAttribute('role')!);
  expect(roles, 'no progress bar or meter: the sentence says the figures').not.to.include.members(['progressbar']);
  expect(roles).not.to.include.members(['meter']);
}

/** What is drawn is hidden from screen readers (the sentence says it): the bar, legend, counts and meter. */
function expectDrawnHidden(el: HTMLElement, parts: string[]): void {
  for (const name of parts) {
    const p = part(el, name);
    if (!p) continue;
    expect(Boolean(p.closest('[aria-hidden="true"]')), `${name} is hidden from screen readers`).to.equal(true);
  }
}

describe('read once, along one path (the accessibility tree in Chromium)', () => {
  afterEach(cleanup);

  it('progress: the sentence says every count, the share and the change once; the bar and legend are drawn only', async () => {
    const el = await widget('<tiendo-progress province="nghe-an"></tiendo-progress>');
    await expectReadOnce(el, [
      'Nghệ An đã hoàn thành 7 trên 41 mô hình điểm (17,1%), tăng 4 so với ngày 30 tháng 6 năm 2024; 23 mô hình đang triển khai, 11 chưa triển khai.',
      'ngày 4 tháng 10 năm 2024',
    ]);
    expectDrawnHidden(el, ['percent', 'summary', 'change', 'bar', 'legend']);
    // The screen still shows the compact figures.
    expect(part(el, 'summary')!.textContent).to.equal('7/41 mô hình hoàn thành');
    expect(part(el, 'legend')!.textContent).to.contain('Đang triển khai 23');
    await expectAccessible(el);
  });

  it('progress in English and with none completed: each figure once, the total said', async () => {
    const en = await widget('<tiendo-progress province="nghe-an"></tiendo-progress>', { lang: 'en' });
    await expectReadOnce(en, ['Nghệ An has completed 7 of 41 pilot models (17.1%), up 4 since 30 June 2024; 23 in progress and 11 not started.']);
    const none = await widget('<tiendo-progress province="none"></tiendo-progress>');
    await expectReadOnce(none, ['Hà Tĩnh chưa hoàn thành mô hình điểm nào trong số 43; 21 mô hình đang triển khai, 22 chưa triển khai.']);
    const noneEn = await widget('<tiendo-progress province="none"></tiendo-progress>', { lang: 'en' });
    await expectReadOnce(noneEn, ['Hà Tĩnh has not completed any of its 43 pilot models yet; 21 in progress and 22 not started.']);
  });

  it('KPI: the count, the rate, the change and the target once; the figure and the meter are drawn only', async () => {
    const el = await widget('<tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>');
    await expectReadOnce(el, [
      'Nghệ An: 74.336 trên 74.587 hồ sơ trả kết quả đúng hạn, tỷ lệ 99,66%; tăng 1.240 so với kỳ trước (chiều hướng tốt); mục tiêu 99,5% (đã đạt).',
    ]);
    expectDrawnHidden(el, ['value', 'rate', 'change', 'target']);
    expect(part(el, 'target')!.textContent).to.contain('Mục tiêu 99,5% · đã đạt');
    const en = await widget('<tiendo-kpi province="nghe-an" metric="on-time"></tiendo-kpi>', { lang: 'en' });
    await expectReadOnce(en, ['74,336 of 74,587', 'a rate of 99.66%', 'target 99.5% (met)']);
    await expectAccessible(el);
  });

  it('KPI: a score against its scale and target, a figure in millions, a lower-is-better figure with history', async () => {
    const score = await widget('<tiendo-kpi province="nghe-an" metric="score"></tiendo-kpi>');
    await expectReadOnce(score, ['89,5 trên 100', 'mục tiêu 92 (chưa đạt)']);
    expectDrawnHidden(score, ['value', 'target']);
    const big = await widget('<tiendo-kpi province="nghe-an" metric="accounts"></tiendo-kpi>');
    // On screen "1,3 triệu" and the exact count; read once, exactly.
    await expectReadOnce(big, ['Nghệ An: 1.312.456 tài khoản định danh.']);
    const late = await widget('<tiendo-kpi province="nghe-an" metric="late"></tiendo-kpi>', { lang: 'en' });
    await expectReadOnce(late, ['57', 'down 9 since 30 June 2024 (better)', 'target 80 (met)']);
  });

  it('a province with only a total: no progress bar (never "busy"), its count in words (vi and en)', async () => {
    for (const [lang, words, said] of [
      ['vi', '29 mô hình điểm', 'Quảng Trị: 29 mô hình điểm.'],
      ['en', '29 pilot models', 'Quảng Trị: 29 pilot models.'],
    ]) {
      const el = await widget('<tiendo-progress province="total-only"></tiendo-progress>', { lang });
      // (Booleans, not elements, in the assertions: a failure's message stays small.)
      const has = (selector: string) => Boolean(el.shadowRoot!.querySelector(selector));
      expect(has('[role="progressbar"], [aria-busy], [aria-valuemax]'), `${lang}: a progress bar`).to.equal(false);
      // No empty bar (it would read as nothing completed) and no empty legend.
      expect(['bar', 'legend', 'percent'].filter((p) => part(el, p)), lang).to.deep.equal([]);
      expect(part(el, 'summary')!.textContent, lang).to.equal(words);
      expect(part(el, 'sentence')!.textContent, lang).to.equal(said);
      await expectReadOnce(el, [said]);
      await expectAccessible(el);
    }
  });

  it('the model list: each count once', async () => {
    const el = mount('<tiendo-model-list province="nghe-an"></tiendo-model-list>').firstElementChild as HTMLElement;
    el.id = `reading-${++ids}`;
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(FIGURES);
    el.append(script);
    await customElements.whenDefined('tiendo-model-list');
    await untilState(el, 'ready');
    const { texts } = await accessibleTexts(el);
    expect(repeated(texts), texts.join(' ¦ ')).to.deep.equal([]);
    expect(texts.join(' ')).to.contain('Khám chữa bệnh bằng thẻ căn cước');
  });
});

describe('read once: the chart (its table closed)', () => {
  afterEach(cleanup);

  /** Three provinces; `highlight` the one the sentence ranks. */
  const feed = {
    version: 1,
    asOf: '2024-10-04',
    source: { name: 'Bộ Công an' },
    metrics: [{ id: 'm', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
    provinces: [
      { id: 'a', name: 'Nghệ An', metrics: { m: { value: 731 } } },
      { id: 'b', name: 'Hà Tĩnh', metrics: { m: { value: 529 } } },
      { id: 'c', name: 'Quảng Trị', metrics: { m: { value: 317 } } },
    ],
  };

  // The highlighted province between the highest and the lowest, and as the highest or the lowest (then its rank alone).
  const ranks: Record<string, [RegExp, RegExp]> = {
    a: [/Nghệ An\s+xếp thứ 1 trên 3/, /Nghệ An\s+ranks 1 of 3/],
    b: [/Hà Tĩnh\s*: 529 \(xếp thứ 2 trên 3\)/, /Hà Tĩnh\s*: 529 \(ranked 2 of 3\)/],
    c: [/Quảng Trị\s+xếp thứ 3 trên 3/, /Quảng Trị\s+ranks 3 of 3/],
  };
  for (const [highlight, lang] of [
    ['a', 'vi'],
    ['b', 'vi'],
    ['b', 'en'],
    ['c', 'vi'],
    ['c', 'en'],
  ]) {
    it(`each figure once, the highlighted province ${highlight === 'b' ? 'between the highest and the lowest' : highlight === 'a' ? 'the highest' : 'the lowest'} (${lang})`, async () => {
      const box = mount(`<tiendo-chart metric="m" highlight="${highlight}" lang="${lang}" style="width:640px"><script type="application/json"></script></tiendo-chart>`);
      box.querySelector('script')!.textContent = JSON.stringify(feed);
      const el = box.firstElementChild as HTMLElement;
      el.id = `reading-${++ids}`;
      await customElements.whenDefined('tiendo-chart');
      (el as HTMLElement & { requestUpdate(name?: string): void }).requestUpdate('src');
      await untilState(el, 'ready');
      const { texts } = await accessibleTexts(el);
      const all = texts.join(' ');
      expect(all).to.match(ranks[highlight][lang === 'vi' ? 0 : 1]);
      expect(repeated(texts), all).to.deep.equal([]);
    });
  }
});
