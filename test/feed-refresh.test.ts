/**
 * The limits that protect the feed servers (issue 17) and the unchanged answer
 * (issue 19), with a fake clock (test/fake-clock.ts): time moves only when a
 * test moves it, while the requests go to the real mock server
 * (test/mock-feeds.mjs) through the browser's real HTTP cache.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import {
  BACKOFF_LIMIT,
  MAX_WAIT,
  feedTiming,
  freshFor,
  loaderStats,
  parseRetryAfter,
  refreshDelay,
  subscribeFeed,
  type FeedSnapshot,
} from '../src/feed/loader.js';
import { loadMessages, msg } from '../src/i18n/messages.js';
import { cleanup, loadJson, mockFeed, mount, requestCount, visibleText, FEED, type MockStep } from './helpers.js';
import { installFakeClock, realUntil, type FakeClock } from './fake-clock.js';

type Step = MockStep & { etag?: string };
type Json = Record<string, any>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CALM_STALE = 'Chưa cập nhật được số liệu mới; đang hiển thị số liệu lần trước.';

/** Settles after each fired timer: the request it started has been answered (and announced). */
const answered = () => realUntil(() => loaderStats().requests === 0, 'the request answered', 8000);

/** Records the fake time of each request the page makes to a mock feed. */
function recordRequests(clock: FakeClock) {
  const log: { url: string; at: number }[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/__mock/') && (init?.method ?? 'GET') === 'GET') log.push({ url, at: clock.now() });
    return original.call(window, input, init);
  };
  return {
    /** Times (ms) of the requests to `url`, as gaps in seconds from the first. */
    gaps(url: string): number[] {
      const at = log.filter((r) => r.url.endsWith(url)).map((r) => r.at);
      return at.slice(1).map((t, i) => (t - at[i]) / SECOND);
    },
    count(url: string): number {
      return log.filter((r) => r.url.endsWith(url)).length;
    },
    restore: () => (window.fetch = original),
  };
}

/** Whether this engine keeps an HTTP cache: a fresh answer asked for twice reaches the server once. */
async function browserCaches(): Promise<boolean> {
  const url = await mockFeed([{ body: {}, headers: { 'Cache-Control': 'max-age=300' } }]);
  for (let i = 0; i < 2; i++) await (await fetch(url)).text();
  return (await requestCount(url)) === 1;
}

function stubRandom(values: number[] | number): () => void {
  const original = Math.random;
  let i = 0;
  Math.random = () => (typeof values === 'number' ? values : values[i++ % values.length]);
  return () => (Math.random = original);
}

