import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import type { TiendoErrorDetail } from '../src/index.js';
import { installFakeClock, realUntil, realWait, type FakeClock } from './fake-clock.js';
import { FEED, ONE_PROVINCE_FEED, cleanup, mount, visibleText } from './helpers.js';

/**
 * Every lazy chunk (SPEC "Distribution and embedding"): when its first fetch fails, the widget
 * shows its fallback content or a Vietnamese message, fires `tiendo-error`, never stays
 * "loading", and a later try (5 s on, on a fake clock) fetches the chunk again and succeeds.
 * Each chunk is first asked for in this file's page by its own test, while the server refuses it.
 */
describe('lazy chunks that fail to arrive', () => {
  let clock: FakeClock | undefined;
  afterEach(async () => {
    clock?.uninstall();
    clock = undefined;
    cleanup();
    await fetch('/__chunk-fail', { method: 'POST', body: JSON.stringify({ match: '', times: 0 }) });
  });

  async function failNext(match: string, times = 1): Promise<void> {
    await fetch('/__chunk-fail', { method: 'POST', body: JSON.stringify({ match, times }) });
  }

  function errorsOf(el: Element): TiendoErrorDetail[] {
    const seen: TiendoErrorDetail[] = [];
    el.addEventListener('tiendo-error', (e) => seen.push((e as CustomEvent<TiendoErrorDetail>).detail));
    return seen;
  }

  const state = (el: Element) => el.getAttribute('state');
  const shown = (el: Element) => (el.shadowRoot?.querySelector('[part~="base"]') ? visibleText(el) : '');

  it('English words: Vietnamese meanwhile, an error event, English after the retry', async () => {
    await failNext('messages-en');
    clock = installFakeClock();
    const box = mount('<tiendo-progress total="38" completed="6" label="Nghệ An"></tiendo-progress>', { lang: 'en' });
    const el = box.firstElementChild!;
    const errors = errorsOf(el);
    await realUntil(() => state(el) === 'ready', 'shown in Vietnamese, not loading', 15_000);
    expect(shown(el)).to.contain('mô hình hoàn thành');
    await realUntil(() => errors.some((e) => e.kind === 'chunk'), 'tiendo-error for the chunk', 15_000);
    await clock.advance(5_000, () => realWait(50));
    await realUntil(() => shown(el).includes('models completed'), 'English after the retry', 15_000);
  });

  it("editors' words: the error state with the fallback at once, the full reason after the retry", async () => {
    await failNext('rule-messages');
    clock = installFakeClock();
    const el = mount('<tiendo-kpi value="abc" debug>201.884 hồ sơ</tiendo-kpi>').firstElementChild!;
    const errors = errorsOf(el);
    await realUntil(() => state(el) === 'error', 'the error state, not loading', 15_000);
    expect(visibleText(el)).to.contain('201.884 hồ sơ');
    expect(visibleText(el)).to.contain('Chưa hiển thị được số liệu');
    await realUntil(() => errors.length > 0, 'tiendo-error', 15_000);
    await clock.advance(5_000, () => realWait(50));
    await realUntil(() => shown(el).includes('phải là số'), "the rule in the editors' words");
  });

  const widgets: [string, string, string][] = [
    ['tiendo-model-list', `<tiendo-model-list src="${ONE_PROVINCE_FEED}">Nghệ An: 6/38</tiendo-model-list>`, 'Hoàn thành'],
    ['tiendo-picker', `<tiendo-picker src="${FEED}">Chọn tỉnh</tiendo-picker>`, 'Nghệ An'],
    ['tiendo-map', `<tiendo-map src="${FEED}">Bản đồ tiến độ</tiendo-map>`, 'Nghệ An'],
  ];
  for (const [tag, markup, after] of widgets) {
    it(`the <${tag}> element: its fallback text meanwhile, an error event, the widget after the retry`, async () => {
      await failNext(tag);
      clock = installFakeClock();
      const box = document.createElement('div');
      box.innerHTML = markup;
      const el = box.firstElementChild!;
      const errors = errorsOf(el);
      mount('').append(box);
      await realUntil(() => errors.some((e) => e.kind === 'chunk'), 'tiendo-error for the chunk', 15_000);
      expect(customElements.get(tag)).to.equal(undefined);
      expect(box.textContent).to.contain(markup.replace(/^.*?>|<\/.*$/g, '')); // the editor's fallback, as written
      await clock.advance(5_000, () => realWait(50));
      await realUntil(() => state(el) === 'ready', `<${tag}> defined and ready after the retry`, 15_000);
      expect(shown(el)).to.contain(after);
    });
  }

  it('a chunk that never arrives: never "loading" beyond the timeout, asked for again with a growing wait', async () => {
    // The element's code and its view (asked for together) fail for good: the fallback stays, and each
    // retry fires an event again. (The view is first asked for again by the next test.)
    await failNext('province-table', -1);
    clock = installFakeClock();
    const el = mount(`<tiendo-province-table src="${FEED}">Bảng (dự phòng)</tiendo-province-table>`).firstElementChild!;
    const errors = errorsOf(el);
    await realUntil(() => errors.length === 1, 'the first error', 10_000);
    expect(el.textContent).to.equal('Bảng (dự phòng)');
    await clock.advance(5_000, () => realWait(50));
    await realUntil(() => errors.length === 2, 'asked again after 5 s', 15_000);
    await clock.advance(9_000, () => realWait(50));
    expect(errors.length, 'the next wait is longer (10 s)').to.equal(2);
    await clock.advance(1_000, () => realWait(50));
    await realUntil(() => errors.length === 3, 'asked again after 10 s more', 15_000);
  });

  const views: [string, string, string][] = [
    ['province-table-view', `<tiendo-province-table src="${FEED}">Bảng tiến độ</tiendo-province-table>`, 'Nghệ An'],
    // Hidden, so that it draws nothing: Chart.js is first asked for by the next test.
    ['chart-table', `<tiendo-chart src="${FEED}" style="display:none">Biểu đồ tiến độ</tiendo-chart>`, 'Tiến độ mô hình điểm'],
  ];
  for (const [chunk, markup, after] of views) {
    it(`the ${chunk} chunk: the error state with the fallback, an error event, the view after the retry`, async () => {
      // Refused until the server is back: the page asks for the view with the element's code, and the element asks again.
      await failNext(chunk, -1);
      clock = installFakeClock();
      const el = mount(markup).firstElementChild!;
      const errors = errorsOf(el);
      await realUntil(() => state(el) === 'error', 'the error state, not loading', 15_000);
      expect(visibleText(el)).to.contain(markup.replace(/^.*?>|<\/.*$/g, ''));
      await realUntil(() => errors.some((e) => e.kind === 'chunk'), 'tiendo-error for the chunk', 15_000);
      await failNext('', 0);
      await clock.advance(5_000, () => realWait(50));
      await realUntil(() => state(el) === 'ready', 'ready after the retry', 15_000);
      expect(el.shadowRoot!.textContent).to.contain(after);
    });
  }

  it('Chart.js: the table and summary stay, an error event, the drawing after the retry', async () => {
    await failNext('chart-renderer');
    clock = installFakeClock();
    const el = mount(`<tiendo-chart src="${FEED}" style="width:500px"></tiendo-chart>`).firstElementChild!;
    const errors = errorsOf(el);
    await realUntil(() => state(el) === 'ready', 'the chart ready (its table and summary)', 10_000);
    await realUntil(() => errors.some((e) => e.kind === 'chunk'), 'tiendo-error for the chunk', 15_000);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.style.width).to.equal('');
    await clock.advance(5_000, () => realWait(50));
    await realUntil(() => canvas.style.width !== '', 'drawn after the retry', 15_000);
  });
});
