/**
 * Network faults from the local mock feed server (test/mock-feeds.mjs): each
 * fault as a feed's first answer (a calm error, the reason under debug, one
 * request for every widget) and as a refresh failing after a success (the last
 * good figures kept, marked stale, fresh again when the feed returns). Every
 * element of elements.ts is on each faulty URL at once. Refreshes are driven by
 * a fake clock (test/fake-clock.ts): `refresh` is at least 30 s.
 */
import { expect } from '@esm-bundle/chai';
import type { TiendoErrorEvent } from '../../src/index.js';
import { loaderStats } from '../../src/feed/loader.js';
import { cleanup, mockFeed, mockStats, mount, requestCount, visibleText, type MockStep } from '../helpers.js';
import { installFakeClock, realUntil, realWait, type FakeClock } from '../fake-clock.js';
import { baseFeed } from './corpus.js';
import { WIDGETS, widgetMarkup } from './elements.js';
import { install } from './instrument.js';
import { expectInert, settled, watchErrors } from './safety.js';

const CALM = 'Chưa hiển thị được số liệu. Vui lòng quay lại sau.';
const STALE = 'Chưa cập nhật được số liệu mới; đang hiển thị số liệu lần trước.';

type Json = Record<string, any>;

/** The base feed, or a later edition of it with different figures. */
function edition(n: number): Json {
  const f = baseFeed();
  f.provinces[0].models = { total: 38, completed: 6 + n, inProgress: 20 - n, notStarted: 12 };
  f.provinces[0].metrics['on-time'].value = 50579 + n * 100;
  f.national.metrics['on-time'].value = 74336 + n * 100;
  f.asOf = `2024-10-0${4 + n}`;
  return f;
}

/** What each widget shows for `feed`: rendered once in inline mode, as the reference. */
async function reference(feed: Json): Promise<Map<string, string>> {
  const box = mount(
    WIDGETS.map((w) => widgetMarkup(w, undefined, '', `<script type="application/json">${JSON.stringify(feed)}</script>`)).join(''),
  );
  const els = [...box.children] as HTMLElement[];
  // What each widget shows, not how soon: the first call also loads every lazy chunk, on a machine
  // that may be busy with other engines.
  await settled(els, 30_000);
  const out = new Map(WIDGETS.map((w, i) => [w.tag, visibleText(els[i])]));
  box.remove();
  return out;
}

interface Fault {
  name: string;
  step: () => Promise<MockStep>;

  kind: TiendoErrorEvent['detail']['kind'];
  /** Words of the reason an editor sees under `debug`. */
  reason: string;
  /** Seconds the widgets are told to wait (the fault is slower than that); brought to at least 1 s. */
  timeout?: number;
  /** The fault lasts this long in real time, however many requests come (see the mock's `hold`). */
  hold?: number;
}

const same = (step: MockStep) => () => Promise.resolve(step);

const FAULTS: Fault[] = [
  { name: 'HTTP 404', step: same({ status: 404, body: 'Not Found', type: 'text/plain' }), kind: 'http', reason: 'mã lỗi HTTP 404' },
  { name: 'HTTP 500', step: same({ status: 500, body: '<h1>Internal Server Error</h1>', type: 'text/html' }), kind: 'http', reason: 'mã lỗi HTTP 500' },
  // An error status is an error, even when its body looks like a feed.
  { name: 'HTTP 503 with a valid feed as its body', step: same({ status: 503, body: edition(5) }), kind: 'http', reason: 'mã lỗi HTTP 503' },
  {
    name: '200 with an HTML page',
    step: same({ body: '<!doctype html><html><body><h1>Trang chủ</h1><script>parent.__tiendoPwned=1</script></body></html>', type: 'text/html' }),
    kind: 'json',
    reason: 'không phải JSON hợp lệ',
  },
  { name: '200 with an empty body', step: same({ body: '' }), kind: 'json', reason: 'không phải JSON hợp lệ' },
  { name: '200 with a truncated body', step: same({ body: JSON.stringify(edition(5)).slice(0, 300) }), kind: 'json', reason: 'không phải JSON hợp lệ' },
  // Browsers retry a reset connection by themselves (Chromium a few times, Firefox up to ten): the fault holds 0.8 s.
  { name: 'a connection reset before any byte', step: same({ reset: 'before', hold: 800 }), kind: 'network', reason: 'Không kết nối được', hold: 800 },
  { name: 'a connection reset in the middle of the body', step: same({ reset: 'mid-body', body: edition(5) }), kind: 'network', reason: 'Không kết nối được' },
  // timeout="0.6" is brought to the 1 s floor, and the reason says so.
  { name: 'a hang past the timeout', step: same({ hang: true }), kind: 'timeout', reason: 'không trả lời sau 1 giây', timeout: 0.6 },
  {
    name: 'a slow drip past the timeout',
    step: same({ body: edition(5), drip: { bytes: 8, every: 40 } }),
    kind: 'timeout',
    reason: 'không trả lời sau 1 giây',
    timeout: 0.6,
  },
  {
    name: 'a redirect loop',
    step: async () => {
      const loop = await mockFeed([{ status: 302, body: '' }]);
      await fetch(loop, { method: 'POST', body: JSON.stringify({ steps: [{ status: 302, body: '', headers: { Location: loop } }] }) });
      return { status: 302, headers: { Location: loop }, body: '' };
    },
    kind: 'network',
    reason: 'Không kết nối được',
  },
];

