#!/usr/bin/env node
/**
 * Writes docs/feed-format.md, the feed format's reference in Vietnamese and
 * English, from the feed's JSON Schema (schema/feed.schema.json, whose every
 * description is "tiếng Việt / English"): every object, field, type, whether it
 * is required, its constraints and meaning; then the rules the schema cannot
 * state, which only the library's validator (`tiendo validate`) checks, with
 * the words the validator prints for each (src/i18n/rule-messages.ts).
 *
 *   node scripts/docs-feed-format.mjs      (npm run docs:feed-format)
 *
 * test/cli/docs-feed-format.test.mjs fails when the committed page differs from
 * what this script writes, so the page never drifts from the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = 'docs/feed-format.md';

/**
 * The rules JSON Schema cannot state (they compare values with each other, with
 * other items, or concern the file rather than the JSON value), by the
 * validator's rule name. test/cli/schema.test.mjs lists the same rules
 * (LIBRARY_ONLY) and proves the schema accepts what breaks only these;
 * test/cli/docs-feed-format.test.mjs checks that both lists agree.
 */
export const LIBRARY_RULES = [
  {
    rule: 'rule.modelsSum',
    vi: 'Trong `models` (của tỉnh, xã, khối toàn quốc) và trong mỗi mốc của `models.history`: `completed + inProgress + notStarted` không vượt quá `total` (một mốc không ghi `total` dùng `total` hiện tại).',
    en: 'In `models` (of a province, a commune or the national block) and in each point of `models.history`: `completed + inProgress + notStarted` must not exceed `total` (a point without `total` uses the current one).',
  },
  {
    rule: 'rule.valueOverTotal',
    vi: 'Trong một số liệu chỉ số (`metricValue`) và trong mỗi mốc của `history` của nó: có `total` thì `value` không vượt quá `total`.',
    en: 'In a metric figure (`metricValue`) and in each point of its `history`: with a `total`, `value` must not exceed it.',
  },
  {
    rule: 'rule.duplicate',
    vi: 'Mã (`id`) không trùng trong `models`, trong `metrics`, trong `provinces`, và trong `communes` của cùng một tỉnh (hai tỉnh khác nhau có thể có xã cùng mã).',
    en: 'Ids (`id`) are unique within `models`, within `metrics`, within `provinces`, and within one province’s `communes` (two provinces may have communes with the same id).',
  },
  {
    rule: 'rule.historyOrder',
    vi: 'Các mốc của một `history` có ngày (`asOf`) tăng dần, cũ nhất trước, so như thời điểm (có tính múi giờ); không có hai mốc cùng ngày.',
    en: 'The points of a `history` have increasing dates (`asOf`), oldest first, compared as moments in time (time zones included); no two points share a date.',
  },
  {
    rule: 'rule.historyBefore',
    vi: 'Mọi mốc của `history` đều trước ngày của chính số liệu: `asOf` gần nhất đi ngược lên cây (của chỉ số, rồi của xã hay tỉnh hay khối toàn quốc, rồi của nguồn dữ liệu).',
    en: 'Every point of a `history` comes before the figure’s own date: the nearest `asOf` up the tree (the metric value’s, then the commune’s, province’s or national block’s, then the feed’s).',
  },
  {
    rule: 'rule.tooBig',
    vi: 'Tệp không quá 5 MB (5.242.880 byte, tính theo UTF-8). Đây là giới hạn của tệp, không phải của giá trị JSON; tiện ích không tải tệp lớn hơn.',
    en: 'The file is at most 5 MB (5,242,880 bytes, in UTF-8). This limits the file, not the JSON value; the widgets do not load a larger file.',
  },
];

/** Problems the validator reports as warnings: the feed is accepted and shown, the tool says what it repaired or doubts. */
export const LIBRARY_WARNINGS = [
  {
    rule: 'rule.url',
    vi: 'Một `source.url` không phải `http:` hay `https:` (ví dụ `javascript:`, một địa chỉ tương đối) bị bỏ qua; nguồn vẫn được ghi tên.',
    en: 'A `source.url` that is not `http:` or `https:` (e.g. `javascript:`, a relative address) is dropped; the source keeps its name.',
  },
  {
    rule: 'rule.statusOverTotal',
    vi: '`modelStatus` ghi trạng thái của nhiều mô hình hơn `models.total`.',
    en: '`modelStatus` gives the status of more models than `models.total`.',
  },
  {
    rule: 'rule.statusOverCount',
    vi: '`modelStatus` ghi nhiều mô hình ở một trạng thái hơn số tương ứng trong `models` (ví dụ nhiều `completed` hơn `models.completed`).',
    en: '`modelStatus` lists more models of one status than the matching count in `models` (e.g. more `completed` than `models.completed`).',
  },
  {
    rule: 'rule.statusUnknownModel',
    vi: '`modelStatus` nhắc một mã mô hình không có trong danh mục `models` của nguồn dữ liệu.',
    en: '`modelStatus` names a model id that is not in the feed’s `models` catalogue.',
  },
];

