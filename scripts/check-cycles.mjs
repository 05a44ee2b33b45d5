#!/usr/bin/env node
/**
 * `npm run lint` (after ESLint): no import loop in src/, types and lazy `import()`
 * included. An element imports its lazy chunks; a chunk that imported its element
 * back (even for a type) would tie the two together again, so shapes both need live
 * in types files. Exit 1 and print each loop found.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative module a file names: import/export … from, import type, and import(). */
function imports(file) {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
  const specs = [
    ...code.matchAll(/\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
    ...code.matchAll(/^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm),
  ].map((m) => m[1]);
  return specs
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((path) => path.startsWith(src) && existsSync(path));
}

const graph = new Map(files(src).map((f) => [f, imports(f)]));
const loops = [];
const state = new Map(); // 1 = on the path, 2 = done
const path = [];
function visit(f) {
  state.set(f, 1);
  path.push(f);
  for (const g of graph.get(f) ?? []) {
    if (state.get(g) === 1) loops.push([...path.slice(path.indexOf(g)), g]);
    else if (!state.get(g)) visit(g);
  }
  path.pop();
  state.set(f, 2);
}
for (const f of graph.keys()) if (!state.get(f)) visit(f);

if (loops.length) {
  for (const loop of loops) console.error(`import loop: ${loop.map((f) => relative(root, f)).join(' → ')}`);
  process.exit(1);
}
console.log(`no import loop among ${graph.size} files in src/ (types and lazy imports included)`);
