/**
 * `<tiendo-map>` read aloud (issue 18; SPEC, the sentence rules): one accessible path (the tiles; the table
 * only once the reader opens it, as its toggle says), each figure read once per province, counts as
 * "25 trên 31" and dates in words for the ear while the screen keeps "25/31" and "20/06/2024", and the rank
 * as "xếp thứ 5 trên 34".
 */
import { expect } from '@esm-bundle/chai';
import '../src/map/tiendo-map.js';
import type { TiendoMap } from '../src/map/tiendo-map.js';
import { cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

const F34 = '/test/fixtures/provinces-34.json';

async function map(attrs: string, inner = '', box: Record<string, string> = {}): Promise<TiendoMap> {
  const el = mount(`<tiendo-map ${attrs}>${inner}</tiendo-map>`, box).querySelector<TiendoMap>('tiendo-map')!;
  await untilState(el, 'ready');
  return el;
}

/** What assistive technology reads inside `node`: without what is aria-hidden or not rendered; visually hidden text counts. */
function spoken(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) return void out.push(n.textContent ?? '');
    if (!(n instanceof Element) || n.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden' || n.localName === 'script' || n.localName === 'style') return;
    (n.shadowRoot ?? n).childNodes.forEach(walk);
    out.push(' ');
  };
  walk(node);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** How often each figure (numbers with decimals and %) occurs in `text`. */
function counts(text: string): Map<string, number> {
  const c = new Map<string, number>();
  for (const [m] of text.matchAll(/\d+(?:[.,]\d+)*%?/g)) c.set(m, (c.get(m) ?? 0) + 1);
  return c;
}

describe('<tiendo-map> read aloud', () => {
  afterEach(cleanup);

  it('reads each province’s figure once: the table joins only when the reader opens it', async () => {
    const el = await map(`src="${F34}"`);
    const toggle = part(el, 'toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const closed = spoken(part(el, 'base')!);
    // Each tile's figure once (the sentence names the highest and the lowest, without their figures).
    for (const tile of el.shadowRoot!.querySelectorAll('[part~="tile"]')) {
      const label = spoken(tile);
      const figure = label.split(': ')[1];
      expect(label, 'a tile reads its name and figure').to.match(/^[^:]+: \d+,\d%$/);
      const times = counts(spoken(el.shadowRoot!.querySelector('[part~="map"]')!)).get(figure)!;
      const same = [...el.shadowRoot!.querySelectorAll('[part~="tile"]')].filter((t) => spoken(t).endsWith(`: ${figure}`)).length;
      expect(times, `${label}: once per tile that has it`).to.equal(same);
    }
    expect(closed).not.to.contain('Hoàn thành/tổng số mô hình');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(spoken(part(el, 'table')!)).to.contain('Nghệ An 80,6% 25 trên 31');
    await expectAccessible(el);
  });

  it('reads counts as “trên” and dates in words in the table; the screen keeps the compact forms', async () => {
    const feed = {
      version: 1,
      asOf: '2024-10-04',
      source: { name: 'Bộ Công an' },
      provinces: [
        { id: 'nghe-an', name: 'Nghệ An', asOf: '2024-05-20', models: { total: 38, completed: 6 } },
        { id: 'ha-tinh', name: 'Hà Tĩnh', models: { total: 29, completed: 17 } },
      ],
    };
    const el = await map('', `<script type="application/json">${JSON.stringify(feed)}</script>`);
    part(el, 'toggle')!.click();
    await el.updateComplete;
    const rows = [...(part(el, 'table') as HTMLTableElement).tBodies[0].rows];
    const nghean = rows.find((r) => r.cells[0].textContent!.includes('Nghệ An'))!;
    expect(spoken(nghean)).to.equal('Nghệ An 15,8% 6 trên 38 số liệu đến ngày 20 tháng 5 năm 2024');
    expect(visibleText(el)).to.contain('Nghệ An 15,8% 6/38 số liệu đến 20/05/2024');
    for (const r of rows) for (const [figure, n] of counts(spoken(r))) expect(n, `${figure} in ${spoken(r)}`).to.equal(1);
  });

  it('says the rank for the ear: “xếp thứ 5 trên 34”; English “ranks 5 of 34”', async () => {
    const vi = await map(`src="${F34}" highlight="nghe-an"`);
    expect(part(vi, 'sentence')!.textContent).to.contain('Nghệ An xếp thứ 5 trên 34');
    expect(part(vi, 'sentence')!.textContent).not.to.match(/\d\/\d/);
    const en = await map(`src="${F34}" highlight="nghe-an"`, '', { lang: 'en' });
    expect(part(en, 'sentence')!.textContent).to.contain('ranks 5 of 34');
  });
});
