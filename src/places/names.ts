/**
 * Place names compared the way a reader types them: without diacritics, case
 * or the administrative prefix. Pure functions, no data; safe to import from
 * the core, the widgets' chunks and the command-line tool alike.
 */

/** Combining marks left by NFD (Vietnamese tones and the breve, circumflex and horn). */
const MARKS = /[\u0300-\u036f]/g;

/**
 * A leading administrative word, as written before folding: "Tỉnh", "Thành phố",
 * "TP." / "TP". Matched with its diacritics so that a name that merely starts
 * with similar letters ("Tịnh Biên") keeps them.
 */
const PREFIX = /^(?:tỉnh|thành phố|tp)(?:\s+|\.\s*)/;

/** Lower case, no diacritics, `đ` → `d`, any run of other characters one space. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A comparison key for a place name: no diacritics, no case, `đ` → `d`, spaces
 * and punctuation collapsed to one space, and a leading "Tỉnh", "Thành phố" or
 * "TP." dropped. "Tỉnh Nghệ An", "nghe an" and "NGHỆ  AN" all fold to
 * "nghe an"; "TP. Hồ Chí Minh" and "Thành phố Hồ Chí Minh" to "ho chi minh";
 * "Bà Rịa - Vũng Tàu" to "ba ria vung tau"; "Hoà Bình" and "Hòa Bình" agree.
 *
 * The prefix is recognised as written (with its diacritics, any case);
 * "thanh pho" and "tp" also in plain letters ("thanh pho hue"), but not
 * "tinh", which is also how "Tịnh Biên" folds.
 */
export function foldName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const unprefixed = trimmed.toLowerCase().replace(PREFIX, '');
  const folded = plain(unprefixed);
  // Typed without diacritics: "thanh pho ho chi minh", "tp hcm".
  return folded.replace(/^(?:thanh pho|tp) (?=\S)/, '');
}

/**
 * An id slug from a name, the same rule the CSV converter has always used:
 * diacritics dropped, `đ` → `d`, lower case, every run of other characters one
 * hyphen, none at the ends ("Nghệ An" → "nghe-an", "Bà Rịa - Vũng Tàu" →
 * "ba-ria-vung-tau"). It keeps the administrative prefix
 * ("Thành phố Hồ Chí Minh" → "thanh-pho-ho-chi-minh"), so feeds made from a
 * spreadsheet keep the ids they already have; the library's own units carry
 * shorter ids without it (see `unitId`).
 */
export function slugify(name: string): string {
  return plain(name.normalize('NFC')).replace(/ /g, '-');
}

/**
 * The id slug of an administrative unit's name: `slugify` without the leading
 * "Tỉnh" / "Thành phố" ("Thành phố Hồ Chí Minh" → "ho-chi-minh",
 * "Thừa Thiên Huế" → "thua-thien-hue").
 */
export function unitId(name: string): string {
  return foldName(name).replace(/ /g, '-');
}
