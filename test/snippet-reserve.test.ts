/**
 * The plain snippet of `tiendo snippet` keeps the page still (issue 19, CLS): its reserve line holds the
 * widget's ready height, estimated from the feed without a browser (src/snippet/reserve.ts), from the first
 * paint (the tag not yet defined, its fallback text inline) through loading to the figures.
 *
 * The snippet is written by the tool's own code (writeSnippet, what `tiendo snippet` prints; the chunk hints
 * left out), pasted into a page of the first-paint bench's shape (16 px margins, a column at most 760 px
 * wide) in a frame 360 or 1200 px wide, so the media rules of that viewport apply. The widget's box is read
 * before the script is added, once the element has drawn its loading state, and after the figures are
 * drawn (two frames later: the table adds its scroll hint a frame after its rows).
 */
import { expect } from '@esm-bundle/chai';
import type { Feed } from '../src/feed/types.js';
import { writeSnippet } from '../src/snippet/write-snippet.js';
import { until } from './helpers.js';

interface Case {
  feed: string;
  tag: string;
  province?: string;
  metric?: string;
}

const CASES: Case[] = [
  { feed: '/demo/feeds/minh-hoa-34.json', tag: 'tiendo-progress' },
  { feed: '/demo/feeds/minh-hoa-34.json', tag: 'tiendo-kpi', metric: 'on-time' },
  { feed: '/demo/feeds/minh-hoa-34.json', tag: 'tiendo-kpi', province: 'tuyen-quang', metric: 'residence-online' },
  { feed: '/demo/feeds/minh-hoa-34.json', tag: 'tiendo-province-table' },
  { feed: '/demo/feeds/de-an-06.json', tag: 'tiendo-progress', province: 'nghe-an' },
  { feed: '/demo/feeds/de-an-06.json', tag: 'tiendo-kpi', metric: 'online-dossiers' },
];

/** How far the box may move: the estimate's rounding and a font's few px, never a line of text (19–24 px). */
const FEW_PX = 4;
/**
 * The estimate counts lines with DejaVu Sans's character widths (src/snippet/reserve.ts), the widest common
 * font. Where the widget's font is narrower (WebKitGTK picks Liberation Sans from the widget's font list on
 * this machine, as Arial, Roboto or San Francisco on readers' devices) a text near a column's end takes a line
 * fewer than counted: the widget may end up to two lines of text (2 × 24 px) shorter, never taller.
 */
const NARROW_FONT_SLACK = 2 * 24;

const nextFrame = (win: Window) => new Promise((resolve) => win.requestAnimationFrame(resolve));

/** The snippet as `tiendo snippet` writes it for `c`, with the feed at its test address. */
async function snippetOf(c: Case): Promise<string> {
  const feed = (await (await fetch(c.feed)).json()) as Feed;
  const { html } = await writeSnippet(feed, { tag: c.tag, province: c.province, metric: c.metric, src: c.feed, base: '/tiendo/', lang: 'vi' });
  return html;
}

/** The widget's border-box height before the script, while loading and when ready, in a frame `width` px wide. */
async function heights(snippet: string, width: number): Promise<{ before: number; loading: number; ready: number; advance: number; moved: number; style: boolean }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0`;
  document.body.append(frame);
  try {
    const doc = frame.contentDocument!;
    // The script line is left out here and added below, from the test's sources; the page is the bench's.
    const lines = snippet.split('\n').filter((l) => !l.startsWith('<script') && !l.startsWith('<link'));
    doc.open();
    doc.write(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;padding:16px;font:16px/1.5 system-ui,sans-serif;color:#1f2328}main{max-width:760px;margin:auto}main>*+*{margin-top:16px}</style>
</head><body><main><h1>Tiến độ thực hiện Đề án 06</h1><p>Số liệu cập nhật hằng tháng.</p>
${lines.join('\n')}
<p id="after">Nguồn: báo cáo của các tỉnh, thành phố.</p></main></body></html>`);
    doc.close();
    const win = frame.contentWindow as Window & typeof globalThis;
    const el = doc.querySelector('main > [src]') as HTMLElement;
    const after = doc.getElementById('after')!;
    const box = () => el.getBoundingClientRect().height;
    const before = box();
    const afterTop = after.getBoundingClientRect().top;
    // The feed waits until the loading state has been read.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const fetchFeed = win.fetch.bind(win);
    win.fetch = (async (...args: Parameters<typeof fetch>) => {
      await held;
      return fetchFeed(...args);
    }) as typeof fetch;
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = new URL('../src/index.ts', import.meta.url).href;
    doc.head.append(script);
    await until(() => Boolean(el.shadowRoot?.querySelector('[part~="base"]')), 'the loading state', 20_000);
    await nextFrame(win);
    const loading = box();
    answer();
    await until(() => el.getAttribute('state') === 'ready', 'ready', 20_000);
    await nextFrame(win);
    await nextFrame(win);
    const ready = box();
    // The average width of a character of the widget's font (text as in its footer), in em.
    const ctx = doc.createElement('canvas').getContext('2d')!;
    ctx.font = `100px ${win.getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).fontFamily}`;
    const sample = 'Nguồn: Số liệu minh họa do tiendo tạo cho trang mẫu · Số liệu tính đến ngày 31/10/2025';
    const advance = ctx.measureText(sample).width / 100 / [...sample].length;
    return { before, loading, ready, advance, moved: after.getBoundingClientRect().top - afterTop, style: Boolean(doc.querySelector('main > style')) };
  } finally {
    frame.remove();
  }
}

