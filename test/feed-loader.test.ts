import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoErrorEvent, TiendoKpi, TiendoLoadEvent, TiendoProgress } from '../src/index.js';
import { loaderStats, subscribeFeed } from '../src/feed/loader.js';
import { cleanup, loadJson, FEED } from './helpers.js';
import { mockFeed, mockStats, mount, requestCount, untilState, visibleText, part } from './helpers.js';
import { installFakeClock, realUntil, type FakeClock } from './fake-clock.js';


describe('feed loader', () => {
  let feed: Record<string, unknown>;
  before(async () => {
    feed = await loadJson(FEED);
  });
  afterEach(cleanup);

  it('makes one request for ten elements on one URL, and reuses it for elements added later', async () => {
    const url = await mockFeed([{ body: feed, delay: 100 }]);
    const box = mount(
      Array.from({ length: 5 }, () => `<tiendo-progress src="${url}" province="nghe-an"></tiendo-progress>`).join('') +
        Array.from({ length: 5 }, () => `<tiendo-kpi src="${location.origin}${url}" metric="on-time"></tiendo-kpi>`).join(''),
    );
    const els = [...box.querySelectorAll<TiendoProgress | TiendoKpi>('tiendo-progress, tiendo-kpi')];
    expect(els).to.have.length(10);
    for (const el of els) await untilState(el, 'ready');
    expect(await requestCount(url)).to.equal(1);
    const later = mount(`<tiendo-progress src="${url}" province="nghe-an"></tiendo-progress>`).firstElementChild!;
    await untilState(later, 'ready');
    expect(visibleText(later)).to.contain('6/38');
    expect(await requestCount(url)).to.equal(1);
  });

  it('gives up after the timeout (at least 1 s) with a calm message, and the reason under debug', async () => {
    const url = await mockFeed([{ hang: true }]);
    const errors: TiendoErrorEvent[] = [];
    document.addEventListener('tiendo-error', (e) => errors.push(e), { once: true });
    // timeout="0.3" is brought to the 1 s floor.
    const el = mount(`<tiendo-progress src="${url}" timeout="0.3" debug>Nghệ An: 6/38</tiendo-progress>`)
      .firstElementChild!;
    await untilState(el, 'error', 4000);
    expect(visibleText(el)).to.contain('Nghệ An: 6/38');
    expect(visibleText(el)).to.contain('Chưa hiển thị được số liệu. Vui lòng quay lại sau.');
    expect(visibleText(el)).to.contain('không trả lời sau 1 giây');
    expect(errors[0].detail.kind).to.equal('timeout');
    expect(errors[0].detail.url).to.equal(location.origin + url);
  });

  it('shows HTTP 500 and HTML-instead-of-JSON as errors, short for citizens', async () => {
    const e500 = await mockFeed([{ status: 500, body: 'oops', type: 'text/plain' }]);
    const html = await mockFeed([{ body: '<!doctype html><h1>Trang chủ</h1>', type: 'text/html' }]);
    const box = mount(`<tiendo-progress src="${e500}"></tiendo-progress><tiendo-progress src="${html}" debug></tiendo-progress>`);
    const [a, b] = box.querySelectorAll('tiendo-progress');
    await untilState(a, 'error');
    await untilState(b, 'error');
    expect(visibleText(a)).to.equal('Chưa hiển thị được số liệu. Vui lòng quay lại sau.');
    expect(visibleText(b)).to.contain('không phải JSON hợp lệ');
    expect(visibleText(b)).not.to.contain('Trang chủ');
  });

  it('rejects an invalid feed whole, firing tiendo-error with the path at fault', async () => {
    const bad = structuredClone(feed) as { provinces: { models?: { completed?: number } }[] };
    bad.provinces[1].models!.completed = -3;
    const url = await mockFeed([{ body: bad }]);
    const box = mount(`<tiendo-progress src="${url}" province="ha-tinh"></tiendo-progress>`);
    const el = box.firstElementChild!;
    const event = await new Promise<TiendoErrorEvent>((resolve) => box.addEventListener('tiendo-error', resolve));
    expect(event.detail.path).to.equal('provinces[1].models.completed');
    expect(event.detail.kind).to.equal('invalid');
    expect(event.detail.message).to.contain('provinces[1].models.completed: phải là số nguyên không âm');
    expect(event.composed && event.bubbles).to.equal(true);
    await untilState(el, 'error');
  });

  it('fires tiendo-load with the data shown', async () => {
    const box = mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`);
    const event = await new Promise<TiendoLoadEvent>((resolve) => document.addEventListener('tiendo-load', resolve, { once: true }));
    expect(event.target).to.equal(box.firstElementChild);
    expect((event.detail.data as { counts: unknown }).counts).to.deep.equal({ total: 38, completed: 6, inProgress: 20, notStarted: 12 });
    expect(event.detail.url).to.equal(new URL(FEED, location.href).href);
  });

  describe('with a fake clock', () => {
    let clock: FakeClock;
    beforeEach(() => {
      clock = installFakeClock(window, () => realUntil(() => loaderStats().requests === 0, 'the request answered'));
    });
    afterEach(() => {
      cleanup();
      clock.uninstall();
    });

    it('keeps the last good figures when a refresh fails, marked stale, and clears the mark when the feed returns', async () => {
      const changed = structuredClone(feed) as { provinces: { models?: Record<string, number> }[] };
      changed.provinces[1].models = { total: 38, completed: 7, inProgress: 19, notStarted: 12 };
      const url = await mockFeed([{ body: feed }, { status: 503, body: '' }, { body: changed }]);
      const el = mount(`<tiendo-progress src="${url}" province="nghe-an" refresh="30"></tiendo-progress>`)
        .firstElementChild as TiendoProgress;
      await realUntil(() => el.getAttribute('state') === 'ready', 'ready');
      expect(el.hasAttribute('stale')).to.equal(false);
      await clock.next();
      await el.updateComplete;
      expect(el.hasAttribute('stale'), 'stale after the failed refresh').to.equal(true);
      expect(el.getAttribute('state')).to.equal('ready');
      expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
      expect(part(el, 'stale-note')!.textContent).to.contain('đang hiển thị số liệu lần trước');
      await clock.next();
      await el.updateComplete;
      expect(el.hasAttribute('stale'), 'fresh again').to.equal(false);
      expect(visibleText(el)).to.contain('7/38 mô hình hoàn thành');
    });

    it('pauses refresh while the tab is hidden, and catches up when it is shown', async () => {
      const url = await mockFeed([{ body: feed }]);
      const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
      let isHidden = false;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
      try {
        const el = mount(`<tiendo-progress src="${url}" province="nghe-an" refresh="30"></tiendo-progress>`).firstElementChild!;
        await realUntil(() => el.getAttribute('state') === 'ready', 'ready');
        isHidden = true;
        document.dispatchEvent(new Event('visibilitychange'));
        await clock.advance(10 * 60_000);
        expect(await requestCount(url), 'while hidden').to.equal(1);
        isHidden = false;
        document.dispatchEvent(new Event('visibilitychange'));
        await clock.advance(0);
        expect(await requestCount(url), 'once shown').to.equal(2);
        await clock.advance(29_000);
        expect(await requestCount(url)).to.equal(2);
        await clock.advance(4_000);
        expect(await requestCount(url)).to.equal(3);
      } finally {
        Object.defineProperty(document, 'hidden', hidden);
        delete (document as unknown as Record<string, unknown>).hidden;
      }
    });
  });

  it('lets an answer for an old src never overwrite the newer one', async () => {
    const slowFeed = structuredClone(feed) as { provinces: { models?: Record<string, number> }[] };
    slowFeed.provinces[1].models = { total: 38, completed: 1, inProgress: 1, notStarted: 1 };
    const slow = await mockFeed([{ body: slowFeed, delay: 400 }]);
    const fast = await mockFeed([{ body: feed }]);
    const el = mount(`<tiendo-progress src="${slow}" province="nghe-an"></tiendo-progress>`).firstElementChild as TiendoProgress;
    await el.updateComplete;
    el.src = fast;
    await untilState(el, 'ready');
    await new Promise((r) => setTimeout(r, 600));
    await el.updateComplete;
    expect(visibleText(el)).to.contain('6/38');
  });

  it('aborts the request when no element wants it any more', async () => {
    const url = await mockFeed([{ body: feed, delay: 300 }]);
    const seen: string[] = [];
    const stop = subscribeFeed(new URL(url, location.href).href, {}, (s) => seen.push(s.error?.kind ?? 'ok'));
    await new Promise((r) => setTimeout(r, 50));
    stop();
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).to.deep.equal([]);
    expect(await mockStats(url)).to.deep.equal({ count: 1, aborted: 1 });
  });

  it('refuses a feed over 5 MB', async () => {
    const url = await mockFeed([{ body: JSON.stringify({ ...feed, pad: 'x'.repeat(5 * 1024 * 1024 + 10) }) }]);
    const el = mount(`<tiendo-progress src="${url}" debug></tiendo-progress>`).firstElementChild!;
    await untilState(el, 'error');
    expect(visibleText(el)).to.contain('lớn hơn 5 MB');
  });

  it('refuses a src that is not http(s)', async () => {
    const el = mount(`<tiendo-progress src="javascript:alert(1)" debug></tiendo-progress>`).firstElementChild!;
    await untilState(el, 'error');
    expect(visibleText(el)).to.contain('phải là http: hoặc https:');
  });
});
