/**
 * A change that rounds to nothing (SPEC "Figures that never mislead", issue 17) says "không đổi" /
 * "unchanged", never "▲ Tăng 0" / "▲ 0" / "Up 0": a count that moved by a thousandth (1.000.000,597 →
 * 1.000.000,6, both shown "1.000.000,6"), a reported rate that moved by a thousandth of a point, and
 * the same number of models completed, in the KPI, the progress bar, the province table's change
 * column and the chart over time, in Vietnamese and English.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { cleanup, mount, part, untilState, visibleText } from './helpers.js';

type Json = Record<string, unknown>;

/** A feed of one metric `m` on Nghệ An (the figure given) and on Hà Tĩnh (a real rise, for contrast). */
const metricFeed = (figure: Json): Json => ({
  version: 1,
  asOf: '2024-06-30',
  metrics: [{ id: 'm', name: 'Hồ sơ', unit: 'hồ sơ' }],
  provinces: [
    { id: 'nghe-an', name: 'Nghệ An', metrics: { m: figure } },
    { id: 'ha-tinh', name: 'Hà Tĩnh', metrics: { m: { value: 5, previous: 3 } } },
  ],
});

/** A count that moved by three thousandths; a count that moved by a fifth (shown); a rate that moved by a thousandth of a point. */
const TINY = { value: 1000000.6, history: [{ asOf: '2024-05-31', value: 1000000.597 }] };
const TINY_PREVIOUS = { value: 1000000.6, previous: 1000000.597 };
const RATE = { rate: 0.50001, history: [{ asOf: '2024-05-31', rate: 0.5 }] };

/** "Tăng 0", "▲ 0", "Up 0", "+0": a rise or fall of nothing, in any widget's words. */
const RISE_OF_NOTHING = /(tăng|giảm|up|down|[▲▼+−-])\s*0(?![\d.,])|\b(tăng|up) 0[,.]0\b/i;

