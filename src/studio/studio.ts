/**
 * The data studio, dist/studio.html: what `tiendo from-csv` does, for an
 * officer with Excel and a browser but no command line. A portal hosts it
 * beside tiendo.js; everything happens in the officer's browser.
 *
 * 1. The officer opens or drops an .xlsx or CSV file (read with the conversion
 *    core, src/convert, as the command line reads it: Excel's encodings through
 *    TextDecoder, damaged text refused); chooses the sheet and, when asked, how
 *    the file writes numbers.
 * 2. The page shows the columns the core recognised and those it ignored,
 * 3. takes the feed's title, date, next update and source,
 * 4. optionally adds the sheet to a published feed as its newest figures
 *    (appendToFeed: the old figures move into history),
 * 5. lists every problem at its row and column, in the sheet's words,
 * 6. previews the feed in the widgets (tiendo.js beside the page, each widget
 *    fed by an inline JSON script built with DOM APIs), and
 * 7. offers feed.json for download (a Blob and an object URL).
 *
 * No rule of the conversion lives here: every check and every message about a
 * sheet is the core's. No request leaves for another origin (the page's
 * Content-Security-Policy says so too); the workbook reader is a chunk of its
 * own, fetched only for a workbook. Text only: nothing is parsed as HTML.
 */
import {
  appendToFeed,
  columnLetter,
  feedText,
  issueCount,
  placeText,
  readSheetBytes,
  ruleText,
  sheetToFeed,
  MAX_INPUT_BYTES,
  type AppendResult,
  type ConvertIssue,
  type ConvertOptions,
  type ConvertResult,
  type Layout,
  type NumberLocale,
  type ReadFailure,
  type ReadSheet,
} from '../convert/index.js';
import { convertMsg } from '../convert/messages.js';
import { megabytes } from '../convert/output.js';
import { MAX_FEED_BYTES } from '../feed/types.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { loadMessages, type Lang } from '../i18n/messages.js';
import { isStudioKey, studioText, type StudioKey } from './studio-words.js';

type Tiendo = typeof import('../index.js');
type Json = Record<string, unknown>;

