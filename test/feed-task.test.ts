import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { loaderStats } from '../src/feed/loader.js';
import { installFakeClock, realUntil } from './fake-clock.js';
import { ONE_PROVINCE_FEED, cleanup, loadJson, mockFeed, mount, requestCount, visibleText } from './helpers.js';

/**
 * The widgets' figures flow through a @lit/task Task (src/base/feed-task.ts) over the one shared
 * loader: what the Task alone would not do, the code around it does, and this shows it.
 */
describe('figures through a Task over the shared loader', () => {
  afterEach(cleanup);

  it('keeps the last good figures, marked stale, when a refresh fails; fresh again when the feed returns', async () => {
    const feed = await loadJson(ONE_PROVINCE_FEED);
    const url = await mockFeed([{ body: feed }, { status: 503, body: '' }, { body: feed }]);
    const clock = installFakeClock(window, () => realUntil(() => loaderStats().requests === 0, 'answered'));
    try {
      const el = mount(`<tiendo-progress src="${url}" refresh="60"></tiendo-progress>`).firstElementChild!;
      await realUntil(() => el.getAttribute('state') === 'ready', 'ready');
      const before = visibleText(el);
      await clock.next(); // the refresh: HTTP 503
      await realUntil(() => el.hasAttribute('stale'), 'stale');
      expect(el.getAttribute('state')).to.equal('ready');
      expect(visibleText(el)).to.contain('6/38');
      expect(visibleText(el)).to.contain(before.slice(0, 20));
      expect(visibleText(el)).to.contain('đang hiển thị số liệu lần trước');
      await clock.next(); // the next refresh (after the backoff): the feed is back
      await realUntil(() => !el.hasAttribute('stale'), 'fresh again');
      expect(await requestCount(url)).to.equal(3);
    } finally {
      clock.uninstall();
    }
  });

  it('stops its subscription when the widget leaves the page, and one request serves every widget of a URL', async () => {
    const feed = await loadJson(ONE_PROVINCE_FEED);
    const url = await mockFeed([{ body: feed }]);
    const start = loaderStats().subscriptions;
    const box = mount(`<tiendo-progress src="${url}"></tiendo-progress><tiendo-kpi src="${url}"></tiendo-kpi>`);
    await realUntil(() => [...box.children].every((el) => el.hasAttribute('state') && el.getAttribute('state') !== 'loading'), 'both answered');
    expect(loaderStats().subscriptions - start).to.equal(2);
    expect(await requestCount(url)).to.equal(1);
    box.firstElementChild!.remove();
    await realUntil(() => loaderStats().subscriptions - start === 1, 'one subscription left');
    box.remove();
    await realUntil(() => loaderStats().subscriptions === start, 'none left');
  });
});
