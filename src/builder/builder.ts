/**
 * The embed builder, dist/builder.html: a portal hosts it beside tiendo.js.
 * An editor picks a feed, a widget and the options that make sense for both
 * (a KPI for a province offers that province's metrics), sees the widget live
 * (on the page, and in the embed frame at a phone's and a desktop's width),
 * and copies either snippet. The snippets' URLs are this page's own folder, so
 * they are the portal's; the tag carries today's figures as fallback text; the
 * iframe gets a height measured in the two frames.
 *
 * The widgets and the attributes they declare come from the library beside the
 * page (WIDGET_TAGS, widgetAttributes), loaded at run time, so this page never
 * defines a second copy of the elements. Query parameters prefill the form:
 * `?src=…&widget=kpi&province=nghe-an&lang=en`.
 */
import { FEED_PARAMS, readEmbedConfig, type EmbedConfig } from '../embed/embed-config.js';
import type { Feed, FeedArea, Province } from '../feed/types.js';
import { formatDate } from '../i18n/format.js';
import type { Lang } from '../i18n/messages.js';
import { builderWords, fill } from './builder-messages.js';
import { fallbackText } from '../snippet/fallback-text.js';
import { chunksFor, embedUrl, iframeSnippet, scriptSnippet, type Attribute, type Heights } from '../snippet/snippets.js';

type Tiendo = typeof import('../index.js');

const query = new URLSearchParams(location.search);
const lang: Lang = query.get('lang')?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
document.documentElement.lang = lang;
const words = builderWords(lang);

/** The folder this page is served from: where tiendo.js, embed.html and tiendo-resize.js are. */
const base = new URL('.', location.href).href;

