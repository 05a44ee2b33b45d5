import { expect } from '@esm-bundle/chai';
import { mockFeed, until, visibleText } from './helpers.js';

/**
 * dist/embed.html in an iframe, as a CMS that strips scripts would show it, and
 * dist/tiendo-resize.js on the host page. `npm test` builds dist/ first.
 *
 * The embed lives on the government's domain, so by default it shows feeds from
 * its own origin only and refuses figures given in its address; the operator
 * can allow either in embed.html's <meta> tags. An operator's copy is played
 * here by a mock page: dist/embed.html with the <meta> tags edited and a
 * <base href="/dist/"> so its script and the library load as usual.
 */
const FEED = '/demo/feeds/de-an-06.json';

/** This test server under another host name: another origin, same files. */
const OTHER_ORIGIN = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

async function embed(query: string, { width = 480, page = '/dist/embed.html' } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'tiendo';
  frame.style.cssText = `width:${width}px;height:50px;border:0`;
  frame.src = `${page}?${query}`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame;
}

/** An operator's copy of embed.html with its settings edited, served by the mock server; its path. */
async function operatorEmbed(settings: { origins?: string; inline?: string; version?: string }): Promise<string> {
  let html = await (await fetch('/dist/embed.html')).text();
  if (settings.version) html = html.replace('src="./embed.js"', `src="./embed.js?v=${settings.version}"`);
  html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" /><base href="/dist/" />');
  if (settings.origins !== undefined) {
    html = html.replace('name="tiendo-allowed-origins" content=""', `name="tiendo-allowed-origins" content="${settings.origins}"`);
  }
  if (settings.inline !== undefined) {
    html = html.replace('name="tiendo-inline-figures" content="off"', `name="tiendo-inline-figures" content="${settings.inline}"`);
  }
  return mockFeed([{ body: html, type: 'text/html' }]);
}

function widgetIn(frame: HTMLIFrameElement): Element | null {
  return frame.contentDocument!.querySelector('body > *');
}

async function alertIn(frame: HTMLIFrameElement): Promise<string> {
  const doc = frame.contentDocument!;
  await until(() => Boolean(doc.querySelector('[role="alert"]')), 'the message');
  // Nothing but the message: no widget, no element of the query's making.
  expect(doc.querySelector('body *:not(p)')).to.equal(null);
  return doc.querySelector('[role="alert"]')!.textContent!;
}

