/**
 * Bytes a page downloads, gzip -9: dist/tiendo.js and every chunk it imports
 * statically (what a page without charts loads), and each lazily loaded chunk.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';

export const CORE_BUDGET = 20 * 1024;
export const CHART_BUDGET = 55 * 1024;

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Files reached from `entry` by static imports, and the targets of its dynamic imports. */
export function graph(entry) {
  const statics = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (statics.has(file)) return;
    statics.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{},\s$]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      visit(join(dirname(file), m[1]));
    }
    for (const m of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) lazy.add(join(dirname(file), m[1]));
  };
  visit(entry);
  return { statics: [...statics], lazy: [...lazy].filter((f) => !statics.has(f)) };
}

export async function run({ root }) {
  const entry = join(root, 'dist/tiendo.js');
  if (!existsSync(entry)) return { title: 'Size', rows: [{ label: 'dist/tiendo.js', value: 'missing: run npm run build', ok: false }] };
  const { statics, lazy } = graph(entry);
  const core = statics.reduce((sum, f) => sum + gz(f), 0);
  const sized = lazy.map((f) => ({ name: relative(join(root, 'dist'), f).replace(/-[\w-]{8}\.js$/, '.js'), size: gz(f) }));
  const sum = (re) => sized.filter((c) => re.test(c.name)).reduce((a, c) => a + c.size, 0);
  const chart = sum(/chart/);
  const rows = [
    // The budgets of the issues: the core (dist/tiendo.js and what it imports statically: every page
    // without charts) and the chart code a page with a <tiendo-chart> fetches besides.
    { label: `core: dist/tiendo.js (${statics.length} file(s))`, value: kb(core), budget: kb(CORE_BUDGET), ok: core <= CORE_BUDGET },
    { label: 'chart code (chart-table + chart-renderer)', value: kb(chart), budget: kb(CHART_BUDGET), ok: chart <= CHART_BUDGET },
    // What particular pages download in all, for information.
    { label: 'page with every widget but charts, vi', value: kb(core + sum(/province-table/)) },
    { label: 'page with every widget but charts, en', value: kb(core + sum(/province-table|messages-en/)) },
  ];
  for (const c of sized) rows.push({ label: `  lazy ${c.name}`, value: kb(c.size) });
  return { title: 'Size (gzip -9)', rows };
}
