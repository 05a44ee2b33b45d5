/// <reference types="node" />
/**
 * `tiendo`, the command-line tool for data officers (SPEC.md): `validate` checks
 * a feed file or URL with the library's validator and says where each problem
 * is; `from-csv` builds a feed from a spreadsheet's CSV export. Bundled for
 * Node 20 by scripts/build-cli.mjs into dist/cli/tiendo.mjs, run by bin/tiendo.mjs.
 *
 * Exit codes: 0 valid, 1 invalid or unreadable data, 2 a wrong command line.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import process from 'node:process';
import { MAX_FEED_BYTES } from '../feed/types.js';
import { readBodyLimited } from '../feed/read-body.js';
import { issueText, safeHttpUrl, validateFeedText, type FeedIssue } from '../feed/validation.js';
import { loadMessages, msg, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';
import { cliMsg, type CliKey } from './cli-messages.js';
import { columnLetter, stripBom, type Separator } from './csv.js';
import { csvToFeed, type ConvertIssue, type ConvertOptions, type Place } from './from-csv.js';
import { mapJson, type TextPosition } from './json-position.js';
import type { NumberLocale } from './numbers.js';

export { csvToFeed, numberMode, slugify, headerKey, FIELD_HEADERS } from './from-csv.js';
export { parseCsv, detectSeparator, stripBom, columnLetter, CsvSyntaxError } from './csv.js';
export { readNumber, readPercent } from './numbers.js';
export { mapJson, pathSteps, lineIndex } from './json-position.js';
export { cliMsg, cliVi, cliEn } from './cli-messages.js';
// The library's validator and words, as bundled here: the tests check the schema against this very code.
export { validateFeed, validateFeedText, issueText } from '../feed/validation.js';
export { loadMessages, msg } from '../i18n/messages.js';

declare const __TIENDO_VERSION__: string;

/** Where the tool writes; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

type Command = 'validate' | 'from-csv';

/** Options each command takes; `true` = takes a value. */
const OPTIONS: Record<Command, Record<string, boolean>> = {
  validate: { '--timeout': true },
  'from-csv': {
    '--out': true,
    '--title': true,
    '--as-of': true,
    '--next-update': true,
    '--source-name': true,
    '--source-url': true,
    '--locale': true,
    '--separator': true,
  },
};
const COMMON: Record<string, boolean> = { '--lang': true, '--help': false, '--version': false };
const ALIASES: Record<string, string> = { '-h': '--help', '-o': '--out' };

class UsageError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

interface Parsed {
  options: Map<string, string>;
  positionals: string[];
}

/** `--name value`, `--name=value`, short aliases, `--` before names that start with a dash. */
function parseArgs(args: string[], allowed: Record<string, boolean>, command: string): Parsed {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[raw] ?? raw;
    if (!Object.hasOwn(allowed, name)) throw new UsageError('usage.option', { command, option: raw });
    if (!allowed[name]) {
      options.set(name, '');
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) value = args[++i];
    if (value === undefined) throw new UsageError('usage.value', { option: name });
    options.set(name, value);
  }
  return { options, positionals };
}

function choice<T extends string>(options: Map<string, string>, name: string, allowed: readonly T[]): T | undefined {
  const value = options.get(name);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('usage.choice', { option: name, allowed: allowed.join(' | '), value });
}

/** The language asked for by `--lang`, looked for before anything else so that usage errors speak it. */
function langOf(args: string[]): Lang | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--lang') return args[i + 1] === 'en' ? 'en' : args[i + 1] === 'vi' ? 'vi' : undefined;
    if (args[i].startsWith('--lang=')) {
      const v = args[i].slice(7);
      return v === 'en' || v === 'vi' ? v : undefined;
    }
  }
  return 'vi';
}

