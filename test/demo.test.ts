import { expect } from '@esm-bundle/chai';
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
  const widgets = () => [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('tiendo-'));
  await until(() => widgets().length > 0 && widgets().every((el) => el.getAttribute('state') === 'ready'), 'every widget ready', 10000);
  return doc;
}

describe('demo portal', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('renders every widget with the seed figures and logs no error', async () => {
    const doc = await openDemo('/demo/index.html');
    const text = [...doc.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('tiendo-'))
      .map((el) => visibleText(el))
      .join(' | ');
    for (const figure of ['6/38 mô hình hoàn thành', '15,8%', '201.884', '74.336/74.587 hồ sơ · 99,66%', '9/11 dịch vụ', '5.862/6.302', 'Số liệu tính đến ngày 04/10/2024']) {
      expect(text).to.contain(figure);
    }
    expect((doc.defaultView as unknown as { __consoleErrors: string[] }).__consoleErrors).to.deep.equal([]);
  });

  it('switches every widget to English with ?lang=en', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1200px;height:900px;border:0';
    frame.src = '/demo/index.html?lang=en';
    document.body.append(frame);
    await until(() => Boolean(frame.contentDocument?.querySelector('tiendo-progress[state="ready"]')), 'ready', 10000);
    const doc = frame.contentDocument!;
    expect(doc.documentElement.lang).to.equal('en');
    await until(() => visibleText(doc.querySelector('tiendo-progress')!).includes('6/38 models completed'), 'English figures');
    const sidebar = doc.querySelector('aside tiendo-kpi')!;
    await until(() => visibleText(sidebar).includes('201,884'), 'English KPI');
  });

  it('moves the article to the province chosen in its picker, and keeps the choice in the address', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1200px;height:900px;border:0';
    frame.src = '/demo/index.html?x=1';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const doc = frame.contentDocument!;
    const widgets = () => [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('tiendo-'));
    await until(() => widgets().every((el) => el.getAttribute('state') === 'ready'), 'every widget ready', 10000);
    const [article, haTinh] = [...doc.querySelectorAll('main > tiendo-progress')];
    const select = doc.querySelector('tiendo-picker')!.shadowRoot!.querySelector('select')!;
    // The picker opens on the article's province, as its widgets do.
    expect(select.selectedOptions[0].textContent).to.equal('Nghệ An');
    expect(select.labels![0].textContent).to.equal('Xem số liệu của tỉnh, thành phố');
    expect(visibleText(article)).to.contain('6/38 mô hình hoàn thành');

    select.value = 'ha-tinh';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => visibleText(article).includes('0/43 mô hình hoàn thành'), 'article progress on Hà Tĩnh');
    expect(visibleText(article)).to.contain('Hà Tĩnh');
    expect(article.getAttribute('province')).to.equal('ha-tinh');
    expect(frame.contentWindow!.location.search).to.equal('?x=1&tinh=ha-tinh');
    // The table and the chart of the group mark Hà Tĩnh; the figures outside the group stay.
    expect(doc.querySelector('tiendo-province-table')!.getAttribute('highlight')).to.equal('ha-tinh');
    expect(doc.querySelector('tiendo-chart[group="trang"]')!.getAttribute('highlight')).to.equal('ha-tinh');
    expect(doc.querySelector('tiendo-map')!.getAttribute('highlight')).to.equal('ha-tinh');
    expect(doc.querySelector('tiendo-chart:not([group])')!.getAttribute('highlight')).to.equal('vinh-phuc');
    expect(visibleText(haTinh)).to.contain('0/43');
    // Switching the language keeps the province.
    expect(new URL((doc.getElementById('english') as HTMLAnchorElement).href).search).to.equal('?x=1&tinh=ha-tinh&lang=en');

    // A shared link opens on the same province.
    frame.src = '/demo/index.html?tinh=ha-tinh';
    await until(() => frame.contentDocument?.querySelector('main > tiendo-progress')?.getAttribute('province') === 'ha-tinh', 'opened on Hà Tĩnh', 10000);
    const shared = frame.contentDocument!.querySelector('main > tiendo-progress')!;
    await until(() => visibleText(shared).includes('0/43 mô hình hoàn thành'), 'shared link shows Hà Tĩnh', 10000);
  });

  it('passes axe, at desktop and phone widths', async () => {
    await expectAccessibleDocument(await openDemo('/demo/index.html'));
    const phone = await openDemo('/demo/index.html', 360);
    expect(phone.documentElement.scrollWidth).to.be.at.most(360);
    await expectAccessibleDocument(phone);
  });
});