/** Under the development server this module is builder.ts and the library is its source. */
const libUrl = /\.ts([?#].*)?$/.test(import.meta.url)
  ? import.meta.url.replace(/builder\/builder\.ts([?#].*)?$/, 'index.ts')
  : import.meta.url.replace(/[^/?#]*([?#].*)?$/, 'index.js');

/** Widgets that show one area (a province, or the nation); the others compare provinces. */
const AREA_WIDGETS = new Set(['tiendo-progress', 'tiendo-kpi', 'tiendo-model-list']);
/** Widgets that draw provinces side by side: one metric or the pilot models, a province to mark. */
const MAP_LIKE = new Set(['tiendo-chart', 'tiendo-map']);

const MODEL_COLUMNS = ['rank', 'name', 'rate', 'completed', 'in-progress', 'not-started', 'total'];
const STATUSES = ['completed', 'in-progress', 'not-started'];
/** Chart types across provinces (a line joining unrelated provinces is not offered), and over time. */
const CHART_TYPES = ['bar', 'horizontal-bar', 'doughnut'];
const TIME_CHART_TYPES = ['line', 'bar'];
const REFRESH_CHOICES = ['', '300', '900', '3600'];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const srcInput = $<HTMLInputElement>('src');
const widgetSelect = $<HTMLSelectElement>('widget');
const areaField = $<HTMLDivElement>('area-field');
const provinceSelect = $<HTMLSelectElement>('province');
const optionsBox = $<HTMLFieldSetElement>('options-box');
const options = $<HTMLDivElement>('options');
const advanced = $<HTMLDivElement>('advanced');
const preview = $<HTMLDivElement>('preview');
const feedStatus = $<HTMLParagraphElement>('feed-status');
const feedErrors = $<HTMLUListElement>('feed-errors');
const measureStatus = $<HTMLParagraphElement>('measure-status');
const iframeNote = $<HTMLParagraphElement>('iframe-note');
const copyStatus = $<HTMLParagraphElement>('copy-status');
const phoneFrame = $<HTMLIFrameElement>('phone-frame');
const desktopFrame = $<HTMLIFrameElement>('desktop-frame');

let lib: Tiendo;
let feed: Feed | undefined;
let feedUrl = '';
let embedConfig: EmbedConfig = { origins: [], inline: false, ignored: [] };
/** Heights the embed frames reported for the current snippet, widget ready. */
const measured: { phone?: number; desktop?: number } = {};
let frameUrl = '';
let previewKey = '';

// ---------------------------------------------------------------- controls

function option(value: string, label: string, disabled = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  o.disabled = disabled;
  return o;
}

function hintFor(id: string, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'hint';
  p.id = `${id}-hint`;
  p.textContent = text;
  return p;
}

/** A labelled control with its hint; `key` names the words in `words.fields`. */
function field(parent: HTMLElement, key: string, control: HTMLInputElement | HTMLSelectElement, name: string): void {
  const [label, hint] = words.fields[key];
  control.id = `opt-${name}`;
  control.name = name;
  control.setAttribute('aria-describedby', `opt-${name}-hint`);
  const l = document.createElement('label');
  l.htmlFor = control.id;
  l.textContent = label;
  parent.append(l, hintFor(control.id, hint), control);
}

function checkbox(parent: HTMLElement, key: string, name: string, checked: boolean): void {
  const [label, hint] = words.fields[key];
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `opt-${name}`;
  box.name = name;
  box.checked = checked;
  box.setAttribute('aria-describedby', `opt-${name}-hint`);
  const l = document.createElement('label');
  l.className = 'check';
  l.append(box, label);
  parent.append(l, hintFor(box.id, hint));
}

function select(choices: [string, string][], value: string | undefined, empty?: string): HTMLSelectElement {
  const s = document.createElement('select');
  if (!choices.length && empty) {
    s.append(option('', empty));
    s.disabled = true;
    return s;
  }
  s.append(...choices.map(([v, l]) => option(v, l)));
  if (value !== undefined && choices.some(([v]) => v === value)) s.value = value;
  return s;
}

function textInput(value: string | undefined): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'text';
  i.autocomplete = 'off';
  i.value = value ?? '';
  return i;
}

function numberInput(value: string | undefined, min: number, max: number): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'number';
  i.min = String(min);
  i.max = String(max);
  i.step = '1';
  i.inputMode = 'numeric';
  i.value = value ?? '';
  return i;
}

// ---------------------------------------------------------------- what the feed offers

const hasModels = (a: FeedArea | undefined) => Boolean(a?.models?.total);
const hasMetrics = (a: FeedArea | undefined) => Boolean(a && Object.keys(a.metrics).length);

/** Whether the feed has figures for `tag` at all. */
function feedServes(tag: string): boolean {
  if (!feed) return true;
  const areas: (FeedArea | undefined)[] = [feed.national, ...feed.provinces];
  if (tag === 'tiendo-progress' || tag === 'tiendo-model-list') return areas.some(hasModels);
  if (tag === 'tiendo-kpi') return areas.some(hasMetrics);
  return feed.provinces.length > 0;
}

/** The areas `tag` can show, as [province attribute, label]; '' is the widget's own pick (the nation, or the only province). */
function areaChoices(tag: string): { choices: [string, string][]; missing: string } {
  if (!feed) return { choices: [], missing: words.missing.feed };
  const usable = tag === 'tiendo-kpi' ? hasMetrics : hasModels;
  const choices: [string, string][] = [];
  if (feed.provinces.length === 1) {
    if (usable(feed.provinces[0])) choices.push(['', fill(words.onlyProvince, { name: feed.provinces[0].name })]);
  } else {
    const national = feed.national?.name;
    if (usable(feed.national)) choices.push(['', national && national !== words.national ? `${words.national} (${national})` : words.national]);
    for (const p of feed.provinces) if (usable(p)) choices.push([p.id, p.name]);
  }
  const missing = tag === 'tiendo-kpi' ? words.missing.metrics : words.missing.models;
  return { choices, missing };
}

/** The area the widget will show for the chosen `province`, as the widget picks it. */
function chosenArea(): { area: FeedArea; name: string } | undefined {
  if (!feed) return undefined;
  const id = provinceSelect.value;
  if (id) {
    const p = feed.provinces.find((x) => x.id === id);
    return p && { area: p, name: p.name };
  }
  if (feed.provinces.length === 1) return { area: feed.provinces[0], name: feed.provinces[0].name };
  return feed.national && { area: feed.national, name: feed.national.name ?? words.national };
}

function metricName(id: string): string {
  return feed?.metrics.find((m) => m.id === id)?.name ?? id;
}

/** Metrics at least one province has, in the feed's order. */
function provinceMetrics(): string[] {
  if (!feed) return [];
  const present = new Set(feed.provinces.flatMap((p: Province) => Object.keys(p.metrics)));
  return [...feed.metrics.map((m) => m.id).filter((id) => present.has(id)), ...[...present].filter((id) => !feed!.metrics.some((m) => m.id === id))];
}

const provinceChoices = (): [string, string][] => (feed?.provinces ?? []).map((p) => [p.id, p.name]);

// ---------------------------------------------------------------- the form

/** The current value of every option control, by attribute name (checkboxes: 'on'). */
function currentValues(): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#options [name], #advanced [name]')) {
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.checked) out.set(el.name, out.has(el.name) ? `${out.get(el.name)},${el.value}` : el.value);
    } else {
      out.set(el.name, el.value);
    }
  }
  return out;
}

/** The first values, from this page's query string. */
let initial: Map<string, string> | undefined = new Map([...query].filter(([n]) => n !== 'src' && n !== 'widget'));

function renderProvince(tag: string): void {
  const uses = AREA_WIDGETS.has(tag) || (!isKnown(tag) && declared(tag).has('province'));
  areaField.hidden = !uses;
  if (!uses) return;
  const before = provinceSelect.value || initial?.get('province');
  const { choices, missing } = areaChoices(tag);
  const fresh = select(choices, before, missing);
  provinceSelect.replaceChildren(...fresh.children);
  provinceSelect.disabled = fresh.disabled;
  if (before !== undefined && choices.some(([v]) => v === before)) provinceSelect.value = before;
  else if (choices.length) provinceSelect.value = choices[0][0];
}

const isKnown = (tag: string) => Object.hasOwn(words.widgetHints, tag);
const declared = (tag: string) => new Set(lib.widgetAttributes(tag).map((a) => a.name));

function renderOptions(): void {
  const tag = widgetSelect.value;
  const has = declared(tag);
  const prev = initial ?? currentValues();
  const get = (name: string) => prev.get(name);
  options.replaceChildren();
  advanced.replaceChildren();
  $('widget-hint').textContent = words.widgetHints[tag] ?? '';

  if (tag === 'tiendo-kpi' && has.has('metric')) {
    const area = chosenArea();
    const ids = area ? Object.keys(area.area.metrics) : [];
    const ordered = [...(feed?.metrics.map((m) => m.id).filter((id) => ids.includes(id)) ?? []), ...ids.filter((id) => !feed?.metrics.some((m) => m.id === id))];
    const missing = !feed ? words.missing.feed : fill(words.missing.areaMetrics, { name: area?.name ?? '' });
    field(options, 'metric', select(ordered.map((id) => [id, metricName(id)]), get('metric'), missing), 'metric');
    $('opt-metric-hint').textContent = fill(words.fields.metric[1], { name: area?.name ?? '', count: ordered.length });
  }
  if (MAP_LIKE.has(tag) && has.has('metric')) {
    const models = feed?.provinces.some(hasModels) ?? true;
    const choices: [string, string][] = [...(models ? [['', words.chartModels] as [string, string]] : []), ...provinceMetrics().map((id): [string, string] => [id, metricName(id)])];
    field(options, 'chartMetric', select(choices, get('metric'), feed ? words.missing.metrics : words.missing.feed), 'metric');
  }
  if (tag === 'tiendo-chart' && has.has('type')) field(options, 'type', select(chartTypes(Boolean(get('compare'))), get('type')), 'type');
  if (tag === 'tiendo-model-list' && has.has('status')) {
    field(options, 'status', select([['', words.all], ...STATUSES.map((s): [string, string] => [s, words.statuses[s]])], get('status')), 'status');
  }
  if (tag === 'tiendo-province-table' && has.has('columns')) renderColumns(get('columns'));
  if (tag === 'tiendo-province-table' && has.has('sort')) {
    const sort = get('sort') ?? '';
    const column = sort.replace(/^-/, '');
    field(options, 'sort', select([['', words.defaultSort], ...columnChoices().filter(([id]) => id !== 'rank')], column), 'sort-column');
    field(options, 'order', select([['-', words.desc], ['', words.asc]], sort && !sort.startsWith('-') ? '' : '-'), 'sort-order');
  }
  if (tag === 'tiendo-map' && has.has('grid')) {
    field(options, 'grid', select([['', words.gridAuto], ['34', words.grid34], ['63', words.grid63]], get('grid')), 'grid');
  }
  if (has.has('highlight') && (tag === 'tiendo-province-table' || MAP_LIKE.has(tag))) {
    field(options, 'highlight', select([['', words.none], ...provinceChoices()], get('highlight'), words.missing.provinces), 'highlight');
  }
  if (tag === 'tiendo-chart' && has.has('compare')) renderCompare(get('compare'));
  if (tag === 'tiendo-province-table' && has.has('limit')) field(options, 'limit', numberInput(get('limit'), 1, 200), 'limit');
  if ((tag === 'tiendo-progress' || tag === 'tiendo-kpi') && has.has('label')) field(options, 'label', textInput(get('label')), 'label');
  if (has.has('group')) {
    // A picker is there to drive a group: it starts with one, which the editor gives the other widgets too.
    const picker = tag === 'tiendo-picker';
    field(options, picker ? 'pickerGroup' : 'group', textInput(get('group') || (picker ? 'trang' : '')), 'group');
  }
  if (tag === 'tiendo-picker' && has.has('url-param')) field(options, 'url-param', textInput(get('url-param')), 'url-param');
  if (tag === 'tiendo-picker' && has.has('label')) field(options, 'pickerLabel', textInput(get('label')), 'label');
  if (has.has('show-sentence')) checkbox(options, 'show-sentence', 'show-sentence', get('show-sentence') !== undefined);
  optionsBox.hidden = !options.childElementCount;

  if (has.has('refresh')) {
    const refresh = REFRESH_CHOICES.map((s): [string, string] => [
      s,
      !s ? words.refreshNever : s === '3600' ? words.refreshHour : fill(words.refreshEvery, { minutes: Number(s) / 60 }),
    ]);
    field(advanced, 'refresh', select(refresh, get('refresh')), 'refresh');
  }
  if (has.has('timeout')) field(advanced, 'timeout', numberInput(get('timeout'), 1, 120), 'timeout');
  if (has.has('debug')) checkbox(advanced, 'debug', 'debug', get('debug') !== undefined);
  field(advanced, 'lang', select([['vi', words.langVi], ['en', words.langEn]], get('lang') ?? lang), 'lang');
  initial = undefined;
}

/** The chart's types: across provinces, or over time once provinces are chosen to compare. */
function chartTypes(overTime: boolean): [string, string][] {
  return overTime
    ? TIME_CHART_TYPES.map((t): [string, string] => [t === 'line' ? '' : t, t === 'line' ? words.defaultTimeType : words.types[t]])
    : CHART_TYPES.map((t): [string, string] => [t === 'bar' ? '' : t, t === 'bar' ? words.defaultType : words.types[t]]);
}

/** Choosing provinces to compare turns the chart into one over time: its type choices follow, in place (the focus stays). */
function syncChartTypes(): void {
  const type = document.getElementById('opt-type') as HTMLSelectElement | null;
  if (!type) return;
  const before = type.value;
  const choices = chartTypes(form.querySelector('input[name="compare"]:checked') !== null);
  type.replaceChildren(...choices.map(([v, l]) => option(v, l)));
  type.value = choices.some(([v]) => v === before) ? before : '';
}

/** The chart's `compare`: a multi-choice of the feed's provinces. */
function renderCompare(value: string | undefined): void {
  const chosen = new Set((value ?? '').split(',').filter(Boolean));
  const choices = provinceChoices();
  if (!choices.length) return;
  options.append(checkboxSet('compare', choices, chosen));
}

/** A fieldset of checkboxes named `name` (their values joined by commas), with its legend and hint. */
function checkboxSet(name: string, choices: [string, string][], chosen: Set<string>): HTMLFieldSetElement {
  const set = document.createElement('fieldset');
  set.setAttribute('aria-describedby', `opt-${name}-hint`);
  const legend = document.createElement('legend');
  legend.textContent = words.fields[name][0];
  set.append(legend, hintFor(`opt-${name}`, words.fields[name][1]));
  for (const [id, label] of choices) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = id;
    box.id = `opt-${name}-${id}`;
    box.checked = chosen.has(id);
    const l = document.createElement('label');
    l.className = 'check';
    l.append(box, label);
    set.append(l);
  }
  return set;
}

