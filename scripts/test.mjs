#!/usr/bin/env node
/**
 * `npm test`: builds dist/ (the built-script tests load it), runs the browser
 * suite in every selected engine (TIENDO_BROWSERS, default chromium,firefox,webkit)
 * the command-line tool's Node tests and every Storybook story, then prints the count per engine
 * and, last, one line "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const logDir = join(root, 'test-results');
mkdirSync(logDir, { recursive: true });

/**
 * Runs a command and resolves with its exit code and output. The output goes to
 * test-results/<log>.log; it is printed only when the step fails (the browsers'
 * expected noise, thousands of lines of hostile-feed warnings, stays in the file).
 */
function run(cmd, args, env = {}, log = 'output') {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const echo = () => (chunk) => {
      out += chunk;
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => {
      const file = join(logDir, `${log}.log`);
      writeFileSync(file, out);
      if (code) {
        process.stdout.write(out);
        console.log(`\n(${cmd} ${args.join(' ')}: exit ${code}; the log is in ${file})`);
      } else {
        console.log(`${log}: ok (log in test-results/${log}.log)`);
      }
      resolve({ code: code ?? 1, out });
    });
  });
}

const bin = (name) => join(root, 'node_modules/.bin', name);
let failedSteps = 0;

const build = await run(bin('vite'), ['build', '--logLevel', 'warn'], {}, 'build');
if (build.code) failedSteps++;

const browsers = await run(
  bin('web-test-runner'),
  process.argv.slice(2),
  { TIENDO_DEFAULT_BROWSERS: process.env.TIENDO_BROWSERS || 'chromium,firefox,webkit' },
  'browsers',
);
if (browsers.code) failedSteps++;
// The runner redraws one progress line per engine; the last of each is its total.
const perEngine = new Map();
// eslint-disable-next-line no-control-regex -- strips the runner's terminal colour codes
const plain = browsers.out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
for (const m of plain.matchAll(/^(\S+):\s*\|[^|\n]*\|[^|\n]*\|\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/gm)) {
  perEngine.set(m[1], { passed: +m[2], failed: +m[3], skipped: +(m[4] ?? 0) });
}
// Every engine runs the same test files, so each reports the same number of tests (passed, failed or
// skipped). Fewer means a file's results never arrived: count those as failed, never as passed.
const browserEngines = [...perEngine.values()];
const expected = Math.max(0, ...browserEngines.map((c) => c.passed + c.failed + c.skipped));
for (const c of browserEngines) {
  c.missing = expected - (c.passed + c.failed + c.skipped);
  c.failed += c.missing;
}

// The names of failed tests, with the test file and the first lines of each error, repeated near
// the counts for the same reason as the runner's errors below.
const failures = [];
const allLines = plain.split('\n');
let currentFile = '';
allLines.forEach((line, i) => {
  const file = /^(test\/\S+\.test\.ts):\s*$/.exec(line.trim());
  if (file) currentFile = file[1];
  if (line.trim().startsWith('❌')) failures.push(`${currentFile}\n${allLines.slice(i, i + 5).join('\n')}`);
});

// A runner that stops on an uncaught error prints it amid thousands of lines of expected warnings;
// repeat it here, near the counts, so a CI log cut to its last lines still says what stopped the run.
const runnerErrors = [];
allLines.forEach((line, i) => {
  if (/Uncaught exception|^WebKit: /.test(line.trim())) runnerErrors.push(allLines.slice(i, i + 12).join('\n'));
});
const files = new Map();
for (const m of plain.matchAll(/^(\S+):\s*\|[^|\n]*\|\s*(\d+)\/(\d+) test files/gm)) files.set(m[1], +m[3] - +m[2]);
for (const [name, left] of files) if (left > 0 && perEngine.has(name)) perEngine.get(name).unfinished = left;

if (pkg.scripts['test:cli'] && existsSync(join(root, 'test/cli'))) {
  const cli = await run('npm', ['run', '--silent', 'test:cli'], {}, 'cli');
  if (cli.code) failedSteps++;
  const pass = /^# pass (\d+)/m.exec(cli.out);
  const fail = /^# fail (\d+)/m.exec(cli.out);
  perEngine.set('Node (command-line tool)', { passed: pass ? +pass[1] : 0, failed: fail ? +fail[1] : cli.code ? 1 : 0 });
}

// Storybook: build the static site, then open every story (TIENDO_STORYBOOK=0 skips it for a quick run).
if (process.env.TIENDO_STORYBOOK !== '0') {
  const built = await run('npm', ['run', '--silent', 'build-storybook'], {}, 'storybook-build');
  const sb = built.code ? built : await run(process.execPath, [join(root, 'scripts/test-storybook.mjs')], {}, 'storybook');
  if (sb.code) failedSteps++;
  const m = /Storybook: (\d+) passed, (\d+) failed/.exec(sb.out);
  perEngine.set('Storybook (Chromium)', { passed: m ? +m[1] : 0, failed: m ? +m[2] : 1 });
}

let passed = 0;
let failed = 0;
if (runnerErrors.length) console.log(`\nThe browser runner reported:\n${runnerErrors.join('\n---\n')}`);
if (failures.length) {
  const shown = failures.slice(0, 25);
  const more = failures.length > shown.length ? `\n(and ${failures.length - shown.length} more in the log)` : '';
  console.log(`\nFailed in the browsers:\n${shown.join('\n---\n')}${more}`);
}
console.log('\nTests per engine:');
for (const [name, c] of perEngine) {
  const unfinished = c.unfinished ? ` (${c.unfinished} test files not run: the runner stopped)` : '';
  const missing = c.missing ? ` (${c.missing} of them never reported a result)` : '';
  console.log(`  ${name.padEnd(26)} ${c.passed} passed, ${c.failed} failed${missing}${unfinished}`);
  passed += c.passed;
  failed += c.failed;
}
if (!perEngine.size || (failedSteps && !failed)) failed += Math.max(1, failedSteps);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
