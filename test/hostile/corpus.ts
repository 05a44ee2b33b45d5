/**
 * The hostile corpus: feeds as a careless or malicious publisher could serve
 * them, each with what a widget must make of it. A rejected feed names the kind
 * of failure and the first JSON path at fault; an accepted one must render in
 * every element of elements.ts, as text only, with no link but http(s).
 */
import { expect } from '@esm-bundle/chai';

type Json = Record<string, any>;

/** Set by every script payload below if it ever runs. */
export const PWNED = '__tiendoPwned';

/** Markup and script that must only ever show as text. */
export const PAYLOADS = [
  `<img src=x onerror="window.${PWNED}=1">`,
  `<script>window.${PWNED}=1</script>`,
  `"><svg onload="window.${PWNED}=1"></svg>`,
  `<iframe srcdoc="<script>parent.${PWNED}=1</script>"></iframe>`,
  `<a href="javascript:window.${PWNED}=1">bấm</a>`,
  `<style>*{display:none!important}</style>`,
  `\${window.${PWNED}=1}`,
  `{{constructor.constructor('window.${PWNED}=1')()}}`,
  `'; window.${PWNED}=1; '`,
  `javascript:window.${PWNED}=1`,
];

/**
 * A small valid feed holding everything the widgets of elements.ts select:
 * the province `nghe-an` with models and statuses, the metric `on-time` on it
 * and on the national block, a score metric, and a second province.
 */
export function baseFeed(): Json {
  return {
    version: 1,
    title: 'Tiến độ thực hiện Đề án 06',
    asOf: '2024-10-04',
    nextUpdate: '2999-01-01',
    source: { name: 'Công an tỉnh Hà Tĩnh', url: 'https://congan.hatinh.gov.vn/' },
    models: [
      { id: '6', name: 'Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID' },
      { id: '21', name: 'Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)' },
    ],
    metrics: [
      { id: 'on-time', name: 'Hồ sơ trả kết quả đúng hạn', unit: 'hồ sơ' },
      { id: 'index-766', name: 'Bộ chỉ số phục vụ người dân, doanh nghiệp', unit: 'điểm', max: 100 },
    ],
    national: {
      name: 'Toàn quốc',
      models: { total: 76, completed: 10, inProgress: 40 },
      metrics: { 'on-time': { value: 74336, total: 74587, period: '6 tháng đầu năm 2022' } },
    },
    provinces: [
      {
        id: 'nghe-an',
        code: '40',
        name: 'Nghệ An',
        models: { total: 38, completed: 6, inProgress: 20, notStarted: 12 },
        modelStatus: { '6': 'completed', '21': 'in-progress' },
        metrics: {
          'on-time': { value: 50579, total: 70758, previous: 41000, target: 0.9 },
          'index-766': { value: 82.5 },
        },
        asOf: '2024-06-20',
        source: { name: 'Cổng TTĐT tỉnh Nghệ An', url: 'https://nghean.gov.vn/' },
      },
      {
        id: 'ha-tinh',
        code: '42',
        name: 'Hà Tĩnh',
        models: { total: 38, completed: 5, notStarted: 20 },
        modelStatus: { '6': 'completed' },
        metrics: { 'on-time': { rate: 0.98, previous: 0.97 } },
      },
    ],
  };
}

/** What a widget must make of a hostile feed. */
export type Expectation =
  | {
      valid: true;
      /** Extra checks on each rendered widget (shadow root), beyond the safety checks every case gets. */
      check?: (el: HTMLElement) => void;
    }
  | { valid: false; kind: 'json' | 'invalid' | 'too-big'; path?: string };

export interface HostileCase {
  name: string;
  /** Built lazily: a few bodies are megabytes long. */
  body: () => string;
  expect: Expectation;
}

/** The base feed after `change`, as JSON text. */
function mutate(change: (f: Json) => void): () => string {
  return () => {
    const f = baseFeed();
    change(f);
    return JSON.stringify(f);
  };
}

const nghe = (f: Json) => f.provinces[0];
const onTime = (f: Json) => f.provinces[0].metrics['on-time'];