/** The table's columns: the model columns when the feed has models, and the provinces' metrics. */
function columnChoices(): [string, string][] {
  const models = feed?.provinces.some(hasModels) ?? true;
  const ids = models ? MODEL_COLUMNS : MODEL_COLUMNS.slice(0, 2);
  return [...ids.map((id): [string, string] => [id, words.columns[id]]), ...provinceMetrics().map((id): [string, string] => [id, metricName(id)])];
}

function renderColumns(value: string | undefined): void {
  options.append(checkboxSet('columns', columnChoices(), new Set((value ?? '').split(',').filter(Boolean))));
}

/** The attributes of the tag, in a stable order: the feed, the area, then the options. */
function attributes(): Attribute[] {
  const tag = widgetSelect.value;
  const out: Attribute[] = [];
  if (feedUrl) out.push(['src', feedUrl]);
  if (!areaField.hidden && provinceSelect.value) out.push(['province', provinceSelect.value]);
  const values = currentValues();
  const column = values.get('sort-column');
  for (const [name, value] of values) {
    if (name === 'sort-column' || name === 'sort-order' || name === 'lang') continue;
    const v = value.trim();
    if (!v) continue;
    if (name === 'show-sentence' || name === 'debug') out.push([name, '']);
    else out.push([name, v]);
  }
  if (column) {
    const at = out.findIndex(([n]) => n === 'highlight' || n === 'limit');
    const sort: Attribute = ['sort', `${values.get('sort-order') ?? '-'}${column}`];
    if (at < 0) out.push(sort);
    else out.splice(at, 0, sort);
  }
  if (values.get('lang') === 'en') out.push(['lang', 'en']);
  return tag ? out : [];
}

