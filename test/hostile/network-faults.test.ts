/**
 * Network faults from the local mock feed server (test/mock-feeds.mjs): each
 * fault as a feed's first answer (a calm error, the reason under debug, one
 * request for every widget) and as a refresh failing after a success (the last
 * good figures kept, marked stale, fresh again when the feed returns). Every
 * element of elements.ts is on each faulty URL at once.
 */
import { expect } from '@esm-bundle/chai';
import type { TiendoErrorEvent } from '../../src/index.js';
import { cleanup, mockFeed, mockStats, mount, until, visibleText, type MockStep } from '../helpers.js';
import { baseFeed } from './corpus.js';
import { WIDGETS, widgetMarkup } from './elements.js';
import { install } from './instrument.js';
import { expectInert, settled, watchErrors } from './safety.js';

const CALM = 'Chưa hiển thị được số liệu. Vui lòng xem lại sau.';
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
  await settled(els);
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
  /** Seconds the widgets wait (the fault is slower than that). */
  timeout?: number;
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
  { name: 'a connection reset before any byte', step: same({ reset: 'before', hold: 800 }), kind: 'network', reason: 'Không kết nối được' },
  { name: 'a connection reset in the middle of the body', step: same({ reset: 'mid-body', body: edition(5) }), kind: 'network', reason: 'Không kết nối được' },
  { name: 'a hang past the timeout', step: same({ hang: true }), kind: 'timeout', reason: 'không trả lời sau 0,6 giây', timeout: 0.6 },
  {
    name: 'a slow drip past the timeout',
    step: same({ body: edition(5), drip: { bytes: 8, every: 40 } }),
    kind: 'timeout',
    reason: 'không trả lời sau 0,6 giây',
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
  before(async () => {
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
        // Two failed refreshes in a row (or a fault that holds), so that the stale state lasts long enough to be read.
        const url = await faultUrl(fault, [{ body: edition(0) }], [{ body: edition(1) }], (await fault.step()).hold ? 1 : 2);
        const timeout = fault.timeout ? `timeout="${fault.timeout}"` : '';
        const { els, plain } = mountAll(url, `refresh="0.25" ${timeout}`);
        try {
          await settled(els, 8000);
          for (const [i, el] of plain.entries()) expect(visibleText(el)).to.equal(good.get(WIDGETS[i].tag));
          await until(() => els.every((el) => el.hasAttribute('stale')), 'every widget stale', 8000);
          for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          for (const [i, el] of plain.entries()) {
            expect(el.getAttribute('state')).to.equal('ready');
            const text = visibleText(el);
            expect(text).to.contain(STALE);
            expect(text.replace(STALE, '').replace(/\s+/g, ' ').trim()).to.equal(good.get(WIDGETS[i].tag));
          }
          await until(() => els.every((el) => !el.hasAttribute('stale')), 'every widget fresh again', 8000);
          for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          for (const [i, el] of plain.entries()) {
            expect(el.getAttribute('state')).to.equal('ready');
            expect(visibleText(el)).to.equal(changed.get(WIDGETS[i].tag));
          }
        } finally {
          errors.stop();
        }
        expect(errors.errors).to.deep.equal([]);
      });
    });
  }

  it('follows a feed that changes between refreshes, announcing each edition once', async () => {
    const url = await mockFeed([{ body: edition(0) }, { body: edition(1) }, { body: edition(2) }]);
    const third = await reference(edition(2));
    const { els, plain } = mountAll(url, 'refresh="0.3"');
    const loads = new Map<Element, number>();
    for (const el of els) el.addEventListener('tiendo-load', () => loads.set(el, (loads.get(el) ?? 0) + 1));
    await settled(els);
    await until(() => plain.every((el, i) => visibleText(el) === third.get(WIDGETS[i].tag)), 'the third edition', 8000);
    for (const el of els) {
      expect(el.hasAttribute('stale')).to.equal(false);
      expect(loads.get(el)).to.be.at.least(3);
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
