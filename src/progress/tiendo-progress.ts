import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { cssomStyle } from '../base/cssom-style.js';
import { TiendoElement, numberAttribute, type SelectedArea, type ViewBase } from '../base/tiendo-element.js';
import { defineElement } from '../base/define.js';
import type { Feed, ModelCounts } from '../feed/types.js';
import type { FeedChecker } from '../feed/validation.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { progressStyles } from './progress.styles.js';

/** What `<tiendo-progress>` shows: one area's pilot-model counts. */
export interface ProgressView extends ViewBase {
  counts: ModelCounts;
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
 * @slot - Fallback content: shown before the script loads and whenever there are no figures.
 *
 * @csspart base - The widget's box.
 * @csspart label - The province name or label.
 * @csspart percent - The completion percentage.
 * @csspart summary - "6/38 mô hình hoàn thành".
 * @csspart bar - The bar (role progressbar).
 * @csspart segment - Every bar segment; also `segment-completed`, `segment-in-progress`, `segment-not-started`.
 * @csspart legend - The legend list.
 * @csspart sentence - The plain-language sentence (visually hidden unless `show-sentence`).
 * @csspart footer - Source and date of the figures.
 * @csspart source-link - The source's link.
 * @csspart note - The stale or overdue note; also `stale-note`, `overdue-note`.
 * @csspart message - The short message of the error and empty states.
 * @csspart debug - The full reason for an error, under `debug`.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop --tiendo-color-completed - Completed segment (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - Not-started dots (default #57606a).
 * @cssprop --tiendo-color-track - The empty bar (default #eaeef2).
 * @cssprop --tiendo-color-track-border - The bar's border (default #8c959f).
 * @cssprop --tiendo-bar-height - Height of the bar (default 1em).
 * @cssprop --tiendo-bar-radius - Corner radius of the bar (default 999px).
 * @cssprop --tiendo-font-family - Font of the widget (default system-ui).
 * @cssprop --tiendo-font-size - Base font size (default: the reader's browser setting).
 * @cssprop --tiendo-color-text - Text colour (default #1f2328).
 * @cssprop --tiendo-color-muted - Secondary text (default #57606a).
 * @cssprop --tiendo-color-surface - Background (default #ffffff).
 * @cssprop --tiendo-color-border - Border of the box (default #d0d7de).
 * @cssprop --tiendo-color-link - Links (default #0b5cad).
 * @cssprop --tiendo-color-focus - Focus ring (default #0b5cad).
 * @cssprop --tiendo-color-warning - Stale and overdue notes (default #9a6700).
 * @cssprop --tiendo-color-warning-surface - Background of the notes (default #fff8c5).
 * @cssprop --tiendo-color-error - The debug box (default #b42318).
 * @cssprop --tiendo-padding - Inner spacing (default 1em).
 * @cssprop --tiendo-radius - Corner radius of the box (default 0.5em).
 *
 * @fires tiendo-load - The figures shown changed; `detail.data` is the view, `detail.url` the feed.
 * @fires tiendo-error - No figures can be shown; `detail` has `message`, `url`, `path` and `kind`.
 */
export class TiendoProgress extends TiendoElement<ProgressView> {
  static override styles = [baseStyles, progressStyles];

  /** Inline mode: the number of pilot models. */
  @property({ type: String }) total?: string;
  /** Inline mode: models completed. */
  @property({ type: String }) completed?: string;
  /** Inline mode: models in progress. */
  @property({ type: String, attribute: 'in-progress' }) inProgress?: string;
  /** Inline mode: models not started. */
  @property({ type: String, attribute: 'not-started' }) notStarted?: string;
  /** The heading; in feed mode it replaces the province name. */
  @property() label?: string;

  protected fromFeed(feed: Feed, selected: SelectedArea): ProgressView | undefined {
    const counts = selected.area.models;
    if (!counts?.total) return undefined;
    return {
      name: this.label?.trim() || this.areaName(selected),
      counts,
      ...this.provenance(selected.area, feed),
    };
  }

  protected fromAttributes(checker: FeedChecker): ProgressView | undefined {
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

  private percent({ completed = 0, total }: ModelCounts): string {
    return formatPercent(total ? completed / total : 0, this.lang_);
  }

  protected renderView(view: ProgressView): TemplateResult {
    const lang = this.lang_;
    const { counts } = view;
    const n = (v: number) => formatNumber(v, lang);
    const name = view.name || msg(lang, 'progress.label');
    const summary =
      counts.completed === undefined
        ? msg(lang, 'progress.total', { total: n(counts.total) })
        : msg(lang, 'progress.completedOf', { completed: n(counts.completed), total: n(counts.total) });
    const known = SEGMENTS.filter((s) => counts[s.key] !== undefined);
    return html`
      <div class="head">
        <p part="label" class="label">${name}</p>
        ${counts.completed === undefined
          ? nothing
          : html`<p part="percent" class="percent" aria-hidden="true">${this.percent(counts)}</p>`}
      </div>
      <p part="summary" class="summary" aria-hidden="true">${summary}</p>
      <div
        part="bar"
        class="bar"
        role="progressbar"
        aria-label=${`${name}: ${msg(lang, 'progress.label')}`}
        aria-valuemin="0"
        aria-valuemax=${counts.total}
        aria-valuenow=${counts.completed ?? nothing}
        aria-valuetext=${this.valueText(counts)}
      >
        ${known.map(
          (s) =>
            html`<div
              part="segment segment-${s.status}"
              class="segment ${s.status}"
              style=${cssomStyle({ width: `${(counts[s.key]! / counts.total) * 100}%` })}
            ></div>`,
        )}
      </div>
      <ul part="legend" class="legend">
        ${known.map(
          (s) =>
            html`<li>
              <span class="swatch ${s.status}" aria-hidden="true"></span>${msg(lang, `status.${s.status}`)}
              <span class="count">${n(counts[s.key]!)}</span>
            </li>`,
        )}
      </ul>
    `;
  }

  /** What a screen reader announces for the bar: every count, formatted for the reader. */
  private valueText(counts: ModelCounts): string {
    const lang = this.lang_;
    const n = (v: number) => formatNumber(v, lang);
    const parts =
      counts.completed === undefined
        ? [msg(lang, 'progress.total', { total: n(counts.total) })]
        : [
            msg(lang, 'progress.valuetext', {
              completed: n(counts.completed),
              total: n(counts.total),
              percent: this.percent(counts),
            }),
          ];
    for (const s of SEGMENTS.slice(1)) {
      const v = counts[s.key];
      if (v !== undefined) parts.push(`${msg(lang, `status.${s.status}`)}: ${n(v)}`);
    }
    return parts.join('; ');
  }

  /** "Nghệ An đã hoàn thành 6/38 mô hình điểm (15,8%); 20 mô hình đang triển khai, 12 chưa triển khai." */
  protected override sentence(view: ProgressView): string {
    const lang = this.lang_;
    const { counts } = view;
    const n = (v: number) => formatNumber(v, lang);
    if (counts.completed === undefined) return `${view.name || msg(lang, 'progress.label')}: ${this.valueText(counts)}.`;
    const head = msg(lang, 'progress.sentence', {
      name: view.name || msg(lang, 'progress.label'),
      completed: n(counts.completed),
      total: n(counts.total),
      percent: this.percent(counts),
    });
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
