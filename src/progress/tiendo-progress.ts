import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyle } from '../base/cssom-style.js';
import { TiendoElement, numberAttribute, type ChosenArea, type ViewBase } from '../base/tiendo-element.js';
import { defineElement } from '../base/define.js';
import type { Feed, ModelCounts } from '../feed/types.js';
import type { FeedChecker } from '../feed/validation.js';
import { modelChange, type Change } from '../feed/history.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import { changeWords, lower, since } from '../i18n/change-words.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { progressStyles } from './progress.styles.js';
import { statusStyles } from '../base/status.styles.js';

/** What `<tiendo-progress>` shows: one area's pilot-model counts. */
export interface ProgressView extends ViewBase {
  counts: ModelCounts;
  /** Models completed since the last earlier point of the feed's history, with its date. */
  change?: Change;
}

const SEGMENTS = [
  { key: 'completed', status: 'completed' },
  { key: 'inProgress', status: 'in-progress' },
  { key: 'notStarted', status: 'not-started' },
] as const;

/**
 * @tagname tiendo-progress
 * @summary The pilot models (mô hình điểm) of one province: one bar with completed,
 * in-progress and not-started segments, "6/38 mô hình hoàn thành", the percentage
 * and a legend with counts.
 *
 * @csspart label - The province name or label.
 * @csspart percent - The completion percentage.
 * @csspart summary - "6/38 mô hình hoàn thành".
 * @csspart change - "+2 mô hình hoàn thành so với 30/04/2024", where the feed has history.
 * @csspart bar - The bar (hidden from screen readers: the sentence says its figures); none with only a total.
 * @csspart segment - Every bar segment; also `segment-completed`, `segment-in-progress`, `segment-not-started`.
 * @csspart legend - The legend list.
 *
 * @cssprop --tiendo-color-completed - Completed segment (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - Not-started dots (default #57606a).
 * @cssprop --tiendo-color-track - The empty bar (default #eaeef2).
 * @cssprop --tiendo-color-track-border - The bar's border (default #8c959f).
 * @cssprop --tiendo-bar-height - Height of the bar (default 1em).
 * @cssprop --tiendo-bar-radius - Corner radius of the bar (default 999px).
 */
export class TiendoProgress extends TiendoElement<ProgressView> {
  static override styles = [baseStyles, statusStyles, progressStyles];

  static override properties: PropertyDeclarations = {
    total: {},
    completed: {},
    inProgress: { attribute: 'in-progress' },
    notStarted: { attribute: 'not-started' },
    label: {},
  };

  /** Inline mode: the number of pilot models. */
  total?: string;
  /** Inline mode: models completed. */
  completed?: string;
  /** Inline mode: models in progress. */
  inProgress?: string;
  /** Inline mode: models not started. */
  notStarted?: string;
  /** The heading; in feed mode it replaces the province name. */
  label?: string;

  fromFeed(_feed: Feed, chosen: ChosenArea): ProgressView | undefined {
    const counts = chosen.area.models;
    if (!counts?.total) return undefined;
    return {
      name: this.label?.trim() || this.areaName(chosen),
      counts,
      change: chosen.area.models && modelChange(chosen.area.models),
      source: chosen.source,
      asOf: chosen.asOf,
    };
  }

  fromAttributes(checker: FeedChecker): ProgressView | undefined {
    const raw = {
      total: numberAttribute(this, 'total', checker),
      completed: numberAttribute(this, 'completed', checker),
      inProgress: numberAttribute(this, 'in-progress', checker),
      notStarted: numberAttribute(this, 'not-started', checker),
    };
    if (Object.values(raw).every((v) => v === undefined) && !checker.errors.length) return undefined;
    const counts = checker.modelCounts(raw, '');
    return counts && { name: this.label?.trim() ?? '', counts };
  }

