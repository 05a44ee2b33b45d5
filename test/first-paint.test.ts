/**
 * Figures at first paint (issue 19). No layout shift by default: while a widget loads, its skeleton reserves the height the
 * seed feed's progress bars and KPI tiles take when ready, on a desktop column (720 px) and on a
 * phone (a 360 px page, where the words wrap): the tile never shrinks when its figures arrive, and
 * grows by a line at most. Each case runs in a frame of its own width, so the phone's media rules apply.
 */
import { expect } from '@esm-bundle/chai';
import type { PropertyValues } from 'lit';
import { cleanup, mockFeed, mount, until } from './helpers.js';
import { subscribeFeed } from '../src/index.js';
import { TiendoProgress } from '../src/progress/tiendo-progress.js';

const WIDGETS = [
  '<tiendo-progress src="/demo/feeds/de-an-06.json" province="nghe-an"></tiendo-progress>',
  '<tiendo-progress src="/demo/feeds/de-an-06.json" province="ha-tinh"></tiendo-progress>',
  '<tiendo-kpi src="/demo/feeds/de-an-06.json" metric="on-time"></tiendo-kpi>',
  '<tiendo-kpi src="/demo/feeds/de-an-06.json" metric="online-services"></tiendo-kpi>',
  '<tiendo-kpi src="/demo/feeds/de-an-06.json" province="vinh-phuc" metric="passport-online"></tiendo-kpi>',
];

interface Frame {
  el: HTMLElement;
  win: Window & typeof globalThis;
  /** Lets the held feed requests go. */
  answer: () => void;
  remove: () => void;
}

/** `markup` in a frame `width` px wide with the library loaded; the feed requests wait for `answer()`. */
async function framed(markup: string, width: number, before?: (win: Window & typeof globalThis) => void): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0`;
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><html lang="vi"><body style="margin:0">${markup}</body></html>`);
  doc.close();
  const el = doc.body.firstElementChild as HTMLElement;
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const win = frame.contentWindow as Window & typeof globalThis;
  const fetch = win.fetch.bind(win);
  win.fetch = (async (...args: Parameters<typeof fetch>) => {
    await held;
    return fetch(...args);
  }) as typeof fetch;
  before?.(win);
  // The library is defined in this frame's own registry, through the page's script (src/tiendo.ts, which
  // also loads the locale's data while the library arrives): its first render is the loading state.
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = new URL('../src/tiendo.ts', import.meta.url).href;
  doc.head.append(script);
  await until(() => Boolean(el.shadowRoot?.querySelector('[part~="base"]')), 'the first render');
  return { el, win, answer, remove: () => frame.remove() };
}

/** The widget's height while it loads and once ready, in a page `width` px wide. */
async function heights(markup: string, width: number): Promise<[number, number]> {
  const { el, answer, remove } = await framed(markup, width);
  try {
    const loading = el.getBoundingClientRect().height;
    answer();
    await until(() => el.getAttribute('state') === 'ready', 'ready');
    return [loading, el.getBoundingClientRect().height];
  } finally {
    remove();
  }
}

describe('the skeleton reserves the ready height (no layout shift by default)', function () {
  this.timeout(60_000);
  for (const width of [720, 360]) {
    for (const markup of WIDGETS) {
      it(`${width} px: ${markup.slice(0, markup.indexOf('>') + 1)}`, async () => {
        const [loading, ready] = await heights(markup, width);
        expect(ready, `ready ${ready} px, skeleton ${loading} px: the tile does not shrink`).to.be.at.least(loading - 1);
        expect(ready - loading, `ready ${ready} px, skeleton ${loading} px: it grows by less than two lines`).to.be.at.most(40);
      });
    }
  }
});

describe("the first formatters are built while the feed downloads (the page's script, src/tiendo.ts)", () => {
  it('makes the vi-VN number and date formatters before the feed has answered', async () => {
    const made: string[] = [];
    const { el, answer, remove } = await framed(WIDGETS[2], 720, (win) => {
      for (const name of ['NumberFormat', 'DateTimeFormat'] as const) {
        const Real = win.Intl[name] as unknown as new (...a: unknown[]) => object;
        win.Intl[name] = new Proxy(Real, {
          construct(target, args) {
            made.push(`${name} ${String(args[0])}`);
            return Reflect.construct(target, args);
          },
        }) as never;
      }
    });
    try {
      await until(() => made.includes('NumberFormat vi-VN') && made.includes('DateTimeFormat vi-VN'), 'number and date formatters made');
      expect(el.getAttribute('state'), 'the feed is still on its way').not.to.equal('ready');
      expect(made).to.include.members(['NumberFormat vi-VN', 'DateTimeFormat vi-VN']);
      answer();
      await until(() => el.getAttribute('state') === 'ready', 'ready');
    } finally {
      remove();
    }
  });
});

