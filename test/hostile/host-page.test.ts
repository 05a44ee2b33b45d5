/**
 * Host pages: a portal's aggressive global CSS does not change the widgets; the
 * widgets' CSS does not change the portal; old pages (quirks mode, libraries
 * that extend built-in prototypes) do not break them; and the script loaded
 * twice, under two URLs, is harmless. Every element of elements.ts, in the
 * ready and the error state.
 */
import { expect } from '@esm-bundle/chai';
import { cleanup, mockFeed, mount, requestCount, until, visibleText } from '../helpers.js';
import { baseFeed } from './corpus.js';
import { WIDGETS, widgetMarkup } from './elements.js';
import { settled, shadowElements } from './safety.js';

/** The computed properties compared, before and after. */
const PROPS = [
  'color', 'background-color', 'background-image', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-caps',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'text-decoration-line',
  'text-shadow', 'white-space', 'word-break', 'direction', 'writing-mode', 'display', 'position', 'float', 'visibility',
  'opacity', 'transform', 'box-sizing', 'list-style-type', 'vertical-align', 'cursor', 'overflow-x',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-left-width', 'border-left-style', 'outline-style',
];

/** The class names the widgets use inside, collected from their shadow trees (so new widgets are covered too). */
function classesOf(els: Element[]): string[] {
  const names = new Set<string>();
  for (const el of els) for (const node of shadowElements(el)) node.classList.forEach((c) => names.add(c));
  return [...names].sort();
}

/** A portal's worst global CSS: Bootstrap 3's root size, rules on every element, on bare tags and on class names. */
function hostileCss(classes: string[]): string {
  const everyTag = 'div, p, span, ul, ol, li, a, section, code, button, table, caption, th, td, tr, canvas, svg, strong, b, em, h2, h3, dl, dt, dd, figure, small';
  return `
    html { font-size: 10px !important; }
    body { font: italic bold 13px/2.5 "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 3px !important;
      word-spacing: 9px !important; text-transform: uppercase !important; text-align: center !important; text-indent: 40px !important;
      white-space: nowrap !important; direction: rtl !important; text-shadow: 2px 2px red !important; cursor: wait !important;
      font-variant: small-caps !important; text-decoration: underline !important; word-break: break-all !important;
      list-style: square inside !important; visibility: visible !important; }
    * { box-sizing: content-box !important; font-family: Georgia, serif !important; color: #0f0 !important;
      line-height: 0.8 !important; letter-spacing: 1px !important; text-transform: lowercase !important; }
    ${everyTag} { margin: 17px !important; padding: 13px !important; border: 3px dashed red !important; background: yellow !important;
      float: left !important; width: 33% !important; display: inline-block !important; font-size: 9px !important;
      position: relative !important; top: 5px !important; transform: rotate(2deg) !important; opacity: 0.5 !important;
      vertical-align: -4px !important; overflow: scroll !important; }
    a, a:visited { color: red !important; text-decoration: line-through !important; }
    ${classes.map((c) => `.${CSS.escape(c)}`).join(', ')} { display: none !important; visibility: hidden !important; }
    [part], [role], [aria-hidden], [class], [style] { display: table !important; font-size: 40px !important; }
    .progress, .badge, .label { display: inline !important; padding: .2em .6em .3em !important; font-size: 75% !important; }
    p::before, span::after, div::before, li::after, a::before { content: "✗" !important; }
    :focus { outline: 5px solid red !important; }
  `;
}

interface Snapshot {
  /** Per element of the shadow tree: its tag, class and part, then its computed properties. */
  styles: string[];
  /** Per element: left, top (from the host), width, height; none where it has no box. */
  boxes: (number[] | undefined)[];
  size: number[];
  text: string;
}

function snapshot(host: HTMLElement): Snapshot {
  const view = host.ownerDocument.defaultView!;
  const box = host.getBoundingClientRect();
  const els = shadowElements(host);
  return {
    styles: els.map((el) => {
      const cs = view.getComputedStyle(el);
      return `<${el.localName} class="${el.getAttribute('class') ?? ''}" part="${el.getAttribute('part') ?? ''}"> ${PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join('; ')}`;
    }),
    boxes: els.map((el) => {
      if (!el.getClientRects().length) return undefined; // no box: display none or contents
      const r = el.getBoundingClientRect();
      return [r.left - box.left, r.top - box.top, r.width, r.height];
    }),
    size: [box.width, box.height],
    text: visibleText(host),
  };
}

