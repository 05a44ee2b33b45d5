import { expect } from '@esm-bundle/chai';
import { openPage, until } from './helpers.js';

/**
 * The data studio recognises the provinces of a sheet (issue 14: "tiendo validate, from-csv and the
 * studio recognise a province by name, without regard to diacritics and case, or code, fill a missing
 * code, and warn when code and name disagree or a code names no unit of the feed's era"), as an
 * officer sees it in dist/studio.html (built first): the list the sheet was recognised in, the codes
 * filled in the downloaded feed (and the preview's map placing each province by them), and the
 * warnings, each at its row and the code's column, in Vietnamese and English; warnings never keep
 * the feed from being downloaded. The command-line side: test/cli/validate-places.test.mjs.
 */
type Studio = { frame: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis };
type Province = { id: string; code?: string; name: string };

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function studio(query = ''): Promise<Studio> {
  const frame = await openPage(`/dist/studio.html${query}`, 1200, 1400);
  frames.push(frame);
  const doc = frame.contentDocument!;
  await until(() => /Chưa có bảng tính|No spreadsheet yet/.test(doc.getElementById('check-status')!.textContent!), 'studio ready', 8000);
  return { frame, doc, win: frame.contentWindow as Window & typeof globalThis };
}

const byId = <T extends HTMLElement>(s: Studio, id: string) => s.doc.getElementById(id) as T;
const fold = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const text = (s: Studio, id: string) => fold(byId(s, id).textContent);

/** Sets a control of the page and lets the studio hear of it, as a person's edit would. */
function set(s: Studio, id: string, value: string): void {
  const control = byId<HTMLInputElement>(s, id);
  control.value = value;
  control.dispatchEvent(new s.win.Event('change', { bubbles: true }));
}

/** Opens a CSV sheet (semicolons, as Vietnamese Excel writes them) and waits until it is checked. */
async function open(s: Studio, name: string, lines: string[]): Promise<string> {
  const input = byId<HTMLInputElement>(s, 'file');
  const dt = new s.win.DataTransfer();
  dt.items.add(new s.win.File([new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)], name));
  input.files = dt.files;
  input.dispatchEvent(new s.win.Event('change', { bubbles: true }));
  await until(
    () => text(s, 'file-status').includes(name) && !/Đang đọc|Reading/.test(text(s, 'file-status')) && /lỗi|problem/i.test(text(s, 'check-status')),
    `${name} checked`,
    8000,
  );
  return text(s, 'check-status');
}

/** The feed the download link holds. */
async function downloaded(s: Studio): Promise<{ provinces: Province[] }> {
  const link = byId<HTMLAnchorElement>(s, 'download');
  expect(link.hidden, 'the download link is shown').to.equal(false);
  return (await (await fetch(link.href)).json()) as { provinces: Province[] };
}

/** The warnings listed, each as the page says it ('dòng 3, cột A "Mã": …'). */
const warnings = (s: Studio) => [...s.doc.querySelectorAll('#problems ol.warnings > li')].map((li) => fold(li.textContent));

/** The preview's map, once ready: each tile's accessible name. */
async function mapTiles(s: Studio): Promise<string[]> {
  const map = () => s.doc.querySelector('#preview tiendo-map');
  await until(() => map()?.getAttribute('state') === 'ready', `preview map ready (is ${map()?.getAttribute('state')}: ${fold(map()?.shadowRoot?.textContent ?? '').slice(0, 200)} ${text(s, 'preview-status')})`, 10_000);
  return [...map()!.shadowRoot!.querySelectorAll('[part~="tile"] .label')].map((l) => fold(l.textContent));
}

