/**
 * The words of a change, shared by `<tiendo-kpi>` and `<tiendo-progress>` (SPEC "Time: progress is
 * a change"): what it is compared with ("so với kỳ trước", "so với 31/05/2024", read aloud "so với
 * ngày 31 tháng 5 năm 2024") and "Tăng/Giảm/Không đổi …".
 */
import { formatDate, formatDateSpoken } from './format.js';
import { msg, type Lang } from './messages.js';

/** What a change is compared with: the earlier point's date (`spoken`: in words), else the previous period. */
export function since(lang: Lang, asOf: string | undefined, spoken?: boolean): string {
  return asOf ? msg(lang, 'kpi.since', { date: (spoken ? formatDateSpoken : formatDate)(asOf, lang) }) : msg(lang, 'kpi.previous');
}

/** "Tăng 2 so với …" (`sign` > 0), "Giảm …" (< 0), "Không đổi …" (0); `size` is already written for the reader. */
export function changeWords(lang: Lang, sign: number, size: string, from: string): string {
  return msg(lang, sign > 0 ? 'kpi.change.up' : sign < 0 ? 'kpi.change.down' : 'kpi.change.same', { delta: size, since: from });
}

/** A sentence's later clause starts in lower case: "…; tăng 2 so với …". */
export function lower(text: string, lang: Lang): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}
