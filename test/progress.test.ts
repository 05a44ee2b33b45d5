import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoProgress } from '../src/index.js';
import { FEED, ONE_PROVINCE_FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

function progress(box: HTMLElement): TiendoProgress {
  return box.querySelector('tiendo-progress')!;
}

describe('<tiendo-progress>', () => {
  afterEach(cleanup);

  it('shows Nghệ An’s pilot models from the feed as Vietnamese readers expect', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    const text = visibleText(el);
    expect(text).to.contain('Nghệ An');
    expect(text).to.contain('6/38 mô hình hoàn thành');
    expect(text).to.contain('15,8%');
    expect(text).to.contain('Hoàn thành 6');
    expect(text).to.contain('Đang triển khai 20');
    expect(text).to.contain('Chưa triển khai 12');
    expect(text).to.contain('Nguồn: Cổng TTĐT tỉnh Nghệ An · Số liệu đến 20/06/2024');
    const link = part(el, 'source-link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://nghean.gov.vn/');
  });

  it('draws one segment per status, sized by its share', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an" style="width:400px"></tiendo-progress>`));
    await untilState(el, 'ready');
    const bar = part(el, 'bar')!;
    const widths = ['segment-completed', 'segment-in-progress', 'segment-not-started'].map(
      (p) => part(el, p)!.getBoundingClientRect().width / bar.clientWidth,
    );
    expect(widths[0]).to.be.closeTo(6 / 38, 0.01);
    expect(widths[1]).to.be.closeTo(20 / 38, 0.01);
    expect(widths[2]).to.be.closeTo(12 / 38, 0.01);
  });

  it('announces the bar with its numbers', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    const bar = part(el, 'bar')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('6');
    expect(bar.getAttribute('aria-valuemax')).to.equal('38');
    expect(bar.getAttribute('aria-valuetext')).to.equal(
      '6/38 mô hình hoàn thành (15,8%); Đang triển khai: 20; Chưa triển khai: 12',
    );
    expect(bar.getAttribute('aria-label')).to.equal('Nghệ An: Mô hình điểm');
  });

  it('states the figures as one plain sentence, shown on request', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    const sentence =
      'Nghệ An đã hoàn thành 6/38 mô hình điểm (15,8%); 20 mô hình đang triển khai, 12 chưa triển khai.';
    expect(part(el, 'sentence')!.textContent).to.equal(sentence);
    expect(visibleText(el)).not.to.contain(sentence);
    el.showSentence = true;
    await el.updateComplete;
    expect(visibleText(el)).to.contain(sentence);
  });

  it('speaks English with lang="en", inherited from an ancestor', async () => {
    const box = mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`, { lang: 'en' });
    const el = progress(box);
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('6/38 models completed');
    expect(visibleText(el)).to.contain('15.8%');
    expect(visibleText(el)).to.contain('Source: Cổng TTĐT tỉnh Nghệ An · Figures as of 20 Jun 2024');
    expect(part(el, 'sentence')!.textContent).to.equal(
      'Nghệ An has completed 6 of 38 pilot models (15.8%); 20 in progress and 12 not started.',
    );
    box.setAttribute('lang', 'vi');
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
  });

  it('uses the only province of a one-province feed, and says when the next update is overdue', async () => {
    const el = progress(mount(`<tiendo-progress src="${ONE_PROVINCE_FEED}"></tiendo-progress>`));
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
    expect(el.hasAttribute('overdue')).to.equal(true);
    expect(visibleText(el)).to.contain('Số liệu có thể đã cũ: kỳ cập nhật dự kiến 20/07/2024 đã qua.');
  });

  it('shows a province whose feed gives only some counts without inventing the rest', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="ha-tinh"></tiendo-progress>`));
    await untilState(el, 'ready');
    // Hà Tĩnh: 21 in progress and 22 not started of 43; completed is derived (0).
    expect(visibleText(el)).to.contain('0/43 mô hình hoàn thành');
    const hanoi = progress(mount(`<tiendo-progress src="${FEED}" province="ha-noi"></tiendo-progress>`));
    await untilState(hanoi, 'ready');
    expect(visibleText(hanoi)).to.contain('19 mô hình điểm');
    expect(visibleText(hanoi)).not.to.match(/hoàn thành \d/);
  });

  it('works inline from attributes, with source and date', async () => {
    const el = progress(
      mount(
        `<tiendo-progress total="38" completed="6" in-progress="20" label="Nghệ An" source="Công an tỉnh Nghệ An" as-of="2024-10-04"></tiendo-progress>`,
      ),
    );
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
    expect(visibleText(el)).to.contain('Chưa triển khai 12');
    expect(visibleText(el)).to.contain('Nguồn: Công an tỉnh Nghệ An · Số liệu đến 04/10/2024');
  });

  it('works inline from a JSON block inside the tag', async () => {
    const feed = await (await fetch(ONE_PROVINCE_FEED)).text();
    const box = mount(`<tiendo-progress><script type="application/json"></script></tiendo-progress>`);
    box.querySelector('script')!.textContent = feed;
    const el = progress(box);
    el.requestUpdate('src');
    await untilState(el, 'ready');
    expect(visibleText(el)).to.contain('15,8%');
  });

  it('refuses attributes that break a rule, naming the attribute under debug', async () => {
    const el = progress(mount(`<tiendo-progress total="38" completed="40" debug>Nghệ An: 6/38</tiendo-progress>`));
    await untilState(el, 'error');
    expect(visibleText(el)).to.contain('Chưa hiển thị được số liệu');
    expect(visibleText(el)).to.contain('Nghệ An: 6/38');
    expect(visibleText(el)).to.contain('tổng completed, inProgress, notStarted (40) vượt quá total (38)');
    const sep = progress(mount(`<tiendo-progress total="1.038" completed="6" debug></tiendo-progress>`));
    await untilState(sep, 'error');
    expect(visibleText(sep)).to.contain('total: viết số không có dấu phân cách hàng nghìn');
  });

  it('shows a name containing markup as text and never links a javascript: source', async () => {
    const feed = {
      version: 1,
      source: { name: '<b>Nguồn</b>', url: 'javascript:alert(1)' },
      provinces: [{ id: 'x', name: '<img src=x onerror="window.__pwned=1">', models: { total: 2, completed: 1, inProgress: 1 } }],
    };
    const box = mount(`<tiendo-progress><script type="application/json"></script></tiendo-progress>`);
    box.querySelector('script')!.textContent = JSON.stringify(feed);
    const el = progress(box);
    el.requestUpdate('src');
    await untilState(el, 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(visibleText(el)).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(visibleText(el)).to.contain('Nguồn: <b>Nguồn</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('passes axe when ready, in English, and while loading', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    await expectAccessible(el);
    const en = progress(mount(`<tiendo-progress lang="en" total="43" in-progress="21"></tiendo-progress>`));
    await untilState(en, 'ready');
    await expectAccessible(en);
    const loading = progress(mount(`<tiendo-progress src="/__mock/never-configured-${Date.now()}"></tiendo-progress>`));
    await loading.updateComplete;
    expect(loading.getAttribute('state')).to.equal('loading');
    await expectAccessible(loading);
  });
});
