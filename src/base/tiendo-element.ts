/**
 * The one base of every tiendo widget. It holds the attributes every widget
 * shares and puts together the named parts that do the shared work:
 * - {@link FiguresController}: feed (through a @lit/task Task), inline JSON or
 *   attributes → a valid feed → the chosen area → the widget's view;
 * - {@link LanguageController}: the reader's language;
 * - shared-states.ts: the loading, error, empty, stale, overdue and footer drawing;
 * - the events, fired once per new outcome.
 * A widget says how to read its figures (`fromFeed`, `fromAttributes`) and how to
 * draw them (`renderView`, `sentence`).
 */
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { baseStyles } from './tiendo-element.styles.js';
import { fire, type TiendoErrorDetail } from './events.js';
import { FiguresController, LOADING, untilPast, type Outcome, type ViewBase, type WidgetProblem } from './figures-controller.js';
import { feedTiming } from '../feed/loader.js';
import { isolate, todayIso } from '../i18n/format.js';
import { resolveLang } from '../i18n/lang.js';
import { LanguageController } from './language-controller.js';
import { GroupController, type GroupChoice } from './group-controller.js';
import { renderEmpty, renderError, renderFooter, renderLoading, renderNotes } from './shared-states.js';
import type { Feed } from '../feed/types.js';
import type { ChosenArea } from '../feed/figures.js';
import { FeedChecker, issueText } from '../feed/validation.js';
import { loadMessages, messagesReady, msg, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';
import type { LazyChunk } from './lazy-chunk.js';
import { currentSlice, inTurn } from './turns.js';

export type { ViewBase, WidgetProblem } from './figures-controller.js';

/** An attribute (or figure) the widget worked around: said under `debug` and on the console. */
export interface WidgetNote {
  key: MessageKey;
  params?: MessageParams;
}
export type { ChosenArea } from '../feed/figures.js';

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

/**
 * The widget that says "stale" aloud for each feed URL (SPEC, issue 18): twelve widgets on one
 * feed that failed to refresh announce it once, not twelve times.
 */
const staleVoices = new Map<string, Element>();

/** Around feed text inside a sentence: the base marks it `lang="vi"` (see {@link TiendoElement.mark}). */
const MARK = /[\ue000\ue001]/;

/** Seconds before a widget asks again for a chunk that failed to arrive: 5 s, doubling, at most 5 minutes. */
const CHUNK_RETRY_FIRST = 5_000;
const CHUNK_RETRY_MAX = 300_000;

/**
 * The attributes, parts, properties and events every widget shares.
 *
 * @slot - Fallback content: shown before the script loads and whenever there are no figures.
 *
 * @csspart base - The widget's box.
 * @csspart sentence - The plain-language sentence (visually hidden unless `show-sentence`).
 * @csspart footer - Source and date of the figures.
 * @csspart source-link - The source's link.
 * @csspart note - The stale or overdue note; also `stale-note`, `overdue-note`.
 * @csspart message - The short message of the error and empty states.
 * @csspart debug - The full reason for an error, under `debug`.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop --tiendo-font-family - Font of the widget (default system-ui).
 * @cssprop --tiendo-font-size - Base font size (default: the largest of 12px, the page's `html` size and the reader's browser setting).
 *
 * Colours: the light default, then the dark theme's (`theme="dark"`, or `"auto"` on a dark system);
 * a value the page sets wins in both. Text meets 4.5:1 and graphics and the focus ring 3:1 on the surface.
 * @cssprop --tiendo-color-text - Text colour (#1f2328; dark #e6edf3).
 * @cssprop --tiendo-color-muted - Secondary text (#57606a; dark #9ea7b3).
 * @cssprop --tiendo-color-surface - Background (#ffffff; dark #161b22).
 * @cssprop --tiendo-color-border - Border of the box (#d0d7de; dark #3d444d).
 * @cssprop --tiendo-color-border-strong - Border of inputs (#6e7781; dark #848d97).
 * @cssprop --tiendo-color-link - Links (#0b5cad; dark #58a6ff).
 * @cssprop --tiendo-color-focus - Focus ring (#0b5cad; dark #58a6ff).
 * @cssprop --tiendo-color-warning - Stale and overdue notes' edge (#9a6700; dark #d29922).
 * @cssprop --tiendo-color-warning-surface - Background of the notes (default: 12% of the warning colour in the surface, `color-mix()`).
 * @cssprop --tiendo-color-error - The debug box (#b42318; dark #ff7b72).
 * @cssprop --tiendo-color-completed - Completed models, bars and lines of a figure (#0b62c4; dark #4493f8).
 * @cssprop --tiendo-color-in-progress - In-progress stripes (#d46b08; dark #e0823d).
 * @cssprop --tiendo-color-in-progress-alt - The stripes' second colour (#f0a450 in both themes).
 * @cssprop --tiendo-color-not-started - Not-started dots (#57606a; dark #9ea7b3).
 * @cssprop --tiendo-color-track - An empty bar (#eaeef2; dark #2d333b).
 * @cssprop --tiendo-color-track-border - A bar's border (#8c959f; dark #8b949e).
 * @cssprop --tiendo-color-good - A change for the better (#116329; dark #3fb950).
 * @cssprop --tiendo-color-bad - A change for the worse (#b42318; dark #ff7b72).
 * @cssprop --tiendo-color-grid - A chart's grid lines (#d0d7de; dark #3d444d).
 * @cssprop --tiendo-color-highlight - The highlighted row's background (dark: 22% of the warning colour in the surface, `color-mix()`).
 * @cssprop --tiendo-color-highlight-bar - The chart's (and map's) highlighted province (#073b74; dark #79c0ff).
 * @cssprop --tiendo-padding - Inner spacing (default 1em).
 * @cssprop --tiendo-radius - Corner radius of the box (default 0.5em).
 *
 * @fires tiendo-load - The figures shown changed; `detail.data` is the view, `detail.url` the feed.
 * @fires tiendo-error - No figures can be shown; `detail` has `message`, `url`, `path` and `kind`.
 * @fires tiendo-select - The reader chose an area (picker, map tile, table row); `detail` has `province` ('' for the whole country), `commune` and `group`.
 */
export abstract class TiendoElement<V extends ViewBase> extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  // Declared without decorators: static properties cost the citizens' core fewer bytes.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    province: { reflect: true },
    commune: { reflect: true },
    group: { reflect: true },
    refresh: { type: Number },
    timeout: { type: Number },
    debug: { type: Boolean },
    source: {},
    sourceUrl: { attribute: 'source-url' },
    asOf: { attribute: 'as-of' },
    showSentence: { type: Boolean, attribute: 'show-sentence' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
  };

  /** URL of a feed (relative or absolute); elements with the same URL share one request. */
  src?: string;

  /** Id of a province in the feed. Absent: the feed's only province, else the national block. */
  province?: string;

  /** Id of a commune (xã, phường, đặc khu) of the chosen province. */
  commune?: string;

  /**
   * Name of a group of linked widgets: they follow one choice of area, made with a
   * `<tiendo-picker>`, a map tile or a table row of the same group.
   */
  group?: string;

  /** Seconds between re-fetches. A failed refresh keeps the last good figures, marked stale. */
  refresh?: number;

  /** Seconds to wait for a feed before giving up (default 10). */
  timeout?: number;

  /** Shows the full reason for an error inside the widget (for editors). */
  debug = false;

  /** Inline mode: the name of the source of the figures. */
  source?: string;

  /** Inline mode: the http(s) address of the source. */
  sourceUrl?: string;

  /** Inline mode: the date of the figures, ISO 8601 (2024-10-04). */
  asOf?: string;

  /** Shows the plain-language sentence on screen (screen readers always get it). */
  showSentence = false;

  /** Makes the widget's title a heading of this level (2–6) for pages that want one; absent: no heading. */
  headingLevel?: number;

  /**
   * `light` (default), `dark`, or `auto` (follows the reader's `prefers-color-scheme`). The
   * `--tiendo-*` custom properties the page sets still override any colour.
   */
  theme?: 'light' | 'dark' | 'auto';

  /** @internal A valid feed set by a server-side render (`.serverFeed=${feed}`): the figures to draw without a request. */
  serverFeed?: Feed;

  /** @internal */
  protected readonly figures = new FiguresController<V>(this);
  /** @internal */
  readonly #language = new LanguageController(this);
  /** @internal */
  protected readonly linked = new GroupController(this);
  /** @internal */
  #outcome: Outcome<V> = LOADING;
  /** @internal The outcome last announced by an event, so each is announced once. */
  #announced?: unknown;
  /** @internal */
  #chunkRetry?: ReturnType<typeof setTimeout>;
  /** @internal */
  #chunkRetryDelay = CHUNK_RETRY_FIRST;
  /** @internal Words that failed to arrive: the widget speaks Vietnamese meanwhile. */
  #wordsFailed = false;
  /** @internal What the widget worked around in this outcome, said under `debug`. */
  #notes: WidgetNote[] = [];
  /** @internal Notes already said on the console. */
  #warned = new Set<string>();
  /** @internal Turns the widget overdue when its feed's next update passes, on a page left open. */
  #overdueTimer?: ReturnType<typeof setTimeout>;
  /** @internal The next update has passed since the last outcome: work it out again. */
  #recheck = false;
  /** @internal The language the outcome was worked out in (its default words: "Toàn quốc", "Nationwide"). */
  #outcomeLang?: Lang;
  /** @internal Whether this render drew a title (the group's name). */
  #titled = false;
  /** @internal What a prerendered snippet's declarative shadow root held: on screen until the first figures replace it. */
  #served?: ChildNode[];
  /** @internal The slice of widget work this widget last drew in (src/base/turns.ts). */
  #drawnIn = NaN;

  /** @internal The reader's language in this update. */
  protected get readerLang(): Lang {
    return this.#language.value;
  }

  /**
   * @internal Builds the view from a valid feed; undefined means the feed has nothing for
   * this widget (the empty state). `chosen` is absent when `usesArea` is false.
   */
  abstract fromFeed(feed: Feed, chosen?: ChosenArea): V | WidgetProblem | undefined;

  /** @internal Builds the view from the element's own attributes; undefined when none is given. */
  abstract fromAttributes(checker: FeedChecker): V | undefined;

  /** @internal */
  protected abstract renderView(view: V): TemplateResult;

  /** @internal The figures as one plain sentence for screen readers; '' for none. */
  protected sentence(_view: V): string {
    return '';
  }

  /** @internal Whether the widget shows one area; a widget that compares areas gets the whole feed. */
  get usesArea(): boolean {
    return true;
  }

  /** @internal The absolute feed URL, or undefined when `src` is absent or not http(s). */
  get feedUrl(): string | undefined {
    if (!this.src) return undefined;
    try {
      const url = new URL(this.src, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * @internal How the widget follows its group: a widget of one area takes the choice as its
   * `province` (and `commune`), a widget that compares areas as its `highlight`.
   */
  protected get followsAs(): 'province' | 'highlight' {
    return this.usesArea ? 'province' : 'highlight';
  }

  /**
   * @internal Takes the group's choice. A widget's own attribute holds until a choice is made in
   * its group; a widget that joins after one (added later, or whose code arrived later: a shared
   * link's `?tinh=` is chosen as the page opens) takes the choice already made.
   */
  followGroup(choice: GroupChoice, _joining: boolean): void {
    const as = this.followsAs;
    const self = this as unknown as Record<string, string | undefined>;
    self[as] = choice.province || undefined;
    if (as === 'province') this.commune = choice.commune || undefined;
  }

  /** @internal Chooses an area for the page: fires `tiendo-select`, which the widget's group follows. */
  protected select(province: string, commune?: string): void {
    fire(this, 'tiendo-select', { province, commune, group: this.group });
  }

  /**
   * @internal The name a view shows for its area: its own, else the reader's word for the nation
   * (a national block the feed calls "Toàn quốc" is the reader's word too: English never says it).
   */
  protected areaName(chosen: ChosenArea): string {
    const n = chosen.name;
    return n && n !== msg('vi', 'area.national') ? n : msg(this.readerLang, 'area.national');
  }

  /** @internal Whether `text` comes from the feed (Vietnamese), not the reader's own word for the nation. */
  #fed(text: string, own?: unknown): boolean {
    return !own && text !== msg(this.readerLang, 'area.national');
  }

  /** @internal Feed text on screen: isolated for direction and, unless `own` (the reader's or editor's words), marked Vietnamese. */
  protected feedText(text: string, own?: unknown): TemplateResult {
    return html`<bdi lang=${this.#fed(text, own) ? 'vi' : nothing}>${text}</bdi>`;
  }

  /** @internal Feed text inside a sentence: isolated, and marked for the base to render as `lang="vi"` unless `own`. */
  protected mark(text: string, own?: unknown): string {
    return this.#fed(text, own) ? `\ue000${isolate(text)}\ue001` : isolate(text);
  }

  /**
   * @internal The widget's title: the group's name, and a heading of `heading-level` (2–6) when
   * given. `content` is text (marked as feed text) or a template; `part` is also its class.
   */
  protected titleOf(content: string | TemplateResult, own?: unknown, part = 'label'): TemplateResult {
    const h = Number(this.headingLevel);
    const level = h >= 2 && h <= 6 ? Math.trunc(h) : 0;
    this.#titled = true;
    return html`<p part=${part} class=${part} id="title" role=${level ? 'heading' : nothing} aria-level=${level || nothing}>${typeof content == 'string'
      ? this.feedText(content, own)
      : content}</p>`;
  }

  /** @internal Whether this widget says "stale" aloud: the first stale widget of its feed URL on the page. */
  #speaksStale(stale: boolean): boolean {
    const url = this.feedUrl;
    if (!stale || !url) return false;
    const first = staleVoices.get(url);
    if (first && first !== this && first.isConnected && first.hasAttribute('stale')) return false;
    staleVoices.set(url, this);
    return true;
  }

  /** @internal The ready widget's role, named by its title: a group (a chart is a figure). */
  protected get boxRole(): string {
    return 'group';
  }

  /** @internal A chunk the view needs before it can render (the table's and the chart's views). */
  protected get viewChunk(): LazyChunk<unknown> | undefined {
    return undefined;
  }

  /** @internal Other chunks this render needs (the places' lists for `regroup` or `show-present`). */
  protected get extraChunks(): LazyChunk<unknown>[] {
    return [];
  }

  /** @internal The problem a widget shows while its view's chunk has not arrived. */
  protected chunkProblem(chunk: LazyChunk<unknown>): WidgetProblem {
    return { key: 'error.chunk', params: { name: chunk.name }, kind: 'chunk' };
  }

  /**
   * Every update waits for the chunks its view needs (only the first widget of its kind on a
   * page has to), then for its turn (src/base/turns.ts). If a chunk cannot be fetched, the widget
   * shows its error state and asks again later.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    // An update asked for in the slice this widget last drew in completes that drawing (its own
    // measurements after a render): it runs at once, so that no frame shows the drawing half done.
    const finishing = this.#drawnIn === currentSlice();
    const chunks = [this.viewChunk, ...this.extraChunks].filter((c): c is LazyChunk<unknown> => Boolean(c && !c.value));
    // While a retry is pending, renders do not ask again: the chunk is asked for when the retry falls due.
    if (this.#chunkRetry === undefined) {
      // The name is bound now rather than read later by a closure over the loop's variable: in WebKit a
      // closure made in a loop after an await once read an earlier turn's variables (test/hostile/fuzz.test.ts).
      for (const chunk of chunks) await chunk.load().catch(this.chunkFailed.bind(this, chunk.name, false));
    }
    // Widgets take turns: a page of them draws in tasks the reader's taps can come between.
    return inTurn(() => {
      const done = super.scheduleUpdate();
      this.#drawnIn = currentSlice();
      return done;
    }, finishing);
  }

  /**
   * @internal Attributes the widget worked around (a `refresh` below the floor, a `type` it does
   * not draw…): said under `debug` and once on the console, never silently ignored. Widgets add theirs.
   */
  protected attributeNotes(): WidgetNote[] {
    return this.src ? feedTiming(this.getAttribute('refresh'), this.getAttribute('timeout')).notes : [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#chunkRetry);
    clearTimeout(this.#overdueTimer);
    this.#chunkRetry = this.#overdueTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Lit runs controllers' hostUpdate after willUpdate: the language this update speaks is read first.
    this.#language.hostUpdate();
    // The language is known before the view is worked out (the controller's own update comes after this).
    const lang = (this.#language.value = resolveLang(this));
    const o = this.#outcome;
    const relang = lang !== this.#outcomeLang;
    if (relang || changed.size || this.#recheck || this.figures.changed || o.state === 'loading' || (o.state === 'error' && o.problem.kind === 'chunk')) {
      // A lang change alone works the view out again in the new words, but it is not a new outcome to announce.
      const same = !changed.size && !this.#recheck && !this.figures.changed && this.#announced === o;
      this.#recheck = false;
      this.#outcomeLang = lang;
      this.#outcome = this.figures.outcome();
      if (same && this.#outcome.state === o.state) this.#announced = this.#outcome;
      const now = this.#outcome;
      const asOf = now.state === 'ready' ? now.view.asOf : now.state === 'empty' ? now.asOf : undefined;
      this.#notes = this.attributeNotes();
      if (asOf && asOf.slice(0, 10) > todayIso()) this.#notes.push({ key: 'note.asOfFuture', params: { date: asOf.slice(0, 10) } });
    }
    const withRules = this.#outcome.state === 'error' || this.#notes.length > 0;
    if (!this.#wordsFailed && !messagesReady(this.readerLang, withRules)) {
      loadMessages(this.readerLang, withRules).then(
        () => {
          // The view is worked out again in the words that arrived (a nameless nation is "Nationwide", not "Toàn quốc").
          this.#outcomeLang = undefined;
          this.requestUpdate();
        },
        () => {
          // The words' chunk did not arrive: speak Vietnamese (always built in), say so, try again later.
          this.#wordsFailed = true;
          this.requestUpdate();
          this.chunkFailed(this.readerLang === 'en' ? 'messages-en' : 'rule-messages', true);
        },
      );
    }
  }

  /** @internal The outcome to show: still loading until the words to show it in have arrived (or failed to). */
  get #shown(): Outcome<V> {
    const ready = this.#wordsFailed || messagesReady(this.readerLang, this.#outcome.state === 'error' || this.#notes.length > 0);
    return ready ? this.#outcome : LOADING;
  }

  /** @internal The language the words are shown in: the reader's, or Vietnamese while English failed to arrive. */
  get #wordsLang(): Lang {
    return this.#wordsFailed && !messagesReady(this.readerLang) ? 'vi' : this.readerLang;
  }

  /**
   * @internal A chunk this widget needs did not arrive: it shows its fallback (or Vietnamese
   * words), and asks again later (5 s, doubling, at most every 5 minutes). `report` fires
   * `tiendo-error` now, for a failure the widget's state does not show (the error state reports itself).
   */
  protected chunkFailed(name: string, report: boolean): void {
    if (this.#chunkRetry !== undefined || !this.isConnected) return;
    if (report) this.#report({ key: 'error.chunk', params: { name }, kind: 'chunk' });
    this.#chunkRetry = setTimeout(() => {
      this.#chunkRetry = undefined;
      this.#wordsFailed = false;
      this.requestUpdate();
    }, this.#chunkRetryDelay);
    this.#chunkRetryDelay = Math.min(this.#chunkRetryDelay * 2, CHUNK_RETRY_MAX);
  }

  /**
   * A widget prerendered into the page (`tiendo snippet --prerender`: a declarative shadow root) keeps
   * the server's content while it loads, and replaces it with its first figures (or error) in the
   * same task: no skeleton, no wipe-and-redraw, no layout shift.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Taken before Lit adds anything of its own (its <style> elements where adoptedStyleSheets is missing).
    const served = this.shadowRoot?.childNodes.length ? [...this.shadowRoot.childNodes] : undefined;
    const root = super.createRenderRoot();
    if (served) {
      this.#served = served;
      // Lit would render before the root's first node, one of these: after them, so removing them leaves its part whole.
      this.renderOptions.renderBefore = null;
    }
    return root;
  }

  protected override update(changed: PropertyValues): void {
    if (this.#served && this.#shown.state !== 'loading') {
      for (const node of this.#served) node.remove();
      this.#served = undefined;
    }
    super.update(changed);
  }

  protected override render(): unknown {
    const o = this.#shown;
    const lang = this.#wordsLang;
    switch (o.state) {
      case 'loading':
        return this.#served
          ? nothing
          : renderLoading(
              lang,
              [...this.childNodes].some((n) => (n.nodeType === 1 ? (n as Element).localName !== 'script' : n.nodeType === 3 && n.textContent!.trim())),
            );
      case 'error':
        return renderError(lang, o.problem, this.debug);
      case 'empty':
        return renderEmpty(lang, o, this.#speaksStale(o.stale), this.#renderAttributeNotes(lang));
      case 'ready': {
        // One named group in the reader's language (SPEC "What every element must get right"); feed names inside are marked Vietnamese.
        this.#titled = false;
        const view = this.renderView(o.view);
        const said = this.sentence(o.view);
        // Written without indentation inside the template: Lit ships template text as it is (the core's budget).
        return html`<div part="base" class="widget" lang=${lang} role=${this.boxRole} aria-labelledby=${this.#titled ? 'area title' : nothing}>${view}${said
          ? html`<p part="sentence" class=${this.showSentence ? 'sentence' : 'visually-hidden'}>${said
              .split(MARK)
              .map((t, i) => (i % 2 ? html`<bdi lang="vi">${t}</bdi>` : t))}</p>`
          : nothing}${renderNotes(lang, o.stale, o.overdue, this.#speaksStale(o.stale))}${renderFooter(lang, o.view)}${this.#renderAttributeNotes(lang)}</div>`;
      }
    }
  }

  /** @internal The attribute notes, for the editor, under `debug`. */
  #renderAttributeNotes(lang: Lang) {
    if (!this.debug || !this.#notes.length) return nothing;
    return html`<ul part="debug" class="debug">
      ${this.#notes.map((n) => html`<li>${msg(lang, n.key, n.params)}</li>`)}
    </ul>`;
  }

  protected override updated(): void {
    const o = this.#shown;
    clearTimeout(this.#overdueTimer);
    if ((o.state === 'ready' || o.state === 'empty') && o.next && !o.overdue && this.isConnected) {
      // At most a day at a time (timers cannot wait longer than 24.8 days), then checked again.
      const wait = Math.min(Math.max(untilPast(o.next), 0) + 1_000, 86_400_000);
      this.#overdueTimer = setTimeout(() => {
        this.#recheck = true;
        this.requestUpdate();
      }, wait);
    }
    if (o.state !== 'loading' && messagesReady(this.readerLang, true)) {
      for (const n of this.#notes) {
        const text = msg(this.readerLang, n.key, n.params);
        if (!this.#warned.has(text)) console.warn(`tiendo <${this.localName}>: ${text}`);
        this.#warned.add(text);
      }
    }
    this.setAttribute('state', o.state);
    this.toggleAttribute('stale', (o.state === 'ready' || o.state === 'empty') && o.stale);
    this.toggleAttribute('overdue', (o.state === 'ready' || o.state === 'empty') && Boolean(o.overdue));
    // Each new outcome is announced once, not on every re-render (e.g. a lang change).
    if (this.#announced === o) return;
    this.#announced = o;
    if (o.state === 'ready') {
      this.#chunkRetryDelay = CHUNK_RETRY_FIRST;
      fire(this, 'tiendo-load', { data: o.view, url: o.url });
    } else if (o.state === 'error') {
      this.#report(o.problem);
    }
  }

  /** @internal Tells the editor why: on the console and in a `tiendo-error` event. */
  #report(problem: WidgetProblem): void {
    const lang = this.#wordsLang;
    const detail = [msg(lang, problem.key, problem.params), ...(problem.issues ?? []).map((i) => issueText(i, lang))].join('\n');
    console.warn(`tiendo <${this.localName}>: ${detail}`);
    fire<TiendoErrorDetail>(this, 'tiendo-error', {
      message: detail,
      url: problem.url,
      path: problem.issues?.[0]?.path ?? '',
      kind: problem.kind,
    });
  }
}
