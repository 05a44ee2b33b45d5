/**
 * A commune chosen by attribute (`province` + `commune`, SPEC "Places"): every single-area widget
 * shows the commune's own figures, names and source, not its province's.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { cleanup, mockFeed, mount, untilState, visibleText } from './helpers.js';

const FEED = {
  version: 1,
  asOf: '2025-10-01',
  source: { name: 'Công an tỉnh Hà Tĩnh' },
  models: [
    { id: 'kham-chua-benh', name: 'Khám chữa bệnh bằng căn cước' },
    { id: 'lgsp', name: 'Kết nối LGSP' },
  ],
  metrics: [{ id: 'online-dossiers', name: 'Hồ sơ trực tuyến', unit: 'hồ sơ' }],
  provinces: [
    {
      id: 'ha-tinh',
      name: 'Hà Tĩnh',
      models: { total: 40, completed: 20, inProgress: 15 },
      metrics: { 'online-dossiers': { value: 9000, total: 10000 } },
      // The province's own list differs from its commune's: the commune's widgets must not show it.
      modelStatus: { 'kham-chua-benh': 'not-started', lgsp: 'not-started' },
      communes: [
        {
          id: 'thach-ha',
          name: 'Xã Thạch Hà',
          models: { total: 5, completed: 2, inProgress: 1 },
          modelStatus: { 'kham-chua-benh': 'completed', lgsp: 'in-progress' },
          metrics: { 'online-dossiers': { value: 120, total: 150 } },
          asOf: '2025-09-30',
          source: { name: 'UBND xã Thạch Hà' },
        },
      ],
    },
  ],
};

describe('a commune chosen by attribute', () => {
  afterEach(cleanup);

  it('shows the commune in the progress bar, the KPI and the model list, credited to its own source', async () => {
    const url = await mockFeed([{ body: FEED }]);
    const box = mount(`
      <tiendo-progress src="${url}" province="ha-tinh" commune="thach-ha"></tiendo-progress>
      <tiendo-kpi src="${url}" province="ha-tinh" commune="thach-ha" metric="online-dossiers"></tiendo-kpi>
      <tiendo-model-list src="${url}" province="ha-tinh" commune="thach-ha"></tiendo-model-list>`);
    const [progress, kpi, list] = [...box.children] as HTMLElement[];
    for (const el of [progress, kpi, list]) {
      await untilState(el, 'ready').catch((e: Error) => {
        throw new Error(`${e.message}; defined: ${Boolean(customElements.get(el.localName))}; shown: ${el.shadowRoot?.textContent?.slice(0, 300)}`);
      });
    }

    const p = visibleText(progress);
    expect(p).to.match(/^Xã Thạch Hà/);
    expect(p).to.contain('2/5');
    expect(p, 'not the province').not.to.contain('20/40');

    const k = visibleText(kpi);
    expect(k).to.contain('Xã Thạch Hà');
    expect(k).to.contain('120');
    expect(k, 'not the province').not.to.contain('9.000');

    // Each model with the commune's status, not the province's.
    const items = [...list.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    const itemOf = (name: string) => items.find((t) => t.includes(name)) ?? '';
    expect(itemOf('Khám chữa bệnh bằng căn cước')).to.contain('Hoàn thành');
    expect(itemOf('Kết nối LGSP')).to.contain('Đang triển khai');
    expect(items.filter((t) => t.includes('Chưa triển khai') && (t.includes('Khám') || t.includes('LGSP')))).to.deep.equal([]);

    for (const el of [progress, kpi, list]) {
      const text = visibleText(el);
      expect(text, `<${el.localName}> credits the commune's source`).to.contain('UBND xã Thạch Hà');
      expect(text, `<${el.localName}> gives the commune's date`).to.contain('30/09/2025');
    }
  });
});
