import { css } from 'lit';

export const tableStyles = css`
  /* The skeleton reserves the height of a short table when it is ready (a caption, a header, a few rows, the
     CSV button; issue 19), taller on a phone where the header's words wrap; a long table grows to its
     scrolling box (at most 36em). A snippet from tiendo snippet reserves the table's own height. */
  :host {
    --tiendo-skeleton-height: 18em;
  }
  @media (max-width: 30em) {
    :host {
      --tiendo-skeleton-height: 26em;
    }
  }
  .widget {
    --_shade: color-mix(in srgb, var(--tiendo-color-text, #1f2328) 22%, transparent);
  }
  /*
   * On a phone the table scrolls inside itself, in a box no taller than --tiendo-table-max-height, and
   * its header row and the province names stay in view (sticky, on opaque backgrounds derived from the
   * surface, so that nothing shows through them). While there is more to see, the box is a tab stop,
   * a short hint says so and the edges with more beyond them are shaded (set by scroll-watch.ts).
   */
  .frame {
    position: relative;
  }
  .scroll {
    /* The containing block of what is positioned inside (visually hidden words too), so that it scrolls and clips with the table. */
    position: relative;
    overflow: auto;
    max-height: var(--tiendo-table-max-height, 36em);
    container-type: inline-size;
    /* A row or name reached from the keyboard is not left under the sticky header or name column. */
    scroll-padding-block-start: 3em;
    scroll-padding-inline-start: 7em;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--tiendo-color-focus, #0b5cad);
    outline-offset: 2px;
  }
  .scroll-hint {
    margin: 0 0 0.25em;
    text-align: end;
    font-size: max(12px, 0.8125em);
    color: var(--tiendo-color-muted, #57606a);
  }
  /* The shade on an edge with more beyond it: the text colour, faint, so it suits light and dark. */
  .frame::before,
  .frame::after {
    content: '';
    position: absolute;
    z-index: 4;
    pointer-events: none;
    opacity: 0;
  }
  .frame::after {
    top: 0;
    bottom: 0;
    right: 0;
    width: 1.25em;
    background: linear-gradient(to right, transparent, var(--_shade));
  }
  .frame::before {
    left: 0;
    right: 0;
    bottom: 0;
    height: 1.25em;
    background: linear-gradient(to bottom, transparent, var(--_shade));
  }
  .frame.more-end::after,
  .frame.more-below::before {
    opacity: 1;
  }
  table {
    width: 100%;
    border-spacing: 0;
    font-size: max(12px, 0.875em);
    overflow-wrap: normal;
  }
  caption {
    max-width: 100cqw;
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5em;
  }
  th,
  td {
    padding: 0.375em 0.5em;
    text-align: start;
    vertical-align: bottom;
    border-bottom: 1px solid var(--tiendo-color-border, #d0d7de);
  }
  td {
    white-space: nowrap;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .name {
    position: sticky;
    left: 0;
    z-index: 1;
    min-width: 7em;
    font-weight: inherit;
    background: var(--tiendo-color-surface, #ffffff);
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: color-mix(in srgb, var(--tiendo-color-text, #1f2328) 5%, var(--tiendo-color-surface, #ffffff));
  }
  thead th.name {
    z-index: 3;
  }
  /* Scrolled: a shade beside the names and under the header, over what scrolls beneath them. */
  .more-start .name::after,
  .more-above thead th::after {
    content: '';
    position: absolute;
    pointer-events: none;
  }
  .more-start .name::after {
    top: 0;
    bottom: 0;
    left: 100%;
    width: 0.5em;
    background: linear-gradient(to right, var(--_shade), transparent);
  }
  .more-above thead th::after {
    left: 0;
    right: 0;
    top: 100%;
    height: 0.5em;
    background: linear-gradient(to bottom, var(--_shade), transparent);
  }
  button {
    font: inherit;
    font-weight: 600;
    color: inherit;
    text-align: inherit;
    cursor: pointer;
    /* Not the browser's grey: on a dark theme its text would vanish. */
    background: none;
    border: 1px solid;
    border-radius: 0.25em;
    padding: 0.25em 0.75em;
  }
  th button {
    background: none;
    border: 0;
    padding: 0;
  }
  /* In a group, a row's name chooses that area: a button that reads as the name, underlined. */
  th .pick {
    font-weight: inherit;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  /* The highlighted province: bold, a left marker and a tint, not colour alone. */
  .hl > * {
    font-weight: 700;
    /* A tint of the surface (the theme's, or the portal's), never a fixed pale yellow. */
    background: var(
      --tiendo-color-highlight,
      color-mix(in srgb, var(--tiendo-color-warning, #9a6700) 16%, var(--tiendo-color-surface, #ffffff))
    );
  }
  .hl > :first-child {
    box-shadow: inset 5px 0 var(--tiendo-color-marker, #9a6700);
  }
  tfoot * {
    font-weight: 600;
  }
  .tools,
  .pages,
  .find,
  .table-note {
    margin: 0.75em 0 0;
    font-size: max(12px, 0.875em);
  }
  /* Long tables: the filter box above, the pages below. */
  .find {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin: 0 0 0.75em;
  }
  .find label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--tiendo-color-surface, #ffffff);
    border: 1px solid;
    border-radius: 0.25em;
    padding: 0.25em 0.5em;
    min-width: 0;
  }
  input {
    flex: 1 1 10em;
    max-width: 20em;
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  /* A change's date, a unit's former provinces: a second line, quieter. */
  .since,
  .parts {
    display: block;
    font-size: max(12px, 0.85em);
    font-weight: normal;
    color: var(--tiendo-color-muted, #57606a);
  }
  .parts {
    white-space: normal;
  }
  td.from {
    white-space: normal;
    min-width: 10em;
    color: var(--tiendo-color-muted, #57606a);
  }
  /* The highlighted row shown after the top rows (or the page), with its rank. */
  tr.after > * {
    border-top: 2px dashed var(--tiendo-color-border, #d0d7de);
  }
  td.empty {
    white-space: normal;
  }
  .csv-note {
    margin-inline-start: 0.5em;
  }
  @media print {
    .scroll {
      overflow: visible;
      max-height: none;
    }
    .find,
    .tools button,
    .scroll-hint,
    .frame::before,
    .frame::after {
      display: none;
    }
  }
`;
