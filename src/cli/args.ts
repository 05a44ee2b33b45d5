/**
 * The command line as the tool reads it: the command, its options
 * (`--name value`, `--name=value`, short aliases, `--` before names that start
 * with a dash) and the language of the messages, asked for first so that even a
 * usage error speaks it.
 */
import type { Lang } from '../i18n/messages.js';
import type { CliKey } from './cli-messages.js';

export type Command = 'validate' | 'from-csv' | 'snippet';

export const COMMANDS: readonly Command[] = ['validate', 'from-csv', 'snippet'];

/** Options each command takes; `true` = takes a value. */
export const OPTIONS: Record<Command, Record<string, boolean>> = {
  validate: { '--timeout': true },
  'from-csv': {
    '--out': true,
    '--append': true,
    '--title': true,
    '--as-of': true,
    '--next-update': true,
    '--source-name': true,
    '--source-url': true,
    '--sheet': true,
    '--locale': true,
    '--separator': true,
    '--pretty': false,
  },
  snippet: {
    '--widget': true,
    '--province': true,
    '--metric': true,
    '--src': true,
    '--base': true,
    '--prerender': false,
    '--no-reserve': false,
    '--timeout': true,
  },
};

const COMMON: Record<string, boolean> = { '--lang': true, '--help': false, '--version': false };
const ALIASES: Record<string, string> = { '-h': '--help', '-o': '--out' };

/** A wrong command line: exit code 2, the message, and a pointer to the help. */
export class UsageError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface Parsed {
  options: Map<string, string>;
  positionals: string[];
}

/** Reads `args` (the command word removed) against the options `command` takes. */
export function parseArgs(args: string[], command: Command): Parsed {
  const allowed = { ...COMMON, ...OPTIONS[command] };
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

/** The value of a choice option, one of `allowed` (or undefined when absent). */
export function choice<T extends string>(options: Map<string, string>, name: string, allowed: readonly T[]): T | undefined {
  const value = options.get(name);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('usage.choice', { option: name, allowed: allowed.join(' | '), value });
}

/** The language asked for by `--lang` (undefined when it names none we speak), looked for before anything else. */
export function langOf(args: string[]): Lang | undefined {
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

/** The value given to `--lang`, for the message that refuses it. */
export function langValue(args: string[]): string {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  return args[i].startsWith('--lang=') ? args[i].slice(7) : (args[i + 1] ?? '');
}

/** The words of the command line that are neither options nor option values; the first is the command. */
export function positionalWords(argv: string[]): { word: string; index: number }[] {
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
