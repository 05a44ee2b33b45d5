/**
 * `tiendo snippet`: the HTML an editor pastes, with the feed's current figures as
 * the tag's fallback text (as the widget writes them, vi-VN), every feed string
 * escaped, no snippet for a bad feed, and with --prerender the widget's shadow
 * content as declarative shadow DOM.
 *
 * The prerendered snippets of test/fixtures/snippet/ (loaded by the browser test
 * test/prerender.test.ts) must be what the tool writes today, but for the text of
 * their <style> (the browser test puts the widgets' current styles there, so a
 * change of CSS needs no new fixture). After a change to a widget's template,
 * write them again with
 *   TIENDO_UPDATE_SNIPPETS=1 npm run test:cli
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cli, root, spawnCli, tempDir, tool } from './helpers.mjs';

const fixtures = join(root, 'test/fixtures/snippet');
const FEED = join(fixtures, 'feed.json');
const feedJson = () => JSON.parse(readFileSync(FEED, 'utf8'));

let dir;
before(async () => {
  dir = tempDir();
  await tool.loadMessages('en', true);
});

/** Writes `json` (or text) to a temporary file and returns its path. */
function file(name, json) {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

/** The widget's tag in a snippet: its opening tag, what is inside, and the fallback text after any template. */
function tagOf(html, tag) {
  const m = new RegExp(`<${tag}([^>]*)>([\\s\\S]*)</${tag}>`).exec(html);
  assert.ok(m, `no <${tag}> in:\n${html}`);
  const inside = m[2];
  return { attrs: m[1], inside, fallback: inside.replace(/^<template[\s\S]*<\/template>/, '') };
}

describe('snippet: the plain snippet', () => {
  it('progress: the script and the tag, the current figures as fallback text (vi-VN), nothing on stderr', async () => {
    const run = await cli('snippet', FEED, '--widget', 'progress', '--province', 'nghe-an', '--src', '/feeds/de-an-06.json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    // The core chunk is hinted with tiendo.js (dist/chunks.json), so it does not wait for the script.
    const core = /^<link rel="modulepreload" href="\/tiendo\/chunks\/core-[\w-]+\.js">$/;
    const all = run.stdout.trim().split('\n');
    assert.equal(all.filter((l) => core.test(l)).length, 1, 'one hint for the core chunk');
    const lines = all.filter((l) => !core.test(l));
    assert.deepEqual(lines.slice(0, 4), [
      '<link rel="modulepreload" href="/tiendo/tiendo.js">',
      '<link rel="preload" as="fetch" crossorigin href="/feeds/de-an-06.json">',
      // The ready height reserved (estimated at 16 px text, growing with the page's root size): the page does not jump.
      // The element's own skeleton takes that height too (less its padding and border), so it cannot be taller.
      '<style>tiendo-progress:not([state=ready]){display:block;min-height:max(169px,10.56rem);--tiendo-skeleton-height:calc(max(169px,10.56rem) - 2em - 2px)}' +
        '@media (max-width:480px){tiendo-progress:not([state=ready]){min-height:max(213px,13.31rem);--tiendo-skeleton-height:calc(max(213px,13.31rem) - 2em - 2px)}}</style>',
      '<script type="module" src="/tiendo/tiendo.js"></script>',
    ]);
    assert.equal(
      lines[4],
      '<tiendo-progress src="/feeds/de-an-06.json" province="nghe-an">Nghệ An: 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày 04/10/2024</tiendo-progress>',
    );
  });

  it("a table: its code and its view are hinted with the core, each a file the build wrote (no round trip after another)", async () => {
    const run = await cli('snippet', FEED, '--widget', 'table', '--src', '/f.json', '--base', 'https://portal.example.gov.vn/tiendo/');
    assert.equal(run.code, 0, run.stderr);
    const hinted = [...run.stdout.matchAll(/<link rel="modulepreload" href="https:\/\/portal\.example\.gov\.vn\/tiendo\/([^"]+)">/g)].map((m) => m[1]);
    assert.equal(hinted[0], 'tiendo.js');
    for (const name of [/^chunks\/core-/, /^chunks\/tiendo-province-table-/, /^chunks\/province-table-view-/]) {
      assert.ok(hinted.some((f) => name.test(f)), `${name} hinted in ${hinted.join(', ')}`);
    }
    for (const file of hinted) assert.ok(readFileSync(join(root, 'dist', file)).length > 0, file);
  });

  it('kpi: the figure as the KPI writes it (thousands with ".", the rate with ",")', async () => {
    const run = await cli('snippet', FEED, '--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', 'https://portal.example.gov.vn/feeds/x.json');
    assert.equal(run.code, 0, run.stderr);
    const { attrs, fallback } = tagOf(run.stdout, 'tiendo-kpi');
    assert.equal(attrs, ' src="https://portal.example.gov.vn/feeds/x.json" province="nghe-an" metric="on-time"');
    assert.equal(fallback, 'Nghệ An — Hồ sơ trả kết quả đúng hạn: 74.336/74.587 hồ sơ (99,66%) — số liệu tính đến ngày 04/10/2024');
  });

  it('a table or a chart: the province is their highlight, the sentence the builder\'s (one way to write it)', async () => {
    const table = await cli('snippet', FEED, '--widget', 'table', '--province', 'nghe-an', '--src', '/f.json');
    assert.equal(table.code, 0, table.stderr);
    const { attrs, fallback } = tagOf(table.stdout, 'tiendo-province-table');
    assert.equal(attrs, ' src="/f.json" highlight="nghe-an"');
    assert.equal(
      fallback,
      'Tiến độ mô hình điểm của 2 tỉnh, thành phố; cao nhất: Hà Tĩnh 21/43 mô hình hoàn thành (48,8%); Nghệ An 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày 04/10/2024',
    );
    const chart = await cli('snippet', FEED, '--widget', 'chart', '--metric', 'on-time', '--src', '/f.json');
    assert.equal(chart.code, 0, chart.stderr);
    assert.match(tagOf(chart.stdout, 'tiendo-chart').fallback, /^Hồ sơ trả kết quả đúng hạn của 2 tỉnh, thành phố; cao nhất: Nghệ An 74\.336\/74\.587 hồ sơ \(99,66%\)/);
  });

  it('--lang en: English messages, an English sentence and lang="en" on the tag; --base puts the script elsewhere', async () => {
    const run = await cli('snippet', FEED, '--widget', 'progress', '--province', 'ha-tinh', '--src', '/f.json', '--lang', 'en', '--base', 'https://cdn.example.gov.vn/tiendo/0.1.0');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /<script type="module" src="https:\/\/cdn\.example\.gov\.vn\/tiendo\/0\.1\.0\/tiendo\.js"><\/script>/);
    const { attrs, fallback } = tagOf(run.stdout, 'tiendo-progress');
    assert.equal(attrs, ' src="/f.json" province="ha-tinh" lang="en"');
    assert.equal(fallback, 'Hà Tĩnh: 21/43 pilot models completed (48.8%) — figures as of 4 Oct 2024');
  });

  it('a feed read from an address is the tag\'s src unless --src says otherwise', async (t) => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(FEED));
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => server.close());
    const url = `http://127.0.0.1:${server.address().port}/feeds/de-an-06.json`;
    const run = await cli('snippet', url, '--widget', 'progress', '--province', 'nghe-an');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(tagOf(run.stdout, 'tiendo-progress').attrs, ` src="${url}" province="nghe-an"`);
  });
});

