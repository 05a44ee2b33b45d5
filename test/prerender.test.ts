/**
 * Issue 19, "Figures in the HTML": a snippet written by `tiendo snippet --prerender`
 * (test/fixtures/snippet/prerendered-*.html, kept equal to the tool's output by
 * test/cli/snippet.test.mjs) carries the widget's shadow content as declarative
 * shadow DOM.
 * (a) With scripts blocked (a sandboxed frame), the figures are in the DOM and visible.
 * (b) When the script arrives, the element keeps that content until its first outcome
 *     with figures, then draws its own: the same text and the same box in every frame
 *     (no skeleton, no layout shift), state ready.
 * (c) It still refreshes: a new answer of the feed server changes the figures.
 * (d) Under a Content-Security-Policy: the hashes `tiendo snippet --prerender` prints let its
 *     inline style apply; without them the page loses the styles (why strict portals keep the plain snippet).
 *
 * This file imports src/index.ts only inside (b): before that, the tags are not defined.
 */
import { expect } from '@esm-bundle/chai';
import type { CSSResult } from 'lit';
// The widgets' styles only (these modules define no element): the fixtures' <style> gets today's CSS.
import { baseStyles } from '../src/base/tiendo-element.styles.js';
import { statusStyles } from '../src/base/status.styles.js';
import { progressStyles } from '../src/progress/progress.styles.js';
import { kpiStyles } from '../src/kpi/kpi.styles.js';
import { tableStyles } from '../src/province-table/province-table.styles.js';
import { mockFeed, visibleText } from './helpers.js';
import { installFakeClock, realUntil, realWait, type FakeClock } from './fake-clock.js';

type Json = Record<string, any>;

/** Declarative shadow DOM, and a way to parse it from a string (the parser attaches the root). */
const dsd = Object.prototype.hasOwnProperty.call(HTMLTemplateElement.prototype, 'shadowRootMode') && 'setHTMLUnsafe' in Element.prototype;
const SKIP = 'this engine has no declarative shadow DOM (HTMLTemplateElement.shadowRootMode) or no setHTMLUnsafe';

const CASES = [
  { widget: 'progress', tag: 'tiendo-progress', key: 'prerender-progress', figures: ['6/38 mô hình hoàn thành', '15,8%'], later: ['9/38 mô hình hoàn thành', '23,7%'], gone: ['6/38', '15,8%'] },
  { widget: 'kpi', tag: 'tiendo-kpi', key: 'prerender-kpi', figures: ['74.336', '/74.587', '99,66%'], later: ['74.500', '99,88%'], gone: ['74.336', '99,66%'] },
  // A lazy widget: its code and its view's chunk arrive after the page shows.
  { widget: 'table', tag: 'tiendo-province-table', key: 'prerender-table', figures: ['Hà Tĩnh', '48,8%', '15,8%'], later: ['23,7%'], gone: ['15,8%'] },
] as const;

/** The styles each element renders into its shadow root (its `static styles`, as the server writes them: one `<style>`). */
const STYLES: Record<string, CSSResult[]> = {
  'tiendo-progress': [baseStyles, statusStyles, progressStyles],
  'tiendo-kpi': [baseStyles, kpiStyles],
  'tiendo-province-table': [baseStyles, tableStyles],
};
const cssOf = (tag: string) => STYLES[tag].map((s) => s.cssText).join('');
/** The CSS as the tool writes it (src/snippet/prerender.ts compactCss): no comments, no indentation. */
const compact = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ').trim();

/**
 * The snippet as the tool wrote it (test/cli/snippet.test.mjs keeps its markup current), with
 * today's styles in its `<style>` (a change of CSS needs no new fixture), and without its two
 * `<link>` hints: the preload would ask the feed server once more (each answer of the mock server
 * is a step of the test), and the script is not on this server (the test imports the source).
 */
const fixture = async (widget: string, tag: string) =>
  (await (await fetch(`/test/fixtures/snippet/prerendered-${widget}.html`)).text())
    .replace(/^<link [^\n]*\n/gm, '')
    .replace(/<style>[\s\S]*?<\/style>/, () => `<style>${compact(cssOf(tag))}</style>`);
const feed = async () => (await (await fetch('/test/fixtures/snippet/feed.json')).json()) as Json;

