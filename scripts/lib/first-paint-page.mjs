/**
 * The in-page halves of scripts/bench/first-paint.mjs. Each function is handed to puppeteer
 * (`evaluateOnNewDocument`, `evaluate`), so it runs in the page and uses nothing from this module.
 */

/**
 * Runs before any of the page's own script (evaluateOnNewDocument). Watches the page and keeps
 * in `window.__firstPaint` (all times in ms from navigation start, performance.now()):
 * - `inDom`: the first moment every widget's shadow content (open shadow roots, nested ones
 *   included; <style> text left out) holds each of its figure strings (`markers`, tag → strings);
 * - `visible`: the end of the first frame drawn after that (the next animation frame, then the
 *   task that follows it: the frame has been produced by then); the caller takes the later of this
 *   and first-contentful-paint, since nothing is on screen before the first paint;
 * - `cls`: the sum of every layout shift not caused by input (buffered); `shifts`, the same by what moved;
 *   `heights`, each widget's successive heights (tag → px);
 * - `tbt`: total blocking time as Lighthouse and web.dev define it: the part beyond 50 ms of every long
 *   task after first-contentful-paint (a task under way at that paint counts from it), to the end;
 *   `tbtNav`, the same from navigation start (the browser's own navigation and parsing tasks, before
 *   anything is on screen, included); `longTasks`, each as [start, duration];
 * - `done`: a promise that resolves with all of it once the figures are visible, every widget has
 *   `state="ready"` and then `settle` ms have passed (late shifts and tasks count too), or rejects
 *   after `timeout` ms.
 *
 * A page with no markers (the 12-widget page) is "visible" at its first frame after every widget is ready.
 * @param {{ markers: Record<string, string[]>, tags: string[], settle: number, timeout: number }} options
 */
