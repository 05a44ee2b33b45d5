/**
 * Lifecycle: every element of elements.ts connected, disconnected and moved
 * 1,000 times; its attributes set in every order; its `src` switched while a
 * fetch is in flight (the older answer never wins); and, once removed, nothing
 * left running (timers, listeners, observers, fetches, open connections) and
 * the loader's and the language watcher's live objects back to what they were.
 */
import { expect } from '@esm-bundle/chai';
import { loaderStats } from '../../src/feed/loader.js';
import { langWatchStats } from '../../src/i18n/lang.js';
import { cleanup, mockFeed, mockOpen, mount, requestCount, visibleText } from '../helpers.js';
import { baseFeed } from './corpus.js';
import { WIDGETS, parseAttrs, widgetMarkup, type WidgetCase } from './elements.js';
import { installFakeClock, realUntil, realWait } from '../fake-clock.js';
import { install } from './instrument.js';
import { settled, watchErrors } from './safety.js';

type Json = Record<string, any>;

/** Connect, disconnect and move operations per element. */
export const CYCLES = 1000;

function edition(n: number): Json {
  const f = baseFeed();
  f.provinces[0].models = { total: 38, completed: 6 + n, inProgress: 20 - n, notStarted: 12 };
  f.provinces[0].metrics['on-time'].value = 50579 + n * 100;
  f.national.metrics['on-time'].value = 74336 + n * 100;
  f.asOf = `2024-10-0${4 + n}`;
  return f;
}

/** What `w` shows for `feed` (with `extra` attributes), rendered once in inline mode. */
async function reference(w: WidgetCase, feed: Json, extra = ''): Promise<string> {
  const box = mount(widgetMarkup(w, undefined, extra, `<script type="application/json">${JSON.stringify(feed)}</script>`));
  const el = box.firstElementChild as HTMLElement;
  await settled([el]);
  const text = visibleText(el);
  box.remove();
  return text;
}

/**
 * Shows `w` once and removes it, before a probe starts: lazy chunks (the chart
 * code) load, and what they set up once per page (Chart.js's print listeners)
 * exists before counting begins, so that only what each widget leaves counts.
 */
