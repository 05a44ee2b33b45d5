/**
 * Bytes of a text export → text, the way Excel writes them, with only the
 * browser's `TextDecoder` (Node 20 has the same, with full ICU):
 * - UTF-8 with or without a byte order mark ("CSV UTF-8 (Comma delimited)");
 * - UTF-16 LE or BE with a byte order mark ("Unicode Text", tab-separated);
 * - Windows-1258, Vietnamese Windows' ANSI code page (plain "CSV (Comma delimited)"),
 *   taken when the bytes are not UTF-8. Its tones are combining marks, so the
 *   text is normalised to NFC ("Ti" + U+0309 + "nh" → "Tỉnh").
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte order mark. */
  bom: boolean;
}

/** Whether UTF-16 text without a BOM is likely: many NUL bytes, all on one side of each pair. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even === 0) return 'utf-16le';
  if (even > pairs * 0.3 && odd === 0) return 'utf-16be';
  return undefined;
}

/** Decodes a spreadsheet's text export; never throws on bad bytes (damage is looked for afterwards, see damage.ts). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decode = (encoding: TextEncodingName, from = 0, fatal = false) =>
    new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes.subarray(from)).normalize('NFC');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', 3), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', 2), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', 2), encoding: 'utf-16be', bom: true };
  const wide = utf16Without(bytes);
  if (wide) return { text: decode(wide), encoding: wide, bom: false };
  try {
    return { text: decode('utf-8', 0, true), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decode('windows-1258'), encoding: 'windows-1258', bom: false };
  }
}
