import { expect } from '@esm-bundle/chai';
import { expectAccessibleDocument, openPage, until, visibleText } from './helpers.js';

/**
 * The data studio as a portal hosts it: dist/studio.html, served as built
 * (`npx vite build` first), beside the library. An officer opens a spreadsheet
 * (through the file input, as a browser sets it, or by dropping it), fills the
 * feed's details, reads the problems, looks at the preview and downloads
 * feed.json. The feeds it gives are compared with what the command-line tool
 * gave for the same files (test/fixtures/studio/make-fixtures.mjs); that these
 * are what the CLI makes today, and that the studio and the CLI write the same
 * bytes for the same file in one run, is test/cli/studio-cli.test.mjs's part.
 */
type Studio = { frame: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis };

const FIXTURES = '/test/fixtures/studio/';
const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function studio(width = 1200, query = ''): Promise<Studio> {
  const frame = await openPage(`/dist/studio.html${query}`, width, 1400);
  frames.push(frame);
  const doc = frame.contentDocument!;
  await until(() => /Chưa có bảng tính|No spreadsheet yet/.test(doc.getElementById('check-status')!.textContent!), 'studio ready', 8000);
  return { frame, doc, win: frame.contentWindow as Window & typeof globalThis };
}

const byId = <T extends HTMLElement>(s: Studio, id: string) => s.doc.getElementById(id) as T;

/** The text a sighted reader sees in a part of the page (not a widget: see visibleText), white space folded. */
function pageText(el: Element): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return void out.push(node.textContent ?? '');
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const style = element.ownerDocument.defaultView!.getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || element.localName === 'script') return;
    if (element.shadowRoot) out.push(visibleText(element));
    else element.childNodes.forEach(walk);
    if (style.display !== 'inline') out.push(' ');
  };
  walk(el);
  return out.join('').replace(/\s+/g, ' ').trim();
}

const text = (s: Studio, id: string) => pageText(byId(s, id));

/** A file as the officer's computer holds it, made in the studio's own window. */
async function fixture(s: Studio, url: string, name = url.split('/').pop()!): Promise<File> {
  const response = await fetch(url);
  expect(response.status, url).to.equal(200);
  return new s.win.File([await response.arrayBuffer()], name);
}

/** Chooses `file` in a file input as a browser does: its FileList set, then `change`. */
function choose(s: Studio, id: string, file: File): void {
  const input = byId<HTMLInputElement>(s, id);
  const dt = new s.win.DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new s.win.Event('change', { bubbles: true }));
}

/** Sets a control of the page and lets the studio hear of it, as a person's edit would. */
function set(s: Studio, id: string, value: string): void {
  const control = byId<HTMLInputElement | HTMLSelectElement>(s, id);
  control.value = value;
  control.dispatchEvent(new s.win.Event('change', { bubbles: true }));
}

/** Waits until the check step has spoken about the file named `name`, then returns what it says. */
async function checked(s: Studio, name: string): Promise<string> {
  await until(
    () => text(s, 'file-status').includes(name) && !/Đang đọc|Reading/.test(text(s, 'file-status')) && /lỗi|Không có lỗi|problem/.test(text(s, 'check-status')),
    `${name} checked`,
    8000,
  );
  return text(s, 'check-status');
}

/** The feed the download link holds. */
async function downloaded(s: Studio): Promise<Record<string, unknown>> {
  const link = byId<HTMLAnchorElement>(s, 'download');
  expect(link.hidden, 'the download link is shown').to.equal(false);
  expect(link.download).to.equal('feed.json');
  expect(link.href).to.match(/^blob:/);
  return (await (await fetch(link.href)).json()) as Record<string, unknown>;
}

/** Chooses a sheet of the open workbook and waits until it is read. */
async function sheet(s: Studio, name: string): Promise<void> {
  set(s, 'sheet', name);
  await until(() => text(s, 'file-status').includes(`"${name}"`) && /lỗi/.test(text(s, 'check-status')), `sheet ${name} read`);
}

async function expected(name: string): Promise<unknown> {
  return (await fetch(`${FIXTURES}${name}`)).json();
}

function fillDetails(s: Studio): void {
  set(s, 'f-title', 'Tiến độ Đề án 06');
  set(s, 'f-as-of', '2024-10-04');
  set(s, 'f-source-name', 'Công an tỉnh Nghệ An');
  set(s, 'f-source-url', 'https://congan.nghean.gov.vn/');
}