export function firstPaintProbe({ markers, tags, settle, timeout }) {
  const t = { inDom: undefined, visible: undefined, fcp: undefined, ready: undefined, cls: 0, shifts: {}, heights: {}, tbt: 0, tbtNav: 0, longTasks: [] };
  const tasks = [];
  Object.defineProperty(window, '__firstPaint', { value: t });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      t.cls += e.value;
      // Who moved: each source's widget (the host of its shadow root) or element, with the shift's value.
      const who = [...new Set(e.sources.map(({ node }) => (node?.getRootNode?.().host ?? node)?.localName ?? '?'))].join('+');
      t.shifts[who] = (t.shifts[who] ?? 0) + e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e);
      t.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });

  /** The text of a shadow root and of the open shadow roots inside it, without its styles. */
  const textOf = (root) => {
    let s = '';
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.parentNode.localName !== 'style') s += n.data;
      } else if (n.shadowRoot) s += textOf(n.shadowRoot);
    }
    return s;
  };
  // Each widget's heights, in order (a ResizeObserver: no layout forced): what a shift came from.
  const sized = new WeakSet();
  const sizes = new ResizeObserver((entries) => {
    for (const e of entries) {
      const list = (t.heights[e.target.localName] ??= []);
      const h = Math.round(e.borderBoxSize[0].blockSize);
      if (list.at(-1) !== h) list.push(h);
    }
  });
  const watched = new WeakSet();
  const seen = new MutationObserver(() => check());
  const watch = (node) => {
    if (node && !watched.has(node)) {
      watched.add(node);
      seen.observe(node, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['state'] });
    }
  };
  let finish;
  let fail;
  const done = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const hosts = () => tags.flatMap((tag) => [...document.querySelectorAll(tag)]);
  // A widget's figures, once there, stay: only the widgets still without them are read again.
  const found = new Set();
  const figuresIn = () =>
    Object.entries(markers).every(([tag, list]) => {
      if (found.has(tag)) return true;
      const root = document.querySelector(tag)?.shadowRoot;
      if (!root) return false;
      const text = textOf(root);
      if (!list.every((m) => text.includes(m))) return false;
      found.add(tag);
      return true;
    });
  function check() {
    const now = performance.now();
    const all = hosts();
    for (const el of all) {
      watch(el.shadowRoot);
      if (!sized.has(el)) {
        sized.add(el);
        sizes.observe(el);
      }
    }
    if (t.inDom === undefined && all.length && figuresIn()) {
      t.inDom = now;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          t.visible = performance.now();
          check();
        };
        channel.port2.postMessage(0);
      });
    }
    const present = tags.every((tag) => all.some((el) => el.localName === tag));
    if (t.ready === undefined && present && all.every((el) => el.getAttribute('state') === 'ready')) t.ready = now;
    if (t.visible !== undefined && t.ready !== undefined && finish) {
      const end = finish;
      finish = undefined;
      setTimeout(() => {
        seen.disconnect();
        sizes.disconnect();
        // The waterfall: each request's path, start and end (ms from navigation).
        const blocking = (from) => tasks.reduce((sum, e) => sum + Math.max(0, e.startTime + e.duration - Math.max(e.startTime, from) - 50), 0);
        t.tbt = blocking(t.fcp ?? 0);
        t.tbtNav = blocking(0);
        const requests = performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)]);
        end({ ...t, requests });
      }, settle);
    }
  }
  watch(document);
  // Every mutation of the page or of a watched shadow root checks at once (MutationObserver); a frame
  // checks only when a shadow root appeared that no observer watches yet (a declarative one, or one
  // attached without a mutation of the page).
  const poll = () => {
    if (hosts().some((el) => el.shadowRoot && !watched.has(el.shadowRoot))) check();
    if (finish && (t.inDom === undefined || t.ready === undefined)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  setTimeout(() => {
    if (finish) fail(new Error(`not done in ${timeout} ms: ${JSON.stringify({ ...t, states: hosts().map((el) => el.getAttribute('state')) })}`));
  }, timeout);
  Object.defineProperty(window, '__firstPaintDone', { value: done });
}

/**
 * Runs in the plain page once every widget is ready: each widget as static HTML (its tag, its
 * attributes, and its shadow root as declarative shadow DOM with its adopted style sheets as one
 * <style>, each sheet's source text where it has one, see `sheetText`; nested open shadow roots the same way; Lit's comments dropped; the light DOM, hidden
 * behind the shadow root, left out), the page's own adopted sheets as one <style>, and each
 * widget's figure strings: the first, middle and last of the percentages and grouped numbers
 * ("36,0%", "4.222.575") its ready content shows.
 * @param {string[]} tags
 */
export function serializeWidgets(tags) {
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const value = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  // A sheet's source text where Lit made it from one (its CSSResult), comments and line breaks taken out as
  // the CLI's prerender does: the browser's own serialisation (cssRules) writes `all: initial` as every
  // longhand, two and a half times the bytes, which would make the physical limit heavier than (c).
  const results = new Map(tags.flatMap((tag) => (customElements.get(tag)?.elementStyles ?? []).map((r) => [r.styleSheet, r.cssText])));
  const compact = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ').trim();
  const sheetText = (sheet) => (results.has(sheet) ? compact(results.get(sheet)) : [...sheet.cssRules].map((r) => r.cssText).join('\n'));
  const sheets = (list) => list.map(sheetText).join('\n');
  const attrs = (el) => [...el.attributes].map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${value(a.value)}"`)).join('');
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.parentNode.localName === 'style' ? n.data : text(n.data);
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const name = n.localName;
    const open = `<${name}${attrs(n)}>`;
    if (VOID.has(name)) return open;
    const kids = name === 'template' ? n.content.childNodes : n.childNodes;
    return `${open}${n.shadowRoot ? shadow(n.shadowRoot) : ''}${[...kids].map(node).join('')}</${name}>`;
  };
  const shadow = (root) => {
    const style = root.adoptedStyleSheets.length ? `<style>${sheets(root.adoptedStyleSheets)}</style>` : '';
    return `<template shadowrootmode="open">${style}${[...root.childNodes].map(node).join('')}</template>`;
  };
  const textOf = (root) => {
    let s = '';
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.parentNode.localName !== 'style') s += n.data;
      } else if (n.shadowRoot) s += textOf(n.shadowRoot);
    }
    return s;
  };
  const widgets = {};
  const markers = {};
  for (const tag of tags) {
    const el = document.querySelector(tag);
    widgets[tag] = `<${tag}${attrs(el)}>${shadow(el.shadowRoot)}</${tag}>`;
    // Figures as the reader sees them: percentages and numbers with thousands separators (not dates, codes or years).
    const numbers = textOf(el.shadowRoot).match(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?%/g) ?? [];
    markers[tag] = [...new Set([numbers[0], numbers[Math.floor(numbers.length / 2)], numbers.at(-1)])].filter(Boolean);
  }
  return { widgets, markers, pageStyle: sheets(document.adoptedStyleSheets) };
}
