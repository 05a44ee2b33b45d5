import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoModelList } from '../src/index.js';
import { FEED, cleanup, expectAccessible, mount, part, untilState, visibleText } from './helpers.js';

type Json = Record<string, unknown>;

function list(attrs = '', feed?: Json, boxAttrs: Record<string, string> = {}): TiendoModelList {
  const el = mount(`<tiendo-model-list ${attrs}></tiendo-model-list>`, boxAttrs).firstElementChild as TiendoModelList;
  if (feed) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(feed);
    el.append(script);
  }
  return el;
}

const items = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="item"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const counts = (el: Element) =>
  [...part(el, 'counts')!.children].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()).join(' ');

/** Bắc Ninh's models: two from the catalogue, one (44) missing from it. */
const FEED_MIXED: Json = {
  version: 1,
  source: { name: 'Công an tỉnh (minh hoạ)' },
  asOf: '2025-09-30',
  models: [
    { id: '6', name: 'Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID' },
    { id: '21', name: 'Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)' },
    { id: '25', name: 'Triển khai tố giác tội phạm qua ứng dụng VNeID' },
  ],
  provinces: [
    {
      id: 'bac-ninh',
      name: 'Bắc Ninh',
      modelStatus: { '44': 'not-started', '25': 'in-progress', '6': 'completed' },
    },
    { id: 'hue', name: 'Huế' },
  ],
};