describe('snippet: feed strings are never HTML', () => {
  const hostile = '<img src=x onerror=alert(1)> "Nghệ" & <script>alert(2)</script>';
  const feed = () => {
    const json = feedJson();
    json.provinces[0].name = hostile;
    json.metrics[0].name = `${hostile} đúng hạn`;
    json.metrics[0].unit = '</tiendo-kpi><script>alert(3)</script>';
    json.source.name = `${hostile}</template></style><!--lit-part-->`;
    return json;
  };

  for (const [widget, tag, extra] of [
    ['progress', 'tiendo-progress', []],
    ['kpi', 'tiendo-kpi', ['--metric', 'on-time']],
  ]) {
    for (const prerender of [false, true]) {
      it(`${widget}${prerender ? ' --prerender' : ''}: escaped in the fallback text${prerender ? ' and in the shadow content' : ''}`, async () => {
        const run = await cli('snippet', file(`hostile-${widget}.json`, feed()), '--widget', widget, '--province', 'nghe-an', '--src', '/f.json', ...extra, ...(prerender ? ['--prerender'] : []));
        assert.equal(run.code, 0, run.stderr);
        // No markup of the feed survives: only the snippet's own elements.
        assert.doesNotMatch(run.stdout, /<img|<script>alert|onerror=alert\(1\)>/);
        assert.equal([...run.stdout.matchAll(/<script/g)].length, 1, 'the snippet\'s own script tag only');
        assert.equal([...run.stdout.matchAll(new RegExp(`</${tag}>`, 'g'))].length, 1, 'the tag is closed once');
        const { fallback } = tagOf(run.stdout, tag);
        assert.ok(fallback.includes('&lt;img src=x onerror=alert(1)&gt; "Nghệ" &amp; &lt;script&gt;alert(2)&lt;/script&gt;'), fallback);
        if (prerender) {
          assert.ok(run.stdout.includes('&lt;img src=x onerror=alert(1)&gt;'), 'escaped inside the template');
          // A source name cannot close the template or the style early, nor pass for a marker the tool removes.
          assert.equal([...run.stdout.matchAll(/<\/template>/g)].length, 1);
          assert.equal([...run.stdout.matchAll(/<\/style>/g)].length, 1);
          assert.ok(run.stdout.includes('&lt;/template&gt;&lt;/style&gt;&lt;!--lit-part--&gt;'), 'the source name, escaped whole');
        }
      });
    }
  }

  it('a hostile --src is written as an attribute value, escaped (ids are plain by the feed\'s rule)', async () => {
    const run = await cli('snippet', FEED, '--widget', 'progress', '--province', 'nghe-an', '--src', '/f.json?a="><script>');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /<tiendo-progress src="\/f\.json\?a=&quot;&gt;&lt;script&gt;" province="nghe-an">/);
    assert.match(run.stdout, /<link rel="preload" as="fetch" crossorigin href="\/f\.json\?a=&quot;&gt;&lt;script&gt;">/);
  });
});

