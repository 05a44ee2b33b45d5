import { css } from 'lit';

/**
 * The map's styles. Both grids are six columns wide: in a 320 px widget a tile
 * is about 46 px. A map narrower than 17.5em (tiles under 45 px at the reader's
 * font size) shows abbreviations and leaves "%" to the legend; a wider one
 * shows the short names.
 */
export const mapStyles = css`
  :host {
    --tiendo-skeleton-height: 40em;
  }
  .title {
    font-weight: 600;
  }
  .layout {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1.5em;
    align-items: flex-start;
    margin: 0.5em 0;
  }
  .box {
    container-type: inline-size;
    width: min(100%, calc(var(--tiendo-map-tile, 3.5em) * 6 + 10px));
  }
  .map {
    display: grid;
    grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
    gap: 2px;
  }
  .tile {
    position: relative;
    aspect-ratio: 1;
    min-width: 0;
    margin: 0;
    padding: 1px;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    font: inherit;
    font-size: max(12px, 0.75em);
    line-height: 1.1;
    text-align: center;
    overflow-wrap: normal;
    color: #1f2328;
    border: 1px solid var(--tiendo-map-tile-border, var(--tiendo-color-border-strong, #8c959f));
    border-radius: 2px;
    cursor: pointer;
  }
  .tile:focus-visible {
    z-index: 2;
  }
  .short {
    display: none;
    font-weight: 600;
  }
  .abbr {
    font-weight: 600;
  }
  .pct {
    display: none;
  }
  @container (min-width: 17.5em) {
    .short {
      display: block;
    }
    .abbr {
      display: none;
    }
    .pct {
      display: inline;
    }
  }
  .k0 {
    background: var(--tiendo-map-1, #eef4fb);
  }
  .k1 {
    background: var(--tiendo-map-2, #bfd8ee);
  }
  .k2 {
    background: var(--tiendo-map-3, #7fb2dc);
  }
  .k3 {
    background: var(--tiendo-map-4, #2f78b8);
  }
  .k4 {
    background: var(--tiendo-map-5, #0b3f7a);
  }
  .tile.k3,
  .tile.k4 {
    color: #fff;
  }
  .none {
    color: var(--tiendo-color-text, #1f2328);
    background: repeating-linear-gradient(
        135deg,
        transparent 0 4px,
        var(--tiendo-color-border, #d0d7de) 4px 6px
      ),
      var(--tiendo-color-surface, #fff);
  }
  /* The highlighted tile: a ring in the highlight colour outside, a white one inside (more than colour). */
  .tile.hl {
    z-index: 1;
    border-color: var(--tiendo-color-highlight-bar, #073b74);
    box-shadow:
      0 0 0 2px var(--tiendo-color-highlight-bar, #073b74),
      inset 0 0 0 2px #fff;
  }
  tr.hl {
    font-weight: 700;
  }
  .island {
    display: flex;
    align-items: center;
    gap: 0.25em;
    padding-inline-start: 0.25em;
    font-size: max(12px, 0.75em);
    line-height: 1.15;
    color: var(--tiendo-color-muted, #57606a);
    overflow-wrap: normal;
  }
  .island::before {
    content: '';
    flex: none;
    width: 1em;
    height: 1.5em;
    background: radial-gradient(circle, currentColor 0 1.5px, transparent 2px) 0 0 / 0.5em 0.5em;
  }
  .aside {
    flex: 1 1 12em;
    font-size: max(12px, 0.875em);
  }
  .legend,
  .outside {
    list-style: none;
    margin: 0.25em 0 0.75em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .swatch {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    border: 1px solid var(--tiendo-map-tile-border, var(--tiendo-color-border-strong, #8c959f));
  }
  .legend-title,
  .outside-title {
    font-weight: 600;
  }
  .toggle {
    font: inherit;
    font-size: max(12px, 0.875em);
    padding: 0.25em 0.75em;
    color: var(--tiendo-color-link, #0b5cad);
    background: none;
    border: 1px solid;
    border-radius: 0.25em;
  }
  table {
    width: 100%;
    margin-top: 0.5em;
    border-collapse: collapse;
    font-size: max(12px, 0.875em);
  }
  caption,
  th,
  td {
    text-align: start;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--tiendo-color-border, #d0d7de);
  }
  td.figure {
    white-space: nowrap;
  }
  /* The colours are data: printed as they are (browsers drop backgrounds on paper unless told), and
     under forced colours they stay, with system-coloured edges. */
  .tile,
  .swatch {
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  @media (forced-colors: active) {
    .tile,
    .swatch {
      forced-color-adjust: none;
      border-color: CanvasText;
    }
    .tile.hl {
      border-color: Highlight;
    }
  }
  @media print {
    .toggle {
      display: none;
    }
  }
`;
