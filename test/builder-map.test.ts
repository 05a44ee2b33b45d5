import { expect } from '@esm-bundle/chai';
import { openPage, until, visibleText } from './helpers.js';

/**
 * The map through the embed builder (issue 14: "the builder"), as a portal hosts it: dist/builder.html
 * served as built (`npm test` builds dist/ first). An editor chooses the map, its figure, grid and
 * highlighted province; the snippet the builder writes, pasted into a blank page, shows the same map
 * as the preview (every tile's name, figure and colour class, the highlighted tile, the legend, the
 * provinces outside the grid), in both forms: script + tag, and iframe.
 */
type Page = { frame: HTMLIFrameElement; doc: Document };

const DIST = `${location.origin}/dist/`;

async function builder(feed: string): Promise<Page> {
  const frame = await openPage(`/dist/builder.html?src=${feed}`, 1200, 1400);
  const doc = frame.contentDocument!;
  await until(() => /hợp lệ|Valid feed/.test(doc.getElementById('feed-status')!.textContent ?? ''), 'feed loaded', 8000);
  return { frame, doc };
}

function set(doc: Document, id: string, value: string): void {
  const el = doc.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  expect(el, `#${id} in the builder`).to.not.equal(null);
  el.value = value;
  expect(el.value, `#${id} offers ${value}`).to.equal(value);
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

async function ready(el: Element | null | undefined, what: string): Promise<Element> {
  await until(() => el?.getAttribute('state') === 'ready', `${what} ready`, 10_000);
  return el!;
}

const code = (doc: Document, form: 'script' | 'iframe') => doc.getElementById(`snippet-${form}`)!.textContent!;

/** A blank page holding only the pasted snippet. */
async function paste(snippet: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:900px;border:0';
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{margin:0}</style></head><body>${snippet}</body></html>`;
  document.body.append(frame);
  // The iframe snippet loads lazily, as it should on a portal: keep it in view so every engine loads it.
  frame.scrollIntoView();
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentDocument!;
}

/** What a reader sees of a map: its caption, each tile (name and figure, colour class, highlight), the legend and the provinces outside. */
function mapOf(el: Element) {
  const root = el.shadowRoot!;
  const text = (n: Element | null) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    title: text(root.querySelector('[part~="title"]')),
    grid: [...root.querySelector('[part~="map"]')!.classList].find((c) => /^g\d+$/.test(c)),
    tiles: [...root.querySelectorAll('[part~="tile"]')].map(
      (t) => `${text(t.querySelector('.label'))} [${[...t.classList].find((c) => /^(k\d|none)$/.test(c))}]${t.getAttribute('aria-current') ? ' ▶' : ''}`,
    ),
    legend: [...root.querySelectorAll('[part~="legend"] li')].map(text),
    outside: [...root.querySelectorAll('[part~="outside"] li')].map(text),
    seen: visibleText(el).replace(/\s+/g, ' ').trim(),
  };
}

const cases: { name: string; feed: string; options: Record<string, string>; attrs: string; expect: (m: ReturnType<typeof mapOf>) => void }[] = [
  {
    name: 'the 34 units, pilot models (the default)',
    feed: '/demo/feeds/minh-hoa-34.json',
    options: {},
    attrs: '',
    expect: (m) => {
      expect(m.grid).to.equal('g34');
      expect(m.tiles).to.have.length(34);
      expect(m.title).to.equal('Tỷ lệ hoàn thành mô hình điểm theo tỉnh');
    },
  },
  {
    name: 'the 34 units, a metric, Hà Tĩnh highlighted, in a group',
    feed: '/demo/feeds/minh-hoa-34.json',
    options: { 'opt-metric': 'residence-online', 'opt-grid': '34', 'opt-highlight': 'ha-tinh', 'opt-group': 'trang' },
    attrs: ' metric="residence-online" grid="34" highlight="ha-tinh" group="trang"',
    expect: (m) => {
      expect(m.grid).to.equal('g34');
      expect(m.tiles.filter((t) => t.endsWith(' ▶'))).to.have.length(1);
      expect(m.tiles.find((t) => t.endsWith(' ▶'))).to.match(/^Hà Tĩnh: /);
    },
  },
  {
    name: 'a feed of the former provinces on the 63 grid, a metric, Vĩnh Phúc highlighted',
    feed: '/demo/feeds/de-an-06.json',
    options: { 'opt-metric': 'residence-online', 'opt-highlight': 'vinh-phuc' },
    attrs: ' metric="residence-online" highlight="vinh-phuc"',
    expect: (m) => {
      expect(m.grid).to.equal('g63');
      expect(m.tiles).to.have.length(63);
      expect(m.tiles.filter((t) => !t.includes('không có số liệu'))).to.have.length.above(0);
      expect(m.tiles.find((t) => t.endsWith(' ▶'))).to.match(/^Vĩnh Phúc: \d/);
    },
  },
];

describe('embed builder: the map', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const c of cases) {
    it(`round-trips the map through both snippet forms: ${c.name}`, async function () {
      // Three copies of the map load (preview, script form, iframe form): slow engines need the time.
      this.timeout(45_000);
      const { doc } = await builder(c.feed);
      const offered = [...doc.querySelectorAll<HTMLOptionElement>('#widget option')];
      expect(offered.find((o) => o.value === 'tiendo-map')?.textContent).to.equal('Bản đồ các tỉnh');
      set(doc, 'widget', 'tiendo-map');
      for (const [id, value] of Object.entries(c.options)) set(doc, id, value);
      const preview = await ready(doc.querySelector('#preview > tiendo-map'), 'preview');
      const expected = mapOf(preview);
      c.expect(expected);
      expect(expected.legend.length).to.be.at.least(2);

      // The snippet says what the editor chose, from the builder's own folder.
      const script = code(doc, 'script');
      expect(script).to.contain(`<script type="module" src="${DIST}tiendo.js"></script>`);
      expect(script).to.match(new RegExp(`<tiendo-map src="${location.origin}${c.feed}"${c.attrs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`));

      const scriptPage = await paste(script);
      const pasted = await ready(scriptPage.querySelector('tiendo-map'), 'pasted map');
      expect(mapOf(pasted)).to.deep.equal(expected);

      const iframe = code(doc, 'iframe');
      expect(iframe).to.contain(`${DIST}embed.html?widget=map&amp;`);
      const iframePage = await paste(iframe);
      const inner = iframePage.querySelector('iframe')!;
      await until(() => Boolean(inner.contentDocument?.querySelector('tiendo-map')), 'embedded map', 15_000);
      const embedded = await ready(inner.contentDocument!.querySelector('tiendo-map'), 'embedded map');
      const seen = mapOf(embedded);
      // A group links widgets of one page only: the iframe form leaves it out, and shows the same map.
      expect(seen).to.deep.equal(expected);
    });
  }
});
