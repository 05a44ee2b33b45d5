import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { TiendoSelectDetail } from '../src/index.js';
import { FEED, cleanup, expectAccessible, mockFeed, mount, until, untilState, visibleText } from './helpers.js';

/** Linked widgets (SPEC "Linked widgets"): a picker and the widgets of its group. */
describe('<tiendo-picker> and linked widgets', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', location.pathname);
  });

  // Groups live as long as the page: each test has its own.
  let n = 0;
  let g = '';
  beforeEach(() => (g = `g${++n}`));

  function page(extra = '') {
    return mount(`
      <tiendo-picker src="${FEED}" group="${g}" ${extra}></tiendo-picker>
      <tiendo-progress src="${FEED}" group="${g}"></tiendo-progress>
      <tiendo-kpi src="${FEED}" group="${g}" metric="on-time"></tiendo-kpi>
      <tiendo-model-list src="${FEED}" group="${g}" province="ha-tinh"></tiendo-model-list>
      <tiendo-province-table src="${FEED}" group="${g}"></tiendo-province-table>
      <tiendo-progress src="${FEED}" group="other-${g}" province="ha-noi"></tiendo-progress>`);
  }

  /** What a widget shows, '' before its first render. */
  const shown = (el: Element) => (el.shadowRoot?.querySelector('[part~="base"]') ? visibleText(el) : '');
  const select = (picker: Element) => picker.shadowRoot!.querySelector('select')!;
  const choose = (picker: Element, id: string) => {
    const s = select(picker);
    s.value = id;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('lists the whole country first, then the provinces in Vietnamese order, under a label', async () => {
    const box = page();
    const picker = box.querySelector('tiendo-picker')!;
    await untilState(picker, 'ready');
    const options = [...select(picker).options].map((o) => o.textContent!.trim());
    // The whole country in the reader's word, though the feed names its national block for the body that reports it.
    expect(options).to.deep.equal(['Toàn quốc', 'Hà Nội', 'Hà Tĩnh', 'Nghệ An', 'Vĩnh Phúc']);
    expect(visibleText(picker)).to.contain('Chọn tỉnh, thành phố');
    expect(select(picker).labels![0].textContent).to.equal('Chọn tỉnh, thành phố');
    // Like every widget, it credits the feed's source and date.
    expect(visibleText(picker)).to.contain('Nguồn: Công an tỉnh Hà Tĩnh');
    await expectAccessible(picker);
    picker.setAttribute('lang', 'en');
    await until(() => picker.shadowRoot!.querySelector('select')?.options[0]?.textContent!.trim() === 'Nationwide', 'the English word for the whole country');
    expect(select(picker).options[0].hasAttribute('lang'), 'the reader\'s own word is not marked Vietnamese').to.equal(false);
    expect(select(picker).options[1].getAttribute('lang')).to.equal('vi');
  });

  it('lists the communes of the group\'s province with level="commune", and the group follows a commune', async () => {
    const feed = {
      version: 1,
      asOf: '2025-10-01',
      source: { name: 'Công an tỉnh Hà Tĩnh' },
      provinces: [
        {
          id: 'ha-tinh',
          name: 'Hà Tĩnh',
          models: { total: 10, completed: 4 },
          communes: [
            { id: 'thach-ha', name: 'Xã Thạch Hà', models: { total: 5, completed: 2 } },
            { id: 'bac-hong-linh', name: 'Phường Bắc Hồng Lĩnh', models: { total: 3, completed: 1 } },
          ],
        },
        { id: 'nghe-an', name: 'Nghệ An', models: { total: 8, completed: 3 } },
      ],
    };
    const url = await mockFeed([{ body: feed }]);
    const box = mount(`
      <tiendo-picker src="${url}" group="${g}"></tiendo-picker>
      <tiendo-picker src="${url}" group="${g}" level="commune"></tiendo-picker>
      <tiendo-progress src="${url}" group="${g}" province="nghe-an"></tiendo-progress>`);
    const [provinces, communes, progress] = [...box.children] as HTMLElement[];
    await untilState(provinces, 'ready');
    choose(provinces, 'ha-tinh');
    await untilState(communes, 'ready');
    const names = () => [...select(communes).options].map((o) => o.textContent!.trim());
    expect(names(), 'the whole province first, then its communes in Vietnamese order').to.deep.equal(['Toàn tỉnh', 'Phường Bắc Hồng Lĩnh', 'Xã Thạch Hà']);
    expect(select(communes).labels![0].textContent).to.equal('Chọn xã, phường');
    await until(() => shown(progress).startsWith('Hà Tĩnh'), 'the progress bar on Hà Tĩnh');
    choose(communes, 'thach-ha');
    await until(() => shown(progress).startsWith('Xã Thạch Hà'), 'the progress bar on the chosen commune');
    expect(shown(progress)).to.contain('2/5');
    await expectAccessible(communes);
  });

  it('takes the label the editor gives it', async () => {
    const box = page('label="Xem số liệu của"');
    const picker = box.querySelector('tiendo-picker')!;
    await untilState(picker, 'ready');
    expect(select(picker).labels![0].textContent).to.equal('Xem số liệu của');
    expect(visibleText(picker)).to.contain('Xem số liệu của');
  });

  it('moves the group to the chosen province (progress, KPI, model list; the table highlights it), not another group', async () => {
    const box = page();
    const [picker, progress, kpi, list, table, other] = [...box.children] as HTMLElement[];
    await untilState(picker, 'ready');
    await untilState(kpi, 'ready');
    await untilState(table, 'ready');
    await untilState(other, 'ready');
    // The national block has no model counts; the KPI's metric is national only.
    await untilState(progress, 'empty');
    expect(visibleText(kpi)).to.contain('Bộ Công an');
    await untilState(list, 'empty'); // its own province (Hà Tĩnh) holds until the group's choice changes
    expect(list.getAttribute('province')).to.equal('ha-tinh');
    const heard: TiendoSelectDetail[] = [];
    document.addEventListener('tiendo-select', (e) => heard.push(e.detail), { once: true });
    choose(picker, 'nghe-an');
    await until(() => shown(progress).includes('Nghệ An') && shown(progress).includes('6/38'), 'progress on Nghệ An');
    expect(heard).to.deep.equal([{ province: 'nghe-an', commune: undefined, group: g }]);
    expect(progress.getAttribute('province')).to.equal('nghe-an');
    await until(() => kpi.getAttribute('province') === 'nghe-an' && kpi.getAttribute('state') === 'empty', 'the KPI on Nghệ An');
    await until(() => shown(list).includes('Nghệ An'), 'the model list on Nghệ An');
    await until(() => table.getAttribute('highlight') === 'nghe-an', 'the table highlights Nghệ An');
    await until(() => table.shadowRoot!.querySelector('[part~="row-highlight"]')?.textContent?.includes('Nghệ An') === true, 'the highlighted row');
    expect(other.getAttribute('province')).to.equal('ha-noi');
    expect(visibleText(other)).to.contain('Hà Nội');
    // The whole country (the national block) brings the national figures back.
    choose(picker, '');
    await until(() => !kpi.hasAttribute('province') && kpi.getAttribute('state') === 'ready', 'national figures');
    expect(visibleText(kpi)).to.contain('Bộ Công an');
    // A KPI whose metric the chosen province reports shows that province's figure.
    box.insertAdjacentHTML('beforeend', `<tiendo-kpi src="${FEED}" group="${g}" metric="passport-online"></tiendo-kpi>`);
    const passports = box.lastElementChild as HTMLElement;
    choose(picker, 'vinh-phuc');
    await until(() => shown(passports).includes('Vĩnh Phúc'), 'the KPI on Vĩnh Phúc');
    expect(shown(passports)).to.contain('5.862');
  });

  it('is operable from the keyboard', async () => {
    const box = page();
    const [picker, progress] = [...box.children] as HTMLElement[];
    await untilState(picker, 'ready');
    // Reached with Tab from what comes before it on the page.
    picker.insertAdjacentHTML('beforebegin', '<button>trước</button>');
    box.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(picker.shadowRoot!.activeElement).to.equal(select(picker));
    await sendKeys({ type: 'Ng' });
    await until(() => select(picker).value === 'nghe-an', 'type-ahead chooses Nghệ An', 3000);
    await until(() => shown(progress).includes('Nghệ An'), 'progress follows the keyboard choice');
  });

  it('opens on the province of the page address and writes the choice back, keeping other parameters', async () => {
    history.replaceState(null, '', `${location.pathname}?tinh=ha-tinh&x=1`);
    const box = page('url-param="tinh"');
    const [picker, progress] = [...box.children] as HTMLElement[];
    await until(() => shown(progress).includes('Hà Tĩnh'), 'Hà Tĩnh from the address');
    expect(select(picker).value).to.equal('ha-tinh');
    const before = history.length;
    choose(picker, 'nghe-an');
    await until(() => shown(progress).includes('Nghệ An'), 'Nghệ An');
    const params = new URL(location.href).searchParams;
    expect(params.get('tinh')).to.equal('nghe-an');
    expect(params.get('x')).to.equal('1');
    expect(history.length).to.equal(before); // replaced, not pushed: no reload, no new history entry
  });

  it("a shared link wins over a widget's own highlight, even one whose code arrives after the choice", async () => {
    history.replaceState(null, '', `${location.pathname}?tinh=ha-tinh`);
    const box = mount(`
      <tiendo-picker src="${FEED}" group="${g}" url-param="tinh"></tiendo-picker>
      <tiendo-province-table src="${FEED}" group="${g}" highlight="nghe-an"></tiendo-province-table>`);
    const table = box.querySelector('tiendo-province-table')!;
    await until(() => table.getAttribute('highlight') === 'ha-tinh', 'the table on the shared link\'s province');
    await until(() => table.shadowRoot?.querySelector('[part~="row-highlight"]')?.textContent?.includes('Hà Tĩnh') === true, 'its row');
  });

  it('ignores an unknown province in the address, with a warning, never an error', async () => {
    history.replaceState(null, '', `${location.pathname}?tinh=atlantis`);
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (m: string) => warned.push(String(m));
    try {
      const box = page('url-param="tinh"');
      const [picker, , kpi] = [...box.children] as HTMLElement[];
      await untilState(picker, 'ready');
      await untilState(kpi, 'ready');
      expect(visibleText(kpi)).to.contain('Bộ Công an');
      expect(select(picker).value).to.equal('');
      expect(warned.join('\n')).to.contain('atlantis');
    } finally {
      console.warn = warn;
    }
  });

  it('brings widgets added later to the current choice', async () => {
    const box = page();
    const picker = box.querySelector('tiendo-picker')!;
    await untilState(picker, 'ready');
    choose(picker, 'ha-tinh');
    const late = mount(`<tiendo-progress src="${FEED}" group="${g}"></tiendo-progress>`).firstElementChild as HTMLElement;
    await until(() => shown(late).includes('Hà Tĩnh'), 'the late widget on Hà Tĩnh');
  });

  it('fits 320 px', async () => {
    const box = page();
    box.style.width = '320px';
    const picker = box.querySelector('tiendo-picker')!;
    await untilState(picker, 'ready');
    expect(picker.scrollWidth).to.be.at.most(320);
    expect(select(picker).getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right + 0.5);
  });
});

