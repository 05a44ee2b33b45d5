/**
 * Publishing safely: a feed is written whole or not at all, inputs and outputs
 * keep to their limits, `tiendo validate` warns about what JSON.parse hides
 * (a key written twice) and prints the validator's warnings, `--append` keeps
 * the history, and the conversion core stays out of the widgets and out of Node.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { writeXlsx } from '../../scripts/make-template.mjs';
import { cli, readJson, root, tempDir, tool } from './helpers.mjs';

let dir;
before(() => (dir = tempDir()));

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SHEET = 'Tỉnh;Tổng số mô hình;Hoàn thành\r\nNghệ An;38;8\r\nHà Tĩnh;43;2\r\n';
const PUBLISHED = '{"version":1,"asOf":"2024-10-04","provinces":[{"id":"nghe-an","name":"Nghệ An","models":{"total":38,"completed":6}}]}\n';

/** A write that puts half the text on disk and then fails, as a full disk does. */
const failHalfway = async (handle, data) => {
  await handle.write(data.slice(0, data.length >> 1));
  throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
};

describe('writes: whole or not at all', () => {
  it('a write that fails halfway leaves the published feed as it was, and no temporary file', async () => {
    const sub = tempDir();
    const published = join(sub, 'feed.json');
    writeFileSync(published, PUBLISHED);
    await assert.rejects(tool.writeFileAtomic(published, '{"version":1,"provinces":[]}\n'.repeat(50), failHalfway), { code: 'ENOSPC' });
    assert.equal(readFileSync(published, 'utf8'), PUBLISHED);
    assert.deepEqual(readdirSync(sub), ['feed.json']);
    // And a write that succeeds replaces it whole.
    await tool.writeFileAtomic(published, 'new\n');
    assert.equal(readFileSync(published, 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(sub), ['feed.json']);
  });

  it('from-csv --out: a failed write says so (exit 1), and the published feed is untouched', async () => {
    const sub = tempDir();
    const published = join(sub, 'de-an-06.json');
    writeFileSync(published, PUBLISHED);
    const sheet = join(sub, 'thang-11.csv');
    writeFileSync(sheet, SHEET);
    let stdout = '';
    let stderr = '';
    const code = await tool.main(['from-csv', sheet, '--out', published, '--as-of', '2024-11-04'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      writeData: failHalfway,
    });
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, `Không ghi được tệp ${published} (ENOSPC); tệp cũ (nếu có) vẫn giữ nguyên.\n`);
    assert.equal(readFileSync(published, 'utf8'), PUBLISHED);
    assert.deepEqual(readdirSync(sub).sort(), ['de-an-06.json', 'thang-11.csv']);
  });

  it('a target that cannot be replaced (a folder of that name) is reported, the folder left as it was', async () => {
    const sub = tempDir();
    const sheet = join(sub, 's.csv');
    writeFileSync(sheet, SHEET);
    const run = await cli('from-csv', sheet, '--out', sub, '--as-of', '2024-11-04');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Không ghi được tệp .* \(E[A-Z]+\); tệp cũ \(nếu có\) vẫn giữ nguyên\.$/m);
    assert.deepEqual(readdirSync(sub), ['s.csv']);
  });
});

describe('limits: 20 MB in, 5 MB out', () => {
  it('an input over 20 MB is refused from its size, before it is read', async () => {
    const big = file('big.csv', '');
    truncateSync(big, 21 * 1024 * 1024);
    const run = await cli('from-csv', big);
    assert.equal(run.code, 1);
    assert.equal(run.stderr.split('\n')[0], `tệp ${big} lớn 21 MB, vượt quá mức 20 MB được đọc; tệp không được mở`);
    const en = await cli('from-csv', big, '--lang', 'en');
    assert.equal(en.stderr.split('\n')[0], `the file ${big} is 21 MB, over the 20 MB that is read; it was not opened`);
  });

  it('a feed that would exceed 5 MB is not written, and the message gives the number of rows', async () => {
    const metrics = Array.from({ length: 40 }, (_, i) => `Chỉ số số ${i + 1}`);
    const lines = [['Tỉnh', ...metrics].join(';')];
    for (let r = 1; r <= 4000; r++) lines.push([`Đơn vị ${r}`, ...metrics.map((_, i) => String(100000 + r + i))].join(';'));
    const sheet = file('many.csv', lines.join('\r\n'));
    const out = join(dir, 'many.json');
    const run = await cli('from-csv', sheet, '--out', out, '--as-of', '2024-10-04');
    assert.equal(run.code, 1, run.stderr.slice(0, 300));
    assert.match(run.stderr, /^feed tạo từ 4000 dòng sẽ lớn 5,\d MB, vượt quá mức 5 MB mà tiện ích đọc được; hãy chia bảng tính hoặc bớt chỉ số$/m);
    assert.equal(existsSync(out), false);
  });
});

