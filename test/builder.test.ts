import { expect } from '@esm-bundle/chai';
import { installFakeClock, realUntil } from './fake-clock.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessibleDocument, mockFeed, openPage, until, visibleText } from './helpers.js';
import { fallbackText, shareText } from '../src/snippet/fallback-text.js';
import { iframeSnippet, reserveCss, scriptSnippet } from '../src/snippet/snippets.js';
import { FEED_PARAMS } from '../src/embed/embed-config.js';
import { validateFeed } from '../src/feed/validation.js';

/**
 * The embed builder as a portal hosts it: dist/builder.html, served as built
 * (`npm test` builds dist/ first), beside tiendo.js. The round trip an editor
 * makes: the snippet it gives, pasted into a blank page, renders the same
 * widget as its preview, in both forms (script + tag, iframe); the snippet's
 * URLs are the builder's own folder; the tag carries today's figures.
 */
type Page = { frame: HTMLIFrameElement; doc: Document };

const FEED = '/demo/feeds/de-an-06.json';
const DIST = `${location.origin}/dist/`;

async function builder(query = `?src=${FEED}`): Promise<Page> {
  const frame = await openPage(`/dist/builder.html${query}`, 1200, 1400);
  const doc = frame.contentDocument!;
  const loaded = query.includes('src=') ? /hợp lệ|Valid feed/ : /Chưa có nguồn dữ liệu|No feed yet/;
  await until(() => loaded.test(doc.getElementById('feed-status')!.textContent ?? ''), 'feed loaded', 8000);
  return { frame, doc };
}

function set(doc: Document, id: string, value: string): void {
  const el = doc.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

function previewWidget(doc: Document): Element {
  return doc.querySelector('#preview > *')!;
}

async function ready(el: Element | null | undefined, what: string): Promise<Element> {
  await until(() => el?.getAttribute('state') === 'ready', `${what} ready`, 8000);
  return el!;
}

const code = (doc: Document, form: 'script' | 'iframe') => doc.getElementById(`snippet-${form}`)!.textContent!;

/** Both heights measured in the builder's frames (the snippet says so). */
async function measured(doc: Document): Promise<void> {
  await until(() => /Chiều cao đo được|Measured height/.test(doc.getElementById('measure-status')!.textContent!), 'heights measured', 10000);
}

/** A blank page holding only the pasted snippet. */
async function paste(snippet: string, { width = 900, scripts = true } = {}): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:700px;border:0`;
  if (!scripts) frame.sandbox.add('allow-same-origin');
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{margin:0}</style></head><body>${snippet}</body></html>`;
  document.body.append(frame);
  // The iframe snippet loads lazily, as it should on a portal: keep it in view so every engine loads it.
  frame.scrollIntoView();
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentDocument!;
}

const cases: { widget: string; options: Record<string, string> }[] = [
  { widget: 'tiendo-progress', options: { province: 'nghe-an' } },
  { widget: 'tiendo-kpi', options: { province: 'vinh-phuc', 'opt-metric': 'residence-online' } },
  { widget: 'tiendo-province-table', options: {} },
  { widget: 'tiendo-model-list', options: { province: 'nghe-an' } },
  { widget: 'tiendo-chart', options: {} },
  { widget: 'tiendo-picker', options: {} },
];

