/**
 * `npm run docs:screenshots`: the pictures of the editors' guide
 * (docs/huong-dan-bien-tap-vien.md), taken from the built builder
 * (dist/builder.html; run `npm run build` first) in Chromium.
 *
 * The builder is shown as a portal hosts it, under an illustrative address
 * (http://congan.tinh.example/tiendo/builder.html, feed at
 * /du-lieu/de-an-06.json): this script is both the web server and the
 * browser's proxy, so the snippets in the pictures carry a portal's URLs, not
 * this machine's. Writes 800 px wide PNGs into docs/img/. Then the data
 * studio's pictures for the data officers' guide (scripts/studio-screenshots.mjs).
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { studioScreenshots } from './studio-screenshots.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/img');
const HOST = 'congan.tinh.example';
const FEED = '/du-lieu/de-an-06.json';
const WIDTH = 800;

if (!existsSync(join(root, 'dist/builder.html'))) {
  console.error('dist/builder.html is missing: run `npm run build` first.');
  process.exit(1);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/** The portal: /tiendo/ is dist/, the feed is the demo's. Anything else (any other host) is refused. */
function file(url) {
  if (url.host !== HOST) return undefined;
  if (url.pathname === FEED) return join(root, 'demo/feeds/de-an-06.json');
  const m = /^\/tiendo\/([\w./-]+)$/.exec(url.pathname);
  if (!m || m[1].includes('..')) return undefined;
  return join(root, 'dist', m[1]);
}

const server = createServer((req, res) => {
  // As a proxy the browser sends absolute URLs; as a server, paths.
  const url = new URL(req.url, `http://${HOST}`);
  const path = file(url);
  if (!path || !existsSync(path)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();

const browser = await puppeteer.launch({
  executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p)),
  headless: true,
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-dev-shm-usage',
    `--proxy-server=http://127.0.0.1:${port}`,
    '--proxy-bypass-list=<-loopback>',
    '--lang=vi-VN',
  ],
});

try {
  mkdirSync(out, { recursive: true });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.setViewport({ width: WIDTH, height: 900, deviceScaleFactor: 1 });

  /** Sets a control as an editor would, and lets the builder redraw. */
  const choose = async (id, value) => {
    await page.select(`#${id}`, value);
    await page.waitForFunction(() => document.querySelector('#preview > *')?.getAttribute('state') === 'ready', { timeout: 15000 });
  };
  const measured = () =>
    page.waitForFunction(() => /Chiều cao đo được/.test(document.getElementById('measure-status').textContent), { timeout: 20000 });
  const shot = async (selector, name) => {
    const el = await page.$(selector);
    await el.screenshot({ path: join(out, name) });
    console.log(`docs/img/${name}`);
  };

  await page.goto(`http://${HOST}/tiendo/builder.html?src=${FEED}`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => /hợp lệ/.test(document.getElementById('feed-status').textContent), { timeout: 15000 });

  // Step 1: the feed and the widget (progress of Nghệ An).
  await choose('widget', 'tiendo-progress');
  await choose('province', 'nghe-an');
  await measured();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('header', 'builder-0-dau-trang.png');
  await shot('#form', 'builder-1-nguon-du-lieu.png');
  // Step 2: the preview, on the page and in the embed frame at a phone's width.
  await shot('section[aria-labelledby="step2"]', 'builder-3-xem-truoc.png');
  // Step 3: the code to copy.
  await shot('section[aria-labelledby="step3"]', 'builder-4-ma-nhung.png');

  // The options of a key figure: the province's own metrics.
  await choose('widget', 'tiendo-kpi');
  await choose('province', 'vinh-phuc');
  await page.evaluate(() => (document.getElementById('advanced-box').open = true));
  await shot('#form', 'builder-2-tuy-chon-chi-so.png');

  // The data officers' guide: the data studio, docs/img/studio-*.png (scripts/studio-screenshots.mjs).
  await studioScreenshots(page, `http://${HOST}/tiendo/studio.html`, out);
} finally {
  await browser.close();
  server.close();
}
