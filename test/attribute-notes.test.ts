import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { installFakeClock, realUntil, realWait } from './fake-clock.js';
import { FEED, cleanup, mount, untilState, visibleText } from './helpers.js';

/** Issue 17: attribute mistakes are said under `debug` and on the console; time-bound states follow the clock. */
describe('attribute mistakes and dates', () => {
  const warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (m: unknown) => warnings.push(String(m));
  });
  afterEach(() => {
    console.warn = warn;
    cleanup();
  });

  it('says a refresh below the floor and a refresh that is not a number, under debug and once on the console', async () => {
    const box = mount(`
      <tiendo-kpi src="${FEED}" metric="on-time" refresh="0.1" debug></tiendo-kpi>
      <tiendo-kpi src="${FEED}" metric="on-time" refresh="60s" debug></tiendo-kpi>`);
    const [fast, text] = [...box.children];
    await untilState(fast, 'ready');
    await untilState(text, 'ready');
    await realUntil(() => visibleText(fast).includes('refresh="0.1"'), 'the note under debug');
    expect(visibleText(fast)).to.contain('mỗi 30 giây');
    expect(visibleText(text)).to.contain('refresh="60s" không phải là một số giây');
    await realUntil(() => warnings.some((w) => w.includes('refresh="0.1"')), 'the console warning');
    const count = warnings.filter((w) => w.includes('refresh="0.1"')).length;
    fast.setAttribute('show-sentence', '');
    await realWait(100);
    expect(warnings.filter((w) => w.includes('refresh="0.1"')).length, 'said once').to.equal(count);
  });

  it('says the same in English', async () => {
    const el = mount(`<tiendo-kpi src="${FEED}" metric="on-time" refresh="2592000" debug></tiendo-kpi>`, { lang: 'en' }).firstElementChild!;
    await untilState(el, 'ready');
    await realUntil(() => visibleText(el).includes('above the maximum (one day)'), 'the English note');
  });

  it('suggests the id of a province written as its name', async () => {
    const el = mount(`<tiendo-progress src="${FEED}" province="Nghệ An" debug></tiendo-progress>`).firstElementChild!;
    await untilState(el, 'error');
    await realUntil(() => visibleText(el).includes('province="nghe-an"'), 'the suggestion');
  });

  it('turns overdue on an open page when the next update passes, to the minute, without a reload', async () => {
    const clock = installFakeClock();
    try {
      const next = new Date(clock.now() + 90_000).toISOString();
      const feed = { version: 1, nextUpdate: next, national: { name: 'Toàn quốc', models: { total: 10, completed: 3 } } };
      const el = mount(`<tiendo-progress><script type="application/json">${JSON.stringify(feed)}</script></tiendo-progress>`).firstElementChild!;
      await realUntil(() => el.getAttribute('state') === 'ready', 'ready');
      expect(el.hasAttribute('overdue')).to.equal(false);
      await clock.advance(60_000, () => realWait(20));
      expect(el.hasAttribute('overdue'), 'a minute before').to.equal(false);
      await clock.advance(32_000, () => realWait(50));
      await realUntil(() => el.hasAttribute('overdue'), 'overdue once the time has passed');
      expect(visibleText(el)).to.contain('Số liệu có thể đã cũ');
    } finally {
      clock.uninstall();
    }
  });

  it('flags figures dated in the future under debug', async () => {
    const feed = { version: 1, asOf: '2999-01-01', national: { name: 'Toàn quốc', models: { total: 10, completed: 3 } } };
    const el = mount(`<tiendo-progress debug><script type="application/json">${JSON.stringify(feed)}</script></tiendo-progress>`).firstElementChild!;
    await untilState(el, 'ready');
    await realUntil(() => visibleText(el).includes('ở tương lai'), 'the future date note');
  });
});
