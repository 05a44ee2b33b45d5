import type { PropertyDeclarations, TemplateResult } from 'lit';
import { TiendoElement, type WidgetNote, type WidgetProblem } from '../base/tiendo-element.js';
import { baseStyles } from '../base/tiendo-element.styles.js';
import { defineElement } from '../base/define.js';
import type { Feed } from '../feed/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { placesChunk } from '../places/places-chunk.js';
import { mapView, step, type MapView } from './map-view.js';
import { mapWords, renderMap, type MapWords } from './map-render.js';
import type { MapWord } from './map-words.js';
import { mapStyles } from './map.styles.js';

export type { MapView, MapTile, MapFigure } from './map-view.js';

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];

/**
 * @tagname tiendo-map
 * @summary The provinces of Vietnam as a tile map: one equal square per
 * province, placed roughly where it lies, coloured by one metric or by the
 * model completion rate, with the same figures as an accessible table.
 *
 * The grid follows the feed's units (the 34 from 1 July 2025 or the 63 before,
 * recognised by code, else by name) unless `grid` says which. Provinces the grid
 * cannot place are listed under the map, never dropped. The map is one tab stop:
 * arrow keys move between tiles as the land lies, Enter or Space chooses one (it
 * becomes the highlighted province, `tiendo-select` tells the page, and the
 * widget's `group` follows). Quần đảo Hoàng Sa (Đà Nẵng) and Quần đảo Trường Sa
 * (Khánh Hòa) are marked. Five classes of a sequential palette, with a legend of
 * their ranges; every tile also carries its figure, and a tile without one is hatched.
 *
 * @csspart title - The map's caption (what colours the tiles).
 * @csspart map - The grid of tiles (one tab stop).
 * @csspart tile - A province's tile; also `tile-highlight` on the highlighted one.
 * @csspart figure - The figure on a tile.
 * @csspart island - The mark of an archipelago.
 * @csspart legend - The five classes of the palette and the hatching of "no data".
 * @csspart outside - The provinces the grid cannot place.
 * @csspart map-note - A note under the legend (regrouped figures, mixed sources).
 * @csspart toggle - The "Xem dạng bảng" button.
 * @csspart table - The same figures as a table, with the counts and sources (hidden until the toggle
 * opens it: the tiles are the screen reader's path too, so that each figure is read once).
 *
 * @cssprop --tiendo-map-tile - Largest size of a tile (default 3.5em); tiles shrink to fit the width.
 * @cssprop --tiendo-map-1 - Palette, lowest class (default #eef4fb); dark text.
 * @cssprop --tiendo-map-2 - Palette, second class (default #bfd8ee); dark text.
 * @cssprop --tiendo-map-3 - Palette, middle class (default #7fb2dc); dark text.
 * @cssprop --tiendo-map-4 - Palette, fourth class (default #2f78b8); white text.
 * @cssprop --tiendo-map-5 - Palette, highest class (default #0b3f7a); white text.
 * @cssprop --tiendo-map-tile-border - Edge of each tile and swatch (default: `--tiendo-color-border-strong`,
 * #8c959f; #848d97 in the dark theme). Keep it at 3:1 against the surface.
 * @cssprop --tiendo-color-highlight-bar - The highlighted tile's edge and ring, the chart's highlight colour
 * (default #073b74; #79c0ff in the dark theme). `--tiendo-color-highlight` is a table row's tint and does
 * not colour the map.
 */
export class TiendoMap extends TiendoElement<MapView> {
  static override styles = [baseStyles, mapStyles];

  // Declared without decorators, as the base does: fewer bytes in the map's chunk.
  static override properties: PropertyDeclarations = {
    metric: { reflect: true },
    highlight: { reflect: true },
    grid: { reflect: true },
    regroup: {},
    showPresent: { type: Boolean, attribute: 'show-present' },
    open: { state: true, attribute: false },
    focusCode: { state: true, attribute: false },
  };

  /** Id of the metric in the feed (its rate where it has one); absent: the pilot models' completion rate. */
  metric?: string;
  /** Id of the province to mark (default: `province`). */
  highlight?: string;
  /** `34` or `63`: which grid; absent: the one the feed's provinces fit. */
  grid?: '34' | '63';
  /**
   * `2025`: a feed of the 63 former provinces is added up into the 34 units of today
   * (counts and value/total pairs); a reported rate or a score shows "—" and a note says why.
   */
  regroup?: '2025';
  /** Names a former province with the unit it is now part of: "Vĩnh Phúc (nay thuộc Phú Thọ)". */
  showPresent = false;