describe('snippet: no snippet for a bad feed or choice', () => {
  it('an invalid feed: the messages of tiendo validate on stderr, exit 1, nothing on stdout', async () => {
    const json = feedJson();
    json.provinces[0].models.completed = -6;
    const bad = file('bad.json', JSON.stringify(json, null, 2));
    const run = await cli('snippet', bad, '--widget', 'progress', '--province', 'nghe-an', '--src', '/f.json');
    const validated = await cli('validate', bad);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(validated.code, 1);
    assert.equal(run.stderr, validated.stdout, 'the same lines as tiendo validate');
    assert.match(run.stderr, /provinces\[0\]\.models\.completed \(dòng \d+, cột \d+\): /);
    assert.match(run.stderr, /không hợp lệ \(1 lỗi\)\.\n$/);
  });

  it('in English too; a file that is not JSON; a file that is not there', async () => {
    const run = await cli('snippet', file('broken.json', '{"version": 1,'), '--widget', 'kpi', '--src', '/f.json', '--lang', 'en');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /not valid \(errors: 1\)\.\n$/);
    const missing = await cli('snippet', join(dir, 'nope.json'), '--widget', 'kpi', '--src', '/f.json');
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /Không có tệp .*nope\.json\./);
  });

  it('a province or metric the feed does not have: exit 1, the nearest id, no snippet', async () => {
    const near = await cli('snippet', FEED, '--widget', 'progress', '--province', 'Nghệ An', '--src', '/f.json');
    assert.equal(near.code, 1);
    assert.equal(near.stdout, '');
    assert.equal(near.stderr, 'Feed không có tỉnh "Nghệ An"; có phải "nghe-an"?\n');
    const metric = await cli('snippet', FEED, '--widget', 'kpi', '--metric', 'on-tme', '--src', '/f.json', '--lang', 'en');
    assert.equal(metric.code, 1);
    assert.equal(metric.stderr, 'The feed has no metric "on-tme" (metrics: on-time, online-dossiers).\n');
    const several = await cli('snippet', FEED, '--widget', 'kpi', '--province', 'nghe-an', '--src', '/f.json');
    assert.equal(several.code, 1);
    assert.match(several.stderr, /--metric \(on-time, online-dossiers\)/);
  });

  it('no figures for a valid choice: the snippet without fallback text, and a note', async () => {
    const run = await cli('snippet', FEED, '--widget', 'kpi', '--province', 'ha-tinh', '--metric', 'online-dossiers', '--src', '/f.json');
    assert.equal(run.code, 0);
    assert.equal(tagOf(run.stdout, 'tiendo-kpi').inside, '');
    assert.match(run.stderr, /chưa có số liệu cho lựa chọn này/);
  });

  it('usage errors exit 2: no --widget, an unknown widget, no --src for a file, a src that is not an address, --prerender of a table', async () => {
    const cases = [
      [['snippet', FEED, '--src', '/f.json'], /Thiếu --widget/],
      [['snippet', FEED, '--widget', 'gauge', '--src', '/f.json'], /--widget phải là progress \| kpi \| table \| model-list \| chart \| map/],
      [['snippet', FEED, '--widget', 'progress'], /Thiếu --src/],
      [['snippet', FEED, '--widget', 'progress', '--src', 'javascript:alert(1)'], /--src phải là địa chỉ/],
      [['snippet', FEED, '--widget', 'progress', '--src', '/f.json', '--base', 'file:///tmp/'], /--base phải là địa chỉ/],
      [['snippet', FEED, '--widget', 'chart', '--src', '/f.json', '--prerender'], /chỉ dựng sẵn được progress, kpi và table/],
      [['snippet', FEED, '--widget', 'progress', '--metric', 'on-time', '--src', '/f.json'], /Tiện ích progress không dùng --metric \(chỉ kpi, chart, map\)/],
      [['snippet', '--widget', 'progress'], /Thiếu tệp hoặc địa chỉ của feed/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Xem: tiendo snippet --help/);
    }
  });

  it('help in both languages names every option', async () => {
    const vi = await cli('snippet', '--help');
    const en = await cli('help', 'snippet', '--lang', 'en');
    for (const option of ['--widget', '--province', '--metric', '--src', '--base', '--prerender', '--no-reserve', '--timeout']) {
      assert.ok(vi.stdout.includes(option) && en.stdout.includes(option), option);
    }
    assert.match((await cli('--help')).stdout, /tiendo snippet <tệp\|địa chỉ>/);
  });
});