describe("tiendo snippet's reserve line: the widget's box does not move from first paint to its figures", function () {
  this.timeout(120_000);
  for (const width of [360, 1200]) {
    for (const c of CASES) {
      const name = `${c.tag}${c.province ? ` province=${c.province}` : ''}${c.metric ? ` metric=${c.metric}` : ''} (${c.feed.split('/').pop()})`;
      it(`${width} px: ${name}`, async () => {
        const snippet = await snippetOf(c);
        expect(snippet, 'the snippet reserves a height').to.match(new RegExp(`<style>${c.tag}:not\\(\\[state=ready\\]\\)\\{display:block;min-height:`));
        const h = await heights(snippet, width);
        const said = `before the script ${h.before} px, loading ${h.loading} px, ready ${h.ready} px (font ${h.advance.toFixed(3)} em a character)`;
        expect(h.style, 'the reserve line is in the page').to.equal(true);
        expect(h.ready, said).to.be.above(100);
        // From first paint to the loading state (the element defined, its fallback text in view): not a pixel.
        expect(Math.abs(h.loading - h.before), said).to.be.below(1);
        // The estimate's font (DejaVu Sans, 0.52 em): a few px. A narrower font: shorter by two lines at most, never taller.
        const shorter = h.advance < 0.5 ? NARROW_FONT_SLACK : 0;
        expect(h.ready - h.before, said).to.be.at.most(FEW_PX);
        expect(h.before - h.ready, said).to.be.at.most(FEW_PX + shorter);
        // The page's paragraph after the widget moves as far as the widget's box, no more.
        expect(Math.abs(h.moved - (h.ready - h.before)), `${said}; the paragraph after it moved ${h.moved} px`).to.be.below(1);
      });
    }
  }

  it('without the reserve line (--no-reserve) the tag is inline text before the script: the check above would see it move', async () => {
    const feed = (await (await fetch(CASES[0].feed)).json()) as Feed;
    const { html } = await writeSnippet(feed, { tag: 'tiendo-progress', src: CASES[0].feed, base: '/tiendo/', lang: 'vi', noReserve: true });
    expect(html).not.to.contain('<style>');
    const h = await heights(html, 360);
    expect(h.ready - h.before, `before ${h.before} px, ready ${h.ready} px`).to.be.above(100);
    expect(h.moved, 'the paragraph after it moved down').to.be.above(100);
  });

  it("a table's own skeleton (a tag written by hand, no reserve line) is no taller than a short table and closer to a long one than before (16em)", async () => {
    for (const width of [360, 1200]) {
      const short = await heights('<tiendo-province-table src="/demo/feeds/de-an-06.json"></tiendo-province-table>', width);
      const long = await heights('<tiendo-province-table src="/demo/feeds/minh-hoa-34.json"></tiendo-province-table>', width);
      const said = `${width} px: skeleton ${short.loading} px; ready: 4 provinces ${short.ready} px, 34 provinces ${long.ready} px`;
      expect(short.ready, said).to.be.at.least(short.loading - 1);
      expect(long.loading, said).to.be.above(16 * 16 + 34);
    }
  });
});
