/**
 * `tiendo validate <file|url>`: the library's validator on a feed, every
 * problem with its JSON path (and, for a text, line and column), then the
 * warnings (a key written twice, a link dropped, a `modelStatus` that disagrees
 * with `models`…, then the provinces as src/places/recognise.ts finds them: a
 * missing code and the official one, a code that names another unit than the
 * name or no unit of the feed's list), then a verdict. Exit 0 valid (warnings
 * or not), 1 invalid or unreadable.
 */
import { TIMEOUT_MAX, TIMEOUT_MIN } from '../feed/loader.js';
import { MAX_FEED_BYTES, type Feed } from '../feed/types.js';
import { issueText, validateFeedText, type FeedIssue } from '../feed/validation.js';
import { msg, type Lang } from '../i18n/messages.js';
import { UsageError } from './args.js';
import { cliMsg } from './cli-messages.js';
import { fetchFeed, readFileLimited, utf8 } from './files.js';
import { mapJson, type TextPosition } from './json-position.js';
import { issueCount } from '../convert/issues.js';
import { convertMsg } from '../convert/messages.js';
import type { PlaceRef } from '../places/provinces.js';
import { recognisePlaces, type PlaceFinding } from '../places/recognise.js';

/** How the command speaks: results on `say` (standard output), notes on `note` (standard error). */
export interface Voice {
  lang: Lang;
  say(text: string): void;
  note(text: string): void;
}

/** "path (dòng L, cột C): rule", or without the parts that are unknown. */
function issueLine(path: string, where: string, text: string): string {
  if (path) return where ? `${path} (${where}): ${text}` : `${path}: ${text}`;
  return where ? `${where}: ${text}` : text;
}

/** The feed's provinces that can be recognised (code and name, where given, are text; the rest is the validator's business), with their index. */
function feedPlaces(json: unknown): { asOf?: string; places: { index: number; ref: PlaceRef }[] } {
  const feed = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const places: { index: number; ref: PlaceRef }[] = [];
  if (Array.isArray(feed.provinces)) {
    feed.provinces.forEach((province: unknown, index) => {
      if (province === null || typeof province !== 'object') return;
      const { code, name } = province as Record<string, unknown>;
      if ((code !== undefined && typeof code !== 'string') || (name !== undefined && typeof name !== 'string')) return;
      places.push({ index, ref: { code, name } });
    });
  }
  return { asOf: typeof feed.asOf === 'string' ? feed.asOf : undefined, places };
}

/** What a finding about `provinces[index]` says, and the path it is reported at (the code, or the province where its code belongs). */
function placeWarning(finding: PlaceFinding, index: number, lang: Lang): { path: string; text: string } {
  const at = `provinces[${index}]`;
  switch (finding.kind) {
    case 'missingCode':
      return { path: at, text: convertMsg(lang, 'place.missingCode', { unit: finding.unit.name, code: finding.unit.code }) };
    case 'mismatch':
      return { path: `${at}.code`, text: convertMsg(lang, 'place.mismatch', { code: finding.code, unit: finding.unit.name, name: finding.name }) };
    case 'unknownCode': {
      const { code, era, elsewhere, named } = finding;
      // A code of the 63 in a feed of the 34 (every present code is an old code too, so only this way round).
      if (era === '2025' && elsewhere) {
        const params = { code, unit: elsewhere.unit.name, name: finding.name ?? '', named: named?.name ?? '', official: named?.code ?? '' };
        const key = !named ? 'place.oldCode' : elsewhere.sameName ? 'place.oldCode.renumbered' : 'place.oldCode.named';
        return { path: `${at}.code`, text: convertMsg(lang, key, params) };
      }
      return { path: `${at}.code`, text: convertMsg(lang, era ? `place.unknownCode.${era}` : 'place.unknownCode', { code }) };
    }
  }
}

/** The parsed feed, for recognising the provinces of a feed that is not valid (undefined when the text is not JSON). */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** `--timeout` in seconds, brought within the library's bounds (1 to 120, as the widgets' `timeout`), with a note. */
export function timeoutSeconds(options: Map<string, string>, voice: Voice): number {
  const text = options.get('--timeout');
  if (text === undefined) return 30;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError('usage.seconds', { option: '--timeout', value: text });
  const clamped = Math.min(TIMEOUT_MAX, Math.max(TIMEOUT_MIN, seconds));
  if (clamped !== seconds) {
    voice.note(cliMsg(voice.lang, 'usage.clamped', { option: '--timeout', value: text, seconds: clamped, min: TIMEOUT_MIN, max: TIMEOUT_MAX }));
  }
  return clamped;
}

