/**
 * A strict page: the built script under a Content-Security-Policy with no
 * 'unsafe-inline' for scripts or styles and with Trusted Types required. Every
 * element, in every state, renders, and the page reports no violation.
 *
 * The page is served by the mock feed server with the CSP header; its first
 * script (csp-report.js, an external file) records `securitypolicyviolation`
 * events and uncaught errors. Lit creates one Trusted Types policy, 'lit-html'.
 */
import { expect } from '@esm-bundle/chai';
import { installFakeClock } from '../fake-clock.js';
import { mockFeed, until } from '../helpers.js';
import { baseFeed } from './corpus.js';
import { WIDGETS, parseAttrs, widgetMarkup } from './elements.js';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

interface StrictWindow extends Window {
  __violations: { directive: string; blocked: string; sample: string; source: string; line: number }[];
  __errors: string[];
}

/** Serves `body` as an HTML page with `csp` and opens it in an iframe. */
async function strictPage(body: string, csp = STRICT_CSP, head = ''): Promise<HTMLIFrameElement> {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang nghiêm ngặt</title>
<script src="/test/hostile/csp-report.js"></script>${head}
</head><body>${body}</body></html>`;
  const url = await mockFeed([{ body: html, type: 'text/html', headers: { 'Content-Security-Policy': csp } }]);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px;border:0';
  frame.src = url;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame;
}

const win = (frame: HTMLIFrameElement) => frame.contentWindow as StrictWindow;

describe('a strict page (CSP without unsafe-inline, Trusted Types required)', function () {
  this.timeout(30_000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('reports a violation when the page breaks the policy (the detector works, the policy is enforced)', async () => {
    frame = await strictPage(
      `<p style="color: red">x</p><script>window.inlineRan = true</script><style>p { color: blue }</style>`,
    );
    const w = win(frame);
    await until(() => w.__violations.length >= 3, 'three violations');
    expect((w as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
    const directives = w.__violations.map((v) => v.directive).join(' ');
    expect(directives).to.contain('script-src');
    expect(directives).to.contain('style-src');
    if ('trustedTypes' in w) {
      // Trusted Types are enforced where the engine has them: a raw string into innerHTML throws.
      expect(() => (w.document.createElement('div').innerHTML = '<b>x</b>')).to.throw();
      await until(() => w.__violations.some((v) => v.directive === 'require-trusted-types-for'), 'the Trusted Types violation');
    }
  });

  it('renders every element in every state from the built script, with no violation', async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    const flaky = await mockFeed([{ body: baseFeed() }, { status: 500, body: 'lỗi' }]);
    const missing = await mockFeed([{ status: 404, body: 'không có' }]);
    const invalid = await mockFeed([{ body: { version: 1, provinces: [{ id: 'Nghệ An', name: '<b>x</b>' }] } }]);
    /** `stale` cases refresh on the frame's fake clock: they join the page once it is installed (see below). */
    const cases: { markup: string; state: string; stale?: boolean }[] = [];
    for (const w of WIDGETS) {
      cases.push(
        { markup: widgetMarkup(w, feed), state: 'ready' },
        { markup: widgetMarkup(w, feed, 'lang="en" show-sentence'), state: 'ready' },
        { markup: widgetMarkup(w, flaky, 'refresh="30"'), state: 'ready', stale: true },
        { markup: widgetMarkup(w, missing, 'debug', 'Nội dung dự phòng'), state: 'error' },
        { markup: widgetMarkup(w, invalid, 'debug lang="en"'), state: 'error' },
        {
          markup: widgetMarkup(w, undefined, '', `<script type="application/json">${JSON.stringify(baseFeed())}</script>`),
          state: 'ready',
        },
        { markup: `<div lang="en">${widgetMarkup(w, feed, 'province="ha-tinh"')}</div>`, state: 'ready' },
      );
    }
    cases.push(
      { markup: '<tiendo-progress total="38" completed="6" in-progress="20" label="Nghệ An" source="Công an tỉnh" source-url="https://nghean.gov.vn/" as-of="2024-06-20"></tiendo-progress>', state: 'ready' },
      { markup: '<tiendo-kpi value="74336" total="74587" previous="70000" target="0.95" label="Hồ sơ" unit="hồ sơ"></tiendo-kpi>', state: 'ready' },
      { markup: '<tiendo-kpi value="82.5" max="100" label="Chỉ số"></tiendo-kpi>', state: 'ready' },
    );
    frame = await strictPage(
      `<script type="module" src="/dist/tiendo.js"></script>\n` +
        cases.map((c, i) => `<section id="c${i}">${c.stale ? `<template>${c.markup}</template>` : c.markup}</section>`).join('\n'),
    );
    const w = win(frame);
    const doc = frame.contentDocument!;
    // The refresh (30 s at the soonest) runs on a fake clock in the frame, which the built library there uses.
    // The stale cases' widgets join the page after it is installed, so their feed's timers are all fake ones.
    const clock = installFakeClock(w);
    let els: Element[] = [];
    const explain = (e: Error) => {
      const states = els.map((el) => `${el.localName}=${el.getAttribute('state')}`).join(', ');
      throw new Error(`${e.message}: ${states}; violations ${JSON.stringify(w.__violations)}; errors ${w.__errors.join(' | ')}`);
    };
    try {
      for (const [i, c] of cases.entries()) {
        if (!c.stale) continue;
        const section = doc.getElementById(`c${i}`)!;
        section.append(section.querySelector('template')!.content.cloneNode(true));
      }
      els = cases.map((_, i) => doc.querySelector(`#c${i} [state], #c${i} :is(${WIDGETS.map((x) => x.tag).join(',')})`)!);
      const staleEls = els.filter((_, i) => cases[i].stale);
      // Every feed answers first (no request, so no deadline, is left for the clock to fire), which sets the stale
      // cases' refresh timer; the clock moves on to it, and the refresh fails.
      await until(() => els.every((el, i) => el.getAttribute('state') === cases[i].state), 'the first answers', 15_000).catch(explain);
      await clock.next(() => until(() => staleEls.every((el) => el.hasAttribute('stale')), 'the failed refresh', 15_000).catch(explain));
      await until(
        () => els.every((el, i) => el.getAttribute('state') === cases[i].state && (!cases[i].stale || el.hasAttribute('stale'))),
        'every widget in its state',
        15_000,
      ).catch(explain);
    } finally {
      clock.uninstall();
    }
    // Let the last renders (English words, the rules chunk, stale notes) land.
    await new Promise((r) => setTimeout(r, 300));
    for (const el of els) expect(el.shadowRoot!.querySelector('[part~="base"]'), el.outerHTML).to.not.equal(null);
    // Styles really apply without inline <style>: constructed style sheets (adoptedStyleSheets) carry them.
    const bar = els[0].shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(w.getComputedStyle(bar).borderStyle).to.equal('solid');
    expect(w.__violations, JSON.stringify(w.__violations)).to.deep.equal([]);
    expect(w.__errors).to.deep.equal([]);
  });

  it('shows every element through the iframe embed (dist/embed.html) under the same policy', async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    // The built embed page, served with the policy; <base> keeps its relative script and style pointing at dist/.
    const embed = (await (await fetch('/dist/embed.html')).text()).replace(
      '<head>',
      '<head><base href="/dist/"><script src="/test/hostile/csp-report.js"></script>',
    );
    const page = await mockFeed([{ body: embed, type: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP.replace("base-uri 'none'", "base-uri 'self'") } }]);
    for (const w of WIDGETS) {
      const query = new URLSearchParams([['widget', w.tag.replace(/^tiendo-/, '')], ['src', feed], ...parseAttrs(w.attrs)]);
      frame = document.createElement('iframe');
      frame.style.cssText = 'width:600px;height:600px;border:0';
      frame.src = `${page}?${query}`;
      document.body.append(frame);
      await new Promise((r) => frame!.addEventListener('load', r, { once: true }));
      const inner = win(frame);
      await until(() => frame!.contentDocument!.querySelector(w.tag)?.getAttribute('state') === 'ready', `<${w.tag}> ready in the embed`, 10_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(inner.__violations, `<${w.tag}>: ${JSON.stringify(inner.__violations)}`).to.deep.equal([]);
      expect(inner.__errors).to.deep.equal([]);
      frame.remove();
      frame = undefined;
    }
  });

  // Each copy of the script carries its own Lit, and each Lit creates the Trusted Types policy 'lit-html'.
  // A page that may include the script twice allows that with 'allow-duplicates' (README, strict pages).
  it("stays harmless with the script included twice (two URLs) under trusted-types lit-html 'allow-duplicates'", async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    frame = await strictPage(
      WIDGETS.map((w) => widgetMarkup(w, feed)).join(''),
      `${STRICT_CSP} 'allow-duplicates'`,
      '<script type="module" src="/dist/tiendo.js"></script><script type="module" src="/dist/tiendo.js?copy=2"></script>',
    );
    const w = win(frame);
    const els = WIDGETS.map((x) => frame!.contentDocument!.querySelector(x.tag)!);
    await until(() => els.every((el) => el.getAttribute('state') === 'ready'), 'every widget ready');
    await new Promise((r) => setTimeout(r, 200));
    const copies = w.performance.getEntriesByType('resource').filter((e) => e.name.includes('/dist/tiendo.js'));
    expect(copies).to.have.length(2);
    expect(w.__violations, JSON.stringify(w.__violations)).to.deep.equal([]);
    expect(w.__errors).to.deep.equal([]);
  });

  it("still shows every widget when a page without 'allow-duplicates' includes the script twice", async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    frame = await strictPage(
      WIDGETS.map((w) => widgetMarkup(w, feed)).join(''),
      STRICT_CSP,
      '<script type="module" src="/dist/tiendo.js"></script><script type="module" src="/dist/tiendo.js?copy=2"></script>',
    );
    const w = win(frame);
    const els = WIDGETS.map((x) => frame!.contentDocument!.querySelector(x.tag)!);
    await until(() => els.every((el) => el.getAttribute('state') === 'ready'), 'every widget ready');
    await new Promise((r) => setTimeout(r, 200));
    // The first copy serves every element; the second is refused its policy, at most once, and nothing else.
    const others = w.__violations.filter((v) => !(v.directive === 'trusted-types' && v.sample === 'lit-html'));
    expect(others, JSON.stringify(w.__violations)).to.deep.equal([]);
    expect(w.__violations.length).to.be.at.most(1);
    expect(w.__errors.filter((e) => !/lit-html|policy/i.test(e))).to.deep.equal([]);
  });
});