describe('two copies of the script on one page', () => {
  it('share one group state: a choice made through one copy reaches widgets of the other', async () => {
    // A second copy of the module, as a second script (another build or URL) would load it.
    const one = await import('../src/base/group-controller.js');
    const two = (await import(/* @vite-ignore */ new URL('../src/base/group-controller.ts?copy=2', import.meta.url).href)) as typeof one;
    expect(two.GroupController).to.not.equal(one.GroupController);
    const followed: string[] = [];
    const host = Object.assign(document.createElement('div'), {
      group: 'copies',
      addController() {},
      followGroup: (choice: { province: string }) => followed.push(choice.province),
    });
    const member = new two.GroupController(host as never);
    document.body.append(host);
    member.hostConnected();
    try {
      // The picker (first copy) says what the reader chose; the second copy's member follows.
      host.dispatchEvent(new CustomEvent('tiendo-select', { detail: { province: 'ha-tinh', group: 'copies' }, bubbles: true, composed: true }));
      expect(followed).to.deep.equal(['ha-tinh']);
      expect(one.groupChoice('copies')).to.deep.equal({ province: 'ha-tinh', commune: undefined });
      expect(two.groupChoice('copies')).to.deep.equal(one.groupChoice('copies'));
    } finally {
      member.hostDisconnected();
      host.remove();
    }
  });
});

