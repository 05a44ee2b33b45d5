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
    for (const figure of ['6/38 mô hình hoàn thành', '15,8%', '201.884', '74.336/74.587 hồ sơ · 99,66%', '9/11 dịch vụ', '5.862/6.302', 'Số liệu đến 04/10/2024']) {
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

  it('passes axe, at desktop and phone widths', async () => {
    await expectAccessibleDocument(await openDemo('/demo/index.html'));
    const phone = await openDemo('/demo/index.html', 360);
    expect(phone.documentElement.scrollWidth).to.be.at.most(360);
    await expectAccessibleDocument(phone);
  });
});
