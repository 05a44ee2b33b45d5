import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoProgress } from '../src/index.js';
import { FEED, ONE_PROVINCE_FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';
import { expectInOrderOnOneLine } from './figure-order.js';

function progress(box: HTMLElement): TiendoProgress {
  return box.querySelector('tiendo-progress')!;
}

/** A progress bar over a whole feed given inside the tag, ready. */
async function inline(feed: unknown, attrs = ''): Promise<TiendoProgress> {
  const box = mount(`<tiendo-progress ${attrs}><script type="application/json"></script></tiendo-progress>`);
  box.querySelector('script')!.textContent = JSON.stringify(feed);
  const el = progress(box);
  el.requestUpdate('src');
  await untilState(el, 'ready');
  return el;
}

/** A feed of one province with these model counts. */
function models(counts: Record<string, unknown>, name = 'Nghệ An') {
  return { version: 1, asOf: '2024-06-20', provinces: [{ id: 'x', name, models: counts }] };
}

const folded = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
const sentence = (el: TiendoProgress) => part(el, 'sentence')!.textContent;

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
    expect(text).to.contain('Nguồn: Cổng TTĐT tỉnh Nghệ An · Số liệu tính đến ngày 20/06/2024');
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

  it('announces its numbers once, in the sentence: the bar and legend are drawn only (no "progress bar" said)', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    const bar = part(el, 'bar')!;
    // SPEC (Elements): each figure read once; the sentence says "6 trên 38 … (15,8%) … 20 … 12" (next test).
    expect(bar.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'legend')!.getAttribute('aria-hidden')).to.equal('true');
    expect(['role', 'aria-valuenow', 'aria-valuetext', 'aria-label'].filter((a) => bar.hasAttribute(a))).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[role="progressbar"], [role="meter"]')).to.have.length(0);
    expect(part(el, 'sentence')!.textContent).to.contain('6 trên 38 mô hình điểm (15,8%); 20 mô hình đang triển khai, 12 chưa triển khai');
  });

  it('states the figures as one plain sentence, shown on request', async () => {
    const el = progress(mount(`<tiendo-progress src="${FEED}" province="nghe-an"></tiendo-progress>`));
    await untilState(el, 'ready');
    // SPEC (Elements): the sentence says "6 trên 38" (a Vietnamese voice drops the slash of "6/38").
    const sentence =
      'Nghệ An đã hoàn thành 6 trên 38 mô hình điểm (15,8%); 20 mô hình đang triển khai, 12 chưa triển khai.';
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
    expect(visibleText(el)).to.contain('Số liệu có thể đã cũ: kỳ cập nhật dự kiến ngày 20/07/2024 đã qua.');
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
    expect(visibleText(el)).to.contain('Nguồn: Công an tỉnh Nghệ An · Số liệu tính đến ngày 04/10/2024');
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

  describe('time: the models completed since the last earlier point', () => {
    it('shows "+2 mô hình hoàn thành so với 30/04/2024" and says it with the date in words', async () => {
      const el = progress(mount(`<tiendo-progress src="${ONE_PROVINCE_FEED}"></tiendo-progress>`));
      await untilState(el, 'ready');
      const change = part(el, 'change')!;
      expect(folded(change)).to.equal('+2 mô hình hoàn thành so với 30/04/2024');
      expect(change.getAttribute('aria-hidden')).to.equal('true');
      expect(sentence(el)).to.equal(
        'Nghệ An đã hoàn thành 6 trên 38 mô hình điểm (15,8%), tăng 2 so với ngày 30 tháng 4 năm 2024; 20 mô hình đang triển khai, 12 chưa triển khai.',
      );
      await expectAccessible(el);
    });

    it('says the same in English', async () => {
      const el = progress(mount(`<tiendo-progress lang="en" src="${ONE_PROVINCE_FEED}"></tiendo-progress>`));
      await untilState(el, 'ready');
      expect(folded(part(el, 'change'))).to.equal('Models completed: +2 since 30 Apr 2024');
      expect(sentence(el)).to.equal(
        'Nghệ An has completed 6 of 38 pilot models (15.8%), up 2 since 30 April 2024; 20 in progress and 12 not started.',
      );
    });

    it('shows exactly what it showed before on a feed without history', async () => {
      for (const lang of ['vi', 'en']) {
        const el = progress(mount(`<tiendo-progress lang="${lang}" src="${FEED}" province="nghe-an"></tiendo-progress>`));
        await untilState(el, 'ready');
        expect(part(el, 'change')).to.equal(null);
        expect(sentence(el)).to.equal(
          lang === 'vi'
            ? 'Nghệ An đã hoàn thành 6 trên 38 mô hình điểm (15,8%); 20 mô hình đang triển khai, 12 chưa triển khai.'
            : 'Nghệ An has completed 6 of 38 pilot models (15.8%); 20 in progress and 12 not started.',
        );
      }
    });

    it('says when fewer are completed, or none more, in words (never "+0", never a minus sign)', async () => {
      const history = (completed: number) => [{ asOf: '2024-01-31', completed: 1 }, { asOf: '2024-05-31', completed, inProgress: 3 }];
      const fewer = await inline(models({ total: 10, completed: 4, inProgress: 5, history: history(5) }));
      expect(folded(part(fewer, 'change'))).to.equal('Ít hơn 1 mô hình hoàn thành so với 31/05/2024');
      expect(sentence(fewer)).to.contain('(40,0%), giảm 1 so với ngày 31 tháng 5 năm 2024;');
      const same = await inline(models({ total: 10, completed: 4, inProgress: 5, history: history(4) }));
      expect(folded(part(same, 'change'))).to.equal('Mô hình hoàn thành: không đổi so với 31/05/2024');
      expect(sentence(same)).to.contain('(40,0%), không đổi so với ngày 31 tháng 5 năm 2024;');
      const en = await inline(models({ total: 10, completed: 4, inProgress: 5, history: history(4) }), 'lang="en"');
      expect(folded(part(en, 'change'))).to.equal('Models completed: unchanged since 31 May 2024');
      expect(sentence(en)).to.contain('(40.0%), unchanged since 31 May 2024;');
      const enFewer = await inline(models({ total: 10, completed: 4, inProgress: 5, history: history(6) }), 'lang="en"');
      expect(folded(part(enFewer, 'change'))).to.equal('Models completed: 2 fewer since 31 May 2024');
      // The change is against the last point that knows the completed count.
      const skip = await inline(models({ total: 10, completed: 4, history: [{ asOf: '2024-01-31', completed: 1 }, { asOf: '2024-05-31', inProgress: 3 }] }));
      expect(folded(part(skip, 'change'))).to.equal('+3 mô hình hoàn thành so với 31/01/2024');
    });
  });

  describe('figures that never mislead', () => {
    it('never rounds a share to 100% unless whole, nor to 0% unless nothing (vi and en)', async () => {
      const near = await inline(models({ total: 2000, completed: 1999, inProgress: 1 }));
      expect(part(near, 'percent')!.textContent).to.equal('>\u00a099,9%');
      expect(sentence(near)).to.contain('đã hoàn thành 1.999 trên 2.000 mô hình điểm (hơn 99,9%)');
      expect(visibleText(near)).not.to.contain('100,0%');
      const nearEn = await inline(models({ total: 2000, completed: 1999, inProgress: 1 }), 'lang="en"');
      expect(part(nearEn, 'percent')!.textContent).to.equal('>\u00a099.9%');
      expect(sentence(nearEn)).to.contain('(over 99.9%)');
      const tiny = await inline(models({ total: 1000000, completed: 1, inProgress: 999999 }));
      expect(part(tiny, 'percent')!.textContent).to.equal('<\u00a00,1%');
      expect(sentence(tiny)).to.contain('(dưới 0,1%)');
      const tinyEn = await inline(models({ total: 1000000, completed: 1, inProgress: 999999 }), 'lang="en"');
      expect(part(tinyEn, 'percent')!.textContent).to.equal('<\u00a00.1%');
      expect(sentence(tinyEn)).to.contain('(under 0.1%)');
      const whole = await inline(models({ total: 38, completed: 38 }));
      expect(part(whole, 'percent')!.textContent).to.equal('100,0%');
    });

    it('states none completed in words that fit, not a 0,0% that reads as failure (vi and en)', async () => {
      const el = progress(mount(`<tiendo-progress src="${FEED}" province="ha-tinh"></tiendo-progress>`));
      await untilState(el, 'ready');
      expect(folded(part(el, 'percent'))).to.equal('Chưa hoàn thành mô hình nào; 21 mô hình đang triển khai');
      expect(visibleText(el)).not.to.contain('0,0%');
      // SPEC (Elements): "None is also a sentence".
      // The total too: the bar that showed it is drawn only.
      expect(sentence(el)).to.equal('Hà Tĩnh chưa hoàn thành mô hình điểm nào trong số 43; 21 mô hình đang triển khai, 22 chưa triển khai.');
      const en = progress(mount(`<tiendo-progress lang="en" src="${FEED}" province="ha-tinh"></tiendo-progress>`));
      await untilState(en, 'ready');
      expect(folded(part(en, 'percent'))).to.equal('No model completed yet; 21 in progress');
      expect(visibleText(en)).not.to.contain('0.0%');
      expect(sentence(en)).to.equal('Hà Tĩnh has not completed any of its 43 pilot models yet; 21 in progress and 22 not started.');
      const notStarted = await inline(models({ total: 5, inProgress: 0, notStarted: 5 }));
      expect(folded(part(notStarted, 'percent'))).to.equal('Chưa hoàn thành mô hình nào');
      await expectAccessible(en);
    });

    it('keeps a U+202E in a feed name from reordering the figures and dates (vi and en)', async () => {
      const feed = {
        version: 1,
        asOf: '2024-06-20',
        source: { name: 'Cổng \u202ETTĐT' },
        provinces: [{ id: 'x', name: 'Nghệ \u202EAn', models: { total: 38, completed: 6, inProgress: 20, history: [{ asOf: '2024-04-30', completed: 4 }] } }],
      };
      for (const lang of ['vi', 'en']) {
        const el = await inline(feed, `lang="${lang}" show-sentence style="width:700px"`);
        expectInOrderOnOneLine(el, lang === 'vi' ? '6 trên 38' : '6 of 38');
        expectInOrderOnOneLine(el, lang === 'vi' ? '15,8%' : '15.8%');
        expectInOrderOnOneLine(el, lang === 'vi' ? '20/06/2024' : '20 Jun 2024');
        expectInOrderOnOneLine(el, lang === 'vi' ? '30/04/2024' : '30 Apr 2024');
        expect(el.shadowRoot!.querySelector('[part~="label"] bdi')!.textContent).to.equal('Nghệ \u202EAn');
      }
    });

    it('never breaks a figure inside its digits, even in a very narrow box', async () => {
      for (const lang of ['vi', 'en']) {
        const el = progress(mount(`<tiendo-progress lang="${lang}" src="${ONE_PROVINCE_FEED}" style="width:50px"></tiendo-progress>`));
        await untilState(el, 'ready');
        expectInOrderOnOneLine(el, lang === 'vi' ? '15,8%' : '15.8%');
        expectInOrderOnOneLine(el, '6/38');
        if (lang === 'vi') expectInOrderOnOneLine(el, '30/04/2024');
      }
      const big = await inline(models({ total: 1234567, completed: 765432 }), 'style="width:40px"');
      expectInOrderOnOneLine(big, '765.432/1.234.567');
      expectInOrderOnOneLine(big, '62,0%');
    });
  });
});