describe('two built copies on one page', () => {
  afterEach(cleanup);
  const seen = (el: Element) => (el.shadowRoot?.querySelector('[part~="base"]') ? visibleText(el) : '');

  it("a widget of the built script joins a choice made through the source's copy before it came, and follows the next", async () => {
    // dist/index.js (the package's module) is a whole second copy (its own core, loader and group code: `npm test` builds it
    // first). Its tags are taken by the copy this page loaded, so its progress bar is made under a tag of
    // its own, as a widget of an older or newer tiendo on the same page would be.
    const built = (await import(/* @vite-ignore */ new URL('/dist/index.js', location.href).href)) as typeof import('../src/index.js');
    const mine = await import('../src/index.js');
    expect(built.TiendoProgress).to.not.equal(mine.TiendoProgress);
    if (!customElements.get('copy-two-progress')) customElements.define('copy-two-progress', class extends built.TiendoProgress {});
    // The choice is made before the other copy has any widget on the page: only a state the two copies
    // share can tell its widgets what was chosen.
    const box = mount(`<tiendo-picker src="${FEED}" group="two-copies"></tiendo-picker>`);
    const picker = box.firstElementChild as HTMLElement;
    await untilState(picker, 'ready');
    const s = picker.shadowRoot!.querySelector('select')!;
    s.value = 'nghe-an';
    s.dispatchEvent(new Event('change', { bubbles: true }));
    const theirs = mount(`<copy-two-progress src="${FEED}" group="two-copies" province="ha-noi"></copy-two-progress>`).firstElementChild as HTMLElement;
    await until(() => seen(theirs).includes('Nghệ An') && seen(theirs).includes('6/38'), "the other copy's progress joins the choice made before it");
    // And follows the next one.
    s.value = 'ha-tinh';
    s.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => seen(theirs).includes('Hà Tĩnh'), "the other copy's progress on Hà Tĩnh");
  });
});