async function ready(el: Element): Promise<void> {
  await realUntil(() => el.getAttribute('state') === 'ready', `<${el.localName}> ready (is ${el.getAttribute('state')})`);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** Mounts one progress widget on `url`; counts its tiendo-load events. */
function widget(url: string, attrs: string) {
  const el = mount(`<tiendo-progress src="${url}" province="nghe-an" ${attrs}></tiendo-progress>`).firstElementChild as HTMLElement;
  const loads: unknown[] = [];
  el.addEventListener('tiendo-load', (e) => loads.push((e as CustomEvent).detail));
  return { el, loads };
}

describe('feed refresh rules (pure)', () => {
  it('brings refresh within 30 s – 1 day and timeout within 1–120 s, and says so in vi and en', async () => {
    expect(feedTiming()).to.deep.equal({ refresh: undefined, timeout: 10, notes: [] });
    expect(feedTiming(60, 5)).to.deep.equal({ refresh: 60, timeout: 5, notes: [] });
    expect(feedTiming('', ' ')).to.deep.equal({ refresh: undefined, timeout: 10, notes: [] });
    const low = feedTiming('0.1', '0.3');
    expect([low.refresh, low.timeout]).to.deep.equal([30, 1]);
    const high = feedTiming(2_592_000, '2592000');
    expect([high.refresh, high.timeout]).to.deep.equal([86_400, 120]);
    const wrong = feedTiming('60s', 'abc');
    expect([wrong.refresh, wrong.timeout]).to.deep.equal([undefined, 10]);
    expect(feedTiming(0).refresh).to.equal(30);
    expect(feedTiming(Infinity).refresh).to.equal(86_400);

    await loadMessages('en', true);
    const say = (lang: 'vi' | 'en', t: ReturnType<typeof feedTiming>) => t.notes.map((n) => msg(lang, n.key, n.params));
    expect(say('vi', low)).to.deep.equal([
      'refresh="0.1" ngắn hơn mức tối thiểu nên tiện ích tự làm mới mỗi 30 giây.',
      'timeout="0.3" ngắn hơn mức tối thiểu nên tiện ích chờ nguồn dữ liệu 1 giây.',
    ]);
    expect(say('en', high)).to.deep.equal([
      'refresh="2592000" is above the maximum (one day), so the widget refreshes every 86,400 seconds.',
      'timeout="2592000" is above the maximum, so the widget waits 120 seconds for the feed.',
    ]);
    expect(say('vi', high)[0]).to.equal('refresh="2592000" dài hơn mức tối đa (một ngày) nên tiện ích tự làm mới mỗi 86.400 giây.');
    expect(say('vi', wrong)).to.deep.equal([
      'refresh="60s" không phải là một số giây nên bị bỏ qua: tiện ích không tự làm mới.',
      'timeout="abc" không phải là một số giây nên tiện ích chờ nguồn dữ liệu 10 giây (mặc định).',
    ]);
    expect(say('en', wrong)[0]).to.equal('refresh="60s" is not a number of seconds, so it is ignored: the widget does not refresh.');
  });

  it('backs off by doubling up to ten times refresh, spreads ±10%, and waits for Retry-After and freshness', () => {
    const waits = [0, 1, 2, 3, 4, 5, 50].map((failures) => refreshDelay({ refresh: 60, failures, random: 0.5 }));
    expect(waits).to.deep.equal([60, 120, 240, 480, 600, 600, 600]);
    expect(refreshDelay({ refresh: 60, random: 0 })).to.equal(54);
    expect(refreshDelay({ refresh: 60, random: 0.999999 })).to.be.closeTo(66, 0.001);
    // The floor holds whatever is asked: at 30 s the spread goes upwards only.
    expect(refreshDelay({ refresh: 0.1, random: 0 })).to.equal(30);
    expect(refreshDelay({ refresh: 30, random: 0.25 })).to.be.within(30, 33);
    // Retry-After and HTTP freshness: never before them; the spread goes after them.
    expect(refreshDelay({ refresh: 60, failures: 1, retryAfter: 900, random: 0 })).to.equal(900);
    expect(refreshDelay({ refresh: 60, failures: 1, retryAfter: 900, random: 0.999999 })).to.be.closeTo(990, 0.01);
    expect(refreshDelay({ refresh: 60, failures: 1, retryAfter: 5, random: 0.5 })).to.equal(120);
    expect(refreshDelay({ refresh: 60, fresh: 300, random: 0 })).to.equal(300);
    expect(refreshDelay({ refresh: 600, fresh: 300, random: 0.5 })).to.equal(600);
    // Nothing waits past ten days, far below setTimeout's 24.86-day limit.
    expect(refreshDelay({ refresh: 2_592_000, failures: 9, random: 0.999999 })).to.equal(MAX_WAIT);
    expect(refreshDelay({ refresh: 60, retryAfter: 1e12, random: 0.5 })).to.equal(MAX_WAIT);
    expect(MAX_WAIT * 1000).to.be.below(2 ** 31 - 1);
    expect(BACKOFF_LIMIT).to.equal(10);
  });

  it('reads Retry-After (seconds or HTTP date) and freshness (max-age minus Age, Expires, no-cache)', () => {
    const now = Date.parse('2024-10-04T08:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter('Fri, 04 Oct 2024 08:30:00 GMT', now)).to.equal(1800);
    expect(parseRetryAfter('Fri, 04 Oct 2024 07:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    const h = (o: Record<string, string>) => new Headers(o);
    expect(freshFor(h({ 'Cache-Control': 'public, max-age=300' }), now)).to.equal(300);
    expect(freshFor(h({ 'Cache-Control': 'max-age=300', Age: '100' }), now)).to.equal(200);
    expect(freshFor(h({ 'Cache-Control': 'max-age=300', Age: '900' }), now)).to.equal(0);
    expect(freshFor(h({ 'Cache-Control': 'max-age=300, no-cache' }), now)).to.equal(0);
    expect(freshFor(h({ 'Cache-Control': 'no-store' }), now)).to.equal(0);
    expect(freshFor(h({ 'Cache-Control': 's-maxage=600' }), now)).to.equal(0);
    expect(freshFor(h({ Expires: 'Fri, 04 Oct 2024 08:10:00 GMT' }), now)).to.equal(600);
    expect(freshFor(h({ Expires: 'Fri, 04 Oct 2024 08:10:00 GMT', Date: 'Fri, 04 Oct 2024 08:05:00 GMT' }), now)).to.equal(300);
    expect(freshFor(h({ Expires: '0' }), now)).to.equal(0);
    expect(freshFor(h({}), now)).to.equal(0);
  });
});

describe('feed refresh (fake clock)', function () {
  this.timeout(60_000);
  let feed: Json;
  let changed: Json;
  let clock: FakeClock;
  let requests: ReturnType<typeof recordRequests>;
  const undo: (() => void)[] = [];

  before(async () => {
    feed = await loadJson(FEED);
    changed = structuredClone(feed);
    changed.provinces[1].models = { total: 38, completed: 7, inProgress: 19, notStarted: 12 };
  });
  beforeEach(() => {
    clock = installFakeClock(window, answered);
    requests = recordRequests(clock);
  });
  afterEach(() => {
    cleanup();
    for (const f of undo.splice(0)) f();
    requests.restore();
    clock.uninstall();
  });

  it('refresh="0.1" asks at most once per 30 s', async () => {
    const url = await mockFeed([{ body: feed }]);
    const { el } = widget(url, 'refresh="0.1"');
    await ready(el);
    await clock.advance(10 * SECOND);
    expect(await requestCount(url), 'in the first 10 s').to.equal(1);
    await clock.advance(5 * MINUTE);
    const gaps = requests.gaps(url);
    expect(Math.min(...gaps)).to.be.at.least(30);
    expect(Math.max(...gaps)).to.be.at.most(33);
    expect(gaps.length + 1).to.be.within(10, 11);
    expect(await requestCount(url)).to.equal(gaps.length + 1);
  });

  it('refresh of 30 days waits one day, with no timer past setTimeout\'s limit and no loop', async () => {
    const url = await mockFeed([{ body: feed }]);
    const { el, loads } = widget(url, 'refresh="2592000"');
    await ready(el);
    expect(clock.pending().map((t) => t.delay)).to.have.length(1);
    const [wait] = clock.pending();
    expect(wait.delay).to.be.within(0.9 * DAY, 1.1 * DAY);
    await clock.advance(10 * SECOND);
    expect(await requestCount(url)).to.equal(1);
    await clock.advance(3 * DAY);
    const gaps = requests.gaps(url);
    expect(gaps.length).to.be.within(2, 3);
    for (const gap of gaps) expect(gap).to.be.within(0.9 * 86_400, 1.1 * 86_400);
    expect(loads).to.have.length(1); // the same feed each day: nothing new to announce
  });

  it('timeout of 30 days waits 120 s, not for ever and not at once', async () => {
    const url = await mockFeed([{ hang: true }]);
    const el = mount(`<tiendo-progress src="${url}" timeout="2592000" debug></tiendo-progress>`).firstElementChild!;
    await realUntil(() => loaderStats().requests === 1, 'the request');
    expect(clock.pending().map((t) => t.delay)).to.deep.equal([120 * SECOND]);
    const noWait = () => Promise.resolve();
    await clock.advance(119 * SECOND, noWait);
    expect(el.getAttribute('state')).to.equal('loading');
    await clock.advance(2 * SECOND, noWait);
    await realUntil(() => el.getAttribute('state') === 'error', 'the timeout');
    expect(visibleText(el)).to.contain('không trả lời sau 120 giây');
  });

  it('backs off after failures, doubling up to ten times refresh, and comes back to refresh when the feed does', async () => {
    undo.push(stubRandom(0.5));
    const url = await mockFeed([{ body: feed }, ...Array.from({ length: 6 }, () => ({ status: 500, body: '' })), { body: changed }]);
    const { el } = widget(url, 'refresh="60"');
    await ready(el);
    for (let i = 0; i < 6; i++) await clock.next();
    expect(el.hasAttribute('stale')).to.equal(true);
    expect(visibleText(el)).to.contain(CALM_STALE);
    expect(visibleText(el)).to.contain('6/38');
    await clock.next();
    await clock.next();
    expect(requests.gaps(url)).to.deep.equal([60, 120, 240, 480, 600, 600, 600, 60]);
    expect(el.hasAttribute('stale')).to.equal(false);
    expect(visibleText(el)).to.contain('7/38');
  });

  it('honours Retry-After in seconds and as an HTTP date, and never asks sooner than the backoff', async () => {
    undo.push(stubRandom(0.5));
    const t0 = clock.now();
    // The 429 asks to wait until three hours after the start.
    const until = new Date(Math.ceil((t0 + 3 * HOUR) / SECOND) * SECOND);
    const url = await mockFeed([
      { body: feed },
      { status: 503, body: '', headers: { 'Retry-After': '900' } },
      { status: 429, body: '', headers: { 'Retry-After': until.toUTCString() } },
      { body: feed },
      { status: 503, body: '', headers: { 'Retry-After': '1' } },
      { body: changed },
    ]);
    const { el } = widget(url, 'refresh="60"');
    await ready(el);
    for (let i = 0; i < 5; i++) await clock.next();
    const gaps = requests.gaps(url);
    expect(gaps[0]).to.equal(60);
    expect(gaps[1], 'after Retry-After: 900').to.be.closeTo(945, 0.001); // never before it; spread after it
    const third = t0 + (60 + 945 + gaps[2]) * SECOND;
    expect(third, 'after the Retry-After date').to.be.at.least(until.getTime());
    expect(third - until.getTime()).to.be.below(0.1 * 3 * HOUR);
    expect(gaps[3], 'good again: refresh').to.equal(60);
    expect(gaps[4], 'Retry-After: 1 waits the backoff').to.equal(120);
    expect(visibleText(el)).to.contain('7/38');
  });

  it('does not ask again while the answer is fresh (Cache-Control: max-age=300), even with refresh="60"', async () => {
    const url = await mockFeed([{ body: feed, headers: { 'Cache-Control': 'max-age=300' } }]);
    const { el, loads } = widget(url, 'refresh="60"');
    await ready(el);
    expect(clock.pending()[0].delay).to.be.within(300 * SECOND, 330 * SECOND);
    await clock.advance(299 * SECOND);
    expect(requests.count(url), 'within 300 s').to.equal(1);
    expect(await requestCount(url)).to.equal(1);
    await clock.advance(32 * SECOND);
    expect(requests.count(url), 'after 330 s').to.equal(2);
    // (The browser's own cache, fresh in real time, may answer that one: the server saw at most two.)
    expect(await requestCount(url)).to.be.at.most(2);
    expect(loads).to.have.length(1);
  });

  it('counts Age against max-age, and refreshes as asked with no-cache or no-store', async () => {
    const aged = await mockFeed([{ body: feed, headers: { 'Cache-Control': 'max-age=300', Age: '100' } }]);
    const noCache = await mockFeed([{ body: feed, headers: { 'Cache-Control': 'max-age=300, no-cache' } }]);
    const noStore = await mockFeed([{ body: feed }]);
    const els = [aged, noCache, noStore].map((url) => widget(url, 'refresh="60"').el);
    for (const el of els) await ready(el);
    await realUntil(() => loaderStats().requests === 0 && clock.pending().length === 3, 'three refresh timers');
    const waits = clock.pending().map((t) => t.delay / SECOND);
    expect(waits[0]).to.be.within(54, 66);
    expect(waits[1]).to.be.within(54, 66);
    expect(waits[2]).to.be.within(200, 220);
  });

  it('lets the browser revalidate with the ETag: the 304 behind it announces nothing', async () => {
    const url = await mockFeed([{ body: feed, etag: '"v1"', headers: { 'Cache-Control': 'no-cache' } } as Step]);
    const { el, loads } = widget(url, 'refresh="60"');
    const seen: FeedSnapshot[] = [];
    const stop = subscribeFeed(new URL(url, location.href).href, {}, (s) => seen.push(s));
    undo.push(stop);
    await ready(el);
    await clock.advance(3 * 66 * SECOND);
    expect(requests.count(url)).to.equal(4);
    const log = (await (await fetch(url.replace('/__mock/', '/__mock-log/'))).json()) as { status: number; ifNoneMatch: string | null }[];
    // An engine with an HTTP cache revalidates each refresh (WebKitGTK's MiniBrowser, as the tests run it, keeps none).
    if (await browserCaches()) expect(log.map((r) => [r.status, r.ifNoneMatch])).to.deep.equal([[200, null], ...Array(3).fill([304, '"v1"'])]);
    else expect(log.map((r) => r.status)).to.deep.equal([200, 200, 200, 200]);
    expect(loads, 'tiendo-load').to.have.length(1);
    expect(seen, 'snapshots').to.have.length(1);
    expect(el.hasAttribute('stale')).to.equal(false);
  });

  it('announces nothing for an HTTP 304 or the same body, and the next change once', async () => {
    const url304 = await mockFeed([{ body: feed }, { status: 304, body: '' }, { status: 304, body: '' }, { body: changed }]);
    const same = await mockFeed([{ body: feed }, { body: feed }, { body: JSON.stringify(feed) }, { body: changed }]);
    for (const url of [url304, same]) {
      const { el, loads } = widget(url, 'refresh="30"');
      const seen: FeedSnapshot[] = [];
      undo.push(subscribeFeed(new URL(url, location.href).href, {}, (s) => seen.push(s)));
      await ready(el);
      await clock.next();
      await clock.next();
      expect(loads, `${url}: tiendo-load after two unchanged answers`).to.have.length(1);
      expect(seen).to.have.length(1);
      expect(el.hasAttribute('stale')).to.equal(false);
      expect(visibleText(el)).to.contain('6/38');
      await clock.next();
      expect(requests.count(url)).to.equal(4);
      expect(loads, `${url}: tiendo-load after the change`).to.have.length(2);
      expect(seen).to.have.length(2);
      expect(visibleText(el)).to.contain('7/38');
      cleanup();
    }
  });

  it('announces the way back from stale, even to the same body, and a repeated failure once', async () => {
    undo.push(stubRandom(0.5));
    const url = await mockFeed([{ body: feed }, { status: 500, body: '' }, { status: 500, body: '' }, { body: feed }]);
    const { el } = widget(url, 'refresh="30"');
    const seen: FeedSnapshot[] = [];
    undo.push(subscribeFeed(new URL(url, location.href).href, {}, (s) => seen.push(s)));
    await ready(el);
    await clock.next();
    expect(el.hasAttribute('stale')).to.equal(true);
    await clock.next();
    await clock.next();
    expect(requests.count(url)).to.equal(4);
    expect(seen.map((s) => [s.stale, s.error?.status ?? null])).to.deep.equal([
      [false, null],
      [true, 500],
      [false, null],
    ]);
    expect(seen[2].feed).to.equal(seen[0].feed);
    expect(el.hasAttribute('stale')).to.equal(false);
    expect(visibleText(el)).not.to.contain(CALM_STALE);
  });

  it('spreads the refresh timers of many feeds within ±10%, and shares one timer per feed', async () => {
    const urls = await Promise.all(Array.from({ length: 30 }, () => mockFeed([{ body: feed }])));
    const stops = urls.map((url) => subscribeFeed(new URL(url, location.href).href, { refresh: 100 }, () => undefined));
    undo.push(() => stops.forEach((stop) => stop()));
    await realUntil(() => loaderStats().requests === 0 && clock.pending().length === 30, 'thirty refresh timers');
    const waits = clock.pending().map((t) => t.delay / SECOND);
    for (const wait of waits) expect(wait).to.be.within(90, 110);
    expect(Math.max(...waits) - Math.min(...waits), 'spread').to.be.at.least(10);
    expect(new Set(waits.map(Math.round)).size, 'distinct seconds').to.be.at.least(8);

    // Exactly where the draws put them.
    undo.push(stubRandom([0, 0.25, 0.5, 0.75]));
    const four = await Promise.all(Array.from({ length: 4 }, () => mockFeed([{ body: feed }])));
    // Two of the thirty random timers may fall due in the same millisecond: count them, never dedupe them.
    const key = (t: { due: number; delay: number }) => `${t.due}:${t.delay}`;
    const before = clock.pending().map(key);
    for (const url of four) {
      undo.push(subscribeFeed(new URL(url, location.href).href, { refresh: 100 }, () => undefined));
      await realUntil(() => loaderStats().requests === 0 && clock.pending().length === before.length + four.indexOf(url) + 1, 'its timer');
    }
    const left = [...before];
    const added = clock
      .pending()
      .filter((t) => {
        const i = left.indexOf(key(t));
        if (i >= 0) left.splice(i, 1);
        return i < 0;
      })
      .map((t) => t.delay / SECOND);
    expect(added).to.deep.equal([90, 95, 100, 105]);

    // Ten widgets on one feed: one request, one timer.
    const one = await mockFeed([{ body: feed }]);
    const box = mount(Array.from({ length: 10 }, () => `<tiendo-progress src="${one}" province="nghe-an" refresh="45"></tiendo-progress>`).join(''));
    for (const el of box.children) await ready(el);
    await realUntil(() => loaderStats().requests === 0 && clock.pending().length === 35, 'one more timer');
    expect(await requestCount(one)).to.equal(1);
  });
});

describe('feed loader: CORS hint', () => {
  afterEach(cleanup);

  /** The mock at `url` on the other name of this host: another origin, same server. */
  function crossOrigin(url: string): string {
    const u = new URL(url, location.href);
    u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    return u.href;
  }

  function firstSnapshot(url: string): Promise<FeedSnapshot> {
    return new Promise((resolve) => {
      const stop = subscribeFeed(url, {}, (s) => {
        queueMicrotask(stop);
        resolve(s);
      });
    });
  }

  it('says CORS is the likely cause when another origin\'s feed fails without an answer', async () => {
    const feed = await loadJson(FEED);
    const refused = crossOrigin(await mockFeed([{ body: feed }]));
    const allowed = crossOrigin(await mockFeed([{ body: feed, headers: { 'Access-Control-Allow-Origin': '*' } }]));
    const sameOriginReset = new URL(await mockFeed([{ reset: 'before', hold: 800 }]), location.href).href;

    const ok = await firstSnapshot(allowed);
    expect(ok.feed, 'the same server, allowed by CORS, is reachable').to.not.equal(undefined);

    const bad = await firstSnapshot(refused);
    expect(bad.error?.kind).to.equal('network');
    expect(bad.error?.cors).to.equal(true);
    expect(bad.error?.message).to.contain('CORS');
    // The server did answer: the browser hid the answer from the page.
    const log = (await (await fetch(`/__mock-log/${new URL(refused).pathname.split('/').pop()}`)).json()) as { origin: string }[];
    expect(log[0].origin).to.equal(location.origin);

    const reset = await firstSnapshot(sameOriginReset);
    expect(reset.error?.kind).to.equal('network');
    expect(reset.error?.cors).to.equal(false);

    await loadMessages('en', true);
    expect(msg('vi', 'error.cors', { url: refused })).to.contain(
      'Máy chủ của tệp số liệu có thể chưa cho phép trang này đọc (CORS)',
    );
    expect(msg('en', 'error.cors', { url: refused })).to.contain('may not allow this page to read it (CORS)');
  });
});
