/**
 * The package as `npm pack` makes it (the way to install tiendo while it is not
 * published: `npm pack` in a clone, `npm install ./tiendo-0.1.0.tgz` in the
 * app). `prepack` runs `npm run build`, so a real `npm pack` always ships a
 * fresh dist/; here `npm pack --dry-run --ignore-scripts` lists what the
 * dist/ already built would ship, without rebuilding the shared folder. Every
 * file a page needs must be in the list: tiendo.js, its core chunk and every
 * chunk it and its chunks import (read from the built files' relative imports),
 * the embed and the builder with their scripts, the declarations, the
 * custom-elements manifest, the schema and the command-line tool.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const built = existsSync(join(root, 'dist/tiendo.js'));
const notBuilt = built ? false : 'dist/ is not built: run `npm run build` (or `npx vite build`) first; `npm pack` builds it itself through prepack';

/** The files `npm pack` would put in the tarball, as package paths. */
async function packed() {
  const out = await new Promise((resolve, reject) =>
    execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm pack failed: ${stderr}`)) : resolve(stdout),
    ),
  );
  const [report] = JSON.parse(out);
  return { name: report.filename, files: new Set(report.files.map((f) => f.path)) };
}

/** The relative modules a built file imports, statically or dynamically, as package paths. */
function imports(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(["'`])(\.{1,2}\/[^"'`]+?)\1/g)].map((m) => m[2]);
  return specifiers.map((s) => normalize(join(dirname(file), s.split(/[?#]/)[0])).replaceAll('\\', '/'));
}

/** `start` and every module it reaches through relative imports. */
function reached(start) {
  const seen = new Set();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (existsSync(join(root, file))) queue.push(...imports(file));
  }
  return seen;
}

/** The files a built HTML page loads from beside itself (scripts, styles), and what those scripts import. */
function pageFiles(page) {
  const html = readFileSync(join(root, page), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\.?\/?[^":?#]+\.(?:js|css))"/g)].map((m) =>
    normalize(join(dirname(page), m[1])).replaceAll('\\', '/'),
  );
  return new Set(refs.flatMap((ref) => (ref.endsWith('.js') ? [...reached(ref)] : [ref])));
}

describe('npm pack', { skip: notBuilt }, () => {
  it('builds before packing (prepack), so the tarball always holds a fresh dist/', () => {
    assert.equal(pkg.scripts.prepack, 'npm run build');
    assert.match(pkg.scripts.build, /vite build/);
    assert.match(pkg.scripts.build, /tsc -p tsconfig\.build\.json/);
    assert.match(pkg.scripts.build, /npm run manifest/);
    assert.match(pkg.scripts.build, /build-cli/);
  });

  it('ships tiendo.js, its core chunk and every chunk they import, the embed, the builder, the schema and the tool', async () => {
    const { name, files } = await packed();
    assert.equal(name, `${pkg.name}-${pkg.version}.tgz`);
    const needed = reached('dist/tiendo.js');
    const core = [...needed].filter((f) => /^dist\/chunks\/core-[^/]+\.js$/.test(f));
    assert.equal(core.length, 1, `tiendo.js imports one core chunk: ${[...needed].join(', ')}`);
    // The lazy widgets (table, list, chart, picker…) and the words on demand are chunks of their own.
    assert.ok(needed.size > 5, `tiendo.js reaches ${needed.size} files`);
    for (const file of needed) {
      assert.ok(existsSync(join(root, file)), `${file}, imported by the built library, is not in dist/`);
      assert.ok(files.has(file), `${file} is not in the package`);
    }
    for (const page of ['dist/embed.html', 'dist/builder.html']) {
      assert.ok(files.has(page), `${page} is not in the package`);
      for (const file of pageFiles(page)) assert.ok(files.has(file), `${file}, loaded by ${page}, is not in the package`);
    }
    for (const file of ['dist/tiendo-resize.js', 'dist/feed.schema.json', 'schema/feed.schema.json', 'bin/tiendo.mjs', 'dist/cli/tiendo.mjs', 'package.json', 'README.md']) {
      assert.ok(files.has(file), `${file} is not in the package`);
    }
    // Only what a user needs: no sources, tests, demo or Storybook.
    for (const file of files) assert.doesNotMatch(file, /^(src|test|stories|demo|scripts|node_modules|storybook-static|\.storybook)\//, file);
  });

  it('ships the declarations and the custom-elements manifest that package.json names', async (t) => {
    const missing = ['dist/types/index.d.ts', 'dist/custom-elements.json'].filter((f) => !existsSync(join(root, f)));
    if (missing.length) {
      t.skip(`${missing.join(', ')} not built here (made by \`npm run build\`, which \`npm pack\` runs through prepack)`);
      return;
    }
    const { files } = await packed();
    const named = [pkg.types, pkg.exports['.'].types, pkg.exports['.'].import, pkg.customElements, pkg.exports['./custom-elements.json'], pkg.exports['./feed.schema.json'], pkg.bin.tiendo];
    for (const entry of named) {
      const file = relative(root, join(root, entry)).replaceAll('\\', '/');
      assert.ok(files.has(file), `package.json names ${entry}, which is not in the package`);
    }
    // The declarations' own imports are shipped too.
    const types = [...files].filter((f) => f.startsWith('dist/types/') && f.endsWith('.d.ts'));
    for (const file of types) {
      for (const spec of [...readFileSync(join(root, file), 'utf8').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1])) {
        const target = normalize(join(dirname(file), spec.replace(/\.js$/, '.d.ts'))).replaceAll('\\', '/');
        assert.ok(files.has(target), `${file} imports ${spec}, not in the package`);
      }
    }
  });
});