async function warmUp(w: WidgetCase): Promise<void> {
  const el = mount(widgetMarkup(w, undefined, '', `<script type="application/json">${JSON.stringify(edition(0))}</script>`)).firstElementChild as HTMLElement;
  // Only a preparation, not a measure: a slow machine may take its time (a failure here fails every
  // test of the file; a CI run lost all 24 in Firefox while another engine held the CPU).
  await settled([el], 30_000);
  await new Promise((r) => setTimeout(r, 300));
  el.parentElement!.remove();
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const updated = (el: Element) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;

/** `settled` (safety.ts) for a page whose clock is fake: the same wait, polled in real time. */
async function settledReal(els: Element[]): Promise<void> {
  const done = (el: Element) => ['ready', 'empty', 'error'].includes(el.getAttribute('state') ?? '');
  await realUntil(() => els.every(done), 'the widgets to settle', 10_000).catch((e: Error) => {
    const states = els.filter((el) => !done(el)).map((el) => `<${el.localName}> ${el.getAttribute('state')}`);
    throw new Error(`${e.message}: ${states.join(', ')}`);
  });
  await Promise.all(els.map(updated));
}

describe('lifecycle', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(WIDGETS.length * 35_000);
    for (const w of WIDGETS) await warmUp(w);
  });
  afterEach(cleanup);

  for (const w of WIDGETS) {
    describe(`<${w.tag}>`, () => {
      it(`survives ${CYCLES} connects, disconnects and moves, then leaves nothing running`, async () => {
        const errors = watchErrors();
        const url = await mockFeed([{ body: edition(1), delay: 30 }]);
        const expected = await reference(w, edition(1));
        const before = { loader: loaderStats(), lang: langWatchStats() };
        const probe = install();
        try {
          const a = mount('');
          const b = mount('', { lang: 'vi' });
          const host = mount('<div></div>').firstElementChild!;
          const shadow = host.attachShadow({ mode: 'open' });
          const holder = document.createElement('div');
          holder.innerHTML = widgetMarkup(w, url);
          const el = holder.firstElementChild as HTMLElement;
          const spots: ParentNode[] = [a, b, shadow];
          for (let i = 0; i < CYCLES; i++) {
            switch (i % 5) {
              case 0:
                spots[i % 3].append(el); // connect or move
                break;
              case 1:
                spots[(i + 1) % 3].prepend(el); // move
                break;
              case 2:
                el.remove(); // disconnect
                break;
              case 3:
                spots[i % 3].append(el);
                el.replaceWith(el); // disconnect and reconnect at once
                break;
              case 4: {
                const wrapper = document.createElement('section');
                spots[(i + 2) % 3].append(wrapper);
                wrapper.append(el); // move into a new subtree
                break;
              }
            }
            // Now and then let the element render and the fetch run between moves.
            if (i % 97 === 0) await nextFrame();
            if (i % 250 === 0) await sleep(40);
          }
          a.append(el);
          await settled([el]);
          expect(el.getAttribute('state')).to.equal('ready');
          expect(visibleText(el)).to.equal(expected);
          // Moves do not re-fetch: only moves across a wait before the first answer could.
          expect(await requestCount(url), 'requests').to.be.at.most(6);
          expect(loaderStats().subscriptions, 'one subscription while connected').to.equal(before.loader.subscriptions + 1);
          expect(langWatchStats().listeners).to.equal(before.lang.listeners + 1);
          // The probe sees what a connected widget holds (so that "nothing" below means something).
          const holding = probe.live().join('\n');
          expect(holding).to.contain('MutationObserver.observe');
          expect(holding).to.contain('listener "visibilitychange" on document');
          a.remove();
          b.remove();
          host.remove();
          await sleep(100);
          expect(probe.live(), 'left running after removal').to.deep.equal([]);
          expect(await mockOpen(url), 'open connections').to.equal(0);
          expect(loaderStats().subscriptions).to.equal(before.loader.subscriptions);
          expect(loaderStats().entries, 'loader entries').to.be.at.most(before.loader.entries + 1);
          expect(langWatchStats().listeners).to.equal(before.lang.listeners);
        } finally {
          probe.uninstall();
          errors.stop();
        }
        expect(errors.errors).to.deep.equal([]);
      });

      it('moves synchronously while loading without a new request each time', async () => {
        const url = await mockFeed([{ body: edition(1), delay: 300 }]);
        const probe = install();
        try {
          const [a, b] = [mount(''), mount('')];
          const holder = document.createElement('div');
          holder.innerHTML = widgetMarkup(w, url);
          const el = holder.firstElementChild as HTMLElement;
          a.append(el);
          await updated(el);
          for (let i = 0; i < CYCLES; i++) (i % 2 ? a : b).append(el);
          await settled([el]);
          expect(el.getAttribute('state')).to.equal('ready');
          expect(probe.fetches(), 'fetches').to.equal(1);
          expect(await requestCount(url)).to.equal(1);
        } finally {
          probe.uninstall();
        }
      });

      it('shows the same thing whatever the order its attributes are set in', async () => {
        const url = await mockFeed([{ body: edition(0) }]);
        const attrs: [string, string][] = [...parseAttrs(w.attrs), ['src', url], ['lang', 'en'], ['show-sentence', '']];
        const expected = await (async () => {
          const el = mount(widgetMarkup(w, url, 'lang="en" show-sentence')).firstElementChild as HTMLElement;
          await settled([el]);
          return visibleText(el);
        })();
        const orders = permutations(attrs);
        const box = mount('');
        const els: HTMLElement[] = [];
        for (const [n, order] of orders.entries()) {
          const el = document.createElement(w.tag);
          // Half before connecting, half after; of those, every third one renders between attributes.
          const early = n % 2 === 0;
          if (!early) box.append(el);
          for (const [name, value] of order) {
            el.setAttribute(name, value);
            if (!early && n % 3 === 0) await updated(el);
          }
          if (early) box.append(el);
          els.push(el);
        }
        await settled(els);
        for (const [n, el] of els.entries()) {
          expect(visibleText(el), orders[n].map(([k]) => k).join(' → ')).to.equal(expected);
        }
        // And back: removing them in every order returns to the same state.
        for (const [n, el] of els.entries()) for (const [name] of orders[(n + 1) % orders.length]) el.removeAttribute(name);
        await settled(els);
        const states = new Set(els.map((el) => `${el.getAttribute('state')}|${visibleText(el)}`));
        expect(states.size, [...states].join('\n')).to.equal(1);
      });

    });
  }

  it(`keeps the loader bounded when every element's src changes to ${CYCLES} different URLs`, async () => {
    const url = await mockFeed([{ body: edition(0), delay: 5 }]);
    const before = loaderStats();
    const box = mount(WIDGETS.map((w) => widgetMarkup(w, url)).join(''));
    const els = [...box.children] as HTMLElement[];
    await settled(els);
    const expected = els.map(visibleText);
    for (let i = 0; i < CYCLES; i++) {
      for (const el of els) el.setAttribute('src', `${url}?v=${i}`);
      await Promise.all(els.map(updated));
      if (i % 100 === 0) await settled(els); // some of them answered
    }
    await settled(els);
    expect(els.map(visibleText)).to.deep.equal(expected);
    expect(loaderStats().subscriptions - before.subscriptions).to.equal(els.length);
    box.remove();
    await sleep(50);
    const after = loaderStats();
    expect(after.subscriptions).to.equal(before.subscriptions);
    expect(after.entries - before.entries, 'idle feeds kept').to.be.at.most(50);
  });


  it('leaves nothing running after removal, in every state (loading, refreshing, stale, error), every element', async () => {
    const hang = await mockFeed([{ hang: true }]);
    const flaky = await mockFeed([{ body: edition(0) }, { status: 500, body: '' }]);
    const refreshing = await mockFeed([{ body: edition(0) }, { body: edition(1) }]);
    const missing = await mockFeed([{ status: 404, body: '' }]);
    const before = { loader: loaderStats(), lang: langWatchStats() };
    // Time is fake (refreshes come every 30 s at the soonest): the clock first, then the probe, which wraps its timers.
    // While it is installed the page's setTimeout waits for the clock, so the waits below are real ones.
    // The hanging feed allows 120 s (the most), so it is still loading 45 s on, and its deadline is no refresh timer.
    const clock = installFakeClock(window);
    const probe = install();
    /** After each timer the clock fires: its request (if any) has been answered; the hanging one never is. */
    const answered = () => realUntil(() => loaderStats().requests <= before.loader.requests + 1, 'the refresh answered', 8000);
    try {
      const box = mount(
        WIDGETS.map((w) =>
          [
            widgetMarkup(w, hang, 'timeout="120"'),
            widgetMarkup(w, flaky, 'refresh="40"'),
            widgetMarkup(w, refreshing, 'refresh="30"'),
            widgetMarkup(w, missing, 'debug'),
            widgetMarkup(w, refreshing, 'lang="en" refresh="45"'),
          ].join(''),
        ).join(''),
      );
      const els = [...box.children] as HTMLElement[];
      const loading = els.filter((_, i) => i % 5 === 0);
      const stale = els.filter((_, i) => i % 5 === 1);
      await settledReal(els.filter((el) => !loading.includes(el)));
      // 45 s on: the refreshing feed has refreshed (after 30 s ± 10%), the flaky one failed its refresh (40 s ± 10%).
      await clock.advance(45_000, answered);
      await realUntil(() => stale.every((el) => el.hasAttribute('stale')), 'stale');
      await settledReal(els.filter((el) => !loading.includes(el)));
      for (const el of loading) expect(el.getAttribute('state')).to.equal('loading');
      const holding = probe.live().join('\n');
      expect(holding).to.match(/fetch .*__mock/);
      // A refresh timer: the refreshing feed's next one, 30 s ± 10% after its refresh.
      const refreshTimers = [...holding.matchAll(/setTimeout\(([\d.]+)\)\n[^\n]*feed\/loader/g)].map((m) => Number(m[1]));
      expect(refreshTimers.some((ms) => ms >= 27_000 && ms <= 33_000), `loader timers: ${refreshTimers.join(', ')}`).to.equal(true);
      box.remove();
      await realWait(300); // the aborted requests' connections close
      expect(probe.live(), 'left running after removal').to.deep.equal([]);
      for (const url of [hang, flaky, refreshing, missing]) expect(await mockOpen(url), `open connections to ${url}`).to.equal(0);
      expect(loaderStats().subscriptions).to.equal(before.loader.subscriptions);
      expect(langWatchStats()).to.deep.equal(before.lang);
      // And no request after removal: the refresh timers are gone, a day later too.
      const counts = await Promise.all([flaky, refreshing].map(requestCount));
      await clock.advance(24 * 3600_000, answered);
      expect(await Promise.all([flaky, refreshing].map(requestCount))).to.deep.equal(counts);
    } finally {
      probe.uninstall();
      clock.uninstall();
    }
  });

  it('never lets an older answer win when src switches while a fetch is in flight, in any element', async () => {
    const slow = await mockFeed([{ body: edition(0), delay: 500 }]);
    const slower = await mockFeed([{ body: edition(2), delay: 800 }]);
    const fast = await mockFeed([{ body: edition(1) }]);
    const broken = await mockFeed([{ status: 500, body: '' }]);
    const refs = await Promise.all(WIDGETS.map(async (w) => [await reference(w, edition(0)), await reference(w, edition(1)), await reference(w, edition(2))]));
    const box = mount(
      WIDGETS.map((w) =>
        [
          widgetMarkup(w, slow), // slow → fast
          widgetMarkup(w, slower), // slower → slow → fast
          widgetMarkup(w, fast), // fast (answered) → slower
          widgetMarkup(w, slow), // slow → fast → slow (back while in flight)
          widgetMarkup(w, slow), // slow → broken: the error, not the late figures
        ].join(''),
      ).join(''),
    );
    const all = [...box.children] as HTMLElement[];
    await Promise.all(all.map(updated));
    const groups = WIDGETS.map((_, k) => all.slice(k * 5, k * 5 + 5));
    await settled(groups.map((els) => els[2]));
    for (const els of groups) {
      els[0].setAttribute('src', fast);
      els[1].setAttribute('src', slow);
    }
    await Promise.all(groups.map((els) => updated(els[1])));
    for (const els of groups) {
      els[1].setAttribute('src', fast);
      els[2].setAttribute('src', `${slower}?again`);
      els[3].setAttribute('src', fast);
    }
    await Promise.all(groups.map((els) => updated(els[3])));
    for (const els of groups) {
      els[3].setAttribute('src', slow);
      els[4].setAttribute('src', broken);
    }
    await sleep(1200); // every slow answer has landed
    await settled(all);
    groups.forEach((els, k) => {
      const [e0, e1, e2] = refs[k];
      const tag = WIDGETS[k].tag;
      expect(visibleText(els[0]), `<${tag}> slow → fast`).to.equal(e1);
      expect(visibleText(els[1]), `<${tag}> slower → slow → fast`).to.equal(e1);
      expect(visibleText(els[2]), `<${tag}> fast → slower`).to.equal(e2);
      expect(visibleText(els[3]), `<${tag}> slow → fast → slow`).to.equal(e0);
      expect(els[4].getAttribute('state'), `<${tag}> slow → broken`).to.equal('error');
    });
  });

});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}
