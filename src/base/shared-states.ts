/**
 * The states every widget draws the same way: loading (a skeleton that keeps
 * the widget's place), error and empty (the editor's fallback content and a short,
 * calm message; the full reason only under `debug`), the stale and overdue notes,
 * and the footer that credits the figures' source and date.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedSource } from '../feed/types.js';
import { issueText } from '../feed/validation.js';
import { formatDate } from '../i18n/format.js';
import { msg, type Lang } from '../i18n/messages.js';
import type { WidgetProblem } from './figures-controller.js';

export function renderLoading(lang: Lang): TemplateResult {
  return html`<div part="base" class="widget" aria-busy="true">
    <div part="skeleton" class="skeleton"></div>
    <p class="visually-hidden" role="status">${msg(lang, 'state.loading')}</p>
  </div>`;
}

export function renderError(lang: Lang, problem: WidgetProblem, debug: boolean): TemplateResult {
  return html`<div part="base" class="widget">
    <div class="fallback"><slot></slot></div>
    <p part="message" class="message">${msg(lang, 'state.error')}</p>
    ${debug
      ? html`<div part="debug" class="debug">
          <p>${msg(lang, problem.key, problem.params)}</p>
          ${problem.issues?.length
            ? html`<ul>
                ${problem.issues.map((i) => html`<li><code>${issueText(i, lang)}</code></li>`)}
              </ul>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}

/** The notes under the figures: the last good figures shown after a failed refresh, a passed update date. */
export function renderNotes(lang: Lang, stale: boolean, overdue?: string) {
  return html`${stale ? html`<p part="note stale-note" class="note" role="status">${msg(lang, 'state.stale')}</p>` : nothing}
  ${overdue
    ? html`<p part="note overdue-note" class="note">${msg(lang, 'state.overdue', { date: formatDate(overdue, lang) })}</p>`
    : nothing}`;
}

/** "Nguồn: Công an tỉnh Nghệ An · Số liệu đến 04/10/2024"; the name links only to http(s). */
export function renderFooter(lang: Lang, { source, asOf }: { source?: FeedSource; asOf?: string }) {
  if (!source && !asOf) return nothing;
  const name = source?.url
    ? html`<a part="source-link" href=${source.url} rel="noopener noreferrer"><bdi>${source.name}</bdi></a>`
    : html`<bdi>${source?.name}</bdi>`;
  return html`<p part="footer" class="footer">
    ${source ? html`<span>${msg(lang, 'footer.source')} ${name}</span>` : nothing} ${source && asOf ? ' · ' : nothing}
    ${asOf ? html`<span class="nowrap">${msg(lang, 'footer.asOf', { date: formatDate(asOf, lang) })}</span>` : nothing}
  </p>`;
}

/** Error and empty states share the fallback content and a short message. */
export function renderEmpty(
  lang: Lang,
  stale: boolean,
  overdue: string | undefined,
  provenance: { source?: FeedSource; asOf?: string },
  editorNotes: unknown = nothing,
) {
  return html`<div part="base" class="widget">
    <div class="fallback"><slot></slot></div>
    <p part="message" class="message">${msg(lang, 'state.empty')}</p>
    ${renderNotes(lang, stale, overdue)} ${renderFooter(lang, provenance)} ${editorNotes}
  </div>`;
}
