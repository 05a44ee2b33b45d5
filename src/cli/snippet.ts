/**
 * `tiendo snippet <file|url> --widget …`: the HTML an editor pastes, with the
 * feed's current figures as the tag's fallback text (src/snippet/), and with
 * `--prerender` the widget's shadow content as declarative shadow DOM.
 *
 * The feed is checked first by the same code as `tiendo validate`; its lines go
 * to standard error (standard output is the snippet), and an invalid feed gets
 * no snippet (exit 1). A province or metric the feed does not have is refused
 * (exit 1) with the nearest id; the snippet alone goes to standard output.
 */
import { readFile } from 'node:fs/promises';
import { nearestId } from '../base/figures-controller.js';
import type { Feed } from '../feed/types.js';
import { UsageError, choice } from './args.js';
import { cliMsg } from './cli-messages.js';
import { checkFeed, timeoutSeconds, type Voice } from './validate.js';
import { writeSnippet } from '../snippet/write-snippet.js';

/** `--widget` words and their tags. */
const WIDGETS = {
  progress: 'tiendo-progress',
  kpi: 'tiendo-kpi',
  table: 'tiendo-province-table',
  'model-list': 'tiendo-model-list',
  chart: 'tiendo-chart',
  map: 'tiendo-map',
} as const;

type WidgetWord = keyof typeof WIDGETS;

/** The widgets `--prerender` draws (with a table, its view's chunk is loaded first). */
const PRERENDERED: readonly WidgetWord[] = ['progress', 'kpi', 'table'];

/** Widgets that read a metric (the table chooses its `columns` instead). */
const USES_METRIC: readonly WidgetWord[] = ['kpi', 'chart', 'map'];

/** An address a snippet may write: http(s), or a path on the portal. */
function address(option: string, value: string): string {
  if (/^https?:\/\/[^/]/i.test(value) || (value.startsWith('/') && !value.startsWith('//'))) return value;
  throw new UsageError('snippet.url', { option, url: value });
}

/** Why the feed cannot give this choice its figures (a province or metric it lacks), or undefined. */
function choiceProblem(feed: Feed, widget: WidgetWord, province: string | undefined, metric: string | undefined, lang: Voice['lang']): string | undefined {
  if (province && !feed.provinces.some((p) => p.id === province)) {
    const near = nearestId(feed, province);
    return near ? cliMsg(lang, 'snippet.provinceNear', { id: province, near }) : cliMsg(lang, 'snippet.province', { id: province });
  }
  if (!USES_METRIC.includes(widget)) return undefined;
  const ids = feed.metrics.map((m) => m.id).join(', ');
  if (metric && !feed.metrics.some((m) => m.id === metric)) return cliMsg(lang, 'snippet.metric', { id: metric, ids });
  if (!metric && widget === 'kpi' && feed.metrics.length !== 1) return cliMsg(lang, 'snippet.needMetric', { ids });
  return undefined;
}

export async function snippetCommand(target: string, options: Map<string, string>, voice: Voice): Promise<number> {
  const { lang, say, note } = voice;
  const widget = choice(options, '--widget', Object.keys(WIDGETS) as WidgetWord[]);
  if (!widget) throw new UsageError('snippet.widget');
  const prerender = options.has('--prerender');
  if (prerender && !PRERENDERED.includes(widget)) throw new UsageError('snippet.prerender', { widget });
  const fromUrl = /^https?:\/\//i.test(target);
  const given = options.get('--src');
  if (given === undefined && !fromUrl) throw new UsageError('snippet.src');
  const src = address('--src', given ?? target);
  const base = address('--base', options.get('--base') ?? '/tiendo/');
  const province = options.get('--province')?.trim() || undefined;
  const metric = options.get('--metric')?.trim() || undefined;
  if (metric && !USES_METRIC.includes(widget)) throw new UsageError('snippet.noMetric', { widget, widgets: USES_METRIC.join(', ') });
  const seconds = timeoutSeconds(options, voice);

  const feed = await checkFeed(target, seconds, lang, note, false);
  if (!feed) return 1;
  const problem = choiceProblem(feed, widget, province, metric, lang);
  if (problem) {
    note(problem);
    return 1;
  }
  const snippet = await writeSnippet(feed, {
    tag: WIDGETS[widget],
    province,
    metric,
    src,
    base: base.endsWith('/') ? base : `${base}/`,
    lang,
    prerender,
    noReserve: options.has('--no-reserve'),
    chunks: await chunkList(),
  });
  if (!snippet.fallback) note(cliMsg(lang, 'snippet.noFigures'));
  if (snippet.shadow) {
    const { styleHashes } = await import('../snippet/prerender.js');
    const hashes = await styleHashes(snippet.shadow);
    // Style attributes (the bar widths) are allowed by hash only with 'unsafe-hashes'.
    const sources = [...hashes.elements, ...(hashes.attributes.length ? ["'unsafe-hashes'", ...hashes.attributes] : [])];
    note(cliMsg(lang, 'snippet.csp', { sources: sources.join(' ') }));
  }
  say(snippet.html);
  return 0;
}

/** dist/chunks.json beside the command-line tool's own folder (dist/cli/), when the build wrote it. */
async function chunkList(): Promise<Record<string, string[]> | undefined> {
  try {
    return JSON.parse(await readFile(new URL('../chunks.json', import.meta.url), 'utf8')) as Record<string, string[]>;
  } catch {
    return undefined;
  }
}
