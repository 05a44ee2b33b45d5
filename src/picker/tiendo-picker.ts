import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { TiendoElement, type ChosenArea, type ViewBase } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import { groupChoice, type GroupChoice } from '../base/group-controller.js';
import type { Feed } from '../feed/types.js';
import { msg } from '../i18n/messages.js';
import { pickerMsg } from './picker-words.js';

/** One option of the picker: an area id ('' for the whole country or province) and its name. */
export interface PickerOption {
  id: string;
  name: string;
}

/** What `<tiendo-picker>` shows: the areas to choose from. */
export interface PickerView extends ViewBase {
  options: PickerOption[];
  /** `province` or `commune`. */
  level: 'province' | 'commune';
}

const collator = new Intl.Collator('vi');

/**
 * @tagname tiendo-picker
 * @summary A choice of province (or commune) that every widget of its `group` follows:
 * a labelled native select ("Toàn quốc" first when the feed has a national block, then
 * the provinces in Vietnamese order), optionally kept in the page address (`url-param`)
 * so that a shared link opens on the same province.
 *
 * @csspart label - The select's label.
 * @csspart select - The native select.
 */
export class TiendoPicker extends TiendoElement<PickerView> {
  static override styles = [
    baseStyles,
    css`
      label {
        display: block;
        font-weight: 600;
        margin-block-end: 0.25em;
      }
      select {
        font: inherit;
        font-size: max(1em, 12px);
        color: inherit;
        background: var(--tiendo-color-surface, #fff);
        border: 1px solid var(--tiendo-color-border-strong, #6e7781);
        border-radius: 0.25em;
        padding: 0.4em 0.5em;
        min-height: 2.75em;
        inline-size: 100%;
        max-inline-size: 100%;
      }
      select:focus-visible {
        outline: 3px solid var(--tiendo-color-focus, #0b5cad);
        outline-offset: 2px;
      }
    `,
  ];

  // Declared without decorators, as the base does (no decorators chunk on the page).
  static override properties: PropertyDeclarations = {
    level: { reflect: true },
    label: {},
    urlParam: { attribute: 'url-param' },
  };

  /** `province` (default) or `commune`: the communes of the group's province. */
  level?: 'province' | 'commune';
  /** The select's label (default "Chọn tỉnh, thành phố" / "Chọn xã, phường"). */
  label?: string;
  /** Keeps the choice in the page address under this name (`?tinh=nghe-an`), read when the page opens. */
  urlParam?: string;

  /** @internal The chosen id ('' = the whole country, or the whole province at commune level). */
  private chosenId?: string;
  /** @internal The address was read once, when the options were first known. */
  private addressRead = false;

  private get isCommuneLevel(): boolean {
    return this.level === 'commune';
  }

  override get usesArea(): boolean {
    return this.isCommuneLevel;
  }

  protected override get followsAs(): 'province' | 'highlight' {
    return 'province';
  }

  override followGroup(choice: GroupChoice): void {
    if (this.isCommuneLevel) {
      this.province = choice.province || undefined;
      this.chosenId = choice.commune ?? '';
    } else {
      this.chosenId = choice.province;
    }
    this.requestUpdate();
  }

  fromFeed(feed: Feed, chosen?: ChosenArea): PickerView | undefined {
    if (this.isCommuneLevel) {
      const communes = chosen?.province?.communes ?? [];
      if (!communes.length) return undefined;
      const options = [{ id: '', name: pickerMsg(this.readerLang, 'picker.allCommunes') }, ...sorted(communes)];
      return { name: chosen?.name ?? '', options, level: 'commune', source: chosen?.source, asOf: chosen?.asOf };
    }
    if (!feed.provinces.length) return undefined;
    // The whole country in the reader's word, whatever the feed calls the body that reports it ("Bộ Công an"): a place to choose.
    const national = feed.national ? [{ id: '', name: msg(this.readerLang, 'area.national') }] : [];
    return { name: '', options: [...national, ...sorted(feed.provinces)], level: 'province', source: feed.source, asOf: feed.asOf };
  }

  fromAttributes(): undefined {
    return undefined;
  }

  protected renderView(v: PickerView): TemplateResult {
    this.readAddress(v);
    const lang = this.readerLang;
    const label = this.label?.trim() || pickerMsg(lang, v.level === 'commune' ? 'picker.commune' : 'picker.province');
    const chosen = this.chosenId ?? (this.group && groupChoice(this.group)?.province) ?? '';
    const ownFirst = v.level === 'commune' ? pickerMsg(lang, 'picker.allCommunes') : msg(lang, 'area.national');
    // The group's name is the label (the title); feed names (every option but the reader's own first words) are Vietnamese.
    return html`${this.titleOf(html`<label part="label" for="choice">${label}</label>`, true, 'title')}
      <select part="select" id="choice" @change=${this.onChange}>
        ${v.options.map(
          (o) => html`<option value=${o.id} lang=${o.id || o.name !== ownFirst ? 'vi' : nothing} ?selected=${o.id === chosen}>${o.name}</option>`,
        )}
      </select>`;
  }

  /** Opens on the province the page address names (once); an unknown id is ignored with a warning. */
  private readAddress(v: PickerView): void {
    if (this.addressRead || !this.urlParam) return;
    this.addressRead = true;
    const id = new URL(location.href).searchParams.get(this.urlParam);
    if (id === null) return;
    if (!v.options.some((o) => o.id === id)) {
      console.warn(`tiendo <tiendo-picker>: ${pickerMsg(this.readerLang, 'picker.unknown', { id })}`);
      return;
    }
    this.chosenId = id;
    // After this render: the group (and the page) hear of the choice as if the reader made it.
    void this.updateComplete.then(() => this.choose(id, false));
  }

  private onChange(e: Event): void {
    this.choose((e.target as HTMLSelectElement).value, true);
  }

  private choose(id: string, writeAddress: boolean): void {
    this.chosenId = id;
    if (writeAddress && this.urlParam) {
      const url = new URL(location.href);
      if (id) url.searchParams.set(this.urlParam, id);
      else url.searchParams.delete(this.urlParam);
      history.replaceState(history.state, '', url);
    }
    if (this.isCommuneLevel) this.select(this.province ?? '', id || undefined);
    else this.select(id);
  }
}

function sorted(areas: { id: string; name: string }[]): PickerOption[] {
  return areas.map(({ id, name }) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));
}

defineElement('tiendo-picker', TiendoPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-picker': TiendoPicker;
  }
}
