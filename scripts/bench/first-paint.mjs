/**
 * Figures at first paint (issue 19): how long a reader on a mid-range phone waits for the figures
 * of a page with a progress bar, a KPI and a 34-province table on one feed, in three forms of the
 * same page served with the built library (gzip, as a portal serves it):
 *  (a) static: each widget's ready shadow content as declarative shadow DOM with its styles inlined,
 *      no script at all, the physical limit. Made by loading (b) once, unthrottled, and writing out
 *      each widget's shadow root (its nodes and its adopted style sheets as a <style>);
 *  (b) plain: what `tiendo snippet` writes (preload hints, the script, each tag with the feed's
 *      current figures as its fallback text);
 *  (c) prerendered: what `tiendo snippet --prerender` writes for all three widgets (declarative
 *      shadow DOM + the script; the element keeps the server content until its figures replace it).
 *
 * Chromium at 4× CPU slowdown and 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, a 412 px phone
 * viewport, a fresh browser context and no cache for each load, loads interleaved (a b c a b c …).
 * Per load: "figures in the DOM" (every widget's figure strings present in its shadow content),
 * "figures visible" (the end of the first frame after that, not before first-contentful-paint), CLS
 * (layout shifts without input, until every widget is ready and half a second more) and total
 * blocking time (as Lighthouse counts it: the part beyond 50 ms of each long task after the first
 * contentful paint, to that end; the same from navigation start is printed beside it); the in-page probe is
 * scripts/lib/first-paint-page.mjs. Targets: the median of the per-load ratios b/a (visible) ≤ 1.5,
 * c/a (visible) ≤ 1.1, CLS ≤ 0.02 for b and c. Then 12 widgets on one feed (6 progress bars and
 * 6 KPIs, plain snippets) under the same emulation: total blocking time ≤ 100 ms (median). Each
 * line says whether its target holds; the bench fails above CEILING (see there).
 *
 * TIENDO_BENCH_SKIP_FIRST_PAINT=1 skips it (about a minute and a half); TIENDO_BENCH_FIRST_PAINT_LOADS=n
 * sets the loads per form (default 7, at least 7 for the budgets to count); TIENDO_BENCH_FIRST_PAINT_TRACE=1
 * adds a traced load of each form and prints where its main thread's time went until the figures
 * were visible (scripts/lib/first-paint-trace.mjs); TIENDO_BENCH_FIRST_PAINT_DUMP=folder writes
 * the pages there.
 *
 *   node scripts/bench/first-paint.mjs   (after npx vite build)
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { servePage } from '../lib/bench-server.mjs';
import { firstPaintProbe, serializeWidgets } from '../lib/first-paint-page.mjs';
import { record, summarize } from '../lib/first-paint-trace.mjs';

export const PLAIN_BUDGET = 1.5;
export const PRERENDER_BUDGET = 1.1;
export const CLS_BUDGET = 0.02;
export const TBT_BUDGET = 100;
/**
 * Issue 19's budgets above are targets not all met yet (README, "Budgets"): each line says whether its
 * target holds, and the bench fails only above these ceilings, a little over today's worst runs on a
 * busy machine, so that first paint cannot get worse unnoticed while the targets are worked on. CLS,
 * now met in every load, fails at its target.
 */
export const CEILING = { b: 3, c: 1.6, clsB: CLS_BUDGET, clsC: CLS_BUDGET, tbt: 300 };

/** A measure against its target (said in the value) and its ceiling (the row's budget and ✓/✗). */
function guarded(row, value, target, ceiling, unit, enough = true) {
  const met = value <= target;
  return {
    ...row,
    value: `${row.value}; target ${target}${unit}: ${met ? 'met' : 'NOT MET (issue 19)'}`,
    budget: `ceiling ${ceiling}${unit}`,
    ok: enough && value <= ceiling,
  };
}
const MIN_LOADS = 7;
const LOADS = Math.max(1, Number(process.env.TIENDO_BENCH_FIRST_PAINT_LOADS) || MIN_LOADS);
const MANY_LOADS = 5;
const CPU = 4;
/** Bytes per second: 1.6 Mbit/s down, 750 kbit/s up; latency is the round trip added to each request. */
const NETWORK = { download: (1600 * 1024) / 8, upload: (750 * 1024) / 8, latency: 150 };
const VIEWPORT = { width: 412, height: 915, deviceScaleFactor: 1 };
const SETTLE = 500;
const TIMEOUT = 30000;