/** Runs the tool with `argv` (without `node` and the script) and resolves with the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  if (!lang) {
    const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    const value = argv[i].startsWith('--lang=') ? argv[i].slice(7) : (argv[i + 1] ?? '');
    io.stderr(`${cliMsg('vi', 'usage.choice', { option: '--lang', allowed: 'vi | en', value })}\n`);
    return 2;
  }
  const say = (text: string) => io.stdout(`${text}\n`);
  const complain = (text: string) => io.stderr(`${text}\n`);
  // The first word that is neither an option nor an option's value (`--lang en validate`) is the command.
  const words = positionalWords(argv);
  const commandWord = words[0]?.word;
  const wantsHelp = argv.some((a) => a === '--help' || a === '-h');

  if (argv.includes('--version') && !commandWord) {
    say(typeof __TIENDO_VERSION__ === 'string' ? __TIENDO_VERSION__ : 'dev');
    return 0;
  }
  if (commandWord === 'help') {
    const topic = words[1]?.word;
    if (topic === 'validate' || topic === 'from-csv') say(cliMsg(lang, `help.${topic}`));
    else say(cliMsg(lang, 'help.main'));
    return 0;
  }
  if (!commandWord) {
    if (wantsHelp) {
      say(cliMsg(lang, 'help.main'));
      return 0;
    }
    if (!argv.length) {
      complain(cliMsg(lang, 'help.main'));
      return 2;
    }
    complain(cliMsg(lang, 'usage.noCommand'));
    complain(cliMsg(lang, 'usage.helpMain'));
    return 2;
  }
  if (commandWord !== 'validate' && commandWord !== 'from-csv') {
    complain(cliMsg(lang, 'usage.command', { name: commandWord }));
    complain(cliMsg(lang, 'usage.helpMain'));
    return 2;
  }
  const command: Command = commandWord;
  if (wantsHelp) {
    say(cliMsg(lang, `help.${command}`));
    return 0;
  }
  try {
    const rest = argv.filter((_, i) => i !== words[0].index);
    const parsed = parseArgs(rest, { ...COMMON, ...OPTIONS[command] }, command);
    const [input, extra] = parsed.positionals;
    if (extra !== undefined) throw new UsageError('usage.extra', { arg: extra });
    if (input === undefined) throw new UsageError('usage.input', { what: cliMsg(lang, `usage.input.${command}`) });
    await loadMessages(lang, true);
    return command === 'validate'
      ? await validateCommand(input, parsed.options, lang, say)
      : await fromCsvCommand(input, parsed.options, lang, say, complain);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    complain(cliMsg(lang, e.key, e.params));
    complain(cliMsg(lang, 'usage.help', { command }));
    return 2;
  }
}

/** The words of the command line that are neither options nor option values. */
function positionalWords(argv: string[]): { word: string; index: number }[] {
  const words: { word: string; index: number }[] = [];
  const takesValue = new Set(
    [...Object.entries(COMMON), ...Object.values(OPTIONS).flatMap((o) => Object.entries(o))]
      .filter(([, v]) => v)
      .map(([k]) => k),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      words.push(...argv.slice(i + 1).map((word, k) => ({ word, index: i + 1 + k })));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const name = ALIASES[arg] ?? arg;
      if (!arg.includes('=') && takesValue.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) i++;
      continue;
    }
    words.push({ word: arg, index: i });
  }
  return words;
}

// ---------------------------------------------------------------- validate

type Outcome = { text: string } | { rule: MessageKey; params: MessageParams };

const decoder = () => new TextDecoder('utf-8', { fatal: true });

async function readFileText(file: string, lang: Lang, limit?: number): Promise<{ text: string } | { error: string } | { tooBig: true }> {
  try {
    const path = resolve(file);
    const info = await stat(path);
    if (limit !== undefined && info.size > limit) return { tooBig: true };
    const bytes = await readFile(path);
    try {
      return { text: stripBom(decoder().decode(bytes)) };
    } catch {
      return { error: 'utf8' };
    }
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'ENOENT') return { error: cliMsg(lang, 'input.notFound', { file }) };
    return { error: cliMsg(lang, 'input.read', { file, reason: err.code ?? err.message ?? String(e) }) };
  }
}

/** Fetches a feed: HTTP errors, the 5 MB limit (declared or counted) and the timeout become library messages. */
async function fetchFeed(url: string, seconds: number): Promise<Outcome> {
  const signal = AbortSignal.timeout(seconds * 1000);
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json, */*;q=0.5' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { rule: 'error.http', params: { url, status: String(res.status) } };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > MAX_FEED_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      return { rule: 'error.tooBig', params: { url } };
    }
    const bytes = res.body ? await readBodyLimited(res.body as ReadableStream<Uint8Array>, MAX_FEED_BYTES) : new Uint8Array();
    if (!bytes) return { rule: 'error.tooBig', params: { url } };
    try {
      return { text: stripBom(decoder().decode(bytes)) };
    } catch {
      return { rule: 'error.json', params: { url } };
    }
  } catch (e) {
    if (signal.aborted) return { rule: 'error.timeout', params: { url, seconds } };
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { rule: 'error.network', params: { url: cause ? `${url} (${cause})` : url } };
  }
}

/** "path (dòng L, cột C): rule", or without the parts that are unknown. */
function issueLine(path: string, where: string, text: string): string {
  if (path) return where ? `${path} (${where}): ${text}` : `${path}: ${text}`;
  return where ? `${where}: ${text}` : text;
}

async function validateCommand(
  target: string,
  options: Map<string, string>,
  lang: Lang,
  say: (text: string) => void,
): Promise<number> {
  const timeoutText = options.get('--timeout');
  const seconds = timeoutText === undefined ? 30 : Number(timeoutText);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new UsageError('usage.seconds', { option: '--timeout', value: timeoutText ?? '' });
  }
  let text: string;
  if (/^https?:\/\//i.test(target)) {
    const got = await fetchFeed(target, seconds);
    if ('rule' in got) {
      say(msg(lang, got.rule, got.params));
      say(cliMsg(lang, 'validate.invalid', { name: target, errors: 1 }));
      return 1;
    }
    text = got.text;
  } else if (/^[a-z][a-z\d+.-]*:\/\//i.test(target)) {
    throw new UsageError('usage.scheme', { url: target });
  } else {
    const got = await readFileText(target, lang, MAX_FEED_BYTES);
    if ('tooBig' in got || 'error' in got) {
      say(
        'tooBig' in got
          ? issueText({ path: '', rule: 'rule.tooBig' }, lang)
          : got.error === 'utf8'
            ? cliMsg(lang, 'input.utf8', { file: target })
            : got.error,
      );
      say(cliMsg(lang, 'validate.invalid', { name: target, errors: 1 }));
      return 1;
    }
    text = got.text;
  }

  const result = validateFeedText(text);
  const map = result.errors.length || result.warnings.length ? mapJson(text) : undefined;
  const line = (issue: FeedIssue) => {
    const pos: TextPosition | undefined = issue.rule === 'rule.json' ? map?.syntaxError : map?.find(issue.path);
    const where = pos ? cliMsg(lang, 'where.text', { line: pos.line, column: pos.column }) : '';
    return issueLine(issue.path, where, msg(lang, issue.rule, issue.params));
  };
  for (const issue of result.errors) say(line(issue));
  for (const issue of result.warnings) say(`${cliMsg(lang, 'validate.warning')}: ${line(issue)}`);
  if (result.feed) {
    say(
      cliMsg(lang, 'validate.valid', {
        name: target,
        provinces: result.feed.provinces.length,
        metrics: result.feed.metrics.length,
      }),
    );
    return 0;
  }
  const more = result.errors.find((e) => e.rule === 'rule.more');
  const count = result.errors.length - (more ? 1 : 0) + (more ? Number(more.params?.count ?? 0) : 0);
  say(cliMsg(lang, 'validate.invalid', { name: target, errors: count }));
  return 1;
}

