/**
 * One conversion core (src/convert) for the command line and the data studio
 * (issue 16): in the same run, the same file goes through `tiendo from-csv`
 * (the built CLI, dist/cli/tiendo.mjs) and through dist/studio.html in
 * Chromium, Firefox and WebKit (served by a plain static server,
 * test/cli/static-site.mjs), and the feed.json each writes is the same, byte
 * for byte; a bad sheet gets the same problems, each at the same cell in the
 * same words.
 *
 * Also: the feeds committed as the browser suite's expectations
 * (test/fixtures/studio, compared with what the studio makes in
 * test/studio.test.ts) are what the CLI makes from those workbooks today.
 *
 * Needs dist/ (`npx vite build`) and the CLI (`node scripts/build-cli.mjs`):
 * `npm test` makes both first.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { engines, launch } from './browsers.mjs';
import { cli, root, tempDir } from './helpers.mjs';
import { staticSite } from './static-site.mjs';

const STUDIO_FIXTURES = join(root, 'test/fixtures/studio');
const WORKBOOK = join(STUDIO_FIXTURES, 'bao-cao.xlsx');
const BAD_WORKBOOK = join(STUDIO_FIXTURES, 'bao-cao-loi.xlsx');

/** The feed's details, as the CLI's options and as the studio's fields. */
const DETAILS = {
  '--title': ['f-title', 'Tiến độ Đề án 06'],
  '--as-of': ['f-as-of', '2024-10-04'],
  '--next-update': ['f-next-update', '2024-11-04'],
  '--source-name': ['f-source-name', 'Công an tỉnh Nghệ An'],
  '--source-url': ['f-source-url', 'https://congan.nghean.gov.vn/'],
};
const cliDetails = (details) => Object.entries(details).flatMap(([option, [, value]]) => [option, value]);
const studioDetails = (details) => Object.fromEntries(Object.values(details));

/** `tiendo from-csv <file> …options --out <tmp>`: the bytes it wrote, or its problem lines. */
async function fromCsv(file, ...options) {
  const out = join(tempDir(), 'feed.json');
  const run = await cli('from-csv', file, ...options, '--out', out);
  if (run.code !== 0) return { problems: run.stderr.trim().split('\n') };
  return { text: readFileSync(out, 'utf8') };
}

const asFile = (path, name = basename(path)) => ({ name, base64: readFileSync(path).toString('base64') });

/**
 * In the studio's page: opens `sheet` (and the sheet `sheetName` of a workbook), fills the details,
 * adds the old feed, asks for pretty JSON; returns the check's status, the problems as listed and the
 * download's text.
 */