// ---------------------------------------------------------------- preview, frames, snippets

/** The frame's accessible name, in the widget's language: "Tiến độ mô hình điểm của một tỉnh — Nghệ An". */
function widgetTitle(tag: string, widgetLang: Lang): string {
  const name = builderWords(widgetLang).widgets[tag] ?? tag;
  const area = !areaField.hidden ? chosenArea()?.name : undefined;
  return area ? `${name} — ${area}` : name;
}

/** The words an editor saw beside the control of attribute `name` (a group of checkboxes: its legend). */
function controlLabel(name: string): string {
  const el = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#options [name], #advanced [name]')].find((c) => c.name === name);
  const set = el?.closest('fieldset');
  const legend = set && set.id !== 'options-box' ? set.querySelector('legend')?.textContent : undefined;
  return legend ?? el?.labels?.[0]?.textContent ?? words.fields[name]?.[0] ?? name;
}

/** The iframe's query: what the embed on this server accepts. */
function iframeParams(attrs: Attribute[]): { params: Attribute[]; dropped: string[] } {
  if (embedConfig.inline) return { params: attrs, dropped: [] };
  return {
    params: attrs.filter(([n]) => FEED_PARAMS.has(n)),
    dropped: attrs.filter(([n]) => !FEED_PARAMS.has(n)).map(([n]) => controlLabel(n)),
  };
}