describe('embed builder (dist/builder.html)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const { widget, options } of cases) {
    it(`round-trips ${widget} through both snippet forms`, async function () {
      // Three copies of the widget load (preview, script form, iframe form): slow engines need the time.
      this.timeout(40_000);
      const { doc } = await builder();
      const offered = [...doc.querySelectorAll<HTMLOptionElement>('#widget option')].map((o) => o.value);
      expect(offered).to.include(widget);
      set(doc, 'widget', widget);
      for (const [id, value] of Object.entries(options)) set(doc, id, value);
      const preview = await ready(previewWidget(doc), 'preview');
      // The same figures and words in every form; the table's scroll hint depends on the frame's width.
      const shown = (el: Element) => visibleText(el).replace(/(Cuộn|Scroll) [^→↓]*[→↓]+/g, '').replace(/\s+/g, ' ').trim();
      const expected = shown(preview);
      expect(expected).not.to.equal('');

      const scriptPage = await paste(code(doc, 'script'));
      const pasted = await ready(scriptPage.querySelector(widget), 'pasted widget');
      expect(shown(pasted)).to.equal(expected);

      const iframePage = await paste(code(doc, 'iframe'));
      const inner = iframePage.querySelector('iframe')!;
      await until(() => Boolean(inner.contentDocument?.querySelector(widget)), 'embedded widget', 15_000);
      const embedded = await ready(inner.contentDocument!.querySelector(widget), 'embedded widget');
      expect(shown(embedded)).to.equal(expected);
    });
  }

  it('writes the portal’s own URLs: the folder it is served from, never a development server’s', async () => {
    const { doc } = await builder();
    for (const widget of ['tiendo-progress', 'tiendo-chart']) {
      set(doc, 'widget', widget);
      for (const form of ['script', 'iframe'] as const) {
        const snippet = code(doc, form);
        expect(snippet).not.to.match(/\/src\/|@vite|:5173|node_modules|\.ts\b/);
        const urls = [...snippet.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
        expect(urls.length).to.be.greaterThan(1);
        for (const url of urls) expect(url.startsWith(DIST) || url === `${location.origin}${FEED}`, url).to.equal(true);
      }
    }
    expect(code(doc, 'script')).to.contain(`<script type="module" src="${DIST}tiendo.js"></script>`);
    // The address reads as an address: the feed's URL is not percent-encoded beyond need.
    expect(code(doc, 'iframe')).to.contain(`<iframe src="${DIST}embed.html?widget=chart&amp;src=${location.origin}${FEED}"`);
    expect(code(doc, 'iframe')).to.contain(`<script src="${DIST}tiendo-resize.js"></script>`);
  });

  it('puts today’s figures in the tag, seen even where no script runs', async () => {
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'province', 'nghe-an');
    const fallback = 'Nghệ An: 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày 20/06/2024';
    expect(code(doc, 'script')).to.contain(`province="nghe-an">${fallback}</tiendo-progress>`);
    const noScript = await paste(code(doc, 'script'), { scripts: false });
    expect(noScript.body.textContent).to.contain(fallback);

    set(doc, 'widget', 'tiendo-kpi');
    set(doc, 'province', 'vinh-phuc');
    set(doc, 'opt-metric', 'residence-online');
    expect(code(doc, 'script')).to.match(/>Vĩnh Phúc — Hồ sơ đăng ký cư trú tiếp nhận trực tuyến: [\d.]+\/[\d.]+ hồ sơ \([\d,]+%\) — số liệu tính đến ngày \d\d\/\d\d\/\d{4}<\/tiendo-kpi>/);

    set(doc, 'widget', 'tiendo-province-table');
    // The core, the table's code and its view are hinted with the script (dist/chunks.json): no round trip waits for another.
    for (const chunk of ['core', 'tiendo-province-table', 'province-table-view']) {
      expect(code(doc, 'script')).to.match(new RegExp(`<link rel="modulepreload" href="${DIST}chunks/${chunk}-[\\w-]+\\.js">`));
    }
    expect(code(doc, 'script')).to.match(/>Tiến độ mô hình điểm của 3 tỉnh, thành phố; cao nhất: Nghệ An 6\/38 mô hình hoàn thành \(15,8%\) — số liệu tính đến ngày 04\/10\/2024<\/tiendo-province-table>/);

    set(doc, 'opt-lang', 'en');
    expect(code(doc, 'script')).to.contain('>Pilot-model progress of 3 provinces; highest: Nghệ An 6/38 pilot models completed (15.8%) — figures as of 4 Oct 2024<');
  });

  it("keeps a ready widget's height when a height measured while it loaded arrives late", async () => {
    const { frame, doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'province', 'nghe-an');
    await measured(doc);
    const win = frame.contentWindow!;
    const phone = doc.getElementById('phone-frame') as HTMLIFrameElement;
    expect(phone.contentDocument!.querySelector('body > *')!.getAttribute('state')).to.equal('ready');
    const told = (height: number, state: string) =>
      win.dispatchEvent(new MessageEvent('message', { data: { type: 'tiendo:height', height, state }, origin: win.location.origin, source: phone.contentWindow }));
    const before = code(doc, 'script');
    // CI (Firefox, a busy machine): the snippet's reserve once came from a height read before the figures arrived.
    told(50, 'loading');
    expect(code(doc, 'script')).to.equal(before);
    // A ready widget's height is taken: the phone's reserve line (the frame's 1 px padding each side taken off).
    told(500, 'ready');
    expect(code(doc, 'script')).to.contain('min-height:max(498px,');
  });

  it('writes preload hints, a reserve line and an iframe height measured at phone and desktop widths', async () => {
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'province', 'nghe-an');
    await measured(doc);
    const script = code(doc, 'script');
    expect(script).to.contain(`<link rel="modulepreload" href="${DIST}tiendo.js">`);
    expect(script).to.contain(`<link rel="preload" as="fetch" crossorigin href="${location.origin}${FEED}">`);
    // Measured at a 16 px text, growing with the page's root size; the element's skeleton takes the same height.
    const reserve = /<style>tiendo-progress:not\(\[state=ready\]\)\{display:block;min-height:max\((\d+)px,[\d.]+rem\);--tiendo-skeleton-height:calc\(max\(\1px,[\d.]+rem\) - 2em - 2px\)\}(?:@media \(max-width:480px\)\{[^}]*\}\})?<\/style>/.exec(script);
    expect(reserve, script).not.to.equal(null);

    // The pasted tag, before its script, already holds the ready widget's height: no shift when the figures arrive.
    const page = await paste(script, { width: 720 });
    const el = page.querySelector('tiendo-progress')!;
    await ready(el, 'pasted');
    expect(Math.abs(el.getBoundingClientRect().height - Number(reserve![1]))).to.be.below(3);

    // The iframe without the resize script: tall enough for the widget at 360 px and at 720 px.
    const height = Number(/height:(\d+)px/.exec(code(doc, 'iframe'))![1]);
    for (const width of [360, 720]) {
      const host = await paste(code(doc, 'iframe').replace(/<script[^>]*><\/script>/, ''), { width });
      const frame = host.querySelector('iframe')!;
      await until(() => frame.contentDocument?.querySelector('tiendo-progress')?.getAttribute('state') === 'ready', `embed at ${width}px`, 8000);
      const content = frame.contentDocument!.documentElement.getBoundingClientRect().height;
      expect(frame.getBoundingClientRect().height).to.equal(height);
      expect(content, `widget at ${width}px`).to.be.at.most(height);
      expect(content, `no more than a little spare room at ${width}px`).to.be.above(height - 80);
    }
  });

  it('offers only what fits the widget and the feed, labelled in Vietnamese with hints', async () => {
    const { doc } = await builder();
    const label = (id: string) => doc.querySelector(`label[for="${id}"]`)?.textContent;
    const choices = (id: string) => [...doc.querySelectorAll<HTMLOptionElement>(`#${id} option`)].map((o) => o.textContent);

    // A KPI: the provinces that have metrics, and the chosen one's metrics only.
    set(doc, 'widget', 'tiendo-kpi');
    expect(choices('province')).to.deep.equal(['Toàn quốc (Bộ Công an)', 'Vĩnh Phúc']);
    set(doc, 'province', 'vinh-phuc');
    expect(label('opt-metric')).to.equal('Chỉ số');
    expect(doc.getElementById('opt-metric-hint')!.textContent).to.equal('Các chỉ số có số liệu của Vĩnh Phúc trong nguồn dữ liệu (2).');
    expect(choices('opt-metric')).to.deep.equal(['Hồ sơ đăng ký cư trú tiếp nhận trực tuyến', 'Hồ sơ cấp hộ chiếu phổ thông tiếp nhận trực tuyến']);
    set(doc, 'province', '');
    expect(choices('opt-metric')).to.have.length(3);

    // Progress: the provinces with pilot models, no metric.
    set(doc, 'widget', 'tiendo-progress');
    expect(choices('province')).to.deep.equal(['Hà Tĩnh', 'Nghệ An', 'Hà Nội']);
    expect(doc.getElementById('opt-metric')).to.equal(null);

    // The table: no province to pick, its own options.
    set(doc, 'widget', 'tiendo-province-table');
    expect((doc.getElementById('area-field') as HTMLElement).hidden).to.equal(true);
    expect(label('opt-highlight')).to.equal('Tỉnh được làm nổi bật');
    expect(label('opt-limit')).to.equal('Số dòng tối đa');

    // Every control has a Vietnamese label and a hint, never only an attribute's name.
    for (const widget of ['tiendo-progress', 'tiendo-kpi', 'tiendo-province-table', 'tiendo-model-list', 'tiendo-chart', 'tiendo-picker']) {
      set(doc, 'widget', widget);
      for (const control of doc.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#options [name], #advanced [name]')) {
        const text = (control.labels?.[0]?.textContent ?? '').trim();
        expect(text, `${widget} ${control.name}`).not.to.equal('');
        expect(text).not.to.equal(control.name);
        expect(/[à-ỹđ]/i.test(text), `"${text}" is Vietnamese`).to.equal(true);
        const hint = control.getAttribute('aria-describedby') ?? control.closest('fieldset')?.getAttribute('aria-describedby');
        expect(doc.getElementById(hint!)?.textContent, `hint of ${widget} ${control.name}`).not.to.equal('');
      }
    }
  });

  it('says what is missing when the feed cannot feed a choice', async () => {
    const noFeed = await builder('');
    expect(noFeed.doc.getElementById('feed-status')!.textContent).to.contain('Chưa có nguồn dữ liệu');
    expect(noFeed.doc.getElementById('snippet-script')!.textContent).to.contain('Chưa có mã');

    const feed = {
      version: 1,
      asOf: '2024-10-04',
      metrics: [{ id: 'on-time', name: 'Hồ sơ đúng hạn', unit: 'hồ sơ' }],
      provinces: [{ id: 'nghe-an', name: 'Nghệ An', metrics: { 'on-time': { value: 5, total: 10 } } }],
    };
    const url = await mockFeed([{ body: feed }]);
    const { doc } = await builder(`?src=${url}`);
    const progress = doc.querySelector<HTMLOptionElement>('#widget option[value="tiendo-progress"]')!;
    expect(progress.disabled).to.equal(true);
    expect(progress.textContent).to.equal('Tiến độ mô hình điểm của một tỉnh (nguồn dữ liệu chưa có số liệu cho tiện ích này)');
    expect((doc.getElementById('widget') as HTMLSelectElement).value).to.equal('tiendo-kpi');
    expect([...doc.querySelectorAll('#province option')].map((o) => o.textContent)).to.deep.equal(['Nghệ An (tỉnh duy nhất trong nguồn dữ liệu)']);
    set(doc, 'widget', 'tiendo-chart');
    const chartMetric = [...doc.querySelectorAll('#opt-metric option')].map((o) => o.textContent);
    expect(chartMetric).to.deep.equal(['Hồ sơ đúng hạn']);
  });

  it('offers the province picker and a linked group, whose snippets pasted on one page move together', async function () {
    this.timeout(30_000);
    const { doc } = await builder();
    const label = (id: string) => doc.querySelector(`label[for="${id}"]`)?.textContent;
    const hint = (id: string) => doc.getElementById(`${id}-hint`)?.textContent ?? '';
    set(doc, 'widget', 'tiendo-picker');
    expect((doc.querySelector('#widget option[value="tiendo-picker"]') as HTMLOptionElement).textContent).to.equal('Bộ chọn tỉnh cho các tiện ích cùng nhóm');
    expect((doc.getElementById('area-field') as HTMLElement).hidden).to.equal(true);
    expect(label('opt-group')).to.equal('Nhóm liên kết');
    expect(hint('opt-group')).to.contain('các tiện ích sẽ đi theo bộ chọn');
    // A picker is there to drive a group: it starts with one.
    expect((doc.getElementById('opt-group') as HTMLInputElement).value).to.equal('trang');
    expect(label('opt-url-param')).to.equal('Giữ lựa chọn trên địa chỉ trang');
    expect(label('opt-label')).to.equal('Nhãn của ô chọn');
    const preview = await ready(previewWidget(doc), 'picker preview');
    expect(preview.getAttribute('group')).to.equal('trang');
    const picker = code(doc, 'script');
    // No words without the script: a choice that is not there is not offered.
    expect(picker).to.contain(`<tiendo-picker src="${location.origin}${FEED}" group="trang"></tiendo-picker>`);
    expect(doc.getElementById('iframe-note')!.textContent).to.contain('Nhóm liên kết chỉ nối các tiện ích trong cùng một trang');

    set(doc, 'opt-url-param', 'tinh');
    expect(code(doc, 'script')).to.contain(' group="trang" url-param="tinh"></tiendo-picker>');

    // Every widget offers the group; the name typed for the picker carries over.
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'province', 'nghe-an');
    expect(label('opt-group')).to.equal('Nhóm liên kết');
    expect(hint('opt-group')).to.contain('Để trống: tiện ích không theo nhóm nào');
    expect((doc.getElementById('opt-group') as HTMLInputElement).value).to.equal('trang');
    const progress = code(doc, 'script');
    expect(progress).to.contain('province="nghe-an" group="trang">Nghệ An: 6/38');
    expect(code(doc, 'iframe')).to.contain('&amp;group=trang');
    set(doc, 'opt-group', '');
    expect(code(doc, 'script')).not.to.contain('group=');
    expect(doc.getElementById('iframe-note')!.textContent).not.to.contain('Nhóm liên kết');

    // The two snippets on one page: choosing Hà Tĩnh in the picker moves the progress there.
    const page = await paste(`${picker}\n${progress}`);
    const pasted = await ready(page.querySelector('tiendo-progress'), 'pasted progress');
    await ready(page.querySelector('tiendo-picker'), 'pasted picker');
    expect(visibleText(pasted)).to.contain('6/38');
    const select = page.querySelector('tiendo-picker')!.shadowRoot!.querySelector('select')!;
    select.value = 'ha-tinh';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => visibleText(pasted).includes('0/43'), 'the progress follows the picker');
    expect(visibleText(pasted)).to.contain('Hà Tĩnh');
  });

  it('offers the chart a multi-choice of the feed’s provinces to compare over time', async function () {
    this.timeout(30_000);
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-chart');
    const legend = doc.querySelector('#opt-compare-hint')!.closest('fieldset')!.querySelector('legend')!.textContent;
    expect(legend).to.equal('So sánh các tỉnh theo thời gian');
    expect(doc.getElementById('opt-compare-hint')!.textContent).to.contain('Biểu đồ theo thời gian của các tỉnh đã chọn');
    const boxes = [...doc.querySelectorAll<HTMLInputElement>('input[name="compare"]')];
    expect(boxes.map((b) => b.labels![0].textContent)).to.deep.equal(['Hà Tĩnh', 'Nghệ An', 'Hà Nội', 'Vĩnh Phúc']);
    const types = () => [...doc.querySelectorAll<HTMLOptionElement>('#opt-type option')].map((o) => o.textContent);
    expect(types()).to.deep.equal(['Cột đứng (mặc định)', 'Thanh ngang', 'Hình vành khuyên (mô hình theo trạng thái)']);

    for (const id of ['ha-tinh', 'nghe-an']) {
      const box = doc.getElementById(`opt-compare-${id}`) as HTMLInputElement;
      box.click();
      expect(box.checked).to.equal(true);
    }
    // Over time: a line (the default) or bars.
    expect(types()).to.deep.equal(['Đường (mặc định theo thời gian)', 'Cột đứng']);
    set(doc, 'opt-group', 'trang');
    const script = code(doc, 'script');
    expect(script).to.match(/<tiendo-chart src="[^"]+" compare="ha-tinh,nghe-an" group="trang">Tiến độ mô hình điểm của 2 tỉnh, thành phố; cao nhất: Nghệ An 6\/38 mô hình hoàn thành \(15,8%\)/);
    const iframe = code(doc, 'iframe');
    expect(iframe).to.contain('&amp;group=trang');
    if (FEED_PARAMS.has('compare')) expect(iframe).to.contain('&amp;compare=ha-tinh,nghe-an');
    else expect(doc.getElementById('iframe-note')!.textContent).to.contain('bỏ tùy chọn: So sánh các tỉnh theo thời gian');

    const page = await paste(script);
    const chart = await ready(page.querySelector('tiendo-chart'), 'pasted chart');
    expect(chart.getAttribute('compare')).to.equal('ha-tinh,nghe-an');
    const preview = await ready(previewWidget(doc), 'chart preview');
    expect(visibleText(chart)).to.equal(visibleText(preview));

    doc.getElementById('opt-compare-ha-tinh')!.click();
    doc.getElementById('opt-compare-nghe-an')!.click();
    expect(code(doc, 'script')).not.to.contain('compare=');
    expect(types()).to.deep.equal(['Cột đứng (mặc định)', 'Thanh ngang', 'Hình vành khuyên (mô hình theo trạng thái)']);
  });

  it('leaves words of the editor’s own out of the iframe form, which the embed refuses by default', async () => {
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'opt-label', 'Tiến độ của tỉnh');
    expect(code(doc, 'script')).to.contain('label="Tiến độ của tỉnh"');
    expect(code(doc, 'iframe')).not.to.contain('label=');
    expect(doc.getElementById('iframe-note')!.textContent).to.contain('bỏ tùy chọn: Tiêu đề riêng');
  });

  it('writes attribute values as text in the snippet, never as markup', async () => {
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'opt-label', '"><img src=x onerror="parent.__pwned=1">');
    const snippet = code(doc, 'script');
    expect(snippet).to.contain('label="&quot;&gt;&lt;img src=x onerror=&quot;parent.__pwned=1&quot;&gt;"');
    const page = await paste(snippet);
    const el = await ready(page.querySelector('tiendo-progress'), 'pasted');
    expect(visibleText(el)).to.contain('"><img src=x');
    expect(page.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('copies a snippet from the keyboard and says so', async () => {
    const { frame, doc } = await builder();
    // The builder's preview frames load and measure first: in WebKit a frame that loads can take the focus
    // (CI once pressed Enter with the button no longer focused, and nothing was copied).
    await measured(doc);
    const button = doc.getElementById('copy-script') as HTMLButtonElement;
    frame.contentWindow!.focus();
    button.focus();
    await until(() => doc.hasFocus() && doc.activeElement === button, 'the copy button focused');
    await sendKeys({ press: 'Enter' });
    const status = doc.getElementById('copy-status')!;
    await until(() => (status.textContent ?? '') !== '', 'copy status');
    const snippet = code(doc, 'script');
    if (/Đã sao chép/.test(status.textContent!)) {
      // Clipboard granted: nothing more the page can check without reading it back.
      expect(status.getAttribute('role')).to.equal('status');
    } else {
      expect(status.textContent).to.contain('Ctrl+C');
      expect(doc.getSelection()!.toString()).to.equal(snippet);
    }
  });

  it('selects the snippet for Ctrl+C when the clipboard never answers (WebKit can leave it hanging)', async () => {
    const { frame, doc } = await builder();
    const win = frame.contentWindow!;
    // A clipboard that neither writes nor refuses.
    Object.defineProperty(win.navigator.clipboard, 'writeText', { configurable: true, value: () => new Promise(() => undefined) });
    const clock = installFakeClock(win);
    try {
      (doc.getElementById('copy-iframe') as HTMLButtonElement).click();
      const status = doc.getElementById('copy-status')!;
      await clock.advance(1_999);
      expect(status.textContent ?? '').to.equal('');
      await clock.advance(1);
      await realUntil(() => (status.textContent ?? '') !== '', 'copy status');
      expect(status.textContent).to.contain('Ctrl+C');
      expect(doc.getSelection()!.toString()).to.equal(code(doc, 'iframe'));
    } finally {
      clock.uninstall();
    }
  });

  it('shows the validator’s messages when the feed is invalid or unreachable', async () => {
    const { doc } = await builder();
    const bad = await mockFeed([{ body: { version: 1, provinces: [{ id: 'Nghe An', name: 'Nghệ An', models: { total: 3, completed: 5 } }] } }]);
    const input = doc.getElementById('src') as HTMLInputElement;
    input.value = new URL(bad, location.href).href;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => doc.querySelectorAll('#feed-errors li').length > 0, 'errors listed');
    const errors = [...doc.querySelectorAll('#feed-errors li')].map((li) => li.textContent);
    expect(errors).to.include('provinces[0].id: phải gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nghe-an');
    expect(errors.some((e) => e!.startsWith('provinces[0].models: tổng completed'))).to.equal(true);
    input.value = new URL('/__mock/not-there', location.href).href;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => /Không tải được/.test(doc.getElementById('feed-status')!.textContent!), 'unreachable message');
  });

  it('speaks English with ?lang=en', async () => {
    const { doc } = await builder(`?src=${FEED}&lang=en`);
    expect(doc.querySelector('h1')!.textContent).to.equal('Build a tiendo embed code');
    expect(doc.querySelector('label[for="widget"]')!.textContent).to.equal('Widget');
    expect(code(doc, 'iframe')).to.contain('lang=en');
    const link = doc.getElementById('switch-lang') as HTMLAnchorElement;
    expect(link.textContent).to.equal('Tiếng Việt');
    expect(new URL(link.href).searchParams.get('src')).to.equal(FEED);
  });

  it('passes axe', async () => {
    const { doc } = await builder();
    await ready(previewWidget(doc), 'preview');
    await expectAccessibleDocument(doc);
  });
});

