#!/usr/bin/env node
/**
 * Opens every story of the static Storybook (storybook-static/, from
 * `npm run build-storybook`) in headless Chromium and checks that each renders
 * its tiendo element with content, in Vietnamese unless the story asks for another
 * language, logs no console error, and has no serious or critical axe violation.
 * Then, in Storybook's own page (the manager), types into the controls panel as a
 * reader would (plain text, no JSON quotes) and checks the element's attribute and
 * visible text follow, and that the panel offers the public attributes only.
 * Prints one line per failure and the count.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative } from 'node:path';
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
// TIENDO_STORIES=<regular expression> opens only the stories whose id matches (the control checks always run).
const only = process.env.TIENDO_STORIES ? new RegExp(process.env.TIENDO_STORIES) : null;
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || only.test(e.id)));
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
let passed = 0;
let failed = 0;
const elements = new Set();
const inVietnamese = [];
const inOther = [];
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
        return {
          tag: el.localName,
          text: (el.shadowRoot?.textContent ?? '').trim().length,
          page: document.documentElement.lang,
          // The language the story asks for: the element's own, a box's around it, else the page's.
          asked: el.closest('[lang]')?.lang ?? '',
          spoken: el.shadowRoot?.querySelector('[part~="base"]')?.lang ?? '',
        };
      });
      elements.add(shown.tag);
      if (!shown.text) problems.push(`<${shown.tag}> rendered no content`);
      // Issue 18: the preview page is Vietnamese unless the toolbar says otherwise, and each widget speaks
      // the language around it (Vietnamese when the story sets none).
      if (shown.page !== 'vi') problems.push(`the preview page is lang="${shown.page}", not "vi"`);
      if (shown.spoken !== shown.asked) problems.push(`<${shown.tag}> speaks "${shown.spoken}" where the story asks for "${shown.asked}"`);
      (shown.asked === 'vi' ? inVietnamese : inOther).push(story.id);
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
  for (const check of await controlChecks(await browser.newPage())) {
    if (check.problems.length) {
      failed++;
      console.log(`  ✗ Controls › ${check.name}: ${check.problems.join('; ')}`);
    } else {
      passed++;
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Storybook: ${stories.length} stories of ${elements.size} elements (${[...elements].sort().join(', ')}); ${inVietnamese.length} in Vietnamese, ${inOther.length} in a language the story sets`);
console.log(`Storybook: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/**
 * The controls panel, used as a reader uses it: in Storybook's page, "Set string" on an unset
 * attribute, then plain typing; the story's element must take the text as its attribute and show it.
 * Returns one { name, problems } per check.
 */