/** Where a real pointer clicks an element (its centre, in the page's CSS pixels). */
async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

describe('a choice made with the pointer', () => {
  afterEach(cleanup);

  const F34 = '/test/fixtures/provinces-34.json';

  it("a click on a map tile or a table row's name moves the group; another group stays", async () => {
    const box = mount(`
      <tiendo-map src="${F34}" group="by-pointer"></tiendo-map>
      <tiendo-progress src="${F34}" group="by-pointer" province="nghe-an"></tiendo-progress>
      <tiendo-province-table src="${F34}" group="by-pointer"></tiendo-province-table>
      <tiendo-chart src="${F34}" group="by-pointer"></tiendo-chart>
      <tiendo-progress src="${F34}" group="elsewhere" province="nghe-an"></tiendo-progress>`);
    const [map, progress, table, chart, other] = [...box.children] as HTMLElement[];
    for (const el of [map, progress, table, chart, other]) await untilState(el, 'ready');
    const heard: unknown[] = [];
    box.addEventListener('tiendo-select', (e) => heard.push((e as CustomEvent).detail));
    // A tile, as a finger or a mouse chooses it.
    const tile = [...map.shadowRoot!.querySelectorAll('[part~="tile"]')].find((t) => t.textContent!.includes('Hà Tĩnh'))!;
    await click(tile);
    await until(() => visibleText(progress).includes('Hà Tĩnh'), 'the progress on Hà Tĩnh after a click on its tile');
    await until(() => table.getAttribute('highlight') === 'ha-tinh', 'the table highlights Hà Tĩnh');
    await until(() => chart.getAttribute('highlight') === 'ha-tinh', 'the chart highlights Hà Tĩnh');
    // The chart's words say where the chosen province ranks.
    await until(() => /Hà Tĩnh: [^()]+\(xếp thứ \d+ trên 34\)/.test(chart.shadowRoot!.textContent!), 'the chart ranks Hà Tĩnh');
    expect(heard).to.deep.equal([{ province: 'ha-tinh', commune: undefined, group: 'by-pointer' }]);
    // A row's name in the table.
    const name = [...table.shadowRoot!.querySelectorAll('tbody th button')].find((b) => b.textContent!.includes('Quảng Trị'))!;
    await click(name);
    await until(() => visibleText(progress).includes('Quảng Trị'), 'the progress on Quảng Trị after a click on its row');
    await until(() => map.getAttribute('highlight') === 'quang-tri', 'the map highlights Quảng Trị');
    expect(other.getAttribute('province')).to.equal('nghe-an');
    expect(visibleText(other)).to.contain('Nghệ An');
  });

  it('a click on the picker opens it for the choice, and the group follows what is chosen there', async () => {
    const box = mount(`
      <tiendo-picker src="${F34}" group="by-click"></tiendo-picker>
      <tiendo-progress src="${F34}" group="by-click" province="nghe-an"></tiendo-progress>`);
    const [picker, progress] = [...box.children] as HTMLElement[];
    await untilState(picker, 'ready');
    await untilState(progress, 'ready');
    const s = picker.shadowRoot!.querySelector('select')!;
    await click(s);
    expect(picker.shadowRoot!.activeElement).to.equal(s);
    // The list the browser opens is its own, out of the page's (and the test driver's) reach: closed by a
    // second click, the focused select steps to the next province as it does in every engine, and fires its change.
    const before = s.value;
    await click(s);
    expect(picker.shadowRoot!.activeElement).to.equal(s);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => s.value !== before, 'a choice in the opened list');
    const chosen = s.selectedOptions[0].textContent!.trim();
    await until(() => visibleText(progress).includes(chosen), `the progress on ${chosen}`);
  });
});