describe('the builder’s writers (pure)', () => {
  it('never rounds a share to 0% or 100% unless it is exactly that', () => {
    expect(shareText(6, 38, 'vi')).to.equal('15,8%');
    expect(shareText(1999, 2000, 'vi')).to.equal('99,95%');
    expect(shareText(149_999, 150_000, 'vi', 2)).to.equal('99,999%');
    expect(shareText(1, 1_000_000, 'vi')).to.equal('0,0001%');
    expect(shareText(38, 38, 'vi')).to.equal('100%');
    expect(shareText(0, 38, 'en')).to.equal('0%');
  });

  it('writes a fallback sentence from the feed for each widget, in Vietnamese and English', () => {
    const feed = validateFeed({
      version: 1,
      asOf: '2024-10-04',
      metrics: [{ id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' }],
      national: { metrics: { 'on-time': { value: 74336, total: 74587 } } },
      provinces: [
        { id: 'nghe-an', name: 'Nghệ An', asOf: '2024-06-20', models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 } },
        { id: 'ha-tinh', name: 'Hà Tĩnh', models: { total: 43, completed: 0, inProgress: 21 } },
      ],
    }).feed!;
    expect(fallbackText(feed, { widget: 'tiendo-progress', province: 'nghe-an' }, 'vi')).to.equal('Nghệ An: 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày 20/06/2024');
    expect(fallbackText(feed, { widget: 'tiendo-progress', province: 'nghe-an' }, 'en')).to.equal('Nghệ An: 6/38 pilot models completed (15.8%) — figures as of 20 Jun 2024');
    expect(fallbackText(feed, { widget: 'tiendo-kpi', metric: 'on-time' }, 'vi')).to.equal('Toàn quốc — Hồ sơ trả kết quả đúng hạn: 74.336/74.587 hồ sơ (99,66%) — số liệu tính đến ngày 04/10/2024');
    expect(fallbackText(feed, { widget: 'tiendo-model-list', province: 'nghe-an' }, 'vi')).to.equal('Nghệ An: 6 hoàn thành, 20 đang triển khai, 12 chưa triển khai trong 38 mô hình điểm — số liệu tính đến ngày 20/06/2024');
    expect(fallbackText(feed, { widget: 'tiendo-model-list', province: 'ha-tinh', status: 'in-progress' }, 'vi')).to.equal('Hà Tĩnh: 21/43 mô hình đang triển khai — số liệu tính đến ngày 04/10/2024');
    expect(fallbackText(feed, { widget: 'tiendo-province-table', highlight: 'ha-tinh' }, 'vi')).to.equal(
      'Tiến độ mô hình điểm của 2 tỉnh, thành phố; cao nhất: Nghệ An 6/38 mô hình hoàn thành (15,8%); Hà Tĩnh 0/43 mô hình hoàn thành (0%) — số liệu tính đến ngày 04/10/2024',
    );
    // A chart comparing chosen provinces over time speaks of those alone.
    expect(fallbackText(feed, { widget: 'tiendo-chart', compare: 'ha-tinh' }, 'vi')).to.equal(
      'Tiến độ mô hình điểm của 1 tỉnh, thành phố; cao nhất: Hà Tĩnh 0/43 mô hình hoàn thành (0%) — số liệu tính đến ngày 04/10/2024',
    );
    // Nothing to say: no words rather than wrong ones; a picker has nothing to offer without its script.
    expect(fallbackText(feed, { widget: 'tiendo-progress', province: 'ha-noi' }, 'vi')).to.equal('');
    expect(fallbackText(feed, { widget: 'tiendo-picker' }, 'vi')).to.equal('');
  });

  it('writes snippets whose URLs all come from the folder it is given, text escaped', () => {
    const base = 'https://congan.nghean.gov.vn/tiendo/';
    const script = scriptSnippet({
      base,
      tag: 'tiendo-progress',
      attributes: [['src', 'https://congan.nghean.gov.vn/du-lieu/de-an-06.json'], ['province', 'nghe-an'], ['show-sentence', '']],
      fallback: 'Nghệ An: 6/38 <b>',
      feed: 'https://congan.nghean.gov.vn/du-lieu/de-an-06.json',
      heights: { phone: 180, desktop: 150 },
    });
    expect(script.split('\n')).to.deep.equal([
      '<link rel="modulepreload" href="https://congan.nghean.gov.vn/tiendo/tiendo.js">',
      '<link rel="preload" as="fetch" crossorigin href="https://congan.nghean.gov.vn/du-lieu/de-an-06.json">',
      `<style>${reserveCss('tiendo-progress', { phone: 180, desktop: 150 })}</style>`,
      '<script type="module" src="https://congan.nghean.gov.vn/tiendo/tiendo.js"></script>',
      '<tiendo-progress src="https://congan.nghean.gov.vn/du-lieu/de-an-06.json" province="nghe-an" show-sentence>Nghệ An: 6/38 &lt;b&gt;</tiendo-progress>',
    ]);
    expect(reserveCss('tiendo-progress', { phone: 180, desktop: 150 })).to.equal(
      'tiendo-progress:not([state=ready]){display:block;min-height:max(150px,9.38rem);--tiendo-skeleton-height:calc(max(150px,9.38rem) - 2em - 2px)}' +
        '@media (max-width:480px){tiendo-progress:not([state=ready]){min-height:max(180px,11.25rem);--tiendo-skeleton-height:calc(max(180px,11.25rem) - 2em - 2px)}}',
    );
    const frame = iframeSnippet({ base, widget: 'progress', params: [['province', 'nghe-an'], ['debug', '']], title: 'Tiến độ — "Nghệ An"', height: 212.4, resizeNote: 'a -- b' });
    expect(frame).to.equal(
      '<iframe src="https://congan.nghean.gov.vn/tiendo/embed.html?widget=progress&amp;province=nghe-an&amp;debug=debug" title="Tiến độ — &quot;Nghệ An&quot;" loading="lazy" style="width:100%;height:213px;border:0"></iframe>\n' +
        '<!-- a — b -->\n<script src="https://congan.nghean.gov.vn/tiendo/tiendo-resize.js"></script>',
    );
  });
});
