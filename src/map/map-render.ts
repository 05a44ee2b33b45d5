/**
 * `<tiendo-map>` in the reader's words and on screen: the caption, each tile's
 * figure and accessible name, the legend's five ranges, the summary (highest,
 * lowest, the highlighted province's rank), and the template: the tiles on a
 * CSS grid (one tab stop, arrow keys between tiles), the archipelagos, the
 * legend, the provinces the grid cannot place, and the same figures as a table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyle } from '../base/cssom-style.js';
import { decimalsApart, formatCompact, formatDate, formatDateSpoken, formatNumber, formatPercent, formatPercentShort, isolate } from '../i18n/format.js';
import type { Lang, MessageParams } from '../i18n/messages.js';
import type { MapFigure, MapTile, MapView } from './map-view.js';
import { mapMsg, type MapWord } from './map-words.js';

/** The view in the reader's words. */
export interface MapWords {
  view: MapView;
  lang: Lang;
  caption: string;
  /** Each tile's figure as its tile and the table show it ('—' without one). */
  figures: string[];
  /** What each tile's accessible name says after the province's name: "15,8%", "không có số liệu". */
  labels: string[];
  /** The names of the provinces outside the grid ("Vĩnh Phúc (nay thuộc Phú Thọ)"), and their figures. */
  outside: string[];
  outsideFigures: string[];
  /** One range per class: "15% – 20%". */
  legend: string[];
  /** "Cao nhất: …; thấp nhất: …; Nghệ An: 15,8% (xếp thứ 5/34)". */
  summary: string;
  /** Notes under the map: what was added up and why some units show "—", mixed sources. */
  notes: string[];
  /**
   * The table's figure column, and its optional columns: counts, parts of a unit, provenance; `said`:
   * the cells for the ear where they differ ("6 trên 38", dates in words), the screen keeping "6/38";
   * `figures`: cells that hold figures, which never break inside ("7.654.321/9.876.543" at 320 px).
   */
  head: string;
  columns: { head: string; cells: string[]; said?: string[]; figures?: boolean }[];
}

/** The handlers the element gives the template. */
export interface MapHandlers {
  /** The caption as the element draws its title. */
  title: (caption: string) => TemplateResult;
  /** Index of the tile that takes the tab stop. */
  focus: number;
  open: boolean;
  toggle(): void;
  choose(index: number): void;
  key(event: KeyboardEvent): void;
  focused(index: number): void;
}

/**
 * The view in the reader's words, made once per view and language. `mark`
 * marks a Vietnamese name inside the summary (the element's `mark`).
 */