/** The feed with new figures for Nghệ An (the refresh). */
function updated(json: Json): Json {
  const next = structuredClone(json);
  const p = next.provinces.find((x: Json) => x.id === 'nghe-an');
  p.models = { total: 38, completed: 9, inProgress: 18, notStarted: 11 };
  p.metrics['on-time'] = { value: 74500, total: 74587 };
  return next;
}

/** The text a reader sees in the shadow root before any script: every text node under the box, visible ones only. */
function shownText(el: Element): string {
  return visibleText(el);
}

function box(el: Element) {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

describe('a prerendered snippet (tiendo snippet --prerender)', function () {
  this.timeout(30_000);

  describe('(a) with scripts blocked', () => {
    for (const c of CASES) {
      it(`<${c.tag}>: the figures are in the DOM and visible`, async function () {
        if (!dsd) return this.skip(); // SKIP
        // The script tag points at the library itself here: were scripts not blocked, it would define the tag.
        const html = (await fixture(c.widget, c.tag)).replace('src="/tiendo/tiendo.js"', 'src="/src/index.ts"');
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-same-origin');
        frame.style.cssText = 'width:720px;height:600px;border:0';
        frame.srcdoc = `<!doctype html><html lang="vi"><body>${html}</body></html>`;
        const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
        document.body.append(frame);
        await loaded;
        try {
          const win = frame.contentWindow!;
          const el = frame.contentDocument!.querySelector(c.tag)!;
          expect(win.customElements.get(c.tag), 'no script ran').to.equal(undefined);
          expect(el.shadowRoot, 'the declarative shadow root').to.not.equal(null);
          const text = shownText(el);
          for (const figure of c.figures) expect(text).to.include(figure);
          expect(text).to.include('Nghệ An');
          // Visible: a real box, and the styles of the shadow root applied (the sentence is visually hidden).
          const r = el.getBoundingClientRect();
          expect(r.width).to.be.greaterThan(100);
          expect(r.height).to.be.greaterThan(30);
          const sentence = el.shadowRoot!.querySelector('[part~="sentence"]')!;
          expect(sentence.getBoundingClientRect().width).to.be.at.most(1);
          if (c.widget === 'progress') {
            const done = el.shadowRoot!.querySelector<HTMLElement>('[part~="segment-completed"]')!;
            expect(done.getBoundingClientRect().width / el.shadowRoot!.querySelector('[part~="bar"]')!.getBoundingClientRect().width).to.be.closeTo(6 / 38, 0.02);
          }
        } finally {
          frame.remove();
        }
      });
    }
  });

  describe('(d) under a Content-Security-Policy (scripts blocked)', () => {
    /** A CSP hash source, computed here on its own (the tool prints the same). */
    const hash = async (text: string) =>
      `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}'`;

    /** The progress snippet served with `policy`, in a frame without scripts; resolves with the widget and its frame. */
    async function served(policy: (html: string) => Promise<string>) {
      const html = await fixture('progress', 'tiendo-progress');
      const url = await mockFeed([
        { type: 'text/html', body: `<!doctype html><html lang="vi"><body>${html}</body></html>`, headers: { 'Content-Security-Policy': await policy(html) } },
      ]);
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-same-origin');
      frame.style.cssText = 'width:720px;height:600px;border:0';
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.src = url;
      document.body.append(frame);
      await loaded;
      return { frame, el: frame.contentDocument!.querySelector('tiendo-progress')! };
    }
    const hiddenSentence = (el: Element) => el.shadowRoot!.querySelector('[part~="sentence"]')!.getBoundingClientRect().width <= 1;
    const completedShare = (el: Element) =>
      el.shadowRoot!.querySelector('[part~="segment-completed"]')!.getBoundingClientRect().width /
      el.shadowRoot!.querySelector('[part~="bar"]')!.getBoundingClientRect().width;

    it('style-src with the <style> hash and \'unsafe-hashes\' with the bar widths\' hashes: styled as without a policy', async function () {
      if (!dsd) return this.skip(); // SKIP
      const { frame, el } = await served(async (html) => {
        const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
        const widths = [...new Set([...html.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]))];
        return `default-src 'none'; style-src ${await hash(css)} 'unsafe-hashes' ${(await Promise.all(widths.map(hash))).join(' ')}`;
      });
      try {
        expect(el.shadowRoot).to.not.equal(null);
        expect(visibleText(el)).to.include('6/38 mô hình hoàn thành');
        expect(hiddenSentence(el), 'the <style> applies').to.equal(true);
        expect(completedShare(el), 'the bar widths apply').to.be.closeTo(6 / 38, 0.02);
      } finally {
        frame.remove();
      }
    });

    it('style-src \'self\' alone (a strict portal): the inline style is blocked', async function () {
      if (!dsd) return this.skip(); // SKIP
      const { frame, el } = await served(async () => "default-src 'none'; style-src 'self'");
      try {
        expect(el.shadowRoot).to.not.equal(null);
        expect(hiddenSentence(el), 'the <style> is blocked: the visually hidden sentence shows').to.equal(false);
      } finally {
        frame.remove();
      }
    });
  });

  describe('(b) the script arrives, (c) a refresh', () => {
    const placed = new Map<string, HTMLElement>();
    let clock: FakeClock | undefined;

    before(async function () {
      if (!dsd) return;
      const json = await feed();
      // The server's first answer has the snippet's figures; every later one, the new figures.
      for (const c of CASES) {
        const key = (await mockFeed([{ body: json }, { body: updated(json) }])).replace('/__mock/', '');
        const html = (await fixture(c.widget, c.tag)).replaceAll(`/__mock/${c.key}`, `/__mock/${key}`);
        const box = document.createElement('div');
        box.style.width = '720px';
        box.setHTMLUnsafe(html);
        // The editor's refresh, every 30 s (the loader's floor), on a clock the test moves.
        box.querySelector(c.tag)!.setAttribute('refresh', '30');
        document.body.append(box);
        placed.set(c.tag, box.querySelector(c.tag)!);
      }
    });

    after(() => clock?.uninstall());

    it('the same text, the same box in every frame, then ready', async function () {
      if (!dsd) return this.skip(); // SKIP
      const before = CASES.map((c) => {
        const el = placed.get(c.tag)!;
        expect(el.shadowRoot, `<${c.tag}> arrives with its shadow root`).to.not.equal(null);
        expect(customElements.get(c.tag)).to.equal(undefined);
        return { el, text: shownText(el), box: box(el) };
      });
      for (const [i, c] of CASES.entries()) for (const figure of c.figures) expect(before[i].text).to.include(figure);

      // Every frame from the import until both are ready: what a reader would see.
      const seen: { tag: string; text: string; box: ReturnType<typeof box> }[] = [];
      let sampling = true;
      const sample = () => {
        for (const b of before) seen.push({ tag: b.el.localName, text: shownText(b.el), box: box(b.el) });
        if (sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      clock = installFakeClock();
      await import('../src/index.js');
      await realUntil(() => before.every((b) => b.el.getAttribute('state') === 'ready'), 'every widget ready');
      for (const b of before) await (b.el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      sampling = false;
      sample();

      for (const b of before) {
        const styles = (customElements.get(b.el.localName) as unknown as { elementStyles: CSSResult[] }).elementStyles;
        expect(styles.map((s) => s.cssText).join(''), `STYLES['${b.el.localName}'] is the element's own list`).to.equal(cssOf(b.el.localName));
        const frames = seen.filter((s) => s.tag === b.el.localName);
        expect(frames.length).to.be.greaterThan(1);
        for (const f of frames) {
          expect(f.text, `<${b.el.localName}> text in a frame`).to.equal(b.text);
          expect(f.box, `<${b.el.localName}> box in a frame`).to.deep.equal(b.box);
        }
        // The element's own content now: one box, no server copy left beside it.
        expect(b.el.shadowRoot!.querySelectorAll('[part~="base"]').length).to.equal(1);
        expect(b.el.getAttribute('state')).to.equal('ready');
      }
    });

    it('a refresh with new figures updates the text', async function () {
      if (!dsd || !clock) return this.skip(); // SKIP
      // The refresh falls due within 30 s ± 10%.
      await clock.advance(34_000);
      for (const c of CASES) {
        const el = placed.get(c.tag)!;
        await realUntil(() => c.later.every((f) => shownText(el).includes(f)), `<${c.tag}> shows the new figures (shows "${shownText(el)}")`);
        for (const f of c.gone) expect(shownText(el)).to.not.include(f);
        expect(el.getAttribute('state')).to.equal('ready');
      }
      await realWait(0);
    });
  });
});

if (!dsd) console.info(`test/prerender.test.ts skipped: ${SKIP}`);
