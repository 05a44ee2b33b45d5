/**
 * Number, percentage and date formatting through `Intl`, for the two languages
 * tiendo speaks. Formatters are costly to build, so each is made once and kept.
 */
import type { Lang } from './lang.js';

/** The same locales as src/tiendo.ts, which loads their data while the library downloads (issue 19). */
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** A count or measure: 201.884 in Vietnamese, 201,884 in English; up to two decimals (82,5). */
export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  return numberFormat(lang, { maximumFractionDigits: maxDecimals }).format(value);
}

/** A share near nothing or the whole, said in words for the ear: "dưới 0,1%", "hơn 99,9%". */
const NEAR: Record<Lang, [string, string]> = { vi: ['dưới ', 'hơn '], en: ['under ', 'over '] };

/**
 * A rate 0–1 as a percentage, `min` to `max` decimals, that never misleads (SPEC "Figures that never
 * mislead"): a share that is not nothing never shows as 0%, nor one short of the whole as 100%.
 * 1 of 1.000.000 is "< 0,1%", 1.999 of 2.000 "> 99,9%" (`spoken`: "dưới 0,1%", "hơn 99,9%").
 */
function percent(rate: number, lang: Lang, min: number, max: number, spoken?: boolean): string {
  const f = numberFormat(lang, { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max });
  const text = f.format(rate);
  const step = 10 ** -(max + 2);
  const near = (i: 0 | 1, x: number) => (spoken ? NEAR[lang][i] : '<>'[i] + '\u00a0') + f.format(x);
  return rate > 0 && text === f.format(0) ? near(0, step) : rate < 1 && text === f.format(1) ? near(1, 1 - step) : text;
}

/**
 * A rate 0–1 as a percentage with a fixed number of decimals: 15,8% (one) or 99,66% (two); never
 * 0% or 100% unless it is exactly that ("< 0,1%", "> 99,9%"). `spoken` writes the bounds in words
 * for a sentence read aloud.
 */
export function formatPercent(rate: number, lang: Lang, decimals = 1, spoken?: boolean): string {
  return percent(rate, lang, decimals, decimals, spoken);
}

/** A rate that is a target or a round figure: 90% rather than 90,0% (up to `max` decimals, never rounded to 0% or 100%). */
export function formatPercentShort(rate: number, lang: Lang, max = 2): string {
  return percent(rate, lang, 0, max);
}

/**
 * The fewest decimals from `d` up (at most 10) at which `f` writes `x` and `y` apart, so that a figure
 * just short of its target never reads as the target itself ("90,00% · chưa đạt"); `d` when they are equal.
 */
export function decimalsApart(x: number, y: number, d: number, f: (v: number, d: number) => string): number {
  while (x !== y && d < 10 && f(x, d) === f(y, d)) d++;
  return d;
}

/**
 * Feed text inside a plain sentence, isolated for direction (U+2068 … U+2069, the text form of `<bdi>`)
 * when it holds right-to-left letters or bidi controls: a stray U+202E in a name cannot reorder the
 * figures and dates after it. Other text is returned as it is.
 */
export function isolate(text: string): string {
  return /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufefe]/.test(text)
    ? `\u2068${text.replace(/[\u2066-\u2069]/g, '')}\u2069`
    : text;
}

/** Large numbers in words: "1,3 triệu", "1.3 million". */
export function formatCompact(value: number, lang: Lang): string {
  return numberFormat(lang, {
    notation: 'compact',
    compactDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar day of an ISO date as the publisher wrote it (no time-zone shift), for the screen or (`spoken`) the ear. */
function dateText(iso: string, lang: Lang, spoken?: boolean): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  if (spoken && lang === 'vi') return `ngày ${+m[3]} tháng ${+m[2]} năm ${m[1]}`;
  const key = `d|${lang}|${spoken}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'UTC',
      year: 'numeric',
      ...(spoken ? { day: 'numeric', month: 'long' } : lang === 'vi' ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'short' }),
    });
    cache.set(key, f);
  }
  return f.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/**
 * The calendar day of an ISO 8601 date or date-time, as the publisher wrote it
 * (no time-zone shift): 04/10/2024 in Vietnamese, 4 Oct 2024 in English.
 */
export function formatDate(iso: string, lang: Lang): string {
  return dateText(iso, lang);
}

/**
 * A date for the ear, as a sentence read aloud says it (SPEC, Elements): "ngày 31 tháng 5 năm 2024",
 * "31 May 2024"; the calendar day the publisher wrote, no time-zone shift.
 */
export function formatDateSpoken(iso: string, lang: Lang): string {
  return dateText(iso, lang, true);
}

/** The month of an ISO date, for a time axis: "1/2024" in Vietnamese, "Jan 2024" in English. */
export function formatMonth(iso: string, lang: Lang): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const key = `m|${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', year: 'numeric', month: lang === 'vi' ? 'numeric' : 'short' });
    cache.set(key, f);
  }
  return f.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
}

/** Today as an ISO date in the reader's time zone, for comparing with a feed's dates. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