export function mapWords(v: MapView, lang: Lang, mark: (name: string) => string = (n) => n): MapWords {
  const t = (key: MapWord, params?: MessageParams) => mapMsg(lang, key, params);
  const m = v.metric;
  const num = (x: number) => formatNumber(x, lang);
  // A rate as a percentage; a value from 10,000 up in words ("50,6 nghìn"), so that it fits a tile.
  const fig = !m || m.rate ? (x: number) => formatPercent(x, lang) : (x: number) => (Math.abs(x) >= 10000 ? formatCompact(x, lang) : num(x));
  const nameOf = (f: MapFigure) => (f.present ? t('map.partOf', { name: isolate(f.name), unit: f.present }) : f.name);
  const figureOf = (f: MapFigure) => (f.value === undefined ? '—' : fig(f.value));
  const labelOf = (f: MapFigure) => (f.value !== undefined ? fig(f.value) : t(f.withheld ? 'map.withheld' : 'map.none'));

  // Enough decimals for each bound of the legend to read apart from the next (a millionth-wide range too).
  let places = 2;
  for (let i = 0; i + 1 < v.breaks.length; i++) places = decimalsApart(v.breaks[i], v.breaks[i + 1], places, (x, d) => formatPercentShort(x, lang, d));
  const bound = !m || m.rate ? (x: number) => formatPercentShort(x, lang, places) : fig;
  const legend: string[] = [];
  for (let i = 0; i + 1 < v.breaks.length; i++) {
    const [lo, hi] = [v.breaks[i], v.breaks[i + 1]];
    legend.push(lo === hi ? bound(lo) : `${bound(lo)} – ${bound(hi)}`);
  }

  // Ranked as the chart ranks: the highest figure first; rank 1 is the best (the lowest where lower is better).
  const rows: MapFigure[] = [...v.tiles, ...v.outside];
  const ranked = rows.filter((f) => f.value !== undefined && f.id !== undefined).sort((a, b) => b.value! - a.value!);
  // Places and the rank only: each tile already says its figure, and the caption is the widget's title (each
  // figure read once, issue 18).
  const item = (f: MapFigure) => mark(f.name);
  let summary = '';
  if (ranked.length) {
    summary = t('map.summary', { max: item(ranked[0]), min: item(ranked[ranked.length - 1]) });
    const h = ranked.find((f) => f.id === v.highlight);
    if (h) {
      const better = (f: MapFigure) => (m?.higherIsBetter === false ? f.value! < h.value! : f.value! > h.value!);
      const rank = 1 + ranked.filter(better).length;
      summary += `; ${t('map.rank', { name: mark(h.name), rank, count: ranked.length })}`;
    }
  }

  const what = m ? (m.unit && !m.rate ? `${isolate(m.name)} (${isolate(m.unit)})` : isolate(m.name)) : t('map.modelsName');
  const notes = [
    ...(v.regrouped ? [t('map.regrouped')] : []),
    ...(v.regrouped?.withheld ? [t(`map.withheld.${v.regrouped.withheld}`, { name: what })] : []),
    ...(v.mixed ? [t('map.mixed')] : []),
  ];

  const columns: MapWords['columns'] = [];
  const column = (head: string, cells: string[], said?: string[], figures?: boolean) => cells.some(Boolean) && columns.push({ head, cells, said, figures });
  const counted = (f: MapFigure) => f.total !== undefined && f.count !== undefined;
  const provenance = (date: (iso: string, lang: Lang) => string) =>
    rows.map((f) => [f.source && isolate(f.source.name), f.asOf && t('map.asOf', { date: date(f.asOf, lang) })].filter(Boolean).join(' · '));
  column(
    m ? (m.unit ? `${t('map.figures')} (${isolate(m.unit)})` : t('map.figures')) : t('map.completedOf'),
    rows.map((f) =>
      counted(f)
        ? `${num(f.count!)}/${num(f.total!)}`
        : f.exact !== undefined && fig(f.exact) !== num(f.exact)
          ? num(f.exact)
          : '',
    ),
    rows.map((f) => (counted(f) ? t('map.of', { count: num(f.count!), total: num(f.total!) }) : '')),
    true,
  );
  column(
    t('map.parts'),
    rows.map((f) => [f.parts?.join(', '), f.missing && t('map.missing', { names: f.missing.join(', ') })].filter(Boolean).join('; ')),
  );
  // On screen a date never breaks inside ("20 Jun | 2024" in a narrow cell); the ear gets it in words.
  column(t('map.note'), provenance((iso, l) => formatDate(iso, l).replace(/ /g, '\u00a0')), provenance(formatDateSpoken));

  return {
    view: v,
    lang,
    caption: m ? t('map.metric', { name: isolate(m.name) }) : t('map.models'),
    figures: v.tiles.map(figureOf),
    labels: v.tiles.map(labelOf),
    outside: v.outside.map(nameOf),
    outsideFigures: v.outside.map(figureOf),
    legend,
    summary,
    notes,
    head: m ? what : t('map.rate'),
    columns,
  };
}

/** A cell for the eye and, where it differs, the same for the ear ("6/38" shown, "6 trên 38" read). */
function said(seen: string, heard = seen) {
  return seen === heard ? seen : html`<span aria-hidden="true">${seen}</span><span class="visually-hidden">${heard}</span>`;
}

/** "15,8" and a "%" that narrow tiles leave to the legend. */
function figureParts(figure: string) {
  return figure.endsWith('%') ? html`${figure.slice(0, -1)}<span class="pct">%</span>` : figure;
}