async function inline<T extends HTMLElement>(tag: string, attrs: string, feed: Json): Promise<T> {
  const box = mount(`<${tag} ${attrs} style="width:700px"><script type="application/json"></script></${tag}>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = box.firstElementChild as T;
  await untilState(el, 'ready', 15_000);
  return el;
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const said = (el: Element) => text(part(el, 'sentence'));

describe('a change that rounds to nothing is "không đổi" / "unchanged" (KPI, progress, table, chart; vi and en)', function () {
  this.timeout(60_000);
  afterEach(cleanup);

  for (const lang of ['vi', 'en'] as const) {
    const w = (vi: string, en: string) => (lang === 'vi' ? vi : en);

    it(`KPI: a count that moved by thousandths, against its history and its previous figure; a rate by a thousandth of a point (${lang})`, async () => {
      const el = await inline('tiendo-kpi', `lang="${lang}" province="nghe-an" metric="m" show-sentence`, metricFeed(TINY));
      // Shown "1.000.000,6" whichever figure it is compared with: no change a reader could see.
      expect(visibleText(el)).to.contain(w('1.000.000,6 hồ sơ', '1,000,000.6 hồ sơ'));
      expect(text(part(el, 'change'))).to.equal(w('= Không đổi so với 31/05/2024', '= Unchanged since 31 May 2024'));
      expect(said(el)).to.equal(
        w('Nghệ An: 1.000.000,6 hồ sơ; không đổi so với ngày 31 tháng 5 năm 2024.', 'Hồ sơ in Nghệ An: 1,000,000.6 hồ sơ; unchanged since 31 May 2024.'),
      );
      const previous = await inline('tiendo-kpi', `lang="${lang}" province="nghe-an" metric="m" show-sentence`, metricFeed(TINY_PREVIOUS));
      expect(text(part(previous, 'change'))).to.equal(w('= Không đổi so với kỳ trước', '= Unchanged on the previous period'));
      const rate = await inline('tiendo-kpi', `lang="${lang}" province="nghe-an" metric="m" show-sentence`, metricFeed(RATE));
      expect(text(part(rate, 'change'))).to.equal(w('= Không đổi so với 31/05/2024', '= Unchanged since 31 May 2024'));
      expect(said(rate)).to.contain(w('50,00%; không đổi so với ngày 31 tháng 5 năm 2024.', '50.00%; unchanged since 31 May 2024.'));
      // A change that does not round to nothing is still said: 0,2 up.
      const shown = await inline('tiendo-kpi', `lang="${lang}" province="nghe-an" metric="m"`, metricFeed({ value: 1000000.6, previous: 1000000.4 }));
      expect(text(part(shown, 'change'))).to.equal(w('▲ Tăng 0,2 so với kỳ trước (chiều hướng tốt)', '▲ Up 0.2 on the previous period (better)'));
      for (const e of [el, previous, rate]) {
        expect(visibleText(e)).not.to.match(RISE_OF_NOTHING);
        expect(part(e, 'change')!.classList.contains('same'), 'styled as no change').to.equal(true);
      }
    });

    it(`progress: the same number of models completed, and a share that moved while the count did not (${lang})`, async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-20',
        provinces: [
          { id: 'x', name: 'Nghệ An', models: { total: 38, completed: 6, inProgress: 20, history: [{ asOf: '2024-04-30', total: 37, completed: 6, inProgress: 19 }] } },
        ],
      };
      const el = await inline('tiendo-progress', `lang="${lang}" show-sentence`, feed);
      expect(text(part(el, 'change'))).to.equal(w('Mô hình hoàn thành: không đổi so với 30/04/2024', 'Models completed: unchanged since 30 Apr 2024'));
      expect(said(el)).to.contain(w('(15,8%), không đổi so với ngày 30 tháng 4 năm 2024;', '(15.8%), unchanged since 30 April 2024;'));
      expect(visibleText(el)).not.to.match(RISE_OF_NOTHING);
    });

    it(`province table: the change column for a count moved by thousandths, and a rate moved by a thousandth of a point (${lang})`, async () => {
      // What the eye reads in a cell: a date once, the compact one (its spoken twin is for the ear).
      const seen = (cell: Element) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll('.said').forEach((n) => n.remove());
        return text(copy);
      };
      const cells = (el: Element) =>
        Object.fromEntries([...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), seen((tr as HTMLTableRowElement).cells[2])]));
      const count = await inline('tiendo-province-table', `lang="${lang}" columns="name,m,change" sort="-m"`, metricFeed(TINY_PREVIOUS));
      expect(cells(count)).to.deep.equal({
        'Nghệ An': w('không đổi so với kỳ trước', 'unchanged since the previous period'),
        'Hà Tĩnh': w('▲tăng 2 so với kỳ trước', '▲up 2 since the previous period'),
      });
      const history = await inline('tiendo-province-table', `lang="${lang}" columns="name,m,change" sort="-m"`, metricFeed(TINY));
      expect(cells(history)['Nghệ An']).to.equal(w('không đổi so với 31/05/2024', 'unchanged since 31 May 2024'));
      const rate = await inline('tiendo-province-table', `lang="${lang}" columns="name,m,change" sort="-m"`, metricFeed(RATE));
      expect(cells(rate)['Nghệ An']).to.equal(w('không đổi', 'unchanged'));
      for (const e of [count, history, rate]) {
        expect(cells(e)['Nghệ An']).not.to.match(RISE_OF_NOTHING);
        expect(cells(e)['Nghệ An']).not.to.match(/▲|▼|tăng|giảm|up|down/i);
      }
    });

    it(`chart over time: a count, a rate and the models completed that moved by nothing worth a digit (${lang})`, async () => {
      const count = await inline('tiendo-chart', `lang="${lang}" province="nghe-an" metric="m"`, metricFeed(TINY));
      expect(said(count)).to.equal(
        w('Nghệ An: 1.000.000,6 ngày 30 tháng 6 năm 2024, không đổi so với ngày 31 tháng 5 năm 2024.', 'Nghệ An: 1,000,000.6 on 30 June 2024, unchanged since 31 May 2024.'),
      );
      const rate = await inline('tiendo-chart', `lang="${lang}" province="nghe-an" metric="m"`, metricFeed(RATE));
      expect(said(rate)).to.equal(
        w('Nghệ An: 50,0% ngày 30 tháng 6 năm 2024, không đổi so với ngày 31 tháng 5 năm 2024.', 'Nghệ An: 50.0% on 30 June 2024, unchanged since 31 May 2024.'),
      );
      const models = {
        version: 1,
        asOf: '2024-06-30',
        provinces: [{ id: 'nghe-an', name: 'Nghệ An', models: { total: 38, completed: 6, inProgress: 20, history: [{ asOf: '2024-04-30', completed: 6, inProgress: 18 }] } }],
      };
      const done = await inline('tiendo-chart', `lang="${lang}" province="nghe-an"`, models);
      expect(said(done)).to.equal(
        w(
          'Nghệ An: 6 trên 38 mô hình hoàn thành ngày 30 tháng 6 năm 2024, không đổi so với ngày 30 tháng 4 năm 2024.',
          'Nghệ An: 6 of 38 models completed on 30 June 2024, unchanged since 30 April 2024.',
        ),
      );
      for (const e of [count, rate, done]) expect(said(e)).not.to.match(RISE_OF_NOTHING);
    });
  }
});