describe('data studio: the provinces of a sheet', () => {
  it('recognises names written without diacritics or in capitals, and fills their official codes (34 units)', async () => {
    const s = await studio();
    set(s, 'f-as-of', '2025-10-31');
    const status = await open(s, 'khong-dau.csv', ['Mã;Tỉnh;Tổng số mô hình;Hoàn thành', ';nghe an;38;6', ';HÀ TĨNH;43;10', ';Thanh hoa;20;5']);
    expect(status).to.equal('Không có lỗi. Feed gồm 3 tỉnh và 0 chỉ số.');
    expect(text(s, 'columns-summary')).to.contain('Các tỉnh được nhận ra trong danh sách 34 đơn vị hành chính cấp tỉnh từ ngày 1/7/2025.');
    // Nothing to warn about: a missing code is filled, not a slip.
    expect(warnings(s)).to.deep.equal([]);
    const feed = await downloaded(s);
    expect(feed.provinces.map((p) => [p.id, p.code, p.name])).to.deep.equal([
      ['nghe-an', '40', 'nghe an'],
      ['ha-tinh', '42', 'HÀ TĨNH'],
      ['thanh-hoa', '38', 'Thanh hoa'],
    ]);
    // The preview's map places each on its own tile, by the code filled in.
    const tiles = await mapTiles(s);
    expect(tiles).to.have.length(34);
    expect(tiles).to.include.members(['nghe an: 15,8%', 'HÀ TĨNH: 23,3%', 'Thanh hoa: 25,0%']);
  });

  it('recognises "NGHỆ AN" and "vinh phuc" among the 63 former units of an older sheet, and fills their codes', async () => {
    const s = await studio();
    set(s, 'f-as-of', '2024-10-04');
    const status = await open(s, 'cu.csv', ['Mã;Tỉnh, thành phố;Tổng số mô hình;Hoàn thành', ';NGHỆ AN;38;6', ';vinh phuc;12;3']);
    expect(status, text(s, 'problems')).to.equal('Không có lỗi. Feed gồm 2 tỉnh và 0 chỉ số.');
    expect(text(s, 'columns-summary')).to.contain('Các tỉnh được nhận ra trong danh sách 63 đơn vị hành chính cấp tỉnh trước ngày 1/7/2025.');
    expect(warnings(s)).to.deep.equal([]);
    const feed = await downloaded(s);
    expect(feed.provinces.map((p) => [p.id, p.code])).to.deep.equal([
      ['nghe-an', '40'],
      ['vinh-phuc', '26'],
    ]);
    const tiles = await mapTiles(s);
    expect(tiles).to.have.length(63);
    expect(tiles).to.include.members(['NGHỆ AN: 15,8%', 'vinh phuc: 25,0%']);
  });

  /** A sheet of 2025 whose codes have three slips: another unit's code, a former unit's code, no unit's code. */
  const SLIPS = [
    'Mã;Tỉnh;Tổng số mô hình;Hoàn thành',
    '40;nghe an;38;6',
    '38;Hà Tĩnh;43;10',
    '26;Vĩnh Phúc;12;3',
    '99;Cà Mau;20;5',
    '44;Quảng Trị;30;3',
    '24;Bắc Ninh;30;3',
    '52;Gia Lai;30;3',
    '91;An Giang;30;3',
    '82;Đồng Tháp;30;3',
  ];

  it('warns at the code’s cell when code and name disagree or a code names no unit of the sheet’s list, and still gives the feed', async () => {
    const s = await studio();
    set(s, 'f-as-of', '2025-10-31');
    const status = await open(s, 'sai-ma.csv', SLIPS);
    expect(status).to.equal('Không có lỗi. Feed gồm 9 tỉnh và 0 chỉ số.');
    expect(text(s, 'columns-summary')).to.contain('34 đơn vị hành chính cấp tỉnh từ ngày 1/7/2025');
    expect(warnings(s)).to.deep.equal([
      'dòng 3, cột A "Mã": mã "38" là Thanh Hóa, không phải "Hà Tĩnh"; hãy xem lại mã hoặc tên',
      'dòng 4, cột A "Mã": mã "26" không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025',
      'dòng 5, cột A "Mã": mã "99" không phải mã của tỉnh, thành phố nào trong 34 đơn vị từ ngày 1/7/2025',
    ]);
    // The codes stay as the officer wrote them: the studio says, it does not guess.
    const feed = await downloaded(s);
    expect(feed.provinces.slice(0, 4).map((p) => [p.id, p.code])).to.deep.equal([
      ['nghe-an', '40'],
      ['ha-tinh', '38'],
      ['vinh-phuc', '26'],
      ['ca-mau', '99'],
    ]);
    // A row whose code and name agree has nothing said about it, even written without diacritics.
    expect(warnings(s).some((w) => w.startsWith('dòng 2,'))).to.equal(false);
  });

  it('says the same in English', async () => {
    const s = await studio('?lang=en');
    set(s, 'f-as-of', '2025-10-31');
    expect(await open(s, 'wrong-codes.csv', SLIPS)).to.match(/^No problems?\b/);
    expect(text(s, 'columns-summary')).to.contain('The provinces were recognised among the 34 provincial units from 1 July 2025.');
    const said = warnings(s);
    expect(said).to.deep.equal([
      'row 3, column A "Mã": the code "38" is Thanh Hóa, not "Hà Tĩnh"; check the code or the name',
      'row 4, column A "Mã": the code "26" is no province\'s code among the 34 units from 1 July 2025',
      'row 5, column A "Mã": the code "99" is no province\'s code among the 34 units from 1 July 2025',
    ]);
    expect((await downloaded(s)).provinces).to.have.length(9);
  });
});
