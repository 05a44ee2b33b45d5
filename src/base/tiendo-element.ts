/**
 * The one base for every tiendo widget: where the figures come from (feed,
 * inline JSON or attributes), which province they are about, the shared states
 * (loading, ready, empty, error, stale, overdue), the source footer, the
 * plain-language sentence and the events. A widget only says how to read its
 * figures and how to draw them.
 */
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from './tiendo-element.styles.js';
import { fire, type TiendoErrorDetail } from './events.js';
import type { Feed, FeedArea, FeedSource, Province } from '../feed/types.js';
import { subscribeFeed, type FeedSnapshot } from '../feed/loader.js';
import { FeedChecker, issueText, safeHttpUrl, validateFeedText, warnRepairs, type FeedIssue, type ValidationResult } from '../feed/validation.js';
import { formatDate, todayIso } from '../i18n/format.js';
import { resolveLang, watchLang } from '../i18n/lang.js';
import { loadMessages, messagesReady, msg, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';

/** What every view model carries for the footer and the sentence. */
export interface ViewBase {
  /** The province's (or nation's) name, or the inline label. */
  name: string;
  source?: FeedSource;
  asOf?: string;
}

/** Why a widget shows no figures: a message key, its parameters and, for a feed, the broken rules. */
export interface WidgetProblem {
  key: MessageKey;
  params?: MessageParams;
  issues?: FeedIssue[];
  kind: TiendoErrorDetail['kind'];
  url?: string;
}

/** The province (or national block) a widget shows. */
export interface SelectedArea {
  area: FeedArea;
  /** Present when the area is a province. */
  province?: Province;
}

type Outcome<V> =
  | { state: 'loading' }
  | { state: 'ready'; view: V; stale: boolean; overdue?: string }
  | { state: 'empty'; stale: boolean; overdue?: string; source?: FeedSource; asOf?: string }
  | { state: 'error'; problem: WidgetProblem };

const LOADING: Outcome<never> = { state: 'loading' };

/** `{ name, url }` when the URL is http(s), so it can never become a link otherwise. */
function sourceOf(name: string | undefined, url?: string): FeedSource | undefined {
  return name?.trim() ? { name: name.trim(), ...(url ? { url: safeHttpUrl(url) } : {}) } : undefined;
}

/**
 * Reads a numeric attribute for inline mode. A figure written with thousands
 * separators ("201.884") is refused rather than read as 201.884.
 */
export function numberAttribute(el: Element, name: string, checker: FeedChecker): number | undefined {
  const text = el.getAttribute(name)?.trim();
  if (!text) return undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    checker.error(name, 'rule.thousands', { text });
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    checker.error(name, 'rule.number');
    return undefined;
  }
  return value;
}