/** The reserve line of a snippet: its min-height (px at 16 px text) by viewport: default (desktop), ≤480 px, ≤380 px. */
function reserveOf(html, tag) {
  const m = new RegExp(`^<style>(.*)</style>$`, 'm').exec(html);
  if (!m) return undefined;
  const sel = `${tag}:not([state=ready])`;
  const px = (css) => Number(/min-height:max\((\d+)px,([\d.]+)rem\)/.exec(css)?.[1]);
  const first = new RegExp(`^${sel.replace(/[[\]()]/g, '\\$&')}\\{display:block;(min-height:max\\(\\d+px,[\\d.]+rem\\));[^}]+\\}`).exec(m[1]);
  assert.ok(first, `reserve line: ${m[1]}`);
  const phone = /@media \(max-width:480px\)\{[^{]+\{([^}]+)\}\}/.exec(m[1]);
  const narrow = /@media \(max-width:380px\)\{[^{]+\{([^}]+)\}\}/.exec(m[1]);
  const desktop = px(first[1]);
  const phonePx = phone ? px(phone[1]) : desktop;
  return { css: m[1], desktop, phone: phonePx, narrow: narrow ? px(narrow[1]) : phonePx };
}

describe('snippet: the reserve line (the ready height kept while loading: no layout shift)', () => {
  it('progress, KPI and table: one <style> line before the script, min-height while not ready, taller on phones, in rem too', async () => {
    for (const [tag, args] of [
      ['tiendo-progress', ['--widget', 'progress', '--province', 'nghe-an']],
      ['tiendo-kpi', ['--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time']],
      ['tiendo-province-table', ['--widget', 'table']],
    ]) {
      const run = await cli('snippet', FEED, ...args, '--src', '/f.json');
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      const style = lines.findIndex((l) => l.startsWith('<style>'));
      assert.equal(lines.filter((l) => l.startsWith('<style>')).length, 1, tag);
      assert.ok(style >= 0 && style < lines.findIndex((l) => l.startsWith('<script')), `${tag}: the reserve before the script`);
      const r = reserveOf(run.stdout, tag);
      // The builder's form: display:block covers the moment before the element is defined (the fallback text is inline then).
      assert.match(r.css, new RegExp(`^${tag}:not\\(\\[state=ready\\]\\)\\{display:block;min-height:(max\\(\\d+px,[\\d.]+rem\\));--tiendo-skeleton-height:calc\\(\\1 - 2em - 2px\\)\\}`));
      // px and rem say the same at 16 px; a phone's column is narrower, so the widget is at least as tall there.
      for (const m of r.css.matchAll(/max\((\d+)px,([\d.]+)rem\)/g)) assert.ok(Math.abs(Number(m[1]) / 16 - Number(m[2])) < 0.01, m[0]);
      assert.ok(r.desktop > 100 && r.desktop <= r.phone && r.phone <= r.narrow, `${tag}: ${JSON.stringify(r)}`);
    }
  });

  it('the estimate follows the content: a target, a trend and a long source make a KPI taller; a long table is capped at its scrolling box', async () => {
    const base = feedJson();
    const plain = structuredClone(base);
    const p = plain.provinces.find((x) => x.id === 'nghe-an');
    p.metrics['on-time'] = { value: 74336, total: 74587 };
    delete p.source;
    const rich = structuredClone(plain);
    const q = rich.provinces.find((x) => x.id === 'nghe-an');
    q.metrics['on-time'] = {
      value: 74336,
      total: 74587,
      target: 0.995,
      period: '9 tháng đầu năm 2024',
      history: [{ asOf: '2024-06-30', value: 50000, total: 51000 }],
    };
    q.source = { name: 'Cổng thông tin điện tử Công an tỉnh Nghệ An, chuyên mục cải cách hành chính và chuyển đổi số' };
    const args = ['--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', '/f.json'];
    const small = reserveOf((await cli('snippet', file('kpi-plain.json', plain), ...args)).stdout, 'tiendo-kpi');
    const big = reserveOf((await cli('snippet', file('kpi-rich.json', rich), ...args)).stdout, 'tiendo-kpi');
    // Trend 1.85em, change ≥1.75em, period 1.3em, target ≥2.56em: at least 7em more (112 px) at every width.
    for (const k of ['desktop', 'phone', 'narrow']) assert.ok(big[k] - small[k] >= 112, `${k}: ${small[k]} → ${big[k]}`);

    const table = async (n, name) => {
      const feed = structuredClone(base);
      feed.provinces = Array.from({ length: n }, (_, i) => ({ ...structuredClone(base.provinces[i % base.provinces.length]), id: `p${i}`, name: `Tỉnh ${i}`, code: undefined }));
      return reserveOf((await cli('snippet', file(name, feed), '--widget', 'table', '--src', '/f.json')).stdout, 'tiendo-province-table');
    };
    const [three, thirty, sixty] = [await table(3, 't3.json'), await table(30, 't30.json'), await table(60, 't60.json')];
    assert.ok(three.desktop < thirty.desktop, `${three.desktop} < ${thirty.desktop}`);
    // Past about 17 rows the table scrolls inside a box at most 36em tall: the widget is no taller.
    assert.equal(sixty.desktop, thirty.desktop);
    assert.ok(sixty.desktop < 48 * 16, `${sixty.desktop}`);
  });

  it('--no-reserve writes the same snippet without the <style> line (a Content-Security-Policy that forbids inline style)', async () => {
    const args = ['snippet', FEED, '--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', '/f.json'];
    const withIt = await cli(...args);
    const without = await cli(...args, '--no-reserve');
    assert.equal(without.code, 0, without.stderr);
    assert.doesNotMatch(without.stdout, /<style>/);
    assert.equal(
      without.stdout,
      withIt.stdout
        .split('\n')
        .filter((l) => !l.startsWith('<style>'))
        .join('\n'),
    );
  });

  it('no reserve line with --prerender (the shadow content has its height), nor for widgets it does not estimate, nor without figures', async () => {
    const pre = await cli('snippet', FEED, '--widget', 'progress', '--province', 'nghe-an', '--src', '/f.json', '--prerender');
    assert.doesNotMatch(pre.stdout.split('<tiendo-progress')[0], /<style>/);
    for (const widget of ['chart', 'map', 'model-list']) {
      const run = await cli('snippet', FEED, '--widget', widget, '--src', '/f.json', ...(widget === 'model-list' ? ['--province', 'nghe-an'] : []));
      assert.equal(run.code, 0, `${widget}: ${run.stderr}`);
      assert.doesNotMatch(run.stdout, /<style>/, widget);
    }
    const none = feedJson();
    none.provinces.find((x) => x.id === 'nghe-an').metrics = {};
    const run = await cli('snippet', file('no-figures.json', none), '--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', '/f.json');
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /<style>/);
  });
});

