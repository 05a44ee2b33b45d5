/**
 * `tiendo from-csv <file>`: a spreadsheet (.xlsx or CSV) → a feed, through the
 * conversion core the data studio uses too (src/convert/). This file only does
 * what a command line adds: files in and out, options, and printing.
 */
import { resolve } from 'node:path';
import { safeHttpUrl } from '../feed/validation.js';
import { MAX_FEED_BYTES } from '../feed/types.js';
import { formatNumber } from '../i18n/format.js';
import { appendToFeed } from '../convert/append.js';
import { sheetToFeed, type ConvertOptions } from '../convert/convert.js';
import { MAX_INPUT_BYTES, readSheetBytes } from '../convert/input.js';
import { convertIssueText, issueCount, type ConvertIssue } from '../convert/issues.js';
import { convertMsg } from '../convert/messages.js';
import type { NumberLocale } from '../convert/numbers.js';
import { feedText, megabytes } from '../convert/output.js';
import type { Separator } from '../convert/csv.js';
import { UsageError, choice } from './args.js';
import { cliMsg } from './cli-messages.js';
import { readFileLimited, utf8, writeFileAtomic, type WriteData } from './files.js';
import type { Voice } from './validate.js';

const SEPARATORS: Readonly<Record<string, Separator>> = { ';': ';', ',': ',', tab: '\t', '\t': '\t' };

/** Reads an input file for the converter, or says why not (a file over its limit is not opened). */
async function readInput(file: string, limit: number, voice: Voice): Promise<Uint8Array | undefined> {
  const got = await readFileLimited(file, limit);
  if ('bytes' in got) return got.bytes;
  const { lang } = voice;
  if ('notFound' in got) voice.note(cliMsg(lang, 'input.notFound', { file }));
  else if ('tooBig' in got) {
    voice.note(convertMsg(lang, 'input.tooBig', { file, size: formatNumber(megabytes(got.tooBig), lang), max: formatNumber(limit / 1024 / 1024, lang) }));
  } else voice.note(cliMsg(lang, 'input.read', { file, reason: got.reason }));
  return undefined;
}

export async function fromCsvCommand(
  file: string,
  options: Map<string, string>,
  voice: Voice,
  write?: WriteData,
): Promise<number> {
  const { lang, say, note } = voice;
  const separator = choice(options, '--separator', [';', ',', 'tab', '\t']);
  const convert: ConvertOptions = {
    locale: choice<NumberLocale>(options, '--locale', ['vi', 'en']),
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
  const append = options.get('--append');
  if (out !== undefined && resolve(out) === resolve(file)) throw new UsageError('usage.outIsInput');

  const complain = (issues: ConvertIssue[], warnings: ConvertIssue[]) => {
    for (const issue of issues) note(convertIssueText(issue, lang));
    for (const issue of warnings) note(`${cliMsg(lang, 'validate.warning')}: ${convertIssueText(issue, lang)}`);
  };
  const failed = (count: number) => {
    note(cliMsg(lang, 'csv.failed', { file, errors: count }));
    return 1;
  };

  const bytes = await readInput(file, MAX_INPUT_BYTES, voice);
  if (!bytes) return 1;
  const sheet = await readSheetBytes(bytes, { separator: separator && SEPARATORS[separator], sheet: options.get('--sheet') });
  if ('key' in sheet) {
    complain([{ key: sheet.key, params: sheet.params, place: sheet.row === undefined ? undefined : { row: sheet.row } }], []);
    return failed(1);
  }
  const result = sheetToFeed(sheet, convert);
  let feed = result.feed;
  let warnings = result.warnings;
  if (!feed) {
    complain(result.errors, warnings);
    return failed(issueCount(result.errors));
  }

  let appended: ReturnType<typeof appendToFeed> | undefined;
  if (append !== undefined) {
    const old = await readInput(append, MAX_FEED_BYTES, voice);
    if (!old) return failed(1);
    const text = utf8(old);
    let json: unknown;
    try {
      json = text === undefined ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    appended = appendToFeed(json, result);
    warnings = [...warnings, ...appended.warnings];
    if (!appended.feed) {
      complain(appended.errors, warnings);
      return failed(issueCount(appended.errors));
    }
    feed = appended.feed;
  }

  complain([], warnings);
  const output = feedText(feed, options.has('--pretty'));
  if ('tooBig' in output) {
    note(convertMsg(lang, 'output.tooBig', {
      rows: result.rows.length,
      size: formatNumber(megabytes(output.tooBig.bytes), lang),
      max: formatNumber(output.tooBig.max / 1024 / 1024, lang),
    }));
    return failed(1);
  }
  const provinces = (feed.provinces as unknown[]).length;
  const metrics = ((feed.metrics as unknown[] | undefined) ?? []).length;
  if (out !== undefined) {
    try {
      await writeFileAtomic(out, output.text, write);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      note(cliMsg(lang, 'output.write', { file: out, reason: err.code ?? err.message ?? String(e) }));
      return 1;
    }
    say(cliMsg(lang, 'csv.written', { file: out, provinces, metrics }));
  } else {
    say(output.text.trimEnd());
  }
  if (appended) note(cliMsg(lang, 'csv.appended', { asOf: String(feed.asOf), ...appended.counts }));
  if (convert.asOf === undefined) note(cliMsg(lang, 'csv.asOfHint'));
  return 0;
}
