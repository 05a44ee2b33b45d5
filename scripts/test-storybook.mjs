#!/usr/bin/env node
/**
 * Opens every story of the static Storybook (storybook-static/, from
 * `npm run build-storybook`) in headless Chromium and checks that each renders
 * its tiendo element with content, logs no console error, and has no serious
 * or critical axe violation. Prints one line per failure and the count.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'storybook-static');
if (!existsSync(join(dir, 'index.json'))) {
  console.error('storybook-static/ is missing: run npm run build-storybook');
  console.log('Storybook: 0 passed, 1 failed');
  process.exit(1);
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
let passed = 0;
let failed = 0;
const elements = new Set();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  for (const story of stories) {
    const errors = [];
    const onConsole = (m) => m.type() === 'error' && errors.push(m.text());
    const onError = (e) => errors.push(e.message);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    const problems = [];
    try {
      await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
      const holding = /loading/i.test(story.name);
      await page.waitForFunction(
        (holding) => {
          const el = document.querySelector('#storybook-root [state]');
          if (!el) return false;
          const state = el.getAttribute('state');
          return holding ? state === 'loading' : state !== 'loading';
        },
        { timeout: 10000 },
        holding,
      );
      if (/stale/i.test(story.name)) {
        // The first refresh comes 27–33 s after the first answer (the loader's floor, spread ±10%).
        await page.waitForFunction(() => document.querySelector('#storybook-root [state]')?.hasAttribute('stale'), { timeout: 45000 });
      }
      const shown = await page.evaluate(() => {
        const el = document.querySelector('#storybook-root [state]');
        return { tag: el.localName, text: (el.shadowRoot?.textContent ?? '').trim().length };
      });
      elements.add(shown.tag);
      if (!shown.text) problems.push(`<${shown.tag}> rendered no content`);
      await page.evaluate(axeSource);
      // The a11y addon may be running axe on the story already: wait for it and try again.
      const violations = await page.evaluate(async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            const r = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
            return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
          } catch (e) {
            if (attempt > 20 || !/already running/.test(String(e))) throw e;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      });
      if (violations.length) problems.push(`axe: ${violations.join(', ')}`);
    } catch (e) {
      problems.push(e.message.split('\n')[0]);
    }
    // A story of the error states logs nothing as an error: the widget warns, it does not fail the page.
    const consoleErrors = errors.filter((t) => !/Failed to load resource: the server responded with a status of (404|503)/.test(t));
    if (consoleErrors.length) problems.push(`console: ${consoleErrors.join(' | ')}`);
    page.off('console', onConsole);
    page.off('pageerror', onError);
    if (problems.length) {
      failed++;
      console.log(`  ✗ ${story.title} › ${story.name}: ${problems.join('; ')}`);
    } else {
      passed++;
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Storybook: ${stories.length} stories of ${elements.size} elements (${[...elements].sort().join(', ')})`);
console.log(`Storybook: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