const problemsText = (s: Studio) => pageText(byId(s, 'problems'));

/** The resources the studio's window fetched. */
const resources = (s: Studio) => s.win.performance.getEntriesByType('resource').map((e) => e.name);

describe('data studio (dist/studio.html): an Excel workbook', () => {
  it('gives the same feed as tiendo from-csv for a report with Vietnamese headers, on the sheet the officer chooses', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    expect(text(s, 'file-status')).to.contain('sổ làm việc Excel, trang tính "Tháng 9"');
    // Two sheets: the officer picks October's.
    const sheets = byId<HTMLSelectElement>(s, 'sheet');
    expect(byId(s, 'sheet-field').hidden).to.equal(false);
    expect([...sheets.options].map((o) => o.textContent)).to.deep.equal(['Tháng 9', 'Tháng 10']);
    await sheet(s, 'Tháng 10');
    fillDetails(s);
    await until(() => /Không có lỗi/.test(text(s, 'check-status')), 'no problem');
    expect(text(s, 'check-status')).to.equal('Không có lỗi. Feed gồm 3 tỉnh và 2 chỉ số.');
    expect(await downloaded(s)).to.deep.equal(await expected('thang-10.feed.json'));
    // The workbook reader is a chunk of its own, fetched for the workbook.
    expect(resources(s).some((url) => /\/dist\/chunks\/studio-xlsx-[\w-]+\.js$/.test(url))).to.equal(true);
  });

  it('shows the columns it recognised and those it passed over, and the header row under the report title', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    const rows = [...byId<HTMLTableElement>(s, 'columns').tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
    expect(rows).to.deep.equal([
      ['A', '', 'bỏ qua: cột không có tiêu đề'],
      ['B', 'Mã', 'mã tỉnh'],
      ['C', 'Tỉnh', 'tên tỉnh'],
      ['D', 'Tổng số mô hình', 'tổng số mô hình'],
      ['E', 'Hoàn thành', 'số mô hình hoàn thành'],
      ['F', 'Đang triển khai', 'số mô hình đang triển khai'],
      ['G', 'Chưa triển khai', 'số mô hình chưa triển khai'],
      ['H', 'Hồ sơ trực tuyến', 'chỉ số "Hồ sơ trực tuyến": số liệu'],
      ['I', 'Hồ sơ trực tuyến (tổng)', 'chỉ số "Hồ sơ trực tuyến": tổng'],
      ['J', 'Hồ sơ đúng hạn (tỷ lệ)', 'chỉ số "Hồ sơ đúng hạn": tỷ lệ'],
    ]);
    const summary = text(s, 'columns-summary');
    expect(summary).to.contain('Dòng tiêu đề là dòng 3. Các dòng phía trên (tên báo cáo, dòng trống) được bỏ qua.');
    expect(summary).to.contain('Nhận ra 9 cột, bỏ qua 1 cột.');
    expect(summary).to.contain('34 đơn vị hành chính cấp tỉnh');
  });

  it('pins a bad cell to its row, column and header, in the sheet\'s words, and makes no feed', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao-loi.xlsx`));
    expect(await checked(s, 'bao-cao-loi.xlsx')).to.equal('Có 1 lỗi. Sửa trong Excel, lưu lại, rồi chọn lại tệp ở mục 1.');
    expect(problemsText(s)).to.contain('dòng 4, cột E "Hoàn thành": "sáu" không phải là số (để trống ô nếu không có số liệu)');
    expect(byId(s, 'download').hidden).to.equal(true);
    expect(text(s, 'download-status')).to.contain('Chưa có feed để tải');
    expect(text(s, 'preview-status')).to.contain('Chưa xem trước được');
    expect(s.doc.querySelector('#preview [state]')).to.equal(null);
    // The validator's rule, reworded with the sheet's headers rather than JSON keys.
    await sheet(s, 'Vượt tổng');
    expect(problemsText(s)).to.contain(
      'dòng 5, cột D "Tổng số mô hình": tổng "Hoàn thành", "Đang triển khai", "Chưa triển khai" (93) vượt quá "Tổng số mô hình" (43)',
    );
    expect(problemsText(s)).not.to.match(/completed|provinces\[/);
    // In English, the same places and rules.
    byId(s, 'switch-lang').click();
    await until(() => problemsText(s).includes('row 5, column D "Tổng số mô hình"'), 'English problems');
    expect(text(s, 'step1')).to.equal('1. Choose the spreadsheet');
    expect(s.doc.documentElement.lang).to.equal('en');
    expect(text(s, 'check-status')).to.equal('One problem. Fix it in Excel, save, and choose the file again in step 1.');
  });

  it('refuses an old .xls workbook with how to save it again', async () => {
    const s = await studio();
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    choose(s, 'file', new s.win.File([xls], 'bao-cao.xls'));
    await checked(s, 'bao-cao.xls');
    expect(text(s, 'file-status')).to.equal('Không đọc được bao-cao.xls: xem mục 5.');
    expect(problemsText(s)).to.contain('Cả tệp: tệp là sổ làm việc Excel 97–2003 (.xls)');
    expect(problemsText(s)).to.contain('Excel Workbook (*.xlsx)');
  });
});

describe('data studio: Excel\'s text exports', () => {
  it('reads a Windows-1258 CSV (Vietnamese Windows Excel) with the right names, without fetching the workbook reader', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, '/test/fixtures/csv/excel-ansi.csv'));
    expect(await checked(s, 'excel-ansi.csv')).to.contain('Không có lỗi');
    expect(text(s, 'file-status')).to.contain('Windows-1258');
    expect(text(s, 'file-status')).to.contain('dấu chấm phẩy (;)');
    const feed = await downloaded(s);
    expect((feed.provinces as { name: string }[]).map((p) => p.name)).to.deep.equal(['Hà Nội']);
    expect(resources(s).some((url) => url.includes('studio-xlsx'))).to.equal(false);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 LE with its byte order mark, tabs) with the right names', async () => {
    const s = await studio();
    // The template demo/feeds/mau-tinh.csv as Excel saves it. (Made here: the test server re-encodes .csv files it serves as UTF-8.)
    const sheet = [
      'Mã\tTỉnh\tTổng số mô hình\tHoàn thành\tĐang triển khai\tChưa triển khai\tHồ sơ cư trú trực tuyến\tHồ sơ cư trú trực tuyến (tổng)',
      '42\tHà Tĩnh\t43\t\t21\t22\t\t',
      '40\tNghệ An\t38\t6\t20\t12\t\t',
      '01\tHà Nội\t19\t\t\t\t\t',
      '26\tVĩnh Phúc\t\t\t\t\t50579\t70758',
    ].join('\r\n');
    const bytes = new Uint8Array(2 + sheet.length * 2);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0xfeff, true);
    for (let i = 0; i < sheet.length; i++) view.setUint16(2 + i * 2, sheet.charCodeAt(i), true);
    choose(s, 'file', new s.win.File([bytes], 'mau-tinh.csv'));
    expect(await checked(s, 'mau-tinh.csv'), problemsText(s)).to.contain('Không có lỗi');
    expect(text(s, 'file-status')).to.contain('UTF-16');
    expect(text(s, 'file-status')).to.contain('dấu tab');
    const feed = await downloaded(s);
    expect((feed.provinces as { name: string }[]).map((p) => p.name)).to.deep.equal(['Hà Tĩnh', 'Nghệ An', 'Hà Nội', 'Vĩnh Phúc']);
  });

  it('refuses a double-encoded file with how to export it again, in Vietnamese and English', async () => {
    const s = await studio();
    // "Nghệ An" saved as UTF-8, read as Windows-1252 and saved as UTF-8 again: "Nghá»‡ An".
    const once = new TextEncoder().encode('Tỉnh;Tổng số mô hình\r\nNghệ An;38\r\n');
    const twice = new TextEncoder().encode(new TextDecoder('windows-1252').decode(once));
    choose(s, 'file', new s.win.File([twice], 'hong.csv'));
    expect(await checked(s, 'hong.csv')).to.match(/^Có \d+ lỗi/);
    const problems = problemsText(s);
    expect(problems).to.contain('mã hóa hai lần');
    expect(problems).to.contain('dòng 2, cột A');
    expect(problems).to.contain('CSV UTF-8 (Comma delimited)');
    expect(problems).to.contain('Tệp › Lưu như (File › Save As)');
    expect(byId(s, 'download').hidden).to.equal(true);
  });

  for (const bom of [true, false]) {
    it(`reads a UTF-8 CSV ${bom ? 'with' : 'without'} a byte order mark: the first header recognised, the names whole`, async () => {
      const s = await studio();
      const body = new TextEncoder().encode('Mã;Tỉnh;Tổng số mô hình;Hoàn thành\r\n40;Nghệ An;38;6\r\n66;Đắk Lắk;12;3\r\n01;Hà Nội;19;\r\n');
      const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
      choose(s, 'file', new s.win.File([bytes], 'utf8.csv'));
      expect(await checked(s, 'utf8.csv'), problemsText(s)).to.contain('Không có lỗi');
      expect(text(s, 'file-status')).to.equal('Đã đọc utf8.csv: tệp văn bản mã hóa UTF-8, các cột ngăn bằng dấu chấm phẩy (;).');
      // A byte order mark left in the first header would make "Mã" an unknown column.
      const rows = [...byId<HTMLTableElement>(s, 'columns').tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
      expect(rows[0]).to.deep.equal(['A', 'Mã', 'mã tỉnh']);
      const feed = await downloaded(s);
      const provinces = feed.provinces as { id: string; code: string; name: string }[];
      expect(provinces.map((p) => [p.id, p.code, p.name])).to.deep.equal([
        ['nghe-an', '40', 'Nghệ An'],
        ['dak-lak', '66', 'Đắk Lắk'],
        ['ha-noi', '01', 'Hà Nội'],
      ]);
    });
  }

  /** Text damaged before it arrived: each kind, as a cell of a CSV saved as UTF-8. */
  const damaged = [
    { kind: 'letters turned into "?"', cell: 'Đ?k L?k', vi: 'chữ có dấu bị thay bằng dấu ?', en: 'letters with diacritics became ?' },
    { kind: 'a letter turned into "?" at a word\'s end, in a name', cell: 'Ngh? An', vi: 'chữ có dấu bị thay bằng dấu ?', en: 'letters with diacritics became ?' },
    { kind: 'U+FFFD', cell: 'Ngh\ufffd An', vi: 'ký tự � thay cho chữ không đọc được', en: '� stands for letters that could not be read' },
    {
      kind: 'double-encoded "Nghá»‡ An"',
      cell: new TextDecoder('windows-1252').decode(new TextEncoder().encode('Nghệ An')),
      vi: 'tiếng Việt bị mã hóa hai lần',
      en: 'the Vietnamese was encoded twice',
    },
  ];
  for (const { kind, cell, vi, en } of damaged) {
    it(`refuses text damaged before it arrived (${kind}) with how to export again, in Vietnamese and English`, async () => {
      const s = await studio();
      expect(cell).not.to.equal('Nghệ An');
      const bytes = new TextEncoder().encode(`Mã;Tỉnh;Tổng số mô hình\r\n42;Hà Tĩnh;43\r\n40;${cell};38\r\n`);
      choose(s, 'file', new s.win.File([bytes], 'hong.csv'));
      expect(await checked(s, 'hong.csv')).to.equal('Có 1 lỗi. Sửa trong Excel, lưu lại, rồi chọn lại tệp ở mục 1.');
      expect(problemsText(s)).to.contain(`dòng 3, cột B "Tỉnh": chữ trong ô đã bị hỏng trước khi đến đây ("${cell}": ${vi}).`);
      expect(problemsText(s)).to.contain('Trong Excel chọn Tệp › Lưu như (File › Save As), kiểu "CSV UTF-8 (Phân tách bằng dấu phẩy)"');
      expect(problemsText(s)).to.contain('trong Google Sheets dùng Tệp › Tải xuống › CSV');
      expect(byId(s, 'download').hidden).to.equal(true);
      byId(s, 'switch-lang').click();
      await until(() => problemsText(s).includes('row 3, column B'), 'English problems');
      expect(problemsText(s)).to.contain(`row 3, column B "Tỉnh": the text was damaged before it arrived ("${cell}": ${en}).`);
      expect(problemsText(s)).to.contain('In Excel use File › Save As (Tệp › Lưu như), type "CSV UTF-8 (Comma delimited)"');
      expect(problemsText(s)).to.contain('in Google Sheets use File › Download › CSV');
      expect(text(s, 'check-status')).to.equal('One problem. Fix it in Excel, save, and choose the file again in step 1.');
      expect(byId(s, 'download').hidden).to.equal(true);
    });
  }

  it('refuses a file over 20 MB before reading it', async () => {
    const s = await studio();
    choose(s, 'file', new s.win.File([new Uint8Array(20 * 1024 * 1024 + 1)], 'lon.csv'));
    await checked(s, 'lon.csv');
    expect(problemsText(s)).to.contain('tệp lon.csv lớn 20,1 MB, vượt quá mức 20 MB được đọc; tệp không được mở');
  });
});

describe('data studio: the feed\'s details, the preview, the monthly update and the download', () => {
  it('adds the sheet to the published feed as its newest figures, history kept, as --append does', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    await sheet(s, 'Tháng 10');
    fillDetails(s);
    choose(s, 'old-feed', await fixture(s, `${FIXTURES}thang-9.feed.json`));
    await until(() => /Đã thêm số liệu/.test(text(s, 'old-status')), 'appended');
    expect(text(s, 'old-status')).to.equal(
      'Feed cũ thang-9.feed.json: 3 tỉnh, số liệu tính đến 30/09/2024. Đã thêm số liệu ngày 04/10/2024: 3 tỉnh cập nhật, 0 tỉnh mới, 0 tỉnh giữ số liệu cũ.',
    );
    const feed = await downloaded(s);
    expect(feed).to.deep.equal(await expected('thang-10-appended.feed.json'));
    const ngheAn = (feed.provinces as { models: { history: unknown[] } }[])[0];
    expect(ngheAn.models.history).to.deep.equal([{ asOf: '2024-09-30', completed: 4, inProgress: 18, notStarted: 16 }]);
    // The preview shows the change since the published figures.
    // (Each change of the details draws the preview again: the widget is looked up each time.)
    const progress = () => s.doc.querySelector('#preview tiendo-progress');
    await until(() => progress()?.getAttribute('state') === 'ready' && visibleText(progress()!).includes('so với'), 'progress ready', 8000);
    expect(visibleText(progress()!)).to.contain('+2 mô hình hoàn thành so với 30/09/2024');
    // Without the published feed again: the sheet alone.
    byId(s, 'old-remove').click();
    await until(() => text(s, 'old-status') === '', 'old feed removed');
    expect(await downloaded(s)).to.deep.equal(await expected('thang-10.feed.json'));
  });

  it('refuses to add figures that are not newer than the published ones, pointing at the date field', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    await sheet(s, 'Tháng 10');
    choose(s, 'old-feed', await fixture(s, `${FIXTURES}thang-9.feed.json`));
    // No date yet: the studio asks for one at its field, in the core's words.
    await until(() => problemsText(s).includes('--as-of'), 'date needed');
    const link = s.doc.querySelector<HTMLAnchorElement>('#problems a[href="#f-as-of"]')!;
    expect(link.textContent).to.equal('Số liệu tính đến ngày (--as-of)');
    expect(byId(s, 'f-as-of').getAttribute('aria-invalid')).to.equal('true');
    link.click();
    expect(s.doc.activeElement).to.equal(byId(s, 'f-as-of'));
    // The details of the published feed filled the empty fields.
    expect(byId<HTMLInputElement>(s, 'f-title').value).to.equal('Tiến độ Đề án 06');
    set(s, 'f-as-of', '2024-09-30');
    await until(() => problemsText(s).includes('không sau ngày'), 'same date refused');
    expect(problemsText(s)).to.contain('số liệu mới tính đến ngày 2024-09-30, không sau ngày của số liệu đang có (2024-09-30)');
    expect(byId(s, 'download').hidden).to.equal(true);
  });

  it('previews the feed in the widgets, each fed by an inline JSON script, and follows the preview\'s choices', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    await sheet(s, 'Tháng 10');
    fillDetails(s);
    const want = await expected('thang-10.feed.json');
    const tags = ['tiendo-progress', 'tiendo-province-table', 'tiendo-chart'];
    await until(() => tags.every((tag) => s.doc.querySelector(`#preview ${tag}`)?.getAttribute('state') === 'ready'), 'widgets ready', 10000);
    for (const tag of tags) {
      const script = s.doc.querySelector(`#preview ${tag} > script[type="application/json"]`)!;
      expect(JSON.parse(script.textContent!), tag).to.deep.equal(want);
    }
    const [progress, table, chart] = tags.map((tag) => s.doc.querySelector(`#preview ${tag}`)!);
    expect(visibleText(progress)).to.contain('Nghệ An');
    expect(visibleText(progress)).to.contain('6/38 mô hình hoàn thành');
    expect(visibleText(table)).to.contain('Hà Tĩnh');
    expect(chart.getAttribute('state')).to.equal('ready');
    // The map is shown by the library versions that have it.
    const map = s.doc.querySelector('#preview tiendo-map');
    if (map) await until(() => map.getAttribute('state') === 'ready', 'map ready', 10000);
    else expect(text(s, 'preview')).to.contain('chưa có tiện ích tiendo-map');
    set(s, 'preview-province', 'ha-tinh');
    await until(() => visibleText(progress).includes('Hà Tĩnh'), 'progress follows the province');
    set(s, 'preview-metric', 'ho-so-truc-tuyen');
    expect(chart.getAttribute('metric')).to.equal('ho-so-truc-tuyen');
    expect(table.getAttribute('columns')).to.equal('rank,name,ho-so-truc-tuyen');
  });

  it('writes the next update the officer fills in as nextUpdate, and the preview says when that date has passed', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    await sheet(s, 'Tháng 10');
    fillDetails(s);
    const want = (await expected('thang-10.feed.json')) as Record<string, unknown>;
    const progress = () => s.doc.querySelector('#preview tiendo-progress');
    await until(() => progress()?.getAttribute('state') === 'ready', 'progress ready', 10000);
    expect(visibleText(progress()!)).not.to.contain('Số liệu có thể đã cũ');
    expect(await downloaded(s)).not.to.have.property('nextUpdate');
    // A date already past (the report was due on 4 November 2024): in the feed, and said by every widget of the preview.
    // (The download is made again at once on each change of the details.)
    set(s, 'f-next-update', '2024-11-04');
    expect(await downloaded(s)).to.deep.equal({ ...want, nextUpdate: '2024-11-04' });
    await until(() => progress()?.getAttribute('state') === 'ready' && visibleText(progress()!).includes('Số liệu có thể đã cũ'), 'overdue shown', 10000);
    expect(visibleText(progress()!)).to.contain('Số liệu có thể đã cũ: kỳ cập nhật dự kiến ngày 04/11/2024 đã qua.');
    const table = () => s.doc.querySelector('#preview tiendo-province-table');
    await until(() => table()?.getAttribute('state') === 'ready' && visibleText(table()!).includes('04/11/2024'), 'table overdue', 10000);
    expect(visibleText(table()!)).to.contain('Số liệu có thể đã cũ: kỳ cập nhật dự kiến ngày 04/11/2024 đã qua.');
    // A date to come: written, and no widget calls the figures old.
    set(s, 'f-next-update', '2099-12-31');
    expect((await downloaded(s)).nextUpdate).to.equal('2099-12-31');
    await until(() => progress()?.getAttribute('state') === 'ready' && !visibleText(progress()!).includes('Số liệu có thể đã cũ'), 'not overdue', 10000);
    expect(visibleText(progress()!)).to.contain('6/38 mô hình hoàn thành');
  });

  it('previews the map as empty, saying so, when no row gives it a figure to colour', async () => {
    const s = await studio();
    // Totals only: nothing completed is known, so no province has a share the map can colour.
    const bytes = new TextEncoder().encode('Mã;Tỉnh;Tổng số mô hình\r\n40;Nghệ An;38\r\n42;Hà Tĩnh;43\r\n');
    choose(s, 'file', new s.win.File([bytes], 'tong.csv'));
    expect(await checked(s, 'tong.csv'), problemsText(s)).to.contain('Không có lỗi');
    const map = () => s.doc.querySelector('#preview tiendo-map');
    await until(() => Boolean(map()?.getAttribute('state')) && map()!.getAttribute('state') !== 'loading', 'map settled', 10000);
    expect(map()!.getAttribute('state')).to.equal('empty');
    expect(visibleText(map()!)).to.contain('Chưa có số liệu để hiển thị.');
    expect(map()!.shadowRoot!.querySelector('[role="img"], svg, canvas')).to.equal(null);
    // The download is still offered: the feed is valid, the map just has nothing to draw.
    expect((await downloaded(s)).provinces).to.have.length(2);
  });

  it('asks for the source agency\'s name when its address is given, and writes --pretty JSON on request', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, '/test/fixtures/csv/excel-ansi.csv'));
    await checked(s, 'excel-ansi.csv');
    set(s, 'f-source-url', 'https://congan.hanoi.gov.vn/');
    await until(() => /lỗi ở thông tin của feed/.test(text(s, 'check-status')), 'field problem');
    expect(problemsText(s)).to.contain('Địa chỉ trang của cơ quan nguồn (--source-url): Có địa chỉ trang thì cần điền cả tên cơ quan nguồn');
    expect(byId(s, 'download').hidden).to.equal(true);
    set(s, 'f-source-url', 'ftp://congan.hanoi.gov.vn/');
    set(s, 'f-source-name', 'Công an thành phố Hà Nội');
    await until(() => /Có 1 lỗi/.test(text(s, 'check-status')), 'the validator refuses ftp');
    expect(s.doc.querySelector('#problems a[href="#f-source-url"]')).not.to.equal(null);
    set(s, 'f-source-url', 'https://congan.hanoi.gov.vn/');
    await until(() => /Không có lỗi/.test(text(s, 'check-status')), 'no problem');
    const box = byId<HTMLInputElement>(s, 'pretty');
    box.click();
    const link = byId<HTMLAnchorElement>(s, 'download');
    const written = await (await fetch(link.href)).text();
    expect(written).to.match(/^\{\n {2}"version": 1,\n/);
    expect(JSON.parse(written).source).to.deep.equal({ name: 'Công an thành phố Hà Nội', url: 'https://congan.hanoi.gov.vn/' });
  });

  it('opens a dropped file, and keeps the file input within the keyboard\'s reach', async () => {
    const s = await studio();
    const input = byId<HTMLInputElement>(s, 'file');
    input.focus();
    expect(s.doc.activeElement).to.equal(input);
    expect(input.closest('#drop')).not.to.equal(null);
    const dt = new s.win.DataTransfer();
    dt.items.add(await fixture(s, '/test/fixtures/csv/excel-ansi.csv'));
    const zone = byId(s, 'drop');
    zone.dispatchEvent(new s.win.DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new s.win.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    expect(await checked(s, 'excel-ansi.csv')).to.contain('Không có lỗi');
  });
});