/** The caption, the tiles, the archipelagos, the legend, the provinces outside the grid, and the table. */
export function renderMap(w: MapWords, on: MapHandlers): TemplateResult {
  const v = w.view;
  const t = (key: MapWord, params?: MessageParams) => mapMsg(w.lang, key, params);
  // Names from the feed and the grid are Vietnamese, also in an English widget.
  const vi = w.lang === 'vi' ? nothing : 'vi';
  const name = (text: string) => html`<bdi lang=${vi}>${text}</bdi>`;
  const hl = (f: MapFigure) => f.id !== undefined && f.id === v.highlight;
  const cell = (row: number, col: number, span = 1) =>
    cssomStyle({ 'grid-row': String(row + 1), 'grid-column': `${col + 1} / span ${span}` });
  const tile = (f: MapTile, i: number) => {
    const k = f.k === undefined ? 'none' : `k${f.k}`;
    // Templates are written without indentation: Lit ships their text as it is (the chunk's budget).
    return html`<button type="button" part=${hl(f) ? 'tile tile-highlight' : 'tile'} class="tile ${k}${hl(f) ? ' hl' : ''}" style=${cell(f.row, f.col)} tabindex=${i === on.focus ? 0 : -1} aria-current=${hl(f) ? 'true' : nothing} aria-disabled=${f.id === undefined ? 'true' : nothing} data-code=${f.code} @click=${() => on.choose(i)} @focus=${() => on.focused(i)}
><span class="abbr" aria-hidden="true" lang=${vi}>${f.abbr}</span><span class="short" aria-hidden="true" lang=${vi}>${f.short}</span><span part="figure" class="fig" aria-hidden="true">${figureParts(w.figures[i])}</span><span class="label visually-hidden">${name(rowNames[i])}: ${w.labels[i]}</span></button>`;
  };
  const rows: MapFigure[] = [...v.tiles, ...v.outside];
  const rowFigures = [...w.figures, ...w.outsideFigures];
  const rowNames = [...v.tiles.map((f) => (f.present ? t('map.partOf', { name: isolate(f.name), unit: f.present }) : f.name)), ...w.outside];

  return html`${on.title(w.caption)}<div class="layout"><div class="box"
><div part="map" class="map g${v.grid}" role="group" aria-label=${t('map.label')} aria-describedby="hint" style=${cssomStyle({ '--cols': String(v.cols) })} @keydown=${on.key}
>${v.tiles.map(tile)}${v.islands.map(
    (i) => html`<p part="island" class="island" style=${cell(i.row, i.col, i.span)}><span>${t(i.key === 'hoangSa' ? 'map.hoangSa' : 'map.truongSa', { unit: i.name })}</span></p>`,
  )}</div
><p id="hint" class="visually-hidden">${t('map.hint')}</p></div
><div class="aside"><p class="legend-title" id="legend">${t('map.legend')}</p
><ul part="legend" class="legend" aria-labelledby="legend">${w.legend.map((range, k) => html`<li><span class="swatch k${k}"></span>${range}</li>`)}<li><span class="swatch none"></span>${t('map.noData')}</li></ul
>${v.outside.length
    ? html`<p class="outside-title" id="outside">${t('map.outside')}</p><ul part="outside" class="outside" aria-labelledby="outside">${v.outside.map(
        (f, i) => html`<li class=${hl(f) ? 'hl' : ''}>${name(w.outside[i])}: ${w.outsideFigures[i]}</li>`,
      )}</ul>`
    : nothing}${w.notes.map((n) => html`<p part="map-note" class="map-note">${n}</p>`)}</div></div
><button part="toggle" class="toggle" type="button" aria-expanded=${on.open} aria-controls="data" @click=${on.toggle}>${t(on.open ? 'map.hide' : 'map.show')}</button
><table id="data" part="table" ?hidden=${!on.open}><caption>${w.caption}</caption
><thead><tr><th scope="col">${t('map.province')}</th><th scope="col">${w.head}</th>${w.columns.map((c) => html`<th scope="col">${c.head}</th>`)}</tr></thead
><tbody>${rows.map(
    (f, i) =>
      html`<tr class=${hl(f) ? 'hl' : ''}><th scope="row">${hl(f) ? html`<span aria-hidden="true">▶ </span>` : nothing}${name(rowNames[i])}</th><td class="figure">${rowFigures[i]}</td>${w.columns.map((c) => html`<td class=${c.figures ? 'figure' : nothing}>${said(c.cells[i], c.said?.[i])}</td>`)}</tr>`,
  )}</tbody></table>`;
}
