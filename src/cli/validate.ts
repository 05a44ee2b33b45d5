/**
 * `tiendo validate <file|url>`: the library's validator on a feed, every
 * problem with its JSON path (and, for a text, line and column), then the
 * warnings (a key written twice, a link dropped, a `modelStatus` that disagrees
 * with `models`…), then a verdict. Exit 0 valid (warnings or not), 1 invalid or
 * unreadable.
 */
import { TIMEOUT_MAX, TIMEOUT_MIN } from '../feed/loader.js';
import { MAX_FEED_BYTES } from '../feed/types.js';
import { issueText, validateFeedText, type FeedIssue } from '../feed/validation.js';
import { msg, type Lang } from '../i18n/messages.js';
import { UsageError } from './args.js';
import { cliMsg } from './cli-messages.js';
import { fetchFeed, readFileLimited, utf8 } from './files.js';
import { mapJson, type TextPosition } from './json-position.js';
import { issueCount } from '../convert/issues.js';

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

export async function validateCommand(target: string, options: Map<string, string>, voice: Voice): Promise<number> {
  const { lang, say } = voice;
  const seconds = timeoutSeconds(options, voice);
  const refuse = (line: string) => {
    say(line);
    say(cliMsg(lang, 'validate.invalid', { name: target, errors: 1 }));
    return 1;
  };
  let text: string;
  if (/^https?:\/\//i.test(target)) {
    const got = await fetchFeed(target, seconds);
    if ('rule' in got) return refuse(msg(lang, got.rule, got.params));
    text = got.text;
  } else if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) {
    throw new UsageError('usage.scheme', { url: target });
  } else {
    const got = await readFileLimited(target, MAX_FEED_BYTES);
    if ('notFound' in got) return refuse(cliMsg(lang, 'input.notFound', { file: target }));
    if ('tooBig' in got) return refuse(issueText({ path: '', rule: 'rule.tooBig' }, lang));
    if ('reason' in got) return refuse(cliMsg(lang, 'input.read', { file: target, reason: got.reason }));
    const decoded = utf8(got.bytes);
    if (decoded === undefined) return refuse(cliMsg(lang, 'input.utf8', { file: target }));
    text = decoded;
  }

  const result = validateFeedText(text);
  const map = mapJson(text);
  const where = (pos: TextPosition | undefined) => (pos ? cliMsg(lang, 'where.text', { line: pos.line, column: pos.column }) : '');
  const line = (issue: FeedIssue) => {
    const pos = issue.rule === 'rule.json' ? map.syntaxError : map.find(issue.path);
    return issueLine(issue.path, where(pos), msg(lang, issue.rule, issue.params));
  };
  const warn = (text: string) => say(`${cliMsg(lang, 'validate.warning')}: ${text}`);
  for (const issue of result.errors) say(line(issue));
  for (const duplicate of map.duplicates) {
    for (const pos of duplicate.positions) {
      const text = cliMsg(lang, 'validate.duplicateKey', { key: duplicate.key, count: duplicate.positions.length + 1 });
      warn(issueLine(duplicate.path, where(pos), text));
    }
  }
  for (const issue of result.warnings) warn(line(issue));
  if (result.feed) {
    say(cliMsg(lang, 'validate.valid', { name: target, provinces: result.feed.provinces.length, metrics: result.feed.metrics.length }));
    return 0;
  }
  say(cliMsg(lang, 'validate.invalid', { name: target, errors: issueCount(result.errors.map((issue) => ({ issue }))) }));
  return 1;
}
