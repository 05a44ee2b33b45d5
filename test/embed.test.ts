import { expect } from '@esm-bundle/chai';
import { until, visibleText } from './helpers.js';

/** dist/embed.html in an iframe, as a CMS that strips scripts would show it. `npm test` builds dist/ first. */
async function embed(query: string, width = 480): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'tiendo';
  frame.style.cssText = `width:${width}px;height:50px;border:0`;
  frame.src = `/dist/embed.html?${query}`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame;
}

function widgetIn(frame: HTMLIFrameElement): Element | null {
  return frame.contentDocument!.querySelector('body > *');
}

let resizeLoaded: Promise<unknown> | undefined;
function loadResizeScript() {
  resizeLoaded ??= new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = '/dist/tiendo-resize.js';
    s.onload = resolve;
    document.head.append(s);
  });
  return resizeLoaded;
}

describe('dist/embed.html', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows one widget from its query string', async () => {
    const frame = await embed('widget=progress&src=/demo/feeds/de-an-06.json&province=nghe-an');
    await until(() => widgetIn(frame)?.getAttribute('state') === 'ready', 'widget ready');
    expect(widgetIn(frame)!.localName).to.equal('tiendo-progress');
    expect(visibleText(widgetIn(frame)!)).to.contain('6/38 mô hình hoàn thành');
    const en = await embed('widget=kpi&src=/demo/feeds/de-an-06.json&metric=on-time&lang=en');
    await until(() => widgetIn(en)?.getAttribute('state') === 'ready', 'kpi ready');
    expect(visibleText(widgetIn(en)!)).to.contain('74,336/74,587');
  });

  it('resizes its frame through tiendo-resize.js on the host page', async () => {
    await loadResizeScript();
    const frame = await embed('widget=progress&src=/demo/feeds/de-an-06.json&province=nghe-an');
    await until(() => widgetIn(frame)?.getAttribute('state') === 'ready', 'widget ready');
    const content = () => frame.contentDocument!.documentElement.getBoundingClientRect().height;
    await until(
      () => content() > 100 && Math.abs(parseFloat(frame.style.height) - content()) < 2,
      `frame (${frame.style.height}) as tall as the widget (${content()})`,
      3000,
    );
  });

  it('ignores height messages from anything but the frame’s own window and origin', async () => {
    await loadResizeScript();
    const frame = await embed('widget=progress&total=38&completed=6');
    await until(() => parseFloat(frame.style.height) > 60, 'first resize');
    const before = frame.style.height;
    const data = { type: 'tiendo:height', height: 999 };
    window.dispatchEvent(new MessageEvent('message', { data, source: frame.contentWindow, origin: 'https://evil.example' }));
    window.dispatchEvent(new MessageEvent('message', { data, source: window, origin: location.origin }));
    window.postMessage(data, '*');
    await new Promise((r) => setTimeout(r, 100));
    expect(frame.style.height).to.equal(before);
  });

  const hostile: [string, string, RegExp][] = [
    ['an unknown widget', 'widget=evil&src=/demo/feeds/de-an-06.json', /Không có tiện ích "evil"/],
    ['markup as the widget name', 'widget=%3Cimg%20src%3Dx%20onerror%3D%22parent.__pwned%3D1%22%3E', /Không có tiện ích "<img src=x onerror="parent.__pwned=1">"/],
    ['a javascript: src', 'widget=progress&src=javascript:parent.__pwned=1', /src phải là địa chỉ tương đối hoặc http:, https:/],
    ['a data: src', 'widget=progress&src=data:application/json,%7B%7D', /src phải là/],
    ['an event-handler attribute', 'widget=progress&total=38&onclick=parent.__pwned%3D1', /không có tham số "onclick"/],
    ['a style attribute', 'widget=kpi&value=1&style=background:url(javascript:1)', /không có tham số "style"/],
    ['a tag that is not a tiendo widget', 'widget=../script', /Không có tiện ích/],
  ];
  for (const [name, query, message] of hostile) {
    it(`refuses ${name} with a clear message and runs nothing`, async () => {
      const frame = await embed(query);
      const doc = frame.contentDocument!;
      await until(() => Boolean(doc.querySelector('[role="alert"]')), 'the message');
      expect(doc.querySelector('[role="alert"]')!.textContent).to.match(message);
      expect(doc.querySelector('body *:not(p)')).to.equal(null);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  }

  it('sets markup in a parameter as text', async () => {
    const frame = await embed('widget=progress&total=38&completed=6&label=%3Cimg%20src%3Dx%20onerror%3D%22parent.__pwned%3D1%22%3E');
    await until(() => widgetIn(frame)?.getAttribute('state') === 'ready', 'ready');
    expect(visibleText(widgetIn(frame)!)).to.contain('<img src=x onerror="parent.__pwned=1">');
    expect(widgetIn(frame)!.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });
});