  private open = false;
  /** Code of the tile that holds the tab stop. */
  private focusCode?: string;

  private words?: MapWords;

  override get usesArea(): boolean {
    return false;
  }

  private get needsPlaces(): boolean {
    return this.regroup?.trim() === '2025' || this.showPresent;
  }

  /** @internal A map that adds up or names the former provinces also waits for the places' chunk. */
  protected override get extraChunks() {
    return this.needsPlaces ? [placesChunk] : [];
  }

  fromFeed(feed: Feed): MapView | WidgetProblem | undefined {
    if (this.needsPlaces && !placesChunk.value) return this.chunkProblem(placesChunk);
    return mapView(
      feed,
      {
        metric: this.metric,
        grid: this.grid,
        highlight: this.highlight || this.province,
        regroup: this.regroup?.trim() === '2025',
        showPresent: this.showPresent,
      },
      placesChunk.value,
    );
  }

  fromAttributes(): undefined {
    return undefined;
  }

  /** @internal An unknown `grid` or `regroup`, and `grid="63"` with `regroup`, said under `debug`. */
  protected override attributeNotes(): WidgetNote[] {
    const notes = super.attributeNotes();
    const note = (key: MapWord, params?: WidgetNote['params']) => notes.push({ key: key as MessageKey, params });
    const grid = this.grid?.trim();
    const regroup = this.regroup?.trim();
    if (grid && grid !== '34' && grid !== '63') note('map.note.grid', { value: grid });
    if (regroup && regroup !== '2025') note('map.note.regroup', { value: regroup });
    else if (regroup && grid === '63') note('map.note.regroupGrid');
    return notes;
  }

  /** The view in the reader's words, made once per view and language. */
  private wordsOf(v: MapView): MapWords {
    const w = this.words;
    return w?.view === v && w.lang === this.readerLang ? w : (this.words = mapWords(v, this.readerLang, (n) => this.mark(n)));
  }

  /** The tile with the tab stop: the one last focused, else the highlighted one, else the first with a figure. */
  private focusIndex(v: MapView): number {
    const at = (test: (t: MapView['tiles'][number]) => boolean) => v.tiles.findIndex(test);
    const found = [at((t) => t.code === this.focusCode), at((t) => t.id !== undefined && t.id === v.highlight), at((t) => t.value !== undefined)];
    return Math.max(0, found.find((i) => i >= 0) ?? 0);
  }

  protected renderView(v: MapView): TemplateResult {
    return renderMap(this.wordsOf(v), {
      title: (caption) => this.titleOf(caption, true, 'title'),
      focus: this.focusIndex(v),
      open: this.open,
      toggle: () => (this.open = !this.open),
      choose: (i) => this.choose(v, i),
      focused: (i) => (this.focusCode = v.tiles[i].code),
      key: (e) => void this.move(v, e),
    });
  }

  /**
   * "Cao nhất: Hà Nội; thấp nhất: Cà Mau; Nghệ An xếp thứ 5 trên 34.": places and the rank, without the
   * caption (the title) or the figures (each tile says its own): each read once (issue 18).
   */
  protected override sentence(v: MapView): string {
    const { summary } = this.wordsOf(v);
    return summary ? `${summary}.` : '';
  }

  /** Arrow keys move the tab stop to the nearest tile that way; Home and End to the first and last. */
  private async move(v: MapView, e: KeyboardEvent): Promise<void> {
    if (!KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    this.focusCode = v.tiles[step(v.tiles, this.focusIndex(v), e.key)].code;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.tile[data-code="${this.focusCode}"]`)?.focus();
  }

  /** Enter, Space or a click on a tile of the feed: it becomes the highlighted province, and the page is told. */
  private choose(v: MapView, i: number): void {
    const tile = v.tiles[i];
    this.focusCode = tile.code;
    if (tile.id === undefined) return;
    this.highlight = tile.id;
    this.select(tile.id);
  }
}

defineElement('tiendo-map', TiendoMap);

declare global {
  interface HTMLElementTagNameMap {
    'tiendo-map': TiendoMap;
  }
}