/** A small valid feed, shown on the page; the test checks it against the schema and the validator. */
export const EXAMPLE = {
  version: 1,
  title: 'Ví dụ: tiến độ thực hiện Đề án 06 (số liệu minh họa)',
  asOf: '2024-10-04',
  nextUpdate: '2024-11-04',
  source: { name: 'Công an tỉnh Nghệ An (số liệu minh họa)', url: 'https://nghean.gov.vn/' },
  models: [{ id: '6', name: 'Khám chữa bệnh sử dụng thẻ căn cước công dân và VNeID' }],
  metrics: [{ id: 'online-dossiers', name: 'Hồ sơ tiếp nhận trực tuyến', unit: 'hồ sơ' }],
  provinces: [
    {
      id: 'nghe-an',
      code: '40',
      name: 'Nghệ An',
      models: {
        total: 38,
        completed: 6,
        inProgress: 20,
        notStarted: 12,
        history: [{ asOf: '2024-06-30', completed: 4, inProgress: 18 }],
      },
      modelStatus: { 6: 'completed' },
      metrics: {
        'online-dossiers': { value: 50579, total: 70758, target: 0.9, history: [{ asOf: '2024-09-30', value: 48120, total: 69011 }] },
      },
    },
  ],
};

// ---------------------------------------------------------------- reading

/** "tiếng Việt / English" → [vi, en]. */
function split(description = '') {
  const at = description.indexOf(' / ');
  return at < 0 ? [description, description] : [description.slice(0, at), description.slice(at + 3)];
}

/** The validator's words for `rule` (src/i18n/rule-messages.ts), Vietnamese and English. */
function ruleWords(source, rule) {
  const vi = source.slice(source.indexOf('export const ruleVi'), source.indexOf('export const ruleEn'));
  const en = source.slice(source.indexOf('export const ruleEn'));
  const find = (part) => {
    const m = new RegExp(`'${rule.replace('.', '\\.')}':\\s*(['"])((?:\\\\.|(?!\\1).)*)\\1`).exec(part);
    if (!m) throw new Error(`${rule}: not found in src/i18n/rule-messages.ts`);
    return m[2].replace(/\\(.)/g, '$1');
  };
  return [find(vi), find(en)];
}

// ---------------------------------------------------------------- writing

const anchor = (name) => name.toLowerCase();
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text) => `\`${text}\``;
const defName = (ref) => ref.split('/').pop();

/** The largest numbers a JSON value can hold (the schema's way of saying "finite"): not worth a constraint. */
const HUGE = new Set([1.7976931348623157e308]);

/** A property's type, linked to the section of the object or value type it refers to. */
function typeOf(node) {
  if (!node) return '';
  if (node.$ref) return `[${defName(node.$ref)}](#${anchor(defName(node.$ref))})`;
  if (node.const !== undefined) return code(JSON.stringify(node.const));
  if (node.enum) return node.enum.map((v) => code(JSON.stringify(v))).join(' | ');
  if (node.type === 'array') return `${typeOf(node.items)}[]`;
  if (node.type === 'object' && node.additionalProperties) return `object { id → ${typeOf(node.additionalProperties)} }`;
  return Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? '');
}

/** The node's own constraints, written out: ≥ 0, ≤ 1, > 0, at most 1000 items, a pattern. */
function constraints(node) {
  const out = [];
  if (node.minimum !== undefined) out.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) out.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined && !HUGE.has(node.maximum)) out.push(`≤ ${node.maximum}`);
  if (node.maxItems !== undefined) out.push(`≤ ${node.maxItems} mốc / points`);
  if (node.pattern !== undefined) out.push(node.pattern.length <= 40 ? code(node.pattern) : 'mẫu / pattern: xem mô tả / see the description');
  return out.join(', ');
}

/** The names in an `anyOf: [{ required: [a] }, { required: [b] }]`, if that is what the node has. */
function oneOf(node) {
  const names = (node.anyOf ?? []).map((a) => a.required?.[0]).filter(Boolean);
  return names.length === (node.anyOf ?? []).length ? names : [];
}