describe('a tag with fallback text (what a snippet writes: the current figures)', () => {
  it('keeps it in view while the feed loads, in the reserved height, then shows the figures', async () => {
    const markup = '<tiendo-kpi src="/demo/feeds/de-an-06.json" metric="on-time">Hồ sơ đúng hạn: 74.336/74.587 (99,66%)</tiendo-kpi>';
    const { el, answer, remove } = await framed(markup, 720);
    try {
      const base = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part~="skeleton"]'), 'no skeleton over the figures').to.equal(null);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.contain('74.336/74.587');
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el.firstChild!);
      expect(range.getBoundingClientRect().height, 'the fallback is shown').to.be.above(0);
      const loading = el.getBoundingClientRect().height;
      answer();
      await until(() => el.getAttribute('state') === 'ready', 'ready');
      expect(el.shadowRoot!.querySelector('slot'), 'the live figures replace it').to.equal(null);
      expect(el.getBoundingClientRect().height - loading, 'the reserved height held').to.be.within(-1, 40);
    } finally {
      remove();
    }
  });
});

describe('twelve widgets on one feed', () => {
  it('get the answer in tasks of their own, not in one long task (issue 19)', async () => {
    const url = new URL(await mockFeed([{ body: await (await fetch('/demo/feeds/de-an-06.json')).text() }]), location.href).href;
    const seen: number[] = [];
    /** How many had the answer when the first one's task ended (its microtasks run before any other task). */
    let afterFirst = -1;
    const stops = Array.from({ length: 12 }, (_, i) =>
      subscribeFeed(url, {}, () => {
        seen.push(i);
        if (seen.length === 1) queueMicrotask(() => (afterFirst = seen.length));
      }),
    );
    try {
      await until(() => seen.length === 12, 'twelve answers');
      expect(afterFirst, 'the first task handed the answer to one widget only').to.equal(1);
      expect(seen).to.deep.equal([...Array(12).keys()]);
    } finally {
      stops.forEach((stop) => stop());
    }
  });
});

describe('a page of widgets draws in turns (issue 19: no long task)', () => {
  /** A progress bar whose every update takes 20 ms, as a slow phone takes to draw a widget. */
  class SlowProgress extends TiendoProgress {
    protected override update(changed: PropertyValues): void {
      const start = performance.now();
      while (performance.now() - start < 20) {
        // a slow phone
      }
      super.update(changed);
    }
  }
  if (!customElements.get('slow-progress')) customElements.define('slow-progress', SlowProgress);

  const markup = '<slow-progress value="3" total="9" unit="mô hình" label="Mô hình điểm"></slow-progress>';

  /**
   * Whether each of `els` has drawn by the end of this task: read after a long chain of microtasks,
   * which all run before the browser takes its next task (the order of tasks between engines and
   * message ports is not fixed; the microtask checkpoint is).
   */
  const drawnThisTask = async (els: Element[]) => {
    for (let i = 0; i < 200; i++) await Promise.resolve();
    return els.map((el) => Boolean(el.shadowRoot?.querySelector('[part~="base"]')));
  };

  /** A message to itself: the end of the widget work an earlier test left (a slice's end is such a message too). */
  const quiet = () =>
    new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => resolve();
      port2.postMessage(null);
    });

  beforeEach(quiet);

  it('one widget draws in the task that added it', async () => {
    const el = mount(markup).firstElementChild!;
    try {
      expect(await drawnThisTask([el])).to.deep.equal([true]);
    } finally {
      cleanup();
    }
  });

  it('six slow widgets draw a few per task, in page order, each drawn once', async () => {
    const host = document.createElement('div');
    for (let i = 0; i < 6; i++) host.insertAdjacentHTML('beforeend', markup);
    document.body.append(host);
    const els = [...host.children] as SlowProgress[];
    try {
      const first = await drawnThisTask(els);
      const count = first.filter(Boolean).length;
      expect(count, `${count} drawn in the first task (each takes 20 ms; a task stops after 30 ms)`).to.be.within(1, 2);
      expect(first, 'the first ones in the page first').to.deep.equal(els.map((_, i) => i < count));
      await Promise.all(els.map((el) => el.updateComplete));
      expect(els.every((el) => el.shadowRoot!.querySelector('[part~="base"]')), 'all drawn').to.equal(true);
      expect(els.map((el) => el.shadowRoot!.querySelectorAll('[part~="base"]').length)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    } finally {
      host.remove();
    }
  });
});

describe('a widget finishes its drawing before the browser paints', () => {
  it('a narrow table draws its scroll hint in the frame that first shows its rows, even in a busy task', async () => {
    const box = document.createElement('div');
    box.style.width = '300px';
    const el = document.createElement('tiendo-province-table');
    el.setAttribute('src', '/demo/feeds/minh-hoa-34.json');
    let hintInFirstFrame: boolean | undefined;
    el.addEventListener(
      'tiendo-load',
      () => {
        // A slow phone: the task that drew the rows is past its slice of widget work.
        const start = performance.now();
        while (performance.now() - start < 40) {
          // busy
        }
        requestAnimationFrame(() => (hintInFirstFrame ??= Boolean(el.shadowRoot!.querySelector('[part~="scroll-hint"]'))));
      },
      { once: true },
    );
    box.append(el);
    document.body.append(box);
    try {
      await until(() => hintInFirstFrame !== undefined, 'a frame after the rows');
      expect(hintInFirstFrame, 'the hint is there in the first frame with rows').to.equal(true);
    } finally {
      box.remove();
    }
  });
});