async function studioRun({ sheet, sheetName, details = {}, old, pretty }) {
  const wait = async (check, what, ms = 30_000) => {
    const start = performance.now();
    while (!check()) {
      if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const $ = (id) => document.getElementById(id);
  const text = (id) => $(id).textContent.replace(/\s+/g, ' ').trim();
  await wait(() => /Chưa có bảng tính/.test(text('check-status')), 'the studio');
  // The page's policy (connect-src 'self') keeps even its own blob: URLs from fetch: the download's Blob is noted as it is made.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const file = ({ name, base64 }) => new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name);
  const choose = (id, f) => {
    const dt = new DataTransfer();
    dt.items.add(file(f));
    $(id).files = dt.files;
    $(id).dispatchEvent(new Event('change', { bubbles: true }));
  };
  const checked = () => !/Đang đọc/.test(text('file-status')) && /lỗi/.test(text('check-status'));
  choose('file', sheet);
  await wait(() => text('file-status').includes(sheet.name) && checked(), `${sheet.name} read`);
  if (sheetName) {
    $('sheet').value = sheetName;
    $('sheet').dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => text('file-status').includes(`"${sheetName}"`) && checked(), `sheet ${sheetName}`);
  }
  for (const [id, value] of Object.entries(details)) {
    $(id).value = value;
    $(id).dispatchEvent(new Event('change', { bubbles: true }));
  }
  if (old) {
    choose('old-feed', old);
    await wait(() => /Đã thêm số liệu|không/.test(text('old-status')), 'the published feed');
  }
  if (pretty) $('pretty').click();
  // The problems are drawn once the validator's words are in: wait for the count the status gives.
  await wait(() => /Không có lỗi/.test(text('check-status')) || document.querySelectorAll('#problems ol.errors > li').length > 0, 'the check');
  const link = $('download');
  return {
    status: text('check-status'),
    problems: [...document.querySelectorAll('#problems ol.errors > li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    feed: link.hidden ? null : await blobs.get(link.href).text(),
  };
}

describe('the studio\'s expected feeds (test/fixtures/studio) are what the CLI makes today', () => {
  const details = ['--title', 'Tiến độ Đề án 06', '--source-name', 'Công an tỉnh Nghệ An', '--source-url', 'https://congan.nghean.gov.vn/'];
  const committed = (name) => readFileSync(join(STUDIO_FIXTURES, name), 'utf8');
  it('thang-9.feed.json and thang-10.feed.json: the two sheets of bao-cao.xlsx', async () => {
    assert.equal((await fromCsv(WORKBOOK, '--sheet', 'Tháng 9', '--as-of', '2024-09-30', ...details)).text, committed('thang-9.feed.json'));
    assert.equal((await fromCsv(WORKBOOK, '--sheet', 'Tháng 10', '--as-of', '2024-10-04', ...details)).text, committed('thang-10.feed.json'));
  });
  it('thang-10-appended.feed.json: October added to the September feed (--append)', async () => {
    const made = await fromCsv(WORKBOOK, '--sheet', 'Tháng 10', '--as-of', '2024-10-04', '--append', join(STUDIO_FIXTURES, 'thang-9.feed.json'), ...details);
    assert.equal(made.text, committed('thang-10-appended.feed.json'));
  });
});

for (const engine of engines) {
  describe(`the studio (dist/studio.html, ${engine}) and tiendo from-csv, on the same files in the same run`, { timeout: 300_000 }, () => {
    let site;
    let browser;
    before(async () => {
      site = await staticSite('cong-thong-tin/tiendo');
      browser = await launch(engine);
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    /** Runs the studio in a fresh page of the static site. */
    async function studio(run) {
      const page = await browser.open(`${site.library}studio.html`);
      try {
        const out = await page.evaluate(studioRun, run);
        assert.deepEqual(page.errors, []);
        return out;
      } finally {
        await page.close();
      }
    }

    it('an .xlsx report with Vietnamese headers, on its second sheet, every detail filled: the same feed.json', async () => {
      const made = await fromCsv(WORKBOOK, '--sheet', 'Tháng 10', ...cliDetails(DETAILS));
      assert.ok(made.text, made.problems?.join('\n'));
      const feed = JSON.parse(made.text);
      assert.equal(feed.nextUpdate, '2024-11-04');
      assert.equal(feed.provinces.length, 3);
      const got = await studio({ sheet: asFile(WORKBOOK), sheetName: 'Tháng 10', details: studioDetails(DETAILS) });
      assert.equal(got.status, 'Không có lỗi. Feed gồm 3 tỉnh và 2 chỉ số.');
      assert.equal(got.feed, made.text);
    });

    it('the same as pretty JSON (--pretty and the studio\'s box)', async () => {
      const made = await fromCsv(WORKBOOK, '--sheet', 'Tháng 10', '--pretty', ...cliDetails(DETAILS));
      assert.match(made.text, /^\{\n {2}"version": 1,/);
      const got = await studio({ sheet: asFile(WORKBOOK), sheetName: 'Tháng 10', details: studioDetails(DETAILS), pretty: true });
      assert.equal(got.feed, made.text);
    });

    it('the month added to the published feed (--append and the studio\'s step 4), history kept: the same feed.json', async () => {
      const september = await fromCsv(WORKBOOK, '--sheet', 'Tháng 9', ...cliDetails({ ...DETAILS, '--as-of': ['f-as-of', '2024-09-30'] }));
      const published = join(tempDir(), 'feed.json');
      writeFileSync(published, september.text);
      const made = await fromCsv(WORKBOOK, '--sheet', 'Tháng 10', '--append', published, ...cliDetails(DETAILS));
      assert.ok(made.text, made.problems?.join('\n'));
      assert.deepEqual(JSON.parse(made.text).provinces[0].models.history, [{ asOf: '2024-09-30', completed: 4, inProgress: 18, notStarted: 16 }]);
      const got = await studio({ sheet: asFile(WORKBOOK), sheetName: 'Tháng 10', details: studioDetails(DETAILS), old: asFile(published) });
      assert.equal(got.feed, made.text);
    });

    it('Excel\'s text exports, Windows-1258 and UTF-16 "Unicode Text": the same feed.json', async () => {
      for (const path of [join(root, 'test/fixtures/csv/excel-ansi.csv'), join(root, 'demo/feeds/mau-tinh.csv')]) {
        const made = await fromCsv(path, '--as-of', '2024-10-04');
        assert.ok(made.text, `${path}: ${made.problems?.join('\n')}`);
        const got = await studio({ sheet: asFile(path), details: { 'f-as-of': '2024-10-04' } });
        assert.equal(got.feed, made.text, path);
      }
    });

    it('a bad workbook: no feed from either, and the same problems at the same cells, in the same words', async () => {
      for (const sheetName of ['Chữ trong ô số', 'Vượt tổng']) {
        const made = await fromCsv(BAD_WORKBOOK, '--sheet', sheetName, '--as-of', '2024-10-04');
        assert.equal(made.text, undefined);
        const got = await studio({ sheet: asFile(BAD_WORKBOOK), sheetName: sheetName === 'Chữ trong ô số' ? undefined : sheetName, details: { 'f-as-of': '2024-10-04' } });
        assert.equal(got.feed, null);
        assert.ok(got.problems.length > 0, got.status);
        // The CLI prints each problem on a line of its own, then a count of them.
        assert.deepEqual(made.problems.slice(0, got.problems.length), got.problems, sheetName);
        assert.match(made.problems.at(-1), new RegExp(`${got.problems.length}`));
        assert.match(got.problems[0], /^dòng \d+, cột [A-Z]+ "[^"]+": /);
      }
    });
  });
}
