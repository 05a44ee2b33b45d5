import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { TiendoElement, type ChosenArea, type ViewBase, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { MODEL_STATUSES, type Feed, type ModelStatus, type Province } from '../feed/types.js';
import { COUNT_KEY } from '../feed/figures.js';
import { formatNumber } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import { statusStyles } from '../base/status.styles.js';
import { modelListStyles } from './model-list.styles.js';

/** One pilot model of a province. */
export interface ModelListItem {
  id: string;
  /** From the feed's `models` catalogue; absent when the catalogue lacks the id (shown as "Mô hình 44"). */
  name?: string;
  status: ModelStatus;
}

/** What `<tiendo-model-list>` shows: one province's pilot models and their status. */
export interface ModelListView extends ViewBase {
  /** The models shown (after the `status` filter), in catalogue order. */
  models: ModelListItem[];
  /** How many of the province's models have each status: its `models` counts, else the list's (before the filter). */
  counts: Record<ModelStatus, number>;
}

/**
 * @tagname tiendo-model-list
 * @summary The pilot models (mô hình điểm) of one province with their status, each
 * shown as words and a swatch with its own pattern (solid, striped, dotted, as in the
 * progress legend), with the count of each status. Names come from the feed's `models`
 * catalogue; a model missing from it is shown by its id ("Mô hình 44").
 *
 * @csspart label - The province name.
 * @csspart counts - The counts of each status.
 * @csspart list - The list of models.
 * @csspart item - Every model; also `item-completed`, `item-in-progress`, `item-not-started`.
 *
 * @cssprop --tiendo-color-completed - The completed swatch (default #0b62c4).
 * @cssprop --tiendo-color-in-progress - The in-progress stripes (default #d46b08).
 * @cssprop --tiendo-color-in-progress-alt - The second colour of the stripes (default #f0a450).
 * @cssprop --tiendo-color-not-started - The not-started dots (default #57606a).
 * @cssprop --tiendo-color-track-border - The swatches' border (default #8c959f).
 */
export class TiendoModelList extends TiendoElement<ModelListView> {
  static override styles = [baseStyles, statusStyles, modelListStyles];

  // Declared without decorators, as the base does (no decorators chunk on the page).
  static override properties: PropertyDeclarations = {
    status: { reflect: true },
  };

  /** Shows one status only: `completed`, `in-progress` or `not-started`. */
  status?: 'completed' | 'in-progress' | 'not-started';

  fromFeed(feed: Feed, chosen: ChosenArea): ModelListView | WidgetProblem | undefined {
    const only = this.status?.trim();
    if (only && !MODEL_STATUSES.includes(only as ModelStatus)) {
      return { key: 'error.attributes', issues: [{ path: 'status', rule: 'rule.modelStatus' }], kind: 'attributes' };
    }
    // The chosen area's own list: a commune's, not its province's (the national block has none).
    const statuses = (chosen.area as Partial<Pick<Province, 'modelStatus'>>).modelStatus ?? {};
    // Catalogue order; ids the catalogue lacks come last.
    const at = (id: string) => feed.models.findIndex((m) => m.id === id) + 1 || 1e9;
    const all = Object.keys(statuses)
      .sort((a, b) => at(a) - at(b))
      .map((id) => ({ id, name: feed.models.find((m) => m.id === id)?.name, status: statuses[id] }));
    const models = all.filter((m) => !only || m.status === only);
    if (!models.length) return undefined;
    // The province's own counts where the feed gives them (a list may name only some models), else the list's.
    const g = chosen.area.models;
    const counts = {} as Record<ModelStatus, number>;
    for (const s of MODEL_STATUSES) counts[s] = g?.[COUNT_KEY[s]] ?? all.filter((m) => m.status === s).length;
    return { name: this.areaName(chosen), models, counts, source: chosen.source, asOf: chosen.asOf };
  }

  fromAttributes(): undefined {
    return undefined;
  }

  protected renderView(v: ModelListView): TemplateResult {
    const lang = this.readerLang;
    const status = (s: ModelStatus) => msg(lang, `status.${s}`);
    // The same swatches as the progress legend (solid, striped, dotted); the words carry the meaning.
    const item = (s: ModelStatus, content: TemplateResult, p?: string) =>
      html`<li part=${p ?? nothing}><span class="swatch ${s}" aria-hidden="true"></span>${content}</li>`;
    return html`${this.titleOf(v.name)}
      <ul part="counts" class="legend">
        ${MODEL_STATUSES.map((s) =>
          item(s, html`${status(s)} <span class="count">${formatNumber(v.counts[s], lang)}</span>`),
        )}
      </ul>
      <ul part="list" class="list">
        ${v.models.map((m) =>
          item(
            m.status,
            html`<span class="name" lang=${m.name ? 'vi' : nothing}>${m.name ?? msg(lang, 'models.unknown', { id: m.id })}</span>
              <span class="status">${status(m.status)}</span>`,
            `item item-${m.status}`,
          ),
        )}
      </ul>`;
  }
}

defineElement('tiendo-model-list', TiendoModelList);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-model-list': TiendoModelList;
  }
}
