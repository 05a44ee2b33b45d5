import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { cssomStyle } from '../base/cssom-style.js';
import { TiendoElement, numberAttribute, type ChosenArea, type ViewBase, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import type { Feed } from '../feed/types.js';
import { provenance, rateOf } from '../feed/figures.js';
import type { FeedChecker } from '../feed/validation.js';
import { formatCompact, formatNumber, formatPercent, formatPercentShort } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
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
}

/** Values from a million up are also written in words ("1,3 triệu"). */
const COMPACT_FROM = 1_000_000;

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
 * @csspart change - The change against the previous period.
 * @csspart target - The progress against the target (or the score scale).
 *
 * @cssprop --tiendo-kpi-value-size - Size of the main figure (default 2em).
 * @cssprop --tiendo-color-value - Colour of the main figure (default: the text colour).
 * @cssprop --tiendo-color-good - A change for the better (default #116329).
 * @cssprop --tiendo-color-bad - A change for the worse (default #b42318).
 * @cssprop --tiendo-color-completed - The target and score bar (default #0b62c4).
 * @cssprop --tiendo-color-track - The empty bar (default #eaeef2).
 * @cssprop --tiendo-color-track-border - The bar's border (default #8c959f).
 */
export class TiendoKpi extends TiendoElement<KpiView> {
  static override styles = [baseStyles, kpiStyles];

  /** Id of the metric in the feed (may be left out when the feed has one metric). */
  @property({ reflect: true }) metric?: string;
  /** Inline mode: the figure. */
  @property({ type: String }) value?: string;
  /** Inline mode: the denominator; the rate is value/total. */
  @property({ type: String }) total?: string;
  /** Inline mode: a rate 0–1 the source reported, when the counts are not known. */
  @property({ type: String }) rate?: string;
  /** Inline mode: the figure of the previous period. */
  @property({ type: String }) previous?: string;
  /** Inline mode: the target (a rate 0–1 where there is a rate). */
  @property({ type: String }) target?: string;
  /** Inline mode: the top of a score scale. */
  @property({ type: String }) max?: string;
  /** The metric's name; in feed mode it replaces the feed's. */
  @property() label?: string;
  /** Inline mode: the unit ("hồ sơ", "điểm"). */
  @property() unit?: string;

  fromFeed(feed: Feed, chosen: ChosenArea): KpiView | WidgetProblem | undefined {
    const id = this.metric?.trim() || (feed.metrics.length === 1 ? feed.metrics[0].id : undefined);
    if (!id) return { key: 'error.needMetric', kind: 'selection' };
    const def = feed.metrics.find((m) => m.id === id);
    const figure = Object.hasOwn(chosen.area.metrics, id) ? chosen.area.metrics[id] : undefined;
    if (!def && !figure) return { key: 'error.metric', params: { id }, kind: 'selection' };
    if (!figure) return undefined;
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
      ...provenance(figure, chosen),
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
    };
  }

  /** The figure the change and the target compare: the rate where there is one, else the value. */
  private current(v: KpiView): number | undefined {
    return v.rate ?? v.value;
  }

  private isRate(v: KpiView): boolean {
    return v.rate !== undefined;
  }

  /** The main figure as text: "74.336/74.587 hồ sơ", "82,5/100 điểm", "201.884 hồ sơ" or "93,00%". */
  private figureText(v: KpiView): string {
    const lang = this.readerLang;
    const n = (x: number) => formatNumber(x, lang);
    const unit = v.unit ? ` ${v.unit}` : '';
    if (v.value === undefined) return formatPercent(v.rate!, lang, 2);
    if (v.total !== undefined) return `${n(v.value)}/${n(v.total)}${unit}`;
    if (v.max !== undefined) return `${n(v.value)}/${n(v.max)}${unit}`;
    return `${n(v.value)}${unit}`;
  }

  /**
   * "Tăng 9.579 so với kỳ trước", or undefined without a previous figure.
   * `previous` is of the same kind as the figure: the value where there is one
   * (SPEC: value 50579, total 70758, previous 41000), else the reported rate.
   */
  private change(v: KpiView): { text: string; tone: 'good' | 'bad' | 'same'; arrow: string } | undefined {
    const byRate = v.value === undefined;
    const now = byRate ? v.rate : v.value;
    if (v.previous === undefined || now === undefined) return undefined;
    const lang = this.readerLang;
    const delta = now - v.previous;
    if (delta === 0) return { text: msg(lang, 'kpi.change.same'), tone: 'same', arrow: '=' };
    const size = byRate
      ? msg(lang, 'kpi.points', { value: formatNumber(Math.abs(delta) * 100, lang, 1) })
      : formatNumber(Math.abs(delta), lang);
    const better = delta > 0 === v.higherIsBetter;
    const text = `${msg(lang, delta > 0 ? 'kpi.change.up' : 'kpi.change.down', { delta: size })} (${msg(
      lang,
      better ? 'kpi.better' : 'kpi.worse',
    )})`;
    return { text, tone: better ? 'good' : 'bad', arrow: delta > 0 ? '▲' : '▼' };
  }

  private targetText(v: KpiView, target: number): string {
    const lang = this.readerLang;
    return this.isRate(v) ? formatPercentShort(target, lang) : formatNumber(target, lang);
  }

  protected renderView(v: KpiView): TemplateResult {
    const lang = this.readerLang;
    const change = this.change(v);
    const now = this.current(v);
    const big = v.value !== undefined && v.total === undefined && v.max === undefined && v.value >= COMPACT_FROM;
    return html`
      ${v.name ? html`<p part="area" class="area">${v.name}</p>` : nothing}
      ${v.label ? html`<p part="label" class="label">${v.label}</p>` : nothing}
      <p class="figure">
        ${v.value === undefined
          ? html`<span part="value" class="value">${formatPercent(v.rate!, lang, 2)}</span>`
          : html`<span
                ><span part="value" class="value"
                  >${big ? formatCompact(v.value, lang) : formatNumber(v.value, lang)}</span
                >${v.total ?? v.max
                  ? html`<span class="of">/${formatNumber((v.total ?? v.max)!, lang)}</span>`
                  : nothing}</span
              >${v.unit ? html`<span class="unit">${v.unit}</span>` : nothing}${v.total !== undefined &&
              v.rate !== undefined
                ? html`<span aria-hidden="true">·</span><span part="rate" class="rate"
                      >${formatPercent(v.rate, lang, 2)}</span
                    >`
                : nothing}`}
      </p>
      ${big ? html`<p class="exact">${formatNumber(v.value!, lang)}${v.unit ? ` ${v.unit}` : ''}</p>` : nothing}
      ${v.period ? html`<p class="period">${v.period}</p>` : nothing}
      ${change
        ? html`<p part="change" class="change ${change.tone}">
            <span aria-hidden="true">${change.arrow}</span> <span>${change.text}</span>
          </p>`
        : nothing}
      ${v.target !== undefined && now !== undefined ? this.renderTarget(v, now, v.target) : this.renderScale(v)}
    `;
  }

  /** Progress toward the target: a bar filled to current/target, with the words beside it. */
  private renderTarget(v: KpiView, now: number, target: number): TemplateResult {
    const lang = this.readerLang;
    const met = now >= target;
    const nowText = this.isRate(v) ? formatPercent(now, lang, 2) : formatNumber(now, lang);
    const share = target > 0 ? Math.min(now / target, 1) : 1;
    return html`<div part="target" class="meter">
      <p class="meter-text">
        ${msg(lang, 'kpi.target', { target: this.targetText(v, target) })} ·
        ${msg(lang, met ? 'kpi.target.met' : 'kpi.target.notMet')}
      </p>
      <div
        class="track"
        role="progressbar"
        aria-label=${msg(lang, 'kpi.target', { target: this.targetText(v, target) })}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(share * 100)}
        aria-valuetext=${msg(lang, 'kpi.target.valuetext', { current: nowText, target: this.targetText(v, target) })}
      >
        <div class="fill" style=${cssomStyle({ width: `${share * 100}%` })}></div>
      </div>
    </div>`;
  }

  /** A score against its scale (82,5 of 100), when the metric has `max`. */
  private renderScale(v: KpiView) {
    if (v.max === undefined || v.value === undefined) return nothing;
    const lang = this.readerLang;
    const share = Math.min(v.value / v.max, 1);
    return html`<div part="target" class="meter">
      <div
        class="track"
        role="meter"
        aria-label=${v.label || v.name}
        aria-valuemin="0"
        aria-valuemax=${v.max}
        aria-valuenow=${v.value}
        aria-valuetext=${msg(lang, 'kpi.score.valuetext', {
          value: formatNumber(v.value, lang),
          max: formatNumber(v.max, lang),
        })}
      >
        <div class="fill" style=${cssomStyle({ width: `${share * 100}%` })}></div>
      </div>
    </div>`;
  }

  /** "Hồ sơ trả kết quả đúng hạn của Toàn quốc đạt 74.336/74.587 hồ sơ (tỷ lệ 99,66%); …" */
  protected override sentence(v: KpiView): string {
    const lang = this.readerLang;
    let figure = this.figureText(v);
    if (v.value !== undefined && v.total !== undefined && v.rate !== undefined) {
      figure += ` (${msg(lang, 'kpi.sentence.rate', { rate: formatPercent(v.rate, lang, 2) })})`;
    }
    const label = v.label || msg(lang, 'progress.label');
    const parts = [
      v.name
        ? msg(lang, 'kpi.sentence', { label, name: v.name, figure })
        : msg(lang, 'kpi.sentence.noArea', { label, figure }),
    ];
    const change = this.change(v);
    if (change) parts.push(change.text.charAt(0).toLocaleLowerCase(lang) + change.text.slice(1));
    const now = this.current(v);
    if (v.target !== undefined && now !== undefined) {
      parts.push(
        msg(lang, 'kpi.sentence.target', {
          target: this.targetText(v, v.target),
          status: msg(lang, now >= v.target ? 'kpi.target.met' : 'kpi.target.notMet'),
        }),
      );
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
