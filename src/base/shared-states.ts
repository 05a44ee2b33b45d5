/**
 * The states every widget draws the same way: loading (a skeleton that keeps
 * the widget's place), error and empty (the editor's fallback content and a short,
 * calm message; the full reason only under `debug`), the stale and overdue notes,
 * and the footer that credits the figures' source and date.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedSource } from '../feed/types.js';
import { issueText } from '../feed/validation.js';
import { formatDate, formatDateSpoken } from '../i18n/format.js';
import { msg, type Lang, type MessageKey } from '../i18n/messages.js';
import type { WidgetProblem } from './figures-controller.js';

/**
 * Loading: the editor's fallback content when the tag has some (a snippet writes the current figures
 * there, so they stay in view until the live ones replace them: issue 19), else a skeleton; either
 * keeps the widget's ready height.
 */
export function renderLoading(lang: Lang, fallback?: boolean): TemplateResult {
  return html`<div part="base" class="widget" lang=${lang} aria-busy="true">${fallback
    ? html`<div class="reserve"><slot></slot></div>`
    : html`<div part="skeleton" class="skeleton"></div>`}<p class="visually-hidden" role="status">${msg(lang, 'state.loading')}</p></div>`;
}

export function renderError(lang: Lang, problem: WidgetProblem, debug: boolean): TemplateResult {
  return html`<div part="base" class="widget" lang=${lang}>
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

/**
 * A message with a date: the compact date on screen ("ngày 04/10/2024", hidden from screen readers) and the
 * date for the ear ("ngày 4 tháng 10 năm 2024"), visually hidden (SPEC, Elements). The Vietnamese
 * messages say "ngày {date}" themselves, so the spoken date's own "ngày" is left out.
 */
function dated(lang: Lang, key: MessageKey, iso: string, cls?: string) {
  return html`<span class=${cls ?? nothing} aria-hidden="true">${msg(lang, key, { date: formatDate(iso, lang) })}</span><span class="visually-hidden">${msg(
    lang,
    key,
    { date: formatDateSpoken(iso, lang).replace(/^ngày /, '') },
  )}</span>`;
}

/**
 * The notes under the figures: the last good figures shown after a failed refresh, a passed update date.
 * `voice`: this widget announces the stale note (the first of its feed on the page).
 */
export function renderNotes(lang: Lang, stale: boolean, overdue?: string, voice?: boolean) {
  return html`${stale ? html`<p part="note stale-note" class="note" role=${voice ? 'status' : nothing}>${msg(lang, 'state.stale')}</p>` : nothing}
  ${overdue ? html`<p part="note overdue-note" class="note">${dated(lang, 'state.overdue', overdue)}</p>` : nothing}`;
}

/** "Nguồn: Công an tỉnh Nghệ An · Số liệu tính đến ngày 04/10/2024"; the name links only to http(s). */
export function renderFooter(lang: Lang, { source, asOf }: { source?: FeedSource; asOf?: string }) {
  if (!source && !asOf) return nothing;
  const name = source?.url
    ? html`<a part="source-link" href=${source.url} rel="noopener noreferrer"><bdi lang="vi">${source.name}</bdi></a>`
    : html`<bdi lang="vi">${source?.name}</bdi>`;
  return html`<p part="footer" class="footer">
    ${source ? html`<span>${msg(lang, 'footer.source')} ${name}</span>` : nothing} ${source && asOf ? ' · ' : nothing}
    ${asOf ? dated(lang, 'footer.asOf', asOf, 'nowrap') : nothing}
  </p>`;
}

/** Error and empty states share the fallback content and a short message. */
export function renderEmpty(
  lang: Lang,
  o: { stale: boolean; overdue?: string; source?: FeedSource; asOf?: string },
  voice: boolean,
  editorNotes: unknown = nothing,
) {
  return html`<div part="base" class="widget" lang=${lang}>
    <div class="fallback"><slot></slot></div>
    <p part="message" class="message">${msg(lang, 'state.empty')}</p>
    ${renderNotes(lang, o.stale, o.overdue, voice)} ${renderFooter(lang, o)} ${editorNotes}
  </div>`;
}
