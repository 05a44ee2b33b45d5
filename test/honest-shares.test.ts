/**
 * Shares at the edges (SPEC "Figures that never mislead", issue 17): 1.999 of 2.000 models,
 * 149.999 of 150.000 files and 1 of 1.000.000 are never shown as 100% or 0%, in the chart
 * (its data table, its tooltip, its sentence; across provinces and over time), the map (tile,
 * tile label, legend, data table; its sentence names places, not figures) and the province table (on screen, sentence, CSV),
 * in Vietnamese and English. Whole and nothing still read 100% and 0%.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { chartOf } from '../src/chart/chart-renderer.js';
import { cleanup, mount, part, until, untilState, visibleText } from './helpers.js';

type Json = Record<string, unknown>;
type Lang = 'vi' | 'en';

/** Four provinces: all but one, one of a million, all, none (models and the metric `m`). */
const EDGES: Json = {
  version: 1,
  asOf: '2024-06-30',
  metrics: [{ id: 'm', name: 'Hồ sơ đúng hạn', unit: 'hồ sơ' }],
  provinces: [
    { id: 'nghe-an', code: '40', name: 'Nghệ An', models: { total: 2000, completed: 1999, inProgress: 1 }, metrics: { m: { value: 149999, total: 150000 } } },
    { id: 'ha-tinh', code: '42', name: 'Hà Tĩnh', models: { total: 1000000, completed: 1, inProgress: 5 }, metrics: { m: { value: 1, total: 1000000 } } },
    { id: 'ca-mau', code: '96', name: 'Cà Mau', models: { total: 10, completed: 10 }, metrics: { m: { value: 10, total: 10 } } },
    { id: 'hue', code: '46', name: 'Huế', models: { total: 10, completed: 0, inProgress: 3 }, metrics: { m: { value: 0, total: 10 } } },
  ],
};

/** "> 99,9%" in the reader's format (a no-break space after the bound). */
const pc = (lang: Lang, text: string) => (lang === 'vi' ? text : text.replace(',', '.')).replace(/([<>]) /, '$1\u00a0');