/** A feed's text, from a file or an http(s) address; or the one line that says why it could not be read. */
export async function readFeedText(target: string, seconds: number, lang: Lang): Promise<{ text: string } | { refused: string }> {
  if (/^https?:\/\//i.test(target)) {
    const got = await fetchFeed(target, seconds);
    return 'rule' in got ? { refused: msg(lang, got.rule, got.params) } : got;
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) throw new UsageError('usage.scheme', { url: target });
  const got = await readFileLimited(target, MAX_FEED_BYTES);
  if ('notFound' in got) return { refused: cliMsg(lang, 'input.notFound', { file: target }) };
  if ('tooBig' in got) return { refused: issueText({ path: '', rule: 'rule.tooBig' }, lang) };
  if ('reason' in got) return { refused: cliMsg(lang, 'input.read', { file: target, reason: got.reason }) };
  const decoded = utf8(got.bytes);
  return decoded === undefined ? { refused: cliMsg(lang, 'input.utf8', { file: target }) } : { text: decoded };
}

/**
 * Reads and checks a feed as `tiendo validate` does, every line on `out`: the problems, the
 * warnings, then the verdict (the verdict of a valid feed only when `verdict` is true). Resolves
 * with the valid feed, or undefined when it is not valid or could not be read.
 */
export async function checkFeed(
  target: string,
  seconds: number,
  lang: Lang,
  out: (line: string) => void,
  verdict = true,
): Promise<Feed | undefined> {
  const read = await readFeedText(target, seconds, lang);
  if ('refused' in read) {
    out(read.refused);
    out(cliMsg(lang, 'validate.invalid', { name: target, errors: 1 }));
    return undefined;
  }
  const { text } = read;
  const result = validateFeedText(text);
  const map = mapJson(text);
  const where = (pos: TextPosition | undefined) => (pos ? cliMsg(lang, 'where.text', { line: pos.line, column: pos.column }) : '');
  const line = (issue: FeedIssue) => {
    const pos = issue.rule === 'rule.json' ? map.syntaxError : map.find(issue.path);
    return issueLine(issue.path, where(pos), msg(lang, issue.rule, issue.params));
  };
  const warn = (text: string) => out(`${cliMsg(lang, 'validate.warning')}: ${text}`);
  for (const issue of result.errors) out(line(issue));
  for (const duplicate of map.duplicates) {
    for (const pos of duplicate.positions) {
      const text = cliMsg(lang, 'validate.duplicateKey', { key: duplicate.key, count: duplicate.positions.length + 1 });
      warn(issueLine(duplicate.path, where(pos), text));
    }
  }
  for (const issue of result.warnings) warn(line(issue));
  const feed = feedPlaces(result.feed ?? (result.errors.some((issue) => issue.rule === 'rule.json' || issue.rule === 'rule.tooBig') ? undefined : parsed(text)));
  const recognised = recognisePlaces(feed.places.map((place) => place.ref), feed.asOf);
  // A code is optional: a feed that gives none is read by names alone, and only a feed that gives
  // codes is told which one it lacks.
  const givesCodes = feed.places.some((place) => place.ref.code !== undefined);
  recognised.places.forEach((place, k) => {
    for (const finding of place.findings) {
      if (finding.kind === 'missingCode' && !givesCodes) continue;
      const { path, text: words } = placeWarning(finding, feed.places[k].index, lang);
      warn(issueLine(path, where(map.find(path)), words));
    }
  });
  if (result.feed) {
    if (verdict) out(cliMsg(lang, 'validate.valid', { name: target, provinces: result.feed.provinces.length, metrics: result.feed.metrics.length }));
    return result.feed;
  }
  out(cliMsg(lang, 'validate.invalid', { name: target, errors: issueCount(result.errors.map((issue) => ({ issue }))) }));
  return undefined;
}

export async function validateCommand(target: string, options: Map<string, string>, voice: Voice): Promise<number> {
  const feed = await checkFeed(target, timeoutSeconds(options, voice), voice.lang, voice.say);
  return feed ? 0 : 1;
}
