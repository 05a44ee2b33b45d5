/**
 * `tiendo from-csv` on a 10,000-row Vietnamese Excel export (BOM, `;`, CRLF,
 * `50.579`, `0,93`, quoted names), generated in memory, against a plain split
 * of the same text in the same run. The converter does far more (quotes,
 * headers, number reading, building the feed, the library's validation), so
 * it is slower; the ratio shows by how much. Median of several runs.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildCli } from '../build-cli.mjs';

const ROWS = 10_000;
const RUNS = 9;
/**
 * Beyond this the converter is pathological (a quadratic step would be thousands of times slower),
 * not merely thorough: it measures about 20× here, and up to 90× on a loaded machine.
 */
const MAX_RATIO = 150;

const vi = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A Vietnamese Excel export with `rows` provinces. */
export function makeCsv(rows = ROWS) {
  const lines = ['Mã;Tỉnh;Tổng số mô hình;Hoàn thành;Đang triển khai;Chưa triển khai;Hồ sơ trực tuyến;Hồ sơ trực tuyến (tổng);Đúng hạn (tỷ lệ)'];
  for (let i = 0; i < rows; i++) {
    const total = 20 + (i % 30);
    const completed = i % 7;
    const inProgress = (i * 3) % (total - completed);
    const value = 1000 + ((i * 7919) % 900000);
    const name = i % 10 === 0 ? `"Tỉnh số ${i}; thử nghiệm"` : `Tỉnh Nghệ An số ${i}`;
    lines.push(
      [String(i).padStart(2, '0'), name, total, completed, inProgress, total - completed - inProgress, vi(value), vi(value + 5000 + (i % 1000)), `${(i % 100) / 100}`.replace('.', ',')].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

export async function run({ root }) {
  const bundle = await buildCli({ root });
  const { csvToFeed } = await import(`${pathToFileURL(bundle).href}?bench=${Date.now()}`);
  const text = makeCsv();

  // Warm both up once, so that neither pays for compilation in the timed runs.
  csvToFeed(text);
  text.split('\n').map((l) => l.split(';'));

  const plain = time(() => text.split('\n').map((l) => l.split(';')));
  const convert = time(() => csvToFeed(text, { asOf: '2024-10-04' }));
  const converted = convert.result.feed?.provinces.length ?? 0;
  const ratio = convert.ms / plain.ms;
  return {
    title: `CSV → feed (${ROWS.toLocaleString('en')} rows, ${(text.length / 1024).toFixed(0)} KB, median of ${RUNS})`,
    rows: [
      { label: 'plain split(\\n).map(split(;))', value: `${plain.ms.toFixed(2)} ms` },
      {
        label: 'tiendo from-csv (parse, build, validate)',
        value: `${convert.ms.toFixed(2)} ms, ${converted.toLocaleString('en')} provinces`,
        ok: converted === ROWS,
      },
      { label: 'ratio converter / plain split', value: `${ratio.toFixed(1)}×`, budget: `≤ ${MAX_RATIO}×`, ok: ratio <= MAX_RATIO },
    ],
  };
}

// `node scripts/bench/csv.mjs` runs this benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run({ root: join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..') });
  console.log(result.title);
  for (const row of result.rows) console.log(`  ${row.ok === false ? '✗' : '✓'} ${row.label.padEnd(44)} ${row.value}${row.budget ? `  (budget ${row.budget})` : ''}`);
}
