/**
 * Number, percentage and date formatting through `Intl`, for the two languages
 * tiendo speaks. Formatters are costly to build, so each is made once and kept.
 */
import type { Lang } from './messages.js';

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

/** A rate 0–1 as a percentage with a fixed number of decimals: 15,8% (one) or 99,66% (two). */
export function formatPercent(rate: number, lang: Lang, decimals = 1): string {
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(rate);
}

/** A rate that is a target or a round figure: 90% rather than 90,0%. */
export function formatPercentShort(rate: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
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

/**
 * The calendar day of an ISO 8601 date or date-time, as the publisher wrote it
 * (no time-zone shift): 04/10/2024 in Vietnamese, 4 Oct 2024 in English.
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const key = `d|${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALES[lang],
      lang === 'vi'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
    );
    cache.set(key, f);
  }
  return f.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** Today as an ISO date in the reader's time zone, for comparing with a feed's dates. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
