/// <reference types="node" />
/**
 * `tiendo`, the command-line tool for data officers (SPEC.md): reads the
 * command line and hands over to the command (validate.ts, from-csv.ts, snippet.ts).
 * Bundled for Node 20 by scripts/build-cli.mjs into dist/cli/tiendo.mjs, run by
 * bin/tiendo.mjs.
 *
 * Exit codes: 0 valid, 1 invalid or unreadable data, 2 a wrong command line.
 */
import process from 'node:process';
import { loadMessages } from '../i18n/messages.js';
import { COMMANDS, UsageError, langOf, langValue, parseArgs, positionalWords, type Command } from './args.js';
import { cliMsg } from './cli-messages.js';
import type { WriteData } from './files.js';
import { fromCsvCommand } from './from-csv.js';
import { snippetCommand } from './snippet.js';
import { validateCommand, type Voice } from './validate.js';

declare const __TIENDO_VERSION__: string;

/** Where the tool writes; tests pass their own (and, to simulate a failed write, `writeData`). */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  writeData?: WriteData;
}

const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Runs the tool with `argv` (without `node` and the script) and resolves with the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  if (!lang) {
    io.stderr(`${cliMsg('vi', 'usage.choice', { option: '--lang', allowed: 'vi | en', value: langValue(argv) })}\n`);
    return 2;
  }
  const voice: Voice = { lang, say: (text) => io.stdout(`${text}\n`), note: (text) => io.stderr(`${text}\n`) };
  const words = positionalWords(argv);
  const commandWord = words[0]?.word;
  const wantsHelp = argv.some((a) => a === '--help' || a === '-h');

  if (argv.includes('--version') && !commandWord) {
    voice.say(typeof __TIENDO_VERSION__ === 'string' ? __TIENDO_VERSION__ : 'dev');
    return 0;
  }
  if (commandWord === 'help') {
    const topic = words[1]?.word;
    voice.say(cliMsg(lang, (COMMANDS as readonly string[]).includes(topic ?? '') ? `help.${topic as Command}` : 'help.main'));
    return 0;
  }
  if (!commandWord) {
    if (wantsHelp) {
      voice.say(cliMsg(lang, 'help.main'));
      return 0;
    }
    if (!argv.length) {
      voice.note(cliMsg(lang, 'help.main'));
      return 2;
    }
    voice.note(cliMsg(lang, 'usage.noCommand'));
    voice.note(cliMsg(lang, 'usage.helpMain'));
    return 2;
  }
  if (!(COMMANDS as readonly string[]).includes(commandWord)) {
    voice.note(cliMsg(lang, 'usage.command', { name: commandWord }));
    voice.note(cliMsg(lang, 'usage.helpMain'));
    return 2;
  }
  const command = commandWord as Command;
  if (wantsHelp) {
    voice.say(cliMsg(lang, `help.${command}`));
    return 0;
  }
  try {
    const parsed = parseArgs(argv.filter((_, i) => i !== words[0].index), command);
    const [input, extra] = parsed.positionals;
    if (extra !== undefined) throw new UsageError('usage.extra', { arg: extra });
    if (input === undefined) throw new UsageError('usage.input', { what: cliMsg(lang, `usage.input.${command}`) });
    await loadMessages(lang, true);
    if (command === 'snippet') return await snippetCommand(input, parsed.options, voice);
    return command === 'validate'
      ? await validateCommand(input, parsed.options, voice)
      : await fromCsvCommand(input, parsed.options, voice, io.writeData);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    voice.note(cliMsg(lang, e.key, e.params));
    voice.note(cliMsg(lang, 'usage.help', { command }));
    return 2;
  }
}