describe('validate: warnings', () => {
  it('a key written twice: a warning with its line and column, and the feed stays valid (exit 0)', async () => {
    const text = '{\n  "version": 1,\n  "provinces": [\n    { "id": "nghe-an", "name": "Nghệ An",\n      "name": "Hà Tĩnh" }\n  ],\n  "version": 1\n}\n';
    const run = await cli('validate', file('dup.json', text));
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'cảnh báo: provinces[0] (dòng 5, cột 7): khóa "name" được viết 2 lần trong cùng một đối tượng; chỉ giá trị cuối cùng được dùng',
      'cảnh báo: dòng 7, cột 3: khóa "version" được viết 2 lần trong cùng một đối tượng; chỉ giá trị cuối cùng được dùng',
      `${join(dir, 'dup.json')}: hợp lệ (1 tỉnh, 0 chỉ số).`,
    ]);
    const en = await cli('validate', file('dup.json', text), '--lang', 'en');
    assert.match(en.stdout, /^warning: provinces\[0\] \(line 5, column 7\): the key "name" is written 2 times in one object; only the last value counts$/m);
  });

  it('prints the validator\'s warnings (a modelStatus naming a model the feed does not list) and exits 0', async () => {
    const feed = {
      version: 1,
      models: [{ id: '6', name: 'Mô hình 6' }],
      provinces: [{ id: 'nghe-an', name: 'Nghệ An', models: { total: 2, completed: 1 }, modelStatus: { 6: 'completed', 99: 'in-progress' } }],
    };
    const run = await cli('validate', file('status.json', JSON.stringify(feed, null, 2)));
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^cảnh báo: provinces\[0\]\.modelStatus\.99 \(dòng \d+, cột \d+\): /m);
    assert.match(run.stdout, /hợp lệ \(1 tỉnh, 0 chỉ số\)\.\n$/);
  });
});