const reject = (kind: 'json' | 'invalid' | 'too-big', path?: string): Expectation => ({ valid: false, kind, path });
const accept = (check?: (el: HTMLElement) => void): Expectation => ({ valid: true, check });

function shadowText(el: HTMLElement): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
}

/** Every `href` inside the widget, deeply. */
function links(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
}

const deep = (depth: number) => '{"x":'.repeat(depth) + '1' + '}'.repeat(depth);

export const CORPUS: HostileCase[] = [
  // Not JSON at all.
  { name: 'broken JSON, cut off mid-object', body: () => JSON.stringify(baseFeed()).slice(0, 200), expect: reject('json', '') },
  { name: 'empty body', body: () => '', expect: reject('json', '') },
  { name: 'only white space', body: () => ' \r\n\t ', expect: reject('json', '') },
  { name: 'trailing comma', body: () => JSON.stringify(baseFeed()).replace(/}$/, ',}'), expect: reject('json', '') },
  { name: 'NaN literal', body: () => JSON.stringify(baseFeed()).replace('50579', 'NaN'), expect: reject('json', '') },
  { name: 'single-quoted keys', body: () => "{'version': 1, 'provinces': []}", expect: reject('json', '') },
  { name: 'a comment in the JSON', body: () => `/* feed */ ${JSON.stringify(baseFeed())}`, expect: reject('json', '') },
  { name: 'an HTML page instead of JSON', body: () => '<!doctype html><title>Trang chủ</title><h1>Cổng TTĐT</h1>', expect: reject('json', '') },
  { name: 'three BOMs', body: () => `\uFEFF\uFEFF\uFEFF${JSON.stringify(baseFeed())}`, expect: reject('json', '') },

  // JSON, but not a feed.
  { name: 'JSON null', body: () => 'null', expect: reject('invalid', '') },
  { name: 'JSON array', body: () => JSON.stringify([baseFeed()]), expect: reject('invalid', '') },
  { name: 'JSON string', body: () => '"version 1"', expect: reject('invalid', '') },
  { name: 'JSON number', body: () => '1', expect: reject('invalid', '') },
  { name: 'empty object', body: () => '{}', expect: reject('invalid', 'version') },
  { name: 'version as the string "1"', body: mutate((f) => (f.version = '1')), expect: reject('invalid', 'version') },
  { name: 'version 2', body: mutate((f) => (f.version = 2)), expect: reject('invalid', 'version') },
  {
    name: 'neither national nor provinces',
    body: mutate((f) => {
      delete f.national;
      delete f.provinces;
    }),
    expect: reject('invalid', ''),
  },

  // Wrong types.
  { name: 'provinces is an object', body: mutate((f) => (f.provinces = { 'nghe-an': f.provinces[0] })), expect: reject('invalid', 'provinces') },
  { name: 'national is an array', body: mutate((f) => (f.national = [f.national])), expect: reject('invalid', 'national') },
  { name: 'model counts are a number', body: mutate((f) => (nghe(f).models = 38)), expect: reject('invalid', 'provinces[0].models') },
  { name: 'metric values are an array', body: mutate((f) => (nghe(f).metrics = [onTime(f)])), expect: reject('invalid', 'provinces[0].metrics') },
  { name: 'a province is a string', body: mutate((f) => (f.provinces[1] = 'ha-tinh')), expect: reject('invalid', 'provinces[1]') },
  { name: 'source is a string', body: mutate((f) => (f.source = 'Công an tỉnh')), expect: reject('invalid', 'source') },
  { name: 'a name is a number', body: mutate((f) => (nghe(f).name = 40)), expect: reject('invalid', 'provinces[0].name') },
  { name: 'a model status not in the list', body: mutate((f) => (nghe(f).modelStatus['6'] = 'done')), expect: reject('invalid', 'provinces[0].modelStatus.6') },
  { name: 'higherIsBetter as "yes"', body: mutate((f) => (f.metrics[0].higherIsBetter = 'yes')), expect: reject('invalid', 'metrics[0].higherIsBetter') },
  { name: 'a boolean as a count', body: mutate((f) => (nghe(f).models.completed = true)), expect: reject('invalid', 'provinces[0].models.completed') },
  { name: 'a null date', body: mutate((f) => (f.asOf = null)), expect: reject('invalid', 'asOf') },
  { name: 'an object as a value', body: mutate((f) => (onTime(f).value = { toString: 5 })), expect: reject('invalid', 'provinces[0].metrics.on-time.value') },

  // Numbers written as formatted strings.
  { name: 'total as "38"', body: mutate((f) => (nghe(f).models.total = '38')), expect: reject('invalid', 'provinces[0].models.total') },
  { name: 'value as "50.579" (thousands dots)', body: mutate((f) => (onTime(f).value = '50.579')), expect: reject('invalid', 'provinces[0].metrics.on-time.value') },
  { name: 'rate as "99,66%"', body: mutate((f) => (f.provinces[1].metrics['on-time'].rate = '99,66%')), expect: reject('invalid', 'provinces[1].metrics.on-time.rate') },
  { name: 'value as "1 038" (thin space)', body: mutate((f) => (onTime(f).value = '1\u202f038')), expect: reject('invalid', 'provinces[0].metrics.on-time.value') },

  // Huge, negative and odd numbers.
  { name: 'negative completed', body: mutate((f) => (nghe(f).models.completed = -6)), expect: reject('invalid', 'provinces[0].models.completed') },
  { name: 'negative metric value', body: mutate((f) => (onTime(f).value = -1)), expect: reject('invalid', 'provinces[0].metrics.on-time.value') },
  { name: '1e999 (Infinity once parsed)', body: () => JSON.stringify(baseFeed()).replace('"total":38', '"total":1e999'), expect: reject('invalid', 'provinces[0].models.total') },
  { name: '-1e999', body: () => JSON.stringify(baseFeed()).replace('"value":50579', '"value":-1e999'), expect: reject('invalid', 'provinces[0].metrics.on-time.value') },
  { name: 'a count beyond the safe integers (1e20)', body: mutate((f) => (nghe(f).models.total = 1e20)), expect: reject('invalid', 'provinces[0].models.total') },
  { name: 'a fractional count', body: mutate((f) => (nghe(f).models.completed = 6.5)), expect: reject('invalid', 'provinces[0].models.completed') },
  {
    name: 'huge finite figures (1e308)',
    body: mutate((f) => {
      onTime(f).value = 1e308;
      onTime(f).total = 1.7e308;
      onTime(f).previous = 1e308;
      onTime(f).target = 1;
      nghe(f).models = { total: Number.MAX_SAFE_INTEGER, completed: Number.MAX_SAFE_INTEGER - 1, inProgress: 1 };
    }),
    expect: accept(),
  },
  {
    name: 'negative zero everywhere',
    body: () =>
      JSON.stringify(baseFeed())
        .replace('"completed":6', '"completed":-0')
        .replace('"total":70758', '"total":-0')
        .replace('"value":50579', '"value":-0')
        .replace('"previous":41000', '"previous":-0'),
    expect: accept((el) => expect(shadowText(el)).not.to.match(/[-−]0\b/)),
  },
  { name: 'the smallest number (5e-324)', body: mutate((f) => (onTime(f).value = 5e-324)), expect: accept() },

  // Rules between figures.
  { name: 'models summing over the total', body: mutate((f) => (nghe(f).models.completed = 7)), expect: reject('invalid', 'provinces[0].models') },
  { name: 'a value over its total', body: mutate((f) => (onTime(f).value = 70759)), expect: reject('invalid', 'provinces[0].metrics.on-time') },
  { name: 'a rate over 1', body: mutate((f) => (f.provinces[1].metrics['on-time'].rate = 98)), expect: reject('invalid', 'provinces[1].metrics.on-time.rate') },
  { name: 'a target over 1 beside a rate', body: mutate((f) => (onTime(f).target = 90)), expect: reject('invalid', 'provinces[0].metrics.on-time.target') },
  { name: 'a metric value with neither value nor rate', body: mutate((f) => (nghe(f).metrics['on-time'] = { total: 5 })), expect: reject('invalid', 'provinces[0].metrics.on-time') },
  { name: 'a score scale of 0', body: mutate((f) => (f.metrics[1].max = 0)), expect: reject('invalid', 'metrics[1].max') },
  { name: 'duplicated province ids', body: mutate((f) => (f.provinces[1].id = 'nghe-an')), expect: reject('invalid', 'provinces[1].id') },
  { name: 'duplicated metric ids', body: mutate((f) => (f.metrics[1].id = 'on-time')), expect: reject('invalid', 'metrics[1].id') },
  { name: 'duplicated model ids', body: mutate((f) => (f.models[1].id = '6')), expect: reject('invalid', 'models[1].id') },
  { name: 'a province id that is not a slug', body: mutate((f) => (f.provinces[1].id = 'Hà Tĩnh')), expect: reject('invalid', 'provinces[1].id') },
  { name: 'a blank province name', body: mutate((f) => (nghe(f).name = '   ')), expect: reject('invalid', 'provinces[0].name') },

  // Dates.
  { name: 'a date in Vietnamese order (04/10/2024)', body: mutate((f) => (f.asOf = '04/10/2024')), expect: reject('invalid', 'asOf') },
  { name: '30 February', body: mutate((f) => (f.asOf = '2024-02-30')), expect: reject('invalid', 'asOf') },
  { name: 'month 13', body: mutate((f) => (f.nextUpdate = '2024-13-01')), expect: reject('invalid', 'nextUpdate') },
  { name: 'hour 25', body: mutate((f) => (nghe(f).asOf = '2024-06-20T25:00:00Z')), expect: reject('invalid', 'provinces[0].asOf') },
  { name: 'a timestamp number as a date', body: mutate((f) => (f.asOf = 1728000000000)), expect: reject('invalid', 'asOf') },

  // Links: never anything but http(s); the feed stays valid and the name is shown unlinked.
  ...(
    [
      ['javascript:', `javascript:window.${PWNED}=1`],
      ['JaVaScRiPt: with a tab and spaces', ` JaVa\tScRiPt:window.${PWNED}=1`],
      ['data:text/html', `data:text/html,<script>parent.${PWNED}=1</script>`],
      ['vbscript:', 'vbscript:msgbox(1)'],
      ['a relative link', '/trang-chu'],
      ['a protocol-relative link', '//evil.example/'],
      ['file:', 'file:///etc/passwd'],
    ] as const
  ).map(
    ([what, url]): HostileCase => ({
      name: `a ${what} source link`,
      body: mutate((f) => {
        f.source.url = url;
        nghe(f).source.url = url;
        onTime(f).source = { name: 'Sở Tư pháp', url };
        f.national.source = { name: 'Bộ Công an', url };
      }),
      expect: accept((el) => {
        for (const href of links(el)) expect(href).to.match(/^https?:\/\//);
        expect(links(el)).to.have.length(0);
      }),
    }),
  ),

  // Markup and script in every string field: shown as text, never run.
  {
    name: 'markup and script in every string field',
    body: mutate((f) => {
      let i = 0;
      const next = () => PAYLOADS[i++ % PAYLOADS.length];
      f.title = next();
      f.source.name = next();
      for (const m of f.models) m.name = next();
      for (const m of f.metrics) {
        m.name = next();
        m.unit = next();
      }
      f.national.name = next();
      f.national.metrics['on-time'].period = next();
      for (const p of f.provinces) {
        p.name = next();
        p.code = next();
        if (p.source) p.source.name = next();
      }
      onTime(f).period = next();
      onTime(f).source = { name: next(), url: 'https://nghean.gov.vn/?q=<script>' };
    }),
    expect: accept((el) => {
      const text = shadowText(el);
      expect(PAYLOADS.some((p) => text.includes(p.replace(/\s+/g, ' '))), 'a payload shown as text').to.equal(true);
    }),
  },
  {
    name: 'markup as a metric id and a model id',
    body: mutate((f) => {
      const id = PAYLOADS[0];
      f.metrics.push({ id, name: PAYLOADS[1] });
      f.models.push({ id: PAYLOADS[2], name: 'x' });
      nghe(f).metrics[id] = { value: 1 };
      nghe(f).modelStatus[PAYLOADS[2]] = 'completed';
    }),
    expect: accept(),
  },
  {
    name: 'bidi overrides, zero-width and control characters in names',
    body: mutate((f) => {
      nghe(f).name = '\u202eAn Nghệ\u202c\u200b\u0000\u0007\u001b[31m';
      f.metrics[0].name = '\u2066Hồ sơ\u2069\ufeff\u00ad';
    }),
    expect: accept(),
  },
  { name: 'a lone surrogate in a name', body: () => JSON.stringify(baseFeed()).replace('Nghệ An', 'Nghệ \\ud800An'), expect: accept() },

  // Size.
  {
    name: '2,000-character names without a space',
    body: mutate((f) => {
      const long = 'Đ'.repeat(2000);
      nghe(f).name = long;
      f.national.name = long;
      f.metrics[0].name = long;
      f.metrics[0].unit = long;
      f.models[0].name = long;
      f.source.name = long;
      onTime(f).period = long;
    }),
    expect: accept((el) => {
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollWidth, 'no sideways overflow').to.be.at.most(base.clientWidth + 1);
    }),
  },
  {
    name: '10,000 provinces',
    body: mutate((f) => {
      for (let i = 0; i < 10_000; i++) {
        f.provinces.push({
          id: `tinh-${i}`,
          code: String(i),
          name: `Tỉnh số ${i}`,
          models: { total: 38, completed: i % 39 },
          metrics: { 'on-time': { value: i, total: i + 1 } },
        });
      }
    }),
    expect: accept(),
  },
  {
    name: 'nesting 5,000 deep in unknown keys',
    body: () => {
      const text = JSON.stringify({ ...baseFeed(), extra: 0 });
      return text.replace('"extra":0', `"extra":${deep(5000)}`).replace('"code":"40"', `"code":"40","x-nested":${deep(5000)}`);
    },
    expect: accept(),
  },
  { name: 'a 1 MB string in an unknown key', body: mutate((f) => (f.comment = 'x'.repeat(1024 * 1024))), expect: accept() },
  {
    name: 'a feed over 5 MB',
    body: mutate((f) => (f.padding = 'x'.repeat(5 * 1024 * 1024 + 1))),
    expect: reject('too-big', ''),
  },

  // Prototype keys: plain data, never inherited or polluting.
  {
    name: '__proto__ and constructor at the top level',
    body: () =>
      JSON.stringify(baseFeed()).replace(
        /^\{/,
        '{"__proto__":{"polluted":true,"provinces":[]},"constructor":{"prototype":{"polluted":true}},',
      ),
    expect: accept(),
  },
  {
    name: '__proto__, constructor and toString as metric ids',
    body: () => {
      const f = baseFeed();
      f.metrics.push({ id: '__proto__', name: 'Proto' }, { id: 'constructor', name: 'Ctor' }, { id: 'toString', name: 'ToString' });
      return JSON.stringify(f).replace(
        '"index-766":{"value":82.5}',
        '"index-766":{"value":82.5},"__proto__":{"value":1,"polluted":true},"constructor":{"value":2},"toString":{"value":3},"hasOwnProperty":{"rate":0.5}',
      );
    },
    expect: accept(),
  },
  {
    name: 'a province "constructor" and prototype keys in model statuses and counts',
    body: () => {
      const f = baseFeed();
      f.provinces.push({ id: 'constructor', name: 'Ctor', models: { total: 3 } });
      return JSON.stringify(f)
        .replace('"modelStatus":{"6":"completed","21":"in-progress"}', '"modelStatus":{"6":"completed","21":"in-progress","__proto__":"completed","constructor":"not-started"}')
        .replace('"total":76', '"__proto__":{"completed":76},"total":76');
    },
    expect: accept(),
  },

  // Encoding.
  { name: 'a UTF-8 BOM before the JSON', body: () => `\uFEFF${JSON.stringify(baseFeed())}`, expect: accept() },
  { name: 'unknown keys everywhere (a later version)', body: mutate((f) => {
    f.version2Field = { a: [1, 2, 3] };
    nghe(f).futureField = 'x';
    onTime(f).confidence = 0.5;
    f.metrics[0].colour = '#f00';
  }), expect: accept() },
];
