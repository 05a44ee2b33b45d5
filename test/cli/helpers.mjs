/**
 * Shared helpers of the command-line tool's Node tests. They load the BUILT
 * tool (dist/cli/tiendo.mjs, made by `npm run test:cli` before the tests) and
 * run it in process (`cli`) or as a user does (`spawnCli`: node bin/tiendo.mjs).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name) => join(root, 'test/fixtures/csv', name);
export const tool = await import(pathToFileURL(join(root, 'dist/cli/tiendo.mjs')).href);

/** Runs `tiendo <args>` in this process; resolves with its exit code and what it wrote. */
export async function cli(...args) {
  let stdout = '';
  let stderr = '';
  const code = await tool.main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs `node bin/tiendo.mjs <args>` in a child process, as a data officer would. */
export function spawnCli(args, options = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/tiendo.mjs'), ...args], { cwd: root, ...options }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A fresh temporary directory. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'tiendo-cli-'));

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
