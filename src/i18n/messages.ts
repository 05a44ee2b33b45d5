/**
 * Every string a reader, editor or data officer sees, in Vietnamese and English.
 * Placeholders `{name}` are filled with values the caller has already formatted
 * for the language (see format.ts), so word order stays the translator's.
 */

import { formatNumber } from './format.js';
import type { RuleKey } from './rule-messages.js';
import { LazyChunk } from '../base/lazy-chunk.js';

import type { Lang } from './lang.js';

export { toLang, type Lang } from './lang.js';

const vi = {

  // Widget states.
  'state.loading': 'Đang tải số liệu…',
  'state.error': 'Chưa hiển thị được số liệu. Vui lòng quay lại sau.',
  'state.empty': 'Chưa có số liệu để hiển thị.',
  'state.stale': 'Chưa cập nhật được số liệu mới; đang hiển thị số liệu lần trước.',
  'state.overdue': 'Số liệu có thể đã cũ: kỳ cập nhật dự kiến ngày {date} đã qua.',
  'footer.source': 'Nguồn:',
  'footer.asOf': 'Số liệu tính đến ngày {date}',

  'area.national': 'Toàn quốc',

  // Pilot models.
  'status.completed': 'Hoàn thành',
  'status.in-progress': 'Đang triển khai',
  'status.not-started': 'Chưa triển khai',
  'progress.label': 'Mô hình điểm',
  'progress.completedOf': '{completed}/{total} mô hình hoàn thành',
  'progress.total': '{total} mô hình điểm',
  'progress.sentence': '{name} đã hoàn thành {completed} trên {total} mô hình điểm ({percent})',
  'progress.sentence.none': '{name} chưa hoàn thành mô hình điểm nào trong số {total}',
  'progress.none': 'Chưa hoàn thành mô hình nào',
  'progress.sentence.inProgress': '{count} mô hình đang triển khai',
  'progress.sentence.notStarted': '{count} chưa triển khai',
  'progress.more': '+{count} mô hình hoàn thành {since}',
  'progress.fewer': 'Ít hơn {count} mô hình hoàn thành {since}',
  'progress.same': 'Mô hình hoàn thành: không đổi {since}',

  // Key figures.
  'kpi.change.up': 'Tăng {delta} {since}',
  'kpi.change.down': 'Giảm {delta} {since}',
  'kpi.change.same': 'Không đổi {since}',
  'kpi.previous': 'so với kỳ trước',
  'kpi.since': 'so với {date}',
  'kpi.of': '{value} trên {total}',
  'kpi.better': 'chiều hướng tốt',
  'kpi.worse': 'chiều hướng xấu',
  'kpi.points': '{value} điểm phần trăm',
  'kpi.target': 'Mục tiêu {target}',
  'kpi.target.met': 'đã đạt',
  'kpi.target.notMet': 'chưa đạt',
  'kpi.sentence': '{name}: {label} đạt {figure}',
  'kpi.sentence.merged': '{name}: {figure}',
  'kpi.sentence.rate': ', tỷ lệ {rate}',
  'kpi.sentence.noArea': '{label} đạt {figure}',
  'kpi.sentence.target': 'mục tiêu {target} ({status})',

  // Model list.
  'models.unknown': 'Mô hình {id}',
} as const;

export type WidgetKey = keyof typeof vi;
export type MessageKey = WidgetKey | RuleKey;

/**
 * The words loaded so far. Vietnamese widget text ships in the core; English
 * and the validator's rules are chunks fetched the first time a page needs
 * them, so a Vietnamese page with valid feeds downloads neither.
 */
const loaded: Record<Lang, Partial<Record<MessageKey, string>>> = { vi: { ...vi }, en: {} };
const english = new LazyChunk('messages-en', () => import('./messages-en.js'));
const rules = new LazyChunk('rule-messages', () => import('./rule-messages.js'));
let haveEnglish = false;
let haveRules = false;

/** Whether `msg` can speak `lang` now, including the rules when `withRules`. */
export function messagesReady(lang: Lang, withRules = false): boolean {
  return (lang === 'vi' || haveEnglish) && (!withRules || haveRules);
}

/** Loads what `messagesReady` says is missing; rejects when a chunk did not arrive (the next call asks again). */
export function loadMessages(lang: Lang, withRules = false): Promise<unknown> {
  return Promise.all([
    lang === 'en' &&
      !haveEnglish &&
      english.load().then((m) => {
        // Every key has its English (checked here, so the English file imports nothing back).
        const english: Record<WidgetKey, string> = m.en;
        Object.assign(loaded.en, english);
        haveEnglish = true;
      }),
    withRules &&
      !haveRules &&
      rules.load().then((m) => {
        Object.assign(loaded.vi, m.ruleVi);
        Object.assign(loaded.en, m.ruleEn);
        haveRules = true;
      }),
  ]);
}

export type MessageParams = Record<string, string | number>;

/**
 * A lazily fetched widget's own words (vi and en), added when its code arrives, so the
 * core carries only the words of the widgets it draws itself. Returns the widget's `msg`.
 */
export function addWords<K extends string>(
  words: { vi: Record<K, string>; en: Record<K, string> },
): (lang: Lang, key: K | MessageKey, params?: MessageParams) => string {
  Object.assign(loaded.vi, words.vi);
  Object.assign(loaded.en, words.en);
  return msg as (lang: Lang, key: K | MessageKey, params?: MessageParams) => string;
}

/**
 * The message `key` in `lang`, with `{placeholders}` filled from `params`;
 * numbers are written the reader's way (0,3 giây; 1.038).
 */
export function msg(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const text = loaded[lang][key] ?? loaded.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}