describe('snippet --prerender', () => {
  it('a declarative shadow root with the figures, then the fallback text; the CSP hashes on stderr', async () => {
    const run = await cli('snippet', FEED, '--widget', 'progress', '--province', 'nghe-an', '--src', '/f.json', '--prerender');
    assert.equal(run.code, 0, run.stderr);
    const { inside, fallback } = tagOf(run.stdout, 'tiendo-progress');
    assert.match(inside, /^<template shadowrootmode="open"><style>/);
    const template = inside.slice(0, inside.length - fallback.length);
    assert.match(template, /<p part="percent" class="percent" aria-hidden="true">15,8%<\/p>/);
    assert.match(template, /<p part="summary" class="summary" aria-hidden="true">6\/38 mô hình hoàn thành<\/p>/);
    assert.match(template, /class="segment completed" style="width:15\.78\d*%"/);
    // The bar is drawn only; the sentence says each figure once (issue 18).
    assert.match(template, /<div part="bar" class="bar" aria-hidden="true">/);
    assert.match(template, /đã hoàn thành 6 trên 38 mô hình điểm \(15,8%\); 20 mô hình đang triển khai, 12 chưa triển khai\./);
    // No hydration markers: the element replaces this content, it does not hydrate it.
    assert.doesNotMatch(template, /lit-part|lit-node|<\?>/);
    assert.equal(fallback, 'Nghệ An: 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày 04/10/2024');
    assert.match(run.stderr, /style-src 'sha256-[A-Za-z0-9+/]+=*' 'unsafe-hashes'( 'sha256-[A-Za-z0-9+/]+=*'){3} \(hoặc 'unsafe-inline'\)/);
  });

  it('a table: its rows in the shadow root, the highlighted one marked; no style attribute, so no \'unsafe-hashes\'', async () => {
    const run = await cli('snippet', FEED, '--widget', 'table', '--province', 'nghe-an', '--src', '/f.json', '--prerender');
    assert.equal(run.code, 0, run.stderr);
    const { inside, fallback } = tagOf(run.stdout, 'tiendo-province-table');
    const template = inside.slice(0, inside.length - fallback.length);
    assert.match(template, /^<template shadowrootmode="open">/);
    assert.match(template, /<tr\s+part="row row-highlight"[^>]*>\s*<td class="num">2<\/td><th scope="row" class="name">\s*Nghệ An\s*<\/th><td class="num">15,8%<\/td>/);
    assert.match(template, /Hà Tĩnh\s*<\/th><td class="num">48,8%<\/td>/);
    assert.match(run.stderr, /style-src 'sha256-[A-Za-z0-9+/]+=*' \(hoặc 'unsafe-inline'\)/);
  });

  it('the style hash is the hash of the <style> element\'s text', async () => {
    const run = await cli('snippet', FEED, '--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', '/f.json', '--prerender', '--lang', 'en');
    assert.equal(run.code, 0, run.stderr);
    const css = /<style>([\s\S]*?)<\/style>/.exec(run.stdout)[1];
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    assert.ok(run.stderr.includes(`style-src 'sha256-${hash}'`), run.stderr);
    // English: lang on the tag, and the shadow content speaks English.
    assert.match(run.stdout, /<tiendo-kpi src="\/f\.json" province="nghe-an" metric="on-time" lang="en"><template shadowrootmode="open">/);
    assert.match(run.stdout, /<div part="base" class="widget" lang="en"/);
    assert.match(run.stdout, /74,336/);
  });

  for (const [widget, args] of [
    ['progress', ['--widget', 'progress', '--province', 'nghe-an', '--src', '/__mock/prerender-progress']],
    ['kpi', ['--widget', 'kpi', '--province', 'nghe-an', '--metric', 'on-time', '--src', '/__mock/prerender-kpi']],
  ]) {
    it(`test/fixtures/snippet/prerendered-${widget}.html is what the tool writes today`, async () => {
      const run = await spawnCli(['snippet', 'test/fixtures/snippet/feed.json', ...args, '--prerender']);
      assert.equal(run.code, 0, run.stderr);
      const path = join(fixtures, `prerendered-${widget}.html`);
      // The chunks' hints name files by their content hash: the fixture keeps the rest.
      const stable = (html) => html.replace(/<link rel="modulepreload" href="[^"]*\/chunks\/[^"]*">\n/g, '');
      if (process.env.TIENDO_UPDATE_SNIPPETS) writeFileSync(path, stable(run.stdout));
      const markup = (html) => stable(html).replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
      assert.equal(markup(readFileSync(path, 'utf8')), markup(run.stdout), 'stale fixture: write it again with TIENDO_UPDATE_SNIPPETS=1 npm run test:cli');
    });
  }
});
