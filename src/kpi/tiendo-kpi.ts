import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyle } from '../base/cssom-style.js';
import { TiendoElement, numberAttribute, type ChosenArea, type ViewBase, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import type { Feed, MetricValue } from '../feed/types.js';
import { provenance, rateOf } from '../feed/figures.js';
import { instantOf, metricChange, type Change } from '../feed/history.js';
import type { FeedChecker } from '../feed/validation.js';
import { decimalsApart, formatCompact, formatNumber, formatPercent, formatPercentShort } from '../i18n/format.js';
import { msg, type Lang } from '../i18n/messages.js';
import { changeWords, lower, since } from '../i18n/change-words.js';
import { kpiStyles } from './kpi.styles.js';

/** What `<tiendo-kpi>` shows: one figure of one metric for one area. */
export interface KpiView extends ViewBase {
  label: string;
  unit?: string;
  value?: number;
  total?: number;
  /** value/total when both are known, else the reported rate. */
  rate?: number;
  previous?: number;
  target?: number;
  /** The top of a score scale. */
  max?: number;
  higherIsBetter: boolean;
  period?: string;
  /** The change shown: against `previous` when given, else since the last earlier point of `history` (with its date). */
  change?: Change;
  /** The figure over time for the trend line, oldest first, as [moment (NaN if unknown), figure]; absent without history. */
  trend?: [number, number][];
}

/** Values from a million up are also written in words ("1,3 triệu"). */
const COMPACT_FROM = 1_000_000;

/** The figure of each point of a metric's history, then the figure itself (at its date), when it has a history. */
function trendOf(figure: MetricValue, asOf: string | undefined): [number, number][] | undefined {
  const byValue = figure.value !== undefined;
  const points = [...(figure.history ?? []), { ...figure, asOf }].flatMap((p) => {
    const y = byValue ? p.value : (p.rate ?? rateOf(p.value, p.total));
    return y === undefined ? [] : [[instantOf(p.asOf ?? ''), y] as [number, number]];
  });
  return points.length > 1 ? points : undefined;
}

/** The trend line's points in its 100 × 24 box: real dates across (equal steps if a date is unknown), the figure up. */
function trendPoints(trend: [number, number][]): string {
  const ts = trend.map((p) => p[0]);
  const xs = ts.every((t, i) => !i || t > ts[i - 1]) ? ts : ts.map((_, i) => i);
  const ys = trend.map((p) => p[1]);
  const x0 = xs[0];
  const y0 = Math.min(...ys);
  const dx = xs[xs.length - 1] - x0 || 1;
  const dy = Math.max(...ys) - y0;
  return xs.map((x, i) => `${(((x - x0) / dx) * 100).toFixed(1)},${(dy ? 22 - ((ys[i] - y0) / dy) * 20 : 12).toFixed(1)}`).join(' ');
}

/** What a view says, worked out once for the screen and the sentence. */
interface Facts {
  /** Decimals of the rate and of the value. */
  rd: number;
  vd: number;
  /** The figure the target is judged on (the rate where there is one) and the target as written. */
  now?: number;
  goal?: string;
  /** Whether the true figure meets the target in the metric's direction (lower is better: at or below it). */
  met?: boolean;
}

function facts(v: KpiView, lang: Lang): Facts {
  const t = v.target;
  const now = v.rate ?? v.value;
  // Decimals by what the figure needs (SPEC "Figures that never mislead"): the rate of a small count one
  // (9/11 → 81,8%), else two (99,66%); more where the rounded figure would read as its target.
  const f: Facts = { rd: v.total !== undefined && v.total <= 1000 ? 1 : 2, vd: 2, now };
  if (t !== undefined && now !== undefined) {
    if (v.rate !== undefined) f.rd = decimalsApart(now, t, f.rd, (x, d) => formatPercent(x, lang, d));
    else f.vd = decimalsApart(now, t, 2, (x, d) => formatNumber(x, lang, d));
    f.goal = v.rate !== undefined ? formatPercentShort(t, lang, Math.max(2, f.rd)) : formatNumber(t, lang, Math.max(2, f.vd));
    f.met = v.higherIsBetter ? now >= t : now <= t;
  }
  return f;
}

/**
 * The change as shown, or for the ear (`spoken`): "1.240 so với 31/05/2024 (chiều hướng tốt)" since a dated
 * point, "Tăng 9.579 so với kỳ trước (chiều hướng tốt)" against `previous`, read aloud "tăng 1.240 so với
 * ngày 31 tháng 5 năm 2024 (chiều hướng tốt)"; a change that rounds to nothing is "Không đổi …" (SPEC).
 */
function changeOf(v: KpiView, lang: Lang, spoken?: boolean): [text: string, tone: string, arrow: string] | undefined {
  const c = v.change;
  if (!c) return undefined;
  const abs = Math.abs(c.delta);
  const size = formatNumber(c.kind === 'rate' ? abs * 100 : abs, lang);
  const from = since(lang, c.asOf, spoken);
  if (size === formatNumber(0, lang)) return [changeWords(lang, 0, '', from), 'same', '='];
  const words = c.kind === 'rate' ? msg(lang, 'kpi.points', { value: size }) : size;
  const better = c.delta > 0 === v.higherIsBetter;
  return [
    `${c.asOf && !spoken ? `${words} ${from}` : changeWords(lang, c.delta, words, from)} (${msg(lang, better ? 'kpi.better' : 'kpi.worse')})`,
    better ? 'good' : 'bad',
    c.delta > 0 ? '▲' : '▼',
  ];
}

/**
 * @tagname tiendo-kpi
 * @summary One key figure: value, label and unit; with a denominator, the rate
 * ("74.336/74.587 hồ sơ · 99,66%"); the change against the previous period; progress
 * against a target; a score against its scale.
 *
 * @csspart area - The province or national name.
 * @csspart label - The metric's name.
 * @csspart value - The main figure.
 * @csspart rate - The rate beside a count.
 * @csspart change - The change against the previous period, or since the last earlier point of the history with its date.
 * @csspart trend - The trend line of the history (hidden from screen readers: the sentence says the change).
 * @csspart target - The progress against the target (or the score scale).
 *
 * @cssprop --tiendo-kpi-value-size - Size of the main figure (default 2em).
 * @cssprop --tiendo-color-value - Colour of the main figure (default: the text colour).
 * @cssprop --tiendo-color-good - A change for the better (default #116329).
 * @cssprop --tiendo-color-bad - A change for the worse (default #b42318).
 * @cssprop --tiendo-color-completed - The target and score bar, and the trend line (default #0b62c4).
 * @cssprop --tiendo-color-target - The target's marker on the bar (default: the text colour).
 * @cssprop --tiendo-color-track - The empty bar (default #eaeef2).
 * @cssprop --tiendo-color-track-border - The bar's border (default #8c959f).
 */
export class TiendoKpi extends TiendoElement<KpiView> {
  static override styles = [baseStyles, kpiStyles];

  static override properties: PropertyDeclarations = {
    metric: { reflect: true },
    value: {},
    total: {},
    rate: {},
    previous: {},
    target: {},
    max: {},
    label: {},
    unit: {},
  };

  /** Id of the metric in the feed (may be left out when the feed has one metric). */
  metric?: string;
  /** Inline mode: the figure. */
  value?: string;
  /** Inline mode: the denominator; the rate is value/total. */
  total?: string;
  /** Inline mode: a rate 0–1 the source reported, when the counts are not known. */
  rate?: string;
  /** Inline mode: the figure of the previous period. */
  previous?: string;
  /** Inline mode: the target (a rate 0–1 where there is a rate). */
  target?: string;
  /** Inline mode: the top of a score scale. */
  max?: string;
  /** The metric's name; in feed mode it replaces the feed's. */
  label?: string;
  /** Inline mode: the unit ("hồ sơ", "điểm"). */
  unit?: string;

  fromFeed(feed: Feed, chosen: ChosenArea): KpiView | WidgetProblem | undefined {
    const id = this.metric?.trim() || (feed.metrics.length === 1 ? feed.metrics[0].id : undefined);
    if (!id) return { key: 'error.needMetric', kind: 'selection' };
    const def = feed.metrics.find((m) => m.id === id);
    const figure = Object.hasOwn(chosen.area.metrics, id) ? chosen.area.metrics[id] : undefined;
    if (!def && !figure) return { key: 'error.metric', params: { id }, kind: 'selection' };
    if (!figure) return undefined;
    const { source, asOf } = provenance(figure, chosen);
    return {
      name: this.areaName(chosen),
      label: this.label?.trim() || def?.name || id,
      unit: def?.unit,
      max: def?.max,
      higherIsBetter: def?.higherIsBetter ?? true,
      value: figure.value,
      total: figure.total,
      rate: rateOf(figure.value, figure.total, figure.rate),
      previous: figure.previous,
      target: figure.target,
      period: figure.period,
      change: metricChange(figure),
      trend: trendOf(figure, asOf),
      source,
      asOf,
    };
  }

  fromAttributes(checker: FeedChecker): KpiView | undefined {
    const raw: Record<string, number | undefined> = {};
    for (const key of ['value', 'total', 'rate', 'previous', 'target'] as const) {
      raw[key] = numberAttribute(this, key, checker);
    }
    const max = checker.number(numberAttribute(this, 'max', checker), 'max', 'positive');
    if (Object.values(raw).every((v) => v === undefined) && !checker.errors.length) return undefined;
    const figure = checker.metricValue(raw, '');
    if (!figure) return undefined;
    return {
      name: '',
      label: this.label?.trim() ?? '',
      unit: this.unit?.trim() || undefined,
      max,
      higherIsBetter: true,
      ...figure,
      rate: rateOf(figure.value, figure.total, figure.rate),
      change: metricChange(figure),
    };
  }

  protected renderView(v: KpiView): TemplateResult {
    const lang = this.readerLang;
    const f = facts(v, lang);
    const change = changeOf(v, lang);
    const top = v.total ?? v.max;
    const big = v.value !== undefined && top === undefined && v.value >= COMPACT_FROM;
    const unit = v.unit && html` <bdi class="unit">${v.unit}</bdi>`;
    const own = this.label?.trim();
    // The title (the group's name) is the metric's label, with the area before it; the area alone without a label.
    // The sentence says every figure once (SPEC, Elements): the visual figures are hidden from screen readers.
    return html`${v.name && v.label
      ? html`<p part="area" class="area" id="area">${this.feedText(v.name)}</p>`
      : v.name
        ? this.titleOf(v.name, false, 'area')
        : nothing}${v.label ? this.titleOf(v.label, own) : nothing}<p class="figure" aria-hidden="true">${v.value === undefined
      ? html`<span part="value" class="value">${formatPercent(v.rate!, lang, f.rd)}</span>`
      : html`<span class="n"><span part="value" class="value">${big ? formatCompact(v.value, lang) : formatNumber(v.value, lang, f.vd)}</span>${top
            ? html`<span class="of">/${formatNumber(top, lang)}</span>`
            : nothing}</span>${unit}${v.total !== undefined && v.rate !== undefined
            ? html` <span>·</span> <span part="rate" class="rate">${formatPercent(v.rate, lang, f.rd)}</span>`
            : nothing}`}</p>${big ? html`<p class="exact" aria-hidden="true"><span class="n">${formatNumber(v.value!, lang)}</span>${unit}</p>` : nothing}${v.period
      ? html`<p class="period" aria-hidden="true">${this.feedText(v.period)}</p>`
      : nothing}${v.trend
      ? html`<svg part="trend" class="trend" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true"><polyline vector-effect="non-scaling-stroke" points=${trendPoints(v.trend)}></polyline></svg>`
      : nothing}${change
      ? html`<p part="change" class="change ${change[1]}" aria-hidden="true"><span>${change[2]}</span> <span>${change[0]}</span></p>`
      : nothing}${this.#renderMeter(v, f)}`;
  }

  /**
   * The figure on its own scale (0–100% for a rate, a score's scale, else up to the larger of the figure
   * and the target), with a marker at the target and the words "Mục tiêu 90% · chưa đạt".
   */
  #renderMeter(v: KpiView, f: Facts) {
    const lang = this.readerLang;
    const t = v.target;
    const now = t === undefined ? v.value : f.now;
    if (now === undefined || (t === undefined && v.max === undefined)) return nothing;
    const top = t !== undefined && v.rate !== undefined ? 1 : (v.max ?? Math.max(now, t!));
    const at = (x: number) => `${top > 0 ? Math.min(x / top, 1) * 100 : 0}%`;
    const goal = f.goal && msg(lang, 'kpi.target', { target: f.goal });
    // Drawn only: the sentence says the figure, its scale and the target once (SPEC: each figure read once), as the
    // progress bar does (see there why no progressbar or meter role).
    return html`<div part="target" class="meter" aria-hidden="true">${goal
      ? html`<p class="meter-text">${goal} · ${msg(lang, f.met ? 'kpi.target.met' : 'kpi.target.notMet')}</p>`
      : nothing}<div class="track"><div class="fill" style=${cssomStyle({ width: at(now) })}></div>${goal
      ? html`<div class="mark" style=${cssomStyle({ left: at(t!) })}></div>`
      : nothing}</div></div>`;
  }

  /**
   * "Bộ Công an: 74.336 trên 74.587 hồ sơ trả kết quả đúng hạn, tỷ lệ 99,66% (6 tháng đầu năm 2022); tăng
   * 1.240 so với ngày 31 tháng 5 năm 2024 (chiều hướng tốt); mục tiêu 99,5% (đã đạt)." Written for the ear
   * (SPEC, Elements): "trên", not a slash; dates in words; a label that begins with the unit follows the
   * count ("74.336 trên 74.587 hồ sơ trả kết quả đúng hạn"), else it comes first ("Hà Tĩnh: Chỉ số
   * hài lòng đạt 89,5 điểm").
   */
  protected override sentence(v: KpiView): string {
    const lang = this.readerLang;
    const f = facts(v, lang);
    const n = (x: number) => formatNumber(x, lang, f.vd);
    const top = v.total ?? v.max;
    const text = v.label || msg(lang, 'progress.label');
    const ownLabel = !v.label || this.label?.trim();
    const unit = v.unit?.trim();
    // The label reads on from the count when it begins with the unit ("hồ sơ …"): Vietnamese only, feed words.
    const merged = lang === 'vi' && v.value !== undefined && unit && `${text.toLowerCase()} `.startsWith(`${unit.toLowerCase()} `);
    let figure =
      v.value === undefined
        ? formatPercent(v.rate!, lang, f.rd, true)
        : (top === undefined ? n(v.value) : msg(lang, 'kpi.of', { value: n(v.value), total: n(top) })) +
          (merged
            ? ` ${this.mark(/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text, ownLabel)}`
            : unit
              ? ` ${this.mark(unit, unit === this.unit?.trim())}`
              : '');
    if (v.value !== undefined && v.total !== undefined && v.rate !== undefined) {
      figure += msg(lang, 'kpi.sentence.rate', { rate: formatPercent(v.rate, lang, f.rd, true) });
    }
    if (v.period) figure += ` (${this.mark(v.period)})`;
    const label = this.mark(text, ownLabel);
    const parts = [
      v.name
        ? msg(lang, merged ? 'kpi.sentence.merged' : 'kpi.sentence', { label, name: this.mark(v.name), figure })
        : merged
          ? figure
          : msg(lang, 'kpi.sentence.noArea', { label, figure }),
    ];
    const change = changeOf(v, lang, true);
    if (change) parts.push(lower(change[0], lang));
    if (f.goal) {
      parts.push(msg(lang, 'kpi.sentence.target', { target: f.goal, status: msg(lang, f.met ? 'kpi.target.met' : 'kpi.target.notMet') }));
    }
    return `${parts.join('; ')}.`;
  }
}

defineElement('tiendo-kpi', TiendoKpi);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-kpi': TiendoKpi;
  }
}
