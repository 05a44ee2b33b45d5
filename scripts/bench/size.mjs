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
  const english = lazy.filter((f) => /messages-en/.test(f)).reduce((sum, f) => sum + gz(f), 0);
  const rows = [
    { label: `Vietnamese page without charts (${statics.length} file(s))`, value: kb(core), budget: kb(CORE_BUDGET), ok: core <= CORE_BUDGET },
    // English is fetched on demand, but an English page must hold the same budget.
    { label: 'English page without charts (+ English chunk)', value: kb(core + english), budget: kb(CORE_BUDGET), ok: core + english <= CORE_BUDGET },
  ];
  for (const f of lazy) {
    const size = gz(f);
    const isChart = /chart/i.test(f);
    rows.push({
      label: `  lazy ${relative(join(root, 'dist'), f).replace(/-[\w-]{8}\.js$/, '.js')}`,
      value: kb(size),
      budget: isChart ? kb(CHART_BUDGET) : undefined,
      ok: isChart ? size <= CHART_BUDGET : undefined,
    });
  }
  return { title: 'Size (gzip -9)', rows };
}