async function readyIn(frame: HTMLIFrameElement): Promise<Element> {
  await until(() => widgetIn(frame)?.getAttribute('state') === 'ready', 'widget ready', 8000);
  return widgetIn(frame)!;
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

/** Runs `code` in the frame's own window (so a message it posts comes from that window). */
function runIn(frame: HTMLIFrameElement, code: string): void {
  const doc = frame.contentDocument!;
  const s = doc.createElement('script');
  s.textContent = code;
  doc.body.append(s);
}

const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;

describe('dist/embed.html', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows one widget from its query string', async () => {
    const frame = await embed(`widget=progress&src=${FEED}&province=nghe-an`);
    const el = await readyIn(frame);
    expect(el.localName).to.equal('tiendo-progress');
    expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
    const en = await embed(`widget=kpi&src=${FEED}&metric=on-time&lang=en`);
    expect(visibleText(await readyIn(en))).to.contain('74,336/74,587');
  });

  const hostile: [string, string, RegExp][] = [
    ['an unknown widget', `widget=evil&src=${FEED}`, /Không có tiện ích "evil"/],
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
      expect(await alertIn(frame)).to.match(message);
      await new Promise((r) => setTimeout(r, 50));
      expect(pwned()).to.equal(undefined);
    });
  }

  describe('on the government’s domain', () => {
    it('refuses figures and words given in its address, in Vietnamese and English', async () => {
      // The attack of issue 17: an official-looking tile linking to an attacker.
      const tile = 'widget=kpi&label=B%E1%BB%99%20C%C3%B4ng%20an%20x%C3%A1c%20nh%E1%BA%ADn&value=99&source=B%E1%BB%99%20C%C3%B4ng%20an&source-url=https://evil.example/';
      const vi = await alertIn(await embed(tile));
      expect(vi).to.contain('Khung nhúng này không nhận số liệu hay lời ghi trong địa chỉ (tham số "label")');
      expect(vi).to.contain('<meta name="tiendo-inline-figures" content="on">');
      const en = await alertIn(await embed(`${tile}&lang=en`));
      expect(en).to.contain('This embed does not take figures or words in its address (parameter "label")');
      // A feed's figures with words of someone else's on top are refused the same way.
      const label = await alertIn(await embed(`widget=progress&src=${FEED}&province=nghe-an&label=Gian%20l%E1%BA%ADn`));
      expect(label).to.contain('(tham số "label")');
      // Nothing to show without a feed.
      expect(await alertIn(await embed('widget=progress'))).to.contain('Thiếu tham số src');
    });

    it('refuses a feed from another origin, naming it and where the operator allows it', async () => {
      const frame = await embed(`widget=progress&src=${OTHER_ORIGIN}${FEED}&province=nghe-an`);
      const text = await alertIn(frame);
      expect(text).to.contain(`nguồn ${OTHER_ORIGIN} chưa được cho phép`);
      expect(text).to.contain(`chỉ hiển thị nguồn dữ liệu của ${location.origin}`);
      expect(text).to.contain('<meta name="tiendo-allowed-origins">');
      const en = await alertIn(await embed(`widget=progress&src=https://evil.example/feed.json&lang=en`));
      expect(en).to.contain('https://evil.example is not allowed');
    });

    it('shows another origin’s feed, and inline figures, when the operator allows them', async () => {
      const feed = await (await fetch(FEED)).text();
      const other = `${OTHER_ORIGIN}${await mockFeed([{ body: feed, headers: { 'Access-Control-Allow-Origin': '*' } }])}`;
      const page = await operatorEmbed({ origins: `${OTHER_ORIGIN} https://b.gov.vn/`, inline: 'on' });
      const el = await readyIn(await embed(`widget=progress&src=${encodeURIComponent(other)}&province=nghe-an`, { page }));
      expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
      // Still no origin the operator did not list.
      expect(await alertIn(await embed('widget=progress&src=https://evil.example/feed.json', { page }))).to.contain('https://evil.example');
      // Inline figures, markup in them set as text.
      const inline = await embed(
        'widget=progress&total=38&completed=6&label=%3Cimg%20src%3Dx%20onerror%3D%22parent.__pwned%3D1%22%3E',
        { page },
      );
      const shown = await readyIn(inline);
      expect(visibleText(shown)).to.contain('<img src=x onerror="parent.__pwned=1">');
      expect(shown.shadowRoot!.querySelector('img')).to.equal(null);
      expect(pwned()).to.equal(undefined);
    });

    it('lets no same-origin address redirect it to an origin the operator did not allow', async () => {
      const feed = await (await fetch(FEED)).text();
      const elsewhere = `${OTHER_ORIGIN}${await mockFeed([{ body: feed, headers: { 'Access-Control-Allow-Origin': '*' } }])}`;
      const redirect = await mockFeed([{ status: 302, headers: { Location: elsewhere }, body: '' }]);
      const frame = await embed(`widget=progress&src=${redirect}&province=nghe-an`);
      await until(() => widgetIn(frame)?.getAttribute('state') === 'error', 'the widget refuses the redirected feed', 8000);
      expect(visibleText(widgetIn(frame)!)).not.to.contain('6/38');
    });

    it('opens the source link outside the frame', async () => {
      const frame = await embed(`widget=progress&src=${FEED}&province=nghe-an`);
      const el = await readyIn(frame);
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="source-link"]')!;
      expect(link.href).to.match(/^https:\/\/[\w.-]+\.gov\.vn\//);
      expect(link.relList.contains('noopener') && link.relList.contains('noreferrer')).to.equal(true);
      // The link's own target, else the document's <base target> (HTML's rule, which covers shadow trees).
      const target = link.target || frame.contentDocument!.querySelector<HTMLBaseElement>('base[target]')?.target;
      expect(target).to.equal('_blank');
      // A click does not take the frame away from the widget (no popup may open in a test, but no navigation here either).
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      expect(frame.contentWindow!.location.pathname).to.equal('/dist/embed.html');
    });

    it('keeps the 30-second floor for refresh given in its address', async () => {
      // The answer comes late, so the fake clock below is in place before the refresh timer is set.
      const feed = await mockFeed([{ body: await (await fetch(FEED)).text(), delay: 400 }]);
      const frame = await embed(`widget=progress&src=${feed}&province=nghe-an&refresh=0.1`);
      // A fake clock and a fetch counter in the frame's own window, where the built library runs.
      const win = frame.contentWindow as Window & typeof globalThis;
      const real = { setTimeout: win.setTimeout, clearTimeout: win.clearTimeout, now: win.Date.now, fetch: win.fetch };
      let now = win.Date.now();
      let seq = 1;
      const timers = new Map<number, { due: number; fn: () => void }>();
      win.setTimeout = ((fn: () => void, ms = 0) => {
        timers.set(seq, { due: now + Math.max(0, Number(ms) || 0), fn });
        return seq++;
      }) as typeof win.setTimeout;
      win.clearTimeout = ((id: number) => void timers.delete(id)) as typeof win.clearTimeout;
      win.Date.now = () => now;
      let requests = 0;
      let open = 0;
      win.fetch = ((...args: Parameters<typeof fetch>) => {
        requests++;
        open++;
        return real.fetch.apply(win, args).finally(() => open--);
      }) as typeof fetch;
      /** Moves time on one second at a time, letting each request it starts be answered and read. */
      const advance = async (seconds: number) => {
        for (let i = 0; i < seconds; i++) {
          now += 1000;
          for (const [id, t] of [...timers].filter(([, t]) => t.due <= now)) {
            timers.delete(id);
            t.fn();
          }
          await until(() => open === 0, 'the request answered', 8000);
          await new Promise((r) => win.requestAnimationFrame(() => win.requestAnimationFrame(r)));
        }
      };
      try {
        await readyIn(frame);
        const first = requests;
        await advance(25);
        expect(requests - first, 'requests within 25 s').to.equal(0);
        await advance(35);
        expect(requests - first, 'requests within 60 s').to.be.within(1, 2);
      } finally {
        Object.assign(win, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout, fetch: real.fetch });
        win.Date.now = real.now;
      }
    });
  });

  describe('when dist/ was not deployed whole', () => {
    const failChunks = (match: string, times: number) => fetch('/__chunk-fail', { method: 'POST', body: JSON.stringify({ match, times }) });
    afterEach(() => failChunks('', 0));

    it('says so in the frame when the library (index.js beside it) is missing', async () => {
      // A version query on embed.js carries over to index.js: a request the browser has not cached.
      const page = await operatorEmbed({ version: `missing-${Date.now()}` });
      await failChunks('/dist/index.js', -1);
      const text = await alertIn(await embed(`widget=progress&src=${FEED}&province=nghe-an`, { page }));
      expect(text).to.contain('Không tải được thư viện tiendo');
      expect(text).to.contain('chép cả thư mục dist, gồm cả thư mục con chunks');
      const en = await operatorEmbed({ version: `missing-en-${Date.now()}` });
      expect(await alertIn(await embed(`widget=progress&src=${FEED}&lang=en`, { page: en }))).to.contain('copy the whole dist folder');
    });
  });

  describe('tiendo-resize.js', () => {
    it('resizes an embed’s frame to the widget', async () => {
      await loadResizeScript();
      const frame = await embed(`widget=progress&src=${FEED}&province=nghe-an`);
      await readyIn(frame);
      const content = () => frame.contentDocument!.documentElement.getBoundingClientRect().height;
      await until(
        () => content() > 100 && Math.abs(parseFloat(frame.style.height) - content()) < 2,
        `frame (${frame.style.height}) as tall as the widget (${content()})`,
        3000,
      );
    });

    it('ignores height messages from anything but the frame’s own window and origin', async () => {
      await loadResizeScript();
      const frame = await embed(`widget=progress&src=${FEED}&province=nghe-an`);
      await readyIn(frame);
      const content = () => frame.contentDocument!.documentElement.getBoundingClientRect().height;
      await until(() => Math.abs(parseFloat(frame.style.height) - content()) < 2, 'the frame as tall as the widget');
      const before = frame.style.height;
      const data = { type: 'tiendo:height', height: 999 };
      window.dispatchEvent(new MessageEvent('message', { data, source: frame.contentWindow, origin: 'https://evil.example' }));
      window.dispatchEvent(new MessageEvent('message', { data, source: window, origin: location.origin }));
      window.postMessage(data, '*');
      await new Promise((r) => setTimeout(r, 100));
      expect(frame.style.height).to.equal(before);
    });

    it('leaves other frames alone (an advert posting tiendo:height), unless marked data-tiendo', async () => {
      await loadResizeScript();
      const ad = await mockFeed([{ type: 'text/html', body: '<!doctype html><title>ad</title><p>Quảng cáo</p>' }]);
      const adFrame = await embed('x=1', { page: ad });
      const marked = await embed('x=2', { page: ad });
      marked.setAttribute('data-tiendo', '');
      runIn(adFrame, 'parent.postMessage({ type: "tiendo:height", height: 20000 }, "*")');
      runIn(marked, 'parent.postMessage({ type: "tiendo:height", height: 240 }, "*")');
      await until(() => marked.style.height === '240px', 'the marked frame resized');
      expect(adFrame.style.height).to.equal('50px');
    });

    it('never makes a frame taller than 4,000 px', async () => {
      await loadResizeScript();
      const frame = await embed(`widget=progress&src=${FEED}&province=nghe-an`);
      await readyIn(frame);
      const content = () => frame.contentDocument!.documentElement.getBoundingClientRect().height;
      await until(() => Math.abs(parseFloat(frame.style.height) - content()) < 2, 'the frame as tall as the widget');
      // Every height the frame is given (the widget's own messages may follow and set it back).
      const heights: string[] = [];
      new MutationObserver(() => heights.push(frame.style.height)).observe(frame, { attributeFilter: ['style'] });
      runIn(frame, 'parent.postMessage({ type: "tiendo:height", height: 20000 }, "*")');
      await until(() => heights.includes('4000px'), 'capped at 4000px');
      expect(heights.every((h) => parseFloat(h) <= 4000)).to.equal(true);
    });
  });
});