function showPreview(tag: string, attrs: Attribute[]): void {
  const key = JSON.stringify([tag, attrs]);
  if (key === previewKey) return;
  previewKey = key;
  const el = document.createElement(tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  preview.replaceChildren(el);
}

let frameTimer: ReturnType<typeof setTimeout> | undefined;

/** Loads the embed (this server's own) in the two frames; they report the heights the snippets use. */
function showFrames(url: string): void {
  if (url === frameUrl) return;
  frameUrl = url;
  measured.phone = measured.desktop = undefined;
  measureStatus.textContent = url ? words.measuring : '';
  clearTimeout(frameTimer);
  // Typing a heading reloads the frames once the editor pauses, not on every key.
  frameTimer = setTimeout(() => {
    for (const frame of [phoneFrame, desktopFrame]) frame.src = url || 'about:blank';
  }, 250);
}

function frameWidget(frame: HTMLIFrameElement): Element | null | undefined {
  return frame.contentDocument?.querySelector('body > *');
}

function onFrameMessage(event: MessageEvent): void {
  const data = event.data as { type?: unknown; height?: unknown; state?: unknown } | null;
  if (!data || data.type !== 'tiendo:height' || typeof data.height !== 'number') return;
  const frame = event.source === phoneFrame.contentWindow ? phoneFrame : event.source === desktopFrame.contentWindow ? desktopFrame : undefined;
  // Only the current embed's answers: not a frame still showing the previous choice.
  if (!frame || event.origin !== location.origin || frame.src !== frameUrl) return;
  fitFrame(frame, data.height);
  const shown = frameWidget(frame);
  const refused = shown?.getAttribute('role') === 'alert';
  // The state the widget had when its height was measured (a height read while it loaded can arrive after it is ready).
  if (!refused && data.state !== 'ready') return;
  measured[frame === phoneFrame ? 'phone' : 'desktop'] = Math.ceil(data.height);
  writeSnippets();
}

/** The frame as tall as its content, drawn scaled to the width of its box. */
function fitFrame(frame: HTMLIFrameElement, height?: number): void {
  if (height !== undefined) frame.height = String(Math.ceil(height));
  const box = frame.parentElement!;
  const scale = Math.min(1, box.clientWidth / (Number(frame.width) || 1));
  frame.style.setProperty('--scale', String(scale));
  box.style.height = `${Math.ceil(Number(frame.height) * scale)}px`;
}

function writeSnippets(): void {
  const tag = widgetSelect.value;
  const attrs = attributes();
  const scriptCode = $('snippet-script');
  const iframeCode = $('snippet-iframe');
  if (!feed || !tag) {
    scriptCode.textContent = iframeCode.textContent = words.noCode;
    iframeNote.textContent = '';
    return;
  }
  const get = (n: string) => attrs.find(([name]) => name === n)?.[1];
  const widgetLang: Lang = get('lang') === 'en' ? 'en' : 'vi';
  const fallback = fallbackText(
    feed,
    { widget: tag, province: get('province'), metric: get('metric'), status: get('status'), highlight: get('highlight'), label: get('label'), compare: get('compare') },
    widgetLang,
  );
  const { phone, desktop } = measured;
  const ready = phone !== undefined && desktop !== undefined;
  // The frames' body has a 1 px padding each side (embed.css); the tag itself is that much shorter.
  const heights: Heights | undefined = ready ? { phone: phone - 2, desktop: desktop - 2 } : undefined;
  scriptCode.textContent = scriptSnippet({ base, tag, attributes: attrs, fallback, feed: feedUrl, heights, chunks: chunksFor(chunkList, tag) });

  const { params, dropped } = iframeParams(attrs);
  const refused = [phoneFrame, desktopFrame].map(frameWidget).find((el) => el?.getAttribute('role') === 'alert');
  iframeNote.textContent = [
    dropped.length ? fill(words.iframeInline, { names: dropped.join(', ') }) : '',
    tag === 'tiendo-picker' || get('group') ? words.iframeGroup : '',
    refused ? fill(words.iframeRefused, { reason: refused.textContent ?? '' }) : '',
  ].filter(Boolean).join(' ');
  iframeCode.textContent = iframeSnippet({
    base,
    widget: tag.replace(/^tiendo-/, ''),
    params,
    title: widgetTitle(tag, widgetLang),
    height: ready ? Math.max(phone, desktop) : 320,
    resizeNote: words.resizeNote,
  });
  measureStatus.textContent = ready ? fill(words.measured, { phone, desktop }) : words.measuring;
}

function update(): void {
  const tag = widgetSelect.value;
  if (!feed || !tag) {
    preview.replaceChildren();
    previewKey = '';
    showFrames('');
    writeSnippets();
    return;
  }
  const attrs = attributes();
  showPreview(tag, attrs);
  // The frames show this server's embed.html, with exactly the iframe snippet's query.
  showFrames(embedUrl(base, tag.replace(/^tiendo-/, ''), iframeParams(attrs).params));
  writeSnippets();
}

// ---------------------------------------------------------------- the feed

function renderWidgets(): void {
  const before = widgetSelect.value || query.get('widget') || '';
  const wanted = before.startsWith('tiendo-') ? before : `tiendo-${before}`;
  widgetSelect.replaceChildren(
    ...lib.WIDGET_TAGS.map((tag) => {
      const name = words.widgets[tag] ?? tag;
      const serves = feedServes(tag);
      return option(tag, serves ? name : fill(words.unavailable, { name }), !serves);
    }),
  );
  const usable = [...widgetSelect.options].filter((o) => !o.disabled);
  widgetSelect.value = usable.some((o) => o.value === wanted) ? wanted : (usable[0]?.value ?? '');
}

function render(): void {
  renderWidgets();
  renderProvince(widgetSelect.value);
  renderOptions();
  update();
}

async function loadFeed(): Promise<void> {
  feed = undefined;
  feedErrors.replaceChildren();
  const text = srcInput.value.trim();
  if (!text) {
    feedUrl = '';
    feedStatus.textContent = words.noFeed;
    render();
    return;
  }
  feedStatus.textContent = words.loading;
  try {
    const url = new URL(text, location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    feedUrl = url.href;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const result = lib.validateFeedText(await res.text());
    if (result.feed) {
      feed = result.feed;
      const params = { count: feed.provinces.length, metrics: feed.metrics.length, date: feed.asOf ? formatDate(feed.asOf, lang) : '' };
      feedStatus.textContent = fill(feed.asOf ? words.loaded : words.loadedNoDate, params);
    } else {
      await lib.loadMessages(lang, true);
      feedStatus.textContent = words.invalid;
      feedErrors.append(
        ...result.errors.map((issue) => {
          const li = document.createElement('li');
          const code = document.createElement('code');
          code.textContent = lib.issueText(issue, lang);
          li.append(code);
          return li;
        }),
      );
    }
  } catch (e) {
    feedStatus.textContent = fill(words.unreachable, { reason: (e as Error).message });
  }
  render();
}

/** The operator's embed settings (embed.html beside this page), so the iframe snippet is one the embed accepts. */
/** dist/chunks.json beside the builder (written by the build): the chunks each widget's snippet hints. */
let chunkList: Record<string, string[]> | undefined;

async function loadChunkList(): Promise<void> {
  try {
    const res = await fetch(new URL('chunks.json', base));
    if (res.ok) chunkList = (await res.json()) as Record<string, string[]>;
  } catch {
    // No list (the development server): the snippet hints tiendo.js alone.
  }
}

async function loadEmbedConfig(): Promise<void> {
  try {
    const res = await fetch(new URL('embed.html', base));
    if (!res.ok) return;
    embedConfig = readEmbedConfig(new DOMParser().parseFromString(await res.text(), 'text/html'));
  } catch {
    // Defaults: own origin only, no inline figures.
  }
}

// ---------------------------------------------------------------- copying

/** How long the clipboard may take before the snippet is selected for Ctrl+C instead (a browser may never answer). */
const CLIPBOARD_WAIT = 2_000;

async function copy(id: string): Promise<void> {
  const code = $(id);
  try {
    // WebKit sometimes neither writes nor refuses (no answer at all): the editor is never left without a word.
    let wait: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      navigator.clipboard.writeText(code.textContent ?? ''),
      new Promise((_, reject) => (wait = setTimeout(() => reject(new Error('the clipboard did not answer')), CLIPBOARD_WAIT))),
    ]).finally(() => clearTimeout(wait));
    copyStatus.textContent = words.copied;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = words.copyFailed;
  }
}