async function controlChecks(page) {
  const checks = [];
  const check = async (name, body) => {
    const problems = [];
    try {
      await body(problems);
    } catch (e) {
      problems.push(e.message.split('\n')[0]);
    }
    checks.push({ name, problems });
  };
  await page.setViewport({ width: 1400, height: 1000 });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}?path=/story/widgets-progress--feed`, { waitUntil: 'load' });
  await page.waitForSelector('#control-province', { timeout: 20000 });
  const frame = () => page.frames().find((f) => f.url().includes('iframe.html'));
  await frame().waitForFunction(() => document.querySelector('#storybook-root tiendo-progress')?.getAttribute('state') === 'ready', { timeout: 10000 });
  /** The story's element: its attribute `name` and its visible text (the shadow root's, spaces folded). */
  const element = (name) =>
    frame().evaluate((name) => {
      const el = document.querySelector('#storybook-root tiendo-progress');
      return { attribute: el.getAttribute(name), text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ') };
    }, name);
  const rowNames = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('table tbody tr')]
        .map((r) => r.querySelector('td')?.firstChild?.textContent?.trim() ?? '')
        .filter((n) => n && !/^(Hide|Show) /.test(n)),
    );

  await check('the panel offers the public attributes only, each a text, number, checkbox or select', async (problems) => {
    const manifest = readManifest();
    const progress = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'tiendo-progress');
    const attributes = progress.attributes.map((a) => a.name);
    const events = progress.events.map((e) => 'on' + e.name.replace(/(^|-)(.)/g, (_m, _s, c) => c.toUpperCase()));
    const rows = await rowNames();
    const extra = rows.filter((n) => !attributes.includes(n) && n !== 'lang' && !events.includes(n));
    const missing = attributes.filter((n) => !rows.includes(n));
    if (extra.length) problems.push(`rows that are not attributes: ${extra.join(', ')}`);
    if (missing.length) problems.push(`attributes without a row: ${missing.join(', ')}`);
    // The controls already shown (set args) are plain inputs, never a JSON editor.
    const kinds = await page.evaluate(() => [...document.querySelectorAll('[id^="control-"]')].map((c) => `${c.id}:${c.localName}:${c.type}`));
    const json = kinds.filter((k) => !/:(textarea:textarea|input:number|input:checkbox|select:select-one)$/.test(k));
    if (json.length) problems.push(`controls that are not plain inputs: ${json.join(', ')}`);
    if (!kinds.some((k) => k.startsWith('control-lang:select'))) problems.push('no select for lang');
  });

  await check('a title typed plainly (Tiến độ) becomes the label attribute and the heading', async (problems) => {
    const before = await element('label');
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('table tbody tr')].find((r) => r.querySelector('td')?.firstChild?.textContent?.trim() === 'label');
      row.querySelector('button').click();
    });
    await page.waitForSelector('#control-label');
    const kind = await page.$eval('#control-label', (c) => c.localName);
    if (kind !== 'textarea') problems.push(`the label control is a <${kind}>, not a text box`);
    await page.click('#control-label');
    await page.keyboard.type('Tiến độ');
    await frame().waitForFunction(() => document.querySelector('#storybook-root tiendo-progress')?.getAttribute('label') === 'Tiến độ', { timeout: 10000 });
    await frame().waitForFunction(() => /^\s*Tiến độ/.test(document.querySelector('#storybook-root tiendo-progress')?.shadowRoot?.textContent ?? ''), { timeout: 10000 });
    const after = await element('label');
    if (before.text.includes('Tiến độ')) problems.push('the title was already there before typing');
    if (!after.text.startsWith('Tiến độ') && !after.text.trim().startsWith('Tiến độ')) problems.push(`the heading is not the typed title: "${after.text.slice(0, 60)}"`);
    if (after.text.includes('"Tiến độ"')) problems.push('the title shows with JSON quotes');
  });

  await check('a province typed plainly (ha-tinh) becomes the province attribute and Hà Tĩnh’s figures', async (problems) => {
    await page.click('#control-province', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ha-tinh');
    await frame().waitForFunction(() => document.querySelector('#storybook-root tiendo-progress')?.getAttribute('province') === 'ha-tinh', { timeout: 10000 });
    // Hà Tĩnh (de-an-06.json): 43 models, none completed yet.
    await frame().waitForFunction(() => /0\/43/.test(document.querySelector('#storybook-root tiendo-progress')?.shadowRoot?.textContent ?? ''), { timeout: 10000 });
    const after = await element('province');
    if (!/trên 43|0\/43/.test(after.text)) problems.push(`Hà Tĩnh's 43 models are not shown: "${after.text.slice(0, 80)}"`);
  });

  await check('the toolbar’s English and dark theme reach a story’s widget', async (problems) => {
    const preview = await page.browser().newPage();
    try {
      await preview.goto(`${base}iframe.html?id=widgets-progress--feed&viewMode=story&globals=locale:en;theme:dark`, { waitUntil: 'load' });
      await preview.waitForFunction(() => document.querySelector('#storybook-root tiendo-progress')?.getAttribute('state') === 'ready', { timeout: 10000 });
      await preview.waitForFunction(() => /models completed/.test(document.querySelector('#storybook-root tiendo-progress')?.shadowRoot?.textContent ?? ''), { timeout: 10000 });
      const shown = await preview.evaluate(() => {
        const el = document.querySelector('#storybook-root tiendo-progress');
        const base = el.shadowRoot.querySelector('[part~="base"]');
        return { page: document.documentElement.lang, theme: el.getAttribute('theme'), lang: base.lang, surface: getComputedStyle(base).backgroundColor };
      });
      if (shown.page !== 'en' || shown.lang !== 'en') problems.push(`English not taken: page "${shown.page}", widget "${shown.lang}"`);
      if (shown.theme !== 'dark') problems.push(`theme is "${shown.theme}", not "dark"`);
      const [r, g, b] = (shown.surface.match(/\d+/g) ?? []).map(Number);
      if (!(r + g + b < 180)) problems.push(`the widget's surface is not dark: ${shown.surface}`);
    } finally {
      await preview.close();
    }
  });

  const pageErrors = errors.filter((t) => !/Failed to load resource/.test(t));
  checks.push({ name: 'the manager logs no console error', problems: pageErrors.length ? [`console: ${pageErrors.join(' | ')}`] : [] });
  await page.close();
  return checks;
}

/**
 * The elements' manifest: dist/custom-elements.json as `npm run build-storybook` left it, or, when a
 * build has cleared dist/ since, the same analysis written to a temporary folder (removed after).
 */
function readManifest() {
  const built = join(root, 'dist', 'custom-elements.json');
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8'));
  const out = mkdtempSync(join(tmpdir(), 'tiendo-manifest-'));
  try {
    // The analyzer writes under the working directory: give it the temporary folder relative to the root.
    execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out)], { cwd: root, stdio: 'ignore' });
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