/** Under the development server this module is studio.ts and the library is its source; built, index.js beside studio.js. */
const libUrl = /\.ts([?#].*)?$/.test(import.meta.url)
  ? import.meta.url.replace(/studio\/studio\.ts([?#].*)?$/, 'index.ts')
  : import.meta.url.replace(/[^/?#]*([?#].*)?$/, 'index.js');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fileInput = $<HTMLInputElement>('file');
const drop = $<HTMLDivElement>('drop');
const fileStatus = $<HTMLParagraphElement>('file-status');
const sheetField = $<HTMLDivElement>('sheet-field');
const sheetSelect = $<HTMLSelectElement>('sheet');
const localeSelect = $<HTMLSelectElement>('locale');
const columnsSummary = $<HTMLDivElement>('columns-summary');
const columnsBox = $<HTMLDivElement>('columns-box');
const columnsBody = $<HTMLTableElement>('columns').tBodies[0];
const details = $<HTMLFormElement>('details');
const asOfNote = $<HTMLParagraphElement>('as-of-note');
const oldInput = $<HTMLInputElement>('old-feed');
const dropOld = $<HTMLDivElement>('drop-old');
const oldStatus = $<HTMLParagraphElement>('old-status');
const oldRemove = $<HTMLButtonElement>('old-remove');
const checkStatus = $<HTMLParagraphElement>('check-status');
const problems = $<HTMLDivElement>('problems');
const previewStatus = $<HTMLParagraphElement>('preview-status');
const previewControls = $<HTMLDivElement>('preview-controls');
const previewProvince = $<HTMLSelectElement>('preview-province');
const previewMetric = $<HTMLSelectElement>('preview-metric');
const preview = $<HTMLDivElement>('preview');
const prettyBox = $<HTMLInputElement>('pretty');
const downloadStatus = $<HTMLParagraphElement>('download-status');
const download = $<HTMLAnchorElement>('download');
const switchLang = $<HTMLButtonElement>('switch-lang');

/** The feed's details, by the command-line option that sets them (the core's messages name the options). */
const DETAILS = [
  { option: '--title', id: 'f-title', key: 'fTitle', set: 'title' },
  { option: '--as-of', id: 'f-as-of', key: 'fAsOf', set: 'asOf' },
  { option: '--next-update', id: 'f-next-update', key: 'fNext', set: 'nextUpdate' },
  { option: '--source-name', id: 'f-source-name', key: 'fSourceName', set: 'sourceName' },
  { option: '--source-url', id: 'f-source-url', key: 'fSourceUrl', set: 'sourceUrl' },
] as const satisfies readonly { option: string; id: string; key: StudioKey; set: keyof ConvertOptions }[];

/** The widgets of the preview, in order. */
const WIDGETS = [
  { tag: 'tiendo-progress', key: 'wProgress' },
  { tag: 'tiendo-province-table', key: 'wTable' },
  { tag: 'tiendo-chart', key: 'wChart' },
  { tag: 'tiendo-map', key: 'wMap' },
] as const satisfies readonly { tag: string; key: StudioKey }[];

/** The preview's widgets follow one choice of province (a map tile or a table row chooses it too). */
const GROUP = 'tiendo-studio';

let lang: Lang = new URLSearchParams(location.search).get('lang')?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';

/** The spreadsheet the officer opened: its bytes are kept, so choosing a sheet or a number style reads them again. */
let opened: { name: string; bytes: Uint8Array } | undefined;
/**
 * What reading it gave: a sheet, or the core's reason why not; `tooBig` when it was not read at
 * all; `readerFailed` when the workbook reader (a chunk beside the page) did not arrive.
 */
let read: ReadSheet | ReadFailure | { tooBig: number } | { readerFailed: true } | undefined;
let reading = false;
/** The published feed to add the sheet to. */
let old: { name: string; json: unknown; provinces?: number; asOf?: string; unreadable?: 'json' | number } | undefined;

/** Everything the page shows about the current sheet and details. */
interface Outcome {
  result?: ConvertResult;
  appended?: AppendResult;
  errors: ConvertIssue[];
  warnings: ConvertIssue[];
  /** Problems of the details form that the studio finds before converting (a source address without a name). */
  fields: { id: string; text: string }[];
  feed?: Json;
}
let outcome: Outcome = { errors: [], warnings: [], fields: [] };

let lib: Promise<Tiendo> | undefined;
let objectUrl: string | undefined;
/** Each update's number: an older one that finishes late draws nothing. */
let generation = 0;

const t = (key: StudioKey, params?: Record<string, string | number>) => studioText(lang, key, params);
const n = (value: number) => formatNumber(value, lang);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

// ---------------------------------------------------------------- words of the page

/** Writes the studio's words into every `data-t` element, in the current language. */
function translatePage(): void {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const key = node.dataset.t!;
    if (isStudioKey(key)) node.textContent = t(key);
  }
  switchLang.lang = t('switchLangLang');
}

// ---------------------------------------------------------------- reading the files

/** Opens a spreadsheet chosen or dropped by the officer. */
async function openSpreadsheet(file: File): Promise<void> {
  const mine = ++generation;
  opened = undefined;
  read = undefined;
  sheetSelect.replaceChildren();
  if (/\.json$/i.test(file.name)) {
    fileStatus.textContent = t('isJson', { file: file.name });
    await update();
    return;
  }
  reading = true;
  fileStatus.textContent = t('reading', { file: file.name });
  if (file.size > MAX_INPUT_BYTES) {
    // Refused before it is read, as the command line refuses it.
    opened = { name: file.name, bytes: new Uint8Array() };
    read = { tooBig: file.size };
  } else {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (mine !== generation) return;
    opened = { name: file.name, bytes };
    read = await readBytes(bytes);
  }
  reading = false;
  if (mine !== generation) return;
  await update();
}

/** Reads the opened file again with the chosen sheet. */
async function chooseSheet(): Promise<void> {
  if (!opened) return;
  const mine = ++generation;
  const again = await readBytes(opened.bytes, sheetSelect.value);
  if (mine !== generation) return;
  read = again;
  await update();
}

/** The core's reading of the bytes; a workbook reader that did not arrive is asked for again next time. */
async function readBytes(bytes: Uint8Array, sheet?: string): Promise<NonNullable<typeof read>> {
  try {
    return await readSheetBytes(bytes, sheet === undefined ? {} : { sheet });
  } catch {
    return { readerFailed: true };
  }
}

/** Opens the published feed to add the sheet to. */
async function openOldFeed(file: File): Promise<void> {
  if (file.size > MAX_FEED_BYTES) {
    old = { name: file.name, json: undefined, unreadable: file.size };
  } else {
    const text = new TextDecoder().decode(await file.arrayBuffer());
    let json: unknown;
    let unreadable: 'json' | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      unreadable = 'json';
    }
    const feed = typeof json === 'object' && json !== null ? (json as Json) : {};
    old = {
      name: file.name,
      json,
      unreadable,
      provinces: Array.isArray(feed.provinces) ? feed.provinces.length : undefined,
      asOf: typeof feed.asOf === 'string' ? feed.asOf : undefined,
    };
    // The published feed's details are the officer's starting point: empty fields take them.
    if (!unreadable) prefillDetails(feed);
  }
  await update();
}

function prefillDetails(feed: Json): void {
  const source = typeof feed.source === 'object' && feed.source !== null ? (feed.source as Json) : {};
  const given: Record<string, unknown> = { 'f-title': feed.title, 'f-source-name': source.name, 'f-source-url': source.url };
  for (const [id, value] of Object.entries(given)) {
    const input = $<HTMLInputElement>(id);
    if (!input.value && typeof value === 'string') input.value = value;
  }
}

// ---------------------------------------------------------------- converting

/** The details form as the core's options; empty fields are left out. */
function detailOptions(): ConvertOptions {
  const options: ConvertOptions = {};
  for (const d of DETAILS) {
    const value = $<HTMLInputElement>(d.id).value.trim();
    if (value) options[d.set] = value;
  }
  const locale = localeSelect.value;
  if (locale) options.locale = locale as NumberLocale;
  return options;
}

/** The sheet and details through the conversion core (and onto the published feed, when there is one). */
function convert(): Outcome {
  const out: Outcome = { errors: [], warnings: [], fields: [] };
  if (!read || reading || 'readerFailed' in read) return out;
  if ('tooBig' in read) {
    const size = n(megabytes(read.tooBig));
    out.errors = [{ key: 'input.tooBig', params: { file: opened?.name ?? '', size, max: n(MAX_INPUT_BYTES / 1024 / 1024) } }];
    return out;
  }
  if ('key' in read) {
    out.errors = [{ key: read.key, params: read.params, place: read.row === undefined ? undefined : { row: read.row } }];
    return out;
  }
  const options = detailOptions();
  if (options.sourceUrl !== undefined && options.sourceName === undefined) {
    // The command line refuses this combination before converting; so does the studio.
    out.fields.push({ id: 'f-source-url', text: t('needSourceName') });
  }
  const result = sheetToFeed(read, options);
  out.result = result;
  out.errors = result.errors;
  out.warnings = result.warnings;
  out.feed = result.feed;
  if (result.feed && old) {
    if (typeof old.unreadable === 'number') {
      out.errors = [{ key: 'input.tooBig', params: { file: old.name, size: n(megabytes(old.unreadable)), max: n(MAX_FEED_BYTES / 1024 / 1024) } }];
      out.feed = undefined;
    } else {
      const appended = appendToFeed(old.json, result);
      out.appended = appended;
      out.errors = appended.errors;
      out.warnings = [...result.warnings, ...appended.warnings];
      out.feed = appended.feed;
    }
  }
  if (out.fields.length) out.feed = undefined;
  return out;
}

/** Converts again and redraws every step. The validator's words are loaded first (a chunk of this page). */
async function update(): Promise<void> {
  const mine = ++generation;
  outcome = convert();
  // The download is ready at once, whatever the messages still to load.
  renderDownload();
  try {
    await loadMessages(lang, true);
  } catch {
    // A chunk that did not arrive: the messages show their keys; the next update asks again.
  }
  if (mine !== generation) return;
  renderFile();
  renderColumns();
  renderDetails();
  renderOldFeed();
  renderProblems();
  void renderPreview(mine);
}

// ---------------------------------------------------------------- step 1: the file

function renderFile(): void {
  if (!opened || !read) return;
  const file = opened.name;
  if ('readerFailed' in read) {
    fileStatus.textContent = t('readerFailed');
    sheetField.hidden = true;
    return;
  }
  if ('tooBig' in read || 'key' in read) {
    fileStatus.textContent = t('readFailed', { file });
    sheetField.hidden = true;
    return;
  }
  if (read.source.kind === 'xlsx') {
    fileStatus.textContent = t('readXlsx', { file, sheet: read.source.sheet ?? '' });
    const names = read.sheetNames ?? [];
    if (sheetSelect.options.length !== names.length || names.some((s, i) => sheetSelect.options[i].value !== s)) {
      sheetSelect.replaceChildren(
        ...names.map((s) => {
          const o = el('option', s);
          o.value = s;
          return o;
        }),
      );
    }
    sheetSelect.value = read.source.sheet ?? names[0] ?? '';
    sheetField.hidden = names.length < 2;
  } else {
    const encoding = t(`encoding.${read.encoding ?? 'utf-8'}` as StudioKey);
    const separator = t(`separator.${read.source.separator ?? ';'}` as StudioKey);
    fileStatus.textContent = t('readCsv', { file, encoding, separator });
    sheetField.hidden = true;
  }
}

// ---------------------------------------------------------------- step 2: the columns

/** What each column of the layout is read as ('' for a column the converter passes over). */
function columnMeanings(layout: Layout): Map<number, string> {
  const meanings = new Map<number, string>();
  for (const [field, col] of Object.entries(layout.fields)) meanings.set(col, t(`field.${field}` as StudioKey));
  for (const metric of layout.metrics) {
    for (const [part, col] of Object.entries(metric.cols)) meanings.set(col, t(`part.${part}` as StudioKey, { name: metric.name }));
  }
  return meanings;
}

function renderColumns(): void {
  const layout = outcome.result?.layout;
  columnsBody.replaceChildren();
  columnsBox.hidden = !layout;
  if (!layout) {
    columnsSummary.replaceChildren(el('p', t(read && !reading ? 'columnsFailed' : 'columnsNone')));
    return;
  }
  const meanings = columnMeanings(layout);
  for (let c = 0; c < layout.headers.length; c++) {
    const meaning = meanings.get(c);
    const row = el('tr', undefined, meaning ? undefined : 'ignored');
    const letter = el('th', columnLetter(c));
    letter.scope = 'row';
    row.append(letter, el('td', layout.headers[c]), el('td', meaning ?? t('ignored')));
    columnsBody.append(row);
  }
  const result = outcome.result!;
  const lines = [
    t('headerRow', { row: layout.headerRow }) + (layout.headerRow > 1 ? ` ${t('aboveIgnored')}` : ''),
    t('columnsCount', { used: n(meanings.size), ignored: n(layout.headers.length - meanings.size) }),
    t(`numbers.${result.numbers}` as StudioKey),
  ];
  if (result.era) lines.push(t(`era.${result.era}` as StudioKey));
  columnsSummary.replaceChildren(...lines.map((line) => el('p', line)));
}

// ---------------------------------------------------------------- step 3: the details

function renderDetails(): void {
  const wrong = new Map<string, string[]>();
  const note = (id: string, text: string) => wrong.set(id, [...(wrong.get(id) ?? []), text]);
  for (const f of outcome.fields) note(f.id, f.text);
  for (const issue of outcome.errors) {
    const d = DETAILS.find((x) => x.option === issue.place?.option);
    if (d) note(d.id, ruleText(issue, lang));
  }
  for (const d of DETAILS) {
    const input = $<HTMLInputElement>(d.id);
    const errorId = `${d.id}-error`;
    document.getElementById(errorId)?.remove();
    const texts = wrong.get(d.id);
    if (texts) {
      const p = el('p', texts.join(' '), 'field-error');
      p.id = errorId;
      input.after(p);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${d.id}-hint ${errorId}`);
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `${d.id}-hint`);
    }
  }
  const asOfGiven = Boolean($<HTMLInputElement>('f-as-of').value);
  asOfNote.textContent = outcome.feed && !asOfGiven ? t('asOfNote') : '';
}

// ---------------------------------------------------------------- step 4: the published feed

function renderOldFeed(): void {
  oldRemove.hidden = !old;
  if (!old) {
    oldStatus.textContent = '';
    return;
  }
  const file = old.name;
  let text: string;
  if (old.unreadable === 'json') text = t('oldFeedNotJson', { file });
  else if (typeof old.unreadable === 'number') text = t('readFailed', { file });
  else {
    const provinces = n(old.provinces ?? 0);
    text = old.asOf ? t('oldFeedRead', { file, provinces, date: formatDate(old.asOf, lang) }) : t('oldFeedNoDate', { file, provinces });
  }
  const appended = outcome.appended;
  if (appended?.feed) {
    const { updated, added, kept } = appended.counts;
    text += ` ${t('appended', { asOf: formatDate(String(appended.feed.asOf), lang), updated: n(updated), added: n(added), kept: n(kept) })}`;
  }
  oldStatus.textContent = text;
}

// ---------------------------------------------------------------- step 5: the problems

/** Where a problem is: a cell, a row, a field of the form (a link to it), a path in the feed, or the whole file. */
function whereOf(issue: ConvertIssue): HTMLElement | undefined {
  const option = issue.place?.option;
  const d = option ? DETAILS.find((x) => x.option === option) : undefined;
  if (d) {
    const a = el('a', t(d.key));
    a.href = `#${d.id}`;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      $<HTMLInputElement>(d.id).focus();
    });
    return a;
  }
  const place = placeText(issue.place, lang);
  if (place) return el('strong', place);
  if (issue.issue?.rule === 'rule.more') return undefined;
  if (issue.issue?.path) return el('code', issue.issue.path);
  return el('strong', t(issue.key?.startsWith('append.') ? 'oldFeedPlace' : 'wholeFile'));
}

function problemList(issues: ConvertIssue[], className: string): HTMLOListElement {
  const list = el('ol', undefined, className);
  for (const issue of issues) {
    const item = el('li');
    const where = whereOf(issue);
    if (where) item.append(where, ': ');
    item.append(ruleText(issue, lang));
    list.append(item);
  }
  return list;
}

function renderProblems(): void {
  const { errors, warnings, fields, feed } = outcome;
  const blocks: HTMLElement[] = [];
  if (!read || reading) {
    checkStatus.textContent = reading ? '' : t('checkNone');
  } else if ('readerFailed' in read) {
    checkStatus.textContent = t('readerFailed');
  } else if (errors.length) {
    const count = issueCount(errors);
    checkStatus.textContent = count === 1 ? t('checkError') : t('checkErrors', { errors: n(count) });
  } else if (fields.length) {
    checkStatus.textContent = fields.length === 1 ? t('checkField') : t('checkFields', { errors: n(fields.length) });
  } else if (feed) {
    checkStatus.textContent = t('checkOk', { provinces: n((feed.provinces as unknown[]).length), metrics: n(((feed.metrics as unknown[]) ?? []).length) });
  }
  if (errors.length || fields.length) {
    blocks.push(el('h3', t('errorsHeading')));
    const list = problemList(errors, 'errors');
    for (const f of fields) {
      const d = DETAILS.find((x) => x.id === f.id)!;
      const item = el('li');
      item.append(whereOf({ place: { option: d.option } })!, ': ', f.text);
      list.append(item);
    }
    blocks.push(list);
  }
  if (warnings.length) blocks.push(el('h3', t('warningsHeading')), problemList(warnings, 'warnings'));
  problems.replaceChildren(...blocks);
}

// ---------------------------------------------------------------- step 6: the preview

function loadLibrary(): Promise<Tiendo> {
  lib ??= (import(/* @vite-ignore */ libUrl) as Promise<Tiendo>).catch((e: unknown) => {
    lib = undefined;
    throw e;
  });
  return lib;
}

function fillSelect(select: HTMLSelectElement, choices: [string, string][]): void {
  const before = select.value;
  select.replaceChildren(
    ...choices.map(([value, label]) => {
      const o = el('option', label);
      o.value = value;
      return o;
    }),
  );
  if (choices.some(([value]) => value === before)) select.value = before;
}

/** A widget fed by the feed's text in an inline JSON script, made with DOM APIs (no markup is parsed). */
function widget(tag: string, text: string, attributes: Record<string, string | undefined>): HTMLElement {
  const w = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) w.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  w.append(script);
  return w;
}

/** The attributes that follow the preview's two choices. */
function previewAttributes(tag: string): Record<string, string | undefined> {
  const metric = previewMetric.value || undefined;
  const common = { lang, group: GROUP };
  if (tag === 'tiendo-progress') return { ...common, province: previewProvince.value };
  if (tag === 'tiendo-province-table') return { ...common, columns: metric ? `rank,name,${metric}` : undefined };
  return { ...common, metric };
}

async function renderPreview(mine: number): Promise<void> {
  const feed = outcome.feed;
  if (!feed) {
    preview.replaceChildren();
    previewControls.hidden = true;
    previewStatus.textContent = t('previewNone');
    return;
  }
  previewStatus.textContent = t('previewLoading');
  let tiendo: Tiendo;
  try {
    tiendo = await loadLibrary();
  } catch {
    if (mine === generation) previewStatus.textContent = t('libFailed');
    return;
  }
  if (mine !== generation) return;
  const provinces = feed.provinces as Json[];
  const metrics = (feed.metrics as Json[] | undefined) ?? [];
  const hasModels = provinces.some((p) => p.models);
  fillSelect(
    previewProvince,
    provinces.map((p) => [String(p.id), String(p.name)]),
  );
  fillSelect(previewMetric, [
    ...(hasModels ? ([['', t('metricModels')]] as [string, string][]) : []),
    ...metrics.map((m): [string, string] => [String(m.id), String(m.name)]),
  ]);
  previewControls.hidden = false;
  previewStatus.textContent = '';
  const text = JSON.stringify(feed);
  preview.replaceChildren(
    ...WIDGETS.map(({ tag, key }) => {
      const box = el('section', undefined, 'widget-box');
      const heading = el('h3', t(key));
      heading.id = `preview-${tag}`;
      box.setAttribute('aria-labelledby', heading.id);
      box.append(heading);
      if (tag === 'tiendo-progress' && !hasModels) return box;
      box.append(tiendo.WIDGET_TAGS.includes(tag) ? widget(tag, text, previewAttributes(tag)) : el('p', t('noWidget', { tag }), 'hint'));
      return box;
    }).filter((box) => box.childElementCount > 1),
  );
}

/** The two choices change the widgets' attributes; the widgets redraw themselves. */
function followChoices(): void {
  for (const { tag } of WIDGETS) {
    const w = preview.querySelector(tag);
    if (!w) continue;
    for (const [name, value] of Object.entries(previewAttributes(tag))) {
      if (name === 'group') continue;
      if (value) w.setAttribute(name, value);
      else w.removeAttribute(name);
    }
  }
}

// ---------------------------------------------------------------- step 7: the download

function renderDownload(): void {
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = undefined;
  const feed = outcome.feed;
  const out = feed ? feedText(feed, prettyBox.checked) : undefined;
  if (!feed || !out) {
    download.hidden = true;
    download.removeAttribute('href');
    downloadStatus.textContent = t('downloadNone');
    return;
  }
  if ('tooBig' in out) {
    download.hidden = true;
    download.removeAttribute('href');
    downloadStatus.textContent = convertMsg(lang, 'output.tooBig', {
      rows: n(outcome.result?.rows.length ?? 0),
      size: n(megabytes(out.tooBig.bytes)),
      max: n(out.tooBig.max / 1024 / 1024),
    });
    return;
  }
  objectUrl = URL.createObjectURL(new Blob([out.text], { type: 'application/json' }));
  download.href = objectUrl;
  download.hidden = false;
  const metrics = ((feed.metrics as unknown[] | undefined) ?? []).length;
  downloadStatus.textContent = t('downloadReady', {
    size: formatNumber(Math.max(0.1, Math.ceil(out.bytes / 102.4) / 10), lang, 1),
    provinces: n((feed.provinces as unknown[]).length),
    metrics: n(metrics),
  });
}

// ---------------------------------------------------------------- events

/** A drop zone: the file input inside it stays the keyboard's way in; a dropped file goes where the input's would. */
function dropZone(zone: HTMLElement, open: (file: File) => void): void {
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  zone.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget as Node | null)) zone.classList.remove('over');
  });
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    e.stopPropagation();
    open(file);
  });
}

dropZone(drop, (file) => void openSpreadsheet(file));
dropZone(dropOld, (file) => void openOldFeed(file));
// A file dropped beside the zones is not opened by the browser in place of the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openSpreadsheet(file);
});
oldInput.addEventListener('change', () => {
  const file = oldInput.files?.[0];
  if (file) void openOldFeed(file);
});
oldRemove.addEventListener('click', () => {
  old = undefined;
  oldInput.value = '';
  void update();
  oldInput.focus();
});
sheetSelect.addEventListener('change', () => void chooseSheet());
localeSelect.addEventListener('change', () => void update());
details.addEventListener('change', () => void update());
details.addEventListener('submit', (e) => {
  e.preventDefault();
  void update();
});
prettyBox.addEventListener('change', () => renderDownload());
previewProvince.addEventListener('change', followChoices);
previewMetric.addEventListener('change', followChoices);
// A map tile or a table row chosen in the preview chooses the progress bar's province too.
preview.addEventListener('tiendo-select', (e) => {
  const province = (e as CustomEvent<{ province?: string }>).detail?.province;
  if (province && [...previewProvince.options].some((o) => o.value === province)) previewProvince.value = province;
});
switchLang.addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  translatePage();
  void update();
});

translatePage();
void update();
