#!/usr/bin/env node
/**
 * Writes demo/feeds/minh-hoa-34.json: an ILLUSTRATIVE feed of the 34 provincial-level units
 * since 1 July 2025, so the demo's table, charts and map show a whole country instead of the
 * four provinces the real seed figures cover. The units (ids, codes, names) come from the
 * library's own list (src/places/provinces.ts); the figures are made up, plausible in size, and
 * the feed says so in its title and source. No randomness: each figure is a fixed function of
 * the unit's code, so the file is the same on every run.
 *
 *   node demo/make-illustrative-feed.mjs          (writes the file)
 *   node demo/make-illustrative-feed.mjs --check  (exit 1 if the file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo/feeds/minh-hoa-34.json');

// The places' list is TypeScript: bundle it for Node and import it from memory.
const bundled = await build({
  entryPoints: [join(root, 'src/places/provinces.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { UNITS_2025 } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

/** A fixed number in [0, 1) for a unit and a purpose: the same every run. */
function share(code, salt) {
  let h = 2166136261;
  for (const c of `${code}:${salt}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10007) / 10007;
}
const between = (code, salt, low, high) => low + Math.round(share(code, salt) * (high - low));

const AS_OF = '2025-10-31';
const HISTORY = ['2025-07-31', '2025-08-31', '2025-09-30'];
const PERIOD = '10 tháng đầu năm 2025';

const provinces = UNITS_2025.map((unit) => {
  const { code, communes } = unit;
  const total = between(code, 'total', 34, 46);
  const completed = between(code, 'completed', Math.round(total * 0.12), Math.round(total * 0.62));
  const inProgress = between(code, 'in-progress', Math.round((total - completed) * 0.4), total - completed);
  const notStarted = total - completed - inProgress;
  // Earlier months, counted back from today: 1–3 fewer completed each month (never below 0),
  // those models still under way then.
  const history = [];
  let earlier = completed;
  for (let i = HISTORY.length - 1; i >= 0; i--) {
    earlier = Math.max(0, earlier - between(code, `step-${i}`, 1, 3));
    history.unshift({ asOf: HISTORY[i], completed: earlier, inProgress: inProgress + (completed - earlier) });
  }
  // Residence dossiers scale with the unit's communes; the online share 58–96%, the on-time share 96–99.9%.
  const residence = communes * between(code, 'residence', 380, 720);
  const onTime = communes * between(code, 'dossiers', 900, 1600);
  return {
    id: unit.id,
    code,
    name: unit.name,
    models: { total, completed, inProgress, notStarted, history },
    metrics: {
      'residence-online': { value: Math.round(residence * (0.58 + share(code, 'online') * 0.38)), total: residence, target: 0.9, period: PERIOD },
      'on-time': { value: Math.round(onTime * (0.96 + share(code, 'on-time') * 0.039)), total: onTime, period: PERIOD },
    },
  };
});

const sum = (pick) => provinces.reduce((acc, p) => acc + pick(p), 0);
const nationalHistory = HISTORY.map((asOf, i) => ({
  asOf,
  completed: sum((p) => p.models.history[i].completed),
  inProgress: sum((p) => p.models.history[i].inProgress),
}));

const feed = {
  version: 1,
  title: 'Số liệu minh họa: tiến độ Đề án 06 của 34 tỉnh, thành phố',
  asOf: AS_OF,
  source: { name: 'Số liệu minh họa do tiendo tạo cho trang mẫu, không phải số liệu thật' },
  metrics: [
    { id: 'residence-online', name: 'Hồ sơ đăng ký cư trú tiếp nhận trực tuyến', unit: 'hồ sơ' },
    { id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' },
  ],
  // No name: the widgets say "Toàn quốc" / "Nationwide" in the reader's language.
  national: {
    models: {
      total: sum((p) => p.models.total),
      completed: sum((p) => p.models.completed),
      inProgress: sum((p) => p.models.inProgress),
      notStarted: sum((p) => p.models.notStarted),
      history: nationalHistory,
    },
    metrics: {
      'residence-online': { value: sum((p) => p.metrics['residence-online'].value), total: sum((p) => p.metrics['residence-online'].total), target: 0.9, period: PERIOD },
      'on-time': { value: sum((p) => p.metrics['on-time'].value), total: sum((p) => p.metrics['on-time'].total), period: PERIOD },
    },
  },
  provinces,
};

const text = `${JSON.stringify(feed, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: differs
  }
  if (current !== text) {
    console.error(`${out} is not what demo/make-illustrative-feed.mjs writes: run it again`);
    process.exit(1);
  }
  console.log(`${out}: up to date (${provinces.length} provinces)`);
} else {
  writeFileSync(out, text);
  console.log(`${out}: ${provinces.length} provinces`);
}
