#!/usr/bin/env node
/**
 * `npm run bench`: builds the library, then runs every benchmark in
 * scripts/bench/*.mjs. Each one measures against a budget or against a
 * baseline it runs itself in the same process, prints its rows, and says
 * whether it held. Exit 1 when any budget is broken.
 *
 * The figures-at-first-paint measure (scripts/bench/first-paint.mjs, about a minute and a half of
 * throttled page loads) is on by default; TIENDO_BENCH_SKIP_FIRST_PAINT=1 skips it for a quick run.
 * The 3,321 communes' readiness (scripts/bench/communes.mjs: a feed with every commune, from navigation
 * to the pickers, the commune table and the map showing their figures, budget 2 s on this machine,
 * and at 4× CPU for information; about half a minute) takes TIENDO_BENCH_COMMUNE_LOADS=n loads of
 * each page (default 5).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

let failed = 0;
const dir = join(root, 'scripts/bench');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
  const bench = await import(pathToFileURL(join(dir, file)).href);
  const result = await bench.run({ root });
  console.log(`\n${result.title}`);
  for (const row of result.rows) {
    console.log(`  ${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.label.padEnd(44)} ${row.value}${row.budget ? `  (budget ${row.budget})` : ''}`);
    if (row.ok === false) failed++;
  }
}
console.log(failed ? `\nbench: ${failed} budget(s) broken` : '\nbench: every budget holds');
process.exit(failed ? 1 : 0);