describe('network faults', function () {
  this.timeout(30_000);
  afterEach(() => {
    cleanup();
    delete (window as any).__tiendoPwned;
  });

  let good: Map<string, string>;
  let changed: Map<string, string>;
  before(async function () {
    this.timeout(90_000);
    good = await reference(edition(0));
    changed = await reference(edition(1));
    expect(good.get(WIDGETS[0].tag)).not.to.equal(changed.get(WIDGETS[0].tag));
  });

  /** Mounts every widget on `url`; returns them and the tiendo-error events they fired. */
  function mountAll(url: string, extra: string) {
    const box = mount(
      WIDGETS.map((w) => widgetMarkup(w, url, extra, 'Nội dung dự phòng')).join('') +
        WIDGETS.map((w) => widgetMarkup(w, url, `${extra} debug`)).join(''),
    );
    const els = [...box.children] as HTMLElement[];
    const events = new Map<Element, TiendoErrorEvent>();
    box.addEventListener('tiendo-error', (e) => events.set(e.target as Element, e));
    return { els, events, plain: els.slice(0, WIDGETS.length), debug: els.slice(WIDGETS.length) };
  }

  /** A mock answering `before`, then the fault `times` times, then `after`. */
  async function faultUrl(fault: Fault, before: MockStep[], after: MockStep[], times = 1): Promise<string> {
    const step = await fault.step();
    return mockFeed([...before, ...Array.from({ length: times }, () => step), ...after]);
  }

  /** Every widget in a final state, in real time (a fake clock may hold the page's timers). */
  async function settledReal(els: Element[], ms = 10_000): Promise<void> {
    await realUntil(() => els.every((el) => ['ready', 'empty', 'error'].includes(el.getAttribute('state') ?? '')), 'the widgets to settle', ms);
    await Promise.all(els.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
  }

  const answered = () => realUntil(() => loaderStats().requests === 0, 'the request answered', 8000);

  /** Moves the fake clock to the next refresh and waits for its outcome; a fault slower than the timeout meets the deadline. */
  async function refresh(clock: FakeClock, url: string, slow: boolean): Promise<void> {
    if (!slow) {
      await clock.next(answered);
      return;
    }
    const seen = await requestCount(url);
    await clock.next(async () => {
      while ((await requestCount(url)) <= seen) await realWait(10);
    });
    await clock.next(answered); // the deadline
  }

  for (const fault of FAULTS) {
    describe(fault.name, () => {
      it('as the first answer: a calm message and the fallback, the reason under debug, one request for all', async () => {
        const errors = watchErrors();
        const url = await faultUrl(fault, [], []);
        const probe = install();
        const { els, events, plain, debug } = mountAll(url, fault.timeout ? `timeout="${fault.timeout}"` : '');
        try {
          await settled(els, 8000);
        } finally {
          probe.uninstall();
          errors.stop();
        }
        for (const el of els) {
          expect(el.getAttribute('state'), `<${el.localName}>`).to.equal('error');
          const detail = events.get(el)!.detail;
          expect(detail.kind).to.equal(fault.kind);
          expect(detail.url).to.equal(new URL(url, location.href).href);
          expectInert(el);
        }
        for (const el of plain) expect(visibleText(el)).to.equal(`Nội dung dự phòng ${CALM}`);
        for (const el of debug) expect(visibleText(el)).to.contain(fault.reason);
        // One request from the page for every widget (the browser may retry it underneath).
        expect(probe.fetches(), 'one request for every widget').to.equal(1);
        expect(errors.errors).to.deep.equal([]);
      });

      it('as a refresh after a success: the last good figures, marked stale, then fresh again', async () => {
        const errors = watchErrors();
        // Two failed refreshes in a row (or a fault that holds): the second tells the widgets nothing new.
        const url = await faultUrl(fault, [{ body: edition(0) }], [{ body: edition(1) }], fault.hold ? 1 : 2);
        const timeout = fault.timeout ? `timeout="${fault.timeout}"` : '';
        const clock = installFakeClock();
        try {
          const { els, plain } = mountAll(url, `refresh="30" ${timeout}`);
          await settledReal(els, 8000);
          for (const [i, el] of plain.entries()) expect(visibleText(el)).to.equal(good.get(WIDGETS[i].tag));
          const loads = new Map<Element, number>();
          for (const el of els) el.addEventListener('tiendo-load', () => loads.set(el, (loads.get(el) ?? 0) + 1));
          await refresh(clock, url, fault.kind === 'timeout');
          for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          expect(els.every((el) => el.hasAttribute('stale')), 'every widget stale').to.equal(true);
          for (const [i, el] of plain.entries()) {
            expect(el.getAttribute('state')).to.equal('ready');
            const text = visibleText(el);
            expect(text).to.contain(STALE);
            expect(text.replace(STALE, '').replace(/\s+/g, ' ').trim()).to.equal(good.get(WIDGETS[i].tag));
          }
          // The fault ends: after its real-time hold, or after its second answer.
          if (fault.hold) await realWait(fault.hold);
          for (let i = 0; i < 3 && !els.every((el) => !el.hasAttribute('stale')); i++) {
            await refresh(clock, url, fault.kind === 'timeout' && i === 0 && !fault.hold);
          }
          for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          expect(els.every((el) => !el.hasAttribute('stale')), 'every widget fresh again').to.equal(true);
          for (const [i, el] of plain.entries()) {
            expect(el.getAttribute('state')).to.equal('ready');
            expect(visibleText(el)).to.equal(changed.get(WIDGETS[i].tag));
          }
          // Announced twice: stale, then the new edition (the repeated failure announced nothing).
          for (const el of els) expect(loads.get(el), `<${el.localName}> tiendo-load`).to.equal(2);
        } finally {
          cleanup();
          clock.uninstall();
          errors.stop();
        }
        expect(errors.errors).to.deep.equal([]);
      });
    });
  }

  it('follows a feed that changes between refreshes, announcing each edition once', async () => {
    const url = await mockFeed([{ body: edition(0) }, { body: edition(1) }, { body: edition(2) }]);
    const third = await reference(edition(2));
    const clock = installFakeClock();
    try {
      const { els, plain } = mountAll(url, 'refresh="30"');
      const loads = new Map<Element, number>();
      for (const el of els) el.addEventListener('tiendo-load', () => loads.set(el, (loads.get(el) ?? 0) + 1));
      await settledReal(els);
      // Two refreshes bring the two new editions; two more bring the third again, which is no news.
      for (let i = 0; i < 4; i++) await clock.next(answered);
      for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      for (const [i, el] of plain.entries()) expect(visibleText(el)).to.equal(third.get(WIDGETS[i].tag));
      for (const el of els) {
        expect(el.hasAttribute('stale')).to.equal(false);
        expect(loads.get(el), `<${el.localName}> tiendo-load`).to.equal(3);
      }
      expect(await requestCount(url)).to.equal(5);
    } finally {
      cleanup();
      clock.uninstall();
    }
  });

  it('reads a slow drip that ends within the timeout', async () => {
    const url = await mockFeed([{ body: edition(1), drip: { bytes: 64, every: 15 } }]);
    const { els, plain } = mountAll(url, 'timeout="10"');
    await settled(els, 10_000);
    for (const [i, el] of plain.entries()) expect(visibleText(el)).to.equal(changed.get(WIDGETS[i].tag));
  });

  it('follows a redirect to the feed, and reads JSON whatever its content type', async () => {
    const target = await mockFeed([{ body: edition(1), type: 'text/plain; charset=utf-8' }]);
    const url = await mockFeed([{ status: 302, headers: { Location: target }, body: '' }]);
    const { els, plain } = mountAll(url, '');
    await settled(els);
    for (const [i, el] of plain.entries()) expect(visibleText(el)).to.equal(changed.get(WIDGETS[i].tag));
  });

  it('stops downloading the body of an error answer at once', async () => {
    // A 500 whose (endless-looking) body drips for a minute: the widgets give up on the status alone.
    const url = await mockFeed([{ status: 500, body: 'x'.repeat(30_000), drip: { bytes: 10, every: 20 } }]);
    const { els } = mountAll(url, '');
    await settled(els);
    // The connection closes long before the minute the body would take. (Chromium may first drain a few
    // bytes of a cancelled body, for up to 5 s, to keep the connection for reuse.)
    const start = performance.now();
    let stats = await mockStats(url);
    while (!stats.aborted && performance.now() - start < 7000) {
      await new Promise((r) => setTimeout(r, 100));
      stats = await mockStats(url);
    }
    expect(stats).to.deep.equal({ count: 1, aborted: 1 });
  });
});