const FORMS = { a: '(a) static', b: '(b) plain snippet', c: '(c) prerendered snippet' };
const TAGS = ['tiendo-progress', 'tiendo-kpi', 'tiendo-province-table'];
const FEEDS = ['demo/feeds/minh-hoa-34.json', 'demo/feeds/de-an-06.json'];

const run_ = promisify(execFile);

/** The page around the widgets, the same in every form. */
function pageOf(title, head, body) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;padding:16px;font:16px/1.5 system-ui,sans-serif;color:#1f2328}main{max-width:760px;margin:auto}main>*+*{margin-top:16px}</style>
${head}</head><body><main>
<h1>Tiến độ thực hiện Đề án 06</h1>
<p>Số liệu cập nhật hằng tháng từ báo cáo của các tỉnh, thành phố.</p>
${body}
<p>Nguồn: báo cáo của các tỉnh, thành phố.</p>
</main></body></html>`;
}

/**
 * A copy of what the bench needs, in `dir`, so that a rebuild of dist/ by someone else during the
 * two minutes changes nothing: the built library (dist/, without the CLI), the feed as
 * feed.json, and the command line built from today's sources (cli/cli.mjs, run by tiendo.mjs, with
 * the build's chunks.json beside its folder as in dist/).
 */
async function snapshot(root, feed, dir) {
  const { buildCli } = await import('../build-cli.mjs');
  for (let attempt = 0; ; attempt++) {
    try {
      const cli = await buildCli({ root });
      // In a folder of its own, as in dist/cli/: the tool reads the build's chunk list at ../chunks.json
      // (its preload hints); without it the plain snippet had none and the bench measured a page the
      // tool does not write.
      mkdirSync(join(dir, 'cli'), { recursive: true });
      copyFileSync(cli, join(dir, 'cli', 'cli.mjs'));
      const dist = join(root, 'dist');
      if (!existsSync(join(dist, 'tiendo.js')) || !existsSync(join(dist, 'chunks'))) throw new Error('dist/ is not built (npx vite build)');
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      cpSync(dist, join(dir, 'dist'), { recursive: true, filter: (from) => !from.startsWith(join(dist, 'cli')) });
      const missing = missingModules(join(dir, 'dist'));
      if (missing.length) throw new Error(`dist/ is being rebuilt (missing ${missing.join(', ')})`);
      if (!existsSync(join(dir, 'dist', 'chunks.json'))) throw new Error('dist/chunks.json is missing (npx vite build writes it)');
      copyFileSync(join(dir, 'dist', 'chunks.json'), join(dir, 'chunks.json'));
      break;
    } catch (e) {
      // dist/ emptied by a build under way elsewhere: wait for it.
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  copyFileSync(join(root, feed), join(dir, 'feed.json'));
  writeFileSync(join(dir, 'tiendo.mjs'), "import { main } from './cli/cli.mjs';\nprocess.exitCode = await main(process.argv.slice(2));\n");
}

/** The modules that a script of `dist` imports by a relative path and that are not there (a copy taken mid-build). */
function missingModules(dist) {
  const files = readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js'));
  return files.flatMap((f) =>
    [...readFileSync(join(dist, f), 'utf8').matchAll(/[`'"](\.{1,2}\/[\w./-]+\.js)[`'"]/g)]
      .map((m) => join(dist, dirname(f), m[1]))
      .filter((target) => !existsSync(target)),
  );
}

/** `tiendo snippet` (the snapshot's CLI) for one widget; its lines before the tag, and the tag. */
async function snippet(dir, args) {
  const { stdout } = await run_(process.execPath, [join(dir, 'tiendo.mjs'), 'snippet', 'feed.json', '--src', '/feed.json', '--base', '/dist/', ...args], {
    cwd: dir,
    maxBuffer: 8 << 20,
  });
  const at = stdout.indexOf('<tiendo-');
  return { head: stdout.slice(0, at).trim().split('\n'), tag: stdout.slice(at).trim() };
}

/** A page of snippets: their script and hint lines once, at the first tag, as an editor pastes them. */
function snippetsPage(title, parts) {
  const lines = [...new Set(parts.flatMap((p) => p.head))];
  return pageOf(title, '', [lines.join('\n'), ...parts.map((p) => p.tag)].join('\n'));
}

