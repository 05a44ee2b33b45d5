import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoKpi } from '../src/index.js';
import { FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

function kpi(box: HTMLElement): TiendoKpi {
  return box.querySelector('tiendo-kpi')!;
}

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
    expect(text).to.contain('Số liệu đến 17/08/2022');
  });

  it('shows a count against its denominator with the rate to two decimals', async () => {
    const el = kpi(mount(`<tiendo-kpi src="${FEED}" metric="on-time"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('74.336/74.587 hồ sơ · 99,66%');
    expect(part(el, 'rate')!.textContent).to.equal('99,66%');
    expect(part(el, 'sentence')!.textContent).to.equal(
      'Hồ sơ trả kết quả đúng hạn của Bộ Công an đạt 74.336/74.587 hồ sơ (tỷ lệ 99,66%).',
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
    expect(visibleText(services)).to.contain('9/11 dịch vụ · 81,82%');
  });

  it('speaks English with lang="en"', async () => {
    const el = kpi(mount(`<tiendo-kpi lang="en" src="${FEED}" metric="on-time"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('74,336/74,587 hồ sơ · 99.66%');
    expect(visibleText(el)).to.contain('Figures as of 17 Aug 2022');
    expect(part(el, 'sentence')!.textContent).to.equal(
      'Hồ sơ trả kết quả đúng hạn in Bộ Công an: 74,336/74,587 hồ sơ (a rate of 99.66%).',
    );
  });

  it('shows the change against the previous period, by words and arrow as well as colour', async () => {
    const el = kpi(mount(`<tiendo-kpi value="50579" previous="41000" label="Hồ sơ trực tuyến" unit="hồ sơ"></tiendo-kpi>`));
    await untilState(el, 'ready');
    const change = part(el, 'change')!;
    expect(change.textContent!.replace(/\s+/g, ' ').trim()).to.equal('▲ Tăng 9.579 so với kỳ trước (tốt hơn)');
    expect(change.classList.contains('good')).to.equal(true);
    const good = getComputedStyle(change).color;

    const fewer = kpi(mount(`<tiendo-kpi value="38000" previous="41000" label="Hồ sơ"></tiendo-kpi>`));
    await untilState(fewer, 'ready');
    expect(part(fewer, 'change')!.textContent).to.contain('Giảm 3.000 so với kỳ trước (kém hơn)');
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
    expect(part(el, 'change')!.textContent).to.contain('Giảm 149 so với kỳ trước (tốt hơn)');
    expect(part(el, 'change')!.classList.contains('good')).to.equal(true);
    expect(visibleText(el)).to.contain('Toàn quốc');
  });

  it('shows progress against a target, announced with both figures', async () => {
    const el = kpi(mount(`<tiendo-kpi value="50579" total="70758" target="0.9" label="Hồ sơ cư trú trực tuyến"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('Mục tiêu 90% · chưa đạt');
    const bar = part(el, 'target')!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuetext')).to.equal('71,48% so với mục tiêu 90%');
    expect(bar.getAttribute('aria-valuenow')).to.equal('79');
  });

  it('shows a score against its scale, and a reported rate when the counts are unknown', async () => {
    const el = kpi(mount(`<tiendo-kpi value="82.5" max="100" unit="điểm" label="Bộ chỉ số 766"></tiendo-kpi>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('82,5/100 điểm');
    expect(part(el, 'target')!.querySelector('[role="meter"]')!.getAttribute('aria-valuetext')).to.equal('82,5 trên thang 100');
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
});
