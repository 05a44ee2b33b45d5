import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoKpi } from '../src/index.js';
import { FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';
import { expectInOrderOnOneLine } from './figure-order.js';

function kpi(box: HTMLElement): TiendoKpi {
  return box.querySelector('tiendo-kpi')!;
}

/** A KPI over a whole feed given inside the tag, ready. */
async function inline(feed: unknown, attrs = ''): Promise<TiendoKpi> {
  const box = mount(`<tiendo-kpi ${attrs}><script type="application/json"></script></tiendo-kpi>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = kpi(box);
  el.requestUpdate('src');
  await untilState(el, 'ready');
  return el;
}

/** A one-metric feed: the metric's definition and its figure on the national block. */
function oneMetric(def: Record<string, unknown>, figure: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    asOf: '2024-06-30',
    metrics: [{ id: 'm', name: 'Hồ sơ', unit: 'hồ sơ', ...def }],
    national: { metrics: { m: figure } },
    ...extra,
  };
}

const folded = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
const sentence = (el: TiendoKpi) => part(el, 'sentence')!.textContent;

describe('<tiendo-kpi>', () => {
  afterEach(cleanup);

  it('shows the Ministry’s 201.884 dossiers received online', async () => {
    const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="online-dossiers"></tiendo-kpi>`));
    await untilState(el, 'ready');
    const text = visibleText(el);
    expect(text).to.contain('Bộ Công an');
    expect(text).to.contain('Hồ sơ tiếp nhận trực tuyến');
    expect(part(el, 'value')!.textContent).to.equal('201.884');
    expect(text).to.contain('201.884 hồ sơ');
    expect(text).to.contain('6 tháng đầu năm 2022');
    expect(text).to.contain('Số liệu tính đến ngày 17/08/2022');
  });

  it('shows a count against its denominator with the rate to two decimals', async () => {
    const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="on-time"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('74.336/74.587 hồ sơ · 99,66%');
    expect(part(el, 'rate')!.textContent).to.equal('99,66%');
    // SPEC (Elements): what is read aloud is written for the ear, "74.336 trên 74.587", not "74.336/74.587".
    expect(part(el, 'sentence')!.textContent).to.equal(
      'Bộ Công an: 74.336 trên 74.587 hồ sơ trả kết quả đúng hạn, tỷ lệ 99,66% (6 tháng đầu năm 2022).',
    );
  });

  it('shows Vĩnh Phúc’s residence and passport dossiers, and 9 of 11 services', async () => {
    const box = mount(`
      <tiendo-kpi src="${FEED}" province="vinh-phuc" metric="residence-online"></tiendo-kpi>
      <tiendo-kpi src="${FEED}" province="vinh-phuc" metric="passport-online"></tiendo-kpi>
      <tiendo-kpi src="${FEED}" metric="online-services"></tiendo-kpi>`);
    const [residence, passport, services] = [...box.querySelectorAll('tiendo-kpi')];
    for (const el of [residence, passport, services]) await untilState(el, 'ready');
    expect(visibleText(residence)).to.contain('50.579/70.758 hồ sơ · 71,48%');
    expect(visibleText(passport)).to.contain('5.862/6.302 hồ sơ · 93,02%');
    // SPEC "Figures that never mislead" (issue 17): decimals by what the figure needs; two decimals for
    // 9 of 11 services were spurious precision (one unit is 9 points), so the tile shows one.
    expect(visibleText(services)).to.contain('9/11 dịch vụ · 81,8%');
  });

  it('speaks English with lang="en"', async () => {
    const el = kpi(mount(`<tiendo-kpi lang="en" src="${FEED}" metric="on-time"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('74,336/74,587 hồ sơ · 99.66%');
    expect(visibleText(el)).to.contain('Figures as of 17 Aug 2022');
    // SPEC (Elements): read aloud "74,336 of 74,587", not "74,336/74,587".
    expect(part(el, 'sentence')!.textContent).to.equal(
      'Hồ sơ trả kết quả đúng hạn in Bộ Công an: 74,336 of 74,587 hồ sơ, a rate of 99.66% (6 tháng đầu năm 2022).',
    );
  });

  it('shows the change against the previous period, by words and arrow as well as colour', async () => {
    const el = kpi(mount(`<tiendo-kpi value="50579" previous="41000" label="Hồ sơ trực tuyến" unit="hồ sơ"></tiendo-kpi>`));
    await untilState(el, 'ready');
    const change = part(el, 'change')!;
    expect(change.textContent!.replace(/\s+/g, ' ').trim()).to.equal('▲ Tăng 9.579 so với kỳ trước (chiều hướng tốt)');
    expect(change.classList.contains('good')).to.equal(true);
    const good = getComputedStyle(change).color;

    const fewer = kpi(mount(`<tiendo-kpi value="38000" previous="41000" label="Hồ sơ"></tiendo-kpi>`));
    await untilState(fewer, 'ready');
    expect(part(fewer, 'change')!.textContent).to.contain('Giảm 3.000 so với kỳ trước (chiều hướng xấu)');
    expect(getComputedStyle(part(fewer, 'change')!).color).not.to.equal(good);
  });

  it('colours a change by the metric’s higherIsBetter', async () => {
    const feed = {
      version: 1,
      metrics: [{ id: 'late', name: 'Hồ sơ trễ hạn', unit: 'hồ sơ', higherIsBetter: false }],
      national: { metrics: { late: { value: 251, previous: 400 } } },
    };
    const box = mount(`<tiendo-kpi metric="late"><script type="application/json"></script></tiendo-kpi>`);
    box.querySelector('script')!.textContent = JSON.stringify(feed);
    const el = kpi(box);
    el.requestUpdate('src');
    await untilState(el, 'ready');
    expect(part(el, 'change')!.textContent).to.contain('Giảm 149 so với kỳ trước (chiều hướng tốt)');
    expect(part(el, 'change')!.classList.contains('good')).to.equal(true);
    expect(visibleText(el)).to.contain('Toàn quốc');
  });

  it('shows progress against a target, both figures said once in the sentence', async () => {
    const el = kpi(mount(`<tiendo-kpi value="50579" total="70758" target="0.9" label="Hồ sơ cư trú trực tuyến"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('Mục tiêu 90% · chưa đạt');
    // Said once, in the sentence; the bar and its words are drawn only (SPEC: each figure read once).
    expect(part(el, 'sentence')!.textContent).to.contain('tỷ lệ 71,48%; mục tiêu 90% (chưa đạt).');
    expect(part(el, 'target')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('[role="progressbar"], [role="meter"], [aria-valuetext]')).to.have.length(0);
  });

  it('shows a score against its scale, and a reported rate when the counts are unknown', async () => {
    const el = kpi(mount(`<tiendo-kpi value="82.5" max="100" unit="điểm" label="Bộ chỉ số 766"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('82,5/100 điểm');
    // The scale is said in the sentence; the meter is drawn only.
    expect(part(el, 'sentence')!.textContent).to.equal('Bộ chỉ số 766 đạt 82,5 trên 100 điểm.');
    expect(part(el, 'target')!.getAttribute('aria-hidden')).to.equal('true');
    const rate = kpi(mount(`<tiendo-kpi rate="0.93" label="Tỷ lệ hồ sơ trực tuyến"></tiendo-kpi>`));
    await untilState(rate, 'ready');
    expect(part(rate, 'value')!.textContent).to.equal('93,00%');
  });

  it('writes a value of a million or more in words too', async () => {
    const el = kpi(mount(`<tiendo-kpi value="1300000" unit="tài khoản" label="VNeID"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(part(el, 'value')!.textContent).to.equal('1,3 triệu');
    expect(visibleText(el)).to.contain('1.300.000 tài khoản');
  });

  it('says which metric is missing, and is empty where the province has no figure', async () => {
    const missing = kpi(mount(`<tiendo-kpi src="${FEED}" metric="nope" debug></tiendo-kpi>`));
    await untilState(missing, 'error');
    expect(visibleText(missing)).to.contain('Không có chỉ số "nope" trong nguồn dữ liệu.');
    const empty = kpi(mount(`<tiendo-kpi src="${FEED}" province="nghe-an" metric="on-time">Chưa có số liệu</tiendo-kpi>`));
    await untilState(empty, 'empty');
    expect(visibleText(empty)).to.contain('Chưa có số liệu để hiển thị.');
    await expectAccessible(empty);
  });

  it('passes axe in every state', async () => {
    const box = mount(`
      <tiendo-kpi src="${FEED}" metric="on-time"></tiendo-kpi>
      <tiendo-kpi value="50579" total="70758" previous="41000" target="0.9" label="Hồ sơ"></tiendo-kpi>
      <tiendo-kpi value="82.5" max="100" label="Điểm"></tiendo-kpi>
      <tiendo-kpi value="x" debug>Fallback</tiendo-kpi>`);
    const els = [...box.querySelectorAll('tiendo-kpi')];
    for (const el of els.slice(0, 3)) await untilState(el, 'ready');
    await untilState(els[3], 'error');
    await expectAccessible(box);
  });

  describe('time: the change since the last earlier point, and the trend line', () => {
    it('shows the change since the last dated point and says it with the date in words (vi)', async () => {
      const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="online-dossiers"></tiendo-kpi>`));
      await untilState(el, 'ready');
      const change = part(el, 'change')!;
      // 201.884 against 149.620 on 31/05/2022, the history's last point.
      expect(folded(change)).to.equal('▲ 52.264 so với 31/05/2022 (chiều hướng tốt)');
      expect(change.classList.contains('good')).to.equal(true);
      expect(change.getAttribute('aria-hidden')).to.equal('true');
      expect(sentence(el)).to.equal(
        'Bộ Công an: 201.884 hồ sơ tiếp nhận trực tuyến (6 tháng đầu năm 2022); tăng 52.264 so với ngày 31 tháng 5 năm 2022 (chiều hướng tốt).',
      );
      await expectAccessible(el);
    });

    it('says the same in English', async () => {
      const el = kpi(mount(`<tiendo-kpi lang="en" src="${FEED}" metric="online-dossiers"></tiendo-kpi>`));
      await untilState(el, 'ready');
      expect(folded(part(el, 'change'))).to.equal('▲ 52,264 since 31 May 2022 (better)');
      expect(sentence(el)).to.equal(
        'Hồ sơ tiếp nhận trực tuyến in Bộ Công an: 201,884 hồ sơ (6 tháng đầu năm 2022); up 52,264 since 31 May 2022 (better).',
      );
    });

    it('draws a trend line hidden from screen readers, its points spaced by their real dates', async () => {
      const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="online-dossiers"></tiendo-kpi>`));
      await untilState(el, 'ready');
      const svg = part(el, 'trend')!;
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(svg.getBoundingClientRect().width).to.be.greaterThan(20);
      const points = svg.querySelector('polyline')!.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number));
      const dates = ['2022-02-28', '2022-03-31', '2022-04-30', '2022-05-31', '2022-08-17'].map((d) => Date.parse(d));
      expect(points).to.have.length(5);
      points.forEach(([x], i) => expect(x).to.be.closeTo(((dates[i] - dates[0]) / (dates[4] - dates[0])) * 100, 0.1));
      // The figure grows, so each point is drawn higher (smaller y) than the one before.
      points.slice(1).forEach(([, y], i) => expect(y).to.be.below(points[i][1]));
      // No chart chunk is fetched for it.
      expect(performance.getEntriesByType('resource').some((r) => /chart-renderer|chart\.js/.test(r.name))).to.equal(false);
    });

    it('shows exactly what it showed before on a feed without history', async () => {
      const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="on-time"></tiendo-kpi>`));
      await untilState(el, 'ready');
      expect(part(el, 'change')).to.equal(null);
      expect(part(el, 'trend')).to.equal(null);
      expect(visibleText(el)).to.contain('74.336/74.587 hồ sơ · 99,66%');
      const en = kpi(mount(`<tiendo-kpi lang="en" src="${FEED}" metric="on-time"></tiendo-kpi>`));
      await untilState(en, 'ready');
      expect(part(en, 'change')).to.equal(null);
      expect(part(en, 'trend')).to.equal(null);
    });

    it('lets `previous`, when present, win over the history for the change; the trend is still drawn', async () => {
      const figure = { value: 120, previous: 90, history: [{ asOf: '2024-05-31', value: 100 }] };
      const el = await inline(oneMetric({}, figure));
      expect(folded(part(el, 'change'))).to.equal('▲ Tăng 30 so với kỳ trước (chiều hướng tốt)');
      expect(sentence(el)).to.equal('Toàn quốc: 120 hồ sơ; tăng 30 so với kỳ trước (chiều hướng tốt).');
      expect(part(el, 'trend')).not.to.equal(null);
      const en = await inline(oneMetric({}, figure), 'lang="en"');
      expect(folded(part(en, 'change'))).to.equal('▲ Up 30 on the previous period (better)');
    });

    it('judges the change in the metric’s direction, never by colour alone', async () => {
      const late = { higherIsBetter: false };
      const fewer = await inline(oneMetric(late, { value: 251, history: [{ asOf: '2024-05-31', value: 400 }] }));
      expect(folded(part(fewer, 'change'))).to.equal('▼ 149 so với 31/05/2024 (chiều hướng tốt)');
      expect(part(fewer, 'change')!.classList.contains('good')).to.equal(true);
      expect(sentence(fewer)).to.contain('; giảm 149 so với ngày 31 tháng 5 năm 2024 (chiều hướng tốt).');
      const more = await inline(oneMetric(late, { value: 420, history: [{ asOf: '2024-05-31', value: 400 }] }), 'lang="en"');
      expect(folded(part(more, 'change'))).to.equal('▲ 20 since 31 May 2024 (worse)');
      expect(part(more, 'change')!.classList.contains('bad')).to.equal(true);
      expect(sentence(more)).to.contain('; up 20 since 31 May 2024 (worse).');
    });

    it('compares with the last point that has the same kind of figure, a rate in points', async () => {
      const figure = { rate: 0.9, history: [{ asOf: '2024-04-30', rate: 0.8 }, { asOf: '2024-05-31', value: 5 }, { asOf: '2024-06-15', rate: 0.875 }] };
      const el = await inline(oneMetric({ unit: undefined }, figure, { asOf: '2024-06-30' }));
      expect(folded(part(el, 'change'))).to.equal('▲ 2,5 điểm phần trăm so với 15/06/2024 (chiều hướng tốt)');
      expect(sentence(el)).to.equal('Toàn quốc: Hồ sơ đạt 90,00%; tăng 2,5 điểm phần trăm so với ngày 15 tháng 6 năm 2024 (chiều hướng tốt).');
    });
  });

  describe('figures that never mislead', () => {
    it('says "không đổi" for a change that rounds to nothing, never "▲ Tăng 0"', async () => {
      const el = await inline(oneMetric({}, { value: 100.001, history: [{ asOf: '2024-05-31', value: 100 }] }));
      expect(folded(part(el, 'change'))).to.equal('= Không đổi so với 31/05/2024');
      expect(part(el, 'change')!.classList.contains('same')).to.equal(true);
      expect(sentence(el)).to.equal('Toàn quốc: 100 hồ sơ; không đổi so với ngày 31 tháng 5 năm 2024.');
      const rate = await inline(oneMetric({}, { rate: 0.5, previous: 0.49999 }), 'lang="en"');
      expect(folded(part(rate, 'change'))).to.equal('= Unchanged on the previous period');
      expect(sentence(rate)).to.contain('unchanged on the previous period.');
      expect(visibleText(rate)).not.to.match(/Up 0|Tăng 0|▲/);
      const attrs = kpi(mount(`<tiendo-kpi value="41000.004" previous="41000" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(attrs, 'ready');
      expect(folded(part(attrs, 'change'))).to.equal('= Không đổi so với kỳ trước');
    });

    it('never rounds a rate to 100% unless it is whole, nor to 0% unless it is nothing (vi and en)', async () => {
      const near = kpi(mount(`<tiendo-kpi value="149999" total="150000" label="Hồ sơ" unit="hồ sơ"></tiendo-kpi>`));
      await untilState(near, 'ready');
      expect(part(near, 'rate')!.textContent).to.equal('>\u00a099,99%');
      expect(sentence(near)).to.equal('149.999 trên 150.000 hồ sơ, tỷ lệ hơn 99,99%.');
      const whole = kpi(mount(`<tiendo-kpi value="150000" total="150000" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(whole, 'ready');
      expect(part(whole, 'rate')!.textContent).to.equal('100,00%');
      const tiny = kpi(mount(`<tiendo-kpi lang="en" value="1" total="1000000" label="Dossiers"></tiendo-kpi>`));
      await untilState(tiny, 'ready');
      expect(part(tiny, 'rate')!.textContent).to.equal('<\u00a00.01%');
      expect(sentence(tiny)).to.equal('Dossiers: 1 of 1,000,000, a rate of under 0.01%.');
      const reported = kpi(mount(`<tiendo-kpi lang="en" rate="0.99999" label="Rate"></tiendo-kpi>`));
      await untilState(reported, 'ready');
      expect(part(reported, 'value')!.textContent).to.equal('>\u00a099.99%');
      const none = kpi(mount(`<tiendo-kpi value="0" total="150000" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(none, 'ready');
      expect(part(none, 'rate')!.textContent).to.equal('0,00%');
    });

    it('chooses decimals by what the figure needs: one for a small count, two where they matter', async () => {
      const few = kpi(mount(`<tiendo-kpi value="9" total="11" unit="dịch vụ" label="Dịch vụ"></tiendo-kpi>`));
      await untilState(few, 'ready');
      expect(part(few, 'rate')!.textContent).to.equal('81,8%');
      const many = kpi(mount(`<tiendo-kpi value="5862" total="6302" unit="hồ sơ" label="Hộ chiếu"></tiendo-kpi>`));
      await untilState(many, 'ready');
      expect(part(many, 'rate')!.textContent).to.equal('93,02%');
    });

    it('judges a target in the metric’s direction on the true figure (higherIsBetter: false)', async () => {
      const late = { higherIsBetter: false, unit: undefined };
      const missed = await inline(oneMetric(late, { rate: 0.05, target: 0.02 }));
      expect(visibleText(missed)).to.contain('Mục tiêu 2% · chưa đạt');
      expect(sentence(missed)).to.equal('Toàn quốc: Hồ sơ đạt 5,00%; mục tiêu 2% (chưa đạt).');
      const met = await inline(oneMetric(late, { rate: 0.015, target: 0.02 }), 'lang="en"');
      expect(visibleText(met)).to.contain('Target 2% · met');
      const atTarget = await inline(oneMetric(late, { rate: 0.02, target: 0.02 }));
      expect(visibleText(atTarget)).to.contain('Mục tiêu 2% · đã đạt');
      const above = await inline(oneMetric({ unit: undefined }, { rate: 0.02, target: 0.02 }));
      expect(visibleText(above)).to.contain('Mục tiêu 2% · đã đạt');
      const below = await inline(oneMetric({ unit: undefined }, { rate: 0.015, target: 0.02 }), 'lang="en"');
      expect(visibleText(below)).to.contain('Target 2% · not yet met');
    });

    it('shows enough decimals for the words and the number to agree near the target (vi and en)', async () => {
      const el = kpi(mount(`<tiendo-kpi value="89999" total="100000" target="0.9" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(el, 'ready');
      expect(part(el, 'rate')!.textContent).to.equal('89,999%');
      expect(visibleText(el)).to.contain('Mục tiêu 90% · chưa đạt');
      expect(visibleText(el)).not.to.contain('90,00%');
      expect(sentence(el)).to.equal('Hồ sơ đạt 89.999 trên 100.000, tỷ lệ 89,999%; mục tiêu 90% (chưa đạt).');
      const en = kpi(mount(`<tiendo-kpi lang="en" rate="0.8999999" target="0.9" label="Rate"></tiendo-kpi>`));
      await untilState(en, 'ready');
      expect(part(en, 'value')!.textContent).to.equal('89.99999%');
      expect(visibleText(en)).to.contain('Target 90% · not yet met');
      const count = kpi(mount(`<tiendo-kpi value="99.9961" target="100" label="Điểm"></tiendo-kpi>`));
      await untilState(count, 'ready');
      expect(part(count, 'value')!.textContent).to.equal('99,996');
      expect(visibleText(count)).to.contain('Mục tiêu 100 · chưa đạt');
      // A target that needs more decimals than two is written with them, beside a figure that agrees.
      const fine = kpi(mount(`<tiendo-kpi value="149999" total="150000" target="0.99995" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(fine, 'ready');
      expect(part(fine, 'rate')!.textContent).to.equal('99,999%');
      expect(visibleText(fine)).to.contain('Mục tiêu 99,995% · đã đạt');
    });

    it('draws the target bar on the figure’s own scale with a marker at the target', async () => {
      const measure = (el: TiendoKpi) => {
        const track = part(el, 'target')!.querySelector<HTMLElement>('.track')!;
        const inner = track.clientWidth;
        const left = track.getBoundingClientRect().left + track.clientLeft;
        const fill = track.querySelector('.fill')!.getBoundingClientRect();
        const mark = track.querySelector('.mark')!.getBoundingClientRect();
        return { fill: fill.width / inner, mark: (mark.left + 1 - left) / inner };
      };
      const el = kpi(mount(`<tiendo-kpi style="width:400px" value="50579" total="70758" target="0.9" label="Hồ sơ"></tiendo-kpi>`));
      await untilState(el, 'ready');
      // 71,48% fills 71,48% of the bar (it used to fill value ÷ target, 79%); the marker sits at 90%.
      expect(measure(el).fill).to.be.closeTo(50579 / 70758, 0.01);
      expect(measure(el).mark).to.be.closeTo(0.9, 0.01);
      const late = await inline(oneMetric({ higherIsBetter: false, unit: undefined }, { rate: 0.05, target: 0.02 }), 'style="width:400px"');
      expect(measure(late).fill).to.be.closeTo(0.05, 0.01);
      expect(measure(late).mark).to.be.closeTo(0.02, 0.01);
      // A count without a scale: up to the larger of the figure and the target.
      const over = kpi(mount(`<tiendo-kpi style="width:400px" value="120" target="100" label="Mô hình"></tiendo-kpi>`));
      await untilState(over, 'ready');
      expect(measure(over).fill).to.be.closeTo(1, 0.01);
      expect(measure(over).mark).to.be.closeTo(100 / 120, 0.01);
      const score = kpi(mount(`<tiendo-kpi style="width:400px" value="82.5" max="100" target="90" label="Điểm"></tiendo-kpi>`));
      await untilState(score, 'ready');
      expect(measure(score).fill).to.be.closeTo(0.825, 0.01);
      expect(measure(score).mark).to.be.closeTo(0.9, 0.01);
      await expectAccessible(score);
    });

    it('keeps a U+202E in a feed name from reordering the figures and dates (vi and en)', async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-30',
        source: { name: 'Nguồn \u202Eđảo' },
        metrics: [{ id: 'm', name: 'Hồ sơ \u202Eđúng hạn', unit: 'hồ sơ\u202E' }],
        national: { name: 'Bộ \u202ECông an', metrics: { m: { value: 74336, total: 74587, period: 'Quý \u202EII', history: [{ asOf: '2024-05-31', value: 73096, total: 74000 }] } } },
      };
      for (const lang of ['vi', 'en']) {
        const el = await inline(feed, `lang="${lang}" show-sentence style="width:600px"`);
        const [n, d] = lang === 'vi' ? ['.', '/'] : [',', '/'];
        expectInOrderOnOneLine(el, `74${n}336`);
        expectInOrderOnOneLine(el, `74${n}587`);
        const value = part(el, 'value')!.getBoundingClientRect();
        const rate = part(el, 'rate')!.getBoundingClientRect();
        expect(value.left).to.be.below(rate.left);
        // In the sentence, the figures after the name keep their order.
        const said = lang === 'vi' ? '74.336 trên 74.587' : '74,336 of 74,587';
        expectInOrderOnOneLine(el, said);
        // The date after the source's name in the footer.
        expectInOrderOnOneLine(el, lang === 'vi' ? `30${d}06${d}2024` : '30 Jun 2024');
        expectInOrderOnOneLine(el, lang === 'vi' ? `31${d}05${d}2024` : '31 May 2024');
      }
    });

    it('never breaks a figure inside its digits, even in a very narrow box', async () => {
      const feed = oneMetric({}, { value: 74336, total: 74587, target: 0.995, history: [{ asOf: '2024-05-31', value: 73096, total: 74000 }] });
      for (const lang of ['vi', 'en']) {
        const el = await inline(feed, `lang="${lang}" style="width:60px"`);
        const [n] = lang === 'vi' ? ['.'] : [','];
        expectInOrderOnOneLine(el, `74${n}336`);
        expectInOrderOnOneLine(el, `74${n}587`);
        // The count and its denominator stay together too: "74.336/74.587" on one line.
        const value = part(el, 'value')!.getBoundingClientRect();
        const of = el.shadowRoot!.querySelector('.of')!.getBoundingClientRect();
        expect(of.left).to.be.at.least(value.right - 1);
        expect(of.bottom).to.be.at.most(value.bottom + 1);
        expectInOrderOnOneLine(el, lang === 'vi' ? '99,66%' : '99.66%');
        expectInOrderOnOneLine(el, `1${n}240`);
        if (lang === 'vi') expectInOrderOnOneLine(el, '31/05/2024');
        expectInOrderOnOneLine(el, lang === 'vi' ? '99,5%' : '99.5%');
      }
    });
  });
});
