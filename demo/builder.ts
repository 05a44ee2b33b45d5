/**
 * The embed builder: an editor picks a widget, a feed, a province and the
 * widget's options, sees a live preview, and copies the snippet in two forms
 * (script + tag, or an iframe of dist/embed.html). The widgets and their
 * options come from the library itself (WIDGET_TAGS, widgetAttributes), so
 * this page never keeps a list of its own.
 */
import {
  WIDGET_TAGS,
  issueText,
  loadMessages,
  toLang,
  validateFeedText,
  widgetAttributes,
  type Feed,
  type Lang,
} from '../src/index.js';

const lang: Lang = toLang(new URLSearchParams(location.search).get('lang'));
document.documentElement.lang = lang;

const words = {
  vi: {
    title: 'Tạo mã nhúng tiện ích tiendo',
    intro: 'Chọn tiện ích, nguồn dữ liệu và tỉnh; xem trước; rồi sao chép mã để dán vào trang.',
    choose: 'Tùy chọn',
    widget: 'Tiện ích',
    src: 'Địa chỉ nguồn dữ liệu (JSON)',
    province: 'Tỉnh',
    base: 'Địa chỉ thư mục dist của tiendo trên máy chủ của bạn',
    preview: 'Xem trước',
    code: 'Mã nhúng',
    scriptForm: 'Cách 1 — thẻ script (khi trang cho phép script)',
    iframeForm: 'Cách 2 — iframe (khi hệ thống quản trị nội dung chặn script)',
    copy: 'Sao chép mã',
    copied: 'Đã sao chép mã vào bộ nhớ tạm.',
    copyFailed: 'Không sao chép tự động được: mã đã được chọn, hãy nhấn Ctrl+C.',
    loading: 'Đang tải nguồn dữ liệu…',
    loaded: 'Nguồn dữ liệu hợp lệ: {count} tỉnh.',
    invalid: 'Nguồn dữ liệu không hợp lệ:',
    unreachable: 'Không tải được nguồn dữ liệu ({reason}).',
    auto: '(tự chọn: tỉnh duy nhất hoặc toàn quốc)',
    none: '(không chọn)',
    switchLang: 'English',
    resizeNote: 'Nếu trang cho phép, thêm dòng sau để khung tự điều chỉnh chiều cao:',
    hints: {
      refresh: 'Số giây giữa hai lần tải lại (để trống: không tải lại)',
      timeout: 'Số giây chờ nguồn dữ liệu (mặc định 10)',
      debug: 'Hiện lý do lỗi chi tiết (dành cho biên tập viên)',
      source: 'Tên nguồn số liệu (khi nhập số liệu trực tiếp)',
      'source-url': 'Địa chỉ http(s) của nguồn số liệu',
      'as-of': 'Ngày số liệu, dạng 2024-10-04',
      'show-sentence': 'Hiện câu tóm tắt số liệu',
      label: 'Tiêu đề thay cho tên tỉnh hoặc tên chỉ số',
      metric: 'Chỉ số trong nguồn dữ liệu',
      unit: 'Đơn vị (hồ sơ, điểm…)',
      highlight: 'Tỉnh được làm nổi bật',
      limit: 'Số dòng tối đa',
      columns: 'Các cột, cách nhau bởi dấu phẩy',
      sort: 'Cột sắp xếp (thêm - phía trước để giảm dần)',
      status: 'Chỉ hiện một trạng thái',
      type: 'Kiểu biểu đồ',
    } as Record<string, string>,
    widgets: {
      'tiendo-progress': 'Tiến độ mô hình điểm',
      'tiendo-kpi': 'Chỉ số chính',
      'tiendo-province-table': 'Bảng so sánh các tỉnh',
      'tiendo-model-list': 'Danh sách mô hình điểm',
      'tiendo-chart': 'Biểu đồ',
    } as Record<string, string>,
  },
  en: {
    title: 'Build a tiendo embed code',
    intro: 'Choose a widget, a feed and a province; preview it; then copy the code into your page.',
    choose: 'Options',
    widget: 'Widget',
    src: 'Feed address (JSON)',
    province: 'Province',
    base: 'Address of tiendo’s dist folder on your server',
    preview: 'Preview',
    code: 'Embed code',
    scriptForm: 'Form 1 — script tag (where the page allows scripts)',
    iframeForm: 'Form 2 — iframe (where the CMS strips scripts)',
    copy: 'Copy code',
    copied: 'Code copied to the clipboard.',
    copyFailed: 'Could not copy automatically: the code is selected, press Ctrl+C.',
    loading: 'Loading the feed…',
    loaded: 'Valid feed: {count} provinces.',
    invalid: 'The feed is not valid:',
    unreachable: 'The feed could not be loaded ({reason}).',
    auto: '(automatic: the only province, or nationwide)',
    none: '(none)',
    switchLang: 'Tiếng Việt',
    resizeNote: 'Where the page allows it, add this line so the frame takes the widget’s height:',
    hints: {
      refresh: 'Seconds between re-fetches (empty: none)',
      timeout: 'Seconds to wait for the feed (default 10)',
      debug: 'Show the full reason for an error (for editors)',
      source: 'Name of the source (when figures are typed in)',
      'source-url': 'http(s) address of the source',
      'as-of': 'Date of the figures, as 2024-10-04',
      'show-sentence': 'Show the summary sentence',
      label: 'Heading in place of the province or metric name',
      metric: 'Metric in the feed',
      unit: 'Unit (dossiers, points…)',
      highlight: 'Province to highlight',
      limit: 'Most rows to show',
      columns: 'Columns, separated by commas',
      sort: 'Column to sort by (prefix - for descending)',
      status: 'Show one status only',
      type: 'Chart type',
    } as Record<string, string>,
    widgets: {
      'tiendo-progress': 'Pilot-model progress',
      'tiendo-kpi': 'Key figure',
      'tiendo-province-table': 'Province comparison table',
      'tiendo-model-list': 'Pilot-model list',
      'tiendo-chart': 'Chart',
    } as Record<string, string>,
  },
}[lang];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const widgetSelect = $<HTMLSelectElement>('widget');
const srcInput = $<HTMLInputElement>('src');
const provinceSelect = $<HTMLSelectElement>('province');
const optionsBox = $<HTMLDivElement>('options');
const baseInput = $<HTMLInputElement>('base');
const preview = $<HTMLDivElement>('preview');
const feedStatus = $<HTMLParagraphElement>('feed-status');
const feedErrors = $<HTMLUListElement>('feed-errors');
const copyStatus = $<HTMLParagraphElement>('copy-status');