/** One load of `url` in a fresh context; resolves with the probe's figures. */
async function load(browser, url, { markers, tags, cpu = CPU, network = NETWORK, trace = false, dist }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // A script error fails the load at once (the probe would otherwise wait for a widget that never gets ready).
    const broke = new Promise((resolve, reject) => page.on('pageerror', (e) => reject(new Error(`script error: ${e.message}`))));
    broke.catch(() => {});
    await page.setViewport(VIEWPORT);
    await page.setCacheEnabled(false);
    if (cpu > 1) await page.emulateCPUThrottling(cpu);
    if (network) await page.emulateNetworkConditions(network);
    await page.evaluateOnNewDocument(firstPaintProbe, { markers, tags, settle: SETTLE, timeout: TIMEOUT });
    const recording = trace ? await record(page) : undefined;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
    const r = await Promise.race([page.evaluate(() => window.__firstPaintDone), broke]);
    const visible = Math.max(r.visible, r.fcp ?? 0);
    // The trace is cut where the figures became visible, or for a page without figure strings (the
    // 12 widgets) where its last widget became ready.
    const cut = Object.keys(markers).length ? visible : Math.max(visible, r.ready);
    return { ...r, visible, trace: recording && (await summarize(await recording.stop(), cut, dist)) };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;
const list = (xs, digits) => xs.map((x) => x.toFixed(digits)).join(' ');

/** Rows for one measure: the medians, then b/a and c/a (median of the per-load ratios, and each). */
function timeRows(name, loads, forms, key, budgets) {
  const of = (f) => loads[f].map((r) => r[key]);
  const rows = [{ label: `${name}: ${forms.join(' / ')} (median)`, value: forms.map((f) => ms(median(of(f)))).join(' / ') }];
  for (const form of forms.filter((f) => f !== 'a')) {
    const r = of(form).map((x, i) => x / of('a')[i]);
    const row = { label: `${name}: ${form}/a`, value: `${median(r).toFixed(2)}× (per load: ${list(r, 2)})` };
    rows.push(budgets?.[form] ? guarded(row, median(r), budgets[form], CEILING[form], '×', loads.enough) : row);
  }
  return rows;
}

/** Every row of the three forms; a form whose load failed gets one ✗ row saying why, and no figures. */
function formRows(loads, failed) {
  const forms = ['a', 'b', 'c'].filter((f) => !failed[f]);
  const cls = (f) => loads[f].map((r) => r.cls);
  const tbt = (f) => loads[f].map((r) => r.tbt);
  const rows = [
    ...timeRows('figures in the DOM', loads, forms, 'inDom'),
    ...timeRows('figures visible', loads, forms, 'visible', { b: PLAIN_BUDGET, c: PRERENDER_BUDGET }),
    { label: `first contentful paint: ${forms.join(' / ')}`, value: forms.map((f) => ms(median(loads[f].map((r) => r.fcp)))).join(' / ') },
    ...forms.map((f) => {
      const row = { label: `CLS ${f} (median; worst)`, value: `${median(cls(f)).toFixed(3)}; ${Math.max(...cls(f)).toFixed(3)} (per load: ${list(cls(f), 3)})` };
      const moved = {};
      for (const r of loads[f]) for (const [who, v] of Object.entries(r.shifts)) moved[who] = (moved[who] ?? 0) + v / loads[f].length;
      const what = Object.entries(moved).filter(([, v]) => v >= 0.0005).sort((x, y) => y[1] - x[1]).map(([who, v]) => `${who} ${v.toFixed(3)}`).join(', ');
      if (what) row.value += `; mean by what moved: ${what}`;
      // The heights each widget went through in the first load (12 widgets: one of each tag).
      const heights = Object.entries(loads[f][0].heights).map(([tag, hs]) => `${tag.slice(7)} ${hs.join('→')}`);
      if (f !== 'a' && what) row.value += `; heights px: ${heights.join(', ')}`;
      return f === 'a' ? row : guarded(row, median(cls(f)), CLS_BUDGET, f === 'b' ? CEILING.clsB : CEILING.clsC, '', loads.enough);
    }),
    ...forms.map((f) => {
      const mid = loads[f].find((r) => r.tbt === median(tbt(f)));
      const tasks = mid ? `; long tasks of that load, start+duration ms: ${mid.longTasks.map(([at, d]) => `${at}+${d}`).join(' ') || 'none'}` : '';
      return { label: `total blocking time ${f} (median)`, value: `${ms(median(tbt(f)))} (per load: ${tbt(f).map(Math.round).join(' ')}; from navigation: ${ms(median(loads[f].map((r) => r.tbtNav)))})${tasks}` };
    }),
  ];
  for (const f of forms.filter((f) => f !== 'a')) {
    rows.push({ label: `total blocking time ${f} − a (median)`, value: `${ms(median(tbt(f).map((x, i) => x - tbt('a')[i])))}` });
  }
  for (const [f, e] of Object.entries(failed)) rows.push({ label: `${FORMS[f]}: no figures`, value: `failed: ${e.message.split('\n')[0]}`, ok: false });
  if (!loads.enough) rows.push({ label: 'loads per form', value: `${LOADS}: fewer than ${MIN_LOADS}, no budget counted`, ok: false });
  return rows;
}

export async function run({ root }) {
  const title = `Figures at first paint: progress + KPI + 34-row table, ${CPU}× CPU, 150 ms RTT, 1.6 Mbit/s (${LOADS} loads each, interleaved)`;
  if (process.env.TIENDO_BENCH_SKIP_FIRST_PAINT === '1') {
    return { title, rows: [{ label: 'skipped', value: 'TIENDO_BENCH_SKIP_FIRST_PAINT=1' }] };
  }
  const feed = FEEDS.find((f) => existsSync(join(root, f)));
  const provinces = JSON.parse(readFileSync(join(root, feed), 'utf8')).provinces;
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-first-paint-'));
  let server;
  let browser;
  try {
    await snapshot(root, feed, dir);
    const kpi = ['--widget', 'kpi', '--metric', JSON.parse(readFileSync(join(root, feed), 'utf8')).metrics.at(-1).id];
    const plain = await Promise.all([snippet(dir, ['--widget', 'progress']), snippet(dir, kpi), snippet(dir, ['--widget', 'table'])]);
    const pre = await Promise.all([
      snippet(dir, ['--widget', 'progress', '--prerender']),
      snippet(dir, [...kpi, '--prerender']),
      snippet(dir, ['--widget', 'table', '--prerender']),
    ]);
    const twelve = await Promise.all(
      provinces.slice(0, 6).flatMap((p) => [
        snippet(dir, ['--widget', 'progress', '--province', p.id]),
        snippet(dir, [...kpi, '--province', p.id]),
      ]),
    );
    const pages = {
      '/b': snippetsPage('b', plain),
      '/c': snippetsPage('c', pre),
      '/many': snippetsPage('many', twelve),
    };
    server = await servePage(dir, pages, { '/feed.json': 'feed.json' }, { gzip: true });
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    });

    // (a): the plain page, loaded once at full speed, written out when every widget is ready.
    const staticPage = await (async () => {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('requestfailed', (r) => errors.push(`${r.url()} failed`));
        page.on('response', (r) => r.ok() || errors.push(`${r.url()} ${r.status()}`));
        await page.setViewport(VIEWPORT);
        await page.goto(`${origin}/b`, { waitUntil: 'load' });
        const ready = (tags) => tags.every((t) => document.querySelector(t)?.getAttribute('state') === 'ready');
        await page.waitForFunction(ready, { timeout: TIMEOUT }, TAGS).catch(async () => {
          const states = await page.evaluate((tags) => tags.map((t) => `${t} ${document.querySelector(t)?.getAttribute('state')}`), TAGS);
          throw new Error(`the plain page is not ready: ${states.join(', ')}; ${errors.join('; ')}`);
        });
        return await page.evaluate(serializeWidgets, TAGS);
      } finally {
        await context.close();
      }
    })();
    const head = staticPage.pageStyle ? `<style>${staticPage.pageStyle}</style>` : '';
    pages['/a'] = pageOf('a', head, TAGS.map((t) => staticPage.widgets[t]).join('\n'));
    const { markers } = staticPage;
    // TIENDO_BENCH_FIRST_PAINT_DUMP=folder: the four pages written there, to look at.
    const dump = process.env.TIENDO_BENCH_FIRST_PAINT_DUMP;
    if (dump) for (const [path, html] of Object.entries(pages)) writeFileSync(join(dump, `${path.slice(1)}.html`), html);

    const loads = { a: [], b: [], c: [], enough: LOADS >= MIN_LOADS };
    const failed = {};
    // One round first, not counted: a fresh browser's first pages pay for starting its processes and
    // compiling the probe, which made the first (a) load up to twice as slow as the others.
    for (const form of ['a', 'b', 'c', 'many']) {
      await load(browser, `${origin}/${form}`, form === 'many' ? { markers: {}, tags: ['tiendo-progress', 'tiendo-kpi'] } : { markers, tags: TAGS }).catch(() => undefined);
    }
    for (let i = 0; i < LOADS; i++) {
      for (const form of ['a', 'b', 'c']) {
        if (failed[form]) continue;
        try {
          loads[form].push(await load(browser, `${origin}/${form}`, { markers, tags: TAGS }));
        } catch (e) {
          if (form === 'a') throw e;
          failed[form] = e;
        }
      }
    }
    const many = [];
    let manyFailed;
    for (let i = 0; i < MANY_LOADS && !manyFailed; i++) {
      try {
        many.push(await load(browser, `${origin}/many`, { markers: {}, tags: ['tiendo-progress', 'tiendo-kpi'] }));
      } catch (e) {
        manyFailed = e;
      }
    }
    // TIENDO_BENCH_FIRST_PAINT_TRACE=1: one more load of each form, traced, to say what costs the time.
    const traces = [];
    if (process.env.TIENDO_BENCH_FIRST_PAINT_TRACE === '1') {
      for (const form of ['a', 'b', 'c'].filter((f) => !failed[f])) {
        const r = await load(browser, `${origin}/${form}`, { markers, tags: TAGS, trace: true, dist: join(dir, 'dist') });
        const waterfall = r.requests.map(([path, from, to]) => `${path.replace(/^\/dist\/(chunks\/)?/, '')} ${from}–${to}`).join(', ');
        traces.push({ label: `trace ${form}: visible at ${ms(r.visible)}`, value: [...r.trace, `requests (ms): ${waterfall || 'none'}`].join('\n      ') });
      }
      const r = await load(browser, `${origin}/many`, { markers: {}, tags: ['tiendo-progress', 'tiendo-kpi'], trace: true, dist: join(dir, 'dist') });
      traces.push({ label: `trace 12 widgets: ready at ${ms(r.ready)}, TBT ${ms(r.tbt)}`, value: r.trace.join('\n      ') });
    }
    const tbt = many.map((r) => r.tbt);
    const bytes = (p) => `${(Buffer.byteLength(pages[p]) / 1024).toFixed(1)} KB`;
    return {
      title,
      rows: [
        { label: 'page', value: `${feed}; HTML a ${bytes('/a')}, b ${bytes('/b')}, c ${bytes('/c')} (c: progress, KPI and table prerendered by the CLI)` },
        { label: 'figure strings', value: TAGS.map((t) => `${t.slice(7)} ${markers[t].join(' ')}`).join('; ') },
        ...formRows(loads, failed),
        manyFailed
          ? { label: '12 widgets, one feed: total blocking time', value: `failed: ${manyFailed.message.split('\n')[0]}`, ok: false }
          : guarded(
              {
                label: '12 widgets, one feed: total blocking time',
                value: `${ms(median(tbt))} median of ${MANY_LOADS} (per load: ${tbt.map(Math.round).join(' ')}; from navigation, before the first paint too: ${ms(median(many.map((r) => r.tbtNav)))}; first paint at ${ms(median(many.map((r) => r.fcp)))}; all ready at ${ms(median(many.map((r) => r.ready)))}; long tasks of the median load, start+duration ms: ${many
                  .find((r) => r.tbt === median(tbt))
                  ?.longTasks.map(([at, d]) => `${at}+${d}`)
                  .join(' ')})`,
              },
              median(tbt),
              TBT_BUDGET,
              CEILING.tbt,
              ' ms',
            ),
        ...traces,
      ],
    };
  } catch (e) {
    return { title, rows: [{ label: 'first-paint bench', value: `failed: ${e.stack ?? e.message}`, ok: false }] };
  } finally {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: node scripts/bench/first-paint.mjs (after npx vite build).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { fileURLToPath } = await import('node:url');
  const result = await run({ root: join(fileURLToPath(import.meta.url), '../../..') });
  console.log(result.title);
  for (const row of result.rows) console.log(`  ${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.label.padEnd(44)} ${row.value}${row.budget ? `  (budget ${row.budget})` : ''}`);
  process.exit(result.rows.some((row) => row.ok === false) ? 1 : 0);
}
