#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse (performance, accessibility, best practices)
 * on the demo portal as a real page serves it: the built dist/tiendo.js in
 * place of the development entry, from a local static server, in Debian's
 * Chromium with Lighthouse's default mobile throttling. Fails under 95.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pages = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!pages.length) pages.push('demo/index.html');
const MIN = 95;

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'max-age=3600');
  if (extname(file) === '.html') {
    // The page as a portal would serve it: the built library, not the development entry.
    res.end(readFileSync(file, 'utf8').replace('../src/index.ts', '../dist/tiendo.js'));
  } else {
    createReadStream(file).pipe(res);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
let failed = 0;
try {
  for (const page of pages) {
    const result = await lighthouse(`${base}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const { categories, audits } = result.lhr;
    console.log(`\nLighthouse ${page}`);
    for (const c of Object.values(categories)) {
      const score = Math.round(c.score * 100);
      const gated = c.id !== 'best-practices';
      if (gated && score < MIN) failed++;
      console.log(`  ${gated && score < MIN ? '✗' : '✓'} ${c.title.padEnd(16)} ${score}${gated ? `  (minimum ${MIN})` : ''}`);
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
      console.log(`    ${audits[id].title}: ${audits[id].displayValue}`);
    }
    for (const c of Object.values(categories)) {
      for (const ref of c.auditRefs) {
        const a = audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 0.9) console.log(`    - ${c.id}: ${a.title} (${a.displayValue ?? a.score})`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