let feed: Feed | undefined;

/** Attributes the builder offers as their own controls, not in the generic options list. */
const OWN_CONTROLS = new Set(['src', 'province']);

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** The attribute's meaning in the editor's language, under its name. */
function hint(name: string, id: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'hint';
  p.id = `${id}-hint`;
  p.textContent = words.hints[name] ?? '';
  return p;
}

/** Choices for an attribute whose values the feed (or the contract) defines. */
function choicesFor(name: string): [string, string][] | undefined {
  if (name === 'metric') return feed?.metrics.map((m) => [m.id, m.name]);
  if (name === 'highlight') return feed?.provinces.map((p) => [p.id, p.name]);
  if (name === 'status') return ['completed', 'in-progress', 'not-started'].map((s) => [s, s]);
  if (name === 'type') return ['bar', 'horizontal-bar', 'line', 'doughnut'].map((s) => [s, s]);
  return undefined;
}

function renderOptions(): void {
  const previous = new Map(currentOptions());
  optionsBox.replaceChildren();
  for (const attr of widgetAttributes(widgetSelect.value)) {
    if (OWN_CONTROLS.has(attr.name)) continue;
    const id = `opt-${attr.name}`;
    if (attr.type === 'boolean') {
      const label = document.createElement('label');
      label.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = attr.name;
      box.checked = previous.has(attr.name);
      label.append(box, attr.name);
      optionsBox.append(label, hint(attr.name, id));
      box.setAttribute('aria-describedby', `${id}-hint`);
      continue;
    }
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = attr.name;
    const choices = choicesFor(attr.name);
    let control: HTMLInputElement | HTMLSelectElement;
    if (choices) {
      control = document.createElement('select');
      control.append(option('', words.none), ...choices.map(([v, l]) => option(v, l === v ? v : `${l} (${v})`)));
    } else {
      control = document.createElement('input');
      control.type = 'text';
      control.autocomplete = 'off';
    }
    control.id = id;
    control.name = attr.name;
    control.value = previous.get(attr.name) ?? '';
    control.setAttribute('aria-describedby', `${id}-hint`);
    optionsBox.append(label, hint(attr.name, id), control);
  }
}

