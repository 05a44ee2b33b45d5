#!/usr/bin/env node
/**
 * Builds the command-line tool: src/cli/index.ts and everything it imports (the
 * conversion core, the library's validator and messages, Papa Parse,
 * read-excel-file and fflate, dynamic imports included) bundled into one ES
 * module for Node 20, dist/cli/tiendo.mjs, which needs no node_modules at run
 * time. bin/tiendo.mjs runs it. The licences of the bundled packages go beside
 * it (dist/cli/THIRD-PARTY-LICENSES.txt). Also copies the feed's JSON Schema to
 * dist/feed.schema.json.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the CLI into `root`/dist/cli/tiendo.mjs and copies the schema; resolves with the bundle's path. */
export async function buildCli({ root = here } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const outfile = join(root, 'dist/cli/tiendo.mjs');
  const { metafile } = await build({
    entryPoints: [join(root, 'src/cli/index.ts')],
    outfile,
    bundle: true,
    // Without splitting, esbuild inlines the targets of dynamic imports (the message chunks).
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    define: { __TIENDO_VERSION__: JSON.stringify(pkg.version) },
    banner: { js: '// tiendo command-line tool (bundled by scripts/build-cli.mjs; source in src/cli/).' },
    legalComments: 'none',
    // Vietnamese text stays readable in the bundle (and smaller than \u escapes).
    charset: 'utf8',
    logLevel: 'warning',
    // fflate's Node build reaches for worker_threads through createRequire for its
    // asynchronous functions, which the converter never calls; its browser build
    // (the one the data studio gets) has the same synchronous unzip and no require.
    alias: { fflate: 'fflate/browser' },
    metafile: true,
  });
  writeFileSync(join(root, 'dist/cli/THIRD-PARTY-LICENSES.txt'), thirdPartyLicences(root, metafile));
  mkdirSync(join(root, 'dist'), { recursive: true });
  copyFileSync(join(root, 'schema/feed.schema.json'), join(root, 'dist/feed.schema.json'));
  return outfile;
}

/** The licence text of every package the bundle took code from (the bundle drops their comments). */
function thirdPartyLicences(root, metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]);
  }
  const parts = ['Third-party code bundled into dist/cli/tiendo.mjs, with its licence.\n'];
  for (const name of [...packages].sort()) {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((f) => join(dir, f)).find((f) => existsSync(f));
    parts.push(`${'='.repeat(72)}\n${name} ${pkg.version} (${pkg.license})\n\n${file ? readFileSync(file, 'utf8').trim() : `License: ${pkg.license}`}\n`);
  }
  return parts.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
}
