/**
 * The tool as shipped: one bundled module that needs nothing but Node 20 (no
 * node_modules), started by the package's `bin`, with the schema beside it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { root, tempDir } from './helpers.mjs';

const bundle = readFileSync(join(root, 'dist/cli/tiendo.mjs'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the shipped tool', () => {
  it('imports nothing but Node built-ins, and nothing dynamically (the message chunks are inside)', () => {
    const imports = [...bundle.matchAll(/(?:^|\n)\s*import\s[^'"]*?from\s*["']([^"']+)["']/g)].map((m) => m[1]);
    assert.ok(imports.length > 0);
    for (const name of imports) {
      assert.ok(name.startsWith('node:') || builtinModules.includes(name), `bundle imports ${name}`);
    }
    assert.doesNotMatch(bundle, /\bimport\(\s*["'`]/, 'no dynamic import left');
    assert.doesNotMatch(bundle, /\brequire\(/, 'no require');
    // The rule words of both languages and the English widget words are bundled in.
    assert.match(bundle, /phải là số nguyên không âm/);
    assert.match(bundle, /must be a whole number ≥ 0/);
  });

  it('runs from a copy of the package with no node_modules anywhere', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist/cli'), { recursive: true });
    copyFileSync(join(root, 'bin/tiendo.mjs'), join(dir, 'bin/tiendo.mjs'));
    copyFileSync(join(root, 'dist/cli/tiendo.mjs'), join(dir, 'dist/cli/tiendo.mjs'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    copyFileSync(join(root, 'demo/feeds/mau-tinh.csv'), join(dir, 'mau-tinh.csv'));
    const run = (args) =>
      new Promise((resolve) =>
        execFile(process.execPath, ['bin/tiendo.mjs', ...args], { cwd: dir, env: { PATH: process.env.PATH } }, (error, stdout, stderr) =>
          resolve({ code: error ? error.code : 0, stdout, stderr }),
        ),
      );
    const made = await run(['from-csv', 'mau-tinh.csv', '--out', 'feed.json', '--as-of', '2024-10-04', '--lang', 'en']);
    assert.equal(made.code, 0, made.stderr);
    const checked = await run(['validate', 'feed.json', '--lang', 'en']);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    assert.match(checked.stdout, /feed\.json: valid/);
  });

  it('is the package\'s bin, and the package ships bin/, schema/ and the schema export', () => {
    assert.deepEqual(pkg.bin, { tiendo: 'bin/tiendo.mjs' });
    for (const entry of ['dist', 'bin', 'schema']) assert.ok(pkg.files.includes(entry), entry);
    assert.equal(pkg.exports['./feed.schema.json'], './dist/feed.schema.json');
    assert.match(pkg.scripts.build, /node scripts\/build-cli\.mjs$/);
    const launcher = readFileSync(join(root, 'bin/tiendo.mjs'), 'utf8');
    assert.match(launcher, /^#!\/usr\/bin\/env node\n/);
    assert.match(launcher, /from '\.\.\/dist\/cli\/tiendo\.mjs'/);
  });
});
