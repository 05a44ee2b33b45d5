/**
 * The fallback text a snippet carries inside its tag: one plain sentence with
 * the current figures ("Nghệ An: 6/38 mô hình hoàn thành (15,8%) — số liệu tính đến ngày
 * 04/10/2024"), so that readers see real numbers before the script arrives, and
 * with no script at all. The widget shows this text again whenever it has no
 * figures of its own to show.
 *
 * Pure: a validated feed and the widget's choices in, a string out. It uses
 * only the shared formatters (src/i18n/format.ts), so the builder and a
 * command-line `tiendo snippet` can share it.
 */
import type { Feed, FeedArea, MetricDefinition, MetricValue, ModelCounts, ModelStatus, Province } from '../feed/types.js';
import { formatDate, formatNumber, formatPercent } from '../i18n/format.js';
import { COUNT_KEY } from '../feed/figures.js';
import type { Lang } from '../i18n/messages.js';

/** What the tag chooses from the feed (its attributes, by name). */
export interface FallbackChoice {
  /** The tag: `tiendo-progress`, `tiendo-kpi`, `tiendo-model-list`, `tiendo-province-table`, `tiendo-chart`, `tiendo-map`, `tiendo-picker`. */
  widget: string;
  province?: string;
  metric?: string;
  status?: string;
  highlight?: string;
  /** The editor's own heading, in place of the province's (progress) or the metric's (KPI) name. */
  label?: string;
  /** The chart's provinces over time, as a comma list: the sentence speaks of these alone. */
  compare?: string;
}

const WORDS = {
  vi: {
    national: 'Toàn quốc',
    completedOf: '{completed}/{total} mô hình hoàn thành',
    total: '{total} mô hình điểm',
    asOf: ' — số liệu tính đến ngày {date}',
    statuses: '{completed} hoàn thành, {inProgress} đang triển khai, {notStarted} chưa triển khai trong {total} mô hình điểm',
    status: {
      completed: '{count}/{total} mô hình hoàn thành',
      'in-progress': '{count}/{total} mô hình đang triển khai',
      'not-started': '{count}/{total} mô hình chưa triển khai',
    } as Record<ModelStatus, string>,
    models: 'Tiến độ mô hình điểm của {count} tỉnh, thành phố',
    metric: '{name} của {count} tỉnh, thành phố',
    leading: 'cao nhất: {name} {figure}',
  },
  en: {
    national: 'Nationwide',
    completedOf: '{completed}/{total} pilot models completed',
    total: '{total} pilot models',
    asOf: ' — figures as of {date}',
    statuses: '{completed} completed, {inProgress} in progress, {notStarted} not started of {total} pilot models',
    status: {
      completed: '{count}/{total} pilot models completed',
      'in-progress': '{count}/{total} pilot models in progress',
      'not-started': '{count}/{total} pilot models not started',
    } as Record<ModelStatus, string>,
    models: 'Pilot-model progress of {count} provinces',
    metric: '{name} of {count} provinces',
    leading: 'highest: {name} {figure}',
  },
};

function fill(text: string, params: Record<string, string | number>, lang: Lang): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!Object.hasOwn(params, key)) return whole;
    const v = params[key];
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/**
 * A share as a percentage that never rounds to 0% or 100% unless it is exactly
 * that: 1 of 1.000.000 is "0,0001%", 1.999 of 2.000 is "99,95%".
 */
export function shareText(part: number, whole: number, lang: Lang, decimals = 1): string {
  const rate = part / whole;
  if (!Number.isFinite(rate)) return '';
  if (rate <= 0 || rate >= 1) return formatPercent(rate, lang, 0);
  let d = decimals;
  while (d < 6) {
    const scaled = Math.round(rate * 100 * 10 ** d);
    if (scaled > 0 && scaled < 100 * 10 ** d) break;
    d++;
  }
  return formatPercent(rate, lang, d);
}

/** The area the tag shows, as the widget picks it: the named province, else the only one, else the nation. */
function pickArea(feed: Feed, id?: string): { area: FeedArea; name: string } | undefined {
  const named = id?.trim();
  if (named) {
    const p = feed.provinces.find((x) => x.id === named);
    return p && { area: p, name: p.name };
  }
  if (feed.provinces.length === 1) return { area: feed.provinces[0], name: feed.provinces[0].name };
  return feed.national && { area: feed.national, name: feed.national.name ?? '' };
}

function modelsText(m: ModelCounts | undefined, lang: Lang): string | undefined {
  if (!m?.total) return undefined;
  const w = WORDS[lang];
  if (m.completed === undefined) return fill(w.total, { total: m.total }, lang);
  return `${fill(w.completedOf, { completed: m.completed, total: m.total }, lang)} (${shareText(m.completed, m.total, lang)})`;
}

/** A metric's figure as the KPI shows it: "74.336/74.587 hồ sơ (99,66%)", "201.884 hồ sơ" or "93,5%". */
export function figureText(f: MetricValue, def: MetricDefinition | undefined, lang: Lang): string | undefined {
  const unit = def?.unit ? ` ${def.unit}` : '';
  const n = (x: number) => formatNumber(x, lang);
  if (f.value !== undefined && f.total) return `${n(f.value)}/${n(f.total)}${unit} (${shareText(f.value, f.total, lang, 2)})`;
  if (f.value !== undefined && def?.max) return `${n(f.value)}/${n(def.max)}${unit}`;
  if (f.value !== undefined) return `${n(f.value)}${unit}`;
  if (f.rate !== undefined) return shareText(f.rate, 1, lang, 2);
  return undefined;
}