  /** The share completed, one decimal, never rounded to 0% or 100% unless it is that; `spoken` for the ear. */
  #percent({ completed = 0, total }: ModelCounts, spoken?: boolean): string {
    return formatPercent(total ? completed / total : 0, this.readerLang, 1, spoken);
  }


  protected renderView(view: ProgressView): TemplateResult {
    const lang = this.readerLang;
    const { counts } = view;
    const n = (v: number) => formatNumber(v, lang);
    const name = view.name || msg(lang, 'progress.label');
    // The editor's label and the reader's own words are not the feed's (Vietnamese) names.
    const own = this.label?.trim() || !view.name;
    const summary =
      counts.completed === undefined
        ? msg(lang, 'progress.total', { total: n(counts.total) })
        : msg(lang, 'progress.completedOf', { completed: n(counts.completed), total: n(counts.total) });
    const known = SEGMENTS.filter((s) => counts[s.key] !== undefined);
    const d = view.change?.delta;
    // None completed is said in words, not as a 0,0% that reads as failure (SPEC "Figures that never mislead").
    const none = counts.completed === 0;
    // One accessible path (SPEC: each figure read once): the sentence says every figure, and everything drawn
    // is hidden from screen readers, the bar too. Chosen for a Vietnamese NVDA reader over a progressbar whose
    // value repeats the sentence: NVDA says the bar's name and "thanh tiến trình" before its value, beeps at each
    // value change (a refresh, a group's choice), and calls a bar without a value "busy" (a province with only a
    // total), and the sentence alone reads in Vietnamese order, with the change and its date, in one breath.
    // A province with only a total has no bar and no legend: its count in words (progress.total).
    // Written without indentation inside the templates: Lit ships template text as it is (the core's budget).
    return html`<div class="head">${this.titleOf(name, own)}${counts.completed === undefined
      ? nothing
      : html`<p part="percent" class="percent${none ? ' none' : ''}" aria-hidden="true">${none
          ? msg(lang, 'progress.none') +
            (counts.inProgress ? `; ${msg(lang, 'progress.sentence.inProgress', { count: n(counts.inProgress) })}` : '')
          : this.#percent(counts)}</p>`}</div><p part="summary" class="summary" aria-hidden="true">${summary}</p>${d === undefined
      ? nothing
      : html`<p part="change" class="change" aria-hidden="true">${msg(lang, d > 0 ? 'progress.more' : d < 0 ? 'progress.fewer' : 'progress.same', {
          count: n(Math.abs(d)),
          since: since(lang, view.change!.asOf),
        })}</p>`}${known.length
      ? html`<div part="bar" class="bar" aria-hidden="true">${known.map(
          (s) =>
            html`<div part="segment segment-${s.status}" class="segment ${s.status}" style=${cssomStyle({
              width: `${(counts[s.key]! / counts.total) * 100}%`,
            })}></div>`,
        )}</div><ul part="legend" class="legend" aria-hidden="true">${known.map(
          (s) =>
            html`<li><span class="swatch ${s.status}"></span>${msg(lang, `status.${s.status}`)} <span class="count">${n(counts[s.key]!)}</span></li>`,
        )}</ul>`
      : nothing}`;
  }

  /**
   * "Nghệ An đã hoàn thành 6 trên 38 mô hình điểm (15,8%), tăng 2 so với ngày 30 tháng 4 năm 2024;
   * 20 mô hình đang triển khai, 12 chưa triển khai." Written for the ear (SPEC, Elements), and the one path
   * of the figures to a screen reader: the bar, the legend and the counts on screen are hidden from it.
   */
  protected override sentence(view: ProgressView): string {
    const lang = this.readerLang;
    const { counts, change } = view;
    const n = (v: number) => formatNumber(v, lang);
    const name = this.mark(view.name || msg(lang, 'progress.label'), this.label?.trim() || !view.name);
    const total = n(counts.total);
    let head =
      counts.completed === undefined
        ? `${name}: ${msg(lang, 'progress.total', { total })}`
        : counts.completed
          ? msg(lang, 'progress.sentence', { name, completed: n(counts.completed), total, percent: this.#percent(counts, true) })
          : msg(lang, 'progress.sentence.none', { name, total });
    if (change) {
      head += `, ${lower(changeWords(lang, change.delta, n(Math.abs(change.delta)), since(lang, change.asOf, true)), lang)}`;
    }
    const rest = [
      counts.inProgress !== undefined && msg(lang, 'progress.sentence.inProgress', { count: n(counts.inProgress) }),
      counts.notStarted !== undefined && msg(lang, 'progress.sentence.notStarted', { count: n(counts.notStarted) }),
    ].filter(Boolean);
    return rest.length ? `${head}; ${rest.join(lang === 'vi' ? ', ' : ' and ')}.` : `${head}.`;
  }
}

defineElement('tiendo-progress', TiendoProgress);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-progress': TiendoProgress;
  }
}
