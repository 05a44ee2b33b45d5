import { expect } from '@esm-bundle/chai';
import { UNITS_2025 } from '../src/places/provinces.js';
import { expectAccessibleDocument, until, visibleText } from './helpers.js';

/**
 * The demo portal as a newcomer sees it after `npm start`: every widget renders
 * the seed figures, nothing is logged as an error, and the page passes axe.
 * The page is loaded as written, with a console recorder injected first.
 */
async function openDemo(path: string, width = 1200): Promise<Document> {
  const html = await (await fetch(path)).text();
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0`;
  const base = new URL(path, location.href).href;
  frame.srcdoc = html.replace('<head>', `<head><base href="${base}"><script src="/test/console-capture.js"></script>`);
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const doc = frame.contentDocument!;
  await everyWidgetReady(doc);
  return doc;
}

/** Opens the demo at `url` (its own address, so the picker and the switch can write it). */
async function openDemoAt(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1200px;height:900px;border:0';
  frame.src = url;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  await everyWidgetReady(frame.contentDocument!);
  return frame;
}

const widgetsOf = (doc: Document | Element) => [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('tiendo-'));

async function everyWidgetReady(doc: Document): Promise<void> {
  await until(() => widgetsOf(doc).length > 0 && widgetsOf(doc).every((el) => el.getAttribute('state') === 'ready'), 'every widget ready', 15000);
}

const ILLUSTRATIVE_FEED = 'minh-hoa-34.json';
const usesIllustrative = (el: Element) => (el.getAttribute('src') ?? '').endsWith(ILLUSTRATIVE_FEED);

/** The text a reader sees in a light-DOM element (an element with no box shows nothing). */
function shownText(el: Element): string {
  const rect = el.getBoundingClientRect();
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  if (!rect.width || !rect.height || style.visibility === 'hidden' || style.display === 'none') return '';
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('demo portal', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('renders every widget with the seed figures and logs no error', async () => {
    const doc = await openDemo('/demo/index.html');
    const text = widgetsOf(doc)
      .map((el) => visibleText(el))
      .join(' | ');
    for (const figure of ['6/38 mô hình hoàn thành', '15,8%', '201.884', '74.336/74.587 hồ sơ · 99,66%', '9/11 dịch vụ', '5.862/6.302', 'Số liệu tính đến ngày 04/10/2024']) {
      expect(text).to.contain(figure);
    }
    expect((doc.defaultView as unknown as { __consoleErrors: string[] }).__consoleErrors).to.deep.equal([]);
  });

  it('keeps the real seed figures credited to their sources, beside the illustrative ones', async () => {
    const doc = await openDemo('/demo/index.html');
    const real = widgetsOf(doc).filter((el) => /de-an-06|nghe-an\.json/.test(el.getAttribute('src') ?? ''));
    expect(real.length).to.be.at.least(6);
    for (const el of real) expect(visibleText(el), el.outerHTML.slice(0, 80)).to.match(/Nguồn: (Cổng|Công an|Hội nghị)|Số liệu có thể đã cũ/);
    expect(visibleText(doc.querySelector('aside tiendo-kpi')!)).to.contain('Nguồn: Hội nghị sơ kết 6 tháng triển khai Đề án 06 của Bộ Công an');
    // No real widget is marked illustrative; each illustrative one is.
    for (const el of real) expect(el.previousElementSibling?.hasAttribute('data-illustrative') ?? false).to.equal(false);
  });

  it('marks every widget on the illustrative feed "Số liệu minh họa" on screen, next to it', async () => {
    const doc = await openDemo('/demo/index.html');
    const illustrative = widgetsOf(doc).filter(usesIllustrative);
    // Picker, progress, table, two charts across provinces, the map, a chart over time; in the dark section four more.
    expect(illustrative.length).to.be.at.least(11);
    for (const el of illustrative) {
      const mark = el.previousElementSibling!;
      expect(mark.hasAttribute('data-illustrative'), `${el.localName} has its mark`).to.equal(true);
      expect(shownText(mark)).to.contain('Số liệu minh họa');
      // Next to it: the mark ends just above the widget.
      const gap = el.getBoundingClientRect().top - mark.getBoundingClientRect().bottom;
      expect(gap).to.be.within(0, 24);
      // The widget's own footer says so too.
      expect(visibleText(el)).to.contain('Số liệu minh họa');
    }
  });

  it('the illustrative feed is the 34 units from 1 July 2025, as the library lists them', async () => {
    const feed = (await (await fetch(`/demo/feeds/${ILLUSTRATIVE_FEED}`)).json()) as {
      title: string;
      source: { name: string };
      provinces: { id: string; code: string; name: string; models: { total: number; completed: number } }[];
    };
    expect(feed.provinces.map((p) => [p.id, p.code, p.name])).to.deep.equal(UNITS_2025.map((u) => [u.id, u.code, u.name]));
    expect(feed.title).to.contain('minh họa');
    expect(feed.source.name).to.contain('không phải số liệu thật');
    // Plausible, and varied enough to compare: no two provinces share every figure.
    const rates = new Set(feed.provinces.map((p) => (p.models.completed / p.models.total).toFixed(3)));
    expect(rates.size).to.be.greaterThan(25);
  });

  it('no table has a column of dashes, no chart has one bar, the ministry is no province', async () => {
    const doc = await openDemo('/demo/index.html');
    const tables = [...doc.querySelectorAll('tiendo-province-table')];
    expect(tables.length).to.be.at.least(2);
    for (const table of tables) {
      const rows = [...table.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
      expect(rows.length).to.be.greaterThan(1);
      const columns = Math.max(...rows.map((r) => r.children.length));
      for (let c = 0; c < columns; c++) {
        const cells = rows.map((r) => (r.children[c]?.textContent ?? '').trim());
        expect(
          cells.every((t) => t === '' || t === '—' || t === '-'),
          `column ${c + 1} of ${table.getAttribute('src')} is empty`,
        ).to.equal(false);
      }
      const names = rows.map((r) => r.querySelector('th')?.textContent?.trim());
      expect(names).not.to.include('Bộ Công an');
    }
    const charts = [...doc.querySelectorAll('tiendo-chart')];
    expect(charts.length).to.be.at.least(4);
    for (const chart of charts) {
      // The chart's twin table has one row per bar (across provinces) or per date (over time).
      const rows = chart.shadowRoot!.querySelectorAll('[part~="table"] tbody tr');
      expect(rows.length, `${chart.getAttribute('src')} ${chart.getAttribute('metric') ?? ''}`).to.be.greaterThan(1);
      const across = !chart.hasAttribute('province');
      if (across) {
        expect(rows.length).to.equal(34);
        expect(visibleText(chart)).not.to.contain('Bộ Công an');
      }
    }
    for (const picker of doc.querySelectorAll('tiendo-picker')) {
      const options = [...picker.shadowRoot!.querySelectorAll('option')].map((o) => o.textContent?.trim());
      expect(options).not.to.include('Bộ Công an');
      expect(options.length).to.equal(35);
    }
    // The map draws the 34 with a figure each.
    const map = doc.querySelector('tiendo-map')!;
    expect(visibleText(map)).not.to.contain('không có số liệu');
  });

  it('shows a dark page whose widgets take theme="dark", and it passes axe', async () => {
    const doc = await openDemo('/demo/index.html');
    const section = doc.getElementById('nen-toi')!;
    const win = doc.defaultView!;
    expect(luminance(win.getComputedStyle(section).backgroundColor)).to.be.below(0.05);
    const widgets = widgetsOf(section);
    expect(widgets.length).to.be.at.least(4);
    expect(new Set(widgets.map((w) => w.localName)).size).to.be.at.least(4);
    for (const el of widgets) {
      expect(['dark', 'auto']).to.include(el.getAttribute('theme'));
      const surface = win.getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
      expect(luminance(surface), `${el.localName} surface ${surface}`).to.be.below(0.05);
    }
    await expectAccessibleDocument(doc);
    const axe = (win as unknown as { axe: { run: (el: Element, o: object) => Promise<{ violations: { id: string }[] }> } }).axe;
    const results = await axe.run(section, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    expect(results.violations.map((v) => v.id)).to.deep.equal([]);
  });

  it('switches every widget to English with its button, and back, keeping the page Vietnamese', async () => {
    const frame = await openDemoAt('/demo/index.html?x=1');
    const doc = frame.contentDocument!;
    const button = doc.getElementById('english') as HTMLButtonElement;
    expect(button.localName).to.equal('button');
    expect(button.textContent).to.equal('English');
    // Anything the switch logs as an error is recorded from here on.
    const logged: string[] = [];
    const win = frame.contentWindow! as Window & typeof globalThis;
    win.console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    win.addEventListener('error', (e) => logged.push(e.message));
    button.click();
    expect(doc.documentElement.lang).to.equal('vi');
    for (const el of widgetsOf(doc)) expect(el.getAttribute('lang')).to.equal('en');
    await until(() => visibleText(doc.querySelector('main > tiendo-progress')!).includes('6/38 models completed'), 'English progress');
    await until(() => visibleText(doc.querySelector('aside tiendo-kpi')!).includes('201,884'), 'English KPI');
    const mark = doc.querySelector('[data-illustrative]') as HTMLElement;
    expect(shownText(mark)).to.equal('Illustrative figures (not real data)');
    expect(mark.lang).to.equal('en');
    expect(button.textContent).to.equal('Tiếng Việt');
    expect(frame.contentWindow!.location.search).to.equal('?x=1&lang=en');

    button.click();
    for (const el of widgetsOf(doc)) expect(el.getAttribute('lang')).to.equal('vi');
    await until(() => visibleText(doc.querySelector('main > tiendo-progress')!).includes('6/38 mô hình hoàn thành'), 'Vietnamese again');
    expect(shownText(mark)).to.contain('Số liệu minh họa');
    expect(frame.contentWindow!.location.search).to.equal('?x=1');
    expect(logged).to.deep.equal([]);
  });

  it('opens in English with ?lang=en', async () => {
    const frame = await openDemoAt('/demo/index.html?lang=en');
    const doc = frame.contentDocument!;
    await until(() => visibleText(doc.querySelector('main > tiendo-progress')!).includes('6/38 models completed'), 'English figures');
    await until(() => visibleText(doc.querySelector('aside tiendo-kpi')!).includes('201,884'), 'English KPI');
    expect((doc.getElementById('english') as HTMLButtonElement).textContent).to.equal('Tiếng Việt');
  });

  it('moves the illustrative section to the province chosen in its picker, and keeps the choice in the address', async () => {
    const frame = await openDemoAt('/demo/index.html?x=1');
    const doc = frame.contentDocument!;
    const section = doc.getElementById('so-sanh')!;
    const progress = section.querySelector('tiendo-progress')!;
    const article = doc.querySelector('main > tiendo-progress')!;
    const select = section.querySelector('tiendo-picker')!.shadowRoot!.querySelector('select')!;
    // The picker opens on the portal's province, as the section's widgets do.
    expect(select.selectedOptions[0].textContent).to.equal('Nghệ An');
    await until(() => visibleText(progress).startsWith('Nghệ An'), 'section on Nghệ An');

    select.value = 'ha-tinh';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => visibleText(progress).startsWith('Hà Tĩnh'), 'section progress on Hà Tĩnh');
    expect(frame.contentWindow!.location.search).to.equal('?x=1&tinh=ha-tinh');
    // Each widget follows as it draws again: wait for each one's attribute.
    const follows = (selector: string, attribute: string) =>
      until(() => section.querySelector(selector)!.getAttribute(attribute) === 'ha-tinh', `${selector} ${attribute}="ha-tinh"`);
    await follows('tiendo-province-table', 'highlight');
    await follows('tiendo-chart[type="horizontal-bar"]', 'highlight');
    await follows('tiendo-map', 'highlight');
    await follows('tiendo-chart[province]', 'province');
    // The article's real figures are not in the group: they stay on Nghệ An.
    expect(visibleText(article)).to.contain('6/38 mô hình hoàn thành');
    // The language switch keeps the province in the address.
    (doc.getElementById('english') as HTMLButtonElement).click();
    expect(frame.contentWindow!.location.search).to.equal('?x=1&tinh=ha-tinh&lang=en');

    // A shared link opens on the same province.
    frame.src = '/demo/index.html?tinh=ha-tinh';
    await until(() => {
      const shared = frame.contentDocument?.querySelector('#so-sanh tiendo-progress');
      return Boolean(shared && shared.getAttribute('state') === 'ready' && visibleText(shared).startsWith('Hà Tĩnh'));
    }, 'shared link shows Hà Tĩnh', 15000);
  });

  it('passes axe, at desktop and phone widths', async () => {
    await expectAccessibleDocument(await openDemo('/demo/index.html'));
    const phone = await openDemo('/demo/index.html', 360);
    expect(phone.documentElement.scrollWidth).to.be.at.most(360);
    await expectAccessibleDocument(phone);
  });
});