function fieldTable(node, defs) {
  const required = new Set(node.required ?? []);
  const either = new Set(oneOf(node));
  const rows = [
    '| Trường / Field | Kiểu / Type | Bắt buộc / Required | Ràng buộc / Constraints | Ý nghĩa (tiếng Việt) | Meaning (English) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, p] of Object.entries(node.properties ?? {})) {
    const described = p.description ?? (p.$ref ? defs[defName(p.$ref)]?.description : '');
    const [vi, en] = split(described);
    const needed = required.has(name) ? 'có / yes' : either.has(name) ? 'một trong / one of' : '';
    rows.push(`| ${code(name)} | ${cell(typeOf(p))} | ${needed} | ${cell(constraints(p))} | ${cell(vi)} | ${cell(en)} |`);
  }
  return rows.join('\n');
}

/** What an object requires, above its table. */
function requirements(node) {
  const lines = [];
  if (node.required?.length) lines.push(`Bắt buộc / Required: ${node.required.map(code).join(', ')}.`);
  const either = oneOf(node);
  if (either.length) lines.push(`Cần ít nhất một trong / At least one of: ${either.map(code).join(', ')}.`);
  for (const rule of node.allOf ?? []) {
    for (const [name, p] of Object.entries(rule.then?.properties ?? {})) {
      const [vi, en] = split(p.description);
      const limits = constraints(p);
      lines.push(`Điều kiện / Condition (${code(name)}${limits ? ` ${limits}` : ''}): ${vi} / ${en}`);
    }
  }
  return lines.join('\n\n');
}