function rateOfMetric(f: MetricValue | undefined): number | undefined {
  if (!f) return undefined;
  if (f.value !== undefined && f.total) return f.value / f.total;
  return f.rate ?? f.value;
}

function asOfText(lang: Lang, ...dates: (string | undefined)[]): string {
  const date = dates.find(Boolean);
  return date ? fill(WORDS[lang].asOf, { date: formatDate(date, lang) }, lang) : '';
}

/** The latest date of the provinces, where the feed has no date of its own. */
function latest(provinces: Province[]): string | undefined {
  return provinces.map((p) => p.asOf).filter((d): d is string => Boolean(d)).sort().at(-1);
}

function metricOf(feed: Feed, id?: string): MetricDefinition | undefined {
  const wanted = id?.trim() || (feed.metrics.length === 1 ? feed.metrics[0].id : undefined);
  return wanted ? (feed.metrics.find((m) => m.id === wanted) ?? { id: wanted, name: wanted, higherIsBetter: true }) : undefined;
}

/** One province compared with the others, for the table and the chart. */
function comparison(feed: Feed, c: FallbackChoice, lang: Lang): string {
  const w = WORDS[lang];
  const metric = c.metric?.trim() || (!feed.provinces.some((p) => p.models?.total) ? feed.metrics[0]?.id : undefined);
  const def = metric ? metricOf(feed, metric) : undefined;
  const value = (p: Province) =>
    def
      ? rateOfMetric(Object.hasOwn(p.metrics, def.id) ? p.metrics[def.id] : undefined)
      : p.models?.total && p.models.completed !== undefined
        ? p.models.completed / p.models.total
        : undefined;
  const figure = (p: Province) =>
    def ? figureText(p.metrics[def.id], def, lang) : modelsText(p.models, lang);
  // The provinces the widget lists (those with the figures, or those it compares), and among them the ones that can be ranked.
  const compared = new Set((c.compare ?? '').split(',').map((id) => id.trim()).filter(Boolean));
  const listed = feed.provinces.filter((p) => (def ? Object.hasOwn(p.metrics, def.id) : p.models?.total) && (!compared.size || compared.has(p.id)));
  const ranked = listed.filter((p) => value(p) !== undefined && figure(p));
  if (!ranked.length) return '';
  const low = def ? !def.higherIsBetter : false;
  const best = ranked.reduce((a, b) => ((low ? value(b)! < value(a)! : value(b)! > value(a)!) ? b : a));
  const parts = [
    def ? fill(w.metric, { name: def.name, count: listed.length }, lang) : fill(w.models, { count: listed.length }, lang),
    fill(w.leading, { name: best.name, figure: figure(best)! }, lang),
  ];
  const marked = ranked.find((p) => p.id === (c.highlight?.trim() || c.province?.trim()));
  if (marked && marked !== best) parts.push(`${marked.name} ${figure(marked)}`);
  return `${parts.join('; ')}${asOfText(lang, feed.asOf, latest(listed))}`;
}

/**
 * The fallback sentence for a tag, with the feed's current figures; '' when
 * the feed has nothing for these choices (the tag then carries no text).
 */
export function fallbackText(feed: Feed, c: FallbackChoice, lang: Lang): string {
  const w = WORDS[lang];
  // A picker has nothing to offer without its script: no words rather than a choice that is not there.
  if (c.widget === 'tiendo-picker') return '';
  if (c.widget === 'tiendo-province-table' || c.widget === 'tiendo-chart' || c.widget === 'tiendo-map') return comparison(feed, c, lang);
  const picked = pickArea(feed, c.province);
  if (!picked) return '';
  const { area } = picked;
  const name = picked.name || w.national;
  if (c.widget === 'tiendo-progress') {
    const models = modelsText(area.models, lang);
    return models ? `${c.label?.trim() || name}: ${models}${asOfText(lang, area.asOf, feed.asOf)}` : '';
  }
  if (c.widget === 'tiendo-kpi') {
    const def = metricOf(feed, c.metric);
    const f = def && Object.hasOwn(area.metrics, def.id) ? area.metrics[def.id] : undefined;
    const figure = f && figureText(f, def, lang);
    if (!def || !figure) return '';
    return `${name} — ${c.label?.trim() || def.name}: ${figure}${asOfText(lang, f.asOf, area.asOf, feed.asOf)}`;
  }
  if (c.widget === 'tiendo-model-list') {
    const m = area.models;
    if (!m?.total) return '';
    const only = c.status?.trim() as ModelStatus | undefined;
    const counts = Object.fromEntries(Object.entries(COUNT_KEY).map(([s, key]) => [s, m[key]])) as Record<ModelStatus, number | undefined>;
    let text: string | undefined;
    if (only && Object.hasOwn(w.status, only) && counts[only] !== undefined) {
      text = fill(w.status[only], { count: counts[only]!, total: m.total }, lang);
    } else if (!only && m.completed !== undefined && m.inProgress !== undefined && m.notStarted !== undefined) {
      text = fill(w.statuses, { completed: m.completed, inProgress: m.inProgress, notStarted: m.notStarted, total: m.total }, lang);
    } else {
      text = modelsText(m, lang);
    }
    return `${name}: ${text}${asOfText(lang, area.asOf, feed.asOf)}`;
  }
  // A widget this module does not know yet: the feed's title and date, when it has them.
  return feed.title ? `${feed.title}${asOfText(lang, feed.asOf)}` : '';
}
