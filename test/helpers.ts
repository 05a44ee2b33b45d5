/** Shared helpers for the browser tests: mounting, waiting for a state, reading what is shown, axe, mock feeds. */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';

const mounted: HTMLElement[] = [];

/** Mounts markup in a fresh container attached to the document. Removed by {@link cleanup}. */
export function mount(markup: string, attrs: Record<string, string> = {}): HTMLElement {
  const box = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) box.setAttribute(k, v);
  box.innerHTML = markup;
  document.body.append(box);
  mounted.push(box);
  return box;
}

export function cleanup(): void {
  for (const box of mounted.splice(0)) box.remove();
}

/** Resolves when `check` is true, polling each frame; rejects with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the element reflects `state` (and has rendered it). */
export async function untilState(el: Element, state: string, ms = 10_000): Promise<void> {
  await until(() => el.getAttribute('state') === state, `<${el.localName}> state=${state} (is ${el.getAttribute('state')})`, ms);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/**
 * The text a sighted reader sees inside the widget, whitespace folded: the flat
 * tree (slotted fallback included), without what is hidden or visually hidden.
 */
export function visibleText(el: Element): string {
  const out: string[] = [];
  // Realm-neutral checks, so that the helper also reads widgets inside an iframe.
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(node.textContent ?? '');
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const style = element.ownerDocument.defaultView!.getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath === 'inset(50%)') return;
    if (element.localName === 'slot') return (element as HTMLSlotElement).assignedNodes({ flatten: true }).forEach(walk);
    if (element.localName === 'script' || element.localName === 'style') return;
    (element.shadowRoot ?? element).childNodes.forEach(walk);
    if (style.display !== 'inline') out.push(' ');
  };
  walk(el.shadowRoot!.querySelector('[part~="base"]')!);
  return out.join('').replace(/\s+/g, ' ').trim();
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

let axeLoaded: Promise<void> | undefined;

/** Runs axe-core (WCAG 2.1 A/AA) on `el`, shadow DOM included, and fails with every violation. */
export async function expectAccessible(el: Element): Promise<void> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(s);
  });
  await axeLoaded;
  const axe = (window as unknown as { axe: { run: (el: Element, o: object) => Promise<AxeResults> } }).axe;
  const results = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

/** Runs axe-core on a whole document (e.g. a demo page in an iframe), loading axe into it. */
export async function expectAccessibleDocument(doc: Document): Promise<void> {
  const win = doc.defaultView as Window & { axe?: { run: (el: Document, o: object) => Promise<AxeResults> } };
  if (!win.axe) {
    await new Promise<void>((resolve, reject) => {
      const s = doc.createElement('script');
      s.src = '/node_modules/axe-core/axe.min.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('axe-core did not load'));
      doc.head.append(s);
    });
  }
  const results = await win.axe!.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

/** Loads `url` in an iframe of the given size and resolves once it has loaded. */
export async function openPage(url: string, width = 1024, height = 800): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0`;
  frame.src = url;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame;
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

export interface MockStep {
  status?: number;
  body?: unknown;
  type?: string;
  delay?: number;
  hang?: boolean;
  /** Extra response headers (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Sends the body `bytes` at a time, one piece every `every` ms. */
  drip?: { bytes: number; every: number };
  /** Destroys the connection before any byte, or after the headers and half the body. */
  reset?: 'before' | 'mid-body';
  /** Answers with this step for `hold` ms after its first use, however many requests come. */
  hold?: number;
}

let mockSeq = 0;

/** Configures a mock feed server (see mock-feeds.mjs) and returns its URL. */
export async function mockFeed(steps: MockStep[]): Promise<string> {
  const key = `m${Date.now().toString(36)}${mockSeq++}`;
  await fetch(`/__mock/${key}`, { method: 'POST', body: JSON.stringify({ steps }) });
  return `/__mock/${key}`;
}

/** How many requests the mock at `url` has received. */
export async function requestCount(url: string): Promise<number> {
  return (await mockStats(url)).count;
}

/** Requests received, and how many of them the client abandoned before the answer. */
export async function mockStats(url: string): Promise<{ count: number; aborted: number }> {
  const res = await fetch(url.replace('/__mock/', '/__mock-count/'));
  return (await res.json()) as { count: number; aborted: number };
}

/** How many answers of the mock at `url` are still being sent (a connection some client left open). */
export async function mockOpen(url: string): Promise<number> {
  const res = await fetch(url.replace(/\?.*$/, '').replace('/__mock/', '/__mock-open/'));
  return ((await res.json()) as { open: number }).open;
}

/** The demo's national + provinces feed and one-province feed, as served to the widgets. */
export const FEED = '/demo/feeds/de-an-06.json';
export const ONE_PROVINCE_FEED = '/demo/feeds/nghe-an.json';

export async function loadJson(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(url)).json()) as Record<string, unknown>;
}

/** Turns forced colours on or off (Chromium: the test runner's CDP command); false where the driver cannot. */
export async function forcedColours(active: boolean): Promise<boolean> {
  try {
    return (await executeServerCommand('tiendo-forced-colors', { active })) === true;
  } catch {
    return false;
  }
}