/** Mounts `tag` with `feed` written inside it and waits until it is ready. */
async function inline<T extends HTMLElement>(tag: string, attrs: string, feed: Json, style = 'width:720px'): Promise<T> {
  const box = mount(`<${tag} ${attrs} style="${style}"><script type="application/json"></script></${tag}>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = box.firstElementChild as T;
  await untilState(el, 'ready', 15_000);
  return el;
}

/** Text as the eye reads it: runs of spaces folded (a no-break space kept: it binds a bound to its figure). */
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** The chart's data table: row name → its figure cells, as the eye reads them. */
function chartTable(el: Element): Record<string, string[]> {
  return Object.fromEntries(chartRows(el));
}

/** The chart's data table's rows: name (or date) and figure cells, as the eye reads them. */
function chartRows(el: Element): [string, string[]][] {
  const t = part(el, 'table') as HTMLTableElement;
  const shown = (cell: Element) => {
    const copy = cell.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden, [aria-hidden="true"]').forEach((n) => n.remove());
    return text(copy);
  };
  return [...t.tBodies[0].rows].map((r) => [shown(r.cells[0]), [...r.cells].slice(1).map(shown)]);
}

/** Hovers the bar of `name` and returns the tooltip's lines. */
async function tooltipOf(el: Element, name: string): Promise<string[]> {
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  await until(() => Boolean(chartOf(canvas)), 'the chart drawn');
  const chart = chartOf(canvas)!;
  const labels = (chart.data.labels as unknown[]).map((l) => (Array.isArray(l) ? l.join(' ') : String(l)).replace('▶', '').trim());
  const i = labels.indexOf(name);
  expect(i, `a bar for ${name} in ${labels.join(', ')}`).to.be.at.least(0);
  const bar = chart.getDatasetMeta(0).data[i] as unknown as { x: number; y: number; base: number };
  const r = canvas.getBoundingClientRect();
  // The middle of the bar (its base and its end): on the bar whatever its length.
  const horizontal = (chart.options as { indexAxis?: string }).indexAxis === 'y';
  const [x, y] = horizontal ? [(bar.x + bar.base) / 2, bar.y] : [bar.x, (bar.y + bar.base) / 2];
  canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true }));
  const tip = canvas.nextElementSibling as HTMLElement;
  expect(tip.hidden, 'the tooltip shown').to.equal(false);
  return [...tip.children].map((d) => text(d));
}

describe('edge shares: never 100% or 0% unless whole or nothing (chart, map, table; vi and en)', function () {
  this.timeout(60_000);
  afterEach(cleanup);

  for (const lang of ['vi', 'en'] as const) {
    it(`chart of a metric across provinces: its table, its tooltip and its sentence (${lang})`, async () => {
      const el = await inline('tiendo-chart', `lang="${lang}" metric="m" highlight="nghe-an"`, EDGES);
      expect(chartTable(el)).to.deep.equal({
        'Nghệ An': [pc(lang, '> 99,9%')],
        'Hà Tĩnh': [pc(lang, '< 0,1%')],
        'Cà Mau': [pc(lang, '100,0%')],
        Huế: [pc(lang, '0,0%')],
      });
      expect(await tooltipOf(el, 'Nghệ An')).to.deep.equal(['Nghệ An', `Hồ sơ đúng hạn: ${pc(lang, '> 99,9%')}`]);
      expect(await tooltipOf(el, 'Hà Tĩnh')).to.deep.equal(['Hà Tĩnh', `Hồ sơ đúng hạn: ${pc(lang, '< 0,1%')}`]);
      expect(await tooltipOf(el, 'Cà Mau')).to.deep.equal(['Cà Mau', `Hồ sơ đúng hạn: ${pc(lang, '100,0%')}`]);
      expect(text(part(el, 'sentence'))).to.equal(
        lang === 'vi'
          ? 'Cao nhất: Cà Mau (100,0%); thấp nhất: Huế (0,0%); Nghệ An: hơn 99,9% (xếp thứ 2 trên 4).'
          : 'Highest: Cà Mau (100.0%); lowest: Huế (0.0%); Nghệ An: over 99.9% (ranked 2 of 4).',
      );
    });

    it(`chart of pilot models: the completed share in its sentence, the counts in its table (${lang})`, async () => {
      const el = await inline('tiendo-chart', `lang="${lang}" highlight="ha-tinh"`, EDGES);
      const n = (x: string) => (lang === 'vi' ? x : x.replace(/\./g, ','));
      expect(chartTable(el)['Nghệ An']).to.deep.equal([n('1.999'), '1', '0']);
      expect(chartTable(el)['Hà Tĩnh']).to.deep.equal(['1', '5', n('999.994')]);
      expect(text(part(el, 'sentence'))).to.equal(
        lang === 'vi'
          ? 'Cao nhất: Cà Mau (100,0% hoàn thành); thấp nhất: Huế (0,0% hoàn thành); Hà Tĩnh: dưới 0,1% hoàn thành (xếp thứ 3 trên 4).'
          : 'Highest: Cà Mau (100.0% completed); lowest: Huế (0.0% completed); Hà Tĩnh: under 0.1% completed (ranked 3 of 4).',
      );
      const best = await inline('tiendo-chart', `lang="${lang}" highlight="nghe-an"`, EDGES);
      expect(text(part(best, 'sentence'))).to.contain(lang === 'vi' ? 'Nghệ An: hơn 99,9% hoàn thành (xếp thứ 2 trên 4)' : 'Nghệ An: over 99.9% completed (ranked 2 of 4)');
    });

    it(`chart of a rate over time: every date's figure in its table and the sentence (${lang})`, async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-30',
        metrics: [{ id: 'm', name: 'Hồ sơ đúng hạn', unit: 'hồ sơ' }],
        provinces: [
          {
            id: 'nghe-an',
            name: 'Nghệ An',
            metrics: {
              m: {
                value: 149999,
                total: 150000,
                history: [
                  { asOf: '2024-03-31', value: 1, total: 1000000 },
                  { asOf: '2024-04-30', value: 0, total: 10 },
                  { asOf: '2024-05-31', value: 10, total: 10 },
                ],
              },
            },
          },
        ],
      };
      const el = await inline('tiendo-chart', `lang="${lang}" province="nghe-an" metric="m"`, feed);
      const cells = chartRows(el).map(([, c]) => c);
      expect(cells).to.deep.equal([[pc(lang, '< 0,1%')], [pc(lang, '0,0%')], [pc(lang, '100,0%')], [pc(lang, '> 99,9%')]]);
      const said = text(part(el, 'sentence'));
      // Said for the ear: "hơn 99,9%", "dưới 0,1%".
      expect(said).to.contain(lang === 'vi' ? 'Nghệ An: hơn 99,9% ngày 30 tháng 6 năm 2024' : 'Nghệ An: over 99.9% on 30 June 2024');
      expect(said).to.contain(lang === 'vi' ? 'so với dưới 0,1% ngày 31 tháng 3 năm 2024' : 'from under 0.1% on 31 March 2024');
      expect(said).not.to.match(/\b100[,.]0%|\b0[,.]0%/);
    });

    it(`map: the tile's figure and label, the legend, the data table and the sentence (${lang})`, async () => {
      for (const attrs of ['highlight="nghe-an"', 'metric="m" highlight="nghe-an"']) {
        const el = await inline('tiendo-map', `lang="${lang}" ${attrs}`, EDGES);
        const tiles = [...el.shadowRoot!.querySelectorAll('[part~="tile"]')];
        const tile = (name: string) => tiles.find((t) => text(t.querySelector('.label')).startsWith(`${name}: `))!;
        const seen: Record<string, string> = { 'Nghệ An': '> 99,9%', 'Hà Tĩnh': '< 0,1%', 'Cà Mau': '100,0%', Huế: '0,0%' };
        for (const [name, figure] of Object.entries(seen)) {
          expect(text(tile(name).querySelector('[part~="figure"]')), `${name}'s tile (${attrs})`).to.equal(pc(lang, figure));
          expect(text(tile(name).querySelector('.label')), `${name}'s tile label`).to.equal(`${name}: ${pc(lang, figure)}`);
          // Its colour's range in the legend holds the true share (the one of a million is not in a class of 0% alone).
          const k = Number(/\bk(\d)\b/.exec(tile(name).className)![1]);
          const range = text(part(el, 'legend')!.querySelectorAll('li')[k]);
          const share = name === 'Nghệ An' ? (attrs.includes('metric') ? 149999 / 150000 : 1999 / 2000) : name === 'Hà Tĩnh' ? 1e-6 : name === 'Cà Mau' ? 1 : 0;
          const [lo, hi] = range.split(' – ').map((s) => Number(s.replace(/[<>\u00a0%]/g, '').replace(lang === 'vi' ? ',' : /(?!)/, '.')) / 100);
          expect(share, `${name} in "${range}"`).to.be.within(lo, hi);
        }
        const rows = Object.fromEntries(
          [...(part(el, 'table') as HTMLTableElement).tBodies[0].rows].map((r) => [text(r.cells[0]).replace('▶ ', ''), text(r.cells[1])]),
        );
        expect([rows['Nghệ An'], rows['Hà Tĩnh'], rows['Cà Mau'], rows['Huế']]).to.deep.equal(['> 99,9%', '< 0,1%', '100,0%', '0,0%'].map((f) => pc(lang, f)));
        // The sentence names places and the rank (each tile says its figure): Nghệ An, just short of the whole, second.
        const said = text(part(el, 'sentence'));
        expect(said).to.contain(lang === 'vi' ? 'Nghệ An xếp thứ 2 trên 4' : 'Nghệ An ranks 2 of 4');
        expect(said).not.to.match(/\d%/);
        // The one whole share on screen is Cà Mau's; the one nothing, Huế's.
        expect(visibleText(el).match(/(?<![\d.,])\S+ 100[,.]0%/g)).to.deep.equal([`Mau ${pc(lang, '100,0%')}`]);
        expect(visibleText(el).match(/\S+ 0[,.]0%/g)).to.deep.equal([`Huế ${pc(lang, '0,0%')}`]);
      }
    });

    it(`map: figures all just short of the whole, or just above nothing, never read 100% or 0% (${lang})`, async () => {
      const near = (counts: [number, number][]) => ({
        version: 1,
        provinces: counts.map(([completed, total], i) => ({ ...(EDGES.provinces as Json[])[i], models: { total, completed } })),
      });
      const whole = await inline('tiendo-map', `lang="${lang}"`, near([[1999, 2000], [99999, 100000], [1999999, 2000000]]));
      const figures = [...whole.shadowRoot!.querySelectorAll('[part~="tile"] [part~="figure"]')].map(text).filter((f) => f !== '—');
      expect(figures).to.deep.equal([pc(lang, '> 99,9%'), pc(lang, '> 99,9%'), pc(lang, '> 99,9%')]);
      expect(text(part(whole, 'sentence'))).not.to.match(/(?<![\d.,])100[,.]0%/);
      const none = await inline('tiendo-map', `lang="${lang}"`, near([[1, 1000000], [2, 1000000], [5, 1000000]]));
      const small = [...none.shadowRoot!.querySelectorAll('[part~="tile"] [part~="figure"]')].map(text).filter((f) => f !== '—');
      expect(small).to.deep.equal([pc(lang, '< 0,1%'), pc(lang, '< 0,1%'), pc(lang, '< 0,1%')]);
      expect(text(part(none, 'sentence'))).not.to.match(/(?<![\d.,])0[,.]0%/);
      for (const el of [whole, none]) {
        for (const li of [...part(el, 'legend')!.querySelectorAll('li')].slice(0, -1)) {
          expect(text(li), 'a legend bound').not.to.match(/(?<![\d.,<>\u00a0])0%|(?<![\d.,])0[,.]0+%/);
        }
      }
    });

    it(`province table: on screen, in the sentence and in the CSV (${lang})`, async () => {
      const feed = {
        version: 1,
        metrics: [{ id: 'm', name: 'Hồ sơ' }],
        provinces: [
          { id: 'p0', name: 'Huế', models: { total: 2000, completed: 1999 }, metrics: { m: { value: 1, total: 1000000 } } },
          { id: 'p1', name: 'Cà Mau', models: { total: 2000, completed: 2000 }, metrics: { m: { value: 0, total: 10 } } },
          { id: 'p2', name: 'Đà Nẵng', models: { total: 10, completed: 0 }, metrics: { m: { value: 149999, total: 150000 } } },
        ],
      };
      const el = await inline('tiendo-province-table', `lang="${lang}" columns="rank,name,rate,m" sort="-rate" show-sentence`, feed);
      const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
      const column = (i: number) => rows.map((tr) => text(tr.cells[i]));
      expect(rows.map((tr) => text(tr.querySelector('th')))).to.deep.equal(['Cà Mau', 'Huế', 'Đà Nẵng']);
      expect(column(2)).to.deep.equal(['100,0%', '> 99,9%', '0,0%'].map((f) => pc(lang, f)));
      expect(column(3)).to.deep.equal(['0,0%', '< 0,1%', '> 99,9%'].map((f) => pc(lang, f)));
      expect(text(part(el, 'sentence'))).to.equal(lang === 'vi' ? 'Dẫn đầu về tỷ lệ hoàn thành: Cà Mau (100,0%).' : 'Top for completion rate: Cà Mau (100.0%).');
      // A file holds plain spaces; the bound stays.
      const csv = await downloadedCsv(el);
      const [sep, f] = lang === 'vi' ? [';', (x: string) => x] : [',', (x: string) => x.replace(',', '.')];
      expect(csv).to.contain(`\r\n1${sep}Cà Mau${sep}${f('100,0%')}${sep}${f('0,0%')}\r\n`);
      expect(csv).to.contain(`\r\n2${sep}Huế${sep}${f('> 99,9%')}${sep}${f('< 0,1%')}\r\n`);
      expect(csv).to.contain(`\r\n3${sep}Đà Nẵng${sep}${f('0,0%')}${sep}${f('> 99,9%')}\r\n`);
      // Led by a share just short of the whole: said "hơn 99,9%" ("over 99.9%").
      const byM = await inline('tiendo-province-table', `lang="${lang}" columns="rank,name,m" sort="m" show-sentence`, feed);
      expect(text(part(byM, 'sentence'))).to.equal(lang === 'vi' ? 'Dẫn đầu về hồ sơ (%): Đà Nẵng (hơn 99,9%).' : 'Top for hồ sơ (%): Đà Nẵng (over 99.9%).');
    });
  }
});

