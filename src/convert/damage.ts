/**
 * Text that was damaged before it reached us, which no decoding can mend:
 * - U+FFFD, the replacement character a program wrote where it could not read a letter;
 * - `?` between letters ("Ngh? An" was "Nghệ An" saved in a code page without "ệ");
 * - UTF-8 read as Windows-1252 or -1258 and saved again ("Nghá»‡ An").
 *
 * The code page tables come from the platform's own `TextDecoder`, so nothing
 * here is a hand-written list of characters.
 */

export type Damage = 'replacement' | 'question' | 'doubleEncoded';

/** Characters of the Windows-1252 and -1258 upper halves → the byte each stands for. */
let bytesOf: Map<string, number> | undefined;

function codePageBytes(): Map<string, number> {
  if (bytesOf) return bytesOf;
  const map = new Map<string, number>();
  const upper = Uint8Array.from({ length: 128 }, (_, i) => 128 + i);
  for (const encoding of ['windows-1252', 'windows-1258']) {
    const text = new TextDecoder(encoding).decode(upper);
    [...text].forEach((c, i) => {
      if (c !== '\ufffd' && !map.has(c)) map.set(c, 128 + i);
    });
  }
  return (bytesOf = map);
}

/** A lead byte of a UTF-8 sequence (as a code page shows it) followed by one to three continuation bytes. */
const SUSPECT = /[\u00c2-\u00f4\u0102\u0103\u01a0\u01a1\u01af\u01b0][^\p{ASCII}]{1,3}/gu;
const LETTER_QUESTION_LETTER = /\p{L}\?+\p{L}/u;
const URL = /\bhttps?:\/\/\S*/giu;
/** A character outside printable ASCII, or a question mark: the only texts worth a closer look. */
const PLAIN_SUSPECT = /[^ -~]|\?/;

/** Whether `run` is the bytes of UTF-8 letters shown one byte per character. */
function isUtf8Shown(run: string): boolean {
  const map = codePageBytes();
  const bytes: number[] = [];
  for (const c of run) {
    const b = map.get(c) ?? (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : undefined);
    if (b === undefined) return false;
    bytes.push(b);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return /[^\p{ASCII}]/u.test(text);
  } catch {
    return false;
  }
}

/** A `?` beside a letter: in a place's name, a letter the code page lacked ("Ngh? An", "?à Nẵng", "Hu?"). */
const LETTER_QUESTION = /\p{L}\?|\?\p{L}/u;

/**
 * The kind of damage in one cell's text, if any. `name`: the cell is a place's name, which never
 * holds a question mark, so a `?` beside any letter is damage there, not only one between letters
 * (a question ends with one, "Hỏi? Đáp!", in other cells).
 */
export function damageOf(text: string, name = false): Damage | undefined {
  // Most cells are plain digits or ASCII words: nothing to look at.
  if (!PLAIN_SUSPECT.test(text)) return undefined;
  if (text.includes('\ufffd')) return 'replacement';
  const plain = text.includes('?') ? text.replace(URL, ' ') : text;
  if (plain.includes('?') && (name ? LETTER_QUESTION : LETTER_QUESTION_LETTER).test(plain)) return 'question';
  // NFD first: a code page's "á" may arrive as "a" + U+0301.
  const composed = text.normalize('NFC');
  for (const m of composed.matchAll(SUSPECT)) {
    for (let len = m[0].length; len >= 2; len--) if (isUtf8Shown(m[0].slice(0, len))) return 'doubleEncoded';
  }
  return undefined;
}
