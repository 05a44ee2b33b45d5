#!/usr/bin/env node
/**
 * Builds the command-line tool: src/cli/main.ts and everything it imports (the
 * library's validator and messages, dynamic imports included) bundled into one
 * ES module for Node 20, dist/cli/tiendo.mjs, which needs no node_modules at
 * run time. bin/tiendo.mjs runs it. Also copies the feed's JSON Schema to
 * dist/feed.schema.json.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the CLI into `root`/dist/cli/tiendo.mjs and copies the schema; resolves with the bundle's path. */
export async function buildCli({ root = here } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const outfile = join(root, 'dist/cli/tiendo.mjs');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
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
  });
  mkdirSync(join(root, 'dist'), { recursive: true });
  copyFileSync(join(root, 'schema/feed.schema.json'), join(root, 'dist/feed.schema.json'));
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
}