export abstract class TiendoElement<V extends ViewBase> extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  /** URL of a feed (relative or absolute); elements with the same URL share one request. */
  @property({ reflect: true }) src?: string;

  /** Id of a province in the feed. Absent: the feed's only province, else the national block. */
  @property({ reflect: true }) province?: string;

  /** Seconds between re-fetches. A failed refresh keeps the last good figures, marked stale. */
  @property({ type: Number }) refresh?: number;

  /** Seconds to wait for a feed before giving up (default 10). */
  @property({ type: Number }) timeout?: number;

  /** Shows the full reason for an error inside the widget (for editors). */
  @property({ type: Boolean }) debug = false;

  /** Inline mode: the name of the source of the figures. */
  @property() source?: string;

  /** Inline mode: the http(s) address of the source. */
  @property({ attribute: 'source-url' }) sourceUrl?: string;

  /** Inline mode: the date of the figures, ISO 8601 (2024-10-04). */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** Shows the plain-language sentence on screen (screen readers always get it). */
  @property({ type: Boolean, attribute: 'show-sentence' }) showSentence = false;

  @state() private snapshot?: FeedSnapshot;

  private outcome: Outcome<V> = LOADING;
  private unsubscribe?: () => void;
  private subscriptionKey?: string;
  private unwatchLang?: () => void;
  private reported?: unknown;
  private inlineFeed?: { text: string; result: ValidationResult };

  /** The reader's language, resolved at each render. */
  protected lang_: Lang = 'vi';

  /**
   * Builds the view from a valid feed; undefined means the feed has nothing for
   * this widget (the empty state). `selected` is absent when `usesArea` is false.
   */
  protected abstract fromFeed(feed: Feed, selected?: SelectedArea): V | WidgetProblem | undefined;

  /** Builds the view from the element's own attributes; undefined when none is given. */
  protected abstract fromAttributes(checker: FeedChecker): V | undefined;

  protected abstract renderView(view: V): TemplateResult;

  /** The figures as one plain sentence for screen readers; '' for none. */
  protected sentence(_view: V): string {
    return '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLang = watchLang(this);
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLang?.();
    this.unsubscribe?.();
    this.unsubscribe = this.subscriptionKey = undefined;
  }

  /** The absolute feed URL, or undefined when `src` is absent or not http(s). */
  private get feedUrl(): string | undefined {
    if (!this.src) return undefined;
    try {
      const url = new URL(this.src, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  private subscribe(): void {
    const url = this.feedUrl;
    const key = url && `${url} ${this.refresh ?? ''} ${this.timeout ?? ''}`;
    if (key === this.subscriptionKey || !this.isConnected) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscriptionKey = key;
    if (!url) return;
    // A listener of an older src is unsubscribed here, so its answer can never overwrite this one.
    if (this.snapshot?.url !== url) this.snapshot = undefined;
    this.unsubscribe = subscribeFeed(url, { refresh: this.refresh, timeout: this.timeout }, (snapshot) => {
      this.snapshot = snapshot;
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('src') || changed.has('refresh') || changed.has('timeout')) this.subscribe();
    // A lang change re-renders without changed properties: the view stays, only the words change.
    if (changed.size || this.outcome.state === 'loading') this.outcome = this.compute();
    this.lang_ = resolveLang(this);
    const withRules = this.needsRules;
    if (!messagesReady(this.lang_, withRules)) {
      void loadMessages(this.lang_, withRules).then(() => this.requestUpdate());
    }
  }

  /** An error is explained to editors (debug, console, event) in words that are a chunk of their own. */
  private get needsRules(): boolean {
    return this.outcome.state === 'error';
  }

  /** The outcome to show: still loading until the words to show it in have arrived. */
  private get shown(): Outcome<V> {
    return messagesReady(this.lang_, this.needsRules) ? this.outcome : LOADING;
  }

  private compute(): Outcome<V> {
    if (this.src) {
      const url = this.feedUrl;
      if (!url) return { state: 'error', problem: { key: 'error.url', params: { url: this.src }, kind: 'network' } };
      const snap = this.snapshot;
      if (!snap || snap.url !== url) return { state: 'loading' };
      if (snap.feed) return this.fromValidFeed(snap.feed, snap.stale);
      const e = snap.error!;
      const key = ({
        network: 'error.network',
        http: 'error.http',
        json: 'error.json',
        invalid: 'error.invalid',
        'too-big': 'error.tooBig',
        timeout: 'error.timeout',
      } as const)[e.kind];
      const params = { url, status: e.status ?? '', seconds: e.timeoutSeconds ?? '' };
      return { state: 'error', problem: { key, params, issues: e.issues, kind: e.kind, url } };
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      // Validated once per text, not again on every attribute change (and warned about once).
      const text = inline.textContent ?? '';
      if (this.inlineFeed?.text !== text) {
        this.inlineFeed = { text, result: validateFeedText(text) };
        warnRepairs(`<${this.localName}>`, this.inlineFeed.result.warnings, resolveLang(this));
      }
      const { result } = this.inlineFeed;
      if (result.feed) return this.fromValidFeed(result.feed, false);
      return { state: 'error', problem: { key: 'error.inlineJson', issues: result.errors, kind: 'invalid' } };
    }
    const checker = new FeedChecker();
    const view = this.fromAttributes(checker);
    const asOf = checker.date(this.asOf, 'as-of');
    if (checker.errors.length) {
      return { state: 'error', problem: { key: 'error.attributes', issues: checker.errors, kind: 'attributes' } };
    }
    if (!view) return { state: 'error', problem: { key: 'error.noData', kind: 'attributes' } };
    return {
      state: 'ready',
      view: { ...view, source: sourceOf(this.source, this.sourceUrl), asOf },
      stale: false,
    };
  }

  private fromValidFeed(feed: Feed, stale: boolean): Outcome<V> {
    const overdue = feed.nextUpdate && feed.nextUpdate.slice(0, 10) < todayIso() ? feed.nextUpdate : undefined;
    let selected: SelectedArea | undefined;
    if (this.usesArea) {
      const choice = this.select(feed);
      if ('key' in choice) return { state: 'error', problem: choice };
      selected = choice;
    }
    const result = this.fromFeed(feed, selected);
    if (!result) {
      const area = selected?.area;
      return { state: 'empty', stale, overdue, source: area?.source ?? feed.source, asOf: area?.asOf ?? feed.asOf };
    }
    if ('key' in result) return { state: 'error', problem: result };
    return { state: 'ready', view: result, stale, overdue };
  }

  /**
   * Whether the widget shows one area (picked by `province`). A widget that
   * compares provinces returns false and gets the whole feed, no area.
   */
  protected get usesArea(): boolean {
    return true;
  }

  /** The province named by `province`; else the only province; else the national block. */
  private select(feed: Feed): SelectedArea | WidgetProblem {
    const id = this.province?.trim();
    if (id) {
      const province = feed.provinces.find((p) => p.id === id);
      return province
        ? { area: province, province }
        : { key: 'error.province', params: { id }, kind: 'selection' };
    }
    if (feed.provinces.length === 1) return { area: feed.provinces[0], province: feed.provinces[0] };
    if (feed.national) return { area: feed.national };
    return { key: 'error.needProvince', kind: 'selection' };
  }

  /** The area's display name: a province's name, or the national block's (default "Toàn quốc"). */
  protected areaName(selected: SelectedArea): string {
    return selected.area.name ?? msg(this.lang_, 'area.national');
  }

  /** The nearest source and date: the most specific of `layers` that has one wins. */
  protected provenance(
    ...layers: ({ source?: FeedSource; asOf?: string } | undefined)[]
  ): Pick<ViewBase, 'source' | 'asOf'> {
    return {
      source: layers.find((l) => l?.source)?.source,
      asOf: layers.find((l) => l?.asOf)?.asOf,
    };
  }

  protected override render(): TemplateResult {
    const o = this.shown;
    const t = (key: MessageKey, params?: MessageParams) => msg(this.lang_, key, params);
    switch (o.state) {
      case 'loading':
        return html`<div part="base" class="widget" aria-busy="true">
          <div part="skeleton" class="skeleton"></div>
          <p class="visually-hidden" role="status">${t('state.loading')}</p>
        </div>`;
      case 'error':
        return html`<div part="base" class="widget">
          <div class="fallback"><slot></slot></div>
          <p part="message" class="message">${t('state.error')}</p>
          ${this.debug
            ? html`<div part="debug" class="debug">
                <p>${t(o.problem.key, o.problem.params)}</p>
                ${o.problem.issues?.length
                  ? html`<ul>
                      ${o.problem.issues.map((i) => html`<li><code>${issueText(i, this.lang_)}</code></li>`)}
                    </ul>`
                  : nothing}
              </div>`
            : nothing}
        </div>`;
      case 'empty':
        return html`<div part="base" class="widget">
          <div class="fallback"><slot></slot></div>
          <p part="message" class="message">${t('state.empty')}</p>
          ${this.renderNotes(o.stale, o.overdue)} ${this.renderFooter(o)}
        </div>`;
      case 'ready': {
        const sentence = this.sentence(o.view);
        return html`<div part="base" class="widget">
          ${this.renderView(o.view)}
          ${sentence
            ? html`<p part="sentence" class=${this.showSentence ? 'sentence' : 'visually-hidden'}>${sentence}</p>`
            : nothing}
          ${this.renderNotes(o.stale, o.overdue)} ${this.renderFooter(o.view)}
        </div>`;
      }
    }
  }

  private renderNotes(stale: boolean, overdue?: string) {
    return html`${stale
      ? html`<p part="note stale-note" class="note" role="status">${msg(this.lang_, 'state.stale')}</p>`
      : nothing}
    ${overdue
      ? html`<p part="note overdue-note" class="note">
          ${msg(this.lang_, 'state.overdue', { date: formatDate(overdue, this.lang_) })}
        </p>`
      : nothing}`;
  }

  /** "Nguồn: Công an tỉnh Nghệ An · Số liệu đến 04/10/2024"; the name links only to http(s). */
  private renderFooter({ source, asOf }: { source?: FeedSource; asOf?: string }) {
    if (!source && !asOf) return nothing;
    const name = source?.url
      ? html`<a part="source-link" href=${source.url} rel="noopener noreferrer">${source.name}</a>`
      : source?.name;
    return html`<p part="footer" class="footer">
      ${source ? html`<span>${msg(this.lang_, 'footer.source')} ${name}</span>` : nothing}
      ${source && asOf ? ' · ' : nothing}
      ${asOf ? html`<span>${msg(this.lang_, 'footer.asOf', { date: formatDate(asOf, this.lang_) })}</span>` : nothing}
    </p>`;
  }

  protected override updated(): void {
    const o = this.shown;
    this.setAttribute('state', o.state);
    this.toggleAttribute('stale', o.state !== 'error' && o.state !== 'loading' && o.stale);
    this.toggleAttribute('overdue', (o.state === 'ready' || o.state === 'empty') && Boolean(o.overdue));
    // Each new outcome is announced once, not on every re-render (e.g. a lang change).
    if (this.reported === o) return;
    this.reported = o;
    if (o.state === 'ready') {
      fire(this, 'tiendo-load', { data: o.view, url: this.snapshot?.url });
    } else if (o.state === 'error') {
      const { problem } = o;
      const detail = [
        msg(this.lang_, problem.key, problem.params),
        ...(problem.issues ?? []).map((i) => issueText(i, this.lang_)),
      ].join('\n');
      console.warn(`tiendo <${this.localName}>: ${detail}`);
      fire<TiendoErrorDetail>(this, 'tiendo-error', {
        message: detail,
        url: problem.url,
        path: problem.issues?.[0]?.path ?? '',
        kind: problem.kind,
      });
    }
  }
}