describe('a map tile drives its group', () => {
  afterEach(cleanup);

  it('Enter on a tile moves the group: the progress follows, the table highlights', async () => {
    const F34 = '/test/fixtures/provinces-34.json';
    const box = mount(`<button>before</button>
      <tiendo-map src="${F34}" group="by-map" highlight="nghe-an"></tiendo-map>
      <tiendo-progress src="${F34}" group="by-map" province="nghe-an"></tiendo-progress>
      <tiendo-province-table src="${F34}" group="by-map"></tiendo-province-table>
      <tiendo-progress src="${F34}" group="another" province="nghe-an"></tiendo-progress>`);
    const [map, progress, table, other] = [...box.querySelectorAll('tiendo-map, tiendo-progress, tiendo-province-table')] as HTMLElement[];
    await untilState(map, 'ready');
    await untilState(progress, 'ready');
    await untilState(table, 'ready');
    box.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' }); // into the map, on its highlighted tile (Nghệ An)
    await sendKeys({ press: 'ArrowDown' }); // Hà Tĩnh, south of it
    await sendKeys({ press: 'Enter' });
    await until(() => progress.getAttribute('province') === 'ha-tinh', 'the progress on Hà Tĩnh');
    await until(() => visibleText(progress).includes('Hà Tĩnh'), 'showing Hà Tĩnh');
    await until(() => table.getAttribute('highlight') === 'ha-tinh', 'the table highlights Hà Tĩnh');
    expect(other.getAttribute('province')).to.equal('nghe-an');
  });
});