describe('from-csv --append: a monthly report becomes the newest figures, the old ones history', () => {
  const november = [
    [{ bold: 'Mã' }, { bold: 'Tỉnh' }, { bold: 'Tổng số mô hình' }, { bold: 'Hoàn thành' }, { bold: 'Đang triển khai' }, { bold: 'Chưa triển khai' }, { bold: 'Hồ sơ đăng ký cư trú tiếp nhận trực tuyến' }, { bold: 'Hồ sơ đăng ký cư trú tiếp nhận trực tuyến (tổng)' }],
    [{ text: '40' }, 'Nghệ An', 38, 8, 20, 10, null, null],
    [{ text: '42' }, 'Hà Tĩnh', 43, 2, 21, 20, null, null],
    [{ text: '26' }, 'Vĩnh Phúc', null, null, null, null, 52000, 72000],
  ];
  const december = [november[0], [{ text: '40' }, 'Nghệ An', 38, 10, 20, 8, null, null], [{ text: '42' }, 'Hà Tĩnh', 43, 4, 21, 18, null, null], [{ text: '26' }, 'Vĩnh Phúc', null, null, null, null, 54000, 73000]];

  it('twice on the sample feed: a history of two points, provinces absent keep theirs, and tiendo validate accepts it', async () => {
    const sub = tempDir();
    const feedFile = join(sub, 'de-an-06.json');
    copyFileSync(join(root, 'demo/feeds/de-an-06.json'), feedFile);
    const before = readJson(feedFile);
    const nov = join(sub, 'thang-11.xlsx');
    const dec = join(sub, 'thang-12.xlsx');
    writeFileSync(nov, writeXlsx([{ name: 'Tháng 11', rows: november }]));
    writeFileSync(dec, writeXlsx([{ name: 'Tháng 12', rows: december }]));

    const first = await cli('from-csv', nov, '--append', feedFile, '--as-of', '2024-11-04', '--out', feedFile);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Đã thêm số liệu ngày 2024-11-04: 3 tỉnh cập nhật, 0 tỉnh mới, 1 tỉnh giữ số liệu cũ\./);
    const second = await cli('from-csv', dec, '--append', feedFile, '--as-of', '2024-12-04', '--out', feedFile, '--pretty');
    assert.equal(second.code, 0, second.stderr);
    const feed = readJson(feedFile);

    const nghean = feed.provinces.find((p) => p.id === 'nghe-an');
    assert.deepEqual(nghean.models, {
      total: 38,
      completed: 10,
      inProgress: 20,
      notStarted: 8,
      history: [
        { asOf: '2024-06-20', completed: 6, inProgress: 20, notStarted: 12 },
        { asOf: '2024-11-04', completed: 8, inProgress: 20, notStarted: 10 },
      ],
    });
    // The new figures take the feed's date; what the province said of itself otherwise stays (its modelStatus).
    assert.equal(nghean.asOf, undefined);
    assert.deepEqual(nghean.modelStatus, before.provinces.find((p) => p.id === 'nghe-an').modelStatus);
    assert.equal(feed.asOf, '2024-12-04');

    // A metric matched by its name to the feed's id; the one the sheet leaves out keeps its figure and date.
    const vp = feed.provinces.find((p) => p.id === 'vinh-phuc');
    assert.deepEqual(vp.metrics['residence-online'], {
      value: 54000,
      total: 73000,
      history: [
        { asOf: '2022-08-17', value: 50579, total: 70758, period: '6 tháng đầu năm 2022' },
        { asOf: '2024-11-04', value: 52000, total: 72000 },
      ],
    });
    assert.deepEqual(vp.metrics['passport-online'], { value: 5862, total: 6302, period: '6 tháng đầu năm 2022', asOf: '2022-08-17' });
    assert.equal(feed.metrics.length, before.metrics.length, 'no metric added twice');

    // Hà Nội was in neither sheet: its figures and its date stay.
    assert.deepEqual(feed.provinces.find((p) => p.id === 'ha-noi'), before.provinces.find((p) => p.id === 'ha-noi'));
    assert.deepEqual(feed.national, before.national);

    const checked = await cli('validate', feedFile);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /de-an-06\.json: hợp lệ \(4 tỉnh, 5 chỉ số\)\.\n$/);
  });

  it('refuses figures that are not newer than the feed\'s, and an append without a date', async () => {
    const feedFile = file('published.json', PUBLISHED);
    const sheet = file('s.csv', SHEET);
    const same = await cli('from-csv', sheet, '--append', feedFile, '--as-of', '2024-10-04');
    assert.equal(same.code, 1);
    assert.match(same.stderr, /^dòng 2: số liệu mới tính đến ngày 2024-10-04, không sau ngày của số liệu đang có \(2024-10-04\); hãy cho ngày mới \(--as-of\)$/m);
    const undated = await cli('from-csv', sheet, '--append', feedFile);
    assert.equal(undated.code, 1);
    assert.match(undated.stderr, /^--as-of: cần ngày của số liệu mới \(--as-of\) để đưa số liệu cũ vào lịch sử$/m);
    assert.equal(readFileSync(feedFile, 'utf8'), PUBLISHED);
  });

  it('an appended figure that breaks a rule is named at its cell; a new province is added', async () => {
    const feedFile = file('published2.json', PUBLISHED);
    const sheet = file('s2.csv', 'Tỉnh;Tổng số mô hình;Hoàn thành\r\nNghệ An;38;40\r\nHà Tĩnh;43;2\r\n');
    const bad = await cli('from-csv', sheet, '--append', feedFile, '--as-of', '2024-11-04');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^dòng 2, cột B "Tổng số mô hình": tổng "Hoàn thành" \(40\) vượt quá "Tổng số mô hình" \(38\)$/m);
    const good = await cli('from-csv', file('s3.csv', SHEET), '--append', feedFile, '--as-of', '2024-11-04');
    assert.equal(good.code, 0, good.stderr);
    const feed = JSON.parse(good.stdout);
    assert.deepEqual(
      feed.provinces.map((p) => [p.id, p.models]),
      [
        ['nghe-an', { total: 38, completed: 8, history: [{ asOf: '2024-10-04', completed: 6 }] }],
        ['ha-tinh', { total: 43, completed: 2 }],
      ],
    );
  });
});

describe('the conversion core: in the browser, never in the widgets', () => {
  it('bundles for the browser with no Node module (the data studio imports it)', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/convert/index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      splitting: true,
      outdir: join(dir, 'studio-check'),
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.includes('node_modules/papaparse/')));
    assert.ok(inputs.some((i) => i.includes('node_modules/read-excel-file/')));
    for (const out of result.outputFiles) assert.doesNotMatch(out.text, /from\s*["']node:|require\(["'](?:fs|path|stream|worker_threads)/, out.path);
    for (const source of readdirSync(join(root, 'src/convert'))) {
      assert.doesNotMatch(readFileSync(join(root, 'src/convert', source), 'utf8'), /from '(?:node:|fs|path)/, source);
    }
    // The workbook reader is a chunk of its own: a CSV never loads it.
    const entry = result.outputFiles.find((o) => o.path.endsWith('index.js'));
    assert.doesNotMatch(entry.text, /sharedStrings|worksheets/);
  });

  it('the widgets\' core (src/index.ts) reaches neither the converter nor its libraries', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((i) => /src\/(convert|cli)\//.test(i)), []);
    const packages = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    for (const name of ['papaparse', 'read-excel-file', 'fflate']) assert.ok(!packages.some((p) => p.startsWith(name)), name);
  });
});