/** Whether every canvas in the widget has been drawn on (a chart draws after its data is ready). */
function canvasesDrawn(host: HTMLElement): boolean {
  return shadowElements(host)
    .filter((el): el is HTMLCanvasElement => el instanceof host.ownerDocument.defaultView!.HTMLCanvasElement)
    .every((c) => {
      const ctx = c.width && c.height ? c.getContext('2d') : null;
      return Boolean(ctx?.getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0));
    });
}

/** The snapshot of `host` once its canvases are drawn and it has not changed for three looks in a row. */
async function stableSnapshot(host: HTMLElement): Promise<Snapshot> {
  let last = '';
  let same = 0;
  // Up to 15 s: WebKit on a loaded machine (three engines side by side) draws a page of charts slowly.
  for (let i = 0; i < 150; i++) {
    const now = snapshot(host);
    const key = JSON.stringify(now);
    same = key === last && canvasesDrawn(host) ? same + 1 : 0;
    if (same === 2) return now;
    last = key;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`<${host.localName}> never stopped changing`);
}

/** The same styles, text and layout; `tolerance` in CSS pixels for the boxes. */
function expectSame(before: Snapshot, after: Snapshot, what: string, tolerance = 0): void {
  const tags = (x: Snapshot) => x.styles.map((t) => t.slice(0, t.indexOf('>') + 1));
  expect(tags(after), `${what}: elements inside the widget`).to.deep.equal(tags(before));
  const changed = after.styles.flatMap((s, i) => {
    if (s === before.styles[i]) return [];
    const a = before.styles[i].split('; ');
    const b = s.split('; ');
    return [`${s.slice(0, s.indexOf('>') + 1)} ${b.filter((x, k) => x !== a[k]).join('; ')} (was ${a.filter((x, k) => x !== b[k]).join('; ')})`];
  });
  expect(changed, `${what}: styles changed inside the widget`).to.deep.equal([]);
  const near = (x: number[] | undefined, y: number[] | undefined) =>
    (!x && !y) || (x && y && x.every((v, k) => Math.abs(v - y[k]) <= tolerance + 0.01));
  const moved = after.boxes.flatMap((b, i) => (near(b, before.boxes[i]) ? [] : [`${after.styles[i].slice(0, after.styles[i].indexOf('>') + 1)} ${b?.map((v) => v.toFixed(2))} (was ${before.boxes[i]?.map((v) => v.toFixed(2))})`]));
  expect(moved, `${what}: boxes moved inside the widget`).to.deep.equal([]);
  expect(near(after.size, before.size), `${what}: the widget's size ${after.size} (was ${before.size})`).to.equal(true);
  expect(after.text, `${what}: the text`).to.equal(before.text);
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined))));

