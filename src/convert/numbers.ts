/**
 * Numbers as spreadsheets write them. Vietnamese: `.` between thousands, `,`
 * before decimals (`50.579`, `0,93`, `1.234,5`). English: the other way round
 * (`50,579`, `0.93`, `1,234.5`). Thousands groups are exactly three digits after
 * a first group of one to three that does not start with 0; no spaces, no
 * exponent. A rate cell may end in `%` (`93%`, `99,66%`).
 */

export type NumberLocale = 'vi' | 'en';

const PATTERN: Record<NumberLocale, RegExp> = {
  vi: /^[+-]?(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,\d+)?$/,
  en: /^[+-]?(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/,
};

const WHOLE = /^[+-]?\d+$/;

/** The number `text` (trimmed) stands for in `locale`, or undefined when it is not one there. */
export function readNumber(text: string, locale: NumberLocale): number | undefined {
  if (WHOLE.test(text)) return Number(text);
  if (!PATTERN[locale].test(text)) return undefined;
  const plain = locale === 'vi' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  return Number(plain);
}

/** The same reading of a percentage: `99,66` → 0.9966 (the decimal point moved, not a division). */
export function readPercent(text: string, locale: NumberLocale): number | undefined {
  if (!PATTERN[locale].test(text)) return undefined;
  const plain = locale === 'vi' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  return Number(`${plain}e-2`);
}

/** A number written plainly for a message in `lang`: 1234 and 1,234 in Vietnamese, 1234 and 1.234 in English. */
export function plainNumber(value: number, lang: NumberLocale): string {
  const text = String(value);
  return lang === 'vi' ? text.replace('.', ',') : text;
}