// ---------------------------------------------------------------- start

function translatePage(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = words[el.dataset.t as keyof typeof words];
    if (typeof text === 'string') el.textContent = text;
  }
  document.title = words.title;
  phoneFrame.title = words.phoneFrame;
  desktopFrame.title = words.desktopFrame;
  const switcher = $<HTMLAnchorElement>('switch-lang');
  switcher.textContent = words.switchLang;
  switcher.lang = words.switchLangCode;
  const other = new URLSearchParams(query);
  if (lang === 'vi') other.set('lang', 'en');
  else other.delete('lang');
  switcher.href = `?${other}`;
}

async function init(): Promise<void> {
  translatePage();
  try {
    lib = (await import(/* @vite-ignore */ libUrl)) as Tiendo;
  } catch {
    feedStatus.textContent = words.library;
    return;
  }
  // The table, the list and the chart are defined when first used: their attributes are known once their code is here.
  await Promise.all(lib.WIDGET_TAGS.map((tag) => lib.defineWidget(tag).catch(() => undefined)));
  await Promise.all([loadEmbedConfig(), loadChunkList()]);
  addEventListener('message', onFrameMessage);
  for (const frame of [phoneFrame, desktopFrame]) new ResizeObserver(() => fitFrame(frame)).observe(frame.parentElement!);
  srcInput.value = query.get('src') ? new URL(query.get('src')!, location.href).href : '';
  srcInput.addEventListener('change', () => void loadFeed());
  $('load').addEventListener('click', () => void loadFeed());
  widgetSelect.addEventListener('change', () => {
    renderProvince(widgetSelect.value);
    renderOptions();
    update();
  });
  provinceSelect.addEventListener('change', () => {
    // A KPI's metrics are the chosen province's.
    if (widgetSelect.value === 'tiendo-kpi') renderOptions();
    update();
  });
  form.addEventListener('input', (e) => {
    if (e.target !== srcInput && e.target !== widgetSelect && e.target !== provinceSelect) update();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'compare') syncChartTypes();
    if (e.target !== srcInput && e.target !== widgetSelect && e.target !== provinceSelect) update();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void loadFeed();
  });
  $('copy-script').addEventListener('click', () => void copy('snippet-script'));
  $('copy-iframe').addEventListener('click', () => void copy('snippet-iframe'));
  await loadFeed();
}

void init();