describe('host pages', function () {
  this.timeout(45_000);
  afterEach(cleanup);

  for (const w of WIDGETS) {
    it(`are not changed by a portal’s aggressive global CSS: <${w.tag}>, ready and in error`, async () => {
      const feed = await mockFeed([{ body: baseFeed() }]);
      const missing = await mockFeed([{ status: 404, body: '' }]);
      // The container's own box is pinned by an !important inline style, which no stylesheet beats; it stands
      // in view (a chart draws only when it is seen) and away from the top left corner, where the pointer rests.
      const box = mount(widgetMarkup(w, feed) + widgetMarkup(w, missing, 'debug', 'Nội dung dự phòng'), {
        style:
          'width: 480px !important; display: block !important; float: none !important; margin: 0 !important; padding: 0 !important; border: 0 !important; position: absolute !important; left: 120px !important; top: 40px !important; transform: none !important; opacity: 1 !important; overflow: visible !important',
      });
      const els = [...box.children] as HTMLElement[];
      await settled(els);
      const before = await Promise.all(els.map(stableSnapshot));
      const style = document.createElement('style');
      style.textContent = hostileCss(classesOf(els));
      document.head.append(style);
      try {
        await nextFrame();
        const after = await Promise.all(els.map(stableSnapshot));
        els.forEach((el, i) => expectSame(before[i], after[i], `<${el.localName}> ${el.getAttribute('state')}`));
      } finally {
        style.remove();
      }
    });
  }

  it('do not change the portal: no style reaches the page’s own elements, even with the same class names', async () => {
    // The page's own elements, named like the widgets' insides, rendered before any widget exists.
    const probe = mount('', { id: 'portal' });
    const feed = await mockFeed([{ body: baseFeed() }]);
    const widgets = mount(WIDGETS.map((w) => widgetMarkup(w, feed)).join(''));
    await settled([...widgets.children]);
    const classes = classesOf([...widgets.children]);
    widgets.remove();
    const tags = ['div', 'p', 'span', 'ul', 'li', 'a', 'code', 'button', 'table', 'td', 'h2', 'h3', 'section'];
    probe.innerHTML = tags
      .map((t) => `<${t} class="${classes.join(' ')}" part="base bar" role="status" href="#">Cổng thông tin ${t}</${t}>`)
      .join('') + classes.map((c) => `<div class="${c}">${c}</div>`).join('');
    const animated = document.createElement('div');
    animated.style.animation = 'tiendo-shimmer 1s linear infinite';
    probe.append(animated);
    const page = () => [...probe.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      return `${el.localName}.${el.className} ${PROPS.map((p) => cs.getPropertyValue(p)).join('|')} ${el.getBoundingClientRect().height}`;
    });
    const sheets = { styleSheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length, head: document.head.children.length };
    const roots = [document.documentElement, document.body].map((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
    const before = page();
    // Now every element, in every state, on the same page.
    const missing = await mockFeed([{ status: 404, body: '' }]);
    const box = mount(
      WIDGETS.map((w) => widgetMarkup(w, feed) + widgetMarkup(w, missing, 'debug') + widgetMarkup(w, feed, 'lang="en" show-sentence')).join(''),
    );
    await settled([...box.children] as HTMLElement[]);
    await nextFrame();
    expect(page()).to.deep.equal(before);
    expect({ styleSheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length, head: document.head.children.length }).to.deep.equal(sheets);
    expect([document.documentElement, document.body].map((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '))).to.deep.equal(roots);
    // The widgets' @keyframes stay in their shadow roots.
    expect(animated.getAnimations()).to.have.length(0);
    for (const name of ['--tiendo-color-text', '--tiendo-padding']) {
      expect(getComputedStyle(document.documentElement).getPropertyValue(name), name).to.equal('');
    }
  });

  /** Opens `body` as a page (standards mode unless `quirks`) that loads the built script, and waits for the widgets. */
  async function page(body: string, { quirks = false, head = '' } = {}): Promise<HTMLIFrameElement> {
    const html = `${quirks ? '' : '<!doctype html>'}<html lang="vi"><head><meta charset="utf-8">
<script src="/test/hostile/csp-report.js"></script>${head}</head><body>${body}</body></html>`;
    const url = await mockFeed([{ body: html, type: 'text/html' }]);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:600px;height:900px;border:0';
    frame.src = url;
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    return frame;
  }

  async function widgetsOf(frame: HTMLIFrameElement): Promise<HTMLElement[]> {
    const doc = frame.contentDocument!;
    const els = WIDGETS.map((w) => doc.querySelector<HTMLElement>(w.tag)!);
    await until(() => els.every((el) => el.getAttribute('state') === 'ready'), 'every widget ready', 10_000);
    await new Promise((r) => setTimeout(r, 100));
    return els;
  }

  const errorsOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { __errors: string[] }).__errors;

  it('render the same on an old page in quirks mode (no doctype)', async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    const body = `<script type="module" src="/dist/tiendo.js"></script>${WIDGETS.map((w) => `<div style="width:480px">${widgetMarkup(w, feed)}</div>`).join('')}`;
    const standards = await page(body);
    const quirks = await page(body, { quirks: true });
    try {
      expect(standards.contentDocument!.compatMode).to.equal('CSS1Compat');
      expect(quirks.contentDocument!.compatMode).to.equal('BackCompat');
      const [a, b] = [await widgetsOf(standards), await widgetsOf(quirks)];
      // Each page looked at in view, as a reader would: WebKit holds back requestAnimationFrame in a
      // frame scrolled out of view, and the chart's drawing (an animation) waits for it there.
      const inView = (frame: HTMLIFrameElement, els: HTMLElement[]) => {
        frame.scrollIntoView();
        return Promise.all(els.map(stableSnapshot));
      };
      const sa = await inView(standards, a);
      const sb = await inView(quirks, b);
      // Quirks mode computes line boxes holding only an inline-block without the strut: half a pixel at most here.
      a.forEach((el, i) => expectSame(sa[i], sb[i], `<${el.localName}> in quirks mode`, 1));
      expect(errorsOf(quirks)).to.deep.equal([]);
    } finally {
      standards.remove();
      quirks.remove();
    }
  });

  it('work on a page whose old libraries extend Object.prototype and Array.prototype', async () => {
    const feed = await mockFeed([{ body: baseFeed() }]);
    // As Prototype.js and MooTools once did: enumerable additions that break careless for…in loops.
    const head = '<script src="/test/hostile/old-library.js"></script>';
    const body = `<script type="module" src="/dist/tiendo.js"></script>${WIDGETS.map((w) => `<div style="width:480px">${widgetMarkup(w, feed)}</div>`).join('')}`;
    const clean = await page(body);
    const old = await page(body, { head });
    try {
      expect((old.contentWindow as unknown as { __oldLibrary: boolean }).__oldLibrary).to.equal(true);
      const [a, b] = [await widgetsOf(clean), await widgetsOf(old)];
      a.forEach((el, i) => expect(visibleText(b[i]), `<${el.localName}>`).to.equal(visibleText(el)));
      expect(errorsOf(old)).to.deep.equal([]);
    } finally {
      clean.remove();
      old.remove();
    }
  });

  it('are harmless when the script is loaded twice, under two URLs, before and after the widgets render', async () => {
    const feed = await mockFeed([{ body: baseFeed(), delay: 50 }]);
    const frame = await page(
      `<script type="module" src="/dist/tiendo.js"></script>
       <script type="module" src="/dist/tiendo.js?copy=2"></script>
       <script type="module" src="/dist/tiendo.js"></script>
       ${WIDGETS.map((w) => widgetMarkup(w, feed)).join('')}`,
    );
    try {
      const win = frame.contentWindow as Window & typeof globalThis;
      const warnings: string[] = [];
      const warn = win.console.warn;
      win.console.warn = (...a: unknown[]) => {
        warnings.push(a.map(String).join(' '));
        warn.apply(win.console, a);
      };
      const els = await widgetsOf(frame);
      const defined = WIDGETS.map((w) => win.customElements.get(w.tag));
      // A third copy, added once the widgets are on screen, changes nothing either.
      const late = frame.contentDocument!.createElement('script');
      late.type = 'module';
      late.src = '/dist/tiendo.js?copy=3';
      const loaded = new Promise((r) => late.addEventListener('load', r, { once: true }));
      frame.contentDocument!.head.append(late);
      await loaded;
      const more = frame.contentDocument!.createElement('div');
      more.innerHTML = WIDGETS.map((w) => widgetMarkup(w, feed)).join('');
      frame.contentDocument!.body.append(more);
      await until(() => [...more.children].every((el) => el.getAttribute('state') === 'ready'), 'the later widgets ready');
      const copies = win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/dist/tiendo.js'));
      expect(copies.map((e) => new URL(e.name).search).sort()).to.deep.equal(['', '?copy=2', '?copy=3']);
      expect(WIDGETS.map((w) => win.customElements.get(w.tag))).to.deep.equal(defined);
      [...more.children].forEach((el, i) => expect(visibleText(el)).to.equal(visibleText(els[i])));
      expect(await requestCount(feed), 'one request for the page').to.equal(1);
      expect(warnings, 'no warning for copies of the same version').to.deep.equal([]);
      expect(errorsOf(frame)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
