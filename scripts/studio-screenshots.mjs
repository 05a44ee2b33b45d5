/**
 * The pictures of the data studio in the data officers' guide
 * (docs/huong-dan-du-lieu.md, section "Công cụ dữ liệu"), taken by
 * `npm run docs:screenshots` (scripts/docs-screenshots.mjs) from the built
 * studio (dist/studio.html) as a portal hosts it: docs/img/studio-*.png.
 *
 * The officer's files are the test fixtures (test/fixtures/studio): a monthly
 * report with the sheets "Tháng 9" and "Tháng 10", the feed published for
 * September, and a report with a word in a number cell.
 */
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fixture = (name) => join(root, 'test/fixtures/studio', name);

/**
 * Takes the studio's pictures with `page` (a puppeteer page about 800 px wide)
 * from `url` (the studio's address on the portal), writing PNGs into `out`.
 */
export async function studioScreenshots(page, url, out) {
  const shot = async (selector, name) => {
    const el = await page.$(selector);
    await el.screenshot({ path: join(out, name) });
    console.log(`docs/img/${name}`);
  };
  const status = (id, pattern) =>
    page.waitForFunction((i, p) => new RegExp(p).test(document.getElementById(i).textContent), { timeout: 15000 }, id, pattern);
  const type = async (id, value) => {
    await page.$eval(`#${id}`, (el) => (el.value = ''));
    await page.type(`#${id}`, value);
  };
  const choose = async (id, file) => (await page.$(`#${id}`)).uploadFile(file);

  // The chart is drawn at once, not animated, so that the picture shows its final bars.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await status('check-status', 'Chưa có bảng tính');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('header', 'studio-0-dau-trang.png');

  // A report with errors first: the problems, each at its row, column and header.
  await choose('file', fixture('bao-cao-loi.xlsx'));
  await status('check-status', 'Có 1 lỗi');
  await shot('#step-check', 'studio-5-loi.png');

  // The monthly report: October's sheet, the details, the published feed.
  await choose('file', fixture('bao-cao.xlsx'));
  await status('file-status', 'Tháng 9');
  await page.select('#sheet', 'Tháng 10');
  await status('file-status', 'Tháng 10');
  await shot('#step-file', 'studio-1-chon-bang-tinh.png');
  await shot('#step-columns', 'studio-2-cac-cot.png');
  await type('f-title', 'Tiến độ thực hiện Đề án 06');
  await page.$eval('#f-as-of', (el) => {
    el.value = '2024-10-04';
  });
  await type('f-source-name', 'Công an tỉnh Nghệ An');
  await type('f-source-url', 'https://congan.nghean.gov.vn/');
  await page.$eval('#details', (form) => form.dispatchEvent(new Event('change')));
  await page.$eval('#f-source-url', (el) => el.blur());
  await shot('#step-details', 'studio-3-thong-tin.png');
  await choose('old-feed', fixture('thang-9.feed.json'));
  await status('old-status', 'Đã thêm số liệu');
  await shot('#step-append', 'studio-4-them-vao-feed.png');
  await page.waitForFunction(
    () => ['tiendo-progress', 'tiendo-province-table', 'tiendo-chart'].every((t) => document.querySelector(`#preview ${t}`)?.getAttribute('state') === 'ready'),
    { timeout: 20000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shot('#step-preview', 'studio-6-xem-truoc.png');
  await shot('#step-download', 'studio-7-tai-feed.png');
}