// ---------------------------------------------------------------- from-csv

function placeText(place: Place | undefined, lang: Lang): string {
  if (!place) return '';
  if (place.option) return place.option;
  if (place.row === undefined) return '';
  if (place.column === undefined) return cliMsg(lang, 'where.row', { row: place.row });
  const letter = columnLetter(place.column);
  return place.header
    ? cliMsg(lang, 'where.cell', { row: place.row, letter, header: place.header })
    : cliMsg(lang, 'where.cellNoHeader', { row: place.row, letter });
}

/** One converter problem as a line: the validator's path and wording where it came from the validator. */
export function convertIssueText(issue: ConvertIssue, lang: Lang): string {
  const where = placeText(issue.place, lang);
  if (issue.issue) {
    const text = msg(lang, issue.issue.rule, issue.issue.params);
    if (issue.place?.option) return `${where}: ${text}`;
    return issueLine(issue.issue.path, where, text);
  }
  const text = cliMsg(lang, issue.key!, issue.params);
  return where ? `${where}: ${text}` : text;
}

async function fromCsvCommand(
  file: string,
  options: Map<string, string>,
  lang: Lang,
  say: (text: string) => void,
  complain: (text: string) => void,
): Promise<number> {
  const convert: ConvertOptions = {
    locale: choice<NumberLocale>(options, '--locale', ['vi', 'en']),
    separator: choice<Separator>(options, '--separator', [';', ',']),
    title: options.get('--title'),
    asOf: options.get('--as-of'),
    nextUpdate: options.get('--next-update'),
    sourceName: options.get('--source-name'),
    sourceUrl: options.get('--source-url'),
  };
  if (convert.sourceUrl !== undefined) {
    if (convert.sourceName === undefined) throw new UsageError('usage.sourceName');
    if (!safeHttpUrl(convert.sourceUrl)) throw new UsageError('usage.sourceUrl', { url: convert.sourceUrl });
  }
  const out = options.get('--out');
  if (out !== undefined && resolve(out) === resolve(file)) throw new UsageError('usage.outIsInput');

  const got = await readFileText(file, lang);
  if ('error' in got) {
    complain(got.error === 'utf8' ? cliMsg(lang, 'csv.utf8', { file }) : got.error);
    return 1;
  }
  if (!('text' in got)) return 1;
  const result = csvToFeed(got.text, convert);
  for (const issue of result.errors) complain(convertIssueText(issue, lang));
  for (const issue of result.warnings) complain(`${cliMsg(lang, 'validate.warning')}: ${convertIssueText(issue, lang)}`);
  if (!result.feed) {
    const more = result.errors.find((e) => e.issue?.rule === 'rule.more');
    const count = result.errors.length - (more ? 1 : 0) + Number(more?.issue?.params?.count ?? 0);
    complain(cliMsg(lang, 'csv.failed', { file, errors: count }));
    return 1;
  }
  const json = `${JSON.stringify(result.feed, null, 2)}\n`;
  const provinces = (result.feed.provinces as unknown[]).length;
  const metrics = ((result.feed.metrics as unknown[] | undefined) ?? []).length;
  if (out !== undefined) {
    try {
      await writeFile(resolve(out), json, 'utf8');
    } catch (e) {
      const err = e as { code?: string; message?: string };
      complain(cliMsg(lang, 'output.write', { file: out, reason: err.code ?? err.message ?? String(e) }));
      return 1;
    }
    say(cliMsg(lang, 'csv.written', { file: out, provinces, metrics }));
  } else {
    say(json.trimEnd());
  }
  if (convert.asOf === undefined) complain(cliMsg(lang, 'csv.asOfHint'));
  return 0;
}