describe('data studio: privacy, accessibility, phones', () => {
  it('asks nothing of any origin but its own, and says so in its policy', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    await sheet(s, 'Tháng 10');
    fillDetails(s);
    choose(s, 'old-feed', await fixture(s, `${FIXTURES}thang-9.feed.json`));
    await until(() => s.doc.querySelector('#preview tiendo-chart')?.getAttribute('state') === 'ready', 'preview ready', 10000);
    const urls = resources(s);
    // The preview's widgets come from the library's module beside the page (dist/index.js), not a second copy.
    expect(urls.some((url) => url.endsWith('/dist/index.js'))).to.equal(true);
    const foreign = urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== location.origin);
    expect(foreign).to.deep.equal([]);
    const policy = s.doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(policy).to.contain("default-src 'self'");
    expect(policy).to.contain("connect-src 'self'");
    // Built for a portal's folder: relative URLs only.
    const html = await (await fetch('/dist/studio.html')).text();
    expect(html).to.contain('<script type="module" src="./studio.js">');
    expect(html).to.contain('href="./studio.css"');
    const script = await (await fetch('/dist/studio.js')).text();
    expect(script).not.to.match(/localhost|\/src\//);
    expect(script).not.to.contain('customElements.define');
  });

  it('is accessible with problems listed and with the preview shown (axe)', async () => {
    const s = await studio();
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao-loi.xlsx`));
    await checked(s, 'bao-cao-loi.xlsx');
    await expectAccessibleDocument(s.doc);
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    fillDetails(s);
    await until(() => s.doc.querySelector('#preview tiendo-chart')?.getAttribute('state') === 'ready', 'preview ready', 10000);
    await expectAccessibleDocument(s.doc);
  });

  it('fits a 360 px phone: no sideways scrolling, with problems, columns and the preview', async () => {
    const s = await studio(360);
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao.xlsx`));
    await checked(s, 'bao-cao.xlsx');
    fillDetails(s);
    await until(() => s.doc.querySelector('#preview tiendo-province-table')?.getAttribute('state') === 'ready', 'preview ready', 10000);
    const root = s.doc.documentElement;
    expect(root.scrollWidth, 'page width').to.be.at.most(root.clientWidth);
    choose(s, 'file', await fixture(s, `${FIXTURES}bao-cao-loi.xlsx`));
    await checked(s, 'bao-cao-loi.xlsx');
    expect(root.scrollWidth, 'page width with problems').to.be.at.most(root.clientWidth);
  });
});