/** The options the editor set, as [attribute, value] pairs. */
function currentOptions(): [string, string][] {
  const out: [string, string][] = [];
  for (const el of optionsBox.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.checked) out.push([el.name, '']);
    } else if (el.value.trim()) out.push([el.name, el.value.trim()]);
  }
  return out;
}

function attributes(): [string, string][] {
  const out: [string, string][] = [];
  if (srcInput.value.trim()) out.push(['src', srcInput.value.trim()]);
  if (provinceSelect.value) out.push(['province', provinceSelect.value]);
  return [...out, ...currentOptions()];
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function update(): void {
  const tag = widgetSelect.value;
  const attrs = attributes();
  // Preview: the same element, attributes set as text.
  const el = document.createElement(tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  preview.replaceChildren(el);

  const base = baseInput.value.trim().replace(/\/?$/, '/');
  const tagText = `<${tag}${attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('')}></${tag}>`;
  $('snippet-script').textContent = `<script type="module" src="${escapeAttr(base)}tiendo.js"></script>\n${tagText}`;

  const query = new URLSearchParams([['widget', tag.replace(/^tiendo-/, '')], ...attrs.map(([n, v]) => [n, v === '' ? n : v])]);
  if (lang === 'en') query.set('lang', 'en');
  const title = words.widgets[tag] ?? tag;
  $('snippet-iframe').textContent =
    `<iframe src="${escapeAttr(`${base}embed.html?${query}`)}" title="${escapeAttr(title)}" loading="lazy" style="width:100%;height:320px;border:0"></iframe>\n` +
    `<!-- ${words.resizeNote} -->\n<script src="${escapeAttr(base)}tiendo-resize.js"></script>`;
}

async function loadFeed(): Promise<void> {
  feed = undefined;
  feedErrors.replaceChildren();
  feedStatus.textContent = words.loading;
  try {
    const url = new URL(srcInput.value, location.href);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const result = validateFeedText(await res.text());
    if (!result.feed) {
      await loadMessages(lang, true);
      feedStatus.textContent = words.invalid;
      feedErrors.append(
        ...result.errors.map((issue) => {
          const li = document.createElement('li');
          const code = document.createElement('code');
          code.textContent = issueText(issue, lang);
          li.append(code);
          return li;
        }),
      );
    } else {
      feed = result.feed;
      feedStatus.textContent = words.loaded.replace('{count}', String(feed.provinces.length));
    }
  } catch (e) {
    feedStatus.textContent = words.unreachable.replace('{reason}', (e as Error).message);
  }
  const chosen = provinceSelect.value;
  provinceSelect.replaceChildren(option('', words.auto), ...(feed?.provinces ?? []).map((p) => option(p.id, p.name)));
  // Keep the editor's choice; on first load, start from the first province so the preview shows figures.
  provinceSelect.value = feed?.provinces.some((p) => p.id === chosen) ? chosen : (feed?.provinces[0]?.id ?? '');
  renderOptions();
  update();
}

async function copy(id: string): Promise<void> {
  const code = $(id);
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    copyStatus.textContent = words.copied;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = words.copyFailed;
  }
}

function init(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = String(words[el.dataset.t as keyof typeof words]);
  }
  document.title = words.title;
  const switcher = $<HTMLAnchorElement>('switch-lang');
  switcher.textContent = words.switchLang;
  switcher.lang = lang === 'vi' ? 'en' : 'vi';
  switcher.href = lang === 'vi' ? '?lang=en' : '?';
  widgetSelect.append(...WIDGET_TAGS.map((tag) => option(tag, words.widgets[tag] ?? tag)));
  srcInput.value = new URL('./feeds/de-an-06.json', location.href).href;
  baseInput.value = new URL('../dist/', location.href).href;
  widgetSelect.addEventListener('change', () => {
    renderOptions();
    update();
  });
  srcInput.addEventListener('change', () => void loadFeed());
  form.addEventListener('input', (e) => {
    if (e.target !== srcInput) update();
  });
  form.addEventListener('change', (e) => {
    if (e.target !== srcInput && e.target !== widgetSelect) update();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('copy-script').addEventListener('click', () => void copy('snippet-script'));
  $('copy-iframe').addEventListener('click', () => void copy('snippet-iframe'));
  renderOptions();
  void loadFeed();
}

init();