describe('<tiendo-model-list>', () => {
  afterEach(cleanup);

  it('lists Nghệ An’s models with names from the catalogue and their status in words', async () => {
    const el = list(`src="${FEED}" province="nghe-an"`);
    await untilState(el, 'ready');
    expect(part(el, 'label')!.textContent).to.equal('Nghệ An');
    const shown = items(el);
    expect(shown).to.have.length(6);
    expect(shown[0]).to.equal('Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID Hoàn thành');
    expect(shown[5]).to.equal('Trung tâm Giám sát an ninh mạng SOC tỉnh Hoàn thành');
    // The counts are the province's own (as <tiendo-progress> shows them); the list names only some models.
    expect(counts(el)).to.equal('Hoàn thành 6 Đang triển khai 20 Chưa triển khai 12');
    expect(visibleText(el)).to.contain('Nguồn: Cổng TTĐT tỉnh Nghệ An · Số liệu tính đến ngày 20/06/2024');
    await expectAccessible(el);
  });

  it('shows each status as words and a shape of its own, never colour alone', async () => {
    const el = list('province="bac-ninh"', FEED_MIXED);
    await untilState(el, 'ready');
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"] .swatch')];
    expect(swatches.map((s) => s.getAttribute('aria-hidden'))).to.deep.equal(['true', 'true', 'true']);
    // Solid, striped and dotted: three different fills, which survive greyscale printing.
    const images = swatches.map((s) => getComputedStyle(s).backgroundImage);
    expect(images[0]).to.equal('none');
    expect(images[1]).to.contain('repeating-linear-gradient');
    expect(images[2]).to.contain('radial-gradient');
    expect(items(el).map((t) => t.split(' ').slice(-3).join(' '))).to.deep.equal([
      'VNeID Hoàn thành',
      'Đang triển khai',
      'Chưa triển khai',
    ]);
    const partNames = [...el.shadowRoot!.querySelectorAll('[part~="item"]')].map((li) => li.getAttribute('part'));
    expect(partNames).to.deep.equal(['item item-completed', 'item item-in-progress', 'item item-not-started']);
  });

  it('shows a model missing from the catalogue by its id, after the catalogue’s, with counts per status', async () => {
    const el = list('province="bac-ninh"', FEED_MIXED);
    await untilState(el, 'ready');
    expect(items(el)).to.deep.equal([
      'Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID Hoàn thành',
      'Triển khai tố giác tội phạm qua ứng dụng VNeID Đang triển khai',
      'Mô hình 44 Chưa triển khai',
    ]);
    expect(counts(el)).to.equal('Hoàn thành 1 Đang triển khai 1 Chưa triển khai 1');
    expect(visibleText(el)).to.contain('Nguồn: Công an tỉnh (minh hoạ) · Số liệu tính đến ngày 30/09/2025');
    await expectAccessible(el);
  });

  it('shows one status only with `status`, keeping the counts of all', async () => {
    const el = list('province="bac-ninh" status="in-progress"', FEED_MIXED);
    await untilState(el, 'ready');
    expect(items(el)).to.deep.equal(['Triển khai tố giác tội phạm qua ứng dụng VNeID Đang triển khai']);
    expect(counts(el)).to.equal('Hoàn thành 1 Đang triển khai 1 Chưa triển khai 1');
    el.status = 'not-started';
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['Mô hình 44 Chưa triển khai']);
  });

  it('is empty when nothing matches the filter, or the province lists no models', async () => {
    const none = list(`src="${FEED}" province="nghe-an" status="not-started"`);
    await untilState(none, 'empty');
    expect(visibleText(none)).to.contain('Chưa có số liệu để hiển thị.');
    await expectAccessible(none);
    const hue = list('province="hue"', FEED_MIXED);
    await untilState(hue, 'empty');
    const national = list(`src="${FEED}"`);
    await untilState(national, 'empty');
    await expectAccessible(national);
  });

  it('refuses an unknown status, naming the attribute under debug', async () => {
    const el = list('province="bac-ninh" status="done" debug', FEED_MIXED);
    await untilState(el, 'error');
    expect(visibleText(el)).to.contain('Chưa hiển thị được số liệu');
    expect(visibleText(el)).to.contain('status: phải là completed, in-progress hoặc not-started');
    await expectAccessible(el);
  });

  it('speaks English with lang="en"', async () => {
    const el = list('province="bac-ninh"', FEED_MIXED, { lang: 'en' });
    await untilState(el, 'ready');
    expect(items(el)).to.deep.equal([
      'Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID Completed',
      'Triển khai tố giác tội phạm qua ứng dụng VNeID In progress',
      'Model 44 Not started',
    ]);
    expect(counts(el)).to.equal('Completed 1 In progress 1 Not started 1');
    expect(visibleText(el)).to.match(/Figures as of 30 Sept? 2025/);
    await expectAccessible(el);
  });

  it('shows names with markup as text', async () => {
    const feed = {
      version: 1,
      models: [{ id: '1', name: '<img src=x onerror="window.__pwnedList=1">' }],
      provinces: [{ id: 'x', name: '<b>Tỉnh</b>', modelStatus: { '1': 'completed', '<i>2</i>': 'in-progress' } }],
    };
    const el = list('', feed);
    await untilState(el, 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(part(el, 'label')!.textContent).to.equal('<b>Tỉnh</b>');
    expect(items(el)).to.deep.equal(['<img src=x onerror="window.__pwnedList=1"> Hoàn thành', 'Mô hình <i>2</i> Đang triển khai']);
    expect(el.shadowRoot!.querySelector('img, b, i')).to.equal(null);
    expect((window as unknown as { __pwnedList?: number }).__pwnedList).to.equal(undefined);
  });

  it('reads well at 320 px and passes axe while loading', async () => {
    document.documentElement.style.fontSize = '10px';
    try {
      const box = mount('', { style: 'width:320px' });
      const el = document.createElement('tiendo-model-list');
      el.setAttribute('src', FEED);
      el.setAttribute('province', 'nghe-an');
      box.append(el);
      await untilState(el, 'ready');
      expect(box.scrollWidth).to.be.at.most(320);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('li, span, p')) {
        if (getComputedStyle(node).clipPath === 'inset(50%)') continue;
        expect(parseFloat(getComputedStyle(node).fontSize)).to.be.at.least(12);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
    const loading = list(`src="/__mock/never-configured-list-${Date.now()}"`);
    await loading.updateComplete;
    expect(loading.getAttribute('state')).to.equal('loading');
    await expectAccessible(loading);
  });
});