/** The Markdown page for `schema`. */
export function renderFeedFormat(schema = JSON.parse(readFileSync(join(root, 'schema/feed.schema.json'), 'utf8')), rules = readFileSync(join(root, 'src/i18n/rule-messages.ts'), 'utf8')) {
  const defs = schema.$defs ?? {};
  const objects = Object.entries(defs).filter(([, d]) => d.type === 'object');
  const values = Object.entries(defs).filter(([, d]) => d.type !== 'object');
  const [vi, en] = split(schema.description);
  const out = [];
  /** Each argument is one block (a heading, a paragraph, a table), with a blank line after it. */
  const push = (...blocks) => blocks.forEach((b) => out.push(b, ''));

  push(
    '<!-- Tạo tự động từ schema/feed.schema.json bằng `npm run docs:feed-format` (scripts/docs-feed-format.mjs): đừng sửa tay. / Generated from schema/feed.schema.json by `npm run docs:feed-format` (scripts/docs-feed-format.mjs): do not edit by hand. -->',
    '# Định dạng nguồn dữ liệu, phiên bản 1 / Feed format, version 1',
    `**Tiếng Việt.** ${vi}`,
    'Trang này được tạo từ lược đồ JSON Schema của nguồn dữ liệu, [`schema/feed.schema.json`](../schema/feed.schema.json) (chuẩn draft 2020-12; trong gói phát hành: `tiendo/feed.schema.json`). Kiểm tra một tệp bằng `npx tiendo validate feed.json`; tạo tệp từ bảng tính bằng `npx tiendo from-csv` (xem [hướng dẫn cho cán bộ dữ liệu](huong-dan-du-lieu.md)). Tệp mẫu: [`demo/feeds/`](../demo/feeds/).',
    `**English.** ${en}`,
    'This page is generated from the feed’s JSON Schema, [`schema/feed.schema.json`](../schema/feed.schema.json) (draft 2020-12; in the package: `tiendo/feed.schema.json`). Check a file with `npx tiendo validate feed.json`; build one from a spreadsheet with `npx tiendo from-csv` (see the [data officers’ guide](huong-dan-du-lieu.md), in Vietnamese). Sample feeds: [`demo/feeds/`](../demo/feeds/).',
    '## Mục lục / Contents',
    [
      '- [Nguồn dữ liệu (gốc) / The feed (root)](#nguồn-dữ-liệu-gốc--the-feed-root)',
      ...objects.map(([name]) => `- [${code(name)}](#${anchor(name)})`),
      '- [Kiểu giá trị / Value types](#kiểu-giá-trị--value-types)',
      '- [Quy tắc chỉ thư viện kiểm tra / Rules only the library checks](#quy-tắc-chỉ-thư-viện-kiểm-tra--rules-only-the-library-checks)',
      '- [Cảnh báo / Warnings](#cảnh-báo--warnings)',
      '- [Ví dụ / Example](#ví-dụ--example)',
    ].join('\n'),
    '## Nguồn dữ liệu (gốc) / The feed (root)',
    'Tệp là một đối tượng JSON (UTF-8, có thể có BOM). Các khóa không biết được bỏ qua. / The file is one JSON object (UTF-8, a BOM allowed). Unknown keys are ignored.',
    requirements(schema),
    fieldTable(schema, defs),
  );

  for (const [name, def] of objects) {
    const [dvi, den] = split(def.description);
    push(`## ${code(name)}`, `${dvi}`, `*${den}*`);
    const reqs = requirements(def);
    if (reqs) push(reqs);
    if (def.properties) push(fieldTable(def, defs));
    if (def.additionalProperties) {
      push(`Mỗi khóa là một mã (\`id\`), giá trị là ${typeOf(def.additionalProperties)}. / Each key is an id, its value a ${typeOf(def.additionalProperties)}.`);
    }
  }

  push(
    '## Kiểu giá trị / Value types',
    [
      '| Kiểu / Type | JSON | Ràng buộc / Constraints | Ý nghĩa (tiếng Việt) | Meaning (English) |',
      '| --- | --- | --- | --- | --- |',
      ...values.map(([name, d]) => {
        const [tvi, ten] = split(d.description);
        const limits = [d.minimum !== undefined ? `≥ ${d.minimum}` : '', d.maximum !== undefined && !HUGE.has(d.maximum) ? `≤ ${d.maximum}` : '', d.pattern && d.pattern.length <= 40 ? code(d.pattern) : d.pattern ? 'mẫu / pattern: xem mô tả / see the description' : '']
          .filter(Boolean)
          .join(', ');
        return `| <a id="${anchor(name)}"></a>${code(name)} | ${d.type} | ${cell(limits)} | ${cell(tvi)} | ${cell(ten)} |`;
      }),
    ].join('\n'),
  );

  push(
    '## Quy tắc chỉ thư viện kiểm tra / Rules only the library checks',
    'JSON Schema không viết được các quy tắc này (chúng so sánh các giá trị với nhau, với các mục khác, hoặc nói về tệp chứ không về giá trị JSON). Một tệp chỉ vi phạm chúng vẫn hợp lệ theo lược đồ, nhưng bị bộ kiểm tra của thư viện (`tiendo validate`, các tiện ích) từ chối cả tệp, với đường dẫn JSON và lời sau:',
    '*JSON Schema cannot state these rules (they compare values with each other or with other items, or concern the file rather than the JSON value). A file that breaks only these is valid for the schema, yet the library’s validator (`tiendo validate`, the widgets) rejects the whole file, with the JSON path and these words:*',
    [
      '| Quy tắc (tiếng Việt) | Rule (English) | `tiendo validate` báo | `tiendo validate --lang en` says |',
      '| --- | --- | --- | --- |',
      ...LIBRARY_RULES.map((r) => {
        const [wvi, wen] = ruleWords(rules, r.rule);
        return `| ${cell(r.vi)} | ${cell(r.en)} | ${cell(wvi)} | ${cell(wen)} |`;
      }),
    ].join('\n'),
  );

  push(
    '## Cảnh báo / Warnings',
    'Các điều sau không làm tệp sai: số liệu vẫn được hiển thị, còn `tiendo validate` (và bảng điều khiển của trình duyệt) ghi một cảnh báo. / These do not make the file invalid: the figures are still shown, and `tiendo validate` (and the browser’s console) print a warning.',
    [
      '| Điều (tiếng Việt) | What (English) | `tiendo validate` báo | `tiendo validate --lang en` says |',
      '| --- | --- | --- | --- |',
      ...LIBRARY_WARNINGS.map((r) => {
        const [wvi, wen] = ruleWords(rules, r.rule);
        return `| ${cell(r.vi)} | ${cell(r.en)} | ${cell(wvi)} | ${cell(wen)} |`;
      }),
    ].join('\n'),
  );

  push(
    '## Ví dụ / Example',
    'Một tỉnh, một mô hình, một chỉ số, mỗi số liệu có một mốc trước (số liệu minh họa). / One province, one model, one metric, each figure with one earlier point (illustrative figures).',
    ['```json', JSON.stringify(EXAMPLE, null, 2), '```'].join('\n'),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(join(root, OUTPUT), renderFeedFormat());
  console.log(`wrote ${OUTPUT}`);
}