/** The CSV file the table's button saves, as text. */
async function downloadedCsv(el: HTMLElement): Promise<string> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return create.call(URL, b);
  };
  HTMLAnchorElement.prototype.click = () => undefined;
  try {
    part(el, 'csv')!.click();
    await until(() => blobs.length > 0, 'the CSV file', 5000);
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0].arrayBuffer());
}

describe('map legend at the edges', () => {
  afterEach(cleanup);

  // SKIPPED: a defect in src/map (helper h14's): figures all within a hundredth of a percent of each other
  // (1, 2 and 5 of a million) give five legend ranges that all read "< 0,01% – < 0,01%", so the colours
  // cannot be told apart by their key. Requested in /work/notes/requests-h17.md (legend bounds written with
  // the decimals that tell them apart, decimalsApart from src/i18n/format.ts). Unskip when it lands.
  it('writes its ranges so that each reads apart from the next, even a millionth wide (vi and en)', async () => {
    const feed = {
      version: 1,
      provinces: [[1, '40', 'Nghệ An'], [2, '42', 'Hà Tĩnh'], [5, '96', 'Cà Mau']].map(([completed, code, name]) => ({
        id: String(code),
        code,
        name,
        models: { total: 1000000, completed },
      })),
    };
    for (const lang of ['vi', 'en'] as const) {
      const el = await inline('tiendo-map', `lang="${lang}"`, feed);
      const ranges = [...part(el, 'legend')!.querySelectorAll('li')].slice(0, -1).map(text);
      expect(new Set(ranges).size, ranges.join(' | ')).to.equal(ranges.length);
      for (const r of ranges) expect(r.split(' – ')[0], r).not.to.equal(r.split(' – ')[1]);
    }
  });
});
